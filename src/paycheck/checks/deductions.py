"""Deductions: penalties, fines, losses, business costs and the documented basis."""

from __future__ import annotations

from decimal import Decimal

from paycheck.context import Context
from paycheck.model import BasisKind, CausedBy, Deduction, DeductionKind, DocumentKind, PayBasis
from paycheck.money import CONTEXT, ZERO, fmt, fmt_rate
from paycheck.packs import InForce, Step, flag, items
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


def deductions(ctx: Context) -> None:
    """Rules ``undocumented-deduction``, ``resignation-penalty``, ``fine``, ``loss-deduction``
    and ``business-cost``, each deduction line in turn."""
    p = ctx.payslip
    if not p.deductions or not ctx.covered(
        "deduction_coverage", "undocumented-deduction", "the rules on deductions are"
    ):
        return
    month_wage = normal_wage = ZERO
    if any(d.kind in _CAPPED for d in p.deductions):
        month_wage = ctx.month_wage()
        # The minimum-wage floor compares pay for normal work, as the minimum wage does.
        normal_wage = ctx.month_wage(items(ctx.param("minimum_wage_excludes", ctx.period_end)))
    fines, losses, floor_losses = _Running(), _Running(), _Running()
    for i, d in enumerate(p.deductions):
        line = f"deductions[{i}]"
        # Before the law that lists them (CN: 1995) no deduction is judged: not-checked.
        withholding = ctx.require("withholding_kinds", d.date or ctx.period_end)
        if d.basis is None and d.kind not in items(withholding):
            ctx.add(
                "undocumented-deduction",
                Severity.UNDOCUMENTED,
                f"{fmt(d.amount)} deducted ({_what(d)}) with no documented basis: no statute, "
                "contract clause, written consent, court order or company rule is given. A "
                "deduction outside the withholding list needs one; without it the amount is owed.",
                line=line,
                owed=d.amount,
                law=[withholding],
                computation=[
                    f"{d.kind.value} is not on the withholding list "
                    f"({', '.join(items(withholding))}); basis: none"
                ],
            )
        _documents(ctx, d, line)
        if d.kind is DeductionKind.RESIGNATION_PENALTY:
            _resignation_penalty(ctx, d, line)
        elif d.kind is DeductionKind.FINE:
            _fine(ctx, d, line, month_wage, fines)
        elif d.kind is DeductionKind.LOSS_COMPENSATION:
            _loss(ctx, d, line, (month_wage, normal_wage), losses, floor_losses)
        elif d.kind is DeductionKind.BUSINESS_COST:
            _business_cost(ctx, d, line)
    _total_limit(ctx)


_CAPPED = frozenset({DeductionKind.FINE, DeductionKind.LOSS_COMPENSATION})
"""Kinds whose monthly cap compares them with the month's wages."""

RULE_OF_KIND = {
    DeductionKind.RESIGNATION_PENALTY: "resignation-penalty",
    DeductionKind.FINE: "fine",
    DeductionKind.LOSS_COMPENSATION: "loss-deduction",
    DeductionKind.BUSINESS_COST: "business-cost",
}


_REQUIRES = {k: f"deduction_requires_{k.value.replace('-', '_')}" for k in DeductionKind}


def _documents(ctx: Context, d: Deduction, line: str) -> None:
    """The records the law requires before a deduction of this kind
    (``deduction_requires_<kind>``): each must be given, dated no later than the deduction."""
    on = d.date or ctx.period_end
    required = ctx.param(_REQUIRES[d.kind], on)
    missing = []
    for kind in items(required):
        doc = d.document(DocumentKind(kind))
        if doc is None:
            missing.append(f"{kind}: none")
        elif doc.date is not None and doc.date > on:
            missing.append(f"{kind}: {doc.date}, after the deduction on {on}")
    if not missing or required is None:
        return
    ctx.add(
        RULE_OF_KIND.get(d.kind, "undocumented-deduction"),
        Severity.VIOLATION,
        f"{fmt(d.amount)} was deducted ({_what(d)}) without what the law here requires "
        f"beforehand ({', '.join(items(required))}): the whole amount is owed back.",
        line=line,
        owed=d.amount,
        law=[required],
        computation=[f"{line}.documents: " + "; ".join(missing)],
    )


