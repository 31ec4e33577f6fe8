"""Where a claim is filed and by when: the machinery. What each country's law says (the body
that hears a claim, the time limit worked out from the payslip's dates, and what those facts
rest on) is in its rule pack, ``src/rules/<cc>/claim.py``: a ``filing(payslip, today, lang)``
that returns a :class:`Filing`, and the ``LANGUAGE`` its letters are written in. A country
with no such module gets a letter that says paycheck does not know.

What was verified, with the sources, is in ``docs/claims.md``. Where the sources did not
settle a body or a limit, the letter says so (``Deadline.last_day`` is None) instead of
guessing a date.
"""

from __future__ import annotations

import importlib
import importlib.util
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import ModuleType

from paycheck.claim.text import day, tr
from paycheck.law.packs import rules_package
from paycheck.model import Payslip

NEAR_DAYS = 60
"""A deadline this many days away or fewer is near: the letter warns at the top."""


class State(StrEnum):
    PASSED = "passed"
    NEAR = "near"
    OPEN = "open"
    UNSETTLED = "unsettled"
    """The sources do not settle a limit: no date is given."""


@dataclass(frozen=True)
class Deadline:
    """The last day to file (None where the limit is not settled), as on ``today``."""

    last_day: date | None
    today: date

    @property
    def days_left(self) -> int | None:
        return None if self.last_day is None else (self.last_day - self.today).days

    @property
    def state(self) -> State:
        left = self.days_left
        if left is None:
            return State.UNSETTLED
        if left < 0:
            return State.PASSED
        return State.NEAR if left <= NEAR_DAYS else State.OPEN


@dataclass(frozen=True)
class Filing:
    """A country's part of the letter, in the letter's language."""

    title: str
    to: str
    """The addressee, with blanks where the payslip cannot tell."""
    where: list[str]
    """Where to file, paragraph by paragraph (the law, then how to find the body)."""
    limit: list[str]
    """The time limit: the law, then the date worked out from the payslip."""
    deadline: Deadline
    warning: str | None
    """The deadline's warning for the top of the letter (passed, near or not settled)."""
    sources: list[str]
    """What these facts rest on, each with its status, for the closing note."""
    alternative: list[str] = field(default_factory=list)
    """Another route (a complaint to labour inspection)."""
    form: str = "doc"
    """The catalog prefix of the form's own sentences (the claims' heading and wording, the
    parties' fields, the closing): ``doc`` for a letter, or the pack's own form."""
    capitals: bool = False
    """Amounts also in Chinese capital numerals (大写), as a Chinese application writes them."""
    to_at_end: bool = False
    """The addressee closes the letter (此致, then the committee), instead of heading it."""


def add_months(d: date, months: int) -> date:
    """The same day ``months`` later; the month's last day where it has no such day
    (民法典 第二百零二条: 没有对应日的，月末日为期间的最后一日)."""
    year, month = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(year, month + 1, min(d.day, monthrange(year, month + 1)[1]))


def facts_date(p: Payslip) -> date:
    """The earliest day the payslip shows a claimed wrong: the period's end (when its pay
    falls due, at the earliest), or an earlier dated deduction. Limits counted from it are
    the earliest the facts allow: a letter errs early, never late."""
    dated = [d.date for d in p.deductions if d.date is not None]
    return min([p.period.end, *dated])


def country_module(p: Payslip) -> ModuleType | None:
    """The pack module that knows where the payslip's country hears claims, if any."""
    rules_package()
    name = f"paycheck.rules.{p.jurisdiction.split('-')[0].lower()}.claim"
    try:
        found = importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:  # no pack for the country at all
        found = False
    return importlib.import_module(name) if found else None


def language(p: Payslip) -> str:
    """The language of the body that hears the claim (the pack's ``LANGUAGE``; English)."""
    module = country_module(p)
    return str(getattr(module, "LANGUAGE", "en"))


def filing(p: Payslip, today: date, lang: str) -> Filing:
    """The body, the limit and their sources for the payslip's country."""
    module = country_module(p)
    if module is None:
        return _unknown(p, today, lang)
    made = module.filing(p, today, lang)
    assert isinstance(made, Filing)
    return made


def warning(prefix: str, d: Deadline, lang: str) -> str | None:
    """The top-of-letter warning for a deadline (``{prefix}.passed`` or ``.near``), or the
    one for a limit the sources do not settle; None while there is time."""
    if d.state is State.OPEN:
        return None
    if d.state is State.UNSETTLED:
        return tr("doc.unsettled", lang)
    assert d.last_day is not None and d.days_left is not None
    return tr(
        f"{prefix}.{d.state.value}",
        lang,
        deadline=day(d.last_day, lang),
        today=day(d.today, lang),
        days=abs(d.days_left),
    )


def state_line(prefix: str, d: Deadline, lang: str) -> str:
    """The deadline as the time-limit section states it (``{prefix}.open``, or the
    warning)."""
    assert d.last_day is not None and d.days_left is not None
    if d.state is State.OPEN:
        return tr(
            f"{prefix}.open",
            lang,
            deadline=day(d.last_day, lang),
            today=day(d.today, lang),
            days=d.days_left,
        )
    said = warning(prefix, d, lang)
    assert said is not None
    return said


def _unknown(p: Payslip, today: date, lang: str) -> Filing:
    deadline = Deadline(None, today)
    code = p.jurisdiction
    return Filing(
        title=tr("other.title", lang),
        to=tr("other.to", lang, code=code),
        where=[tr("other.where", lang, code=code)],
        limit=[tr("other.limit", lang, code=code)],
        deadline=deadline,
        warning=warning("other", deadline, lang),
        sources=[],
    )
