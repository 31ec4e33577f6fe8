"""Hours worked by the day and the workweek, from ``attendance.hours``, priced by a named
``workweek-overtime`` formula: what a law that counts overtime by the workweek needs.

The interface other checks may read (``facts.workweeks``):

- :class:`Workweeks`: ``weeks`` (each :class:`Workweek`), ``assumed_start`` (true when the
  contract gives no ``workweek_start`` and the period's first day is taken), ``base_rate``
  (the hourly wage, or a salary's weekly amount ÷ the hours it covers), ``covered`` (the
  weekly hours a salary pays for; 0 for hourly pay), ``bonus`` (the remuneration besides
  the wage that enters the regular rate, shared equally among the workweeks), ``rates``
  (:class:`Rates`: how a salary's rate was found, and the lower reading where its divisor is
  unsettled).
- :class:`Workweek`: ``start``, ``end``, ``days`` (:class:`DayHours`), ``whole`` (all seven
  days in the pay period), ``hours_paid``, ``hours_worked`` (paid + short breaks: hours
  worked for certain), ``hours_doubtful`` (breaks of uncertain length, boot-up and
  log-out), and ``priced(layer)`` for the lawful pay of each layer of hours: ``PAID``,
  ``WORKED``, ``DOUBTFUL_BREAKS``, ``ALL`` (a :class:`Priced` with the regular rate, the
  straight-time pay and the overtime due, the regular rate held to the minimum wage where the
  pack says so), and ``priced_certain(layer)``: the same on the reading that owes less.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from enum import IntEnum
from typing import TYPE_CHECKING, Any, NamedTuple

from paycheck.law import formulas
from paycheck.law.formulas import Split
from paycheck.law.packs import InForce
from paycheck.law.vocabulary import P
from paycheck.model import EarningKind, PayBasis
from paycheck.money import CONTEXT, ZERO

if TYPE_CHECKING:
    from paycheck.facts import Facts

SIXTY = Decimal(60)
_NO_HOURS = CONTEXT.divide(ZERO, SIXTY)  # no minutes, in hours


class Layer(IntEnum):
    """The hours of a day, each layer adding to the one before."""

    PAID = 0  # the hours the employer paid
    WORKED = 1  # + short breaks: hours worked for certain
    DOUBTFUL_BREAKS = 2  # + breaks longer than short and shorter than a meal period
    ALL = 3  # + boot-up, log-in and log-out time


class DayHours(NamedTuple):
    day: date
    paid: Decimal
    short: Decimal  # hours of short breaks (hours worked)
    short_count: int
    doubtful: Decimal  # hours of breaks of doubtful length
    doubtful_count: int
    pre_shift: Decimal  # hours of boot-up, log-in and log-out
    layers: tuple[Decimal, Decimal, Decimal, Decimal]  # the day's hours by Layer, summed once

    def hours(self, layer: Layer) -> Decimal:
        return self.layers[layer]


class Priced(NamedTuple):
    """One layer of a workweek's hours, split and priced."""

    hours: Decimal
    split: Split
    regular_rate: Decimal  # the base rate + the week's bonus share ÷ hours, at least the floor
    straight_pay: Decimal  # straight rate x hours a salary does not cover
    overtime_due: Decimal  # the premiums: (multiplier - 1) x regular rate x hours
    lawful: Decimal  # straight_pay + overtime_due (a salary itself not included)
    straight_time_pay: Decimal  # straight rate x straight-time hours beyond a salary's hours
    own_rate: Decimal  # the regular rate the pay itself gives, before the floor
    straight_rate: Decimal  # the rate of the hours a salary does not cover
    floor: InForce[Any] | None  # the minimum wage the rates were raised to, if any


class Rates(NamedTuple):
    """What a workweek's hours are priced on: the base rate (the hourly wage, or the weekly
    salary ÷ ``covered``), the hours a salary covers, the bonus share of each workweek."""

    base: Decimal
    covered: Decimal  # the hours the weekly salary is divided by; 0 for hourly pay
    share: Decimal
    weekly: Decimal = ZERO  # a salary's week (monthly x 12 / 52); 0 for hourly pay
    contract: Decimal = ZERO  # the contract's weekly hours (normal hours a day x workdays)
    covers_overtime: bool = True  # a salary pays its overtime hours at the straight rate
    law: tuple[InForce[Any], ...] = ()  # the parameters the divisor and cover rest on
    # Where the divisor is unsettled (a contract below the pack's full-time hours): the
    # rates of the reading that owes less, the part owed on either reading.
    lower: Rates | None = None


class Workweek(NamedTuple):
    start: date
    end: date
    days: tuple[DayHours, ...]
    whole: bool
    prices: tuple[Priced, ...]  # by Layer
    certain: tuple[Priced, ...] = ()  # by Layer, on the reading that owes less (Rates.lower)

    def priced_certain(self, layer: Layer) -> Priced:
        """A layer priced on the reading that owes less, where the divisor is unsettled;
        else as :meth:`priced`."""
        return (self.certain or self.prices)[layer]

    def priced(self, layer: Layer) -> Priced:
        return self.prices[layer]

    @property
    def hours_paid(self) -> Decimal:
        return sum((d.paid for d in self.days), ZERO)

    @property
    def hours_worked(self) -> Decimal:
        return sum((d.hours(Layer.WORKED) for d in self.days), ZERO)

    @property
    def hours_doubtful(self) -> Decimal:
        return sum((d.doubtful + d.pre_shift for d in self.days), ZERO)

    @property
    def regular_rate(self) -> Decimal:
        return self.priced(Layer.WORKED).regular_rate

    @property
    def overtime_due(self) -> Decimal:
        return self.priced(Layer.WORKED).overtime_due