def _total_limit(ctx: Context) -> None:
    """Rule ``deduction-limit``: the month's deductions against the share of wages the law
    lets an employer deduct (``deductions_max_fraction``), the kinds it leaves out of the
    count apart, and not at all on the final pay where the law says so."""
    p = ctx.payslip
    end = ctx.period_end
    fraction = ctx.param("deductions_max_fraction", end)
    if fraction is None or fraction.value is None:
        return
    final = p.contract.last_day is not None and p.contract.last_day <= end
    exempt = ctx.param("deductions_limit_final_pay_exempt", end)
    exempted = final and flag(exempt)
    if exempted and exempt is not None and exempt.settled:
        return
    # An unsettled exemption of the final pay: the excess is shown, as uncertain.
    left_out = ctx.param("deductions_limit_excludes", end)
    excluded = set(items(left_out))
    counted = [(i, d) for i, d in enumerate(p.deductions) if d.kind.value not in excluded]
    wage = ctx.month_wage()
    limit = ctx.money(wage * fraction.number)
    running = _Running()
    for i, d in counted:
        excess = running.add(d.amount, limit)
        if excess <= 0:
            continue
        ctx.add(
            "deduction-limit",
            Severity.VIOLATION,
            f"Deductions this month reach {fmt(running.total)}, over the {fraction.shown} of the "
            f"month's wages the law allows ({fmt(limit)}): {fmt(excess)} of this line is over "
            "the limit and is owed.",
            line=f"deductions[{i}]",
            owed=excess,
            law=[fraction, left_out, *([exempt] if exempted else [])],
            see=[exempt] if final and not exempted else [],
            computation=[
                f"limit: {fmt(wage)} x {fraction.shown} = {fmt(limit)}"
                + (f" (not counted: {', '.join(sorted(excluded))})" if excluded else ""),
                "counted: "
                + " + ".join(f"{fmt(x.amount)} ({x.kind.value})" for _, x in counted)
                + f"; over the limit by this line {fmt(excess)}",
            ],
        )


def _what(d: Deduction) -> str:
    return f"{d.kind.value}: {d.reason}" if d.reason else d.kind.value


def _resignation_penalty(ctx: Context, d: Deduction, line: str) -> None:
    on = d.date or ctx.period_end
    void = ctx.param("resignation_penalty_void", on)
    indemnity = ctx.param("notice_indemnity_weeks", on)
    if not flag(void) and indemnity is not None and indemnity.rows(Step):
        _notice_indemnity(ctx, d, line, indemnity)
        return
    if not flag(void):
        ctx.not_checked(
            "resignation-penalty",
            f"the rule pack for {ctx.law.code} says nothing about resignation penalties.",
            line=line,
        )
        return
    notice = ""
    t = ctx.payslip.contract.termination
    if t and t.notice_date:
        notice = f" (notice given {t.notice_date}, last day {t.last_day})"
    ctx.add(
        "resignation-penalty",
        Severity.VIOLATION,
        f"{fmt(d.amount)} was deducted as a penalty for resigning{notice}. The law allows no "
        "such penalty: it is owed back in full. An employer that can prove a real loss caused by "
        "a short notice must claim that loss, not deduct a penalty.",
        line=line,
        owed=d.amount,
        law=[void],
        computation=[f"penalty deducted: {fmt(d.amount)}; lawful: 0.00; owed {fmt(d.amount)}"],
    )


