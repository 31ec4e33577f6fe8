"""``check``: one payslip in, one :class:`~paycheck.report.Report` out. Pure: no I/O, and
the payslip is never changed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from paycheck.checks import CHECKS, Check, Findings
from paycheck.facts import Facts
from paycheck.law.calendar import Scheduled
from paycheck.law.packs import Law, MissingParameter
from paycheck.law.packs import law as law_of
from paycheck.law.vocabulary import P
from paycheck.messages import Msg, msg
from paycheck.model import EarningKind, Payslip
from paycheck.money import ZERO
from paycheck.report import LineCheck, Report


def check(payslip: Payslip, *, on: date | None = None, source: str | None = None) -> Report:
    """Check one payslip against the law of its jurisdiction.

    ``on`` reads every parameter as in force on that date instead of the dates of the
    payslip (the period's last day, an overtime record's date, a deduction's date).
    """
    if not isinstance(payslip, Payslip):
        raise TypeError(
            f"check() takes a Payslip, not {type(payslip).__name__}: pass the data through "
            "paycheck.validate() first (or use check_many, which takes raw data)"
        )
    return run(facts_of(payslip, on), CHECKS, source)


def facts_of(payslip: Payslip, on: date | None = None) -> Facts:
    """The facts of a payslip under the law of its jurisdiction, and its contract's week."""
    law = law_of(payslip.jurisdiction)
    contract = payslip.contract
    calendar = law.calendar
    if contract.workweek is not None or contract.rest_day is not None:
        calendar = Scheduled(
            calendar,
            frozenset(d.number for d in contract.workweek) if contract.workweek else None,
            contract.rest_day.number if contract.rest_day else None,
        )
    return Facts(payslip, law, calendar, on)


def run(facts: Facts, checks: Sequence[Check], source: str | None = None) -> Report:
    """Run the checks (in any order: the report lists their findings in :data:`CHECKS`
    order) and make the report."""
    gate = Findings(facts)
    for reason, line in facts.calendar_gaps:
        gate.not_checked("proration", reason, line=line)
    found: dict[str, Findings] = {}
    if not facts.law.unsupported:
        for c in checks:
            if c.needs_calendar and facts.calendar_gaps:
                continue
            out = found[c.rule] = Findings(facts)
            try:
                c.run(facts, out)
            except MissingParameter as exc:
                out.missing(c.rule, exc)
    ordered = [gate, *(found[c.rule] for c in CHECKS if c.rule in found)]
    return _report(facts, ordered, source)


def _report(facts: Facts, outs: list[Findings], source: str | None) -> Report:
    payslip, law = facts.payslip, facts.law
    return Report(
        note_msgs=(
            *_withholding_note(law, facts.on or facts.period_end),
            *(n for out in outs for n in out.notes),
        ),
        source=source,
        employee=payslip.employee.id,
        period_start=payslip.period.start,
        period_end=payslip.period.end,
        jurisdiction=law.code,
        jurisdiction_name=law.name,
        currency=payslip.currency,
        law_on=facts.on,
        findings=[f for out in outs for f in out.found],
        lines=_lines(facts),
        minor_unit=law.minor_unit,
    )


@lru_cache(maxsize=4096)
def _withholding_note(law: Law, day: date) -> tuple[Msg, ...]:
    """The same for every payslip of a jurisdiction and day: made once per process."""
    value = law.get(P.withholding_kinds, day)
    kinds = list(value.value or ()) if value is not None else []
    return (msg("note.withholding", kinds=kinds),) if kinds else ()


def _lines(facts: Facts) -> list[LineCheck]:
    p = facts.payslip
    expected_lines = facts.expected
    overtime = facts.stated(EarningKind.OVERTIME)
    out: list[LineCheck] = []
    for i, e in enumerate(p.earnings):
        key = f"earnings[{i}]"
        expected = expected_lines.get(key)
        if e.kind is EarningKind.OVERTIME:
            expected = expected_lines.get("overtime") if len(overtime) == 1 else None
        out.append(
            LineCheck(
                line=key, kind=e.kind.value, label=e.label, stated=e.amount, expected=expected
            )
        )
    lawful_overtime = expected_lines.get("overtime")
    if len(overtime) > 1 and lawful_overtime is not None:
        out.append(
            LineCheck(
                line=", ".join(w for w, _ in overtime),
                kind="overtime",
                label="all overtime lines",
                stated=sum((e.amount for _, e in overtime), ZERO),
                expected=lawful_overtime,
            )
        )
    if not overtime and lawful_overtime:
        out.append(
            LineCheck(
                line="attendance.overtime",
                kind="overtime",
                label="not on the payslip",
                stated=ZERO,
                expected=lawful_overtime,
            )
        )
    return out
