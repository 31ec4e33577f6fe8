"""Where a claim is filed in the United States, and by when.

* Federal (every US payslip): a complaint to the Wage and Hour Division of the Department of
  Labor, or an action in court for the unpaid minimum wages or overtime and an equal amount
  as liquidated damages (29 U.S.C. 216(b)). Time limit: 2 years after the cause of action
  accrued, 3 for a wilful violation (29 U.S.C. 255(a)); counted here from the period's end
  (the pay falls due no earlier), 2 years, the safe figure.
* California (``US-CA`` and its cities): a wage claim with the Labor Commissioner's Office
  (the Division of Labor Standards Enforcement), or an action in court. Time limit: 3 years
  for a liability created by statute (minimum wage, overtime, deductions, reimbursements:
  Code of Civil Procedure 338(a)), 4 on a written contract (337), 2 on an oral promise above
  the minimum (339); counted here from the period's end, 3 years.

Sources and status: ``docs/claims.md``.
"""

from __future__ import annotations

from datetime import date

from paycheck.claim.law import Deadline, Filing, add_months, facts_date, state_line, warning
from paycheck.claim.text import day, tr
from paycheck.model import Payslip

LANGUAGE = "en"


def filing(p: Payslip, today: date, lang: str) -> Filing:
    if p.jurisdiction == "US-CA" or p.jurisdiction.startswith("US-CA-"):
        return _california(p, today, lang)
    facts = facts_date(p)
    last = add_months(facts, 24)
    deadline = Deadline(last, today)
    limit = [
        tr(
            "us.limit",
            lang,
            facts=day(facts, lang),
            deadline=day(last, lang),
            wilful=day(add_months(facts, 36), lang),
        ),
        state_line("us", deadline, lang),
    ]
    return Filing(
        title=tr("us.title", lang),
        to=tr("us.to", lang),
        where=[tr("us.where", lang)],
        limit=limit,
        deadline=deadline,
        warning=warning("us", deadline, lang),
        sources=[tr("us.source-216", lang), tr("us.source-255", lang)],
    )


def _california(p: Payslip, today: date, lang: str) -> Filing:
    facts = facts_date(p)
    last = add_months(facts, 36)
    deadline = Deadline(last, today)
    limit = [
        tr(
            "us-ca.limit",
            lang,
            facts=day(facts, lang),
            deadline=day(last, lang),
            federal=day(add_months(facts, 24), lang),
        ),
        state_line("us-ca", deadline, lang),
    ]
    return Filing(
        title=tr("us-ca.title", lang),
        to=tr("us-ca.to", lang),
        where=[tr("us-ca.where", lang), tr("us.where", lang)],
        limit=limit,
        deadline=deadline,
        warning=warning("us-ca", deadline, lang),
        sources=[
            tr("us-ca.source-dlse", lang),
            tr("us-ca.source-338", lang),
            tr("us.source-216", lang),
            tr("us.source-255", lang),
        ],
    )
