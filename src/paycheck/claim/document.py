"""The claim as data: the parties, one claim per payslip line as the report counts it, the
facts and the law, the points to argue, the evidence, where to file and by when; then the
letter as a list of blocks that :mod:`paycheck.claim.output` writes as Markdown, HTML or PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property

from paycheck.claim.law import Filing, filing, language
from paycheck.claim.numerals import capital
from paycheck.claim.output import html, markdown, pdf
from paycheck.claim.text import day, money, tr
from paycheck.messages import catalog, line_name
from paycheck.model import Contract, PayBasis, Payslip, TerminationReason
from paycheck.money import ZERO, fmt
from paycheck.render import REASON, reason_of
from paycheck.report import COUNTED, CitationOut, Finding, Report, Severity, payslip_line

CLAIM_OF_REASON = {  # the plain reason of a line (render.REASON) -> what the claim asks
    "reason.base-short": "claim.base",
    "reason.minimum": "claim.minimum",
    "reason.minimum-contract": "claim.minimum",
    "reason.overtime-base": "claim.overtime",
    "reason.overtime-short": "claim.overtime",
    "reason.undocumented": "claim.deduction",
    "reason.documents": "claim.deduction",
    "reason.limit": "claim.deduction",
    "reason.penalty-void": "claim.penalty",
    "reason.penalty-over": "claim.penalty-over",
    "reason.fine-prohibited": "claim.fine",
    "reason.fine-no-basis": "claim.fine",
    "reason.fine-contested": "claim.fine",
    "reason.loss-others": "claim.loss",
    "reason.loss-no-head": "claim.loss",
    "reason.loss-unknown": "claim.loss",
    "reason.loss-notice": "claim.loss",
    "reason.loss-cap": "claim.loss",
    "reason.loss-floor": "claim.loss",
    "reason.business-cost": "claim.cost",
    "reason.business-cost-consent": "claim.cost",
    "reason.net": "claim.net",
}
CLAIM_OF_RULE = {  # where a finding's message has no plain reason: by its rule
    "proration": "claim.base",
    "minimum-wage": "claim.minimum",
    "overtime-premium": "claim.overtime",
    "overtime-base": "claim.overtime",
    "resignation-penalty": "claim.penalty",
    "fine": "claim.fine",
    "loss-deduction": "claim.loss",
    "business-cost": "claim.cost",
    "undocumented-deduction": "claim.deduction",
    "deduction-limit": "claim.deduction",
    "net-pay-arithmetic": "claim.net",
    "holiday-pay": "claim.holiday-pay",
    "severance": "claim.severance",
    "annual-leave-pay": "claim.annual-leave",
    "notice-pay": "claim.notice",
    "hours-worked": "claim.hours-worked",
    "meal-rest-premium": "claim.meal-rest",
    "expense-reimbursement": "claim.expenses",
    "waiting-time-penalty": "claim.waiting-time",
}


@dataclass(frozen=True)
class Item:
    """One claim: a payslip line and the amount owed on it, counted once as the report's
    total counts it (the largest amount any counted finding on the line claims)."""

    line: str | None
    """The payslip line (None for a finding about no one line)."""
    label: str | None
    amount: Decimal
    findings: tuple[Finding, ...]
    """The counted findings on the line, the one that explains it best first."""

    @property
    def main(self) -> Finding:
        return self.findings[0]

    @property
    def asks(self) -> str:
        """The claim's catalog id: what is asked for (``claim.penalty``)."""
        reason = REASON.get(self.main.msg.id)
        return CLAIM_OF_REASON.get(reason or "", CLAIM_OF_RULE.get(self.main.rule, "claim.other"))


@dataclass(frozen=True)
class Point:
    """A point to argue: a line where the law or a figure is not settled. Never a claim."""

    line: str | None
    label: str | None
    amount: Decimal
    """At stake beyond what is claimed on the line (zero where nothing is)."""
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Evidence:
    name: str
    held_by: str
    shows: str


