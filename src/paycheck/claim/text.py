"""The claim's sentences, from their own gettext domain: ``locale/<lang>/LC_MESSAGES/claim.po``
(compiled to ``claim.mo``; ``pybabel compile -d src/paycheck/locale -D claim``).

The report's messages (``paycheck.po``) are typed data rendered late; a claim's sentences are
a letter's, filled with words already made (dates, amounts, finding texts), so a template
here takes plain strings: ``{amount}``, ``{deadline}``.
"""

from __future__ import annotations

import gettext
from datetime import date
from decimal import Decimal
from functools import cache

from paycheck.messages import LANGUAGES, LOCALE
from paycheck.money import fmt

DOMAIN = "claim"

__all__ = ["DOMAIN", "LANGUAGES", "day", "money", "tr"]


@cache
def _catalog(lang: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALE, languages=[lang, "en"])


def tr(key: str, lang: str, /, **args: object) -> str:
    """The sentence ``key`` in a language, its ``{placeholders}`` filled."""
    template = _catalog(lang).gettext(key)
    if template == key:
        raise KeyError(f"sentence {key!r} is not in the {lang} claim catalog")
    return template.format(**args)


def day(d: date, lang: str) -> str:
    """A date as a letter writes it: ``2022年10月22日``, ``22 October 2022``."""
    return tr(
        "date", lang, year=d.year, month=d.month, day=d.day, month_name=tr(f"month.{d.month}", lang)
    )


def money(amount: Decimal, currency: str, lang: str) -> str:
    """An amount with its currency: ``3744.39元``, ``CNY 3744.39``, ``MYR 307.69``."""
    key = "money.cny" if currency == "CNY" else "money.other"
    return tr(key, lang, amount=fmt(amount), currency=currency)
