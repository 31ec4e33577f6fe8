"""Check a whole payroll: many payslips in, reports out in input order, streaming.

``check_many`` takes any iterable, lazily, and yields one result per record: a
:class:`~paycheck.report.Report`, or a :class:`RecordError` naming the record and the
reason. Memory stays flat however long the input: with ``jobs`` > 1 records travel to
worker processes in chunks, with at most a few chunks in flight per worker.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import re
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal, NamedTuple, TextIO

from paycheck.engine import check
from paycheck.loader import FORMATS, InputError, parse_text, read_file, validate
from paycheck.model import Payslip
from paycheck.report import Report

Form = Literal["payslip", "data", "json", "path", "csv"]


class Record(NamedTuple):
    """One input record with where it came from (``payroll.jsonl:17``, a file path).

    ``form`` says what ``data`` is: a :class:`Payslip`, plain ``data`` (a mapping), one
    ``json`` text, a file ``path``, or a ``csv`` row in the flat layout
    (docs/batch.md). Parsing happens in the worker, so it runs on all cores too.
    """

    source: str
    data: Any
    form: Form = "data"


@dataclass(frozen=True)
class RecordError:
    """A record that could not be checked: its position, where it came from, and why."""

    index: int
    source: str | None
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "source": self.source, "error": self.reason}


Result = Report | RecordError


def _record(item: Any) -> Record:
    if isinstance(item, Record):
        return item
    if isinstance(item, Payslip):
        return Record("", item, "payslip")
    if isinstance(item, str | bytes):
        return Record("", item, "json")
    return Record("", item, "data")


def _payslip(record: Record) -> Payslip:
    source = record.source or "<record>"
    if record.form == "payslip":
        assert isinstance(record.data, Payslip)
        return record.data
    if record.form == "path":
        return validate(read_file(record.data), str(record.data))
    if record.form == "json":
        text = record.data
        if isinstance(text, bytes):
            text = text.decode(errors="surrogateescape")
        return validate(parse_text(_utf8(text, source), "json", source), source)
    if record.form == "csv":
        for column, cell in record.data.items():
            if isinstance(cell, str):
                _utf8(cell, source, column)
        try:
            data = csv_row_to_payslip(record.data)
        except InputError as exc:
            raise InputError(exc.problem, source=source, field=exc.field) from None
        try:
            return validate(data, source)
        except InputError as exc:  # name the CSV column the payroll bureau edits
            column = csv_column(exc.field, data)
            raise InputError(exc.problem, source=source, field=column or exc.field) from None
    return validate(record.data, source)


def _utf8(text: str, source: str, field: str | None = None) -> str:
    """``text`` if it came from UTF-8; a byte that did not (read with surrogateescape) makes
    the record bad, named by its position, rather than stopping the run."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(text[exc.start])
        byte = f" (byte 0x{code - 0xDC00:02X})" if 0xDC80 <= code <= 0xDCFF else ""
        where = "" if field else f" at character {exc.start + 1}"
        raise InputError(
            f"not UTF-8 text{byte}{where}: save the file as UTF-8", source=source, field=field
        ) from None
    return text


def _check_one(index: int, record: Record, on: date | None) -> Result:
    try:
        return check(_payslip(record), on=on, source=record.source or None)
    except InputError as exc:
        return RecordError(index, record.source or None, str(exc))
    except Exception as exc:  # a defect must not stop a payroll run: report it, go on
        return RecordError(index, record.source or None, f"internal error, please report: {exc!r}")


