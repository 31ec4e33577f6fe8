"""The China day classifier (src/rules/cn/__init__.py), through ``packs.law("CN").calendar``.

Statutory days (300%): 全国年节及纪念日放假办法 第二条, 11 a year before 2025 and 13 from 2025
(国务院令第795号: 除夕 and 2 May added). Days off given when a holiday falls on a weekend
(art. 6, "(observed)" in the holidays package) and swapped days off are rest days (200%);
weekend make-up working days are working days. 2020-10-04 is an override (statutory).

What a year the calendar does not cover does to a check: tests/cases/cn/calendar-coverage.yaml.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from paycheck.law.calendar import DayClass
from paycheck.law.packs import law

HOLIDAY, REST, WORKING = DayClass.HOLIDAY, DayClass.REST, DayClass.WORKING


@pytest.fixture(scope="module")
def cal():
    return law("CN").calendar


def _year(year: int) -> list[date]:
    day, out = date(year, 1, 1), []
    while day.year == year:
        out.append(day)
        day += timedelta(1)
    return out


def _d(text: str) -> date:
    return date.fromisoformat(text)


STATUTORY_2021 = [
    "2021-01-01",  # New Year
    "2021-02-12",
    "2021-02-13",
    "2021-02-14",  # Spring Festival 初一-初三
    "2021-04-04",  # Qingming (a Sunday)
    "2021-05-01",  # Labour Day (a Saturday)
    "2021-06-14",  # Dragon Boat
    "2021-09-21",  # Mid-Autumn
    "2021-10-01",
    "2021-10-02",
    "2021-10-03",  # National Day
]

STATUTORY_2025 = [
    "2025-01-01",
    "2025-01-28",
    "2025-01-29",
    "2025-01-30",
    "2025-01-31",  # 除夕 + 初一-初三
    "2025-04-04",
    "2025-05-01",
    "2025-05-02",  # Labour Day, 2 days from 2025
    "2025-05-31",  # Dragon Boat (a Saturday)
    "2025-10-01",
    "2025-10-02",
    "2025-10-03",
    "2025-10-06",  # Mid-Autumn
]


def test_2021_has_11_statutory_days(cal):
    found_days = [d for d in _year(2021) if cal.day_class(d) is HOLIDAY]
    assert len(STATUTORY_2021) == 11
    assert found_days == [_d(s) for s in STATUTORY_2021]


def test_2025_has_13_statutory_days(cal):
    found_days = [d for d in _year(2025) if cal.day_class(d) is HOLIDAY]
    assert len(STATUTORY_2025) == 13
    assert found_days == [_d(s) for s in STATUTORY_2025]


@pytest.mark.parametrize("year", [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024])
def test_11_statutory_days_a_year_before_2025(cal, year):
    assert sum(1 for d in _year(year) if cal.day_class(d) is HOLIDAY) == 11


@pytest.mark.parametrize(
    "day",
    [
        "2021-10-04",
        "2021-10-05",  # National Day 2021 fell on Fri-Sun: days off given
        "2024-02-13",
        "2024-02-14",  # Spring Festival 2024 fell on Sat-Mon
        "2021-02-15",
        "2021-02-16",
        "2025-06-02",  # Dragon Boat 2025 fell on a Saturday
    ],
)
def test_observed_days_are_rest_days_not_statutory(cal, day):
    assert cal.day_class(_d(day)) is REST
    assert "fell on a weekend" in cal.describe(_d(day)).text()


@pytest.mark.parametrize(
    ("day", "swapped_with"),
    [
        ("2021-09-20", "2021-09-18"),
        ("2021-10-06", "2021-09-26"),
        ("2021-10-07", "2021-10-09"),
        ("2025-02-03", "2025-01-26"),
        ("2025-02-04", "2025-02-08"),
        ("2025-05-05", "2025-04-27"),
    ],
)
def test_substituted_days_off_are_rest_days(cal, day, swapped_with):
    assert cal.day_class(_d(day)) is REST
    assert swapped_with in cal.describe(_d(day)).text()


@pytest.mark.parametrize(
    "day",
    [
        "2021-09-18",
        "2021-09-26",
        "2021-10-09",
        "2025-01-26",
        "2025-02-08",
        "2025-04-27",
        "2023-05-06",
    ],
)
def test_make_up_working_days(cal, day):
    d = _d(day)
    assert d.weekday() >= 5  # a Saturday or Sunday...
    assert cal.day_class(d) is WORKING  # ...that is a working day
    assert cal.describe(d).text() == "weekend make-up working day"


@pytest.mark.parametrize(
    ("day", "cls"),
    [
        ("2021-09-19", REST),  # an ordinary Sunday inside the Mid-Autumn break
        ("2021-10-08", WORKING),  # an ordinary Friday
        ("2021-10-10", REST),  # an ordinary Sunday
        ("2024-02-09", WORKING),  # 除夕 2024: not statutory before 2025
        ("2024-05-02", REST),  # 2 May 2024: a swapped day off, not statutory before 2025
        ("2025-01-28", HOLIDAY),  # 除夕 2025: statutory from 2025
        ("2025-05-02", HOLIDAY),
    ],
)
def test_other_days(cal, day, cls):
    assert cal.day_class(_d(day)) is cls


def test_2020_10_04_override_is_statutory_with_its_source(cal):
    d = _d("2020-10-04")
    assert cal.day_class(d) is HOLIDAY
    basis = cal.basis(d)
    assert basis is not None
    assert basis.status == "unverified"
    assert "2020-09-18" in basis.citations[0].title
    assert cal.day_class(_d("2020-10-05")) is REST  # "(observed)" in the package
    assert cal.basis(_d("2020-10-05")) is None
    assert sum(1 for x in _year(2020) if cal.day_class(x) is HOLIDAY) == 11


def test_make_up_day_across_the_year_boundary(cal):
    # New Year 2019: Saturday 2018-12-29 worked, Monday 2018-12-31 off
    assert cal.day_class(_d("2018-12-29")) is WORKING
    assert cal.day_class(_d("2018-12-31")) is REST
    assert cal.day_class(_d("2019-01-01")) is HOLIDAY


@pytest.mark.parametrize("year", [2021, 2024, 2025])
def test_covered_years(cal, year):
    assert cal.covers(year) == (True, "")


@pytest.mark.parametrize(
    ("year", "why"),
    [
        (2027, "no State Council holiday notice for 2027"),
        # 2015 had a one-off 3 September holiday: 12 days found where the law sets 11
        (2015, "finds 12 statutory holidays in 2015 where the law sets 11"),
    ],
)
def test_uncovered_years(cal, year, why):
    covered, reason = cal.covers(year)
    assert not covered
    assert why in reason
