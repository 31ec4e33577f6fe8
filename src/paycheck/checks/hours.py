"""Overtime by the workweek and the day on the hours the employer paid, hours worked that
were not paid (short breaks, breaks of doubtful length, boot-up and log-out time), each
priced incrementally so that the findings add up, and an overtime exemption's salary level.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from paycheck.checks.findings import Findings
from paycheck.facts import Facts
from paycheck.facts.minimum import hourly_minimum
from paycheck.facts.workweek import Layer, Workweek, Workweeks, weekly_salary
from paycheck.law import formulas
from paycheck.law.formulas import SalaryLevel
from paycheck.law.packs import InForce, MissingParameter
from paycheck.law.vocabulary import P
from paycheck.messages import Msg, msg
from paycheck.model import Earning, EarningKind, PayBasis, PayFrequency
from paycheck.money import CONTEXT, ZERO
from paycheck.report import Severity


def hours_worked(facts: Facts, out: Findings) -> None:
    """The workweek check: exemption, overtime on the hours paid, unpaid hours worked."""
    if exempt(facts, out):
        return
    try:
        weeks = facts.workweeks
    except MissingParameter as exc:
        out.missing("overtime-premium", exc, line="attendance.hours")
        return
    if weeks is None:
        return
    if weeks.assumed_start:
        out.notes.append(msg("workweek.assumed-week", day=weeks.weeks[0].start))
    for w in weeks.weeks:
        if not w.whole:
            out.not_checked(
                "overtime-premium", msg("workweek.partial-week", start=w.start, end=w.end)
            )
    overtime_paid(facts, out, weeks)
    flat_bonus(facts, out, weeks)
    unpaid_hours(facts, out, weeks)


def _law(weeks: Workweeks, layer: Layer) -> list[InForce[Any]]:
    seen: dict[int, InForce[Any]] = {}
    for w in weeks.weeks:
        for v in w.priced(layer).split.law:
            seen[id(v)] = v
    return list(seen.values())


def _lawful(facts: Facts, weeks: Workweeks, layer: Layer, certain: bool = False) -> Decimal:
    """The lawful pay of a layer's hours beyond a salary; ``certain``: on the reading that
    owes less where the salary's divisor is unsettled."""
    priced = Workweek.priced_certain if certain else Workweek.priced
    return facts.money(sum((priced(w, layer).lawful for w in weeks.weeks), ZERO))


def _rate_steps(facts: Facts, weeks: Workweeks, layer: Layer) -> list[Msg]:
    """How a salary's regular rate is found, and each workweek whose regular rate was
    raised to the minimum wage (29 CFR 778.107)."""
    steps: list[Msg] = []
    rates = weeks.rates
    if rates.weekly > 0:
        steps.append(
            msg(
                "workweek.salary-rate" if rates.covers_overtime else "workweek.salary-regular",
                monthly=facts.payslip.contract.wage,
                weekly=facts.money(rates.weekly),
                hours=_h(rates.covered),
                rate=rates.base,
            )
        )
    for w in weeks.weeks:
        p = w.priced(layer)
        if p.floor is not None:
            steps.append(
                msg(
                    "workweek.rate-floor",
                    start=w.start,
                    end=w.end,
                    own=p.own_rate,
                    minimum=p.floor.number,
                    effective=p.floor.effective,
                )
            )
    return steps


def _divisor_doubt(facts: Facts, weeks: Workweeks, certain: Decimal, doubt: Decimal) -> list[Msg]:
    """Where the salary's divisor is unsettled and the readings differ: why, and the part
    owed on either reading."""
    rates = weeks.rates
    if doubt <= 0 or rates.lower is None:
        return []
    return [
        msg(
            "workweek.divisor-doubt",
            hours=_h(rates.contract),
            full=_h(rates.lower.covered),
            low=rates.lower.base,
            high=rates.base,
            certain=certain,
            doubt=doubt,
        )
    ]


