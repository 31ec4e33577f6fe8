"""What a leaver is owed besides the month's wages: severance (rule ``severance``), pay for
statutory annual leave not taken (``annual-leave-pay``) and the wages of the notice an
employer did not give (``notice-pay``).

Each rule runs only on the payslip whose period holds the last day of employment. The
pack names the formula that prices it (a parameter); the formula says what is due, or
that nothing is (a lawful ending), or why it cannot tell. What is due is compared with the
earnings lines of the rule's kind, and a shortfall is reported on the first of them (on
the payslip where there is none)."""

from __future__ import annotations

from typing import Any

from paycheck.checks.findings import Findings
from paycheck.facts import Facts
from paycheck.law import formulas
from paycheck.law.formulas import Due
from paycheck.law.packs import MissingParameter
from paycheck.law.vocabulary import P, Param
from paycheck.messages import Msg, money_sum, msg
from paycheck.model import EarningKind, Termination
from paycheck.money import ZERO
from paycheck.report import Severity


def severance(facts: Facts, out: Findings) -> None:
    """Severance owed for the way and the reason the employment ended."""
    t = facts.payslip.contract.termination
    if t is not None:
        _final_pay(facts, out, t, "severance", P.severance_formula, EarningKind.SEVERANCE)


def annual_leave_pay(facts: Facts, out: Findings) -> None:
    """Pay for statutory annual leave not taken when the employment ends."""
    t = facts.payslip.contract.termination
    if t is not None:
        kind = EarningKind.ANNUAL_LEAVE_PAY
        _final_pay(facts, out, t, "annual-leave-pay", P.annual_leave_pay_formula, kind)


def notice_pay(facts: Facts, out: Findings) -> None:
    """The wages of the notice the employer did not give when it ended the employment."""
    t = facts.payslip.contract.termination
    if t is not None:
        _final_pay(facts, out, t, "notice-pay", P.notice_pay_formula, EarningKind.NOTICE_PAY)


def _final_pay(
    facts: Facts, out: Findings, t: Termination, rule: str, param: Param[Any], kind: EarningKind
) -> None:
    p = facts.payslip
    if not p.period.start <= t.last_day <= p.period.end:
        return
    chosen = facts.get(param, t.last_day)
    if chosen is None or chosen.value is None or param.family is None:
        return  # the law here has no such rule
    try:
        due: Due | Msg | None = formulas.get(param.family, chosen.value).run(facts)
    except MissingParameter as exc:
        out.missing(rule, exc)
        return
    if due is None:
        return  # a lawful ending that owes nothing
    if isinstance(due, Msg):
        out.not_checked(rule, due)
        return
    lines = facts.stated(kind)
    paid = sum((e.amount for _, e in lines), ZERO)
    amount = facts.money(due.amount)
    short = amount - paid
    if short <= 0:
        return
    steps = [
        *due.steps,
        msg(
            "final.paid",
            sum=money_sum([e.amount for _, e in lines], paid),
            due=amount,
            short=short,
        ),
    ]
    doubtful = bool(due.doubts)
    owed = short
    if doubtful:  # only what is due whatever the doubts turn out to be is owed for certain
        owed = max(ZERO, facts.money(due.certain) - paid)
        if owed:
            steps.append(msg("final.certain", certain=facts.money(due.certain), owed=owed))
    out.add(
        rule,
        Severity.UNDERPAYMENT if owed else Severity.UNCERTAIN,
        msg(
            "final.short-if" if doubtful else "final.short",
            what=due.what,
            due=amount,
            paid=paid,
            owed=short,
            doubts=list(due.doubts),
        ),
        line=lines[0][0] if lines else None,
        owed=owed,
        uncertain=short - owed,
        law=[chosen, *due.law],
        steps=steps,
    )
