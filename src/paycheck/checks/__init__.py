"""The checks, each a function from a payslip's facts to its own findings. None reads what
another writes: the facts they share are worked out once, on demand
(:class:`paycheck.facts.Facts`), so the order they run in changes no report.

Each is listed with the rule id its not-checked finding names when the rule pack lacks a
value it needs, and whether it needs the calendar of the period (skipped, with a
not-checked finding, outside the years the calendar covers)."""

from collections.abc import Callable
from typing import NamedTuple

from paycheck.checks.deductions import deductions
from paycheck.checks.final import annual_leave_pay, notice_pay, severance
from paycheck.checks.findings import Findings
from paycheck.checks.holidays import holiday_pay
from paycheck.checks.hours import hours_worked
from paycheck.checks.late import late_payment
from paycheck.checks.net import net_pay
from paycheck.checks.overtime import overtime_hours, overtime_pay
from paycheck.checks.pack import pack_checks
from paycheck.checks.pay import minimum_wage, proration
from paycheck.facts import Facts


class Check(NamedTuple):
    rule: str
    run: Callable[[Facts, Findings], None]
    needs_calendar: bool


CHECKS = (
    Check("proration", proration, True),
    Check("overtime-premium", overtime_pay, True),
    Check("overtime-hours", overtime_hours, True),
    Check("minimum-wage", minimum_wage, True),
    Check("holiday-pay", holiday_pay, True),
    Check("undocumented-deduction", deductions, False),
    Check("net-pay-arithmetic", net_pay, False),
    Check("severance", severance, False),
    Check("annual-leave-pay", annual_leave_pay, False),
    Check("notice-pay", notice_pay, False),
    Check("late-payment", late_payment, False),
    Check("hours-worked", hours_worked, True),
    Check("pack-checks", pack_checks, False),
)
"""The checks in the order their findings are reported."""

__all__ = ["CHECKS", "Check", "Findings"]
