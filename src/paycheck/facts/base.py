"""Lawful base pay: the contract's wage for the days in employment of the pay period.

Hourly pay is the hours of the days worked at the contract rate. Monthly pay for a whole
pay period worked is the period's share of the wage (all of it for a monthly period); for
a partial period it is what the pack's proration formulas give, the lowest of them being
the lawful floor (:mod:`paycheck.law.formulas`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from paycheck.law import formulas
from paycheck.law.formulas import Prorated
from paycheck.law.packs import InForce, MissingParameter
from paycheck.law.vocabulary import P
from paycheck.messages import Line, Msg, msg, paren
from paycheck.model import Earning, EarningKind, PayBasis
from paycheck.money import ZERO

if TYPE_CHECKING:
    from paycheck.facts import Facts


class BasePay(NamedTuple):
    """Base pay as stated beside its lawful figure, with the arithmetic and the law."""

    line: str  # the earnings line judged ("earnings" when the payslip has no base line)
    stated: Decimal
    expected: Decimal | None  # None where the pack sets no formula for a partial period
    shape: str  # hourly, full, full-share (a whole period shorter than a month), partial
    steps: tuple[Msg, ...] = ()
    law: tuple[InForce[Any] | None, ...] = ()
    gap: Msg | None = None  # why a partial period cannot be checked
    lower_of: int = 1  # how many lawful formulas the lowest was taken from


def _straight_hours_paid(facts: Facts) -> Decimal | None:
    """The straight-time hours the employer paid, where ``attendance.hours`` and the pack's
    workweek formula give them (overtime hours are priced by the workweek check)."""
    try:
        weeks = facts.workweeks
    except MissingParameter:
        return None
    if weeks is None:
        return None
    return sum((w.prices[0].split.straight for w in weeks.weeks), ZERO)


def _hourly_paid(
    facts: Facts, line: str, stated: Decimal, in_full: tuple[InForce[Any] | None, ...]
) -> BasePay:
    """Hourly pay with each day's hours given: base pay for the hours paid each day, up to
    the contract's normal hours a day (hours beyond them may be paid on overtime lines)."""
    p = facts.payslip
    start = max(p.period.start, p.contract.employment_start)
    normal = p.contract.normal_hours_per_day
    hours = sum(
        (
            min(day.paid_hours, normal)
            for day in p.attendance.hours
            if start <= day.date <= facts.period_end
        ),
        ZERO,
    )
    wage = p.contract.wage
    expected = facts.money(wage * hours)
    step = msg("base.hourly-paid", wage=wage, hours=hours, normal=normal, expected=expected)
    return BasePay(line, stated, expected, "hourly", (step,), in_full)


def _hours_worked_law(facts: Facts) -> bool:
    """Whether the pack counts pay by the hours actually worked (a workweek-overtime
    formula): an hourly employee there has no schedule the law presumes."""
    chosen = facts.get(P.workweek_overtime_formula, facts.period_end)
    return chosen is not None and chosen.value is not None


def line_hours(facts: Facts) -> Decimal | None:
    """The hours an hourly employee worked as the base lines state them, where the law
    counts the hours worked and the payslip gives neither the days nor each day's hours;
    None otherwise."""
    p = facts.payslip
    if p.contract.pay_basis is not PayBasis.HOURLY or p.attendance.hours:
        return None
    if not facts.days.assumed_full_attendance or not _hours_worked_law(facts):
        return None
    stated = [e.hours for _, e in facts.stated(EarningKind.BASE)]
    if not stated or any(h is None for h in stated):
        return None
    return sum((h for h in stated if h is not None), ZERO)


def _hourly_unknown(facts: Facts, assumed: BasePay) -> BasePay:
    """Hourly pay where the law counts the hours worked and the payslip gives neither the
    days nor each day's hours: the hours the base lines state, at the contract rate; with no
    hours stated, a full schedule is only a guess, so base pay below it is not checked."""
    hours = line_hours(facts)
    if hours is not None:
        wage = facts.payslip.contract.wage
        expected = facts.money(wage * hours)
        step = msg("base.hourly-line-hours", wage=wage, hours=hours, expected=expected)
        return assumed._replace(expected=expected, steps=(step,))
    if assumed.expected is not None and assumed.stated < assumed.expected:
        return assumed._replace(expected=None, gap=msg("base.hours-unknown"))
    return assumed


