"""Reading a payroll run: JSON Lines, the flat CSV layout, a directory of payslip files, or
standard input, lazily, one :class:`Record` at a time.

Lines and rows are only cut here; parsing and validation happen where each record is
checked. What cannot become a record (a line over the size limit, a row the CSV reader
refuses) becomes a ``refused`` record, reported in its place like any other bad one.
"""

from __future__ import annotations

import csv
import io
import os
import stat
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Literal, TextIO

from paycheck.batch.records import Record
from paycheck.limits import MAX_BYTES
from paycheck.loader import FORMATS, InputError

InputFormat = Literal["auto", "jsonl", "csv", "dir"]

NotRead = Callable[[str, str], None]
"""Told of each file in a directory that is not read: its path and why."""

_TOO_LONG = f"longer than {MAX_BYTES:,} characters: not a payslip"


def read_input(
    path: str,
    fmt: InputFormat = "auto",
    stdin: TextIO | None = None,
    *,
    not_read: NotRead | None = None,
) -> Iterator[Record]:
    """Records from a JSON Lines file, a CSV file, a directory of payslip files, or ``-``.

    A directory is searched recursively for regular files ending ``.yaml``, ``.yml``,
    ``.json`` or ``.toml``, sorted by path. Every other entry (a file with another suffix, a
    symbolic link, a device or a pipe) is not read, and ``not_read(path, why)`` is told of it
    (by default a warning). Lines and rows are read lazily.
    """
    fmt = _format(path, fmt)
    if fmt == "dir":
        files, skipped = _directory(path)
        tell = not_read or _warn
        for name, why in skipped:
            tell(name, why)
        return (Record(str(p), p, "path") for p in files)
    if fmt == "csv":
        return _csv_records(_name(path), _lines(path, stdin))
    return _jsonl_records(_name(path), _lines(path, stdin))


def count_records(path: str, fmt: InputFormat = "auto") -> int | None:
    """How many records ``read_input`` will give, if that is cheap to know (a file or a
    directory, read once more); None for standard input. A CSV row with a line break in a
    quoted cell is counted as two."""
    fmt = _format(path, fmt)
    if fmt == "dir":
        return len(_directory(path)[0])
    if path == "-":
        return None
    with open(path, "rb") as handle:
        lines = sum(1 for line in handle if line.strip())
    return max(0, lines - 1) if fmt == "csv" else lines


def _format(path: str, fmt: InputFormat) -> InputFormat:
    """The input format, with the path checked: refused at once, before any record."""
    if fmt == "auto":
        if path != "-" and Path(path).is_dir():
            return "dir"
        fmt = "csv" if path.lower().endswith(".csv") else "jsonl"
    if fmt == "dir":
        if not Path(path).is_dir():
            raise InputError("not a directory", source=path)
    elif path != "-" and not Path(path).is_file():
        if Path(path).is_dir():
            raise InputError(
                f"is a directory, not a {fmt} file: leave --input-format out", source=path
            )
        raise InputError("no such file", source=path)
    return fmt


def _name(path: str) -> str:
    return "<stdin>" if path == "-" else path


def _directory(path: str) -> tuple[list[Path], list[tuple[str, str]]]:
    """The payslip files under a directory, sorted, and what else is there: only regular
    files inside it are read, never a link that could lead outside it."""
    files: list[Path] = []
    skipped: list[tuple[str, str]] = []

    def unreadable(error: OSError) -> None:
        skipped.append((str(error.filename), f"cannot read: {error.strerror}"))

    for folder, dirs, names in os.walk(path, onerror=unreadable):
        for name in sorted([*names, *(d for d in dirs if os.path.islink(os.path.join(folder, d)))]):
            entry = Path(folder, name)
            mode = entry.lstat().st_mode
            if stat.S_ISLNK(mode):
                skipped.append((str(entry), "a symbolic link (only files inside are read)"))
            elif not stat.S_ISREG(mode):
                skipped.append((str(entry), "not a regular file"))
            elif entry.suffix.lower() not in FORMATS:
                skipped.append((str(entry), "not a payslip file (.yaml, .yml, .json, .toml)"))
            else:
                files.append(entry)
    files.sort()
    skipped.sort()
    return files, skipped


def _warn(path: str, why: str) -> None:
    warnings.warn(f"{path}: not read: {why}", stacklevel=3)


def _lines(path: str, stdin: TextIO | None) -> Iterator[str | None]:
    """The lines of a file or of standard input; None for a line over the size limit, whose
    text is skipped rather than held.

    utf-8-sig: spreadsheet programs write a byte-order mark before the first column name.
    surrogateescape: a byte that is not UTF-8 (a GBK export) spoils only its own record,
    which the worker reports as bad, instead of stopping the run.
    """
    if path != "-":
        with open(path, encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
            yield from _bounded(handle)
        return
    stream = stdin or sys.stdin
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a text stream handed in by a library caller
        yield from _bounded(stream)
        return
    text = io.TextIOWrapper(buffer, encoding="utf-8-sig", errors="surrogateescape", newline="")
    try:
        yield from _bounded(text)
    finally:
        text.detach()  # the caller's stream stays open


def _bounded(stream: TextIO) -> Iterator[str | None]:
    while line := stream.readline(MAX_BYTES + 1):
        if len(line) <= MAX_BYTES or line.endswith("\n"):
            yield line
            continue
        while (rest := stream.readline(MAX_BYTES)) and not rest.endswith("\n"):
            pass
        yield None


def _jsonl_records(name: str, lines: Iterable[str | None]) -> Iterator[Record]:
    for number, line in enumerate(lines, 1):
        if line is None:
            yield Record(f"{name}:{number}", _TOO_LONG, "refused")
        elif line.strip():
            yield Record(f"{name}:{number}", line.rstrip("\r\n"), "json")


def _csv_records(name: str, lines: Iterable[str | None]) -> Iterator[Record]:
    """Rows of the flat layout. A row the CSV reader refuses (a cell over its size limit) or a
    line over the size limit is a refused record, and the reader goes on with the next row."""
    too_long: list[int] = []
    number = 0

    def text() -> Iterator[str]:
        nonlocal number
        for line in lines:
            number += 1
            if line is None:
                too_long.append(number)
                line = "\n"  # a blank line to the reader: no row
            yield line

    rows = csv.reader(text())
    header = next(rows, None)
    while header is not None:
        try:
            cells = next(rows)
        except StopIteration:
            cells = None
        except csv.Error as exc:
            cells = []
            yield Record(f"{name}:{rows.line_num}", f"not a CSV row: {exc}", "refused")
        while too_long:
            yield Record(f"{name}:{too_long.pop(0)}", _TOO_LONG, "refused")
        if cells is None:
            return
        if cells:
            row: dict[str | None, object] = dict(zip(header, cells, strict=False))
            if len(cells) > len(header):  # the reader of the layout refuses such a row
                row[None] = cells[len(header) :]
            yield Record(f"{name}:{rows.line_num}", row, "csv")
