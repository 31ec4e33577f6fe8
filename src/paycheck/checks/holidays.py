"""Statutory holidays not worked that the law pays apart from the monthly salary (rule
``holiday-pay``): an hourly-paid employee's holiday on a scheduled day
(``holiday_pay_hourly``), and a monthly-paid employee's holiday on a day not required to be
worked, unless a day off was given in substitution (``holiday_off_day_pay_days``). The pay
for them is what the payslip's ``holiday-pay`` lines state."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from paycheck.checks.findings import Findings
from paycheck.facts import Facts
from paycheck.facts.hours import cited
from paycheck.law.calendar import DayClass
from paycheck.law.packs import InForce
from paycheck.law.vocabulary import P
from paycheck.messages import Line, Msg, colon, money_sum, msg
from paycheck.model import DayRange, Days, EarningKind, HoursSystem, PayBasis
from paycheck.money import CONTEXT, ZERO
from paycheck.report import Severity


def holiday_pay(facts: Facts, out: Findings) -> None:
    """Holidays not worked, and the holiday-pay lines against what they are owed."""
    priced = facts.get(P.day_classes_priced, facts.period_end)
    if priced is not None and priced.value is False:
        # The law pays no holiday as such: the report names them, nothing is checked.
        days = list(facts.days.holidays_in_span)
        if days:
            out.notes.append(msg("holiday.not-priced", days=days, law=cited(priced)))
        return
    if facts.payslip.contract.pay_basis is PayBasis.HOURLY:
        _hourly(facts, out)
    else:
        _off_days(facts, out)


def _not_worked(facts: Facts) -> list[date]:
    """The statutory holidays in employment that the payslip does not record as worked."""
    holidays = facts.days.holidays_in_span
    if not holidays:
        return []
    a = facts.payslip.attendance
    overtime = {r.date for r in a.overtime}
    return [d for d in holidays if d not in overtime and not _listed(a.days_worked, d)]


def _listed(days: Days, day: date) -> bool:
    """Whether a list of dates and ranges holds ``day`` (without listing every date)."""
    for item in days:
        if isinstance(item, DayRange):
            if item.from_ <= day <= item.to:
                return True
        elif item == day:
            return True
    return False


def _hourly(facts: Facts, out: Findings) -> None:
    """Each holiday on a weekday the contract's week schedules, not worked: the normal
    hours of a day at the contract's hourly rate."""
    rule = facts.get(P.holiday_pay_hourly, facts.period_end)
    if rule is None or rule.value is False:
        return
    if facts.payslip.contract.hours_system is not HoursSystem.STANDARD:
        return  # no fixed week says which holidays were scheduled days
    holidays = [d for d in _not_worked(facts) if d.weekday() in facts.workweek_days]
    if not holidays:
        return
    if rule.value is None:
        out.notes.append(msg("holiday.hourly-silent", code=facts.law.code, why=colon(rule.why)))
        return
    contract = facts.payslip.contract
    due = facts.money(contract.wage * contract.normal_hours_per_day * len(holidays))
    step = msg(
        "holiday.hourly-arithmetic",
        count=len(holidays),
        days=holidays,
        wage=contract.wage,
        hours=contract.normal_hours_per_day,
        due=due,
    )
    _compare(facts, out, due, holidays, [rule], [step], off_day=False)


def _usual_class(facts: Facts, day: date) -> DayClass | None:
    """The class the holiday's weekday has in the schedule (from the same weekday a week or
    two before or after that is not itself a holiday)."""
    for weeks in (-1, 1, -2, 2):
        other = day + timedelta(days=7 * weeks)
        if not facts.calendar.covers(other.year)[0]:
            continue
        cls = facts.calendar.day_class(other)
        if cls is not DayClass.HOLIDAY:
            return cls
    return None


def _off_days(facts: Facts, out: Findings) -> None:
    """Each holiday on a day the employee is not required to work (an off day, not the rest
    day) and not worked: a day's pay, unless a day off was given in substitution."""
    end = facts.period_end
    rule = facts.get(P.holiday_off_day_pay_days, end)
    if rule is None or rule.value is None or rule.number == 0:
        return
    a = facts.payslip.attendance
    off = [d for d in _not_worked(facts) if _usual_class(facts, d) is DayClass.OFF]
    given = set(a.holidays_off_in_lieu)
    in_lieu = [d for d in off if d in given]
    holidays = [d for d in off if d not in in_lieu]
    if not holidays:
        return
    if facts.payslip.contract.workweek is None:
        # the calendar's usual week is not the contract's: whether the day was one the
        # employee was not required to work is the contract's to say
        out.notes.append(msg("holiday.off-day-week-unknown", days=holidays))
        return
    rate = facts.daily_rate(end)
    day = facts.money(rate.value)
    due = facts.money(CONTEXT.multiply(rate.value, rule.number * len(holidays)))
    steps = [
        rate.text,
        msg(
            "holiday.off-day-arithmetic",
            count=len(holidays),
            days=holidays,
            day=day,
            per=rule.shown,
            due=due,
        ),
    ]
    if in_lieu:
        steps.append(msg("holiday.off-day-in-lieu", days=in_lieu))
    _compare(facts, out, due, holidays, [rule, *rate.law], steps, off_day=True)


def _compare(
    facts: Facts,
    out: Findings,
    due: Decimal,
    holidays: Sequence[date],
    law: list[InForce[Any]],
    steps: list[Msg],
    *,
    off_day: bool,
) -> None:
    """The holiday-pay lines against what the holidays are owed: any shortfall. Base pay
    above its lawful figure for the days worked counts toward the holidays: an employer may
    pay them in the base line."""
    lines = facts.stated(EarningKind.HOLIDAY_PAY)
    amounts = [e.amount for _, e in lines]
    stated = sum(amounts, ZERO)
    base = facts.base
    above = ZERO if base.expected is None else max(ZERO, base.stated - base.expected)
    if above:
        steps = [*steps, msg("holiday.in-base", line=Line(base.line), above=above)]
        stated += above
    if stated >= due:
        return
    owed = due - stated
    paid = msg("holiday.paid", sum=money_sum(amounts, stated)) if lines else msg("holiday.none")
    args = {"count": len(holidays), "days": list(holidays), "due": due, "stated": stated}
    message = (
        msg("holiday.off-day-short", owed=owed, **args)
        if off_day
        else msg("holiday.hourly-short", owed=owed, **args)
    )
    out.add(
        "holiday-pay",
        Severity.UNDERPAYMENT,
        message,
        line=lines[0][0] if lines else "earnings",
        owed=owed,
        law=law,
        steps=[*steps, paid, msg("holiday.short", due=due, stated=stated, owed=owed)],
    )
