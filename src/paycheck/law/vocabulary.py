"""Every rule-pack parameter the engine knows, declared once: its name, its type, the rules
that read it, and what it means when a pack gives no value (absent) or ``value: null``.

A pack file whose name is not declared here, or whose value has the wrong type, is refused
when the pack is loaded (:class:`~paycheck.law.packs.RulePackError`, naming the file and
the key). Code reads parameters through these declarations (``P.fine_status``), never by a
string, so a misspelt name cannot read as "no rule". The parameter table of
``docs/adding-a-jurisdiction.md`` is generated from the declarations (``python -m
paycheck.law``); a test fails when the two differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar, Generic, Literal, TypeVar

from pydantic import TypeAdapter

from paycheck.catalog import RULE_OF_KIND
from paycheck.law.calendar import DayClass
from paycheck.law.tables import (
    Clause,
    FineStatus,
    LeaveSteps,
    NoMinimum,
    NonNegative,
    NoticeSteps,
    Positive,
    Share,
    Tiers,
)
from paycheck.model import (
    BasisKind,
    Category,
    DeductionKind,
    DocumentKind,
    EarningKind,
    HoursCycle,
    HoursSystem,
    LeaveKind,
)

T = TypeVar("T")

NOT_CHECKED = "not-checked: the rule cannot be checked without it"


@dataclass(frozen=True, eq=False)
class Param(Generic[T]):
    """A parameter: the name of its file in a pack, the type of its values, what it means."""

    name: str
    type: Any  # what a value must be (a pydantic-validated type)
    rules: tuple[str, ...]
    means: str
    absent: str
    null: str = "as absent"
    family: str | None = None  # a formula family: the value names registered formulas

    def validate(self, value: Any) -> T:
        result: T = self._adapter().validate_python(value)
        return result

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        """Pickled by name: unpickled, it is the declared parameter itself (the checks
        compare parameters by identity)."""
        return named, (self.name,)

    def _adapter(self) -> TypeAdapter[Any]:
        """The validator of the type, built on first use: building all of them at import
        cost about 40 ms of every command's start, and a command reads a few."""
        adapter: TypeAdapter[Any] | None = self.__dict__.get("_type_adapter")
        if adapter is None:
            adapter = TypeAdapter(self.type)
            object.__setattr__(self, "_type_adapter", adapter)
        return adapter


def param(
    name: str,
    type_: Any,
    rules: str,
    means: str,
    absent: str,
    null: str = "as absent",
    family: str | None = None,
) -> Param[Any]:
    """A parameter: ``rules`` are the rule ids that read it, space-separated."""
    return Param(name, type_, tuple(rules.split()), means, absent, null, family)


_p = param


