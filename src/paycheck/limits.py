"""The input limits (docs/payslip-format.md, "Limits"), and how a bad value is shown.

A payslip is a few kilobytes of text nested a few levels deep; these limits are far above
any real one and low enough that no input can make paycheck run for long, use much memory,
hit Python's recursion limit or print a message longer than a line.
"""

from __future__ import annotations

from typing import Any

MAX_BYTES = 1_000_000
"""Bytes of one payslip: a file, a line of JSON Lines, a row of the flat CSV layout."""

MAX_DEPTH = 20
"""Levels of mappings and lists, counted from the payslip itself (its deepest field is 4)."""

MAX_DIGITS = 40
"""Digits of one number written in a file (money has at most 15 before the point)."""

MAX_DAYS_AROUND = 366
"""A day listed in days_worked or leave lies at most this many days outside the period."""

MAX_PROBLEM = 300
"""Characters of one problem in a message (the source and the field come before it)."""

_SHOWN = 40  # characters of a bad value repeated in a message


def shown(value: Any) -> str:
    """A bad value as a message repeats it: short, on one line, never the whole of a huge one."""
    if isinstance(value, bool) or value is None:
        return str(value).lower() if value is not None else "null"
    if isinstance(value, int):
        if value.bit_length() > 3 * _SHOWN:  # str() of a huge integer is slow, or refused
            return f"a number of more than {_SHOWN} digits"
        return str(value)
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    text = repr(value) if isinstance(value, str) else str(value)
    if len(text) > _SHOWN:
        text = f"{text[: _SHOWN - 10]}…{text[-8:]} ({len(text)} characters)"
    return one_line(text)


def one_line(text: str) -> str:
    """``text`` with every line break and other control character written as an escape."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
