"""The ``paycheck`` command: a thin layer over the library.

Exit codes: 0 nothing counted found, 1 a violation, underpayment or undocumented
deduction, 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from paycheck.catalog import RULES
from paycheck.checks.findings import clause_text
from paycheck.claim import command as claim_command
from paycheck.engine import check
from paycheck.law.packs import RulePackError, all_packs, keep_packs_in, law
from paycheck.law.tables import Clause, Step, Tier
from paycheck.law.vocabulary import REGISTRY
from paycheck.loader import InputError, load
from paycheck.messages import LANGUAGES, default_language, msg
from paycheck.model import Payslip
from paycheck.money import fmt_rate
from paycheck.render import to_json, to_markdown, to_table
from paycheck.report import Report

if TYPE_CHECKING:  # the batch machinery (its process pool) is imported only by check-batch
    from paycheck.batch.output import Output
    from paycheck.batch.summary import Summary

T = TypeVar("T")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"paycheck: {message} (see paycheck --help)\n")


def _positive(text: str) -> int:
    value = int(text) if text.strip().isascii() and text.strip().isdigit() else 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return value


def _count(text: str) -> int:
    if not (text.strip().isascii() and text.strip().isdigit()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number")
    return int(text)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _language(argv: Sequence[str]) -> str:
    """The language asked for with --lang (for the help too), else the locale's."""
    for n, arg in enumerate(argv):
        value = (
            arg.split("=", 1)[1]
            if arg.startswith("--lang=")
            else (argv[n + 1] if arg == "--lang" and n + 1 < len(argv) else None)
        )
        if value in LANGUAGES:
            return value
    return default_language()


def _parser(lang: str = "en") -> argparse.ArgumentParser:
    def h(key: str, **args: Any) -> str:
        return msg(key, **args).text(lang)

    common = _Parser(add_help=False)
    common.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=lang,
        help=h("cli.lang", languages=list(LANGUAGES), now=lang),
    )
    p = _Parser(prog="paycheck", description=h("cli.description"))
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    c = sub.add_parser(
        "check",
        parents=[common],
        help=h("cli.check.help"),
        description=h("cli.check.description"),
        epilog=h("cli.check.epilog"),
    )
    c.add_argument("files", nargs="+", metavar="FILE", help=h("cli.check.files"))
    c.add_argument(
        "--format",
        choices=["table", "json", "markdown"],
        default="table",
        help=h("cli.check.format"),
    )
    c.add_argument("--on", type=_date, metavar="DATE", help=h("cli.check.on"))
    b = sub.add_parser(
        "check-batch",
        parents=[common],
        help=h("cli.batch.help"),
        description=h("cli.batch.description"),
        epilog=h("cli.batch.epilog"),
    )
    b.add_argument("input", metavar="INPUT", help=h("cli.batch.input"))
    b.add_argument("--jobs", type=_positive, default=None, metavar="N", help=h("cli.batch.jobs"))
    b.add_argument(
        "--format",
        choices=["summary", "jsonl", "csv"],
        default="summary",
        help=h("cli.batch.format"),
    )
    b.add_argument("--output", metavar="FILE", help=h("cli.output"))
    b.add_argument(
        "--input-format",
        choices=["auto", "jsonl", "csv", "dir"],
        default="auto",
        help=h("cli.batch.input-format"),
    )
    b.add_argument("--on", type=_date, metavar="DATE", help=h("cli.batch.on"))
    b.add_argument("--skip", type=_count, default=0, metavar="N", help=h("cli.batch.skip"))
    n = sub.add_parser(
        "new", parents=[common], help=h("cli.new.help"), description=h("cli.new.description")
    )
    n.add_argument("jurisdiction", metavar="JURISDICTION", help=h("cli.new.jurisdiction"))
    n.add_argument("--output", metavar="FILE", help=h("cli.new.output"))
    claim_command.add_parser(sub, LANGUAGES, _date, h)
    r = sub.add_parser("rules", parents=[common], help=h("cli.rules.help"))
    r.add_argument("jurisdiction", nargs="?", metavar="JURISDICTION")
    r.add_argument("--on", type=_date, metavar="DATE", default=None, help=h("cli.rules.on"))
    e = sub.add_parser("explain", parents=[common], help=h("cli.explain.help"))
    e.add_argument("rule", metavar="RULE_ID")
    sc = sub.add_parser("schema", parents=[common], help=h("cli.schema.help"))
    sc.add_argument("--report", action="store_true", help=h("cli.schema.report"))
    w = sub.add_parser(
        "serve", parents=[common], help=h("cli.serve.help"), description=h("cli.serve.description")
    )
    w.add_argument("--port", type=_count, default=8765, help=h("cli.serve.port"))
    w.add_argument("--no-browser", action="store_true", help=h("cli.serve.no-browser"))
    w.add_argument("--host", default="127.0.0.1", help=h("cli.serve.host"))
    w.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="NAME",
        help=h("cli.serve.allowed-host"),
    )
    return p


