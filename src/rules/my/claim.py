"""Where a claim is filed in Malaysia, and by when.

* Body: the Director General of Labour, who may inquire into and decide disputes over wages
  and other payments in cash (Employment Act 1955 s.69(1)), at a Labour Office of the
  Department of Labour. The Act covers Peninsular Malaysia and Labuan; Sabah (MY-12) and
  Sarawak (MY-13) have their own Labour Ordinances, not verified here: the letter says so.
* Time limit: none in s.69, none added by Act A1651; whether the Limitation Act 1953
  applies was not settled, so the letter gives no date.

Sources and status: ``docs/claims.md``.
"""

from __future__ import annotations

from datetime import date

from paycheck.claim.law import Deadline, Filing, warning
from paycheck.claim.text import tr
from paycheck.model import Payslip

LANGUAGE = "en"
BORNEO = {"MY-12", "MY-13"}  # Sabah, Sarawak
LABUAN = "MY-15"


def filing(p: Payslip, today: date, lang: str) -> Filing:
    deadline = Deadline(None, today)
    if p.jurisdiction in BORNEO:
        where, to = [tr("my.where-borneo", lang)], tr("my.to-borneo", lang)
    else:
        to = tr("my.to-labuan" if p.jurisdiction == LABUAN else "my.to", lang)
        where = [tr("my.where", lang)]
    return Filing(
        title=tr("my.title", lang),
        to=to,
        where=where,
        limit=[tr("my.limit", lang)],
        deadline=deadline,
        warning=warning("my", deadline, lang),
        sources=[tr("my.source-69", lang), tr("my.source-limit", lang)],
    )
