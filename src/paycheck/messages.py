"""Messages as data: a message id and typed arguments, made into text only when a report is
rendered, through a gettext catalog (``locale/<lang>/LC_MESSAGES/paycheck.po``, compiled to
``.mo``; English is the first language).

A template names its arguments and how to show them::

    msgid "proration.full.short"
    msgstr "A full month was worked but base pay is {stated:money}, ... {owed:money} {is_owed}."

Format specs: ``money`` (two places), ``rate`` (a parameter without trailing zeros), ``pct``
(a multiplier as a percentage), ``days`` (dates as compact ranges), ``weekday`` (a date's day
of the week); an id of the payslip format (an enum: ``rest-day``, ``income-tax``) is shown as
it is in English, with ``words`` as words (``rest day``), and in another language as its
catalog says (``enum.DayClass.rest-day``: 休息日); a list is shown
item by item with the spec before a ``/`` and joined with what follows it
(``{terms:money/ + }``). An argument that is itself a :class:`Msg` is rendered in the same
language. ``{is_owed}`` is filled by the renderer: "is owed", or "would be owed" for a
finding that rests on an unsettled figure.
"""

from __future__ import annotations

import gettext
import os
import re
import string
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from paycheck.money import fmt, fmt_rate

LOCALE = Path(__file__).parent / "locale"
DOMAIN = "paycheck"
LANGUAGES = tuple(sorted(p.name for p in LOCALE.iterdir() if p.is_dir()))
"""The languages with a catalog: ``en``, ``zh_CN``."""


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the locale asks for (``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``,
    as gettext reads them), among those with a catalog; English otherwise."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            code = value.split(".")[0]  # zh_CN.UTF-8
            for lang in LANGUAGES:
                if code == lang or code.split("_")[0] == lang.split("_")[0]:
                    return lang
            return "en"
    return "en"


class Msg(NamedTuple):
    """A message: its id in the catalog and its arguments (numbers, dates, lists, messages)."""

    id: str
    args: Mapping[str, Any]

    def text(self, lang: str = "en", **extra: Any) -> str:
        return render(self, lang, **extra)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "args": {k: _json(v) for k, v in self.args.items()}}


class Localized(NamedTuple):
    """A text the data gives in several languages (a holiday's name): the one asked for, or
    English."""

    texts: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, **texts: str) -> Localized:
        return cls(tuple((lang, text) for lang, text in texts.items() if text))

    def get(self, lang: str) -> str:
        found = dict(self.texts)
        return found.get(lang) or found.get("en") or next(iter(found.values()), "")


class Line(str):
    """A payslip line (``earnings[0]``, ``deductions[2]``, several joined by ", "), as a
    person reads it: the id in English, "应发第1项" in Chinese."""

    __slots__ = ()


_LINE = re.compile(r"(earnings|deductions|attendance\.overtime)\[(\d+)\]")


def line_name(line: str, lang: str) -> str:
    """A payslip line as a person reads it in a language (its id in English)."""
    if lang == "en":
        return line
    names = []
    for part in line.split(", "):
        found = _LINE.fullmatch(part)
        if found:
            section, index = found.groups()
            names.append(render(Msg(f"line.{section}[]", {"n": int(index) + 1}), lang))
        else:
            text = catalog(lang).gettext(f"line.{part}")
            names.append(part if text == f"line.{part}" else text)
    return "、".join(names) if lang.startswith("zh") else ", ".join(names)


def msg(id: str, **args: Any) -> Msg:
    """A message with its arguments."""
    return Msg(id, args)


def paren(text: str) -> Msg | str:
    """`` (text)`` after a phrase, or nothing where there is no text."""
    return msg("paren", text=text) if text else ""


def colon(text: str) -> Msg | str:
    """``: text`` after a phrase, or nothing where there is no text."""
    return msg("colon", text=text) if text else ""


def money_sum(terms: Iterable[Decimal], total: Decimal) -> Msg:
    """``a + b = total`` for a computation line; just ``total`` for one term or none."""
    listed = list(terms)
    # none, or one that shows as the total (two or more terms are always a sum)
    if not listed or (len(listed) == 1 and fmt(listed[0]) == fmt(total)):
        return msg("sum.one", total=total)
    return msg("sum", terms=listed, total=total)


def _json(value: Any) -> Any:
    if isinstance(value, Msg):
        return value.to_json()
    if isinstance(value, Localized):
        return dict(value.texts)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | frozenset | set):
        return [_json(v) for v in value]
    return value


@cache
def catalog(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of a language (English when there is none for it)."""
    try:
        return gettext.translation(DOMAIN, LOCALE, languages=[lang, "en"])
    except OSError:
        return gettext.translation(DOMAIN, LOCALE, languages=["en"])


def day_list(days: Iterable[date]) -> str:
    """Compact list of dates: ``2021-10-08..09, 2021-10-11..15`` (ranges of consecutive days)."""
    groups: list[list[date]] = []
    for d in sorted(days):
        if groups and (d - groups[-1][-1]).days == 1 and d.month == groups[-1][-1].month:
            groups[-1].append(d)
        else:
            groups.append([d])
    if not groups:
        return "none"
    return ", ".join(
        g[0].isoformat() if len(g) == 1 else f"{g[0].isoformat()}..{g[-1].day:02d}" for g in groups
    )


class _Formatter(string.Formatter):
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, spec: str) -> str:
        if isinstance(value, Msg):
            return render(value, self.lang)
        if isinstance(value, Localized):
            return value.get(self.lang)
        if isinstance(value, Line):
            return line_name(value, self.lang)
        if "/" in spec:
            item, sep = spec.split("/", 1)
            return sep.join(self.format_field(v, item) for v in value)
        if spec == "money":
            return fmt(value)
        if spec == "rate":
            return fmt_rate(value)
        if spec == "pct":
            return f"{fmt_rate(value * 100)}%"
        if spec == "days":
            return day_list(value)
        if spec == "weekday":  # a date's weekday
            if self.lang != "en":
                return render(Msg(f"weekday.{value.weekday()}", {}), self.lang)
            return str(value.strftime("%A"))
        if isinstance(value, Enum):  # an id of the payslip format: working-day, income-tax
            if self.lang != "en":
                key = f"enum.{type(value).__name__}.{value.value}"
                text = catalog(self.lang).gettext(key)
                if text != key:
                    return text
            return str(value.value).replace("-", " ") if spec == "words" else str(value.value)
        return str(super().format_field(value, spec))


@cache
def _formatter(lang: str) -> _Formatter:
    return _Formatter(lang)


def render(m: Msg, lang: str = "en", **extra: Any) -> str:
    """A message as text in a language."""
    template = catalog(lang).gettext(m.id)
    if template == m.id and "." in m.id:
        raise KeyError(f"message {m.id!r} is not in the {lang} catalog")
    args = {"is_owed": _IS_OWED, **m.args, **extra}
    return _formatter(lang).vformat(template, (), args)


_IS_OWED = Msg("owed.is", {})
WOULD_BE_OWED = Msg("owed.would-be", {})
