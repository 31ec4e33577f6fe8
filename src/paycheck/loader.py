"""Read payslips from YAML, JSON or TOML, and report bad input in one line.

Numbers with a fraction are read exactly (as :class:`~paycheck.money.NumberLiteral`,
never as float), so that money written as ``6000.5`` can be refused by name and
hours written as ``7.5`` keep every digit.
"""

from __future__ import annotations

import difflib
import json
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from paycheck.model import Payslip
from paycheck.money import NumberLiteral


class InputError(ValueError):
    """Bad input: names the source, the field and the problem in one line."""

    def __init__(self, problem: str, *, source: str | None = None, field: str | None = None):
        self.source = source
        self.field = field
        self.problem = problem
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = [p for p in (self.source, self.field) if p]
        return ": ".join([*parts, self.problem])


class _ExactLoader(yaml.SafeLoader):
    """A safe YAML loader that reads numbers with a fraction as exact decimals."""


def _exact_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> NumberLiteral:
    text = str(loader.construct_scalar(node)).replace("_", "").lower()
    special = {".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity", ".nan": "NaN"}
    return NumberLiteral(special.get(text, text))


def _checked_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError as exc:
        raise yaml.constructor.ConstructorError(
            None, None, f"{node.value!r} is not a real date ({exc})", node.start_mark
        ) from None


_ExactLoader.add_constructor("tag:yaml.org,2002:float", _exact_float)
_ExactLoader.add_constructor("tag:yaml.org,2002:timestamp", _checked_timestamp)


def parse_text(text: str, fmt: str, source: str = "<input>") -> Any:
    """Parse YAML, JSON or TOML text into plain data with exact numbers."""
    try:
        if fmt == "json":
            return json.loads(text, parse_float=NumberLiteral)
        if fmt == "toml":
            return tomllib.loads(text, parse_float=NumberLiteral)
        return yaml.load(text, Loader=_ExactLoader)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}" if "\n" in text.strip() else f"column {exc.colno}"
        raise InputError(f"malformed JSON at {where}: {exc.msg}", source=source) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"malformed TOML: {exc}", source=source) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(f"malformed YAML{where}: {problem}", source=source) from None


_FOLDER = "is a directory: check a folder with paycheck check-batch"
FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml"}


def read_file(path: str | Path) -> Any:
    """Read a YAML, JSON or TOML file (chosen by its suffix) into plain data."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        if path.is_dir():
            raise InputError(_FOLDER, source=str(path))
        raise InputError(
            f"unknown file type {path.suffix!r}: use .yaml, .yml, .json or .toml", source=str(path)
        )
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("no such file", source=str(path)) from None
    except IsADirectoryError:
        raise InputError(_FOLDER, source=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", source=str(path)) from None
    return parse_text(text, fmt, str(path))


def field_path(loc: tuple[int | str, ...]) -> str:
    """Turn a pydantic error location into ``deductions[2].amount``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in {"date", "DayRange", "function-after[_ordered(), DayRange]"} and out:
            continue  # the branch names of a date-or-range union add nothing for a reader
        else:
            out += f".{part}" if out else str(part)
    return out


def _message(error: Mapping[str, Any]) -> tuple[str | None, str]:
    field = field_path(tuple(error["loc"])) or None
    kind = error["type"]
    if kind == "extra_forbidden":
        hint = error.get("msg_hint")
        if hint:
            return field, f"unknown field: did you mean {hint}?"
        return field, "unknown field (see docs/payslip-format.md or `paycheck schema`)"
    if kind == "missing":
        return field, "is required"
    msg = str(error["msg"]).removeprefix("Value error, ")
    # Model-level checks name their own field: "attendance.days_worked: ... twice".
    if field is None and ": " in msg and " " not in msg.split(": ", 1)[0]:
        field, msg = msg.split(": ", 1)
    elif ": " in msg and " " not in msg.split(": ", 1)[0]:
        sub, msg = msg.split(": ", 1)
        field = f"{field}.{sub}" if field else sub
    return field, msg


def validate(data: Any, source: str = "<input>") -> Payslip:
    """Validate plain data (a parsed file or a caller's dict) into a :class:`Payslip`."""
    if not isinstance(data, Mapping):
        raise InputError("a payslip must be a mapping of fields at the top level", source=source)
    try:
        payslip = Payslip.model_validate(data)
    except ValidationError as exc:
        errors = _most_telling(exc.errors())
        field, problem = _message(errors[0])
        if len(errors) > 1:
            problem += f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})"
        raise InputError(problem, source=source, field=field) from None
    from paycheck.law.packs import known_jurisdiction, law

    known, why = known_jurisdiction(payslip.jurisdiction)
    if not known:
        raise InputError(why, source=source, field="jurisdiction")
    currency = law(payslip.jurisdiction).currency
    if currency and payslip.currency != currency:
        raise InputError(
            f"{payslip.currency}, but wages in {payslip.jurisdiction} are checked in {currency}: "
            f"write {currency}",
            source=source,
            field="currency",
        )
    return payslip


def _most_telling(errors: list[Any]) -> list[Any]:
    """Order pydantic's errors so the first one is what a person should fix first.

    A misspelt field shows up twice: as an unknown field and as the missing one it was
    meant to be; the unknown one names the typo, so it goes first, with a suggestion. For a
    date-or-range union, the branch matching the input's shape (a mapping is a range) wins.
    """
    unknown = [e for e in errors if e["type"] == "extra_forbidden"]
    missing = [e for e in errors if e["type"] == "missing"]
    for e in unknown:
        parent = tuple(e["loc"][:-1])
        candidates = [str(m["loc"][-1]) for m in missing if tuple(m["loc"][:-1]) == parent]
        close = difflib.get_close_matches(str(e["loc"][-1]), candidates, n=1)
        if close:
            e["msg_hint"] = close[0]
    shaped = [
        e
        for e in errors
        if not (
            isinstance(e.get("input"), Mapping) and "date" in e["loc"] and e["type"] != "missing"
        )
    ]
    rest = [e for e in shaped if e["type"] != "extra_forbidden"]
    return unknown + rest or errors


def load(path: str | Path) -> Payslip:
    """Read and validate one payslip file (YAML, JSON or TOML).

    Raises :class:`InputError` naming the file, the field and the problem.
    """
    return validate(read_file(path), str(path))
