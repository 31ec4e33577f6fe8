"""Rule ``net-pay-arithmetic``: stated earnings minus stated deductions is the stated net."""

from __future__ import annotations

from paycheck.checks.findings import Findings
from paycheck.facts import Facts
from paycheck.messages import msg
from paycheck.money import ZERO
from paycheck.report import Severity


def net_pay(facts: Facts, out: Findings) -> None:
    p = facts.payslip
    net = p.net_pay
    if net is None:
        out.not_checked("net-pay-arithmetic", msg("net.missing"))
        return
    gross = sum([e.amount for e in p.earnings], ZERO)
    withheld = sum([d.amount for d in p.deductions], ZERO)
    computed = gross - withheld
    if computed == net:
        return
    short = computed - net
    out.add(
        "net-pay-arithmetic",
        Severity.VIOLATION,
        msg(
            "net.short" if short > 0 else "net.wrong", net=p.net_pay, computed=computed, short=short
        ),
        line="net_pay",
        owed=max(ZERO, short),
        steps=[
            msg("net.earnings", terms=[e.amount for e in p.earnings] or [ZERO], total=gross),
            msg("net.deductions", terms=[d.amount for d in p.deductions] or [ZERO], total=withheld),
            msg("net.arithmetic", gross=gross, withheld=withheld, computed=computed, net=p.net_pay),
        ],
    )
