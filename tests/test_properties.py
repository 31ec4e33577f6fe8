"""Properties over generated payslips (hypothesis).

* money is never a float anywhere in a report;
* totals add up: total_owed is the per-line maximum of counted findings, summed;
* a lawful Shenzhen payslip (a full month in a covered year, wage >= minimum wage, base =
  wage, overtime paid at 150/200/300% with time off only replacing rest-day pay, only social
  insurance and income tax deducted, correct net) has no findings at all; so has a lawful
  full month in Kuala Lumpur, Singapore or Lagos (wage above the minimum, the facts coverage
  needs given, only the statutory withholdings deducted, a Singapore holiday on a Saturday
  given a day off in substitution);
* adding an unlawful deduction never lowers total_owed (and, with no basis, raises it by the
  amount);
* check() never mutates its input.
"""

from __future__ import annotations

import copy
import datetime as dt
from calendar import monthrange
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from conftest import describe, net_of
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import paycheck
from paycheck import Severity
from paycheck.law.calendar import DayClass
from paycheck.law.packs import law

D = Decimal
CENT = D("0.01")
SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COUNTED = {Severity.VIOLATION, Severity.UNDERPAYMENT, Severity.UNDOCUMENTED}
CAL = law("CN").calendar
MULTIPLIER = {DayClass.WORKING: D("1.5"), DayClass.REST: D(2), DayClass.HOLIDAY: D(3)}


def _money(value: Decimal) -> str:
    return str(value.quantize(CENT, rounding=ROUND_HALF_UP))


@st.composite
def lawful(draw: Any) -> dict[str, Any]:
    """A lawful full-month Shenzhen payslip in a year the calendar covers (2016-2026)."""
    year, month = draw(st.integers(2016, 2026)), draw(st.integers(1, 12))
    start = dt.date(year, month, 1)
    end = dt.date(year, month, monthrange(year, month)[1])
    # above every Shenzhen minimum (2520 at most)
    wage = D(draw(st.integers(2600_00, 40000_00))) / 100
    employed = start - dt.timedelta(draw(st.integers(0, 2000)))

    offsets = draw(st.lists(st.integers(0, (end - start).days), unique=True, max_size=6))
    records, hourly_pay, total_hours = [], D(0), D(0)
    for offset in offsets:
        day = start + dt.timedelta(offset)
        cls = CAL.day_class(day)
        choices = (
            ["0.5", "1", "1.5", "2", "2.5", "3"]
            if cls is DayClass.WORKING
            else ["1", "2", "4", "6", "8"]
        )
        hours = D(draw(st.sampled_from(choices)))
        if total_hours + hours > 36:  # 劳动法 第四十一条
            break
        total_hours += hours
        time_off = draw(st.booleans())
        records.append({"date": day.isoformat(), "hours": str(hours), "time_off_given": time_off})
        if not (time_off and cls is DayClass.REST):  # only rest-day pay may become time off
            # exactly: wage x hours x multiplier / (21.75 x 8), one division, last
            hourly_pay += wage * hours * MULTIPLIER[cls] / (D("21.75") * 8)

    earnings: list[dict[str, Any]] = [{"kind": "base", "amount": _money(wage)}]
    if records:
        earnings.append({"kind": "overtime", "amount": _money(hourly_pay)})
    if draw(st.booleans()):
        earnings.append({"kind": "allowance", "amount": str(draw(st.integers(0, 500)))})
    deductions = [
        {"kind": "social-insurance", "amount": _money(wage * D(draw(st.integers(0, 10))) / 100)},
        {"kind": "income-tax", "amount": _money(wage * D(draw(st.integers(0, 5))) / 100)},
    ]
    worked = None
    if draw(st.booleans()):  # list every working day instead of leaving it implicit
        worked = [
            (start + dt.timedelta(n)).isoformat()
            for n in range((end - start).days + 1)
            if CAL.day_class(start + dt.timedelta(n)) is DayClass.WORKING
        ]
    data = {
        "format_version": 1,
        "jurisdiction": "CN-GD-SZ",
        "currency": "CNY",
        "employee": {"id": "E-1"},
        "employer": {"id": "ER-1"},
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "contract": {
            "pay_basis": "monthly",
            "wage": _money(wage),
            "employment_start": employed.isoformat(),
        },
        "attendance": {"overtime": records, **({"days_worked": worked} if worked else {})},
        "earnings": earnings,
        "deductions": deductions,
    }
    data["net_pay"] = net_of(data)
    return data


# Elsewhere: (jurisdiction, currency, months, wage range in whole units, withholdings as
# (kind, percent of the wage at most), facts the coverage rules need).
ELSEWHERE = [
    (
        "MY-14",
        "MYR",
        [(2025, m) for m in range(3, 13)] + [(2026, m) for m in range(1, 11)],
        (1700, 3900),
        [("social-insurance", 11), ("income-tax", 5)],
        {"category": "non-manual"},
        {"headcount": 10},
    ),
    (
        "SG",
        "SGD",
        [(y, m) for y in (2023, 2024, 2025) for m in range(1, 13)],
        (1000, 9000),
        [("social-insurance", 20)],
        {"category": "non-manual"},
        {},
    ),
    (
        "NG-LA",
        "NGN",
        [(2025, m) for m in range(1, 13)],
        (70000, 500000),
        [("income-tax", 7), ("social-insurance", 8), ("housing-fund", 2)],
        {"category": "non-manual"},
        {"headcount": 50},
    ),
]


