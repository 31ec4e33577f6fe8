"""Rule packs: the law as dated, cited data.

A rule pack is a folder under ``paycheck/rules`` (``src/rules`` in the source
tree) with a ``jurisdiction.yaml`` and a ``parameters/`` folder holding one YAML
file per concept.  Sub-jurisdictions are sub-folders: ``cn/gd/sz`` is
``CN-GD-SZ``.  Looking a parameter up for ``CN-GD-SZ`` tries Shenzhen first, then
Guangdong, then China, and takes the first that has a value in force on the day.

Files are read with a safe loader and validated with pydantic; unknown keys are
refused and nothing in them is executed.  The only code a jurisdiction may add
is its calendar, in the pack's own Python package (``calendar(law)``).
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cache, cached_property
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any, NamedTuple, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from paycheck.calendar import Calendar
from paycheck.loader import InputError, _ExactLoader
from paycheck.money import CONTEXT, fmt_rate


class Status(StrEnum):
    """How sure the law notes are of a value: read in a source, unverified, contested."""

    VERIFIED = "verified"
    UNVERIFIED = "unverified"
    CONTESTED = "contested"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Reference(_Strict):
    title: str
    article: str | None = None
    href: str | None = None
    note: str | None = None


def days_pay(days: Decimal) -> str:
    """``1 day's pay``, ``2 days' pay``."""
    return f"{fmt_rate(days)} day's pay" if days == 1 else f"{fmt_rate(days)} days' pay"


class Tier(_Strict):
    """Pay for work within the normal hours of a rest day or holiday: up to ``up_to`` times
    the normal daily hours, ``days`` days' pay."""

    up_to: Decimal = Field(gt=0)
    days: Decimal = Field(ge=0)

    def text(self) -> str:
        return f"up to {fmt_rate(self.up_to)} x the normal hours: {days_pay(self.days)}"


class Clause(_Strict):
    """One way to be covered by a rule: every condition given must hold."""

    categories: list[str] | None = None
    wage_at_most: Decimal | None = None
    headcount_at_least: int | None = None

    @field_validator("categories")
    @classmethod
    def _known(cls, value: list[str] | None) -> list[str] | None:
        from paycheck.model import Category

        unknown = [c for c in value or [] if c not in {k.value for k in Category}]
        if unknown:
            raise ValueError(f"unknown categories {unknown}")
        return value

    def text(self) -> str:
        parts = []
        if self.categories is not None:
            parts.append(" or ".join(self.categories))
        if self.wage_at_most is not None:
            parts.append(f"monthly wage at most {fmt_rate(self.wage_at_most)}")
        if self.headcount_at_least is not None:
            parts.append(f"an employer of at least {self.headcount_at_least} employees")
        return ", ".join(parts) or "everyone"


class Step(_Strict):
    """A figure that grows with length of service: from ``years`` of service, ``weeks``."""

    years: Decimal = Field(ge=0)
    weeks: Decimal = Field(ge=0)

    def text(self) -> str:
        return f"from {fmt_rate(self.years)} years: {fmt_rate(self.weeks)} weeks"


ParamValue = bool | Decimal | str | list[str] | list[Tier] | list[Clause] | list[Step] | None
"""A parameter's value. A string such as ``1/3`` is an exact fraction where a decimal would
have to round (``InForce.number`` divides it)."""


