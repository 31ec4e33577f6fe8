"""A claim the employee can file: the amounts owed, the articles, the evidence, where to
file and by when.

    >>> import paycheck
    >>> from paycheck import claim
    >>> p = paycheck.load("examples/cn-shenzhen-2021-10-final-pay.yaml")
    >>> c = claim.build(p, paycheck.check(p))
    >>> c.total
    Decimal('3744.39')

``build`` groups the report's findings into claims (one per payslip line, as
``Report.total_owed`` counts it), points to argue (where the law is not settled) and the
evidence; ``Claim.to_markdown``, ``to_html`` and ``to_pdf`` write the letter. PDF needs the
``pdf`` extra (WeasyPrint); the rest does not.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from paycheck.claim.document import Claim, Evidence, Item, Point, build
    from paycheck.claim.law import NEAR_DAYS, Deadline, State
    from paycheck.claim.law import language as default_language
    from paycheck.claim.output import PdfUnavailable

# Imported when first used: ``paycheck check FILE`` builds the claim command's options only.
_WHERE = {
    "Claim": ("paycheck.claim.document", "Claim"),
    "Evidence": ("paycheck.claim.document", "Evidence"),
    "Item": ("paycheck.claim.document", "Item"),
    "Point": ("paycheck.claim.document", "Point"),
    "build": ("paycheck.claim.document", "build"),
    "NEAR_DAYS": ("paycheck.claim.law", "NEAR_DAYS"),
    "Deadline": ("paycheck.claim.law", "Deadline"),
    "State": ("paycheck.claim.law", "State"),
    "default_language": ("paycheck.claim.law", "language"),
    "PdfUnavailable": ("paycheck.claim.output", "PdfUnavailable"),
}


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'paycheck.claim' has no attribute {name!r}")
    value = getattr(importlib.import_module(where[0]), where[1])
    globals()[name] = value
    return value


__all__ = [
    "NEAR_DAYS",
    "Claim",
    "Deadline",
    "Evidence",
    "Item",
    "PdfUnavailable",
    "Point",
    "State",
    "build",
    "default_language",
]
