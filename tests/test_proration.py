"""Rule ``proration``: base pay for a full or a partial month (劳社部发〔2008〕3号 二).

Method A = monthly / 21.75 x paid days (working days worked + paid leave + statutory holidays
inside the employment); method B = monthly - monthly / 21.75 x absent working days. Pay below
the lower of the two is an underpayment (law notes §1.5).
"""

from __future__ import annotations

from decimal import Decimal

from conftest import cites, computation_has, describe, found, one, run

from paycheck import Severity

D = Decimal

OCT_2021 = {"start": "2021-10-01", "end": "2021-10-31"}


def _leaving_15_oct(base: str, **figures):
    """CN-1: employed until Friday 2021-10-15, no days_worked given (all taken as worked)."""
    return run(
        period=OCT_2021,
        contract={
            "employment_start": "2020-03-01",
            "termination": {"how": "resignation", "notice_date": "2021-09-15",
                            "last_day": "2021-10-15"},
        },
        earnings=[{"kind": "base", "amount": base, **figures}],
        deductions=[],
    )


def test_base_payslip_is_lawful():
    report = run()
    assert report.findings == [], describe(report)
    assert report.exit_code == 0


def test_full_month_paid_in_full_no_finding():
    report = run()
    assert {ln.line: ln.expected for ln in report.lines} == {"earnings[0]": D("6000.00")}


def test_full_month_underpaid():
    report = run(earnings=[{"kind": "base", "amount": "5900.00"}])
    f = one(report, "proration", line="earnings[0]")
    assert f.severity is Severity.UNDERPAYMENT
    assert f.amount_owed == D("100.00")  # whole month worked: 6000.00 due, 5900.00 paid
    assert report.total_owed == D("100.00")


def test_cn1_partial_month_on_leaving_lawful_at_method_a():
    # CN-1: paid days = 7 working days (8, 9 make-up Saturday, 11-15 Oct) + 3 statutory (1-3 Oct)
    # = 10; A = 6000 / 21.75 x 10 = 2758.62; B = 6000 - 6000 / 21.75 x 10 absent (18-22,
    # 25-29 Oct) = 6000 - 2758.62 = 3241.38. Paying A exactly is lawful.
    report = _leaving_15_oct("2758.62")
    assert not found(report, "proration"), describe(report)
    assert report.lines[0].expected == D("2758.62")


def test_cn1_one_cent_short():
    f = one(_leaving_15_oct("2758.61"), "proration")
    assert f.amount_owed == D("0.01")  # 2758.62 - 2758.61


def test_cn1_underpaid_shows_both_methods():
    report = _leaving_15_oct("2000.00")
    f = one(report, "proration", line="earnings[0]")
    assert f.severity is Severity.UNDERPAYMENT
    assert f.amount_owed == D("758.62")  # 2758.62 - 2000.00
    computation_has(
        f,
        "2021-10-01 to 2021-10-15",
        "= 10",
        "6000.00 / 21.75 x 10 paid days = 2758.62",
        "6000.00 - 2758.62 = 3241.38",
        "method A, 2758.62",
    )
    cites(f, "劳社部发〔2008〕3号", "第五十一条")


def test_partial_month_on_joining_method_a_lower():
    # Joined Monday 2021-10-18: working days 18-22 and 25-29 Oct = 10, no holiday after joining.
    # A = 6000 / 21.75 x 10 = 2758.62; B = 6000 - 6000 / 21.75 x 7 absent (8, 9, 11-15 Oct)
    # = 6000 - 1931.03 = 4068.97; lower A: 2758.62; paid 2000.00 -> owed 758.62
    report = run(
        period=OCT_2021,
        contract={"employment_start": "2021-10-18"},
        earnings=[{"kind": "base", "amount": "2000.00"}],
    )
    f = one(report, "proration")
    assert f.amount_owed == D("758.62")
    computation_has(f, "= 2758.62", "6000.00 - 1931.03 = 4068.97", "method A, 2758.62")


def test_partial_month_on_joining_method_b_lower():
    # Joined Monday 2023-06-19: working days 19, 20, 21, 25 (make-up Sunday), 26-30 = 9, plus
    # the statutory 22 June (Dragon Boat) = 10 paid days.
    # A = 6000 / 21.75 x 10 = 2758.62; B = 6000 - 6000 / 21.75 x 12 absent (21 - 9)
    # = 6000 - 3310.34 = 2689.66: B is lower; paid 2500.00 -> owed 189.66
    report = run(
        contract={"employment_start": "2023-06-19"},
        earnings=[{"kind": "base", "amount": "2500.00"}],
    )
    f = one(report, "proration")
    assert f.amount_owed == D("189.66")
    computation_has(f, "x 10 paid days = 2758.62", "6000.00 - 3310.34 = 2689.66",
                    "method B, 2689.66", "2023-06-22")


def test_partial_month_paid_between_the_methods_is_lawful():
    # Between B 2689.66 and A 2758.62: method-dependent, not an underpayment.
    report = run(
        contract={"employment_start": "2023-06-19"},
        earnings=[{"kind": "base", "amount": "2700.00"}],
    )
    assert not found(report, "proration"), describe(report)


