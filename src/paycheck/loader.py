"""Read payslips from YAML, JSON or TOML, and report bad input in one line.

Numbers with a fraction are read exactly (as :class:`~paycheck.money.NumberLiteral`,
never as float), so that money written as ``6000.5`` can be refused by name and
hours written as ``7.5`` keep every digit.
"""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import Any, get_args

import yaml
from pydantic import BaseModel, ValidationError

from paycheck.limits import MAX_BYTES, MAX_DEPTH, MAX_DIGITS, shown
from paycheck.messages import Msg, msg
from paycheck.model import JURISDICTION_PATTERN, Payslip
from paycheck.money import NumberLiteral
from paycheck.reading import InputError, Problem, _exact_float, _ExactLoader
from paycheck.refusal import Refusal

__all__ = [
    "FORMATS",
    "InputError",
    "Problem",
    "load",
    "parse_bytes",
    "parse_text",
    "read_file",
    "validate",
]


# What a number in a payslip file may look like: decimal digits, ASCII only; no "_", no
# YAML 1.1 octal (010), hexadecimal, binary or sexagesimal (1:30) forms.
_YAML_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_YAML_FLOAT = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_YAML_SPECIAL = {".inf", "+.inf", "-.inf", ".nan"}
_TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep"
_TOO_LONG = f"a number of more than {MAX_DIGITS} digits"


class _YamlRefused(yaml.MarkedYAMLError):
    """A YAML text breaks the input contract (a limit, a repeated key, an odd number)."""


