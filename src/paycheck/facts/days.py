"""The days of a pay period: which were worked, on paid leave, statutory holidays or absent.

Every day-count choice is made here, named and explained, so the checks only compare
figures. The days are those of the whole pay period (a leaver's period that stops at the
last day is still priced against the whole month), within the employment.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from paycheck.law.calendar import classify_period
from paycheck.law.vocabulary import P
from paycheck.messages import Msg, msg
from paycheck.model import PayBasis, PayPeriod, expand

if TYPE_CHECKING:
    from paycheck.facts import Facts

__all__ = ["Days", "PayPeriod", "compute_days"]


class Days(NamedTuple):
    """The day counts of the pay period, each list sorted."""

    span_start: date  # the first day in employment
    span_end: date  # the last day in employment
    working: Sequence[date]  # working days of the pay period (make-up working days included)
    worked: Sequence[date]  # working days in employment that were worked
    paid_leave: Sequence[date]  # working days in employment on paid leave
    holidays_in_span: Sequence[date]  # statutory holidays inside the employment span
    absent: Sequence[date]  # working days of the pay period neither worked nor on paid leave
    assumed_full_attendance: bool
    whole_period: bool  # employed on every day of the pay period
    dates_known: bool = True  # False when only a count of days worked was given
    count_over: tuple[int, int] | None = None  # days_worked_count above the days eligible

    def listed(self, days: Sequence[date]) -> Msg:
        """The dates for a computation line, or a note that only the count is known."""
        return msg("days", days=tuple(days)) if self.dates_known else msg("days.not-listed")

    @property
    def paid_days(self) -> int:
        return len(self.worked) + len(self.paid_leave) + len(self.holidays_in_span)

    @property
    def full(self) -> bool:
        return self.whole_period and not self.absent


def compute_days(facts: Facts) -> Days:
    """Sort the pay period's days into worked, paid leave, holidays and absences."""
    p = facts.payslip
    contract, attendance = p.contract, p.attendance
    period = facts.pay_period
    span_start = max(period.start, contract.employment_start)
    span_end = min(period.end, contract.last_day or period.end)
    period_days = classify_period(facts.calendar, period.start, period.end)
    working = period_days.working
    whole = span_start == period.start and span_end == period.end
    # Under another hours system the days worked follow the cycle's schedule, not the
    # calendar's working days: only leave and the days in employment count against a
    # monthly wage (hourly pay keeps the days listed: they are all it has).
    standard = facts.standard_hours or contract.pay_basis is PayBasis.HOURLY
    count = attendance.days_worked_count if standard else None
    days_worked = attendance.days_worked if standard else []
    if whole and not days_worked and not attendance.leave and count is None:
        # The common case of a payroll run: employed all period, full attendance assumed.
        holidays = period_days.holidays
        return Days(span_start, span_end, working, working, (), holidays, (), True, True)
    paid_kinds = set(facts.items(P.paid_leave_kinds, facts.period_end))
    in_span = [d for d in working if span_start <= d <= span_end]
    worked_listed = set(expand(days_worked))
    leave_days = {d: leave.kind for leave in attendance.leave for d in expand(leave.days)}
    assumed = not worked_listed and count is None
    over = None
    if count is not None:
        # Only a count: which days is unknown, and only the counts enter the arithmetic.
        eligible = [d for d in in_span if d not in leave_days]
        if count > len(eligible):
            over = (count, len(eligible))
        worked = eligible[:count]
    else:
        worked = [d for d in in_span if (d not in leave_days if assumed else d in worked_listed)]
    paid_leave = [d for d in in_span if d in leave_days and leave_days[d] in paid_kinds]
    counted = set(worked) | set(paid_leave)
    return Days(
        span_start=span_start,
        span_end=span_end,
        working=working,
        worked=worked,
        paid_leave=paid_leave,
        holidays_in_span=[d for d in period_days.holidays if span_start <= d <= span_end],
        absent=[d for d in working if d not in counted],
        assumed_full_attendance=assumed,
        whole_period=whole,
        dates_known=count is None,
        count_over=over,
    )