def _notice_indemnity(ctx: Context, d: Deduction, line: str, indemnity: InForce) -> None:
    """Where the law lets the employer keep wages in lieu of the notice an employee did not
    give: lawful up to the wages of the notice not given; only the excess is owed."""
    contract = ctx.payslip.contract
    t = contract.termination
    if t is None:
        ctx.not_checked(
            "resignation-penalty",
            "contract.termination is missing: the notice owed and given cannot be worked out.",
            line=line,
        )
        return
    service = Decimal((t.last_day - contract.employment_start).days + 1) / Decimal("365.25")
    steps = sorted(indemnity.rows(Step), key=lambda s: s.years)
    step = next((s for s in reversed(steps) if service >= s.years), None)
    statutory = step.weeks if step else ZERO
    # The law's steps apply where the contract sets no notice of its own.
    required = statutory if contract.notice_weeks is None else contract.notice_weeks
    given_days = (t.last_day - t.notice_date).days if t.notice_date else 0
    given = Decimal(max(given_days, 0)) / 7
    short = max(required - given, ZERO)
    hourly = contract.pay_basis is PayBasis.HOURLY
    name = "notice_indemnity_days_per_week" if hourly else "notice_indemnity_weeks_per_year"
    per = ctx.param(name, d.date or ctx.period_end)
    if per is None or per.value is None:
        ctx.not_checked(
            "resignation-penalty",
            f"the rule pack for {ctx.law.code} does not say how a week's wages are worked out "
            f"for an employee paid by the {'hour' if hourly else 'month'} ({name}).",
            line=line,
        )
        return
    law = [indemnity, per]
    if hourly:
        weekly = contract.wage * contract.normal_hours_per_day * per.number
        weekly_text = (
            f"{fmt(contract.wage)} x {fmt_rate(contract.normal_hours_per_day)} h x {per.shown}"
        )
    else:
        weekly = CONTEXT.divide(contract.wage * 12, per.number)
        weekly_text = f"{fmt(contract.wage)} x 12 / {per.shown}"
    limit = ctx.money(weekly * short)
    excess = d.amount - limit
    if excess <= 0:
        return
    computation = [
        f"service {contract.employment_start} to {t.last_day}: {fmt_rate(round(service, 2))} "
        f"years; notice required {_weeks(required)}"
        + (
            " (the contract's)"
            if contract.notice_weeks is not None
            else " (the law's scale by length of service; the contract sets none)"
        ),
        f"notice given: {given_days} days"
        + (f" ({t.notice_date} to {t.last_day})" if t.notice_date else " (none)")
        + f" = {_weeks(given)}; short by {_weeks(short)}",
        f"lawful indemnity at most: {weekly_text} a week x {_weeks(short)} = "
        f"{fmt(limit)}; deducted {fmt(d.amount)}; excess {fmt(excess)}",
    ]
    ctx.add(
        "resignation-penalty",
        Severity.VIOLATION,
        f"{fmt(d.amount)} was kept for leaving without the notice required. The law here lets "
        f"the employer keep the wages of the notice not given, {fmt(limit)}, and no more: "
        f"{fmt(excess)} is owed.",
        line=line,
        owed=excess,
        law=law,
        computation=computation,
    )


def _weeks(n: Decimal) -> str:
    return f"{fmt_rate(round(n, 2))} week" + ("" if n == 1 else "s")


def _fine(ctx: Context, d: Deduction, line: str, month_wage: Decimal, running: _Running) -> None:
    on = d.date or ctx.period_end
    status = ctx.param("fine_status", on)
    if status is None or status.value is None:
        ctx.not_checked(
            "fine", f"the rule pack for {ctx.law.code} has no rule on fines.", line=line
        )
        return
    if status.value == "prohibited":
        ctx.add(
            "fine",
            Severity.VIOLATION,
            f"A fine of {fmt(d.amount)} was deducted. Employer fines are not allowed here: the "
            "whole amount is owed back.",
            line=line,
            owed=d.amount,
            law=[status],
            computation=[
                f"fine deducted {fmt(d.amount)}; lawful 0.00 (the prohibition cited applies in "
                f"this rule pack from {status.effective})"
            ],
        )
        return
    # Contested: arguable only on the bases the pack names (a company rule by default),
    # within any cap.
    bases = items(ctx.param("fine_arguable_bases", on)) or [BasisKind.COMPANY_RULE.value]
    if d.basis is None or d.basis.kind.value not in bases:
        ctx.add(
            "fine",
            Severity.VIOLATION,
            f"A fine of {fmt(d.amount)} was deducted without a "
            f"{' or '.join(b.replace('-', ' ') for b in bases)} behind it. Even where a fine is "
            "arguable here, it needs one: the amount is owed back.",
            line=line,
            owed=d.amount,
            see=[status],
            computation=[
                f"fine deducted {fmt(d.amount)}; basis: {d.basis.kind.value if d.basis else 'none'}"
            ],
        )
        return
    cap = ctx.param("fine_max_fraction", on)
    computation = [
        f"fine {fmt(d.amount)}, basis: {d.basis.kind.value} {d.basis.reference or '(unnamed)'}"
    ]
    excess = ZERO
    if cap is not None and isinstance(cap.value, Decimal):
        limit = ctx.money(month_wage * cap.value)
        excess = running.add(d.amount, limit)
        computation.append(
            f"cap: {fmt(month_wage)} month's wage x {fmt_rate(cap.value * 100)}% = {fmt(limit)}; "
            f"fines this month {fmt(running.total)}; over the cap {fmt(excess)}"
        )
    message = (
        f"A fine of {fmt(d.amount)} with a {d.basis.kind.value.replace('-', ' ')} behind it. "
        f"Whether such a fine may be deducted here is contested"
        + (f" ({status.note.strip().rstrip('.')})" if status.note else "")
        + ". The amount is shown as uncertain."
    )
    if excess > 0:
        message += f" {fmt(excess)} of it is over the cap and owed in any case."
    ctx.add(
        "fine",
        Severity.VIOLATION if excess > 0 else Severity.UNCERTAIN,
        message,
        line=line,
        owed=excess,
        uncertain=d.amount - excess,
        law=[cap],
        see=[status],
        computation=computation,
    )


