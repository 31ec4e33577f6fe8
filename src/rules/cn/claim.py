"""Where a claim is filed in China, and by when: a 劳动人事争议仲裁申请书 in Chinese.

* Body: the labour dispute arbitration committee of the place where the contract is
  performed or the employer is located (劳动争议调解仲裁法 第二十一条; 第十七条: set up
  differently from place to place, so the letter names one only where the payslip can
  tell). Shenzhen's two levels, by district and registered capital, come from secondary
  sources that agree: the letter says so, and leaves the committee's name blank.
* Time limit (第二十七条): one year from knowing of the infringement; for remuneration in
  arrears, none while the employment lasts and one year from its end. Counted as the Civil
  Code counts periods (民法典 第二百零一条、第二百零二条). Where a claim might be held not to
  be remuneration in arrears, the earlier date is the one warned of.
* Another route: a complaint to labour inspection (劳动保障监察条例 第九条、第十三条), which
  no longer deals with a breach neither found nor reported within 2 years (第二十条).

Sources and status: ``docs/claims.md``.
"""

from __future__ import annotations

from datetime import date

from paycheck.claim.law import (
    Deadline,
    Filing,
    State,
    add_months,
    facts_date,
    state_line,
    warning,
)
from paycheck.claim.text import day, tr
from paycheck.model import Payslip

LANGUAGE = "zh_CN"
SHENZHEN = "CN-GD-SZ"


def filing(p: Payslip, today: date, lang: str) -> Filing:
    facts = facts_date(p)
    last = p.contract.last_day
    limit = [tr("cn.limit-law", lang)]
    if last is not None:
        ended = add_months(last, 12)
        limit.append(tr("cn.limit-ended", lang, last=day(last, lang), deadline=day(ended, lang)))
        earliest = min(ended, add_months(facts, 12))
        if earliest < ended:
            limit.append(
                tr(
                    "cn.limit-ended-earlier",
                    lang,
                    facts=day(facts, lang),
                    early=day(earliest, lang),
                )
            )
    else:
        earliest = add_months(facts, 12)
        limit.append(
            tr("cn.limit-employed", lang, facts=day(facts, lang), deadline=day(earliest, lang))
        )
    limit.append(tr("cn.limit-holiday", lang))
    deadline = Deadline(earliest, today)
    limit.append(state_line("cn", deadline, lang))
    if deadline.state is State.PASSED:
        limit.append(tr("cn.passed-what-now", lang))
    shenzhen = p.jurisdiction == SHENZHEN
    where = [
        tr("cn.where-law", lang),
        tr("cn.where-shenzhen" if shenzhen else "cn.where-other", lang),
    ]
    inspected = Deadline(add_months(min(facts, last or facts), 24), today)
    assert inspected.last_day is not None
    passed = "passed" if inspected.state is State.PASSED else "open"
    alternative = [
        tr("cn.inspection", lang, last=day(inspected.last_day, lang))
        + tr(f"cn.inspection-{passed}", lang)
    ]
    sources = ["27", "21", "civil-code", "inspection"] + (["shenzhen"] if shenzhen else [])
    return Filing(
        title=tr("cn.title", lang),
        to=tr("cn.to", lang),
        where=where,
        limit=limit,
        deadline=deadline,
        warning=warning("cn", deadline, lang),
        sources=[tr(f"cn.source-{name}", lang) for name in sources],
        alternative=alternative,
        form="cn",
        capitals=True,
        to_at_end=True,
    )
