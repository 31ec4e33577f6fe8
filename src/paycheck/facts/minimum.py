"""The minimum wage for the days paid, and pay for normal work against it."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from paycheck.facts.base import line_hours, prorate
from paycheck.facts.workweek import Layer, week_start, weekly_salary
from paycheck.law.packs import InForce, Law, MissingParameter, subdivisions_with
from paycheck.law.tables import NoMinimum
from paycheck.law.vocabulary import REGISTRY, P, Param
from paycheck.messages import Msg, colon, msg
from paycheck.model import FINAL_PAY_KINDS, EarningKind, PayBasis
from paycheck.money import CONTEXT, ZERO

if TYPE_CHECKING:
    from paycheck.facts import Coverage, Facts


class Shortfall(NamedTuple):
    """Pay for normal work below the floor: what is owed for certain (``either``: even if
    the lines the law may leave out count toward the minimum) and what rests on leaving
    them out."""

    stated: Decimal
    terms: tuple[Decimal, ...]
    left_out: tuple[str, ...]  # earning kinds left out, besides overtime
    shortfall: Decimal
    either: Decimal
    doubt: Decimal  # the lines left out, where leaving them out is unsettled


class HourlyPart(NamedTuple):
    """The hours paid on the days one hourly minimum was in force (the payslip's
    ``attendance.hours``), against the rate: a period the minimum changed in has a part for
    each minimum."""

    minimum: InForce[Any]
    first: date
    last: date
    hours: Decimal
    owed: Decimal  # (minimum - rate) x hours, where the rate is below it
    settled: InForce[Any] | None = None  # as MinimumWage.hourly_settled

    @property
    def certain(self) -> Decimal:
        """What is owed on either figure where the minimum is unsettled."""
        if self.settled is None or self.owed <= 0:
            return self.owed
        return min(
            self.owed,
            max(ZERO, (self.settled.number - self.minimum.number) * self.hours + self.owed),
        )


class SalaryWeek(NamedTuple):
    """A whole workweek of a salary held to the hourly minimum (``attendance.hours``): the
    week's salary against the minimum x the week's paid hours, up to those it covers."""

    minimum: InForce[Any]
    start: date
    end: date
    hours: Decimal  # the hours the minimum is applied to
    salary: Decimal  # the week's salary, monthly x 12 / 52
    floor: Decimal  # minimum x hours
    owed: Decimal  # floor - salary, where the salary is below it
    certain: Decimal  # of it, what is owed for certain (all of it where the minimum is settled)


class MinimumWage(NamedTuple):
    """The minimum wage of the payslip's place, period and employer, and pay against it."""

    line: str  # the earnings line a shortfall is put on
    gap: Msg | None = None  # why it is not compared (a not-checked finding)
    coverage: Coverage | None = None  # outside the rule's scope
    none: Msg | None = None  # the law sets no minimum wage here (a note for the report)
    minimum: InForce[Any] | None = None
    size_note: tuple[Msg, ...] = ()
    between: Msg | None = None  # headcount missing, and pay between the two minimums
    excluded: InForce[Any] | None = None
    floor: Decimal | None = None  # the monthly minimum for the days paid
    floor_text: Msg | None = None
    floor_steps: tuple[Msg, ...] = ()  # the floor's arithmetic, where it takes more than one step
    hourly_short: tuple[Decimal, Decimal] | None = None  # (owed, normal hours)
    # Where the hourly minimum in force is unsettled: the last settled one before it, if
    # lower (minimum wages are raised, never lowered: a shortfall up to it is owed either way).
    hourly_settled: InForce[Any] | None = None
    short: Shortfall | None = None
    # Hourly pay with each day's hours given: the minimum in force on each day.
    hourly_parts: tuple[HourlyPart, ...] = ()
    # A salary held to the hourly minimum on the hours it covers: the parameters that say so
    # (the rule, the most hours a salary covers), the weekly hours and their arithmetic.
    salary_law: tuple[InForce[Any], ...] = ()
    salary_hours: Decimal | None = None
    salary_weeks: tuple[SalaryWeek, ...] = ()
    salary_partial: tuple[tuple[date, date], ...] = ()  # workweeks not wholly in the period

    @property
    def top_up(self) -> tuple[str, int, Decimal] | None:
        """The earnings line (and its index) a shortfall owed for certain is put on, and
        the amount."""
        owed = ZERO
        if self.hourly_parts:
            owed = sum((part.certain for part in self.hourly_parts), ZERO)
        elif self.salary_weeks:
            owed = sum((week.certain for week in self.salary_weeks), ZERO)
        elif self.hourly_short is not None:
            owed, hours = self.hourly_short
            settled = self.hourly_settled
            if settled is not None and self.minimum is not None:
                # Only the part owed on either figure: the rest is uncertain.
                owed = min(owed, max(ZERO, (settled.number - self.minimum.number) * hours + owed))
        elif self.short is not None:
            owed = self.short.either
        if owed > 0 and self.line.startswith("earnings["):
            return self.line, int(self.line[9:-1]), owed
        return None


