"""``check``: one payslip in, one :class:`~paycheck.report.Report` out. Pure: no I/O, and
the payslip is never changed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache

from paycheck.calendar import Scheduled
from paycheck.checks import CALENDAR_CHECKS, OTHER_CHECKS
from paycheck.context import Context
from paycheck.model import EarningKind, HoursSystem, Payslip
from paycheck.money import ZERO
from paycheck.packs import Law, MissingParameter, items
from paycheck.packs import law as law_of
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
    law = law_of(payslip.jurisdiction)
    contract = payslip.contract
    calendar = law.calendar
    if contract.workweek is not None or contract.rest_day is not None:
        calendar = Scheduled(
            calendar,
            frozenset(d.number for d in contract.workweek) if contract.workweek else None,
            contract.rest_day.number if contract.rest_day else None,
        )
    ctx = Context(payslip=payslip, law=law, calendar=calendar, on=on)
    if law.unsupported:
        ctx.not_checked(
            "proration",
            f"{law.name} ({law.code}): {law.unsupported} Nothing on this payslip is checked.",
        )
        return _report(ctx, source)
    years = {payslip.period.start.year, payslip.period.end.year}
    years.update(r.date.year for r in payslip.attendance.overtime)
    uncovered = [(y, why) for y in sorted(years) for ok, why in [ctx.calendar.covers(y)] if not ok]
    if contract.hours_system is not HoursSystem.STANDARD:
        ctx.not_checked(
            "proration",
            f"the {contract.hours_system.value} working-hours system is not supported: base pay, "
            "the minimum wage and overtime are not checked (only the standard system is).",
            line="contract.hours_system",
        )
    elif uncovered:
        for year, why in uncovered:
            ctx.not_checked(
                "proration",
                f"{year}: {why} Base pay, the minimum wage and overtime are not checked.",
            )
    else:
        for rule, run in CALENDAR_CHECKS:
            _guarded(ctx, rule, run)
    for rule, run in OTHER_CHECKS:
        _guarded(ctx, rule, run)
    return _report(ctx, source)


def _report(ctx: Context, source: str | None) -> Report:
    payslip, law = ctx.payslip, ctx.law
    return Report(
        source=source,
        employee=payslip.employee.id,
        period_start=payslip.period.start,
        period_end=payslip.period.end,
        jurisdiction=law.code,
        jurisdiction_name=law.name,
        currency=payslip.currency,
        law_on=ctx.on,
        findings=ctx.findings,
        lines=_lines(ctx),
        notes=[*_withholding_note(law, ctx.on or ctx.period_end), *ctx.notes],
        minor_unit=law.minor_unit,
    )


@lru_cache(maxsize=4096)
def _withholding_note(law: Law, day: date) -> tuple[str, ...]:
    """The same for every payslip of a jurisdiction and day: written once per process."""
    kinds = items(law.get("withholding_kinds", day))
    if not kinds:
        return ()
    return (
        f"Withholdings on the statutory list ({', '.join(kinds)}) are taken as stated: their "
        "rates are not checked.",
    )


def _guarded(ctx: Context, rule: str, run: Callable[[Context], None]) -> None:
    try:
        run(ctx)
    except MissingParameter as exc:
        ctx.not_checked(
            rule,
            f"the rule pack for {ctx.law.code} has no value for {exc.name} in force on {exc.day}.",
        )


def _lines(ctx: Context) -> list[LineCheck]:
    p = ctx.payslip
    overtime = ctx.stated(EarningKind.OVERTIME)
    out: list[LineCheck] = []
    for i, e in enumerate(p.earnings):
        key = f"earnings[{i}]"
        expected = ctx.expected.get(key)
        if e.kind is EarningKind.OVERTIME:
            expected = ctx.expected.get("overtime") if len(overtime) == 1 else None
        out.append(
            LineCheck(
                line=key, kind=e.kind.value, label=e.label, stated=e.amount, expected=expected
            )
        )
    if len(overtime) > 1 and "overtime" in ctx.expected:
        out.append(
            LineCheck(
                line=", ".join(w for w, _ in overtime),
                kind="overtime",
                label="all overtime lines",
                stated=sum((e.amount for _, e in overtime), ZERO),
                expected=ctx.expected["overtime"],
            )
        )
    if not overtime and ctx.expected.get("overtime"):
        out.append(
            LineCheck(
                line="attendance.overtime",
                kind="overtime",
                label="not on the payslip",
                stated=ZERO,
                expected=ctx.expected["overtime"],
            )
        )
    return out
