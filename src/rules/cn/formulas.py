"""The shapes of Chinese wage law that no other pack has: a partial month paid on the
21.75-day divisor, by the days paid or by deducting the days absent (劳社部发〔2008〕3号 二;
劳动法 第五十一条: statutory holidays are paid days). No national formula exists; both are
in lawful use, and pay below the lower of the two is short under either.

When wages are due (issue 15): on the agreed payday, moved earlier to the nearest working
day when it falls on a rest day or holiday (工资支付暂行规定 第七条), within the latest day a
city sets (深圳市员工工资支付条例 第十一条: the 7th day after the cycle); the final pay at
termination (第九条), in Shenzhen within 3 working days (第十三条)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from paycheck.facts import Facts, Rate
from paycheck.law.deadlines import (
    uncovered,
    working_day_on_or_before,
    working_days_after,
)
from paycheck.law.formulas import Deadline, Prorated, formula
from paycheck.law.tables import Positive
from paycheck.law.vocabulary import P, declare, param
from paycheck.messages import Msg, msg
from paycheck.model import _add_months
from paycheck.money import CONTEXT

FINAL_WORKING_DAYS = declare(
    param(
        "final_pay_due_working_days",
        Positive,
        "late-payment",
        "working days: the final pay is due within this many working days after the last day "
        "of employment (the `working-days-after-last-day` formula)",
        "the formula cannot run: not-checked",
    )
)


def _per_day(facts: Facts, monthly: Decimal) -> Rate:
    divisor = facts.need(P.paid_days_per_month, facts.period_end)
    return Rate(
        CONTEXT.divide(monthly, divisor.number),
        (divisor,),
        msg("rate.daily", wage=monthly, divisor=divisor.shown),
    )


@formula("proration", "paid-days", "劳社部发〔2008〕3号 二")
def paid_days(facts: Facts, monthly: Decimal) -> Prorated:
    """Monthly ÷ 21.75 × days paid: the working days worked, the days of paid leave and the
    statutory holidays in employment."""
    days = facts.days
    rate = _per_day(facts, monthly)
    value = facts.money(CONTEXT.multiply(rate.value, days.paid_days))
    parts = [msg("cn.worked", count=len(days.worked), days=days.listed(days.worked))]
    if days.paid_leave:
        parts.append(msg("cn.paid-leave", count=len(days.paid_leave), days=days.paid_leave))
    parts.append(msg("cn.holidays", count=len(days.holidays_in_span), days=days.holidays_in_span))
    return Prorated(
        "A",
        value,
        rate.law,
        (
            msg("cn.paid-days", parts=parts, total=days.paid_days),
            msg("cn.method-a", rate=rate.text, days=days.paid_days, amount=value),
        ),
    )


@formula("proration", "absent-days", "劳社部发〔2008〕3号 二")
def absent_days(facts: Facts, monthly: Decimal) -> Prorated:
    """The period's share of the monthly wage less monthly ÷ 21.75 × working days absent."""
    days = facts.days
    rate = _per_day(facts, monthly)
    absent_pay = facts.money(CONTEXT.multiply(rate.value, len(days.absent)))
    share = facts.pay_period.share
    due = monthly if share == 1 else facts.money(monthly * share)
    value = due - absent_pay
    return Prorated(
        "B",
        value,
        rate.law,
        (
            msg(
                "cn.method-b",
                due=due,
                rate=rate.text,
                count=len(days.absent),
                days=days.listed(days.absent),
                absent=absent_pay,
                amount=value,
            ),
        ),
    )


def agreed_payday(payday: int, after: date) -> date:
    """The first day numbered ``payday`` after ``after`` (a shorter month's last day)."""
    first = after.replace(day=1)
    for months in (0, 1):
        start = _add_months(first, months)
        last = (_add_months(start, 1) - timedelta(1)).day
        day = start.replace(day=min(payday, last))
        if day > after:
            return day
    raise AssertionError("next month's payday is after the period")  # pragma: no cover


@formula("pay-deadline", "agreed-payday", "工资支付暂行规定 第七条")
def payday_deadline(facts: Facts) -> Deadline | Msg:
    """The agreed payday after the period (within `wages_due_days_after_period` where the pack
    sets a latest day), moved earlier to the nearest working day when it falls on a rest day
    or a statutory holiday; with neither, one month after the period (uncertain)."""
    end = facts.pay_period.end
    payday = facts.payslip.contract.payday
    latest = facts.get(P.wages_due_days_after_period, end)
    steps: list[Msg] = []
    candidates: list[date] = []
    if payday is not None:
        candidates.append(agreed_payday(payday, end))
        steps.append(msg("cn.late.payday", payday=payday, day=candidates[-1]))
    law = []
    if latest is not None and latest.value is not None:
        candidates.append(end + timedelta(int(latest.number)))
        law.append(latest)
        steps.append(msg("cn.late.latest", end=end, days=latest.shown, day=candidates[-1]))
    if not candidates:
        day = _add_months(end, 1)
        steps.append(msg("cn.late.monthly", end=end, day=day))
        return Deadline(day, (), tuple(steps), msg("cn.late.monthly-unsettled"))
    nominal = min(candidates)
    gap = uncovered(facts.calendar, nominal, nominal - timedelta(14))
    if gap is not None:
        return gap
    day = working_day_on_or_before(facts.calendar, nominal)
    if day != nominal:
        steps.append(
            msg("cn.late.moved", nominal=nominal, what=facts.calendar.describe(nominal), day=day)
        )
        return Deadline(day, tuple(law), tuple(steps), nominal=nominal)
    return Deadline(day, tuple(law), tuple(steps))


@formula("pay-deadline", "working-days-after-last-day", "深圳市员工工资支付条例 第十三条")
def working_days_after_last_day(facts: Facts) -> Deadline | Msg:
    """The `final_pay_due_working_days`-th working day after the last day of employment."""
    last = facts.payslip.contract.last_day
    if last is None:
        return msg("late.no-last-day")
    count = facts.need(FINAL_WORKING_DAYS, last)
    gap = uncovered(facts.calendar, last, last + timedelta(14))
    if gap is not None:
        return gap
    days = working_days_after(facts.calendar, last, int(count.number))
    step = msg("cn.late.working-days", last=last, count=count.shown, days=days, day=days[-1])
    return Deadline(days[-1], (count,), (step,))


@formula("late-consequences", "labour-contract-law", "劳动合同法 第三十八条 第四十六条 第八十五条")
def consequences(facts: Facts, late: int) -> tuple[Msg, ...]:
    """The employee may resign and claim economic compensation (劳动合同法 第三十八条 (二),
    第四十六条 (一)), unless the employment has already ended; 50 %-100 % more only after a labour
    bureau's order is not obeyed (第八十五条)."""
    p = facts.payslip
    left = p.contract.last_day is not None and p.contract.last_day <= p.period.end
    return (msg("cn.late.order"),) if left else (msg("cn.late.resign"), msg("cn.late.order"))
