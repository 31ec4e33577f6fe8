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
from typing import Any

from paycheck.facts import Facts, Rate
from paycheck.facts.service import completed_months, leave_days_for, whole_days
from paycheck.law.deadlines import uncovered, working_day_on_or_before, working_days_after
from paycheck.law.formulas import Deadline, Due, Prorated, formula
from paycheck.law.packs import InForce
from paycheck.law.tables import NonNegative, Positive
from paycheck.law.vocabulary import P, declare, param
from paycheck.messages import Msg, msg
from paycheck.model import (
    PayBasis,
    ProposedBy,
    Termination,
    TerminationKind,
    TerminationReason,
    _add_months,
)
from paycheck.money import CONTEXT, ZERO

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


# -- on leaving: economic compensation and untaken annual leave ------------------------------

SEVERANCE_CAP = declare(
    param(
        "severance_cap_average_wage",
        NonNegative,
        "severance",
        "the city's published average monthly wage of the previous year: a monthly wage above "
        "3 × this is paid at 3 × this, for at most 12 years (劳动合同法 第四十七条 第二款)",
        "the cap is not applied, and the finding says so",
        "as absent (the figure is not in the pack)",
    )
)
LEAVE_DIVISOR = declare(
    param(
        "annual_leave_pay_days_per_month",
        Positive,
        "annual-leave-pay",
        "a day's wage for untaken annual leave = the monthly wage ÷ this",
        "the formula `cn-untaken-leave` cannot run: not-checked",
    )
)
LEAVE_EXTRA = declare(
    param(
        "annual_leave_pay_extra",
        NonNegative,
        "annual-leave-pay",
        "untaken annual leave is paid this × a day's wage beyond the normal pay already paid",
        "the formula `cn-untaken-leave` cannot run: not-checked",
    )
)
LCL_START = date(2008, 1, 1)  # 劳动合同法 第九十七条: compensation years count from this day


def _ground(t: Termination) -> tuple[Msg, tuple[Msg, ...]] | None:
    """Which case of 劳动合同法 第四十六条 the ending is, and what it rests on that the
    payslip cannot show; None where the law owes no compensation."""
    reason, how = t.reason, t.how
    if how is TerminationKind.RESIGNATION:
        if reason is not TerminationReason.EMPLOYER_BREACH:
            return None  # 第三十七条: an ordinary resignation is not among 第四十六条's cases
        return msg("cn.ground-38", article=t.article or "第三十八条"), (msg("cn.doubt-38"),)
    if how is TerminationKind.MUTUAL_AGREEMENT:
        if t.proposed_by is ProposedBy.EMPLOYEE:
            return None
        doubt = () if t.proposed_by is ProposedBy.EMPLOYER else (msg("cn.doubt-proposed"),)
        return msg("cn.ground-36"), doubt
    if how is TerminationKind.DISMISSAL:
        if reason is TerminationReason.MISCONDUCT:
            return None  # 第三十九条
        if reason is TerminationReason.REDUNDANCY:
            return msg("cn.ground-41"), ()
        return msg("cn.ground-40"), (msg("cn.doubt-dismissal"),)
    return msg("cn.ground-expiry"), (msg("cn.doubt-expiry"),)


PART_TIME_DAY = declare(
    param(
        "part_time_max_hours_per_day",
        NonNegative,
        "severance",
        "hours a day: hourly work of at most these hours a day (and `part_time_max_hours_per_"
        "week` a week) is part-time (非全日制用工), whose ending owes no economic compensation",
        "no work is taken as part-time",
    )
)
PART_TIME_WEEK = declare(
    param(
        "part_time_max_hours_per_week",
        NonNegative,
        "severance",
        "hours a week: the weekly limit of part-time work (with `part_time_max_hours_per_day`)",
        "no work is taken as part-time",
    )
)
CAP_TIMES, CAP_YEARS = Decimal(3), Decimal(12)
"""第四十七条 第二款: a monthly wage above three times the city's average is counted at that,
for at most twelve years (the shape of the named formula, beside its citation)."""


