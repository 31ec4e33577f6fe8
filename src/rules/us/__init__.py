"""The United States' calendar: federal holidays from the ``holidays`` package, with the
state's own (``subdiv``) at a state level (``US-CA``: Cesar Chavez Day, the day after
Thanksgiving, ...).

Federal law sets no premium for work on a holiday or a weekend (29 U.S.C. 207 counts only
the hours of a workweek), so a day's class never prices work here: the calendar only names
the days. Saturday and Sunday are the weekend; Sunday is taken as the rest day.
"""

from __future__ import annotations

from typing import ClassVar

from paycheck.law.holidays_calendar import PackageCalendar
from paycheck.law.packs import Law


class UnitedStatesCalendar(PackageCalendar):
    """Federal holidays, and the state's where the payslip is a state's."""

    country: ClassVar[str] = "US"
    name: ClassVar[str] = "the United States"
    language: ClassVar[str] = "en_US"
    first_year: ClassVar[int] = 2009
    first_year_why: ClassVar[str] = "the packs' law starts in 2009 (the $7.25 minimum wage)"
    islamic: ClassVar[bool] = False
    confirmed_until: ClassVar[int | None] = 2026
    """US holidays are fixed by statute, never estimated: the package's years are trusted up
    to the year after the one the packs' law was last checked in (2026)."""

    def __init__(self, law: Law) -> None:
        parts = law.code.split("-")
        super().__init__(law, parts[1] if len(parts) > 1 else None)


def calendar(law: Law) -> UnitedStatesCalendar:
    """The calendar of ``law``'s state (or the federal one), built once per process."""
    return UnitedStatesCalendar(law)
