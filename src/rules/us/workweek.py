"""United States overtime by the workweek and the day, and the exemptions' salary levels:
the named formulas ``workweek-overtime`` (``flsa``, ``california``) and ``exemption-salary``
(``weekly-level``, ``twice-state-minimum``), with the parameters only they read."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from paycheck.facts import Facts
from paycheck.law.formulas import SalaryLevel, Split, formula
from paycheck.law.packs import InForce, Law, MissingParameter, law
from paycheck.law.tables import NonNegative, Positive
from paycheck.law.vocabulary import P, Param, declare, param
from paycheck.messages import msg
from paycheck.money import CONTEXT, ZERO

WEEKLY_HOURS = declare(
    param(
        "overtime_weekly_hours",
        Positive,
        "overtime-premium hours-worked",
        "hours of a workweek beyond which each hour is overtime",
        "the `workweek-overtime` formula cannot run: not-checked",
    )
)
MULTIPLIER = declare(
    param(
        "overtime_multiplier",
        Positive,
        "overtime-premium hours-worked",
        "overtime is paid at least this × the regular rate",
        "the `workweek-overtime` formula cannot run: not-checked",
    )
)
DAILY_HOURS = declare(
    param(
        "overtime_daily_hours",
        Positive,
        "overtime-premium hours-worked",
        "hours of a workday beyond which each hour is overtime (and the first hours of the "
        "seventh consecutive day of work in the workweek, at `overtime_multiplier`)",
        "the `california` formula cannot run: not-checked",
    )
)
DOUBLE_HOURS = declare(
    param(
        "overtime_daily_double_hours",
        Positive,
        "overtime-premium hours-worked",
        "hours of a workday beyond which each hour is paid `overtime_double_multiplier`",
        "the `california` formula cannot run: not-checked",
    )
)
DOUBLE = declare(
    param(
        "overtime_double_multiplier",
        Positive,
        "overtime-premium hours-worked",
        "the multiplier of the regular rate for hours beyond `overtime_daily_double_hours`, "
        "and beyond `overtime_daily_hours` on the seventh day",
        "the `california` formula cannot run: not-checked",
    )
)
SALARY_WEEKLY = declare(
    param(
        "exemption_salary_weekly",
        NonNegative,
        "exemption",
        "the weekly salary an employee claimed exempt must be paid at least (`weekly-level`)",
        "the `weekly-level` formula cannot run: not-checked",
    )
)
SALARY_WEEKLY_DOUBTFUL = declare(
    param(
        "exemption_salary_weekly_doubtful",
        NonNegative,
        "exemption",
        "a higher weekly level whose force is unsettled: a salary from "
        "`exemption_salary_weekly` up to it is uncertain",
        "no such level",
    )
)
MINIMUM_MULTIPLE = declare(
    param(
        "exemption_salary_minimum_multiple",
        Positive,
        "exemption",
        "`twice-state-minimum`: the yearly salary level is this × the state's hourly minimum "
        "wage × `exemption_salary_hours_per_year`",
        "the formula cannot run: not-checked",
    )
)
HOURS_PER_YEAR = declare(
    param(
        "exemption_salary_hours_per_year",
        Positive,
        "exemption",
        "`twice-state-minimum`: the hours of a year of full-time employment",
        "the formula cannot run: not-checked",
    )
)


def _need(facts: Facts, p: Param[Any], day: date) -> InForce[Any]:
    return facts.need(p, day)


_FLSA = (WEEKLY_HOURS, MULTIPLIER)
_CALIFORNIA = (WEEKLY_HOURS, MULTIPLIER, DAILY_HOURS, DOUBLE_HOURS, DOUBLE)


@lru_cache(maxsize=4096)
def _values(law_: Law, on: date, params: tuple[Param[Any], ...]) -> tuple[InForce[Any], ...]:
    """The parameters a workweek formula reads, in force on ``on``: the same for every
    payslip of a jurisdiction and day, read once. Absent or null stops the formula (as
    ``Facts.need``: the first missing one, in the order given)."""
    out = []
    for p in params:
        value = law_.get(p, on)
        if value is None or value.value is None:
            raise MissingParameter(p.name, on)
        out.append(value)
    return tuple(out)


@formula("workweek-overtime", "flsa", "29 U.S.C. 207(a)(1)")
def flsa(facts: Facts, days: Sequence[tuple[date, Decimal]]) -> Split:
    """Hours over 40 in the workweek at 1.5 × the regular rate; no daily overtime."""
    limit, times = _values(facts.law, facts.on or days[0][0], _FLSA)
    hours = sum((h for _, h in days), ZERO)
    over = max(ZERO, hours - limit.number)
    return Split(hours - over, ((times.number, over),) if over else (), (limit, times))


@formula("workweek-overtime", "california", "California Labor Code 510(a)")
def california(facts: Facts, days: Sequence[tuple[date, Decimal]]) -> Split:
    """Over 8 hours in a workday or 40 in the workweek at 1.5 ×, over 12 in a workday at
    2 ×; the seventh consecutive day of work in the workweek: the first 8 hours at 1.5 ×,
    beyond 8 at 2 ×. Daily overtime hours are not counted again toward the 40."""
    law = _values(facts.law, facts.on or days[0][0], _CALIFORNIA)
    weekly, times, daily, double_after, double = law
    day_limit, double_limit, week_limit = daily.number, double_after.number, weekly.number
    daily_band = double_limit - day_limit
    worked = [(d, h) for d, h in days if h > 0]
    seventh = worked[6][0] if len(worked) == 7 else None
    straight, at_times, at_double = ZERO, ZERO, ZERO
    for d, h in worked:
        if d == seventh:
            at_times += min(h, day_limit)
            at_double += max(ZERO, h - day_limit)
            continue
        regular = min(h, day_limit)
        at_times += min(max(ZERO, h - day_limit), daily_band)
        at_double += max(ZERO, h - double_limit)
        weekly_over = max(ZERO, straight + regular - week_limit)
        straight += regular - weekly_over
        at_times += weekly_over
    tiers = tuple((m, h) for m, h in ((times.number, at_times), (double.number, at_double)) if h)
    return Split(straight, tiers, law)


@formula("exemption-salary", "weekly-level", "29 CFR 541.600")
def weekly_level(facts: Facts, day: date) -> SalaryLevel:
    """A weekly salary level set by regulation."""
    level = _need(facts, SALARY_WEEKLY, day)
    doubtful = facts.get(SALARY_WEEKLY_DOUBTFUL, day)
    if doubtful is not None and (doubtful.value is None or doubtful.number <= level.number):
        doubtful = None
    step = msg("us.exemption-weekly", level=level.number)
    return SalaryLevel(level.number, (level,), (step,), doubtful)


@formula("exemption-salary", "twice-state-minimum", "California Labor Code 515(a)")
def twice_state_minimum(facts: Facts, day: date) -> SalaryLevel:
    """Twice the state's hourly minimum wage for full-time employment (2 × minimum × 2080
    hours a year), as a weekly amount (÷ 52). A city's higher minimum does not count."""
    multiple = _need(facts, MINIMUM_MULTIPLE, day)
    hours = _need(facts, HOURS_PER_YEAR, day)
    state = law("-".join(facts.law.code.split("-")[:2]))
    minimum = state.get(P.minimum_wage_hourly, facts.on or day)
    if minimum is None or minimum.value is None:
        raise MissingParameter(P.minimum_wage_hourly.name, facts.on or day)
    # Where the state's minimum depends on the employer's size (California 2017-2022), the
    # level is twice the minimum the employer's size owes; without a headcount, the lower
    # (an exemption is never denied on a level the employer may not owe).
    small = state.get(P.minimum_wage_hourly_small_employer, facts.on or day)
    below = state.get(P.minimum_wage_small_employer_below, facts.on or day)
    size: tuple[Any, ...] = ()
    rate = minimum.number
    used: InForce[Any] = minimum
    sized = small is not None and small.value is not None and small.number < rate
    if sized and small is not None and below is not None and below.value is not None:
        headcount = facts.payslip.employer.headcount
        if headcount is None or headcount < below.number:
            rate, used = small.number, small
            size = (msg("us.exemption-small-employer", below=below.shown),)
    yearly = multiple.number * rate * hours.number
    level = CONTEXT.divide(yearly, Decimal(52))
    step = msg(
        "us.exemption-twice-minimum",
        multiple=multiple.number,
        minimum=rate,
        hours=hours.number,
        yearly=yearly,
        level=level,
    )
    return SalaryLevel(level, (multiple, used, hours), (step, *size))