@dataclass(frozen=True)
class Block:
    """A piece of the letter: a title, a heading, a paragraph, a warning, a list, a table
    (its first row the headers) or lines kept as they are (the signature)."""

    kind: str
    text: str = ""
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Claim:
    """A claim the employee can file, built from a payslip and its report."""

    payslip: Payslip
    report: Report
    lang: str
    today: date
    items: tuple[Item, ...]
    points: tuple[Point, ...]
    others: tuple[Finding, ...]
    """Counted findings with no amount (an hours limit broken): facts, not claims."""
    not_checked: tuple[str, ...]
    filing: Filing

    @property
    def total(self) -> Decimal:
        """The sum of the claims: the report's ``total_owed``."""
        return sum((i.amount for i in self.items), ZERO)

    @property
    def exit_code(self) -> int:
        """As ``paycheck check``: 1 when something counted was found, 0 otherwise."""
        return self.report.exit_code

    @cached_property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(_letter(self))

    def to_markdown(self) -> str:
        return markdown(self.blocks)

    def to_html(self) -> str:
        return html(self.blocks, self.lang, self.filing.title)

    def to_pdf(self) -> bytes:
        """The letter as PDF (WeasyPrint: ``pip install 'paycheck-labour[pdf]'``; raises
        :class:`paycheck.claim.PdfUnavailable` without it)."""
        return pdf(self.to_html())


def build(
    payslip: Payslip, report: Report, *, today: date | None = None, lang: str | None = None
) -> Claim:
    """The claim for a payslip and its report (``paycheck.check(payslip)``), with the time
    limit worked out as on ``today`` (default: the real date), in ``lang`` (default: the
    language of the body that hears it)."""
    lang = lang or language(payslip)
    today = today or date.today()
    items, points, others = _group(report)
    not_checked = tuple(
        [f.text(lang) for f in report.findings if f.severity is Severity.NOT_CHECKED]
        + report.notes_text(lang)
    )
    return Claim(
        payslip=payslip,
        report=report,
        lang=lang,
        today=today,
        items=items,
        points=points,
        others=others,
        not_checked=not_checked,
        filing=filing(payslip, today, lang),
    )


def _order(line: str) -> tuple[int, int, str]:
    """Payslip order: earnings, then deductions, then any other line (a combined
    ``earnings[1], earnings[2]`` sorts by its first)."""
    where = payslip_line(line.split(",")[0].strip())
    if where is None:
        return (2, 0, line)
    return (0 if where[0] == "earnings" else 1, where[1], line)


def _group(report: Report) -> tuple[tuple[Item, ...], tuple[Point, ...], tuple[Finding, ...]]:
    """Claims, points to argue and amountless breaches, a payslip line at a time, each line
    counted as ``Report.total_owed`` counts it."""
    lines: dict[str, list[Finding]] = {}
    for f in report.findings:
        if f.severity is not Severity.NOT_CHECKED:
            lines.setdefault(f.line or f"<{f.rule}>", []).append(f)
    items, points, others = [], [], []
    for key in sorted(lines, key=_order):
        fs = lines[key]
        counted = [f for f in fs if f.severity in COUNTED]
        owed = max((f.amount_owed for f in counted), default=ZERO)
        stake = max(
            (f.amount_owed if f.severity in COUNTED else ZERO) + f.amount_uncertain for f in fs
        )
        line = fs[0].line
        if owed > 0:
            ranked = sorted(
                counted,
                key=lambda f: (f.amount_owed != owed, f.rule == "undocumented-deduction"),
            )
            items.append(Item(line, fs[0].line_label, owed, tuple(ranked)))
        else:
            others.extend(counted)
        unsettled = tuple(
            f for f in fs if f.severity is Severity.UNCERTAIN or f.amount_uncertain > 0
        )
        if stake > owed or (unsettled and owed == 0):
            points.append(Point(line, fs[0].line_label, stake - owed, unsettled or tuple(fs)))
    return tuple(items), tuple(points), tuple(others)


# -- the letter -------------------------------------------------------------------------------


def _money(c: Claim, amount: Decimal) -> str:
    return money(amount, c.payslip.currency, c.lang)


