"""The checks only a pack's law has (``pack_checks``): each a named ``pack-check`` formula,
registered beside the pack, named by the rule id it reports under."""

from __future__ import annotations

from paycheck.checks.findings import Findings
from paycheck.facts import Facts
from paycheck.law import formulas
from paycheck.law.packs import MissingParameter
from paycheck.law.vocabulary import P


def pack_checks(facts: Facts, out: Findings) -> None:
    """Run each check the pack names for the period, in the order it names them."""
    for name in facts.items(P.pack_checks, facts.period_end):
        try:
            formulas.get("pack-check", name).run(facts, out)
        except MissingParameter as exc:
            out.missing(name, exc)
