"""Bad input through the CLI: exit 2 and exactly one line on stderr naming the file, the field
and the problem; never a traceback. Also through the library: ``InputError``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import CORRECTED, WORKED

import paycheck
from paycheck.cli import main

EXAMPLE = WORKED.read_text(encoding="utf-8")

TOML_OK = """\
format_version = 1
jurisdiction = "CN-GD-SZ"
currency = "CNY"
net_pay = "5520.00"

[employee]
id = "E-1"

[employer]
id = "ER-1"

[period]
start = 2023-06-01
end = 2023-06-30

[contract]
pay_basis = "monthly"
wage = "6000.00"
employment_start = 2020-01-01

[[earnings]]
kind = "base"
amount = "6000.00"

[[deductions]]
kind = "social-insurance"
amount = "480.00"
"""


def _example_data() -> dict:
    return yaml.safe_load(EXAMPLE)


def _json(data: dict) -> str:
    return json.dumps(data, default=str)


def _edit(old: str, new: str) -> str:
    assert old in EXAMPLE, old
    return EXAMPLE.replace(old, new, 1)


def _json_with(path: list, value) -> str:
    data = _example_data()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return _json(data)


CASES = {
    # name: (file name, content, parts the one stderr line must contain)
    "malformed YAML": (
        "p.yaml",
        _edit("currency: CNY", "currency: [CNY"),
        ["malformed YAML at line"],
    ),
    "malformed JSON": (
        "p.json",
        '{"format_version": 1, "jurisdiction": "CN-GD-SZ",,}',
        ["malformed JSON at column"],
    ),
    "malformed TOML": (
        "p.toml",
        "format_version = 1\njurisdiction = \n",
        ["malformed TOML", "line 2"],
    ),
    "unknown jurisdiction": (
        "p.yaml",
        _edit("jurisdiction: CN-GD-SZ", "jurisdiction: CN-GD-GZ"),
        ["jurisdiction", "unknown jurisdiction 'CN-GD-GZ'", "CN-GD-SZ"],
    ),
    "unknown country": (
        "p.yaml",
        _edit("jurisdiction: CN-GD-SZ", "jurisdiction: XX"),
        ["jurisdiction", "unknown jurisdiction 'XX'"],
    ),
    "malformed jurisdiction": (
        "p.yaml",
        _edit("jurisdiction: CN-GD-SZ", "jurisdiction: cn-gd"),
        ["jurisdiction", "write it in capitals, CN-GD"],
    ),
    "unknown field": (
        "p.yaml",
        _edit("  hours_system: standard", "  hours_system: standard\n  overtime_rate: 2"),
        ["contract.overtime_rate", "unknown field"],
    ),
    "unknown top-level field": (
        "p.yaml",
        EXAMPLE + "remarks: none\n",
        ["remarks", "unknown field"],
    ),
    "negative money": (
        "p.yaml",
        _edit('amount: "45.00"', 'amount: "-45.00"'),
        ["deductions[1].amount", "greater than or equal to 0"],
    ),
    "negative money JSON": (
        "p.json",
        _json_with(["deductions", 1, "amount"], -45),
        ["deductions[1].amount", "greater than or equal to 0"],
    ),
    "float money YAML": (
        "p.yaml",
        _edit('amount: "45.00"', "amount: 45.5"),
        ["deductions[1].amount", "45.5", "decimal string"],
    ),
    "float money JSON": (
        "p.json",
        _json_with(["deductions", 1, "amount"], 45.5),
        ["deductions[1].amount", "45.5", "decimal string"],
    ),
    "float money TOML": (
        "p.toml",
        TOML_OK.replace('amount = "480.00"', "amount = 480.5"),
        ["deductions[0].amount", "480.5", "decimal string"],
    ),
    "float wage YAML": (
        "p.yaml",
        _edit('wage: "6000.00"', "wage: 6000.5"),
        ["contract.wage", "6000.5", "decimal string"],
    ),
    "money not a number": (
        "p.yaml",
        _edit('amount: "45.00"', 'amount: "45,00"'),
        ["deductions[1].amount", "not a decimal amount"],
    ),
    "money with an exponent": (
        "p.yaml",
        _edit('wage: "6000.00"', 'wage: "6e3"'),
        ["contract.wage", "'6e3' is not a decimal amount"],
    ),
    # Beyond 15 digits the arithmetic could not round a line: refused at the door, not a
    # traceback from deep inside a check.
    "money too large": (
        "p.yaml",
        _edit('wage: "6000.00"', 'wage: "1' + "0" * 34 + '"'),
        ["contract.wage", "too large", "15 digits"],
    ),
    "deduction too large JSON": (
        "p.json",
        _json_with(["deductions", 1, "amount"], 10**15),
        ["deductions[1].amount", "too large"],
    ),
    "hours too many": (
        "p.yaml",
        _edit("    hours: 24\n", '    hours: "10001"\n'),
        ["earnings[1].hours", "less than or equal to 10000"],
    ),
    "hours with an exponent": (
        "p.yaml",
        _edit("    hours: 24\n", '    hours: "1e400"\n'),
        ["earnings[1].hours", "'1e400' is not a number such as \"7.5\""],
    ),
    "end before start": (
        "p.yaml",
        _edit(
            "period: {start: 2021-10-01, end: 2021-10-31}",
            "period: {start: 2021-10-31, end: 2021-10-01}",
        ),
        ["period.end", "2021-10-01 is before start 2021-10-31"],
    ),
    "last day before employment": (
        "p.yaml",
        _edit("last_day: 2021-10-22", "last_day: 2021-08-01"),
        ["termination.last_day", "before employment_start"],
    ),
    "employment starts after the period": (
        "p.toml",
        TOML_OK.replace("employment_start = 2020-01-01", "employment_start = 2024-01-01"),
        ["contract.employment_start", "2024-01-01 is after the period's end 2023-06-30"],
    ),
    "last day before the period": (
        "p.yaml",
        _edit(
            "notice_date: 2021-10-20\n    last_day: 2021-10-22",
            "notice_date: 2021-09-20\n    last_day: 2021-09-22",
        ),
        ["contract.termination.last_day", "2021-09-22 is before the period's start 2021-10-01"],
    ),
    "overtime before employment": (
        "p.yaml",
        _edit("{date: 2021-09-19,", "{date: 2021-08-01,"),
        ["attendance.overtime[0].date", "2021-08-01 is before employment_start 2021-08-16"],
    ),
    "overtime after the last day": (
        "p.yaml",
        _edit("{date: 2021-09-21,", "{date: 2021-10-25,"),
        ["attendance.overtime[2].date", "after the last day of employment 2021-10-22"],
    ),
    "day worked after the last day": (
        "p.yaml",
        _edit("    - 2021-10-08\n", "    - 2021-10-08\n    - 2021-10-25\n"),
        ["attendance.days_worked", "2021-10-25", "after the last day"],
    ),
    "day listed twice": (
        "p.yaml",
        _edit("    - 2021-10-08\n", "    - 2021-10-08\n    - 2021-10-12\n"),
        ["attendance.days_worked", "2021-10-12 is listed twice"],
    ),
    "day worked and on leave": (
        "p.yaml",
        _edit("  overtime:", "  leave:\n    - {kind: annual, days: [2021-10-13]}\n  overtime:"),
        ["attendance.leave[0]", "2021-10-13 is listed twice", "attendance.days_worked"],
    ),
    "overtime day listed twice": (
        "p.yaml",
        _edit("{date: 2021-09-20,", "{date: 2021-09-19,"),
        ["attendance.overtime[1].date", "2021-09-19 is listed twice"],
    ),
    "missing contract": (
        "p.json",
        _json({k: v for k, v in _example_data().items() if k != "contract"}),
        ["contract", "is required"],
    ),
    "impossible date (quoted)": (
        "p.yaml",
        _edit("end: 2021-10-31}", 'end: "2021-10-32"}'),
        ["period.end", "day value is outside expected range"],
    ),
    "impossible date TOML": (
        "p.toml",
        TOML_OK.replace("end = 2023-06-30", "end = 2023-06-31"),
        ["malformed TOML"],
    ),
    "format version": (
        "p.yaml",
        _edit("format_version: 1", "format_version: 2"),
        ["format_version"],
    ),
    "not a mapping": ("p.yaml", "- 1\n- 2\n", ["a payslip must be a mapping"]),
    "empty file": ("p.yaml", "", ["a payslip must be a mapping"]),
    "unknown file type": ("p.txt", EXAMPLE, ["unknown file type '.txt'"]),
    # The jurisdiction's pay currency is CNY: RMB is the common slip, and it says what to write.
    "currency not the jurisdiction's": (
        "p.yaml",
        _edit("currency: CNY", "currency: RMB"),
        ["currency: RMB, but wages in CN-GD-SZ are checked in CNY: write CNY"],
    ),
    # A misspelt required field is named as the typo, with the field it was meant to be.
    "misspelt required field": (
        "p.yaml",
        _edit("employment_start:", "employment_strat:"),
        ["contract.employment_strat: unknown field: did you mean employment_start?"],
    ),
    # -- found by the fuzzer (issue 14): each was a traceback, a hang or a lenient reading --
    # An integer of more than 4,300 digits: int() refuses it with a ValueError (a traceback).
    "4301-digit integer YAML": (
        "p.yaml",
        _edit("format_version: 1", "format_version: " + "9" * 4301),
        ["line 3: a number of more than 40 digits"],
    ),
    "4301-digit integer JSON": (
        "p.json",
        '{"format_version": ' + "9" * 4301 + "}",
        ["a number of more than 40 digits"],
    ),
    "4301-digit integer TOML": (
        "p.toml",
        TOML_OK.replace("format_version = 1", "format_version = " + "9" * 4301),
        ["a number of more than 40 digits"],
    ),
    "41-digit number JSON": (
        "p.json",
        _json_with(["contract", "normal_hours_per_day"], "X").replace('"X"', "1." + "0" * 40),
        ["a number of more than 40 digits"],
    ),
    # Nesting 500 deep (YAML, TOML) or 1,000 (JSON): a RecursionError traceback.
    "nested 500 deep YAML": (
        "p.yaml",
        "a: " + "[" * 500 + "]" * 500 + "\n",
        ["line 1: nested more than 20 levels deep"],
    ),
    "nested 1000 deep JSON": (
        "p.json",
        '{"a": ' + "[" * 1000 + "]" * 1000 + "}",
        ["nested more than 20 levels deep"],
    ),
    "nested 500 deep TOML": (
        "p.toml",
        "a = " + "[" * 500 + "]" * 500 + "\n",
        ["nested more than 20 levels deep"],
    ),
    "nested 21 deep in a field": (
        "p.json",
        _json_with(["contract", "workweek"], json.loads("[" * 20 + "]" * 20)),
        ["nested more than 20 levels deep"],
    ),
    # A control character: PyYAML's message had two lines and no line number.
    "YAML control character": (
        "p.yaml",
        "format_version:\x00 1\n",
        ["malformed YAML at line 1", "U+0000 is not allowed"],
    ),
    "YAML control character on line 8": (
        "p.yaml",
        _edit("period:", "period:\x07"),
        ["malformed YAML at line 8", "U+0007"],
    ),
    # A huge bad value is shown shortened, never repeated whole.
    "huge bad money": (
        "p.yaml",
        _edit('wage: "6000.00"', 'wage: "' + "x" * 200_000 + '"'),
        ["contract.wage", "(200002 characters) is not a decimal amount"],
    ),
    "huge bad key": (
        "p.json",
        _json_with(["k" * 100_000], 1),
        ["(100002 characters): unknown field"],
    ),
    # Other scripts' digits and underscores: Decimal() and int() read them.
    "Arabic-Indic digit": (
        "p.yaml",
        _edit("normal_hours_per_day: 8", 'normal_hours_per_day: "٨"'),
        ["contract.normal_hours_per_day", "'٨' is not a number"],
    ),
    "full-width digit": (
        "p.yaml",
        _edit("normal_hours_per_day: 8", 'normal_hours_per_day: "８"'),
        ["contract.normal_hours_per_day", "'８' is not a number"],
    ),
    "underscore in a quantity": (
        "p.yaml",
        _edit("    hours: 24\n", '    hours: "2_4"\n'),
        ["earnings[1].hours", "'2_4' is not a number"],
    ),
    "underscore in a YAML number": (
        "p.yaml",
        _edit("    hours: 24\n", "    hours: 2_4\n"),
        ["line 48", "'2_4' is not a number written in decimal"],
    ),
    "YAML octal": (
        "p.yaml",
        _edit("    hours: 24\n", "    hours: 030\n"),
        ["line 48", "'030' is not a number written in decimal"],
    ),
    "YAML sexagesimal": (
        "p.yaml",
        _edit("    hours: 24\n", "    hours: 1:30\n"),
        ["line 48", "'1:30' is not a number written in decimal"],
    ),
    "count in other digits": (
        "p.json",
        _json_with(["attendance", "days_worked_count"], "١١"),
        ["attendance.days_worked_count", "'١١' is not a whole number"],
    ),
    "count with a fraction": (
        "p.json",
        _json_with(["employer", "headcount"], "11.0"),
        ["employer.headcount", "'11.0' is not a whole number"],
    ),
    # An integer in a date field was read as a Unix timestamp.
    "integer date YAML": (
        "p.yaml",
        _edit("start: 2021-10-01,", "start: 1633046400,"),
        ["period.start", "1633046400 is not a date: write YYYY-MM-DD"],
    ),
    "timestamp string date": (
        "p.json",
        _json_with(["period", "start"], "1633046400"),
        ["period.start", "'1633046400' is not a date"],
    ),
    "date and time": (
        "p.toml",
        TOML_OK.replace("start = 2023-06-01", "start = 2023-06-01T08:00:00"),
        ["period.start", "is a date and time: write the date alone"],
    ),
    # Duplicate keys: the last one won.
    "duplicate key YAML": (
        "p.yaml",
        _edit("  hours_system: standard", '  hours_system: standard\n  wage: "1.00"'),
        ["line 15: duplicate key 'wage' (first at line 12)"],
    ),
    "duplicate key JSON": (
        "p.json",
        _json(_example_data()).replace(
            '"currency": "CNY"', '"currency": "CNY",\n "currency": "USD"'
        ),
        ["line 2: duplicate key 'currency'"],
    ),
    "duplicate key TOML": (
        "p.toml",
        TOML_OK.replace('currency = "CNY"', 'currency = "CNY"\ncurrency = "USD"'),
        ["malformed TOML", "line 4"],
    ),
    # format_version is the integer 1, not true or 1.0.
    "format_version true": (
        "p.yaml",
        _edit("format_version: 1", "format_version: true"),
        ["format_version: true is not a format version"],
    ),
    "format_version 1.0": (
        "p.json",
        _json_with(["format_version"], "X").replace('"X"', "1.0"),
        ["format_version: 1.0 is not a format version"],
    ),
    "NaN in JSON": (
        "p.json",
        _json_with(["contract", "normal_hours_per_day"], "X").replace('"X"', "NaN"),
        ["NaN is not JSON"],
    ),
    # A range of 10,000 years took 48 s and 467 MB.
    "range of ten thousand years": (
        "p.yaml",
        _edit("employment_start: 2021-08-16", "employment_start: 0001-01-01").replace(
            "{from: 2021-10-11, to: 2021-10-15}", "{from: 0001-01-01, to: 9999-12-31}"
        ),
        ["attendance.days_worked: 0001-01-01 is more than 366 days outside the period"],
    ),
    "leave two years after the period": (
        "p.yaml",
        _edit("  overtime:", "  leave:\n    - {kind: sick, days: [2023-11-01]}\n  overtime:"),
        ["attendance.leave[0]: 2023-11-01 is more than 366 days outside the period"],
    ),
    # A period of eleven years: one pay period at most bounds the days a payslip spells out.
    "period of eleven years": (
        "p.yaml",
        _edit("start: 2021-10-01,", "start: 2010-10-01,"),
        ["period: 2010-10-01 to 2021-10-31 is longer than one monthly"],
    ),
    "file over a megabyte": (
        "p.yaml",
        EXAMPLE + "#" * 1_000_000 + "\n",
        ["larger than 1,000,000 bytes: not a payslip"],
    ),
    "jurisdiction of many levels": (
        "p.yaml",
        _edit("jurisdiction: CN-GD-SZ", "jurisdiction: CN" + "-GD" * 100),
        ["jurisdiction", "is not a jurisdiction code"],
    ),
    # A range written backwards names the range's end, not "a valid date".
    "day range backwards": (
        "p.yaml",
        _edit("{from: 2021-10-11, to: 2021-10-15}", "{from: 2021-10-15, to: 2021-10-11}"),
        ["attendance.days_worked[2].to: 2021-10-11 is before from 2021-10-15"],
    ),
}


def _one_line_error(capsys, argv: list[str]) -> str:
    rc = main(argv)
    out, err = capsys.readouterr()
    assert rc == 2, (rc, out, err)
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_one_line_exit_2(tmp_path: Path, capsys, name):
    filename, content, parts = CASES[name]
    path = tmp_path / filename
    path.write_text(content, encoding="utf-8")
    line = _one_line_error(capsys, ["check", str(path)])
    assert line.startswith(f"paycheck: {path}: "), line
    for part in parts:
        assert part in line, (part, line)


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_raises_input_error(tmp_path: Path, name):
    filename, content, _ = CASES[name]
    path = tmp_path / filename
    path.write_text(content, encoding="utf-8")
    with pytest.raises(paycheck.InputError) as info:
        paycheck.load(path)
    assert info.value.source == str(path)
    assert "\n" not in str(info.value)


def test_missing_file(tmp_path: Path, capsys):
    path = tmp_path / "nowhere.yaml"
    line = _one_line_error(capsys, ["check", str(path)])
    assert line == f"paycheck: {path}: no such file"


def test_a_directory_points_to_check_batch(tmp_path: Path, capsys):
    line = _one_line_error(capsys, ["check", str(tmp_path)])
    assert line == f"paycheck: {tmp_path}: is a directory: check a folder with paycheck check-batch"


def test_check_of_raw_data_says_to_validate_first():
    with pytest.raises(TypeError, match=r"not dict: pass the data through paycheck.validate"):
        paycheck.check(_example_data())


@pytest.mark.parametrize("bad_date", ["2021-10-32", "2021-02-30"])
def test_impossible_unquoted_yaml_date(tmp_path: Path, capsys, bad_date):
    # Regression (found by this suite): PyYAML's ValueError escaped as a traceback, exit 1.
    # The YAML layer cannot name the field; it names the line (the period is on that line).
    path = tmp_path / "p.yaml"
    path.write_text(_edit("end: 2021-10-31}", f"end: {bad_date}}}"), encoding="utf-8")
    period_line = 1 + next(n for n, t in enumerate(EXAMPLE.splitlines()) if t.startswith("period:"))
    line = _one_line_error(capsys, ["check", str(path)])
    assert line.startswith(f"paycheck: {path}: malformed YAML at line {period_line}: ")
    assert f"'{bad_date}' is not a real date" in line


def test_bad_file_after_a_good_one(tmp_path: Path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(_edit('amount: "45.00"', "amount: 45.5"), encoding="utf-8")
    rc = main(["check", str(WORKED), str(bad)])
    out, err = capsys.readouterr()
    assert rc == 2
    assert "3744.39" in out  # the good file is still checked
    assert "Traceback" not in err
    assert err.splitlines() == [err.splitlines()[0]]
    assert str(bad) in err and "deductions[1].amount" in err


def test_field_attribute_names_the_field():
    data = _example_data()
    data["deductions"][1]["amount"] = 45.5
    with pytest.raises(paycheck.InputError) as info:
        paycheck.validate(data)
    assert info.value.field == "deductions[1].amount"


def test_python_float_in_a_dict_is_refused():
    data = _example_data()
    data["net_pay"] = 1844.57
    with pytest.raises(paycheck.InputError, match="net_pay"):
        paycheck.validate(data)


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("ok.toml", TOML_OK),
        ("ok.json", _json(_example_data())),
    ],
)
def test_good_toml_and_json_load(tmp_path: Path, filename, content):
    path = tmp_path / filename
    path.write_text(content, encoding="utf-8")
    report = paycheck.check(paycheck.load(path))
    if filename == "ok.toml":
        assert report.findings == []
    else:
        assert str(report.total_owed) == "3744.39"  # the worked example, as JSON


def test_integer_money_is_accepted():
    data = _example_data()
    data["deductions"][4]["amount"] = 480  # an integer is exact
    data["contract"]["wage"] = 6000
    assert paycheck.validate(data).contract.wage == 6000


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],  # no file
        ["check", str(WORKED), "--format", "xml"],
        ["check", str(WORKED), "--on", "2021-13-01"],
        ["frobnicate"],
        [],
    ],
)
def test_usage_errors_exit_2(capsys, argv):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


def test_unknown_rule_and_jurisdiction_exit_2(capsys):
    assert "unknown rule 'nope'" in _one_line_error(capsys, ["explain", "nope"])
    assert "unknown jurisdiction 'XX'" in _one_line_error(capsys, ["rules", "XX"])


# -- the input contract (issue 14) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "content"),
    [("ok.yaml", EXAMPLE), ("ok.json", _json(_example_data())), ("ok.toml", TOML_OK)],
)
def test_a_byte_order_mark_is_ignored_in_every_format(tmp_path: Path, filename, content):
    path = tmp_path / filename
    path.write_text(content, encoding="utf-8-sig")  # as Windows Notepad and Excel save
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert paycheck.load(path) == paycheck.validate(
        paycheck.loader.parse_text(
            content, "yaml" if filename.endswith("yaml") else filename.rsplit(".", 1)[1]
        )
    )


def test_input_error_lists_every_problem():
    data = _example_data()
    data["contract"]["wage"] = 6000.5
    data["deductions"][1]["amount"] = "x" * 500
    data["period"]["start"] = 1633046400
    with pytest.raises(paycheck.InputError) as info:
        paycheck.validate(data, source="pay")
    err = info.value
    assert [(e.field, e.value) for e in err.errors] == [
        ("period.start", "1633046400"),
        ("contract.wage", "6000.5"),
        ("deductions[1].amount", "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxx…xxxxxxx' (502 characters)"),
    ]
    assert all(len(e.problem) < 200 and "\n" not in e.problem for e in err.errors)
    assert str(err) == (
        "pay: period.start: 1633046400 is not a date: write YYYY-MM-DD (and 2 more problems)"
    )
    # One problem: errors holds it alone; a missing field has no value to show.
    del data["contract"]
    data["period"]["start"] = "2021-10-01"
    data["deductions"][1]["amount"] = "45.00"
    with pytest.raises(paycheck.InputError) as info:
        paycheck.validate(data)
    assert info.value.errors == [paycheck.loader.Problem("contract", "is required", None)]


def test_a_line_break_in_a_key_stays_on_one_line(tmp_path: Path, capsys):
    path = tmp_path / "p.json"
    path.write_text(_json_with(["remarks\nsecond line"], 1), encoding="utf-8")
    line = _one_line_error(capsys, ["check", str(path)])
    assert "'remarks\\nsecond line': unknown field" in line


def test_validate_refuses_data_nested_a_thousand_deep():
    # Found by the fuzzer: a caller's dict nested deeply made pydantic's repr recurse.
    data = _example_data()
    deep: list = ["monday"]
    for _ in range(3000):
        deep = [deep]
    data["contract"]["workweek"] = deep
    with pytest.raises(paycheck.InputError, match="nested more than 20 levels deep"):
        paycheck.validate(data)


def test_a_long_range_inside_the_window_is_still_quick():
    # A range that reaches the window's edge on both sides (366 days out) is spelt out day by
    # day and checked: the bound on the work a payslip can cause.
    data = _example_data()
    data["contract"]["employment_start"] = "2019-01-01"
    del data["contract"]["termination"]
    data["attendance"]["days_worked"] = [{"from": "2020-09-30", "to": "2022-11-01"}]
    data["attendance"]["overtime"] = []
    report = paycheck.check(paycheck.validate(data))
    assert len(report.model_dump_json()) < 20_000


@pytest.mark.parametrize(
    ("change", "message"),
    [
        # a misspelt optional field gets a suggestion too, not only a required one
        (
            ("contract", "pay_frequncy", "monthly"),
            "contract.pay_frequncy: unknown field: did you mean pay_frequency?",
        ),
        (("", "net_pya", "1"), "net_pya: unknown field: did you mean net_pay?"),
        # a misspelt required field: one problem, not a second "wage is required"
        (("contract", "wagee", None), "contract.wagee: unknown field: did you mean wage?"),
        (
            ("", "jurisdiction", "cn-gd-sz"),
            "jurisdiction: 'cn-gd-sz': write it in capitals, CN-GD-SZ",
        ),
        (
            ("", "jurisdiction", "China"),
            "jurisdiction: 'China' is not a jurisdiction code: two "
            "capital letters for the country, then the subdivisions, joined by '-' (`paycheck "
            "rules` lists them)",
        ),
    ],
)
def test_a_mistake_names_the_fix(change, message):
    import yaml

    data = yaml.safe_load(CORRECTED.read_text("utf-8"))
    section, key, value = change
    target = data[section] if section else data
    if value is None:  # a renamed field
        target[key] = target.pop(key[:-1])
    else:
        target[key] = value
    with pytest.raises(paycheck.InputError) as caught:
        paycheck.validate(data, "x.yaml")
    assert str(caught.value) == f"x.yaml: {message}"