def minimum_wage(facts: Facts) -> MinimumWage:
    p, law = facts.payslip, facts.law
    bases = facts.stated(EarningKind.BASE)
    line = bases[0][0] if bases else "earnings"
    if law.currency and p.currency != law.currency:
        return MinimumWage(
            line, msg("minimum.currency", currency=p.currency, code=law.code, law=law.currency)
        )
    coverage = facts.coverage(P.minimum_wage_coverage)
    if not coverage.covered:
        return MinimumWage(line, coverage=coverage)
    hourly = p.contract.pay_basis is PayBasis.HOURLY
    # a salary the law holds to the hourly minimum on the hours it covers
    on_hours = None if hourly else facts.get(P.minimum_wage_salary_hourly, facts.period_end)
    if on_hours is not None and on_hours.value is not True:
        on_hours = None
    name = P.minimum_wage_hourly if hourly or on_hours else P.minimum_wage_monthly
    start = max(p.period.start, p.contract.employment_start)
    minimum, size_note, higher = _minimum_for(
        law, name, facts.on, start, facts.period_end, p.employer.headcount
    )
    if minimum is not None and minimum.value is NoMinimum.NONE:
        # The law here sets none (the pack says why): a fact for the report, not a finding.
        note = msg(
            "minimum.none", code=law.code, label=minimum.label.lower(), why=colon(minimum.why)
        )
        return MinimumWage(line, none=note)
    if minimum is None or minimum.value is None:
        more = subdivisions_with(law.code, name.name, facts.on or facts.period_end)
        return MinimumWage(
            line,
            msg(
                "minimum.missing",
                code=law.code,
                hourly=msg(
                    "minimum.hourly" if name is P.minimum_wage_hourly else "minimum.monthly"
                ),
                on=facts.on or facts.period_end,
                why=msg("minimum.more-specific") if more else colon(minimum.why if minimum else ""),
            ),
        )
    between = None
    if higher is not None and higher.value is not None and on_hours is not None:
        # a salary against the lower of two hourly minimums: the higher one is not compared
        between = msg("minimum.salary-headcount", higher=higher.number, lower=minimum.number)
    elif higher is not None and higher.value is not None and p.contract.wage < higher.number:
        between = msg(
            "minimum.headcount", higher=higher.number, lower=minimum.number, wage=p.contract.wage
        )
    known = MinimumWage(line, minimum=minimum, size_note=size_note, between=between)
    if on_hours is not None:
        return _salary_on_hours(facts, known, on_hours, start)
    if hourly and p.attendance.hours:
        return known._replace(hourly_parts=_hourly_parts(facts, name, start))
    if hourly:
        short = None
        if p.contract.wage < minimum.number:
            days = facts.days
            hours = line_hours(facts)
            if hours is None:
                hours = p.contract.normal_hours_per_day * (len(days.worked) + len(days.paid_leave))
            short = (facts.money((minimum.number - p.contract.wage) * hours), hours)
        settled = None if minimum.settled else _settled_before(law, minimum)
        return known._replace(hourly_short=short, hourly_settled=settled)
    floor = _floor(facts, minimum)
    if isinstance(floor, Msg):
        return known._replace(gap=floor)
    excluded = facts.get(P.minimum_wage_excludes, facts.period_end)
    return known._replace(
        excluded=excluded,
        floor=floor[0],
        floor_text=floor[1],
        short=_shortfall(facts, excluded, floor[0]),
    )