class Workweeks(NamedTuple):
    weeks: tuple[Workweek, ...]
    assumed_start: bool
    law: tuple[InForce[Any], ...]  # the break lengths and the pre-shift rule
    rates: Rates

    @property
    def base_rate(self) -> Decimal:
        return self.rates.base

    @property
    def covered(self) -> Decimal:
        return self.rates.covered

    @property
    def bonus(self) -> Decimal:
        return self.rates.share


def day_hours(facts: Facts) -> tuple[tuple[DayHours, ...], tuple[InForce[Any], ...]]:
    """Each recorded day's hours by kind, and the parameters the kinds rest on."""
    end = facts.period_end
    short = facts.get(P.short_break_max_minutes, end)
    meal = facts.get(P.meal_period_min_minutes, end)
    pre = facts.get(P.pre_shift_time_worked, end)
    short_max = short.number if short is not None and short.value is not None else None
    meal_min = meal.number if meal is not None and meal.value is not None else None
    counts_pre = pre is not None and pre.value is True
    out = []
    for d in sorted(facts.payslip.attendance.hours, key=lambda d: d.date):
        breaks = d.unpaid_breaks_minutes
        if breaks:
            shorts = [m for m in breaks if short_max is not None and m <= short_max]
            doubts = [
                m
                for m in breaks
                if (short_max is None or m > short_max) and (meal_min is None or m < meal_min)
            ]
            if short_max is None:
                doubts = []
            short_h = CONTEXT.divide(sum(shorts, ZERO), SIXTY)
            doubt_h = CONTEXT.divide(sum(doubts, ZERO), SIXTY)
        else:
            shorts = doubts = []
            short_h = doubt_h = _NO_HOURS
        if counts_pre:
            pre_h = CONTEXT.divide(d.boot_up_minutes + d.log_out_minutes, SIXTY)
        else:
            pre_h = _NO_HOURS
        # each layer adds its part to the one before, as sum() over the parts does
        paid = ZERO + d.paid_hours
        worked = _plus(paid, short_h)
        doubtful = _plus(worked, doubt_h)
        layers = (paid, worked, doubtful, _plus(doubtful, pre_h))
        out.append(
            DayHours(
                d.date, d.paid_hours, short_h, len(shorts), doubt_h, len(doubts), pre_h, layers
            )
        )
    law = tuple(v for v in (short, meal, pre) if v is not None)
    return tuple(out), law


def _plus(total: Decimal, part: Decimal) -> Decimal:
    """``total + part``; ``total`` itself where the sum is the very same number, digits and
    exponent (a zero part), so that a layer that adds nothing is seen to be the one before."""
    added = total + part
    return total if not part and added.as_tuple() == total.as_tuple() else added


def week_start(facts: Facts) -> tuple[date, bool]:
    """The first day of the workweek holding the period's first day, and whether it was
    assumed (no ``contract.workweek_start``: the period's first day)."""
    first = facts.payslip.period.start
    start = facts.payslip.contract.workweek_start
    if start is None:
        return first, True
    return first - timedelta((first.weekday() - start.number) % 7), False


def wage_rates(facts: Facts, weeks: int) -> Rates:
    """The base hourly rate, the weekly hours a salary covers (0 for hourly pay), and the
    bonus share of each workweek (non-discretionary bonuses, equal shares).

    A salary's rate is its week ÷ the hours it is agreed for (29 CFR 778.113), which cover
    its overtime hours too. Where the pack sets ``salary_hours_per_week_max`` (California,
    Labor Code 515(d)): a salary for at least those hours has the week ÷ them as its rate
    ((d)(1), 1/40) and pays only the regular, non-overtime hours ((d)(2)); a contract of
    fewer hours is priced on its own hours, the reading that owes more, with the 1/40
    reading's rates as ``lower`` (which one applies is unsettled)."""
    c = facts.payslip.contract
    bonus = sum(
        (e.amount for _, e in facts.stated(EarningKind.BONUS) if e.discretionary is not True),
        ZERO,
    )
    share = CONTEXT.divide(bonus, weeks) if weeks else ZERO
    if c.pay_basis is PayBasis.HOURLY:
        return Rates(c.wage, ZERO, share)
    weekly = weekly_salary(c.wage)
    contract = c.normal_hours_per_day * len(facts.workweek_days)
    cap = facts.get(P.salary_hours_per_week_max, facts.period_end)
    if cap is None or cap.value is None:
        return Rates(CONTEXT.divide(weekly, contract), contract, share, weekly, contract)
    full = cap.number
    if contract >= full:
        rate = CONTEXT.divide(weekly, full)
        return Rates(rate, full, share, weekly, contract, False, (cap,))
    lower = Rates(CONTEXT.divide(weekly, full), full, share, weekly, contract, False, (cap,))
    own = CONTEXT.divide(weekly, contract)
    return Rates(own, contract, share, weekly, contract, False, (cap,), lower)


