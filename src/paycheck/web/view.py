"""What the page shows, as plain data for its templates and its script: the places with a
rule pack, a month of a pack's calendar, and a report (the total first, the months with the
overtime marked, stated against lawful pay as bars, each finding with its article and
arithmetic)."""

from __future__ import annotations

import calendar as months
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from paycheck.law.calendar import Calendar, DayClass
from paycheck.law.packs import all_packs, law
from paycheck.model import Payslip, expand
from paycheck.money import ZERO, fmt
from paycheck.report import COUNTED, Finding, Report, Severity, payslip_line
from paycheck.web.i18n import currency, place, tr


def places(lang: str) -> list[dict[str, str]]:
    """Every jurisdiction with a rule pack: its code, its name with its parents' (in the
    page's language where the catalog has it) and its currency (the code, and as a reader
    names it), in the packs' order."""
    packs = all_packs()
    out = []
    for code in sorted(packs):
        parts = code.split("-")
        names = [
            place(lang, packs["-".join(parts[:n])].info.name)
            for n in range(1, len(parts) + 1)
            if "-".join(parts[:n]) in packs
        ]
        money = law(code).currency or ""
        out.append(
            {
                "code": code,
                "name": " · ".join(names),
                "currency": money,
                "currency_name": currency(lang, money),
            }
        )
    return out


def day_kind(cls: DayClass, day: date) -> str:
    """The class of a day as the page colours it; a working day on a weekend is a make-up
    working day (调休上班)."""
    if cls is DayClass.WORKING and day.weekday() >= 5:
        return "makeup"
    return {
        DayClass.WORKING: "working",
        DayClass.REST: "rest",
        DayClass.HOLIDAY: "holiday",
        DayClass.OFF: "off",
    }[cls]


def month_days(code: str, year: int, month: int, lang: str) -> dict[str, Any]:
    """A month of a jurisdiction's calendar: each day's kind and what it is, and whether the
    calendar covers the year (if not, why not)."""
    cal = law(code).calendar
    covered, why = cal.covers(year)
    days = []
    for n in range(1, months.monthrange(year, month)[1] + 1):
        day = date(year, month, n)
        kind = day_kind(cal.day_class(day), day) if covered else "unknown"
        text = _describe(cal, day, kind, lang)
        days.append({"date": day.isoformat(), "kind": kind, "text": text})
    return {
        "year": year,
        "month": month,
        "title": tr(lang, "month.title", year=year, name=tr(lang, f"month.{month}")),
        "first_weekday": date(year, month, 1).weekday(),
        "covered": covered,
        "why": why,
        "days": days,
    }


def _describe(cal: Calendar, day: date, kind: str, lang: str) -> str:
    """What a day is, for a reader, in the calendar's own words in the page's language."""
    if kind == "unknown":
        return tr(lang, "day.unknown")
    return cal.describe(day).text(lang)


@dataclass
class Month:
    """A month of the report's calendar: rows of weeks, each day with its kind and marks."""

    title: str
    weeks: list[list[dict[str, Any] | None]] = field(default_factory=list)


def report_months(payslip: Payslip, lang: str) -> list[Month]:
    """The months of the pay period and of any overtime, each day marked: worked, overtime
    (with its hours), outside the employment."""
    worked = set(expand(payslip.attendance.days_worked))
    overtime = {o.date: o.hours for o in payslip.attendance.overtime}
    start, end = payslip.contract.employment_start, payslip.contract.last_day
    period = payslip.period
    keys = {(period.start.year, period.start.month), (period.end.year, period.end.month)}
    keys |= {(d.year, d.month) for d in overtime}
    out = []
    for year, month in sorted(keys):
        data = month_days(payslip.jurisdiction, year, month, lang)
        cells: list[dict[str, Any] | None] = [None] * data["first_weekday"]
        for day in data["days"]:
            d = date.fromisoformat(day["date"])
            hours = overtime.get(d)
            day.update(
                n=d.day,
                worked=d in worked,
                overtime=fmt_hours(hours) if hours is not None else None,
                outside=d < start or (end is not None and d > end),
            )
            cells.append(day)
        cells += [None] * (-len(cells) % 7)
        out.append(Month(data["title"], [cells[i : i + 7] for i in range(0, len(cells), 7)]))
    return out


