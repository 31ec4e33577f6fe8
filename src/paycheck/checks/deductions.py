"""Deductions: the documented basis (``undocumented-deduction``), penalties for resigning
(``resignation-penalty``), fines (``fine``), losses (``loss-deduction``), business costs
(``business-cost``), and the month's total (``deduction-limit``).

Each line is judged on its own: a parameter missing for one line is reported under the rule
that needed it, for that line, and the other lines are still checked.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from paycheck.catalog import RULE_OF_KIND
from paycheck.checks.findings import Findings
from paycheck.facts import Facts
from paycheck.law import formulas
from paycheck.law.formulas import Indemnity
from paycheck.law.packs import InForce, Law, MissingParameter
from paycheck.law.tables import FineStatus
from paycheck.law.vocabulary import P
from paycheck.messages import Msg, msg, paren
from paycheck.model import (
    FINAL_PAY_KINDS,
    BasisKind,
    CausedBy,
    Deduction,
    DeductionKind,
    DocumentKind,
    PayBasis,
)
from paycheck.money import ZERO
from paycheck.once import once
from paycheck.report import Severity


class _Running:
    """Running totals of one month's capped deductions, so each line gets its own excess."""

    def __init__(self) -> None:
        self.total = ZERO
        self.excess = ZERO

    def add(self, amount: Decimal, limit: Decimal) -> Decimal:
        """Add a deduction; return the part of it above ``limit``."""
        self.total += amount
        excess = min(amount, max(ZERO, self.total - limit) - self.excess)
        self.excess += max(excess, ZERO)
        return max(excess, ZERO)


class _Month:
    """What the deduction rules share across the lines of one payslip: the month's wages
    (worked out only if a capped kind asks) and the running totals of capped kinds."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.fines, self.losses, self.floor = _Running(), _Running(), _Running()

    @once
    def wage(self) -> Decimal:
        return self.facts.month_wage()

    @once
    def normal_wage(self) -> Decimal:
        """Pay for normal work, as the minimum wage counts it."""
        f = self.facts
        excluded = f.items(P.minimum_wage_excludes, f.period_end)
        return f.month_wage([*excluded, *FINAL_PAY_KINDS])


Judge = Callable[[Facts, Findings, Deduction, str, _Month], None]


def deductions(facts: Facts, out: Findings) -> None:
    """Each deduction line in turn, then the month's total."""
    p = facts.payslip
    if not p.deductions:
        return
    law, on, end = facts.law, facts.on, facts.payslip.period.end
    if _has_clauses(law, on or end):
        coverage = facts.coverage(P.deduction_coverage)
        if not coverage.covered:
            out.not_covered(coverage, "undocumented-deduction", msg("what.deductions"))
            return
    month = _Month(facts)
    for i, d in enumerate(p.deductions):
        if _quiet(law, on or d.date or end, d.kind):
            continue  # nothing in the law here judges this line (a withheld kind, say)
        line = f"deductions[{i}]"
        rule = RULE_OF_KIND.get(d.kind, "undocumented-deduction")
        _guarded(facts, out, "undocumented-deduction", line, _basis, d, month)
        _guarded(facts, out, rule, line, _documents, d, month)
        judge = _pack_judge(facts, d) or _BY_KIND.get(d.kind)
        if judge is not None:
            _guarded(facts, out, rule, line, judge, d, month)
    try:
        _total_limit(facts, out, month)
    except MissingParameter as exc:
        out.missing("deduction-limit", exc)


@lru_cache(maxsize=4096)
def _has_clauses(law: Law, on: date) -> bool:
    """Whether the deduction rules' scope has clauses on a day (with none, every payslip is
    covered and :meth:`Facts.coverage` need not be asked)."""
    value = law.get(P.deduction_coverage, on)
    return value is not None and bool(value.value)


@lru_cache(maxsize=4096)
def _quiet(law: Law, on: date, kind: DeductionKind) -> bool:
    """Whether a deduction of ``kind`` on a day can give no finding whatever its amount,
    basis and documents: no basis is asked of it (none required, or a kind on the
    withholding list), it needs no documents, and neither the pack nor a rule of its kind
    judges it. The same for every such line of a jurisdiction and day: read once."""
    if kind in _BY_KIND or _judge_of(law, on) is not None:
        return False
    required, withholding, kinds, _ = _basis_law(law, on)
    basis_asked = required is None or required.value is not False
    if basis_asked and (withholding is None or kind not in kinds):
        return False
    documents = law.get(P.deduction_requires[kind], on)
    return documents is None or not documents.value