def _part_time(facts: Facts, last: date) -> bool:
    """Paid by the hour for no more hours a day and a week than the pack's part-time limits
    (劳动合同法 第六十八条; five days a week where the contract names no week)."""
    contract = facts.payslip.contract
    day, week = facts.get(PART_TIME_DAY, last), facts.get(PART_TIME_WEEK, last)
    if contract.pay_basis is not PayBasis.HOURLY or day is None or week is None:
        return False
    days = len(contract.workweek) if contract.workweek else 5
    hours = contract.normal_hours_per_day
    return hours <= day.number and hours * days <= week.number


def _monthly_minimum(facts: Facts, last: date) -> InForce[Any] | None:
    minimum = facts.get(P.minimum_wage_monthly, last)
    return minimum if minimum is not None and isinstance(minimum.value, Decimal) else None


def _wage_for_compensation(
    facts: Facts, last: date
) -> tuple[Decimal, list[Msg], list[InForce[Any]]] | Msg:
    """The monthly wage of 第四十七条 第三款 (the average given, else the contract wage),
    raised to the local minimum wage (实施条例 第二十七条)."""
    contract = facts.payslip.contract
    if contract.average_monthly_wage is not None:
        wage = contract.average_monthly_wage
        steps = [msg("cn.average-given", wage=wage)]
    elif contract.pay_basis is PayBasis.MONTHLY:
        wage = contract.wage
        steps = [msg("cn.average-assumed", wage=wage)]
    else:
        return msg("cn.no-average")
    minimum = _monthly_minimum(facts, last)
    if minimum is not None and wage < minimum.number:
        steps.append(msg("cn.average-floor", wage=wage, minimum=minimum.number))
        return minimum.number, steps, [minimum]
    return wage, steps, []


@formula("severance", "economic-compensation", "劳动合同法 第四十六条、第四十七条")
def economic_compensation(facts: Facts) -> Due | Msg | None:
    """Economic compensation (经济补偿) for the cases of 劳动合同法 第四十六条: a month's wage
    for each full year of service, six months or more counting as a year, less than six
    as half a month (第四十七条)."""
    contract = facts.payslip.contract
    t = contract.termination
    ground = None if t is None else _ground(t)
    if t is None or ground is None:
        return None
    if _part_time(facts, t.last_day):
        return None  # 第七十一条: ending part-time work owes no compensation
    what, doubts = ground
    start, last = contract.employment_start, t.last_day
    months = completed_months(start, last)
    years, rest = divmod(months, 12)
    factor = Decimal(years) + (1 if rest >= 6 else Decimal("0.5") if rest else 0)
    wage = _wage_for_compensation(facts, last)
    if isinstance(wage, Msg):
        return wage
    monthly, steps, law = wage
    service = msg("cn.service", start=start, end=last, years=years, months=rest, factor=factor)
    # What is due whatever the payslip cannot show: the city's average wage, unknown, is
    # above its minimum wage, so the cap never takes the amount below the minimum's figure;
    # the 12-month average, when not given, is never below the minimum (实施条例 第二十七条).
    minimum = _monthly_minimum(facts, last)
    floor = ZERO if minimum is None else minimum.number
    known = contract.average_monthly_wage is not None
    if not known:
        doubts = (*doubts, msg("cn.doubt-average"))
    cap = facts.get(SEVERANCE_CAP, last)
    if cap is None or cap.value is None:
        if monthly > CAP_TIMES * floor:  # at most three times the minimum: cannot bind
            steps.append(msg("cn.cap-not-applied"))
            doubts = (*doubts, msg("cn.doubt-cap"))
    elif monthly > CAP_TIMES * cap.number:
        monthly, factor = CAP_TIMES * cap.number, min(factor, CAP_YEARS)
        steps.append(msg("cn.cap", average=cap.number, wage=monthly, factor=factor))
        law.append(cap)
    amount = facts.money(monthly * factor)
    steps.append(msg("cn.compensation", wage=monthly, factor=factor, amount=amount))
    # whether anything is owed at all may be in doubt (the ground): then nothing is certain
    certain = ZERO if ground[1] else min(monthly if known else floor, CAP_TIMES * floor) * factor
    if start < LCL_START:
        doubts = (*doubts, msg("cn.doubt-before-2008"))
        certain = ZERO
    return Due(
        msg("cn.what-compensation", ground=what),
        amount,
        tuple(law) if minimum is None or not doubts else (*law, minimum),
        (service, *steps),
        doubts,
        certain if doubts else amount,
    )


