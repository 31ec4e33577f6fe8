"""Lawful overtime pay: each record priced by the law of its day (or by the contract, where
the law sets no rate), added unrounded and rounded once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from paycheck.facts.rate import Rate
from paycheck.law.calendar import DayClass
from paycheck.law.packs import InForce, Law, MissingParameter
from paycheck.law.tables import Tier
from paycheck.law.vocabulary import DAY_PAY, MULTIPLIER, P, Param
from paycheck.messages import Msg, msg
from paycheck.model import Overtime, PayBasis
from paycheck.money import ZERO

if TYPE_CHECKING:
    from paycheck.facts import Coverage, Facts


class Priced(NamedTuple):
    """Lawful pay for some overtime: the unrounded amount, the hourly multiplier it rests on
    (0 when it is priced in days' pay or by the contract), the law used, the arithmetic,
    and whether the contract's rate stood in for a law that sets none."""

    amount: Decimal
    multiplier: Decimal
    law: tuple[InForce[Any] | None, ...]
    step: Msg
    day_class: DayClass
    hours: Decimal
    by_contract: bool = False


class OvertimePay(NamedTuple):
    """The overtime of the payslip priced lawfully, or why it is not."""

    priced: tuple[Priced, ...] = ()
    expected: Decimal | None = None  # the lawful total, rounded once
    coverage: Coverage | None = None  # outside the rule's scope
    no_rate: Msg | None = None  # the law sets no rate and the contract states none
    totals: bool = False  # given as totals by class of day, without dates
    notes: tuple[Msg, ...] = ()  # how an hours system other than the standard one was read
    gap: Msg | None = None  # what of the hours system's overtime cannot be checked, and why


class NoRate(LookupError):
    """The law sets no overtime rate and the contract states none either."""


def totals(facts: Facts) -> list[tuple[DayClass, Decimal]]:
    """``attendance.overtime_totals`` as (class of day, hours), the classes with hours."""
    t = facts.payslip.attendance.overtime_totals
    if t is None:
        return []
    pairs = [
        (DayClass.WORKING, t.working_day),
        (DayClass.REST, t.rest_day),
        (DayClass.HOLIDAY, t.statutory_holiday),
    ]
    return [(cls, hours) for cls, hours in pairs if hours > 0]


def lawful_overtime(facts: Facts) -> OvertimePay:
    records = facts.payslip.attendance.overtime
    by_class = totals(facts)
    if not records and not by_class:
        return OvertimePay()
    coverage = facts.coverage(P.overtime_coverage)
    if not coverage.covered:
        return OvertimePay(coverage=coverage)
    try:
        priced = [price_record(facts, r) for r in records]
        priced += [price_total(facts, c, h) for c, h in by_class]
    except NoRate as exc:
        return OvertimePay(no_rate=exc.args[0], totals=bool(by_class))
    expected = facts.money(sum((x.amount for x in priced), ZERO))
    return OvertimePay(tuple(priced), expected, totals=bool(by_class))


def lawful_hours(
    facts: Facts, cls: DayClass, hours: Decimal, day: date, by: Param[Decimal] | None = None
) -> Priced:
    """Lawful pay for ``hours`` on a day of class ``cls`` (its arithmetic without the day),
    at the multiplier ``by`` where given (an hours system's own), else the class's.

    Three forms, by what the pack says for the class of day: hours x hourly rate x
    multiplier; or days' pay for the hours within the normal day (the ``day_pay_*`` tiers)
    plus the multiplier beyond them; or, where the law sets no rate (a null multiplier),
    the contract's own overtime rate.
    """
    which = by or MULTIPLIER[cls]
    hourly_paid = facts.payslip.contract.pay_basis is PayBasis.HOURLY
    multiplier, tiers, cap = _day_law(facts.law, facts.on or day, which, cls, hourly_paid)
    if multiplier is None:
        raise MissingParameter(which.name, facts.on or day)
    contract = facts.payslip.contract
    if multiplier.value is None:
        rate_ = contract.overtime_hourly_rate
        if rate_ is None:
            raise NoRate(msg("overtime.no-rate", why=multiplier.note or multiplier.label))
        amount = rate_ * hours
        step = msg("overtime.by-contract", rate=rate_, hours=hours, amount=amount)
        return Priced(amount, ZERO, (multiplier,), step, cls, hours, by_contract=True)
    m = multiplier.number
    rate = _capped(facts, facts.hourly_rate(day), day, cap)
    law = (multiplier, *rate.law)  # the rate decides the finding: its article is cited first
    if tiers is None:
        amount = rate.value * hours * m
        step = msg("overtime.hours", rate=rate.text, hours=hours, pct=m, amount=amount)
        return Priced(amount, m, law, step, cls, hours)
    param, rows = tiers
    normal = contract.normal_hours_per_day
    within = min(hours, normal)
    beyond = hours - within
    tier = next((t for t in rows if within <= t.up_to * normal), rows[-1])
    daily = facts.daily_rate(day)
    day_pay = daily.value * tier.days
    extra = rate.value * beyond * m
    amount = day_pay + extra
    step = msg(
        "overtime.day-pay",
        within=within,
        normal=normal,
        days=days_pay(tier.days),
        daily=daily.text,
        tier=tier.days,
        day_pay=day_pay,
        beyond=msg(
            "overtime.beyond", hours=beyond, rate=rate.text, pct=m, extra=extra, amount=amount
        )
        if beyond > 0
        else "",
    )
    return Priced(amount, ZERO, (param, *law, *daily.law), step, cls, hours)


def days_pay(days: Decimal) -> Msg:
    """``1 day's pay``, ``2 days' pay``."""
    return msg("days-pay.one" if days == 1 else "days-pay", days=days)


@lru_cache(maxsize=4096)
def _day_law(
    law: Law, on: date, which: Param[Decimal], cls: DayClass, hourly_paid: bool
) -> tuple[
    InForce[Decimal] | None, tuple[InForce[Any], list[Tier]] | None, InForce[Decimal] | None
]:
    """What prices overtime on a day of a class: the multiplier, the days'-pay tiers and the
    cap on the hourly rate. The same for every payslip of a jurisdiction, day and pay basis:
    read once."""
    return law.get(which, on), _tiers(law, on, cls, hourly_paid), law.get(P.overtime_rate_cap, on)


def _tiers(
    law: Law, on: date, cls: DayClass, hourly_paid: bool
) -> tuple[InForce[Any], list[Tier]] | None:
    """The days'-pay tiers for a class of day, the hourly-paid variant first for the
    hourly-paid, or None where the class is priced by the hour."""
    if cls not in DAY_PAY:
        return None
    monthly, hourly = DAY_PAY[cls]
    for param in (hourly, monthly) if hourly_paid else (monthly,):
        value = law.get(param, on)
        if value is not None and value.value:
            return value, list(value.value)
    return None


def _capped(facts: Facts, rate: Rate, day: date, cap: InForce[Decimal] | None) -> Rate:
    """The hourly rate for overtime, capped where the pack caps it for some categories."""
    if cap is None or cap.value is None or rate.value <= cap.number:
        return rate
    who = facts.get(P.overtime_rate_cap_categories, day)
    category = facts.payslip.contract.category
    if category is None or who is None or category not in (who.value or ()):
        return rate
    return Rate(
        cap.number,
        (*rate.law, cap, who),
        msg("overtime.capped", cap=cap.number, category=category),
    )


def price_record(facts: Facts, record: Overtime, by: Param[Decimal] | None = None) -> Priced:
    """Lawful pay for one dated overtime record (at the multiplier ``by`` where given)."""
    calendar = facts.calendar
    cls = calendar.day_class(record.date)
    lawful = lawful_hours(facts, cls, record.hours, record.date, by)
    law = list(lawful.law)
    override = calendar.basis(record.date)
    if override is not None:
        law.append(override)
    time_off = facts.get(P.time_off_may_replace_pay, record.date)
    off = record.time_off_given
    if off and time_off is not None:
        law.append(time_off)
    replaced = off and time_off is not None and cls in (time_off.value or ())
    where = msg(
        "overtime.where",
        date=record.date,
        weekday=record.date,
        day=calendar.describe(record.date),
    )
    if replaced:
        step = msg("overtime.time-off", where=where, hours=record.hours)
    elif off:
        step = msg("overtime.no-time-off", where=where, day_class=cls, text=lawful.step)
    else:
        step = msg("overtime.record", where=where, text=lawful.step)
    amount = ZERO if replaced else lawful.amount  # rounded once later
    return Priced(
        amount, lawful.multiplier, tuple(law), step, cls, lawful.hours, lawful.by_contract
    )


def price_total(
    facts: Facts, cls: DayClass, hours: Decimal, by: Param[Decimal] | None = None
) -> Priced:
    """Lawful pay for a period's total overtime hours on one class of day (no dates given)."""
    lawful = lawful_hours(facts, cls, hours, facts.period_end, by)
    step = msg("overtime.total", day_class=cls, text=lawful.step)
    return Priced(
        lawful.amount, lawful.multiplier, lawful.law, step, cls, lawful.hours, lawful.by_contract
    )
