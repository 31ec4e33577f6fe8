"""Bad input through the CLI: exit 2 and exactly one line on stderr naming the file, the field
and the problem; never a traceback. Also through the library: ``InputError``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import WORKED

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
    "malformed YAML": ("p.yaml", _edit("currency: CNY", "currency: [CNY"),
                       ["malformed YAML at line"]),
    "malformed JSON": ("p.json", '{"format_version": 1, "jurisdiction": "CN-GD-SZ",,}',
                       ["malformed JSON at column"]),
    "malformed TOML": ("p.toml", "format_version = 1\njurisdiction = \n",
                       ["malformed TOML", "line 2"]),
    "unknown jurisdiction": ("p.yaml", _edit("jurisdiction: CN-GD-SZ", "jurisdiction: CN-GD-GZ"),
                             ["jurisdiction", "unknown jurisdiction 'CN-GD-GZ'", "CN-GD-SZ"]),
    "unknown country": ("p.yaml", _edit("jurisdiction: CN-GD-SZ", "jurisdiction: XX"),
                        ["jurisdiction", "unknown jurisdiction 'XX'"]),
    "malformed jurisdiction": ("p.yaml", _edit("jurisdiction: CN-GD-SZ", "jurisdiction: cn-gd"),
                               ["jurisdiction", "pattern"]),
    "unknown field": ("p.yaml", _edit("  hours_system: standard",
                                      "  hours_system: standard\n  overtime_rate: 2"),
                      ["contract.overtime_rate", "unknown field"]),
    "unknown top-level field": ("p.yaml", EXAMPLE + "remarks: none\n",
                                ["remarks", "unknown field"]),
    "negative money": ("p.yaml", _edit('amount: "45.00"', 'amount: "-45.00"'),
                       ["deductions[1].amount", "greater than or equal to 0"]),
    "negative money JSON": ("p.json", _json_with(["deductions", 1, "amount"], -45),
                            ["deductions[1].amount", "greater than or equal to 0"]),
    "float money YAML": ("p.yaml", _edit('amount: "45.00"', "amount: 45.5"),
                         ["deductions[1].amount", "45.5", "decimal string"]),
    "float money JSON": ("p.json", _json_with(["deductions", 1, "amount"], 45.5),
                         ["deductions[1].amount", "45.5", "decimal string"]),
    "float money TOML": ("p.toml", TOML_OK.replace('amount = "480.00"', "amount = 480.5"),
                         ["deductions[0].amount", "480.5", "decimal string"]),
    "float wage YAML": ("p.yaml", _edit('wage: "6000.00"', "wage: 6000.5"),
                        ["contract.wage", "6000.5", "decimal string"]),
    "money not a number": ("p.yaml", _edit('amount: "45.00"', 'amount: "45,00"'),
                           ["deductions[1].amount", "not a decimal amount"]),
    "money with an exponent": ("p.yaml", _edit('wage: "6000.00"', 'wage: "6e3"'),
                               ["contract.wage", "'6e3' is not a decimal amount"]),
    # Beyond 15 digits the arithmetic could not round a line: refused at the door, not a
    # traceback from deep inside a check.
    "money too large": ("p.yaml", _edit('wage: "6000.00"', 'wage: "1' + "0" * 34 + '"'),
                        ["contract.wage", "too large", "15 digits"]),
    "deduction too large JSON": ("p.json", _json_with(["deductions", 1, "amount"], 10**15),
                                 ["deductions[1].amount", "too large"]),
    "hours too many": ("p.yaml", _edit("    hours: 24\n", '    hours: "1e400"\n'),
                       ["earnings[1].hours", "less than or equal to 10000"]),
    "end before start": ("p.yaml", _edit("period: {start: 2021-10-01, end: 2021-10-31}",
                                         "period: {start: 2021-10-31, end: 2021-10-01}"),
                         ["period.end", "2021-10-01 is before start 2021-10-31"]),
    "last day before employment": (
        "p.yaml", _edit("last_day: 2021-10-22", "last_day: 2021-08-01"),
        ["termination.last_day", "before employment_start"]),
    "employment starts after the period": (
        "p.toml", TOML_OK.replace("employment_start = 2020-01-01", "employment_start = 2024-01-01"),
        ["contract.employment_start", "2024-01-01 is after the period's end 2023-06-30"]),
    "last day before the period": (
        "p.yaml", _edit("notice_date: 2021-10-20\n    last_day: 2021-10-22",
                        "notice_date: 2021-09-20\n    last_day: 2021-09-22"),
        ["contract.termination.last_day", "2021-09-22 is before the period's start 2021-10-01"]),
    "overtime before employment": (
        "p.yaml", _edit("{date: 2021-09-19,", "{date: 2021-08-01,"),
        ["attendance.overtime[0].date", "2021-08-01 is before employment_start 2021-08-16"]),
    "overtime after the last day": (
        "p.yaml", _edit("{date: 2021-09-21,", "{date: 2021-10-25,"),
        ["attendance.overtime[2].date", "after the last day of employment 2021-10-22"]),
    "day worked after the last day": (
        "p.yaml", _edit("    - 2021-10-08\n", "    - 2021-10-08\n    - 2021-10-25\n"),
        ["attendance.days_worked", "2021-10-25", "after the last day"]),
    "day listed twice": (
        "p.yaml", _edit("    - 2021-10-08\n", "    - 2021-10-08\n    - 2021-10-12\n"),
        ["attendance.days_worked", "2021-10-12 is listed twice"]),
    "day worked and on leave": (
        "p.yaml",
        _edit("  overtime:", "  leave:\n    - {kind: annual, days: [2021-10-13]}\n  overtime:"),
        ["attendance.leave[0]", "2021-10-13 is listed twice", "attendance.days_worked"]),
    "overtime day listed twice": (
        "p.yaml", _edit("{date: 2021-09-20,", "{date: 2021-09-19,"),
        ["attendance.overtime[1].date", "2021-09-19 is listed twice"]),
    "missing contract": ("p.json", _json({k: v for k, v in _example_data().items()
                                          if k != "contract"}),
                         ["contract", "is required"]),
    "impossible date (quoted)": ("p.yaml", _edit("end: 2021-10-31}", 'end: "2021-10-32"}'),
                                 ["period.end", "day value is outside expected range"]),
    "impossible date TOML": ("p.toml", TOML_OK.replace("end = 2023-06-30", "end = 2023-06-31"),
                             ["malformed TOML"]),
    "format version": ("p.yaml", _edit("format_version: 1", "format_version: 2"),
                       ["format_version"]),
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
