"""United States wage payment: deductions, California's meal and rest premiums, final pay.

* Federal: a deduction for tools, a shortage, a loss or the like is unlawful only to the
  extent it takes the workweek's pay below the minimum wage for the hours worked (29 CFR
  531.35-531.37, wages paid "free and clear"); the kinds are ``deduction_floor_kinds``.
* California: no deduction for a cash shortage, breakage or loss of equipment unless the
  employer shows a dishonest or wilful act or gross negligence (IWC wage orders §8,
  ``loss_deduction_faults``); the employer's business expenses are its own (Lab. Code 2802,
  ``business_cost_deductible: false``, and ``expense-reimbursement`` for the employee's own
  phone or internet); deductions only on a basis of 224 (``deduction_bases``).
* Texas: no deduction without a court order, a law, or the employee's written authorisation
  for a lawful purpose (Labor Code 61.018, ``deduction_bases``).
* California: one additional hour of pay at the regular rate of compensation for each
  workday a meal period, and one for each workday a rest period, was not provided (Lab. Code
  226.7(c); *UPS v. Superior Court* (2011) 196 Cal.App.4th 57: at most two a day).
* California: final wages at once on discharge (201), on the last day after a quit with 72
  hours' notice, within 72 hours after one without (202); the waiting-time penalty of 203.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any, NamedTuple

from paycheck.catalog import RULE_OF_KIND
from paycheck.checks.findings import Findings
from paycheck.checks.late import FINAL, deadline, payments
from paycheck.facts import Facts
from paycheck.facts.minimum import hourly_minimum
from paycheck.facts.workweek import Layer
from paycheck.law.deadlines import day_count
from paycheck.law.formulas import Deadline, formula
from paycheck.law.packs import InForce
from paycheck.law.tables import Positive
from paycheck.law.vocabulary import P, declare, param
from paycheck.messages import Msg, msg
from paycheck.model import (
    FINAL_PAY_KINDS,
    Deduction,
    DeductionKind,
    EarningKind,
    Fault,
    PayBasis,
    TerminationKind,
)
from paycheck.money import CONTEXT, ZERO
from paycheck.report import Severity

FLOOR_KINDS = declare(
    param(
        "deduction_floor_kinds",
        list[DeductionKind],
        "loss-deduction business-cost fine resignation-penalty",
        "deduction kinds that may not take the workweek's pay below the minimum wage for the "
        "hours worked (wages paid free and clear)",
        "no deduction is judged against the minimum wage",
    )
)
LOSS_FAULTS = declare(
    param(
        "loss_deduction_faults",
        list[Fault],
        "loss-deduction",
        "the employee's faults for which a loss may be deducted if the employer shows them: "
        "with one stated (`deductions[].fault`) the deduction is uncertain, without it is owed",
        "a loss is judged against the minimum wage only",
    )
)
EXPENSES_REIMBURSED = declare(
    param(
        "expense_reimbursement_required",
        bool,
        "expense-reimbursement",
        "`true`: the employer reimburses the work share of what the employee spends for the job",
        "expenses are not checked",
    )
)
PREMIUM_HOURS = declare(
    param(
        "meal_rest_premium_hours",
        Positive,
        "meal-rest-premium",
        "hours of pay at the regular rate for each workday a meal period, and for each "
        "workday a rest period, was not provided (at most one of each a day)",
        "no premium is checked",
    )
)
QUIT_NOTICE_HOURS = declare(
    param(
        "final_pay_quit_notice_hours",
        Positive,
        "late-payment waiting-time-penalty",
        "hours: the notice of a quit after which the final wages are due on the last day, "
        "and the time after a quit without it within which they are due",
        "the `final-pay-quit-hours` formula cannot run: not-checked",
    )
)
PENALTY_DAYS = declare(
    param(
        "waiting_time_penalty_max_days",
        Positive,
        "waiting-time-penalty",
        "days: the daily wage continues as a penalty for each day the final wages are late, "
        "for at most this many days (only for a wilful failure)",
        "no penalty is checked",
    )
)


class Floor(NamedTuple):
    """The minimum wage for the hours worked in the period and the overtime due, with its
    arithmetic, and the pay the hours worked are owed (``due``)."""

    amount: Decimal
    law: tuple[InForce[Any], ...]
    step: Msg
    due: Decimal


def _week_floor(facts: Facts) -> Floor | Msg:
    """The pay no such deduction may reach into: the minimum wage for the straight-time hours
    worked (paid hours and short breaks) and the overtime compensation due, week by week (29
    CFR 531.35; in an overtime week a deduction may take no more than it could have from the
    straight-time hours alone, 531.37(a))."""
    weeks = facts.workweeks
    if weeks is None:
        return _line_hours_floor(facts)
    minimum = hourly_minimum(facts) or facts.need(P.minimum_wage_hourly, facts.period_end)
    priced = [w.priced(Layer.WORKED) for w in weeks.weeks]
    straight = sum((x.split.straight for x in priced), ZERO)
    overtime = sum((m * x.regular_rate * h for x in priced for m, h in x.split.overtime), ZERO)
    amount = facts.money(minimum.number * straight + overtime)
    due = facts.money(sum((x.lawful for x in priced), ZERO))
    step = msg(
        "us.floor-weeks",
        straight=straight,
        minimum=minimum.number,
        overtime=facts.money(overtime),
        amount=amount,
    )
    return Floor(amount, (minimum,), step, due)


def _line_hours_floor(facts: Facts) -> Floor | Msg:
    """Without each day's hours: for hourly pay whose base lines state their hours, the
    minimum wage for those hours and the overtime lines' hours (at the minimum, a floor no
    higher than the law's, as which of them were over 40 in a workweek is not known); else
    not checked."""
    p = facts.payslip
    bases = [e for e in p.earnings if e.kind is EarningKind.BASE]
    if p.contract.pay_basis is not PayBasis.HOURLY or not bases:
        return msg("us.floor-no-hours")
    lines = [e for e in p.earnings if e.kind in (EarningKind.BASE, EarningKind.OVERTIME)]
    if any(e.hours is None for e in bases):
        return msg("us.floor-no-hours")
    hours = sum((e.hours for e in lines if e.hours is not None), ZERO)
    minimum = hourly_minimum(facts) or facts.need(P.minimum_wage_hourly, facts.period_end)
    amount = facts.money(minimum.number * hours)
    step = msg("us.floor-line-hours", hours=hours, minimum=minimum.number, amount=amount)
    return Floor(amount, (minimum,), step, amount)


def _regular_rates(facts: Facts) -> tuple[dict[date, Decimal], Msg] | None:
    """The regular rate of compensation of each recorded day: its workweek's regular rate,
    non-discretionary pay included (*Ferra v. Loews Hollywood Hotel* (2021)); None without
    recorded workweeks."""
    weeks = facts.workweeks
    if weeks is None:
        return None
    rates = {d.day: w.priced(Layer.WORKED).regular_rate for w in weeks.weeks for d in w.days}
    shown = ", ".join(str(r) for r in sorted({facts.money(r) for r in rates.values()}))
    return rates, msg("us.rate-weeks", rates=shown)


# -- deductions -----------------------------------------------------------------------------


@formula("deduction-judge", "us-deductions", "29 CFR 531.35; IWC wage orders §8; Lab. Code 2802")
def us_deductions(facts: Facts, out: Findings, d: Deduction, line: str) -> None:
    """A loss without the fault the law asks for, or a business cost, owed back where the
    pack says so; else the deduction only as far as it takes pay below the minimum wage."""
    if d.kind is DeductionKind.LOSS_COMPENSATION and _loss_fault(facts, out, d, line):
        return
    if d.kind is DeductionKind.BUSINESS_COST and _employer_cost(facts, out, d, line):
        return
    _floor(facts, out, d, line)


def _loss_fault(facts: Facts, out: Findings, d: Deduction, line: str) -> bool:
    faults = facts.get(LOSS_FAULTS, d.date or facts.period_end)
    if faults is None or faults.value is None:
        return False
    what = d.reason or d.label or d.kind.value
    if d.fault in faults.value:
        out.add(
            "loss-deduction",
            Severity.UNCERTAIN,
            msg("us.loss-fault", amount=d.amount, what=what, fault=d.fault),
            line=line,
            uncertain=d.amount,
            law=[faults],
            steps=[msg("us.loss-fault-proof", faults=list(faults.value))],
        )
        return True
    out.add(
        "loss-deduction",
        Severity.VIOLATION,
        msg("us.loss-no-fault", amount=d.amount, what=what),
        line=line,
        owed=d.amount,
        law=[faults],
        steps=[msg("us.loss-faults", fault=d.fault or Fault.NONE, faults=list(faults.value))],
    )
    return True


def _employer_cost(facts: Facts, out: Findings, d: Deduction, line: str) -> bool:
    rule = facts.get(P.business_cost_deductible, d.date or facts.period_end)
    if rule is None or rule.value is not False:
        return False
    out.add(
        "business-cost",
        Severity.VIOLATION,
        msg("us.cost-employer", amount=d.amount, what=d.reason or d.label or d.kind.value),
        line=line,
        owed=d.amount,
        law=[rule],
        steps=[msg("cost.arithmetic", amount=d.amount)],
    )
    return True


def _floor(facts: Facts, out: Findings, d: Deduction, line: str) -> None:
    """The part of this deduction that takes the period's pay below the minimum wage for
    the hours worked, the kinds judged before it counted first."""
    kinds = facts.get(FLOOR_KINDS, d.date or facts.period_end)
    if kinds is None or not kinds.value or d.kind not in kinds.value:
        return
    rule = RULE_OF_KIND.get(d.kind, "undocumented-deduction")
    floor = _week_floor(facts)
    if isinstance(floor, Msg):
        out.not_checked(rule, floor, line=line)
        return
    p = facts.payslip
    pay = sum((e.amount for e in p.earnings if e.kind not in FINAL_PAY_KINDS), ZERO)
    if p.contract.pay_basis is PayBasis.HOURLY:
        # pay the other rules find owed is theirs: this deduction is judged against the pay
        # the hours were owed, so that no shortfall is claimed twice
        pay = max(pay, floor.due)
    index = int(line[len("deductions[") : -1])
    before = sum(
        (x.amount for x in p.deductions[:index] if x.kind in kinds.value),
        ZERO,
    )
    room = max(pay - floor.amount, ZERO)
    short = min(d.amount, max(before + d.amount - max(room, before), ZERO))
    if short <= 0:
        return
    left = pay - before - d.amount
    out.add(
        rule,
        Severity.VIOLATION,
        msg("us.below-floor", amount=d.amount, left=left, floor=floor.amount, owed=short),
        line=line,
        owed=short,
        law=[kinds, *floor.law],
        steps=[
            floor.step,
            msg("us.floor-left", pay=pay, before=before, amount=d.amount, left=left, owed=short),
            msg("us.liquidated"),
        ],
    )


# -- California: meal and rest premiums, expenses ---------------------------------------------


@formula("pack-check", "meal-rest-premium", "Cal. Lab. Code 226.7; IWC wage orders §§11-12")
def meal_rest_premium(facts: Facts, out: Findings) -> None:
    """One additional hour at the regular rate for each workday a meal period was not
    provided, and one for each workday a rest period was not provided."""
    hours = facts.get(PREMIUM_HOURS, facts.period_end)
    if hours is None or hours.value is None:
        return
    days = [
        d for d in facts.payslip.attendance.hours if d.meal_periods_missed or d.rest_periods_missed
    ]
    if not days:
        return
    meals = sum(1 for d in days if d.meal_periods_missed)
    rests = sum(1 for d in days if d.rest_periods_missed)
    count = meals + rests
    found = _regular_rates(facts)
    if found is None:
        return
    rates, rate_text = found
    due = facts.money(
        sum(
            (
                rates[d.date]
                * hours.number
                * (bool(d.meal_periods_missed) + bool(d.rest_periods_missed))
                for d in days
            ),
            ZERO,
        )
    )
    rate = rates[days[0].date]
    premium = facts.stated(EarningKind.PREMIUM)
    paid = sum((e.amount for _, e in premium), ZERO)
    short = due - paid
    if short <= 0:
        return
    steps = [
        msg("us.premium-days", meals=meals, rests=rests, count=count),
        rate_text,
        msg("us.premium-due", count=count, hours=hours.shown, rate=rate, due=due, paid=paid),
    ]
    monthly = facts.payslip.contract.pay_basis is not PayBasis.HOURLY
    out.add(
        "meal-rest-premium",
        Severity.UNCERTAIN if monthly else Severity.UNDERPAYMENT,
        msg(
            "us.premium-salaried" if monthly else "us.premium",
            count=count,
            due=due,
            paid=paid,
            owed=short,
        ),
        line=premium[0][0] if len(premium) == 1 else None,
        owed=ZERO if monthly else short,
        uncertain=short if monthly else ZERO,
        law=[hours],
        steps=steps,
    )


@formula("pack-check", "expense-reimbursement", "Cal. Lab. Code 2802")
def expense_reimbursement(facts: Facts, out: Findings) -> None:
    """The work share of each expense less what was reimbursed; uncertain where the payslip
    states no share (the law asks a reasonable percentage, *Cochran v. Schwan's*, 2014)."""
    rule = facts.get(EXPENSES_REIMBURSED, facts.period_end)
    if rule is None or rule.value is not True:
        return
    for i, e in enumerate(facts.payslip.expenses):
        line = f"expenses[{i}]"
        if e.work_share is None:
            at_most = e.amount - e.reimbursed
            if at_most > 0:
                out.add(
                    "expense-reimbursement",
                    Severity.UNCERTAIN,
                    msg("us.expense-no-share", what=e.what, amount=e.amount, paid=e.reimbursed),
                    line=line,
                    uncertain=at_most,
                    law=[rule],
                    steps=[msg("us.expense-at-most", amount=e.amount, paid=e.reimbursed)],
                )
            continue
        due = facts.money(e.amount * e.work_share)
        short = due - e.reimbursed
        if short > 0:
            out.add(
                "expense-reimbursement",
                Severity.VIOLATION,
                msg("us.expense", what=e.what, due=due, paid=e.reimbursed, owed=short),
                line=line,
                owed=short,
                law=[rule],
                steps=[
                    msg("us.expense-share", amount=e.amount, share=e.work_share, due=due),
                ],
            )


# -- California: final pay ------------------------------------------------------------------


@formula("pay-deadline", "final-pay-quit-hours", "Cal. Lab. Code 201, 202")
def final_pay_quit_hours(facts: Facts) -> Deadline | Msg:
    """Discharge: the last day (201). A quit: the last day with the notice of
    `final_pay_quit_notice_hours`, else that many hours after it (202)."""
    t = facts.payslip.contract.termination
    if t is None:
        return msg("late.no-last-day")
    last = t.last_day
    hours = facts.need(QUIT_NOTICE_HOURS, last)
    days = int(CONTEXT.divide(hours.number, Decimal(24)))
    if t.how is not TerminationKind.RESIGNATION:
        step = msg("us.final-discharge", last=last, how=t.how)
        unsettled = None if t.how is TerminationKind.DISMISSAL else msg("us.final-how", how=t.how)
        return Deadline(last, (hours,), (step,), unsettled)
    notice = t.notice_date is not None and (last - t.notice_date).days >= days
    if notice:
        step = msg("us.final-quit-notice", notice=t.notice_date, last=last, hours=hours.shown)
        return Deadline(last, (hours,), (step,))
    day = last + timedelta(days)
    step = msg("us.final-quit", last=last, hours=hours.shown, day=day)
    return Deadline(day, (hours,), (step,))


@formula("pack-check", "waiting-time-penalty", "Cal. Lab. Code 203")
def waiting_time_penalty(facts: Facts, out: Findings) -> None:
    """The daily wage for each calendar day the final wages are late, at most
    `waiting_time_penalty_max_days`; owed only for a wilful failure (else uncertain)."""
    limit = facts.get(PENALTY_DAYS, facts.period_end)
    if limit is None or limit.value is None:
        return
    for pay in payments(facts):
        got = deadline(facts, FINAL) if pay.due == FINAL else None
        if got is None or not isinstance(got[1], Deadline):
            continue
        late = (pay.day - got[1].day).days
        if late <= 0:
            continue
        _penalty(facts, out, late, limit, got[1])
        return


def _penalty(
    facts: Facts, out: Findings, late: int, limit: InForce[Decimal], due: Deadline
) -> None:
    c = facts.payslip.contract
    days = min(late, int(limit.number))
    if c.pay_basis is PayBasis.HOURLY:
        daily = facts.money(c.wage * c.normal_hours_per_day)
        rate = msg("us.daily-hourly", wage=c.wage, hours=c.normal_hours_per_day, daily=daily)
    else:
        daily = facts.money(CONTEXT.divide(c.wage * 12, Decimal(52 * 5)))
        rate = msg("us.daily-monthly", wage=c.wage, daily=daily)
    amount = facts.money(daily * days)
    wilful = c.termination is not None and c.termination.final_pay_wilful is True
    steps = [
        *due.steps,
        rate,
        msg("us.penalty-days", late=day_count(late), days=days, daily=daily, amount=amount),
    ]
    if due.unsettled is not None:
        steps.append(due.unsettled)
    if not wilful:
        steps.append(msg("us.penalty-wilful"))
    certain = wilful and due.unsettled is None
    out.add(
        "waiting-time-penalty",
        Severity.VIOLATION if certain else Severity.UNCERTAIN,
        msg("us.penalty" if certain else "us.penalty-if-wilful", amount=amount, days=days),
        owed=amount if certain else ZERO,
        uncertain=ZERO if certain else amount,
        law=[limit, *due.law],
        steps=steps,
    )
