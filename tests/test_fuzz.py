"""A fuzzing suite that stays (issue 14): the example payslips, mutated, in every format.

Hypothesis takes each example in ``examples/`` (YAML, JSON, TOML), changes its data
(retyped, dropped and added fields, items repeated, huge and odd numbers, deep nesting,
dates as numbers, other scripts' digits, control characters), writes it as YAML, JSON or
TOML, changes the text (a repeated line, a byte-order mark, tags and aliases, brackets,
a 5,000-digit number, a cut), and encodes it (UTF-8, UTF-16, Latin-1, stray bytes). Each
input goes through ``paycheck check`` and through ``check_many``; the library's
``validate`` gets mutated data directly. An input fails the suite if it gives:

- an exception other than a refusal (a traceback), or an exit code other than 0, 1 or 2;
- a refusal of more than one line, or a problem of more than 300 characters;
- an "internal error" from ``check_many``;
- a run of more than BUDGET seconds (a hang: generous, not a measure of speed).

The normal run tries a few hundred inputs with a fixed seed. ``PAYCHECK_FUZZ_LONG=1`` runs
the long search, with fresh random inputs, and prints what it tried.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import tempfile
import time
from collections import Counter
from contextlib import redirect_stderr, redirect_stdout
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import EXAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import paycheck
from paycheck import Record, RecordError, check_many
from paycheck.cli import main
from paycheck.loader import read_file

LONG = bool(os.environ.get("PAYCHECK_FUZZ_LONG"))
BUDGET = 20.0  # seconds for one input: far above any real one (about 0.01 s)
SETTINGS = settings(
    max_examples=int(os.environ.get("PAYCHECK_FUZZ_EXAMPLES", 6000)) if LONG else 150,
    derandomize=not LONG,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
FILES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".yaml", ".json", ".toml"})
BASES = [read_file(p) for p in FILES]
FORMATS = ["yaml", "json", "toml"]
STATS: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _report(request):
    yield
    if LONG:  # the figures of the long run: inputs tried, refused, checked
        line = "fuzz: " + ", ".join(f"{k} {v}" for k, v in sorted(STATS.items()))
        capture = request.config.pluginmanager.get_plugin("capturemanager")
        with capture.global_and_fixture_disabled():
            print(f"\n{line}")


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


# -- values, data and text ----------------------------------------------------------------------


def _nested(depth: int) -> Any:
    value: Any = "monday"
    for _ in range(depth):
        value = [value]
    return value


ODD_TEXT = [
    "٨", "８", "1_0", "1e400", "-1e-400", "0x1F", "NaN", "Infinity", "-0", " 7.5 ", "7.5.1",
    "6,000.00", "¥6000", "", " ", "2021-02-30", "2021-13-01", "1633046400", "0001-01-01",
    "9999-12-31", "workman", "non-workman", "CN-GD-SZ", "SG", "MY-14", "NG-LA", "XX-YY",
    "monthly", "hourly", "fine", "base", "\x00", "line\nbreak", "\u202e", "\ud800",
    "=HYPERLINK(\"x\")", "../../etc/passwd", "x" * 5000,
]  # fmt: skip
VALUES = st.one_of(
    st.integers(min_value=-(10**60), max_value=10**60),
    st.sampled_from([0, 1, -1, 24, 25, 10_000, 10_001, 2**63, 10**15, 10**400]),
    st.decimals(allow_nan=False, allow_infinity=False, places=None).filter(
        lambda d: abs(d.adjusted()) < 60
    ),
    st.floats(),
    st.booleans(),
    st.none(),
    st.text(max_size=30),
    st.sampled_from(ODD_TEXT),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.datetimes(min_value=dt.datetime(1, 1, 1)),
    st.integers(0, 60).map(_nested),
    st.builds(lambda a, b: {"from": min(a, b), "to": max(a, b)}, st.dates(), st.dates()),
    st.lists(st.sampled_from(ODD_TEXT[:12]), max_size=3),
    st.dictionaries(st.text(max_size=8), st.integers(), max_size=3),
)


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _paths(v, (*prefix, i))
    return out


def _copy(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _copy(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_copy(v) for v in data]
    return data


@st.composite
def mutated_data(draw: st.DrawFn) -> Any:
    """An example's data with one to four changes."""
    data = _copy(draw(st.sampled_from(BASES)))
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(_paths(data)))
        if not path:
            continue
        *parents, last = path
        parent = data
        for key in parents:
            parent = parent[key]
        action = draw(st.sampled_from(["set", "set", "drop", "add", "repeat"]))
        if action == "set":
            parent[last] = draw(VALUES)
        elif action == "drop":
            del parent[last]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["remarks", "wage", "kind", "from", "x" * 300]))] = draw(
                VALUES
            )
        elif action == "repeat" and isinstance(parent, list):
            parent.insert(last, _copy(parent[last]))
    return data


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_multi_representer(
    Decimal, lambda d, v: d.represent_scalar("tag:yaml.org,2002:float", format(v, "f"))
)