def _salary_on_hours(
    facts: Facts, known: MinimumWage, rule: InForce[Any], start: date
) -> MinimumWage:
    """A salary held to the hourly minimum on the hours it covers (29 CFR 778.113: a
    salary pays for the hours it is agreed for; a month's is x 12 / 52 a week). Without
    daily hours: the contract's weekly hours (at most the pack's maximum) x 52 / 12 a month,
    the period's share of it, or prorated as base pay is; with ``attendance.hours``: each
    whole workweek alone (29 CFR 776.4, 778.104), on its paid hours up to those covered."""
    minimum = known.minimum
    assert minimum is not None
    p = facts.payslip
    c = p.contract
    covered = c.normal_hours_per_day * len(facts.workweek_days)
    law: list[InForce[Any]] = [rule]
    capped: list[Msg] = []
    cap = facts.get(P.salary_hours_per_week_max, facts.period_end)
    if cap is not None and cap.value is not None:
        law.append(cap)
        if cap.number < covered:
            covered = cap.number
            capped.append(msg("minimum.salary-cap", cap=cap.number, covered=covered))
    known = known._replace(salary_law=tuple(law), salary_hours=covered)
    if p.attendance.hours:
        return _salary_weeks(facts, known, covered, start)
    monthly = CONTEXT.divide(minimum.number * covered * 52, Decimal(12))
    steps = [
        msg(
            "minimum.salary-hours",
            hours=c.normal_hours_per_day,
            days=len(facts.workweek_days),
            weekly=c.normal_hours_per_day * len(facts.workweek_days),
        ),
        *capped,
        msg(
            "minimum.salary-month",
            minimum=minimum.number,
            covered=covered,
            monthly=facts.money(monthly),
            effective=minimum.effective,
        ),
    ]
    if facts.days.full:
        share = facts.pay_period.share
        floor = facts.money(monthly * share)
        if share != 1:
            steps.append(
                msg(
                    "minimum.salary-share",
                    share=facts.pay_period.frequency,
                    minimum=minimum.number,
                    covered=covered,
                    floor=floor,
                )
            )
    else:
        prorated = prorate(facts, monthly, first_only=True)
        if isinstance(prorated, Msg):
            return known._replace(gap=prorated)
        floor = prorated[0].amount
        steps.append(msg("minimum.prorated", steps=list(prorated[0].steps)))
    excluded = facts.get(P.minimum_wage_excludes, facts.period_end)
    return known._replace(
        excluded=excluded,
        floor=floor,
        floor_text=steps[-1],
        floor_steps=tuple(steps),
        short=_shortfall(facts, excluded, floor),
    )


