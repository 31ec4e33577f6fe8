"""Realistic synthetic payslips with a fixed seed, for the benchmark and the batch tests.

About one in five carries a problem (an unlawful deduction, overtime on the wrong base, a
short partial month); the rest are lawful. The jurisdictions are mixed as a regional payroll
bureau's might be: half Shenzhen, the rest Kuala Lumpur, Singapore and Lagos.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

MONTHS = [(2023, m) for m in range(1, 13)] + [(2024, m) for m in range(1, 13)]
CENT = Decimal("0.01")
# code, currency, weight, wage range and step, withholding rate, contract and employer facts
PLACES = [
    ("CN-GD-SZ", "CNY", 10, (2600, 20000, 50), "0.08", {}, {}),
    ("MY-14", "MYR", 4, (1600, 3950, 10), "0.11", {"category": "non-manual"}, {"headcount": 40}),
    ("SG", "SGD", 3, (1800, 2600, 10), "0.20", {"category": "non-manual"}, {}),
    (
        "NG-LA",
        "NGN",
        3,
        (75000, 400000, 500),
        "0.08",
        {"category": "non-manual", "overtime_hourly_rate": "900.00"},
        {"headcount": 60},
    ),
]
WEIGHTS = [place[2] for place in PLACES]


def _money(x: Decimal) -> str:
    return str(x.quantize(CENT, rounding=ROUND_HALF_UP))


def payslip(rng: random.Random, i: int) -> dict[str, Any]:
    code, currency, _, (low, high, step), rate, contract, employer = rng.choices(PLACES, WEIGHTS)[0]
    year, month = rng.choice(MONTHS)
    if code == "MY-14":
        year = 2025 if month >= 3 else 2026  # months under the RM1,700 minimum
    last = calendar.monthrange(year, month)[1]
    wage = Decimal(rng.randrange(low, high, step))
    problem = rng.random() < 0.2
    social = (wage * Decimal(rate)).quantize(CENT)
    earnings: list[dict[str, Any]] = [{"kind": "base", "amount": _money(wage)}]
    deductions: list[dict[str, Any]] = [{"kind": "social-insurance", "amount": _money(social)}]
    overtime: list[dict[str, Any]] = []
    if rng.random() < 0.3:
        # two hours on the 10th-14th working days is enough realism: weekday overtime at 150%
        day = f"{year}-{month:02d}-{rng.randrange(10, 15):02d}"
        overtime.append({"date": day, "hours": 2})
    if problem:
        kind = rng.choice(["fine", "business-cost", "resignation-penalty", "loss"])
        amount = Decimal(rng.randrange(20, 400))
        if kind == "loss":
            deductions.append(
                {
                    "kind": "loss-compensation",
                    "amount": _money(amount),
                    "caused_by": rng.choice(["customer", "employee"]),
                }
            )
        else:
            deductions.append({"kind": kind, "amount": _money(amount), "reason": "synthetic"})
    data: dict[str, Any] = {
        "format_version": 1,
        "jurisdiction": code,
        "currency": currency,
        "employee": {"id": f"E-{i:07d}"},
        "employer": {"id": f"R-{i % 997:04d}", **employer},
        "period": {"start": f"{year}-{month:02d}-01", "end": f"{year}-{month:02d}-{last:02d}"},
        "contract": {
            "pay_basis": "monthly",
            "wage": _money(wage),
            "employment_start": "2020-01-06",
            **contract,
        },
        "attendance": {"overtime": overtime},
        "earnings": earnings,
        "deductions": deductions,
    }
    if overtime:
        from paycheck import check, validate

        # price the overtime as the checker would, so lawful payslips stay lawful
        report = check(validate({**data, "net_pay": None}))
        lawful = next(ln.expected for ln in report.lines if ln.kind == "overtime")
        earnings.append({"kind": "overtime", "amount": _money(lawful), "hours": 2})
    gross = sum(Decimal(e["amount"]) for e in earnings)
    data["net_pay"] = _money(gross - sum(Decimal(d["amount"]) for d in deductions))
    return data


def payslips(n: int, seed: int = 20261123) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    for i in range(n):
        yield payslip(rng, i)


# -- the story mix: payslips in the shape of the examples ---------------------------------------

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
MONEY_KEYS = frozenset({"wage", "amount", "base", "net_pay", "overtime_hourly_rate"})


def _scaled(data: Any, factor: Decimal, key: str = "") -> Any:
    """The payslip with every money figure times ``factor``, to the cent: the same shape and
    the same kinds of finding, with figures no cache has seen."""
    if isinstance(data, dict):
        return {k: _scaled(v, factor, k) for k, v in data.items()}
    if isinstance(data, list):
        return [_scaled(v, factor, key) for v in data]
    if key in MONEY_KEYS and isinstance(data, str):
        return _money(Decimal(data) * factor)
    if isinstance(data, dt.date):
        return data.isoformat()
    if isinstance(data, Decimal):  # an exact number the loader read (hours: 7.5)
        return int(data) if data == data.to_integral_value() else str(data)
    return data


def story_payslips(n: int, seed: int = 12) -> Iterator[dict[str, Any]]:
    """``n`` payslips shaped like the examples of the four countries (dated attendance,
    several overtime records on different kinds of day, four to six deductions of every
    kind, most with findings), each with its money scaled by a factor from 0.90 to 1.30."""
    from paycheck.loader import read_file

    shapes = [
        read_file(path)
        for path in sorted(EXAMPLES.iterdir())
        if path.suffix in {".yaml", ".json", ".toml"}
    ]
    rng = random.Random(seed)
    for i in range(n):
        factor = Decimal(rng.randrange(90, 131)) / 100
        out = _scaled(shapes[i % len(shapes)], factor)
        out["employee"] = {**out["employee"], "id": f"E-{i:07d}"}
        yield out