def _number(value: Decimal) -> str:
    text = str(value)
    return text if re.fullmatch(r"-?[0-9]+(\.[0-9]+)?(E[-+][0-9]+)?", text) else f'"{text}"'


def _json(data: Any) -> str:
    if isinstance(data, dict):
        return "{" + ", ".join(f"{json.dumps(str(k))}: {_json(v)}" for k, v in data.items()) + "}"
    if isinstance(data, list):
        return "[" + ", ".join(_json(v) for v in data) + "]"
    if isinstance(data, Decimal):
        return _number(data)
    if isinstance(data, dt.date):
        return json.dumps(data.isoformat())
    if isinstance(data, int | float | bool | str) or data is None:
        return json.dumps(data)  # NaN and Infinity come out as JSON will not have them
    return json.dumps(str(data))


def _toml_value(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        return str(value).lower().replace("infinity", "inf")
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps("null" if value is None else str(value))


def _toml_key(key: Any) -> str:
    key = str(key)
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key)


def _toml(data: Any) -> str:
    if not isinstance(data, dict):
        return f"value = {_toml_value(data)}\n"
    return "".join(f"{_toml_key(k)} = {_toml_value(v)}\n" for k, v in data.items())


def _text(data: Any, fmt: str) -> str:
    if fmt == "json":
        return _json(data)
    if fmt == "toml":
        return _toml(data)
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


TEXT_CHANGES = [
    "none", "none", "repeat a line", "insert", "cut", "bom", "brackets", "digits", "tag",
    "alias", "control", "delete",
]  # fmt: skip
YAML_BITS = [
    "x: !!python/object/apply:os.system ['echo pwned']\n", "base: &a {kind: base}\n",
    "again: *a\n", "<<: *a\n", "blob: !!binary aGVsbG8=\n", "s: !!set {a, b}\n",
    "t: !!timestamp 2021-10-01T10:00:00Z\n", "o: !!omap [a: 1]\n", "hours: 1:30\n",
    "id: 0717\n", "---\n", "...\n", "%YAML 1.1\n", "? [a]\n: 1\n", "k: *undefined\n",
]  # fmt: skip