def _cite(c: Claim, cite: CitationOut) -> str:
    """A citation as the letter's language writes it: 《工资支付暂行规定》（劳部发〔1994〕489号）
    第十五条 in Chinese; the title and article otherwise. An unsettled one is marked."""
    text = cite.short()
    if c.lang == "zh_CN" and re.search(r"[\u4e00-\u9fff]", cite.title):
        name, _, rest = cite.title.partition(" (")
        text = "《" + name.replace("《", "〈").replace("》", "〉") + "》"
        text += (f"（{rest.rstrip(')')}）" if rest else "") + (cite.article or "")
    if cite.status != "verified":
        text += tr(f"cite.{cite.status}", c.lang)
    return text


def _citations(c: Claim, findings: tuple[Finding, ...]) -> str:
    seen: dict[str, None] = {}
    for f in findings:
        for cite in f.citations:
            seen.setdefault(_cite(c, cite))
    return tr("list.sep", c.lang).join(seen)


def _what(line: str | None, label: str | None, c: Claim, f: Finding | None = None) -> str:
    """A line as the letter names it: its label and place; for a finding about no one line,
    its plain reason (or rule)."""
    if line is None:
        reason = reason_of(f) if f else None
        return label or (catalog(c.lang).gettext(reason) if reason else f.rule if f else "")
    if label:
        return tr("doc.line-labelled", c.lang, line=line_name(line, c.lang), label=label)
    return tr("doc.line", c.lang, line=line_name(line, c.lang))


def _period(c: Claim) -> str:
    p = c.payslip.period
    return tr("doc.period", c.lang, start=day(p.start, c.lang), end=day(p.end, c.lang))


def _amount(c: Claim, amount: Decimal) -> dict[str, str]:
    """An amount three ways, for a form's sentence to pick from: the figure, with its
    currency, and in Chinese capitals where the form writes them."""
    return {
        "amount": fmt(amount),
        "money": _money(c, amount),
        "capital": capital(amount) if c.filing.capitals else "",
    }


def _asks(c: Claim, item: Item) -> str:
    line = line_name(item.line, c.lang) if item.line else ""
    what = tr(item.asks, c.lang, period=_period(c), line=line)
    return tr(f"{c.filing.form}.claim", c.lang, what=what, **_amount(c, item.amount))


def _parties(c: Claim) -> list[Block]:
    p, lang, form = c.payslip, c.lang, c.filing.form
    employee = [
        tr("party.name", lang, name=p.employee.name or "____", id=p.employee.id),
        tr(f"{form}.party-extra", lang),
        tr("party.id-number", lang),
        tr("party.address", lang),
        tr("party.phone", lang),
    ]
    employer = [
        tr("employer.name", lang, name=p.employer.name or "____", id=p.employer.id),
        tr("employer.address", lang),
        tr(f"{form}.employer-extra", lang),
        tr("employer.phone", lang),
    ]
    return [
        Block("heading", tr("doc.claimant", lang)),
        Block("lines", items=tuple(employee)),
        Block("heading", tr("doc.respondent", lang)),
        Block("lines", items=tuple(employer)),
    ]


def _claims(c: Claim) -> list[Block]:
    lang = c.lang
    out = [Block("heading", tr(f"{c.filing.form}.claims", lang))]
    if not c.items:
        return [*out, Block("para", tr("doc.no-claims", lang))]
    rows = [
        f"{n}. {_asks(c, item)}"
        + (
            tr("doc.claim-end", lang)
            if item.line is None
            else tr("doc.claim-line", lang, line=line_name(item.line, lang), label=item.label)
            if item.label
            else tr("doc.claim-line-bare", lang, line=line_name(item.line, lang))
        )
        for n, item in enumerate(c.items, 1)
    ]
    out.append(Block("lines", items=tuple(rows)))
    total = tr(f"{c.filing.form}.total", lang, **_amount(c, c.total))
    return [*out, Block("para", total)]


def _wage(contract: Contract, c: Claim) -> str:
    key = "doc.wage-monthly" if contract.pay_basis is PayBasis.MONTHLY else "doc.wage-hourly"
    return tr(key, c.lang, wage=_money(c, contract.wage))


