"""Rule packs: the law as dated, cited data.

A rule pack is a folder under ``src/rules`` (shipped as ``paycheck/rules``) with a
``jurisdiction.yaml`` and a ``parameters/`` folder holding one YAML file per declared
parameter (:mod:`paycheck.law.vocabulary`). Sub-jurisdictions are sub-folders: ``cn/gd/sz``
is ``CN-GD-SZ``. Looking a parameter up for ``CN-GD-SZ`` tries Shenzhen first, then
Guangdong, then China, and takes the first that has a value in force on the day.

Files are read with a safe loader and validated: an undeclared parameter, an unknown key, a
value of the wrong type or a malformed date is refused with a :class:`RulePackError` naming
the file and the key. Nothing in a file is executed. The only code a country's pack may add
is its calendar (``calendar(law)`` in its ``__init__.py``) and the named formulas only its
law has (``formulas.py``, see :mod:`paycheck.law.formulas`).
"""

from __future__ import annotations

import difflib
import hashlib
import importlib
import importlib.util
import os
import pickle
import sys
import tempfile
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cache, cached_property
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import ModuleType
from typing import Any, Generic, NamedTuple, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from paycheck.law import deadlines  # noqa: F401  (registers the engine's pay-deadline formulas)
from paycheck.law.calendar import Calendar
from paycheck.law.formulas import REGISTRY as FORMULAS
from paycheck.law.tables import Fraction
from paycheck.law.vocabulary import REGISTRY, Param
from paycheck.money import fmt_rate
from paycheck.reading import InputError, _ExactCLoader

T = TypeVar("T")


class Status(StrEnum):
    """How sure the law notes are of a value: read in a source, unverified, contested."""

    VERIFIED = "verified"
    UNVERIFIED = "unverified"
    CONTESTED = "contested"


class RulePackError(RuntimeError):
    """A rule pack file is malformed: a defect of the pack, not of the payslip."""


class MissingParameter(LookupError):
    """A check needs a parameter the rule pack has no value for on the day."""

    def __init__(self, name: str, day: date) -> None:
        super().__init__(name, day)
        self.name, self.day = name, day


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Reference(_Strict):
    title: str
    article: str | None = None
    href: str | None = None
    note: str | None = None


class DatedValue(_Strict):
    value: Any  # checked against the parameter's declared type when the pack is read
    reference: list[Reference] = Field(min_length=1)
    status: Status = Status.VERIFIED
    note: str | None = None

    @field_validator("reference", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, dict) else value


class Parameter(_Strict):
    """One parameter file: its label and unit as this law words them, and its dated values."""

    label: str
    description: str | None = None
    unit: str
    values: dict[date, DatedValue] = Field(min_length=1)


class JurisdictionInfo(_Strict):
    code: str
    name: str
    names: dict[str, str] = Field(default_factory=dict, description="The name in other languages.")
    example: str | None = Field(
        default=None, description="An example payslip in examples/, which `paycheck new` uses."
    )
    currency: str | None = None
    minor_unit: int | None = None
    note: str | None = None
    unsupported: str | None = Field(
        default=None,
        description="Why payslips here cannot be checked (a different law the pack lacks).",
    )


class Citation(NamedTuple):
    """Where a value comes from, as a finding shows it (a tuple: hashed fast, as findings
    gather each value's citations once)."""

    title: str
    article: str | None
    effective: date
    href: str | None
    status: Status
    jurisdiction: str

    def short(self) -> str:
        article = f" {self.article}" if self.article else ""
        return f"{self.title}{article}"


@dataclass(frozen=True)
class InForce(Generic[T]):
    """A parameter's value in force on a day, with where it comes from. ``value`` is None
    where the pack says ``null`` (the note says why)."""

    name: str
    label: str
    unit: str
    value: T | None
    effective: date
    status: Status
    citations: tuple[Citation, ...]
    jurisdiction: str
    note: str | None

    @cached_property
    def number(self) -> Decimal:
        """A number or share as a Decimal (``1/3`` divided exactly)."""
        value = self.value
        if isinstance(value, Fraction):
            return value.number
        if not isinstance(value, Decimal):
            raise TypeError(f"parameter {self.name} is not a number: {value!r}")
        return value

    @property
    def shown(self) -> str:
        """The value as the law states it (``1/3`` stays a fraction)."""
        return str(self.value) if isinstance(self.value, Fraction) else fmt_rate(self.number)

    @property
    def settled(self) -> bool:
        return self.status is Status.VERIFIED

    @property
    def why(self) -> str:
        """The note, as a clause: no final full stop."""
        return (self.note or "").strip().rstrip(".")


