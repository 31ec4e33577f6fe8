"""Pay for normal work: base pay for the days (rule ``proration``) and the minimum wage
(rule ``minimum-wage``)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from paycheck.checks.findings import Findings
from paycheck.checks.hours import exemption_holds
from paycheck.facts import Facts
from paycheck.facts.hours import cited
from paycheck.facts.minimum import MinimumWage, Shortfall
from paycheck.law.calendar import DayClass
from paycheck.law.packs import InForce, MissingParameter
from paycheck.law.vocabulary import P
from paycheck.messages import Msg, colon, money_sum, msg
from paycheck.model import EarningKind, LeaveKind, PayBasis, expand
from paycheck.money import ZERO
from paycheck.report import Severity


def base_line(facts: Facts) -> str:
    """The earnings line base pay is judged on ("earnings" when the payslip has none)."""
    bases = facts.stated(EarningKind.BASE)
    return bases[0][0] if bases else "earnings"


def proration(facts: Facts, out: Findings) -> None:
    """Base pay against the lawful figure for the days in employment."""
    p = facts.payslip
    days = facts.days
    if days.count_over:
        count, eligible = days.count_over
        out.not_checked("proration", msg("proration.count-over", count=count, eligible=eligible))
    paid_kinds = set(facts.items(P.paid_leave_kinds, facts.period_end))
    for leave in p.attendance.leave:
        if leave.kind not in paid_kinds and leave.kind is not LeaveKind.UNPAID:
            out.not_checked(
                "proration",
                msg("proration.leave-unpaid", kind=leave.kind, days=expand(leave.days)),
            )
    if not facts.standard_hours:
        _hours_system_notes(facts, out)
    off_days = [
        d
        for d in expand(p.attendance.days_worked)
        if facts.calendar.day_class(d) is not DayClass.WORKING
    ]
    priced = facts.get(P.day_classes_priced, facts.period_end)
    if off_days and facts.standard_hours and (priced is None or priced.value):
        out.not_checked("overtime-premium", msg("proration.off-days", days=off_days))
    try:
        base = facts.base
    except MissingParameter as exc:  # reported on the line it was needed for
        out.missing("proration", exc, line=base_line(facts))
        return
    if base.gap is not None:
        out.not_checked("proration", base.gap)
    elif base.expected is not None and base.stated < base.expected:
        owed = base.expected - base.stated
        shape = "partial-lower" if base.lower_of > 1 else base.shape
        message = {
            "hourly": "proration.hourly",
            "full": "proration.full",
            "full-share": "proration.full-share",
            "partial": "proration.partial",
            "partial-lower": "proration.partial-lower",
        }[shape]
        out.add(
            "proration",
            Severity.UNDERPAYMENT,
            msg(
                message,
                stated=base.stated,
                expected=base.expected,
                wage=p.contract.wage,
                owed=owed,
            ),
            line=base.line,
            owed=owed,
            law=base.law,
            steps=base.steps,
        )


def _hours_system_notes(facts: Facts, out: Findings) -> None:
    """Another hours system than the standard one: taken as lawfully adopted; its days
    worked follow the cycle's schedule, so only leave counts against base pay."""
    p = facts.payslip
    checked = facts.get(P.hours_systems_checked, facts.period_end)
    law = cited(checked) if checked is not None else "-"
    out.notes.append(msg("hours-system.approved", system=p.contract.hours_system, law=law))
    listed = p.attendance.days_worked or p.attendance.days_worked_count is not None
    if listed and p.contract.pay_basis is PayBasis.MONTHLY:
        out.notes.append(msg("hours-system.days-worked", system=p.contract.hours_system))


