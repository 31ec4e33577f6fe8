"""A calendar over the ``holidays`` package, shared by the packs that take their public
holidays from it as they are (Singapore, Nigeria, Malaysia build on :class:`PackageCalendar`).

Default schedule (a payslip's contract may override it): Monday to Friday are working
days, **Sunday is the rest day** and **Saturday an off day** (a day not worked that is not
the weekly rest day); a subclass may take the weekend from the package instead.

Which years are covered (``covers``), the same for every pack built on this class:

* years before the pack's first year (Singapore: 2001, before which the package only
  estimates the lunar holidays) are not covered;
* a year in which the package *estimates* a lunar date it has not confirmed for
  Chinese New Year, Vesak Day or Deepavali is not covered: such an estimate can be a month
  off (Vesak 2023 was 2 June, not May), and the package marks the first two with
  "(estimated)" but Deepavali not at all, so the Hindu calendar is asked directly;
* a year more than one year after the last year whose dates the package has all
  confirmed is not covered (the package's horizon);
* a covered year may still hold *estimated Islamic dates* (the package marks them
  "(estimated)"; this happens for Nigeria).  Those years stay covered because an
  Islamic feast is at most a day or two off its estimate: ``basis`` marks the estimated
  days, and every day within two days of them, ``unverified``, so that a finding on any
  of them is shown as uncertain instead of being counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from importlib.metadata import version
from typing import Any, ClassVar

from paycheck.law.calendar import DayClass
from paycheck.law.holiday_package import country_holidays
from paycheck.law.packs import Citation, InForce, Law, Status
from paycheck.messages import Localized, Msg, msg

FRI, SAT, SUN = 4, 5, 6
ESTIMATED = "estimated"  # in the package's labels "(estimated)", "(observed, estimated)"
OBSERVED = "(observed"  # "(observed)", "(observed, estimated)"
WINDOW = 2  # days either side of an estimated Islamic date that are flagged
PACKAGE_HREF = "https://github.com/vacanza/holidays"

_SUFFIX = re.compile(r" \((?:observed, )?estimated\)$| \(observed\)$")

Parts = tuple[str, ...]  # a day's holiday names (the package joins them with "; ")


def base_name(part: str) -> str:
    """A holiday name without the package's "(observed)" / "(estimated)" marks."""
    return _SUFFIX.sub("", part)


def holiday_text(parts: Parts) -> Msg:
    """E.g. "Labour Day, public holiday", "National Day (in lieu), public holiday"."""
    names = [
        msg(
            "day.holiday-name",
            name=Localized.of(en=base_name(part)),
            lieu=msg("day.in-lieu") if OBSERVED in part else "",
            estimated=msg("day.estimated") if ESTIMATED in part else "",
        )
        for part in parts
    ]
    return msg("day.public-holiday", names=names)


def day_basis(
    day: date,
    cls: DayClass,
    label: str,
    status: Status,
    cite: tuple[str, str | None, str | None],
    jurisdiction: str,
    note: str | None = None,
) -> InForce[str]:
    """An ``InForce[str]`` behind a day's class, built the way China's calendar builds them."""
    title, article, href = cite
    citation = Citation(title, article, day, href, status, jurisdiction)
    value = cls.value
    return InForce(
        "calendar-basis", label, "day class", value, day, status, (citation,), jurisdiction, note
    )


@dataclass(frozen=True)
class KnownDay:
    cls: DayClass
    text: Msg
    basis: InForce[str] | None = None


@dataclass(frozen=True)
class _Year:
    covered: bool
    why: str
    days: Mapping[date, KnownDay]


@cache
def _holidays_version() -> str:
    """The installed holidays package's version, read once per process (a few ms a read)."""
    return version("holidays")


