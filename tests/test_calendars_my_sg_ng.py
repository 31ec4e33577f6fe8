"""The Malaysian, Singaporean and Nigerian calendars (src/rules/{my,sg,ng}/__init__.py), through
``packs.law(code).calendar``.

The 2025 public-holiday lists are the ``holidays`` package's (version 0.109), checked against
the official lists as remembered independently:

* Kuala Lumpur (MY-14): the Cabinet Office's 2025 list, with 1 September in lieu of National
  Day (a Sunday) and 15 September, the additional holiday the Prime Minister appointed
  (Holidays Act 1951 s.8).  Federal Territory Day (1 Feb) and Hari Raya Haji (7 Jun) fell on
  Saturdays: no day in lieu (only a Sunday holiday gets one).
* Singapore: the Ministry of Manpower's 2025 list, with Polling Day (3 May).  Polling Day,
  Hari Raya Haji and National Day fell on Saturdays and none on a Sunday: no day in lieu.
* Nigeria (and Lagos): the Federal Government's declarations: 31 Mar and 1 Apr for Id el
  Fitr (30 Mar, a Sunday), 6 and 9 Jun for Id el Kabir (the holiday of 7 Jun, a Saturday,
  moves to Monday), 15 Jul mourning President Buhari, 5 Sep Id el Maulud.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from paycheck.law.calendar import DayClass, classify_period
from paycheck.law.packs import Status, all_packs, law

HOLIDAY, REST, OFF, WORKING = DayClass.HOLIDAY, DayClass.REST, DayClass.OFF, DayClass.WORKING
EA_HREF = "https://www.lawyerment.com/library/legislation/acts/1955/265/part/XII/page-2.htm"


def _d(text: str) -> date:
    return date.fromisoformat(text)


def _holidays(code: str, year: int) -> list[date]:
    cal = law(code).calendar
    day, out = date(year, 1, 1), []
    while day.year == year:
        if cal.day_class(day) is HOLIDAY:
            out.append(day)
        day += timedelta(1)
    return out


KL_2025 = [
    "2025-01-01",  # New Year's Day
    "2025-01-29", "2025-01-30",  # Chinese New Year, two days
    "2025-02-01",  # Federal Territory Day (a Saturday)
    "2025-02-11",  # Thaipusam
    "2025-03-18",  # Nuzul Al-Quran
    "2025-03-31", "2025-04-01",  # Hari Raya Aidilfitri, two days
    "2025-05-01",  # Labour Day
    "2025-05-12",  # Wesak
    "2025-06-02",  # Birthday of the Yang di-Pertuan Agong
    "2025-06-07",  # Hari Raya Haji (a Saturday)
    "2025-06-27",  # Awal Muharram
    "2025-08-31", "2025-09-01",  # National Day (a Sunday) and the day in lieu
    "2025-09-05",  # Maulidur Rasul
    "2025-09-15",  # additional holiday (Holidays Act 1951 s.8)
    "2025-09-16",  # Malaysia Day
    "2025-10-20",  # Deepavali
    "2025-12-25",  # Christmas
]  # fmt: skip

SG_2025 = [
    "2025-01-01",  # New Year's Day
    "2025-01-29", "2025-01-30",  # Chinese New Year
    "2025-03-31",  # Hari Raya Puasa
    "2025-04-18",  # Good Friday
    "2025-05-01",  # Labour Day
    "2025-05-03",  # Polling Day (a Saturday)
    "2025-05-12",  # Vesak Day
    "2025-06-07",  # Hari Raya Haji (a Saturday)
    "2025-08-09",  # National Day (a Saturday)
    "2025-10-20",  # Deepavali
    "2025-12-25",  # Christmas Day
]  # fmt: skip

NG_2025 = [
    "2025-01-01",  # New Year's Day
    "2025-03-30", "2025-03-31", "2025-04-01",  # Id el Fitr (a Sunday), its holiday, in lieu
    "2025-04-18", "2025-04-21",  # Good Friday, Easter Monday
    "2025-05-01",  # Workers' Day
    "2025-06-06", "2025-06-07", "2025-06-09",  # Id el Kabir, its holiday (a Saturday), in lieu
    "2025-06-12",  # Democracy Day
    "2025-07-15",  # mourning President Buhari
    "2025-09-05",  # Id el Maulud
    "2025-10-01",  # National Day
    "2025-12-25", "2025-12-26",  # Christmas Day, Boxing Day
]  # fmt: skip


# -- the packs ----------------------------------------------------------------------------


def test_the_packs_load_with_names_and_currencies():
    packs = all_packs()
    states = {f"MY-{n:02d}" for n in range(1, 17)}
    assert states | {"MY", "SG", "NG", "NG-LA"} <= set(packs)
    assert packs["MY-14"].info.name == "Wilayah Persekutuan Kuala Lumpur"
    assert packs["MY-01"].info.name == "Johor"
    assert packs["NG-LA"].info.name == "Lagos"
    assert all(packs[s].info.currency is None for s in states)  # the country's, inherited
    assert (law("MY-14").currency, law("MY-14").minor_unit) == ("MYR", 2)
    assert (law("SG").currency, law("NG-LA").currency) == ("SGD", "NGN")
    assert law("MY-14").name == "Malaysia / Wilayah Persekutuan Kuala Lumpur"


def test_calendars_are_built_once_hashable_and_per_state():
    kl = law("MY-14").calendar
    assert kl is law("MY-14").calendar
    assert kl is not law("MY-02").calendar
    assert hash(kl) == hash(kl)
    period = classify_period(kl, _d("2025-09-01"), _d("2025-09-30"))  # cached by calendar
    assert period is classify_period(kl, _d("2025-09-01"), _d("2025-09-30"))
    days = ("2025-09-01", "2025-09-05", "2025-09-15", "2025-09-16")
    assert period.holidays == tuple(_d(s) for s in days)


# -- the 2025 lists -----------------------------------------------------------------------


def test_kuala_lumpur_2025_public_holidays():
    assert _holidays("MY-14", 2025) == [_d(s) for s in KL_2025]


def test_federal_list_2025_has_no_state_holidays():
    federal = _holidays("MY", 2025)
    assert _d("2025-02-01") not in federal  # Federal Territory Day
    assert _d("2025-10-20") not in federal  # Deepavali is a state holiday (not Sarawak)
    assert _d("2025-01-01") not in federal  # New Year's Day too
    assert {_d("2025-08-31"), _d("2025-09-01"), _d("2025-09-16")} <= set(federal)


def test_singapore_2025_public_holidays():
    assert _holidays("SG", 2025) == [_d(s) for s in SG_2025]


def test_nigeria_and_lagos_2025_public_holidays():
    assert _holidays("NG-LA", 2025) == [_d(s) for s in NG_2025]
    assert _holidays("NG", 2025) == _holidays("NG-LA", 2025)


def test_holidays_are_described():
    assert law("NG-LA").calendar.describe(_d("2025-05-01")).text() == "Workers' Day, public holiday"
    assert law("SG").calendar.describe(_d("2025-03-31")).text() == "Hari Raya Puasa, public holiday"
    kl_lieu = law("MY-14").calendar.describe(_d("2025-09-01")).text()
    assert kl_lieu == "National Day (in lieu), public holiday"
    ng_lieu = law("NG").calendar.describe(_d("2025-06-09")).text()
    assert ng_lieu == "Id el Kabir Holiday (in lieu), public holiday"


# -- weekends and the default schedule ----------------------------------------------------


@pytest.mark.parametrize("code", ["MY-14", "MY", "SG", "NG-LA"])
def test_sunday_rest_saturday_off_wednesday_working(code):
    cal = law(code).calendar
    assert cal.day_class(_d("2025-06-15")) is REST
    assert cal.describe(_d("2025-06-15")).text() == "rest day (Sunday)"
    assert cal.day_class(_d("2025-06-14")) is OFF
    assert cal.describe(_d("2025-06-14")).text() == "off day (Saturday)"
    assert cal.day_class(_d("2025-06-11")) is WORKING
    assert cal.describe(_d("2025-06-11")).text() == "working day"
    assert cal.day_class(_d("2025-06-13")) is WORKING  # a Friday


@pytest.mark.parametrize("code", ["MY-02", "MY-03", "MY-11"])
def test_kedah_kelantan_terengganu_rest_on_friday(code):
    cal = law(code).calendar
    assert cal.day_class(_d("2025-07-11")) is REST
    assert cal.describe(_d("2025-07-11")).text() == "rest day (Friday)"
    assert cal.day_class(_d("2025-07-12")) is OFF
    assert cal.day_class(_d("2025-07-13")) is WORKING  # Sunday is a working day
    assert cal.day_class(_d("2025-07-09")) is WORKING


def test_johor_weekend_moved_to_saturday_sunday_in_2025():
    cal = law("MY-01").calendar
    assert [cal.day_class(_d(s)) for s in ("2024-06-07", "2024-06-08", "2024-06-09")] == [
        REST,  # Friday
        OFF,
        WORKING,  # Sunday
    ]
    assert [cal.day_class(_d(s)) for s in ("2025-06-13", "2025-06-14", "2025-06-15")] == [
        WORKING,  # Friday
        OFF,
        REST,  # Sunday
    ]


# -- days in lieu -------------------------------------------------------------------------


def test_sunday_holiday_gives_the_monday():
    kl, sg = law("MY-14").calendar, law("SG").calendar
    assert kl.day_class(_d("2025-08-31")) is HOLIDAY  # National Day, a Sunday
    assert kl.day_class(_d("2025-09-01")) is HOLIDAY
    assert sg.day_class(_d("2026-08-09")) is HOLIDAY  # National Day 2026, a Sunday
    assert sg.day_class(_d("2026-08-10")) is HOLIDAY
    assert sg.describe(_d("2026-08-10")).text() == "National Day (in lieu), public holiday"
    assert sg.day_class(_d("2025-08-11")) is WORKING  # 9 Aug 2025 was a Saturday: none


def test_nigeria_gives_a_day_in_lieu_for_saturday_and_sunday():
    ng = law("NG").calendar
    assert ng.day_class(_d("2025-12-26")) is HOLIDAY
    assert ng.day_class(_d("2026-12-26")) is HOLIDAY  # Boxing Day 2026, a Saturday
    assert ng.day_class(_d("2026-12-28")) is HOLIDAY  # the Monday in lieu
    assert ng.describe(_d("2026-12-28")).text() == "Boxing Day (in lieu), public holiday"


def test_kedah_friday_holiday_gives_the_sunday():
    cal = law("MY-02").calendar
    assert cal.day_class(_d("2025-09-05")) is HOLIDAY  # Maulidur Rasul on the Friday rest day
    assert cal.day_class(_d("2025-09-07")) is HOLIDAY  # Sunday, in lieu
    assert cal.describe(_d("2025-09-07")).text() == (
        "Prophet Muhammad's Birthday (in lieu), public holiday"
    )
    assert cal.basis(_d("2025-09-07")).status is Status.CONTESTED  # not one of the five


def test_kelantan_replaces_saturday_holidays_and_flags_friday_ones():
    cal = law("MY-03").calendar
    # Hari Raya Haji on Saturday 7 June 2025, its second day on Sunday: Monday in lieu.
    assert cal.day_class(_d("2025-06-09")) is HOLIDAY
    # Maulidur Rasul on Friday 5 Sept 2025 (the rest day): the gazette gives no day in lieu;
    # the Employment Act s.60D(1) proviso may make Sunday a substitute holiday.
    sunday = _d("2025-09-07")
    assert cal.day_class(sunday) is WORKING
    basis = cal.basis(sunday)
    assert basis.status is Status.CONTESTED
    assert basis.citations[0].short() == "Employment Act 1955 s.60D(1), proviso"
    assert "substitute" in cal.describe(sunday).text()


def test_two_holidays_on_one_day_flag_the_next_working_day():
    # 16 Sept 2024: Malaysia Day and Maulidur Rasul.  No gazetted replacement on 17 Sept;
    # the HR Ministry: employers observing Maulidur Rasul give 17 Sept (s.60D(1)).
    cal = law("MY-14").calendar
    assert cal.basis(_d("2024-09-16")) is None  # Malaysia Day is fixed
    assert cal.day_class(_d("2024-09-17")) is WORKING
    assert cal.basis(_d("2024-09-17")).status is Status.CONTESTED


def test_islamic_new_year_day_in_lieu_added_and_unverified():
    # Awal Muharram on Sunday 7 July 2024: the package gives no day in lieu; the pack adds
    # Monday 8 July (Holidays Act 1951 s.3), marked unverified.
    cal = law("MY-14").calendar
    assert cal.day_class(_d("2024-07-08")) is HOLIDAY
    assert cal.describe(_d("2024-07-08")).text() == "Islamic New Year (in lieu), public holiday"
    basis = cal.basis(_d("2024-07-08"))
    assert basis.status is Status.UNVERIFIED
    assert basis.citations[0].short() == "Holidays Act 1951 s.3"
    # Johor had a Friday-Saturday weekend in 2024: Sunday was a working day, nothing added.
    assert law("MY-01").calendar.day_class(_d("2024-07-08")) is WORKING


# -- basis: the five fixed holidays and the designated ones --------------------------------


@pytest.mark.parametrize(
    "day",
    [
        "2025-09-01",  # National Day's day in lieu (the day itself, a Sunday: below)
        "2025-06-02",  # Birthday of the Yang di-Pertuan Agong
        "2025-02-01",  # Federal Territory Day
        "2025-05-01",  # Workers' Day
        "2025-09-16",  # Malaysia Day
        "2025-09-15",  # appointed under Holidays Act 1951 s.8: s.60D(1)(b)
    ],
)
def test_kl_fixed_and_appointed_holidays_have_no_basis(day):
    assert law("MY-14").calendar.basis(_d(day)) is None


@pytest.mark.parametrize(
    "day", ["2025-01-01", "2025-01-29", "2025-03-31", "2025-06-27", "2025-10-20", "2025-12-25"]
)
def test_kl_other_holidays_are_among_the_eleven_designated(day):
    basis = law("MY-14").calendar.basis(_d(day))
    assert basis is not None
    assert basis.status is Status.CONTESTED
    assert basis.label == "a paid holiday only if it is among the 11 the employer designates"
    (cite,) = basis.citations
    assert (cite.title, cite.article, cite.href) == ("Employment Act 1955", "s.60D(1)(a)", EA_HREF)
    assert not basis.settled


def test_a_holiday_on_the_rest_day_is_contested_for_work_on_it():
    # National Day, Sunday 31 August 2025, the weekly rest day: Monday 1 September is the paid
    # holiday in substitution (s.60D(1), proviso); whether work on the Sunday itself earns the
    # holiday rate or the rest-day rate is not settled
    cal = law("MY-14").calendar
    basis = cal.basis(_d("2025-08-31"))
    assert basis is not None
    assert basis.status is Status.CONTESTED
    assert basis.label.startswith("a public holiday on the weekly rest day")
    (cite,) = basis.citations
    assert cite.article == "s.60D(1), proviso; s.60(3)"
    assert cal.day_class(_d("2025-08-31")) is DayClass.HOLIDAY


def test_working_and_rest_days_have_no_basis():
    cal = law("MY-14").calendar
    assert cal.basis(_d("2025-06-11")) is None
    assert cal.basis(_d("2025-06-15")) is None


def test_the_rulers_birthday_is_fixed_once():
    cal = law("MY-03").calendar  # Kelantan: the Sultan's birthday spans 29-30 Sept 2025
    assert cal.basis(_d("2025-09-29")) is None
    assert cal.basis(_d("2025-09-30")).status is Status.CONTESTED
    assert law("MY-10").calendar.basis(_d("2025-12-11")) is None  # Sultan of Selangor


def test_sabah_holidays_are_unverified_outside_the_employment_act():
    cal = law("MY-12").calendar
    basis = cal.basis(_d("2025-05-30"))  # Pesta Kaamatan
    assert cal.day_class(_d("2025-05-30")) is HOLIDAY
    assert basis.status is Status.UNVERIFIED
    assert basis.citations[0].title == "Labour Ordinance (Sabah Cap. 67)"
    assert cal.basis(_d("2025-08-31")).status is Status.UNVERIFIED


@pytest.mark.parametrize("code", ["SG", "NG-LA"])
def test_singapore_and_nigeria_have_no_basis_in_confirmed_years(code):
    cal = law(code).calendar
    assert all(cal.basis(d) is None for d in _holidays(code, 2025))


# -- covered years ------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["MY-14", "MY-02", "MY-12", "MY", "SG", "NG-LA"])
def test_2025_is_covered(code):
    assert law(code).calendar.covers(2025) == (True, "")


@pytest.mark.parametrize(
    ("code", "year", "why"),
    [
        ("MY-14", 2011, "not relied on before 2012"),
        ("MY-14", 2028, "only estimates the 2028 date of Chinese New Year"),
        ("MY-14", 2029, "only up to 2027"),
        ("SG", 2000, "not relied on before 2001"),
        ("SG", 2028, "Deepavali"),  # estimated without a mark: asked of the Hindu calendar
        ("NG", 2009, "days in lieu only from 2010"),
        ("NG-LA", 2027, "only up to 2025"),
    ],
)
def test_years_not_covered_say_why(code, year, why):
    covered, reason = law(code).calendar.covers(year)
    assert not covered
    assert why in reason
    assert reason.startswith("the holidays package (version ")
    assert reason.endswith(".")


def test_estimated_islamic_dates_are_covered_but_unverified():
    # Nigeria 2026: Id el Kabir (and its holiday) and Id el Maulud are only estimated.
    cal = law("NG-LA").calendar
    assert cal.covers(2026) == (True, "")
    assert cal.day_class(_d("2026-05-28")) is HOLIDAY
    assert cal.describe(_d("2026-05-28")).text() == "Id el Kabir (date estimated), public holiday"
    assert cal.basis(_d("2026-05-28")).status is Status.UNVERIFIED
    # The feast may be declared a day or two off: the days around are flagged too.
    for day in ("2026-05-26", "2026-05-27", "2026-05-30", "2026-05-31"):
        assert cal.basis(_d(day)).status is Status.UNVERIFIED, day
    assert cal.day_class(_d("2026-05-27")) is WORKING
    assert cal.basis(_d("2026-05-25")) is None
    assert cal.basis(_d("2026-08-26")).status is Status.UNVERIFIED  # Id el Maulud
    # Confirmed dates stay unflagged: Id el Fitr 2026 was declared.
    assert cal.basis(_d("2026-03-19")) is None