def minimum_wage(facts: Facts, out: Findings) -> None:
    """Pay for normal work against the local minimum wage."""
    exemption = facts.payslip.contract.exemption
    if exemption is not None and exemption_holds(facts):
        # an exemption at its salary level exempts from the minimum wage as from overtime
        # (where the pack declares a level): the exemption check reports the level itself
        out.notes.append(msg("minimum.exempt", kind=exemption.kind))
        return
    try:
        m = facts.minimum
    except MissingParameter as exc:
        out.missing("minimum-wage", exc, line=base_line(facts))
        return
    if m.coverage is not None:
        out.not_covered(m.coverage, "minimum-wage", msg("what.minimum-wage"))
        return
    if m.none is not None:
        out.notes.append(m.none)
        return
    if m.between is not None:
        out.not_checked("minimum-wage", m.between, line="employer.headcount")
    if m.gap is not None or m.minimum is None:
        if m.gap is not None:
            out.not_checked("minimum-wage", m.gap)
        return
    minimum, wage = m.minimum, facts.payslip.contract.wage
    if m.hourly_parts:
        _hourly_days(facts, out, m)
        return
    if m.salary_law and facts.payslip.attendance.hours:
        _salary_weeks(facts, out, m)
        return
    if m.hourly_short is not None:
        _hourly(facts, out, m, m.hourly_short)
    if m.floor is None:
        return  # hourly pay: the contract rate was compared above
    if m.short is not None:
        _short(out, m, m.short)
    if wage < minimum.number and not m.salary_law:
        out.add(
            "minimum-wage",
            Severity.VIOLATION,
            msg("minimum.contract", wage=wage, minimum=minimum.number),
            line="contract.wage",
            law=[minimum],
            steps=[*m.size_note, msg("minimum.below", wage=wage, minimum=minimum.number)],
        )


def _hourly_days(facts: Facts, out: Findings, m: MinimumWage) -> None:
    """Each day's paid hours (``attendance.hours``) against the hourly minimum in force
    that day: a finding for each minimum the rate is below. A rate at or above a minimum
    that is only the last known one (the pack has not read the new rate) is not checked."""
    wage = facts.payslip.contract.wage
    many = len(m.hourly_parts) > 1
    for part in m.hourly_parts:
        days = msg(
            "minimum.hourly-days",
            first=part.first,
            last=part.last,
            hours=part.hours,
            minimum=part.minimum.number,
            effective=part.minimum.effective,
        )
        if part.owed > 0:
            short = (part.owed, part.hours)
            _hourly(facts, out, m, short, part.minimum, part.settled, (days,) if many else ())
        elif not part.minimum.settled:
            out.not_checked(
                "minimum-wage",
                msg(
                    "minimum.hourly-unsettled",
                    wage=wage,
                    minimum=part.minimum.number,
                    effective=(part.settled or part.minimum).effective,
                    why=colon(part.minimum.why),
                ),
                line=m.line,
            )


def _hourly(
    facts: Facts,
    out: Findings,
    m: MinimumWage,
    short: tuple[Decimal, Decimal],
    minimum: InForce[Any] | None = None,
    settled: InForce[Any] | None = None,
    days: tuple[Msg, ...] = (),
) -> None:
    """An hourly rate below the hourly minimum (``minimum``: that of some days of the
    period, else the period's). Where the minimum in force is unsettled and a lower settled
    one preceded it, the shortfall up to the settled one is owed and the rest uncertain."""
    assert m.minimum is not None
    if minimum is None:
        minimum, settled = m.minimum, m.hourly_settled
    wage = facts.payslip.contract.wage
    owed, hours = short
    see: list[InForce[Any]] = []
    if settled is not None and wage < settled.number:
        if settled.number < minimum.number:
            _hourly_settled(facts, out, m.line, (minimum, settled), short, days)
            return
        # the last known minimum, kept as a floor where the new one was not read
        minimum, see = settled, [minimum]
    arithmetic = msg(
        "minimum.hourly-arithmetic", minimum=minimum.number, wage=wage, hours=hours, owed=owed
    )
    out.add(
        "minimum-wage",
        Severity.UNDERPAYMENT,
        msg(
            "minimum.hourly-short",
            wage=wage,
            minimum=minimum.number,
            effective=minimum.effective,
            owed=owed,
            hours=hours,
        ),
        line=m.line,
        owed=owed,
        law=[minimum],
        see=see,
        steps=[*days, arithmetic],
    )


