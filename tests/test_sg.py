"""Singapore (SG): the rule pack as it loads, and the CLI on the story.

The law cases of Singapore (the Employment Act 1968 as amended by Act 55 of 2018, in force
2019-04-01), each with its hand computation and section, are data: tests/cases/sg/*.yaml
(the story payslip, overtime and Part 4's coverage, hours, an incomplete month, deductions,
the minimum wage).
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import EXAMPLES

from paycheck.cli import main
from paycheck.law.packs import Status, all_packs, law
from paycheck.law.vocabulary import REGISTRY

STORY = EXAMPLES / "sg-singapore-2025-10-customer-service.yaml"
STORY_CORRECTED = EXAMPLES / "sg-singapore-2025-10-customer-service-corrected.yaml"


# -- the pack --------------------------------------------------------------------------------

EXPECTED = [
    "overtime_coverage", "hours_coverage", "rate_weeks_per_year", "rate_hours_per_week",
    "overtime_multiplier_working_day", "overtime_multiplier_rest_day",
    "overtime_multiplier_holiday", "overtime_multiplier_off_day", "day_pay_rest_day",
    "day_pay_statutory_holiday", "overtime_rate_cap", "overtime_rate_cap_categories",
    "time_off_may_replace_pay", "overtime_base", "max_hours_per_day",
    "overtime_max_hours_per_month", "overtime_hours_counted", "normal_hours_max_per_week",
    "proration_methods", "paid_leave_kinds", "minimum_wage_monthly", "minimum_wage_hourly",
    "withholding_kinds", "fine_status", "fine_arguable_bases",
    "deduction_requires_loss_compensation", "loss_deduction_max_fraction",
    "deductions_max_fraction", "deductions_limit_excludes", "deductions_limit_final_pay_exempt",
    "business_cost_deductible", "deduction_requires_business_cost", "deduction_requires_goods",
]  # fmt: skip

# Deliberately absent: the per-day rate form (the per-week form is Singapore's), a separate
# daily overtime limit (the 12 h applies to the whole day), an off-day days'-pay rule (off days
# are priced by the hour), a resignation rule (notice and salary in lieu, ss.10-11, are not in
# the pack), the Chinese loss rules (written notice, minimum-wage floor), fine caps, and
# coverage limits on the minimum wage and deductions (Part 3 covers every employee of the Act).
ABSENT = [
    "paid_days_per_month", "hours_per_day", "overtime_max_hours_per_day", "day_pay_off_day",
    "resignation_penalty_void", "notice_indemnity_weeks", "loss_deduction_written_notice",
    "loss_deduction_minimum_wage_floor", "loss_deduction_allowed", "fine_max_fraction",
    "business_cost_consent_contested", "minimum_wage_coverage", "deduction_coverage",
    "minimum_wage_small_employer_below",
]  # fmt: skip


def test_pack_loads():
    assert "SG" in all_packs()
    sg_law = law("SG")
    assert sg_law.currency == "SGD"
    assert sg_law.minor_unit == 2
    assert set(EXPECTED) <= set(sg_law.names())


@pytest.mark.parametrize("on", [date(2019, 4, 1), date(2025, 10, 31)])
def test_every_parameter_in_force_from_2019_04_01(on):
    sg_law = law("SG")
    for name in EXPECTED:
        assert sg_law.get(REGISTRY[name], on) is not None, name
    for name in ABSENT:
        assert sg_law.get(REGISTRY[name], on) is None, name


def test_the_pack_starts_on_2019_04_01():
    # Only the coverage history (and the cap categories) reach back; the rates start with the
    # text read, the Act as amended by Act 55 of 2018.
    sg_law = law("SG")
    before = date(2019, 3, 31)
    assert sg_law.get(REGISTRY["overtime_multiplier_working_day"], before) is None
    assert sg_law.get(REGISTRY["proration_methods"], before) is None
    assert sg_law.get(REGISTRY["overtime_coverage"], before) is not None


def test_statuses():
    sg_law = law("SG")
    on = date(2025, 10, 31)
    assert sg_law.get(REGISTRY["fine_status"], on).status is Status.CONTESTED
    assert sg_law.get(REGISTRY["overtime_multiplier_off_day"], on).status is Status.CONTESTED
    assert sg_law.get(REGISTRY["overtime_hours_counted"], on).status is Status.UNVERIFIED
    assert sg_law.get(REGISTRY["overtime_coverage"], date(2008, 6, 1)).status is Status.UNVERIFIED
    for name in [
        "overtime_rate_cap",
        "loss_deduction_max_fraction",
        "deductions_max_fraction",
        "day_pay_rest_day",
        "day_pay_statutory_holiday",
        "overtime_coverage",
    ]:
        assert sg_law.get(REGISTRY[name], on).status is Status.VERIFIED, name


@pytest.mark.parametrize("on", ["2014-06-01", "2019-04-01", "2025-10-31"])
def test_rules_command_lists_the_law(capsys, on):
    assert main(["rules", "SG", "--on", on]) == 0
    out = capsys.readouterr().out
    assert "Singapore (SG)" in out
    assert "overtime_coverage" in out and "s.35" in out
    if on != "2014-06-01":
        assert "rate_hours_per_week" in out and "s.38(6)" in out
        assert "overtime_rate_cap" in out and "13.6" in out
        assert "deductions_max_fraction" in out and "s.32(1)" in out
        assert "https://sso.agc.gov.sg/Act/EmA1968?ProvIds=pr29-" in out


# -- the story on the command line ----------------------------------------------------------


def test_cli_exit_codes(capsys):
    assert main(["check", str(STORY)]) == 1
    assert main(["check", str(STORY_CORRECTED)]) == 0
    capsys.readouterr()