def weekly_salary(monthly: Decimal) -> Decimal:
    """A monthly salary's week, unrounded: monthly x 12 / 52."""
    return CONTEXT.divide(monthly * 12, Decimal(52))


def price(
    facts: Facts,
    days: tuple[DayHours, ...],
    layer: Layer,
    rates: Rates,
    floor: tuple[InForce[Any], InForce[Any]] | None = None,
) -> Priced | None:
    """A workweek's hours of a layer split by the pack's formula and priced; None where the
    pack chooses no formula. ``floor``: the rule and the minimum wage the regular rate is
    held to (29 CFR 778.107), which also prices the hours a salary does not cover."""
    chosen = facts.get(P.workweek_overtime_formula, days[0].day if days else facts.period_end)
    if chosen is None or chosen.value is None:
        return None
    base, covered, share = rates.base, rates.covered, rates.share
    worked = tuple((d.day, d.hours(layer)) for d in days)
    hours = sum((h for _, h in worked), ZERO)
    run: Split = formulas.get("workweek-overtime", chosen.value).run(facts, worked)
    own = base + (CONTEXT.divide(share, hours) if hours else ZERO)
    regular, rate = own, base
    minimum = floor[1] if floor is not None else None
    salaried = rates.weekly > 0
    if minimum is not None:
        regular = max(own, minimum.number)
        if salaried:
            # the hours a salary does not cover are owed at least the minimum; an hourly
            # wage's straight time below it is the minimum-wage rule's (all paid hours)
            rate = max(base, minimum.number)
    raised = minimum is not None and (regular != own or rate != base)
    extra: tuple[InForce[Any], ...] = rates.law
    if raised and floor is not None:
        extra = (*extra, *floor)
    split = Split(run.straight, run.overtime, (chosen, *run.law, *extra))
    over = sum((h for _, h in split.overtime), ZERO)
    if rates.covers_overtime:
        uncovered = max(ZERO, hours - covered)
    else:  # the salary pays only the regular hours: every overtime hour is owed on top
        uncovered = max(ZERO, split.straight - covered) + over
    straight = rate * uncovered
    premium = sum(((m - 1) * regular * h for m, h in split.overtime), ZERO)
    straight_time = rate * max(ZERO, split.straight - covered)
    return Priced(
        hours,
        split,
        regular,
        straight,
        premium,
        straight + premium,
        straight_time,
        own,
        rate,
        minimum if raised else None,
    )


def _prices(
    facts: Facts,
    days: tuple[DayHours, ...],
    rates: Rates,
    floor: tuple[InForce[Any], InForce[Any]] | None,
) -> tuple[Priced, ...] | None:
    """A workweek's layers priced (a layer that adds no hours shares the one before's)."""
    prices: list[Priced] = []
    for layer in Layer:
        if prices and all(d.layers[layer] is d.layers[layer - 1] for d in days):
            prices.append(prices[-1])  # the same hours each day: the same price
            continue
        priced = price(facts, days, layer, rates, floor)
        if priced is None:
            return None
        prices.append(priced)
    return tuple(prices)


Floor = Callable[["Facts", date, date], "tuple[InForce[Any], InForce[Any]] | None"]
"""The rule and the minimum wage a workweek's regular rate is held to, from its first to
its last day in the period (:func:`paycheck.facts.minimum.regular_rate_floor`)."""


def compute_workweeks(facts: Facts, floor_of: Floor | None = None) -> Workweeks | None:
    """The workweeks of the period's recorded days, priced; None without recorded hours or
    without a workweek-overtime formula in the pack. ``floor_of``: the minimum wage each
    workweek's regular rate is held to, if any."""
    days, law = day_hours(facts)
    if not days:
        return None
    first, assumed = week_start(facts)
    groups: dict[date, list[DayHours]] = {}
    for d in days:
        start = first + timedelta(((d.day - first).days // 7) * 7)
        groups.setdefault(start, []).append(d)
    rates = wage_rates(facts, len(groups))
    p = facts.payslip.period
    weeks = []
    for start, members in sorted(groups.items()):
        end = start + timedelta(6)
        days_of = tuple(members)
        floor = (
            floor_of(facts, max(start, p.start), min(end, facts.period_end)) if floor_of else None
        )
        prices = _prices(facts, days_of, rates, floor)
        if prices is None:
            return None
        certain = _prices(facts, days_of, rates.lower, floor) if rates.lower else None
        whole = start >= p.start and end <= p.end
        weeks.append(Workweek(start, end, days_of, whole, prices, certain or ()))
    return Workweeks(tuple(weeks), assumed, law, rates)


__all__ = [
    "DayHours",
    "Layer",
    "Priced",
    "Rates",
    "Workweek",
    "Workweeks",
    "compute_workweeks",
    "weekly_salary",
]
