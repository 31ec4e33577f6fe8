"""Overtime under the contract's hours system.

Standard hours: each record priced by the law of its day (:mod:`paycheck.facts.overtime`).

Comprehensive hours (hours counted over a cycle): the hours worked in the cycle on days that
are not statutory holidays are held to the cycle's standard total (``comprehensive_hours_*``);
hours beyond it are overtime at the working-day multiplier, priced on the payslip that
closes the cycle. A rest day worked inside the total is ordinary work: only statutory-holiday
records are priced one by one, at the holiday multiplier, and their hours are kept out of the
cycle's (the standard total already leaves the holidays out).

Flexible hours: no premium for working-day or rest-day hours; statutory-holiday records are
priced at ``flexible_holiday_multiplier`` where the pack sets one.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from paycheck.facts.overtime import (
    NoRate,
    OvertimePay,
    Priced,
    lawful_hours,
    lawful_overtime,
    price_record,
    price_total,
    totals,
)
from paycheck.law.calendar import DayClass
from paycheck.law.packs import InForce
from paycheck.law.vocabulary import CYCLE_HOURS, P, Param
from paycheck.messages import Msg, msg
from paycheck.model import HoursCycle, HoursSystem
from paycheck.money import ZERO

if TYPE_CHECKING:
    from paycheck.facts import Facts


class Cycle(NamedTuple):
    """A comprehensive-hours cycle and the hours worked in it on non-holiday days."""

    start: date
    end: date
    hours: Decimal
    kind: HoursCycle


def cycle_of(facts: Facts) -> Cycle | None:
    """The payslip's cycle (``attendance.cycle``; a monthly one defaults to the pay
    period), or None where it gives none."""
    p = facts.payslip
    given = p.attendance.cycle
    if given is None:
        return None
    if given.start is None or given.end is None:
        start, end = facts.pay_period.start, facts.pay_period.end
    else:
        start, end = given.start, given.end
    return Cycle(start, end, given.hours_worked, p.contract.cycle)


def partial_cycle(facts: Facts, cycle: Cycle) -> bool:
    """Whether employment began or ended inside the cycle (its standard then unsettled)."""
    contract = facts.payslip.contract
    last = contract.last_day
    return contract.employment_start > cycle.start or (last is not None and last < cycle.end)


def overtime_under_system(facts: Facts) -> OvertimePay:
    """The payslip's overtime priced under its hours system."""
    system = facts.payslip.contract.hours_system
    if system is HoursSystem.COMPREHENSIVE:
        return _comprehensive(facts)
    if system is HoursSystem.FLEXIBLE:
        return _flexible(facts)
    return lawful_overtime(facts)


def _holiday_records(facts: Facts) -> tuple[list[int], list[int]]:
    """Indexes of the dated records on statutory holidays, and of the others."""
    holiday: list[int] = []
    other: list[int] = []
    for i, r in enumerate(facts.payslip.attendance.overtime):
        cls = facts.calendar.day_class(r.date)
        (holiday if cls is DayClass.HOLIDAY else other).append(i)
    return holiday, other


def _comprehensive(facts: Facts) -> OvertimePay:
    coverage = facts.coverage(P.overtime_coverage)
    if not coverage.covered:
        return OvertimePay(coverage=coverage)
    records = facts.payslip.attendance.overtime
    holiday, other = _holiday_records(facts)
    by_class = totals(facts)
    notes: list[Msg] = []
    if other or any(c is not DayClass.HOLIDAY for c, _ in by_class):
        days = [records[i].date for i in other]
        notes.append(msg("cycle.records-in-cycle", days=days))
    try:
        by: Param[Decimal] | None = P.comprehensive_holiday_multiplier
        if facts.get(P.comprehensive_holiday_multiplier, facts.period_end) is None:
            by = None  # the holiday multiplier of the standard system
        priced = [price_record(facts, records[i], by) for i in holiday]
        priced += [price_total(facts, c, h, by) for c, h in by_class if c is DayClass.HOLIDAY]
        cycle = cycle_of(facts)
        gap, excess, decided = _cycle_overtime(facts, cycle, notes)
        priced += excess
    except NoRate as exc:
        return OvertimePay(no_rate=exc.args[0], totals=bool(by_class))
    if not priced and not decided:
        return OvertimePay(notes=tuple(notes), gap=gap, totals=bool(by_class))
    expected = facts.money(sum((x.amount for x in priced), ZERO))
    return OvertimePay(tuple(priced), expected, totals=bool(by_class), notes=tuple(notes), gap=gap)


