"""One record of a payroll run: what it can be, how it is read, checked, and reported."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, NamedTuple

from paycheck.batch.layout import csv_column, csv_row_to_payslip
from paycheck.engine import check
from paycheck.limits import MAX_PROBLEM, one_line
from paycheck.loader import InputError, parse_text, read_file, validate
from paycheck.model import Payslip
from paycheck.render import json_report
from paycheck.report import Report

Form = Literal["payslip", "data", "json", "path", "csv", "refused"]


class Record(NamedTuple):
    """One input record with where it came from (``payroll.jsonl:17``, a file path).

    ``form`` says what ``data`` is: a :class:`Payslip`, plain ``data`` (a mapping), one
    ``json`` text, a file ``path``, a ``csv`` row in the flat layout (docs/batch.md), or
    ``refused``: a record the reader could not take (``data`` says why). Parsing happens
    where the record is checked, so with several jobs it runs on all cores too.
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
"""What ``check_many`` yields for each record."""

Item = Record | Payslip | Mapping[str, Any] | str | bytes
"""What ``check_many`` takes: a record, a payslip, payslip data, or one JSON text."""


def as_record(item: Item) -> Record:
    if isinstance(item, Record):
        return item
    if isinstance(item, Payslip):
        return Record("", item, "payslip")
    if isinstance(item, str | bytes):
        return Record("", item, "json")
    return Record("", item, "data")


def payslip_of(record: Record) -> Payslip:
    """The record's payslip, read and validated; InputError names the record's source."""
    source = record.source or "<record>"
    if record.form == "payslip":
        assert isinstance(record.data, Payslip)
        return record.data
    if record.form == "refused":
        raise InputError(str(record.data), source=source)
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
            raise exc.moved(source) from None
        try:
            return validate(data, source)
        except InputError as exc:  # name the CSV column the payroll bureau edits
            raise exc.moved(source, csv_column(exc.field, data)) from None
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


def check_record(index: int, item: Item, on: date | None) -> Result:
    """Check one item; a bad one becomes a RecordError, and so does a defect (reported)."""
    record = as_record(item)
    try:
        return check(payslip_of(record), on=on, source=record.source or None)
    except InputError as exc:
        return RecordError(index, record.source or None, str(exc))
    except Exception as exc:  # a defect must not stop a payroll run: report it, go on
        reason = f"internal error, please report: {one_line(repr(exc))[:MAX_PROBLEM]}"
        return RecordError(index, record.source or None, reason)


def result_to_dict(result: Result, lang: str = "en") -> dict[str, Any]:
    """A result as JSON-ready data: a report's JSON (its texts in ``lang``), or ``{index,
    source, error}``."""
    if isinstance(result, RecordError):
        return result.to_dict()
    return json_report(result, lang)


def result_to_json(result: Result, lang: str = "en") -> str:
    """A result as one line of JSON (what ``check-batch --format jsonl`` writes, less its
    ``index``)."""
    return json.dumps(result_to_dict(result, lang), ensure_ascii=False)