@st.composite
def mutated_file(draw: st.DrawFn) -> tuple[bytes, str]:
    """A mutated example, written in one format, its text changed, and encoded."""
    data = draw(mutated_data())
    fmt = draw(st.sampled_from(FORMATS))
    text = _text(data, fmt)
    for _ in range(draw(st.integers(0, 2))):
        change = draw(st.sampled_from(TEXT_CHANGES))
        at = draw(st.integers(0, len(text)))
        if change == "repeat a line":
            lines = text.splitlines(keepends=True)
            n = draw(st.integers(0, max(0, len(lines) - 1)))
            text = "".join(lines[: n + 1] + lines[n:])
        elif change == "insert":
            text = text[:at] + draw(st.text(max_size=10)) + text[at:]
        elif change == "cut":
            text = text[:at]
        elif change == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        elif change == "bom":
            text = "\ufeff" + text
        elif change == "brackets":
            n = draw(st.sampled_from([5, 25, 600, 1200]))
            text = text[:at] + "[" * n + "]" * n + text[at:]
        elif change == "digits":
            text = re.sub(r"[0-9]+", "9" * draw(st.sampled_from([41, 4301, 5000])), text, count=1)
        elif change in ("tag", "alias") and fmt == "yaml":
            text = text + draw(st.sampled_from(YAML_BITS))
        elif change == "control":
            control = draw(st.sampled_from(["\x00", "\x07", "\x1b", "\x7f", "\r"]))
            text = text[:at] + control + text[at:]
    encoding = draw(st.sampled_from(["utf-8"] * 6 + ["utf-16", "latin-1", "bytes"]))
    if encoding == "bytes":
        content = text.encode("utf-8", "surrogatepass") + draw(st.binary(max_size=20))
    else:
        errors = "replace" if encoding == "latin-1" else "surrogatepass"
        content = text.encode(encoding, errors=errors)
    return content, fmt


# -- what an input may give -----------------------------------------------------------------------


def _one_line(message: str, source: str) -> None:
    assert "\n" not in message and "Traceback" not in message, message
    problem = message.removeprefix(f"{source}: ")
    assert len(problem) <= 300, f"{len(problem)} characters: {problem[:200]}"


def _check_file(folder: Path, content: bytes, fmt: str) -> None:
    path = folder / f"payslip.{fmt}"
    path.write_bytes(content)
    out, err = io.StringIO(), io.StringIO()
    start = time.monotonic()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["check", str(path)])
    assert time.monotonic() - start < BUDGET, "over the time budget"
    assert code in (0, 1, 2), code
    STATS["inputs tried"] += 1
    if code == 2:
        STATS["refused"] += 1
        lines = err.getvalue().splitlines()
        assert len(lines) == 1, err.getvalue()
        _one_line(lines[0].removeprefix("paycheck: "), str(path))
    else:
        STATS["checked"] += 1
        assert err.getvalue() == ""
    # The same file in a payroll run (a directory's record), and as a JSON line.
    forms = [Record(str(path), path, "path")]
    if fmt == "json":
        forms.append(Record("run.jsonl:1", content.decode("utf-8", "surrogateescape"), "json"))
    start = time.monotonic()
    for result in check_many(forms, jobs=1):
        if isinstance(result, RecordError):
            assert "internal error" not in result.reason, result.reason
            _one_line(result.reason, result.source or "")
    assert time.monotonic() - start < BUDGET, "over the time budget"


@SETTINGS
@given(mutated_file())
def test_mutated_example_files(folder, case):
    _check_file(folder, *case)


@SETTINGS
@given(
    st.sampled_from(FORMATS),
    st.one_of(
        st.binary(max_size=200),
        st.just(b""),
        st.just(b"\xef\xbb\xbf"),
        st.sampled_from(FILES).map(lambda p: p.read_bytes()[: len(p.read_bytes()) // 2]),
    ),
)
def test_empty_binary_and_cut_files(folder, fmt, content):
    _check_file(folder, content, fmt)


@SETTINGS
@given(mutated_data())
def test_mutated_data_to_validate(data):
    # A library caller's dict: floats, huge integers and deep lists never pass through a
    # parser's limits, so validate and check must hold on their own.
    STATS["dicts tried"] += 1
    try:
        payslip = paycheck.validate(data, source="data")
    except paycheck.InputError as exc:
        STATS["dicts refused"] += 1
        _one_line(str(exc), "data")
        assert exc.errors and all("\n" not in (e.value or "") for e in exc.errors)
        return
    start = time.monotonic()
    paycheck.check(payslip)
    assert time.monotonic() - start < BUDGET, "over the time budget"
