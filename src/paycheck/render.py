"""Reports as text: a table for people (the default), Markdown, and JSON for programs."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from typing import Any

from tabulate import tabulate

from paycheck.money import fmt
from paycheck.report import COUNTED, Report, Severity

WIDTH = 100


def to_json(reports: Sequence[Report]) -> str:
    """One JSON object for one report, a list for several."""
    data: Any = [r.model_dump(mode="json") for r in reports]
    return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2)


def _header(r: Report) -> str:
    source = f"{r.source}\n" if r.source else ""
    on = f"; law as on {r.law_on}" if r.law_on else ""
    return (
        f"{source}Employee {r.employee}, {r.period_start} to {r.period_end}, "
        f"{r.jurisdiction_name} ({r.jurisdiction}){on}"
    )


def _verdict(r: Report) -> str:
    counted = sum(1 for f in r.findings if f.severity in COUNTED)
    if not counted:
        text = "No violation, underpayment or undocumented deduction found."
    else:
        text = f"{counted} finding{'s' if counted != 1 else ''}: total owed {fmt(r.total_owed)} {r.currency}."
    if r.total_uncertain:
        text += f" A further {fmt(r.total_uncertain)} {r.currency} is at stake where the law is contested."
    return text


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def to_table(r: Report) -> str:
    """The report for a person: lines stated beside expected, findings, then the detail."""
    out = [_header(r), ""]
    if r.lines:
        rows = [
            [ln.line, ln.label or ln.kind, fmt(ln.stated),
             "" if ln.expected is None else fmt(ln.expected),
             "" if ln.difference is None else fmt(ln.difference)]
            for ln in r.lines
        ]
        out.append(tabulate(rows, headers=["line", "earnings", "stated", "lawful", "short by"],
                            disable_numparse=True, colalign=("left", "left", "right", "right", "right")))
        out.append("")
    if r.findings:
        rows = [
            [f.severity.value, f.rule, f.line or "", fmt(f.amount_owed) if f.amount_owed else "",
             _wrap(f.message, 60)]
            for f in r.findings
        ]
        out.append(tabulate(rows, headers=["severity", "rule", "line", "owed", "finding"],
                            tablefmt="simple_grid", disable_numparse=True))
        out.append("")
    out.append(_verdict(r))
    for n, f in enumerate(r.findings, 1):
        if f.severity is Severity.NOT_CHECKED and not f.computation:
            continue
        out.append("")
        out.append(f"[{n}] {f.rule} ({f.severity.value}) {f.line or ''}".rstrip())
        out.extend("    " + c for c in f.computation)
        for c in f.citations:
            article = f" {c.article}" if c.article else ""
            flag = "" if c.status == "verified" else f" [{c.status.value}]"
            out.append(f"    cites: {c.title}{article}{flag}")
    return "\n".join(out)


def to_markdown(r: Report) -> str:
    """The report as Markdown, for an adviser's letter or an issue tracker."""
    out = [f"## {_header(r).replace(chr(10), ' — ')}", "", _verdict(r), ""]
    if r.lines:
        rows = [[ln.line, ln.label or ln.kind, fmt(ln.stated),
                 "" if ln.expected is None else fmt(ln.expected),
                 "" if ln.difference is None else fmt(ln.difference)] for ln in r.lines]
        out.append(tabulate(rows, headers=["line", "earnings", "stated", "lawful", "short by"],
                            tablefmt="github", disable_numparse=True))
        out.append("")
    for f in r.findings:
        owed = f" — owed {fmt(f.amount_owed)} {r.currency}" if f.amount_owed else ""
        out.append(f"### {f.rule} ({f.severity.value}){' on ' + f.line if f.line else ''}{owed}")
        out.append("")
        out.append(f.message)
        if f.computation:
            out.append("")
            out.extend(f"    {c}" for c in f.computation)
        if f.citations:
            out.append("")
            out.extend(
                f"- {c.title}{' ' + c.article if c.article else ''} (in force from {c.effective}"
                f"{', ' + c.status.value if c.status != 'verified' else ''})"
                for c in f.citations
            )
        out.append("")
    return "\n".join(out)
