"""When wages are due: the shapes of a pay deadline every law shares (so many days after the
pay period, or after the last day of employment), and the calendar arithmetic the packs'
own shapes use (a working day on or before a day, working days after a day, the end of the
next pay period). Registered in the ``pay-deadline`` family (:mod:`paycheck.law.formulas`).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from paycheck.law.calendar import Calendar, DayClass
from paycheck.law.formulas import Deadline, formula
from paycheck.law.vocabulary import P
from paycheck.messages import Msg, msg
from paycheck.model import PayFrequency, PayPeriod, TerminationKind, _add_months

if TYPE_CHECKING:
    from paycheck.facts import Facts


def day_count(n: int) -> Msg:
    """``1 day``, ``3 days``."""
    return msg("late.one-day") if n == 1 else msg("late.n-days", n=n)


def uncovered(calendar: Calendar, *days: date) -> Msg | None:
    """Why the calendar cannot sort one of the days (a year it does not cover), or None."""
    for year in sorted({d.year for d in days}):
        covered, why = calendar.covers(year)
        if not covered:
            return msg("late.not-covered", year=year, why=why)
    return None


def working_day_on_or_before(calendar: Calendar, day: date) -> date:
    """The day itself if it is a working day, else the nearest working day before it."""
    while calendar.day_class(day) is not DayClass.WORKING:
        day -= timedelta(1)
    return day


def working_days_after(calendar: Calendar, day: date, count: int) -> list[date]:
    """The first ``count`` working days after ``day``."""
    out: list[date] = []
    while len(out) < count:
        day += timedelta(1)
        if calendar.day_class(day) is DayClass.WORKING:
            out.append(day)
    return out


def next_period_end(period: PayPeriod) -> date:
    """The last day of the pay period after ``period``."""
    start = period.end + timedelta(1)
    if period.frequency is PayFrequency.WEEKLY:
        return period.end + timedelta(7)
    if period.frequency is PayFrequency.BI_WEEKLY:
        return period.end + timedelta(14)
    if period.frequency is PayFrequency.SEMI_MONTHLY and start.day == 1:
        return start.replace(day=15)
    if period.frequency is PayFrequency.SEMI_MONTHLY or start.day == 1:
        return _add_months(start.replace(day=1), 1) - timedelta(1)  # the month's end
    return _add_months(start, 1) - timedelta(1)  # a month of another cycle (21st to 20th)


@formula("pay-deadline", "days-after-period", "the pack's wages_due_days_after_period")
def days_after_period(facts: Facts) -> Deadline:
    """The pay period's last day + `wages_due_days_after_period` days."""
    end = facts.pay_period.end
    days = facts.need(P.wages_due_days_after_period, end)
    day = end + timedelta(int(days.number))
    step = msg("late.after-period", end=end, days=day_count(int(days.number)), day=day)
    return Deadline(day, (days,), (step,))


@formula("pay-deadline", "overtime-days-after-period", "the pack's overtime_due_days_after_period")
def overtime_days_after_period(facts: Facts) -> Deadline:
    """The pay period's last day + `overtime_due_days_after_period` days (for overtime)."""
    end = facts.pay_period.end
    days = facts.need(P.overtime_due_days_after_period, end)
    day = end + timedelta(int(days.number))
    count = day_count(int(days.number))
    steps = (msg("late.overtime-after-period", end=end, days=count, day=day),)
    return Deadline(day, (days,), steps)


@formula("pay-deadline", "days-after-last-day", "the pack's final_pay_due_days")
def days_after_last_day(facts: Facts) -> Deadline | Msg:
    """The last day of employment + `final_pay_due_days` days; for an employee who resigned
    without notice, + `final_pay_due_days_without_notice` where the pack has it."""
    t = facts.payslip.contract.termination
    if t is None:
        return msg("late.no-last-day")
    last = t.last_day
    without = facts.get(P.final_pay_due_days_without_notice, last)
    no_notice = t.notice_date is None or t.notice_date >= last
    resigned = t.how is TerminationKind.RESIGNATION and no_notice
    if resigned and without is not None and without.value is not None:
        day = last + timedelta(int(without.number))
        how = msg("late.resigned-no-notice") if t.notice_date else msg("late.notice-unknown")
        count = day_count(int(without.number))
        step = msg("late.after-last-day", last=last, days=count, day=day, how=how)
        return Deadline(day, (without,), (step,))
    days = facts.need(P.final_pay_due_days, last)
    day = last + timedelta(int(days.number))
    count = day_count(int(days.number))
    step = msg("late.after-last-day", last=last, days=count, day=day, how="")
    return Deadline(day, (days,), (step,))
