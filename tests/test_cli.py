"""The ``paycheck`` command: check (table, json, markdown, --on), rules, explain, schema."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from conftest import CORRECTED, WORKED

import paycheck
from paycheck.catalog import RULES
from paycheck.cli import main

D = Decimal


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def test_check_json_worked_example(capsys):
    rc, out, err = _run(capsys, "check", str(WORKED), "--format", "json")
    assert (rc, err) == (1, "")
    data = json.loads(out)
    assert data["total_owed"] == "3744.39"  # a string, never a JSON number
    assert data["total_uncertain"] == "3000.00"  # economic compensation on his asserted ground
    assert data["source"] == str(WORKED)
    for f in data["findings"]:
        assert {"rule", "severity", "line", "amount_owed", "citations", "computation"} <= set(f)
        assert isinstance(f["amount_owed"], str)
        assert isinstance(f["computation"], list)
        for c in f["citations"]:
            assert c["title"] and c["effective"]
    by = {(f["rule"], f["line"]): f for f in data["findings"]}
    assert by[("proration", "earnings[0]")]["amount_owed"] == "1368.70"
    assert by[("overtime-base", "earnings[1]")]["amount_owed"] == "1020.69"
    assert by[("resignation-penalty", "deductions[0]")]["amount_owed"] == "1200.00"
    assert by[("loss-deduction", "deductions[1]")]["amount_owed"] == "45.00"
    assert by[("business-cost", "deductions[2]")]["amount_owed"] == "60.00"
    assert by[("business-cost", "deductions[3]")]["amount_owed"] == "50.00"
    assert any("4137.93" in line for line in by[("proration", "earnings[0]")]["computation"])
    assert any("4620.69" in line for line in by[("proration", "earnings[0]")]["computation"])
    assert by[("proration", "earnings[0]")]["citations"][0]["article"] == "二"


def test_json_never_has_a_float(capsys):
    _, out, _ = _run(capsys, "check", str(WORKED), "--format", "json")

    def walk(value):
        assert not isinstance(value, float), value
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(json.loads(out))


def test_check_json_several_files_is_a_list(capsys):
    rc, out, _ = _run(capsys, "check", str(WORKED), str(CORRECTED), "--format", "json")
    assert rc == 1  # the worst of the two
    data = json.loads(out)
    assert [r["total_owed"] for r in data] == ["3744.39", "0.00"]


def test_check_corrected_example_exits_0(capsys):
    rc, out, err = _run(capsys, "check", str(CORRECTED), "--format", "json")
    assert (rc, err) == (0, "")
    data = json.loads(out)
    assert data["findings"] == []
    assert data["total_owed"] == "0.00"


def test_check_table_default(capsys):
    rc, out, err = _run(capsys, "check", str(WORKED))
    assert (rc, err) == (1, "")
    assert "3744.39" in out
    for figure in ("1368.70", "1020.69", "1200.00", "4137.93", "1931.03"):
        assert figure in out
    assert "Traceback" not in out
    # The limits of the check are printed for a person too, not only in JSON.
    assert out.rstrip().endswith(
        "Notes (the limits of this check):\n- Withholdings on the statutory list (income-tax, "
        "social-insurance, housing-fund, court-order) are taken as stated: their rates are not "
        "checked."
    )


def test_check_table_corrected(capsys):
    rc, out, _ = _run(capsys, "check", str(CORRECTED))
    assert rc == 0
    assert "3744.39" not in out


def test_check_markdown(capsys):
    rc, out, err = _run(capsys, "check", str(WORKED), "--format", "markdown")
    assert (rc, err) == (1, "")
    assert out.lstrip().startswith("#")
    assert "3744.39" in out
    assert re.search(r"^#+ .*proration", out, re.M)
    assert "earnings[0]" in out and "1368.70" in out
    assert "4137.93" in out and "4620.69" in out
    assert "劳社部发〔2008〕3号" in out
    assert "|" in out  # a Markdown table
    assert "### Notes (the limits of this check)" in out


def test_check_on_a_date(capsys):
    rc, out, _ = _run(capsys, "check", str(WORKED), "--format", "json", "--on", "2023-01-01")
    data = json.loads(out)
    assert data["law_on"] == "2023-01-01"
    assert rc == 1
    assert data["total_owed"] == "3744.39"  # none of the parameters used changed by 2023


def test_rules_shenzhen_on_2021_10_01(capsys):
    rc, out, err = _run(capsys, "rules", "CN-GD-SZ", "--on", "2021-10-01")
    assert (rc, err) == (0, "")
    assert "2021-10-01" in out
    block = out.split("minimum_wage_monthly", 1)[1].split("\n\n")[0]
    assert "= 2200 CNY a month" in block
    assert "2018-07-01" in block
    assert "粤府函〔2018〕187号" in block
    assert "= 21.75 days" in out
    fine = out.split("fine_status", 1)[1]
    assert "contested" in fine.splitlines()[2]
    for rule_param in (
        "paid_days_per_month",
        "overtime_multiplier_holiday",
        "loss_deduction_max_fraction",
        "resignation_penalty_void",
    ):
        assert rule_param in out


@pytest.mark.parametrize(
    ("on", "shown"),
    [
        ("2022-01-01", "= 2360 CNY a month"),
        ("2025-03-01", "= 2520 CNY a month [unverified]"),
    ],
)
def test_rules_minimum_wage_by_date(capsys, on, shown):
    _, out, _ = _run(capsys, "rules", "CN-GD-SZ", "--on", on)
    assert shown in out


def test_rules_fine_prohibited_after_2022_08_04(capsys):
    _, out, _ = _run(capsys, "rules", "CN-GD-SZ", "--on", "2022-08-04")
    fine = out.split("fine_status", 1)[1].splitlines()
    assert "= prohibited" in fine[2]


def test_rules_without_jurisdiction_lists_packs_and_rule_ids(capsys):
    rc, out, _ = _run(capsys, "rules")
    assert rc == 0
    for code in ("CN", "CN-GD", "CN-GD-SZ"):
        assert re.search(rf"^{code}\s", out, re.M)
    for rule in RULES:
        assert rule in out


def test_explain_fine(capsys):
    rc, out, err = _run(capsys, "explain", "fine")
    assert (rc, err) == (0, "")
    assert out.startswith("fine:")
    assert "CN-GD-SZ" in out
    assert "2022-08-04: prohibited" in out
    assert "2013-05-01: prohibited" in out
    assert "第十六条" in out  # the Shenzhen 30% cap


@pytest.mark.parametrize("rule", sorted(RULES))
def test_explain_every_rule(capsys, rule):
    rc, out, _ = _run(capsys, "explain", rule)
    assert rc == 0
    assert out.startswith(f"{rule}:")


def test_schema_is_valid_json(capsys):
    rc, out, _ = _run(capsys, "schema")
    assert rc == 0
    schema = json.loads(out)
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False
    assert {"format_version", "jurisdiction", "currency", "period", "contract"} <= set(
        schema["required"]
    )
    assert {"earnings", "deductions", "attendance", "net_pay"} <= set(schema["properties"])


def test_schema_money_refuses_a_fraction_number(capsys):
    # Regression (found by this suite): money was {"type": "number"} with a non-JSON-Schema
    # "ge" bound, so 45.5 validated against the schema although the loader refuses it.
    _, out, _ = _run(capsys, "schema")
    amount = json.loads(out)["$defs"]["Deduction"]["properties"]["amount"]
    branches = amount.get("anyOf", [amount])
    assert {b.get("type") for b in branches} == {"string", "integer"}, amount
    assert "ge" not in amount and all("ge" not in b for b in branches)
    string = next(b for b in branches if b["type"] == "string")
    assert re.fullmatch(string["pattern"], "6000.00")
    assert not re.fullmatch(string["pattern"], "-45.00")
    assert not re.fullmatch(string["pattern"], "4.5e1")
    # At most 15 digits before the point, as paycheck.validate (money.MONEY_LIMIT).
    assert re.fullmatch(string["pattern"], "9" * 15 + ".99")
    assert not re.fullmatch(string["pattern"], "1" + "0" * 15)
    integer = next(b for b in branches if b["type"] == "integer")
    assert (integer["minimum"], integer["maximum"]) == (0, 10**15 - 1)


def test_table_first_screen_names_the_article_for_each_line_owed(capsys):
    # The foreman's question: what am I owed, on which line, and what do I cite?
    rc = main(["check", str(WORKED)])
    out = capsys.readouterr().out
    assert rc == 1
    first_screen = "\n".join(out.splitlines()[:12])
    assert "Owed to the employee: 3744.39 CNY" in first_screen
    rows = {
        line.split()[0]: line
        for line in first_screen.splitlines()
        if line.startswith(("earnings[", "deductions["))
    }
    assert "1200.00" in rows["deductions[0]"] and "劳动合同法 第二十五条" in rows["deductions[0]"]
    assert "1368.70" in rows["earnings[0]"] and "劳社部发〔2008〕3号 二" in rows["earnings[0]"]
    assert "45.00" in rows["deductions[1]"] and "工资支付暂行规定 第十六条" in rows["deductions[1]"]


def test_check_in_chinese(capsys):
    assert main(["check", str(WORKED), "--lang", "zh_CN"]) == 1
    out = capsys.readouterr().out
    assert "应补发给劳动者：3744.39 CNY" in out
    assert "辞职违约金：法律不允许" in out  # the plain reason of the resignation penalty
    assert "方法 A（按计薪天数计发）：6000.00 / 21.75 x 15 天 = 4137.93" in out


def test_check_json_in_chinese_keeps_keys_and_ids(capsys):
    assert main(["check", str(WORKED), "--lang", "zh_CN", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["total_owed"] == "3744.39"
    first = report["findings"][0]
    assert (first["rule"], first["message_id"]) == ("proration", "proration.partial-lower")
    assert first["message"].startswith("不满整月的基本工资为 2769.23")


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "zh_TW.UTF-8"}, "zh_CN"),  # the one Chinese catalog
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),  # LC_ALL first
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),  # no French catalog
        ({}, "en"),
    ],
)
def test_the_default_language_comes_from_the_locale(environ, lang):
    from paycheck.messages import default_language

    assert default_language(environ) == lang


def test_json_for_several_files_is_a_list_even_when_one_is_bad(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format_version: 1\n", "utf-8")
    assert main(["check", str(WORKED), str(bad), "--format", "json"]) == 2
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert isinstance(data, list) and [r["total_owed"] for r in data] == ["3744.39"]
    assert captured.err.startswith(f"paycheck: {bad}: ")


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize(
    ("code", "owed"),
    [("CN-GD-SZ", "3744.39"), ("MY-14", "307.69"), ("SG", "883.77"), ("NG-LA", "14000.00")],
)
def test_new_writes_a_payslip_that_checks_as_its_example(capsys, tmp_path, code, owed, lang):
    """paycheck new writes the country's example with every field explained: checked as it
    is, it owes what the example owes (the hand-computed totals of the examples)."""
    target = tmp_path / "mine.yaml"
    assert main(["new", code, "--lang", lang, "--output", str(target)]) == 0
    text = target.read_text("utf-8")
    assert text.startswith("# ")
    reminder = "金额：保留引号" if lang == "zh_CN" else "money: keep the quotes"
    assert 'amount: "' in text and f"# {reminder}" in text
    capsys.readouterr()
    assert main(["check", str(target), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["total_owed"] == owed


def test_new_explains_every_field_it_writes():
    """Each field of the examples has its comment in each language, at its first use."""
    from paycheck.law.packs import law
    from paycheck.loader import read_file
    from paycheck.messages import LANGUAGES, catalog
    from paycheck.new import examples_folder

    def paths(data, path=""):
        if isinstance(data, dict):
            for key, value in data.items():
                field = f"{path}.{key}" if path else key
                yield field
                yield from paths(value, field)
        elif isinstance(data, list):
            for item in data:
                yield from paths(item, path)

    examples = {law(code).example for code in ("CN", "MY", "SG", "NG")}
    fields = {p for name in examples for p in paths(read_file(examples_folder() / name))}
    # a range's ends, an overtime record's fields and an id or name are clear on their own
    plain = {
        "from",
        "to",
        "date",
        "hours",
        "time_off_given",
        "id",
        "name",
        "start",
        "end",
        "kind",
        "reference",
    }
    for lang in LANGUAGES:
        missing = [
            f
            for f in sorted(fields)
            if f.rsplit(".", 1)[-1] not in plain or f.count(".") == 0
            if catalog(lang).gettext(f"new.{f}") == f"new.{f}"
        ]
        assert missing == [], lang


def test_new_will_not_overwrite_a_file(capsys, tmp_path):
    target = tmp_path / "mine.yaml"
    target.write_text("mine", "utf-8")
    assert main(["new", "SG", "--output", str(target)]) == 2
    assert target.read_text("utf-8") == "mine"
    assert capsys.readouterr().err == f"paycheck: {target}: exists already: choose another name\n"


def test_a_refusal_in_chinese(capsys, tmp_path):
    bad = tmp_path / "p.yaml"
    bad.write_text(WORKED.read_text("utf-8").replace('wage: "6000.00"', "wage: 6000.5"), "utf-8")
    assert main(["check", str(bad), "--lang", "zh_CN"]) == 2
    err = capsys.readouterr().err
    assert err == (
        f'paycheck: {bad}: contract.wage: 金额必须写成带引号的十进制数（如 "6000.5"）或整数，'
        "不能写成带小数的数字（6000.5）：请加上引号，以免产生舍入误差\n"
    )


def test_help_in_the_language_asked_for(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--lang", "zh_CN", "--help"])
    out = capsys.readouterr().out
    assert "按工资单所在地区的劳动法核查工资单。" in out
    assert "退出码：0 未发现违法、少付或无依据扣款" in out


def test_batch_json_lines_in_chinese(capsys, tmp_path):
    run = tmp_path / "run.jsonl"
    data = paycheck.load(WORKED).model_dump(mode="json", by_alias=True, exclude_none=True)
    run.write_text(json.dumps(data) + "\n", "utf-8")
    assert main(["check-batch", str(run), "--format", "jsonl", "--lang", "zh_CN"]) == 1
    line = json.loads(capsys.readouterr().out.splitlines()[0])
    assert line["total_owed"] == "3744.39"
    assert line["findings"][0]["message"].startswith("不满整月的基本工资为 2769.23")
