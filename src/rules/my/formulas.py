"""The shapes of Malaysian wage law that no other pack has.

* A partial month of a monthly-rated employee (Employment Act 1955 s.18A, from 2023-01-01):
  monthly wages / number of days of the wage period x number of days eligible.
* The indemnity for notice not given (s.12(2), s.13(1), s.24(2)(b)): the employer may keep
  the wages of the notice an employee did not give, and no more.
* Overtime, rest-day and public-holiday pay by the last day of the next wage period
  (s.19(2)); wages paid late are a breach of the contract of service (s.15(1)).
"""

from __future__ import annotations

from decimal import Decimal

from paycheck.facts import Facts
from paycheck.facts.service import completed_months_leave, notice_wages
from paycheck.law.deadlines import next_period_end
from paycheck.law.formulas import Deadline, Due, Indemnity, Prorated, formula
from paycheck.law.tables import Positive, Steps
from paycheck.law.vocabulary import declare, param
from paycheck.messages import Msg, msg
from paycheck.model import Deduction, PayBasis
from paycheck.money import CONTEXT, ZERO

NOTICE_WEEKS = declare(
    param(
        "notice_indemnity_weeks",
        Steps,
        "resignation-penalty",
        "steps `[{years: 0, weeks: 4}, {years: 2, weeks: 6}]`: the notice required by length "
        "of service where the contract sets none (`contract.notice_weeks`)",
        "the formula `notice-indemnity` cannot run: not-checked",
    )
)
DAYS_PER_WEEK = declare(
    param(
        "notice_indemnity_days_per_week",
        Positive,
        "resignation-penalty",
        "the days of a week's wages of an hourly-paid employee (hourly × normal hours × this)",
        "hourly pay: not-checked",
    )
)
WEEKS_PER_YEAR = declare(
    param(
        "notice_indemnity_weeks_per_year",
        Positive,
        "resignation-penalty",
        "the weeks of a year, for a week's wages of a monthly-paid employee (monthly × 12 ÷ this)",
        "monthly pay: not-checked",
    )
)


@formula("proration", "calendar-days", "Employment Act 1955 s.18A")
def calendar_days(facts: Facts, monthly: Decimal) -> Prorated:
    """The period's wages ÷ its calendar days × the days eligible: the days in employment
    less the working days neither worked nor on paid leave."""
    days, period = facts.days, facts.pay_period
    share = period.share
    due = monthly if share == 1 else facts.money(monthly * share)
    calendar = (period.end - period.start).days + 1
    in_span = (days.span_end - days.span_start).days + 1
    unpaid = [d for d in days.absent if days.span_start <= d <= days.span_end]
    eligible = in_span - len(unpaid)
    value = facts.money(CONTEXT.multiply(CONTEXT.divide(due, calendar), eligible))
    steps = (
        msg(
            "my.eligible",
            in_span=in_span,
            count=len(unpaid),
            days=days.listed(unpaid),
            eligible=eligible,
        ),
        msg("my.calendar-days", due=due, calendar=calendar, eligible=eligible, amount=value),
    )
    return Prorated("", value, (), steps)


