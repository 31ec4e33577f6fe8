"""Overtime: the premium by class of day, the base it is priced on, and the hours."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from paycheck.calendar import DayClass
from paycheck.context import Context
from paycheck.model import EarningKind, Overtime
from paycheck.money import ZERO, fmt, fmt_rate
from paycheck.packs import InForce, items
from paycheck.report import Severity

MULTIPLIER = {
    DayClass.WORKING: "overtime_multiplier_working_day",
    DayClass.REST: "overtime_multiplier_rest_day",
    DayClass.HOLIDAY: "overtime_multiplier_holiday",
}


def _pct(multiplier: Decimal) -> str:
    return f"{fmt_rate(multiplier * 100)}%"


@dataclass(frozen=True)
class _Priced:
    """Lawful pay for some overtime: unrounded amount, multiplier, the law used, and the
    arithmetic as a line, written only if a finding needs it."""

    amount: Decimal
    multiplier: Decimal
    law: list[InForce]
    describe: Callable[[], str]


def _price(ctx: Context, record: Overtime) -> _Priced:
    """Lawful pay for one dated overtime record."""
    cls = ctx.calendar.day_class(record.date)
    multiplier = ctx.require(MULTIPLIER[cls], record.date)
    rate, law, rate_text = ctx.hourly_rate(record.date)
    law = [*law, multiplier]
    override = ctx.calendar.basis(record.date)
    if override is not None:
        law.append(override)
    time_off = ctx.param("time_off_may_replace_pay", record.date)
    off = record.time_off_given
    if off and time_off is not None:
        law.append(time_off)
    replaced = off and cls in items(time_off)
    amount = ZERO if replaced else rate * record.hours * multiplier.number  # rounded once later

    def describe() -> str:
        where = f"{record.date} ({record.date:%A}, {ctx.calendar.describe(record.date)})"
        if replaced:
            return (
                f"{where}: {fmt_rate(record.hours)} h, equal time off given instead of pay = 0.00"
            )
        if off:
            where += f"; time off does not replace pay on a {cls.label}"
        return (
            f"{where}: {rate_text()} x {fmt_rate(record.hours)} h x {_pct(multiplier.number)} "
            f"= {fmt(amount)}"
        )

    return _Priced(amount, multiplier.number, law, describe)


def _price_total(ctx: Context, cls: DayClass, hours: Decimal) -> _Priced:
    """Lawful pay for a period's total overtime hours on one class of day (no dates given)."""
    day = ctx.period_end
    multiplier = ctx.require(MULTIPLIER[cls], day)
    rate, law, rate_text = ctx.hourly_rate(day)
    amount = rate * hours * multiplier.number

    def describe() -> str:
        return (
            f"{cls.label} overtime (dates not listed): {rate_text()} x {fmt_rate(hours)} h x "
            f"{_pct(multiplier.number)} = {fmt(amount)}"
        )

    return _Priced(amount, multiplier.number, [*law, multiplier], describe)


def _totals(ctx: Context) -> list[tuple[DayClass, Decimal]]:
    t = ctx.payslip.attendance.overtime_totals
    if t is None:
        return []
    pairs = [
        (DayClass.WORKING, t.working_day),
        (DayClass.REST, t.rest_day),
        (DayClass.HOLIDAY, t.statutory_holiday),
    ]
    return [(cls, hours) for cls, hours in pairs if hours > 0]


def overtime_pay(ctx: Context) -> None:
    """Rules ``overtime-premium`` and ``overtime-base``: stated overtime pay against the law."""
    p = ctx.payslip
    records = p.attendance.overtime
    totals = _totals(ctx)
    lines = ctx.stated([EarningKind.OVERTIME])
    stated = sum((e.amount for _, e in lines), ZERO)
    if not records and not totals:
        if lines:
            ctx.not_checked(
                "overtime-premium",
                "overtime is paid but attendance.overtime lists no records (date and hours), so "
                "its premium cannot be checked.",
                line=lines[0][0],
            )
        return
    if totals:
        ctx.notes.append(
            "Overtime was given as totals by class of day, without dates: the daily limit and "
            "the class of each day are not checked."
        )
    priced = [_price(ctx, r) for r in records] + [_price_total(ctx, c, h) for c, h in totals]
    expected = ctx.money(sum((x.amount for x in priced), ZERO))
    ctx.expected["overtime"] = expected
    shortfall = expected - stated
    required = max((x.multiplier for x in priced if x.amount > 0), default=ZERO)
    contract_wage = p.contract.wage
    low_base = [(w, e) for w, e in lines if e.base is not None and e.base < contract_wage]
    low_multiplier = [
        (w, e) for w, e in lines if e.multiplier is not None and e.multiplier < required
    ]
    if not low_base and not low_multiplier and shortfall <= 0:
        return  # paid at least the lawful amount: nothing to write
    law: list[InForce] = [x for p_ in priced for x in p_.law]
    line = ", ".join(w for w, _ in lines) if lines else "attendance.overtime"
    computation = [x.describe() for x in priced]
    computation.append(
        f"lawful overtime pay = {' + '.join(fmt(x.amount) for x in priced)} = {fmt(expected)}"
        + (" (the unrounded amounts added, then rounded once)" if len(priced) > 1 else "")
    )
    computation.append(f"overtime paid = {fmt(stated)}" + (f" on {line}" if lines else ""))
    base_rule = ctx.param("overtime_base", ctx.period_end)
    for where, e in low_base:
        assert e.base is not None
        figures = [f"the employer priced {where} on a base of {fmt(e.base)}"]
        divisor = ctx.param("paid_days_per_month", ctx.period_end)
        hours = ctx.param("hours_per_day", ctx.period_end)
        if e.hours is not None and e.multiplier is not None and divisor and hours:
            theirs = e.base / divisor.number / hours.number * e.hours * e.multiplier
            figures[0] += (
                f": {fmt(e.base)} / {fmt_rate(divisor.number)} / {fmt_rate(hours.number)} x "
                f"{fmt_rate(e.hours)} h x {_pct(e.multiplier)} = {fmt(theirs)}"
            )
        ctx.add(
            "overtime-base",
            Severity.VIOLATION,
            f"Overtime was priced on {fmt(e.base)}, not on the contract's normal-hours wage "
            f"{fmt(contract_wage)}. Priced lawfully it is {fmt(expected)}; "
            f"{fmt(max(shortfall, ZERO))} is owed.",
            line=line,
            owed=max(shortfall, ZERO),
            law=[base_rule, *law],
            computation=figures + computation,
        )
    for where, e in low_multiplier:
        assert e.multiplier is not None
        ctx.add(
            "overtime-premium",
            Severity.VIOLATION,
            f"{where} applies {_pct(e.multiplier)}, but the overtime it pays includes days that "
            f"require {_pct(required)}; priced lawfully it is {fmt(expected)}, "
            f"{fmt(max(shortfall, ZERO))} is owed.",
            line=line,
            owed=max(shortfall, ZERO),
            law=law,
            computation=computation,
        )
    if shortfall > 0 and not low_base and not low_multiplier:
        what = "is not paid at all" if not lines else f"is paid {fmt(stated)}"
        ctx.add(
            "overtime-premium",
            Severity.UNDERPAYMENT,
            f"Overtime {what}; at the statutory premiums it is {fmt(expected)}: "
            f"{fmt(shortfall)} is owed.",
            line=line,
            owed=shortfall,
            law=law,
            computation=computation,
        )


