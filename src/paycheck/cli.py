"""The ``paycheck`` command: a thin layer over the library.

Exit codes: 0 nothing counted found, 1 a violation, underpayment or undocumented
deduction, 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date

from paycheck.catalog import RULES
from paycheck.engine import check
from paycheck.loader import InputError, load
from paycheck.model import Payslip
from paycheck.money import fmt_rate
from paycheck.packs import all_packs, law
from paycheck.render import to_json, to_markdown, to_table


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"paycheck: {message} (see paycheck --help)\n")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="paycheck", description="Check payslips against labour law.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    c = sub.add_parser("check", help="check payslip files")
    c.add_argument("files", nargs="+", metavar="FILE")
    c.add_argument("--format", choices=["table", "json", "markdown"], default="table")
    c.add_argument("--on", type=_date, metavar="DATE",
                   help="read the law as in force on DATE instead of the payslip's own dates")
    r = sub.add_parser("rules", help="rule packs, parameters and citations in force on a date")
    r.add_argument("jurisdiction", nargs="?", metavar="JURISDICTION")
    r.add_argument("--on", type=_date, metavar="DATE", default=None,
                   help="the date (default: today)")
    e = sub.add_parser("explain", help="what a rule checks and the law behind it")
    e.add_argument("rule", metavar="RULE_ID")
    sub.add_parser("schema", help="print the payslip JSON Schema")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args.files, args.format, args.on)
        if args.command == "rules":
            return _rules(args.jurisdiction, args.on or date.today())
        if args.command == "explain":
            return _explain(args.rule)
        print(json.dumps(Payslip.model_json_schema(), indent=2, ensure_ascii=False))
        return 0
    except InputError as exc:
        print(f"paycheck: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def _check(files: list[str], fmt: str, on: date | None) -> int:
    reports = []
    for path in files:
        reports.append(check(load(path), on=on, source=path))
    if fmt == "json":
        print(to_json(reports))
    else:
        render = to_markdown if fmt == "markdown" else to_table
        print("\n\n".join(render(r) for r in reports))
    return max(r.exit_code for r in reports)


def _rules(code: str | None, on: date) -> int:
    packs = all_packs()
    if code is None:
        for c, pack in sorted(packs.items()):
            print(f"{c:12} {pack.info.name}")
        print("\nRule ids (the same in every jurisdiction): " + ", ".join(RULES))
        print("Run `paycheck rules JURISDICTION [--on DATE]` for parameters and citations.")
        return 0
    if code not in packs:
        raise InputError(f"unknown jurisdiction {code!r}: rule packs exist for "
                         f"{', '.join(sorted(packs))}")
    lw = law(code)
    print(f"{lw.name} ({code}): law in force on {on}\n")
    for name in lw.names():
        value = lw.get(name, on)
        param = lw.parameter(name)
        assert param is not None
        print(f"{name}  [{', '.join(param.used_by)}]")
        print(f"    {param.label}")
        if value is None:
            print(f"    not in force on {on}")
            continue
        v = value.value
        shown = (", ".join(v) if isinstance(v, list) else fmt_rate(v) if hasattr(v, "normalize")
                 else "unknown" if v is None else str(v).lower())
        flag = "" if value.settled else f" [{value.status.value}]"
        print(f"    = {shown} {value.unit}{flag}  (from {value.effective}, {value.jurisdiction})")
        for c in value.citations:
            print(f"    cites: {c.short()}" + (f"  {c.href}" if c.href else ""))
    return 0


def _explain(rule_id: str) -> int:
    rule = RULES.get(rule_id)
    if rule is None:
        raise InputError(f"unknown rule {rule_id!r}: rules are {', '.join(RULES)}")
    print(f"{rule.id}: {rule.title}\n")
    print(rule.explanation)
    for code in sorted(all_packs()):
        lw = law(code)
        used = [n for n in lw.names() if rule_id in (lw.parameter(n) or _none()).used_by]
        own = [n for n in used if n in all_packs()[code].parameters]
        if not own:
            continue
        print(f"\n{code} ({lw.name}):")
        for name in own:
            param = all_packs()[code].parameters[name]
            print(f"  {name}: {param.label}")
            for start, dated in sorted(param.values.items()):
                v = dated.value
                shown = ", ".join(v) if isinstance(v, list) else str(v)
                flag = "" if dated.status == "verified" else f" [{dated.status.value}]"
                refs = "; ".join(f"{r.title} {r.article or ''}".strip() for r in dated.reference)
                print(f"    from {start}: {shown}{flag} — {refs}")
    return 0


def _none() -> object:
    class _Empty:
        used_by: list[str] = []
    return _Empty()


if __name__ == "__main__":
    sys.exit(main())
