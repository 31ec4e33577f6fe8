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

from paycheck.claim.document import Claim, Evidence, Item, Point, build
from paycheck.claim.law import NEAR_DAYS, Deadline, State
from paycheck.claim.law import language as default_language
from paycheck.claim.output import PdfUnavailable

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
