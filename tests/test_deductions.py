"""Deductions: ``loss-deduction``, ``fine``, ``resignation-penalty``, ``business-cost``,
``undocumented-deduction`` and ``net-pay-arithmetic``.

Loss (工资支付暂行规定 第十六条): only a loss the employee caused, at most 20% of the month's wage,
leaving at least the local minimum wage; in Guangdong (广东省工资支付条例 第十五条) and Shenzhen
(深圳市员工工资支付条例 第三十四条 as amended 2022-08-04) only after prior written notice.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import EXAMPLES, cites, computation_has, describe, found, one, run

import paycheck
from paycheck import Severity

D = Decimal

LAWFUL_LOSS = {
    "kind": "loss-compensation",
    "reason": "damaged a cake by negligence",
    "caused_by": "employee",
    "basis": {"kind": "contract-clause", "reference": "contract art. 12"},
    "written_notice_date": "2023-06-20",
}


def _loss(wage: str, *losses: dict, jurisdiction: str = "CN-GD-SZ", period=None):
    """A full month at ``wage`` (June 2023 unless given) with the given loss lines."""
    return run(
        jurisdiction=jurisdiction,
        period=period or {"start": "2023-06-01", "end": "2023-06-30"},
        contract={"wage": wage},
        earnings=[{"kind": "base", "amount": wage}],
        deductions=[{**LAWFUL_LOSS, **loss} for loss in losses],
    )


# -- CN-4: the 20% cap and the minimum-wage floor (June 2023, minimum 2360) --------------------

@pytest.mark.parametrize(
    ("wage", "most"),
    [
        ("3000", "600"),  # cap 3000 x 20% = 600; 3000 - 600 = 2400 >= 2360: 600
        ("2800", "440"),  # cap 560, but 2800 - 560 = 2240 < 2360: the floor allows 2800 - 2360
        ("2500", "140"),  # cap 500, floor 2500 - 2360 = 140
    ],
)
def test_cn4_largest_lawful_deduction(wage, most):
    report = _loss(wage, {"amount": most})
    assert report.findings == [], describe(report)
    over = _loss(wage, {"amount": str(D(most) + 1)})
    assert over.total_owed == D("1.00"), describe(over)  # one yuan over is owed
    assert {f.rule for f in over.findings} == {"loss-deduction"}


def test_cn4_2000_at_once_on_3000():
    # cap: 2000 - 600 = 1400 over; floor: 3000 - 2000 = 1000 < 2360, 1360 short.
    # One line: owed the larger, 1400.00 (the rest may be recovered in later months).
    report = _loss("3000", {"amount": "2000"})
    cap = [f for f in found(report, "loss-deduction") if "20%" in f.message]
    floor = [f for f in found(report, "loss-deduction") if "minimum wage" in f.message]
    assert [f.amount_owed for f in cap] == [D("1400.00")]
    assert [f.amount_owed for f in floor] == [D("1360.00")]
    computation_has(cap[0], "3000.00 x 20% = 600.00")
    computation_has(floor[0], "3000.00 - loss deductions 2000.00 = 1000.00 < 2360.00")
    cites(cap[0], "工资支付暂行规定", "第十六条")
    assert report.total_owed == D("1400.00")


def test_cn4_floor_on_2800():
    # 560 is within 20% but leaves 2240: 2360 - 2240 = 120 owed
    f = one(_loss("2800", {"amount": "560"}), "loss-deduction")
    assert (f.severity, f.amount_owed) == (Severity.VIOLATION, D("120.00"))


def test_cn4_floor_on_2500():
    # 500 is within 20% but leaves 2000: 2360 - 2000 = 360 owed
    f = one(_loss("2500", {"amount": "500"}), "loss-deduction")
    assert f.amount_owed == D("360.00")


def test_floor_compares_pay_for_normal_work_without_overtime():
    # 2500 a month + Saturday 2023-06-10 8 h overtime: 2500 / 174 x 8 x 2 = 229.89.
    # Cap: (2500 + 229.89) x 20% = 545.98, so 141 is within it; floor on pay for normal work
    # (overtime left out, 最低工资规定 第十二条): 2500 - 141 = 2359 < 2360: 1.00 owed.
    report = run(
        contract={"wage": "2500"},
        attendance={"overtime": [{"date": "2023-06-10", "hours": 8}]},
        earnings=[{"kind": "base", "amount": "2500"}, {"kind": "overtime", "amount": "229.89"}],
        deductions=[{**LAWFUL_LOSS, "amount": "141"}],
    )
    f = one(report, "loss-deduction")
    assert f.amount_owed == D("1.00")
    computation_has(f, "2500.00 - loss deductions 141.00 = 2359.00 < 2360.00")
    assert report.total_owed == D("1.00")


def test_two_loss_lines_share_the_cap():
    # 3000: 400 + 400 = 800 > 600: the second line is 200 over the cap; 3000 - 800 = 2200 is
    # 160 below 2360. Line 2 owed max(200, 160) = 200; line 1 is lawful.
    report = _loss("3000", {"amount": "400"}, {"amount": "400"})
    assert not found(report, line="deductions[0]")
    assert report.total_owed == D("200.00")


@pytest.mark.parametrize("cause", ["customer", "other-department", "employer"])
def test_loss_not_caused_by_the_employee_owed_in_full(cause):
    report = _loss("6000", {"amount": "45.00", "caused_by": cause})
    f = one(report, "loss-deduction", line="deductions[0]")
    assert (f.severity, f.amount_owed) == (Severity.VIOLATION, D("45.00"))
    computation_has(f, f"loss caused by {cause}")


def test_loss_of_unknown_cause_is_uncertain():
    report = _loss("6000", {"amount": "300.00", "caused_by": "unknown"})
    f = one(report, "loss-deduction")
    assert f.severity is Severity.UNCERTAIN
    assert (f.amount_owed, f.amount_uncertain) == (D("0.00"), D("300.00"))
    assert (report.total_owed, report.total_uncertain) == (D("0.00"), D("300.00"))
    assert report.exit_code == 0


def test_loss_with_no_cause_given_is_not_checked():
    report = _loss("6000", {"amount": "300.00", "caused_by": None})
    assert "caused_by" in one(report, "not-checked", line="deductions[0]").message


def test_no_prior_written_notice_in_shenzhen_owed_in_full():
    report = _loss("6000", {"amount": "300.00", "written_notice_date": None})
    f = one(report, "loss-deduction")
    assert (f.severity, f.amount_owed) == (Severity.VIOLATION, D("300.00"))
    cites(f, "深圳市员工工资支付条例", "第三十四条")


def test_written_notice_after_the_deduction_is_too_late():
    report = _loss(
        "6000", {"amount": "300.00", "date": "2023-06-25", "written_notice_date": "2023-06-28"}
    )
    f = one(report, "loss-deduction")
    assert f.amount_owed == D("300.00")
    computation_has(f, "2023-06-28 (after 2023-06-25)")


def test_guangdong_notice_rule_applies_in_shenzhen_before_2022():
    # October 2021: Shenzhen's own notice rule starts 2022-08-04; Guangdong's art. 15 (2005)
    # already required it.
    report = _loss(
        "6000", {"amount": "300.00", "written_notice_date": None},
        period={"start": "2021-10-01", "end": "2021-10-31"},
    )
    f = one(report, "loss-deduction")
    assert f.amount_owed == D("300.00")
    cites(f, "广东省工资支付条例", "第十五条")


def test_national_law_alone_has_no_notice_rule():
    report = _loss("6000", {"amount": "300.00", "written_notice_date": None}, jurisdiction="CN")
    assert not found(report, "loss-deduction"), describe(report)


def test_cn4_cn5_shipped_toml_example():
    # examples/cn-shenzhen-2023-06-deductions.toml, June 2023, 3000.00 a month: loss 2000.00
    # (cap 600: 1400.00 owed; floor 3000 - 2000 = 1000 < 2360: 1360.00; the line owes 1400.00)
    # and a 200.00 fine (prohibited in Shenzhen since 2022-08-04): 1400.00 + 200.00 = 1600.00
    report = paycheck.check(paycheck.load(EXAMPLES / "cn-shenzhen-2023-06-deductions.toml"))
    assert one(report, "fine", line="deductions[1]").amount_owed == D("200.00")
    assert max(f.amount_owed for f in found(report, "loss-deduction", line="deductions[0]")) == D(
        "1400.00"
    )
    assert report.total_owed == D("1600.00")
    assert not found(report, "net-pay-arithmetic")  # 3000 - 2000 - 200 - 300 = 500


# -- fines --------------------------------------------------------------------------------------

FINE_RULE = {"kind": "fine", "reason": "late", "basis": {"kind": "company-rule",
                                                         "reference": "rules art. 5"}}
JULY_2022 = {"start": "2022-07-01", "end": "2022-07-31"}


def test_fine_in_shenzhen_after_2022_08_04_is_a_violation():
    report = run(deductions=[{**FINE_RULE, "amount": "200.00"}])
    f = one(report, "fine")
    assert (f.severity, f.amount_owed) == (Severity.VIOLATION, D("200.00"))
    cites(f, "公告第六十号")
    computation_has(f, "from 2022-08-04")


def test_fine_dated_before_the_change_reads_the_old_law():
    # A fine imposed on 2022-07-20, on an August payslip: contested then, within 30%.
    report = run(
        period={"start": "2022-08-01", "end": "2022-08-31"},
        deductions=[{**FINE_RULE, "amount": "200.00", "date": "2022-07-20"}],
    )
    assert one(report, "fine").severity is Severity.UNCERTAIN


def test_fine_before_2022_08_04_within_30_percent_is_uncertain():
    # 200 <= 6000 x 30% = 1800 (深圳经济特区和谐劳动关系促进条例 第十六条)
    report = run(period=JULY_2022, deductions=[{**FINE_RULE, "amount": "200.00"}])
    f = one(report, "fine")
    assert f.severity is Severity.UNCERTAIN
    assert (f.amount_owed, f.amount_uncertain) == (D("0.00"), D("200.00"))
    computation_has(f, "6000.00 month's wage x 30% = 1800.00")
    assert report.total_uncertain == D("200.00")
    assert report.exit_code == 0


def test_fine_before_2022_08_04_over_30_percent_excess_owed():
    # 2000 - 6000 x 30% (1800) = 200 over the cap: owed in any case; 1800 uncertain.
    # Regression (found by this suite): the contested status used to downgrade it to uncertain.
    report = run(period=JULY_2022, deductions=[{**FINE_RULE, "amount": "2000.00"}])
    f = one(report, "fine")
    assert (f.severity, f.amount_owed) == (Severity.VIOLATION, D("200.00"))
    assert f.amount_uncertain == D("1800.00")
    assert report.total_owed == D("200.00")
    assert report.total_uncertain == D("1800.00")
    cites(f, "深圳经济特区和谐劳动关系促进条例", "第十六条")


def test_two_fines_before_2022_08_04_share_the_monthly_cap():
    # 1000 + 1000 under a company rule; cap 6000 x 30% = 1800 for the month (单项和当月累计):
    # the first is within it (uncertain 1000), the second is 200 over (owed 200, uncertain 800)
    report = run(period=JULY_2022, deductions=[{**FINE_RULE, "amount": "1000.00"},
                                               {**FINE_RULE, "amount": "1000.00"}])
    first = one(report, "fine", line="deductions[0]")
    second = one(report, "fine", line="deductions[1]")
    assert (first.severity, first.amount_owed, first.amount_uncertain) == (
        Severity.UNCERTAIN, D("0.00"), D("1000.00"))
    assert (second.severity, second.amount_owed, second.amount_uncertain) == (
        Severity.VIOLATION, D("200.00"), D("800.00"))
    assert (report.total_owed, report.total_uncertain) == (D("200.00"), D("1800.00"))


def test_fine_before_2022_08_04_over_30_percent_shows_the_excess():
    report = run(period=JULY_2022, deductions=[{**FINE_RULE, "amount": "2000.00"}])
    computation_has(one(report, "fine"), "= 1800.00", "over the cap 200.00")


def test_fine_before_2022_08_04_without_company_rule_is_a_violation():
    # Regression (found by this suite): used to be downgraded to uncertain, total_owed 0.
    report = run(
        period=JULY_2022,
        deductions=[{"kind": "fine", "amount": "200.00",
                     "basis": {"kind": "contract-clause", "reference": "art. 9"}}],
    )
    f = one(report, "fine")
    assert (f.severity, f.amount_owed) == (Severity.VIOLATION, D("200.00"))
    assert "This rests on" not in f.message
    assert report.total_owed == D("200.00")
    assert report.exit_code == 1


def test_fine_before_2022_08_04_with_no_basis_is_owed_as_undocumented():
    report = run(period=JULY_2022, deductions=[{"kind": "fine", "amount": "200.00"}])
    f = one(report, "undocumented-deduction")
    assert f.amount_owed == D("200.00")
    assert report.total_owed == D("200.00")


def test_before_the_withholding_list_no_deduction_is_judged():
    # 工资支付暂行规定 第十五条 lists what may be withheld from 1995-01-01 (the pack's first
    # value). A 1990 payslip's social-insurance line is not called undocumented and owed: the
    # deductions are not checked, and the finding says which value is missing on which day.
    report = run(
        period={"start": "1990-06-01", "end": "1990-06-30"},
        contract={"employment_start": "1989-01-01"},
        deductions=[{"kind": "social-insurance", "amount": "480.00"}],
    )
    assert found(report, "undocumented-deduction") == []
    assert report.total_owed == D("0.00")
    assert any(
        f.message == "[undocumented-deduction] the rule pack for CN-GD-SZ has no value for "
        "withholding_kinds in force on 1990-06-30."
        for f in found(report, "not-checked")
    ), describe(report)


def test_fine_in_guangdong_prohibited_since_2013():
    report = run(jurisdiction="CN-GD", deductions=[{**FINE_RULE, "amount": "200.00"}])
    f = one(report, "fine")
    assert (f.severity, f.amount_owed) == (Severity.VIOLATION, D("200.00"))
    cites(f, "广东省劳动保障监察条例")


# -- CN-5: fine and resignation penalty ----------------------------------------------------------

def test_cn5_fine_and_resignation_penalty():
    # Shenzhen 2023, 8000 a month, resigned with 10 days' notice. 迟到罚款 200: prohibited since
    # 2022-08-04; 违约金 8000: void (劳动合同法 第二十五条). Owed 200 + 8000 = 8200 (each line
    # once although both are also undocumented).
    report = run(
        contract={
            "wage": "8000.00",
            "termination": {"how": "resignation", "notice_date": "2023-06-20",
                            "last_day": "2023-06-30"},
        },
        earnings=[{"kind": "base", "amount": "8000.00"}, {"kind": "bonus", "amount": "300.00"}],
        deductions=[
            {"kind": "fine", "label": "迟到罚款", "amount": "200.00"},
            {"kind": "resignation-penalty", "label": "违约金", "amount": "8000.00"},
        ],
    )
    assert one(report, "fine").amount_owed == D("200.00")
    penalty = one(report, "resignation-penalty", line="deductions[1]")
    assert (penalty.severity, penalty.amount_owed) == (Severity.VIOLATION, D("8000.00"))
    assert penalty.line_label == "违约金"
    assert "notice given 2023-06-20" in penalty.message
    cites(penalty, "第二十五条", "第三十七条", "第九十条")
    assert {f.line for f in found(report, "undocumented-deduction")} == {
        "deductions[0]", "deductions[1]"}
    assert report.total_owed == D("8200.00")


def test_resignation_penalty_under_a_contract_clause_is_still_void():
    report = run(deductions=[{"kind": "resignation-penalty", "amount": "1000.00",
                              "basis": {"kind": "contract-clause", "reference": "art. 20"}}])
    assert not found(report, "undocumented-deduction")
    assert one(report, "resignation-penalty").amount_owed == D("1000.00")


# -- business costs ------------------------------------------------------------------------------

def test_business_cost_without_basis_owed_once():
    report = run(deductions=[{"kind": "business-cost", "amount": "60.00",
                              "reason": "third-party delivery fee"}])
    assert one(report, "business-cost").amount_owed == D("60.00")
    assert one(report, "undocumented-deduction").amount_owed == D("60.00")
    assert report.total_owed == D("60.00")  # one line, counted once


def test_business_cost_under_a_company_rule_is_a_violation():
    report = run(deductions=[{"kind": "business-cost", "amount": "50.00",
                              "basis": {"kind": "company-rule", "reference": "form"}}])
    f = one(report, "business-cost")
    assert (f.severity, f.amount_owed) == (Severity.VIOLATION, D("50.00"))
    assert not found(report, "undocumented-deduction")


def test_business_cost_with_written_consent_is_uncertain():
    report = run(deductions=[{"kind": "business-cost", "amount": "50.00",
                              "basis": {"kind": "written-consent", "date": "2023-06-01"}}])
    f = one(report, "business-cost")
    assert (f.severity, f.amount_uncertain) == (Severity.UNCERTAIN, D("50.00"))
    assert report.total_owed == D("0.00")


# -- documented basis ------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["other", "advance-repayment"])
def test_deduction_outside_the_withholding_list_without_basis(kind):
    report = run(deductions=[{"kind": kind, "amount": "100.00"}])
    f = one(report, "undocumented-deduction", line="deductions[0]")
    assert (f.severity, f.amount_owed) == (Severity.UNDOCUMENTED, D("100.00"))
    cites(f, "第十五条")
    assert report.exit_code == 1


def test_deduction_with_written_consent_is_documented():
    report = run(deductions=[{"kind": "advance-repayment", "amount": "100.00",
                              "basis": {"kind": "written-consent", "date": "2023-05-01"}}])
    assert report.findings == [], describe(report)


@pytest.mark.parametrize("kind", ["income-tax", "social-insurance", "housing-fund", "court-order"])
def test_withholdings_need_no_basis(kind):
    report = run(deductions=[{"kind": kind, "amount": "100.00"}])
    assert report.findings == [], describe(report)


# -- net pay ---------------------------------------------------------------------------------

def test_net_pay_short():
    # 6000.00 - 480.00 = 5520.00; stated 5510.00: 10.00 missing
    report = run(net_pay="5510.00")
    f = one(report, "net-pay-arithmetic", line="net_pay")
    assert (f.severity, f.amount_owed) == (Severity.VIOLATION, D("10.00"))
    computation_has(f, "6000.00 - 480.00 = 5520.00; stated 5510.00")


def test_net_pay_over_stated_is_flagged_but_owes_nothing():
    f = one(run(net_pay="5530.00"), "net-pay-arithmetic")
    assert (f.severity, f.amount_owed) == (Severity.VIOLATION, D("0.00"))


def test_net_pay_missing_is_not_checked():
    report = run(net_pay=None)
    assert "net_pay" in one(report, "not-checked").message
    assert report.exit_code == 0
