"""The page's words: the gettext domain ``web`` (``locale/<lang>/LC_MESSAGES/web.po``), kept
apart from the engine's ``paycheck`` domain; the language a browser asks for; the library's
input problems said in the page's language where the catalog has them.

A template or the script names a text by id, ``tr("step.place")``; English is a catalog like
the others. A report's findings keep the engine's own texts (``Finding.text(lang)``).
"""

from __future__ import annotations

import gettext
import re
from functools import cache
from typing import Any

from paycheck.messages import LANGUAGES, LOCALE

DOMAIN = "web"


@cache
def catalog(lang: str) -> gettext.NullTranslations:
    """The compiled web catalog of a language (English where there is none)."""
    return gettext.translation(DOMAIN, LOCALE, languages=[lang, "en"])


def tr(lang: str, id: str, **args: Any) -> str:
    """The text of an id in a language, its ``{placeholders}`` filled."""
    text = catalog(lang).gettext(id)
    return text.format(**args) if args else text


def has(lang: str, id: str) -> bool:
    """Whether the catalog of a language has an id."""
    return catalog(lang).gettext(id) != id


def choose(asked: str | None, accept_language: str | None) -> str:
    """The page's language: the one chosen on the page (``?lang=``), else the first of the
    browser's ``Accept-Language`` that has a catalog, else English."""
    if asked in LANGUAGES:
        return asked
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        match = re.search(r"q=([0-9.]+)", params)
        if match:
            try:
                q = float(match.group(1))  # float-ok: a preference weight, never money
            except ValueError:
                q = 0.0
        ranked.append((-q, i, tag.strip().replace("-", "_").lower()))
    for _, _, tag in sorted(ranked):
        for lang in LANGUAGES:
            if tag == lang.lower() or tag.split("_")[0] == lang.split("_")[0].lower():
                return lang
    return "en"


# The library's input problems (paycheck.validate) that the form can cause, as the page
# says them: a pattern of the English problem, and the catalog id with its arguments.
_PROBLEMS = [
    (re.compile(r"is required"), "problem.required"),
    (re.compile(r".* is not a decimal amount .*"), "problem.money"),
    (re.compile(r".* is too large: .*"), "problem.too-large"),
    (re.compile(r".* is not a date: .*|Input should be a valid date.*"), "problem.date"),
    (re.compile(r"Input should be greater than or equal to (?P<limit>\S+)"), "problem.at-least"),
    (re.compile(r"Input should be greater than (?P<limit>\S+)"), "problem.more-than"),
    (re.compile(r"Input should be less than or equal to (?P<limit>\S+)"), "problem.at-most"),
    (re.compile(r"(?P<day>\S+) is before employment_start (?P<start>\S+)"), "problem.before-start"),
    (
        re.compile(r"(?P<day>\S+) is after the last day of employment (?P<end>\S+)"),
        "problem.after-end",
    ),
    (re.compile(r"(?P<day>\S+) is before (?:start|from) (?P<start>\S+)"), "problem.before"),
    (re.compile(r"(?P<day>\S+) is listed twice.*"), "problem.twice"),
    (re.compile(r".* is not (?:a number|a quantity|a whole number).*"), "problem.number"),
    (re.compile(r"Input should be .*"), "problem.choice"),
]


def problem_text(lang: str, problem: str) -> str:
    """A problem of :class:`paycheck.InputError` in the page's language (as the library says
    it where the catalog has no words for it)."""
    for pattern, id in _PROBLEMS:
        match = pattern.fullmatch(problem)
        if match:
            return tr(lang, id, **match.groupdict())
    return problem


def place(lang: str, name: str) -> str:
    """A rule pack's place name in a language (``place:<name>`` in the catalog), or as the
    pack gives it."""
    id = f"place:{name}"
    return tr(lang, id) if has(lang, id) else name


def currency(lang: str, code: str) -> str:
    """A currency as a reader names it (``currency:<code>`` in the catalog: 元), or its code."""
    id = f"currency:{code}"
    return tr(lang, id) if has(lang, id) else code


def _ids() -> list[str]:
    """Every id of the web catalog (English has them all)."""
    return [str(k) for k in getattr(catalog("en"), "_catalog", {}) if k]


def texts(lang: str, prefixes: tuple[str, ...] = ("js.", "weekday.", "error.")) -> dict[str, str]:
    """The texts the page's script shows (their ids have these prefixes), in a language."""
    return {id: tr(lang, id) for id in _ids() if id.startswith(prefixes)}
