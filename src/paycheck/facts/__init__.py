"""The facts a payslip and its law imply, each worked out once, on demand, and read by the
checks: the days of the period and their classes, the rates of pay, whether a rule covers
the payslip, the lawful base pay, the lawful overtime, the minimum-wage floor, and the
month's lawful wage.

Nothing here writes a finding or changes the payslip: a fact that cannot be worked out
says why (a :class:`~paycheck.messages.Msg` the check reports as not-checked), or raises
:class:`~paycheck.law.packs.MissingParameter`, which the check that asked reports under its
own rule, for its own line.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import NamedTuple, TypeVar

from paycheck.facts.base import BasePay, lawful_base
from paycheck.facts.days import Days, PayPeriod, compute_days
from paycheck.facts.hours import overtime_under_system
from paycheck.facts.minimum import MinimumWage, minimum_wage, regular_rate_floor
from paycheck.facts.overtime import OvertimePay
from paycheck.facts.rate import Rate
from paycheck.facts.workweek import Workweeks, compute_workweeks
from paycheck.law.calendar import Calendar
from paycheck.law.packs import InForce, Law, MissingParameter
from paycheck.law.tables import Clause
from paycheck.law.vocabulary import P, Param
from paycheck.messages import Msg, msg
from paycheck.model import Earning, EarningKind, HoursSystem, PayBasis, Payslip
from paycheck.money import CONTEXT, ZERO, round_money
from paycheck.once import once
from paycheck.report import payslip_line

T = TypeVar("T")

__all__ = ["BasePay", "Coverage", "Days", "Facts", "MinimumWage", "OvertimePay", "Rate"]


class Coverage(NamedTuple):
    """Whether a rule's scope (a coverage parameter) takes in the payslip; if not, why."""

    covered: bool
    param: InForce[list[Clause]] | None = None
    clauses: tuple[Clause, ...] = ()
    missing: tuple[str, ...] = ()  # facts the payslip does not give that decide it


