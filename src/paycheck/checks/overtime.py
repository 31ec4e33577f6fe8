"""Overtime: the premium by class of day, the base it is priced on, and the hours."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from paycheck.calendar import DayClass
from paycheck.context import Context
from paycheck.model import EarningKind, Overtime, PayBasis
from paycheck.money import ZERO, fmt, fmt_rate, fmt_sum
from paycheck.packs import InForce, MissingParameter, Tier, days_pay, items
from paycheck.report import Severity

MULTIPLIER = {
    DayClass.WORKING: "overtime_multiplier_working_day",
    DayClass.REST: "overtime_multiplier_rest_day",
    DayClass.HOLIDAY: "overtime_multiplier_holiday",
    DayClass.OFF: "overtime_multiplier_off_day",
}


def _pct(multiplier: Decimal) -> str:
    return f"{fmt_rate(multiplier * 100)}%"


class _NoRate(LookupError):
    """The law sets no overtime rate and the contract states none either."""


class _Priced(NamedTuple):
    """Lawful pay for some overtime: unrounded amount, the hourly multiplier it rests on
    (0 when it is priced in days' pay or by the contract), the law used, whether the
    contract's rate stood in for a law that sets none, and the arithmetic, written only
    if a finding needs it."""

    amount: Decimal
    multiplier: Decimal
    law: list[InForce]
    describe: Callable[[], str]
    by_contract: bool = False


def _lawful(ctx: Context, cls: DayClass, hours: Decimal, day: date) -> _Priced:
    """Lawful pay for ``hours`` on a day of class ``cls`` (its arithmetic without the day).

    Three forms, by what the pack says for the class of day: hours x hourly rate x
    multiplier; or days' pay for the hours within the normal day (``day_pay_<class>``
    tiers) plus the multiplier beyond them; or, where the law sets no rate (a null
    multiplier), the contract's own overtime rate.
    """
    multiplier = ctx.param(MULTIPLIER[cls], day)
    if multiplier is None:
        raise MissingParameter(MULTIPLIER[cls], ctx.on or day)
    contract = ctx.payslip.contract
    if multiplier.value is None:
        rate_ = contract.overtime_hourly_rate
        if rate_ is None:
            raise _NoRate(multiplier.note or multiplier.label)
        amount = rate_ * hours
        return _Priced(
            amount,
            ZERO,
            [multiplier],
            lambda: (
                f"no statutory rate; the contract's {fmt(rate_)} an hour x "
                f"{fmt_rate(hours)} h = {fmt(amount)}"
            ),
            by_contract=True,
        )
    m = multiplier.number
    rate, law, rate_text = _capped(ctx, *ctx.hourly_rate(day), day)
    law = [multiplier, *law]  # the rate decides the finding: its article is cited first
    tiers = _tiers(ctx, cls, day)
    if tiers is None:
        amount = rate * hours * m
        return _Priced(
            amount,
            m,
            law,
            lambda: f"{rate_text()} x {fmt_rate(hours)} h x {_pct(m)} = {fmt(amount)}",
        )
    param, rows = tiers
    normal = contract.normal_hours_per_day
    within = min(hours, normal)
    beyond = hours - within
    tier = next((t for t in rows if within <= t.up_to * normal), rows[-1])
    daily, daily_law, daily_text = ctx.daily_rate(day)
    day_pay = daily * tier.days
    extra = rate * beyond * m
    amount = day_pay + extra

    def describe() -> str:
        text = (
            f"{fmt_rate(within)} h within the normal {fmt_rate(normal)} h: "
            f"{days_pay(tier.days)} = {daily_text()} x {fmt_rate(tier.days)} = "
            f"{fmt(day_pay)}"
        )
        if beyond > 0:
            text += (
                f"; {fmt_rate(beyond)} h beyond: {rate_text()} x {fmt_rate(beyond)} h x "
                f"{_pct(m)} = {fmt(extra)}"
            )
        return text + (f"; total {fmt(amount)}" if beyond > 0 else "")

    return _Priced(amount, ZERO, [param, *law, *daily_law], describe)


_DAY_PAY = {cls: "day_pay_" + cls.value.replace("-", "_") for cls in DayClass}


def _tiers(ctx: Context, cls: DayClass, day: date) -> tuple[InForce, list[Tier]] | None:
    """The days'-pay tiers for a class of day, the hourly-paid variant first for the
    hourly-paid, or None where the class is priced by the hour."""
    name = _DAY_PAY[cls]
    names = (
        (name + "_hourly_paid", name)
        if ctx.payslip.contract.pay_basis is PayBasis.HOURLY
        else (name,)
    )
    for n in names:
        param = ctx.param(n, day)
        if param is not None and param.rows(Tier):
            return param, sorted(param.rows(Tier), key=lambda t: t.up_to)
    return None


def _capped(
    ctx: Context, rate: Decimal, law: list[InForce], text: Callable[[], str], day: date
) -> tuple[Decimal, list[InForce], Callable[[], str]]:
    """The hourly rate for overtime, capped where the pack caps it for some categories."""
    cap = ctx.param("overtime_rate_cap", day)
    if cap is None or cap.value is None or rate <= cap.number:
        return rate, law, text
    who = ctx.param("overtime_rate_cap_categories", day)
    category = ctx.payslip.contract.category
    if category is None or category.value not in items(who):
        return rate, law, text
    return (
        cap.number,
        [*law, cap, *([who] if who else [])],
        lambda: f"{fmt(cap.number)} (the capped hourly rate for {category.value} employees)",
    )


def _price(ctx: Context, record: Overtime) -> _Priced:
    """Lawful pay for one dated overtime record."""
    cls = ctx.calendar.day_class(record.date)
    lawful = _lawful(ctx, cls, record.hours, record.date)
    law = list(lawful.law)
    override = ctx.calendar.basis(record.date)
    if override is not None:
        law.append(override)
    time_off = ctx.param("time_off_may_replace_pay", record.date)
    off = record.time_off_given
    if off and time_off is not None:
        law.append(time_off)
    replaced = off and cls in items(time_off)
    amount = ZERO if replaced else lawful.amount  # rounded once later

    def describe() -> str:
        where = f"{record.date} ({record.date:%A}, {ctx.calendar.describe(record.date)})"
        if replaced:
            return (
                f"{where}: {fmt_rate(record.hours)} h, equal time off given instead of pay = 0.00"
            )
        if off:
            where += f"; time off does not replace pay on a {cls.label}"
        return f"{where}: {lawful.describe()}"

    return _Priced(amount, lawful.multiplier, law, describe, lawful.by_contract)


def _price_total(ctx: Context, cls: DayClass, hours: Decimal) -> _Priced:
    """Lawful pay for a period's total overtime hours on one class of day (no dates given)."""
    lawful = _lawful(ctx, cls, hours, ctx.period_end)
    return _Priced(
        lawful.amount,
        lawful.multiplier,
        lawful.law,
        lambda: f"{cls.label} overtime (dates not listed): {lawful.describe()}",
        lawful.by_contract,
    )


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
    lines = ctx.stated(EarningKind.OVERTIME)
    if not records and not totals:
        if lines:
            ctx.not_checked(
                "overtime-premium",
                "overtime is paid but attendance.overtime lists no records (date and hours), so "
                "its premium cannot be checked.",
                line=lines[0][0],
            )
        return
    if not ctx.covered(
        "overtime_coverage", "overtime-premium", "overtime, rest-day and holiday pay are"
    ):
        return
    if totals:
        ctx.notes.append(
            "Overtime was given as totals by class of day, without dates: the daily limit and "
            "the class of each day are not checked."
        )
    try:
        priced = [_price(ctx, r) for r in records]
        priced += [_price_total(ctx, c, h) for c, h in totals]
    except _NoRate as exc:
        ctx.not_checked(
            "overtime-premium",
            f"{exc.args[0]} The payslip gives no contract.overtime_hourly_rate to check the "
            "overtime against.",
            line=lines[0][0] if lines else "attendance.overtime",
        )
        return
    expected = ctx.money(sum((x.amount for x in priced), ZERO))
    ctx.expected["overtime"] = expected
    stated = sum((e.amount for _, e in lines), ZERO)
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
        f"lawful overtime pay = {fmt_sum([x.amount for x in priced], expected)}"
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
        by = (
            "the contract's overtime rate (the law here sets no overtime rate)"
            if any(x.by_contract for x in priced)
            else "the statutory premiums"
        )
        ctx.add(
            "overtime-premium",
            Severity.UNDERPAYMENT,
            f"Overtime {what}; at {by} it is {fmt(expected)}: {fmt(shortfall)} is owed.",
            line=line,
            owed=shortfall,
            law=law,
            computation=computation,
        )


