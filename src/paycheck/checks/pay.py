"""Pay for normal work: proration of a partial month, and the minimum wage."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from paycheck.calendar import DayClass
from paycheck.context import Context, compute_days, day_list
from paycheck.model import Earning, EarningKind, LeaveKind, PayBasis, expand
from paycheck.money import CONTEXT, ZERO, fmt, fmt_rate, fmt_sum
from paycheck.packs import InForce, Law, RulePackError, all_packs, items
from paycheck.report import Severity, payslip_line


def _paid_leave_kinds(ctx: Context) -> set[str]:
    return set(items(ctx.param("paid_leave_kinds", ctx.period_end)))


def proration(ctx: Context) -> None:
    """Base pay against the lawful figure for the days in employment (rule ``proration``)."""
    p = ctx.payslip
    leave_kinds = _paid_leave_kinds(ctx)
    days = ctx.days = compute_days(ctx, leave_kinds)
    for leave in p.attendance.leave:
        if leave.kind.value not in leave_kinds and leave.kind is not LeaveKind.UNPAID:
            ctx.not_checked(
                "proration",
                f"{leave.kind.value} leave ({day_list(expand(leave.days))}) is counted as unpaid: "
                "its own rate of pay is not checked.",
            )
    off_days = [
        d
        for d in (expand(p.attendance.days_worked) if p.attendance.days_worked else ())
        if ctx.calendar.day_class(d) is not DayClass.WORKING
    ]
    if off_days:
        ctx.not_checked(
            "overtime-premium",
            f"attendance.days_worked lists days that are not working days ({day_list(off_days)}): "
            "record work on them in attendance.overtime to have it checked.",
        )

    bases = ctx.stated(EarningKind.BASE)
    line = bases[0][0] if len(bases) == 1 else ("earnings" if not bases else bases[0][0])
    stated = sum((e.amount for _, e in bases), ZERO)
    wage = p.contract.wage

    if p.contract.pay_basis is PayBasis.HOURLY:
        hours = p.contract.normal_hours_per_day
        expected = ctx.money(wage * hours * (len(days.worked) + len(days.paid_leave)))
        computation = [
            f"{fmt(wage)} an hour x {fmt_rate(hours)} h x "
            f"{len(days.worked) + len(days.paid_leave)} days = {fmt(expected)}"
        ]
        ctx.expected[line] = expected
        if stated < expected:
            ctx.add(
                "proration",
                Severity.UNDERPAYMENT,
                f"Base pay {fmt(stated)} is below the hours worked at the contract rate, "
                f"{fmt(expected)}: {fmt(expected - stated)} is owed.",
                line=line,
                owed=expected - stated,
                computation=computation,
            )
        return

    worked_note = (
        "no days_worked given: every working day in employment not on leave is taken as worked"
        if days.assumed_full_attendance
        else None
    )
    if days.full:
        expected = wage
        ctx.expected[line] = expected
        if stated < expected:
            computation = [f"worked the whole period: the monthly wage {fmt(wage)} is due"]
            if worked_note:
                computation.append(worked_note)
            ctx.add(
                "proration",
                Severity.UNDERPAYMENT,
                f"A full month was worked but base pay is {fmt(stated)}, not the contract wage "
                f"{fmt(wage)}: {fmt(expected - stated)} is owed.",
                line=line,
                owed=expected - stated,
                computation=computation,
            )
        return

    method = ctx.param("proration_methods", ctx.period_end)
    results = _prorated(ctx, wage)
    if results is None:
        return
    lower = max(min(r.amount for r in results), ZERO)  # wholly outside employment: 0
    ctx.expected[line] = lower
    if stated >= lower:
        return  # paid at least the lower lawful figure: nothing to write
    computation = [f"employed in this period {days.span_start} to {days.span_end}"]
    if worked_note:
        computation.append(worked_note)
    computation.extend(line for r in results for line in r.describe())
    if len(results) > 1:
        lowest = min(results, key=lambda r: r.amount)
        computation.append(f"lower of the two: method {lowest.letter}, {fmt(lower)}")
    computation.extend(_employer_figures(ctx, bases))
    law = [x for r in results for x in r.law]
    ctx.add(
        "proration",
        Severity.UNDERPAYMENT,
        f"Base pay for the partial month is {fmt(stated)}, below the lawful figure "
        f"{fmt(lower)}"
        + (" (the lower of the two lawful methods)" if len(results) > 1 else "")
        + f": {fmt(lower - stated)} is owed.",
        line=line,
        owed=lower - stated,
        law=[*law, method],
        computation=computation,
    )


class _Prorated(NamedTuple):
    """A monthly amount prorated by one lawful method, with its arithmetic on demand."""

    letter: str
    amount: Decimal
    law: list[InForce]
    describe: Callable[[], list[str]]


def _paid_days(ctx: Context, amount: Decimal) -> _Prorated:
    days = ctx.days
    assert days is not None
    rate, law, text = _per_day(ctx, amount)
    value = ctx.money(CONTEXT.multiply(rate, days.paid_days))

    def describe() -> list[str]:
        parts = [f"{len(days.worked)} working days worked ({days.listed(days.worked)})"]
        if days.paid_leave:
            parts.append(
                f"{len(days.paid_leave)} days of paid leave ({day_list(days.paid_leave)})"
            )
        parts.append(
            f"{len(days.holidays_in_span)} statutory holidays in employment "
            f"({day_list(days.holidays_in_span)})"
        )
        return [
            "paid days = " + " + ".join(parts) + f" = {days.paid_days}",
            f"method A (pay for paid days): {text()} x {days.paid_days} paid days = {fmt(value)}",
        ]

    return _Prorated("A", value, law, describe)


def _per_day(ctx: Context, amount: Decimal) -> tuple[Decimal, list[InForce], Callable[[], str]]:
    divisor = ctx.require("paid_days_per_month", ctx.period_end)
    return (
        CONTEXT.divide(amount, divisor.number),
        [divisor],
        lambda: f"{fmt(amount)} / {divisor.shown}",
    )


def _absent_days(ctx: Context, amount: Decimal) -> _Prorated:
    days = ctx.days
    assert days is not None
    rate, law, text = _per_day(ctx, amount)
    absent_pay = ctx.money(CONTEXT.multiply(rate, len(days.absent)))
    value = amount - absent_pay

    def describe() -> list[str]:
        return [
            f"method B (deduct absent days): {fmt(amount)} - {text()} x {len(days.absent)} "
            f"absent working days ({days.listed(days.absent)}) = {fmt(amount)} - "
            f"{fmt(absent_pay)} = {fmt(value)}"
        ]

    return _Prorated("B", value, law, describe)


def _calendar_days(ctx: Context, amount: Decimal) -> _Prorated:
    """Amount / calendar days of the period x days eligible: the days in employment less
    unpaid leave and absent working days."""
    days = ctx.days
    assert days is not None
    period = ctx.payslip.period
    calendar_days = (period.end - period.start).days + 1
    in_span = (days.span_end - days.span_start).days + 1
    unpaid = [d for d in days.absent if days.span_start <= d <= days.span_end]
    eligible = in_span - len(unpaid)
    value = ctx.money(CONTEXT.multiply(CONTEXT.divide(amount, calendar_days), eligible))

    def describe() -> list[str]:
        return [
            f"days eligible = {in_span} days in employment - {len(unpaid)} working days neither "
            f"worked nor on paid leave ({days.listed(unpaid)}) = {eligible}",
            f"{fmt(amount)} / {calendar_days} days in the period x {eligible} days eligible = "
            f"{fmt(value)}",
        ]

    return _Prorated("", value, [], describe)


def _required_days(ctx: Context, amount: Decimal) -> _Prorated | None:
    """Amount x days worked (paid leave included) / days the employee was required to work."""
    days = ctx.days
    assert days is not None
    required = ctx.payslip.attendance.days_required
    if required is None:
        ctx.not_checked(
            "proration",
            "attendance.days_required is missing: the law here prorates a partial month by "
            "the days the employee was required to work, so it cannot be checked.",
        )
        return None
    # Public holidays on the schedule's working weekdays are paid as days worked (they are
    # among the days required too); holidays on rest and off days are not.
    holidays = [d for d in days.holidays_in_span if d.weekday() in ctx.workweek_days]
    worked = len(days.worked) + len(days.paid_leave) + len(holidays)
    if required == 0:
        return _Prorated("", ZERO, [], lambda: ["no days required: 0.00"])
    value = ctx.money(CONTEXT.divide(CONTEXT.multiply(amount, worked), required))

    def describe() -> list[str]:
        parts = [f"{len(days.worked)} days worked ({days.listed(days.worked)})"]
        if days.paid_leave:
            parts.append(f"{len(days.paid_leave)} days of paid leave")
        if holidays:
            parts.append(
                f"{len(holidays)} public {'holiday' if len(holidays) == 1 else 'holidays'} "
                f"on working weekdays ({day_list(holidays)})"
            )
        return [
            "days worked = " + " + ".join(parts) + f" = {worked}",
            f"{fmt(amount)} x {worked} / {fmt_rate(required)} days required = {fmt(value)}",
        ]

    return _Prorated("", value, [], describe)


_METHODS: dict[str, Callable[[Context, Decimal], _Prorated | None]] = {
    "paid-days": _paid_days,
    "absent-days": _absent_days,
    "calendar-days": _calendar_days,
    "required-days": _required_days,
}


def _prorated(
    ctx: Context, amount: Decimal, rule: str = "proration"
) -> list[_Prorated] | None:
    """A monthly amount prorated for a partial month by each method the pack names (only the
    first for the minimum wage), or None, with a not-checked finding, when it names none."""
    method = ctx.param("proration_methods", ctx.period_end)
    names = items(method)
    first_only = rule != "proration"
    if not names:
        why = f" ({method.note.strip().rstrip('.')})" if method and method.note else ""
        what = "pay" if rule == "proration" else "the minimum wage"
        ctx.not_checked(
            rule,
            f"the rule pack for {ctx.law.code} sets no formula for a partial month{why}: "
            f"{what} for a partial month is not checked against the law.",
        )
        return None
    unknown = [n for n in names if n not in _METHODS]
    if unknown:
        raise RulePackError(f"proration_methods: unknown methods {unknown}")
    out = []
    for name in names[:1] if first_only else names:
        result = _METHODS[name](ctx, amount)
        if result is None:
            return None
        out.append(result)
    return out


def _employer_figures(ctx: Context, bases: tuple[tuple[str, Earning], ...]) -> list[str]:
    """The employer's own divisor and days, beside the law's, for the reader."""
    lines: list[str] = []
    divisor = ctx.param("paid_days_per_month", ctx.period_end)
    for where, e in bases:
        days_paid, used = e.days_paid, e.divisor
        if used is None and days_paid is None:
            continue
        figures = []
        if used is not None:
            figures.append(f"divisor {fmt_rate(used)}")
        if days_paid is not None:
            figures.append(f"{fmt_rate(days_paid)} days paid")
        text = f"the employer's own figures on {where}: " + ", ".join(figures)
        if used is not None and divisor is not None and used != divisor.number:
            text += f" (the lawful divisor is {fmt_rate(divisor.number)})"
        lines.append(text)
    return lines


def minimum_wage(ctx: Context) -> None:
    """Pay for normal work against the local minimum wage (rule ``minimum-wage``)."""
    p = ctx.payslip
    if ctx.law.currency and p.currency != ctx.law.currency:
        ctx.not_checked(
            "minimum-wage",
            f"the payslip is in {p.currency} but the minimum wage of {ctx.law.code} is set in "
            f"{ctx.law.currency}: it is not compared.",
        )
        return
    if not ctx.covered("minimum_wage_coverage", "minimum-wage", "the minimum wage is"):
        return
    hourly = p.contract.pay_basis is PayBasis.HOURLY
    name = "minimum_wage_hourly" if hourly else "minimum_wage_monthly"
    minimum, size_note, higher = _minimum_for_employer(ctx, name)
    if minimum is not None and minimum.value == "none":
        # The law here sets none (the pack says why): a fact for the report, not a finding.
        why = f": {minimum.note.strip().rstrip('.')}" if minimum.note else ""
        ctx.notes.append(f"The law of {ctx.law.code} sets no {minimum.label.lower()}{why}.")
        return
    if minimum is None or minimum.value is None:
        why = f": {minimum.note.strip().rstrip('.')}" if minimum and minimum.note else ""
        ctx.not_checked(
            "minimum-wage",
            f"the rule pack for {ctx.law.code} has no {'hourly' if hourly else 'monthly'} minimum "
            f"wage in force on {ctx.on or ctx.period_end}"
            + (
                " (a more specific jurisdiction code may have one)."
                if any(c.startswith(ctx.law.code + "-") for c in all_packs())
                else f"{why}."
            ),
        )
        return
    if higher is not None and higher.value is not None and p.contract.wage < higher.number:
        ctx.not_checked(
            "minimum-wage",
            f"employer.headcount is missing: the minimum wage is {fmt(higher.number)} for larger "
            f"employers and {fmt(minimum.number)} for small ones, and the contract wage "
            f"{fmt(p.contract.wage)} is below the first; only the second is checked.",
            line="employer.headcount",
        )
    excluded = ctx.param("minimum_wage_excludes", ctx.period_end)
    excluded_kinds = set(items(excluded))
    counted = [(w, e) for w, e in enumerate(p.earnings) if e.kind not in excluded_kinds]
    bases = ctx.stated(EarningKind.BASE)
    line = bases[0][0] if bases else "earnings"
    stated = sum((e.amount for _, e in counted), ZERO)

    days = ctx.days
    assert days is not None
    if hourly:
        if p.contract.wage < minimum.number:
            hours = p.contract.normal_hours_per_day * (len(days.worked) + len(days.paid_leave))
            short = ctx.money((minimum.number - p.contract.wage) * hours)
            _short_by(ctx, line, short)
            ctx.add(
                "minimum-wage",
                Severity.UNDERPAYMENT,
                f"The hourly rate {fmt(p.contract.wage)} is below the hourly minimum wage "
                f"{fmt(minimum.number)} in force from {minimum.effective}: {fmt(short)} is owed "
                f"for {fmt_rate(hours)} normal hours.",
                line=line,
                owed=short,
                law=[minimum],
                computation=[
                    f"({fmt(minimum.number)} - {fmt(p.contract.wage)}) x {fmt_rate(hours)} h "
                    f"= {fmt(short)}"
                ],
            )
        return

    if days.full:
        floor: Decimal = minimum.number

        def floor_text() -> str:
            return f"full month: minimum wage {fmt(floor)} (in force from {minimum.effective})"
    else:
        prorated = _prorated(ctx, minimum.number, rule="minimum-wage")
        if prorated is None:
            return
        floor = prorated[0].amount
        describe = prorated[0].describe

        def floor_text() -> str:
            return "prorated minimum: " + "; ".join(describe())

    ctx.minimum_floor = (floor, minimum, floor_text)
    if stated < floor:
        left_out = sorted(excluded_kinds - {"overtime"})
        computation = [
            *size_note,
            floor_text(),
            f"pay for normal work = {fmt_sum([e.amount for _, e in counted], stated)}"
            + (
                f" (overtime and {', '.join(left_out)} left out)"
                if left_out
                else " (overtime left out)"
            ),
        ]
        shortfall = floor - stated
        # Where what is left out is unsettled, the shortfall counting every line paid is owed
        # on either reading; only the rest rests on the exclusion.
        # (at their lawful amounts: any shortfall on those lines is owed on its own line)
        unsettled = excluded is not None and not excluded.settled
        left = ctx.month_wage() - ctx.month_wage(excluded_kinds) if unsettled else ZERO
        doubtful = left > 0
        either = max(shortfall - left, ZERO) if doubtful else shortfall
        if doubtful:
            computation.append(
                f"counting the {fmt(left)} left out as well: {fmt(floor)} - "
                f"{fmt(stated + left)} = {fmt(either)}, owed on either reading; the other "
                f"{fmt(shortfall - either)} rests on leaving it out"
            )
        message = (
            f"Pay for normal work, {fmt(stated)}, is below the minimum wage for the days paid, "
            f"{fmt(floor)}: {fmt(shortfall)} is owed."
        )
        if doubtful:
            message = (
                f"Pay for normal work, {fmt(stated)}, is below the minimum wage for the days "
                f"paid, {fmt(floor)}: {fmt(either)} is owed even if the lines left out count "
                f"toward the minimum; {fmt(shortfall - either)} more is owed if they do not, "
                "which the sources do not settle (shown as uncertain)."
            )
        _short_by(ctx, line, either)
        ctx.add(
            "minimum-wage",
            Severity.UNDERPAYMENT if either > 0 else Severity.UNCERTAIN,
            message,
            line=line,
            owed=either,
            uncertain=shortfall - either,
            law=[minimum],
            see=[excluded],
            computation=computation,
        )
    if p.contract.wage < minimum.number:
        ctx.add(
            "minimum-wage",
            Severity.VIOLATION,
            f"The contract wage {fmt(p.contract.wage)} is below the monthly minimum wage "
            f"{fmt(minimum.number)}.",
            line="contract.wage",
            law=[minimum],
            computation=[*size_note, f"{fmt(p.contract.wage)} < {fmt(minimum.number)}"],
        )


def _short_by(ctx: Context, line: str, owed: Decimal) -> None:
    """The lawful amount of the line a minimum-wage shortfall is put on rises by what is owed
    for certain, so the earnings table agrees with the finding (the larger shortfall counts,
    as in the report's totals, where a line is counted once)."""
    where = payslip_line(line)
    if owed > 0 and where is not None and where[0] == "earnings":
        stated = ctx.payslip.earnings[where[1]].amount
        ctx.expected[line] = max(ctx.expected.get(line, stated), stated + owed)


def _minimum_for_employer(
    ctx: Context, name: str
) -> tuple[InForce | None, tuple[str, ...], InForce | None]:
    """The minimum wage for this employer's size (see :func:`_minimum_for`)."""
    p = ctx.payslip
    start = max(p.period.start, p.contract.employment_start)
    return _minimum_for(ctx.law, name, ctx.on, start, ctx.period_end, p.employer.headcount)


@lru_cache(maxsize=4096)
def _minimum_for(
    law: Law, name: str, on: date | None, start: date, end: date, headcount: int | None
) -> tuple[InForce | None, tuple[str, ...], InForce | None]:
    """The minimum wage for an employer's size, where the pack sets a later or lower one
    for employers below a headcount (``<name>_small_employer``).  Without a headcount the
    lower of the two is used (a shortfall against it is owed either way), and the higher one
    is returned third, for a not-checked finding when the pay falls between them.  The same
    for every payslip of a jurisdiction, period and headcount: worked out once."""
    minimum, notes = _in_period(law, name, on, start, end)
    below = law.get("minimum_wage_small_employer_below", on or end)
    small, small_notes = _in_period(law, f"{name}_small_employer", on, start, end)
    if below is None or below.value is None or small is None or small.value is None:
        return minimum, notes, None
    size = f"employers of fewer than {below.shown} employees"
    if headcount is not None:
        if headcount < below.number:
            note = f"employer headcount {headcount}: the minimum for {size}"
            return small, (note, *small_notes), None
        return minimum, notes, None
    if minimum is None or minimum.value is None or small.number < minimum.number:
        note = f"employer.headcount not given: the minimum for {size}, the lower one"
        return small, (note, *small_notes), minimum
    return minimum, notes, None


def _in_period(
    law: Law, name: str, on: date | None, start: date, end: date
) -> tuple[InForce | None, tuple[str, ...]]:
    """A minimum in force in the period (from ``start``, the later of the period's first
    day and the employment's). Where it changed during the period, the lower of the two (on
    equal figures the less settled one) is used, and a note says so."""
    at_end = law.get(name, on or end)
    at_start = law.get(name, on or start)
    if (
        at_start is at_end
        or at_start is None
        or at_end is None
        or at_start.value is None
        or at_end.value is None
    ):
        return at_end, ()
    earlier = at_start.number < at_end.number or (
        at_start.number == at_end.number and not at_start.settled
    )
    pick = at_start if earlier else at_end
    return pick, (
        f"the minimum changed during the period ({fmt(at_start.number)} from "
        f"{at_start.effective}, {fmt(at_end.number)} from {at_end.effective}): "
        f"{fmt(pick.number)} from {pick.effective} is used for the whole period",
    )
