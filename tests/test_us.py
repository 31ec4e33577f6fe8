"""The United States packs (US, US-CA, US-CA-SF, US-CA-LA, US-TX): the minimum wages by level
and the highest of them, the calendar, where a claim is filed, and the surfaces.

The hand-computed law cases are data: tests/cases/us/minimum-wage.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from conftest import EXAMPLES

import paycheck
from paycheck import claim
from paycheck.claim import State
from paycheck.cli import main
from paycheck.facts.minimum import _level_value, _minimum_for
from paycheck.law.calendar import DayClass
from paycheck.law.packs import InForce, Status, law, subdivisions_with
from paycheck.law.vocabulary import P

D = Decimal
EXAMPLE = EXAMPLES / "us-ca-sf-2025-07-weekly.yaml"


def _d(s: str) -> date:
    return date.fromisoformat(s)


def _cli(capsys: Any, *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


# -- the minimum wage of each level, and the highest --------------------------------------


@pytest.mark.parametrize(
    ("code", "day", "headcount", "want", "level"),
    [
        ("US", "2025-07-01", None, "7.25", "US"),
        ("US-TX", "2025-07-01", None, "7.25", "US"),  # Labor Code 62.051: the federal rate
        ("US-CA", "2014-06-30", None, "7.25", "US"),  # before AB 10's first step
        ("US-CA", "2014-07-01", None, "9.00", "US-CA"),
        ("US-CA", "2016-01-01", None, "10.00", "US-CA"),
        ("US-CA", "2018-06-01", 30, "11.00", "US-CA"),
        ("US-CA", "2018-06-01", 25, "10.50", "US-CA"),  # 25 or fewer: the small employer's
        ("US-CA", "2022-12-31", 10, "14.00", "US-CA"),
        ("US-CA", "2023-01-01", 10, "15.50", "US-CA"),  # one rate for all from 2023
        ("US-CA", "2026-01-01", None, "16.90", "US-CA"),
        ("US-CA-SF", "2023-06-30", None, "15.50", "US-CA"),  # no SF value in the pack: CA's
        ("US-CA-SF", "2023-07-01", None, "18.07", "US-CA-SF"),
        ("US-CA-SF", "2025-06-30", None, "18.67", "US-CA-SF"),
        ("US-CA-SF", "2025-07-01", None, "19.18", "US-CA-SF"),
        ("US-CA-SF", "2026-07-01", None, "19.18", "US-CA-SF"),  # the last known, a floor
        ("US-CA-LA", "2024-07-01", None, "17.28", "US-CA-LA"),
        ("US-CA-LA", "2025-07-01", None, "17.87", "US-CA-LA"),
    ],
)
def test_the_minimum_in_force_by_level(code, day, headcount, want, level):
    on = _d(day)
    minimum, _, _ = _minimum_for(law(code), P.minimum_wage_hourly, None, on, on, headcount)
    assert minimum is not None
    assert (minimum.number, minimum.jurisdiction) == (D(want), level)


def test_an_unread_city_rate_is_unverified_and_its_floor_settled():
    sf = law("US-CA-SF").get(P.minimum_wage_hourly, _d("2026-07-01"))
    assert sf is not None and sf.status is Status.UNVERIFIED
    before = law("US-CA-SF").get(P.minimum_wage_hourly, _d("2026-06-30"))
    assert before is not None and before.settled and before.number == sf.number


@dataclass(frozen=True)
class _Level:
    code: str

    @property
    def info(self) -> _Level:
        return self


class _FakeLaw:
    """Three levels whose minimums are given per level (the most specific first)."""

    def __init__(self, levels: str, values: dict[str, dict[str, str]]) -> None:
        self.levels = [_Level(c) for c in ("X-A-B", "X-A", "X")]
        self._levels, self._values = levels, values

    def _value(self, name: str, code: str, number: str) -> InForce[Any]:
        return InForce(
            name, name, "an hour", D(number), date(2020, 1, 1), Status.VERIFIED, (), code, None
        )

    def get(self, param: Any, on: date) -> InForce[Any] | None:
        if param is P.minimum_wage_levels:
            return InForce(param.name, "", "", self._levels, on, Status.VERIFIED, (), "X", None)
        found = self.at_levels(param, on)
        return found[0] if found else None

    def at_levels(self, param: Any, on: date) -> list[InForce[Any]]:
        own = self._values.get(param.name, {})
        return [
            self._value(param.name, lv.code, own[lv.code]) for lv in self.levels if lv.code in own
        ]


def test_highest_never_lets_a_lower_state_rate_lower_the_floor():
    values = {"minimum_wage_hourly": {"X-A": "5.15", "X": "7.25"}}
    on = date(2025, 1, 1)
    nearest = _level_value(_FakeLaw("nearest", values), P.minimum_wage_hourly, on)  # type: ignore[arg-type]
    highest = _level_value(_FakeLaw("highest", values), P.minimum_wage_hourly, on)  # type: ignore[arg-type]
    assert nearest is not None and (nearest.number, nearest.jurisdiction) == (D("5.15"), "X-A")
    assert highest is not None and (highest.number, highest.jurisdiction) == (D("7.25"), "X")


def test_highest_takes_the_city_rate_over_a_small_employers_state_rate():
    values = {
        "minimum_wage_hourly": {"X-A-B": "15.00", "X-A": "11.00", "X": "7.25"},
        "minimum_wage_hourly_small_employer": {"X-A": "10.50"},
    }
    fake = _FakeLaw("highest", values)
    on = date(2025, 1, 1)
    small = _level_value(fake, P.minimum_wage_hourly_small_employer, on, P.minimum_wage_hourly)  # type: ignore[arg-type]
    assert small is not None and (small.number, small.jurisdiction) == (D("15.00"), "X-A-B")
    del values["minimum_wage_hourly"]["X-A-B"]
    small = _level_value(fake, P.minimum_wage_hourly_small_employer, on, P.minimum_wage_hourly)  # type: ignore[arg-type]
    assert small is not None and (small.number, small.jurisdiction) == (D("10.50"), "X-A")


def test_equal_rates_cite_the_more_specific_level():
    values = {"minimum_wage_hourly": {"X-A-B": "7.25", "X": "7.25"}}
    found = _level_value(_FakeLaw("highest", values), P.minimum_wage_hourly, date(2025, 1, 1))  # type: ignore[arg-type]
    assert found is not None and found.jurisdiction == "X-A-B"


# -- "a more specific jurisdiction code may have one": only where one below has it ----------


@pytest.mark.parametrize(
    ("code", "name", "day", "want"),
    [
        # no US level below California sets a monthly minimum: the message must not say so
        ("US-CA", "minimum_wage_monthly", "2025-07-31", False),
        # San Francisco and Los Angeles set hourly ones, from 2023-07-01 in the packs
        ("US-CA", "minimum_wage_hourly", "2025-07-31", True),
        ("US-CA", "minimum_wage_hourly", "2023-06-30", False),
        ("US", "minimum_wage_hourly", "2025-07-31", True),
        ("US-TX", "minimum_wage_hourly", "2025-07-31", False),  # no level below Texas
        ("CN", "minimum_wage_monthly", "2023-06-30", True),  # the provinces set them
    ],
)
def test_a_more_specific_code_is_named_only_where_one_has_the_value(code, name, day, want):
    assert subdivisions_with(code, name, _d(day)) is want


def test_a_salary_is_held_to_the_hourly_minimum_not_a_monthly_one():
    """The brief's payslip: no "monthly minimum wage" gap, a shortfall on 40 h x 52 / 12."""
    p = paycheck.load(EXAMPLE)
    data = p.model_dump(mode="json")
    data.update(jurisdiction="US-CA", period={"start": "2025-07-01", "end": "2025-07-31"})
    data["paid_on"] = "2025-07-31"
    data["contract"].update(pay_basis="monthly", wage="2000.00", pay_frequency="monthly")
    data["attendance"] = {}
    data["earnings"] = [{"kind": "base", "amount": "2000.00"}]
    data["net_pay"] = "2000.00"
    report = paycheck.check(paycheck.Payslip.model_validate(data))
    texts = [f.message for f in report.findings]
    assert not any("monthly minimum wage" in t for t in texts)
    (found,) = [f for f in report.findings if f.rule == "minimum-wage"]
    assert found.amount_owed == D("860.00")