def _guarded(
    facts: Facts, out: Findings, rule: str, line: str, judge: Judge, d: Deduction, month: _Month
) -> None:
    try:
        judge(facts, out, d, line, month)
    except MissingParameter as exc:
        out.missing(rule, exc, line=line)


def _pack_judge(facts: Facts, d: Deduction) -> Judge | None:
    """The pack's own judge of a deduction line (``deduction_judge``), where it names one."""
    return _judge_of(facts.law, facts.on or d.date or facts.period_end)


@lru_cache(maxsize=4096)
def _judge_of(law: Law, on: date) -> Judge | None:
    """The same for every deduction of a jurisdiction and day: chosen once per process."""
    chosen = law.get(P.deduction_judge, on)
    if chosen is None or chosen.value is None:
        return None
    run = formulas.get("deduction-judge", chosen.value).run

    def judge(facts: Facts, out: Findings, d: Deduction, line: str, month: _Month) -> None:
        run(facts, out, d, line)

    return judge


def _what(d: Deduction) -> Msg:
    if d.reason:
        return msg("deduction.what-reason", kind=d.kind, reason=d.reason)
    return msg("deduction.what", kind=d.kind)


def _basis(facts: Facts, out: Findings, d: Deduction, line: str, month: _Month) -> None:
    """A deduction outside the withholding list needs a documented basis. Before the law
    that lists them (CN: 1995) no deduction is judged: not-checked."""
    on = d.date or facts.period_end
    required, withholding, kinds, bases = _basis_law(facts.law, facts.on or on)
    if required is not None and required.value is False:
        return
    if withholding is None:
        withholding = facts.need(P.withholding_kinds, on)  # raises: none in force
    accepted = (
        bases is None
        or bases.value is None
        or (d.basis is not None and d.basis.kind in bases.value)
    )
    if (d.basis is not None and accepted) or d.kind in kinds:
        return
    if d.basis is not None and bases is not None:
        out.add(
            "undocumented-deduction",
            Severity.UNDOCUMENTED,
            msg("deduction.basis-not-accepted", amount=d.amount, what=_what(d), kind=d.basis.kind),
            line=line,
            owed=d.amount,
            law=[withholding, bases],
            steps=[msg("deduction.bases", kind=d.basis.kind, bases=list(bases.value or ()))],
        )
        return
    out.add(
        "undocumented-deduction",
        Severity.UNDOCUMENTED,
        msg("deduction.undocumented", amount=d.amount, what=_what(d)),
        line=line,
        owed=d.amount,
        law=[withholding, required, bases],
        steps=[msg("deduction.not-listed", kind=d.kind, kinds=list(kinds))],
    )


Basis = tuple[
    InForce[bool] | None,
    InForce[list[DeductionKind]] | None,
    tuple[DeductionKind, ...],
    InForce[list[BasisKind]] | None,
]


@lru_cache(maxsize=4096)
def _basis_law(law: Law, on: date) -> Basis:
    """What a deduction's basis is judged by in a jurisdiction on a day (the same for every
    deduction there): whether a basis is required, the withholding list (None where none is
    in force: the caller then stops with a not-checked finding), its kinds, and the bases
    accepted. Read once per process."""
    required = law.get(P.deduction_basis_required, on)
    withholding = law.get(P.withholding_kinds, on)
    if withholding is None or withholding.value is None:
        return required, None, (), law.get(P.deduction_bases, on)
    return required, withholding, tuple(withholding.value or ()), law.get(P.deduction_bases, on)


def _documents(facts: Facts, out: Findings, d: Deduction, line: str, month: _Month) -> None:
    """The records the law requires before a deduction of this kind: each must be given,
    dated no later than the deduction."""
    on = d.date or facts.period_end
    required, kinds, as_kinds = _documents_law(facts.law, facts.on or on, d.kind)
    if required is None:
        return
    missing_docs = []
    for kind, as_kind in zip(kinds, as_kinds, strict=True):
        doc = d.document(as_kind)
        if doc is None:
            missing_docs.append(msg("deduction.document-none", kind=kind))
        elif doc.date is not None and doc.date > on:
            missing_docs.append(msg("deduction.document-late", kind=kind, date=doc.date, on=on))
    if not missing_docs:
        return
    out.add(
        RULE_OF_KIND.get(d.kind, "undocumented-deduction"),
        Severity.VIOLATION,
        msg("deduction.documents", amount=d.amount, what=_what(d), kinds=list(kinds)),
        line=line,
        owed=d.amount,
        law=[required],
        steps=[msg("deduction.documents-missing", line=line, missing=missing_docs)],
    )