def _loss(
    ctx: Context,
    d: Deduction,
    line: str,
    wages: tuple[Decimal, Decimal],
    running: _Running,
    floor_running: _Running,
) -> None:
    on = d.date or ctx.period_end
    month_wage, normal_wage = wages
    fraction = ctx.param("loss_deduction_max_fraction", on)
    allowed = ctx.param("loss_deduction_allowed", on)
    if allowed is not None and allowed.value is False:
        permitted = d.document(DocumentKind.AUTHORITY_PERMISSION)
        if permitted is not None:
            ctx.add(
                "loss-deduction",
                Severity.UNCERTAIN,
                f"{fmt(d.amount)} was deducted for a loss ({_what(d)}). The law here gives no "
                "head for deducting a loss from wages, but an authority's permission is "
                "recorded, which may allow it: the amount is shown as uncertain.",
                line=line,
                uncertain=d.amount,
                law=[allowed],
                computation=[f"authority-permission: {permitted.reference or permitted.date}"],
            )
            return
        ctx.add(
            "loss-deduction",
            Severity.VIOLATION,
            f"{fmt(d.amount)} was deducted for a loss ({_what(d)}). The law here gives no head "
            "for deducting a loss from wages: the whole amount is owed back.",
            line=line,
            owed=d.amount,
            law=[allowed],
            computation=[f"loss deducted {fmt(d.amount)}; deductible 0.00"],
        )
        return
    cause = d.caused_by
    if cause is None:
        ctx.not_checked(
            "loss-deduction",
            f"{line}.caused_by is missing: whether the employee caused this loss of "
            f"{fmt(d.amount)} cannot be checked.",
            line=line,
        )
    elif cause in {CausedBy.EMPLOYER, CausedBy.OTHER_DEPARTMENT, CausedBy.CUSTOMER}:
        who = {
            "employer": "the employer",
            "other-department": "another department or system",
            "customer": "a customer",
        }[cause.value]
        ctx.add(
            "loss-deduction",
            Severity.VIOLATION,
            f"{fmt(d.amount)} was deducted for a loss caused by {who}, not by the employee. Only "
            "a loss the employee caused may be deducted: the whole amount is owed back.",
            line=line,
            owed=d.amount,
            law=[fraction],
            computation=[f"loss caused by {cause.value}; deductible 0.00; owed {fmt(d.amount)}"],
        )
        return
    elif cause is CausedBy.UNKNOWN:
        ctx.add(
            "loss-deduction",
            Severity.UNCERTAIN,
            f"{fmt(d.amount)} was deducted for a loss whose cause is unknown. It is lawful only if "
            "the employee caused the loss; the employer must show that.",
            line=line,
            uncertain=d.amount,
            law=[fraction],
            computation=["caused_by: unknown"],
        )
    notice = ctx.param("loss_deduction_written_notice", on)
    if flag(notice) and (d.written_notice_date is None or d.written_notice_date > on):
        when = "none" if d.written_notice_date is None else f"{d.written_notice_date} (after {on})"
        ctx.add(
            "loss-deduction",
            Severity.VIOLATION,
            f"{fmt(d.amount)} was deducted for a loss without written notice of the reason and "
            "amount beforehand, which the law here requires: the whole amount is owed back.",
            line=line,
            owed=d.amount,
            law=[notice],
            computation=[f"written notice: {when}"],
        )
    if fraction is not None and isinstance(fraction.value, Decimal):
        # The cap is on the period's wages, or on a full month's where the law says "one
        # month's wages" (loss_deduction_cap_on_full_month).
        full_month = ctx.param("loss_deduction_cap_on_full_month", on)
        if flag(full_month) and ctx.payslip.contract.pay_basis is PayBasis.MONTHLY:
            month_wage = max(month_wage, ctx.payslip.contract.wage)
        limit = ctx.money(month_wage * fraction.value)
        excess = running.add(d.amount, limit)
        may_exceed = d.document(DocumentKind.AUTHORITY_PERMISSION) is not None
        if excess > 0:
            ctx.add(
                "loss-deduction",
                Severity.UNCERTAIN if may_exceed else Severity.VIOLATION,
                f"Loss deductions this month, {fmt(running.total)}, exceed "
                f"{fmt_rate(fraction.value * 100)}% of the month's wage ({fmt(limit)}): "
                + (
                    f"{fmt(excess)} of this line is over the cap; an authority's permission is "
                    "recorded, which may allow more, so it is shown as uncertain."
                    if may_exceed
                    else f"{fmt(excess)} of this line is over the cap and owed"
                    + (f" ({fraction.note.strip().rstrip('.')})." if fraction.note else ".")
                ),
                line=line,
                owed=ZERO if may_exceed else excess,
                uncertain=excess if may_exceed else ZERO,
                law=[fraction],
                computation=[
                    f"cap: {fmt(month_wage)} x {fmt_rate(fraction.value * 100)}% = {fmt(limit)}",
                    f"loss deductions so far {fmt(running.total)}; over the cap {fmt(excess)}",
                ],
            )
    floor = ctx.minimum_floor
    floor_rule = ctx.param("loss_deduction_minimum_wage_floor", on)
    if floor is not None and flag(floor_rule):
        minimum, minimum_law, floor_text = floor
        short = floor_running.add(d.amount, normal_wage - minimum)
        remaining = normal_wage - floor_running.total
        if short > 0:
            ctx.add(
                "loss-deduction",
                Severity.VIOLATION,
                f"After loss deductions of {fmt(floor_running.total)} the pay for normal work "
                f"falls to {fmt(remaining)}, below the minimum wage {fmt(minimum)}: {fmt(short)} "
                "of this line is owed.",
                line=line,
                owed=short,
                law=[floor_rule, minimum_law],
                computation=[
                    floor_text(),
                    f"pay for normal work {fmt(normal_wage)} - loss deductions "
                    f"{fmt(floor_running.total)} = {fmt(remaining)} < {fmt(minimum)}",
                ],
            )


