"""A rate of pay with the law it rests on and its arithmetic."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, NamedTuple

from paycheck.law.packs import InForce
from paycheck.messages import Msg


class Rate(NamedTuple):
    """A day's or an hour's wage (unrounded), the law it rests on, and its arithmetic."""

    value: Decimal
    law: tuple[InForce[Any], ...]
    text: Msg