# -- the calendar ---------------------------------------------------------------------------

FEDERAL_2025 = [
    "2025-01-01",
    "2025-01-20",
    "2025-02-17",
    "2025-05-26",
    "2025-06-19",
    "2025-07-04",
    "2025-09-01",
    "2025-10-13",
    "2025-11-11",
    "2025-11-27",
    "2025-12-25",
]  # 5 U.S.C. 6103(a): the eleven federal holidays


def _holidays(code: str, year: int) -> list[date]:
    cal = law(code).calendar
    day, out = date(year, 1, 1), []
    while day.year == year:
        if cal.day_class(day) is DayClass.HOLIDAY:
            out.append(day)
        day += timedelta(days=1)
    return out


def test_federal_holidays_2025():
    assert _holidays("US", 2025) == [_d(s) for s in FEDERAL_2025]


def test_federal_holidays_2026_with_the_observed_independence_day():
    days = _holidays("US", 2026)
    assert len(days) == 12  # 11, and Friday 3 July observed for Saturday 4 July
    assert {_d("2026-01-19"), _d("2026-07-03"), _d("2026-11-26"), _d("2026-12-25")} <= set(days)


def test_california_adds_its_own_days():
    ca = set(_holidays("US-CA", 2025))
    assert {_d("2025-03-31"), _d("2025-11-28")} <= ca  # Cesar Chavez Day, day after Thanksgiving
    assert _d("2025-03-31") not in _holidays("US", 2025)
    assert _holidays("US-CA-SF", 2025) == _holidays("US-CA", 2025)
    assert law("US").calendar.describe(_d("2025-07-04")).text() == (
        "Independence Day, public holiday"
    )


