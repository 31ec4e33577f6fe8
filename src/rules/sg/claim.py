"""Where a claim is filed in Singapore, and by when.

* Body: a mediation request to the Commissioner for Labour, mediated by TADM, before a claim
  is lodged with the Employment Claims Tribunals (Employment Claims Act 2016 ss.3(1), 6, 13).
* Time limit (s.3(2)): where the employment has ended, not later than 6 months after the last
  day of employment ((d)); otherwise not later than one year after the material facts of the
  earliest dispute listed ((e)), counted here from the earliest date the payslip gives.

Sources and status: ``docs/claims.md``.
"""

from __future__ import annotations

from datetime import date

from paycheck.claim.law import Deadline, Filing, add_months, facts_date, state_line, warning
from paycheck.claim.text import day, tr
from paycheck.model import Payslip

LANGUAGE = "en"


def filing(p: Payslip, today: date, lang: str) -> Filing:
    last = p.contract.last_day
    if last is not None:
        deadline = Deadline(add_months(last, 6), today)
        limit = [
            tr(
                "sg.limit-ended",
                lang,
                last=day(last, lang),
                deadline=day(add_months(last, 6), lang),
            )
        ]
    else:
        facts = facts_date(p)
        deadline = Deadline(add_months(facts, 12), today)
        limit = [
            tr(
                "sg.limit-employed",
                lang,
                facts=day(facts, lang),
                deadline=day(add_months(facts, 12), lang),
            )
        ]
    limit.append(state_line("sg", deadline, lang))
    return Filing(
        title=tr("sg.title", lang),
        to=tr("sg.to", lang),
        where=[tr("sg.where", lang)],
        limit=limit,
        deadline=deadline,
        warning=warning("sg", deadline, lang),
        sources=[tr("sg.source-eca", lang), tr("sg.source-mom", lang)],
    )