@lru_cache(maxsize=4096)
def _documents_law(
    law: Law, on: date, kind: DeductionKind
) -> tuple[InForce[list[DocumentKind]] | None, tuple[DocumentKind, ...], tuple[DocumentKind, ...]]:
    """The records required before a deduction of ``kind`` on a day: the value, its items as
    the pack gives them and as document kinds. Read once per process."""
    required = law.get(P.deduction_requires[kind], on)
    if required is None:
        return None, (), ()
    kinds = tuple(required.value or ())
    return required, kinds, tuple(DocumentKind(k) for k in kinds)


def _total_limit(facts: Facts, out: Findings, month: _Month) -> None:
    """The month's deductions against the share of wages the law lets an employer deduct,
    the kinds it leaves out of the count apart, and not at all on the final pay where the
    law says so."""
    p, end = facts.payslip, facts.period_end
    limits = _limit_law(facts.law, facts.on or end)
    if limits is None:
        return
    fraction, exempt, left_out, excluded = limits
    number = fraction.number
    counted = [(i, d) for i, d in enumerate(p.deductions) if d.kind not in excluded]
    if not counted:
        return
    final = p.contract.last_day is not None and p.contract.last_day <= end
    exempted = final and exempt is not None and exempt.value is True
    if exempted and exempt is not None and exempt.settled:
        return
    # An unsettled exemption of the final pay: the excess is shown, as uncertain.
    if number >= 0:
        # The month's wage is never below the stated earnings, and no amount is negative:
        # deductions within this share of the stated earnings are within the limit, and the
        # wage need not be worked out.
        total = sum([d.amount for _, d in counted], ZERO)
        if total <= facts.money(sum([e.amount for e in p.earnings], ZERO) * number):
            return
    limit = facts.money(month.wage * number)
    running = _Running()
    limit_text: Msg | None = None  # the arithmetic, written at the first excess
    terms: list[Msg] = []
    for i, d in counted:
        excess = running.add(d.amount, limit)
        if excess <= 0:
            continue
        if limit_text is None:
            limit_text = msg(
                "limit.arithmetic",
                wage=month.wage,
                fraction=fraction.shown,
                limit=limit,
                excluded=msg("limit.excluded", kinds=sorted(k.value for k in excluded))
                if excluded
                else "",
            )
            terms = [msg("limit.term", amount=x.amount, kind=x.kind) for _, x in counted]
        out.add(
            "deduction-limit",
            Severity.VIOLATION,
            msg(
                "limit.over",
                total=running.total,
                fraction=fraction.shown,
                limit=limit,
                excess=excess,
            ),
            line=f"deductions[{i}]",
            owed=excess,
            law=[fraction, left_out, *([exempt] if exempted else [])],
            see=[exempt] if final and not exempted else [],
            steps=[limit_text, msg("limit.counted", terms=terms, excess=excess)],
        )


Limits = tuple[
    InForce[Any],
    InForce[bool] | None,
    InForce[list[DeductionKind]] | None,
    frozenset[DeductionKind],
]


@lru_cache(maxsize=4096)
def _limit_law(law: Law, on: date) -> Limits | None:
    """The month's limit on deductions in a jurisdiction on a day: the share of wages (None
    where there is none), the final pay's exemption, and the kinds left out of the count.
    Read once per process."""
    fraction = law.get(P.deductions_max_fraction, on)
    if fraction is None or fraction.value is None:
        return None
    exempt = law.get(P.deductions_limit_final_pay_exempt, on)
    left_out = law.get(P.deductions_limit_excludes, on)
    excluded = frozenset(left_out.value or ()) if left_out is not None else frozenset()
    return fraction, exempt, left_out, excluded