# -- reading packs ---------------------------------------------------------------------------


def rules_package() -> ModuleType:
    """The rule packs as the package ``paycheck.rules``: in an installed wheel they are
    there already; in a source tree (an editable install, or ``PYTHONPATH=src``) it is
    ``src/rules``, beside the engine, registered under that name."""
    try:
        return importlib.import_module("paycheck.rules")
    except ModuleNotFoundError:
        folder = Path(__file__).resolve().parents[2] / "rules"
        spec = importlib.util.spec_from_file_location(
            "paycheck.rules", folder / "__init__.py", submodule_search_locations=[str(folder)]
        )
        if spec is None or spec.loader is None or not folder.is_dir():
            raise RulePackError(f"no rule packs found (looked in {folder})") from None
        module = importlib.util.module_from_spec(spec)
        sys.modules["paycheck.rules"] = module
        spec.loader.exec_module(module)
        return module


def _load_yaml(node: Traversable, where: str) -> Any:
    try:
        return yaml.load(node.read_text(encoding="utf-8"), Loader=_ExactCLoader)
    except yaml.YAMLError as exc:
        raise RulePackError(f"{where}: malformed YAML: {' '.join(str(exc).split())}") from None


def _one_line(exc: ValidationError, prefix: str = "") -> str:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in (prefix, *first["loc"]) if part != "")
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    message = str(first["msg"]).removeprefix("Value error, ")
    value = first.get("input")
    shown = ""
    if first["type"] != "value_error" and isinstance(value, str | bool | int | Decimal):
        shown = f" (got {str(value)[:60]!r})" if isinstance(value, str) else f" (got {value})"
    return f"{where}: {message}{shown}{more}"


@dataclass(frozen=True)
class Declared:
    """A parameter file read against its declaration: the values checked and typed."""

    param: Param[Any]
    file: Parameter
    values: dict[date, Any]  # the typed value of each date (None for null)


def _read_parameter(node: Traversable, where: str) -> Declared:
    name = node.name.removesuffix(".yaml")
    param = REGISTRY.get(name)
    if param is None:
        close = difflib.get_close_matches(name, REGISTRY, n=1)
        hint = f": did you mean {close[0]}?" if close else " (see paycheck.law.vocabulary)"
        raise RulePackError(f"{where}: undeclared parameter {name!r}{hint}")
    try:
        file = Parameter.model_validate(_load_yaml(node, where))
    except ValidationError as exc:
        raise RulePackError(f"{where}: {_one_line(exc)}") from None
    values: dict[date, Any] = {}
    for start, dated in file.values.items():
        try:
            values[start] = None if dated.value is None else param.validate(dated.value)
        except ValidationError as exc:
            raise RulePackError(f"{where}: {_one_line(exc, f'values.{start}.value')}") from None
    return Declared(param, file, values)


@dataclass(frozen=True)
class Pack:
    """One level of the hierarchy (China, Guangdong, Shenzhen)."""

    info: JurisdictionInfo
    parameters: dict[str, Declared]
    path: str


def _read_pack(folder: Traversable, where: str) -> Pack:
    info_data = _load_yaml(folder / "jurisdiction.yaml", f"{where}/jurisdiction.yaml")
    try:
        info = JurisdictionInfo.model_validate(info_data)
    except ValidationError as exc:
        raise RulePackError(f"{where}/jurisdiction.yaml: {_one_line(exc)}") from None
    params: dict[str, Declared] = {}
    param_dir = folder / "parameters"
    if param_dir.is_dir():
        for node in sorted(param_dir.iterdir(), key=lambda n: n.name):
            if not node.name.endswith(".yaml"):
                raise RulePackError(
                    f"{where}/parameters/{node.name}: not a parameter file (name.yaml)"
                )
            declared = _read_parameter(node, f"{where}/parameters/{node.name}")
            params[declared.param.name] = declared
    return Pack(info=info, parameters=params, path=where)