class Facts:
    """A payslip with its law and calendar, and what they imply, each worked out once."""

    def __init__(self, payslip: Payslip, law: Law, calendar: Calendar, on: date | None) -> None:
        self.payslip = payslip
        self.law = law
        self.calendar = calendar
        self.on = on
        by_kind: dict[EarningKind, list[tuple[str, Earning]]] = {}
        for i, e in enumerate(payslip.earnings):
            by_kind.setdefault(e.kind, []).append((f"earnings[{i}]", e))
        self._earnings_by_kind = {kind: tuple(lines) for kind, lines in by_kind.items()}
        self._coverage: dict[str, Coverage] = {}

    # -- the law -----------------------------------------------------------------------------
    def get(self, param: Param[T], day: date) -> InForce[T] | None:
        """A parameter in force on ``day`` (or on ``--on`` where the caller set one)."""
        return self.law.get(param, self.on or day)

    def need(self, param: Param[T], day: date) -> InForce[T]:
        """Like :meth:`get`, but absent or null stops the check with a not-checked finding."""
        value = self.get(param, day)
        if value is None or value.value is None:
            raise MissingParameter(param.name, self.on or day)
        return value

    def items(self, param: Param[list[T]], day: date) -> tuple[T, ...]:
        """A list parameter's items (none when it is absent or null)."""
        value = self.get(param, day)
        return () if value is None or value.value is None else tuple(value.value)

    def flag(self, param: Param[bool], day: date) -> bool:
        """A yes/no parameter that is present and true."""
        value = self.get(param, day)
        return value is not None and value.value is True

    def money(self, amount: Decimal) -> Decimal:
        return round_money(amount, self.law.minor_unit)

    @property
    def period_end(self) -> date:
        return self.payslip.period.end

    @once
    def workweek_days(self) -> frozenset[int]:
        """Weekday numbers worked: the contract's week, else Monday to Friday (the default
        week of the calendars)."""
        workweek = self.payslip.contract.workweek
        return frozenset(d.number for d in workweek) if workweek else frozenset(range(5))

    # -- days --------------------------------------------------------------------------------
    @once
    def pay_period(self) -> PayPeriod:
        """The pay period the payslip's period belongs to, and its share of a month."""
        return self.payslip.pay_period

    @once
    def days(self) -> Days:
        """The period's days sorted into worked, paid leave, holidays and absences."""
        return compute_days(self)

    # -- rates of pay ------------------------------------------------------------------------
    # Two general forms, chosen by which parameters the pack defines:
    #   per-day:  daily = monthly / paid_days_per_month; hourly = daily / hours_per_day
    #             (the contract's normal daily hours when the pack sets no hours_per_day);
    #   per-week: hourly = monthly x 12 / (rate_weeks_per_year x rate_hours_per_week);
    #             daily = monthly x 12 / (rate_weeks_per_year x days worked a week).
    def daily_rate(self, day: date) -> Rate:
        """A day's wage on the contract's normal-hours wage."""
        contract = self.payslip.contract
        wage, hours = contract.wage, contract.normal_hours_per_day
        if contract.pay_basis is PayBasis.HOURLY:
            return Rate(
                CONTEXT.multiply(wage, hours), (), msg("rate.hourly-day", wage=wage, hours=hours)
            )
        per_month = self.get(P.paid_days_per_month, day)
        if per_month is not None and per_month.value is not None:
            return Rate(
                CONTEXT.divide(wage, per_month.number),
                (per_month,),
                msg("rate.daily", wage=wage, divisor=per_month.shown),
            )
        weeks = self.get(P.rate_weeks_per_year, day)
        if weeks is None or weeks.value is None:
            raise MissingParameter(P.paid_days_per_month.name, self.on or day)
        per_week = Decimal(len(self.workweek_days))
        return Rate(
            CONTEXT.divide(wage * 12, weeks.number * per_week),
            (weeks,),
            msg(
                "rate.daily-weekly" if contract.workweek else "rate.daily-weekly-assumed",
                wage=wage,
                weeks=weeks.shown,
                days=per_week,
            ),
        )

    def hourly_rate(self, day: date) -> Rate:
        """An hour's wage on the contract's normal-hours wage."""
        contract = self.payslip.contract
        wage = contract.wage
        if contract.pay_basis is PayBasis.HOURLY:
            return Rate(wage, (), msg("rate.hourly", wage=wage))
        per_month = self.get(P.paid_days_per_month, day)
        if per_month is None or per_month.value is None:
            weeks = self.get(P.rate_weeks_per_year, day)
            per_week = self.get(P.rate_hours_per_week, day)
            if weeks is None or per_week is None or weeks.value is None or per_week.value is None:
                raise MissingParameter(P.paid_days_per_month.name, self.on or day)
            return Rate(
                CONTEXT.divide(wage * 12, weeks.number * per_week.number),
                (weeks, per_week),
                msg("rate.hourly-weekly", wage=wage, weeks=weeks.shown, hours=per_week.shown),
            )
        hours = self.get(P.hours_per_day, day)
        divide_by = contract.normal_hours_per_day if hours is None else hours.number
        return Rate(
            CONTEXT.divide(CONTEXT.divide(wage, per_month.number), divide_by),
            (per_month,) if hours is None else (per_month, hours),
            msg("rate.hourly-daily", wage=wage, divisor=per_month.shown, hours=divide_by),
        )

    # -- coverage ----------------------------------------------------------------------------
    def coverage(self, param: Param[list[Clause]]) -> Coverage:
        """Whether the payslip is within a rule's scope: clauses on category, monthly wage
        and headcount, any one of which covers."""
        if param.name in self._coverage:
            return self._coverage[param.name]
        value = self.get(param, self.period_end)
        clauses = tuple(value.value or ()) if value is not None else ()
        missing: set[str] = set()
        result = Coverage(True)
        if clauses:
            for clause in clauses:  # any one clause that holds covers: stop at the first
                verdict = self._clause(clause)
                if verdict is True:
                    break
                if isinstance(verdict, set):
                    missing |= verdict
            else:
                result = Coverage(False, value, clauses, tuple(sorted(missing)))
        self._coverage[param.name] = result
        return result

    def _clause(self, c: Clause) -> bool | set[str]:
        """True when every condition holds, False when one fails, else the missing fields."""
        p = self.payslip
        missing: set[str] = set()
        if c.categories is not None:
            if p.contract.category is None:
                missing.add("contract.category")
            elif p.contract.category not in c.categories:
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

    # -- earnings ----------------------------------------------------------------------------
    def stated(self, kind: EarningKind) -> tuple[tuple[str, Earning], ...]:
        """The earnings lines of a kind, in payslip order, with their names."""
        return self._earnings_by_kind.get(kind, ())

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

    # -- pay: each worked out once, on demand ---------------------------------------------
    @once
    def base(self) -> BasePay:
        """Base pay against the lawful figure for the days in employment."""
        return lawful_base(self)

    @once
    def overtime(self) -> OvertimePay:
        """Overtime priced by the law of each day (or the contract, where the law sets none),
        or under the contract's hours system where it is not the standard one."""
        return overtime_under_system(self)

    @once
    def workweeks(self) -> Workweeks | None:
        """The workweeks of ``attendance.hours``, their hours worked and lawful pay by the
        pack's ``workweek-overtime`` formula (see :mod:`paycheck.facts.workweek`); None
        without recorded hours or such a formula."""
        return compute_workweeks(self, regular_rate_floor)

    @once
    def minimum(self) -> MinimumWage:
        """The minimum wage for the days paid, and pay for normal work against it."""
        return minimum_wage(self)

    @once
    def expected(self) -> dict[str, Decimal]:
        """Earnings line -> its lawful amount where the checker computed one: base pay for
        the days, raised by a minimum-wage shortfall owed for certain (so the earnings
        table agrees with the finding); ``overtime`` -> all overtime at its lawful total.
        A figure the law's values do not give (a parameter missing) is left out: its line
        counts as stated."""
        out = self.expected_before_minimum
        if not self.calendar_ok:
            return out
        try:
            top_up = self.minimum.top_up
        except MissingParameter:
            return out
        if top_up is not None:
            line, index, owed = top_up
            stated = self.payslip.earnings[index].amount
            out = {**out, line: max(out.get(line, stated), stated + owed)}
        return out

    @once
    def expected_before_minimum(self) -> dict[str, Decimal]:
        out: dict[str, Decimal] = {}
        if not self.calendar_ok:
            return out
        try:
            base = self.base
            if base.expected is not None:
                out[base.line] = base.expected
        except MissingParameter:
            pass
        try:
            if self.overtime.expected is not None:
                out["overtime"] = self.overtime.expected
        except MissingParameter:
            pass
        return out

    @once
    def calendar_gaps(self) -> tuple[tuple[Msg, str | None], ...]:
        """Why the checks that need the calendar of the period cannot run (with the payslip
        line at fault): a jurisdiction the packs cannot check, a working-hours system other
        than the standard one, or a year the calendar does not cover."""
        law, p = self.law, self.payslip
        if law.unsupported:
            return (
                (msg("gate.unsupported", name=law.name, code=law.code, why=law.unsupported), None),
            )
        system = p.contract.hours_system
        if system is not HoursSystem.STANDARD and system not in self.items(
            P.hours_systems_checked, self.period_end
        ):
            gap = msg("gate.hours-system", system=system)
            return ((gap, "contract.hours_system"),)
        years = {self.pay_period.start.year, self.pay_period.end.year}
        years.update(r.date.year for r in p.attendance.overtime)
        gaps = []
        for year in sorted(years):
            covered, why = self.calendar.covers(year)
            if not covered:
                gaps.append((msg("gate.year", year=year, why=why), None))
        return tuple(gaps)

    @property
    def standard_hours(self) -> bool:
        """Whether the contract works the standard hours system (days and hours as the
        calendar schedules them)."""
        return self.payslip.contract.hours_system is HoursSystem.STANDARD

    @property
    def calendar_ok(self) -> bool:
        """Whether the checks that need the calendar of the period can run."""
        return not self.calendar_gaps

    def lawful(self, index: int, *, before_minimum: bool = False) -> Decimal:
        """An earnings line at its lawful amount where the checker computed one (never less
        than stated), else as stated."""
        expected = self.expected_before_minimum if before_minimum else self.expected
        e = self.payslip.earnings[index]
        return max(e.amount, expected.get(f"earnings[{index}]", e.amount))

    def month_wage(self, leave_out: Iterable[str] = (), *, before_minimum: bool = False) -> Decimal:
        """The month's wage for deduction limits: each line at its lawful amount, overtime
        at the lawful total; earning kinds in ``leave_out`` are left out."""
        skip = set(leave_out)
        expected = self.expected_before_minimum if before_minimum else self.expected
        overtime_expected = expected.get("overtime")
        total = ZERO
        for i, e in enumerate(self.payslip.earnings):
            if e.kind in skip or (e.kind is EarningKind.OVERTIME and overtime_expected is not None):
                continue
            total += self.lawful(i, before_minimum=before_minimum)
        if overtime_expected is not None and EarningKind.OVERTIME not in skip:
            stated_ot = sum((e.amount for _, e in self.stated(EarningKind.OVERTIME)), ZERO)
            total += max(stated_ot, overtime_expected)
        return total