def overtime_hours(ctx: Context) -> None:
    """Rule ``overtime-hours``: the daily and monthly limits on overtime."""
    records = ctx.payslip.attendance.overtime
    totals = _totals(ctx)
    if not records and not totals:
        return
    for i, r in enumerate(records):
        if ctx.calendar.day_class(r.date) is not DayClass.WORKING:
            continue
        cap = ctx.param("overtime_max_hours_per_day", r.date)
        if cap is not None and cap.value is not None and r.hours > cap.number:
            ctx.add(
                "overtime-hours",
                Severity.VIOLATION,
                f"{fmt_rate(r.hours)} h of overtime on {r.date} exceeds the daily limit of "
                f"{fmt_rate(cap.number)} h.",
                line=f"attendance.overtime[{i}]",
                law=[cap],
                computation=[f"{fmt_rate(r.hours)} h > {fmt_rate(cap.number)} h"],
            )
    months: dict[tuple[int, int], list[_Hours]] = defaultdict(list)
    for r in records:
        cls = ctx.calendar.day_class(r.date)
        months[(r.date.year, r.date.month)].append(_Hours(r.date, r.hours, r.time_off_given, cls))
    end = ctx.period_end
    for cls, hours in totals:  # totals of the period count in the month the period ends
        months[(end.year, end.month)].append(_Hours(end, hours, False, cls, dated=False))
    for (year, month), rs in sorted(months.items()):
        cap = ctx.param("overtime_max_hours_per_month", rs[0].date)
        if cap is None or cap.value is None:
            continue
        counted_by = ctx.param("overtime_hours_counted", rs[0].date)
        classes = set(items(counted_by)) or {c.value for c in DayClass}
        counted = [r for r in rs if r.day_class in classes]
        total = sum((r.hours for r in counted), ZERO)
        # Rest-day hours compensated with time off: the sources do not say whether they count.
        doubtful = sum(
            (r.hours for r in counted if r.time_off_given and r.day_class is DayClass.REST),
            ZERO,
        )
        text = [
            f"{year}-{month:02d}: "
            + " + ".join(f"{fmt_rate(r.hours)} h ({r.when})" for r in counted)
            + f" = {fmt_rate(total)} h; the limit is {fmt_rate(cap.number)} h"
        ]
        if total - doubtful > cap.number:
            ctx.add(
                "overtime-hours",
                Severity.VIOLATION,
                f"{fmt_rate(total)} h of overtime in {year}-{month:02d} exceeds the monthly "
                f"limit of {fmt_rate(cap.number)} h.",
                line="attendance.overtime",
                law=[cap, counted_by],
                computation=text,
            )
        elif total > cap.number:
            ctx.add(
                "overtime-hours",
                Severity.UNCERTAIN,
                f"{fmt_rate(total)} h of overtime in {year}-{month:02d} exceeds the monthly limit "
                f"of {fmt_rate(cap.number)} h only if rest-day hours compensated with time off "
                "count; the sources do not say.",
                line="attendance.overtime",
                law=[cap, counted_by],
                computation=text,
            )


@dataclass(frozen=True)
class _Hours:
    """Overtime hours as the monthly limit counts them: a dated record, or a period's total
    for one class of day (``attendance.overtime_totals``), which may exceed a day's 24 h."""

    date: date
    hours: Decimal
    time_off_given: bool
    day_class: DayClass
    dated: bool = True

    @property
    def when(self) -> str:
        return str(self.date) if self.dated else f"{self.day_class.label}, dates not listed"
