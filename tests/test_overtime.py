"""Rules ``overtime-premium``, ``overtime-base`` and ``overtime-hours``.

Premiums (劳动法 第四十四条; 工资支付暂行规定 第十三条): 150% beyond normal hours on a working day,
200% on a rest day unless equal time off is given, 300% on a statutory holiday, paid on top of
the monthly wage (劳部发〔1997〕271号 四). Hourly wage = 6000 / 21.75 / 8 = 6000 / 174
= 34.482758...
The overtime line is rounded once, from the unrounded per-record amounts.
Limits (劳动法 第四十一条): 3 h a working day, 36 h a month counting weekday, rest-day and holiday
hours (劳部发〔1997〕271号 三).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import EXAMPLES, cites, computation_has, describe, found, one, run

import paycheck
from paycheck import Severity

D = Decimal

MAY_2023 = {"start": "2023-05-01", "end": "2023-05-31"}

# CN-2: 10 x 2 h on working days = 20 h; Saturdays 13 and 20 May x 8 h = 16 h; 1 May 8 h.
CN2_WEEKDAYS = ["2023-05-04", "2023-05-05", "2023-05-08", "2023-05-09", "2023-05-10",
                "2023-05-11", "2023-05-12", "2023-05-15", "2023-05-16", "2023-05-17"]
CN2 = (
    [{"date": d, "hours": 2} for d in CN2_WEEKDAYS]
    + [{"date": "2023-05-13", "hours": 8}, {"date": "2023-05-20", "hours": 8}]
    + [{"date": "2023-05-01", "hours": 8}]
)


def _overtime(records, paid: str | None, *, period=None, line_extra=None, **more):
    earnings = [{"kind": "base", "amount": "6000.00"}]
    if paid is not None:
        earnings.append({"kind": "overtime", "amount": paid, **(line_extra or {})})
    return run(
        period=period or {"start": "2023-06-01", "end": "2023-06-30"},
        attendance={"overtime": records},
        earnings=earnings,
        **more,
    )


# -- CN-2 -------------------------------------------------------------------------------------

def test_cn2_premiums_unpaid():
    # weekday 20 h x 34.4828 x 150% = 1034.48; rest 16 h x 34.4828 x 200% = 1103.45;
    # holiday 8 h x 34.4828 x 300% = 827.59; total 6000 / 174 x 86 = 2965.517 -> 2965.52
    report = _overtime(CN2, "0.00", period=MAY_2023)
    f = one(report, "overtime-premium", line="earnings[1]")
    assert f.severity is Severity.UNDERPAYMENT
    assert f.amount_owed == D("2965.52")
    computation_has(
        f,
        "2023-05-04 (Thursday, working day): 6000.00 / 21.75 / 8 x 2 h x 150% = 103.45",
        "2023-05-13 (Saturday, rest day): 6000.00 / 21.75 / 8 x 8 h x 200% = 551.72",
        "2023-05-01 (Monday, Labor Day, statutory holiday): 6000.00 / 21.75 / 8 x 8 h x 300% "
        "= 827.59",
        "= 2965.52",
    )
    cites(f, "第四十四条第（一）项", "第四十四条第（二）项", "第四十四条第（三）项")
    cites(f, "劳社部发〔2008〕3号")
    # The premium article decides the finding, so it comes before the divisor's notice (the
    # report's table shows the first citation).
    assert "第四十四条" in f.citations[0].article, f.citations[0]


def test_cn2_paid_exactly_no_premium_finding():
    report = _overtime(CN2, "2965.52", period=MAY_2023)
    assert not found(report, "overtime-premium"), describe(report)
    assert {ln.line: ln.expected for ln in report.lines}["earnings[1]"] == D("2965.52")


def test_cn2_one_cent_short():
    # Rounded once from the unrounded sum (2965.517...), not per record (which would give
    # 10 x 103.45 + 2 x 551.72 + 827.59 = 2965.53): 2965.51 is 0.01 short.
    f = one(_overtime(CN2, "2965.51", period=MAY_2023), "overtime-premium")
    assert f.amount_owed == D("0.01")


def test_cn2_44_hours_break_the_monthly_limit():
    report = _overtime(CN2, "2965.52", period=MAY_2023)
    f = one(report, "overtime-hours", line="attendance.overtime")
    assert f.severity is Severity.VIOLATION
    assert f.amount_owed == D("0.00")  # nothing owed for the hours themselves
    computation_has(f, "= 44 h; the limit is 36 h")
    cites(f, "第四十一条", "劳部发〔1997〕271号")
    assert report.exit_code == 1


def test_36_hours_in_a_month_is_within_the_limit():
    # drop Saturday 20 May: 20 + 8 + 8 = 36 h; 6000 / 174 x (30 + 16 + 24) = 2413.79
    records = [r for r in CN2 if r["date"] != "2023-05-20"]
    report = _overtime(records, "2413.79", period=MAY_2023)
    assert report.findings == [], describe(report)


def test_cn2_shipped_example_paid_at_150_percent():
    # examples/cn-shenzhen-2023-05-overtime.json: the same 44 h all paid at 150%:
    # 6000 / 174 x 44 x 1.5 = 2275.86; lawful 2965.52; owed 689.66.
    report = paycheck.check(paycheck.load(EXAMPLES / "cn-shenzhen-2023-05-overtime.json"))
    f = one(report, "overtime-premium")
    # one line pays working-day, rest-day and holiday hours: it is judged on its total
    assert f.severity is Severity.UNDERPAYMENT
    assert f.amount_owed == D("689.66")
    assert one(report, "overtime-hours").severity is Severity.VIOLATION
    assert report.total_owed == D("689.66")


JUNE_WEEKDAYS = [f"2023-06-{d:02d}" for d in (1, 2, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16, 19)]


def test_rest_day_time_off_over_the_limit_is_uncertain():
    # 12 weekdays x 3 h = 36 h paid (6000 / 174 x 36 x 1.5 = 1862.07) + 8 h on Saturday 10 June
    # compensated with time off: 44 h only if compensated rest-day hours count (the ministry
    # reply does not say): uncertain, nothing owed.
    records = [{"date": d, "hours": 3} for d in JUNE_WEEKDAYS[:12]]
    records.append({"date": "2023-06-10", "hours": 8, "time_off_given": True})
    report = _overtime(records, "1862.07")
    f = one(report, "overtime-hours")
    assert f.severity is Severity.UNCERTAIN
    computation_has(f, "= 44 h; the limit is 36 h")
    assert report.exit_code == 0


def test_weekday_hours_with_time_off_still_break_the_limit():
    # Regression (found by this suite): time off on working days used to make this uncertain.
    # 13 weekdays x 3 h = 39 h > 36 h; all paid: 6000 / 174 x 39 x 1.5 = 2017.24
    records = [{"date": d, "hours": 3, "time_off_given": True} for d in JUNE_WEEKDAYS]
    report = _overtime(records, "2017.24")
    assert not found(report, "overtime-premium")
    assert one(report, "overtime-hours").severity is Severity.VIOLATION


def test_make_up_saturday_is_a_working_day():
    # Saturday 2023-05-06 was a make-up working day: 2 h x 34.4828 x 150% = 103.45
    f = one(_overtime([{"date": "2023-05-06", "hours": 2}], "0", period=MAY_2023),
            "overtime-premium")
    assert f.amount_owed == D("103.45")
    computation_has(f, "weekend make-up working day", "150%")


# -- daily limit ------------------------------------------------------------------------------

def test_more_than_3_hours_on_one_working_day():
    # 4 h on Monday 2023-06-05: 6000 / 174 x 4 x 1.5 = 206.90 (paid), 4 h > 3 h
    report = _overtime([{"date": "2023-06-05", "hours": 4}], "206.90")
    f = one(report, "overtime-hours", line="attendance.overtime[0]")
    assert f.severity is Severity.VIOLATION
    computation_has(f, "4 h > 3 h")
    cites(f, "第四十一条")


def test_daily_limit_reported_on_a_payslip_without_deductions():
    # Regression (found by this suite): line_label read attendance.overtime[0] as
    # deductions[0]; with no deductions the IndexError became a bogus not-checked finding.
    report = _overtime([{"date": "2023-06-05", "hours": 4}], "206.90", deductions=[])
    f = one(report, "overtime-hours", line="attendance.overtime[0]")
    assert f.severity is Severity.VIOLATION
    assert not found(report, "not-checked"), describe(report)


def test_daily_limit_finding_not_labelled_with_a_deduction():
    # Regression (found by this suite): it carried the label of deductions[0].
    report = _overtime([{"date": "2023-06-05", "hours": 4}], "206.90")
    f = one(report, "overtime-hours", line="attendance.overtime[0]")
    assert f.line_label is None


def test_3_hours_on_a_working_day_is_within_the_limit():
    # 6000 / 174 x 3 x 1.5 = 155.17
    report = _overtime([{"date": "2023-06-05", "hours": 3}], "155.17")
    assert report.findings == [], describe(report)


def test_daily_limit_does_not_apply_to_a_rest_day():
    report = _overtime([{"date": "2023-06-10", "hours": 8}], "551.72")  # Saturday, 200%
    assert report.findings == [], describe(report)


# -- CN-3: Spring Festival 2025 -----------------------------------------------------------------

SPRING_2025 = [{"date": f"2025-01-{d}", "hours": 8} for d in (28, 29, 30, 31)] + [
    {"date": f"2025-02-0{d}", "hours": 8} for d in (1, 2, 3, 4)
]
FEB_2025 = {"start": "2025-02-01", "end": "2025-02-28"}


def test_cn3_spring_festival_2025_at_200_percent_is_short():
    # 28-31 Jan (除夕 + 初一-初三) statutory: 32 h x 34.4828 x 300% = 3310.34
    # 1-4 Feb rest days: 32 h x 34.4828 x 200% = 2206.90; lawful 6000 / 174 x 160 = 5517.24
    # paid all at 200%: 6000 / 174 x 128 = 4413.79; owed 1103.45
    report = _overtime(SPRING_2025, "4413.79", period=FEB_2025, line_extra={"multiplier": 2})
    f = one(report, "overtime-premium", line="earnings[1]")
    # one line pays holiday and rest-day hours: it is judged on its total
    assert f.severity is Severity.UNDERPAYMENT
    assert f.amount_owed == D("1103.45")
    computation_has(
        f,
        "2025-01-28 (Tuesday, Chinese New Year's Eve, statutory holiday): 6000.00 / 21.75 / 8 x "
        "8 h x 300% = 827.59",
        "2025-01-31 (Friday, Chinese New Year (Spring Festival), statutory holiday)",
        "2025-02-01 (Saturday, rest day): 6000.00 / 21.75 / 8 x 8 h x 200% = 551.72",
        "2025-02-04 (Tuesday, rest day swapped with the make-up working day 2025-02-08)",
        "= 5517.24",
    )
    assert "\n".join(f.computation).count("x 300% = 827.59") == 4
    assert "\n".join(f.computation).count("x 200% = 551.72") == 4


def test_cn3_without_stated_multiplier_is_an_underpayment():
    f = one(_overtime(SPRING_2025, "4413.79", period=FEB_2025), "overtime-premium")
    assert (f.severity, f.amount_owed) == (Severity.UNDERPAYMENT, D("1103.45"))


def test_cn3_paid_at_300_percent_for_all_days_is_lawful():
    # 6000 / 174 x 64 h x 3 = 6620.69 >= 5517.24; 32 h in each month, within 36 h
    report = _overtime(SPRING_2025, "6620.69", period=FEB_2025)
    assert report.findings == [], describe(report)


@pytest.mark.parametrize(
    ("day", "period", "amount"),
    [
        # 除夕 2024 (Friday 2024-02-09) was an ordinary working day: 2 h x 150% = 103.45
        ("2024-02-09", {"start": "2024-02-01", "end": "2024-02-29"}, "103.45"),
        # 2 May 2024 was a swapped rest day: 8 h x 200% = 551.72
        ("2024-05-02", {"start": "2024-05-01", "end": "2024-05-31"}, "551.72"),
        # 2 May 2025 is statutory (2024 revision): 8 h x 300% = 827.59
        ("2025-05-02", {"start": "2025-05-01", "end": "2025-05-31"}, "827.59"),
    ],
)
def test_new_2025_statutory_days_only_from_2025(day, period, amount):
    hours = 2 if day == "2024-02-09" else 8
    f = one(_overtime([{"date": day, "hours": hours}], "0", period=period), "overtime-premium")
    assert f.amount_owed == D(amount)


# -- time off in lieu -------------------------------------------------------------------------

def test_time_off_on_a_rest_day_replaces_pay():
    report = _overtime([{"date": "2023-06-10", "hours": 8, "time_off_given": True}], None)
    assert report.findings == [], describe(report)


def test_time_off_on_a_holiday_does_not_replace_pay():
    # Dragon Boat 2023-06-22: 8 h x 34.4828 x 300% = 827.59 still due (劳部发〔1997〕271号 四)
    report = _overtime([{"date": "2023-06-22", "hours": 8, "time_off_given": True}], "0")
    f = one(report, "overtime-premium")
    assert (f.severity, f.amount_owed) == (Severity.UNDERPAYMENT, D("827.59"))
    computation_has(f, "time off does not replace pay on a statutory holiday")
    cites(f, "劳部发〔1997〕271号")


def test_time_off_on_a_working_day_does_not_replace_pay():
    # 2 h x 34.4828 x 150% = 103.45
    report = _overtime([{"date": "2023-06-05", "hours": 2, "time_off_given": True}], "0")
    assert one(report, "overtime-premium").amount_owed == D("103.45")


def test_mixed_time_off_records():
    # rest day with time off 0.00 + holiday with time off 827.586 + working day 2 h 103.448
    # = 931.03
    report = _overtime(
        [
            {"date": "2023-06-10", "hours": 8, "time_off_given": True},
            {"date": "2023-06-22", "hours": 8, "time_off_given": True},
            {"date": "2023-06-05", "hours": 2, "time_off_given": True},
        ],
        "0",
    )
    f = one(report, "overtime-premium")
    assert f.amount_owed == D("931.03")
    computation_has(f, "equal time off given instead of pay = 0.00")


# -- the base ---------------------------------------------------------------------------------

def test_overtime_priced_on_a_lower_base():
    # Saturday 2023-06-10, 8 h: employer used 5000: 5000 / 174 x 8 x 2 = 459.77;
    # lawful 6000 / 174 x 8 x 2 = 551.72; owed 91.95
    report = _overtime(
        [{"date": "2023-06-10", "hours": 8}],
        "459.77",
        line_extra={"base": "5000.00", "hours": 8, "multiplier": 2},
    )
    f = one(report, "overtime-base", line="earnings[1]")
    assert (f.severity, f.amount_owed) == (Severity.VIOLATION, D("91.95"))
    computation_has(f, "5000.00 / 21.75 / 8 x 8 h x 200% = 459.77", "= 551.72")
    cites(f, "第十三条")
    assert not found(report, "overtime-premium")  # one finding for the one problem


def test_stated_multiplier_below_the_required_one():
    # a weekday 2 h stated at 100%: 6000 / 174 x 2 = 68.97; lawful 103.45; owed 34.48
    report = _overtime(
        [{"date": "2023-06-05", "hours": 2}], "68.97", line_extra={"multiplier": 1}
    )
    f = one(report, "overtime-premium")
    assert (f.severity, f.amount_owed) == (Severity.VIOLATION, D("34.48"))


def test_overtime_paid_without_records_is_not_checked():
    report = _overtime([], "300.00")
    nc = one(report, "not-checked", line="earnings[1]")
    assert "attendance.overtime" in nc.message


def test_overtime_records_not_on_the_payslip():
    report = _overtime([{"date": "2023-06-10", "hours": 8}], None)
    f = one(report, "overtime-premium", line="attendance.overtime")
    assert f.amount_owed == D("551.72")
    line = {ln.line: ln for ln in report.lines}["attendance.overtime"]
    assert (line.stated, line.expected) == (D("0"), D("551.72"))


def test_overtime_paid_in_arrears_from_the_previous_month():
    # September overtime on the October payslip: Sunday 2021-09-26 was a make-up working day
    # (150%): 2 h = 103.45; Saturday 2021-09-25 rest day 8 h = 551.72; total 655.17
    report = _overtime(
        [{"date": "2021-09-25", "hours": 8}, {"date": "2021-09-26", "hours": 2}],
        "655.17",
        period={"start": "2021-10-01", "end": "2021-10-31"},
    )
    assert not found(report, "overtime-premium"), describe(report)


def test_two_overtime_lines_underpaid():
    # Regression (found by this suite): line_label crashed on "earnings[1], earnings[2]".
    # 2 h Monday 2023-06-05 at 150% + 8 h Saturday 2023-06-10 at 200%
    # = 6000 / 174 x (3 + 16) = 655.17; paid 50 + 50 = 100; owed 555.17
    report = run(
        attendance={"overtime": [{"date": "2023-06-05", "hours": 2},
                                 {"date": "2023-06-10", "hours": 8}]},
        earnings=[{"kind": "base", "amount": "6000.00"}, {"kind": "overtime", "amount": "50"},
                  {"kind": "overtime", "amount": "50"}],
    )
    f = one(report, "overtime-premium", line="earnings[1], earnings[2]")
    assert f.amount_owed == D("555.17")
    assert report.total_owed == D("555.17")


def test_two_overtime_lines_paid_in_full():
    # 655.17 in total, split 155.17 + 500.00: lawful, no finding
    report = run(
        attendance={"overtime": [{"date": "2023-06-05", "hours": 2},
                                 {"date": "2023-06-10", "hours": 8}]},
        earnings=[{"kind": "base", "amount": "6000.00"}, {"kind": "overtime", "amount": "155.17"},
                  {"kind": "overtime", "amount": "500.00"}],
    )
    assert report.findings == [], describe(report)
    combined = [ln for ln in report.lines if ln.label == "all overtime lines"]
    assert combined and combined[0].expected == D("655.17")


def test_2020_10_04_override_priced_at_300_percent_but_uncertain():
    # The override (MOHRSS reply of 2020-09-18, as reported) is unverified: 8 h x 300% = 827.59
    # is shown, not counted.
    report = _overtime(
        [{"date": "2020-10-04", "hours": 8}], "0",
        period={"start": "2020-10-01", "end": "2020-10-31"},
    )
    f = one(report, "overtime-premium")
    assert f.severity is Severity.UNCERTAIN
    assert (f.amount_owed, f.amount_uncertain) == (D("0.00"), D("827.59"))
    cites(f, "2020-09-18")
    assert report.total_uncertain == D("827.59")


def test_2020_10_05_observed_day_is_a_rest_day():
    report = _overtime(
        [{"date": "2020-10-05", "hours": 8}], "0",
        period={"start": "2020-10-01", "end": "2020-10-31"},
    )
    f = one(report, "overtime-premium")
    assert (f.severity, f.amount_owed) == (Severity.UNDERPAYMENT, D("551.72"))