JUNE_2023_WORKED_BUT_5_6 = [
    {"from": "2023-06-01", "to": "2023-06-02"},
    {"from": "2023-06-07", "to": "2023-06-09"},
    {"from": "2023-06-12", "to": "2023-06-16"},
    {"from": "2023-06-19", "to": "2023-06-21"},
    "2023-06-25",
    {"from": "2023-06-26", "to": "2023-06-30"},
]  # 2 + 3 + 5 + 3 + 1 + 5 = 19 working days


def test_unpaid_leave_in_a_full_month_method_b_lower():
    # 2 days unpaid leave (5, 6 June 2023): paid days 19 worked + 1 holiday = 20.
    # A = 6000 / 21.75 x 20 = 5517.24; B = 6000 - 6000 / 21.75 x 2 = 6000 - 551.72 = 5448.28
    # lower B; paid 5000.00 -> owed 448.28
    report = run(
        attendance={
            "days_worked": JUNE_2023_WORKED_BUT_5_6,
            "leave": [{"kind": "unpaid", "days": ["2023-06-05", "2023-06-06"]}],
        },
        earnings=[{"kind": "base", "amount": "5000.00"}],
    )
    f = one(report, "proration")
    assert f.amount_owed == D("448.28")
    computation_has(f, "x 20 paid days = 5517.24", "6000.00 - 551.72 = 5448.28", "method B")


def test_unpaid_leave_paid_at_method_b_is_lawful():
    report = run(
        attendance={
            "days_worked": JUNE_2023_WORKED_BUT_5_6,
            "leave": [{"kind": "unpaid", "days": ["2023-06-05", "2023-06-06"]}],
        },
        earnings=[{"kind": "base", "amount": "5448.28"}],
    )
    assert report.findings == [], describe(report)


def test_paid_annual_leave_counts_as_paid_days():
    # Annual leave is paid at the contract wage (工资支付暂行规定 第十一条): 19 worked + 2 leave
    # + 1 holiday = 22 = the whole month, so 6000.00 is due; 5448.28 is 551.72 short.
    report = run(
        attendance={
            "days_worked": JUNE_2023_WORKED_BUT_5_6,
            "leave": [{"kind": "annual", "days": ["2023-06-05", "2023-06-06"]}],
        },
        earnings=[{"kind": "base", "amount": "5448.28"}],
    )
    assert one(report, "proration").amount_owed == D("551.72")


def test_sick_leave_is_not_checked_but_said_so():
    report = run(
        attendance={
            "days_worked": JUNE_2023_WORKED_BUT_5_6,
            "leave": [{"kind": "sick", "days": ["2023-06-05", "2023-06-06"]}],
        },
        earnings=[{"kind": "base", "amount": "5448.28"}],
    )
    nc = [f for f in found(report, "not-checked") if "sick" in f.message]
    assert len(nc) == 1, describe(report)


def test_days_worked_on_a_rest_day_is_reported_not_checked():
    report = run(attendance={"days_worked": ["2023-06-10"]})  # Saturday
    nc = one(report, "not-checked")
    assert "2023-06-10" in nc.message and "overtime" in nc.message


def test_leave_without_days_worked_counts_the_other_days_as_worked():
    # Regression (found by this suite): with leave but no days_worked, every other working day
    # used to count as absent (paid days 1), so 300.00 for the month passed unflagged.
    # Now: 19 worked + 1 holiday = 20 paid days; B = 6000 - 6000 / 21.75 x 2 = 5448.28 (lower
    # than A 5517.24); owed 5448.28 - 300.00 = 5148.28. Minimum: 2360 / 21.75 x 20 = 2170.11,
    # short 1870.11; the line counts once, at 5148.28.
    report = run(
        attendance={"leave": [{"kind": "unpaid", "days": ["2023-06-05", "2023-06-06"]}]},
        earnings=[{"kind": "base", "amount": "300.00"}],
        deductions=[],
    )
    f = one(report, "proration")
    assert (f.severity, f.amount_owed) == (Severity.UNDERPAYMENT, D("5148.28"))
    computation_has(f, "not on leave is taken as worked", "x 20 paid days = 5517.24")
    assert one(report, "minimum-wage", line="earnings[0]").amount_owed == D("1870.11")
    assert report.total_owed == D("5148.28")


def test_employer_figures_shown():
    report = _leaving_15_oct("2000.00", days_paid=7, divisor=26)
    computation_has(one(report, "proration"), "divisor 26", "7 days paid",
                    "the lawful divisor is 21.75")


def test_unsupported_hours_system_is_not_checked():
    report = run(
        contract={"hours_system": "comprehensive"},
        earnings=[{"kind": "base", "amount": "100.00"}],
        deductions=[],
    )
    assert not found(report, "proration", severity=Severity.UNDERPAYMENT)
    nc = one(report, "not-checked", line="contract.hours_system")
    assert "comprehensive" in nc.message and "not supported" in nc.message
