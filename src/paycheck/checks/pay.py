"""Pay for normal work: proration of a partial month, and the minimum wage."""

from __future__ import annotations

from decimal import Decimal

from paycheck.calendar import DayClass
from paycheck.context import Context, compute_days, day_list
from paycheck.model import Earning, EarningKind, LeaveKind, PayBasis, expand
from paycheck.money import CONTEXT, ZERO, fmt, fmt_rate
from paycheck.packs import all_packs, items
from paycheck.report import Severity


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
        for d in expand(p.attendance.days_worked)
        if ctx.calendar.day_class(d) is not DayClass.WORKING
    ]
    if off_days:
        ctx.not_checked(
            "overtime-premium",
            f"attendance.days_worked lists days that are not working days ({day_list(off_days)}): "
            "record work on them in attendance.overtime to have it checked.",
        )

    bases = ctx.stated([EarningKind.BASE])
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

    rate, divisor, describe_rate = ctx.daily_rate()
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
    a = ctx.money(CONTEXT.multiply(rate, days.paid_days))
    absent_pay = ctx.money(CONTEXT.multiply(rate, len(days.absent)))
    b = wage - absent_pay
    lower = max(min(a, b), ZERO)  # a period wholly outside employment owes no base pay
    ctx.expected[line] = lower
    if stated >= lower:
        return  # paid at least the lower lawful figure: nothing to write
    rate_text = describe_rate()
    paid_parts = [f"{len(days.worked)} working days worked ({days.listed(days.worked)})"]
    if days.paid_leave:
        paid_parts.append(
            f"{len(days.paid_leave)} days of paid leave ({day_list(days.paid_leave)})"
        )
    paid_parts.append(
        f"{len(days.holidays_in_span)} statutory holidays in employment "
        f"({day_list(days.holidays_in_span)})"
    )
    computation = [
        f"employed in this period {days.span_start} to {days.span_end}",
        "paid days = " + " + ".join(paid_parts) + f" = {days.paid_days}",
        f"method A (pay for paid days): {rate_text} x {days.paid_days} paid days = {fmt(a)}",
        f"method B (deduct absent days): {fmt(wage)} - {rate_text} x {len(days.absent)} absent "
        f"working days ({days.listed(days.absent)}) = {fmt(wage)} - {fmt(absent_pay)} = {fmt(b)}",
        f"lower of the two: method {'A' if a <= b else 'B'}, {fmt(lower)}",
    ]
    if worked_note:
        computation.insert(1, worked_note)
    computation.extend(_employer_figures(ctx, bases))
    ctx.add(
        "proration",
        Severity.UNDERPAYMENT,
        f"Base pay for the partial month is {fmt(stated)}, below the lawful figure "
        f"{fmt(lower)} (the lower of the two lawful methods): {fmt(lower - stated)} is owed.",
        line=line,
        owed=lower - stated,
        law=[divisor, method],
        computation=computation,
    )


def _employer_figures(ctx: Context, bases: list[tuple[str, Earning]]) -> list[str]:
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
    hourly = p.contract.pay_basis is PayBasis.HOURLY
    name = "minimum_wage_hourly" if hourly else "minimum_wage_monthly"
    minimum = ctx.param(name, ctx.period_end)
    if minimum is None or minimum.value is None:
        ctx.not_checked(
            "minimum-wage",
            f"the rule pack for {ctx.law.code} has no {'hourly' if hourly else 'monthly'} minimum "
            f"wage in force on {ctx.on or ctx.period_end}"
            + (
                " (a more specific jurisdiction code may have one)."
                if any(c.startswith(ctx.law.code + "-") for c in all_packs())
                else "."
            ),
        )
        return
    excluded = ctx.param("minimum_wage_excludes", ctx.period_end)
    excluded_kinds = set(items(excluded))
    counted = [(w, e) for w, e in enumerate(p.earnings) if e.kind not in excluded_kinds]
    bases = ctx.stated([EarningKind.BASE])
    line = bases[0][0] if bases else "earnings"
    stated = sum((e.amount for _, e in counted), ZERO)

    days = ctx.days
    assert days is not None
    if hourly:
        if p.contract.wage < minimum.number:
            hours = p.contract.normal_hours_per_day * (len(days.worked) + len(days.paid_leave))
            short = ctx.money((minimum.number - p.contract.wage) * hours)
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
        divisor = ctx.require("paid_days_per_month", ctx.period_end)
        floor = ctx.money(
            CONTEXT.multiply(CONTEXT.divide(minimum.number, divisor.number), days.paid_days)
        )

        def floor_text() -> str:
            return (
                f"prorated minimum: {fmt(minimum.number)} / {fmt_rate(divisor.number)} x "
                f"{days.paid_days} paid days = {fmt(floor)}"
            )

    ctx.minimum_floor = (floor, minimum, floor_text)
    if stated < floor:
        left_out = sorted(excluded_kinds - {"overtime"})
        computation = [
            floor_text(),
            f"pay for normal work = {' + '.join(fmt(e.amount) for _, e in counted) or '0'} "
            f"= {fmt(stated)}"
            + (
                f" (overtime and {', '.join(left_out)} left out)"
                if left_out
                else " (overtime left out)"
            ),
        ]
        ctx.add(
            "minimum-wage",
            Severity.UNDERPAYMENT,
            f"Pay for normal work, {fmt(stated)}, is below the minimum wage for the days paid, "
            f"{fmt(floor)}: {fmt(floor - stated)} is owed.",
            line=line,
            owed=floor - stated,
            law=[minimum, excluded],
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
            computation=[f"{fmt(p.contract.wage)} < {fmt(minimum.number)}"],
        )