def _hourly_settled(
    facts: Facts,
    out: Findings,
    line: str,
    minima: tuple[InForce[Any], InForce[Any]],
    short: tuple[Decimal, Decimal],
    days: tuple[Msg, ...],
) -> None:
    """An hourly rate below an unsettled minimum and a lower settled one before it: the
    shortfall up to the settled one is owed, the rest uncertain."""
    minimum, settled = minima
    wage = facts.payslip.contract.wage
    owed, hours = short
    certain = facts.money((settled.number - wage) * hours)
    out.add(
        "minimum-wage",
        Severity.UNDERPAYMENT,
        msg(
            "minimum.hourly-short-settled",
            wage=wage,
            minimum=minimum.number,
            effective=minimum.effective,
            settled=settled.number,
            settled_from=settled.effective,
            certain=certain,
            rest=owed - certain,
            hours=hours,
        ),
        line=line,
        owed=certain,
        uncertain=owed - certain,
        law=[settled],
        see=[minimum],
        steps=[
            *days,
            msg(
                "minimum.hourly-arithmetic",
                minimum=settled.number,
                wage=wage,
                hours=hours,
                owed=certain,
            ),
            msg(
                "minimum.hourly-arithmetic",
                minimum=minimum.number,
                wage=wage,
                hours=hours,
                owed=owed,
            ),
        ],
    )


def _short(out: Findings, m: MinimumWage, short: Shortfall) -> None:
    """Pay for normal work below the floor for the days paid: what is owed for certain,
    and what rests on leaving out lines whose exclusion the sources do not settle."""
    assert m.floor is not None and m.floor_text is not None
    steps = [
        *m.size_note,
        *(m.floor_steps or (m.floor_text,)),
        msg(
            "minimum.normal-pay" if short.left_out else "minimum.normal-pay-overtime",
            sum=money_sum(short.terms, short.stated),
            left_out=list(short.left_out),
        ),
    ]
    rest = short.shortfall - short.either
    if short.doubt > 0:
        steps.append(
            msg(
                "minimum.either",
                left=short.doubt,
                floor=m.floor,
                counted=short.stated + short.doubt,
                either=short.either,
                rest=rest,
            )
        )
    out.add(
        "minimum-wage",
        Severity.UNDERPAYMENT if short.either > 0 else Severity.UNCERTAIN,
        msg(
            "minimum.short-either" if short.doubt > 0 else "minimum.short",
            stated=short.stated,
            floor=m.floor,
            shortfall=short.shortfall,
            either=short.either,
            rest=rest,
        ),
        line=m.line,
        owed=short.either,
        uncertain=rest,
        law=[m.minimum, *m.salary_law],
        see=[m.excluded],
        steps=steps,
    )


def _salary_weeks(facts: Facts, out: Findings, m: MinimumWage) -> None:
    """A salary held to the hourly minimum, each whole workweek of the recorded days: one
    finding for the weeks whose minimum is settled, one (uncertain) for the others; a week
    not wholly in the period is not checked."""
    for start, end in m.salary_partial:
        out.not_checked(
            "minimum-wage", msg("minimum.salary-partial-week", start=start, end=end), line=m.line
        )
    wage = facts.payslip.contract.wage
    for settled in (True, False):
        weeks = [w for w in m.salary_weeks if w.owed > 0 and w.minimum.settled is settled]
        if not weeks:
            continue
        owed = sum((w.owed for w in weeks), ZERO)
        minima: dict[int, InForce[Any]] = {id(w.minimum): w.minimum for w in weeks}
        steps = [
            msg(
                "minimum.salary-week",
                start=w.start,
                end=w.end,
                minimum=w.minimum.number,
                effective=w.minimum.effective,
                hours=w.hours,
                floor=w.floor,
                wage=wage,
                salary=w.salary,
                owed=w.owed,
            )
            for w in weeks
        ]
        if m.salary_hours is not None:
            steps.insert(0, msg("minimum.salary-covers", covered=m.salary_hours))
        out.add(
            "minimum-wage",
            Severity.UNDERPAYMENT,
            msg(
                "minimum.salary-weeks-short",
                salary=weeks[0].salary,
                weeks=len(weeks),
                owed=owed,
            ),
            line=m.line,
            owed=owed,
            law=[*minima.values(), *m.salary_law],
            steps=steps,
        )