class _PayslipLoader(_ExactLoader):
    """The payslip's YAML loader: exact numbers, and the input contract on top of YAML's:
    unique keys, decimal numbers of at most MAX_DIGITS digits, at most MAX_DEPTH levels."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise _YamlRefused(None, None, _TOO_DEEP, event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        first: dict[Any, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag.endswith(":merge"):
                continue
            key = self.construct_object(key_node)
            if key in first:
                raise _YamlRefused(
                    None,
                    None,
                    f"duplicate key {shown(key)} (first at line {first[key]})",
                    key_node.start_mark,
                )
            first[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep)


def _strict_number(pattern: re.Pattern[str], make: Any) -> Any:
    def construct(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
        text = str(loader.construct_scalar(node))
        if text.lower() not in _YAML_SPECIAL and pattern.fullmatch(text) is None:
            raise _YamlRefused(
                None,
                None,
                f"{shown(text)} is not a number written in decimal digits "
                "(write it in quotes if it is text)",
                node.start_mark,
            )
        if _digits(text) > MAX_DIGITS:
            raise _YamlRefused(None, None, _TOO_LONG, node.start_mark)
        return make(loader, node)

    return construct


_PayslipLoader.add_constructor(
    "tag:yaml.org,2002:int",
    _strict_number(_YAML_INT, lambda loader, node: int(loader.construct_scalar(node))),
)
_PayslipLoader.add_constructor("tag:yaml.org,2002:float", _strict_number(_YAML_FLOAT, _exact_float))


def _digits(text: str) -> int:
    return sum(c.isdigit() for c in text)


class _Refused(ValueError):
    """A JSON or TOML text breaks the input contract, found while the parser reads it."""


def _json_int(text: str) -> int:
    if len(text) > MAX_DIGITS:
        raise _Refused(_TOO_LONG)
    return int(text)


def _exact_number(text: str) -> NumberLiteral:
    if _digits(text) > MAX_DIGITS:
        raise _Refused(_TOO_LONG)
    return NumberLiteral(text)


def _json_constant(text: str) -> Any:
    raise _Refused(f"{text} is not JSON: write a number")


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) < len(pairs):
        raise _Duplicate()
    return out


class _Duplicate(ValueError):
    """A JSON object repeats a key (found in a second, slower pass: _duplicate_key)."""


_JSON = json.JSONDecoder(  # made once: json.loads with options makes one per call
    parse_float=_exact_number,
    parse_int=_json_int,
    parse_constant=_json_constant,
    object_pairs_hook=_unique,
)
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')


def _json_depth(text: str) -> int:
    """How deep a JSON text nests, read before it is parsed (its strings left out)."""
    depth = deepest = 0
    for c in re.sub(r"[^][{}]", "", _STRINGS.sub("", text)):
        depth += 1 if c in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


_SPACE = re.compile(r"[ \t\n\r]*")


def _duplicate_key(text: str) -> tuple[str, int]:
    """The first key a JSON text repeats in one object, and its line (the text is valid
    JSON, at most MAX_DEPTH deep)."""
    scan = json.JSONDecoder().raw_decode  # a value at an index

    def value(i: int) -> tuple[int, tuple[str, int] | None]:
        i = _SPACE.match(text, i).end()  # type: ignore[union-attr]
        if text[i] not in "[{":
            return scan(text, i)[1], None
        close, seen = ("]" if text[i] == "[" else "}"), set[str]()
        i = _SPACE.match(text, i + 1).end()  # type: ignore[union-attr]
        while text[i] != close:
            if close == "}":
                at = i
                key, i = scan(text, i)
                if key in seen:
                    return i, (key, text.count("\n", 0, at) + 1)
                seen.add(key)
                i = _SPACE.match(text, i).end() + 1  # type: ignore[union-attr]  # past ":"
            i, found = value(i)
            if found:
                return i, found
            i = _SPACE.match(text, i).end()  # type: ignore[union-attr]
            if text[i] == ",":
                i = _SPACE.match(text, i + 1).end()  # type: ignore[union-attr]
        return i + 1, None

    found = value(0)[1]
    assert found is not None
    return found


def _beyond_limits(data: Any) -> str | None:
    """What of the input limits parsed data breaks, read after a parser that cannot check
    them as it goes (TOML): nesting too deep, or an integer with too many digits."""
    stack = [(data, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth >= MAX_DEPTH:
                return _TOO_DEEP
            values = item.values() if isinstance(item, dict) else item
            stack.extend((v, depth + 1) for v in values)
        elif isinstance(item, int) and item.bit_length() > 3.33 * MAX_DIGITS:
            return _TOO_LONG
    return None


def parse_text(text: str, fmt: str, source: str = "<input>") -> Any:
    """Parse YAML, JSON or TOML text into plain data with exact numbers.

    The input limits (paycheck.limits) are enforced here, before or while parsing: size,
    nesting depth, digits of a number; and the contract on top of each format's own rules:
    unique keys, no NaN or Infinity, a byte-order mark ignored in every format.
    """
    if len(text) > MAX_BYTES:
        raise InputError(f"more than {MAX_BYTES:,} characters: not a payslip", source=source)
    text = text.removeprefix("\ufeff")
    try:
        if fmt == "json":
            # Counting brackets is cheap; only a text with many needs its depth read out.
            if text.count("[") + text.count("{") > MAX_DEPTH and _json_depth(text) > MAX_DEPTH:
                raise _Refused(_TOO_DEEP)
            return _JSON.decode(text)
        if fmt == "toml":
            data = tomllib.loads(text, parse_float=_exact_number)
            beyond = _beyond_limits(data)
            if beyond:
                raise _Refused(beyond)
            return data
        return yaml.load(text, Loader=_PayslipLoader)
    except _Refused as exc:
        raise InputError(str(exc), source=source) from None
    except _YamlRefused as exc:
        line = exc.problem_mark.line + 1  # type: ignore[union-attr]
        raise InputError(f"line {line}: {exc.problem}", source=source) from None
    except _Duplicate:
        key, line = _duplicate_key(text)
        where = f"line {line}: " if "\n" in text.strip() else ""
        raise InputError(f"{where}duplicate key {shown(key)}", source=source) from None
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}" if "\n" in text.strip() else f"column {exc.colno}"
        raise InputError(f"malformed JSON at {where}: {exc.msg}", source=source) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"malformed TOML: {exc}", source=source) from None
    except RecursionError:  # tomllib reads nested arrays and tables recursively
        raise InputError(_TOO_DEEP, source=source) from None
    except ValueError:  # tomllib: an integer of more than 4,300 digits, which int() refuses
        # (JSON's and YAML's numbers are counted before int() sees them)
        raise InputError(_TOO_LONG, source=source) from None
    except yaml.reader.ReaderError as exc:  # it has a position, not a line
        line = text.count("\n", 0, exc.position) + 1
        raise InputError(
            f"malformed YAML at line {line}: the control character U+{exc.character:04X} is "
            "not allowed",
            source=source,
        ) from None
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
            f"unknown file type {shown(path.suffix)}: use .yaml, .yml, .json or .toml",
            source=str(path),
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError("no such file", source=str(path)) from None
    except IsADirectoryError:
        raise InputError(_FOLDER, source=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", source=str(path)) from None
    return parse_bytes(data, fmt, str(path))


def parse_bytes(data: bytes, fmt: str, source: str = "<input>") -> Any:
    """Parse the bytes of a YAML, JSON or TOML file (UTF-8) into plain data, as
    :func:`read_file` does (an upload to ``paycheck serve`` is read the same way)."""
    if len(data) > MAX_BYTES:
        raise InputError(f"larger than {MAX_BYTES:,} bytes: not a payslip", source=source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02X} at byte {exc.start + 1}): save the "
            "file as UTF-8",
            source=source,
        ) from None
    return parse_text(text, fmt, source)


def field_path(loc: tuple[int | str, ...]) -> str:
    """Turn a pydantic error location into ``deductions[2].amount``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in _BRANCHES and out:
            continue  # the branch names of a date-or-range union add nothing for a reader
        else:
            name = shown(part) if len(part) > 40 or not part.isprintable() else part
            out += f".{name}" if out else name
    return out


