"""United States hours worked and overtime by the workweek (issue 13): the Texas example
and its corrected twin, the facts interface other checks read (``facts.workweeks``), and the
messages in Chinese. The law cases are data: tests/cases/us/{overtime,hours,exemption}.yaml.
"""

from __future__ import annotations

from decimal import Decimal

from conftest import EXAMPLES

import paycheck
from paycheck.engine import facts_of
from paycheck.facts.workweek import Layer

STORY = EXAMPLES / "us-tx-2025-07-call-centre.yaml"
CORRECTED = EXAMPLES / "us-tx-2025-07-call-centre-corrected.yaml"


def test_the_texas_example_owes_overtime_and_the_breaks_with_boot_up_uncertain():
    report = paycheck.check(paycheck.load(STORY))
    # 40 x 15 + 5 x 22.50 - 675 = 37.50; 2.5 h of breaks x 22.50 = 56.25; boot-up 40 min
    # x 22.50 = 15.00 (contested)
    assert report.total_owed == Decimal("93.75")
    assert report.total_uncertain == Decimal("15.00")
    assert report.exit_code == 1
    rules = sorted((f.rule, f.severity.value) for f in report.findings if f.rule != "not-checked")
    assert rules == [
        ("hours-worked", "uncertain"),
        ("hours-worked", "underpayment"),
        ("overtime-premium", "underpayment"),
    ]


def test_the_corrected_texas_example_is_clean():
    report = paycheck.check(paycheck.load(CORRECTED))
    assert report.exit_code == 0 and report.total_owed == 0


def test_the_workweeks_facts_interface():
    facts = facts_of(paycheck.load(STORY), None)
    weeks = facts.workweeks
    assert weeks is not None and not weeks.assumed_start and len(weeks.weeks) == 1
    w = weeks.weeks[0]
    assert w.whole and w.hours_paid == 45 and w.hours_worked == Decimal("47.5")
    assert w.regular_rate == Decimal("15.00")
    # 7.5 h over 40 x 0.5 x 15.00 = 56.25 (the premium half; straight time is in the pay)
    assert w.overtime_due == Decimal("56.25")
    assert w.priced(Layer.WORKED).lawful == Decimal("768.75")


def test_the_findings_read_in_chinese():
    report = paycheck.check(paycheck.load(STORY))
    texts = [f.text("zh_CN") for f in report.findings]
    assert any("常规工资率" in t or "加班" in t for t in texts)
    assert any("工作时间" in t for t in texts)