def _resignation_penalty(
    facts: Facts, out: Findings, d: Deduction, line: str, month: _Month
) -> None:
    """A penalty for resigning: void where the law says so; else judged by the pack's
    named formula for the notice not given (only the excess over it is owed)."""
    on = d.date or facts.period_end
    void = facts.get(P.resignation_penalty_void, on)
    if void is not None and void.value is True:
        t = facts.payslip.contract.termination
        notice = (
            msg("penalty.notice", notice=t.notice_date, last=t.last_day)
            if t and t.notice_date
            else ""
        )
        out.add(
            "resignation-penalty",
            Severity.VIOLATION,
            msg("penalty.void", amount=d.amount, notice=notice),
            line=line,
            owed=d.amount,
            law=[void],
            steps=[msg("penalty.void-arithmetic", amount=d.amount)],
        )
        return
    chosen = facts.get(P.resignation_penalty_formula, on)
    if chosen is None or chosen.value is None:
        out.not_checked(
            "resignation-penalty", msg("penalty.no-rule", code=facts.law.code), line=line
        )
        return
    indemnity = formulas.get("notice-indemnity", chosen.value).run(facts, d)
    if isinstance(indemnity, Msg):
        out.not_checked("resignation-penalty", indemnity, line=line)
        return
    _over_indemnity(out, d, line, indemnity)


def _over_indemnity(out: Findings, d: Deduction, line: str, indemnity: Indemnity) -> None:
    excess = d.amount - indemnity.limit
    if excess <= 0:
        return
    *steps, last = indemnity.steps
    out.add(
        "resignation-penalty",
        Severity.VIOLATION,
        msg("penalty.over-indemnity", amount=d.amount, limit=indemnity.limit, excess=excess),
        line=line,
        owed=excess,
        law=indemnity.law,
        steps=[*steps, msg("penalty.deducted", text=last, amount=d.amount, excess=excess)],
    )


def _fine(facts: Facts, out: Findings, d: Deduction, line: str, month: _Month) -> None:
    on = d.date or facts.period_end
    status = facts.get(P.fine_status, on)
    if status is None or status.value is None:
        out.not_checked("fine", msg("fine.no-rule", code=facts.law.code), line=line)
        return
    if status.value is FineStatus.PROHIBITED:
        out.add(
            "fine",
            Severity.VIOLATION,
            msg("fine.prohibited", amount=d.amount),
            line=line,
            owed=d.amount,
            law=[status],
            steps=[msg("fine.prohibited-arithmetic", amount=d.amount, since=status.effective)],
        )
        return
    # Contested: arguable only on the bases the pack names (a company rule by default),
    # within any cap.
    bases = facts.items(P.fine_arguable_bases, on) or (BasisKind.COMPANY_RULE,)
    if d.basis is None or d.basis.kind not in bases:
        out.add(
            "fine",
            Severity.VIOLATION,
            msg("fine.no-basis", amount=d.amount, bases=list(bases)),
            line=line,
            owed=d.amount,
            see=[status],
            steps=[msg("fine.basis", amount=d.amount, basis=d.basis.kind if d.basis else "none")],
        )
        return
    _contested_fine(facts, out, d, line, month, status)


def _contested_fine(
    facts: Facts, out: Findings, d: Deduction, line: str, month: _Month, status: InForce[Any]
) -> None:
    """A fine on a basis the law may accept (``status``: the law on fines that day):
    uncertain, but any excess over the cap owed."""
    assert d.basis is not None
    on = d.date or facts.period_end
    cap = facts.get(P.fine_max_fraction, on)
    steps = [
        msg(
            "fine.with-basis",
            amount=d.amount,
            kind=d.basis.kind,
            reference=d.basis.reference or "(unnamed)",
        )
    ]
    excess = ZERO
    if cap is not None and cap.value is not None:
        limit = facts.money(month.wage * cap.number)
        excess = month.fines.add(d.amount, limit)
        steps.append(
            msg(
                "fine.cap",
                wage=month.wage,
                pct=cap.number,
                limit=limit,
                total=month.fines.total,
                excess=excess,
            )
        )
    out.add(
        "fine",
        Severity.VIOLATION if excess > 0 else Severity.UNCERTAIN,
        msg(
            "fine.contested",
            amount=d.amount,
            kind=d.basis.kind,
            why=paren(status.why),
            over=msg("fine.over-cap", excess=excess) if excess > 0 else "",
        ),
        line=line,
        owed=excess,
        uncertain=d.amount - excess,
        law=[cap],
        see=[status],
        steps=steps,
    )


