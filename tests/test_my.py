"""Malaysia (MY, Kuala Lumpur MY-14): the rule pack as it loads, and the CLI on the story.

The law cases of Malaysia, each with its hand computation and section, are data:
tests/cases/my/*.yaml (the story payslip, overtime, hours, the minimum wage, a partial month,
deductions). Law notes: /work/shared/law/my-sg-ng-verified.md (stands where it differs from
my.md) and the research notes of issue 5.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from conftest import EXAMPLES

from paycheck.cli import main
from paycheck.law.packs import all_packs, law
from paycheck.law.vocabulary import REGISTRY

D = Decimal
STORY = EXAMPLES / "my-kuala-lumpur-2025-05-final-pay.yaml"
STORY_CORRECTED = EXAMPLES / "my-kuala-lumpur-2025-05-final-pay-corrected.yaml"


# -- the pack ------------------------------------------------------------------------------


def test_pack_loads_and_rules_run_on_several_dates(capsys):
    assert {"MY", "MY-14"} <= set(all_packs())
    assert law("MY-14").currency == "MYR"
    for day in ["2012-04-01", "2022-06-01", "2023-01-01", "2025-08-01"]:
        assert main(["rules", "MY-14", "--on", day]) == 0
    capsys.readouterr()


# The parameters the engine reads, by the date ranges the pack claims.
EA_FROM_2012 = {
    "paid_days_per_month",
    "overtime_base",
    "overtime_multiplier_working_day",
    "overtime_multiplier_rest_day",
    "overtime_multiplier_holiday",
    "overtime_multiplier_off_day",
    "day_pay_rest_day",
    "day_pay_rest_day_hourly_paid",
    "day_pay_statutory_holiday",
    "overtime_coverage",
    "hours_coverage",
    "deduction_coverage",
    "normal_hours_max_per_week",
    "overtime_max_hours_per_month",
    "overtime_hours_counted",
    "paid_leave_kinds",
    "withholding_kinds",
    "fine_status",
    "loss_deduction_allowed",
    "deduction_requires_goods",
    "business_cost_deductible",
    "resignation_penalty_void",
    "notice_indemnity_weeks",
    "deductions_max_fraction",
    "deductions_limit_excludes",
    "deductions_limit_final_pay_exempt",
}
MINIMUM_WAGE_FROM_2022 = {
    "minimum_wage_monthly",
    "minimum_wage_hourly",
    "minimum_wage_small_employer_below",
    "minimum_wage_monthly_small_employer",
    "minimum_wage_hourly_small_employer",
    "minimum_wage_excludes",
}
# Deliberately absent: hours_per_day (the hourly rate is ORP / the contract's normal daily
# hours, s.60I); time_off_may_replace_pay (no EA provision lets time off replace rest-day or
# holiday pay); overtime_rate_cap; max_hours_per_day and overtime_max_hours_per_day (no daily
# overtime limit in the notes); minimum_wage_coverage (the Orders cover every employee but
# domestic servants, which a payslip cannot state); loss_deduction_max_fraction and
# fine_max_fraction (no head at all).
ABSENT = {
    "hours_per_day",
    "time_off_may_replace_pay",
    "overtime_rate_cap",
    "max_hours_per_day",
    "overtime_max_hours_per_day",
    "minimum_wage_coverage",
    "loss_deduction_max_fraction",
    "fine_max_fraction",
}


@pytest.mark.parametrize(
    "day", ["2012-04-01", "2019-06-30", "2022-05-01", "2023-01-01", "2025-08-01"]
)
def test_parameters_in_force(day):
    on = date.fromisoformat(day)
    kl = law("MY-14")
    for name in EA_FROM_2012:
        assert kl.get(REGISTRY[name], on) is not None, name
    for name in MINIMUM_WAGE_FROM_2022:
        assert (kl.get(REGISTRY[name], on) is not None) is (on >= date(2022, 5, 1)), name
    for name in ABSENT:
        assert kl.get(REGISTRY[name], on) is None, name
    # the pack's first date is 2012-04-01
    assert kl.get(REGISTRY["paid_days_per_month"], date(2012, 3, 31)) is None


def test_small_employer_minimum_is_kuala_lumpurs_own_series():
    kl, my = law("MY-14"), law("MY")
    on = date(2022, 6, 1)
    assert kl.get(REGISTRY["minimum_wage_monthly_small_employer"], on).value == D(1200)
    assert kl.get(REGISTRY["minimum_wage_monthly_small_employer"], on).jurisdiction == "MY-14"
    assert my.get(REGISTRY["minimum_wage_monthly_small_employer"], on).value == D(1100)
    for day, value in [("2023-07-01", 1500), ("2025-02-01", 1500), ("2025-08-01", 1700)]:
        on = date.fromisoformat(day)
        assert kl.get(REGISTRY["minimum_wage_monthly_small_employer"], on).value == D(value)
        assert my.get(REGISTRY["minimum_wage_monthly_small_employer"], on).value == D(value)


def test_rules_cli_lists_the_law_in_force_in_kuala_lumpur(capsys):
    assert main(["rules", "MY-14", "--on", "2025-03-01"]) == 0
    out = capsys.readouterr().out
    assert "Malaysia / Wilayah Persekutuan Kuala Lumpur (MY-14): law in force on 2025-03-01" in out
    for text in [
        # s.60I(1A): ORP = monthly / 26
        "paid_days_per_month  [proration, minimum-wage, overtime-premium, overtime-base]",
        "= 26 days  (from 2012-04-01, MY)",
        "cites: Employment Act 1955 (Act 265) s.60I(1A)",
        # First Schedule para 1A from 2023-01-01
        "= manual; monthly wage at most 4000 coverage clauses (any one covers)  (from 2023-01-01",
        "P.U.(A) 262/2022 First Schedule para 1A",
        # s.60A(1) as amended by A1651
        "= 45 hours  (from 2023-01-01, MY)",
        "= everyone coverage clauses (any one covers)  (from 2023-01-01, MY)",
        "= 104 hours  (from 2012-04-01, MY)",
        "= 1.5 multiplier of the hourly rate of pay  (from 2012-04-01, MY)",
        "= 3 multiplier of the hourly rate of pay  (from 2012-04-01, MY)",
        "cites: Employment Act 1955 (Act 265) s.60D(3)(aa)",
        "up to 1 x the normal hours: 2 days' pay",
        # MWO 2024 from 2025-02-01; small employers RM1,500 until 2025-07-31
        "= 1700 MYR a month  (from 2025-02-01, MY)",
        "= 8.72 MYR an hour  (from 2025-02-01, MY)",
        "= 1500 MYR a month  (from 2025-02-01, MY-14)",
        "cites: Minimum Wages Order 2024, P.U.(A) 376/2024",
        # s.24
        "= prohibited status  (from 2012-04-01, MY)",
        "cites: Employment Act 1955 (Act 265) s.91(c)",
        "= written-request; authority-permission document kinds",
        "= calendar-days methods [unverified]  (from 2023-01-01, MY)",
        "= 1/2 fraction of the month's wages [unverified]",
        "from 0 years: 4 weeks; from 2 years: 6 weeks; from 5 years: 8 weeks",
        "[contested]",
    ]:
        assert text in out, text


# -- the story on the command line ----------------------------------------------------------


def test_story_cli_exit_codes(capsys):
    assert main(["check", str(STORY)]) == 1
    assert main(["check", str(STORY_CORRECTED)]) == 0
    out = capsys.readouterr().out
    assert "Owed to the employee: 307.69 MYR" in out
