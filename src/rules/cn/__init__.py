"""China's calendar: the only code the China rule pack needs.

The ``holidays`` package knows the State Council's yearly holiday notices, but it
files statutory days and substituted days off under one category and tells them
apart only by name.  This classifier sorts them:

* a **statutory holiday** (300%) is a day the holiday measures name (art. 2);
* a **rest day** (200%, or time off) is a Saturday or Sunday, a "Day off
  (substituted from ...)" of a bridged golden week, an "(observed)" day given
  when a holiday fell on a weekend (art. 6), or an extended holiday;
* a **working day** is Monday to Friday, plus the weekend make-up working days.

Known traps handled here: make-up working days that lie in the next or previous
year (the package is asked for the neighbouring years too); years the ministry
settled differently (``calendar-overrides.yaml``, each entry cited); years the
package has no notice for, or whose statutory days do not add up to the count the
law sets (``statutory_holidays_per_year``): those years are not covered, and the
checks say so instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from importlib import resources
from importlib.metadata import version

import yaml
from pydantic import BaseModel, ConfigDict, Field

from paycheck.law.calendar import DayClass
from paycheck.law.holiday_package import country_holidays, country_module
from paycheck.law.packs import Citation, InForce, Law, Reference, Status
from paycheck.law.tables import NonNegative
from paycheck.law.vocabulary import declare, param
from paycheck.messages import Localized, Msg, msg

HOLIDAYS_PER_YEAR = declare(
    param(
        "statutory_holidays_per_year",
        NonNegative,
        "overtime-premium proration",
        "the statutory holidays a year: a year whose calendar finds another count is not "
        "covered (the calendar's self-check)",
        "the year is not covered",
    )
)

_SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where PyYAML has it

NOT_STATUTORY = ("(observed)", "Day off", "Extended Holiday")


class _Override(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    date: date
    class_: DayClass = Field(alias="class")
    name: str
    status: Status
    reference: Reference


@dataclass(frozen=True)
class _Year:
    covered: bool
    why: str
    days: dict[date, tuple[DayClass, str, str]]  # class, the English and the Chinese name


def is_statutory(name: str) -> bool:
    """A holiday name (possibly several joined by "; ") that includes a statutory day."""
    return any(not any(mark in part for mark in NOT_STATUTORY) for part in name.split("; "))


def _held(chinese: str) -> str:
    """The holiday a Chinese "（观察日）" name is the day in lieu of (its own name)."""
    return chinese.split("（")[0]


class ChinaCalendar:
    """Working days, rest days and statutory holidays of mainland China."""

    def __init__(self, law: Law) -> None:
        self._law = law
        text = (resources.files(__name__) / "calendar-overrides.yaml").read_text(encoding="utf-8")
        self._overrides = {
            o.date: o
            for o in (_Override.model_validate(row) for row in yaml.load(text, Loader=_SAFE))
        }
        self._notice_years = frozenset(
            country_module("china").ChinaStaticHolidays.special_public_holidays
        )

    @cache  # noqa: B019 - one calendar per process, built once per year
    def _year(self, year: int) -> _Year:
        if year not in self._notice_years:
            return _Year(
                False,
                f"the holidays package (version {version('holidays')}) has no "
                f"State Council holiday notice for {year}, so its rest days and make-up "
                "working days are unknown.",
                {},
            )
        expected = self._law.get(HOLIDAYS_PER_YEAR, date(year, 12, 31))
        if expected is None:
            return _Year(False, f"the rule pack has no statutory holiday count for {year}.", {})
        span = range(year - 1, year + 2)
        package = country_holidays("CN", years=span, language="en_US")
        chinese = country_holidays("CN", years=span, language="zh_CN")
        days: dict[date, tuple[DayClass, str, str]] = {}
        for day, name in package.items():
            if day.year == year:
                cls = DayClass.HOLIDAY if is_statutory(name) else DayClass.REST
                days[day] = (cls, name, chinese.get(day, ""))
        for day in package.weekend_workdays:
            if day.year == year:
                days[day] = (DayClass.WORKING, "make-up working day", "")
        for day, override in self._overrides.items():
            if day.year == year:
                days[day] = (override.class_, override.name, "")
        count = sum(1 for cls, _, _ in days.values() if cls is DayClass.HOLIDAY)
        if count != expected.number:
            return _Year(
                False,
                f"the calendar finds {count} statutory holidays in {year} where "
                f"the law sets {expected.number}; the year is not checked rather than "
                "guessed.",
                {},
            )
        return _Year(True, "", days)

    def covers(self, year: int) -> tuple[bool, str]:
        y = self._year(year)
        return y.covered, y.why

    def day_class(self, day: date) -> DayClass:
        known = self._year(day.year).days.get(day)
        if known:
            return known[0]
        return DayClass.REST if day.weekday() >= 5 else DayClass.WORKING

    @lru_cache(maxsize=4096)  # noqa: B019 - one calendar per process; a day's text is fixed
    def describe(self, day: date) -> Msg:
        known = self._year(day.year).days.get(day)
        cls = self.day_class(day)
        if known is None:
            return msg("day.class", cls=cls)
        _, name, chinese = known
        if cls is DayClass.HOLIDAY:
            return msg("day.cn-holiday", name=Localized.of(en=name, zh_CN=chinese))
        if cls is DayClass.WORKING:
            return msg("day.make-up")
        if name.startswith("Day off (substituted from"):
            swapped = datetime.strptime(name.rsplit(" ", 1)[-1].rstrip(")"), "%m/%d/%Y").date()
            return msg("day.swapped", date=swapped)
        if "(observed)" in name:
            holiday = name.replace(" (observed)", "")
            return msg("day.observed", name=Localized.of(en=holiday, zh_CN=_held(chinese)))
        return msg("day.rest-named", name=Localized.of(en=name, zh_CN=chinese))

    def basis(self, day: date) -> InForce[str] | None:
        """The cited override behind a day's class, where one applies."""
        o = self._overrides.get(day)
        if o is None:
            return None
        cite = Citation(
            o.reference.title, o.reference.article, o.date, o.reference.href, o.status, "CN"
        )
        return InForce(
            "calendar-override",
            f"{o.date} counted as a {o.class_.label}",
            "day class",
            o.class_.value,
            o.date,
            o.status,
            (cite,),
            "CN",
            o.reference.note,
        )


def calendar(law: Law) -> ChinaCalendar:
    """The pack's calendar, built once per process by the engine."""
    return ChinaCalendar(law)
