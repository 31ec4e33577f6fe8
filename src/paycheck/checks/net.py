"""Rule ``net-pay-arithmetic``: stated earnings minus stated deductions is the stated net."""

from __future__ import annotations

from paycheck.context import Context
from paycheck.money import ZERO, fmt
from paycheck.report import Severity


def net_pay(ctx: Context) -> None:
    p = ctx.payslip
    if p.net_pay is None:
        ctx.not_checked("net-pay-arithmetic", "net_pay is missing: the arithmetic is not checked.")
        return
    gross = sum((e.amount for e in p.earnings), ZERO)
    withheld = sum((d.amount for d in p.deductions), ZERO)
    computed = gross - withheld
    if computed == p.net_pay:
        return
    earnings = " + ".join(fmt(e.amount) for e in p.earnings) or "0.00"
    deductions = " + ".join(fmt(d.amount) for d in p.deductions) or "0.00"
    ctx.add(
        "net-pay-arithmetic",
        Severity.VIOLATION,
        f"The stated net pay {fmt(p.net_pay)} does not add up: earnings minus deductions is "
        f"{fmt(computed)}"
        + (f"; {fmt(computed - p.net_pay)} is missing." if computed > p.net_pay else "."),
        line="net_pay",
        owed=max(ZERO, computed - p.net_pay),
        computation=[
            f"earnings {earnings} = {fmt(gross)}",
            f"deductions {deductions} = {fmt(withheld)}",
            f"{fmt(gross)} - {fmt(withheld)} = {fmt(computed)}; stated {fmt(p.net_pay)}",
        ],
    )
