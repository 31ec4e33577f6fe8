"""Nigeria (NG, NG-LA): the rule pack, the Lagos story payslip and the law notes' examples.

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

The base payslip below is lawful: September 2024 in Lagos, 80,000.00 a month, clerical
(non-manual), an employer of 40, pension 8% = 6,400.00.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from conftest import (
    EXAMPLES,
    _merge,
    cites,
    computation_has,
    counted,
    describe,
    found,
    merged,
    net_of,
    one,
)

import paycheck
from paycheck import Report, Severity
from paycheck.cli import main
from paycheck.law.packs import Status, all_packs, law
from paycheck.law.vocabulary import REGISTRY

D = Decimal

STORY = EXAMPLES / "ng-lagos-2024-10-customer-service.yaml"
STORY_CORRECTED = EXAMPLES / "ng-lagos-2024-10-customer-service-corrected.yaml"

BASE_NG: dict[str, Any] = {
    "format_version": 1,
    "jurisdiction": "NG-LA",
    "currency": "NGN",
    "employee": {"id": "NG-1"},
    "employer": {"id": "NG-ER-1", "headcount": 40},
    "period": {"start": "2024-09-01", "end": "2024-09-30"},
    "contract": {
        "pay_basis": "monthly",
        "wage": "80000.00",
        "normal_hours_per_day": 8,
        "employment_start": "2023-01-02",
        "category": "non-manual",
        "overtime_hourly_rate": "750.00",
    },
    "earnings": [{"kind": "base", "label": "Basic salary", "amount": "80000.00"}],
    "deductions": [{"kind": "social-insurance", "label": "Pension (8%)", "amount": "6400.00"}],
}

OCTOBER = {"start": "2024-10-01", "end": "2024-10-31"}  # 1 October: Independence Day


def ng(**changes: Any) -> dict[str, Any]:
    """The Lagos base payslip with ``changes`` merged in (see conftest.merged)."""
    return merged(BASE_NG, **changes)


def check(data: dict[str, Any] | None = None, *, on: date | None = None, **changes: Any) -> Report:
    return paycheck.check(paycheck.validate(data if data is not None else ng(**changes)), on=on)


def paid(wage: str, **changes: Any) -> dict[str, Any]:
    """A full month paid ``wage`` (contract and base line), no deductions."""
    base = {
        "contract": {"wage": wage},
        "earnings": [{"kind": "base", "label": "Basic salary", "amount": wage}],
        "deductions": [],
    }
    return ng(**_merge(base, changes))


def at_stake(f) -> Decimal:
    return f.amount_owed + f.amount_uncertain


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


# -- the story: a customer-service agent in Lagos, October 2024 -----------------------------


@pytest.fixture
def story() -> Report:
    return paycheck.check(paycheck.load(STORY))


def test_story_total_owed_is_14000(story):
    # Owed: 4000.00 of the minimum-wage shortfall (earnings[0], owed even if overtime counts)
    #       + 3000.00 holiday overtime (earnings[1]) + 2000.00 fine (deductions[0])
    #       + 5000.00 till shortage (deductions[1]) = 14000.00.
    # Uncertain: the other 6000.00 of the shortfall: it rests on leaving the overtime out of
    # the comparison, which the Act does not say in words (unverified).
    assert story.total_owed == D("14000.00"), describe(story)
    assert story.total_uncertain == D("6000.00")
    assert story.exit_code == 1


def test_story_minimum_wage(story):
    # NMW Act 2019 s.3(1) as amended 2024: 70000.00 from 2024-07-29; 40 employees (>= 25,
    # s.4(1)(b)). Pay for normal work: 60000.00 (the overtime left out): 70000.00 - 60000.00
    # = 10000.00 short. Whether overtime is left out is unverified; counting its lawful
    # amount (8 h x 750.00 = 6000.00, owed on its own line) the shortfall is still
    # 70000.00 - 66000.00 = 4000.00: owed on either reading; the other 6000.00 uncertain.
    f = one(story, "minimum-wage", line="earnings[0]")
    assert f.severity is Severity.UNDERPAYMENT
    assert (f.amount_owed, f.amount_uncertain) == (D("4000.00"), D("6000.00"))
    computation_has(f, "full month: minimum wage 70000.00 (in force from 2024-07-29)", "60000.00",
                    "70000.00 - 66000.00 = 4000.00, owed on either reading")
    cites(f, "National Minimum Wage (Amendment) Act, 2024", "s.3(2)")
    # The contract wage itself is below the minimum: that rests on the 70000.00 alone.
    c = one(story, "minimum-wage", line="contract.wage")
    assert c.severity is Severity.VIOLATION
    assert c.amount_owed == D("0.00")
    # The earnings table agrees: the basic salary's lawful amount is at least
    # 60000.00 + 4000.00 = 64000.00 (the certain part), so it is short by 4000.00.
    base = {ln.line: ln for ln in story.lines}["earnings[0]"]
    assert (base.stated, base.expected, base.difference) == (
        D("60000.00"), D("64000.00"), D("4000.00")
    )


def test_story_holiday_overtime_at_the_contract_rate(story):
    # Labour Act s.13: no statutory overtime rate; the contract sets 750.00 an hour.
    # 1 October 2024 (Independence Day): 8 h x 750.00 = 6000.00; paid 3000.00
    # (the employer's 60000 / 30 / 8 x 1.5 x 8 h) -> owed 3000.00.
    f = one(story, "overtime-premium", line="earnings[1]")
    assert f.severity is Severity.UNDERPAYMENT
    assert f.amount_owed == D("3000.00")
    assert "the law here sets no overtime rate" in f.message
    computation_has(f, "2024-10-01", "750.00 an hour x 8 h = 6000.00", "overtime paid = 3000.00")
    cites(f, "Labour Act", "s.13(1), (2)")


def test_story_fine(story):
    # Labour Act s.5(1): no deduction "for or in respect of any fines", whatever the staff
    # handbook says -> 2000.00 owed back.
    f = one(story, "fine", line="deductions[0]")
    assert (f.severity, f.amount_owed) == (Severity.VIOLATION, D("2000.00"))
    cites(f, "Labour Act", "s.5(1)")


def test_story_till_shortage_without_a_labour_officer(story):
    # s.5(1), proviso: a loss may be deducted only with an authorized labour officer's prior
    # written consent; none is recorded -> 5000.00 owed back.
    f = one(story, "loss-deduction", line="deductions[1]")
    assert (f.severity, f.amount_owed) == (Severity.VIOLATION, D("5000.00"))
    computation_has(f, "authority-permission: none")
    cites(f, "s.5(1), proviso")


def test_story_nothing_else(story):
    # Pension and NHF are withholdings; the fine and the shortage name a company rule, so
    # nothing is undocumented. Deductions 2000 + 5000 + 4800 + 1500 = 13300.00, under
    # one-third of the month's lawful wages (60000 + 6000) / 3 = 22000.00.
    # Net: 63000.00 - 13300.00 = 49700.00 as stated.
    assert not found(story, "undocumented-deduction")
    assert not found(story, "deduction-limit")
    assert not found(story, "net-pay-arithmetic")
    assert not found(story, "not-checked"), describe(story)
    per_line = {f.line: f.amount_owed for f in counted(story)}
    assert per_line == {
        "contract.wage": D("0.00"),
        "earnings[0]": D("4000.00"),
        "earnings[1]": D("3000.00"),
        "deductions[0]": D("2000.00"),
        "deductions[1]": D("5000.00"),
    }, describe(story)


def test_story_corrected_is_clean():
    # 70000.00 wage; 8 h x 750.00 = 6000.00 overtime; no fine; no till deduction; pension
    # 5600.00 and NHF 1750.00; net 76000.00 - 7350.00 = 68650.00.
    report = paycheck.check(paycheck.load(STORY_CORRECTED))
    assert report.findings == [], describe(report)
    assert report.exit_code == 0
    lines = {ln.line: ln for ln in report.lines}
    assert lines["earnings[0]"].expected == D("70000.00")
    assert lines["earnings[1]"].expected == D("6000.00")


def test_story_cli_exit_codes(capsys):
    rc, out, _ = _cli(capsys, "check", str(STORY))
    assert rc == 1
    assert "Owed to the employee: 14000.00 NGN" in out
    # The owed table lists lines in payslip order, whatever order the rules ran in.
    rows = [ln.split()[0] for ln in out.split("\n\n")[2].splitlines()[2:]]
    assert rows == ["earnings[0]", "earnings[1]", "deductions[0]", "deductions[1]"], out
    rc, _, _ = _cli(capsys, "check", str(STORY_CORRECTED))
    assert rc == 0


# -- the law notes' examples -----------------------------------------------------------------


def test_notes_65000_in_september_2024_is_5000_short():
    # 70000.00 (from 2024-07-29) - 65000.00 = 5000.00 owed (NMW Act s.3(1) as amended 2024).
    # The payslip has no overtime, so whether overtime would count toward the minimum does
    # not matter: the shortfall is certain.
    report = check(paid("65000.00"))
    f = one(report, "minimum-wage", line="earnings[0]")
    assert f.severity is Severity.UNDERPAYMENT, describe(report)
    assert f.amount_owed == D("5000.00")
    assert report.total_owed == D("5000.00")


def test_notes_65000_with_10_employees_is_exempt():
    # s.4(1)(b): the Act does not apply to an establishment employing fewer than 25 persons.
    report = check(paid("65000.00", employer={"headcount": 10}))
    assert not found(report, "minimum-wage")
    f = one(report, "not-checked")
    assert "[minimum-wage]" in f.message
    assert "at least 25 employees" in f.message
    assert "employer headcount 10" in f.message
    assert "the contract governs" in f.message
    assert report.exit_code == 0


def test_notes_late_coming_fine_2000():
    # s.5(1): a "late-coming fine" of 2000.00 is owed back in full.
    report = check(
        deductions=[
            {"kind": "social-insurance", "amount": "6400.00"},
            {"kind": "fine", "label": "Late-coming fine", "amount": "2000.00"},
        ]
    )
    f = one(report, "fine", line="deductions[1]")
    assert (f.severity, f.amount_owed) == (Severity.VIOLATION, D("2000.00"))
    assert "not allowed" in f.message
    assert report.total_owed == D("2000.00")  # the undocumented finding on it counts once


# -- minimum wage: the dates of each change ---------------------------------------------------


def test_minimum_wage_2019_starts_on_18_april():
    # May 2019, 25000.00 a month. The 2019 Act commenced on 18 April 2019 (30000.00); the
    # repealed Act's figure is not in the pack.
    data = paid(
        "25000.00",
        period={"start": "2019-05-01", "end": "2019-05-31"},
        contract={"employment_start": "2018-01-02"},
    )
    before = check(data, on=date(2019, 4, 17))
    assert not found(before, "minimum-wage")
    f = one(before, "not-checked")
    assert "no monthly minimum wage in force on 2019-04-17" in f.message
    on_the_day = check(data, on=date(2019, 4, 18))
    f = one(on_the_day, "minimum-wage", line="earnings[0]")
    assert at_stake(f) == D("5000.00")  # 30000.00 - 25000.00
    computation_has(f, "minimum wage 30000.00 (in force from 2019-04-18)")
    c = one(on_the_day, "minimum-wage", line="contract.wage")
    assert c.severity is Severity.VIOLATION  # 30000.00 is verified


def test_minimum_wage_2024_possible_backdating():
    # September 2024 at 65000.00, the law read on four dates.
    data = paid("65000.00")
    # 2024-03-31: 30000.00 in force; 65000.00 is above it.
    assert not found(check(data, on=date(2024, 3, 31)), "minimum-wage")
    # 2024-04-01 to 2024-07-28: 70000.00 only if the amendment was backdated (contested):
    # the 5000.00 is shown as uncertain, never counted.
    for day in (date(2024, 4, 1), date(2024, 7, 28)):
        report = check(data, on=day)
        f = one(report, "minimum-wage", line="earnings[0]")
        assert f.severity is Severity.UNCERTAIN
        assert (f.amount_owed, f.amount_uncertain) == (D("0.00"), D("5000.00"))
        assert "National minimum wage, a month (contested)" in f.message
        c = one(report, "minimum-wage", line="contract.wage")
        assert c.severity is Severity.UNCERTAIN
        assert report.total_owed == D("0.00")
    # 2024-07-29: signed into law; 70000.00 settled.
    report = check(data, on=date(2024, 7, 29))
    f = one(report, "minimum-wage", line="earnings[0]")
    assert at_stake(f) == D("5000.00")
    assert "contested" not in f.message
    assert one(report, "minimum-wage", line="contract.wage").severity is Severity.VIOLATION


def test_may_2024_payslip_shows_possible_arrears():
    # May 2024 at 65000.00: 70000.00 applies only if backdated (contested) -> 5000.00
    # uncertain, nothing owed, exit 0.
    report = check(paid("65000.00", period={"start": "2024-05-01", "end": "2024-05-31"}))
    f = one(report, "minimum-wage", line="earnings[0]")
    assert f.severity is Severity.UNCERTAIN
    assert f.amount_uncertain == D("5000.00")
    assert "contested" in f.message
    assert report.total_owed == D("0.00")
    assert report.total_uncertain == D("5000.00")
    assert report.exit_code == 0


def test_july_2024_straddles_the_signing():
    # July 2024 at 65000.00: 70000.00 is settled only from 29 July; for 1-28 July it rests
    # on the contested backdating, and the law gives no formula to split the month. So the
    # 5000.00 is at stake but uncertain, and the finding names the contested value.
    report = check(paid("65000.00", period={"start": "2024-07-01", "end": "2024-07-31"}))
    f = one(report, "minimum-wage", line="earnings[0]")
    assert f.severity is Severity.UNCERTAIN
    assert (f.amount_owed, f.amount_uncertain) == (D("0.00"), D("5000.00"))
    assert "(contested)" in f.message, f.message


# -- minimum wage: who is covered ---------------------------------------------------------------


def test_headcount_24_is_exempt_and_25_is_covered():
    # s.4(1)(b): "an establishment employing less than 25 persons" is exempt; 25 is covered.
    small = check(paid("65000.00", employer={"headcount": 24}))
    assert not found(small, "minimum-wage")
    assert "employer headcount 24" in one(small, "not-checked").message
    covered = check(paid("65000.00", employer={"headcount": 25}))
    assert at_stake(one(covered, "minimum-wage", line="earnings[0]")) == D("5000.00")


def test_headcount_missing_is_named():
    data = paid("65000.00")
    del data["employer"]["headcount"]
    report = check(data)
    assert not found(report, "minimum-wage")
    f = one(report, "not-checked")
    assert "employer.headcount" in f.message


def test_managers_are_covered_by_the_minimum_wage_act():
    # The Act's "worker" is not limited by category (unlike the Labour Act's s.91).
    report = check(paid("65000.00", contract={"category": "managerial"}))
    assert at_stake(one(report, "minimum-wage", line="earnings[0]")) == D("5000.00")


def test_hourly_pay_has_no_minimum_wage_to_compare():
    report = check(
        ng(contract={"pay_basis": "hourly", "wage": "500.00"}, earnings=[], deductions=[])
    )
    messages = [f.message for f in found(report, "not-checked")]
    assert any("monthly figure only" in m for m in messages), messages
    assert not found(report, "minimum-wage")


# -- deductions: who the Labour Act protects (s.91) -------------------------------------------

FINED = [
    {"kind": "social-insurance", "amount": "6400.00"},
    {
        "kind": "fine",
        "label": "Late-coming fine",
        "amount": "2000.00",
        "basis": {"kind": "company-rule", "reference": "staff handbook 7.3"},
    },
]


@pytest.mark.parametrize("category", ["manual", "non-manual", "workman", "clerical"])
def test_workers_are_protected(category):
    # s.91(1): a contract "for manual labour or clerical work".
    report = check(contract={"category": category}, deductions=FINED)
    f = one(report, "fine", line="deductions[1]")
    assert (f.severity, f.amount_owed) == (Severity.VIOLATION, D("2000.00"))


@pytest.mark.parametrize(
    ("category", "shown"),
    [("managerial", "managerial"), ("executive", "managerial"), ("professional", "professional")],
)
def test_managers_and_professionals_are_outside_the_labour_act(category, shown):
    # s.91(1)(b): not "persons exercising administrative, executive, technical or
    # professional functions": the contract governs their deductions.
    report = check(contract={"category": category}, deductions=FINED)
    assert not found(report, "fine")
    f = one(report, "not-checked")
    assert "manual or non-manual" in f.message
    assert f"category {shown}" in f.message
    assert "the contract governs" in f.message
    cites(f, "s.91(1)")
    assert report.exit_code == 0


def test_category_missing_is_named():
    data = ng(deductions=FINED)
    del data["contract"]["category"]
    report = check(data)
    assert not found(report, "fine")
    assert "contract.category" in one(report, "not-checked").message


# -- deductions: a loss, with and without the labour officer's consent ------------------------


def _loss(*documents: dict[str, Any], caused_by: str = "employee") -> dict[str, Any]:
    return ng(
        deductions=[
            {"kind": "social-insurance", "amount": "6400.00"},
            {
                "kind": "loss-compensation",
                "label": "Till shortage",
                "amount": "5000.00",
                "caused_by": caused_by,
                "basis": {"kind": "company-rule", "reference": "cash-handling policy"},
                "documents": list(documents),
            },
        ]
    )


OFFICER = {"kind": "authority-permission", "reference": "Lagos labour office, letter 117"}


def test_loss_with_the_officers_prior_written_consent_is_lawful():
    # s.5(1), proviso: consent dated 2024-09-20, before the deduction (period end 2024-09-30).
    report = check(_loss({**OFFICER, "date": "2024-09-20"}))
    assert report.findings == [], describe(report)


def test_loss_with_consent_on_the_day_of_the_deduction_is_lawful():
    report = check(_loss({**OFFICER, "date": "2024-09-30"}))
    assert not found(report, "loss-deduction")


def test_loss_with_consent_given_after_the_deduction_is_owed():
    # The consent must be prior: dated 2024-10-05, after the deduction -> 5000.00 owed.
    report = check(_loss({**OFFICER, "date": "2024-10-05"}))
    f = one(report, "loss-deduction", line="deductions[1]")
    assert (f.severity, f.amount_owed) == (Severity.VIOLATION, D("5000.00"))
    computation_has(f, "authority-permission: 2024-10-05, after the deduction on 2024-09-30")


def test_loss_with_only_the_workers_consent_is_owed():
    # The worker's own written consent is not the labour officer's.
    report = check(_loss({"kind": "written-consent", "date": "2024-09-20"}))
    f = one(report, "loss-deduction", line="deductions[1]")
    assert (f.severity, f.amount_owed) == (Severity.VIOLATION, D("5000.00"))
    computation_has(f, "authority-permission: none")


def test_loss_the_worker_did_not_cause_is_owed_even_with_consent():
    # Only a loss from "the willful misconduct or neglect of the worker".
    report = check(_loss({**OFFICER, "date": "2024-09-20"}, caused_by="customer"))
    f = one(report, "loss-deduction", line="deductions[1]")
    assert (f.severity, f.amount_owed) == (Severity.VIOLATION, D("5000.00"))


# -- deductions: withholdings and the one-third limit ----------------------------------------


def test_statutory_withholdings_need_no_document_but_others_do():
    report = check(
        deductions=[
            {"kind": "income-tax", "label": "PAYE", "amount": "2500.00"},
            {"kind": "social-insurance", "label": "Pension", "amount": "6400.00"},
            {"kind": "housing-fund", "label": "NHF", "amount": "2000.00"},
            {"kind": "other", "label": "Staff party", "amount": "1000.00"},
        ]
    )
    f = one(report, "undocumented-deduction")
    assert (f.line, f.amount_owed) == ("deductions[3]", D("1000.00"))
    assert any("rates are not checked" in n for n in report.notes)


def test_one_third_limit_is_only_uncertain():
    # s.5(7) (unverified): 90000.00 a month -> at most 30000.00 of deductions.
    # Pension 7200.00 + a consented loss of 30000.00 = 37200.00: 7200.00 over, of the second
    # line; shown as uncertain, not owed.
    data = _loss({**OFFICER, "date": "2024-09-20"})
    data["contract"]["wage"] = "90000.00"
    data["earnings"] = [{"kind": "base", "amount": "90000.00"}]
    data["deductions"][0]["amount"] = "7200.00"
    data["deductions"][1]["amount"] = "30000.00"
    data["net_pay"] = net_of(data)
    report = check(data)
    f = one(report, "deduction-limit", line="deductions[1]")
    assert f.severity is Severity.UNCERTAIN
    assert (f.amount_owed, f.amount_uncertain) == (D("0.00"), D("7200.00"))
    assert "(unverified)" in f.message
    computation_has(f, "limit: 90000.00 x 1/3 = 30000.00")
    cites(f, "s.5(7)")
    assert report.exit_code == 0


# -- overtime: the contract's rate --------------------------------------------------------------


def _overtime(amount: str, *records: dict[str, Any], rate: str | None = "750.00") -> dict[str, Any]:
    data = ng(
        period=OCTOBER,
        earnings=[
            {"kind": "base", "amount": "80000.00"},
            {"kind": "overtime", "label": "Overtime", "amount": amount},
        ],
        attendance={"overtime": list(records)},
    )
    if rate is None:
        del data["contract"]["overtime_hourly_rate"]
    else:
        data["contract"]["overtime_hourly_rate"] = rate
    return data


HOLIDAY_8H = {"date": "2024-10-01", "hours": 8}  # Independence Day, Tuesday


def test_overtime_below_the_contract_rate_is_owed():
    # s.13: no statutory rate. Contract 750.00 an hour: 8 h on 1 October = 6000.00 and
    # 2 h on Wednesday 2 October = 1500.00; lawful 7500.00, paid 5000.00 -> 2500.00 owed.
    report = check(_overtime("5000.00", HOLIDAY_8H, {"date": "2024-10-02", "hours": 2}))
    f = one(report, "overtime-premium", line="earnings[1]")
    assert f.severity is Severity.UNDERPAYMENT, describe(report)
    assert f.amount_owed == D("2500.00")
    assert "the law here sets no overtime rate" in f.message
    computation_has(f, "6000.00", "1500.00", "= 7500.00")


def test_overtime_at_the_contract_rate_is_clean():
    report = check(_overtime("6000.00", HOLIDAY_8H))
    assert report.findings == [], describe(report)


def test_overtime_without_a_contract_rate_is_not_checked():
    report = check(_overtime("3000.00", HOLIDAY_8H, rate=None))
    assert not found(report, "overtime-premium")
    f = one(report, "not-checked")
    assert "contract.overtime_hourly_rate" in f.message
    assert "sets no overtime rate" in f.message


def test_rest_day_work_with_time_off_needs_no_overtime_pay():
    # s.13(7): a reduced weekly rest is made good by time off within 14 days, or by overtime
    # wages. Sunday 6 October, 8 h, time off given: nothing owed (the 14 days not checked).
    data = _overtime("0", {"date": "2024-10-06", "hours": 8, "time_off_given": True})
    data["earnings"] = data["earnings"][:1]
    data["net_pay"] = net_of(data)
    report = check(data)
    assert not found(report, "overtime-premium")
    assert not found(report, "not-checked"), describe(report)


# -- a partial month ----------------------------------------------------------------------------


def test_partial_month_is_not_checked():
    # No statutory proration formula: joining on 16 September, paid 40000.00, is not checked
    # against the law, nor is the minimum wage for the partial month.
    report = check(
        contract={"employment_start": "2024-09-16"},
        earnings=[{"kind": "base", "amount": "40000.00"}],
    )
    assert not found(report, "proration")
    assert not found(report, "minimum-wage")
    messages = [f.message for f in found(report, "not-checked")]
    assert any(
        "[proration]" in m and "no Nigerian statute found sets a formula" in m for m in messages
    ), messages
    assert report.exit_code == 0