@st.composite
def lawful_elsewhere(draw: Any) -> dict[str, Any]:
    """A lawful full month in Kuala Lumpur, Singapore or Lagos, without overtime."""
    code, currency, months, (low, high), withholdings, contract, employer = draw(
        st.sampled_from(ELSEWHERE)
    )
    year, month = draw(st.sampled_from(months))
    start = dt.date(year, month, 1)
    end = dt.date(year, month, monthrange(year, month)[1])
    wage = D(draw(st.integers(low * 100, high * 100))) / 100
    employed = start - dt.timedelta(draw(st.integers(0, 2000)))
    deductions = [
        {"kind": kind, "amount": _money(wage * D(draw(st.integers(0, pct))) / 100)}
        for kind, pct in withholdings
    ]
    data = {
        "format_version": 1,
        "jurisdiction": code,
        "currency": currency,
        "employee": {"id": "E-1"},
        "employer": {"id": "ER-1", **employer},
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "contract": {
            "pay_basis": "monthly",
            "wage": _money(wage),
            "employment_start": employed.isoformat(),
            **contract,
        },
        "earnings": [{"kind": "base", "amount": _money(wage)}],
        "deductions": deductions,
    }
    if code == "SG":
        # A public holiday on the Saturday off day: the employer gave a day off in
        # substitution (EA s.88(1)(c)), which is lawful.
        calendar = law(code).calendar
        days = [start + dt.timedelta(n) for n in range((end - start).days + 1)]
        off = [
            d.isoformat()
            for d in days
            if d.weekday() == 5 and calendar.day_class(d) is DayClass.HOLIDAY
        ]
        if off:
            data["attendance"] = {"holidays_off_in_lieu": off}
    data["net_pay"] = net_of(data)
    return data


ANY_LAWFUL = st.one_of(lawful(), lawful_elsewhere())


DEDUCTION_KINDS = [
    "fine",
    "loss-compensation",
    "resignation-penalty",
    "business-cost",
    "advance-repayment",
    "other",
    "housing-fund",
    "court-order",
    "goods",
    "absence",
    "overpayment",
]
DOCUMENTS = ["written-request", "written-consent", "authority-permission", "show-cause"]
BASES = [None, "statute", "contract-clause", "written-consent", "court-order", "company-rule"]
CAUSES = [None, "employee", "employer", "other-department", "customer", "unknown"]


@st.composite
def messy(draw: Any) -> dict[str, Any]:
    """A lawful payslip with random defects: short base, short overtime, any deductions,
    any jurisdiction level. The net always adds up and stays >= 0."""
    data = draw(ANY_LAWFUL)
    if data["jurisdiction"] == "CN-GD-SZ":
        data["jurisdiction"] = draw(st.sampled_from(["CN-GD-SZ", "CN-GD-SZ", "CN-GD", "CN"]))
    for e in data["earnings"]:
        if e["kind"] in {"base", "overtime"} and draw(st.booleans()):
            e["amount"] = _money(D(e["amount"]) * D(draw(st.integers(0, 100))) / 100)
    gross = sum(D(e["amount"]) for e in data["earnings"])
    room = gross - sum(D(d["amount"]) for d in data["deductions"])
    if room < 0:  # the pay was cut below the withholdings: withhold nothing
        for d in data["deductions"]:
            d["amount"] = "0.00"
        room = gross
    for _ in range(draw(st.integers(0, 4))):
        amount = D(draw(st.integers(1, 300000))) / 100
        if amount > room:
            break
        room -= amount
        deduction: dict[str, Any] = {
            "kind": draw(st.sampled_from(DEDUCTION_KINDS)),
            "amount": _money(amount),
        }
        basis = draw(st.sampled_from(BASES))
        if basis:
            deduction["basis"] = {"kind": basis, "reference": "ref"}
        docs = draw(st.lists(st.sampled_from(DOCUMENTS), unique=True, max_size=2))
        if docs:
            deduction["documents"] = [{"kind": k, "date": data["period"]["start"]} for k in docs]
        if deduction["kind"] == "loss-compensation":
            cause = draw(st.sampled_from(CAUSES))
            if cause:
                deduction["caused_by"] = cause
            if draw(st.booleans()):
                deduction["written_notice_date"] = data["period"]["start"]
        data["deductions"].append(deduction)
    data["net_pay"] = net_of(data)
    return data


def _check(data: dict[str, Any]) -> paycheck.Report:
    return paycheck.check(paycheck.validate(data))


