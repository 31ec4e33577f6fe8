"""Malaysia's calendar: the public holidays of a state or federal territory (``MY-01`` to
``MY-16``, ISO 3166-2:MY, e.g. ``MY-14`` Kuala Lumpur), or the federal list alone (``MY``).

**Default schedule** (a payslip's contract may override it).  The weekend is the state's,
as the ``holidays`` package dates it: Friday-Saturday in Kedah, Kelantan and Terengganu,
and in Johor from 2014 to 2024 (Saturday-Sunday again from 1 January 2025);
Saturday-Sunday elsewhere and for ``MY``.  The first day of the pair is the weekly **rest
day** (Friday, or Sunday) and the other an **off day** (Saturday); Monday to Friday, or
Sunday to Thursday, are working days.

**Public holidays** are the package's list for the state (``holidays.country_holidays("MY",
subdiv=...)``; at country level the federal holidays only), including the gazetted day in
lieu ("<holiday> (observed)") the Holidays Act 1951 s.3 gives when a holiday falls on the
state's weekly holiday: Sunday; Friday in Kedah and (2014-2024) Johor; Saturday in
Kelantan and Terengganu, whose state rule replaces a Saturday holiday.  One correction: the
package gives no day in lieu for Islamic New Year (Awal Muharram), although the federal
list does (Sunday 7 July 2024 gave Monday 8 July 2024); this pack adds it by the same rule
in the states under the Holidays Act (not Sabah, Sarawak) and marks it ``unverified``.

**Basis** (which holidays an employee is certainly paid for).  Employment Act 1955
s.60D(1) (Peninsular Malaysia and Labuan): (a) eleven gazetted public holidays, five of
them fixed - National Day, the Birthday of the Yang di-Pertuan Agong, the Birthday of the
Ruler or Yang di-Pertua Negeri of the state (Federal Territory Day in a federal
territory), Workers' Day and Malaysia Day - the other six designated by the employer; and
(b) any day appointed under s.8 of the Holidays Act 1951.  So ``basis`` is ``None`` for
the five fixed days, their days in lieu, and the days the federal government appointed
(the package's federal special days: election holidays, "Additional holiday" 15 Sept
2025, ...); every other gazetted holiday is ``contested`` ("a paid holiday only if it is
among the 11 the employer designates").  Where a state's ruler's birthday spans two days
(Kelantan), the first is the fixed one.  State one-off holidays stay contested (the
package does not say whether the state or the Minister appointed them).  The s.60D(1)
proviso gives the working day after a holiday that falls on the rest day, or on another
holiday, in substitution; where the gazette gives no such day (Kelantan and Terengganu
replace Saturday, not Friday, holidays; 16 Sept 2024 carried two holidays) that working
day is flagged ``contested``.  A holiday that falls on the weekly rest day (Sunday 31 August
2025, National Day) is ``contested`` too: its paid holiday is the day in lieu, and whether
work on the rest day itself earns the holiday rate (s.60D(3)) or the rest-day rate (s.60(3))
is not settled, so a finding on such work is uncertain.  The Employment Act does not apply
in Sabah and Sarawak (their Labour Ordinances, Cap. 67 and Cap. 76, are not encoded here):
every holiday there is ``unverified``.

**Covered years** (policy of :class:`paycheck.rules.sg.PackageCalendar`): from 2012, the
first year the package's Malaysian lists were checked against the Cabinet Office's yearly
lists; and not a year for which the package only estimates a lunar date (with version
0.109: 2028 on).  Estimated Islamic dates in a covered year would be flagged ``unverified``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any, ClassVar

from paycheck.law.calendar import DayClass
from paycheck.law.holiday_package import country_module
from paycheck.law.holidays_calendar import (
    FRI,
    OBSERVED,
    SAT,
    SUN,
    KnownDay,
    PackageCalendar,
    Parts,
    base_name,
    day_basis,
)
from paycheck.law.packs import InForce, Law, Status
from paycheck.messages import Localized, msg

EA = "Employment Act 1955"
EA_HREF = "https://www.lawyerment.com/library/legislation/acts/1955/265/part/XII/page-2.htm"
EA_NOTE = (
    "s.60D(1)(a): eleven gazetted public holidays a year, five of which are National Day, "
    "the Birthday of the Yang di-Pertuan Agong, the Birthday of the Ruler or Yang di-Pertua "
    "Negeri of the state (Federal Territory Day in a federal territory), Workers' Day and "
    "Malaysia Day; the employer designates the other six."
)
HOLIDAYS_ACT_HREF = "https://mylaw.my/legislation/act-1951-369/section-3"

# The five fixed holidays of s.60D(1)(a), as the package names them in English.
FIXED = frozenset(
    {
        "National Day",
        "Birthday of HM Yang di-Pertuan Agong",
        "Labor Day",
        "Malaysia Day",
        "Federal Territory Day",
    }
)
RULERS_BIRTHDAY = re.compile(r"^Birthday of (?:the|The) (?:Sultan|Raja|Governor) of ")
ISLAMIC_NEW_YEAR = "Islamic New Year"
ORDINANCES = {"12": "Labour Ordinance (Sabah Cap. 67)", "13": "Labour Ordinance (Sarawak Cap. 76)"}


class MalaysiaCalendar(PackageCalendar):
    """Working days, rest days and public holidays of a Malaysian state (or the federation)."""

    country: ClassVar[str] = "MY"
    name: ClassVar[str] = "Malaysia"
    language: ClassVar[str] = "en_US"
    first_year: ClassVar[int] = 2012
    first_year_why: ClassVar[str] = (
        "its Malaysian lists are checked against the Cabinet Office's yearly lists only from 2012"
    )

    def __init__(self, law: Law) -> None:
        parts = law.code.split("-")
        super().__init__(law, parts[1] if len(parts) > 1 else None)
        self._ordinance = ORDINANCES.get(self._subdiv or "")
        self._added: set[date] = set()  # days in lieu this pack adds

    def _silent_estimates(self, year: int, days: Mapping[date, Parts]) -> list[str]:
        hindu = country_module("malaysia").MalaysiaHinduHolidays()
        found = [("Deepavali", hindu.diwali_date(year)), ("Thaipusam", hindu.thaipusam_date(year))]
        return [name for name, (day, estimated) in found if estimated and day in days]

    def _trigger(self, year: int) -> int:
        """The weekday whose holiday gets a day in lieu (the package's rule for the state)."""
        if self._subdiv in ("03", "11"):
            return SAT
        johor_friday = year <= 1994 or 2014 <= year <= 2024
        if self._subdiv == "02" or (self._subdiv == "01" and johor_friday):
            return FRI
        return SUN

    def _adjust(self, year: int, found: dict[date, Parts]) -> dict[date, Parts]:
        """Add the day in lieu of Islamic New Year that the package leaves out."""
        if self._ordinance:
            return found
        found = dict(found)
        lieu = f"{ISLAMIC_NEW_YEAR} (observed)"
        for day, parts in sorted(found.items()):
            if ISLAMIC_NEW_YEAR not in parts or day.weekday() != self._trigger(day.year):
                continue
            if any(lieu in found.get(day + timedelta(n), ()) for n in range(1, 8)):
                continue  # a later package version gives it
            sub = day + timedelta(1)
            while sub in found or sub.weekday() in self._weekend(sub.year):
                sub += timedelta(1)
            found[sub] = (*found.get(sub, ()), lieu)
            self._added.add(sub)
        return found

    def _fixed(self, part: str, day: date, found: Mapping[date, Parts]) -> bool:
        """One of the five fixed holidays of s.60D(1)(a) (or its day in lieu)."""
        name = base_name(part)
        if name in FIXED:
            return True
        if not RULERS_BIRTHDAY.match(name):
            return False
        if OBSERVED in part:
            return True
        first = min(
            d for d, parts in found.items() if d.year == day.year and any(p == name for p in parts)
        )
        return day == first

    def _replaced(self, day: date, parts: Parts, found: Mapping[date, Parts]) -> bool:
        """A holiday on the weekly rest day (the Holidays Act's weekly holiday, the pack's
        default rest day) whose day in lieu the gazette gives within the next week."""
        if day.weekday() != self._trigger(day.year):
            return False
        names = {base_name(p) for p in parts if OBSERVED not in p}
        return any(
            f"{name} (observed)" in found.get(day + timedelta(n), ())
            for name in names
            for n in range(1, 8)
        )

    @staticmethod
    def _appointed(day: date) -> bool:
        """A day the federal government appointed (Holidays Act 1951 s.8)."""
        static = country_module("malaysia").MalaysiaStaticHolidays
        entry: tuple[Any, ...] = static.special_public_holidays.get(day.year, ())
        rows = [entry] if entry and isinstance(entry[0], int) else list(entry)
        return any(tuple(row[:2]) == (day.month, day.day) for row in rows)

    def _holiday_basis(
        self, day: date, parts: Parts, found: Mapping[date, Parts]
    ) -> InForce[str] | None:
        holiday = DayClass.HOLIDAY
        if self._ordinance:
            return day_basis(
                day,
                holiday,
                f"a paid holiday as far as the {self._ordinance} provides (not encoded here)",
                Status.UNVERIFIED,
                (self._ordinance, None, None),
                "MY",
                "The Employment Act 1955 does not apply in Sabah and Sarawak.",
            )
        if day in self._added:
            return day_basis(
                day,
                holiday,
                "day in lieu of Islamic New Year, added by the pack (the holidays package "
                "gives none)",
                Status.UNVERIFIED,
                ("Holidays Act 1951", "s.3", HOLIDAYS_ACT_HREF),
                "MY",
                "The federal list gave Monday 8 July 2024 for Awal Muharram on Sunday 7 July.",
            )
        if self._replaced(day, parts, found):
            return day_basis(
                day,
                holiday,
                "a public holiday on the weekly rest day, the next working day being the paid "
                "holiday in substitution: work on the day itself may be rest-day work",
                Status.CONTESTED,
                (EA, "s.60D(1), proviso; s.60(3)", EA_HREF),
                "MY",
                "s.60D(1), proviso: a holiday falling on a rest day makes the working day "
                "following immediately a paid holiday in substitution; s.60D(3) pays the holiday "
                "rate for work on 'any paid holiday ... or on any day substituted therefor'. "
                "Whether work on the rest day itself earns the holiday rate (two days' wages) "
                "or the rest-day rate of s.60(3) (one day's wages for a full day) is not "
                "settled: no statement of the Department of Labour was found.",
            )
        if any(self._fixed(p, day, found) for p in parts) or self._appointed(day):
            return None
        return day_basis(
            day,
            holiday,
            "a paid holiday only if it is among the 11 the employer designates",
            Status.CONTESTED,
            (EA, "s.60D(1)(a)", EA_HREF),
            "MY",
            EA_NOTE,
        )

    def _flag(self, year: int, found: Mapping[date, Parts], days: dict[date, KnownDay]) -> None:
        """The working day the s.60D(1) proviso may make a substitute holiday, where the
        gazette gives none."""
        if self._ordinance:
            return
        for day, parts in sorted(found.items()):
            held = [base_name(p) for p in parts if OBSERVED not in p]
            on_rest = day.weekday() == self.rest_day(day.year)
            if not held or not (on_rest or len(held) > 1):
                continue
            given: set[str] = set()
            after = day + timedelta(1)
            while after in found or after.weekday() in self._weekend(after.year):
                given.update(base_name(p) for p in found.get(after, ()) if OBSERVED in p)
                after += timedelta(1)
            if on_rest:
                missing = [h for h in held if h not in given]
            else:
                missing = [] if given & set(held) else held[1:]
            if not missing or after.year != year or after in days:
                continue
            listed = " and ".join(missing)
            cls = self._weekday_class(after)
            basis = day_basis(
                after,
                cls,
                f"a paid substitute holiday for {listed} if that is among the employee's "
                "paid holidays (the gazette gives no day in lieu)",
                Status.CONTESTED,
                (EA, "s.60D(1), proviso", EA_HREF),
                "MY",
                f"{listed} fell on {day} ({day:%A}), "
                + ("the default rest day." if on_rest else "another public holiday."),
            )
            text = msg(
                "day.possible-substitute",
                day=self._weekday_text(after),
                names=[Localized.of(en=h) for h in missing],
            )
            days[after] = KnownDay(cls, text, basis)


def calendar(law: Law) -> MalaysiaCalendar:
    """The calendar of ``law``'s state (or of the federation), built once per process."""
    return MalaysiaCalendar(law)
