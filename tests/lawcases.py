"""The law cases as data: a pytest plugin that runs ``tests/cases/<jurisdiction>/*.yaml``.

Each case file is a YAML list of cases; each case is one test, named by its file and its
``name``. ``_bases.yaml`` in a jurisdiction's folder holds the named payslips the cases start
from. The format, field by field, is in ``tests/cases/README.md``.

A case is run through the public API only (``paycheck.validate``, ``paycheck.load``,
``paycheck.check``) and compared with the report's fields. A failure lists every difference,
each finding on one line (rule / severity / line / owed / uncertain), written so that it can
be pasted into the case.

Registered by ``tests/conftest.py``; ``pytest -p lawcases`` loads it anywhere else.
"""

from __future__ import annotations

import copy
import json
import re
import tomllib
from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pytest
import yaml

import paycheck
from paycheck import Finding, Report

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
BASES = "_bases.yaml"
"""The named base payslips of a jurisdiction's folder (not a case file)."""

CASE_KEYS = {"name", "base", "changes", "payslip", "example", "on", "expect"}
EXPECT_KEYS = {
    "findings", "findings_include", "ignore", "error", "total_owed", "total_uncertain",
    "exit_code", "lines", "lines_include", "notes",
}  # fmt: skip
FINDING_KEYS = {
    "rule", "severity", "line", "owed", "uncertain", "label", "message", "message_lacks",
    "computation", "computation_lacks", "cites", "first_cite", "unverified_from",
}  # fmt: skip
LINE_KEYS = {"line", "label", "stated", "expected", "difference"}
ZERO = Decimal("0.00")


class CaseError(Exception):
    """A case file that cannot be read as cases: the file, the case and what is wrong."""


class CaseFailed(AssertionError):
    """The report differs from what the case expects (every difference, one per line)."""


# -- reading -----------------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """Safe YAML where a number with a decimal point stays its text: never a float."""


def _as_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


_Loader.add_constructor("tag:yaml.org,2002:float", _as_text)
# Only true and false are booleans (as in YAML 1.2): the key "on", the date to read the law
# on, must not turn into True, nor "no" into False.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as exc:
        raise CaseError(f"{path.name}: not valid YAML: {exc}") from None


def _unknown(where: str, given: Mapping[str, Any], known: set[str]) -> None:
    extra = sorted(set(given) - known)
    if extra:
        raise CaseError(
            f"{where}: unknown key {', '.join(map(repr, extra))} "
            f"(known: {', '.join(sorted(known))})"
        )


def check_case(where: str, case: Any) -> None:
    """Refuse a case whose shape is wrong, before it runs (a typo must not pass silently)."""
    if not isinstance(case, dict) or not isinstance(case.get("name"), str):
        raise CaseError(f"{where}: each case is a mapping with a name")
    _unknown(where, case, CASE_KEYS)
    sources = [k for k in ("base", "payslip", "example") if k in case]
    if len(sources) != 1:
        raise CaseError(f"{where}: give exactly one of base, payslip or example")
    if "changes" in case and "payslip" in case:
        raise CaseError(f"{where}: changes apply to a base or an example, not a payslip")
    if not isinstance(case.get("changes", {}), dict):
        raise CaseError(f"{where}: changes is a mapping of what differs from the base")
    if "on" in case and not isinstance(case["on"], date):
        raise CaseError(f"{where}: on is a date, written 2023-06-30")
    expect = case.get("expect")
    if not isinstance(expect, dict):
        raise CaseError(f"{where}: expect is required")
    _unknown(f"{where}: expect", expect, EXPECT_KEYS)
    modes = [k for k in ("findings", "findings_include", "error") if k in expect]
    if len(modes) != 1:
        raise CaseError(
            f"{where}: expect gives exactly one of findings (all of them), "
            "findings_include (at least these) or error"
        )
    for key in ("findings", "findings_include", "lines", "lines_include"):
        if key in expect and not isinstance(expect[key], list):
            raise CaseError(f"{where}: {key} is a list ({key}: [] for none)")
    for key in ("findings", "findings_include"):
        for i, spec in enumerate(expect.get(key, [])):
            if not isinstance(spec, dict):
                raise CaseError(f"{where}: {key}[{i}] is not a mapping")
            _unknown(f"{where}: {key}[{i}]", spec, FINDING_KEYS)
            missing = [k for k in ("rule", "severity", "line") if k not in spec]
            if missing:
                raise CaseError(
                    f"{where}: {key}[{i}] needs {', '.join(missing)} "
                    "(line: null for a finding on no line)"
                )
    for key in ("lines", "lines_include"):
        for i, spec in enumerate(expect.get(key, [])):
            if not isinstance(spec, dict) or "line" not in spec:
                raise CaseError(f"{where}: {key}[{i}] is a mapping with a line")
            _unknown(f"{where}: {key}[{i}]", spec, LINE_KEYS)