@formula("notice-indemnity", "notice-indemnity", "Employment Act 1955 s.13(1), s.24(2)(b)")
def notice_indemnity(facts: Facts, deduction: Deduction) -> Indemnity | Msg:
    """The wages of the notice not given: the notice required (the contract's, else the
    s.12(2) steps by length of service) less the notice given, at a week's wages."""
    contract = facts.payslip.contract
    t = contract.termination
    on = deduction.date or facts.period_end
    scale = facts.get(NOTICE_WEEKS, on)
    if t is None:
        return msg("my.no-termination")
    if scale is None or scale.value is None:
        return msg("my.no-scale", code=facts.law.code)
    service = Decimal((t.last_day - contract.employment_start).days + 1) / Decimal("365.25")
    step = next((s for s in reversed(scale.value) if service >= s.years), None)
    statutory = step.weeks if step else ZERO
    # The law's steps apply where the contract sets no notice of its own.
    required = statutory if contract.notice_weeks is None else contract.notice_weeks
    given_days = (t.last_day - t.notice_date).days if t.notice_date else 0
    given = Decimal(max(given_days, 0)) / 7
    short = max(required - given, ZERO)
    hourly = contract.pay_basis is PayBasis.HOURLY
    per_param = DAYS_PER_WEEK if hourly else WEEKS_PER_YEAR
    per = facts.get(per_param, on)
    if per is None or per.value is None:
        return msg(
            "my.no-week",
            code=facts.law.code,
            name=per_param.name,
            paid_by=msg("unit.hour" if hourly else "unit.month"),
        )
    if hourly:
        weekly = contract.wage * contract.normal_hours_per_day * per.number
        rate = msg(
            "my.week-hourly",
            wage=contract.wage,
            hours=contract.normal_hours_per_day,
            days=per.shown,
        )
    else:
        weekly = CONTEXT.divide(contract.wage * 12, per.number)
        rate = msg("my.week-monthly", wage=contract.wage, weeks=per.shown)
    limit = facts.money(weekly * short)
    steps = (
        msg(
            "my.service",
            start=contract.employment_start,
            end=t.last_day,
            years=round(service, 2),
            required=weeks(required),
            whose=msg("my.contracts" if contract.notice_weeks is not None else "my.laws"),
        ),
        msg(
            "my.notice-given",
            days=given_days,
            when=msg("my.notice-dates", start=t.notice_date, end=t.last_day)
            if t.notice_date
            else msg("my.notice-none"),
            given=weeks(given),
            short=weeks(short),
        ),
        msg("my.indemnity", rate=rate, short=weeks(short), limit=limit),
    )
    # Only the law the figure rests on: the s.12(2) steps where the contract sets no notice,
    # a week's wages where some notice is missing (nothing kept for none is the same
    # whatever a week is worth), so an unsettled value there does not blur a certain result.
    law = ((scale,) if contract.notice_weeks is None else ()) + ((per,) if short > 0 else ())
    return Indemnity(limit, law, steps)


def weeks(n: Decimal) -> Msg:
    """``1 week``, ``4.29 weeks``."""
    return msg("weeks.one" if n == 1 else "weeks", n=round(n, 2))


@formula("pay-deadline", "next-period-end", "Employment Act 1955 s.19(2)")
def next_period(facts: Facts) -> Deadline:
    """The last day of the wage period after the one the work was done in."""
    period = facts.pay_period
    day = next_period_end(period)
    return Deadline(day, (), (msg("my.late.next-period", end=period.end, day=day),))


@formula("late-consequences", "deemed-breach", "Employment Act 1955 s.15(1)")
def deemed_breach(facts: Facts, late: int) -> tuple[Msg, ...]:
    """An employer that fails to pay wages as Part III requires is deemed to have broken
    the contract of service (s.15(1))."""
    return (msg("my.late.breach"),)


@formula("annual-leave-pay", "s60e", "Employment Act 1955 s.60E(1), (3), (3A)")
def untaken_annual_leave(facts: Facts) -> Due | Msg | None:
    """Annual leave not taken when the contract ends, at the ordinary rate of pay: the
    year's days (s.60E(1): 8, 12 or 16 by years of service) in proportion to the completed
    months of the year of service, a fraction under half a day disregarded and half or
    more a whole day, less the days taken; nothing on a dismissal for misconduct under
    s.14(1)(a) (s.60E(3A))."""
    return completed_months_leave(facts)


@formula("notice-pay", "s12-s13", "Employment Act 1955 s.12(2), s.13(1)")
def notice_indemnity_owed(facts: Facts) -> Due | Msg | None:
    """An employer that dismisses without the notice s.12 requires (the contract's, else 4,
    6 or 8 weeks by length of service) pays the wages of the notice not given (s.13(1));
    nothing on a dismissal for misconduct without notice under s.14(1)(a) (s.21(1))."""
    return notice_wages(facts, None)
