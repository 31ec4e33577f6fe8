"""Named legal formulas: where laws differ in the shape of a rule, not only in its numbers.

A formula is registered once, under its family and name, with the article it follows; a
rule pack chooses it by date through a parameter (``proration_methods: [paid-days,
absent-days]``). A formula that only one country's law has lives beside that country's
pack, in ``src/rules/<cc>/formulas.py``, which the engine imports with the pack; the
engine itself names no country.

Families:

``proration``
    How pay for a partial pay period is worked out: ``(facts, monthly) -> Prorated``, or a
    :class:`~paycheck.messages.Msg` saying why it cannot be (a missing input). ``monthly``
    is a month's amount (the wage, or the minimum wage); the formula gives what is due for
    the days of the pay period in employment, using ``facts.pay_period.share`` where it
    needs the period's share of the month.
``notice-indemnity``
    How much of the final pay an employer may keep for notice not given:
    ``(facts, deduction) -> Indemnity``, or a Msg saying why it cannot be worked out.
``pay-deadline``
    The last day wages may be paid: ``(facts) -> Deadline``, or a Msg saying why it cannot
    be worked out. The shapes every law shares (so many days after the period, or after the
    last day of employment) are the engine's (:mod:`paycheck.law.deadlines`).
``late-consequences``
    What the law attaches to wages paid late: ``(facts, days_late) -> tuple[Msg, ...]``,
    sentences for the finding.
``severance``, ``annual-leave-pay``, ``notice-pay``
    What the law owes an employee on leaving, by how and why the employment ended:
    ``(facts) -> Due``; ``None`` where nothing is owed (a lawful ending that owes none), or
    a Msg saying why it cannot be worked out (a not-checked finding).
``workweek-overtime``
    How a workweek's hours worked split into straight time and overtime:
    ``(facts, days) -> Split``, ``days`` the workweek's ``(date, hours worked)`` in order.
``exemption-salary``
    The weekly salary an employee claimed exempt from overtime must be paid at least:
    ``(facts, day) -> SalaryLevel``.
``deduction-judge``
    A pack's own judgement of one deduction line, in place of the engine's rules by kind:
    ``(facts, out, deduction, line) -> None``, adding its findings to ``out``.
``pack-check``
    A check only a pack's law has, named by the rule id it reports under:
    ``(facts, out) -> None``, adding its findings to ``out``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from paycheck.messages import Msg

if TYPE_CHECKING:
    from paycheck.facts import Facts
    from paycheck.law.packs import InForce
    from paycheck.model import Deduction


class Prorated(NamedTuple):
    """A monthly amount prorated by one lawful formula, with its arithmetic."""

    letter: str  # "A", "B" where a pack names two formulas and the lower is the floor
    amount: Decimal
    law: tuple[InForce[Any], ...]
    steps: tuple[Msg, ...]


class Indemnity(NamedTuple):
    """The most an employer may keep for notice not given, with its arithmetic."""

    limit: Decimal
    law: tuple[InForce[Any], ...]
    steps: tuple[Msg, ...]


class Deadline(NamedTuple):
    """The last day a payment may be made, how it was worked out, and why a payment after
    it is only uncertain where the law leaves the day unsettled (``unsettled``)."""

    day: date
    law: tuple[InForce[Any], ...]
    steps: tuple[Msg, ...]
    unsettled: Msg | None = None
    nominal: date | None = None  # the day before a rest day or holiday moved it earlier


class Due(NamedTuple):
    """What the law owes on leaving under one rule, with its arithmetic and the law.
    ``doubts`` are the conditions the payslip cannot show that the amount rests on (the
    finding is then uncertain, each condition named); ``certain`` is the part of the amount
    due whatever those conditions turn out to be (owed for certain where it is not paid)."""

    what: Msg
    amount: Decimal
    law: tuple[InForce[Any] | None, ...]
    steps: tuple[Msg, ...]
    doubts: tuple[Msg, ...] = ()
    certain: Decimal = Decimal(0)


class Split(NamedTuple):
    """A workweek's hours worked: straight-time hours, and overtime hours at each multiplier
    (no hour counted twice), with the law they rest on."""

    straight: Decimal
    overtime: tuple[tuple[Decimal, Decimal], ...]  # (multiplier, hours), hours > 0
    law: tuple[InForce[Any], ...]


class SalaryLevel(NamedTuple):
    """The weekly salary level of an overtime exemption; ``doubtful``: a higher level whose
    force on the day is unsettled (a salary below it but at ``level`` is uncertain)."""

    level: Decimal
    law: tuple[InForce[Any], ...]
    steps: tuple[Msg, ...]
    doubtful: InForce[Any] | None = None


Prorate = Callable[["Facts", Decimal], "Prorated | Msg"]
PriceNotice = Callable[["Facts", "Deduction"], "Indemnity | Msg"]


@dataclass(frozen=True)
class Formula:
    family: str
    name: str
    cites: str  # the article the formula follows
    run: Callable[..., Any]

    @property
    def doc(self) -> str:
        return (self.run.__doc__ or "").strip().split("\n\n")[0]


REGISTRY: dict[tuple[str, str], Formula] = {}


def formula(family: str, name: str, cites: str) -> Callable[[Callable[..., Any]], Any]:
    """Register a formula of a family under a name (a decorator)."""

    def register(run: Callable[..., Any]) -> Callable[..., Any]:
        key = (family, name)
        if key in REGISTRY and REGISTRY[key].run is not run:
            raise ValueError(f"formula {family}/{name} is registered twice")
        REGISTRY[key] = Formula(family, name, cites, run)
        return run

    return register


def get(family: str, name: str) -> Formula:
    """A registered formula (the packs' names are checked when they are loaded)."""
    return REGISTRY[(family, name)]
