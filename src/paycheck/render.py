"""Reports as text: a table for people (the default), Markdown, and JSON for programs.

Every word a person reads comes from the message catalog (:mod:`paycheck.messages`), in
the language asked for; the JSON keys and the rule ids stay as they are in every language.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from tabulate import tabulate

from paycheck.catalog import RuleId
from paycheck.law.packs import Status, law
from paycheck.messages import line_name, msg
from paycheck.money import ZERO, fmt
from paycheck.report import COUNTED, CitationOut, Finding, Report, Severity, payslip_line


def _t(id: str, lang: str, **args: Any) -> str:
    return msg(id, **args).text(lang)


def to_json(reports: Sequence[Report], lang: str = "en", *, several: bool | None = None) -> str:
    """One JSON object for one report, a list for several (``several`` says which, where
    the caller asked for several and some were refused)."""
    data: Any = [json_report(r, lang) for r in reports]
    if several is None:
        several = len(data) != 1
    return json.dumps(data if several else data[0], ensure_ascii=False, indent=2)


def json_report(r: Report, lang: str = "en") -> dict[str, Any]:
    """A report as JSON-ready data, its texts in ``lang`` (keys and ids as they are)."""
    data = r.model_dump(mode="json")
    if lang != "en":  # the texts in the language asked for; every key and id as it is
        for f, out in zip(r.findings, data["findings"], strict=True):
            out["message"], out["computation"] = f.text(lang), f.steps_text(lang)
        data["notes"] = r.notes_text(lang)
    return data


def _header(r: Report, lang: str) -> str:
    on = _t("report.law-on", lang, on=r.law_on) if r.law_on else ""
    name = r.jurisdiction_name if lang == "en" else law(r.jurisdiction).name_in(lang)
    return _t(
        "report.header",
        lang,
        employee=r.employee,
        start=r.period_start,
        end=r.period_end,
        name=name,
        code=r.jurisdiction,
        on=on,
    )


def _verdict(r: Report, lang: str) -> str:
    counted = sum(1 for f in r.findings if f.severity in COUNTED)
    if not counted:
        text = _t("report.clean", lang)
    else:
        text = _t(
            "report.owed.one" if counted == 1 else "report.owed",
            lang,
            owed=r.total_owed,
            currency=r.currency,
            count=counted,
        )
    if r.total_uncertain:
        text += _t("report.uncertain", lang, uncertain=r.total_uncertain, currency=r.currency)
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


REASON = {  # a finding's message -> the plain reason the first table gives for its line
    **dict.fromkeys(
        (
            "proration.hourly",
            "proration.full",
            "proration.full-share",
            "proration.partial",
            "proration.partial-lower",
        ),
        "reason.base-short",
    ),
    **dict.fromkeys(
        (
            "minimum.short",
            "minimum.short-either",
            "minimum.hourly-short",
            "minimum.hourly-short-settled",
        ),
        "reason.minimum",
    ),
    "minimum.contract": "reason.minimum-contract",
    "overtime.low-base": "reason.overtime-base",
    "overtime.low-multiplier": "reason.overtime-short",
    "overtime.short": "reason.overtime-short",
    "deduction.undocumented": "reason.undocumented",
    "deduction.documents": "reason.documents",
    "deduction.basis-not-accepted": "reason.undocumented",
    "limit.over": "reason.limit",
    "penalty.void": "reason.penalty-void",
    "penalty.over-indemnity": "reason.penalty-over",
    "fine.prohibited": "reason.fine-prohibited",
    "fine.no-basis": "reason.fine-no-basis",
    "fine.contested": "reason.fine-contested",
    "loss.not-employee": "reason.loss-others",
    "loss.no-head": "reason.loss-no-head",
    "loss.no-head-permitted": "reason.loss-no-head",
    "loss.cause-unknown": "reason.loss-unknown",
    "loss.no-notice": "reason.loss-notice",
    "loss.over-cap": "reason.loss-cap",
    "loss.over-cap-permitted": "reason.loss-cap",
    "loss.below-minimum": "reason.loss-floor",
    "cost.charged": "reason.business-cost",
    "cost.consent": "reason.business-cost-consent",
    "net.short": "reason.net",
    "net.wrong": "reason.net",
    "cost.no-head-permitted": "reason.business-cost",
    "holiday.hourly-short": "reason.holiday-pay",
    "holiday.off-day-short": "reason.holiday-pay",
    "us.cost-employer": "reason.business-cost",
    "us.loss-no-fault": "reason.loss-no-fault",
    "us.below-floor": "reason.below-floor",
    "workweek.overtime-short": "reason.overtime-short",
    "workweek.flat-bonus": "reason.flat-bonus",
    "workweek.short-breaks": "reason.short-breaks",
    "workweek.doubtful-breaks": "reason.doubtful-breaks",
    "workweek.pre-shift": "reason.pre-shift",
    **dict.fromkeys(("exemption.below", "exemption.doubtful"), "reason.exemption-salary"),
    "exemption.duties": "reason.exemption-duties",
    "exemption.hourly": "reason.exemption-hourly",
}


REASON_OF_RULE = {  # where a message serves several rules: the plain reason by the rule
    "severance": "reason.severance",
    "annual-leave-pay": "reason.annual-leave-pay",
    "notice-pay": "reason.notice-pay",
    "meal-rest-premium": "reason.meal-rest-premium",
    "expense-reimbursement": "reason.expense-reimbursement",
    "waiting-time-penalty": "reason.waiting-time-penalty",
}


def reason_of(f: Finding) -> str | None:
    """The catalog id of a finding's plain reason: by its message, else by its rule."""
    return REASON.get(f.msg.id) or REASON_OF_RULE.get(f.rule)


