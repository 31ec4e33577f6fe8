"""What a check returns: findings, the expected lines beside the stated ones, totals."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cached_property, lru_cache
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, SkipValidation, computed_field
from pydantic.json_schema import SkipJsonSchema

from paycheck.law.packs import Citation, Status
from paycheck.messages import WOULD_BE_OWED, Msg, msg
from paycheck.money import ZERO, SignedMoney, round_money


class Severity(StrEnum):
    VIOLATION = "violation"
    """The payslip breaks a rule."""
    UNDERPAYMENT = "underpayment"
    """Less was paid than the law requires."""
    UNDOCUMENTED = "undocumented"
    """A deduction with no documented basis."""
    UNCERTAIN = "uncertain"
    """The law is contested or unverified here: the amount is shown, not counted as owed."""
    NOT_CHECKED = "not-checked"
    """Something could not be verified; the message names the missing input."""


_LINE = re.compile(r"(earnings|deductions)\[(\d+)\]")


def payslip_line(line: str | None) -> tuple[str, int] | None:
    """``("earnings", 1)`` for ``"earnings[1]"`` (a line of a finding); None for any other."""
    match = _LINE.fullmatch(line or "")
    return None if match is None else (match.group(1), int(match.group(2)))


COUNTED = frozenset({Severity.VIOLATION, Severity.UNDERPAYMENT, Severity.UNDOCUMENTED})
"""Severities that make ``paycheck check`` exit 1 and whose amounts count as owed."""


T = TypeVar("T")
_Data = Annotated[SkipJsonSchema[SkipValidation[T]], "made by the checks, not validated again"]
"""A finding's message data: built by the engine, left out of the JSON (which has its text)."""


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class CitationOut(_Out):
    title: str
    article: str | None = None
    effective: date = Field(description="The date from which the cited value is in force.")
    href: str | None = None
    status: Status = Field(description="verified, unverified (one source) or contested")
    jurisdiction: str

    @classmethod
    def of(cls, c: Citation) -> CitationOut:
        return _citation_out(c)

    @classmethod
    def _build(cls, c: Citation) -> CitationOut:
        return cls(
            title=c.title,
            article=c.article,
            effective=c.effective,
            href=c.href,
            status=c.status,
            jurisdiction=c.jurisdiction,
        )

    def short(self) -> str:
        return f"{self.title} {self.article}" if self.article else self.title


@lru_cache(maxsize=4096)
def _citation_out(c: Citation) -> CitationOut:
    """Citations are immutable and few: each is built once per process."""
    return CitationOut._build(c)


class Finding(_Out):
    """One problem: the rule, how sure, the line, the amount, the law and the arithmetic.

    The message and the computation are data (a message id and typed arguments, see
    :mod:`paycheck.messages`): ``message`` and ``computation`` are their English text,
    made when asked for; :meth:`text` and :meth:`steps_text` give another language.
    """

    rule: str
    severity: Severity
    line: str | None = Field(default=None, description="The payslip line, e.g. deductions[1].")
    line_label: str | None = None
    amount_owed: SignedMoney = Field(
        default=ZERO, description="Owed to the employee on this line if this finding holds."
    )
    amount_uncertain: SignedMoney = Field(
        default=ZERO, description="A further amount at stake where the law is contested."
    )
    citations: list[CitationOut] = Field(default_factory=list)
    msg: _Data[Msg] = Field(exclude=True, repr=False)
    steps: _Data[tuple[Msg, ...]] = Field(default=(), exclude=True, repr=False)
    unsettled: _Data[tuple[str, ...]] = Field(
        default=(),
        exclude=True,
        repr=False,
        description="The figures the finding rests on that the sources do not settle (its "
        "amount is then uncertain, and its message says 'would be owed').",
    )

    def text(self, lang: str = "en") -> str:
        """The message in a language."""
        if not self.unsettled:
            return self.msg.text(lang)
        values = msg("finding.unsettled", values=", ".join(self.unsettled))
        return f"{self.msg.text(lang, is_owed=WOULD_BE_OWED)} {values.text(lang)}"

    def steps_text(self, lang: str = "en") -> list[str]:
        """The computation, a line a step, in a language."""
        return [step.text(lang) for step in self.steps]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def message_id(self) -> str:
        """The message's id in the catalog (stable across languages and wording)."""
        return self.msg.id

    @computed_field  # type: ignore[prop-decorator]
    @cached_property
    def message(self) -> str:
        return self.text()

    @computed_field  # type: ignore[prop-decorator]
    @cached_property
    def computation(self) -> list[str]:
        return self.steps_text()

    @computed_field  # type: ignore[prop-decorator]
    @property
    def data(self) -> dict[str, Any]:
        """The message and each step of the computation as an id and typed arguments."""
        return {
            "message": self.msg.to_json(),
            "steps": [step.to_json() for step in self.steps],
        }