def _pack_cache() -> Path | None:
    """Where the command keeps the rule packs it has read (docs/performance.md):
    ``$PAYCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/paycheck``, else ``~/.cache/paycheck``;
    none when ``PAYCHECK_CACHE_DIR`` is set empty."""
    chosen = os.environ.get("PAYCHECK_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(home) / "paycheck"


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _parser(_language(argv)).parse_args(argv)
    with keep_packs_in(_pack_cache()):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    try:
        if args.command == "check":
            return _check(args.files, args.format, args.on, args.lang)
        if args.command == "check-batch":
            return _check_batch(args)
        if args.command == "claim":
            return claim_command.run(args)
        if args.command == "rules":
            return _rules(args.jurisdiction, args.on or date.today())
        if args.command == "explain":
            return _explain(args.rule)
        if args.command == "new":
            return _new(args.jurisdiction, args.lang, args.output)
        if args.command == "serve":  # the web framework is imported only here (an extra)
            from paycheck.web import serve

            return serve(
                args.host,
                args.port,
                open_browser=not args.no_browser,
                allowed_hosts=args.allowed_host,
            )
        print(json.dumps(json_schema(report=args.report), indent=2, ensure_ascii=False))
        return 0
    except (InputError, RulePackError) as exc:
        print(f"paycheck: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def _new(jurisdiction: str, lang: str, output: str | None) -> int:
    """A payslip file to fill in, on standard output or into a new file."""
    from paycheck.new import new_payslip

    text = new_payslip(jurisdiction, lang)
    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        with open(output, "x", encoding="utf-8") as f:
            f.write(text)
    except FileExistsError:
        raise InputError("exists already: choose another name", source=output) from None
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", source=output) from None
    print(
        f"paycheck: wrote {output}: fill it in, then run: paycheck check {output}", file=sys.stderr
    )
    return 0


def _check(files: list[str], fmt: str, on: date | None, lang: str = "en") -> int:
    """Check each file; a bad file is reported on stderr and the others still checked. JSON
    is one object for one FILE and a list for several (whether or not some were bad)."""
    reports = []
    bad = False
    for path in files:
        try:
            reports.append(check(load(path), on=on, source=path))
        except InputError as exc:
            print(f"paycheck: {exc.text(lang)}", file=sys.stderr)
            bad = True
    if reports:
        if fmt == "json":
            print(to_json(reports, lang, several=len(files) > 1))
        else:
            render = to_markdown if fmt == "markdown" else to_table
            print("\n\n".join(render(r, lang) for r in reports))
    return 2 if bad else max(r.exit_code for r in reports)


def json_schema(report: bool = False) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a payslip, or of a report as JSON writes it."""
    schema = (
        Report.model_json_schema(mode="serialization") if report else Payslip.model_json_schema()
    )
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def _check_batch(args: argparse.Namespace) -> int:
    """Stream a payroll through check_many; write results as they come; summarise.

    Workers turn each result into what is written (a JSON line, CSV cells) and the few
    facts the summary needs, so whole reports never travel between processes. A signal
    or a write error ends the run on a whole line and says how to resume it.
    """
    from paycheck.batch import Result, Stopped, check_many, read_input, stopped_by_signals
    from paycheck.batch.output import Output, WriteFailed
    from paycheck.batch.summary import Summary, facts, with_csv, with_json

    if (
        args.output
        and args.input != "-"
        and Path(args.output).resolve() == Path(args.input).resolve()
    ):
        raise InputError("--output would overwrite the input", source=args.output)
    summary = Summary()
    not_read: list[str] = []

    def note(path: str, why: str) -> None:
        summary.not_read += 1
        not_read.append(f"paycheck: {path}: not read: {why}")

    records = read_input(args.input, args.input_format, not_read=note)
    for line in not_read[:10]:
        print(line, file=sys.stderr)
    if len(not_read) > 10:
        print(f"paycheck: and {len(not_read) - 10} more files not read", file=sys.stderr)
    try:
        out = Output(args.output, append=args.skip > 0)
    except WriteFailed as exc:
        raise InputError(f"cannot write: {exc.reason}", source=args.output) from None
    transforms: dict[str, Callable[[Result], Any]] = {
        "summary": facts,
        "jsonl": functools.partial(with_json, lang=args.lang),
        "csv": with_csv,
    }
    transform = transforms[args.format]
    results = check_many(
        itertools.islice(records, args.skip, None),
        jobs=args.jobs,
        on=args.on,
        transform=transform,
        start=args.skip,
    )
    total = _total(args) if sys.stderr.isatty() else None
    with stopped_by_signals(), closing(results):
        try:
            try:
                _write(out, _progress(results, total), args, summary)
                out.close()
            except Stopped as stop:  # (a second signal from here on ends the process at once)
                results.close()  # the workers end first, then what is gathered is written
                out.close()
                print(f"paycheck: stopped by {stop.name}: {_where(out, args)}", file=sys.stderr)
                return 128 + stop.signum
        except WriteFailed as exc:
            print(f"paycheck: {exc}: {_where(out, args)}", file=sys.stderr)
            return 2
    if args.format != "summary":
        not_read_count = f", {summary.not_read} files not read" if summary.not_read else ""
        print(
            f"paycheck: {summary.checked} checked, {summary.with_findings} with findings, "
            f"{summary.bad} bad records{not_read_count}",
            file=sys.stderr,
        )
    if summary.checked + summary.bad == 0:
        raise InputError("no records found: nothing was checked", source=args.input)
    return summary.exit_code


def _write(out: Output, items: Iterable[Any], args: argparse.Namespace, summary: Summary) -> None:
    from paycheck.batch.layout import csv_header

    if args.format == "summary":
        for f in items:
            summary.add_facts(f)
        out.write(summary.table() + "\n", records=0)
        return
    if args.format == "csv" and not args.skip:
        out.write(csv_header(), records=0)
    for index, (f, text) in enumerate(items, args.skip):
        summary.add_facts(f)
        if args.format == "csv":
            out.write(f"{index},{text}")
        elif text.startswith('{"index"'):
            out.write(text + "\n")
        else:  # every line names its record by index, as bad records do
            out.write(f'{{"index": {index}, {text[1:]}\n')


def _where(out: Output, args: argparse.Namespace) -> str:
    """How far a stopped run got, and the option that resumes it."""
    if args.format == "summary":
        return "no summary was written; run it again to check every record"
    done = args.skip + out.written
    return (
        f"{out.written} records written to {out.name} (records {args.skip} to {done - 1}); "
        f"to resume, run the same command with --skip {done}"
        if out.written
        else f"no record written to {out.name}; to resume, run the same command"
        + (f" with --skip {args.skip}" if args.skip else "")
    )


def _total(args: argparse.Namespace) -> int | None:
    """The number of records to check, for the progress bar, when the input can tell."""
    from paycheck.batch import count_records

    try:
        total = count_records(args.input, args.input_format)
    except OSError:
        return None
    return None if total is None else max(0, total - args.skip)


def _progress(items: Iterator[T], total: int | None) -> Iterator[T]:
    """A progress bar on standard error for a person watching; none in a pipe or a log.

    With the number of records known (a file, a directory), it shows the time left too.
    """
    from tqdm import tqdm

    yield from tqdm(
        items, total=total, file=sys.stderr, unit=" payslips", disable=not sys.stderr.isatty()
    )


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
        _other_levels(lw.at_levels(param, on)[1:])
    return 0


def _other_levels(values: Sequence[Any]) -> None:
    """The values in force at the less specific levels too (a state's and the country's
    minimum wage beside a city's: where the highest applies, each counts)."""
    for value in values:
        flag = "" if value.settled else f" [{value.status.value}]"
        print(
            f"    also {value.jurisdiction}: {_show(value.value)} {value.unit}{flag}  "
            f"(from {value.effective})"
        )
        for cite in value.citations:
            print(f"        cites: {cite.short()}" + (f"  {cite.href}" if cite.href else ""))


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