def _loss(facts: Facts, out: Findings, d: Deduction, line: str, month: _Month) -> None:
    """A loss: deductible at all where the law gives a head for it, only if the employee
    caused it, after written notice where required, within the cap, leaving the minimum."""
    if _loss_prohibited(facts, out, d, line):
        return
    on = d.date or facts.period_end
    fraction = facts.get(P.loss_deduction_max_fraction, on)
    if _loss_cause(out, d, line, fraction):
        return
    notice = facts.get(P.loss_deduction_written_notice, on)
    if (notice is not None and notice.value is True) and (
        d.written_notice_date is None or d.written_notice_date > on
    ):
        when = (
            msg("loss.notice-none")
            if d.written_notice_date is None
            else msg("loss.notice-late", date=d.written_notice_date, on=on)
        )
        out.add(
            "loss-deduction",
            Severity.VIOLATION,
            msg("loss.no-notice", amount=d.amount),
            line=line,
            owed=d.amount,
            law=[notice],
            steps=[msg("loss.notice", when=when)],
        )
    _loss_cap(facts, out, d, line, month, fraction)
    _loss_floor(facts, out, d, line, month)


def _loss_prohibited(facts: Facts, out: Findings, d: Deduction, line: str) -> bool:
    """Where the law gives no head for deducting a loss (with an authority's permission
    recorded, uncertain). True when that decides the line."""
    allowed = facts.get(P.loss_deduction_allowed, d.date or facts.period_end)
    if allowed is None or allowed.value is not False:
        return False
    permitted = d.document(DocumentKind.AUTHORITY_PERMISSION)
    if permitted is not None:
        out.add(
            "loss-deduction",
            Severity.UNCERTAIN,
            msg("loss.no-head-permitted", amount=d.amount, what=_what(d)),
            line=line,
            uncertain=d.amount,
            law=[allowed],
            steps=[msg("loss.permission", reference=permitted.reference or permitted.date)],
        )
    else:
        out.add(
            "loss-deduction",
            Severity.VIOLATION,
            msg("loss.no-head", amount=d.amount, what=_what(d)),
            line=line,
            owed=d.amount,
            law=[allowed],
            steps=[msg("loss.none-deductible", amount=d.amount)],
        )
    return True


def _loss_cause(out: Findings, d: Deduction, line: str, fraction: InForce[Any] | None) -> bool:
    """Only a loss the employee caused may be deducted (``fraction``: the cap, cited). True
    when that decides the line."""
    cause = d.caused_by
    if cause is None:
        out.not_checked(
            "loss-deduction", msg("loss.no-cause", line=line, amount=d.amount), line=line
        )
    elif cause in {CausedBy.EMPLOYER, CausedBy.OTHER_DEPARTMENT, CausedBy.CUSTOMER}:
        out.add(
            "loss-deduction",
            Severity.VIOLATION,
            msg("loss.not-employee", amount=d.amount, who=_CAUSED_BY[cause]),
            line=line,
            owed=d.amount,
            law=[fraction],
            steps=[msg("loss.caused-by", cause=cause, amount=d.amount)],
        )
        return True
    elif cause is CausedBy.UNKNOWN:
        out.add(
            "loss-deduction",
            Severity.UNCERTAIN,
            msg("loss.cause-unknown", amount=d.amount),
            line=line,
            uncertain=d.amount,
            law=[fraction],
            steps=[msg("loss.caused-by-unknown")],
        )
    return False


def _loss_cap(
    facts: Facts,
    out: Findings,
    d: Deduction,
    line: str,
    month: _Month,
    fraction: InForce[Any] | None,
) -> None:
    """Loss deductions within the share of the month's wage the law allows. The cap is on
    the period's wages, or on a full month's where the law says "one month's wages"
    (``fraction``: the cap in force on the deduction's day)."""
    on = d.date or facts.period_end
    if fraction is None or fraction.value is None:
        return
    wage = month.wage
    if (
        facts.flag(P.loss_deduction_cap_on_full_month, on)
        and facts.payslip.contract.pay_basis is PayBasis.MONTHLY
    ):
        wage = max(wage, facts.payslip.contract.wage)
    limit = facts.money(wage * fraction.number)
    excess = month.losses.add(d.amount, limit)
    if excess <= 0:
        return
    may_exceed = d.document(DocumentKind.AUTHORITY_PERMISSION) is not None
    out.add(
        "loss-deduction",
        Severity.UNCERTAIN if may_exceed else Severity.VIOLATION,
        msg(
            "loss.over-cap-permitted" if may_exceed else "loss.over-cap",
            total=month.losses.total,
            pct=fraction.number,
            limit=limit,
            excess=excess,
            why=paren(fraction.why),
        ),
        line=line,
        owed=ZERO if may_exceed else excess,
        uncertain=excess if may_exceed else ZERO,
        law=[fraction],
        steps=[
            msg("loss.cap", wage=wage, pct=fraction.number, limit=limit),
            msg("loss.so-far", total=month.losses.total, excess=excess),
        ],
    )


