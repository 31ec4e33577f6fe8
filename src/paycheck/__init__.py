"""paycheck: check a payslip against labour law.

    >>> import paycheck
    >>> report = paycheck.check(paycheck.load("examples/cn-shenzhen-2021-10-final-pay.yaml"))
    >>> report.total_owed
    Decimal('3744.39')

``load`` reads and validates a payslip file (YAML, JSON or TOML); ``validate`` does the
same for data already in memory; ``check`` is pure and returns a :class:`Report`.
Bad input raises :class:`InputError`, whose message names the file, field and problem.
"""

from paycheck.batch import Record, RecordError, check_many
from paycheck.engine import check
from paycheck.loader import InputError, load, validate
from paycheck.model import FORMAT_VERSION, Payslip
from paycheck.report import Finding, LineCheck, Report, Severity

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