class DatedValue(_Strict):
    value: ParamValue
    reference: list[Reference] = Field(min_length=1)
    status: Status = Status.VERIFIED
    note: str | None = None

    @field_validator("reference", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, dict) else value

    @field_validator("value", mode="before")
    @classmethod
    def _exact(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return Decimal(value)
        return value


class Parameter(_Strict):
    """One concept: its label, unit, the checks that use it and its dated values."""

    label: str
    description: str | None = None
    unit: str
    used_by: list[str] = Field(min_length=1)
    values: dict[date, DatedValue] = Field(min_length=1)

    @field_validator("used_by")
    @classmethod
    def _known_rules(cls, value: list[str]) -> list[str]:
        from paycheck.catalog import RULES

        unknown = [r for r in value if r not in RULES]
        if unknown:
            raise ValueError(f"used_by names unknown rule ids {unknown}")
        return value


class JurisdictionInfo(_Strict):
    code: str
    name: str
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
class InForce:
    """A parameter's value in force on a day, with where it comes from."""

    name: str
    label: str
    unit: str
    value: ParamValue
    effective: date
    status: Status
    citations: tuple[Citation, ...]
    jurisdiction: str
    note: str | None

    @cached_property
    def number(self) -> Decimal:
        if isinstance(self.value, str) and _FRACTION.fullmatch(self.value):
            top, bottom = self.value.split("/")
            return CONTEXT.divide(Decimal(top), Decimal(bottom))
        if not isinstance(self.value, Decimal):
            raise TypeError(f"parameter {self.name} is not a number: {self.value!r}")
        return self.value

    @property
    def shown(self) -> str:
        """The value as the law states it (``1/3`` stays a fraction)."""
        return self.value if isinstance(self.value, str) else fmt_rate(self.number)

    def rows(self, kind: type[_Row]) -> list[_Row]:
        """A table parameter's rows of the given kind (empty when it holds none)."""
        value = self.value
        if isinstance(value, list) and value and isinstance(value[0], kind):
            return list(value)
        return []

    @property
    def settled(self) -> bool:
        return self.status is Status.VERIFIED

    @cached_property
    def items(self) -> tuple[str, ...]:
        """A list parameter's items (worked out once: a payroll run asks for them often)."""
        value = self.value
        return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


_FRACTION = re.compile(r"[0-9]+/[1-9][0-9]*")
_Row = TypeVar("_Row", Tier, Clause, Step)


def items(param: InForce | None) -> tuple[str, ...]:
    """A list parameter's items (empty when the parameter is absent)."""
    return () if param is None else param.items


def flag(param: InForce | None) -> bool:
    """A yes/no parameter that is present and true."""
    return param is not None and param.value is True


def _load_yaml(node: Traversable, where: str) -> Any:
    try:
        return yaml.load(node.read_text(encoding="utf-8"), Loader=_ExactLoader)
    except yaml.YAMLError as exc:
        raise RulePackError(f"{where}: malformed YAML: {' '.join(str(exc).split())}") from None


class RulePackError(RuntimeError):
    """A rule pack file is malformed: a defect of the pack, not of the payslip."""


def _one_line(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where}: {first['msg']}{more}"


class MissingParameter(LookupError):
    """A check needs a parameter the rule pack has no value for on the day."""

    def __init__(self, name: str, day: date) -> None:
        super().__init__(name, day)
        self.name, self.day = name, day


@dataclass(frozen=True)
class Pack:
    """One level of the hierarchy (China, Guangdong, Shenzhen)."""

    info: JurisdictionInfo
    parameters: dict[str, Parameter]
    path: str


def _root() -> Traversable:
    return resources.files("paycheck.rules")


def _read_pack(folder: Traversable, where: str) -> Pack:
    info_data = _load_yaml(folder / "jurisdiction.yaml", f"{where}/jurisdiction.yaml")
    try:
        info = JurisdictionInfo.model_validate(info_data)
    except ValidationError as exc:
        raise RulePackError(f"{where}/jurisdiction.yaml: {_one_line(exc)}") from None
    params: dict[str, Parameter] = {}
    param_dir = folder / "parameters"
    if param_dir.is_dir():
        for node in sorted(param_dir.iterdir(), key=lambda n: n.name):
            if not node.name.endswith(".yaml"):
                continue
            name = node.name.removesuffix(".yaml")
            try:
                params[name] = Parameter.model_validate(
                    _load_yaml(node, f"{where}/parameters/{node.name}")
                )
            except ValidationError as exc:
                raise RulePackError(f"{where}/parameters/{node.name}: {_one_line(exc)}") from None
    return Pack(info=info, parameters=params, path=where)


@cache
def all_packs() -> dict[str, Pack]:
    """Every jurisdiction shipped, by code (``CN``, ``CN-GD``, ``CN-GD-SZ``...)."""
    found: dict[str, Pack] = {}

    def walk(folder: Traversable, where: str) -> None:
        for child in sorted(folder.iterdir(), key=lambda n: n.name):
            if child.is_dir() and (child / "jurisdiction.yaml").is_file():
                pack = _read_pack(child, f"{where}/{child.name}")
                expected = pack.path.removeprefix("rules/").replace("/", "-").upper()
                if pack.info.code != expected:
                    raise RulePackError(f"{pack.path}: code {pack.info.code} should be {expected}")
                found[pack.info.code] = pack
                walk(child, f"{where}/{child.name}")

    walk(_root(), "rules")
    return found


def known_jurisdiction(code: str) -> tuple[bool, str]:
    """Whether a jurisdiction code has a rule pack, and if not, a one-line reason."""
    packs = all_packs()
    if code in packs:
        return True, ""
    listed = ", ".join(sorted(packs))
    return False, f"unknown jurisdiction {code!r}: rule packs exist for {listed}"


class Law:
    """The parameters of a jurisdiction and its parents, looked up by day."""

    def __init__(self, code: str) -> None:
        packs = all_packs()
        parts = code.split("-")
        chain = ["-".join(parts[: n + 1]) for n in range(len(parts))]
        missing = [c for c in chain if c not in packs]
        if missing:
            raise InputError(known_jurisdiction(code)[1], field="jurisdiction")
        self.code = code
        self.levels: tuple[Pack, ...] = tuple(packs[c] for c in reversed(chain))  # most specific
        self._series = self._build_series()
        self._minor_unit = next(
            (p.info.minor_unit for p in self.levels if p.info.minor_unit is not None), 2
        )
        self._currency = next((p.info.currency for p in self.levels if p.info.currency), None)
        self._memo: dict[tuple[str, date], InForce | None] = {}

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
    def minor_unit(self) -> int:
        return self._minor_unit

    @property
    def currency(self) -> str | None:
        return self._currency

    def names(self) -> list[str]:
        return sorted({name for pack in self.levels for name in pack.parameters})

    def get(self, name: str, on: date) -> InForce | None:
        """The value in force on ``on``: the most specific level with a value that day.

        A value of ``null`` in force at the most specific level means "no such rule here".
        Answers are memoised: a payroll run asks the same few questions many times.
        """
        key = (name, on)
        try:
            return self._memo[key]
        except KeyError:
            pass
        found = None
        for series in self._series.get(name, ()):
            at = bisect_right(series[0], on)
            if at:
                found = series[1][at - 1]
                break
        if len(self._memo) > 100_000:
            self._memo.clear()
        self._memo[key] = found
        return found

    def _build_series(self) -> dict[str, list[tuple[list[date], list[InForce]]]]:
        """Per parameter, per level (most specific first): sorted start dates and values."""
        out: dict[str, list[tuple[list[date], list[InForce]]]] = {}
        for pack in self.levels:
            for name, param in pack.parameters.items():
                starts = sorted(param.values)
                values = [self._in_force(name, param, pack, start) for start in starts]
                out.setdefault(name, []).append((starts, values))
        return out

    @staticmethod
    def _in_force(name: str, param: Parameter, pack: Pack, start: date) -> InForce:
        dated = param.values[start]
        cites = tuple(
            Citation(r.title, r.article, start, r.href, dated.status, pack.info.code)
            for r in dated.reference
        )
        return InForce(
            name,
            param.label,
            param.unit,
            dated.value,
            start,
            dated.status,
            cites,
            pack.info.code,
            dated.note,
        )

    def parameter(self, name: str) -> Parameter | None:
        return next((p.parameters[name] for p in self.levels if name in p.parameters), None)

    @cached_property
    def calendar(self) -> Calendar:
        return _calendar(self.code)


@cache
def law(code: str) -> Law:
    """The :class:`Law` of a jurisdiction, built once per process."""
    return Law(code)


@cache
def _calendar(code: str) -> Calendar:
    """The calendar of a jurisdiction, made by its country pack's ``calendar(law)`` (which
    may look at the subdivision: a state's holidays)."""
    root = code.split("-")[0].lower()
    module = importlib.import_module(f"paycheck.rules.{root}")
    make = getattr(module, "calendar", None)
    if make is None:
        raise RulePackError(f"rules/{root}: the pack defines no calendar(law)")
    result: Calendar = make(law(code))
    return result
