"""paycheck: check a payslip against labour law.

    >>> import paycheck
    >>> report = paycheck.check(paycheck.load("examples/cn-shenzhen-2021-10-final-pay.yaml"))
    >>> report.total_owed
    Decimal('3744.39')

``load`` reads and validates a payslip file (YAML, JSON or TOML); ``validate`` does the
same for data already in memory; ``check`` is pure and returns a :class:`Report`.
Bad input raises :class:`InputError`, whose message names the file, field and problem.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from paycheck.batch import Record, RecordError, check_many
    from paycheck.engine import check
    from paycheck.loader import InputError, load, validate
    from paycheck.model import FORMAT_VERSION, Payslip
    from paycheck.report import Finding, LineCheck, Report, Severity

# Each name is imported from its module when first used, so that ``paycheck check FILE``
# does not pay for the batch machinery (its process pool) it never runs.
_WHERE = {
    "Record": "paycheck.batch",
    "RecordError": "paycheck.batch",
    "check_many": "paycheck.batch",
    "check": "paycheck.engine",
    "InputError": "paycheck.loader",
    "load": "paycheck.loader",
    "validate": "paycheck.loader",
    "FORMAT_VERSION": "paycheck.model",
    "Payslip": "paycheck.model",
    "Finding": "paycheck.report",
    "LineCheck": "paycheck.report",
    "Report": "paycheck.report",
    "Severity": "paycheck.report",
}


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'paycheck' has no attribute {name!r}")
    value = getattr(importlib.import_module(where), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])


__version__ = "0.1.0"

__all__ = [
    "FORMAT_VERSION",
    "Finding",
    "InputError",
    "LineCheck",
    "Payslip",
    "Record",
    "RecordError",
    "Report",
    "Severity",
    "check",
    "check_many",
    "load",
    "validate",
]