class P:
    """The parameters the engine reads, by name."""

    # -- wages: a day's and an hour's pay -----------------------------------------------
    paid_days_per_month: Param[Decimal] = _p(
        "paid_days_per_month",
        Positive,
        "proration minimum-wage overtime-premium overtime-base",
        "monthly wage ÷ this = a day's wage (the per-day form of the rates)",
        "the per-week form is used (`rate_weeks_per_year`); without either, monthly pay gets "
        "not-checked for overtime-premium and for the per-day proration formulas",
    )
    hours_per_day: Param[Decimal] = _p(
        "hours_per_day",
        Positive,
        "overtime-premium overtime-base",
        "a day's wage ÷ this = an hour's wage",
        "the contract's `normal_hours_per_day` is used",
    )
    rate_weeks_per_year: Param[Decimal] = _p(
        "rate_weeks_per_year",
        Positive,
        "overtime-premium",
        "the per-week form: hourly = monthly × 12 ÷ (this × `rate_hours_per_week`); "
        "daily = monthly × 12 ÷ (this × days worked a week)",
        "see `paid_days_per_month`",
    )
    rate_hours_per_week: Param[Decimal] = _p(
        "rate_hours_per_week",
        Positive,
        "overtime-premium",
        "the hours of a week in the per-week form",
        "see `paid_days_per_month`",
    )

    # -- overtime -------------------------------------------------------------------------
    overtime_multiplier_working_day: Param[Decimal] = _p(
        "overtime_multiplier_working_day",
        NonNegative,
        "overtime-premium",
        "overtime on a working day: hourly wage × hours × this",
        NOT_CHECKED,
        "the law sets no rate: the contract's `overtime_hourly_rate` is used (not-checked "
        "without one)",
    )
    overtime_multiplier_rest_day: Param[Decimal] = _p(
        "overtime_multiplier_rest_day",
        NonNegative,
        "overtime-premium",
        "work on the weekly rest day (beyond the day's-pay tiers, if any)",
        NOT_CHECKED,
        "as `overtime_multiplier_working_day`",
    )
    overtime_multiplier_holiday: Param[Decimal] = _p(
        "overtime_multiplier_holiday",
        NonNegative,
        "overtime-premium",
        "work on a statutory holiday (beyond the day's-pay tiers, if any)",
        NOT_CHECKED,
        "as `overtime_multiplier_working_day`",
    )
    overtime_multiplier_off_day: Param[Decimal] = _p(
        "overtime_multiplier_off_day",
        NonNegative,
        "overtime-premium",
        "work on an off day (not worked under the schedule, not the rest day)",
        NOT_CHECKED,
        "as `overtime_multiplier_working_day`",
    )
    day_pay_rest_day: Param[list[Any]] = _p(
        "day_pay_rest_day",
        Tiers,
        "overtime-premium",
        "tiers `[{up_to: 0.5, days: 0.5}, {up_to: 1, days: 1}]`: work within the normal day is "
        "paid the days' pay of the first tier whose `up_to` × normal hours covers it; hours "
        "beyond at the class's multiplier",
        "the class of day is priced by the hour",
    )
    day_pay_statutory_holiday: Param[list[Any]] = _p(
        "day_pay_statutory_holiday",
        Tiers,
        "overtime-premium",
        "as `day_pay_rest_day`",
        "the class of day is priced by the hour",
    )
    day_pay_off_day: Param[list[Any]] = _p(
        "day_pay_off_day",
        Tiers,
        "overtime-premium",
        "as `day_pay_rest_day`",
        "the class of day is priced by the hour",
    )
    day_pay_rest_day_hourly_paid: Param[list[Any]] = _p(
        "day_pay_rest_day_hourly_paid",
        Tiers,
        "overtime-premium",
        "`day_pay_rest_day` for an hourly-paid employee",
        "`day_pay_rest_day` applies",
    )
    day_pay_statutory_holiday_hourly_paid: Param[list[Any]] = _p(
        "day_pay_statutory_holiday_hourly_paid",
        Tiers,
        "overtime-premium",
        "`day_pay_statutory_holiday` for an hourly-paid employee",
        "`day_pay_statutory_holiday` applies",
    )
    day_pay_off_day_hourly_paid: Param[list[Any]] = _p(
        "day_pay_off_day_hourly_paid",
        Tiers,
        "overtime-premium",
        "`day_pay_off_day` for an hourly-paid employee",
        "`day_pay_off_day` applies",
    )
    overtime_rate_cap: Param[Decimal] = _p(
        "overtime_rate_cap",
        NonNegative,
        "overtime-premium",
        "money an hour: the hourly rate overtime is priced on, at most (for the categories of "
        "`overtime_rate_cap_categories`)",
        "no cap",
    )
    overtime_rate_cap_categories: Param[list[Category]] = _p(
        "overtime_rate_cap_categories",
        list[Category],
        "overtime-premium",
        "the categories whose overtime hourly rate is capped",
        "no one's",
    )
    time_off_may_replace_pay: Param[list[DayClass]] = _p(
        "time_off_may_replace_pay",
        list[DayClass],
        "overtime-premium",
        "classes of day on which equal time off may replace overtime pay",
        "time off never replaces pay",
    )
    overtime_base: Param[str] = _p(
        "overtime_base",
        str,
        "overtime-base",
        "text, cited only: overtime is always priced on the contract's normal-hours wage",
        "the finding cites no base rule",
    )
    overtime_coverage: Param[list[Clause]] = _p(
        "overtime_coverage",
        list[Clause],
        "overtime-premium overtime-base",
        "clauses `[{categories: [manual]}, {wage_at_most: 4000}, {headcount_at_least: 25}]`: "
        "covered when every condition of any one clause holds; outside it one not-checked "
        "finding says the contract governs, and a missing fact that decides it is named",
        "everyone is covered",
    )

    # -- hours ----------------------------------------------------------------------------
    hours_coverage: Param[list[Clause]] = _p(
        "hours_coverage",
        list[Clause],
        "overtime-hours",
        "as `overtime_coverage`, for the limits on hours",
        "everyone is covered",
    )
    overtime_max_hours_per_day: Param[Decimal] = _p(
        "overtime_max_hours_per_day",
        NonNegative,
        "overtime-hours",
        "overtime hours on a working day",
        "no daily overtime limit",
    )
    max_hours_per_day: Param[Decimal] = _p(
        "max_hours_per_day",
        NonNegative,
        "overtime-hours",
        "all hours worked in a day (normal and overtime)",
        "no limit",
    )
    overtime_max_hours_per_month: Param[Decimal] = _p(
        "overtime_max_hours_per_month",
        NonNegative,
        "overtime-hours",
        "overtime hours in a month",
        "no monthly limit",
    )
    overtime_hours_counted: Param[list[DayClass]] = _p(
        "overtime_hours_counted",
        list[DayClass],
        "overtime-hours",
        "classes of day whose overtime counts toward the monthly limit (working-day overtime "
        "alone over the limit is a violation whatever this says)",
        "every class counts",
    )
    normal_hours_max_per_week: Param[Decimal] = _p(
        "normal_hours_max_per_week",
        NonNegative,
        "overtime-hours",
        "the contract's normal week at most (where the payslip gives `contract.workweek`)",
        "not checked",
    )

    # -- pay for normal work ----------------------------------------------------------------
    wages_paid_in_full: Param[str] = _p(
        "wages_paid_in_full",
        str,
        "proration",
        "text, cited only: the law that wages are paid in full, which a shortfall of base pay "
        "for a whole period or for hours worked breaks",
        "such a finding cites no article",
    )
    paid_leave_kinds: Param[list[LeaveKind]] = _p(
        "paid_leave_kinds",
        list[LeaveKind],
        "proration",
        "kinds of leave paid as days worked",
        "every kind of leave is unpaid",
    )
    proration_methods: Param[list[str]] = _p(
        "proration_methods",
        list[str],
        "proration minimum-wage",
        "named formulas for a partial pay period (`paycheck rules` lists those registered); "
        "the lowest is the floor; the first also prorates the minimum wage",
        "a partial period gets not-checked (the `note` says why)",
        family="proration",
    )
    minimum_wage_monthly: Param[Decimal | NoMinimum] = _p(
        "minimum_wage_monthly",
        NonNegative | NoMinimum,
        "minimum-wage loss-deduction",
        "money a month; `none`: the law sets none (the report's notes say so, with the note)",
        "not-checked for minimum-wage; the loss floor is not checked",
        "the pack cannot give one: not-checked, with the note",
    )
    minimum_wage_hourly: Param[Decimal | NoMinimum] = _p(
        "minimum_wage_hourly",
        NonNegative | NoMinimum,
        "minimum-wage",
        "money an hour, for hourly pay; `none` as for `minimum_wage_monthly`",
        "not-checked for minimum-wage",
        "as for `minimum_wage_monthly`",
    )
    minimum_wage_small_employer_below: Param[Decimal] = _p(
        "minimum_wage_small_employer_below",
        Positive,
        "minimum-wage",
        "a headcount: employers below it have the `..._small_employer` minimum",
        "one minimum for all",
    )
    minimum_wage_monthly_small_employer: Param[Decimal] = _p(
        "minimum_wage_monthly_small_employer",
        NonNegative,
        "minimum-wage",
        "the monthly minimum for small employers; without `employer.headcount` the lower "
        "minimum is checked and pay between the two gets not-checked naming the field",
        "one minimum for all",
    )
    minimum_wage_hourly_small_employer: Param[Decimal] = _p(
        "minimum_wage_hourly_small_employer",
        NonNegative,
        "minimum-wage",
        "the hourly minimum for small employers",
        "one minimum for all",
    )
    minimum_wage_excludes: Param[list[EarningKind]] = _p(
        "minimum_wage_excludes",
        list[EarningKind],
        "minimum-wage loss-deduction",
        "earning kinds not counted toward the minimum (list `overtime` explicitly)",
        "nothing is excluded",
    )
    minimum_wage_coverage: Param[list[Clause]] = _p(
        "minimum_wage_coverage",
        list[Clause],
        "minimum-wage",
        "as `overtime_coverage`, for the minimum wage",
        "everyone is covered",
    )

    # -- deductions -----------------------------------------------------------------------
    withholding_kinds: Param[list[DeductionKind]] = _p(
        "withholding_kinds",
        list[DeductionKind],
        "undocumented-deduction",
        "deduction kinds the law lets an employer withhold without another basis",
        "not-checked for every deduction (before the law that lists them)",
    )
    deduction_coverage: Param[list[Clause]] = _p(
        "deduction_coverage",
        list[Clause],
        "undocumented-deduction fine loss-deduction business-cost resignation-penalty "
        "deduction-limit",
        "as `overtime_coverage`, for the rules on deductions",
        "everyone is covered",
    )
    resignation_penalty_void: Param[bool] = _p(
        "resignation_penalty_void",
        bool,
        "resignation-penalty",
        "`true`: a penalty for resigning is void, owed back in full",
        "see `resignation_penalty_formula`; without either, not-checked",
    )
    resignation_penalty_formula: Param[str] = _p(
        "resignation_penalty_formula",
        str,
        "resignation-penalty",
        "where no penalty is void: the named `notice-indemnity` formula that prices what "
        "the employer may keep for notice not given (only the excess is owed)",
        "see `resignation_penalty_void`",
        family="notice-indemnity",
    )
    fine_status: Param[FineStatus] = _p(
        "fine_status",
        FineStatus,
        "fine",
        "`prohibited` (any fine is owed back) or `contested` (a fine on an arguable basis "
        "is uncertain; one without is owed back)",
        NOT_CHECKED,
    )
    fine_arguable_bases: Param[list[BasisKind]] = _p(
        "fine_arguable_bases",
        list[BasisKind],
        "fine",
        "the bases on which a contested fine is arguable",
        "a company rule",
    )
    fine_max_fraction: Param[Any] = _p(
        "fine_max_fraction",
        Share,
        "fine",
        "the share of the month's wage fines may take",
        "no cap",
    )
    loss_deduction_allowed: Param[bool] = _p(
        "loss_deduction_allowed",
        bool,
        "loss-deduction",
        "`false`: the law gives no head for deducting a loss (with an `authority-permission` "
        "document the amount is uncertain)",
        "the other loss rules apply",
    )
    loss_deduction_max_fraction: Param[Any] = _p(
        "loss_deduction_max_fraction",
        Share,
        "loss-deduction",
        "the share of the month's wage loss deductions may take (an `authority-permission` "
        "document makes the excess uncertain)",
        "no cap",
    )
    loss_deduction_cap_on_full_month: Param[bool] = _p(
        "loss_deduction_cap_on_full_month",
        bool,
        "loss-deduction",
        "`true`: the loss cap is on a full month's wage, not the period's",
        "the period's wages",
    )
    loss_deduction_written_notice: Param[bool] = _p(
        "loss_deduction_written_notice",
        bool,
        "loss-deduction",
        "`true`: written notice of reason and amount must come before the deduction",
        "no notice required",
    )
    loss_deduction_minimum_wage_floor: Param[bool] = _p(
        "loss_deduction_minimum_wage_floor",
        bool,
        "loss-deduction",
        "`true`: loss deductions may not take pay for normal work below the minimum wage",
        "no floor",
    )
    business_cost_deductible: Param[bool] = _p(
        "business_cost_deductible",
        bool,
        "business-cost",
        "`true`: such costs may be charged (no finding); `false`: owed back",
        NOT_CHECKED,
    )
    business_cost_consent_contested: Param[bool] = _p(
        "business_cost_consent_contested",
        bool,
        "business-cost",
        "`true`: whether consent lets the costs be charged is contested (uncertain)",
        "consent does not help: a violation",
    )
    deductions_max_fraction: Param[Any] = _p(
        "deductions_max_fraction",
        Share,
        "deduction-limit",
        "the share of the month's lawful wages all deductions together may take",
        "no limit",
    )
    deductions_limit_excludes: Param[list[DeductionKind]] = _p(
        "deductions_limit_excludes",
        list[DeductionKind],
        "deduction-limit",
        "deduction kinds not counted toward the limit",
        "all count",
    )
    deductions_limit_final_pay_exempt: Param[bool] = _p(
        "deductions_limit_final_pay_exempt",
        bool,
        "deduction-limit",
        "`true`: no limit on the final pay (unsettled: the excess is uncertain)",
        "the limit applies to the final pay too",
    )
    business_cost_permission_arguable: Param[bool] = _p(
        "business_cost_permission_arguable",
        bool,
        "business-cost",
        "`true`: where `business_cost_deductible` is `false`, an `authority-permission` "
        "document makes the amount uncertain (as for a loss under `loss_deduction_allowed`)",
        "a permission does not help: a violation",
    )

    # -- statutory holidays not worked ------------------------------------------------------
    holiday_pay_hourly: Param[bool] = _p(
        "holiday_pay_hourly",
        bool,
        "holiday-pay",
        "`true`: an hourly-paid employee is paid at least the normal hours of a day "
        "(`normal_hours_per_day` at the contract rate) for each statutory holiday on a day the "
        "contract's week schedules and not worked, on `holiday-pay` lines",
        "not checked",
        "a note: the law says nothing (the pack's note says why)",
    )
    holiday_off_day_pay_days: Param[Decimal] = _p(
        "holiday_off_day_pay_days",
        NonNegative,
        "holiday-pay",
        "days' pay at the daily rate owed, on `holiday-pay` lines, for a public holiday on a "
        "day a monthly-paid employee is not required to work (not the rest day), unless it is "
        "in `attendance.holidays_off_in_lieu`",
        "not checked",
    )

    # -- hours systems other than the standard one (issue 15: hours) ---------------------
    hours_systems_checked: Param[list[HoursSystem]] = _p(
        "hours_systems_checked",
        list[HoursSystem],
        "proration minimum-wage overtime-premium overtime-hours",
        "the hours systems besides `standard` the pack checks (`comprehensive`, `flexible`); "
        "each is taken as approved (the note says by what law)",
        "only the standard system is checked: another gets one not-checked finding",
    )
    comprehensive_hours_month: Param[Decimal] = _p(
        "comprehensive_hours_month",
        Positive,
        "overtime-premium overtime-hours",
        "comprehensive hours: the standard hours of a monthly cycle; hours worked beyond them "
        "(statutory holidays left out) are overtime at `overtime_multiplier_working_day`",
        "not-checked for the cycle's overtime",
    )
    comprehensive_hours_quarter: Param[Decimal] = _p(
        "comprehensive_hours_quarter",
        Positive,
        "overtime-premium overtime-hours",
        "as `comprehensive_hours_month`, for a quarterly cycle",
        "not-checked for the cycle's overtime",
    )
    comprehensive_hours_year: Param[Decimal] = _p(
        "comprehensive_hours_year",
        Positive,
        "overtime-premium overtime-hours",
        "as `comprehensive_hours_month`, for a yearly cycle",
        "not-checked for the cycle's overtime",
    )
    comprehensive_holiday_multiplier: Param[Decimal] = _p(
        "comprehensive_holiday_multiplier",
        NonNegative,
        "overtime-premium",
        "comprehensive hours: work on a statutory holiday is priced hourly wage × hours × this, "
        "its hours kept out of the cycle's",
        "`overtime_multiplier_holiday` applies",
    )
    flexible_no_premium: Param[str] = _p(
        "flexible_no_premium",
        str,
        "overtime-premium",
        "text, cited only: the law that the overtime premiums do not apply under flexible hours "
        "(working-day and rest-day hours are never priced under that system)",
        "the report's note cites no article",
    )
    flexible_holiday_multiplier: Param[Decimal] = _p(
        "flexible_holiday_multiplier",
        NonNegative,
        "overtime-premium",
        "flexible hours: work on a statutory holiday is priced hourly wage × hours × this; "
        "other hours earn no overtime premium",
        "holiday work under flexible hours earns no premium either",
        "as absent",
    )

    # -- wages on time (issue 15) ----------------------------------------------------------
    pay_deadline: Param[str] = _p(
        "pay_deadline",
        str,
        "late-payment",
        "the named `pay-deadline` formula giving the last day a period's wages may be paid "
        "(`paycheck rules` lists those registered); its references are the article",
        "late-payment is not checked (nothing is reported)",
        family="pay-deadline",
    )
    overtime_pay_deadline: Param[str] = _p(
        "overtime_pay_deadline",
        str,
        "late-payment",
        "the `pay-deadline` formula for `overtime` lines, where the law gives them a later day",
        "overtime is due with the wages (`pay_deadline`)",
        family="pay-deadline",
    )
    final_pay_deadline: Param[str] = _p(
        "final_pay_deadline",
        str,
        "late-payment",
        "the `pay-deadline` formula for the payslip of the period holding the last day of "
        "employment",
        "the final pay is due as other wages (`pay_deadline`)",
        family="pay-deadline",
    )
    wages_due_days_after_period: Param[Decimal] = _p(
        "wages_due_days_after_period",
        NonNegative,
        "late-payment",
        "days: wages are due by this day after the pay period's last day (0: on that day); "
        "with an agreed payday, the latest the agreed day may be",
        "the `days-after-period` formula cannot run: not-checked",
    )
    overtime_due_days_after_period: Param[Decimal] = _p(
        "overtime_due_days_after_period",
        NonNegative,
        "late-payment",
        "days: overtime is due by this day after the pay period's last day",
        "the `overtime-days-after-period` formula cannot run: not-checked",
    )
    final_pay_due_days: Param[Decimal] = _p(
        "final_pay_due_days",
        NonNegative,
        "late-payment",
        "days: the final pay is due by this day after the last day of employment (0: on it)",
        "the `days-after-last-day` formula cannot run: not-checked",
    )
    final_pay_due_days_without_notice: Param[Decimal] = _p(
        "final_pay_due_days_without_notice",
        NonNegative,
        "late-payment",
        "days after the last day, for an employee who resigned without notice (a resignation "
        "with no `notice_date` is taken as without notice: the later day)",
        "`final_pay_due_days` applies to every ending",
    )
    late_payment_uncertain_days: Param[Decimal] = _p(
        "late_payment_uncertain_days",
        NonNegative,
        "late-payment",
        "days: wages (not the final pay) paid up to this many days after the deadline are "
        "uncertain (a delay the law allows for a cause, or with consent, the payslip cannot "
        "show); later is late",
        "any day after the deadline is late",
    )
    late_payment_deferral: Param[bool] = _p(
        "late_payment_deferral",
        bool,
        "late-payment",
        "`true` where no `late_payment_uncertain_days` applies: the law allows delays with a "
        "cause or consent the payslip cannot show, for no limit the pack knows (the value's "
        "status, contested, makes late wages uncertain)",
        "no delay is allowed: wages after the deadline are late",
    )
    late_payment_consequences: Param[str] = _p(
        "late_payment_consequences",
        str,
        "late-payment",
        "the named `late-consequences` formula: what the law attaches to late wages, as "
        "text in the finding (its references are cited for context)",
        "the finding names no consequence",
        family="late-consequences",
    )

    # -- final pay --------------------------------------------------------------------------
    severance_formula: Param[str] = _p(
        "severance_formula",
        str,
        "severance",
        "the named `severance` formula that prices what the law owes on leaving for the way "
        "and the reason the employment ended",
        "no severance rule: nothing is checked",
        family="severance",
    )
    annual_leave_pay_formula: Param[str] = _p(
        "annual_leave_pay_formula",
        str,
        "annual-leave-pay",
        "the named `annual-leave-pay` formula that prices statutory annual leave not taken "
        "when the employment ends (read only where the payslip gives `contract.annual_leave`)",
        "no payout of untaken leave: nothing is checked",
        family="annual-leave-pay",
    )
    annual_leave_days: Param[list[Any]] = _p(
        "annual_leave_days",
        LeaveSteps,
        "annual-leave-pay",
        "steps `[{years: 1, days: 5}, {years: 10, days: 10}]`: a full year's statutory annual "
        "leave by years of service (or, where the formula says so, of work)",
        "the formula cannot run: not-checked",
    )
    notice_pay_formula: Param[str] = _p(
        "notice_pay_formula",
        str,
        "notice-pay",
        "the named `notice-pay` formula that prices the wages of the notice an employer did "
        "not give when it ended the employment",
        "no notice-pay rule: nothing is checked",
        family="notice-pay",
    )
    notice_pay_steps: Param[list[Any]] = _p(
        "notice_pay_steps",
        NoticeSteps,
        "notice-pay",
        "steps `[{years: 0, days: 1}, {years: 2, weeks: 2}, {years: 5, months: 1}]`: the "
        "notice an employer must give by years of service, where the contract sets none",
        "the formula cannot run: not-checked",
    )
    notice_pay_weeks_per_year: Param[Decimal] = _p(
        "notice_pay_weeks_per_year",
        Positive,
        "notice-pay",
        "a week's wages of a monthly-paid employee = monthly × 12 ÷ this (a day of notice is "
        "a seventh of a week, a month of notice this ÷ 12 weeks)",
        "the formula cannot run: not-checked",
    )
    # issue 13: hours worked and the workweek
    workweek_overtime_formula: Param[str] = _p(
        "workweek_overtime_formula",
        str,
        "overtime-premium hours-worked",
        "the named `workweek-overtime` formula that splits a workweek's hours worked (from "
        "`attendance.hours`) into straight time and overtime at each multiplier",
        "no overtime by the workweek: nothing is checked",
        family="workweek-overtime",
    )
    short_break_max_minutes: Param[Decimal] = _p(
        "short_break_max_minutes",
        NonNegative,
        "hours-worked",
        "minutes: an unpaid break of at most this long is hours worked, owed for certain",
        "short breaks are not counted as hours worked",
    )
    meal_period_min_minutes: Param[Decimal] = _p(
        "meal_period_min_minutes",
        NonNegative,
        "hours-worked",
        "minutes: a break of at least this long is a meal period, not hours worked if the "
        "employee is relieved; a break between `short_break_max_minutes` and this is uncertain",
        "every break longer than `short_break_max_minutes` is uncertain",
    )
    pre_shift_time_worked: Param[bool] = _p(
        "pre_shift_time_worked",
        bool,
        "hours-worked",
        "`true`: unpaid boot-up, log-in and log-out minutes are hours worked (give it the "
        "status the law's certainty calls for: contested makes the finding uncertain)",
        "such minutes are not counted",
    )
    minimum_wage_each_hour: Param[bool] = _p(
        "minimum_wage_each_hour",
        bool,
        "hours-worked",
        "`true`: every hour worked is owed at least the hourly minimum wage; otherwise the "
        "minimum is met by the workweek's pay ÷ its hours worked",
        "the workweek is the unit",
    )
    bonus_divisor_non_overtime_hours: Param[bool] = _p(
        "bonus_divisor_non_overtime_hours",
        bool,
        "overtime-premium",
        "`true`: a flat-sum bonus's hourly value is the bonus ÷ the non-overtime hours "
        "worked, owed at the overtime multiplier for each overtime hour; the excess over the "
        "bonus ÷ all hours at the premium is uncertain (the payslip does not say whether a "
        "bonus is a flat sum)",
        "the bonus ÷ all hours worked, at the premium only",
    )
    regular_rate_minimum_wage: Param[bool] = _p(
        "regular_rate_minimum_wage",
        bool,
        "overtime-premium",
        "`true`: the regular rate overtime is priced on is never below the hourly minimum "
        "wage in force in the workweek (the one the minimum-wage rule applies: the highest "
        "level's where the pack says so); the hours a salary does not cover are priced at "
        "least at the minimum too. The straight time of the hours a salary or an hourly wage "
        "pays stays with the minimum-wage rule: only the premium is raised",
        "the regular rate is the pay's own, however low",
    )
    exemption_salary_formula: Param[str] = _p(
        "exemption_salary_formula",
        str,
        "exemption",
        "the named `exemption-salary` formula that gives the weekly salary an employee the "
        "employer claims is exempt from overtime (`contract.exemption`) must be paid at least",
        "no exemption is recognised: overtime is checked as for anyone",
        family="exemption-salary",
    )

    # -- issue 13: deductions judged by a pack's own law, and a pack's own checks ------------
    deduction_basis_required: Param[bool] = _p(
        "deduction_basis_required",
        bool,
        "undocumented-deduction",
        "`false`: the law asks no documented basis for a deduction outside `withholding_kinds` "
        "(the other deduction rules still judge it)",
        "a basis is required",
    )
    deduction_bases: Param[list[BasisKind]] = _p(
        "deduction_bases",
        list[BasisKind],
        "undocumented-deduction",
        "the basis kinds that document a deduction outside `withholding_kinds` (a company "
        "rule, say, may not be one)",
        "any basis kind",
    )
    deduction_judge: Param[str] = _p(
        "deduction_judge",
        str,
        "loss-deduction business-cost fine resignation-penalty",
        "the named `deduction-judge` formula that judges each deduction line by the pack's own "
        "law, in place of the engine's rules by kind (fine, loss, business cost, penalty)",
        "the engine's rules by kind",
        family="deduction-judge",
    )
    pack_checks: Param[list[str]] = _p(
        "pack_checks",
        list[str],
        "meal-rest-premium expense-reimbursement waiting-time-penalty",
        "the named `pack-check` formulas of the pack's own law to run, each under the rule id "
        "it is named for",
        "none",
        family="pack-check",
    )
    minimum_wage_levels: Param[str] = _p(
        "minimum_wage_levels",
        Literal["nearest", "highest"],
        "minimum-wage",
        "`highest`: the minimum wage is the highest of the levels' (country, state, city) "
        "in force on the day, the finding citing the level whose rate applies; `nearest`: the "
        "most specific level's",
        "`nearest`",
    )
    minimum_wage_salary_hourly: Param[bool] = _p(
        "minimum_wage_salary_hourly",
        bool,
        "minimum-wage",
        "`true`: a salary (monthly pay) is held to the hourly minimum wage on the hours it "
        "covers: a month's salary against `minimum_wage_hourly` x the contract's normal hours "
        "a day x its workdays (at most `salary_hours_per_week_max`) x 52 / 12, the period's "
        "share of it; with `attendance.hours`, each whole workweek's salary (monthly x 12 / 52) "
        "against the minimum x the week's paid hours, up to those the salary covers (hours "
        "beyond are priced by the workweek check)",
        "a salary is held to `minimum_wage_monthly`",
    )
    salary_hours_per_week_max: Param[Decimal] = _p(
        "salary_hours_per_week_max",
        Positive,
        "minimum-wage",
        "hours a week: a fixed salary pays for at most these, and only the regular, "
        "non-overtime hours among them (its overtime hours are owed in full on top); the "
        "hourly minimum is applied to no more of the hours it covers; a salary for at least "
        "these hours has the weekly salary ÷ these as its regular rate (a contract of fewer "
        "hours: its own hours, the rest uncertain)",
        "the contract's hours (normal hours a day x workdays), overtime hours among them "
        "covered at the straight rate and owed the premium",
    )
    day_classes_priced: Param[bool] = _p(
        "day_classes_priced",
        bool,
        "holiday-pay overtime-premium",
        "`false`: the law pays no day by its class (no holiday pay or premium, no rest-day "
        "rate: pay and overtime count by the week's hours); the period's public holidays are "
        "named in the report's notes, citing this value, and days worked on them are not "
        "flagged",
        "days are priced by their class where the pack says how",
    )

    # The records a deduction of each kind needs beforehand: deduction_requires_<kind>.
    deduction_requires: ClassVar[dict[DeductionKind, Param[list[DocumentKind]]]] = {
        kind: _p(
            f"deduction_requires_{kind.value.replace('-', '_')}",
            list[DocumentKind],
            RULE_OF_KIND.get(kind, "undocumented-deduction"),
            "document kinds that must be in the deduction's `documents`, dated no later than it",
            "nothing required",
        )
        for kind in DeductionKind
    }


