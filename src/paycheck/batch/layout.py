"""The two CSV layouts of a payroll run, each declared once (docs/batch.md).

``IN_COLUMNS``: the flat layout a payroll export is read in, each column with the payslip
field it fills. The known and required columns, :func:`csv_row_to_payslip`,
:func:`csv_column` (which column a bad field came from) and the input tables of
docs/batch.md are all made from it.

``OUT_COLUMNS``: what ``check-batch --format csv`` writes. The header, each row, which cells
are neutralised against spreadsheet formulas, and the output table of docs/batch.md are
made from it. The owed and uncertain columns of each rule come from the rule catalogue.

``write_docs("docs/batch.md")`` rewrites those tables in the docs (tests/test_batch.py fails
while they are stale).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from paycheck.catalog import RULES
from paycheck.loader import InputError
from paycheck.money import ZERO, fmt
from paycheck.report import COUNTED, Report

# -- the flat layout a payroll is read in ---------------------------------------------------


@dataclass(frozen=True)
class InColumn:
    """A column of the flat layout and the payslip field its cell fills.

    ``field`` is a dotted path (``contract.wage``), a line (``earnings[base]``: a line of that
    kind with the cell as its amount), or a field of a line (``deductions[fine].basis``).
    """

    name: str
    field: str
    doc: str = ""
    table: str | None = None  # where docs/batch.md lists it (None: described in the text)
    required: bool = False
    default: str | None = None  # the value a blank cell takes
    blank: str = ""  # what a blank cell means, for the docs, where it is not a default
    needs: str | None = None  # read only when this column is filled in
    parse: Callable[[str], Any] | None = None


def _basis(cell: str) -> dict[str, str]:
    """``company-rule:handbook 4.2`` as ``{kind: company-rule, reference: handbook 4.2}``."""
    kind, _, reference = cell.partition(":")
    return {"kind": kind.strip(), **({"reference": reference.strip()} if reference.strip() else {})}


def _required(name: str, field: str, doc: str = "") -> InColumn:
    return InColumn(name, field, doc, "required", required=True)


def _contract(name: str, field: str, doc: str, **more: Any) -> InColumn:
    return InColumn(name, field, doc, "contract", **more)


_EARNINGS = {
    "base_pay": "base",
    "overtime_pay": "overtime",
    "allowances": "allowance",
    "special_allowances": "special-allowance",
    "bonus": "bonus",
    "holiday_pay": "holiday-pay",
    "severance": "severance",
    "notice_pay": "notice-pay",
    "annual_leave_pay": "annual-leave-pay",
}
_DEDUCTIONS = {
    "income_tax": "income-tax",
    "social_insurance": "social-insurance",
    "housing_fund": "housing-fund",
    "court_order": "court-order",
    "fine": "fine",
    "loss_compensation": "loss-compensation",
    "resignation_penalty": "resignation-penalty",
    "business_cost": "business-cost",
    "advance_repayment": "advance-repayment",
    "other_deductions": "other",
}
_OVERTIME = {  # column infix: the class of day, and how the docs say it
    "working_day": ("working-day", "working days"),
    "rest_day": ("rest-day", "rest days"),
    "holiday": ("statutory-holiday", "statutory holidays"),
}

IN_COLUMNS: tuple[InColumn, ...] = (
    _required("employee_id", "employee.id"),
    _required("jurisdiction", "jurisdiction", "a code `paycheck rules` lists"),
    _required("currency", "currency", "the jurisdiction's currency"),
    _required("period_start", "period.start"),
    _required("period_end", "period.end"),
    _required(
        "wage", "contract.wage", "the monthly normal-hours wage in the contract, or the hourly rate"
    ),
    _required("employment_start", "contract.employment_start"),
    _contract("employer_id", "employer.id", "", default="-"),
    _contract(
        "employer_headcount",
        "employer.headcount",
        "the number of employees (where the minimum wage depends on the employer's size)",
    ),
    _contract(
        "category",
        "contract.category",
        "`manual`, `non-manual`, `managerial`, `professional` (where coverage depends on "
        "the kind of work)",
    ),
    _contract("notice_weeks", "contract.notice_weeks", "", blank="the law's scale"),
    _contract(
        "overtime_hourly_rate",
        "contract.overtime_hourly_rate",
        "the contract's hourly overtime rate (where the law sets none)",
    ),
    _contract("pay_basis", "contract.pay_basis", "`monthly` or `hourly`", default="monthly"),
    _contract(
        "pay_frequency",
        "contract.pay_frequency",
        "`monthly`, `semi-monthly`, `bi-weekly` or `weekly`",
        blank="`monthly`",
    ),
    _contract("normal_hours_per_day", "contract.normal_hours_per_day", "", blank="8"),
    _contract(
        "hours_system",
        "contract.hours_system",
        "`standard`, `comprehensive`, `flexible`",
        blank="`standard`",
    ),
    _contract(
        "last_day",
        "contract.termination.last_day",
        "the last day of employment",
        blank="employment goes on",
    ),
    _contract(
        "termination",
        "contract.termination.how",
        "`resignation`, `dismissal`, `mutual-agreement`, `expiry`",
        default="resignation",
        needs="last_day",
    ),
    _contract(
        "notice_date", "contract.termination.notice_date", "", blank="none", needs="last_day"
    ),
    _contract(
        "termination_reason",
        "contract.termination.reason",
        "`employer-breach`, `misconduct`, `redundancy`, `other`",
        blank="not said",
        needs="last_day",
    ),
    _contract(
        "payday",
        "contract.payday",
        "the agreed day of the month wages are paid, 1 to 31",
        blank="none agreed",
    ),
    InColumn(
        "paid_on",
        "paid_on",
        "the day the wages were paid (blank: late payment not checked)",
        "contract",
    ),
    InColumn(
        "cycle_hours",
        "attendance.cycle.hours_worked",
        "comprehensive hours, a monthly cycle: hours worked in it, statutory holidays left out",
        "attendance",
    ),
    InColumn(
        "days_worked",
        "attendance.days_worked_count",
        "working days worked in the period, a whole number",
        "attendance",
    ),
    InColumn(
        "days_required",
        "attendance.days_required",
        "working days the contract required (where a partial month is paid by them)",
        "attendance",
    ),
    *(
        InColumn(
            f"overtime_{name}_hours",
            f"attendance.overtime_totals.{kind}",
            f"overtime hours on {days}, in total",
            "attendance",
        )
        for name, (kind, days) in _OVERTIME.items()
    ),
    *(InColumn(name, f"earnings[{kind}]", "", "earnings") for name, kind in _EARNINGS.items()),
    *(InColumn(name, f"deductions[{k}]", "", "deductions") for name, k in _DEDUCTIONS.items()),
    *(
        InColumn(f"{name}_basis", f"deductions[{kind}].basis", needs=name, parse=_basis)
        for name, kind in _DEDUCTIONS.items()
    ),
    InColumn(
        "loss_caused_by", "deductions[loss-compensation].caused_by", needs="loss_compensation"
    ),
    InColumn(
        "loss_written_notice_date",
        "deductions[loss-compensation].written_notice_date",
        needs="loss_compensation",
    ),
    InColumn("net_pay", "net_pay", "the net pay the payslip states (blank: not checked)", "net"),
)

_BY_NAME = {c.name: c for c in IN_COLUMNS}
_LINE = re.compile(r"(earnings|deductions)\[([\w-]+)\](?:\.(\w+))?")
# A check on a whole model names the model; the column to fix is the one it is about.
_WHOLE = {"period": "period_end", "contract": "last_day", "contract.termination": "last_day"}
_BY_FIELD = {**_WHOLE, **{c.field: c.name for c in IN_COLUMNS}}


def csv_row_to_payslip(row: Mapping[str, Any]) -> dict[str, Any]:
    """One row of the flat CSV layout as payslip data (validated afterwards as usual).

    Blank cells are absent facts. Amount cells stay strings, so money is never a float.
    """
    if None in row:
        raise InputError("the row has more cells than the header has columns")
    cells = {name: text for name, value in row.items() if (text := str(value or "").strip())}
    missing = next((c.name for c in IN_COLUMNS if c.required and c.name not in cells), None)
    if missing:
        raise InputError(f"column {missing} is empty or missing", field=missing)
    unknown = next((name for name in row if name not in _BY_NAME), None)
    if unknown is not None:
        raise InputError(f"unknown column {unknown!r} (see docs/batch.md)", field=unknown)
    data: dict[str, Any] = {
        "format_version": 1,
        "contract": {},
        "attendance": {},
        "earnings": [],
        "deductions": [],
    }
    lines: dict[tuple[str, str], dict[str, Any]] = {}
    for column in IN_COLUMNS:
        value = cells.get(column.name, column.default)
        if value is None or (column.needs and column.needs not in cells):
            continue
        _put(data, lines, column.field, column.parse(value) if column.parse else value)
    return data


def _put(
    data: dict[str, Any], lines: dict[tuple[str, str], dict[str, Any]], field: str, value: Any
) -> None:
    line = _LINE.fullmatch(field)
    if line is None:
        *parents, name = field.split(".")
        for parent in parents:
            data = data.setdefault(parent, {})
        data[name] = value
        return
    section, kind, name = line.groups()
    if name is None:
        lines[section, kind] = {"kind": kind, "amount": value}
        data[section].append(lines[section, kind])
    else:
        lines[section, kind][name] = value


def csv_column(field: str | None, data: Mapping[str, Any]) -> str | None:
    """The CSV column behind a payslip field of a row converted by csv_row_to_payslip."""
    if field is None:
        return None
    if field in _BY_FIELD:
        return _BY_FIELD[field]
    match = re.match(r"(earnings|deductions)\[(\d+)\](?:\.(\w+))?", field)
    if match is None:
        return None
    section, index, part = match.groups()
    line = f"{section}[{data[section][int(index)]['kind']}]"
    return _BY_FIELD.get(f"{line}.{part}") or _BY_FIELD[line]


# -- the layout check-batch writes ----------------------------------------------------------


@dataclass(frozen=True)
class OutColumn:
    """A column of ``check-batch --format csv``; ``value`` gives its cell for a report.

    A ``number`` is written by paycheck itself (a count, an amount never below 0) and left
    as it is; any other cell holds text from the input and is neutralised (see _safe).
    """

    name: str
    doc: str
    value: Callable[[Report], object] | None = None  # None: index, source and error
    number: bool = False


def _counted(report: Report) -> list[Any]:
    return [f for f in report.findings if f.severity in COUNTED]


def _rule_owed(rule: str) -> Callable[[Report], str]:
    def owed(report: Report) -> str:
        counted = any(f.rule == rule and f.severity in COUNTED for f in report.findings)
        return fmt(report.by_rule()[rule][0]) if counted else ""

    return owed


def _rule_uncertain(rule: str) -> Callable[[Report], str]:
    def uncertain(report: Report) -> str:
        total = report.by_rule().get(rule, (ZERO, ZERO))[1]
        return fmt(total) if total else ""

    return uncertain


def _rule_name(rule: str) -> str:
    return rule.replace("-", "_")


OUT_COLUMNS: tuple[OutColumn, ...] = (
    OutColumn("index", "the record's position in the input, from 0", number=True),
    OutColumn("source", "`FILE:LINE`, `<stdin>:LINE` or the file's path"),
    OutColumn("employee", "the employee id", lambda r: r.employee),
    OutColumn("period_start", "the pay period's first day", lambda r: r.period_start),
    OutColumn("period_end", "the pay period's last day", lambda r: r.period_end),
    OutColumn("jurisdiction", "as on the payslip", lambda r: r.jurisdiction),
    OutColumn("currency", "as on the payslip", lambda r: r.currency),
    OutColumn(
        "findings",
        "the number of counted findings (violation, underpayment, undocumented)",
        lambda r: len(_counted(r)),
        number=True,
    ),
    OutColumn(
        "rules",
        "their rule ids, without repeats, joined by `;`",
        lambda r: ";".join(dict.fromkeys(f.rule for f in _counted(r))),
    ),
    OutColumn(
        "total_owed",
        "the report's `total_owed` (each payslip line counted once)",
        lambda r: fmt(r.total_owed),
        number=True,
    ),
    OutColumn(
        "total_uncertain",
        "at stake where the law or its figures are not settled, beyond what is owed",
        lambda r: fmt(r.total_uncertain),
        number=True,
    ),
    *(
        column
        for rule in RULES
        for column in (
            OutColumn(f"owed_{_rule_name(rule)}", "", _rule_owed(rule), number=True),
            OutColumn(f"uncertain_{_rule_name(rule)}", "", _rule_uncertain(rule), number=True),
        )
    ),
    OutColumn(
        "error",
        "for a bad record, the reason; its other columns except `index` and `source` are empty",
    ),
)
CSV_FIELDS = [c.name for c in OUT_COLUMNS]


def _safe(cell: str) -> str:
    """A text cell a spreadsheet will not run as a formula (OWASP's CSV injection advice)."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def csv_header() -> str:
    return ",".join(CSV_FIELDS) + "\n"


def csv_row(result: Report | Any) -> str:
    """One result as CSV cells after the index (the caller writes the index first)."""
    if isinstance(result, Report):
        cells = {c.name: c.value(result) for c in OUT_COLUMNS if c.value}
        source = result.source or ""
    else:  # a RecordError
        cells, source = {"error": result.reason}, result.source or ""
    cells["source"] = source
    row = [
        str(cells.get(c.name, "")) if c.number else _safe(str(cells.get(c.name, "")))
        for c in OUT_COLUMNS[1:]
    ]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(row)
    return buf.getvalue()


# -- the tables of docs/batch.md -------------------------------------------------------------

_TABLES = {
    "required": "| column | payslip field |",
    "contract": "| column | payslip field | when blank |",
    "attendance": "| column | payslip field |",
    "earnings": "| column | earnings line `kind` |",
    "deductions": "| column | deduction line `kind` |",
    "net": "| column | payslip field |",
    "output": "| column | content |",
}


def _in_row(c: InColumn, table: str) -> str:
    line = _LINE.fullmatch(c.field)
    field = f"`{line.group(2)}`" if line else f"`{c.field}`" + (f": {c.doc}" if c.doc else "")
    if table == "contract":
        blank = c.blank or (f"`{c.default}`" if c.default else "not given")
        return f"| `{c.name}` | {field} | {blank} |"
    return f"| `{c.name}` | {field} |"


def docs_tables() -> dict[str, str]:
    """Each table of docs/batch.md that lists columns, made from the declarations."""
    out = {}
    for table, header in _TABLES.items():
        rows = [header, "|" + "---|" * header.count(" | ") + "---|"]
        if table == "output":
            rows += [f"| `{c.name}` | {c.doc} |" for c in OUT_COLUMNS if c.doc]
            rules = OUT_COLUMNS.index(next(c for c in OUT_COLUMNS if c.name.startswith("owed_")))
            rows.insert(
                rules + 2,
                "| `owed_RULE`, `uncertain_RULE` | for each rule of `paycheck explain`, in its "
                "order (`-` written `_`, as `owed_loss_deduction`): the amount owed and the "
                "amount uncertain under that rule; blank where it found nothing |",
            )
        else:
            rows += [_in_row(c, table) for c in IN_COLUMNS if c.table == table]
        out[table] = "\n".join(rows)
    return out


_MARKED = re.compile(r"(<!-- columns: (\w+) -->\n)(?:\|.*\n)*(<!-- end of columns -->)")


def with_tables(text: str) -> str:
    """docs/batch.md with every marked table made afresh from the declarations."""
    tables = docs_tables()
    return _MARKED.sub(lambda m: f"{m.group(1)}{tables[m.group(2)]}\n{m.group(3)}", text)


def write_docs(path: str) -> None:
    """Rewrite the marked tables of a Markdown file (docs/batch.md) from the declarations."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(with_tables(text))
