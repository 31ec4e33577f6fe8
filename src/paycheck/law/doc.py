"""The parameter table of docs/adding-a-jurisdiction.md, made from the declarations:
``python -m paycheck.law`` prints it (a test fails when the docs differ)."""

from __future__ import annotations

from enum import Enum
from typing import Any

from paycheck.law import tables
from paycheck.law.packs import all_packs
from paycheck.law.vocabulary import REGISTRY, P, Param
from paycheck.model import DeductionKind


def _type_name(type_: Any) -> str:
    """A declared type for a reader of the docs."""
    names = {
        tables.Clause: "coverage clauses",
        tables.Positive: "number > 0",
        tables.NonNegative: "number ≥ 0",
        tables.Share: "share (`0.2` or `1/3`)",
        tables.Tiers: "tiers",
        tables.Steps: "service steps",
        tables.LeaveSteps: "service steps (days of leave)",
        tables.NoticeSteps: "service steps (weeks, days, months of notice)",
        bool: "`true` / `false`",
        str: "text",
    }
    if type_ in names:
        return names[type_]
    origin = getattr(type_, "__origin__", None)
    if origin is list:
        (item,) = type_.__args__
        return "coverage clauses" if item is tables.Clause else f"list of {_type_name(item)}"
    if isinstance(type_, type) and issubclass(type_, Enum):
        return " or ".join(f"`{m.value}`" for m in type_)
    if isinstance(type_, type):
        return type_.__name__
    args = getattr(type_, "__args__", ())
    return " or ".join(_type_name(a) for a in args) if args else str(type_)


def table() -> str:
    """The parameter table of docs/adding-a-jurisdiction.md, from the declarations (the
    engine's, and those the packs declare beside their formulas)."""
    all_packs()  # the packs declare their own parameters when they load
    rows = [
        "| parameter | type | read by | means | absent | `null` |",
        "|---|---|---|---|---|---|",
    ]
    family = {p.name for p in P.deduction_requires.values()}
    some = P.deduction_requires[DeductionKind.LOSS_COMPENSATION]
    shown = {name: REGISTRY[name] for name in REGISTRY if name not in family}
    shown["deduction_requires_<kind>"] = Param(
        "deduction_requires_<kind>", some.type, ("the kind's rule",), some.means, some.absent
    )
    for name, p in sorted(shown.items()):
        rows.append(
            f"| `{name}` | {_type_name(p.type)} | {', '.join(p.rules)} | {p.means} | "
            f"{p.absent} | {p.null} |"
        )
    return "\n".join(rows) + "\n"