@cache
def pack(code: str) -> Pack | None:
    """One level's pack, read from its folder alone (``CN-GD-SZ`` is ``rules/cn/gd/sz``), or
    None where there is none. A check reads only the levels of its payslip's jurisdiction."""
    parts = code.lower().split("-")
    folder = _folder(code)
    if not (folder / "jurisdiction.yaml").is_file():
        return None
    if len(parts) == 1:  # declares the country's own parameters and formulas
        _country_module(parts[0])
    else:
        pack("-".join(parts[:-1]).upper())  # the country's first, for its declarations
    where = "/".join(["rules", *parts])
    found = _kept(folder, where, code)
    if found.info.code != code:
        raise RulePackError(f"{where}: code {found.info.code} should be {code}")
    _formulas_known(found)
    return found


_keep_in: Path | None = None


@contextmanager
def keep_packs_in(folder: Path | None) -> Iterator[None]:
    """Inside the block, keep each pack, once read, in ``folder`` (a pickle named by the
    pack and a digest of its files' names, sizes and times, of the code that reads and types
    them, and of Python's version), and read it from there while none of those changed.
    Reading and validating a pack's YAML is most of a one-payslip command's work: the
    command line keeps them; the library alone never writes a file. None: keep nothing."""
    global _keep_in
    before, _keep_in = _keep_in, folder
    try:
        yield
    finally:
        _keep_in = before


def _kept(folder: Traversable, where: str, code: str) -> Pack:
    """A pack read from its folder, or from where :func:`keep_packs_in` keeps it."""
    keep = _keep_in
    if keep is None or not isinstance(folder, Path):
        return _read_pack(folder, where)
    try:
        file = keep / f"{code}-{_digest(folder, code)}.pickle"
    except OSError:
        return _read_pack(folder, where)
    try:
        with file.open("rb") as f:
            kept = pickle.load(f)
        if isinstance(kept, Pack) and kept.path == where:
            return kept
    except Exception:  # absent, unreadable or from another version: read the pack again
        pass
    found = _read_pack(folder, where)
    _keep(found, keep, file)
    return found


def _keep(found: Pack, keep: Path, file: Path) -> None:
    """Write a pack where it is kept, replacing its stale copies; a folder that cannot be
    written keeps nothing, and the check goes on."""
    temporary = None
    try:
        keep.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=keep, suffix=".tmp", delete=False) as out:
            temporary = Path(out.name)
            pickle.dump(found, out, protocol=pickle.HIGHEST_PROTOCOL)
        code = found.info.code
        for old in keep.glob(f"{code}-*.pickle"):
            if "-" not in old.stem[len(code) + 1 :]:  # this pack's, not a sub-pack's
                old.unlink(missing_ok=True)
        os.replace(temporary, file)
    except Exception:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def _digest(folder: Path, code: str) -> str:
    """What a kept pack depends on: its files, the engine's code that reads and types them,
    the country's own code (its declarations and formulas), and Python's version."""
    country = Path(str(_folder(code.split("-")[0])))
    law = Path(__file__).parent
    files = [
        folder / "jurisdiction.yaml",
        *sorted((folder / "parameters").glob("*.yaml")),
        *(law / name for name in ("packs.py", "vocabulary.py", "tables.py", "formulas.py")),
        *(law.parent / name for name in ("model.py", "money.py")),  # the values' types
        *sorted(country.glob("*.py")),
    ]
    stats = [(str(f), st.st_size, st.st_mtime_ns) for f in files for st in [f.stat()]]
    return hashlib.sha256(repr((sys.version_info, stats)).encode()).hexdigest()[:24]


def _folder(code: str) -> Traversable:
    folder: Traversable = resources.files(rules_package())
    for part in code.lower().split("-"):
        folder = folder / part
    return folder


