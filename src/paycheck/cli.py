"""The ``paycheck`` command: a thin layer over the library.

Exit codes: 0 nothing counted found, 1 a violation, underpayment or undocumented
deduction, 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TypeVar

from tqdm import tqdm

from paycheck.batch import check_many, read_input
from paycheck.catalog import RULES
from paycheck.checks.findings import clause_text
from paycheck.engine import check
from paycheck.law.packs import RulePackError, all_packs, law
from paycheck.law.tables import Clause, Step, Tier
from paycheck.law.vocabulary import REGISTRY
from paycheck.loader import InputError, load
from paycheck.model import Payslip
from paycheck.money import fmt_rate
from paycheck.render import to_json, to_markdown, to_table
from paycheck.summary import Summary, csv_header, facts, with_csv, with_json

T = TypeVar("T")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"paycheck: {message} (see paycheck --help)\n")


def _positive(text: str) -> int:
    value = int(text) if text.strip().isdigit() else 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return value


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="paycheck", description="Check payslips against labour law.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    c = sub.add_parser(
        "check",
        help="check payslip files",
        description="Check payslips against the labour law of their jurisdiction.",
        epilog="Exit codes: 0 no violation, underpayment or undocumented deduction; "
        "1 at least one; 2 bad input (one line on stderr names the file, the field and the "
        "problem).",
    )
    c.add_argument(
        "files", nargs="+", metavar="FILE", help="payslip files: .yaml, .yml, .json or .toml"
    )
    c.add_argument(
        "--format",
        choices=["table", "json", "markdown"],
        default="table",
        help="table for a person (default), json for programs, markdown for a letter",
    )
    c.add_argument(
        "--on",
        type=_date,
        metavar="DATE",
        help="read the law as in force on DATE instead of the payslip's own dates",
    )
    b = sub.add_parser(
        "check-batch",
        help="check a payroll run: JSON Lines, CSV (flat layout), a directory, or - for stdin",
        description="Check every payslip of a payroll run, on all cores, streaming.",
        epilog="Exit codes: 0 nothing counted as owed, 1 findings, 2 bad input or bad records "
        "(each bad record is reported with its line and reason; the others are still checked). "
        "The CSV layout is in docs/batch.md.",
    )
    b.add_argument(
        "input", metavar="INPUT", help="a .jsonl or .csv file, a directory, or - for stdin"
    )
    b.add_argument(
        "--jobs",
        type=_positive,
        default=None,
        metavar="N",
        help="worker processes (default: all cores)",
    )
    b.add_argument(
        "--format",
        choices=["summary", "jsonl", "csv"],
        default="summary",
        help="summary table (default), one JSON report per line, or one CSV row per payslip",
    )
    b.add_argument("--output", metavar="FILE", help="write here instead of standard output")
    b.add_argument(
        "--input-format",
        choices=["auto", "jsonl", "csv", "dir"],
        default="auto",
        help="how to read INPUT (default: by its name; - is JSON Lines)",
    )
    b.add_argument(
        "--on",
        type=_date,
        metavar="DATE",
        help="read the law as in force on DATE instead of the payslips' own dates",
    )
    r = sub.add_parser("rules", help="rule packs, parameters and citations in force on a date")
    r.add_argument("jurisdiction", nargs="?", metavar="JURISDICTION")
    r.add_argument(
        "--on", type=_date, metavar="DATE", default=None, help="the date (default: today)"
    )
    e = sub.add_parser("explain", help="what a rule checks and the law behind it")
    e.add_argument("rule", metavar="RULE_ID")
    sub.add_parser("schema", help="print the payslip JSON Schema")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args.files, args.format, args.on)
        if args.command == "check-batch":
            return _check_batch(args)
        if args.command == "rules":
            return _rules(args.jurisdiction, args.on or date.today())
        if args.command == "explain":
            return _explain(args.rule)
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            **Payslip.model_json_schema(),
        }
        print(json.dumps(schema, indent=2, ensure_ascii=False))
        return 0
    except (InputError, RulePackError) as exc:
        print(f"paycheck: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def _check(files: list[str], fmt: str, on: date | None) -> int:
    """Check each file; a bad file is reported on stderr and the others still checked."""
    reports = []
    bad = False
    for path in files:
        try:
            reports.append(check(load(path), on=on, source=path))
        except InputError as exc:
            print(f"paycheck: {exc}", file=sys.stderr)
            bad = True
    if reports:
        if fmt == "json":
            print(to_json(reports))
        else:
            render = to_markdown if fmt == "markdown" else to_table
            print("\n\n".join(render(r) for r in reports))
    return 2 if bad else max(r.exit_code for r in reports)


def _check_batch(args: argparse.Namespace) -> int:
    """Stream a payroll through check_many; write results as they come; summarise.

    Workers turn each result into what is written (a JSON line, CSV cells) and the few
    facts the summary needs, so whole reports never travel between processes.
    """
    if (
        args.output
        and args.input != "-"
        and Path(args.output).resolve() == Path(args.input).resolve()
    ):
        raise InputError("--output would overwrite the input", source=args.output)
    records = read_input(args.input, args.input_format)
    summary = Summary()
    try:
        out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", source=args.output) from None
    try:
        if args.format == "summary":
            for f in _progress(check_many(records, jobs=args.jobs, on=args.on, transform=facts)):
                summary.add_facts(f)
            out.write(summary.table() + "\n")
        else:
            make = with_json if args.format == "jsonl" else with_csv
            if args.format == "csv":
                out.write(csv_header())
            items = check_many(records, jobs=args.jobs, on=args.on, transform=make)
            for index, (f, text) in enumerate(_progress(items)):
                summary.add_facts(f)
                if args.format == "csv":
                    out.write(f"{index},{text}")
                elif text.startswith('{"index"'):
                    out.write(text + "\n")
                else:  # every line names its record by index, as bad records do
                    out.write(f'{{"index": {index}, {text[1:]}\n')
    finally:
        if out is not sys.stdout:
            out.close()
    if args.format != "summary":
        print(
            f"paycheck: {summary.checked} checked, {summary.with_findings} with findings, "
            f"{summary.bad} bad records",
            file=sys.stderr,
        )
    if summary.checked + summary.bad == 0:
        raise InputError("no records found: nothing was checked", source=args.input)
    return summary.exit_code


def _progress(items: Iterator[T]) -> Iterator[T]:
    """A progress bar on standard error for a person watching; none in a pipe or a log."""
    yield from tqdm(items, file=sys.stderr, unit=" payslips", disable=not sys.stderr.isatty())


def _rules(code: str | None, on: date) -> int:
    packs = all_packs()
    if code is None:
        for c, pack in sorted(packs.items()):
            print(f"{c:12} {pack.info.name}")
        print("\nRule ids (the same in every jurisdiction): " + ", ".join(RULES))
        print("Run `paycheck rules JURISDICTION [--on DATE]` for parameters and citations.")
        return 0
    if code not in packs:
        raise InputError(
            f"unknown jurisdiction {code!r}: rule packs exist for {', '.join(sorted(packs))}"
        )
    lw = law(code)
    print(f"{lw.name} ({code}): law in force on {on}\n")
    for name in lw.names():
        param = REGISTRY[name]
        declared = lw.declared(name)
        assert declared is not None
        value = lw.get(param, on)
        print(f"{name}  [{', '.join(param.rules)}]")
        print(f"    {declared.file.label}")
        if value is None:
            print(f"    not in force on {on}")
            continue
        flag = "" if value.settled else f" [{value.status.value}]"
        print(
            f"    = {_show(value.value)} {value.unit}{flag}  "
            f"(from {value.effective}, {value.jurisdiction})"
        )
        for cite in value.citations:
            print(f"    cites: {cite.short()}" + (f"  {cite.href}" if cite.href else ""))
    return 0


def _explain(rule_id: str) -> int:
    rule = RULES.get(rule_id)
    if rule is None:
        raise InputError(f"unknown rule {rule_id!r}: rules are {', '.join(RULES)}")
    print(f"{rule.id}: {rule.title}\n")
    print(rule.explanation)
    for code, pack in sorted(all_packs().items()):
        own = {n: d for n, d in pack.parameters.items() if rule_id in d.param.rules}
        if not own:
            continue
        print(f"\n{code} ({law(code).name}):")
        for name, declared in sorted(own.items()):
            print(f"  {name}: {declared.file.label}")
            for start, dated in sorted(declared.file.values.items()):
                shown = _show(declared.values[start])
                flag = "" if dated.status == "verified" else f" [{dated.status.value}]"
                refs = "; ".join(f"{r.title} {r.article or ''}".strip() for r in dated.reference)
                print(f"    from {start}: {shown}{flag} — {refs}")
    return 0


def _show(value: object) -> str:
    """A parameter's value for a person."""
    if isinstance(value, list):
        return "; ".join(_show(v) for v in value) or "none"
    if isinstance(value, Tier):
        return f"up to {fmt_rate(value.up_to)} x the normal hours: {fmt_rate(value.days)} days' pay"
    if isinstance(value, Clause):
        return clause_text(value).text()
    if isinstance(value, Step):
        return f"from {fmt_rate(value.years)} years: {fmt_rate(value.weeks)} weeks"
    if isinstance(value, Decimal):
        return fmt_rate(value)
    if isinstance(value, Enum):
        return str(value.value)
    return "none" if value is None else str(value).lower()


if __name__ == "__main__":
    sys.exit(main())