class PackageCalendar:
    """Public holidays from the ``holidays`` package, weekend from its (dated) weekend.

    Subclasses set the country, language and first year, and may refine the holidays
    (``_adjust``), their basis (``_holiday_basis``) and flag more days (``_flag``).
    """

    country: ClassVar[str]
    name: ClassVar[str]
    language: ClassVar[str]
    first_year: ClassVar[int]
    first_year_why: ClassVar[str]
    islamic: ClassVar[bool] = True
    """Whether the package's list has Islamic holidays (and takes the option that shows
    their estimated dates)."""
    confirmed_until: ClassVar[int | None] = None
    """For a calendar whose dates the package never estimates (holidays fixed by statute):
    the last year the pack's law was checked, instead of searching for estimates."""

    def __init__(self, law: Law, subdiv: str | None = None) -> None:
        self._law = law
        self._subdiv = subdiv
        self._version = _holidays_version()

    # -- the package --------------------------------------------------------------------

    def _package(self, years: Iterable[int], *, islamic_estimates: bool = True) -> Any:
        # a country with no Islamic holidays takes no option for their estimates
        lunar = {"islamic_show_estimated": islamic_estimates} if self.islamic else {}
        return country_holidays(
            self.country,
            subdiv=self._subdiv,
            years=list(years),
            expand=False,
            language=self.language,
            **lunar,
        )

    def _silent_estimates(self, year: int, days: Mapping[date, Parts]) -> list[str]:
        """Lunar dates the package estimates without saying so (none by default)."""
        return []

    @cache  # noqa: B019 - one calendar per process
    def _last_confirmed(self) -> int:
        """The last year (from the first) in which the package estimates no date."""
        if self.confirmed_until is not None:
            return self.confirmed_until
        year = self.first_year
        while year < self.first_year + 200:
            names = self._package([year]).values()
            if not names or any(ESTIMATED in name for name in names):
                break
            year += 1
        return year - 1

    @cache  # noqa: B019
    def _weekend(self, year: int) -> frozenset[int]:
        """The weekend days of a year, as the package has them for the (sub)division."""
        package = self._package([year])
        june = date(year, 6, 1)
        monday = june - timedelta(june.weekday())
        week = (monday + timedelta(n) for n in range(7))
        return frozenset(d.weekday() for d in week if package.is_weekend(d))

    def rest_day(self, year: int) -> int | None:
        """The weekly rest day: Friday where the weekend is Friday-Saturday, else Sunday."""
        weekend = self._weekend(year)
        return FRI if FRI in weekend else SUN if SUN in weekend else None

    def _weekday_class(self, day: date) -> DayClass:
        if day.weekday() not in self._weekend(day.year):
            return DayClass.WORKING
        return DayClass.REST if day.weekday() == self.rest_day(day.year) else DayClass.OFF

    def _weekday_text(self, day: date) -> Msg:
        cls = self._weekday_class(day)
        if cls is DayClass.WORKING:
            return msg("day.class", cls=cls)
        return msg("day.class-weekday", cls=cls, weekday=day)

    # -- the year -----------------------------------------------------------------------

    def _refusal(self, year: int) -> str | None:
        package = f"the holidays package (version {self._version})"
        if year < self.first_year:
            return f"{package} is not relied on before {self.first_year}: {self.first_year_why}."
        last = self._last_confirmed()
        if year > last + 1:
            return (
                f"{package} has confirmed {self.name}'s holiday dates only up to {last}; "
                f"{year} is too far beyond that to be checked rather than guessed."
            )
        return None

    @cache  # noqa: B019 - built once per year
    def _year(self, year: int) -> _Year:
        why = self._refusal(year)
        if why:
            return _Year(False, why, {})
        span = range(year - 1, year + 2)
        shown = self._package(span)
        plain = self._package(span, islamic_estimates=False)
        found: dict[date, Parts] = {d: tuple(n.split("; ")) for d, n in shown.items()}
        lunar = [
            base_name(part)
            for d, name in plain.items()
            if d.year == year
            for part in name.split("; ")
            if ESTIMATED in part
        ] + self._silent_estimates(year, found)
        if lunar:
            names = ", ".join(dict.fromkeys(lunar))
            return _Year(
                False,
                f"the holidays package (version {self._version}) only estimates the {year} "
                f"date of {names} (a lunar date that can be a month off), so {year} is not "
                "checked rather than guessed.",
                {},
            )
        found = self._adjust(year, found)
        days = {
            d: KnownDay(DayClass.HOLIDAY, holiday_text(parts), self._holiday_basis(d, parts, found))
            for d, parts in found.items()
            if d.year == year
        }
        self._flag_estimates(year, found, days)
        self._flag(year, found, days)
        return _Year(True, "", days)

    def _adjust(self, year: int, found: dict[date, Parts]) -> dict[date, Parts]:
        """Holidays the pack adds to or removes from the package's (none here)."""
        return found

    def _holiday_basis(
        self, day: date, parts: Parts, found: Mapping[date, Parts]
    ) -> InForce[str] | None:
        """The basis behind a holiday (none here: the package's list is the law's)."""
        return None

    def _flag(self, year: int, found: Mapping[date, Parts], days: dict[date, KnownDay]) -> None:
        """Flag more days (none here)."""

    def _flag_estimates(
        self, year: int, found: Mapping[date, Parts], days: dict[date, KnownDay]
    ) -> None:
        """Estimated Islamic dates, and the days around them, rest on an unverified date."""
        near: dict[date, list[tuple[str, date]]] = {}
        for estimated, parts in sorted(found.items()):
            names = [base_name(p) for p in parts if ESTIMATED in p]
            for offset in range(-WINDOW, WINDOW + 1):
                day = estimated + timedelta(offset)
                if names and day.year == year and (not offset or day not in found):
                    # a confirmed holiday stays one whatever the estimate's error
                    near.setdefault(day, []).extend((n, estimated) for n in names)
        for day, estimates in near.items():
            pairs = list(dict.fromkeys(estimates))
            listed = " and ".join(f"{n} on {on}" for n, on in pairs)
            cls = days[day].cls if day in days else self._weekday_class(day)
            basis = day_basis(
                day,
                cls,
                f"on or near a date the holidays package only estimates: {listed}",
                Status.UNVERIFIED,
                ("holidays package", f"version {self._version}", PACKAGE_HREF),
                self.country,
                "Islamic feasts are declared when the moon is sighted; the estimate can be "
                "a day or two off.",
            )
            if day in days:
                days[day] = replace(days[day], basis=basis)
            else:
                estimates_text = [
                    msg("day.estimated-on", name=Localized.of(en=n), date=on) for n, on in pairs
                ]
                text = msg(
                    "day.near-estimate", day=self._weekday_text(day), estimates=estimates_text
                )
                days[day] = KnownDay(cls, text, basis)

    # -- the Calendar protocol ----------------------------------------------------------

    def covers(self, year: int) -> tuple[bool, str]:
        y = self._year(year)
        return y.covered, y.why

    def day_class(self, day: date) -> DayClass:
        known = self._year(day.year).days.get(day)
        return known.cls if known else self._weekday_class(day)

    def describe(self, day: date) -> Msg:
        known = self._year(day.year).days.get(day)
        return known.text if known else self._weekday_text(day)

    def basis(self, day: date) -> InForce[str] | None:
        known = self._year(day.year).days.get(day)
        return known.basis if known else None