def _reason(f: Finding, lang: str) -> str:
    """Why a line is owed, in a few plain words (the rule id where no reason is written)."""
    reason = reason_of(f)
    return _t(reason, lang) if reason else f.rule


def _owed_rows(r: Report, lang: str) -> list[list[str]]:
    """One row per payslip line with money at stake: what, owed, uncertain, why, article."""
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
                line_name(line, lang),
                label if len(label) <= 26 else label[:25] + "…",
                "" if owed is None else fmt(owed),
                fmt(uncertain) if uncertain else "",
                _reason(main, lang),
                _brief(main.citations[0]) if main.citations else "",
            ]
        )
    return rows


def _detail(n: int, f: Finding, lang: str, indent: str = "    ") -> list[str]:
    where = _t("report.on-line", lang, line=line_name(f.line, lang)) if f.line else ""
    if f.severity is Severity.NOT_CHECKED:
        return [_t("report.not-checked", lang, n=n, on=where), indent + f.text(lang)]
    label = _t("report.label", lang, label=f.line_label) if f.line_label else ""
    head = _t(
        "report.finding",
        lang,
        n=n,
        severity=_t(SEVERITY[f.severity][0], lang),
        rule=RuleId(f.rule),
        on=where,
        label=label,
    )
    out = [head, indent + f.text(lang)]
    out.extend(f"{indent}  {c}" for c in f.steps_text(lang))
    for c in f.citations:
        flag = "" if c.status == "verified" else f" [{_t(STATUS[c.status], lang)}]"
        out.append(f"{indent}{_t('report.cites', lang, citation=c.short())}{flag}")
    return out


def _headers(ids: Sequence[str], lang: str) -> list[str]:
    return [_t(i, lang) for i in ids]


