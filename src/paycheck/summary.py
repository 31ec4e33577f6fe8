"""A payroll run at a glance: counts, findings by rule, totals by currency, worst cases.

Built one result at a time, so a run of millions keeps only counters and the worst few.
"""

from __future__ import annotations

import csv
import heapq
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from tabulate import tabulate

from paycheck.batch import RecordError, Result
from paycheck.money import fmt
from paycheck.report import COUNTED

WORST = 10


@dataclass
class Summary:
    checked: int = 0
    with_findings: int = 0
    bad: int = 0
    rule_count: Counter[str] = field(default_factory=Counter)
    rule_owed: dict[tuple[str, str], Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    owed: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    uncertain: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    worst: list[tuple[Decimal, int, str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def add(self, result: Result) -> None:
        if isinstance(result, RecordError):
            self.bad += 1
            if len(self.errors) < WORST:
                self.errors.append(f"record {result.index}: {result.reason}")
            return
        self.checked += 1
        counted = [f for f in result.findings if f.severity in COUNTED]
        if counted:
            self.with_findings += 1
        for f in counted:
            self.rule_count[f.rule] += 1
            self.rule_owed[(f.rule, result.currency)] += f.amount_owed
        owed = result.total_owed
        self.owed[result.currency] += owed
        self.uncertain[result.currency] += result.total_uncertain
        if owed > 0:
            who = f"{result.employee} {result.period_start}..{result.period_end}"
            entry = (
                owed,
                self.checked,
                who + (f" ({result.source})" if result.source else ""),
                result.currency,
            )
            if len(self.worst) < WORST:
                heapq.heappush(self.worst, entry)
            elif entry[0] > self.worst[0][0]:
                heapq.heapreplace(self.worst, entry)

    @property
    def exit_code(self) -> int:
        return 2 if self.bad else 1 if self.with_findings else 0

    def table(self) -> str:
        out = [
            tabulate(
                [
                    ["payslips checked", self.checked],
                    ["with findings (violation, underpayment, undocumented)", self.with_findings],
                    ["bad records (not checked)", self.bad],
                    *[[f"total owed ({cur})", fmt(v)] for cur, v in sorted(self.owed.items())],
                    *[
                        [f"total uncertain ({cur})", fmt(v)]
                        for cur, v in sorted(self.uncertain.items())
                        if v
                    ],
                ],
                tablefmt="plain",
                disable_numparse=True,
            )
        ]
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
        if self.worst:
            rows = [
                [who, f"{fmt(owed)} {cur}"]
                for owed, _, who, cur in sorted(self.worst, key=lambda e: (-e[0], e[1]))
            ]
            out += [
                "",
                "Worst cases",
                tabulate(rows, headers=["payslip", "owed"], disable_numparse=True),
            ]
        if self.errors:
            out += ["", f"Bad records (first {len(self.errors)} of {self.bad})", *self.errors]
        return "\n".join(out)


CSV_FIELDS = [
    "index",
    "source",
    "employee",
    "period_start",
    "period_end",
    "jurisdiction",
    "currency",
    "findings",
    "rules",
    "total_owed",
    "total_uncertain",
    "error",
]


def csv_row(index: int, result: Result) -> str:
    """One result as a CSV line (with the header from :data:`CSV_FIELDS`)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    if isinstance(result, RecordError):
        writer.writerow(
            [index, result.source or "", "", "", "", "", "", "", "", "", "", result.reason]
        )
    else:
        counted = [f for f in result.findings if f.severity in COUNTED]
        writer.writerow(
            [
                index,
                result.source or "",
                result.employee,
                result.period_start,
                result.period_end,
                result.jurisdiction,
                result.currency,
                len(counted),
                ";".join(dict.fromkeys(f.rule for f in counted)),
                fmt(result.total_owed),
                fmt(result.total_uncertain),
                "",
            ]
        )
    return buf.getvalue()


def csv_header() -> str:
    return ",".join(CSV_FIELDS) + "\n"