class LineCheck(_Out):
    """A payslip line as stated beside what the law requires (where the checker computes it)."""

    line: str
    kind: str
    label: str | None = None
    stated: SignedMoney
    expected: SignedMoney | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def difference(self) -> SignedMoney | None:
        return None if self.expected is None else self.expected - self.stated


class Report(_Out):
    """The result of checking one payslip."""

    source: str | None = None
    employee: str
    period_start: date
    period_end: date
    jurisdiction: str
    jurisdiction_name: str
    currency: str
    law_on: date | None = Field(default=None, description="The law was read as on this date.")
    findings: list[Finding]
    lines: list[LineCheck] = Field(description="Earnings: stated beside expected.")
    minor_unit: int = Field(default=2, exclude=True)
    note_msgs: _Data[tuple[Msg, ...]] = Field(default=(), exclude=True, repr=False)

    def notes_text(self, lang: str = "en") -> list[str]:
        """What this check does not cover, in a language."""
        return [note.text(lang) for note in self.note_msgs]

    @computed_field(description="What this check does not cover.")  # type: ignore[prop-decorator]
    @cached_property
    def notes(self) -> list[str]:
        return self.notes_text()

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total_owed(self) -> SignedMoney:
        """Each payslip line counted once: the largest amount any counted finding claims."""
        return self._totals[0]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total_uncertain(self) -> SignedMoney:
        """At stake where the law is contested, beyond what is already counted as owed."""
        return self._totals[1]

    @cached_property
    def _totals(self) -> tuple[Decimal, Decimal]:
        """Owed and uncertain, each payslip line counted once (worked out once per report)."""
        return self._tally[0]

    def by_rule(self) -> dict[str, tuple[Decimal, Decimal]]:
        """Owed and uncertain for each rule with findings, counted as the totals are: a
        payslip line once per rule (two findings of a rule on one line claim the same
        money). A line under several rules counts under each, so these add up to more than
        the totals where rules overlap."""
        return dict(self._tally[1])

    @cached_property
    def _tally(self) -> tuple[tuple[Decimal, Decimal], dict[str, tuple[Decimal, Decimal]]]:
        """The totals and each rule's sums, in one pass over the findings: for each payslip
        line, the largest amount owed for certain and the largest at stake (owed plus
        uncertain), over all findings and within each rule."""
        unit = self.minor_unit
        if not self.findings:
            zero = round_money(ZERO, unit)
            return (zero, zero), {}
        owed: dict[str, Decimal] = {}
        at_stake: dict[str, Decimal] = {}
        rules: dict[str, tuple[dict[str, Decimal], dict[str, Decimal]]] = {}
        for f in self.findings:
            rule_owed, rule_stake = rules.setdefault(f.rule, ({}, {}))
            if f.severity is Severity.NOT_CHECKED:
                continue
            key = f.line or f"<{f.rule}>"
            certain = f.amount_owed if f.severity in COUNTED else ZERO
            stake = certain + f.amount_uncertain
            for o, s in ((owed, at_stake), (rule_owed, rule_stake)):
                o[key] = max(o.get(key, ZERO), certain)
                s[key] = max(s.get(key, ZERO), stake)
        by_rule = {rule: _sums(o, s, unit) for rule, (o, s) in rules.items()}
        return _sums(owed, at_stake, unit), by_rule

    @property
    def exit_code(self) -> int:
        """0 when nothing counted was found, 1 when a violation, underpayment or undocumented."""
        return 1 if any(f.severity in COUNTED for f in self.findings) else 0


def _sums(
    owed: dict[str, Decimal], at_stake: dict[str, Decimal], unit: int
) -> tuple[Decimal, Decimal]:
    """Owed, and at stake beyond it: each line's largest amounts added up, then rounded."""
    total = sum(owed.values(), ZERO)
    extra = sum((max(ZERO, at_stake[k] - owed[k]) for k in owed), ZERO)
    return round_money(total, unit), round_money(extra, unit)
