"""Singapore's calendar.

Default schedule (a payslip's contract may override it): Monday to Friday are working
days, **Sunday is the rest day** and **Saturday an off day** (a day not worked that is not
the weekly rest day).  A **public holiday** is a day of the Holidays Act 1998 schedule or
one declared under it (Polling Day), including the day in lieu the Act gives when a
holiday falls on a Sunday (s.4(2): "the day next following not being itself a public
holiday"); the package names it "<holiday> (observed)".  A holiday on a Saturday gets no
gazetted day in lieu: for an employee not required to work that day the employer pays a day
at the gross rate of pay or gives a day off in substitution (Employment Act s.88(1)(c), rule
``holiday-pay``), not the extra day at the basic rate of s.88(4), which is for work on a
holiday.
Which years are covered: see :mod:`paycheck.law.holidays_calendar`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import ClassVar

from paycheck.law.holiday_package import country_module
from paycheck.law.holidays_calendar import PackageCalendar, Parts
from paycheck.law.packs import Law


class SingaporeCalendar(PackageCalendar):
    """Working days, rest days and public holidays of Singapore."""

    country: ClassVar[str] = "SG"
    name: ClassVar[str] = "Singapore"
    language: ClassVar[str] = "en_SG"
    first_year: ClassVar[int] = 2001
    first_year_why: ClassVar[str] = "it has Singapore's lunar holiday dates only from 2001"

    def _silent_estimates(self, year: int, days: Mapping[date, Parts]) -> list[str]:
        """Deepavali, which the package estimates without saying so (its Hindu calendar)."""
        day, estimated = country_module("singapore").SingaporeHinduHolidays().diwali_date(year)
        return ["Deepavali"] if estimated and day in days else []


def calendar(law: Law) -> SingaporeCalendar:
    """The pack's calendar, built once per process by the engine."""
    return SingaporeCalendar(law)
