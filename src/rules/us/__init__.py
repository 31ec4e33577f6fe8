"""The United States' calendar: federal holidays from the ``holidays`` package, with the
state's own (``subdiv``) at a state level (``US-CA``: Cesar Chavez Day, the day after
Thanksgiving, ...).

Federal law sets no premium for work on a holiday or a weekend (29 U.S.C. 207 counts only
the hours of a workweek), so a day's class never prices work here: the calendar only names
the days. Saturday and Sunday are the weekend; Sunday is taken as the rest day.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from paycheck.law.holiday_package import country_holidays
from paycheck.law.holidays_calendar import PackageCalendar
from paycheck.law.packs import Law


class UnitedStatesCalendar(PackageCalendar):
    """Federal holidays, and the state's where the payslip is a state's."""

    country: ClassVar[str] = "US"
    name: ClassVar[str] = "the United States"
    language: ClassVar[str] = "en_US"
    first_year: ClassVar[int] = 2009
    first_year_why: ClassVar[str] = "the packs' law starts in 2009 (the $7.25 minimum wage)"

    def __init__(self, law: Law) -> None:
        parts = law.code.split("-")
        super().__init__(law, parts[1] if len(parts) > 1 else None)

    def _package(self, years: Iterable[int], *, islamic_estimates: bool = True) -> Any:
        """The package's US lists: they have no Islamic holidays, and the package refuses
        the option that shows Islamic estimates for them."""
        return country_holidays(
            self.country,
            subdiv=self._subdiv,
            years=list(years),
            expand=False,
            language=self.language,
        )

    confirmed_until: ClassVar[int | None] = 2026
    """US holidays are fixed by statute, never estimated: the package's years are trusted up
    to the year after the one the packs' law was last checked in (2026)."""


def calendar(law: Law) -> UnitedStatesCalendar:
    """The calendar of ``law``'s state (or the federal one), built once per process."""
    return UnitedStatesCalendar(law)