def _week_step(w: Workweek, layer: Layer) -> Msg:
    p = w.priced(layer)
    tiers = [msg("workweek.tier", hours=_h(h), multiplier=m) for m, h in p.split.overtime]
    return msg(
        "workweek.week",
        start=w.start,
        end=w.end,
        hours=_h(p.hours),
        straight=_h(p.split.straight),
        tiers=tiers or [msg("workweek.no-overtime")],
        rate=p.regular_rate,
        lawful=p.lawful.quantize(Decimal("0.01")),
    )


def _paid_lines(facts: Facts) -> list[tuple[str, Earning]]:
    """The lines that pay the hours priced by the workweek: overtime lines, and for hourly
    pay the base lines too (a salary's base pays the hours it covers)."""
    salaried = facts.payslip.contract.pay_basis is not PayBasis.HOURLY
    kinds = (EarningKind.OVERTIME,) if salaried else (EarningKind.BASE, EarningKind.OVERTIME)
    return [(name, e) for kind in kinds for name, e in facts.stated(kind)]


def overtime_paid(facts: Facts, out: Findings, weeks: Workweeks) -> None:
    """The hours the employer paid, priced with their overtime, against what was paid."""
    if not any(w.prices[Layer.PAID].split.overtime for w in weeks.weeks):
        return
    lines = _paid_lines(facts)
    paid = sum((e.amount for _, e in lines), ZERO)
    lawful = _lawful(facts, weeks, Layer.PAID)
    if lawful <= paid:
        return
    # On the overtime line; with none, on the hours recorded, not on the base line: a
    # minimum-wage shortfall there claims other money (the straight time), and a line's
    # findings are counted once in the totals.
    over = [n for n, e in lines if e.kind is EarningKind.OVERTIME]
    line = over[0] if over else "attendance.hours"
    steps = [
        *_rate_steps(facts, weeks, Layer.PAID),
        *(_week_step(w, Layer.PAID) for w in weeks.weeks),
    ]
    message = msg(
        "workweek.overtime-short",
        hours=sum((w.hours_paid for w in weeks.weeks), ZERO),
        lawful=lawful,
        paid=paid,
        owed=lawful - paid,
    )
    certain = max(ZERO, _lawful(facts, weeks, Layer.PAID, certain=True) - paid)
    doubt = lawful - paid - certain
    steps += _divisor_doubt(facts, weeks, certain, doubt)
    severity, owed, uncertain = _weeks_settled(facts, weeks, steps, certain, doubt)
    out.add(
        "overtime-premium",
        severity,
        message,
        line=line,
        owed=owed,
        uncertain=uncertain,
        law=_law(weeks, Layer.PAID),
        steps=steps,
    )


def _weeks_settled(
    facts: Facts, weeks: Workweeks, steps: list[Msg], owed: Decimal, uncertain: Decimal
) -> tuple[Severity, Decimal, Decimal]:
    """Severity and amounts, uncertain where the workweek was assumed for a period that is
    not counted in weeks (a monthly or semi-monthly one): its bounds may differ."""
    weekly = facts.payslip.contract.pay_frequency in (PayFrequency.WEEKLY, PayFrequency.BI_WEEKLY)
    if not weeks.assumed_start or weekly:
        return (Severity.UNDERPAYMENT if owed > 0 else Severity.UNCERTAIN), owed, uncertain
    steps.append(msg("workweek.assumed-doubt"))
    return Severity.UNCERTAIN, ZERO, owed + uncertain


def flat_bonus(facts: Facts, out: Findings, weeks: Workweeks) -> None:
    """Where the law divides a flat-sum bonus by the non-overtime hours and owes it at the
    overtime multiplier: the excess over the premium on all hours, uncertain (whether the
    bonus is a flat sum is not on the payslip)."""
    rule = facts.get(P.bonus_divisor_non_overtime_hours, facts.period_end)
    if rule is None or rule.value is not True or weeks.bonus <= 0:
        return
    extra = ZERO
    for w in weeks.weeks:
        p = w.priced(Layer.PAID)
        if not p.split.overtime or p.split.straight <= 0:
            continue
        per_hour = CONTEXT.divide(weeks.bonus, p.split.straight)
        alvarado = sum((m * per_hour * h for m, h in p.split.overtime), ZERO)
        # the bonus's part of the premium, on the pay's own regular rate (before any floor)
        federal = sum(
            ((m - 1) * (p.own_rate - weeks.base_rate) * h for m, h in p.split.overtime), ZERO
        )
        extra += alvarado - federal
    # what the base and overtime lines paid beyond the premium on all hours goes to it first
    paid = sum((e.amount for _, e in _paid_lines(facts)), ZERO)
    surplus = max(ZERO, paid - _lawful(facts, weeks, Layer.PAID))
    amount = facts.money(max(ZERO, extra - surplus))
    if amount <= 0:
        return
    text = msg("workweek.flat-bonus", bonus=weeks.bonus, amount=amount)
    out.add("overtime-premium", Severity.UNCERTAIN, text, uncertain=amount, law=[rule])