# -- building the payslip ----------------------------------------------------------------------


def merge(base: Any, changes: Any) -> Any:
    """Mappings merge key by key and ``null`` removes a key; anything else (a list too)
    replaces what was there."""
    if isinstance(base, dict) and isinstance(changes, dict):
        out = dict(base)
        for key, value in changes.items():
            if value is None:
                out.pop(key, None)
            else:
                out[key] = merge(base[key], value) if key in base else copy.deepcopy(value)
        return out
    return copy.deepcopy(changes)


def net_of(data: Mapping[str, Any]) -> str:
    """Stated earnings minus stated deductions, as a decimal string."""
    earned = sum((Decimal(str(e["amount"])) for e in data.get("earnings") or []), Decimal(0))
    withheld = sum((Decimal(str(d["amount"])) for d in data.get("deductions") or []), Decimal(0))
    return str(earned - withheld)


def with_changes(base: dict[str, Any], changes: dict[str, Any] | None) -> dict[str, Any]:
    """``base`` with ``changes`` merged in; net pay is earnings minus deductions unless the
    changes give it (``net_pay: null`` leaves it out)."""
    changes = changes or {}
    data: dict[str, Any] = merge(base, changes)
    if "net_pay" not in changes:
        data["net_pay"] = net_of(data)
    return data


def resolve_base(name: str, bases: dict[str, Any], seen: tuple[str, ...] = ()) -> dict[str, Any]:
    """A named base payslip; a base may itself be ``{base: other, changes: {...}}``."""
    if name in seen:
        raise CaseError(f"{BASES}: the bases {' -> '.join((*seen, name))} form a circle")
    if name not in bases:
        known = ", ".join(sorted(bases)) or "none"
        raise CaseError(f"no base {name!r} in {BASES} (known: {known})")
    entry = bases[name]
    if isinstance(entry, dict) and "base" in entry:
        _unknown(f"{BASES}: {name}", entry, {"base", "changes"})
        return with_changes(resolve_base(entry["base"], bases, (*seen, name)), entry.get("changes"))
    if not isinstance(entry, dict):
        raise CaseError(f"{BASES}: {name} is not a payslip")
    return copy.deepcopy(entry)


def read_example(name: str) -> dict[str, Any]:
    """An example payslip as data (numbers with a fraction kept as their text)."""
    path = EXAMPLES / name
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        data = json.loads(text, parse_float=str)
    elif path.suffix == ".toml":
        data = tomllib.loads(text, parse_float=str)
    else:
        data = yaml.load(text, Loader=_Loader)
    if not isinstance(data, dict):
        raise CaseError(f"examples/{name} is not a payslip")
    return data


def payslip_of(case: dict[str, Any], bases: dict[str, Any]) -> paycheck.Payslip:
    if "example" in case and "changes" in case:
        return paycheck.validate(with_changes(read_example(case["example"]), case["changes"]))
    if "example" in case:
        return paycheck.load(EXAMPLES / case["example"])
    if "payslip" in case:
        return paycheck.validate(copy.deepcopy(case["payslip"]))
    return paycheck.validate(with_changes(resolve_base(case["base"], bases), case.get("changes")))


# -- comparing ---------------------------------------------------------------------------------


def money(value: Any) -> Decimal:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise CaseError(f"{value!r} is not an amount of money") from None


