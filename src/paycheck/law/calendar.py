"""What kind of day a date is, as the overtime and proration rules need it.

The engine knows three classes of day; each jurisdiction's pack supplies a
:class:`Calendar` that sorts dates into them (and says which years it covers).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from paycheck.messages import Msg, msg

if TYPE_CHECKING:
    from paycheck.law.packs import InForce


class DayClass(StrEnum):
    WORKING = "working-day"
    REST = "rest-day"
    HOLIDAY = "statutory-holiday"
    OFF = "off-day"  # not worked under the schedule, but not the weekly rest day either

    @property
    def label(self) -> str:
        return self.value.replace("-", " ")


class Calendar(Protocol):
    """A jurisdiction's calendar of working days, rest days and statutory holidays.

    Calendars are built once per process and must be hashable (period answers are cached).
    """

    def __hash__(self) -> int: ...

    def covers(self, year: int) -> tuple[bool, str]:
        """Whether the calendar is reliable for a year, and if not, why not."""
        ...

    def day_class(self, day: date) -> DayClass:
        """The class of a day (only call for covered years)."""
        ...

    def describe(self, day: date) -> Msg:
        """A short reader's description, e.g. "Mid-Autumn Festival, statutory holiday" (a
        message: made text in the report's language)."""
        ...

    def basis(self, day: date) -> InForce[str] | None:
        """The cited source behind a day's class where the calendar overrides its data
        (a finding that rests on an unverified one becomes uncertain), else None."""
        ...


@dataclass(frozen=True)
class PeriodDays:
    """The days of a period sorted by class (computed once per calendar and period)."""

    classes: tuple[tuple[date, DayClass], ...]
    working: tuple[date, ...]
    holidays: tuple[date, ...]


@lru_cache(maxsize=4096)
def classify_period(calendar: Calendar, start: date, end: date) -> PeriodDays:
    """Every day from ``start`` to ``end`` with its class; a payroll run reuses the answer."""
    days = [start + timedelta(n) for n in range((end - start).days + 1)]
    classes = tuple((d, calendar.day_class(d)) for d in days)
    return PeriodDays(
        classes=classes,
        working=tuple(d for d, c in classes if c is DayClass.WORKING),
        holidays=tuple(d for d, c in classes if c is DayClass.HOLIDAY),
    )


@dataclass(frozen=True)
class Scheduled:
    """A calendar with the contract's own week laid over it: ``workweek`` (weekday numbers
    worked) and ``rest_day``.  Holidays stay as the jurisdiction's calendar has them; a
    weekday that is neither worked nor the rest day is an off day."""

    base: Calendar
    workweek: frozenset[int] | None
    rest_day: int | None

    def covers(self, year: int) -> tuple[bool, str]:
        return self.base.covers(year)

    def day_class(self, day: date) -> DayClass:
        cls = self.base.day_class(day)
        weekday = day.weekday()
        if cls is DayClass.HOLIDAY:
            return cls
        if self.workweek is not None and weekday in self.workweek:
            return DayClass.WORKING
        if weekday == self.rest_day:
            return DayClass.REST
        if self.rest_day is not None and cls is not DayClass.WORKING:
            return DayClass.OFF  # the calendar's other weekend day, now the contract's off day
        if self.workweek is not None and cls is DayClass.WORKING:
            return DayClass.OFF  # a weekday the contract does not work
        return cls

    def describe(self, day: date) -> Msg:
        cls = self.day_class(day)
        if cls is self.base.day_class(day):
            return self.base.describe(day)
        return msg("day.contract-week", cls=cls, weekday=day)

    def basis(self, day: date) -> InForce[str] | None:
        return self.base.basis(day)
