"""The shape of the engine (issue "the law read once and typed"): checks that read shared
facts and write nothing another reads, findings as data rendered through a catalog, every
parameter declared and read, a period that is not one pay period refused, and no import
circles. The law cases of the new shape (pay periods that are not a month, overtime judged
line by line, a missing withholding list on each line) are data: tests/cases/cn."""

from __future__ import annotations

import ast
import json
import random
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, one, payslip_data, run

import paycheck
from paycheck import Severity, engine
from paycheck.checks import CHECKS
from paycheck.law.doc import table
from paycheck.law.packs import all_packs
from paycheck.law.vocabulary import REGISTRY, P
from paycheck.messages import LOCALE, catalog

D = Decimal
SRC = ROOT / "src"
EXAMPLE_FILES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".yaml", ".json", ".toml"})


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


def _message_ids() -> tuple[set[str], set[str], list[str]]:
    """The message ids the code names (``msg("id", ...)``), every string the code holds
    (ids chosen from a table are among them), and the calls whose id is not a literal."""
    named: set[str] = set()
    strings: set[str] = set()
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
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
            if isinstance(node, ast.Call) and node.args:
                name = getattr(node.func, "id", getattr(node.func, "attr", None))
                if name in {"msg", "Msg", "_t", "h"}:
                    got = literal(node.args[0])
                    if got is None:
                        dynamic.append(f"{path.relative_to(ROOT)}:{node.lineno}")
                    else:
                        named.update(got)
    return named, strings, dynamic


def _field_paths(model: type, path: str = "") -> set[str]:
    """Every field path of a payslip (lists' items by their fields): contract.wage."""
    from typing import get_args

    from pydantic import BaseModel

    out = set()
    for name, field in model.model_fields.items():
        here = f"{path}.{name}" if path else name
        out.add(here)
        stack = [field.annotation]
        while stack:
            t = stack.pop()
            if isinstance(t, type) and issubclass(t, BaseModel):
                out |= _field_paths(t, here)
            else:
                stack.extend(get_args(t))
    return out


def _po(lang: str) -> dict[str, str]:
    from babel.messages.pofile import read_po

    with (LOCALE / lang / "LC_MESSAGES" / "paycheck.po").open("rb") as f:
        return {m.id: m.string for m in read_po(f) if m.id}


def test_every_message_the_code_names_is_in_the_catalog_and_every_entry_is_used():
    named, strings, dynamic = _message_ids()
    # msg() itself, and messages chosen from a table of ids
    assert {d.split(":")[0] for d in dynamic} <= {
        "src/paycheck/messages.py",
        "src/paycheck/checks/pay.py",
        "src/paycheck/render.py",
        "src/paycheck/loader.py",  # error.<refusal id>: see the refusal test
        "src/paycheck/cli.py",  # h(key), whose keys are counted above
    }, dynamic
    entries = _po("en")
    # English writes input errors in the code; the other languages translate them
    errors = {i for i in named if i.startswith("error.")}
    assert sorted(named - errors - set(entries)) == []
    for lang in LANGUAGES:
        if lang != "en":
            assert sorted(errors - set(_po(lang))) == [], lang
    # paycheck new explains each field of the payslip format by its path: new.contract.wage
    fields = _field_paths(paycheck.Payslip)
    by_path = {k for k in entries if k.startswith("new.") and k[4:] in fields}
    assert sorted(set(entries) - named - strings - by_path) == []
    assert all(entries.values()), [k for k, v in entries.items() if not v]


