"""The worked example of issue 3: the Shenzhen cake company's final payslip (October 2021).

Facts: 6000.00 a month, employed from 2021-08-16, resigned (notice 2021-10-20), last day
2021-10-22; worked 8, 9 (make-up Saturday), 11-15 and 18-22 October = 12 working days; 8 h on
each of 2021-09-19 (Sunday), 2021-09-20 (swapped rest day) and 2021-09-21 (Mid-Autumn).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import (
    CORRECTED,
    EXAMPLES,
    WORKED,
    cites,
    computation_has,
    counted,
    describe,
    found,
    one,
)

import paycheck
from paycheck import Severity

D = Decimal


def test_total_owed_is_3744_39(worked_report):
    # 1368.70 (base) + 1020.69 (overtime) + 1200.00 (penalty) + 45.00 + 60.00 + 50.00
    # = 3744.39, each payslip line counted once.
    assert worked_report.total_owed == D("3744.39")
    assert worked_report.total_uncertain == D("0.00")
    assert worked_report.exit_code == 1


def test_proration_both_methods(worked_report):
    f = one(worked_report, "proration", line="earnings[0]")
    assert f.severity is Severity.UNDERPAYMENT
    # Method A: 6000 / 21.75 x (12 working days worked + 3 statutory days 1-3 Oct) = 4137.93
    # Method B: 6000 - 6000 / 21.75 x 5 absent working days (25-29 Oct) = 6000 - 1379.31
    #           = 4620.69
    # Lower: A, 4137.93; paid 2769.23 (6000 / 26 x 12) -> owed 4137.93 - 2769.23 = 1368.70
    # (劳社部发〔2008〕3号 二; 劳动法 第五十一条: statutory holidays are paid days)
    assert f.amount_owed == D("1368.70")
    computation_has(
        f,
        "6000.00 / 21.75 x 15 paid days = 4137.93",
        "4620.69",
        "6000.00 - 1379.31",
        "method A, 4137.93",
        "2021-10-01..03",
        "2021-10-25..29",
        "divisor 26",
    )
    cites(f, "劳社部发〔2008〕3号")


def test_overtime_base(worked_report):
    f = one(worked_report, "overtime-base", line="earnings[1]")
    assert f.severity is Severity.VIOLATION
    # 19 Sep (Sunday) and 20 Sep (swapped rest day): 6000 / 21.75 / 8 x 8 h x 200% = 551.72 each
    # 21 Sep (Mid-Autumn, statutory): 6000 / 21.75 / 8 x 8 h x 300% = 827.59
    # lawful 551.72 + 551.72 + 827.59 = 1931.03; paid 910.34 (2200 / 21.75 x 3 x 300%)
    # owed 1931.03 - 910.34 = 1020.69 (工资支付暂行规定 第十三条; 深圳市员工工资支付条例 第十八条)
    assert f.amount_owed == D("1020.69")
    computation_has(f, "551.72", "827.59", "= 1931.03", "2200.00", "910.34")
    assert "\n".join(f.computation).count("551.72") >= 2
    cites(f, "第十八条")


def test_overtime_line_expected_beside_stated(worked_report):
    lines = {ln.line: ln for ln in worked_report.lines}
    assert lines["earnings[0]"].stated == D("2769.23")
    assert lines["earnings[0]"].expected == D("4137.93")
    assert lines["earnings[0]"].difference == D("1368.70")
    assert lines["earnings[1]"].stated == D("910.34")
    assert lines["earnings[1]"].expected == D("1931.03")
    assert lines["earnings[1]"].difference == D("1020.69")


def test_resignation_penalty(worked_report):
    f = one(worked_report, "resignation-penalty", line="deductions[0]")
    assert f.severity is Severity.VIOLATION
    assert f.amount_owed == D("1200.00")  # void: 劳动合同法 第二十五条, owed in full
    cites(f, "劳动合同法", "第二十五条")
    assert "2021-10-20" in f.message and "2021-10-22" in f.message


def test_customer_caused_loss_45(worked_report):
    f = one(worked_report, "loss-deduction", line="deductions[1]")
    assert f.severity is Severity.VIOLATION
    assert f.amount_owed == D("45.00")  # caused by the customer: 工资支付暂行规定 第十六条


def test_business_costs_60_and_50(worked_report):
    bouquet = one(worked_report, "business-cost", line="deductions[2]")
    cup = one(worked_report, "business-cost", line="deductions[3]")
    assert (bouquet.severity, bouquet.amount_owed) == (Severity.VIOLATION, D("60.00"))
    assert (cup.severity, cup.amount_owed) == (Severity.VIOLATION, D("50.00"))
    cites(cup, "劳动法", "第五十条")


def test_undocumented_deductions(worked_report):
    # No basis at all on the penalty and the bouquet fee; the other two cite a "communication
    # form" as a company rule, and social insurance is on the withholding list.
    lines = {f.line for f in found(worked_report, "undocumented-deduction")}
    assert lines == {"deductions[0]", "deductions[2]"}
    assert one(worked_report, "undocumented-deduction", line="deductions[2]").amount_owed == D(
        "60.00"
    )


def test_social_insurance_and_net_not_flagged(worked_report):
    assert not found(worked_report, line="deductions[4]")
    # 2769.23 + 910.34 - (1200 + 45 + 60 + 50 + 480) = 3679.57 - 1835.00 = 1844.57 = stated
    assert not found(worked_report, "net-pay-arithmetic")
    assert not found(worked_report, "minimum-wage")
    assert not found(worked_report, "overtime-hours")  # 24 h in September <= 36 h


def test_each_line_counted_once(worked_report):
    # deductions[0] has two counted findings of 1200.00 and deductions[2] two of 60.00; they
    # count once each.
    per_line: dict[str, Decimal] = {}
    for f in counted(worked_report):
        assert f.line is not None
        per_line[f.line] = max(per_line.get(f.line, D(0)), f.amount_owed)
    assert per_line == {
        "earnings[0]": D("1368.70"),
        "earnings[1]": D("1020.69"),
        "deductions[0]": D("1200.00"),
        "deductions[1]": D("45.00"),
        "deductions[2]": D("60.00"),
        "deductions[3]": D("50.00"),
    }, describe(worked_report)
    assert sum(f.amount_owed for f in counted(worked_report)) == D("5004.39")  # 3744.39 + 1260
    assert worked_report.total_owed == sum(per_line.values())


def test_no_not_checked_findings(worked_report):
    assert not found(worked_report, "not-checked"), describe(worked_report)


def test_corrected_example_is_clean():
    report = paycheck.check(paycheck.load(CORRECTED))
    assert report.findings == [], describe(report)
    assert report.exit_code == 0
    assert report.total_owed == D("0.00")
    lines = {ln.line: ln for ln in report.lines}
    assert lines["earnings[0]"].expected == D("4137.93")
    assert lines["earnings[1]"].expected == D("1931.03")


def test_load_returns_a_validated_payslip():
    slip = paycheck.load(WORKED)
    assert isinstance(slip, paycheck.Payslip)
    assert slip.contract.wage == D("6000.00")
    assert slip.net_pay == D("1844.57")


PAYSLIPS = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".yaml", ".json", ".toml"})


@pytest.mark.parametrize("path", PAYSLIPS, ids=lambda p: p.name)
def test_every_example_cites_each_article_once_per_finding(path):
    # Two values may cite one article (Malaysia's notice indemnity: the weeks of notice and
    # the weeks of a year both cite Employment Act s.13(1)); a reader sees it once.
    report = paycheck.check(paycheck.load(path))
    for f in report.findings:
        shown = [(c.short(), c.effective, c.status) for c in f.citations]
        assert len(shown) == len(set(shown)), (path.name, f.rule, shown)
