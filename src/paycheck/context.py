"""The facts every check shares, derived once from a payslip and its jurisdiction's law.

Every day-count choice is made here, named and explained, so the checks only
compare figures.  Nothing here mutates the payslip.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property

from paycheck.calendar import Calendar, classify_period
from paycheck.catalog import RULES
from paycheck.model import Earning, EarningKind, PayBasis, Payslip, expand
from paycheck.money import CONTEXT, ZERO, fmt, fmt_rate, round_money
from paycheck.packs import Citation, Clause, InForce, Law, MissingParameter, Status
from paycheck.report import CitationOut, Finding, Severity, payslip_line


@dataclass
class Days:
    """The day counts of the period, each list sorted."""

    span_start: date
    span_end: date
    working: Sequence[date]  # working days of the period (make-up working days included)
    worked: Sequence[date]  # working days in employment that were worked
    paid_leave: Sequence[date]  # working days in employment on paid leave
    holidays_in_span: Sequence[date]  # statutory holidays inside the employment span
    absent: Sequence[date]  # working days of the period neither worked nor on paid leave
    assumed_full_attendance: bool
    whole_period: bool  # employed on every day of the period
    dates_known: bool = True  # False when only a count of days worked was given

    def listed(self, days: Sequence[date]) -> str:
        """The dates for a computation line, or a note that only the count is known."""
        return day_list(days) if self.dates_known else "dates not listed"

    @property
    def paid_days(self) -> int:
        return len(self.worked) + len(self.paid_leave) + len(self.holidays_in_span)

    @property
    def full(self) -> bool:
        return self.whole_period and not self.absent


@dataclass
class Context:
    """A payslip with its law, calendar and derived facts, shared by the checks."""

    payslip: Payslip
    law: Law
    calendar: Calendar
    on: date | None = None
    findings: list[Finding] = field(default_factory=list)
    days: Days | None = None
    expected: dict[str, Decimal] = field(default_factory=dict)  # earnings line -> lawful amount
    # Set by the minimum-wage check: the floor, its law, and its arithmetic (built on demand).
    minimum_floor: tuple[Decimal, InForce, Callable[[], str]] | None = None
    notes: list[str] = field(default_factory=list)  # limits of this check, for the report
    _coverage: dict[str, bool] = field(default_factory=dict)
    _earnings_by_kind: dict[EarningKind, tuple[tuple[str, Earning], ...]] = field(init=False)

    def __post_init__(self) -> None:
        by_kind: dict[EarningKind, list[tuple[str, Earning]]] = {}
        for i, e in enumerate(self.payslip.earnings):
            by_kind.setdefault(e.kind, []).append((f"earnings[{i}]", e))
        self._earnings_by_kind = {kind: tuple(lines) for kind, lines in by_kind.items()}

    # -- law ---------------------------------------------------------------
    def param(self, name: str, day: date) -> InForce | None:
        """A parameter in force on ``day`` (or on ``--on`` when the caller set one)."""
        return self.law.get(name, self.on or day)

    def require(self, name: str, day: date) -> InForce:
        """Like :meth:`param`, but a missing value stops the check with a not-checked finding."""
        value = self.param(name, day)
        if value is None or value.value is None:
            raise MissingParameter(name, self.on or day)
        return value

    def money(self, amount: Decimal) -> Decimal:
        return round_money(amount, self.law.minor_unit)

    @property
    def period_end(self) -> date:
        return self.payslip.period.end

    @cached_property
    def workweek_days(self) -> frozenset[int]:
        """Weekday numbers worked: the contract's week, else Monday to Friday (the default
        week of the calendars)."""
        workweek = self.payslip.contract.workweek
        return frozenset(d.number for d in workweek) if workweek else frozenset(range(5))

    # -- findings ------------------------------------------------------------
    def add(
        self,
        rule: str,
        severity: Severity,
        message: str,
        *,
        line: str | None = None,
        owed: Decimal = ZERO,
        uncertain: Decimal = ZERO,
        law: Iterable[InForce | None] = (),
        see: Iterable[InForce | None] = (),
        computation: Iterable[str] = (),
    ) -> None:
        """Record a finding. ``law`` are the values it rests on: if any is unverified or
        contested, a violation or underpayment becomes ``uncertain``. ``see`` are cited for
        context only (a contested rule whose outcome does not change this finding)."""
        assert rule in RULES, rule
        params = [p for p in law if p is not None]
        # A finding that rests on an unverified or contested value is never confident.
        if severity in {Severity.VIOLATION, Severity.UNDERPAYMENT} and not all(
            p.settled for p in params
        ):
            shaky = ", ".join(f"{p.label} ({p.status.value})" for p in params if not p.settled)
            message = message.replace(" is owed", " would be owed")
            message += (
                f" This rests on a figure the sources do not settle ({shaky}): the amount is "
                "shown as uncertain, not counted as owed."
            )
            uncertain, owed, severity = uncertain + owed, ZERO, Severity.UNCERTAIN
        # One citation per article as a reader sees it (two values may cite the same article,
        # one with a link and one without): the first, or the first with a link.
        cited: dict[tuple[str, str | None, date, Status], Citation] = {}
        for c in (c for p in [*params, *see] if p is not None for c in p.citations):
            key = (c.title, c.article, c.effective, c.status)
            if key not in cited or (c.href and not cited[key].href):
                cited[key] = c
        citations = [CitationOut.of(c) for c in cited.values()]
        self.findings.append(
            Finding(
                rule=rule,
                severity=severity,
                message=message,
                line=line,
                line_label=self.line_label(line),
                amount_owed=self.money(owed),
                amount_uncertain=self.money(uncertain),
                citations=citations,
                computation=list(computation),
            )
        )

    def not_checked(self, rule: str, message: str, *, line: str | None = None) -> None:
        self.add("not-checked", Severity.NOT_CHECKED, f"[{rule}] {message}", line=line)

    def line_label(self, line: str | None) -> str | None:
        """The employer's label (or reason, or kind) of an ``earnings[i]``/``deductions[i]``."""
        where = payslip_line(line)
        if where is None:
            return None
        section, index = where
        if section == "earnings":
            earning = self.payslip.earnings[index]
            return earning.label or earning.kind.value
        deduction = self.payslip.deductions[index]
        return deduction.label or deduction.reason or deduction.kind.value

    # -- wages -----------------------------------------------------------------
    # Two general forms, chosen by which parameters the pack defines:
    #   per-day:  daily = monthly / paid_days_per_month; hourly = daily / hours_per_day
    #             (the contract's normal daily hours when the pack sets no hours_per_day);
    #   per-week: hourly = monthly x 12 / (rate_weeks_per_year x rate_hours_per_week);
    #             daily = monthly x 12 / (rate_weeks_per_year x days worked a week).
    def daily_rate(self, day: date) -> tuple[Decimal, list[InForce], Callable[[], str]]:
        """A day's wage (unrounded), the law it rests on, and its arithmetic (on demand)."""
        contract = self.payslip.contract
        hours = contract.normal_hours_per_day
        if contract.pay_basis is PayBasis.HOURLY:
            return (
                CONTEXT.multiply(contract.wage, hours),
                [],
                lambda: f"{fmt(contract.wage)} x {fmt_rate(hours)} h",
            )
        per_month = self.param("paid_days_per_month", day)
        if per_month is not None and per_month.value is not None:
            rate = CONTEXT.divide(contract.wage, per_month.number)
            return rate, [per_month], lambda: f"{fmt(contract.wage)} / {per_month.shown}"
        weeks = self.param("rate_weeks_per_year", day)
        if weeks is None or weeks.value is None:
            raise MissingParameter("paid_days_per_month", self.on or day)
        # The per-week form's day: 12 x monthly / (weeks x days worked a week).
        per_week = Decimal(len(self.workweek_days))
        wage = contract.wage
        note = "" if contract.workweek else ", a five-day week assumed"
        return (
            CONTEXT.divide(wage * 12, weeks.number * per_week),
            [weeks],
            lambda: f"12 x {fmt(wage)} / ({weeks.shown} x {fmt_rate(per_week)} days{note})",
        )

    def hourly_rate(self, day: date) -> tuple[Decimal, list[InForce], Callable[[], str]]:
        """The hourly wage on the contract's normal-hours wage (unrounded), with its law and
        its arithmetic (built on demand)."""
        contract = self.payslip.contract
        if contract.pay_basis is PayBasis.HOURLY:
            return contract.wage, [], lambda: fmt(contract.wage)
        per_month = self.param("paid_days_per_month", day)
        if per_month is None or per_month.value is None:
            return self._weekly_form(day)
        hours = self.param("hours_per_day", day)
        law = [per_month] if hours is None else [per_month, hours]
        divide_by = contract.normal_hours_per_day if hours is None else hours.number
        rate = CONTEXT.divide(CONTEXT.divide(contract.wage, per_month.number), divide_by)
        return (
            rate,
            law,
            lambda: f"{fmt(contract.wage)} / {per_month.shown} / {fmt_rate(divide_by)}",
        )

    def _weekly_form(self, day: date) -> tuple[Decimal, list[InForce], Callable[[], str]]:
        weeks = self.param("rate_weeks_per_year", day)
        per_week = self.param("rate_hours_per_week", day)
        if weeks is None or per_week is None or weeks.value is None or per_week.value is None:
            raise MissingParameter("paid_days_per_month", self.on or day)
        wage = self.payslip.contract.wage
        rate = CONTEXT.divide(wage * 12, weeks.number * per_week.number)
        return (
            rate,
            [weeks, per_week],
            lambda: f"12 x {fmt(wage)} / ({weeks.shown} x {per_week.shown})",
        )

    # -- coverage ----------------------------------------------------------------
    def covered(self, name: str, rule: str, what: str) -> bool:
        """Whether the payslip is within a rule's scope (parameter ``name``: clauses on
        category, monthly wage and headcount, any one of which covers).  Outside it, or
        when a fact that decides it is missing, one not-checked finding says so."""
        if name in self._coverage:
            return self._coverage[name]
        param = self.param(name, self.period_end)
        clauses = param.rows(Clause) if param is not None else []
        verdicts: list[bool | set[str]] = []
        for c in clauses:  # any one clause that holds covers: stop at the first
            verdict = self._clause(c)
            if verdict is True:
                break
            verdicts.append(verdict)
        result = not clauses or len(verdicts) < len(clauses)
        self._coverage[name] = result
        if not result and param is not None:
            self._not_covered(param, rule, what, clauses, verdicts)
        return result

    def _not_covered(
        self,
        param: InForce,
        rule: str,
        what: str,
        clauses: list[Clause],
        verdicts: list[bool | set[str]],
    ) -> None:
        """The not-checked finding of a payslip outside a rule's scope (see :meth:`covered`)."""
        p = self.payslip
        missing = sorted({f for v in verdicts if isinstance(v, set) for f in v})
        scope = "; or ".join(c.text() for c in clauses)
        if missing:
            message = (
                f"[{rule}] {param.label} ({scope}). Whether this payslip is covered depends on "
                f"{' and '.join(missing)}, which it does not give: {what} not checked."
            )
        else:
            facts = [f"contract.wage {fmt(p.contract.wage)}"]
            if p.contract.category is not None:
                facts.append(f"category {p.contract.category.value}")
            if p.employer.headcount is not None:
                facts.append(f"employer headcount {p.employer.headcount}")
            message = (
                f"[{rule}] {param.label} ({scope}). This payslip ({', '.join(facts)}) is "
                f"outside it, so the contract governs: {what} not checked."
            )
        self.add("not-checked", Severity.NOT_CHECKED, message, see=[param])

    def _clause(self, c: Clause) -> bool | set[str]:
        """True when every condition holds, False when one fails, else the missing fields."""
        p = self.payslip
        missing: set[str] = set()
        if c.categories is not None:
            if p.contract.category is None:
                missing.add("contract.category")
            elif p.contract.category.value not in c.categories:
                return False
        if c.wage_at_most is not None:
            if p.contract.pay_basis is not PayBasis.MONTHLY:
                missing.add("a monthly contract.wage")
            elif p.contract.wage > c.wage_at_most:
                return False
        if c.headcount_at_least is not None:
            if p.employer.headcount is None:
                missing.add("employer.headcount")
            elif p.employer.headcount < c.headcount_at_least:
                return False
        return missing or True

    def stated(self, kind: EarningKind) -> tuple[tuple[str, Earning], ...]:
        """The earnings lines of a kind, in payslip order, with their names."""
        return self._earnings_by_kind.get(kind, ())

    def lawful(self, index: int) -> Decimal:
        """An earnings line at its lawful amount where the checker computed one (never less
        than stated), else as stated."""
        e = self.payslip.earnings[index]
        return max(e.amount, self.expected.get(f"earnings[{index}]", e.amount))

    def month_wage(self, leave_out: Iterable[str] = ()) -> Decimal:
        """The month's wage for deduction limits: each line at its lawful amount, overtime
        at the lawful total; earning kinds in ``leave_out`` are left out."""
        skip = set(leave_out)
        overtime_expected = self.expected.get("overtime")
        total = ZERO
        for i, e in enumerate(self.payslip.earnings):
            if e.kind in skip or (e.kind is EarningKind.OVERTIME and overtime_expected is not None):
                continue
            total += self.lawful(i)
        if overtime_expected is not None and EarningKind.OVERTIME not in skip:
            stated_ot = sum((e.amount for _, e in self.stated(EarningKind.OVERTIME)), ZERO)
            total += max(stated_ot, overtime_expected)
        return total