LANGUAGES = sorted(p.name for p in LOCALE.iterdir() if p.is_dir())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_compiled_catalog_is_the_po_file(lang):
    mo = catalog(lang)
    for key, text in _po(lang).items():
        assert mo.gettext(key) == text, f"{key}: run pybabel compile -d src/paycheck/locale"


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_every_message_is_translated_with_the_same_arguments(lang):
    import string

    def fields(text: str) -> list[tuple[str, str]]:
        # an id shown as words in one language may be a name in another: the same argument
        return sorted(
            (name, spec.split("/")[0].replace("words", ""))
            for _, name, spec, _ in string.Formatter().parse(text)
            if name is not None
        )

    english, other = _po("en"), _po(lang)
    assert sorted(set(english) - set(other)) == []  # a message without a translation
    # beyond English's: the names of the payslip format's ids, of its lines and of the
    # weekdays, which English shows as they are
    extra = set(other) - set(english)
    allowed = ("enum.", "weekday.", "line.", "error.")  # English writes errors in the code
    assert sorted(k for k in extra if not k.startswith(allowed)) == []
    wrong = [k for k in english if fields(english[k]) != fields(other[k])]
    assert wrong == []


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_every_refusal_of_input_is_translated_with_its_arguments(lang):
    """A refusal is written in English in the code (Refusal(text, id, **arguments)); each
    other language translates it as error.<id>, with the same arguments."""
    import string

    used: dict[str, set[str]] = {}
    for path in (SRC / "paycheck").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "Refusal"
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant)
            ):
                used[f"error.{node.args[1].value}"] = {k.arg for k in node.keywords if k.arg}
    assert len(used) > 20
    from paycheck.loader import _TRANSLATED  # pydantic's own refusals, by type

    used.update({f"error.{kind}": set() for kind in _TRANSLATED})
    names = _po(lang)
    missing = sorted(set(used) - set(names))
    assert missing == []
    wrong = [
        key
        for key, args in used.items()
        if args and {f for _, f, _, _ in string.Formatter().parse(names[key]) if f} - args
    ]
    assert wrong == []


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_every_id_a_message_shows_has_a_name_in_each_language(lang):
    from enum import Enum

    from paycheck import model
    from paycheck.law.calendar import DayClass

    enums = [
        DayClass,
        *(
            v
            for v in vars(model).values()
            if isinstance(v, type) and issubclass(v, Enum) and v.__module__ == model.__name__
        ),
    ]
    names = _po(lang)
    missing = [
        f"enum.{e.__name__}.{m.value}"
        for e in enums
        for m in e
        if f"enum.{e.__name__}.{m.value}" not in names
    ]
    assert missing == []
    assert all(f"weekday.{n}" in names for n in range(7))


# -- the vocabulary: declared once, read somewhere, documented ----------------------------------


def test_every_declared_parameter_is_read_and_every_pack_file_is_declared():
    all_packs()
    code = "\n".join(
        p.read_text("utf-8")
        for p in [*(SRC / "paycheck").rglob("*.py"), *(SRC / "rules").rglob("*.py")]
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
        elif name.startswith("comprehensive_hours_"):
            attr = "CYCLE_HOURS["
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


# -- a period that is not one pay period is refused ---------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "problem"),
    [
        # two months paid one month's wage used to exit 0
        (
            "2021-11-01",
            "2021-12-31",
            "is longer than one monthly pay period (2021-11-01 to "
            "2021-11-30, contract.pay_frequency): check each pay period on its own payslip",
        ),
        # six years paid one month's wage used to exit 0
        ("2015-01-01", "2020-12-31", "is longer than one monthly pay period"),
        # one week of a monthly wage used to report 4620.69 owed
        (
            "2023-06-05",
            "2023-06-11",
            "is part of the monthly pay period 2023-06-05 to "
            "2023-07-04 and leaves out days in employment",
        ),
    ],
)
def test_a_period_that_is_not_one_pay_period_is_refused_in_one_line(start, end, problem):
    data = payslip_data(
        period={"start": start, "end": end}, contract={"employment_start": "2014-01-01"}
    )
    with pytest.raises(paycheck.InputError) as caught:
        paycheck.validate(data, "slip.yaml")
    message = str(caught.value)
    assert message.startswith(f"slip.yaml: period: {start} to {end} ") and problem in message
    assert "\n" not in message


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
            cycles.append([*stack[stack.index(node) :], node])
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


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_every_rule_has_a_name_in_each_language(lang):
    """A report's detail heads name the rule in the reader's language (enum.RuleId.<id>)."""
    from paycheck.catalog import RULES

    entries = _po(lang)
    assert sorted(r for r in RULES if f"enum.RuleId.{r}" not in entries) == []