def fmt_hours(hours: Decimal) -> str:
    """Hours without trailing zeros: 8, 1.5."""
    return format(hours.normalize(), "f")


def bars(report: Report, lang: str) -> list[dict[str, Any]]:
    """Each earnings line with a lawful figure: stated and lawful as bar lengths (0 to 100)
    of the largest amount shown."""
    rows = [line for line in report.lines if line.expected is not None]
    top = max((max(line.stated, line.expected or ZERO) for line in rows), default=ZERO)
    out = []
    for line in rows:
        expected = line.expected or ZERO
        out.append(
            {
                "label": line.label or tr(lang, f"earning.{line.kind}"),
                "stated": fmt(line.stated),
                "expected": fmt(expected),
                "short": fmt(expected - line.stated) if expected > line.stated else None,
                "stated_width": _width(line.stated, top),
                "expected_width": _width(expected, top),
            }
        )
    return out


def _width(amount: Decimal, top: Decimal) -> str:
    if top <= 0:
        return "0"
    return format((amount / top * 100).quantize(Decimal("0.1")), "f")


def findings(report: Report, payslip: Payslip, lang: str) -> list[dict[str, Any]]:
    """Each finding for the page, those counted as owed first, in the payslip's order: its
    severity, the payslip line it is on (by the label written on it), its text and
    arithmetic in the page's language, and its citations."""

    def order(f: Finding) -> tuple[bool, bool, tuple[int, int], bool, Decimal]:
        where = payslip_line(f.line)
        line = (0 if where[0] == "earnings" else 1, where[1]) if where else (2, 0)
        return (
            f.severity is Severity.NOT_CHECKED,
            f.severity not in COUNTED,
            line,  # the payslip's order, line by line
            f.rule == "undocumented-deduction",  # the more telling finding of a line first
            -(f.amount_owed + f.amount_uncertain),
        )

    ranked = sorted(report.findings, key=order)
    out, owed_on = [], set()
    for f in ranked:
        shown = _finding(f, payslip, lang)
        # a second finding on a line claims the same money: said so, not counted twice
        shown["again"] = f.line in owed_on and f.severity in COUNTED
        if f.amount_owed and f.severity in COUNTED and f.line:
            owed_on.add(f.line)
        out.append(shown)
    return out


def _finding(f: Finding, payslip: Payslip, lang: str) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "severity": f.severity.value,
        "severity_text": tr(lang, f"severity.{f.severity.value}"),
        "line": line_name(f.line, payslip, lang),
        "owed": fmt(f.amount_owed) if f.amount_owed else None,
        "uncertain": fmt(f.amount_uncertain) if f.amount_uncertain else None,
        "text": f.text(lang),
        "steps": f.steps_text(lang),
        "citations": [
            {"text": c.short(), "href": c.href, "status": c.status.value} for c in f.citations
        ],
    }


def line_name(line: str | None, payslip: Payslip, lang: str) -> str | None:
    """A payslip line as the person wrote it: its label, or its kind (``earnings[1]`` is the
    library's name for it, not his)."""
    where = payslip_line(line)
    if where is None:
        return None
    section, index = where
    items: list[Any] = list(payslip.earnings if section == "earnings" else payslip.deductions)
    if index >= len(items):
        return line
    item = items[index]
    kind = tr(lang, f"{'earning' if section == 'earnings' else 'deduction'}.{item.kind.value}")
    if not item.label or item.label == kind:
        return kind
    return tr(lang, "report.line", kind=kind, label=item.label)


def summary(report: Report, lang: str) -> dict[str, Any]:
    """The report's head: the total owed, the uncertain amount, the counts."""
    counted = sum(1 for f in report.findings if f.severity in COUNTED)
    return {
        "owed": fmt(report.total_owed),
        "uncertain": fmt(report.total_uncertain) if report.total_uncertain else None,
        "currency": currency(lang, report.currency),
        "counted": counted,
        "period": tr(
            lang,
            "report.period",
            start=report.period_start.isoformat(),
            end=report.period_end.isoformat(),
        ),
        "notes": report.notes_text(lang),
    }
