"""Rule ``minimum-wage``: pay for normal work against the Shenzhen monthly minimum wage.

Shenzhen: 2130 from 2017-06-01 (unverified), 2200 from 2018-07-01 (粤府函〔2018〕187号),
2360 from 2022-01-01, 2520 from 2025-03-01 (a single source: unverified, so uncertain).
Overtime and special allowances are left out (最低工资规定 第十二条). A partial month is
prorated: minimum / 21.75 x paid days.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import cites, computation_has, describe, found, one, run

from paycheck import Severity

D = Decimal


def _month(start: str, end: str, wage: str, earnings=None):
    return run(
        period={"start": start, "end": end},
        contract={"wage": wage, "employment_start": "2016-01-01"},
        earnings=earnings or [{"kind": "base", "amount": wage}],
        deductions=[],
    )


@pytest.mark.parametrize(
    ("start", "end", "wage"),
    [
        ("2018-06-01", "2018-06-30", "2150"),  # 2130 in force (2017 rate): 2150 >= 2130
        ("2021-12-01", "2021-12-31", "2300"),  # 2200 in force: 2300 >= 2200
        ("2025-02-01", "2025-02-28", "2400"),  # 2360 in force: 2400 >= 2360
    ],
)
def test_day_before_each_change_no_finding(start, end, wage):
    report = _month(start, end, wage)
    assert not found(report, "minimum-wage"), describe(report)


def test_2200_from_2018_07_01():
    report = _month("2018-07-01", "2018-07-31", "2150")
    f = one(report, "minimum-wage", line="earnings[0]")
    assert f.severity is Severity.UNDERPAYMENT
    assert f.amount_owed == D("50.00")  # 2200 - 2150
    computation_has(f, "2200.00", "2018-07-01")
    cites(f, "粤府函〔2018〕187号")
    contract = one(report, "minimum-wage", line="contract.wage")
    assert contract.severity is Severity.VIOLATION
    assert report.total_owed == D("50.00")


def test_2360_from_2022_01_01():
    f = one(_month("2022-01-01", "2022-01-31", "2300"), "minimum-wage", line="earnings[0]")
    assert f.severity is Severity.UNDERPAYMENT
    assert f.amount_owed == D("60.00")  # 2360 - 2300
    computation_has(f, "2360.00", "2022-01-01")


def test_2520_from_2025_03_01_is_uncertain_not_underpayment():
    report = _month("2025-03-01", "2025-03-31", "2400")
    f = one(report, "minimum-wage", line="earnings[0]")
    assert f.severity is Severity.UNCERTAIN  # 2520 rests on one secondary source
    assert f.amount_owed == D("0.00")
    assert f.amount_uncertain == D("120.00")  # 2520 - 2400
    shaky = [c for c in f.citations if c.status == "unverified"]
    assert [c.effective.isoformat() for c in shaky] == ["2025-03-01"]
    assert one(report, "minimum-wage", line="contract.wage").severity is Severity.UNCERTAIN
    assert report.total_owed == D("0.00")
    assert report.total_uncertain == D("120.00")
    assert report.exit_code == 0


def test_below_2360_in_2025_before_march_is_certain():
    report = _month("2025-02-01", "2025-02-28", "2300")
    f = one(report, "minimum-wage", line="earnings[0]")
    assert (f.severity, f.amount_owed) == (Severity.UNDERPAYMENT, D("60.00"))  # 2360 - 2300
    # The base line is lawful at 2300 + 60 = 2360.00 (the contract alone would say 2300).
    assert report.lines[0].expected == D("2360.00")


@pytest.mark.parametrize(
    ("start", "end", "floor"),
    [
        # Joined Thursday 2021-12-16: working days 16-17, 20-24, 27-31 = 12, no holiday.
        # 2200 / 21.75 x 12 = 1213.79
        ("2021-12-01", "2021-12-31", "1213.79"),
        # Joined Wednesday 2022-03-16: 16-18, 21-25, 28-31 = 12, no holiday.
        # 2360 / 21.75 x 12 = 1302.07
        ("2022-03-01", "2022-03-31", "1302.07"),
    ],
)
def test_prorated_minimum(start, end, floor):
    joined = start[:8] + "16"
    report = run(
        period={"start": start, "end": end},
        contract={"wage": "3000.00", "employment_start": joined},
        earnings=[{"kind": "base", "amount": "1200.00"}],
        deductions=[],
    )
    f = one(report, "minimum-wage", line="earnings[0]")
    assert f.severity is Severity.UNDERPAYMENT
    assert f.amount_owed == D(floor) - D("1200.00")
    computation_has(f, f"x 12 paid days = {floor}")
    # The same line is also short under proration: A = 3000 / 21.75 x 12 = 1655.17,
    # B = 3000 - 3000 / 21.75 x 11 absent days before joining = 3000 - 1517.24 = 1482.76;
    # lower B, owed 1482.76 - 1200.00 = 282.76. The line counts once, at the larger amount.
    assert one(report, "proration").amount_owed == D("282.76")
    assert report.total_owed == D("282.76")


def test_overtime_is_left_out_of_the_comparison():
    # Jan 2022: base 2300 + overtime 200 is still 60.00 below 2360 (overtime left out).
    report = _month(
        "2022-01-01", "2022-01-31", "2300",
        earnings=[{"kind": "base", "amount": "2300"}, {"kind": "overtime", "amount": "200"}],
    )
    f = one(report, "minimum-wage", line="earnings[0]")
    assert f.amount_owed == D("60.00")
    # One line counted: no "2300.00 = 2300.00".
    computation_has(f, "pay for normal work = 2300.00 (overtime and special-allowance left out)")


def test_an_ordinary_allowance_counts_toward_the_minimum():
    # base 2300 + allowance 100 = 2400 >= 2360: no shortfall on pay (the contract wage itself
    # is still below the minimum).
    report = _month(
        "2022-01-01", "2022-01-31", "2300",
        earnings=[{"kind": "base", "amount": "2300"}, {"kind": "allowance", "amount": "100"}],
    )
    assert not found(report, "minimum-wage", line="earnings[0]"), describe(report)
    assert one(report, "minimum-wage", line="contract.wage").severity is Severity.VIOLATION


def test_special_allowance_is_left_out():
    report = _month(
        "2022-01-01", "2022-01-31", "2300",
        earnings=[{"kind": "base", "amount": "2300"},
                  {"kind": "special-allowance", "amount": "100"}],
    )
    assert one(report, "minimum-wage", line="earnings[0]").amount_owed == D("60.00")


def test_national_code_has_no_minimum_and_says_so():
    report = run(jurisdiction="CN")
    nc = [f for f in found(report, "not-checked") if "minimum" in f.message]
    assert len(nc) == 1, describe(report)
    assert "more specific jurisdiction code" in nc[0].message


def test_hourly_rate_below_hourly_minimum():
    # Shenzhen hourly minimum 20.3 from 2018-07-01: 20.00 an hour is below it.
    report = run(
        period={"start": "2021-11-01", "end": "2021-11-30"},
        contract={"pay_basis": "hourly", "wage": "20.00"},
        earnings=[{"kind": "base", "amount": "3520.00"}],  # 20 x 8 h x 22 working days
        deductions=[],
    )
    f = one(report, "minimum-wage")
    # November 2021 has 22 working days: (20.30 - 20.00) x 8 h x 22 = 0.30 x 176 h = 52.80
    assert (f.severity, f.amount_owed) == (Severity.UNDERPAYMENT, D("52.80"))
    computation_has(f, "(20.30 - 20.00) x 176 h = 52.80")
    # The earnings table agrees with the finding: 3520.00 + 52.80 = 3572.80 is lawful.
    assert report.lines[0].expected == D("3572.80")