def _loss_floor(facts: Facts, out: Findings, d: Deduction, line: str, month: _Month) -> None:
    """Loss deductions may not take pay for normal work below the minimum wage."""
    on = d.date or facts.period_end
    floor_rule = facts.get(P.loss_deduction_minimum_wage_floor, on)
    if floor_rule is None or floor_rule.value is not True or not facts.calendar_ok:
        return
    m = facts.minimum
    if m.floor is None or m.floor_text is None:
        return
    short = month.floor.add(d.amount, month.normal_wage - m.floor)
    remaining = month.normal_wage - month.floor.total
    if short <= 0:
        return
    out.add(
        "loss-deduction",
        Severity.VIOLATION,
        msg(
            "loss.below-minimum",
            total=month.floor.total,
            remaining=remaining,
            floor=m.floor,
            owed=short,
        ),
        line=line,
        owed=short,
        law=[floor_rule, m.minimum],
        steps=[
            m.floor_text,
            msg(
                "loss.floor",
                wage=month.normal_wage,
                total=month.floor.total,
                remaining=remaining,
                floor=m.floor,
            ),
        ],
    )


def _business_cost(facts: Facts, out: Findings, d: Deduction, line: str, month: _Month) -> None:
    """A cost of the business charged to the employee: owed back where the law gives no
    head for it, read as the law reads a loss where both rest on the same closed list (an
    authority's permission recorded: uncertain, as for a loss); consent only where the pack
    says it is contested."""
    on = d.date or facts.period_end
    rule = facts.get(P.business_cost_deductible, on)
    if rule is None or rule.value is None:
        out.not_checked("business-cost", msg("cost.no-rule", code=facts.law.code), line=line)
        return
    if rule.value is True:
        return  # the pack says such costs may be charged
    consent = d.basis is not None and d.basis.kind in {
        BasisKind.WRITTEN_CONSENT,
        BasisKind.CONTRACT_CLAUSE,
    }
    contested = facts.get(P.business_cost_consent_contested, on)
    if consent and d.basis is not None and contested is not None and contested.value is True:
        reference = d.basis.reference
        out.add(
            "business-cost",
            Severity.UNCERTAIN,
            msg("cost.consent", amount=d.amount, what=_what(d), kind=d.basis.kind),
            line=line,
            uncertain=d.amount,
            law=[rule, contested],
            steps=[
                msg("cost.basis", kind=d.basis.kind, reference=f" {reference}" if reference else "")
            ],
        )
        return
    arguable = facts.get(P.business_cost_permission_arguable, on)
    permitted = d.document(DocumentKind.AUTHORITY_PERMISSION)
    if permitted is not None and arguable is not None and arguable.value is True:
        out.add(
            "business-cost",
            Severity.UNCERTAIN,
            msg("cost.no-head-permitted", amount=d.amount, what=_what(d)),
            line=line,
            uncertain=d.amount,
            law=[rule, arguable],
            steps=[msg("loss.permission", reference=permitted.reference or permitted.date)],
        )
        return
    out.add(
        "business-cost",
        Severity.VIOLATION,
        msg("cost.charged", amount=d.amount, what=_what(d)),
        line=line,
        owed=d.amount,
        law=[rule],
        steps=[msg("cost.arithmetic", amount=d.amount)],
    )


_CAUSED_BY = {
    CausedBy.EMPLOYER: msg("loss.by-employer"),
    CausedBy.OTHER_DEPARTMENT: msg("loss.by-other-department"),
    CausedBy.CUSTOMER: msg("loss.by-customer"),
}

_BY_KIND: dict[DeductionKind, Judge] = {
    DeductionKind.RESIGNATION_PENALTY: _resignation_penalty,
    DeductionKind.FINE: _fine,
    DeductionKind.LOSS_COMPENSATION: _loss,
    DeductionKind.BUSINESS_COST: _business_cost,
}