def _check_chunk(
    start: int, items: list[Any], on: date | None, transform: Callable[[Result], Any] | None
) -> list[Any]:
    if transform is None:
        return [_check_one(start + n, _record(item), on) for n, item in enumerate(items)]
    # Each report is transformed as soon as it is made, so it is freed while still in cache.
    return [transform(_check_one(start + n, _record(item), on)) for n, item in enumerate(items)]


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def check_many(
    payslips: Iterable[Any],
    jobs: int | None = None,
    *,
    on: date | None = None,
    chunk_size: int = 256,
    transform: Callable[[Result], Any] | None = None,
) -> Iterator[Any]:
    """Check payslips (or raw dicts, JSON texts, :class:`Record` objects) in input order.

    ``jobs`` is the number of worker processes (default: all cores; 1 checks in this
    process). A bad record yields a :class:`RecordError` with its index and the reason;
    the run goes on.

    ``transform``, a module-level function, is applied to each result where it was
    checked (in the worker), and its value is yielded instead: a payroll run that only
    needs JSON lines or a summary then never ships whole reports between processes,
    which is what lets it scale with the cores (docs/performance.md).
    """
    jobs = default_jobs() if jobs is None else max(1, jobs)
    if jobs == 1:
        for index, item in enumerate(payslips):
            result = _check_one(index, _record(item), on)
            yield result if transform is None else transform(result)
        return
    # Raw items travel as they are (strings and tuples pickle fastest); the worker wraps them.
    chunks = _chunks(iter(payslips), chunk_size)
    window = 2 * jobs  # chunks in flight: enough to keep workers busy, small enough to stay flat
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[tuple[Future[list[Any]], int, list[Any]]] = deque()
        start = 0
        for chunk in chunks:
            pending.append((pool.submit(_check_chunk, start, chunk, on, transform), start, chunk))
            start += len(chunk)
            if len(pending) >= window:
                yield from _collect(*pending.popleft(), on, transform)
        while pending:
            yield from _collect(*pending.popleft(), on, transform)


def _collect(
    future: Future[list[Any]],
    start: int,
    chunk: list[Any],
    on: date | None,
    transform: Callable[[Result], Any] | None,
) -> list[Any]:
    """A chunk's results; if the chunk could not travel to a worker (a record that cannot
    be pickled) or the worker died, check it here, record by record, so the run goes on."""
    try:
        return future.result()
    except Exception:
        return _check_chunk(start, chunk, on, transform)


def _chunks(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    while chunk := list(itertools.islice(items, size)):
        yield chunk


# -- input forms -------------------------------------------------------------------------

InputFormat = Literal["auto", "jsonl", "csv", "dir"]


def read_input(
    path: str, fmt: InputFormat = "auto", stdin: TextIO | None = None
) -> Iterator[Record]:
    """Records from a JSON Lines file, a CSV file, a directory of payslip files, or ``-``.

    Lines and rows are read lazily; parsing and validation happen in :func:`check_many`.
    """
    if fmt == "auto":
        fmt = _guess(path)
    if fmt == "dir":
        folder = Path(path)
        if not folder.is_dir():
            raise InputError("not a directory", source=path)
        files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in FORMATS and p.is_file())
        return (Record(str(p), p, "path") for p in files)
    if path != "-" and not Path(path).is_file():
        if Path(path).is_dir():
            raise InputError(
                f"is a directory, not a {fmt} file: leave --input-format out", source=path
            )
        raise InputError("no such file", source=path)
    stream = stdin or sys.stdin
    name = "<stdin>" if path == "-" else path
    if fmt == "csv":
        return _csv_records(path, name, stream)
    return _jsonl_records(path, name, stream)


def _guess(path: str) -> InputFormat:
    if path != "-" and Path(path).is_dir():
        return "dir"
    return "csv" if path.lower().endswith(".csv") else "jsonl"


def _lines(path: str, stream: TextIO) -> Iterator[str]:
    # utf-8-sig: spreadsheet programs write a byte-order mark before the first column name.
    # surrogateescape: a byte that is not UTF-8 (a GBK export) spoils only its own record,
    # which the worker reports as bad (_utf8), instead of stopping the run.
    if path == "-":
        buffer = getattr(stream, "buffer", None)
        if buffer is None:  # a text stream handed in by a library caller
            yield from stream
            return
        text = io.TextIOWrapper(buffer, encoding="utf-8-sig", errors="surrogateescape")
        try:
            yield from text
        finally:
            text.detach()  # the caller's stream stays open
        return
    with open(path, encoding="utf-8-sig", errors="surrogateescape") as handle:
        yield from handle


