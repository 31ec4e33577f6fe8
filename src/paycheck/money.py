"""Money and exact quantities: ``decimal.Decimal`` end to end, never float.

Rounding happens at one documented point: each money line of a computation is
rounded half-up to the currency's minor unit once (:func:`round_money`).  Rates
(a daily or hourly wage) stay unrounded until they are multiplied into a line.
"""

from __future__ import annotations

import decimal
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PlainSerializer, WithJsonSchema

# Enough digits that a rate such as 6000 / 21.75 / 8 carries no visible error.
CONTEXT = decimal.Context(prec=34, rounding=ROUND_HALF_UP)

ZERO = Decimal(0)


class NumberLiteral(Decimal):
    """A number written with a fraction in an input file (``6000.5``), read exactly.

    The loaders build these instead of floats so that nothing is ever rounded
    through binary floating point; money fields refuse them, because money must be
    written as a string or an integer, while quantities such as hours accept them.
    """


_QUANTUM = {places: Decimal(1).scaleb(-places) for places in range(5)}


def round_money(amount: Decimal, minor_unit: int = 2) -> Decimal:
    """Round a money amount half-up to the minor unit (2 places for most currencies)."""
    return amount.quantize(_QUANTUM[minor_unit], rounding=ROUND_HALF_UP)


def fmt(amount: Decimal, places: int = 2) -> str:
    """Format an amount with a fixed number of places, for computations and tables."""
    return format(amount.quantize(_QUANTUM[places], rounding=ROUND_HALF_UP), "f")


def fmt_sum(terms: list[Decimal], total: Decimal) -> str:
    """``a + b = total`` for a computation line; just ``total`` for one term or none."""
    shown = [fmt(t) for t in terms]
    if shown in ([], [fmt(total)]):
        return fmt(total)
    return f"{' + '.join(shown)} = {fmt(total)}"


def fmt_rate(value: Decimal) -> str:
    """Format a parameter such as 21.75 or 1.5 without trailing zeros."""
    return format(value.normalize(), "f")


# What the published schema allows: digits, a point, digits, with spaces around (Decimal
# reads those); a sign only so that a negative amount gets the clearer "greater than or
# equal to 0" message. [0-9], not \d, which would take other scripts' digits.
_AMOUNT = re.compile(r"\s*[+-]?[0-9]+(?:\.[0-9]+)?\s*")
# Fifteen digits before the point: above any real payslip line in any currency, and far
# enough inside the arithmetic's precision that no product of an amount, hours and a
# multiplier can overflow when it is rounded.
MONEY_DIGITS = 15
MONEY_LIMIT = Decimal(10) ** MONEY_DIGITS
QUANTITY_LIMIT = 10_000  # hours, days, weeks, divisors, multipliers


def _to_money(value: Any) -> Any:
    if isinstance(value, str):
        if _AMOUNT.fullmatch(value) is None:
            raise ValueError(f'{value!r} is not a decimal amount such as "6000.00"')
        parsed = Decimal(value)
    elif isinstance(value, bool):
        raise ValueError('money must be a decimal string such as "6000.00" or an integer')
    elif isinstance(value, float | NumberLiteral):
        raise ValueError(
            f'money must be a decimal string such as "{value}" or an integer, not a '
            f"number with a fraction ({value}): write it in quotes so no rounding can creep in"
        )
    elif isinstance(value, int):
        parsed = Decimal(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{value} is not a finite amount")
        parsed = value
    else:
        raise ValueError(
            f"money must be a decimal string or an integer, got {type(value).__name__}"
        )
    if parsed and parsed.adjusted() >= MONEY_DIGITS:
        raise ValueError(
            f"{value} is too large: an amount has at most {MONEY_DIGITS} digits before the point"
        )
    return parsed


def _to_quantity(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("expected a number")
    if isinstance(value, float):
        return Decimal(repr(value))  # float-ok: a non-money quantity from a caller's dict
    if isinstance(value, int | str):
        try:
            return Decimal(str(value).strip())
        except decimal.InvalidOperation:
            raise ValueError(f"{value!r} is not a number") from None
    return value


def _serialize(value: Decimal) -> str:
    return format(value, "f")


Money = Annotated[
    Decimal,
    BeforeValidator(_to_money),
    Field(ge=0, allow_inf_nan=False),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^\s*\+?\d{1,15}(\.\d+)?\s*$"},
                {"type": "integer", "minimum": 0, "maximum": int(MONEY_LIMIT) - 1},
            ],
            "description": 'Money: a decimal string such as "6000.00", or an integer. '
            "Never a number with a fraction.",
        }
    ),
    PlainSerializer(_serialize, return_type=str, when_used="json"),
]
"""A non-negative amount of money: a decimal string or an integer, never a float."""

Quantity = Annotated[
    Decimal,
    BeforeValidator(_to_quantity),
    Field(ge=0, le=QUANTITY_LIMIT, allow_inf_nan=False),
    PlainSerializer(_serialize, return_type=str, when_used="json"),
]
"""A non-negative exact quantity (hours, days, a divisor, a multiplier)."""

SignedMoney = Annotated[
    Decimal,
    PlainSerializer(_serialize, return_type=str, when_used="json"),
]
"""An amount computed by the checker (may be negative, as in a difference)."""