def _facts(c: Claim) -> list[Block]:
    p, lang = c.payslip, c.lang
    intro = tr(
        "doc.facts-intro",
        lang,
        start=day(p.contract.employment_start, lang),
        wage=_wage(p.contract, c),
    )
    end = p.contract.termination
    if end is not None and end.notice_date is not None and end.how.value == "resignation":
        intro += tr(
            "doc.facts-resigned",
            lang,
            notice=day(end.notice_date, lang),
            last=day(end.last_day, lang),
        )
    elif end is not None:
        intro += tr(
            "doc.facts-ended",
            lang,
            last=day(end.last_day, lang),
            how=tr(f"termination.{end.how.value}", lang),
        )
    if end is not None and end.reason is TerminationReason.EMPLOYER_BREACH:
        key = "doc.facts-breach-article" if end.article else "doc.facts-breach"
        intro += tr(key, lang, article=end.article or "")
    out = [Block("heading", tr("doc.facts", lang)), Block("para", intro)]
    if c.items:
        out.append(Block("para", tr("doc.facts-payslip", lang, period=_period(c))))
    for n, item in enumerate(c.items, 1):
        main = item.main
        what = _what(item.line, item.label, c, main)
        out.append(Block("para", tr("doc.fact", lang, n=n, what=what, text=main.text(lang))))
        if main.steps:
            out.append(Block("steps", items=tuple(main.steps_text(lang))))
        law = _citations(c, (main,))
        if law:
            out.append(Block("para", tr("doc.fact-law", lang, citations=law)))
    if c.others:
        out.append(Block("para", tr("doc.others", lang)))
        out.append(
            Block(
                "list",
                items=tuple(
                    f"{_what(f.line, f.line_label, c, f)}: {f.text(lang)}" for f in c.others
                ),
            )
        )
    return [*out, Block("para", tr(f"{c.filing.form}.facts-close", lang))]


def _points(c: Claim) -> list[Block]:
    if not c.points:
        return []
    lang = c.lang
    out = [Block("heading", tr("doc.points", lang)), Block("para", tr("doc.points-intro", lang))]
    for n, point in enumerate(c.points, 1):
        text = " ".join(dict.fromkeys(f.text(lang) for f in point.findings))
        what = _what(point.line, point.label, c, point.findings[0])
        if point.amount > 0:
            line = tr("doc.point", lang, n=n, what=what, amount=_money(c, point.amount), text=text)
        else:
            line = tr("doc.point-no-amount", lang, n=n, what=what, text=text)
        out.append(Block("para", line))
        law = _citations(c, point.findings)
        if law:
            out.append(Block("para", tr("doc.fact-law", lang, citations=law)))
    return out


