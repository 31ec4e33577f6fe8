"""A payroll run at a glance: counts, findings by rule, totals and worst cases by currency.

Built one result at a time, so a run of millions keeps only counters and the worst few.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from tabulate import tabulate

from paycheck.batch.layout import csv_row
from paycheck.batch.records import RecordError, Result, result_to_json
from paycheck.money import ZERO, fmt
from paycheck.report import COUNTED

WORST = 10


class Facts(NamedTuple):
    """What the summary needs of one result: small enough to send between processes."""

    error: str | None
    currency: str
    owed: Decimal
    uncertain: Decimal
    # each rule with counted findings: its findings, and what it owes (a line once)
    rules: tuple[tuple[str, int, Decimal], ...]
    who: str


def facts(result: Result) -> Facts:
    """The summary's facts of one result (a module-level function: usable in workers)."""
    if isinstance(result, RecordError):
        return Facts(f"record {result.index}: {result.reason}", "", ZERO, ZERO, (), "")
    if not result.findings:
        return Facts(None, result.currency, ZERO, ZERO, (), "")
    counts = Counter(f.rule for f in result.findings if f.severity in COUNTED)
    by_rule = result.by_rule()
    rules = tuple((rule, n, by_rule[rule][0]) for rule, n in counts.items())
    owed = result.total_owed
    who = ""  # only a payslip with money owed can be among the worst cases
    if owed:
        who = f"{result.employee} {result.period_start}..{result.period_end}"
        if result.source:
            who += f" ({result.source})"
    return Facts(None, result.currency, owed, result.total_uncertain, rules, who)


def with_json(result: Result, lang: str = "en") -> tuple[Facts, str]:
    """Facts and the JSON line of a result (for ``--format jsonl``, made in the worker; the
    texts in ``lang``)."""
    return facts(result), result_to_json(result, lang)


def with_csv(result: Result) -> tuple[Facts, str]:
    """Facts and the CSV cells of a result (for ``--format csv``, made in the worker)."""
    return facts(result), csv_row(result)


@dataclass
class Summary:
    checked: int = 0
    with_findings: int = 0
    bad: int = 0
    not_read: int = 0  # files of a directory that were not read (docs/batch.md)
    rule_count: Counter[str] = field(default_factory=Counter)
    rule_owed: dict[tuple[str, str], Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    owed: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    uncertain: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    # The worst cases of each currency: amounts in different currencies are not compared.
    worst: dict[str, list[tuple[Decimal, int, str]]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def add(self, result: Result) -> None:
        self.add_facts(facts(result))

    def add_facts(self, f: Facts) -> None:
        if f.error is not None:
            self.bad += 1
            if len(self.errors) < WORST:
                self.errors.append(f.error)
            return
        self.checked += 1
        if f.rules:
            self.with_findings += 1
        for rule, count, owed in f.rules:
            self.rule_count[rule] += count
            self.rule_owed[(rule, f.currency)] += owed
        self.owed[f.currency] += f.owed
        self.uncertain[f.currency] += f.uncertain
        if f.owed > 0:
            worst = self.worst.setdefault(f.currency, [])
            entry = (f.owed, -self.checked, f.who)  # the earlier of two equal ones ranks first
            if len(worst) < WORST:
                heapq.heappush(worst, entry)
            elif entry > worst[0]:
                heapq.heapreplace(worst, entry)

    @property
    def exit_code(self) -> int:
        return 2 if self.bad else 1 if self.with_findings else 0

    def table(self) -> str:
        counts: list[tuple[str, object]] = [
            ("payslips checked", self.checked),
            ("with findings (violation, underpayment, undocumented)", self.with_findings),
            ("bad records (not checked)", self.bad),
            *([("files not read (named on standard error)", self.not_read)] * bool(self.not_read)),
            *[(f"total owed ({cur})", fmt(v)) for cur, v in sorted(self.owed.items())],
            *[
                (f"total uncertain ({cur})", fmt(v))
                for cur, v in sorted(self.uncertain.items())
                if v
            ],
        ]
        out = [tabulate(counts, tablefmt="plain", disable_numparse=True)]
        if self.rule_count:
            rows = [
                [
                    rule,
                    count,
                    "; ".join(
                        f"{fmt(v)} {cur}"
                        for (r, cur), v in sorted(self.rule_owed.items())
                        if r == rule
                    ),
                ]
                for rule, count in self.rule_count.most_common()
            ]
            out += [
                "",
                "By rule (a line can fall under several rules; totals above count it once)",
                tabulate(rows, headers=["rule", "findings", "owed"], disable_numparse=True),
            ]
        for cur, worst in sorted(self.worst.items()):
            rows = [[who, f"{fmt(owed)} {cur}"] for owed, _, who in sorted(worst, reverse=True)]
            title = "Worst cases" if len(self.worst) == 1 else f"Worst cases in {cur}"
            out += ["", title, tabulate(rows, headers=["payslip", "owed"], disable_numparse=True)]
        if self.errors:
            out += ["", f"Bad records (first {len(self.errors)} of {self.bad})", *self.errors]
        return "\n".join(out)