def _walk_no_float(value: Any, where: str = "report") -> None:
    assert not isinstance(value, float), f"float at {where}: {value!r}"
    if isinstance(value, dict):
        for k, v in value.items():
            _walk_no_float(v, f"{where}.{k}")
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            _walk_no_float(v, f"{where}[{i}]")


@SETTINGS
@given(messy())
def test_money_is_never_float(data):
    report = _check(data)
    _walk_no_float(report.model_dump())
    _walk_no_float(report.model_dump(mode="json"))
    assert isinstance(report.total_owed, Decimal)
    for f in report.findings:
        assert isinstance(f.amount_owed, Decimal) and isinstance(f.amount_uncertain, Decimal)
    for ln in report.lines:
        assert isinstance(ln.stated, Decimal)
    dumped = report.model_dump(mode="json")
    assert isinstance(dumped["total_owed"], str) and isinstance(dumped["total_uncertain"], str)


@SETTINGS
@given(messy())
def test_totals_add_up(data):
    report = _check(data)
    per_line: dict[str, Decimal] = {}
    for f in report.findings:
        if f.severity in COUNTED:
            key = f.line or f"<{f.rule}>"
            per_line[key] = max(per_line.get(key, D(0)), f.amount_owed)
    assert report.total_owed == sum(per_line.values(), D(0)).quantize(CENT), describe(report)
    assert report.total_owed >= 0 and report.total_uncertain >= 0
    for f in report.findings:
        if f.severity not in COUNTED:
            assert f.amount_owed == 0, f  # uncertain and not-checked never claim owed money
    assert report.exit_code == (1 if any(f.severity in COUNTED for f in report.findings) else 0)


@SETTINGS
@given(ANY_LAWFUL)
def test_a_lawful_payslip_has_no_findings(data):
    report = _check(data)
    assert report.findings == [], describe(report)
    assert report.exit_code == 0
    assert report.total_owed == 0


UNLAWFUL = st.sampled_from(
    [
        {"kind": "fine"},
        {"kind": "resignation-penalty"},
        {"kind": "business-cost"},
        {"kind": "loss-compensation", "caused_by": "customer"},
    ]
)


@SETTINGS
@given(messy(), UNLAWFUL, st.integers(1, 100000), st.sampled_from(BASES))
def test_an_unlawful_deduction_never_lowers_total_owed(data, extra, cents, basis):
    amount = D(cents) / 100
    assume(D(data["net_pay"]) >= amount)
    # Malaysia lets the employer keep a notice indemnity without a further document (EA
    # s.24(2)(b)): there a resignation deduction is not unlawful in itself.
    assume(not (data["jurisdiction"].startswith("MY") and extra["kind"] == "resignation-penalty"))
    before = _check(data)
    more = copy.deepcopy(data)
    deduction = {**extra, "amount": _money(amount)}
    if basis:
        deduction["basis"] = {"kind": basis, "reference": "ref"}
    more["deductions"].append(deduction)
    more["net_pay"] = net_of(more)
    after = _check(more)
    assert after.total_owed >= before.total_owed, (describe(before), describe(after))
    if basis is None:
        # with no documented basis the whole amount is owed on its own line
        assert after.total_owed == before.total_owed + amount, describe(after)


@SETTINGS
@given(messy())
def test_check_never_mutates_its_input(data):
    original = copy.deepcopy(data)
    payslip = paycheck.validate(data)
    dumped = payslip.model_dump()
    paycheck.check(payslip)
    paycheck.check(payslip, on=dt.date(2024, 1, 1))
    assert payslip.model_dump() == dumped
    assert data == original


def _forget_everything() -> None:
    """Drop every per-process cache of paycheck and the rule packs (the packs read, each
    jurisdiction's Law and its memoised answers, calendars and their years and periods, the
    minimums, notes and citations made once), so that the next check reads the law afresh."""
    import sys

    seen: set[int] = set()
    for name, module in list(sys.modules.items()):
        if not (name.startswith("paycheck") or name.startswith("rules")) or module is None:
            continue
        for value in list(vars(module).values()):
            targets = [value]
            if isinstance(value, type) and value.__module__ == name:
                targets += list(vars(value).values())
            for target in targets:
                target = getattr(target, "__func__", target)
                clear = getattr(target, "cache_clear", None)
                if callable(clear) and id(target) not in seen and not isinstance(target, type):
                    seen.add(id(target))
                    clear()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messy(), st.sampled_from([None, dt.date(2024, 1, 1), dt.date(2026, 6, 30)]))
def test_the_cached_law_gives_the_report_of_a_fresh_one(data, on):
    """Issue 12: what is computed once per jurisdiction, day and period and reused (packs,
    parameter answers, calendars, minimums) gives exactly the report of a check that reads
    the law afresh, on random payslips of every jurisdiction."""
    payslip = paycheck.validate(data)
    paycheck.check(payslip, on=on)  # warm the caches with this situation
    warm = paycheck.check(payslip, on=on).model_dump(mode="json")
    _forget_everything()
    fresh = paycheck.check(payslip, on=on).model_dump(mode="json")
    assert warm == fresh
