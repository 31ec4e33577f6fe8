"""The checks, in the order they run: pay for normal work and overtime first (their lawful
figures feed the minimum wage and the deduction limits), then deductions and the net-pay
arithmetic."""

from paycheck.checks.deductions import deductions
from paycheck.checks.net import net_pay
from paycheck.checks.overtime import overtime_hours, overtime_pay
from paycheck.checks.pay import minimum_wage, proration

CALENDAR_CHECKS = (
    ("proration", proration),
    ("overtime-premium", overtime_pay),
    ("overtime-hours", overtime_hours),
    ("minimum-wage", minimum_wage),  # after overtime: its lawful amount counts where unsettled
)
"""Checks that need the calendar of the period (skipped, with a not-checked finding, outside it),
each with the rule id a not-checked finding names when the rule pack lacks a value it needs."""

OTHER_CHECKS = (("undocumented-deduction", deductions), ("net-pay-arithmetic", net_pay))

__all__ = ["CALENDAR_CHECKS", "OTHER_CHECKS"]