_DATE_BRANCH = "function-before[_to_date(), date]"
_BRANCHES = {_DATE_BRANCH, "DayRange", "function-after[_ordered(), DayRange]"}


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
    if field == "jurisdiction" and kind == "string_pattern_mismatch":
        code = str(error.get("input"))
        if re.fullmatch(JURISDICTION_PATTERN, code.upper()):
            return field, f"{shown(code)}: write it in capitals, {code.upper()}"
        return field, (
            f"{shown(code)} is not a jurisdiction code: two capital letters for the country, "
            "then the subdivisions, joined by '-' (`paycheck rules` lists them)"
        )
    msg = str(error["msg"]).removeprefix("Value error, ")
    # Model-level checks name their own field: "attendance.days_worked: ... twice".
    if field is None and ": " in msg and " " not in msg.split(": ", 1)[0]:
        field, msg = msg.split(": ", 1)
    elif ": " in msg and " " not in msg.split(": ", 1)[0]:
        sub, msg = msg.split(": ", 1)
        field = f"{field}.{sub}" if field else sub
    return field, msg


# pydantic's own refusals that a person meets, by type: translated as error.<type>
_TRANSLATED = {
    "enum",
    "literal_error",
    "greater_than",
    "greater_than_equal",
    "less_than",
    "less_than_equal",
    "date_from_datetime_parsing",
    "date_parsing",
    "string_type",
    "too_short",
    "list_type",
    "dict_type",
    "model_type",
    "bool_type",
    "bool_parsing",
}