def _phrases(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _day(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def shown(value: Any) -> str:
    """A line or amount as YAML shows it: quoted, or null."""
    return "null" if value is None else f'"{value}"'


def key_of_spec(spec: Mapping[str, Any]) -> tuple[Any, ...]:
    return (
        spec["rule"],
        spec["severity"],
        spec["line"],
        money(spec.get("owed", ZERO)),
        money(spec.get("uncertain", ZERO)),
    )


def key_of(f: Finding) -> tuple[Any, ...]:
    return (f.rule, f.severity.value, f.line, f.amount_owed, f.amount_uncertain)


def one_line(f: Finding) -> str:
    """A finding as one line of YAML, ready to paste into ``findings``."""
    return (
        f"{{rule: {f.rule}, severity: {f.severity.value}, line: {shown(f.line)}, "
        f"owed: {shown(f.amount_owed)}, uncertain: {shown(f.amount_uncertain)}}}"
    )


def spec_line(spec: Mapping[str, Any]) -> str:
    rule, severity, line, owed, uncertain = key_of_spec(spec)
    return (
        f"{{rule: {rule}, severity: {severity}, line: {shown(line)}, "
        f"owed: {shown(owed)}, uncertain: {shown(uncertain)}}}"
    )


def _cited(f: Finding) -> str:
    return "\n".join(f"{c.title} {c.article or ''}" for c in f.citations)


def phrase_problems(spec: Mapping[str, Any], f: Finding) -> list[str]:
    """What a finding lacks that the case asks of it (its key already matches)."""
    out: list[str] = []
    computation = "\n".join(f.computation)
    for phrase in _phrases(spec.get("computation")):
        if phrase not in computation:
            out.append(f"computation lacks {phrase!r}")
    for phrase in _phrases(spec.get("computation_lacks")):
        if phrase in computation:
            out.append(f"computation has {phrase!r}")
    for phrase in _phrases(spec.get("message")):
        if phrase not in f.message:
            out.append(f"message lacks {phrase!r}")
    for phrase in _phrases(spec.get("message_lacks")):
        if phrase in f.message:
            out.append(f"message has {phrase!r}")
    cited = _cited(f)
    for phrase in _phrases(spec.get("cites")):
        if phrase not in cited:
            out.append(f"no citation has {phrase!r}")
    if "first_cite" in spec:
        first = f.citations[0].short() if f.citations else None
        if first != spec["first_cite"]:
            out.append(f"first citation is {first!r}, not {spec['first_cite']!r}")
    if "unverified_from" in spec:
        got = sorted(c.effective.isoformat() for c in f.citations if c.status == "unverified")
        want = sorted(_day(d) for d in _phrases(spec["unverified_from"]))
        if got != want:
            out.append(f"unverified citations in force from {got}, not {want}")
    if "label" in spec and f.line_label != spec["label"]:
        out.append(f"line label is {shown(f.line_label)}, not {shown(spec['label'])}")
    if out:
        out.append("message: " + f.message)
        out.extend("computation: " + line for line in f.computation)
        out.extend("cites: " + c.short() for c in f.citations)
    return out


def _match(specs: list[Mapping[str, Any]], found: list[Finding]) -> dict[int, int]:
    """Pair each expected finding with a distinct finding it fits (a maximum matching)."""
    fits = [
        [
            j
            for j, f in enumerate(found)
            if key_of(f) == key_of_spec(s) and not phrase_problems(s, f)
        ]
        for s in specs
    ]
    owner: dict[int, int] = {}

    def place(i: int, tried: set[int]) -> bool:
        for j in fits[i]:
            if j not in tried:
                tried.add(j)
                if j not in owner or place(owner[j], tried):
                    owner[j] = i
                    return True
        return False

    for i in range(len(specs)):
        place(i, set())
    return {i: j for j, i in owner.items()}


def compare_findings(expect: Mapping[str, Any], report: Report) -> list[str]:
    exact = "findings" in expect
    specs: list[Mapping[str, Any]] = list(
        expect.get("findings" if exact else "findings_include") or []
    )
    ignored = set(_phrases(expect.get("ignore")))
    found = [f for f in report.findings if f.rule not in ignored]
    paired = _match(specs, found)
    out: list[str] = []
    taken = set(paired.values())
    for i, spec in enumerate(specs):
        if i in paired:
            continue
        near = [j for j, f in enumerate(found) if key_of(f) == key_of_spec(spec) and j not in taken]
        if near:
            taken.add(near[0])
            out.append(f"expected finding {spec_line(spec)} is there, but:")
            out.extend(f"    {p}" for p in phrase_problems(spec, found[near[0]]))
        else:
            out.append(f"expected, not found: {spec_line(spec)}")
    if exact:
        for j, f in enumerate(found):
            if j not in taken:
                out.append(f"found, not expected: {one_line(f)}")
                out.append(f"    message: {f.message}")
    if out:
        out.append("all findings of the report:")
        out.extend(f"  - {one_line(f)}" for f in report.findings)
        if not report.findings:
            out.append("  (none)")
    return out


def compare_lines(expect: Mapping[str, Any], report: Report) -> list[str]:
    exact = "lines" in expect
    specs = expect.get("lines" if exact else "lines_include") or []
    out: list[str] = []
    table = list(report.lines)
    for spec in specs:
        hits = [
            ln
            for ln in table
            if ln.line == spec["line"] and ("label" not in spec or ln.label == spec["label"])
        ]
        if len(hits) != 1:
            out.append(f"{len(hits)} lines {spec['line']} in the earnings table, not 1")
            continue
        got = hits[0]
        for field in ("stated", "expected", "difference"):
            if field in spec:
                want = None if spec[field] is None else money(spec[field])
                if getattr(got, field) != want:
                    out.append(
                        f"line {spec['line']}: {field} {shown(getattr(got, field))}, "
                        f"not {shown(want)}"
                    )
        table.remove(got)
    if exact and table:
        out.extend(
            f"line not expected: {ln.line} stated {ln.stated} expected {ln.expected}"
            for ln in table
        )
    return out


def compare(expect: Mapping[str, Any], report: Report) -> list[str]:
    out = compare_findings(expect, report)
    for field in ("total_owed", "total_uncertain"):
        if field in expect and getattr(report, field) != money(expect[field]):
            out.append(f"{field} {shown(getattr(report, field))}, not {shown(expect[field])}")
    if "exit_code" in expect and report.exit_code != expect["exit_code"]:
        out.append(f"exit_code {report.exit_code}, not {expect['exit_code']}")
    if "lines" in expect or "lines_include" in expect:
        out.extend(compare_lines(expect, report))
    for phrase in _phrases(expect.get("notes")):
        if not any(phrase in note for note in report.notes):
            out.append(f"no note has {phrase!r}; the notes are: {report.notes}")
    return out


def run_case(case: dict[str, Any], bases: dict[str, Any]) -> list[str]:
    """Every way the report differs from the case (none: the case holds)."""
    expect = case["expect"]
    try:
        report = paycheck.check(payslip_of(case, bases), on=case.get("on"))
    except paycheck.InputError as exc:
        if "error" in expect:
            phrase = str(expect["error"])
            return [] if phrase in str(exc) else [f"refused with {str(exc)!r}, not {phrase!r}"]
        return [f"the payslip is refused: {exc}"]
    if "error" in expect:
        return [f"expected a refusal with {expect['error']!r}; the payslip was checked"]
    return compare(expect, report)


# -- pytest --------------------------------------------------------------------------------------


def is_case_file(path: Path) -> bool:
    """``cases/<jurisdiction>/<subject>.yaml``; ``_bases.yaml`` is not a case file."""
    return (
        path.suffix == ".yaml"
        and not path.name.startswith("_")
        and (path.parent.parent.name == "cases")
    )


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if is_case_file(file_path):
        return CaseFile.from_parent(parent, path=file_path)
    return None


class CaseFile(pytest.File):
    def collect(self) -> Iterator[CaseItem]:
        cases = read_yaml(self.path)
        if not isinstance(cases, list) or not cases:
            raise CaseError(f"{self.path.name}: a case file is a list of cases (- name: ...)")
        bases: dict[str, Any] = {}
        # _bases.yaml, and _bases-<subject>.yaml beside it (a name given once in the folder)
        for bases_file in sorted(self.path.parent.glob("_bases*.yaml")):
            found = read_yaml(bases_file)
            if not isinstance(found, dict):
                raise CaseError(f"{bases_file}: a mapping of names to payslips")
            twice = sorted(set(found) & set(bases))
            if twice:
                raise CaseError(f"{bases_file}: the base {twice[0]!r} is named twice")
            bases.update(found)
        names: set[str] = set()
        for i, case in enumerate(cases):
            named = case.get("name") if isinstance(case, dict) else None
            where = f"{self.path.name}: case {i + 1}" + (f" ({named!r})" if named else "")
            check_case(where, case)
            if case["name"] in names:
                raise CaseError(f"{where}: the name {case['name']!r} is used twice")
            names.add(case["name"])
            if "base" in case:
                try:
                    resolve_base(case["base"], bases)
                except CaseError as exc:
                    raise CaseError(f"{where}: {exc}") from None
            yield CaseItem.from_parent(self, name=case["name"], case=case, bases=bases)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, CaseError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


class CaseItem(pytest.Item):
    def __init__(self, *, case: dict[str, Any], bases: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case
        self.bases = bases

    def runtest(self) -> None:
        problems = run_case(self.case, self.bases)
        if problems:
            raise CaseFailed("\n".join(problems))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, CaseFailed | CaseError):
            return f"{self.path.name}: {self.name}\n{excinfo.value}"
        return super().repr_failure(excinfo, style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"{self.path.name}: {self.name}"