def _business_cost(ctx: Context, d: Deduction, line: str) -> None:
    on = d.date or ctx.period_end
    rule = ctx.param("business_cost_deductible", on)
    if rule is None or rule.value is None:
        ctx.not_checked(
            "business-cost",
            f"the rule pack for {ctx.law.code} has no rule on business costs.",
            line=line,
        )
        return
    if flag(rule):
        return  # the pack says such costs may be charged
    consent = d.basis is not None and d.basis.kind in {
        BasisKind.WRITTEN_CONSENT,
        BasisKind.CONTRACT_CLAUSE,
    }
    contested = ctx.param("business_cost_consent_contested", on)
    if consent and flag(contested):
        assert d.basis is not None
        ctx.add(
            "business-cost",
            Severity.UNCERTAIN,
            f"{fmt(d.amount)} of the employer's business costs ({_what(d)}) was charged to the "
            f"employee with their {d.basis.kind.value.replace('-', ' ')}. Whether consent can "
            "shift such costs to the employee is contested; the amount is shown as uncertain.",
            line=line,
            uncertain=d.amount,
            law=[rule, contested],
            computation=[f"basis: {d.basis.kind.value} {d.basis.reference or ''}".rstrip()],
        )
        return
    ctx.add(
        "business-cost",
        Severity.VIOLATION,
        f"{fmt(d.amount)} of the employer's own business costs ({_what(d)}) was charged to the "
        "employee. Costs of running the business are the employer's; no law allows deducting "
        "them from wages: the whole amount is owed back.",
        line=line,
        owed=d.amount,
        law=[rule],
        computation=[f"business cost deducted {fmt(d.amount)}; deductible 0.00"],
    )
