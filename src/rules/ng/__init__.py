"""Nigeria's calendar (also Lagos, ``NG-LA``: the ``holidays`` package has no Nigerian
states, and Lagos adds no yearly public holiday of its own to the federal list).

Default schedule (a payslip's contract may override it): Monday to Friday are working
days, **Sunday is the rest day** and **Saturday an off day** (not worked, not the weekly
rest day).  A **public holiday** is a day of the Public Holidays Act or one the Federal
Government declares (e.g. 15 July 2025, mourning for President Buhari), including the
working day given in lieu when a holiday falls on a Saturday or a Sunday (the package's
"<holiday> (observed)", recorded from 2010 on).

Covered years (the policy is :class:`paycheck.rules.sg.PackageCalendar`'s):

* not before 2010: the package records Nigeria's days in lieu only from 2010;
* not after the year following the last year whose dates the package has all confirmed
  (with version 0.109: 2025, so 2026 is covered and 2027 is not);
* the Islamic feasts (Id el Fitr, Id el Kabir, Id el Maulud) are declared each year after
  the moon is sighted; where the package has only an estimate ("(estimated)" in its name)
  the year is still covered, and ``basis`` marks the estimated days and the two days
  either side ``unverified``: a finding on them is shown as uncertain, not counted.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import ClassVar

from paycheck.law.holidays_calendar import PackageCalendar, Parts
from paycheck.law.packs import Law


class NigeriaCalendar(PackageCalendar):
    """Working days, rest days and public holidays of Nigeria (federal list)."""

    country: ClassVar[str] = "NG"
    name: ClassVar[str] = "Nigeria"
    language: ClassVar[str] = "en_NG"
    first_year: ClassVar[int] = 2010
    first_year_why: ClassVar[str] = "it records Nigeria's days in lieu only from 2010"

    def _silent_estimates(self, year: int, days: Mapping[date, Parts]) -> list[str]:
        return []  # no Hindu holidays in Nigeria


def calendar(law: Law) -> NigeriaCalendar:
    """The pack's calendar, built once per process by the engine (states share it)."""
    return NigeriaCalendar(law)
