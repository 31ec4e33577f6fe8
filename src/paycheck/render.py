"""Reports as text: a table for people (the default), Markdown, and JSON for programs."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from tabulate import tabulate

from paycheck.money import fmt
from paycheck.report import COUNTED, CitationOut, Finding, Report, Severity, payslip_line


def to_json(reports: Sequence[Report]) -> str:
    """One JSON object for one report, a list for several."""
    data: Any = [r.model_dump(mode="json") for r in reports]
    return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2)


def _header(r: Report) -> str:
    on = f"; law as in force on {r.law_on}" if r.law_on else ""
    return (
        f"Employee {r.employee}, pay period {r.period_start} to {r.period_end}, "
        f"{r.jurisdiction_name} ({r.jurisdiction}){on}"
    )


def _verdict(r: Report) -> str:
    counted = sum(1 for f in r.findings if f.severity in COUNTED)
    if not counted:
        text = "No violation, underpayment or undocumented deduction found."
    else:
        text = (
            f"Owed to the employee: {fmt(r.total_owed)} {r.currency} "
            f"({counted} finding{'s' if counted != 1 else ''}; each payslip line counted once)."
        )
    if r.total_uncertain:
        text += (
            f" A further {fmt(r.total_uncertain)} {r.currency} is at stake where the law "
            "or its figures are not settled (not counted as owed)."
        )
    return text


def _brief(c: CitationOut) -> str:
    """A citation short enough for a table: the document number where the title has one."""
    name = re.sub(r"\s*\(.*\)$", "", c.title).removeprefix("中华人民共和国")
    number = re.search(r"\(([^()]*号)", c.title)
    title = number.group(1) if number and len(name) > 14 else name
    return f"{title} {c.article}" if c.article else title


def _main(fs: list[Finding]) -> Finding:
    """The finding that best explains a line: the most specific rule with the most owed."""
    ranked = sorted(
        fs,
        key=lambda f: (
            f.severity not in COUNTED,
            f.rule == "undocumented-deduction",
            -f.amount_owed,
        ),
    )
    return ranked[0]


def _line_order(line: str) -> tuple[int, int]:
    """Payslip order: earnings, then deductions, by index; any other line after them."""
    where = payslip_line(line)
    if where is None:
        return (2, 0)
    return (0 if where[0] == "earnings" else 1, where[1])


def _owed_rows(r: Report) -> list[list[str]]:
    """One row per payslip line with money at stake: what, owed, uncertain, rule, article."""
    by_line: dict[str, list[Finding]] = {}
    for f in r.findings:
        if f.severity is not Severity.NOT_CHECKED and (f.amount_owed or f.amount_uncertain):
            by_line.setdefault(f.line or f.rule, []).append(f)
    rows = []
    for line, fs in sorted(by_line.items(), key=lambda item: _line_order(item[0])):
        owed = max((f.amount_owed for f in fs if f.severity in COUNTED), default=None)
        stake = max(f.amount_owed + f.amount_uncertain for f in fs)
        uncertain = stake - (owed or 0)
        main = _main(fs)
        label = fs[0].line_label or ""
        rows.append(
            [
                line,
                label if len(label) <= 26 else label[:25] + "…",
                "" if owed is None else fmt(owed),
                fmt(uncertain) if uncertain else "",
                main.rule,
                _brief(main.citations[0]) if main.citations else "",
            ]
        )
    return rows


def _detail(n: int, f: Finding, indent: str = "    ") -> list[str]:
    if f.severity is Severity.NOT_CHECKED:
        return [f"[{n}] NOT CHECKED" + (f" on {f.line}" if f.line else ""), indent + f.message]
    head = f"[{n}] {f.severity.value.upper()} {f.rule}" + (f" on {f.line}" if f.line else "")
    if f.line_label:
        head += f" ({f.line_label})"
    out = [head, indent + f.message]
    out.extend(f"{indent}  {c}" for c in f.computation)
    for c in f.citations:
        flag = "" if c.status == "verified" else f" [{c.status.value}]"
        out.append(f"{indent}cites: {c.short()}{flag}")
    return out


OWED_HEADERS = ["line", "what", "owed", "uncertain", "rule", "cite"]
EARNINGS_HEADERS = ["earnings", "what", "stated", "lawful", "short by"]


def _earnings_rows(r: Report) -> list[list[str]]:
    """Each earnings line as stated beside the lawful amount the checker computed."""
    return [
        [
            ln.line,
            ln.label or ln.kind,
            fmt(ln.stated),
            "" if ln.expected is None else fmt(ln.expected),
            "" if ln.difference is None else fmt(ln.difference),
        ]
        for ln in r.lines
    ]


def to_table(r: Report) -> str:
    """The report for a person: the verdict, what is owed line by line, then each finding."""
    out = ([r.source] if r.source else []) + [_header(r), "", _verdict(r)]
    rows = _owed_rows(r)
    if rows:
        out += [
            "",
            tabulate(
                rows,
                headers=OWED_HEADERS,
                disable_numparse=True,
                colalign=("left", "left", "right", "right"),
            ),
        ]
    if r.lines:
        out += [
            "",
            tabulate(
                _earnings_rows(r),
                headers=EARNINGS_HEADERS,
                disable_numparse=True,
                colalign=("left", "left", "right", "right", "right"),
            ),
        ]
    for n, f in enumerate(r.findings, 1):
        out += ["", *_detail(n, f)]
    if r.notes:
        out += ["", "Notes (the limits of this check):", *(f"- {note}" for note in r.notes)]
    return "\n".join(out)


def to_markdown(r: Report) -> str:
    """The report as Markdown, for an adviser's letter or an issue tracker."""
    out = [f"## {_header(r)}", ""]
    if r.source:
        out += [f"Payslip: `{r.source}`", ""]
    out += [_verdict(r), ""]
    rows = _owed_rows(r)
    if rows:
        out += [
            tabulate(
                rows,
                headers=OWED_HEADERS,
                tablefmt="github",
                disable_numparse=True,
            ),
            "",
        ]
    if r.lines:
        out += [
            tabulate(
                _earnings_rows(r),
                headers=EARNINGS_HEADERS,
                tablefmt="github",
                disable_numparse=True,
            ),
            "",
        ]
    for n, f in enumerate(r.findings, 1):
        title = f"### {n}. {f.rule} ({f.severity.value})" + (f" on `{f.line}`" if f.line else "")
        if f.line_label:
            title += f" ({f.line_label})"
        out += [title, "", f.message, ""]
        if f.computation:
            out += [f"    {c}" for c in f.computation] + [""]
        out += [
            f"- {c.short()}"
            + (f" ({c.status.value})" if c.status != "verified" else "")
            + (f" <{c.href}>" if c.href else "")
            for c in f.citations
        ]
        out.append("")
    if r.notes:
        out += ["### Notes (the limits of this check)", "", *(f"- {n}" for n in r.notes), ""]
    return "\n".join(out)
