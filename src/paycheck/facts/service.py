"""Lengths of service for the rules on leaving: whole months and years counted on the
calendar, both ends included (a service from 16 August to 15 October is two months)."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from paycheck.law.formulas import Due
from paycheck.law.tables import LeaveStep
from paycheck.law.vocabulary import P
from paycheck.messages import Msg, msg
from paycheck.model import PayBasis, TerminationKind, TerminationReason
from paycheck.money import CONTEXT

if TYPE_CHECKING:
    from paycheck.facts import Facts


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, the month's last day where it is shorter."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def completed_months(start: date, last: date) -> int:
    """Whole calendar months of service from ``start`` to ``last``, both included."""
    if last < start:
        return 0
    months = (last.year - start.year) * 12 + last.month - start.month + 1
    while months > 0 and add_months(start, months) - timedelta(1) > last:
        months -= 1
    return months


def service_year_start(start: date, last: date) -> date:
    """The first day of the year of service ``last`` falls in (an anniversary of
    ``start``, or ``start`` itself)."""
    years = completed_months(start, last) // 12
    return add_months(start, 12 * years)


def whole_days(n: Decimal) -> Decimal:
    """A fraction of a day dropped: 1.86 -> 1."""
    return n.to_integral_value(rounding=ROUND_FLOOR)


def half_up_days(n: Decimal) -> Decimal:
    """Less than half a day disregarded, half or more a whole day: 2.33 -> 2, 2.5 -> 3."""
    return n.to_integral_value(rounding=ROUND_HALF_UP)


def leave_days_for(steps: list[LeaveStep], years: Decimal) -> Decimal:
    """A full year's leave for the service reached: the last step whose ``years`` it has
    reached (none: 0)."""
    step = next((s for s in reversed(steps) if years >= s.years), None)
    return step.days if step is not None else Decimal(0)


def completed_months_leave(facts: Facts, min_months: int = 0) -> Due | Msg | None:
    """Annual leave not taken, where the law counts the completed months of the year of
    service the employment ends in: the full year's days (by completed years of service)
    × months ÷ 12, less than half a day disregarded and half or more a whole day, less the
    days taken, at a day's wage. Nothing for a dismissal for misconduct, nor before
    ``min_months`` of service."""
    contract = facts.payslip.contract
    t, leave = contract.termination, contract.annual_leave
    if t is None or leave is None:
        return None
    if t.how is TerminationKind.DISMISSAL and t.reason is TerminationReason.MISCONDUCT:
        return None
    start, last = contract.employment_start, t.last_day
    table = facts.get(P.annual_leave_days, last)
    if table is None or table.value is None:
        return msg("final.no-leave-law", code=facts.law.code)
    served = completed_months(start, last)
    if served < min_months:
        return None
    full = leave_days_for(table.value, Decimal(served // 12))
    year_start = service_year_start(start, last)
    months = completed_months(year_start, last)
    raw = CONTEXT.divide(full * months, Decimal(12))
    days = half_up_days(raw)
    owed = days - leave.taken
    if owed <= 0:
        return None
    rate = facts.daily_rate(last)
    amount = facts.money(CONTEXT.multiply(rate.value, owed))
    steps = (
        msg(
            "final.leave-months",
            start=year_start,
            end=last,
            months=months,
            full=full,
            raw=round(raw, 2),
            days=days,
        ),
        msg("final.leave-taken", days=days, taken=leave.taken, owed=owed),
        msg("final.leave-pay", rate=rate.text, days=owed, amount=amount),
    )
    return Due(msg("final.what-leave", days=owed), amount, (table, *rate.law), steps)


def notice_wages(facts: Facts, misconduct_doubt: Msg | None) -> Due | Msg | None:
    """The wages of the notice an employer did not give when it dismissed the employee:
    the notice required by length of service (the contract's ``notice_weeks`` where it sets
    one) less the notice given (``notice_date`` to ``last_day``), at a week's wages of
    monthly × 12 ÷ weeks a year. A dismissal for misconduct owes none where
    ``misconduct_doubt`` is None, else the finding is uncertain with that condition."""
    contract = facts.payslip.contract
    t = contract.termination
    if t is None or t.how is not TerminationKind.DISMISSAL:
        return None  # only the employer's ending without notice
    doubts: tuple[Msg, ...] = ()
    if t.reason is TerminationReason.MISCONDUCT:
        if misconduct_doubt is None:
            return None
        doubts = (misconduct_doubt,)
    last = t.last_day
    steps, per_year = (
        facts.get(P.notice_pay_steps, last),
        facts.get(P.notice_pay_weeks_per_year, last),
    )
    if steps is None or steps.value is None or per_year is None or per_year.value is None:
        return msg("final.no-notice-law", code=facts.law.code)
    if contract.pay_basis is not PayBasis.MONTHLY:
        return msg("final.notice-hourly")
    days = (last - contract.employment_start).days + 1
    service = CONTEXT.divide(Decimal(days), Decimal("365.25"))
    step = next((s for s in reversed(steps.value) if service >= s.years), None)
    if contract.notice_weeks is not None:
        required = contract.notice_weeks
    elif step is None:
        return None
    else:
        required = step.weeks + step.days / 7 + step.months * per_year.number / 12
    given_days = max((last - t.notice_date).days, 0) if t.notice_date else 0
    short = max(required - Decimal(given_days) / 7, Decimal(0))
    if short <= 0:
        return None
    weekly = CONTEXT.divide(contract.wage * 12, per_year.number)
    amount = facts.money(weekly * short)
    lines = (
        msg(
            "final.notice-required",
            start=contract.employment_start,
            end=last,
            years=round(service, 2),
            required=round(required, 2),
            whose=msg(
                "final.notice-contract" if contract.notice_weeks is not None else "final.notice-law"
            ),
        ),
        msg("final.notice-given", days=given_days, short=round(short, 2)),
        msg(
            "final.notice-pay",
            wage=contract.wage,
            weeks=per_year.shown,
            short=round(short, 2),
            amount=amount,
        ),
    )
    doubts = (*doubts, msg("final.doubt-notice-method"))
    return Due(msg("final.what-notice"), amount, (steps, per_year), lines, doubts)