def _cycle_overtime(
    facts: Facts, cycle: Cycle | None, notes: list[Msg]
) -> tuple[Msg | None, list[Priced], bool]:
    """The cycle's hours beyond its standard total, priced; or why they cannot be (a gap
    for a not-checked finding, or a note while the cycle runs on), and whether they were
    decided."""
    if cycle is None:
        return msg("cycle.missing"), [], False
    if cycle.end > facts.period_end:
        notes.append(msg("cycle.open", start=cycle.start, end=cycle.end, hours=cycle.hours))
        return None, [], False
    if partial_cycle(facts, cycle):
        return msg("cycle.partial", start=cycle.start, end=cycle.end), [], False
    standard = facts.need(CYCLE_HOURS[cycle.kind], cycle.end)
    excess = cycle.hours - standard.number
    reading = dict(start=cycle.start, end=cycle.end, hours=cycle.hours, standard=standard.number)
    if excess <= 0:
        notes.append(msg("cycle.within", **reading, law=cited(standard)))
        return None, [], True
    notes.append(msg("cycle.reading"))
    lawful = lawful_hours(facts, DayClass.WORKING, excess, cycle.end)
    step = msg("cycle.excess", **reading, excess=excess, text=lawful.step)
    return None, [lawful._replace(law=(standard, *lawful.law), step=step)], True


def _flexible(facts: Facts) -> OvertimePay:
    records = facts.payslip.attendance.overtime
    holiday, _ = _holiday_records(facts)
    by_class = totals(facts)
    by = P.flexible_holiday_multiplier
    rule = facts.get(by, facts.period_end)
    none = facts.get(P.flexible_no_premium, facts.period_end)
    law = cited(none) if none is not None else "-"
    notes = [msg("flexible.no-premium", law=law)] if records or by_class else []
    holiday_totals = [h for c, h in by_class if c is DayClass.HOLIDAY]
    if not holiday and not holiday_totals:
        return OvertimePay(notes=tuple(notes), totals=bool(by_class))
    if rule is None:
        notes.append(msg("flexible.holiday-none"))
        return OvertimePay(notes=tuple(notes), totals=bool(by_class))
    coverage = facts.coverage(P.overtime_coverage)
    if not coverage.covered:
        return OvertimePay(coverage=coverage)
    try:
        priced = [_why(facts, price_record(facts, records[i], by)) for i in holiday]
        priced += [_why(facts, price_total(facts, DayClass.HOLIDAY, h, by)) for h in holiday_totals]
    except NoRate as exc:
        return OvertimePay(no_rate=exc.args[0], totals=bool(by_class))
    expected = facts.money(sum((x.amount for x in priced), ZERO))
    return OvertimePay(tuple(priced), expected, totals=bool(by_class), notes=tuple(notes))


def cited(value: InForce[Any]) -> str:
    """The articles a value rests on, for a note (notes carry no citations of their own)."""
    return "; ".join(c.short() for c in value.citations)


def _why(facts: Facts, priced: Priced) -> Priced:
    """A flexible-hours holiday record's arithmetic, with why its rate is unsettled."""
    value = priced.law[0]
    if value is None or value.settled:
        return priced
    if value.status.value == "contested":
        step = msg("flexible.holiday-contested", why=value.why, text=priced.step)
    else:
        step = msg("flexible.holiday-unverified", why=value.why, text=priced.step)
    x = priced
    return Priced(x.amount, x.multiplier, x.law, step, x.day_class, x.hours, x.by_contract)
