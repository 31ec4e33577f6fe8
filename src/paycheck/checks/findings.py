"""What one check found: its findings and notes, gathered as data while it runs, and
handed to the engine when it returns. Each check has its own; no check reads another's."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from paycheck.catalog import RULES
from paycheck.law.packs import Citation, InForce, MissingParameter, Status
from paycheck.law.tables import Clause
from paycheck.messages import Msg, msg
from paycheck.money import ZERO
from paycheck.report import CitationOut, Finding, Severity

if TYPE_CHECKING:
    from paycheck.facts import Coverage, Facts

CONFIDENT = frozenset({Severity.VIOLATION, Severity.UNDERPAYMENT})
_VERIFIED = Status.VERIFIED


class Findings:
    """The findings and notes of one check of one payslip."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.found: list[Finding] = []
        self.notes: list[Msg] = []

    def add(
        self,
        rule: str,
        severity: Severity,
        message: Msg,
        *,
        line: str | None = None,
        owed: Decimal = ZERO,
        uncertain: Decimal = ZERO,
        law: Iterable[InForce[Any] | None] = (),
        see: Iterable[InForce[Any] | None] = (),
        steps: Iterable[Msg] = (),
    ) -> None:
        """Record a finding. ``law`` are the values it rests on: if any is unverified or
        contested, a violation or underpayment becomes ``uncertain``. ``see`` are cited for
        context only (a contested rule whose outcome does not change this finding)."""
        assert rule in RULES, rule
        params = [p for p in law if p is not None]
        unsettled: tuple[str, ...] = ()
        # A finding that rests on an unverified or contested value is never confident.
        if severity in CONFIDENT and not all(p.status is _VERIFIED for p in params):
            unsettled = tuple(f"{p.label} ({p.status.value})" for p in params if not p.settled)
            uncertain, owed, severity = uncertain + owed, ZERO, Severity.UNCERTAIN
        cited = _cited(tuple(p.citations for p in (*params, *see) if p is not None))
        money = self.facts.money
        self.found.append(
            Finding(
                msg=message,
                steps=tuple(steps),
                unsettled=unsettled,
                rule=rule,
                severity=severity,
                line=line,
                line_label=None if line is None else self.facts.line_label(line),
                amount_owed=money(owed),
                amount_uncertain=money(uncertain),
                citations=list(cited),
            )
        )

    def not_checked(self, rule: str, message: Msg, *, line: str | None = None) -> None:
        """What ``rule`` could not check, and why."""
        text = msg("not-checked", rule=rule, text=message)
        self.add("not-checked", Severity.NOT_CHECKED, text, line=line)

    def missing(self, rule: str, exc: MissingParameter, *, line: str | None = None) -> None:
        """A value ``rule`` needed that the rule pack does not have on the day."""
        code = self.facts.law.code
        text = msg("missing-parameter", code=code, name=exc.name, day=exc.day)
        self.not_checked(rule, text, line=line)

    def not_covered(self, coverage: Coverage, rule: str, what: Msg) -> None:
        """A payslip outside a rule's scope, or whose scope depends on a fact not given."""
        param = coverage.param
        if param is None:
            return
        p = self.facts.payslip
        scope = [clause_text(c) for c in coverage.clauses]
        if coverage.missing:
            text = msg(
                "coverage.unknown",
                rule=rule,
                label=param.label,
                scope=scope,
                missing=list(coverage.missing),
                what=what,
            )
        else:
            facts: list[Msg] = [msg("coverage.wage", wage=p.contract.wage)]
            if p.contract.category is not None:
                facts.append(msg("coverage.category", category=p.contract.category))
            if p.employer.headcount is not None:
                facts.append(msg("coverage.headcount", headcount=p.employer.headcount))
            text = msg(
                "coverage.outside",
                rule=rule,
                label=param.label,
                scope=scope,
                facts=facts,
                what=what,
            )
        self.add("not-checked", Severity.NOT_CHECKED, text, see=[param])


@lru_cache(maxsize=4096)
def _cited(citations: tuple[tuple[Citation, ...], ...]) -> tuple[CitationOut, ...]:
    """One citation per article as a reader sees it (two values may cite the same article,
    one with a link and one without): the first, or the first with a link. The same values
    cite the same articles on every payslip: worked out once per process."""
    cited: dict[tuple[str, str | None, date, Status], Citation] = {}
    for of_value in citations:
        for c in of_value:
            key = (c.title, c.article, c.effective, c.status)
            if key not in cited or (c.href and not cited[key].href):
                cited[key] = c
    return tuple(CitationOut.of(c) for c in cited.values())


def clause_text(c: Clause) -> Msg:
    """What one coverage clause asks, for a reader."""
    parts: list[Msg] = []
    if c.categories is not None:
        parts.append(msg("clause.categories", categories=list(c.categories)))
    if c.wage_at_most is not None:
        parts.append(msg("clause.wage", wage=c.wage_at_most))
    if c.headcount_at_least is not None:
        parts.append(msg("clause.headcount", headcount=c.headcount_at_least))
    return msg("clause", parts=parts) if parts else msg("clause.everyone")