def _doubt_part(
    facts: Facts, weeks: Workweeks, layer: Layer
) -> tuple[Decimal, list[Msg], list[InForce[Any] | None]]:
    """Of the pay a layer adds, the part not owed for certain: the straight time above the
    minimum wage (each hour, or the workweek's pay ÷ hours worked). The overtime, and the
    straight time up to the minimum, are owed."""
    minimum = hourly_minimum(facts)
    each_rule = facts.get(P.minimum_wage_each_hour, facts.period_end)
    each = each_rule is not None and each_rule.value is True
    doubt, floors = ZERO, ZERO
    for w in weeks.weeks:
        before, after = w.priced(Layer(layer - 1)), w.priced(layer)
        straight = after.straight_time_pay - before.straight_time_pay
        floor = ZERO
        if minimum is not None and straight > 0:
            rate = after.straight_rate
            extra_hours = CONTEXT.divide(straight, rate)
            if each:
                floor = min(rate, minimum.number) * extra_hours
            else:
                pay_before = before.lawful + weeks.base_rate * weeks.covered
                floor = max(ZERO, min(straight, minimum.number * after.hours - pay_before))
        doubt += straight - floor
        floors += floor
    steps: list[Msg] = []
    if doubt > 0:
        steps.append(
            msg(
                "workweek.above-minimum",
                amount=facts.money(doubt),
                each=msg("workweek.each-hour") if each else msg("workweek.by-week"),
            )
        )
    law = [minimum, each_rule] if floors > 0 else []
    return doubt, steps, law


LINES = {
    Layer.WORKED: "attendance.hours.unpaid_breaks_minutes",
    Layer.DOUBTFUL_BREAKS: "attendance.hours.unpaid_breaks_minutes.doubtful",
    Layer.ALL: "attendance.hours.boot_up_minutes",
}
"""Each kind of unpaid time its own line, so that the report's totals add the findings up."""


def _rests_on(weeks: Workweeks, layer: Layer) -> list[InForce[Any]]:
    """The parameters that make a layer's time hours worked."""
    names = {
        Layer.WORKED: {P.short_break_max_minutes.name},
        Layer.DOUBTFUL_BREAKS: {P.short_break_max_minutes.name, P.meal_period_min_minutes.name},
        Layer.ALL: {P.pre_shift_time_worked.name},
    }[layer]
    return [v for v in weeks.law if v.name in names]


def _h(hours: Decimal) -> Decimal:
    """Hours as shown: two places."""
    return hours.quantize(Decimal("0.01")).normalize() if hours % 1 else hours


def _settle_layer(
    facts: Facts,
    weeks: Workweeks,
    layer: Layer,
    added: Decimal,
    steps: list[Msg],
    law: list[InForce[Any]],
) -> tuple[Severity, Decimal, Decimal]:
    """What a layer of unpaid time adds: owed for certain and uncertain (``steps`` and
    ``law`` get what the split rests on). Where the salary's divisor is unsettled, no more
    is owed for certain than the reading that owes less adds."""
    if layer is Layer.DOUBTFUL_BREAKS:
        return Severity.UNCERTAIN, ZERO, added
    lower = added
    if weeks.rates.lower is not None:
        prior = Layer(layer - 1)
        lower = max(
            ZERO,
            _lawful(facts, weeks, layer, certain=True) - _lawful(facts, weeks, prior, certain=True),
        )
    certain = added
    if layer is Layer.WORKED:
        doubt, more, floor_law = _doubt_part(facts, weeks, layer)
        law += [v for v in floor_law if v is not None]
        certain = added - min(facts.money(doubt), added)  # the step shows money(doubt)
        steps += more
    lowest = min(certain, lower)
    steps += _divisor_doubt(facts, weeks, lowest, certain - lowest)
    return _weeks_settled(facts, weeks, steps, lowest, added - lowest)


