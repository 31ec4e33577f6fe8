"""The law-case collector (tests/lawcases.py) cannot pass silently: a wrong figure, a wrong
phrase, a finding nobody expected and a misspelt key each make pytest fail."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

TESTS = Path(__file__).resolve().parent

BASES = """\
june:
  format_version: 1
  jurisdiction: CN-GD-SZ
  currency: CNY
  employee: {id: E-1}
  employer: {id: ER-1}
  period: {start: 2023-06-01, end: 2023-06-30}
  contract: {pay_basis: monthly, wage: "6000.00", normal_hours_per_day: 8,
             hours_system: standard, employment_start: 2020-01-01}
  earnings: [{kind: base, amount: "6000.00"}]
  deductions: []
short:
  base: june
  changes:
    earnings: [{kind: base, amount: "5900.00"}]
"""

RIGHT = """\
- name: paid in full
  base: june
  expect: {findings: [], total_owed: "0.00", exit_code: 0}
- name: 100.00 short
  base: short
  expect:
    findings:
      - {rule: proration, severity: underpayment, line: "earnings[0]", owed: "100.00",
         computation: "6000.00"}
    total_owed: "100.00"
- name: a payslip in the wrong currency is refused
  base: june
  changes: {currency: USD}
  expect: {error: "are checked in CNY"}
- name: the law read on another day
  base: june
  on: 2019-06-30
  changes:
    jurisdiction: CN-GD
    period: {start: 2019-06-01, end: 2019-06-30}
    contract: {employment_start: 2018-01-01}
  expect:
    ignore: not-checked
    findings: []
"""

WRONG = """\
- name: wrong amount
  base: short
  expect:
    findings:
      - {rule: proration, severity: underpayment, line: "earnings[0]", owed: "99.00"}
- name: wrong phrase
  base: short
  expect:
    findings:
      - {rule: proration, severity: underpayment, line: "earnings[0]", owed: "100.00",
         computation: "divisor 26"}
- name: a finding nobody expected
  base: june
  changes: {net_pay: "5990.00"}
  expect: {findings: []}
- name: wrong total
  base: short
  expect:
    findings_include: []
    total_owed: "0.00"
- name: a refusal that does not happen
  base: june
  expect: {error: "are checked in CNY"}
"""

TYPO = """\
- name: a misspelt key
  base: june
  expect: {finding: []}
"""

EMPTY = """\
- name: findings left empty check nothing, so they are refused
  base: june
  expect:
    findings_include:
"""


def test_the_collector_fails_on_every_wrong_expectation(tmp_path: Path) -> None:
    folder = tmp_path / "cases" / "cn"
    folder.mkdir(parents=True)
    (folder / "_bases.yaml").write_text(BASES, encoding="utf-8")
    (folder / "right.yaml").write_text(RIGHT, encoding="utf-8")
    (folder / "wrong.yaml").write_text(WRONG, encoding="utf-8")
    (folder / "typo.yaml").write_text(TYPO, encoding="utf-8")
    (folder / "empty.yaml").write_text(EMPTY, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "lawcases", "-p", "no:cacheprovider",
         "--continue-on-collection-errors", "-rfE", "cases"],
        cwd=tmp_path,
        env={"PYTHONPATH": str(TESTS), "PATH": ""},
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    out = run.stdout
    assert run.returncode == 1, out
    assert "5 failed, 4 passed, 2 errors" in out, out
    for text in [
        "expected, not found: {rule: proration, severity: underpayment, "
        'line: "earnings[0]", owed: "99.00", uncertain: "0.00"}',
        "computation lacks 'divisor 26'",
        "found, not expected: {rule: net-pay-arithmetic, severity: violation, "
        'line: "net_pay", owed: "10.00", uncertain: "0.00"}',
        'total_owed "100.00", not "0.00"',
        "typo.yaml: case 1 ('a misspelt key'): expect: unknown key 'finding'",
        "empty.yaml: case 1 ('findings left empty check nothing, so they are refused'): "
        "findings_include is a list (findings_include: [] for none)",
        "expected a refusal with 'are checked in CNY'; the payslip was checked",
    ]:
        assert text in out, text


def test_the_readme_example_is_a_case_that_runs() -> None:
    # tests/cases/README.md shows a case and its base; they are the files' own, word for word.
    readme = (TESTS / "cases" / "README.md").read_text(encoding="utf-8")
    case_text, base_text = readme.split("```yaml\n")[1:3]
    case = yaml.safe_load(case_text.split("```")[0])[0]
    base = yaml.safe_load(base_text.split("```")[0])
    folder = TESTS / "cases" / "cn"
    cases = {c["name"]: c for c in yaml.safe_load((folder / "proration.yaml").read_text("utf-8"))}
    assert cases[case["name"]] == case
    bases = yaml.safe_load((folder / "_bases.yaml").read_text(encoding="utf-8"))
    assert {name: bases[name] for name in base} == base
