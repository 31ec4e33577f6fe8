"""The shape of Nigerian labour law that no other pack has: pay in lieu of the notice an
employer did not give (Labour Act s.11)."""

from __future__ import annotations

from paycheck.facts import Facts
from paycheck.facts.service import notice_wages
from paycheck.law.formulas import Due, formula
from paycheck.messages import Msg, msg


@formula("notice-pay", "s11", "Labour Act s.11(2)")
def pay_in_lieu_of_notice(facts: Facts) -> Due | Msg | None:
    """An employer that ends the contract without the notice s.11(2) requires (1 day, 1 or
    2 weeks, 1 month by length of service, unless the contract sets one) pays the wages of
    the notice not given (payment in lieu, s.11 as paraphrased). A dismissal for misconduct
    is uncertain: the research did not read the provision."""
    return notice_wages(facts, msg("final.doubt-misconduct"))