OWED_COLUMNS = (
    "column.line",
    "column.what",
    "column.owed",
    "column.uncertain",
    "column.why",
    "column.cite",
)
EARNINGS_COLUMNS = (
    "column.earnings",
    "column.what",
    "column.stated",
    "column.lawful",
    "column.short-by",
)
SEVERITY = {  # in a finding's heading, and as a word in Markdown
    Severity.VIOLATION: ("severity.violation", "severity-word.violation"),
    Severity.UNDERPAYMENT: ("severity.underpayment", "severity-word.underpayment"),
    Severity.UNDOCUMENTED: ("severity.undocumented", "severity-word.undocumented"),
    Severity.UNCERTAIN: ("severity.uncertain", "severity-word.uncertain"),
    Severity.NOT_CHECKED: ("severity.not-checked", "severity-word.not-checked"),
}
STATUS = {
    Status.VERIFIED: "status.verified",
    Status.UNVERIFIED: "status.unverified",
    Status.CONTESTED: "status.contested",
}


def _earnings_rows(r: Report, lang: str) -> list[list[str]]:
    """Each earnings line as stated beside the lawful amount the checker computed."""
    return [
        [
            line_name(ln.line, lang),
            ln.label or ln.kind,
            fmt(ln.stated),
            "" if ln.expected is None else fmt(ln.expected),
            "" if ln.difference is None else fmt(max(ln.difference, ZERO)),  # none is short
        ]
        for ln in r.lines
    ]


def to_table(r: Report, lang: str = "en") -> str:
    """The report for a person: the verdict, what is owed line by line, then each finding."""
    out = ([r.source] if r.source else []) + [_header(r, lang), "", _verdict(r, lang)]
    rows = _owed_rows(r, lang)
    if rows:
        out += [
            "",
            tabulate(
                rows,
                headers=_headers(OWED_COLUMNS, lang),
                disable_numparse=True,
                colalign=("left", "left", "right", "right"),
            ),
        ]
    if r.lines:
        out += [
            "",
            tabulate(
                _earnings_rows(r, lang),
                headers=_headers(EARNINGS_COLUMNS, lang),
                disable_numparse=True,
                colalign=("left", "left", "right", "right", "right"),
            ),
        ]
    for n, f in enumerate(r.findings, 1):
        out += ["", *_detail(n, f, lang)]
    notes = r.notes_text(lang)
    if notes:
        out += ["", _t("report.notes", lang), *(f"- {note}" for note in notes)]
    return "\n".join(out)


def _github(
    rows: list[list[str]], columns: Sequence[str], lang: str, align: tuple[str, ...]
) -> str:
    """A Markdown table, money aligned right."""
    return tabulate(
        rows,
        headers=_headers(columns, lang),
        tablefmt="pipe",
        disable_numparse=True,
        colalign=align,
    )


def to_markdown(r: Report, lang: str = "en") -> str:
    """The report as Markdown, for an adviser's letter or an issue tracker."""
    out = [f"## {_header(r, lang)}", ""]
    if r.source:
        out += [_t("report.payslip-file", lang, source=r.source), ""]
    out += [_verdict(r, lang), ""]
    rows = _owed_rows(r, lang)
    if rows:
        out += [_github(rows, OWED_COLUMNS, lang, ("left", "left", "right", "right")), ""]
    if r.lines:
        align = ("left", "left", "right", "right", "right")
        out += [_github(_earnings_rows(r, lang), EARNINGS_COLUMNS, lang, align), ""]
    for n, f in enumerate(r.findings, 1):
        on = _t("report.on-line-code", lang, line=line_name(f.line, lang)) if f.line else ""
        title = f"### {n}. {f.rule} ({_t(SEVERITY[f.severity][1], lang)}){on}"
        if f.line_label:
            title += f" ({f.line_label})"
        out += [title, "", f.text(lang), ""]
        steps = f.steps_text(lang)
        if steps:
            out += [f"    {c}" for c in steps] + [""]
        out += [
            f"- {c.short()}"
            + (f" ({_t(STATUS[c.status], lang)})" if c.status != "verified" else "")
            + (f" <{c.href}>" if c.href else "")
            for c in f.citations
        ]
        out.append("")
    notes = r.notes_text(lang)
    if notes:
        out += [f"### {_t('report.notes-heading', lang)}", "", *(f"- {n}" for n in notes), ""]
    return "\n".join(out)
