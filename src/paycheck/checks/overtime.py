"""Overtime: the premium by class of day (rules ``overtime-premium``, ``overtime-base``) and
the limits on hours (rule ``overtime-hours``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from paycheck.checks.findings import Findings
from paycheck.facts import Facts
from paycheck.facts.hours import cycle_of, partial_cycle
from paycheck.facts.overtime import OvertimePay, Priced, totals
from paycheck.law.calendar import DayClass
from paycheck.law.packs import InForce, Law, MissingParameter
from paycheck.law.vocabulary import CYCLE_HOURS, P
from paycheck.messages import Line, Msg, money_sum, msg
from paycheck.model import Earning, EarningKind, HoursSystem
from paycheck.money import ZERO
from paycheck.report import Severity


def overtime_pay(facts: Facts, out: Findings) -> None:
    """Stated overtime pay against the law: its total, each line's multiplier and base."""
    ot = _priced(facts, out)
    if ot is None:
        return
    lines = facts.stated(EarningKind.OVERTIME)
    expected, priced = ot.expected, ot.priced
    assert expected is not None
    stated = sum((e.amount for _, e in lines), ZERO)
    shortfall = _shortfall(facts, expected, stated, len(lines))
    owed = max(shortfall, ZERO)
    wage = facts.payslip.contract.wage
    low_base = [(w, e) for w, e in lines if e.base is not None and e.base < wage]
    low_multiplier = _low_multipliers(lines, priced)
    if not low_base and not low_multiplier and shortfall <= 0:
        return  # paid at least the lawful amount: nothing to write
    line = ", ".join(w for w, _ in lines) if lines else "attendance.overtime"
    steps = _steps(priced, expected, stated, line if lines else None)
    law = [x for p_ in priced for x in p_.law]
    base_rule = facts.get(P.overtime_base, facts.period_end)
    for where, e in low_base:
        out.add(
            "overtime-base",
            Severity.VIOLATION,
            msg("overtime.low-base", base=e.base, wage=wage, expected=expected, owed=owed),
            line=line,
            owed=owed,
            law=[base_rule, *law],
            steps=[_their_figures(facts, where, e), *steps],
        )
    for where, e, required in low_multiplier:
        out.add(
            "overtime-premium",
            Severity.VIOLATION,
            msg(
                "overtime.low-multiplier",
                line=Line(where),
                used=e.multiplier,
                required=required,
                expected=expected,
                owed=owed,
            ),
            line=line,
            owed=owed,
            law=law,
            steps=steps,
        )
    if shortfall > 0 and not low_base and not low_multiplier:
        what = msg("overtime.paid-some", stated=stated) if lines else msg("overtime.paid-nothing")
        contract = any(x.by_contract for x in priced)
        by = msg("overtime.by-contract-rate" if contract else "overtime.by-statute")
        out.add(
            "overtime-premium",
            Severity.UNDERPAYMENT,
            msg("overtime.short", what=what, by=by, expected=expected, owed=shortfall),
            line=line,
            owed=shortfall,
            law=law,
            steps=steps,
        )


def _shortfall(facts: Facts, expected: Decimal, stated: Decimal, lines: int) -> Decimal:
    """The lawful total less what the overtime lines state, nil where the lines' own
    rounding explains it (:func:`_rounding_slack`)."""
    shortfall = expected - stated
    if 0 < shortfall <= _rounding_slack(facts, lines):
        return ZERO  # only each line's own rounding: the law was paid in full
    return shortfall