def _problem_message(error: Mapping[str, Any]) -> Msg | None:
    """A problem as a message id and arguments, for another language's catalog."""
    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, Refusal):
        return msg(f"error.{cause.id}", **cause.arguments)
    kind = error["type"]
    if kind == "extra_forbidden":
        hint = error.get("msg_hint")
        return msg("error.unknown-field-hint", hint=hint) if hint else msg("error.unknown-field")
    if kind == "missing":
        return msg("error.required")
    if field_path(tuple(error["loc"])) == "jurisdiction" and kind == "string_pattern_mismatch":
        code = str(error.get("input"))
        if re.fullmatch(JURISDICTION_PATTERN, code.upper()):
            return msg("error.jurisdiction-capitals", value=shown(code), code=code.upper())
        return msg("error.jurisdiction-code", value=shown(code))
    if kind in _TRANSLATED:
        ctx = {k: str(v) for k, v in (error.get("ctx") or {}).items() if k != "error"}
        return msg(f"error.{kind}", **ctx)
    return None


def validate(data: Any, source: str = "<input>") -> Payslip:
    """Validate plain data (a parsed file or a caller's dict) into a :class:`Payslip`."""
    if not isinstance(data, Mapping):
        raise InputError("a payslip must be a mapping of fields at the top level", source=source)
    try:
        payslip = Payslip.model_validate(data)
    except ValidationError as exc:
        errors = _most_telling(exc.errors())
        problems = [Problem(*_message(e), _value(e)) for e in errors]
        field, problem, _ = problems[0]
        if len(problems) > 1:
            more = len(problems) - 1
            problem += f" (and {more} more problem{'s' if more > 1 else ''})"
        raise InputError(
            problem,
            source=source,
            field=field,
            errors=problems,
            message=_problem_message(errors[0]),
        ) from None
    except RecursionError:  # a caller's data nested hundreds deep: pydantic's repr recurses
        raise InputError(_TOO_DEEP, source=source) from None
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


def _value(error: Mapping[str, Any]) -> str | None:
    """The bad value of a pydantic error, as a message shows it (none for a missing field)."""
    return None if error["type"] == "missing" else shown(error.get("input"))


def _fields_at(loc: tuple[Any, ...]) -> list[str]:
    """The field names (and aliases) the payslip format allows at a place in the data."""
    model: Any = Payslip
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        field = model.model_fields.get(part)
        model = _model_in(field.annotation) if field is not None else None
    if model is None:
        return []
    return [n for name, f in model.model_fields.items() for n in (name, f.alias) if n]


def _model_in(annotation: Any) -> Any:
    """The pydantic model inside an annotation (``list[Earning]``, ``Termination | None``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _most_telling(errors: list[Any]) -> list[Any]:
    """Order pydantic's errors so the first one is what a person should fix first.

    A misspelt field shows up twice: as an unknown field and as the missing one it was
    meant to be; the unknown one names the typo, so it goes first, with a suggestion. For a
    date-or-range union, the branch matching the input's shape (a mapping is a range) wins.
    """
    unknown = [e for e in errors if e["type"] == "extra_forbidden"]
    missing = [e for e in errors if e["type"] == "missing"]
    explained = []  # a required field reported missing because it was misspelt
    for e in unknown:
        parent = tuple(e["loc"][:-1])
        siblings = [m for m in missing if tuple(m["loc"][:-1]) == parent]
        typo = str(e["loc"][-1])
        close = difflib.get_close_matches(typo, [str(m["loc"][-1]) for m in siblings], n=1)
        if close:
            explained += [m for m in siblings if m["loc"][-1] == close[0]]
        else:  # an optional field misspelt: any field the payslip format has there
            close = difflib.get_close_matches(typo, _fields_at(parent), n=1)
        if close:
            e["msg_hint"] = close[0]
    errors = [e for e in errors if e not in explained]
    shaped = [
        e
        for e in errors
        if not (
            isinstance(e.get("input"), Mapping)
            and _DATE_BRANCH in e["loc"]
            and e["type"] != "missing"
        )
    ]
    rest = [e for e in shaped if e["type"] != "extra_forbidden"]
    return unknown + rest or errors


def load(path: str | Path) -> Payslip:
    """Read and validate one payslip file (YAML, JSON or TOML).

    Raises :class:`InputError` naming the file, the field and the problem.
    """
    return validate(read_file(path), str(path))