@formula("annual-leave-pay", "cn-untaken-leave", "企业职工带薪年休假实施办法 第十条至第十二条")
def untaken_leave(facts: Facts) -> Due | Msg | None:
    """The 200 % beyond the normal pay for statutory annual leave not taken in the year of
    leaving: (days at this employer this year ÷ 365 × the full year's days, a fraction of a
    day dropped) less the days taken, at the monthly wage ÷ 21.75 (实施办法 第十条至第十二条)."""
    contract = facts.payslip.contract
    t, leave = contract.termination, contract.annual_leave
    if t is None or leave is None or leave.refused_in_writing:
        return None  # 实施办法 第十条 第二款: a written refusal leaves only the normal pay
    last = t.last_day
    table, divisor, extra = (
        facts.get(x, last) for x in (P.annual_leave_days, LEAVE_DIVISOR, LEAVE_EXTRA)
    )
    if table is None or table.value is None or divisor is None or extra is None:
        return msg("final.no-leave-law", code=facts.law.code)
    doubts: list[Msg] = []
    if leave.years_worked is None:
        doubts.append(msg("cn.doubt-years"))
    if completed_months(contract.employment_start, date(last.year, 1, 1)) < 12:
        # 12 months of continuous work reached here only in the year of leaving, or not at
        # all: with earlier employers, and the year's count, the payslip cannot settle
        doubts.append(msg("cn.doubt-continuous"))
    full = leave_days_for(
        table.value, Decimal(1) if leave.years_worked is None else leave.years_worked
    )
    first = max(date(last.year, 1, 1), contract.employment_start)
    days = (last - first).days + 1
    pro = whole_days(CONTEXT.divide(Decimal(days) * full, Decimal(365)))
    owed = pro - leave.taken
    if owed <= 0:
        return None  # under a whole day, or taken already (no claw-back: 第十二条 第二款)
    other = whole_days(CONTEXT.divide(Decimal(days - 1) * full, Decimal(365)))
    if other != pro:
        doubts.append(msg("cn.doubt-count", days=days - 1, other=other, pro=pro))
    wage = leave.average_monthly_wage
    if wage is None and contract.pay_basis is not PayBasis.MONTHLY:
        return msg("cn.no-leave-average")
    if wage is None:
        doubts.append(msg("cn.doubt-leave-average"))
    steps = [
        msg("cn.leave-days", start=first, end=last, days=days, full=full, pro=pro),
        msg("cn.leave-taken", pro=pro, taken=leave.taken, owed=owed),
        msg(
            "cn.leave-average-given" if wage is not None else "cn.leave-average-assumed",
            wage=wage or contract.wage,
        ),
    ]
    monthly = wage or contract.wage
    amount = facts.money(CONTEXT.divide(monthly, divisor.number) * owed * extra.number)
    steps.append(
        msg(
            "cn.leave-pay",
            wage=monthly,
            divisor=divisor.shown,
            days=owed,
            extra=extra.number,
            amount=amount,
        )
    )
    what = msg("cn.what-leave", days=owed)
    return Due(what, amount, (table, divisor, extra), tuple(steps), tuple(doubts))