def has_subdivisions(code: str) -> bool:
    """Whether a jurisdiction has packs below it (a province, a city)."""
    folder = _folder(code)
    return folder.is_dir() and any(
        child.is_dir() and (child / "jurisdiction.yaml").is_file() for child in folder.iterdir()
    )


def subdivisions_with(code: str, name: str, on: date) -> bool:
    """Whether a pack below a jurisdiction (a province, a city, at any depth) has a value
    of a parameter in force on ``on``: a value missing at ``code`` may then be found at a
    more specific code."""

    def below(folder: Traversable, parts: list[str]) -> bool:
        for child in sorted(folder.iterdir(), key=lambda n: n.name):
            if not (child.is_dir() and (child / "jurisdiction.yaml").is_file()):
                continue
            level = pack("-".join([*parts, child.name]).upper())
            declared = level.parameters.get(name) if level is not None else None
            if declared is not None:
                starts = [d for d in declared.values if d <= on]
                if starts and declared.values[max(starts)] is not None:
                    return True
            if below(child, [*parts, child.name]):
                return True
        return False

    folder = _folder(code)
    return folder.is_dir() and below(folder, code.lower().split("-"))


@cache
def all_packs() -> dict[str, Pack]:
    """Every jurisdiction shipped, by code (``CN``, ``CN-GD``, ``CN-GD-SZ``...)."""
    found: dict[str, Pack] = {}

    def walk(folder: Traversable, parts: list[str]) -> None:
        for child in sorted(folder.iterdir(), key=lambda n: n.name):
            if child.is_dir() and (child / "jurisdiction.yaml").is_file():
                code = "-".join([*parts, child.name]).upper()
                level = pack(code)
                if level is None or level.info.code != code:
                    raise RulePackError(f"rules/{child.name}: not a pack for {code}")
                found[code] = level
                walk(child, [*parts, child.name])

    walk(resources.files(rules_package()), [])
    return found


def _formulas_known(pack: Pack) -> None:
    """Every formula a pack names is registered (by the engine or the country's pack)."""
    for declared in pack.parameters.values():
        family = declared.param.family
        if family is None:
            continue
        for start, value in declared.values.items():
            names = value if isinstance(value, list) else [value] if value else []
            unknown = [n for n in names if (family, n) not in FORMULAS]
            if unknown:
                known = ", ".join(n for f, n in sorted(FORMULAS) if f == family) or "none"
                raise RulePackError(
                    f"{pack.path}/parameters/{declared.param.name}.yaml: values.{start}.value: "
                    f"no {family} formula named {unknown[0]!r} (registered: {known})"
                )


def known_jurisdiction(code: str) -> tuple[bool, str]:
    """Whether a jurisdiction code has a rule pack at each level, and if not, a one-line
    reason (listing the packs there are)."""
    parts = code.split("-")
    if all(pack("-".join(parts[: n + 1])) is not None for n in range(len(parts))):
        return True, ""
    listed = ", ".join(sorted(all_packs()))
    return False, f"unknown jurisdiction {code!r}: rule packs exist for {listed}"


Series = tuple[list[date], list[InForce[Any]]]