def _salary_weeks(facts: Facts, known: MinimumWage, covered: Decimal, start: date) -> MinimumWage:
    """Each whole workweek of the recorded days: the week's salary against the hourly
    minimum in force in it x its paid hours, up to those the salary covers (the hours
    beyond are straight time and overtime the workweek check prices)."""
    p, law = facts.payslip, facts.law
    first, _ = week_start(facts)
    groups: dict[date, Decimal] = {}
    for day in p.attendance.hours:
        if day.date < start or day.date > facts.period_end:
            continue
        week = first + timedelta(((day.date - first).days // 7) * 7)
        groups[week] = groups.get(week, ZERO) + day.paid_hours
    salary = facts.money(weekly_salary(p.contract.wage))
    weeks: list[SalaryWeek] = []
    partial: list[tuple[date, date]] = []
    regular = _regular_hours(facts)
    for week, paid in sorted(groups.items()):
        end = week + timedelta(6)
        if week < max(p.period.start, start) or end > facts.period_end:
            partial.append((week, end))
            continue
        minimum, _, _ = _minimum_for(
            law, P.minimum_wage_hourly, facts.on, week, end, p.employer.headcount
        )
        if minimum is None or not isinstance(minimum.value, Decimal):
            continue
        # where the salary pays only the regular hours (Labor Code 515(d)(2)), its overtime
        # hours are not among those it is held to the minimum on: the workweek check prices
        # them in full
        hours = min(regular.get(week, paid), covered)
        floor = facts.money(minimum.number * hours)
        owed = max(ZERO, floor - salary)
        certain = owed if minimum.settled else ZERO  # else uncertain: the finding says so
        weeks.append(SalaryWeek(minimum, week, end, hours, salary, floor, owed, certain))
    return known._replace(salary_weeks=tuple(weeks), salary_partial=tuple(partial))


def _regular_hours(facts: Facts) -> dict[date, Decimal]:
    """Each workweek's straight-time hours paid, where the salary pays only those (the
    pack's ``salary_hours_per_week_max``, Labor Code 515(d)(2)) and the workweek formula
    splits them; empty otherwise (a salary covers its overtime hours, 29 CFR 778.113)."""
    try:
        weeks = facts.workweeks
    except MissingParameter:
        return {}
    if weeks is None or weeks.rates.covers_overtime:
        return {}
    return {w.start: w.priced(Layer.PAID).split.straight for w in weeks.weeks}


def _floor(facts: Facts, minimum: InForce[Any]) -> tuple[Decimal, Msg] | Msg:
    """The monthly minimum for the days paid (the period's share of it for a whole period,
    else prorated by the pack's first formula), with its arithmetic; or why it cannot be."""
    if facts.days.full:
        period = facts.pay_period
        if period.share == 1:
            return minimum.number, msg(
                "minimum.full", floor=minimum.number, effective=minimum.effective
            )
        floor = facts.money(minimum.number * period.share)
        return floor, msg(
            "minimum.full-share",
            share=period.frequency,
            minimum=minimum.number,
            floor=floor,
            effective=minimum.effective,
        )
    prorated = prorate(facts, minimum.number, first_only=True)
    if isinstance(prorated, Msg):
        return prorated
    return prorated[0].amount, msg("minimum.prorated", steps=list(prorated[0].steps))


def _shortfall(facts: Facts, excluded: InForce[Any] | None, floor: Decimal) -> Shortfall | None:
    kinds = set(excluded.value or ()) if excluded is not None else set()
    counted = [
        e.amount
        for e in facts.payslip.earnings
        if e.kind not in kinds and e.kind not in FINAL_PAY_KINDS
    ]
    stated = sum(counted, ZERO)
    if stated >= floor:
        return None
    shortfall = floor - stated
    # Where what is left out is unsettled, the shortfall counting every line paid is owed
    # on either reading; only the rest rests on the exclusion (the lines left out at their
    # lawful amounts: any shortfall on those lines is owed on its own line).
    doubt = ZERO
    if excluded is not None and not excluded.settled:
        doubt = facts.month_wage(before_minimum=True) - facts.month_wage(kinds, before_minimum=True)
    either = max(shortfall - doubt, ZERO) if doubt > 0 else shortfall
    left_out = tuple(sorted(k.value for k in kinds - {EarningKind.OVERTIME}))
    return Shortfall(stated, tuple(counted), left_out, shortfall, either, max(doubt, ZERO))


def _hourly_parts(facts: Facts, name: Param[Any], start: date) -> tuple[HourlyPart, ...]:
    """Each day's paid hours against the hourly minimum in force that day, the days of
    one minimum summed: a period the minimum changes in is paid at each day's."""
    p, law = facts.payslip, facts.law
    parts: list[HourlyPart] = []
    for day in sorted(p.attendance.hours, key=lambda d: d.date):
        if day.date < start or day.date > facts.period_end:
            continue
        minimum, _, _ = _minimum_for(law, name, facts.on, day.date, day.date, p.employer.headcount)
        if minimum is None or not isinstance(minimum.value, Decimal):
            continue
        last = parts[-1] if parts else None
        if last is not None and last.minimum is minimum:
            parts[-1] = last._replace(last=day.date, hours=last.hours + day.paid_hours)
        else:
            settled = None if minimum.settled else _settled_before(law, minimum)
            parts.append(HourlyPart(minimum, day.date, day.date, day.paid_hours, ZERO, settled))
    wage = p.contract.wage
    return tuple(
        part._replace(owed=facts.money((part.minimum.number - wage) * part.hours))
        if wage < part.minimum.number
        else part
        for part in parts
    )


def _settled_before(law: Law, minimum: InForce[Any]) -> InForce[Any] | None:
    """The latest settled value of the same minimum (at the same level) before an
    unsettled one, if it is not higher: a minimum wage is replaced by a higher one, so the
    pay owed up to the settled figure is owed whichever value is right."""
    param = REGISTRY[minimum.name]

    def before(value: InForce[Any]) -> InForce[Any] | None:
        day = value.effective - timedelta(days=1)
        same = [v for v in law.at_levels(param, day) if v.jurisdiction == value.jurisdiction]
        return same[0] if same else None

    earlier = before(minimum)
    while earlier is not None and isinstance(earlier.value, Decimal):
        if earlier.settled:
            return earlier if earlier.number <= minimum.number else None
        earlier = before(earlier)
    return None


def _level_value(
    law: Law, name: Param[Any], on: date, general: Param[Any] | None = None
) -> InForce[Any] | None:
    """The minimum in force on ``on``: the most specific level's, or, where the pack says
    ``minimum_wage_levels: highest``, the highest of the levels' (a state's below the
    country's, or a city's missing year, never lowers the floor; on equal figures the more
    specific level's). ``general``: for a small employer's minimum, the general one counts
    at a level that sets no small employer's."""
    nearest = law.get(name, on)
    levels = law.get(P.minimum_wage_levels, on)
    if levels is None or levels.value != "highest":
        return nearest

    def numbers(param: Param[Any] | None) -> dict[str, InForce[Any]]:
        if param is None:
            return {}
        values = law.at_levels(param, on)
        return {v.jurisdiction: v for v in values if isinstance(v.value, Decimal)}

    own, fallback = numbers(name), numbers(general)
    found = [own.get(lv.info.code) or fallback.get(lv.info.code) for lv in law.levels]
    values = [v for v in found if v is not None]
    if not values:
        return nearest
    return max(values, key=lambda v: v.number)


@lru_cache(maxsize=4096)
def _minimum_for(
    law: Law, name: Param[Any], on: date | None, start: date, end: date, headcount: int | None
) -> tuple[InForce[Any] | None, tuple[Msg, ...], InForce[Any] | None]:
    """The minimum wage for an employer's size, where the pack sets a later or lower one
    for employers below a headcount (``*_small_employer``).  Without a headcount the
    lower of the two is used (a shortfall against it is owed either way), and the higher one
    is returned third, for a not-checked finding when the pay falls between them.  The same
    for every payslip of a jurisdiction, period and headcount: worked out once."""
    small_param = (
        P.minimum_wage_hourly_small_employer
        if name is P.minimum_wage_hourly
        else P.minimum_wage_monthly_small_employer
    )
    minimum, notes = _in_period(law, name, on, start, end)
    below = law.get(P.minimum_wage_small_employer_below, on or end)
    small, small_notes = _in_period(law, small_param, on, start, end, name)
    if below is None or below.value is None or small is None or small.value is None:
        return minimum, notes, None
    size = msg("minimum.small-employers", below=below.shown)
    if headcount is not None:
        if headcount < below.number:
            note = msg("minimum.size", headcount=headcount, size=size)
            return small, (note, *small_notes), None
        return minimum, notes, None
    if minimum is None or minimum.value is None or small.number < minimum.number:
        note = msg("minimum.size-unknown", size=size)
        return small, (note, *small_notes), minimum
    return minimum, notes, None


def _in_period(
    law: Law,
    name: Param[Any],
    on: date | None,
    start: date,
    end: date,
    general: Param[Any] | None = None,
) -> tuple[InForce[Any] | None, tuple[Msg, ...]]:
    """A minimum in force in the period (from ``start``, the later of the period's first
    day and the employment's). Where it changed during the period, the lower of the two (on
    equal figures the less settled one) is used, and a note says so."""
    at_end = _level_value(law, name, on or end, general)
    at_start = _level_value(law, name, on or start, general)
    if (
        at_start is at_end
        or at_start is None
        or at_end is None
        or not isinstance(at_start.value, Decimal)
        or not isinstance(at_end.value, Decimal)
    ):
        return at_end, ()
    earlier = at_start.number < at_end.number or (
        at_start.number == at_end.number and not at_start.settled
    )
    pick = at_start if earlier else at_end
    return pick, (
        msg(
            "minimum.changed",
            start=at_start.number,
            start_from=at_start.effective,
            end=at_end.number,
            end_from=at_end.effective,
            used=pick.number,
            used_from=pick.effective,
        ),
    )


def regular_rate_floor(
    facts: Facts, start: date, end: date
) -> tuple[InForce[Any], InForce[Any]] | None:
    """The rule that the regular rate is never below the hourly minimum wage, and the
    minimum it is held to in the workweek ``start`` to ``end`` (the minimum-wage rule's, the
    lower where it changed within the week; an unsettled minimum's last settled figure
    before it, if lower: a floor owed on either figure); None where the pack sets no such
    rule, the minimum wage does not cover the payslip, or there is no hourly minimum."""
    rule = facts.get(P.regular_rate_minimum_wage, facts.period_end)
    if rule is None or rule.value is not True:
        return None
    p, law = facts.payslip, facts.law
    if law.currency and p.currency != law.currency:
        return None
    if not facts.coverage(P.minimum_wage_coverage).covered:
        return None
    minimum, _, _ = _minimum_for(
        law, P.minimum_wage_hourly, facts.on, start, end, p.employer.headcount
    )
    if minimum is None or not isinstance(minimum.value, Decimal):
        return None
    if not minimum.settled:
        minimum = _settled_before(law, minimum)
        if minimum is None:
            return None
    return rule, minimum


__all__ = [
    "HourlyPart",
    "MinimumWage",
    "SalaryWeek",
    "Shortfall",
    "minimum_wage",
    "regular_rate_floor",
]


def hourly_minimum(facts: Facts) -> InForce[Any] | None:
    """The hourly minimum wage in force at the period's end, as the minimum-wage rule
    chooses it (the highest of the levels where the pack says so); None where the law
    sets none."""
    try:
        m = facts.minimum.minimum
    except MissingParameter:
        m = None
    if m is not None and m.name == P.minimum_wage_hourly.name and m.value is not None:
        return m
    found = _level_value(facts.law, P.minimum_wage_hourly, facts.period_end)
    return found if found is not None and found.value is not None else None
