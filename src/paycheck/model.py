"""The payslip: what the employer paid and the facts behind it.

Every model refuses unknown keys, so a misspelt field is an error rather than a
fact silently ignored.  Money fields are :data:`paycheck.money.Money` (decimal
strings or integers, never floats).  The format is documented in
``docs/payslip-format.md``; ``paycheck schema`` prints the JSON Schema.
"""

import datetime as dt
import re
from calendar import monthrange
from datetime import timedelta
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from paycheck.limits import MAX_DAYS_AROUND, shown
from paycheck.money import Count, Money, PositiveCount, Quantity
from paycheck.refusal import Refusal

FORMAT_VERSION = 1

_ISO_DATE = re.compile(r"\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*")


def _to_date(value: Any) -> Any:
    """A date as YYYY-MM-DD (or a date a YAML or TOML file wrote natively), never a number
    read as a Unix timestamp, nor a date and time."""
    if isinstance(value, dt.datetime):
        raise Refusal(
            f"{value} is a date and time: write the date alone, as YYYY-MM-DD",
            "date-time",
            value=str(value),
        )
    if isinstance(value, dt.date) or (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return value  # an impossible day such as 2022-02-30 is left for pydantic to name
    raise Refusal(
        f"{shown(value)} is not a date: write YYYY-MM-DD", "not-a-date", value=shown(value)
    )


Date = Annotated[dt.date, BeforeValidator(_to_date)]
"""A calendar date, written YYYY-MM-DD."""


def _version(value: Any) -> Any:
    if type(value) is not int:  # not true, 1.0 or "1": the version is the integer 1
        raise Refusal(
            f"{shown(value)} is not a format version: write the integer 1",
            "format-version",
            value=shown(value),
        )
    return value


class _Model(BaseModel):
    # Validators are built when first used: a command reads a payslip whole (one build),
    # and never needs each part's own validator.
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


class PayBasis(StrEnum):
    MONTHLY = "monthly"
    HOURLY = "hourly"


class PayFrequency(StrEnum):
    """How often wages are paid: each period is one month, half a month (the 1st to the
    15th, the 16th to the month's end), two weeks or one week."""

    MONTHLY = "monthly"
    SEMI_MONTHLY = "semi-monthly"
    BI_WEEKLY = "bi-weekly"
    WEEKLY = "weekly"

    @property
    def share(self) -> Decimal:
        """A period's share of a month's wage: 1, 1/2, 12/26, 12/52 (a year is 12 months,
        26 fortnights or 52 weeks)."""
        return _SHARE[self]


_SHARE = {
    PayFrequency.MONTHLY: Decimal(1),
    PayFrequency.SEMI_MONTHLY: Decimal(1) / 2,
    PayFrequency.BI_WEEKLY: Decimal(12) / 26,
    PayFrequency.WEEKLY: Decimal(12) / 52,
}


class HoursSystem(StrEnum):
    """The working-hours system: standard (标准工时), comprehensive (综合计算工时: hours counted
    over a cycle) or flexible (不定时). Which the pack checks: ``hours_systems_checked``."""

    STANDARD = "standard"
    COMPREHENSIVE = "comprehensive"
    FLEXIBLE = "flexible"


class HoursCycle(StrEnum):
    """The cycle over which a comprehensive hours system counts the hours worked."""

    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"

    @property
    def months(self) -> int:
        return {"month": 1, "quarter": 3, "year": 12}[self.value]


class Category(StrEnum):
    """The kind of work, where a jurisdiction's protection depends on it.

    ``manual``: manual labour or supervising it (Singapore's "workman"); ``non-manual``:
    clerical and other work (Singapore's "non-workman"); ``managerial``: managerial or
    executive functions; ``professional``: technical or professional functions.
    """

    MANUAL = "manual"
    NON_MANUAL = "non-manual"
    MANAGERIAL = "managerial"
    PROFESSIONAL = "professional"


_CATEGORY_ALIASES = {
    "workman": "manual",
    "non-workman": "non-manual",
    "clerical": "non-manual",
    "executive": "managerial",
}


def _category_schema(schema: dict[str, Any]) -> None:
    """The schema takes what the loader takes: the categories and their aliases."""
    names: list[str] = [*Category, *_CATEGORY_ALIASES]
    schema["anyOf"] = [{"type": "string", "enum": names}, {"type": "null"}]


class Weekday(StrEnum):
    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"

    @property
    def number(self) -> int:
        """Python's weekday number: Monday 0 ... Sunday 6."""
        return _WEEKDAY_NUMBER[self]


_WEEKDAY_NUMBER = {day: n for n, day in enumerate(Weekday)}


class TerminationKind(StrEnum):
    RESIGNATION = "resignation"
    DISMISSAL = "dismissal"
    MUTUAL_AGREEMENT = "mutual-agreement"
    EXPIRY = "expiry"


class TerminationReason(StrEnum):
    """Why the employment ended, as the employee or the employer states it:
    ``employer-breach`` (the employee resigns because of the employer's breach, such as
    wages not paid in full and on time), ``misconduct`` (dismissal for misconduct),
    ``redundancy``, ``other``."""

    EMPLOYER_BREACH = "employer-breach"
    MISCONDUCT = "misconduct"
    REDUNDANCY = "redundancy"
    OTHER = "other"


class ProposedBy(StrEnum):
    """Who proposed ending the contract by mutual agreement."""

    EMPLOYER = "employer"
    EMPLOYEE = "employee"


class LeaveKind(StrEnum):
    ANNUAL = "annual"
    SICK = "sick"
    UNPAID = "unpaid"
    MARRIAGE = "marriage"
    BEREAVEMENT = "bereavement"
    HOME_LEAVE = "home-leave"
    MATERNITY = "maternity"
    PATERNITY = "paternity"
    PUBLIC_DUTY = "public-duty"
    OTHER = "other"


class EarningKind(StrEnum):
    BASE = "base"
    OVERTIME = "overtime"
    ALLOWANCE = "allowance"
    SPECIAL_ALLOWANCE = "special-allowance"
    BONUS = "bonus"
    LEAVE_PAY = "leave-pay"
    OTHER = "other"
    HOLIDAY_PAY = "holiday-pay"
    SEVERANCE = "severance"
    NOTICE_PAY = "notice-pay"
    ANNUAL_LEAVE_PAY = "annual-leave-pay"
    PREMIUM = "premium"


FINAL_PAY_KINDS = frozenset(
    {EarningKind.SEVERANCE, EarningKind.NOTICE_PAY, EarningKind.ANNUAL_LEAVE_PAY}
)
"""Sums owed on leaving: not pay for the period's normal work (never counted toward the
minimum wage)."""


class DeductionKind(StrEnum):
    INCOME_TAX = "income-tax"
    SOCIAL_INSURANCE = "social-insurance"
    HOUSING_FUND = "housing-fund"
    COURT_ORDER = "court-order"
    FINE = "fine"
    LOSS_COMPENSATION = "loss-compensation"
    RESIGNATION_PENALTY = "resignation-penalty"
    BUSINESS_COST = "business-cost"
    ADVANCE_REPAYMENT = "advance-repayment"
    OVERPAYMENT = "overpayment"
    ABSENCE = "absence"
    GOODS = "goods"
    OTHER = "other"


class BasisKind(StrEnum):
    STATUTE = "statute"
    CONTRACT_CLAUSE = "contract-clause"
    WRITTEN_CONSENT = "written-consent"
    COURT_ORDER = "court-order"
    COMPANY_RULE = "company-rule"


class DocumentKind(StrEnum):
    """A record behind a deduction that some jurisdictions require before it is made."""

    WRITTEN_REQUEST = "written-request"
    WRITTEN_CONSENT = "written-consent"
    AUTHORITY_PERMISSION = "authority-permission"
    SHOW_CAUSE = "show-cause"


class CausedBy(StrEnum):
    EMPLOYEE = "employee"
    EMPLOYER = "employer"
    OTHER_DEPARTMENT = "other-department"
    CUSTOMER = "customer"
    UNKNOWN = "unknown"


class Fault(StrEnum):
    """The employee's fault the employer states for a loss it deducts: ``dishonest``,
    ``wilful``, ``gross-negligence``, ``negligence`` (ordinary), ``none``."""

    DISHONEST = "dishonest"
    WILFUL = "wilful"
    GROSS_NEGLIGENCE = "gross-negligence"
    NEGLIGENCE = "negligence"
    NONE = "none"


class Party(_Model):
    """An employee or employer: an identifier, and a name if you wish."""

    id: str = Field(min_length=1)
    name: str | None = None


class Employer(Party):
    """The employer, with its headcount where the law depends on it."""

    headcount: PositiveCount | None = Field(
        default=None, description="Number of employees (minimum wage by employer size)."
    )


class Period(_Model):
    """The pay period, both days included."""

    start: Date
    end: Date

    @model_validator(mode="after")
    def _ordered(self) -> "Period":
        if self.end < self.start:
            raise Refusal(
                f"end: {self.end} is before start {self.start}",
                "end-before-start",
                end=self.end,
                start=self.start,
            )
        return self


class Termination(_Model):
    """How and when the employment ended (leave it out while it goes on)."""

    last_day: Date
    how: TerminationKind
    notice_date: Date | None = Field(
        default=None, description="The day notice was given (for a resignation)."
    )
    reason: TerminationReason | None = Field(
        default=None,
        description="Why it ended, as stated: employer-breach (the employee resigns because "
        "of the employer's breach), misconduct (dismissal for misconduct), redundancy, other.",
    )
    article: str | None = Field(
        default=None, description="The article the ending relies on, as the party states it."
    )
    proposed_by: ProposedBy | None = Field(
        default=None, description="For a mutual agreement: who proposed it (employer, employee)."
    )
    final_pay_wilful: bool | None = Field(
        default=None,
        description="true where it is established that the employer wilfully failed to pay the "
        "final wages on time (no good-faith dispute): the waiting-time penalty is then owed; "
        "left out, it is uncertain.",
    )


class AnnualLeave(_Model):
    """Statutory annual leave in the leave year the employment ends in, for the pay owed
    for leave not taken."""

    taken: Quantity = Field(
        default=Decimal(0),
        ge=0,
        description="Days of statutory annual leave already taken this leave year, those "
        "listed in attendance.leave (kind annual) included.",
    )
    years_worked: Quantity | None = Field(
        default=None,
        ge=0,
        description="Cumulative years of work with any employer (职工带薪年休假条例 第三条).",
    )
    refused_in_writing: bool = Field(
        default=False,
        description="True when the employee, for their own reasons, refused in writing leave "
        "the employer arranged (企业职工带薪年休假实施办法 第十条 第二款).",
    )
    average_monthly_wage: Money | None = Field(
        default=None,
        description="The average monthly wage, overtime pay excluded, over the 12 months "
        "before the leave pay is paid (实施办法 第十一条).",
    )


class ExemptionKind(StrEnum):
    """The overtime exemption an employer claims for a salaried employee, where the law has
    them by the kind of duties (the United States' executive, administrative and
    professional employees; ``computer`` for computer employees)."""

    EXECUTIVE = "executive"
    ADMINISTRATIVE = "administrative"
    PROFESSIONAL = "professional"
    COMPUTER = "computer"


class Exemption(_Model):
    """An exemption from overtime that the employer claims, and whether the payslip's facts
    meet its duties test (as stated: paycheck checks the salary level, not the duties)."""

    kind: ExemptionKind
    duties_met: bool = Field(
        default=True,
        description="Whether the employee's primary duties meet the exemption's duties test, "
        "as stated.",
    )


class Contract(_Model):
    pay_basis: PayBasis
    wage: Money = Field(description="The monthly normal-hours wage, or the hourly rate.")
    pay_frequency: PayFrequency = Field(
        default=PayFrequency.MONTHLY,
        description="How often wages are paid: monthly (default), semi-monthly (1st-15th, "
        "16th-end), bi-weekly or weekly. A period is one pay period.",
    )
    normal_hours_per_day: Quantity = Field(default=Decimal(8), gt=0, le=24)
    hours_system: HoursSystem = HoursSystem.STANDARD
    hours_cycle: HoursCycle | None = Field(
        default=None,
        description="Under the comprehensive hours system: the cycle its hours are counted "
        "over, month (default), quarter or year.",
    )
    employment_start: Date
    termination: Termination | None = None
    category: Category | None = Field(
        default=None,
        description="manual, non-manual, managerial or professional (also workman, "
        "non-workman, clerical, executive): where coverage depends on the kind of work.",
        json_schema_extra=_category_schema,
    )
    workweek: list[Weekday] | None = Field(
        default=None,
        min_length=1,
        description="The weekdays the contract schedules work on (default: the "
        "jurisdiction's calendar).",
    )
    rest_day: Weekday | None = Field(
        default=None, description="The weekly rest day (default: the jurisdiction's calendar)."
    )
    notice_weeks: Quantity | None = Field(
        default=None, ge=0, description="Notice of resignation the contract requires, in weeks."
    )
    overtime_hourly_rate: Money | None = Field(
        default=None,
        description="The hourly overtime rate the contract sets (used where the law sets none).",
    )
    payday: int | None = Field(
        default=None,
        ge=1,
        le=31,
        description="The agreed day of the month wages are paid (1-31): a period's payday is "
        "the first such day after the period's end (the month's last day in a shorter month).",
    )
    average_monthly_wage: Money | None = Field(
        default=None,
        description="The average monthly wage due over the 12 months before leaving (劳动合同法 "
        "第四十七条 第三款; fewer months: those worked), for severance.",
    )
    annual_leave: AnnualLeave | None = Field(
        default=None, description="Annual leave of the leave year the employment ends in."
    )
    workweek_start: Weekday | None = Field(
        default=None,
        description="The day the employer's fixed, recurring workweek of 168 hours begins, "
        "where the law counts overtime by the workweek.",
    )
    exemption: Exemption | None = Field(
        default=None,
        description="An overtime exemption the employer claims for a salaried employee.",
    )

    @field_validator("category", mode="before")
    @classmethod
    def _category_alias(cls, value: object) -> object:
        return _CATEGORY_ALIASES.get(value, value) if isinstance(value, str) else value

    @property
    def cycle(self) -> HoursCycle:
        """The comprehensive hours system's cycle (a month unless the contract says)."""
        return self.hours_cycle or HoursCycle.MONTH

    @model_validator(mode="after")
    def _ordered(self) -> "Contract":
        if self.hours_cycle is not None and self.hours_system is not HoursSystem.COMPREHENSIVE:
            raise Refusal(
                f"hours_cycle: a cycle is only for hours_system comprehensive, "
                f"not {self.hours_system.value}",
                "cycle-not-comprehensive",
                system=self.hours_system,
            )
        if self.rest_day is not None and self.workweek and self.rest_day in self.workweek:
            raise Refusal(
                f"rest_day: {self.rest_day.value} is also in workweek",
                "rest-day-in-week",
                day=self.rest_day,
            )
        if self.termination and self.termination.last_day < self.employment_start:
            raise Refusal(
                f"termination.last_day: {self.termination.last_day} is before "
                f"employment_start {self.employment_start}",
                "last-day-before-start",
                last=self.termination.last_day,
                start=self.employment_start,
            )
        return self

    @property
    def last_day(self) -> dt.date | None:
        return self.termination.last_day if self.termination else None


class DayRange(_Model):
    """Consecutive days, both ends included."""

    from_: Date = Field(alias="from")
    to: Date

    model_config = ConfigDict(populate_by_name=True)

    @model_validator(mode="after")
    def _ordered(self) -> "DayRange":
        if self.to < self.from_:
            raise Refusal(
                f"to: {self.to} is before from {self.from_}",
                "end-before-start",
                end=self.to,
                start=self.from_,
            )
        return self

    def days(self) -> list[dt.date]:
        return [self.from_ + timedelta(n) for n in range((self.to - self.from_).days + 1)]


Days = list[Date | DayRange]
"""Dates, or ranges ``{from: ..., to: ...}``, in any mix."""


def expand(days: Days) -> list[dt.date]:
    """Every date of a list of dates and ranges, in the order given."""
    out: list[dt.date] = []
    for item in days:
        out.extend(item.days() if isinstance(item, DayRange) else [item])
    return out


class Leave(_Model):
    kind: LeaveKind
    days: Days


class Overtime(_Model):
    """Hours worked beyond the normal hours of a working day, or on a rest day or holiday."""

    date: Date
    hours: Quantity = Field(gt=0, le=24)
    time_off_given: bool = Field(
        default=False, description="True when equal time off was given instead of pay."
    )


class OvertimeTotals(_Model):
    """Overtime hours of the period by class of day, for flat exports without dates.

    Dated records (``attendance.overtime``) are better: they let the daily limit and the
    class of each day be checked. Totals are priced by the class given here.
    """

    working_day: Quantity = Field(default=Decimal(0), alias="working-day")
    rest_day: Quantity = Field(default=Decimal(0), alias="rest-day")
    statutory_holiday: Quantity = Field(default=Decimal(0), alias="statutory-holiday")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class CycleHours(_Model):
    """The hours worked in a comprehensive-hours cycle, on days that are not statutory
    holidays (holiday work goes in ``attendance.overtime``). ``start`` and ``end`` may be
    left out for a monthly cycle that is the pay period."""

    start: Date | None = None
    end: Date | None = None
    hours_worked: Quantity = Field(
        ge=0, le=8784, description="Hours worked in the cycle up to the period's end."
    )

    @model_validator(mode="after")
    def _both(self) -> "CycleHours":
        if (self.start is None) != (self.end is None):
            raise Refusal("cycle: give both start and end, or neither", "cycle-both-ends")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise Refusal(
                f"cycle.end: {self.end} is before start {self.start}",
                "end-before-start",
                end=self.end,
                start=self.start,
            )
        return self


class WorkedDay(_Model):
    """One day's working time, including time the employer did not pay: what a law that
    counts hours actually worked (by the day and the workweek) needs."""

    date: Date
    paid_hours: Quantity = Field(
        le=24, description="The hours the employer counted and paid for the day."
    )
    unpaid_breaks_minutes: list[Quantity] = Field(
        default_factory=list,
        description="Each break the employer took off the day's hours, in minutes "
        "(two 15-minute breaks: [15, 15]).",
    )
    boot_up_minutes: Quantity = Field(
        default=Decimal(0),
        le=1440,
        description="Unpaid minutes before the first paid one: booting up the computer, "
        "logging in to the phone and time-keeping systems.",
    )
    log_out_minutes: Quantity = Field(
        default=Decimal(0),
        le=1440,
        description="Unpaid minutes after the last paid one: logging out, shutting down.",
    )
    meal_periods_missed: Count = Field(
        default=0, le=3, description="Meal periods the law requires that were not provided."
    )
    rest_periods_missed: Count = Field(
        default=0, le=6, description="Rest periods the law requires that were not provided."
    )

    @property
    def unpaid_minutes(self) -> Decimal:
        """All the day's unpaid minutes: breaks, boot-up and log-out."""
        breaks = sum(self.unpaid_breaks_minutes, Decimal(0))
        return breaks + self.boot_up_minutes + self.log_out_minutes

    @model_validator(mode="after")
    def _within_a_day(self) -> "WorkedDay":
        for minutes in self.unpaid_breaks_minutes:
            if minutes <= 0 or minutes > 1440:
                raise Refusal(
                    f"unpaid_breaks_minutes: {minutes} is not a break's length in minutes "
                    "(more than 0, at most 1440)",
                    "break-length",
                    minutes=minutes,
                )
        if self.paid_hours * 60 + self.unpaid_minutes > 1440:
            raise Refusal(
                f"{self.date}: {self.paid_hours} paid hours and {self.unpaid_minutes} unpaid "
                "minutes are more than a day's 24 hours",
                "day-too-long",
                day=self.date,
                hours=self.paid_hours,
                minutes=self.unpaid_minutes,
            )
        return self


class Attendance(_Model):
    days_worked: Days = Field(default_factory=list)
    days_worked_count: Count | None = Field(
        default=None,
        description="Working days worked in the period, when the dates are not listed "
        "(flat payroll exports). Leave both out to take every working day as worked.",
    )
    leave: list[Leave] = Field(default_factory=list)
    overtime: list[Overtime] = Field(default_factory=list)
    overtime_totals: OvertimeTotals | None = Field(
        default=None, description="Overtime hours by class of day, when the dates are not listed."
    )
    days_required: Quantity | None = Field(
        default=None,
        ge=0,
        description="Working days the employee was required to work in the period under the "
        "contract (a short day may count half where the law says so).",
    )
    cycle: CycleHours | None = Field(
        default=None,
        description="Under the comprehensive hours system: the cycle and the hours worked in "
        "it on days that are not statutory holidays.",
    )
    holidays_off_in_lieu: list[Date] = Field(
        default_factory=list,
        description="Public holidays of the period on a day the employee was not required to "
        "work, for which the employer gave a day off in substitution instead of a day's pay.",
    )
    hours: list[WorkedDay] = Field(
        default_factory=list,
        description="Each day's working time, paid and unpaid, where the law counts overtime "
        "by the hours actually worked in a day and a workweek.",
    )

    @model_validator(mode="after")
    def _one_form(self) -> "Attendance":
        if self.days_worked and self.days_worked_count is not None:
            raise Refusal(
                "days_worked_count: give the dates or the count, not both", "dates-or-count"
            )
        return self


class Earning(_Model):
    """An earnings line as the employer stated it, with its own figures where given."""

    kind: EarningKind
    amount: Money
    label: str | None = None
    days_paid: Quantity | None = Field(default=None, description="Days the employer paid.")
    divisor: Quantity | None = Field(default=None, description="Monthly divisor the employer used.")
    hours: Quantity | None = Field(default=None, description="Overtime hours the employer paid.")
    multiplier: Quantity | None = Field(default=None, description="Overtime multiplier used.")
    base: Money | None = Field(default=None, description="Monthly wage used as overtime base.")
    discretionary: bool | None = Field(
        default=None,
        description="For a bonus: true if both its payment and its amount were at the "
        "employer's sole discretion, not promised in advance (left out: not discretionary).",
    )
    paid_on: Date | None = Field(
        default=None,
        description="The day this line was paid, where it was paid on another day than the "
        "payslip's `paid_on`.",
    )


class Basis(_Model):
    """The document that authorises a deduction."""

    kind: BasisKind
    reference: str | None = None
    date: Date | None = None


class Document(_Model):
    """A record behind a deduction: a written request or consent, an authority's permission
    (a Director General, Commissioner or labour officer), or a chance to show cause."""

    kind: DocumentKind
    date: Date | None = Field(default=None, description="When it was made or given.")
    reference: str | None = None


class Deduction(_Model):
    """A deduction line as the employer stated it."""

    kind: DeductionKind
    amount: Money
    label: str | None = None
    reason: str | None = Field(default=None, description="The employer's reason, as written.")
    basis: Basis | None = Field(default=None, description="The documented basis, if any.")
    caused_by: CausedBy | None = Field(default=None, description="For a loss: who caused it.")
    written_notice_date: Date | None = Field(
        default=None, description="When the employee was told in writing of reason and amount."
    )
    date: Date | None = Field(
        default=None, description="When it was imposed (default: period end)."
    )
    documents: list[Document] = Field(
        default_factory=list,
        description="Requests, consents, permissions and show-cause records behind it.",
    )
    fault: Fault | None = Field(
        default=None,
        description="For a loss: the employee's fault the employer states (dishonest, wilful, "
        "gross-negligence, negligence, none); left out: none shown.",
    )

    def document(self, kind: DocumentKind) -> Document | None:
        return next((d for d in self.documents if d.kind is kind), None)


class Expense(_Model):
    """An expense the employee paid in doing the job, and what the employer reimbursed."""

    what: str = Field(min_length=1, description="What it was: the phone bill, internet.")
    amount: Money = Field(description="What the employee paid in the period.")
    work_share: Quantity | None = Field(
        default=None,
        gt=0,
        le=1,
        description="The share of it used for the job (0.5 for half), where known.",
    )
    reimbursed: Money = Field(default=Decimal(0), description="What the employer reimbursed.")


JURISDICTION_PATTERN = r"^[A-Z]{2}(-[A-Z0-9]{1,3}){0,3}$"
JurisdictionCode = Annotated[str, Field(pattern=JURISDICTION_PATTERN)]


class Payslip(_Model):
    """One payslip with the facts behind it."""

    format_version: Annotated[Literal[1], BeforeValidator(_version)] = Field(
        description="The payslip format version: 1."
    )
    jurisdiction: JurisdictionCode = Field(
        description="Country, then subdivisions, ISO 3166 style: XX, XX-YY, XX-YY-ZZ"
    )
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    employee: Party
    employer: Employer
    period: Period
    contract: Contract
    attendance: Attendance = Field(default_factory=Attendance)
    earnings: list[Earning] = Field(default_factory=list)
    deductions: list[Deduction] = Field(default_factory=list)
    net_pay: Money | None = Field(default=None, description="The net pay the payslip states.")
    paid_on: Date | None = Field(
        default=None, description="The day the payslip's wages were paid (late-payment)."
    )
    expenses: list[Expense] = Field(
        default_factory=list,
        description="Expenses the employee paid for the job (an own phone or internet used for "
        "work), with what the employer reimbursed.",
    )

    @property
    def pay_period(self) -> "PayPeriod":
        """The whole pay period the payslip's period belongs to (see :func:`pay_period`)."""
        return pay_period(self)

    @model_validator(mode="after")
    def _consistent(self) -> "Payslip":
        start, end = self.contract.employment_start, self.contract.last_day
        # A payslip whose period has no day in employment is a slip of the pen in a date.
        if start > self.period.end:
            raise Refusal(
                f"contract.employment_start: {start} is after the period's end "
                f"{self.period.end}: no day of the period is in employment",
                "start-after-period",
                start=start,
                end=self.period.end,
            )
        if end is not None and end < self.period.start:
            raise Refusal(
                f"contract.termination.last_day: {end} is before the period's start "
                f"{self.period.start}: no day of the period is in employment",
                "left-before-period",
                last=end,
                start=self.period.start,
            )
        pay_period(self)  # the period is one pay period, or refused
        _cycle_fits(self)
        _near_the_period(self.attendance, self.period)
        seen: dict[dt.date, str] = {}

        def mark(day: dt.date, where: str) -> None:
            if day in seen:
                raise Refusal(
                    f"{where}: {day} is listed twice (also in {seen[day]})",
                    "listed-twice-in",
                    day=day,
                    other=seen[day],
                )
            seen[day] = where

        for day in expand(self.attendance.days_worked):
            mark(day, "attendance.days_worked")
            _inside_employment(day, start, end, "attendance.days_worked")
        for i, leave in enumerate(self.attendance.leave):
            for day in expand(leave.days):
                mark(day, f"attendance.leave[{i}]")
                _inside_employment(day, start, end, f"attendance.leave[{i}]")
        overtime_days: set[dt.date] = set()
        for i, record in enumerate(self.attendance.overtime):
            where = f"attendance.overtime[{i}].date"
            if record.date in overtime_days:
                raise Refusal(
                    f"{where}: {record.date} is listed twice", "listed-twice", day=record.date
                )
            overtime_days.add(record.date)
            _inside_employment(record.date, start, end, where)
        for day in self.attendance.holidays_off_in_lieu:
            _inside_employment(day, start, end, "attendance.holidays_off_in_lieu")
        _hours_in_period(self)
        _leave_counted(self)  # after each day is known to be listed once
        return self


def _hours_in_period(p: Payslip) -> None:
    """Each day of ``attendance.hours`` once, inside the period and the employment."""
    seen: set[dt.date] = set()
    start, end = p.contract.employment_start, p.contract.last_day
    for i, day in enumerate(p.attendance.hours):
        where = f"attendance.hours[{i}].date"
        if day.date in seen:
            raise Refusal(f"{where}: {day.date} is listed twice", "listed-twice", day=day.date)
        seen.add(day.date)
        if not p.period.start <= day.date <= p.period.end:
            raise Refusal(
                f"{where}: {day.date} is outside the period {p.period.start} to {p.period.end}",
                "outside-period",
                day=day.date,
                start=p.period.start,
                end=p.period.end,
            )
        _inside_employment(day.date, start, end, where)


def _cycle_fits(p: Payslip) -> None:
    """``attendance.cycle`` only under the comprehensive system, as long as the contract's
    cycle, and holding the period's last day."""
    cycle, contract = p.attendance.cycle, p.contract
    if cycle is None:
        return
    if contract.hours_system is not HoursSystem.COMPREHENSIVE:
        raise Refusal(
            f"attendance.cycle: hours in a cycle are only for hours_system comprehensive, "
            f"not {contract.hours_system.value}",
            "cycle-not-comprehensive",
            system=contract.hours_system,
        )
    kind = contract.cycle
    if cycle.start is None or cycle.end is None:
        if kind is HoursCycle.MONTH and contract.pay_frequency is PayFrequency.MONTHLY:
            return  # the pay period is the cycle
        raise Refusal(
            f"attendance.cycle: give its start and end (a {kind.value} cycle)",
            "cycle-dates",
            cycle=kind,
        )
    end = _add_months(cycle.start, kind.months) - timedelta(1)
    if cycle.end != end:
        raise Refusal(
            f"attendance.cycle: {cycle.start} to {cycle.end} is not one {kind.value} "
            f"(contract.hours_cycle): a {kind.value} from {cycle.start} ends on {end}",
            "cycle-length",
            start=cycle.start,
            end=cycle.end,
            cycle=kind,
            expected=end,
        )
    if not cycle.start <= p.period.end <= cycle.end:
        raise Refusal(
            f"attendance.cycle: {cycle.start} to {cycle.end} does not hold the period's "
            f"last day {p.period.end}",
            "cycle-outside-period",
            start=cycle.start,
            end=cycle.end,
            day=p.period.end,
        )


def _leave_counted(p: Payslip) -> None:
    """``contract.annual_leave.taken`` counts the annual leave the payslip lists, so it is
    never fewer than those days (each day is counted once, in ``taken``)."""
    leave = p.contract.annual_leave
    if leave is None:
        return
    listed = sum(len(expand(x.days)) for x in p.attendance.leave if x.kind is LeaveKind.ANNUAL)
    if leave.taken < listed:
        raise Refusal(
            f"contract.annual_leave.taken: {leave.taken} is fewer than the {listed} days of "
            "annual leave in attendance.leave, which it includes",
            "leave-taken-fewer",
            taken=leave.taken,
            listed=listed,
        )


def _near_the_period(attendance: Attendance, period: Period) -> None:
    """Days worked and leave lie within MAX_DAYS_AROUND days of the period, so that a range
    such as 0001-01-01 to 9999-12-31 is refused before it is spelt out day by day."""
    first = period.start - timedelta(MAX_DAYS_AROUND)
    last = period.end + timedelta(MAX_DAYS_AROUND)
    for i, days in enumerate([attendance.days_worked, *(x.days for x in attendance.leave)]):
        for item in days:
            low, high = (item.from_, item.to) if isinstance(item, DayRange) else (item, item)
            if low < first or high > last:
                where = "attendance.days_worked" if i == 0 else f"attendance.leave[{i - 1}]"
                far = low if low < first else high
                raise Refusal(
                    f"{where}: {far} is more than {MAX_DAYS_AROUND} "
                    f"days outside the period {period.start} to {period.end}",
                    "far-from-period",
                    day=far,
                    days=MAX_DAYS_AROUND,
                    start=period.start,
                    end=period.end,
                )


def _inside_employment(day: dt.date, start: dt.date, end: dt.date | None, where: str) -> None:
    if day < start:
        raise Refusal(
            f"{where}: {day} is before employment_start {start}",
            "before-employment",
            day=day,
            start=start,
        )
    if end is not None and day > end:
        raise Refusal(
            f"{where}: {day} is after the last day of employment {end}",
            "after-employment",
            day=day,
            last=end,
        )


class PayPeriod(NamedTuple):
    """The pay period a payslip's period belongs to (the whole month, half month, fortnight
    or week), and its share of a month's wage."""

    start: dt.date
    end: dt.date
    frequency: PayFrequency

    @property
    def share(self) -> Decimal:
        return self.frequency.share


def pay_period(p: Payslip) -> PayPeriod:
    """The whole pay period of a payslip's period, by the contract's pay frequency.

    A period may be shorter than its pay period only where the days it leaves out are
    outside employment (a joiner's or a leaver's period); a period longer than one pay
    period, or a part of one with days in employment left out, is refused (ValueError)."""
    c = p.contract
    return _pay_period(
        p.period.start, p.period.end, c.pay_frequency, c.employment_start, c.last_day
    )


@lru_cache(maxsize=4096)
def _pay_period(
    start: dt.date,
    end: dt.date,
    frequency: PayFrequency,
    first: dt.date,
    last: dt.date | None,
) -> PayPeriod:
    """:func:`pay_period` of these dates: the same for every payslip of a period and
    employment (a refusal is not kept: it is raised again)."""
    if frequency is PayFrequency.MONTHLY:
        if start.day == 1:  # a calendar month
            whole = PayPeriod(start, _month_end(start), frequency)
        elif (end + timedelta(1)).day == 1:  # a joiner's calendar month
            whole = PayPeriod(end.replace(day=1), end, frequency)
        elif start == first:  # a joiner's month of another cycle (the 21st to the 20th)
            whole = PayPeriod(_add_months(end, -1) + timedelta(1), end, frequency)
        else:
            whole = PayPeriod(start, _add_months(start, 1) - timedelta(1), frequency)
    elif frequency is PayFrequency.SEMI_MONTHLY:
        half = (
            (start.replace(day=1), start.replace(day=15))
            if start.day <= 15
            else (start.replace(day=16), _month_end(start))
        )
        whole = PayPeriod(*half, frequency)
    else:
        length = 7 if frequency is PayFrequency.WEEKLY else 14
        if (end - start).days + 1 < length and start == first and end != last:
            whole = PayPeriod(end - timedelta(length - 1), end, frequency)  # a joiner's
        else:
            whole = PayPeriod(start, start + timedelta(length - 1), frequency)
    if end > whole.end:
        raise Refusal(
            f"period: {start} to {end} is longer than one {frequency.value} pay period "
            f"({whole.start} to {whole.end}, contract.pay_frequency): check each pay "
            "period on its own payslip",
            "period-too-long",
            start=start,
            end=end,
            frequency=frequency,
            pay_start=whole.start,
            pay_end=whole.end,
        )
    if (start > whole.start and start > first) or (
        end < whole.end and (last is None or end < last)
    ):
        raise Refusal(
            f"period: {start} to {end} is part of the {frequency.value} pay period "
            f"{whole.start} to {whole.end} and leaves out days in employment: give the whole "
            "pay period, or set contract.pay_frequency",
            "period-part",
            start=start,
            end=end,
            frequency=frequency,
            pay_start=whole.start,
            pay_end=whole.end,
        )
    return whole


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=monthrange(day.year, day.month)[1])


def _add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier), the month's last day where it is shorter."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))
