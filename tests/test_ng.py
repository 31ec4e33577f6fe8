"""Nigeria (NG, NG-LA): the rule pack and the CLI on the Lagos story.

The law (src/rules/ng/parameters, sources in each file):

* Labour Act, Cap. L1 LFN 2004, s.5(1): no deduction "for or in respect of any fines"; a
  reasonable deduction for injury or loss caused by the worker's wilful misconduct or neglect
  only "with the prior consent in writing of an authorized labour officer".
* s.5(1)-(2) and other Acts: PAYE income tax, the employee's pension and the National Housing
  Fund are withheld without a further document (their rates are not checked).
* s.5(7), read in one transcription only: deductions in a month at most one-third of that
  month's wages (unverified: findings on it are uncertain, never owed).
* s.91(1): the Act protects a "worker" (manual or clerical work), not persons exercising
  administrative, executive, technical or professional functions.
* s.13: normal hours and overtime are fixed by agreement; no statutory overtime rate, so
  overtime is owed at the contract's rate (contract.overtime_hourly_rate).
* National Minimum Wage Act 2019 s.3(1): 30,000.00 a month from 2019-04-18; 70,000.00 under
  the Amendment Act 2024, signed 2024-07-29 (contested from 2024-04-01: possible backdating);
  s.4(1)(b): not an establishment employing fewer than 25 persons. Overtime is left out of the
  comparison (unverified: the Act does not say so in words).
* No statutory formula for a partial month.

The law cases of Nigeria, each with its hand computation and section, are data:
tests/cases/ng/*.yaml (the Lagos story, the minimum wage by date and coverage, deductions,
overtime). This file keeps the pack as it loads and the CLI on the story.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import EXAMPLES

from paycheck.cli import main
from paycheck.law.packs import Status, all_packs, law
from paycheck.law.vocabulary import REGISTRY

STORY = EXAMPLES / "ng-lagos-2024-10-customer-service.yaml"
STORY_CORRECTED = EXAMPLES / "ng-lagos-2024-10-customer-service-corrected.yaml"


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


# -- the pack --------------------------------------------------------------------------------

IN_THE_PACK = [
    "fine_status",
    "deduction_requires_loss_compensation",
    "withholding_kinds",
    "deductions_max_fraction",
    "deduction_coverage",
    "minimum_wage_monthly",
    "minimum_wage_hourly",  # null: the Act sets a monthly figure only
    "minimum_wage_coverage",
    "minimum_wage_excludes",
    "overtime_multiplier_working_day",  # the four multipliers: null, no statutory rate
    "overtime_multiplier_rest_day",
    "overtime_multiplier_holiday",
    "overtime_multiplier_off_day",
    "proration_methods",  # null: no statutory formula
    "time_off_may_replace_pay",
    "paid_leave_kinds",
    "pay_deadline",  # s.15, a paraphrase: unverified
    "wages_due_days_after_period",
    "notice_pay_formula",  # issue 15: pay in lieu of notice (s.11)
    "notice_pay_steps",
    "notice_pay_weeks_per_year",
]

DELIBERATELY_ABSENT = [
    # No statutory divisor: overtime is priced at the contract's rate, and a partial month is
    # not checked, so no hourly or daily wage is ever derived from the monthly one.
    "paid_days_per_month",
    "hours_per_day",
    "rate_weeks_per_year",
    "rate_hours_per_week",
    "day_pay_rest_day",
    "day_pay_statutory_holiday",
    "day_pay_off_day",
    "overtime_rate_cap",
    "overtime_base",
    # s.13 leaves hours to agreement: no daily, monthly or weekly limit is checked.
    "overtime_max_hours_per_day",
    "max_hours_per_day",
    "overtime_max_hours_per_month",
    "normal_hours_max_per_week",
    # One national minimum for all establishments of 25 or more (below 25: not covered).
    "minimum_wage_small_employer_below",
    "minimum_wage_monthly_small_employer",
    # Not researched: resignation penalties, business costs (not-checked when they occur).
    "resignation_penalty_void",
    "notice_indemnity_weeks",
    "business_cost_deductible",
    "business_cost_consent_contested",
    # s.5(1): fines are prohibited outright, so no cap; losses: the labour officer's consent
    # is the only condition (no cap, no notice, no minimum-wage floor in the Act).
    "fine_max_fraction",
    "loss_deduction_allowed",
    "loss_deduction_max_fraction",
    "loss_deduction_written_notice",
    "loss_deduction_minimum_wage_floor",
    # s.5(7) counts "the total amount of deductions" and does not spare the final pay.
    "deductions_limit_excludes",
    "deductions_limit_final_pay_exempt",
    # Coverage of overtime and hours: no statutory rate or limit to apply.
    "overtime_coverage",
    "hours_coverage",
    # s.15 (paraphrase) names no separate day for overtime or the final pay, no grace days and
    # no consequence of late wages.
    "overtime_pay_deadline",
    "final_pay_deadline",
    "late_payment_uncertain_days",
    "late_payment_consequences",
]


def test_packs_load():
    packs = all_packs()
    assert {"NG", "NG-LA"} <= set(packs)
    assert packs["NG"].info.currency == "NGN"
    assert set(packs["NG"].parameters) == set(IN_THE_PACK)
    assert not packs["NG-LA"].parameters  # every value is federal


@pytest.mark.parametrize("on", ["2019-04-18", "2024-04-01", "2024-07-29", "2026-01-01"])
def test_coverage_of_the_parameter_table(on):
    ng_law = law("NG-LA")
    day = date.fromisoformat(on)
    for name in IN_THE_PACK:
        assert ng_law.get(REGISTRY[name], day) is not None, name
    for name in DELIBERATELY_ABSENT:
        assert ng_law.get(REGISTRY[name], day) is None, name


def test_nothing_before_the_pack_starts():
    # The pack starts with the National Minimum Wage Act 2019 (18 April 2019).
    ng_law = law("NG-LA")
    for name in IN_THE_PACK:
        assert ng_law.get(REGISTRY[name], date(2019, 4, 17)) is None, name


def test_statuses_are_as_the_law_notes_say():
    ng_law = law("NG")

    def status(name: str, on: str) -> Status:
        value = ng_law.get(REGISTRY[name], date.fromisoformat(on))
        assert value is not None
        return value.status

    assert status("fine_status", "2024-10-01") is Status.VERIFIED
    assert status("deduction_requires_loss_compensation", "2024-10-01") is Status.VERIFIED
    assert status("deduction_coverage", "2024-10-01") is Status.VERIFIED
    assert status("minimum_wage_coverage", "2024-10-01") is Status.VERIFIED
    assert status("minimum_wage_monthly", "2019-04-18") is Status.VERIFIED
    assert status("minimum_wage_monthly", "2024-04-01") is Status.CONTESTED
    assert status("minimum_wage_monthly", "2024-07-28") is Status.CONTESTED
    assert status("minimum_wage_monthly", "2024-07-29") is Status.VERIFIED
    assert status("deductions_max_fraction", "2024-10-01") is Status.UNVERIFIED
    assert status("minimum_wage_excludes", "2024-10-01") is Status.UNVERIFIED
    assert status("time_off_may_replace_pay", "2024-10-01") is Status.UNVERIFIED


@pytest.mark.parametrize(
    ("on", "shown"),
    [
        ("2019-04-18", "= 30000 NGN a month  (from 2019-04-18, NG)"),
        ("2024-03-31", "= 30000 NGN a month  (from 2019-04-18, NG)"),
        ("2024-05-01", "= 70000 NGN a month [contested]  (from 2024-04-01, NG)"),
        ("2024-07-29", "= 70000 NGN a month  (from 2024-07-29, NG)"),
    ],
)
def test_rules_lists_the_minimum_wage_in_force(capsys, on, shown):
    rc, out, err = _cli(capsys, "rules", "NG-LA", "--on", on)
    assert (rc, err) == (0, "")
    block = out.split("minimum_wage_monthly", 1)[1].split("\novertime_", 1)[0]
    assert shown in block


def test_rules_lists_the_deduction_rules_with_citations(capsys):
    rc, out, _ = _cli(capsys, "rules", "NG-LA", "--on", "2024-10-15")
    assert rc == 0
    assert "Nigeria / Lagos (NG-LA)" in out
    assert "= prohibited status" in out
    assert "s.5(1), proviso" in out
    assert "= 1/3 fraction of the month's wages [unverified]" in out
    assert "s.5(7)" in out
    assert "s.91(1)" in out
    assert "s.4(1)(b)" in out
    assert "= income-tax; social-insurance; housing-fund" in out


# -- the story on the command line ----------------------------------------------------------


def test_story_cli_exit_codes(capsys):
    rc, out, _ = _cli(capsys, "check", str(STORY))
    assert rc == 1
    assert "Owed to the employee: 14000.00 NGN" in out
    # The owed table lists lines in payslip order, whatever order the rules ran in.
    rows = [ln.split()[0] for ln in out.split("\n\n")[2].splitlines()[2:]]
    assert rows == ["earnings[0]", "earnings[1]", "deductions[0]", "deductions[1]"], out
    rc, _, _ = _cli(capsys, "check", str(STORY_CORRECTED))
    assert rc == 0
