"""The value types of rule-pack parameters that are more than a number or a list of ids:
tables (tiers of day's pay, coverage clauses, service steps), a fine's status, and exact
fractions. Declared in :mod:`paycheck.law.vocabulary`, validated when a pack is loaded."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from operator import attrgetter
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PlainValidator

from paycheck.model import Category
from paycheck.money import CONTEXT


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def _exact(value: Any) -> Any:
    """A number in a pack: an integer or an exactly read decimal, never a bool or text."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise ValueError(f"expected a number, got {value!r}")
    return Decimal(value)


Number = Annotated[Decimal, BeforeValidator(_exact)]
"""A number in a rule pack (``21.75``, ``3``): read exactly, never as a float."""

Positive = Annotated[Number, Field(gt=0)]
NonNegative = Annotated[Number, Field(ge=0)]


class Fraction(str):
    """A share written as the law writes it: ``1/3`` stays exact, ``0.25`` is a decimal."""

    __slots__ = ()

    @property
    def number(self) -> Decimal:
        if "/" in self:
            top, bottom = self.split("/")
            return CONTEXT.divide(Decimal(top), Decimal(bottom))
        return Decimal(self)


def _fraction(value: Any) -> Any:
    if isinstance(value, str):
        top, slash, bottom = value.partition("/")
        if not (
            slash
            and top.isascii()
            and top.isdigit()
            and bottom.isascii()
            and bottom.isdigit()
            and int(bottom) > 0
        ):
            raise ValueError(f"expected a number or a fraction such as 1/3, got {value!r}")
        return Fraction(value)
    number = _exact(value)
    if not 0 <= number <= 1:
        raise ValueError(f"a share must be between 0 and 1, got {value}")
    return Fraction(format(number.normalize(), "f"))


Share = Annotated[Fraction, PlainValidator(_fraction)]
"""A share of wages: ``0.2``, or ``1/3`` kept exact."""


class FineStatus(StrEnum):
    """Whether an employer may fine: ``prohibited`` (any fine is owed back), or
    ``contested`` (arguable only on the bases the pack names, within any cap)."""

    PROHIBITED = "prohibited"
    CONTESTED = "contested"


class NoMinimum(StrEnum):
    """``none``: the law sets no minimum wage (as opposed to ``null``, a value the pack
    cannot give)."""

    NONE = "none"


class Tier(_Row):
    """Pay for work within the normal hours of a rest day or holiday: up to ``up_to`` times
    the normal daily hours, ``days`` days' pay."""

    up_to: Positive
    days: NonNegative


def _sorted_by(key: str, what: str) -> AfterValidator:
    """A validator that refuses an empty table and orders its rows by ``key``."""

    def check(rows: list[Any]) -> list[Any]:
        if not rows:
            raise ValueError(f"at least one {what} is needed")
        return sorted(rows, key=attrgetter(key))

    return AfterValidator(check)


Tiers = Annotated[list[Tier], _sorted_by("up_to", "tier")]


class Clause(_Row):
    """One way to be covered by a rule: every condition given must hold."""

    categories: list[Category] | None = None
    wage_at_most: NonNegative | None = None
    headcount_at_least: Annotated[int, Field(ge=1)] | None = None


class Step(_Row):
    """A figure that grows with length of service: from ``years`` of service, ``weeks``."""

    years: NonNegative
    weeks: NonNegative


Steps = Annotated[list[Step], _sorted_by("years", "step")]


class LeaveStep(_Row):
    """Annual leave that grows with length of service: from ``years`` of service, ``days``
    a year."""

    years: NonNegative
    days: NonNegative


LeaveSteps = Annotated[list[LeaveStep], _sorted_by("years", "step")]


class NoticeStep(_Row):
    """Notice that grows with length of service: from ``years`` of service, this many
    ``weeks``, ``days`` and ``months`` of notice (any mix; absent ones are 0)."""

    years: NonNegative
    weeks: NonNegative = Decimal(0)
    days: NonNegative = Decimal(0)
    months: NonNegative = Decimal(0)


NoticeSteps = Annotated[list[NoticeStep], _sorted_by("years", "step")]