def lawful_base(facts: Facts) -> BasePay:
    p = facts.payslip
    bases = facts.stated(EarningKind.BASE)
    line = bases[0][0] if bases else "earnings"
    stated = sum((e.amount for _, e in bases), ZERO)
    wage, days = p.contract.wage, facts.days
    in_full = (facts.get(P.wages_paid_in_full, facts.period_end),)
    if p.contract.pay_basis is PayBasis.HOURLY:
        if not facts.standard_hours:  # paid by the hour, on a schedule the payslip lacks
            gap = msg("hours-system.hourly", system=p.contract.hours_system)
            return BasePay(line, stated, None, "hourly", gap=gap)
        by_week = _straight_hours_paid(facts)
        if by_week is not None:  # the daily hours are given: their straight time
            expected = facts.money(wage * by_week)
            step = msg("base.hourly-straight", wage=wage, hours=by_week, expected=expected)
            return BasePay(line, stated, expected, "hourly", (step,), in_full)
        hours = p.contract.normal_hours_per_day
        if p.attendance.hours:
            return _hourly_paid(facts, line, stated, in_full)
        count = len(days.worked) + len(days.paid_leave)
        expected = facts.money(wage * hours * count)
        step = msg("base.hourly", wage=wage, hours=hours, days=count, expected=expected)
        if days.assumed_full_attendance and _hours_worked_law(facts):
            return _hourly_unknown(
                facts, BasePay(line, stated, expected, "hourly", (step,), in_full)
            )
        return BasePay(line, stated, expected, "hourly", (step,), in_full)
    assumed = (msg("base.assumed-attendance"),) if days.assumed_full_attendance else ()
    share = facts.pay_period.share
    if days.full:
        if share == 1:
            full = (msg("base.full", wage=wage), *assumed)
            return BasePay(line, stated, wage, "full", full, in_full)
        expected = facts.money(wage * share)
        step = msg("base.full-share", share=facts.pay_period.frequency, wage=wage, due=expected)
        return BasePay(line, stated, expected, "full-share", (step, *assumed), in_full)
    method = facts.get(P.proration_methods, facts.period_end)
    results = prorate(facts, wage)
    if isinstance(results, Msg):
        return BasePay(line, stated, None, "partial", gap=results)
    lower = max(min(r.amount for r in results), ZERO)  # wholly outside employment: 0
    steps = [msg("base.span", start=days.span_start, end=days.span_end), *assumed]
    steps += [s for r in results for s in r.steps]
    if len(results) > 1:
        lowest = min(results, key=lambda r: r.amount)
        steps.append(msg("base.lower", letter=lowest.letter, amount=lower))
    steps += _employer_figures(facts, bases)
    law = (*(x for r in results for x in r.law), method)
    return BasePay(line, stated, lower, "partial", tuple(steps), law, lower_of=len(results))


def prorate(facts: Facts, monthly: Decimal, *, first_only: bool = False) -> list[Prorated] | Msg:
    """A monthly amount prorated for a partial pay period by each formula the pack names
    (only the first, for the minimum wage), or why it cannot be."""
    method = facts.get(P.proration_methods, facts.period_end)
    names = () if method is None or method.value is None else tuple(method.value)
    if not names:
        return msg(
            "minimum.no-formula" if first_only else "base.no-formula",
            code=facts.law.code,
            why=paren(method.why if method else ""),
        )
    out = []
    for name in names[:1] if first_only else names:
        result = formulas.get("proration", name).run(facts, monthly)
        if isinstance(result, Msg):
            return result
        out.append(result)
    return out


def _employer_figures(facts: Facts, bases: tuple[tuple[str, Earning], ...]) -> list[Msg]:
    """The employer's own divisor and days, beside the law's, for the reader."""
    lines: list[Msg] = []
    divisor = facts.get(P.paid_days_per_month, facts.period_end)
    lawful = divisor.number if divisor is not None and divisor.value is not None else None
    for where, e in bases:
        if e.divisor is None and e.days_paid is None:
            continue
        figures = [
            *([msg("base.their-divisor", divisor=e.divisor)] if e.divisor is not None else []),
            *([msg("base.their-days", days=e.days_paid)] if e.days_paid is not None else []),
        ]
        differs = e.divisor is not None and lawful is not None and e.divisor != lawful
        lines.append(
            msg(
                "base.employer-figures",
                line=Line(where),
                figures=figures,
                lawful=msg("base.lawful-divisor", divisor=lawful) if differs else "",
            )
        )
    return lines
