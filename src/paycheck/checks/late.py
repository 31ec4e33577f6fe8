"""Rule ``late-payment``: wages paid after the last day the law (or the agreed payday) lets
them be paid. Only a payslip that says when it was paid (``paid_on``, on the payslip or on
a line) is looked at; nothing is owed for the delay itself (the wages are checked by the
other rules), but the finding names the deadline, the days late, the article and what the
law attaches to it."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from paycheck.checks.findings import Findings
from paycheck.facts import Facts
from paycheck.law import formulas
from paycheck.law.deadlines import day_count
from paycheck.law.formulas import Deadline
from paycheck.law.packs import InForce
from paycheck.law.vocabulary import P, Param
from paycheck.messages import Msg, msg
from paycheck.model import EarningKind
from paycheck.report import Severity

WAGES, OVERTIME, FINAL = "wages", "overtime", "final"
_CHOICE: dict[str, Param[str]] = {
    WAGES: P.pay_deadline,
    OVERTIME: P.overtime_pay_deadline,
    FINAL: P.final_pay_deadline,
}


class Payment(NamedTuple):
    line: str  # "paid_on" (the payslip's wages) or "earnings[i]"
    day: date
    due: str  # which deadline: WAGES, OVERTIME or FINAL


def payments(facts: Facts) -> list[Payment]:
    """What was paid when: the payslip's wages on its ``paid_on``, and apart from them each
    line paid on its own day, and overtime where the law gives it a later day."""
    p = facts.payslip
    if p.paid_on is None and all(e.paid_on is None for e in p.earnings):
        return []  # the common case: nothing says when it was paid, no law is read
    final = p.contract.last_day is not None and p.contract.last_day <= p.period.end
    apart = facts.get(P.overtime_pay_deadline, facts.period_end)
    overtime_apart = apart is not None and apart.value is not None
    out: list[Payment] = []
    whole = not p.earnings
    for i, e in enumerate(p.earnings):
        day = e.paid_on or p.paid_on
        if day is None:
            continue
        overtime = e.kind is EarningKind.OVERTIME and overtime_apart
        due = FINAL if final else OVERTIME if overtime else WAGES
        if day == p.paid_on and due != OVERTIME:
            whole = True
            continue
        out.append(Payment(f"earnings[{i}]", day, due))
    if p.paid_on is not None and whole:
        out.insert(0, Payment("paid_on", p.paid_on, FINAL if final else WAGES))
    return out


def deadline(facts: Facts, due: str) -> tuple[InForce[str], Deadline | Msg] | None:
    """The deadline of a kind of payment by the formula the pack names (the final pay and
    overtime fall back on the wages' where the pack gives them none)."""
    last = facts.payslip.contract.last_day
    on = last if due == FINAL and last is not None else facts.period_end
    chosen = facts.get(_CHOICE[due], on)
    if chosen is None or chosen.value is None:
        chosen = facts.get(P.pay_deadline, facts.period_end)
    if chosen is None or chosen.value is None:
        return None
    result: Deadline | Msg = formulas.get("pay-deadline", chosen.value).run(facts)
    return chosen, result


def late_payment(facts: Facts, out: Findings) -> None:
    paid = payments(facts)
    if not paid:
        return
    found: dict[str, tuple[InForce[str], Deadline | Msg] | None] = {}
    for pay in paid:
        if pay.due not in found:
            found[pay.due] = got = deadline(facts, pay.due)
            if got is None:
                out.not_checked("late-payment", msg("late.no-deadline", code=facts.law.code))
            elif isinstance(got[1], Msg):
                out.not_checked("late-payment", got[1], line=pay.line)
        got = found[pay.due]
        if got is not None and isinstance(got[1], Deadline):
            judge(facts, out, pay, got[0], got[1])


def judge(facts: Facts, out: Findings, pay: Payment, chosen: InForce[str], due: Deadline) -> None:
    """A payment after its deadline: late, or uncertain within a delay the law may allow."""
    late = (pay.day - due.day).days
    if late <= 0:
        return
    steps = [*due.steps, msg("late.days", paid=pay.day, deadline=due.day, days=day_count(late))]
    law: list[InForce[Any] | None] = [chosen, *due.law]
    severity = Severity.VIOLATION
    grace = facts.get(P.late_payment_uncertain_days, facts.period_end)
    if pay.due == WAGES and grace is not None and grace.value is not None:
        law.append(grace)
        # counted from the payday before a holiday moved it earlier (the later day), or from
        # the day it moved to when the payment came between the two
        nominal = due.nominal if due.nominal and pay.day > due.nominal else due.day
        counted = (pay.day - nominal).days
        since = day_count(counted)
        if counted <= grace.number:
            severity = Severity.UNCERTAIN
            steps.append(msg("late.grace", grace=grace.shown, nominal=nominal, days=since))
        else:
            steps.append(msg("late.past-grace", grace=grace.shown, nominal=nominal, days=since))
    elif pay.due == WAGES:
        deferral = facts.get(P.late_payment_deferral, facts.period_end)
        if deferral is not None and deferral.value:
            law.append(deferral)  # contested: the finding is uncertain, and says why
            steps.append(msg("late.deferral"))
    if due.unsettled is not None:
        severity = Severity.UNCERTAIN
        steps.append(due.unsettled)
    said = facts.get(P.late_payment_consequences, facts.period_end)
    see: list[InForce[Any]] = []
    if said is not None and said.value is not None:
        steps.extend(formulas.get("late-consequences", said.value).run(facts, late))
        see.append(said)
    if pay.line == "paid_on":
        message = msg("late.paid", paid=pay.day, deadline=due.day, days=day_count(late))
    else:
        message = msg("late.line-paid", paid=pay.day, deadline=due.day, days=day_count(late))
    out.add("late-payment", severity, message, line=pay.line, law=law, see=see, steps=steps)
