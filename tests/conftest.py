"""Shared helpers: a minimal lawful Shenzhen payslip to modify, and finding lookups.

The law cases themselves are YAML in tests/cases (run by tests/lawcases.py, registered here).

Common figures (劳社部发〔2008〕3号 二: daily = monthly / 21.75, hourly = daily / 8):

* 6000.00 a month: daily 6000 / 21.75 = 275.862068..., hourly 6000 / 174 = 34.482758...
* one 8-hour day at 200% = 6000 / 174 x 8 x 2 = 551.72; at 300% = 827.59 (劳动法 第四十四条)

The base payslip is June 2023 in Shenzhen: a full month at 6000.00, 480.00 social insurance,
net 5520.00. June 2023 has 21 working days (22 weekdays, less 22 June Dragon Boat Festival and
23 June swapped rest day, plus Sunday 25 June make-up working day) and 1 statutory holiday
(22 June). The Shenzhen minimum wage in force is 2360 (from 2022-01-01).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from lawcases import net_of, pytest_collect_file, with_changes  # noqa: F401 (runs tests/cases)

import paycheck
from paycheck import Finding, Report, Severity

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
WORKED = EXAMPLES / "cn-shenzhen-2021-10-final-pay.yaml"
CORRECTED = EXAMPLES / "cn-shenzhen-2021-10-final-pay-corrected.yaml"
RULES_DIR = ROOT / "src" / "rules"


@pytest.fixture(autouse=True, scope="session")
def _pack_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The command keeps the packs it reads (docs/performance.md): here, in a folder of the
    run's own, never in the home folder."""
    os.environ["PAYCHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("pack-cache"))


BASE: dict[str, Any] = {
    "format_version": 1,
    "jurisdiction": "CN-GD-SZ",
    "currency": "CNY",
    "employee": {"id": "E-1"},
    "employer": {"id": "ER-1"},
    "period": {"start": "2023-06-01", "end": "2023-06-30"},
    "contract": {
        "pay_basis": "monthly",
        "wage": "6000.00",
        "normal_hours_per_day": 8,
        "hours_system": "standard",
        "employment_start": "2020-01-01",
    },
    "attendance": {"days_worked": [], "leave": [], "overtime": []},
    "earnings": [{"kind": "base", "label": "Base pay", "amount": "6000.00"}],
    "deductions": [{"kind": "social-insurance", "label": "Social insurance", "amount": "480.00"}],
}


def merged(base: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A base payslip with ``changes`` merged in, as a law case's ``changes`` are: dicts merge,
    lists replace, ``None`` removes a key; ``net_pay`` is filled in as earnings minus
    deductions unless given (``net_pay=None`` leaves it out)."""
    return with_changes(base, changes)


def payslip_data(**changes: Any) -> dict[str, Any]:
    """The Shenzhen base payslip with ``changes`` merged in (see :func:`merged`)."""
    return merged(BASE, **changes)


def run(data: dict[str, Any] | None = None, *, on: Any = None, **changes: Any) -> Report:
    """Validate and check a payslip dict (the base payslip with ``changes`` if none given)."""
    if data is None:
        data = payslip_data(**changes)
    return paycheck.check(paycheck.validate(data), on=on)


def found(
    report: Report,
    rule: str | None = None,
    *,
    line: str | None = None,
    severity: Severity | None = None,
) -> list[Finding]:
    return [
        f
        for f in report.findings
        if (rule is None or f.rule == rule)
        and (line is None or f.line == line)
        and (severity is None or f.severity is severity)
    ]


def one(report: Report, rule: str, *, line: str | None = None, **kw: Any) -> Finding:
    hits = found(report, rule, line=line, **kw)
    assert len(hits) == 1, f"expected one {rule} finding on {line}, got {describe(report)}"
    return hits[0]


def describe(report: Report) -> str:
    return (
        "; ".join(
            f"{f.rule}/{f.severity.value}/{f.line}/{f.amount_owed}/{f.amount_uncertain}"
            for f in report.findings
        )
        or "no findings"
    )


def computation_has(finding: Finding, *parts: str) -> None:
    text = "\n".join(finding.computation)
    for part in parts:
        assert part in text, f"{part!r} not in computation:\n{text}"


def cites(finding: Finding, *parts: str) -> None:
    text = "\n".join(f"{c.title} {c.article or ''}" for c in finding.citations)
    for part in parts:
        assert part in text, f"{part!r} not cited:\n{text}"


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests read English reports whatever the machine's locale (``--lang`` defaults
    from it); a test of another language asks for it."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