def compute_days(ctx: Context, paid_leave_kinds: set[str]) -> Days:
    """Sort the period's days into worked, paid leave, holidays and absences."""
    p = ctx.payslip
    contract, period = p.contract, p.period
    span_start = max(period.start, contract.employment_start)
    span_end = min(period.end, contract.last_day or period.end)
    period_days = classify_period(ctx.calendar, period.start, period.end)
    working = period_days.working
    whole = span_start == period.start and span_end == period.end
    count = p.attendance.days_worked_count
    if whole and not p.attendance.days_worked and not p.attendance.leave and count is None:
        # The common case of a payroll run: employed all period, full attendance assumed.
        holidays = period_days.holidays
        return Days(span_start, span_end, working, working, (), holidays, (), True, True)
    in_span = [d for d in working if span_start <= d <= span_end]
    worked_listed = set(expand(p.attendance.days_worked))
    leave_days = {d: leave.kind for leave in p.attendance.leave for d in expand(leave.days)}
    assumed = not worked_listed and count is None
    if count is not None:
        # Only a count: which days is unknown, and only the counts enter the arithmetic.
        eligible = [d for d in in_span if d not in leave_days]
        if count > len(eligible):
            ctx.not_checked(
                "proration",
                f"attendance.days_worked_count is {count}, more than the {len(eligible)} working "
                "days in employment this period (not on leave): taken as "
                f"{len(eligible)}; work on rest days belongs in overtime.",
            )
        worked = eligible[:count]
    else:
        worked = [d for d in in_span if (d not in leave_days if assumed else d in worked_listed)]
    paid_leave = [d for d in in_span if d in leave_days and leave_days[d] in paid_leave_kinds]
    counted = set(worked) | set(paid_leave)
    return Days(
        span_start=span_start,
        span_end=span_end,
        working=working,
        worked=worked,
        paid_leave=paid_leave,
        holidays_in_span=[d for d in period_days.holidays if span_start <= d <= span_end],
        absent=[d for d in working if d not in counted],
        assumed_full_attendance=assumed,
        whole_period=whole,
        dates_known=count is None,
    )


def day_list(days: Iterable[date]) -> str:
    """Compact list of dates: ``2021-10-08..09, 2021-10-11..15`` (ranges of consecutive days)."""
    groups: list[list[date]] = []
    for d in sorted(days):
        if groups and (d - groups[-1][-1]).days == 1 and d.month == groups[-1][-1].month:
            groups[-1].append(d)
        else:
            groups.append([d])
    if not groups:
        return "none"
    return ", ".join(
        g[0].isoformat() if len(g) == 1 else f"{g[0].isoformat()}..{g[-1].day:02d}" for g in groups
    )