def overtime_hours(ctx: Context) -> None:
    """Rule ``overtime-hours``: the daily and monthly limits on overtime."""
    records = ctx.payslip.attendance.overtime
    totals = _totals(ctx)
    if not records and not totals and ctx.payslip.contract.workweek is None:
        return  # nothing to hold to a limit
    if not ctx.covered("hours_coverage", "overtime-hours", "the limits on hours are"):
        return
    _normal_hours(ctx)
    if not records and not totals:
        return
    normal = ctx.payslip.contract.normal_hours_per_day
    months: dict[tuple[int, int], list[_Hours]] = defaultdict(list)
    for i, r in enumerate(records):
        cls = ctx.calendar.day_class(r.date)
        months[(r.date.year, r.date.month)].append(_Hours(r.date, r.hours, r.time_off_given, cls))
        day_cap = ctx.param("max_hours_per_day", r.date)
        worked = r.hours + (normal if cls is DayClass.WORKING else ZERO)
        if day_cap is not None and day_cap.value is not None and worked > day_cap.number:
            ctx.add(
                "overtime-hours",
                Severity.VIOLATION,
                f"{fmt_rate(worked)} h of work on {r.date} exceeds the limit of "
                f"{fmt_rate(day_cap.number)} h a day.",
                line=f"attendance.overtime[{i}]",
                law=[day_cap],
                computation=[
                    (f"{fmt_rate(normal)} normal h + " if cls is DayClass.WORKING else "")
                    + f"{fmt_rate(r.hours)} h overtime = {fmt_rate(worked)} h > "
                    f"{fmt_rate(day_cap.number)} h"
                ],
            )
        if cls is not DayClass.WORKING:
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
        # Working-day overtime alone over the limit needs no view on which other hours count.
        working = sum((r.hours for r in rs if r.day_class is DayClass.WORKING), ZERO)
        if max(working, total) <= cap.number:
            continue
        text = [
            f"{year}-{month:02d}: "
            + " + ".join(f"{fmt_rate(r.hours)} h ({r.when})" for r in counted)
            + f" = {fmt_rate(total)} h; the limit is {fmt_rate(cap.number)} h"
        ]
        if working > cap.number or total - doubtful > cap.number:
            ctx.add(
                "overtime-hours",
                Severity.VIOLATION,
                f"{fmt_rate(max(total, working))} h of overtime in {year}-{month:02d} exceeds "
                f"the monthly limit of {fmt_rate(cap.number)} h.",
                line="attendance.overtime",
                law=[cap] if working > cap.number else [cap, counted_by],
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


class _Hours(NamedTuple):
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


def _normal_hours(ctx: Context) -> None:
    """The contract's normal week against the legal maximum (``normal_hours_max_per_week``),
    where the payslip gives the week (``contract.workweek``)."""
    contract = ctx.payslip.contract
    cap = ctx.param("normal_hours_max_per_week", ctx.period_end)
    if cap is None or cap.value is None or contract.workweek is None:
        return
    week = contract.normal_hours_per_day * len(contract.workweek)
    if week <= cap.number:
        return
    ctx.add(
        "overtime-hours",
        Severity.VIOLATION,
        f"The contract's normal week is {fmt_rate(week)} h, over the legal maximum of "
        f"{fmt_rate(cap.number)} h: the hours above it are overtime and must be paid as such "
        "(this check cannot tell whether they were).",
        line="contract.normal_hours_per_day",
        law=[cap],
        computation=[
            f"{fmt_rate(contract.normal_hours_per_day)} h x {len(contract.workweek)} days "
            f"({', '.join(d.value for d in contract.workweek)}) = {fmt_rate(week)} h > "
            f"{fmt_rate(cap.number)} h"
        ],
    )
