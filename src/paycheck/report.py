"""What a check returns: findings, the expected lines beside the stated ones, totals."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cached_property, lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, computed_field

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
    _msg: Msg = PrivateAttr()
    _steps: tuple[Msg, ...] = PrivateAttr(default=())
    _unsettled: tuple[str, ...] = PrivateAttr(default=())

    @classmethod
    def of(
        cls,
        message: Msg,
        steps: tuple[Msg, ...] = (),
        unsettled: tuple[str, ...] = (),
        **fields: Any,
    ) -> Finding:
        """A finding with its message and computation as data; ``unsettled`` names the
        figures it rests on that the sources do not settle (its amount is then uncertain,
        and its message says "would be owed")."""
        finding = cls(**fields)
        finding._msg, finding._steps, finding._unsettled = message, steps, unsettled
        return finding

    @property
    def msg(self) -> Msg:
        return self._msg

    @property
    def steps(self) -> tuple[Msg, ...]:
        return self._steps

    def text(self, lang: str = "en") -> str:
        """The message in a language."""
        if not self._unsettled:
            return self._msg.text(lang)
        values = msg("finding.unsettled", values=", ".join(self._unsettled))
        return f"{self._msg.text(lang, is_owed=WOULD_BE_OWED)} {values.text(lang)}"

    def steps_text(self, lang: str = "en") -> list[str]:
        """The computation, a line a step, in a language."""
        return [step.text(lang) for step in self._steps]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def message_id(self) -> str:
        """The message's id in the catalog (stable across languages and wording)."""
        return self._msg.id

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
            "message": self._msg.to_json(),
            "steps": [step.to_json() for step in self._steps],
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
    _notes: tuple[Msg, ...] = PrivateAttr(default=())

    @classmethod
    def of(cls, notes: tuple[Msg, ...] = (), **fields: Any) -> Report:
        """A report whose notes (the limits of the check) are messages, made text when read."""
        report = cls(**fields)
        report._notes = notes
        return report

    def notes_text(self, lang: str = "en") -> list[str]:
        """What this check does not cover, in a language."""
        return [note.text(lang) for note in self._notes]

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
        if not self.findings:
            zero = round_money(ZERO, self.minor_unit)
            return zero, zero
        owed: dict[str, Decimal] = {}
        at_stake: dict[str, Decimal] = {}
        for f in self.findings:
            if f.severity is Severity.NOT_CHECKED:
                continue
            key = f.line or f"<{f.rule}>"
            certain = f.amount_owed if f.severity in COUNTED else ZERO
            owed[key] = max(owed.get(key, ZERO), certain)
            at_stake[key] = max(at_stake.get(key, ZERO), certain + f.amount_uncertain)
        total_owed = sum(owed.values(), ZERO)
        extra = sum((max(ZERO, at_stake[k] - owed[k]) for k in owed), ZERO)
        return round_money(total_owed, self.minor_unit), round_money(extra, self.minor_unit)

    @property
    def exit_code(self) -> int:
        """0 when nothing counted was found, 1 when a violation, underpayment or undocumented."""
        return 1 if any(f.severity in COUNTED for f in self.findings) else 0
