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

from paycheck.limits import MAX_DIGITS, shown
from paycheck.refusal import Refusal

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
_ZEROS = {places: ZERO.quantize(q) for places, q in _QUANTUM.items()}


# A rate such as 6000 / 21.75 / 8 is carried to 34 digits, not exactly: an amount built on it
# can land a hair below a true half cent (884.27499...99 for 7074.20 / 174 x 21.75, whose
# exact value is 884.275). Rounding first to 20 places, far below any real amount's digits
# and far above the arithmetic's error, restores the tie, which then rounds half-up.
_NOISE = Decimal(1).scaleb(-20)


def round_money(amount: Decimal, minor_unit: int = 2) -> Decimal:
    """Round a money amount half-up to the minor unit (2 places for most currencies), after
    clearing the last digits a rate's division leaves (see ``_NOISE``)."""
    if amount is ZERO:  # the amount of most findings: no arithmetic
        return _ZEROS[minor_unit]
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -20:
        amount = amount.quantize(_NOISE, context=CONTEXT)
    return amount.quantize(_QUANTUM[minor_unit], rounding=ROUND_HALF_UP)


def fmt(amount: Decimal, places: int = 2) -> str:
    """Format an amount with a fixed number of places, for computations and tables."""
    return format(round_money(amount, places), "f")


def fmt_rate(value: Decimal) -> str:
    """Format a parameter such as 21.75 or 1.5 without trailing zeros."""
    return format(value.normalize(), "f")


# What the published schema allows: digits, a point, digits, with spaces around (Decimal
# reads those); a sign only so that a negative amount gets the clearer "greater than or
# equal to 0" message. [0-9], not \d, which would take other scripts' digits; no "_", which
# Decimal would take as a digit separator.
_NUMBER = re.compile(r"\s*[+-]?[0-9]+(?:\.[0-9]+)?\s*")
_WHOLE = re.compile(r"\s*[0-9]+\s*")
# Fifteen digits before the point: above any real payslip line in any currency, and far
# enough inside the arithmetic's precision that no product of an amount, hours and a
# multiplier can overflow when it is rounded.
MONEY_DIGITS = 15
MONEY_LIMIT = Decimal(10) ** MONEY_DIGITS
QUANTITY_LIMIT = 10_000  # hours, days, weeks, divisors, multipliers


def _number(text: str, what: str) -> Decimal:
    """A decimal written as digits with at most one point, ASCII only, and not too long."""
    if len(text) > _LONGEST or _NUMBER.fullmatch(text) is None:
        raise Refusal(f"{shown(text)} is not {what}", "not-a-number", value=shown(text))
    return Decimal(text)


_LONGEST = MAX_DIGITS + 10  # characters of a number written as text, spaces included


def _to_money(value: Any) -> Any:
    if isinstance(value, str):  # the common case first, and inline: it is on every line
        if len(value) > _LONGEST or _NUMBER.fullmatch(value) is None:
            _number(value, 'a decimal amount such as "6000.00"')  # raises
        parsed = Decimal(value)
    elif isinstance(value, bool):
        raise Refusal(
            'money must be a decimal string such as "6000.00" or an integer', "money-type"
        )
    elif isinstance(value, float | NumberLiteral):
        raise Refusal(
            f'money must be a decimal string such as "{shown(value)}" or an integer, not a '
            f"number with a fraction ({shown(value)}): write it in quotes so no rounding can "
            "creep in",
            "money-fraction",
            value=shown(value),
        )
    elif isinstance(value, int):
        if value.bit_length() > 64:  # far above MONEY_LIMIT; Decimal() of a huge one is slow
            raise _too_large(value)
        parsed = Decimal(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise Refusal(f"{value} is not a finite amount", "not-finite", value=str(value))
        parsed = value
    else:
        raise Refusal(
            f"money must be a decimal string or an integer, got {type(value).__name__}",
            "money-type",
        )
    if parsed and parsed.adjusted() >= MONEY_DIGITS:
        raise _too_large(value)
    return parsed


def _too_large(value: Any) -> Refusal:
    return Refusal(
        f"{shown(value)} is too large: an amount has at most {MONEY_DIGITS} digits before the "
        "point",
        "too-large",
        value=shown(value),
        digits=MONEY_DIGITS,
    )


def _to_quantity(value: Any) -> Any:
    if isinstance(value, bool):
        raise Refusal("expected a number", "not-a-number", value=shown(value))
    if isinstance(value, float):
        return Decimal(repr(value))  # float-ok: a non-money quantity from a caller's dict
    if isinstance(value, str):
        return _number(value, 'a number such as "7.5"')
    if isinstance(value, int):
        if value.bit_length() > 64:  # Decimal() of a huge integer is slow
            raise Refusal(
                f"{shown(value)} is more than {QUANTITY_LIMIT}",
                "more-than",
                value=shown(value),
                limit=QUANTITY_LIMIT,
            )
        return value
    return value


def _to_count(value: Any) -> Any:
    """A whole number written as an integer or as ASCII digits (a CSV cell), nothing else."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and len(value) <= _LONGEST and _WHOLE.fullmatch(value):
        return int(value)
    raise Refusal(
        f"{shown(value)} is not a whole number such as 11", "not-whole", value=shown(value)
    )


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
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": QUANTITY_LIMIT},
                {"type": "string", "pattern": r"^\s*\+?[0-9]+(\.[0-9]+)?\s*$"},
            ],
            "description": 'A quantity: a number such as 7.5, or a decimal string such as "7.5".',
        }
    ),
    PlainSerializer(_serialize, return_type=str, when_used="json"),
]
"""A non-negative exact quantity (hours, days, a divisor, a multiplier)."""


def _count_schema(minimum: int) -> WithJsonSchema:
    return WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": minimum},
                {"type": "string", "pattern": r"^\s*[0-9]+\s*$"},
            ],
            "description": 'A whole number: an integer such as 11, or digits such as "11".',
        }
    )


Count = Annotated[int, BeforeValidator(_to_count), Field(ge=0), _count_schema(0)]
"""A whole number (days): an integer, or ASCII digits as a CSV cell has them."""

PositiveCount = Annotated[int, BeforeValidator(_to_count), Field(ge=1), _count_schema(1)]
"""A whole number of at least 1 (employees)."""

SignedMoney = Annotated[
    Decimal,
    PlainSerializer(_serialize, return_type=str, when_used="json"),
]
"""An amount computed by the checker (may be negative, as in a difference)."""
