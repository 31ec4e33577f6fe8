"""``paycheck claim FILE``: the claim for one payslip, as Markdown, HTML or PDF.

Exit codes as ``paycheck check``: 0 nothing counted owed (the letter is still written: it may
list points to argue), 1 claims, 2 bad input, or PDF asked for without WeasyPrint.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from paycheck.loader import InputError


def add_parser(
    sub: argparse._SubParsersAction[Any],
    languages: Sequence[str],
    date_type: Callable[[str], date],
    h: Callable[[str], str],
) -> None:
    """The ``claim`` subcommand and its arguments (``date_type`` reads ``--today``; ``h``
    gives a help text in the reader's language)."""
    c = sub.add_parser(
        "claim",
        help=h("cli.claim-command.help"),
        description=h("cli.claim-command.description"),
        epilog=h("cli.claim-command.epilog"),
    )
    c.add_argument("file", metavar="FILE", help=h("cli.claim-command.file"))
    c.add_argument(
        "--format",
        choices=["markdown", "html", "pdf"],
        default="markdown",
        help=h("cli.claim-command.format"),
    )
    c.add_argument("--output", metavar="FILE", help=h("cli.output"))
    c.add_argument("--lang", choices=languages, default=None, help=h("cli.claim-command.lang"))
    c.add_argument(
        "--today",
        type=date_type,
        metavar="DATE",
        default=None,
        help=h("cli.claim-command.today"),
    )


def run(args: argparse.Namespace) -> int:
    """Build and write the claim; raises InputError for bad input."""
    from paycheck.claim.document import build
    from paycheck.claim.output import PdfUnavailable
    from paycheck.engine import check
    from paycheck.loader import load

    payslip = load(args.file)
    c = build(payslip, check(payslip, source=args.file), today=args.today, lang=args.lang)
    if args.format == "pdf":
        if args.output is None and sys.stdout.isatty():
            raise InputError("PDF is binary: give --output FILE, or redirect standard output")
        try:
            data = c.to_pdf()
        except PdfUnavailable as exc:
            print(f"paycheck: {exc}", file=sys.stderr)
            return 2
        if args.output is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            _write(args.output, data)
        return c.exit_code
    text = c.to_html() if args.format == "html" else c.to_markdown()
    if args.output is None:
        sys.stdout.write(text)
    else:
        _write(args.output, text.encode("utf-8"))
    return c.exit_code


def _write(path: str, data: bytes) -> None:
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", source=path) from None
