"""The shape of the engine (issue "the law read once and typed"): checks that read shared
facts and write nothing another reads, findings as data rendered through a catalog, every
parameter declared and read, pay periods that are not a month, overtime judged line by
line, and no import circles."""

from __future__ import annotations

import ast
import json
import random
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, describe, one, payslip_data, run

import paycheck
from paycheck import Severity, engine
from paycheck.checks import CHECKS
from paycheck.law.doc import table
from paycheck.law.packs import all_packs
from paycheck.law.vocabulary import REGISTRY, P
from paycheck.messages import LOCALE, catalog

D = Decimal
SRC = ROOT / "src"
EXAMPLE_FILES = sorted(
    p for p in EXAMPLES.iterdir() if p.suffix in {".yaml", ".json", ".toml"}
)


def _json(report: paycheck.Report) -> str:
    return json.dumps(report.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)


# -- checks are pure: the order they run in changes no report ----------------------------------

@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_shuffling_the_checks_changes_no_report(path):
    payslip = paycheck.load(path)
    want = _json(paycheck.check(payslip, source=str(path)))
    rng = random.Random(path.name)
    for _ in range(5):
        order = list(CHECKS)
        rng.shuffle(order)
        got = engine.run(engine.facts_of(payslip), order, str(path))
        assert _json(got) == want, [c.rule for c in order]


# -- a missing parameter: under the rule that needed it, on its line; the others go on -------

def test_a_parameter_missing_for_one_line_leaves_the_other_lines_checked(monkeypatch):
    from paycheck.law.packs import Law

    real = Law.get

    def without_fine_status(self, param, on):
        return None if param is P.fine_status else real(self, param, on)

    monkeypatch.setattr(Law, "get", without_fine_status)
    report = run(
        deductions=[
            {"kind": "fine", "amount": "100.00", "reason": "late"},
            {"kind": "business-cost", "amount": "50.00", "reason": "a thermos cup"},
        ]
    )
    # deductions[0]: the fine rule cannot run; deductions[1] is still judged (劳动法 第五十条:
    # wages are paid in full, a business cost is the employer's)
    nc = one(report, "not-checked", line="deductions[0]", severity=Severity.NOT_CHECKED)
    assert nc.message == "[fine] the rule pack for CN-GD-SZ has no rule on fines."
    assert one(report, "business-cost", line="deductions[1]").amount_owed == D("50.00")


def test_before_the_withholding_list_each_line_is_not_checked_on_its_own():
    # 工资支付暂行规定 (1995-01-01) 第十五条 lists what may be withheld: before it, no deduction
    # is judged, each line says so, under the rule that needed the list
    report = run(
        period={"start": "1990-06-01", "end": "1990-06-30"},
        contract={"employment_start": "1990-01-01"},
        deductions=[
            {"kind": "social-insurance", "amount": "480.00"},
            {"kind": "other", "amount": "20.00"},
        ],
    )
    lines = [
        (f.line, f.message)
        for f in report.findings
        if f.rule == "not-checked" and "withholding_kinds" in f.message
    ]
    assert lines == [
        (
            f"deductions[{i}]",
            "[undocumented-deduction] the rule pack for CN-GD-SZ has no value for "
            "withholding_kinds in force on 1990-06-30.",
        )
        for i in (0, 1)
    ]
    assert report.total_owed == D("0.00")


# -- findings are data: an id, typed arguments, steps; text from the catalog -----------------

def test_a_finding_is_a_message_id_with_typed_arguments():
    report = paycheck.check(paycheck.load(EXAMPLES / "cn-shenzhen-2021-10-final-pay.yaml"))
    f = one(report, "proration")
    assert f.msg.id == "proration.partial-lower"
    # 6000 / 21.75 x 15 = 4137.93 (劳社部发〔2008〕3号 二); 4137.93 - 2769.23 = 1368.70
    assert f.msg.args["expected"] == D("4137.93") and f.msg.args["owed"] == D("1368.70")
    data = f.model_dump(mode="json")
    assert data["message_id"] == "proration.partial-lower"
    assert data["data"]["message"]["args"]["owed"] == "1368.70"
    steps = data["data"]["steps"]
    assert [s["id"] for s in steps][:2] == ["base.span", "cn.paid-days"]
    assert data["computation"][2] == (
        "method A (pay for paid days): 6000.00 / 21.75 x 15 paid days = 4137.93"
    )


def test_an_unsettled_finding_says_would_be_owed():
    # Shenzhen's 2025 minimum 2520 is unverified: a shortfall against it is uncertain
    report = run(
        period={"start": "2025-06-01", "end": "2025-06-30"},
        contract={"wage": "2400.00"},
        earnings=[{"kind": "base", "amount": "2400.00"}],
    )
    f = one(report, "minimum-wage", line="earnings[0]")
    assert f.severity is Severity.UNCERTAIN and f.amount_uncertain == D("120.00")
    assert "2520.00: 120.00 would be owed." in f.message
    assert "does not settle" in f.message or "do not settle" in f.message