def _rounding_slack(facts: Facts, lines: int) -> Decimal:
    """How far below the lawful total, rounded once, stated lines may fall by rounding alone.

    The lawful total adds every record's pay unrounded and rounds once; a payslip that pays
    each part on its own line (a rest day's day's wages and its hours beyond the normal day,
    MY s.60(3)(b), (c)) rounds each line half-up to the minor unit. Each line then lies less
    than half a unit below its exact part, and the rounded total up to half a unit above the
    exact sum, so n lines can fall short of it by floor(n / 2) units with nothing underpaid
    (3000 / 26 = 115.38 and 3000 / 208 x 2 x 2 = 57.69 are 173.07; the total rounds to 173.08).
    """
    return Decimal(lines // 2).scaleb(-facts.law.minor_unit)


def _low_multipliers(
    lines: Sequence[tuple[str, Earning]], priced: Sequence[Priced]
) -> list[tuple[str, Earning, Decimal]]:
    """The lines that state a multiplier below the one the law requires of them."""
    if all(e.multiplier is None for _, e in lines):
        return []
    by_class = _by_class(priced)
    return [
        (w, e, required)
        for w, e in lines
        if e.multiplier is not None
        and (required := _required(e, priced, by_class)) is not None
        and e.multiplier < required
    ]


def _steps(
    priced: Sequence[Priced], expected: Decimal, stated: Decimal, line: str | None
) -> list[Msg]:
    """Each record priced, the lawful total, and what was paid."""
    steps = [x.step for x in priced]
    steps.append(
        msg(
            "overtime.lawful-several" if len(priced) > 1 else "overtime.lawful",
            sum=money_sum([x.amount for x in priced], expected),
        )
    )
    steps.append(
        msg("overtime.paid-on" if line else "overtime.paid", stated=stated, line=Line(line or ""))
    )
    return steps


def _priced(facts: Facts, out: Findings) -> OvertimePay | None:
    """The overtime priced lawfully, or None where it cannot be (and why, if it matters)."""
    lines = facts.stated(EarningKind.OVERTIME)
    by_week = facts.get(P.workweek_overtime_formula, facts.period_end)
    if by_week is not None and by_week.value is not None:
        # overtime is counted from each day's hours by the workweek (the workweek check)
        records = facts.payslip.attendance.overtime or totals(facts)
        if not facts.payslip.attendance.hours and (lines or records):
            where = lines[0][0] if lines else "attendance.overtime"
            out.not_checked("overtime-premium", msg("overtime.by-workweek"), line=where)
        return None
    if facts.standard_hours and not facts.payslip.attendance.overtime and not totals(facts):
        if lines:
            out.not_checked("overtime-premium", msg("overtime.no-records"), line=lines[0][0])
        return None
    try:
        ot = facts.overtime
    except MissingParameter as exc:  # reported on the lines it was needed for
        line = ", ".join(w for w, _ in lines) if lines else "attendance.overtime"
        out.missing("overtime-premium", exc, line=line)
        return None
    if ot.coverage is not None:
        out.not_covered(ot.coverage, "overtime-premium", msg("what.overtime"))
        return None
    out.notes.extend(ot.notes)
    if ot.gap is not None:
        out.not_checked("overtime-premium", ot.gap, line="attendance.cycle")
    if ot.expected is None and ot.no_rate is None:
        return None  # nothing priced: under another hours system, nothing to compare
    if ot.totals:
        out.notes.append(msg("overtime.totals-note"))
    if ot.no_rate is not None:
        where = lines[0][0] if lines else "attendance.overtime"
        out.not_checked("overtime-premium", ot.no_rate, line=where)
        return None
    return ot


def _by_class(priced: Sequence[Priced]) -> dict[DayClass, list[Priced]]:
    """The records with a lawful amount, by class of day."""
    by_class: dict[DayClass, list[Priced]] = defaultdict(list)
    for x in priced:
        if x.amount > 0:
            by_class[x.day_class].append(x)
    return by_class


def _required(
    line: Earning, priced: Sequence[Priced], by_class: dict[DayClass, list[Priced]]
) -> Decimal | None:
    """The multiplier a line must apply: that of the one kind of day whose overtime hours
    it pays (its ``hours`` equal theirs, or the records are all of one kind), where that
    kind is priced by the hour at one multiplier. A line covering several kinds of day is
    judged on its total, not here."""
    if line.hours is not None:
        kinds = [c for c, xs in by_class.items() if sum(x.hours for x in xs) == line.hours]
    else:
        kinds = list(by_class)
    if len(kinds) != 1:
        return None
    multipliers = {x.multiplier for x in by_class[kinds[0]]}
    if len(multipliers) != 1 or ZERO in multipliers:
        return None  # priced in days' pay, or by the contract: judged on the total
    return multipliers.pop()


def _their_figures(facts: Facts, where: str, e: Earning) -> Msg:
    """The employer's own overtime arithmetic, where the line gives its figures."""
    assert e.base is not None
    divisor = facts.get(P.paid_days_per_month, facts.period_end)
    hours = facts.get(P.hours_per_day, facts.period_end)
    if e.hours is None or e.multiplier is None or divisor is None or hours is None:
        return msg("overtime.their-base", line=Line(where), base=e.base, arithmetic="")
    theirs = e.base / divisor.number / hours.number * e.hours * e.multiplier
    return msg(
        "overtime.their-base",
        line=Line(where),
        base=e.base,
        arithmetic=msg(
            "overtime.their-arithmetic",
            base=e.base,
            divisor=divisor.number,
            hours_per_day=hours.number,
            hours=e.hours,
            pct=e.multiplier,
            amount=theirs,
        ),
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
    def when(self) -> Msg:
        if self.dated:
            return msg("hours.on", date=self.date)
        return msg("hours.undated", day_class=self.day_class)


def overtime_hours(facts: Facts, out: Findings) -> None:
    """The daily and monthly limits on overtime, and the contract's normal week."""
    p = facts.payslip
    records, by_class = p.attendance.overtime, totals(facts)
    if not facts.standard_hours:
        _cycle_limit(facts, out)  # the daily and weekly limits are the standard system's
        return
    if not records and not by_class and p.contract.workweek is None:
        return  # nothing to hold to a limit
    coverage = facts.coverage(P.hours_coverage)
    if not coverage.covered:
        out.not_covered(coverage, "overtime-hours", msg("what.hours"))
        return
    _normal_hours(facts, out)
    months: dict[tuple[int, int], list[_Hours]] = defaultdict(list)
    for i, r in enumerate(records):
        cls = facts.calendar.day_class(r.date)
        months[(r.date.year, r.date.month)].append(_Hours(r.date, r.hours, r.time_off_given, cls))
        _day_limits(facts, out, i, r.date, r.hours, cls)
    end = facts.period_end
    for cls, hours in by_class:  # totals of the period count in the month the period ends
        months[(end.year, end.month)].append(_Hours(end, hours, False, cls, dated=False))
    for (year, month), rs in sorted(months.items()):
        _month_limit(facts, out, f"{year}-{month:02d}", rs)


@lru_cache(maxsize=4096)
def _day_caps(law: Law, on: date) -> tuple[InForce[Decimal] | None, InForce[Decimal] | None]:
    """A day's limits on hours of work and on overtime: the same for every payslip of a
    jurisdiction and day."""
    return law.get(P.max_hours_per_day, on), law.get(P.overtime_max_hours_per_day, on)


@lru_cache(maxsize=4096)
def _month_caps(
    law: Law, on: date
) -> tuple[InForce[Decimal] | None, InForce[list[DayClass]] | None, frozenset[DayClass]]:
    """The monthly limit on overtime, the classes of day it counts (all where the pack names
    none), read once per jurisdiction and day."""
    counted_by = law.get(P.overtime_hours_counted, on)
    classes = frozenset(counted_by.value or ()) if counted_by is not None else frozenset()
    return law.get(P.overtime_max_hours_per_month, on), counted_by, classes or frozenset(DayClass)


def _day_limits(
    facts: Facts, out: Findings, i: int, day: date, hours: Decimal, cls: DayClass
) -> None:
    """A day's hours of work, and its overtime, against the daily limits."""
    normal = facts.payslip.contract.normal_hours_per_day
    day_cap, cap = _day_caps(facts.law, facts.on or day)
    worked = hours + (normal if cls is DayClass.WORKING else ZERO)
    line = f"attendance.overtime[{i}]"
    if day_cap is not None and day_cap.value is not None and worked > day_cap.number:
        out.add(
            "overtime-hours",
            Severity.VIOLATION,
            msg("hours.day", worked=worked, date=day, cap=day_cap.number),
            line=line,
            law=[day_cap],
            steps=[
                msg(
                    "hours.day-working" if cls is DayClass.WORKING else "hours.day-off",
                    normal=normal,
                    hours=hours,
                    worked=worked,
                    cap=day_cap.number,
                )
            ],
        )
    if cls is not DayClass.WORKING:
        return
    if cap is not None and cap.value is not None and hours > cap.number:
        out.add(
            "overtime-hours",
            Severity.VIOLATION,
            msg("hours.overtime-day", hours=hours, date=day, cap=cap.number),
            line=line,
            law=[cap],
            steps=[msg("hours.over", hours=hours, cap=cap.number)],
        )


def _month_limit(facts: Facts, out: Findings, month: str, rs: list[_Hours]) -> None:
    """A month's overtime against the monthly limit, counting the classes of day it counts."""
    cap, counted_by, classes = _month_caps(facts.law, facts.on or rs[0].date)
    if cap is None or cap.value is None:
        return
    counted = [r for r in rs if r.day_class in classes]
    total = sum((r.hours for r in counted), ZERO)
    # Rest-day hours compensated with time off: the sources do not say whether they count.
    doubtful = sum(
        (r.hours for r in counted if r.time_off_given and r.day_class is DayClass.REST), ZERO
    )
    # Working-day overtime alone over the limit needs no view on which other hours count.
    working = sum((r.hours for r in rs if r.day_class is DayClass.WORKING), ZERO)
    if max(working, total) <= cap.number:
        return
    steps = [
        msg(
            "hours.month-sum",
            month=month,
            terms=[msg("hours.term", hours=r.hours, when=r.when) for r in counted],
            total=total,
            cap=cap.number,
        )
    ]
    if working > cap.number or total - doubtful > cap.number:
        out.add(
            "overtime-hours",
            Severity.VIOLATION,
            msg("hours.month", hours=max(total, working), month=month, cap=cap.number),
            line="attendance.overtime",
            law=[cap] if working > cap.number else [cap, counted_by],
            steps=steps,
        )
    elif total > cap.number:
        out.add(
            "overtime-hours",
            Severity.UNCERTAIN,
            msg("hours.month-time-off", hours=total, month=month, cap=cap.number),
            line="attendance.overtime",
            law=[cap, counted_by],
            steps=steps,
        )


def _normal_hours(facts: Facts, out: Findings) -> None:
    """The contract's normal week against the legal maximum (``normal_hours_max_per_week``),
    where the payslip gives the week (``contract.workweek``)."""
    contract = facts.payslip.contract
    cap = facts.get(P.normal_hours_max_per_week, facts.period_end)
    if cap is None or cap.value is None or contract.workweek is None:
        return
    week = contract.normal_hours_per_day * len(contract.workweek)
    if week <= cap.number:
        return
    out.add(
        "overtime-hours",
        Severity.VIOLATION,
        msg("hours.week", week=week, cap=cap.number),
        line="contract.normal_hours_per_day",
        law=[cap],
        steps=[
            msg(
                "hours.week-arithmetic",
                hours=contract.normal_hours_per_day,
                days=len(contract.workweek),
                workweek=list(contract.workweek),
                week=week,
                cap=cap.number,
            )
        ],
    )


def _cycle_limit(facts: Facts, out: Findings) -> None:
    """Comprehensive hours: the cycle's overtime (its hours beyond the standard total) as a
    monthly average against the monthly limit, on the payslip that closes the cycle."""
    if facts.payslip.contract.hours_system is not HoursSystem.COMPREHENSIVE:
        return  # flexible hours: no limit on overtime hours
    cycle = cycle_of(facts)
    if cycle is None or cycle.end > facts.period_end or partial_cycle(facts, cycle):
        return
    coverage = facts.coverage(P.hours_coverage)
    cap = facts.get(P.overtime_max_hours_per_month, cycle.end)
    standard = facts.get(CYCLE_HOURS[cycle.kind], cycle.end)
    if not coverage.covered or cap is None or cap.value is None or standard is None:
        return
    excess = cycle.hours - standard.number
    months = cycle.kind.months
    average = excess / months
    if average <= cap.number:
        return
    average = round(average, 2)  # shown to the hundredth; compared unrounded above
    out.add(
        "overtime-hours",
        Severity.VIOLATION,
        msg("cycle.average", average=average, cap=cap.number, start=cycle.start, end=cycle.end),
        line="attendance.cycle",
        law=[cap, standard],
        steps=[
            msg(
                "cycle.average-arithmetic",
                hours=cycle.hours,
                standard=standard.number,
                excess=excess,
                months=months,
                average=average,
                cap=cap.number,
            )
        ],
    )
