"""``paycheck new``: a payslip file to fill in, every field explained in a comment in the
reader's language, with a real example's values (for China, the Shenzhen foreman's story).

The values come from the example payslip the jurisdiction's rule pack names, shipped with
the package; the
comments from the message catalog (``new.<field path>``). Money is written in quotes, with
a reminder beside each amount, because a number with a fraction is refused.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from wcwidth import wcswidth

from paycheck.law.packs import known_jurisdiction, law
from paycheck.loader import InputError, read_file
from paycheck.messages import catalog

MONEY = {"wage", "amount", "base", "net_pay", "overtime_hourly_rate"}
# A word with its spaces, or one Chinese character with the punctuation that may not begin
# a line after it (a comment is broken between tokens).
_TOKENS = re.compile(
    r"[^\s\u3000-\u9fff\uff00-\uffef]+\s*"
    r"|[\u3000-\u9fff\uff00-\uffef][），。、；：！？」』】\s]*"
    r"|\s"
)
WIDTH = 92


def examples_folder() -> Path:
    """The example payslips: shipped as ``paycheck/examples``, or ``examples/`` beside
    ``src`` in a source tree."""
    here = Path(__file__).resolve().parent
    shipped = here / "examples"
    return shipped if shipped.is_dir() else here.parents[1] / "examples"


def new_payslip(jurisdiction: str, lang: str = "en") -> str:
    """A commented payslip file for a jurisdiction, in a language, from the example its
    rule pack names (``example`` in ``jurisdiction.yaml``)."""
    known, why = known_jurisdiction(jurisdiction)
    if not known:
        raise InputError(why, field="jurisdiction")
    name = law(jurisdiction).example
    if name is None:
        raise InputError("its rule pack names no example payslip yet", field="jurisdiction")
    data = read_file(examples_folder() / name)
    data["jurisdiction"] = jurisdiction
    data["currency"] = law(jurisdiction).currency or data["currency"]
    lines = [*_comment("new.header", lang, ""), *_mapping(data, "", 0, lang, set())]
    return "\n".join(lines) + "\n"


def _text(key: str, lang: str) -> str | None:
    text = catalog(lang).gettext(key)
    return None if text == key else text


def _comment(key: str, lang: str, indent: str) -> list[str]:
    """The comment of a field, wrapped to the width (Chinese measured by its display
    width), or nothing where the catalog has none."""
    text = _text(key, lang)
    if not text:
        return []
    room = WIDTH - len(indent) - 2
    out, line = [], ""
    for token in _TOKENS.findall(text):
        if line and wcswidth(line + token.rstrip()) > room:
            out.append(line.rstrip())
            line = ""
        line += token
    out.append(line.rstrip())
    return [f"{indent}# {part}" for part in out]


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | int | Decimal):
        return str(value)
    text = str(value)
    plain = re.fullmatch(r"[A-Za-z][\w .,'/%()-]*", text) and not text.endswith(":")
    return (
        text
        if plain and text.lower() not in {"yes", "no", "on", "off", "null"}
        else (json.dumps(text, ensure_ascii=False))
    )


def _mapping(
    data: dict[str, Any], path: str, depth: int, lang: str, explained: set[str]
) -> Iterator[str]:
    """A mapping's lines, each field explained the first time it appears."""
    indent = "  " * depth
    for key, value in data.items():
        field = f"{path}.{key}" if path else key
        if field not in explained:
            explained.add(field)
            yield from _comment(f"new.{field}", lang, indent)
        if isinstance(value, dict):
            yield f"{indent}{key}:"
            yield from _mapping(value, field, depth + 1, lang, explained)
        elif isinstance(value, list):
            yield f"{indent}{key}:"
            yield from _sequence(value, field, depth + 1, lang, explained)
        elif key in MONEY:
            reminder = _text("new.money", lang) or ""
            yield f'{indent}{key}: "{value}"' + (f"  # {reminder}" if reminder else "")
        else:
            yield f"{indent}{key}: {_scalar(value)}"


def _sequence(
    items: list[Any], path: str, depth: int, lang: str, explained: set[str]
) -> Iterator[str]:
    indent = "  " * depth
    for item in items:
        if isinstance(item, dict):
            body = list(_mapping(item, path, depth + 1, lang, explained))
            yield f"{indent}- {body[0].strip()}"
            yield from body[1:]
        else:
            yield f"{indent}- {_scalar(item)}"