def _message_ids() -> tuple[set[str], list[str]]:
    """Every message id the code names (``msg("id", ...)``), and calls whose id is not a
    literal (none may be: a translator must see every id)."""
    ids: set[str] = set()
    dynamic: list[str] = []

    def literal(node: ast.expr) -> list[str] | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, ast.IfExp):
            a, b = literal(node.body), literal(node.orelse)
            return None if a is None or b is None else a + b
        return None

    for path in [*(SRC / "paycheck").rglob("*.py"), *(SRC / "rules").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and node.args:
                name = getattr(node.func, "id", getattr(node.func, "attr", None))
                if name in {"msg", "Msg"}:
                    got = literal(node.args[0])
                    if got is None:
                        dynamic.append(f"{path.relative_to(ROOT)}:{node.lineno}")
                    else:
                        ids.update(got)
            if isinstance(node, ast.Dict):  # tables of message ids
                ids.update(
                    v.value
                    for v in node.values
                    if isinstance(v, ast.Constant)
                    and isinstance(v.value, str)
                    and re.fullmatch(r"[a-z]+\.[a-z.-]+", v.value)
                )
    return ids, dynamic


def _po(lang: str) -> dict[str, str]:
    from babel.messages.pofile import read_po

    with (LOCALE / lang / "LC_MESSAGES" / "paycheck.po").open("rb") as f:
        return {m.id: m.string for m in read_po(f) if m.id}


def test_every_message_the_code_names_is_in_the_catalog_and_every_entry_is_used():
    ids, dynamic = _message_ids()
    # msg() itself, and a message chosen from a table (whose ids are counted above)
    assert {d.split(":")[0] for d in dynamic} <= {
        "src/paycheck/messages.py", "src/paycheck/checks/pay.py"
    }, dynamic
    entries = _po("en")
    assert sorted(ids - set(entries)) == []
    assert sorted(set(entries) - ids) == []
    assert all(entries.values()), [k for k, v in entries.items() if not v]


def test_the_compiled_catalog_is_the_po_file():
    mo = catalog("en")
    for key, text in _po("en").items():
        assert mo.gettext(key) == text, f"{key}: run pybabel compile -d src/paycheck/locale"


# -- the vocabulary: declared once, read somewhere, documented ----------------------------------

def test_every_declared_parameter_is_read_and_every_pack_file_is_declared():
    all_packs()
    code = "\n".join(
        p.read_text("utf-8") for p in [*(SRC / "paycheck").rglob("*.py"),
                                       *(SRC / "rules").rglob("*.py")]
    )
    declared_only = (SRC / "paycheck" / "law" / "vocabulary.py").read_text("utf-8")
    unread = []
    for name, param in REGISTRY.items():
        attr = f"P.{name}"
        if param in P.deduction_requires.values():
            attr = "P.deduction_requires["
        elif name.startswith("day_pay_"):
            attr = "DAY_PAY["
        elif name.startswith("overtime_multiplier_"):
            attr = "MULTIPLIER["
        uses = code.count(attr) - declared_only.count(attr)
        constant = re.search(rf"^(\w+) = declare\(\s*param\(\s*\"{name}\"", code, re.M)
        if uses <= 0 and not (constant and code.count(constant.group(1)) > 1):
            unread.append(name)
    assert unread == []
    # no parameter is read by a string any more
    assert not re.search(r"\b(?:facts|law|lw|self)\.(?:get|need|items|flag)\(\s*\"", code)
    files = {p.stem for p in (SRC / "rules").rglob("parameters/*.yaml")}
    assert files <= set(REGISTRY)


def test_the_docs_parameter_table_is_generated_from_the_declarations():
    doc = (ROOT / "docs" / "adding-a-jurisdiction.md").read_text("utf-8")
    begin, end = "<!-- parameters: begin -->\n", "<!-- parameters: end -->"
    assert begin in doc and end in doc
    shown = doc.split(begin, 1)[1].split(end, 1)[0]
    assert shown == table(), "run: python -m paycheck.law, and paste it into the docs"


# -- pay periods that are not one month ----------------------------------------------------

def _period(start: str, end: str, amount: str, **contract: str) -> paycheck.Report:
    return run(
        period={"start": start, "end": end},
        contract=contract,
        earnings=[{"kind": "base", "amount": amount}],
        deductions=[],
    )


def test_a_semi_monthly_half_paid_its_share_is_clean():
    # 6000.00 a month paid twice a month: 6000 / 2 = 3000.00 for 1-15 June 2023
    report = _period("2023-06-01", "2023-06-15", "3000.00", pay_frequency="semi-monthly")
    assert report.findings == [], describe(report)
    second = _period("2023-06-16", "2023-06-30", "3000.00", pay_frequency="semi-monthly")
    assert second.findings == [], describe(second)


def test_a_semi_monthly_half_paid_short_shows_the_shortfall():
    # 3000.00 due for the half; 2500.00 paid: 500.00 owed (劳动法 第五十条: wages in full)
    report = _period("2023-06-01", "2023-06-15", "2500.00", pay_frequency="semi-monthly")
    f = one(report, "proration")
    assert (f.severity, f.amount_owed) == (Severity.UNDERPAYMENT, D("500.00"))
    assert f.message == (
        "The whole pay period was worked but base pay is 2500.00, not the period's share of "
        "the contract wage, 3000.00: 500.00 is owed."
    )


def test_a_joiner_in_a_semi_monthly_half_is_prorated_on_the_monthly_divisor():
    # joined Thursday 8 June 2023; 1-15 June has 11 working days, 6 of them in employment
    # (8, 9, 12-15), 5 absent (1, 2, 5-7). 劳社部发〔2008〕3号 二:
    # method A: 6000 / 21.75 x 6 = 1655.17; method B: 3000 - 6000 / 21.75 x 5 = 3000 - 1379.31
    # = 1620.69; the lower is 1620.69, so 1600.00 paid is 20.69 short
    report = _period(
        "2023-06-01", "2023-06-15", "1600.00", pay_frequency="semi-monthly",
        employment_start="2023-06-08",
    )
    f = one(report, "proration")
    assert f.amount_owed == D("20.69")
    assert "method A (pay for paid days): 6000.00 / 21.75 x 6 paid days = 1655.17" in f.computation
    assert (
        "method B (deduct absent days): 3000.00 - 6000.00 / 21.75 x 5 absent working days "
        "(2023-06-01..02, 2023-06-05..07) = 3000.00 - 1379.31 = 1620.69" in f.computation
    )


@pytest.mark.parametrize(
    ("frequency", "start", "end", "amount"),
    [
        ("bi-weekly", "2023-06-05", "2023-06-18", "2769.23"),  # 6000 x 12 / 26 = 2769.23
        ("weekly", "2023-06-05", "2023-06-11", "1384.62"),  # 6000 x 12 / 52 = 1384.62
    ],
)
def test_weekly_and_bi_weekly_shares_of_a_monthly_wage(frequency, start, end, amount):
    assert _period(start, end, amount, pay_frequency=frequency).findings == []
    short = _period(start, end, str(D(amount) - D("0.01")), pay_frequency=frequency)
    assert short.total_owed == D("0.01"), describe(short)


@pytest.mark.parametrize(
    ("start", "end", "problem"),
    [
        # two months paid one month's wage used to exit 0
        ("2021-11-01", "2021-12-31", "is longer than one monthly pay period (2021-11-01 to "
         "2021-11-30, contract.pay_frequency): check each pay period on its own payslip"),
        # six years paid one month's wage used to exit 0
        ("2015-01-01", "2020-12-31", "is longer than one monthly pay period"),
        # one week of a monthly wage used to report 4620.69 owed
        ("2023-06-05", "2023-06-11", "is part of the monthly pay period 2023-06-05 to "
         "2023-07-04 and leaves out days in employment"),
    ],
)
def test_a_period_that_is_not_one_pay_period_is_refused_in_one_line(start, end, problem):
    data = payslip_data(period={"start": start, "end": end}, contract={"employment_start":
                                                                        "2014-01-01"})
    with pytest.raises(paycheck.InputError) as caught:
        paycheck.validate(data, "slip.yaml")
    message = str(caught.value)
    assert message.startswith(f"slip.yaml: period: {start} to {end} ") and problem in message
    assert "\n" not in message


def test_a_leavers_period_ending_on_the_last_day_is_priced_against_the_whole_month():
    # The Shenzhen example's period, stopped at the last day (2021-10-22), gives the same
    # lawful figure as the whole month: 6000 / 21.75 x 15 = 4137.93
    data = paycheck.load(EXAMPLES / "cn-shenzhen-2021-10-final-pay.yaml").model_dump(
        mode="json", by_alias=True, exclude_none=True
    )
    data["period"]["end"] = "2021-10-22"
    report = paycheck.check(paycheck.validate(data))
    assert one(report, "proration").amount_owed == D("1368.70")


# -- each overtime line judged on what it pays ---------------------------------------------

# June 2023 in Shenzhen: 6000 / 174 = 34.4828 an hour (劳社部发〔2008〕3号 二; 劳动法 第四十四条)
WEEKDAY = {"date": "2023-06-05", "hours": 2}  # Monday: 2 h x 34.4828 x 150% = 103.45
SATURDAY = {"date": "2023-06-10", "hours": 8}  # rest day: 8 h x 34.4828 x 200% = 551.72
HOLIDAY = {"date": "2023-06-22", "hours": 8}  # Dragon Boat Festival: 8 x 34.4828 x 300% = 827.59


def _itemised(*lines: dict) -> paycheck.Report:
    return run(
        attendance={"overtime": [WEEKDAY, SATURDAY, HOLIDAY]},
        earnings=[{"kind": "base", "amount": "6000.00"}, *lines],
    )


def test_overtime_itemised_by_kind_of_day_at_the_right_rates_is_clean():
    report = _itemised(
        {"kind": "overtime", "amount": "103.45", "hours": 2, "multiplier": "1.5"},
        {"kind": "overtime", "amount": "551.72", "hours": 8, "multiplier": 2},
        {"kind": "overtime", "amount": "827.59", "hours": 8, "multiplier": 3},
    )
    assert report.findings == [], describe(report)
    assert report.exit_code == 0


def test_a_line_of_one_kind_of_day_below_its_rate_is_a_violation():
    # the 2 h line pays the weekday's 2 h at 100%, where 150% is due:
    # 2 h x 34.4828 x 150% = 103.45; paid 2 x 34.4828 = 68.97; 103.45 - 68.97 = 34.48
    report = _itemised(
        {"kind": "overtime", "amount": "68.97", "hours": 2, "multiplier": 1},
        {"kind": "overtime", "amount": "1379.31", "hours": 16},
    )
    f = one(report, "overtime-premium", severity=Severity.VIOLATION)
    assert f.message.startswith(
        "earnings[1] applies 100%, but the overtime it pays includes days that require 150%"
    )
    assert f.amount_owed == D("34.48")


def test_a_line_covering_several_kinds_of_day_is_judged_on_its_total():
    # one line of 18 h at 150% pays 930.52 where 103.45 + 551.72 + 827.59 = 1482.76 is due:
    # 552.24 is owed, an underpayment of the total (no one rate applies to the line)
    report = _itemised({"kind": "overtime", "amount": "930.52", "hours": 18, "multiplier": "1.5"})
    f = one(report, "overtime-premium")
    assert (f.severity, f.amount_owed) == (Severity.UNDERPAYMENT, D("552.24"))


# -- a layout that shows the design ---------------------------------------------------------

def _imports(path: Path, package: str) -> set[str]:
    """The paycheck modules a module imports when it runs, at any depth of the file (a
    function's too), not those imported for the type checker alone."""
    tree = ast.parse(path.read_text("utf-8"))
    typing_only = {
        id(n)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and ast.unparse(block.test) == "TYPE_CHECKING"
        for n in ast.walk(block)
    }
    out = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        out.update(n for n in names if n.startswith(package + ".") or n == package)
    return out


def test_no_import_circles_in_the_engine():
    root = SRC / "paycheck"
    modules = {}
    for path in root.rglob("*.py"):
        parts = path.relative_to(SRC).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    graph = defaultdict(set)
    for name, path in modules.items():
        for target in _imports(path, "paycheck"):
            while target not in modules and "." in target:
                target = target.rsplit(".", 1)[0]
            if target in modules and target != name and not name.startswith(target + "."):
                graph[name].add(target)
    cycles = []

    def visit(node: str, stack: list[str]) -> None:
        if node in stack:
            cycles.append([*stack[stack.index(node):], node])
            return
        for nxt in sorted(graph[node]):
            visit(nxt, [*stack, node])

    for name in sorted(modules):
        visit(name, [])
    assert sorted({" -> ".join(c) for c in cycles}) == [], "import circles"


def test_the_engine_names_no_country():
    """No code in the engine, beyond its docs and comments, names a country or its codes."""
    words = re.compile(
        r"Shenzhen|Guangdong|China|Malaysia|Singapore|Nigeria|Lagos|\b(?:CN|MY|SG|NG)\b"
    )
    named = []
    for path in (SRC / "paycheck").rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        docs = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) not in docs and words.search(node.value):
                    named.append(f"{path.name}:{node.lineno}: {node.value[:40]}")
            elif isinstance(node, ast.Name) and words.search(node.id):
                named.append(f"{path.name}:{node.lineno}: {node.id}")
    assert named == []


def test_no_check_function_is_over_sixty_lines():
    long = []
    for path in (SRC / "paycheck" / "checks").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.end_lineno - node.lineno + 1 > 60:
                long.append(f"{path.name}:{node.name}")
    assert long == []
