"""The calendar arithmetic of pay deadlines (rule late-payment); the law itself is in the
cases, tests/cases/*/late-payment.yaml."""

from __future__ import annotations

from datetime import date

import pytest

from paycheck.law.deadlines import next_period_end
from paycheck.law.packs import law
from paycheck.model import PayFrequency, PayPeriod

M, H, B, W = (
    PayFrequency.MONTHLY,
    PayFrequency.SEMI_MONTHLY,
    PayFrequency.BI_WEEKLY,
    PayFrequency.WEEKLY,
)


@pytest.mark.parametrize(
    ("start", "end", "frequency", "next_end"),
    [
        (date(2025, 3, 1), date(2025, 3, 31), M, date(2025, 4, 30)),
        (date(2024, 12, 1), date(2024, 12, 31), M, date(2025, 1, 31)),
        (date(2025, 1, 1), date(2025, 1, 31), M, date(2025, 2, 28)),
        (date(2025, 1, 21), date(2025, 2, 20), M, date(2025, 3, 20)),  # the 21st to the 20th
        (date(2025, 3, 1), date(2025, 3, 15), H, date(2025, 3, 31)),
        (date(2025, 3, 16), date(2025, 3, 31), H, date(2025, 4, 15)),
        (date(2025, 3, 3), date(2025, 3, 16), B, date(2025, 3, 30)),
        (date(2025, 3, 3), date(2025, 3, 9), W, date(2025, 3, 16)),
    ],
)
def test_the_next_pay_period_ends(
    start: date, end: date, frequency: PayFrequency, next_end: date
) -> None:
    assert next_period_end(PayPeriod(start, end, frequency)) == next_end


@pytest.mark.parametrize(
    ("payday", "after", "day"),
    [
        (5, date(2021, 10, 31), date(2021, 11, 5)),
        (31, date(2021, 10, 31), date(2021, 11, 30)),  # a shorter month: its last day
        (31, date(2024, 1, 31), date(2024, 2, 29)),
        (25, date(2025, 1, 20), date(2025, 1, 25)),  # a cycle ending the 20th: the same month
        (20, date(2025, 1, 20), date(2025, 2, 20)),  # the first such day AFTER the period
        (1, date(2024, 12, 31), date(2025, 1, 1)),
    ],
)
def test_the_agreed_payday_is_the_first_such_day_after_the_period(
    payday: int, after: date, day: date
) -> None:
    law("CN")  # the rule packs, as the package paycheck.rules
    from paycheck.rules.cn.formulas import agreed_payday

    assert agreed_payday(payday, after) == day
