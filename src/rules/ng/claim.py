"""Where a claim is filed in Nigeria, and by when.

* Body: the National Industrial Court (Constitution s.254C(1), from secondary sources that
  agree); the Labour Act's complaint to a court (s.81) and its authorized labour officers
  (ss.77-78), who may inspect but were not found to order payment.
* Time limit: contested (the court has held since 2019 that limitation laws do not reach
  contracts of employment; commentators disagree), so the letter gives no date.

Sources and status: ``docs/claims.md``.
"""

from __future__ import annotations

from datetime import date

from paycheck.claim.law import Deadline, Filing, warning
from paycheck.claim.text import tr
from paycheck.model import Payslip

LANGUAGE = "en"


def filing(p: Payslip, today: date, lang: str) -> Filing:
    deadline = Deadline(None, today)
    return Filing(
        title=tr("ng.title", lang),
        to=tr("ng.to", lang),
        where=[tr("ng.where", lang)],
        limit=[tr("ng.limit", lang)],
        deadline=deadline,
        warning=warning("ng", deadline, lang),
        sources=[tr(f"ng.source-{name}", lang) for name in ("court", "officer", "limit")],
    )