DAY_PAY: dict[DayClass, tuple[Param[list[Any]], Param[list[Any]]]] = {
    DayClass.REST: (P.day_pay_rest_day, P.day_pay_rest_day_hourly_paid),
    DayClass.HOLIDAY: (P.day_pay_statutory_holiday, P.day_pay_statutory_holiday_hourly_paid),
    DayClass.OFF: (P.day_pay_off_day, P.day_pay_off_day_hourly_paid),
}
"""The days'-pay tiers of a class of day: for monthly pay, and for hourly pay."""

MULTIPLIER: dict[DayClass, Param[Decimal]] = {
    DayClass.WORKING: P.overtime_multiplier_working_day,
    DayClass.REST: P.overtime_multiplier_rest_day,
    DayClass.HOLIDAY: P.overtime_multiplier_holiday,
    DayClass.OFF: P.overtime_multiplier_off_day,
}

CYCLE_HOURS: dict[HoursCycle, Param[Decimal]] = {
    HoursCycle.MONTH: P.comprehensive_hours_month,
    HoursCycle.QUARTER: P.comprehensive_hours_quarter,
    HoursCycle.YEAR: P.comprehensive_hours_year,
}
"""The standard hours of a comprehensive-hours cycle, by its length."""

REGISTRY: dict[str, Param[Any]] = {}
"""Every declared parameter by name: the engine's (:class:`P`), and those a country's pack
declares for the formulas only its law has (:func:`declare`)."""


def declare(param: Param[T]) -> Param[T]:
    """Declare a parameter (a pack's own, beside its formulas); a name is declared once."""
    if REGISTRY.get(param.name, param) is not param:
        raise ValueError(f"parameter {param.name} is declared twice")
    REGISTRY[param.name] = param
    return param


def named(name: str) -> Param[Any]:
    """The parameter declared under a name (a country's own once its pack is imported)."""
    return REGISTRY[name]


for _param in [
    *(v for v in vars(P).values() if isinstance(v, Param)),
    *P.deduction_requires.values(),
]:
    declare(_param)