@pytest.mark.parametrize("code", ["US", "US-CA", "US-CA-LA", "US-TX"])
def test_the_calendar_covers_the_packs_years(code):
    cal = law(code).calendar
    assert cal.covers(2009)[0] and cal.covers(2025)[0] and cal.covers(2026)[0]
    assert not cal.covers(2008)[0]
    assert cal.day_class(_d("2025-07-06")) is DayClass.REST  # Sunday
    assert cal.day_class(_d("2025-07-07")) is DayClass.WORKING


def test_a_holiday_in_the_period_is_a_note_not_a_finding():
    data = paycheck.load(EXAMPLE).model_dump(mode="json")
    data["period"] = {"start": "2025-06-30", "end": "2025-07-06"}
    data["attendance"] = {
        "days_worked": [{"from": "2025-06-30", "to": "2025-07-04"}],
        "hours": [
            {"date": f"2025-0{d}", "paid_hours": 8}
            for d in ("6-30", "7-01", "7-02", "7-03", "7-04")
        ],
    }
    report = paycheck.check(paycheck.Payslip.model_validate(data))
    assert [f.rule for f in report.findings] == ["not-checked"]  # late-payment only
    assert "late-payment" in report.findings[0].message
    notes = [n.text() if hasattr(n, "text") else str(n) for n in report.notes]
    assert any("2025-07-04" in n and "29 U.S.C. 207(a)(1)" in n for n in notes), notes


# -- where a claim is filed -------------------------------------------------------------------


def _filing(code: str, today: str) -> claim.Filing:
    slip = paycheck.load(EXAMPLE).model_copy(update={"jurisdiction": code})
    return claim.law.filing(slip, _d(today), "en")


def test_federal_claim_two_years_from_the_period():
    f = _filing("US-TX", "2026-11-26")
    assert f.deadline.last_day == _d("2027-07-13")  # 2025-07-13 + 2 years (29 U.S.C. 255(a))
    assert f.deadline.state is State.OPEN
    assert "Wage and Hour Division" in f.to
    assert "2028-07-13" in " ".join(f.limit) or "13 July 2028" in " ".join(f.limit)
    assert "216(b)" in " ".join(f.where)


def test_california_claim_three_years_with_the_labor_commissioner():
    f = _filing("US-CA-SF", "2028-06-01")
    assert f.deadline.last_day == _d("2028-07-13")  # 3 years, Code Civ. Proc. 338(a)
    assert f.deadline.state is State.NEAR
    assert "Labor Commissioner" in f.to
    assert "338(a)" in " ".join(f.limit) and "337" in " ".join(f.limit)


def test_claim_command_for_a_us_payslip(capsys, tmp_path):
    rc, out, err = _cli(capsys, "claim", str(EXAMPLE), "--today", "2026-11-26")
    assert "Labor Commissioner" in out, err
    assert rc == 0


# -- the surfaces -----------------------------------------------------------------------------


def test_the_example_is_lawful_and_the_packs_start_from_it(capsys):
    report = paycheck.check(paycheck.load(EXAMPLE))
    assert report.total_owed == D("0.00")
    assert law("US-CA-SF").example == "us-ca-sf-2025-07-weekly.yaml"
    rc, _, _ = _cli(capsys, "check", str(EXAMPLE))
    assert rc == 0


def test_rules_lists_the_minimum_wage_of_every_level(capsys):
    rc, out, err = _cli(capsys, "rules", "US-CA-SF", "--on", "2025-07-01")
    assert (rc, err) == (0, "")
    block = out.split("minimum_wage_hourly  [", 1)[1].split("\nminimum_wage_hourly_small", 1)[0]
    assert "= 19.18 USD an hour  (from 2025-07-01, US-CA-SF)" in block
    assert "also US-CA: 16.5 USD an hour  (from 2025-01-01)" in block
    assert "also US: 7.25 USD an hour  (from 2009-07-24)" in block
    assert "12R.4" in block and "1182.12" in block and "29 U.S.C. 206(a)(1)(C)" in block
    assert "= highest level" in out and "29 U.S.C. 218(a)" in out
