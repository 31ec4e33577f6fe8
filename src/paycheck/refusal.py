"""A value refused by the payslip format: the English text, and the message id and
arguments another language's catalog translates it by (``error.<id>``). Raised inside the
validators; the loader turns it into one line of :class:`~paycheck.reading.InputError`."""

from __future__ import annotations

from typing import Any


class Refusal(ValueError):
    """``Refusal("6000.5 is not a decimal amount", "money-format", value="6000.5")``."""

    def __init__(self, text: str, id: str, **args: Any) -> None:
        super().__init__(text)
        self.id = id
        self.arguments = args
