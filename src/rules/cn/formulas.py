"""The shapes of Chinese wage law that no other pack has: a partial month paid on the
21.75-day divisor, by the days paid or by deducting the days absent (劳社部发〔2008〕3号 二;
劳动法 第五十一条: statutory holidays are paid days). No national formula exists; both are
in lawful use, and pay below the lower of the two is short under either."""

from __future__ import annotations

from decimal import Decimal

from paycheck.facts import Facts, Rate
from paycheck.law.formulas import Prorated, formula
from paycheck.law.vocabulary import P
from paycheck.messages import msg
from paycheck.money import CONTEXT


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