class Law:
    """The parameters of a jurisdiction and its parents, looked up by day."""

    def __init__(self, code: str) -> None:
        parts = code.split("-")
        chain = [pack("-".join(parts[: n + 1])) for n in range(len(parts))]
        if any(level is None for level in chain):
            raise InputError(known_jurisdiction(code)[1], field="jurisdiction")
        self.code = code
        self.levels: tuple[Pack, ...] = tuple(p for p in reversed(chain) if p is not None)
        self._series = self._build_series()
        self.minor_unit: int = next(
            (p.info.minor_unit for p in self.levels if p.info.minor_unit is not None), 2
        )
        self.currency: str | None = next(
            (p.info.currency for p in self.levels if p.info.currency), None
        )
        self._memo: dict[tuple[str, date], InForce[Any] | None] = {}

    @cached_property
    def unsupported(self) -> str | None:
        """Why this jurisdiction's payslips cannot be checked, if a level says so."""
        return next((p.info.unsupported for p in self.levels if p.info.unsupported), None)

    @property
    def root(self) -> Pack:
        return self.levels[-1]

    @cached_property
    def name(self) -> str:
        return " / ".join(p.info.name for p in reversed(self.levels))

    @property
    def example(self) -> str | None:
        """The example payslip of the most specific level that names one."""
        return next((p.info.example for p in self.levels if p.info.example), None)

    def name_in(self, lang: str) -> str:
        """The jurisdiction's name in a language (each level's English name where it has no
        other)."""
        return " / ".join(p.info.names.get(lang, p.info.name) for p in reversed(self.levels))

    def names(self) -> list[str]:
        return sorted({name for pack in self.levels for name in pack.parameters})

    def get(self, param: Param[T], on: date) -> InForce[T] | None:
        """The value in force on ``on``: the most specific level with a value that day.

        A value of ``null`` in force at the most specific level means "no such value here"
        (the note says why). Answers are memoised: a payroll run asks the same few
        questions many times.
        """
        key = (param.name, on)
        try:
            return self._memo[key]
        except KeyError:
            pass
        found = None
        for starts, values in self._series.get(param.name, ()):
            at = bisect_right(starts, on)
            if at:
                found = values[at - 1]
                break
        if len(self._memo) > 100_000:
            self._memo.clear()
        self._memo[key] = found
        return found

    def at_levels(self, param: Param[T], on: date) -> list[InForce[T]]:
        """The value in force on ``on`` at each level that has one, most specific first
        (for a law where the highest of the levels applies, not the nearest)."""
        found = []
        for starts, values in self._series.get(param.name, ()):
            at = bisect_right(starts, on)
            if at:
                found.append(values[at - 1])
        return found

    def _build_series(self) -> dict[str, list[Series]]:
        """Per parameter, per level (most specific first): sorted start dates and values."""
        out: dict[str, list[Series]] = {}
        for pack in self.levels:
            for name, declared in pack.parameters.items():
                starts = sorted(declared.values)
                values = [_in_force(declared, pack, start) for start in starts]
                out.setdefault(name, []).append((starts, values))
        return out

    def declared(self, name: str) -> Declared | None:
        """The most specific level's file of a parameter (for ``paycheck rules``)."""
        return next((p.parameters[name] for p in self.levels if name in p.parameters), None)

    @cached_property
    def calendar(self) -> Calendar:
        return _calendar(self.code)

    def module(self) -> ModuleType:
        """The country pack's Python package (its calendar and formulas)."""
        return _country_module(self.code.split("-")[0].lower())


def _country_module(folder: str) -> ModuleType:
    """A country's pack as Python: its calendar, and its own formulas and parameters
    (``formulas.py``, imported with it so that they are registered before its files are
    read)."""
    rules_package()
    module = importlib.import_module(f"paycheck.rules.{folder}")
    if importlib.util.find_spec(f"paycheck.rules.{folder}.formulas") is not None:
        importlib.import_module(f"paycheck.rules.{folder}.formulas")
    return module


def _in_force(declared: Declared, pack: Pack, start: date) -> InForce[Any]:
    dated = declared.file.values[start]
    cites = tuple(
        Citation(r.title, r.article, start, r.href, dated.status, pack.info.code)
        for r in dated.reference
    )
    return InForce(
        declared.param.name,
        declared.file.label,
        declared.file.unit,
        declared.values[start],
        start,
        dated.status,
        cites,
        pack.info.code,
        dated.note,
    )


@cache
def law(code: str) -> Law:
    """The :class:`Law` of a jurisdiction, built once per process."""
    return Law(code)


@cache
def _calendar(code: str) -> Calendar:
    """The calendar of a jurisdiction, made by its country pack's ``calendar(law)`` (which
    may look at the subdivision: a state's holidays)."""
    lw = law(code)
    make = getattr(lw.module(), "calendar", None)
    if make is None:
        country = code.split("-")[0].lower()
        raise RulePackError(f"rules/{country}: the pack defines no calendar(law)")
    result: Calendar = make(lw)
    return result
