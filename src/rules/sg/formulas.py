"""The shape of Singapore wage law that no other pack has: salary for an incomplete month
(Employment Act 1968 s.20A): monthly gross rate x days actually worked / days the employee
is required to work in that month."""

from __future__ import annotations

from decimal import Decimal

from paycheck.facts import Facts
from paycheck.facts.service import completed_months_leave, notice_wages
from paycheck.law.formulas import Due, Prorated, formula
from paycheck.law.tables import Positive
from paycheck.law.vocabulary import declare, param
from paycheck.messages import Msg, msg
from paycheck.money import CONTEXT, ZERO


@formula("proration", "required-days", "Employment Act 1968 s.20A")
def required_days(facts: Facts, monthly: Decimal) -> Prorated | Msg:
    """The period's wages × days worked (paid leave, and public holidays on the schedule's
    working weekdays, included) ÷ ``attendance.days_required``."""
    days = facts.days
    required = facts.payslip.attendance.days_required
    if required is None:
        return msg("sg.no-days-required")
    # Public holidays on the schedule's working weekdays are paid as days worked (they are
    # among the days required too); holidays on rest and off days are not.
    holidays = [d for d in days.holidays_in_span if d.weekday() in facts.workweek_days]
    worked = len(days.worked) + len(days.paid_leave) + len(holidays)
    if required == 0:
        return Prorated("", ZERO, (), (msg("sg.none-required"),))
    share = facts.pay_period.share
    due = monthly if share == 1 else facts.money(monthly * share)
    value = facts.money(CONTEXT.divide(CONTEXT.multiply(due, worked), required))
    parts = [msg("sg.worked", count=len(days.worked), days=days.listed(days.worked))]
    if days.paid_leave:
        parts.append(msg("sg.paid-leave", count=len(days.paid_leave)))
    if holidays:
        parts.append(
            msg(
                "sg.holiday" if len(holidays) == 1 else "sg.holidays",
                count=len(holidays),
                days=holidays,
            )
        )
    steps = (
        msg("sg.days-worked", parts=parts, total=worked),
        msg("sg.required-days", due=due, worked=worked, required=required, amount=value),
    )
    return Prorated("", value, (), steps)


@formula("late-consequences", "leave-without-notice", "Employment Act 1968 (MOM)")
def leave_without_notice(facts: Facts, late: int) -> tuple[Msg, ...]:
    """Salary unpaid 7 days after it is due: the employer is in breach and the employee may
    leave without notice (MOM; the section was not read). Nothing once the employment ended."""
    p = facts.payslip
    left = p.contract.last_day is not None and p.contract.last_day <= p.period.end
    return () if left else (msg("sg.late.leave"),)


MIN_MONTHS = declare(
    param(
        "annual_leave_min_service_months",
        Positive,
        "annual-leave-pay",
        "months of service before any annual leave is due",
        "leave is due from the first month",
    )
)


@formula("annual-leave-pay", "s88a", "Employment Act 1968 s.88A")
def untaken_annual_leave(facts: Facts) -> Due | Msg | None:
    """Annual leave not taken when the service ends other than for misconduct, at the gross
    rate of pay: the year's days (7 in the first year, one more a year up to 14) × the
    completed months of the year of service ÷ 12, less than half a day rounded down and
    half or more up, less the days taken; none before 3 months of service (s.88A, as the
    Ministry of Manpower states it)."""
    last = facts.payslip.contract.last_day
    least = None if last is None else facts.get(MIN_MONTHS, last)
    months = 0 if least is None or least.value is None else int(least.number)
    return completed_months_leave(facts, months)


@formula("notice-pay", "s10-s11", "Employment Act 1968 s.10(3), s.11(1)")
def salary_in_lieu_of_notice(facts: Facts) -> Due | Msg | None:
    """An employer that ends the contract without the notice s.10 requires (the contract's,
    else 1 day, 1, 2 or 4 weeks by length of service) pays the salary that would have
    accrued during the notice not given (s.11(1)). A dismissal for misconduct is uncertain:
    the research did not read the misconduct provision."""
    return notice_wages(facts, msg("final.doubt-misconduct"))