def unpaid_hours(facts: Facts, out: Findings, weeks: Workweeks) -> None:
    """Each kind of unpaid time that is (or may be) hours worked, priced incrementally."""
    days = [d.layers for w in weeks.weeks for d in w.days]
    lawful: dict[Layer, Decimal] = {}
    for layer in (Layer.WORKED, Layer.DOUBTFUL_BREAKS, Layer.ALL):
        prior = Layer(layer - 1)
        if all(d[layer] is d[prior] for d in days):
            continue  # no hours added: each day's difference is 0
        hours = sum((d[layer] - d[prior] for d in days), ZERO)
        if hours <= 0:
            continue
        for x in (prior, layer):
            if x not in lawful:
                lawful[x] = _lawful(facts, weeks, x)
        added = lawful[layer] - lawful[prior]
        if added <= 0:
            continue
        count = sum(
            d.short_count if layer is Layer.WORKED else d.doubtful_count
            for w in weeks.weeks
            for d in w.days
        )
        steps = [*_rate_steps(facts, weeks, layer), *(_week_step(w, layer) for w in weeks.weeks)]
        law: list[InForce[Any]] = [*_rests_on(weeks, layer), *_law(weeks, layer)]
        severity, owed, uncertain = _settle_layer(facts, weeks, layer, added, steps, law)
        args = {"hours": _h(hours), "count": count, "amount": added}
        message = (
            msg("workweek.short-breaks", **args)
            if layer is Layer.WORKED
            else msg("workweek.doubtful-breaks", **args)
            if layer is Layer.DOUBTFUL_BREAKS
            else msg("workweek.pre-shift", **args)
        )
        out.add(
            "hours-worked",
            severity,
            message,
            line=LINES[layer],
            owed=owed,
            uncertain=uncertain,
            law=law,
            steps=steps,
        )


def exemption_holds(facts: Facts) -> bool:
    """Whether the exemption the employer claims holds (its findings left out)."""
    return facts.payslip.contract.exemption is not None and exempt(facts, Findings(facts))


def exempt(facts: Facts, out: Findings) -> bool:
    """Whether the exemption the employer claims holds (no overtime check then); a finding
    where it does not."""
    c = facts.payslip.contract
    if c.exemption is None:
        return False
    day = facts.period_end
    chosen = facts.get(P.exemption_salary_formula, day)
    if chosen is None or chosen.value is None:
        return False
    kind = c.exemption.kind
    if not c.exemption.duties_met:
        out.add("exemption", Severity.VIOLATION, msg("exemption.duties", kind=kind), law=[chosen])
        return False
    if c.pay_basis is PayBasis.HOURLY:
        out.add("exemption", Severity.VIOLATION, msg("exemption.hourly", kind=kind), law=[chosen])
        return False
    try:
        level: SalaryLevel = formulas.get("exemption-salary", chosen.value).run(facts, day)
    except MissingParameter as exc:
        out.missing("exemption", exc, line="contract.exemption")
        return True
    weekly = facts.money(weekly_salary(c.wage))
    steps = [msg("exemption.weekly", wage=c.wage, weekly=weekly), *level.steps]
    if weekly >= level.level:
        doubtful = level.doubtful
        if doubtful is None or weekly >= doubtful.number:
            return True
        text = msg("exemption.doubtful", kind=kind, weekly=weekly, level=doubtful.number)
        out.add("exemption", Severity.UNCERTAIN, text, law=[chosen, doubtful], steps=steps)
        return True
    text = msg("exemption.below", kind=kind, weekly=weekly, level=facts.money(level.level))
    out.add("exemption", Severity.VIOLATION, text, law=[chosen, *level.law], steps=steps)
    return False
