"""The shape of Singapore wage law that no other pack has: salary for an incomplete month
(Employment Act 1968 s.20A): monthly gross rate x days actually worked / days the employee
is required to work in that month."""

from __future__ import annotations

from decimal import Decimal

from paycheck.facts import Facts
from paycheck.law.formulas import Prorated, formula
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