def _jsonl_records(path: str, name: str, stream: TextIO) -> Iterator[Record]:
    for number, line in enumerate(_lines(path, stream), 1):
        if line.strip():
            yield Record(f"{name}:{number}", line.rstrip("\r\n"), "json")


def _csv_records(path: str, name: str, stream: TextIO) -> Iterator[Record]:
    lines = _lines(path, stream)
    reader = csv.DictReader(lines)
    for row in reader:
        yield Record(f"{name}:{reader.line_num}", row, "csv")


# -- the flat CSV layout (docs/batch.md) -----------------------------------------------

CSV_DEDUCTIONS = {
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
CSV_EARNINGS = {
    "base_pay": "base",
    "overtime_pay": "overtime",
    "allowances": "allowance",
    "special_allowances": "special-allowance",
    "bonus": "bonus",
}
CSV_REQUIRED = (
    "employee_id",
    "jurisdiction",
    "currency",
    "period_start",
    "period_end",
    "wage",
    "employment_start",
)


def csv_row_to_payslip(row: Mapping[str, Any]) -> dict[str, Any]:
    """One row of the flat CSV layout as payslip data (validated afterwards as usual).

    Blank cells are absent facts. Amount cells stay strings, so money is never a float.
    """

    def cell(name: str) -> str | None:
        value = row.get(name)
        if value is None:
            return None
        text = str(value).strip()
        return text or None

    if None in row:
        raise InputError("the row has more cells than the header has columns")
    missing = [c for c in CSV_REQUIRED if cell(c) is None]
    if missing:
        raise InputError(f"column {missing[0]} is empty or missing", field=missing[0])
    unknown = [c for c in row if c not in _CSV_COLUMNS]
    if unknown:
        raise InputError(f"unknown column {unknown[0]!r} (see docs/batch.md)", field=unknown[0])

    contract: dict[str, Any] = {
        "pay_basis": cell("pay_basis") or "monthly",
        "wage": cell("wage"),
        "employment_start": cell("employment_start"),
    }
    if cell("normal_hours_per_day"):
        contract["normal_hours_per_day"] = cell("normal_hours_per_day")
    if cell("hours_system"):
        contract["hours_system"] = cell("hours_system")
    for column in ("category", "notice_weeks", "overtime_hourly_rate"):
        if cell(column):
            contract[column] = cell(column)
    if cell("last_day"):
        contract["termination"] = {
            "last_day": cell("last_day"),
            "how": cell("termination") or "resignation",
            **({"notice_date": cell("notice_date")} if cell("notice_date") else {}),
        }
    attendance: dict[str, Any] = {}
    if cell("days_worked") is not None:
        attendance["days_worked_count"] = cell("days_worked")
    if cell("days_required") is not None:
        attendance["days_required"] = cell("days_required")
    totals = {
        cls: cell(f"overtime_{col}_hours")
        for cls, col in (
            ("working-day", "working_day"),
            ("rest-day", "rest_day"),
            ("statutory-holiday", "holiday"),
        )
        if cell(f"overtime_{col}_hours")
    }
    if totals:
        attendance["overtime_totals"] = totals
    earnings = [
        {"kind": kind, "amount": cell(col)}
        for col, kind in CSV_EARNINGS.items()
        if cell(col) is not None
    ]
    deductions = []
    for col, kind in CSV_DEDUCTIONS.items():
        if cell(col) is None:
            continue
        line: dict[str, Any] = {"kind": kind, "amount": cell(col)}
        basis = cell(f"{col}_basis")
        if basis:
            basis_kind, _, reference = basis.partition(":")
            line["basis"] = {
                "kind": basis_kind.strip(),
                **({"reference": reference.strip()} if reference.strip() else {}),
            }
        if col == "loss_compensation":
            if cell("loss_caused_by"):
                line["caused_by"] = cell("loss_caused_by")
            if cell("loss_written_notice_date"):
                line["written_notice_date"] = cell("loss_written_notice_date")
        deductions.append(line)
    data: dict[str, Any] = {
        "format_version": 1,
        "jurisdiction": cell("jurisdiction"),
        "currency": cell("currency"),
        "employee": {"id": cell("employee_id")},
        "employer": {
            "id": cell("employer_id") or "-",
            **({"headcount": cell("employer_headcount")} if cell("employer_headcount") else {}),
        },
        "period": {"start": cell("period_start"), "end": cell("period_end")},
        "contract": contract,
        "attendance": attendance,
        "earnings": earnings,
        "deductions": deductions,
    }
    if cell("net_pay") is not None:
        data["net_pay"] = cell("net_pay")
    return data


_CSV_FIELDS = {
    "employee.id": "employee_id",
    "employer.id": "employer_id",
    "jurisdiction": "jurisdiction",
    "currency": "currency",
    "period.start": "period_start",
    "period.end": "period_end",
    "period": "period_end",
    "contract.pay_basis": "pay_basis",
    "contract.wage": "wage",
    "contract.normal_hours_per_day": "normal_hours_per_day",
    "contract.hours_system": "hours_system",
    "contract.employment_start": "employment_start",
    "contract.category": "category",
    "contract.notice_weeks": "notice_weeks",
    "contract.overtime_hourly_rate": "overtime_hourly_rate",
    "employer.headcount": "employer_headcount",
    "attendance.days_required": "days_required",
    "contract.termination.last_day": "last_day",
    "contract.termination.how": "termination",
    "contract.termination.notice_date": "notice_date",
    "contract": "last_day",
    "attendance.days_worked_count": "days_worked",
    "attendance.overtime_totals.working-day": "overtime_working_day_hours",
    "attendance.overtime_totals.rest-day": "overtime_rest_day_hours",
    "attendance.overtime_totals.statutory-holiday": "overtime_holiday_hours",
    "net_pay": "net_pay",
}
_LINE_FIELD = re.compile(r"(earnings|deductions)\[(\d+)\](?:\.(\w+))?")


def csv_column(field: str | None, data: Mapping[str, Any]) -> str | None:
    """The CSV column behind a payslip field of a row converted by csv_row_to_payslip."""
    if field is None:
        return None
    if field in _CSV_FIELDS:
        return _CSV_FIELDS[field]
    match = _LINE_FIELD.match(field)
    if match is None:
        return None
    section, index, part = match.group(1), int(match.group(2)), match.group(3)
    kind = data[section][index]["kind"]
    names = CSV_EARNINGS if section == "earnings" else CSV_DEDUCTIONS
    column = next(col for col, k in names.items() if k == kind)
    if part == "basis":
        return f"{column}_basis"
    if part in {"caused_by", "written_notice_date"}:
        return f"loss_{part}"
    return column


_CSV_COLUMNS = frozenset(
    [
        *CSV_REQUIRED,
        "employer_id",
        "employer_headcount",
        "category",
        "notice_weeks",
        "overtime_hourly_rate",
        "days_required",
        "pay_basis",
        "normal_hours_per_day",
        "hours_system",
        "last_day",
        "termination",
        "notice_date",
        "days_worked",
        "overtime_working_day_hours",
        "overtime_rest_day_hours",
        "overtime_holiday_hours",
        *CSV_EARNINGS,
        *CSV_DEDUCTIONS,
        *(f"{c}_basis" for c in CSV_DEDUCTIONS),
        "loss_caused_by",
        "loss_written_notice_date",
        "net_pay",
    ]
)


def result_to_dict(result: Result) -> dict[str, Any]:
    """A result as JSON-ready data: a report's JSON, or ``{index, source, error}``."""
    if isinstance(result, RecordError):
        return result.to_dict()
    return result.model_dump(mode="json")


def result_to_json(result: Result) -> str:
    return json.dumps(result_to_dict(result), ensure_ascii=False)


__all__ = [
    "Record",
    "RecordError",
    "Result",
    "check_many",
    "csv_row_to_payslip",
    "read_input",
    "result_to_dict",
]
