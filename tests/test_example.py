"""The shipped examples as files: loading returns a validated payslip, and a finding cites
each article once.

What the worked example of issue 3 (the Shenzhen cake company's final payslip, October 2021)
owes, line by line, is a law case: tests/cases/cn/worked-example.yaml.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import EXAMPLES, WORKED

import paycheck

D = Decimal


def test_load_returns_a_validated_payslip():
    slip = paycheck.load(WORKED)
    assert isinstance(slip, paycheck.Payslip)
    assert slip.contract.wage == D("6000.00")
    assert slip.net_pay == D("1844.57")


PAYSLIPS = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".yaml", ".json", ".toml"})


@pytest.mark.parametrize("path", PAYSLIPS, ids=lambda p: p.name)
def test_every_example_cites_each_article_once_per_finding(path):
    # Two values may cite one article (Malaysia's notice indemnity: the weeks of notice and
    # the weeks of a year both cite Employment Act s.13(1)); a reader sees it once.
    report = paycheck.check(paycheck.load(path))
    for f in report.findings:
        shown = [(c.short(), c.effective, c.status) for c in f.citations]
        assert len(shown) == len(set(shown)), (path.name, f.rule, shown)