def evidence(c: Claim) -> list[Evidence]:
    """The evidence the payslip names: the payslip itself, the contract, the attendance and
    overtime records, the end of the employment, each deduction's documented basis and
    records, the payment, and the messages about the deductions."""
    p, lang = c.payslip, c.lang
    employee, employer = tr("held.employee", lang), tr("held.employer", lang)
    both = tr("held.both", lang)
    out = [
        Evidence(
            tr("evidence.payslip", lang, period=_period(c)), employee, tr("proves.payslip", lang)
        ),
        Evidence(
            tr("evidence.contract", lang),
            both,
            tr(
                "proves.contract",
                lang,
                wage=_wage(p.contract, c),
                start=day(p.contract.employment_start, lang),
            ),
        ),
    ]
    a = p.attendance
    if a.overtime:
        overtime = tr("list.sep", lang).join(
            tr("evidence.overtime-day", lang, date=day(o.date, lang), hours=o.hours)
            for o in a.overtime
        )
        out.append(
            Evidence(
                tr("evidence.attendance", lang),
                employer,
                tr("proves.attendance-overtime", lang, overtime=overtime),
            )
        )
    elif a.days_worked or a.days_worked_count is not None or a.overtime_totals:
        out.append(
            Evidence(tr("evidence.attendance", lang), employer, tr("proves.attendance", lang))
        )
    end = p.contract.termination
    if end is not None:
        name = (
            tr("evidence.notice", lang, date=day(end.notice_date, lang))
            if end.notice_date
            else tr("evidence.termination", lang)
        )
        out.append(
            Evidence(name, both, tr("proves.termination", lang, last=day(end.last_day, lang)))
        )
    claimed = {i.line for i in c.items} | {pt.line for pt in c.points if pt.line}
    for index, d in enumerate(p.deductions):
        line = f"deductions[{index}]"
        if line not in claimed:
            continue
        what = _what(line, d.label, c)
        if d.basis is not None:
            kind = tr(f"basis.{d.basis.kind.value}", lang)
            name = (
                tr("evidence.basis", lang, kind=kind, reference=d.basis.reference)
                if d.basis.reference
                else kind
            )
            out.append(
                Evidence(
                    name, employer, tr("proves.basis", lang, what=what, amount=_money(c, d.amount))
                )
            )
        for doc in d.documents:
            kind = tr(f"document.{doc.kind.value}", lang)
            name = (
                tr("evidence.document", lang, kind=kind, date=day(doc.date, lang))
                if doc.date
                else kind
            )
            out.append(Evidence(name, both, tr("proves.document", lang, what=what)))
    if p.net_pay is not None:
        out.append(
            Evidence(
                tr("evidence.payment", lang),
                employee,
                tr("proves.payment", lang, net=_money(c, p.net_pay)),
            )
        )
    if any(
        d.kind.value not in {"income-tax", "social-insurance", "housing-fund"} for d in p.deductions
    ):
        out.append(Evidence(tr("evidence.messages", lang), employee, tr("proves.messages", lang)))
    merged: dict[tuple[str, str], list[str]] = {}  # one row for a document named twice
    for e in out:
        merged.setdefault((e.name, e.held_by), []).append(e.shows)
    sep = tr("list.sep", lang)
    return [Evidence(name, held, sep.join(shows)) for (name, held), shows in merged.items()]


def _evidence(c: Claim) -> list[Block]:
    lang = c.lang
    header = tuple(tr(f"evidence.column.{k}", lang) for k in ("n", "name", "held", "shows"))
    rows = [(str(n), e.name, e.held_by, e.shows) for n, e in enumerate(evidence(c), 1)]
    return [
        Block("heading", tr("doc.evidence", lang)),
        Block("table", rows=(header, *rows)),
        Block("para", tr(f"{c.filing.form}.evidence-note", lang)),
    ]


def _filing(c: Claim) -> list[Block]:
    f, lang = c.filing, c.lang
    out = [Block("heading", tr("doc.where", lang)), *(Block("para", text) for text in f.where)]
    if f.alternative:
        out += [
            Block("heading", tr("doc.alternative", lang)),
            *(Block("para", text) for text in f.alternative),
        ]
    out.append(Block("heading", tr("doc.deadline", lang)))
    out += [Block("warning" if text == f.warning else "para", text) for text in f.limit]
    return out


def _closing(c: Claim) -> list[Block]:
    lang = c.lang
    out: list[Block] = []
    if c.not_checked:
        out += [
            Block("heading", tr("doc.not-checked", lang)),
            Block("para", tr("doc.not-checked-intro", lang)),
            Block("list", items=c.not_checked),
        ]
    if c.filing.sources:
        out += [
            Block("heading", tr("doc.sources", lang)),
            Block("list", items=tuple(c.filing.sources)),
        ]
    form = c.filing.form
    sign = [tr("doc.sign", lang), tr("doc.sign-date", lang), "", tr(f"{form}.copies", lang)]
    if c.filing.to_at_end:  # 此致, the committee, then the signature
        sign = [tr(f"{form}.yours", lang), c.filing.to, "", *sign]
    return [*out, Block("sign", items=tuple(sign))]


def _letter(c: Claim) -> list[Block]:
    source = c.report.source or c.payslip.employee.id
    out = [
        Block("title", c.filing.title),
        Block("note", tr("doc.draft-note", c.lang, source=source, today=day(c.today, c.lang))),
    ]
    if not c.filing.to_at_end:
        out.append(Block("para", c.filing.to))
    if c.filing.warning:
        out.append(Block("warning", c.filing.warning))
    return [
        *out,
        *_parties(c),
        *_claims(c),
        *_facts(c),
        *_points(c),
        *_evidence(c),
        *_filing(c),
        *_closing(c),
    ]
