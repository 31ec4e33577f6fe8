"""A whole payroll run: ``check_many``, the input forms, the flat CSV layout and ``check-batch``.

Figures used below (June 2023, Shenzhen; 劳社部发〔2008〕3号 二: daily = monthly / 21.75,
hourly = daily / 8 = monthly / 174; 劳动法 第四十四条: overtime at 150% on a working day,
200% on a rest day, 300% on a statutory holiday):

* the base payslip (conftest): 6000.00 paid, 480.00 social insurance, net 5520.00: owes 0.00.
* a 100.00 fine, even with a company rule as basis: fines are prohibited in Shenzhen since
  2022-08-04 (深圳市员工工资支付条例 第三十四条 as amended): 100.00 owed back.
* 10 h of working-day overtime without dates, paid at 100% (6000 / 174 x 10 = 344.83):
  lawful 6000 / 174 x 10 x 150% = 517.24, owed 517.24 - 344.83 = 172.41.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import CORRECTED, EXAMPLES, WORKED, cites, computation_has, one, payslip_data

import paycheck
from paycheck import InputError, Record, RecordError, Report, Severity
from paycheck.batch import CSV_FIELDS, check_many, csv_row_to_payslip, read_input, result_to_dict
from paycheck.batch.layout import csv_header, csv_row
from paycheck.batch.summary import Facts, Summary
from paycheck.cli import main

D = Decimal
PAYROLL = EXAMPLES / "payroll-2023-06.csv"
OVERTIME_JSON = EXAMPLES / "cn-shenzhen-2023-05-overtime.json"
DEDUCTIONS_TOML = EXAMPLES / "cn-shenzhen-2023-06-deductions.toml"

# The example payroll, row by row (hand computations in the csv_row_to_payslip tests below).
PAYROLL_OWED = ["0.00", "206.90", "100.00", "300.00", "1440.23", "0.00"]

SOCIAL = {"kind": "social-insurance", "amount": "480.00"}
BASE_PAY = {"kind": "base", "amount": "6000.00"}


def clean(n: int) -> dict:
    return payslip_data(employee={"id": f"E-{n}"})


def fined(n: int) -> dict:
    fine = {
        "kind": "fine",
        "amount": "100.00",
        "basis": {"kind": "company-rule", "reference": "handbook 4.2"},
    }
    return payslip_data(employee={"id": f"E-{n}"}, deductions=[SOCIAL, fine])


def overtime_short(n: int) -> dict:
    return payslip_data(
        employee={"id": f"E-{n}"},
        attendance={"overtime_totals": {"working-day": "10"}},
        earnings=[BASE_PAY, {"kind": "overtime", "amount": "344.83"}],
    )


KINDS = [(clean, "0.00"), (fined, "100.00"), (overtime_short, "172.41")]


def mixed(count: int) -> tuple[list[dict], list[str]]:
    """``count`` payslips cycling clean / fined / overtime short, and their owed totals."""
    data = [KINDS[n % 3][0](n) for n in range(count)]
    return data, [KINDS[n % 3][1] for n in range(count)]


def owed(results) -> list[str]:
    return [str(r.total_owed) if isinstance(r, Report) else "ERROR" for r in results]


def jsonl(items) -> str:
    return "".join((item if isinstance(item, str) else json.dumps(item)) + "\n" for item in items)


def payroll_rows() -> dict[str, dict[str, str]]:
    with PAYROLL.open(encoding="utf-8", newline="") as handle:
        return {row["employee_id"]: row for row in csv.DictReader(handle)}


def check_row(row: dict[str, str]) -> Report:
    return paycheck.check(paycheck.validate(csv_row_to_payslip(row)))


# -- check_many: order, jobs, bad records, streaming --------------------------------------


def test_the_three_kinds_owe_what_the_module_docstring_says():
    data, expected = mixed(3)
    assert owed(check_many(data, jobs=1)) == expected == ["0.00", "100.00", "172.41"]


def test_order_and_reports_identical_for_one_and_two_jobs():
    data, expected = mixed(23)  # 23 with chunk_size 2: 12 chunks, the last one short
    one_job = list(check_many(data, jobs=1))
    two_jobs = list(check_many(data, jobs=2, chunk_size=2))
    assert [r.employee for r in one_job] == [f"E-{n}" for n in range(23)]
    assert [r.employee for r in two_jobs] == [f"E-{n}" for n in range(23)]
    assert owed(one_job) == owed(two_jobs) == expected
    assert [r.model_dump() for r in one_job] == [r.model_dump() for r in two_jobs]


def test_every_input_form_gives_the_same_report():
    data = fined(7)
    forms = [
        data,
        json.dumps(data),
        json.dumps(data).encode(),
        paycheck.validate(data),
        Record("run:1", json.dumps(data), "json"),
    ]
    results = list(check_many(forms, jobs=1))
    assert owed(results) == ["100.00"] * 5
    dumps = [r.model_dump(exclude={"source"}) for r in results]
    assert all(d == dumps[0] for d in dumps)
    assert [r.source for r in results] == [None, None, None, None, "run:1"]


def _bad_mix() -> tuple[list, list[str]]:
    missing_wage = {**payroll_rows()["E-1001"], "wage": ""}
    items = [
        clean(0),
        '{"format_version": 1, "jurisdiction": ',  # malformed JSON line
        payslip_data(jurisdiction="JP"),  # no rule pack for Japan
        payslip_data(contract={"wage": 6000.5}),  # money as a float
        fined(4),
        Record("payroll.csv:7", missing_wage, "csv"),  # a CSV row without its wage
        overtime_short(6),
        Record("payroll.jsonl:8", "[1, 2]", "json"),  # valid JSON but not a payslip
        clean(8),
    ]
    return items, ["0.00", "ERROR", "ERROR", "ERROR", "100.00", "ERROR", "172.41", "ERROR", "0.00"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_bad_records_are_reported_in_place_and_the_run_goes_on(jobs):
    items, expected = _bad_mix()
    results = list(check_many(items, jobs=jobs, chunk_size=2))
    assert owed(results) == expected
    assert [r.employee for r in results if isinstance(r, Report)] == ["E-0", "E-4", "E-6", "E-8"]
    errors = {r.index: r for r in results if isinstance(r, RecordError)}
    assert sorted(errors) == [1, 2, 3, 5, 7]
    assert "malformed JSON at column" in errors[1].reason
    assert "unknown jurisdiction 'JP'" in errors[2].reason
    assert "contract.wage" in errors[3].reason and "6000.5" in errors[3].reason
    assert errors[5].reason == "payroll.csv:7: wage: column wage is empty or missing"
    assert errors[7].reason == (
        "payroll.jsonl:8: a payslip must be a mapping of fields at the top level"
    )
    assert [errors[i].source for i in (1, 2, 3)] == [None, None, None]
    assert (errors[5].source, errors[7].source) == ("payroll.csv:7", "payroll.jsonl:8")
    assert errors[5].to_dict() == {
        "index": 5,
        "source": "payroll.csv:7",
        "error": "payroll.csv:7: wage: column wage is empty or missing",
    }


def test_result_to_dict_is_json_ready():
    items, _ = _bad_mix()
    dicts = [result_to_dict(r) for r in check_many(items[:2], jobs=1)]
    assert dicts[0]["total_owed"] == "0.00"  # a string, never a float
    assert set(dicts[1]) == {"index", "source", "error"}
    json.dumps(dicts)


@pytest.mark.parametrize("jobs", [1, 2])
def test_transform_runs_on_each_result_in_order(jobs):
    items, expected = _bad_mix()
    dicts = list(check_many(items, jobs=jobs, chunk_size=2, transform=result_to_dict))
    assert dicts == [result_to_dict(r) for r in check_many(items, jobs=1)]
    assert [d.get("total_owed", "ERROR") for d in dicts] == expected
    assert dicts[5] == {
        "index": 5,
        "source": "payroll.csv:7",
        "error": "payroll.csv:7: wage: column wage is empty or missing",
    }


def test_an_empty_input_yields_nothing():
    assert list(check_many([], jobs=1)) == []
    assert list(check_many(iter([]), jobs=2)) == []


def _counting(count: int, box: list[int]):
    data = clean(0)
    for _ in range(count):
        box[0] += 1
        yield data


def test_streaming_one_job_pulls_one_record_at_a_time():
    pulled = [0]
    results = check_many(_counting(1000, pulled), jobs=1)
    assert pulled == [0]  # nothing read before the first result is asked for
    next(results)
    assert pulled == [1]
    assert sum(1 for _ in results) == 999
    assert pulled == [1000]


def test_streaming_two_jobs_keeps_a_bounded_window():
    # jobs=2, chunk_size=4: at most 2 x jobs = 4 chunks in flight before the first result,
    # so at most 4 x (2 x 2 + 1) = 20 of the 400 records are pulled when it arrives.
    pulled = [0]
    results = check_many(_counting(400, pulled), jobs=2, chunk_size=4)
    first = next(results)
    at_first = pulled[0]
    assert first.total_owed == D("0.00")
    assert 4 <= at_first <= 4 * (2 * 2 + 1)
    assert sum(1 for _ in results) == 399
    assert pulled == [400]


# -- read_input ---------------------------------------------------------------------------


def test_read_input_jsonl_skips_blank_lines_and_names_file_and_line(tmp_path):
    path = tmp_path / "run.jsonl"
    path.write_text(jsonl([clean(1)]) + "\n   \n" + jsonl([fined(2), "{broken"]), encoding="utf-8")
    records = list(read_input(str(path)))
    assert [r.source for r in records] == [f"{path}:1", f"{path}:4", f"{path}:5"]
    assert {r.form for r in records} == {"json"}
    results = list(check_many(records, jobs=1))
    assert owed(results) == ["0.00", "100.00", "ERROR"]
    assert results[0].source == f"{path}:1"  # the report carries the record's source
    assert (results[2].index, results[2].source) == (2, f"{path}:5")
    assert results[2].reason.startswith(f"{path}:5: malformed JSON")


def test_read_input_bytes_not_utf8_spoil_only_their_record(tmp_path):
    # A stray GBK byte in one line of a JSON Lines file: that record is bad, named by file
    # and line; the records around it are still checked, in order.
    path = tmp_path / "run.jsonl"
    path.write_bytes(jsonl([clean(1)]).encode() + b"\xc9\xee\n" + jsonl([fined(2)]).encode())
    results = list(check_many(read_input(str(path)), jobs=1))
    assert owed(results) == ["0.00", "ERROR", "100.00"]
    assert results[1].reason == (
        f"{path}:2: not UTF-8 text (byte 0xC9) at character 1: save the file as UTF-8"
    )
    # The same through standard input as bytes (the CLI's ``-``).
    stdin = io.TextIOWrapper(io.BytesIO(path.read_bytes()))
    assert owed(check_many(read_input("-", stdin=stdin), jobs=1)) == ["0.00", "ERROR", "100.00"]


def test_read_input_csv_saved_as_gbk_names_the_column(tmp_path):
    # A spreadsheet saved in GBK, as Chinese payroll exports often are: each row with
    # Chinese text is a bad record naming the column, and a plain-ASCII row is still checked.
    rows = PAYROLL.read_text(encoding="utf-8").splitlines()
    header, first = rows[0], rows[1]
    named = first.replace("SZ-SHOP-22", "深圳蛋糕", 1)
    assert named != first
    path = tmp_path / "payroll.csv"
    path.write_bytes("\n".join([header, named, first, ""]).encode("gbk"))
    results = list(check_many(read_input(str(path)), jobs=1))
    assert owed(results) == ["ERROR", PAYROLL_OWED[0]]
    assert results[0].reason == (
        f"{path}:2: employer_id: not UTF-8 text (byte 0xC9): save the file as UTF-8"
    )


def test_read_input_is_lazy(tmp_path):
    path = tmp_path / "run.jsonl"
    path.write_text(jsonl([clean(1), clean(2)]), encoding="utf-8")
    records = read_input(str(path))
    assert not isinstance(records, list | tuple)
    assert next(records).source == f"{path}:1"


def test_read_input_directory_sorted_payslip_files_only(tmp_path):
    shutil.copy(WORKED, tmp_path / "b.yaml")
    shutil.copy(OVERTIME_JSON, tmp_path / "a.json")
    shutil.copy(DEDUCTIONS_TOML, tmp_path / "c.toml")
    (tmp_path / "sub").mkdir()
    shutil.copy(CORRECTED, tmp_path / "sub" / "d.yml")
    (tmp_path / "notes.txt").write_text("not a payslip", encoding="utf-8")
    (tmp_path / "README.md").write_text("# not a payslip", encoding="utf-8")
    not_read: list[tuple[str, str]] = []
    records = list(read_input(str(tmp_path), not_read=lambda *note: not_read.append(note)))
    names = ["a.json", "b.yaml", "c.toml", "sub/d.yml"]
    assert [r.source for r in records] == [str(tmp_path / n) for n in names]
    assert {r.form for r in records} == {"path"}
    # The other files are named, not skipped silently (by default, as a warning).
    why = "not a payslip file (.yaml, .yml, .json, .toml)"
    assert not_read == [(str(tmp_path / "README.md"), why), (str(tmp_path / "notes.txt"), why)]
    with pytest.warns(UserWarning) as warned:
        assert records == list(read_input(str(tmp_path), "dir"))
    assert [str(w.message) for w in warned] == [f"{p}: not read: {why}" for p, why in not_read]
    # 689.66: 44 h of May 2023 overtime all paid at 150% (tests/cases/cn/overtime.yaml);
    # 3744.39: the worked final payslip (tests/cases/cn/worked-example.yaml);
    # 1600.00: loss over the 20% cap 1400.00 + prohibited fine 200.00 (cn/deductions.yaml);
    # 0.00: the corrected final payslip.
    assert owed(check_many(records, jobs=1)) == ["689.66", "3744.39", "1600.00", "0.00"]


def test_read_input_directory_bad_file_is_a_record_error(tmp_path):
    shutil.copy(CORRECTED, tmp_path / "a.yaml")
    (tmp_path / "b.yaml").write_text("format_version: 1\nwage: 6000.5\n", encoding="utf-8")
    results = list(check_many(read_input(str(tmp_path)), jobs=1))
    assert owed(results) == ["0.00", "ERROR"]
    assert (results[1].index, results[1].source) == (1, str(tmp_path / "b.yaml"))


def test_read_input_csv_example():
    records = list(read_input(str(PAYROLL)))
    # The header is line 1: the six employees are lines 2 to 7.
    assert [r.source for r in records] == [f"{PAYROLL}:{n}" for n in range(2, 8)]
    assert {r.form for r in records} == {"csv"}
    assert [r.data["employee_id"] for r in records] == [f"E-100{n}" for n in range(1, 7)]
    assert owed(check_many(records, jobs=1)) == PAYROLL_OWED


def test_read_input_forced_format(tmp_path):
    path = tmp_path / "payroll.txt"  # a CSV under a name that does not say so
    shutil.copy(PAYROLL, path)
    assert owed(check_many(read_input(str(path), "csv"), jobs=1)) == PAYROLL_OWED
    # Read as JSON Lines (the default for a name without .csv) every line is malformed.
    results = list(check_many(read_input(str(path)), jobs=1))
    assert owed(results) == ["ERROR"] * 7  # the header too


def test_read_input_stdin_jsonl_and_csv():
    stdin = io.StringIO(jsonl([clean(1), fined(2)]))
    records = list(read_input("-", stdin=stdin))
    assert [r.source for r in records] == ["<stdin>:1", "<stdin>:2"]
    assert owed(check_many(records, jobs=1)) == ["0.00", "100.00"]
    stdin = io.StringIO(PAYROLL.read_text(encoding="utf-8"))
    records = list(read_input("-", "csv", stdin=stdin))
    assert [r.source for r in records] == [f"<stdin>:{n}" for n in range(2, 8)]
    assert owed(check_many(records, jobs=1)) == PAYROLL_OWED


def test_read_input_missing_file_or_not_a_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_input(str(tmp_path / "absent.jsonl"))
    path = tmp_path / "run.jsonl"
    path.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="not a directory"):
        read_input(str(path), "dir")
    assert list(read_input(str(path))) == []


# -- the flat CSV layout: the example payroll, row by row ------------------------------


def test_csv_row_plain_month_exact_mapping():
    # E-1001: a full month at 6000.00, 480.00 social insurance, net 6000 - 480 = 5520.00.
    data = csv_row_to_payslip(payroll_rows()["E-1001"])
    assert data == {
        "format_version": 1,
        "jurisdiction": "CN-GD-SZ",
        "currency": "CNY",
        "employee": {"id": "E-1001"},
        "employer": {"id": "SZ-SHOP-22"},
        "period": {"start": "2023-06-01", "end": "2023-06-30"},
        "contract": {"pay_basis": "monthly", "wage": "6000.00", "employment_start": "2022-01-04"},
        "attendance": {},  # blank days_worked: every working day taken as worked
        "earnings": [{"kind": "base", "amount": "6000.00"}],
        "deductions": [{"kind": "social-insurance", "amount": "480.00"}],
        "net_pay": "5520.00",  # amounts stay text: never a float
    }
    report = check_row(payroll_rows()["E-1001"])
    assert report.findings == []
    assert report.total_owed == D("0.00")


def test_csv_row_overtime_totals_e1002():
    row = payroll_rows()["E-1002"]
    data = csv_row_to_payslip(row)
    assert data["attendance"] == {"overtime_totals": {"working-day": "10", "rest-day": "8"}}
    assert data["earnings"][1] == {"kind": "overtime", "amount": "862.07"}
    report = check_row(row)
    # 10 h on working days and 8 h on rest days, no dates (劳动法 第四十四条):
    # 6000 / 174 x (10 x 150% + 8 x 200%) = 34.4827... x 31 = 1068.97; paid 862.07;
    # owed 1068.97 - 862.07 = 206.90.
    f = one(report, "overtime-premium", line="earnings[1]")
    assert (f.severity, f.amount_owed) == (Severity.UNDERPAYMENT, D("206.90"))
    computation_has(
        f,
        "6000.00 / 21.75 / 8 x 10 h x 150% = 517.24",
        "6000.00 / 21.75 / 8 x 8 h x 200% = 551.72",
        "= 1068.97",
        "overtime paid = 862.07",
    )
    cites(f, "劳社部发〔2008〕3号", "第四十四条")
    assert report.total_owed == D("206.90")
    assert any("daily limit and the class of each day are not checked" in n for n in report.notes)


def test_csv_row_fine_basis_e1003():
    row = payroll_rows()["E-1003"]
    data = csv_row_to_payslip(row)
    assert data["deductions"][1] == {
        "kind": "fine",
        "amount": "100.00",
        "basis": {"kind": "company-rule", "reference": "handbook 4.2"},
    }
    assert data["earnings"] == [
        {"kind": "base", "amount": "5000.00"},
        {"kind": "allowance", "amount": "200.00"},
    ]
    report = check_row(row)
    # A fine is prohibited in Shenzhen since 2022-08-04, handbook or not: 100.00 owed back.
    f = one(report, "fine", line="deductions[1]")
    assert (f.severity, f.amount_owed) == (Severity.VIOLATION, D("100.00"))
    cites(f, "第三十四条")
    assert report.total_owed == D("100.00")


def test_csv_row_loss_caused_by_customer_e1004():
    row = payroll_rows()["E-1004"]
    data = csv_row_to_payslip(row)
    assert data["deductions"][1] == {
        "kind": "loss-compensation",
        "amount": "300.00",
        "caused_by": "customer",
    }
    report = check_row(row)
    # A loss the customer caused may not be deducted (工资支付暂行规定 第十六条), and it has no
    # documented basis either: both findings on deductions[1], counted once: 300.00.
    loss = one(report, "loss-deduction", line="deductions[1]")
    assert loss.amount_owed == D("300.00")
    cites(loss, "第十六条")
    assert one(report, "undocumented-deduction", line="deductions[1]").amount_owed == D("300.00")
    assert report.total_owed == D("300.00")


def test_csv_row_resignation_days_worked_count_e1005():
    row = payroll_rows()["E-1005"]
    data = csv_row_to_payslip(row)
    assert data["contract"]["termination"] == {"last_day": "2023-06-16", "how": "resignation"}
    assert data["attendance"] == {"days_worked_count": "11"}
    report = check_row(row)
    # Resigned 2023-06-16: June 2023 has 21 working days, 12 of them (1-2, 5-9, 12-16 June)
    # in employment; 11 worked. 劳社部发〔2008〕3号 二, the lower of two methods:
    # A 7000 / 21.75 x 11 = 3540.23; B 7000 - 7000 / 21.75 x (21 - 11) = 7000 - 3218.39 =
    # 3781.61. A is lower; paid 3500.00, owed 3540.23 - 3500.00 = 40.23.
    pro = one(report, "proration", line="earnings[0]")
    assert (pro.severity, pro.amount_owed) == (Severity.UNDERPAYMENT, D("40.23"))
    computation_has(
        pro,
        "11 working days worked (dates not listed)",
        "7000.00 / 21.75 x 11 paid days = 3540.23",
        "7000.00 - 7000.00 / 21.75 x 10 absent working days (dates not listed)",
        "= 3781.61",
    )
    cites(pro, "劳社部发〔2008〕3号")
    # A 1400.00 penalty for resigning: no such penalty is lawful (劳动合同法 第二十五条).
    pen = one(report, "resignation-penalty", line="deductions[1]")
    assert (pen.severity, pen.amount_owed) == (Severity.VIOLATION, D("1400.00"))
    cites(pen, "中华人民共和国劳动合同法 第二十五条")
    assert report.total_owed == D("1440.23")  # 40.23 + 1400.00


def test_csv_row_clean_e1006():
    # 5500.00 a month, 440.00 social insurance, net 5500 - 440 = 5060.00.
    report = check_row(payroll_rows()["E-1006"])
    assert report.findings == []
    assert report.total_owed == D("0.00")


def test_example_payroll_total():
    reports = [check_row(row) for row in payroll_rows().values()]
    assert [str(r.total_owed) for r in reports] == PAYROLL_OWED
    # 206.90 + 100.00 + 300.00 + 1440.23 = 2047.13
    assert sum(r.total_owed for r in reports) == D("2047.13")


# -- the flat CSV layout: the other columns ----------------------------------------------


def _row(**cells: str) -> dict[str, str]:
    return {**payroll_rows()["E-1001"], **cells}


def test_csv_holiday_overtime_hours():
    row = _row(overtime_holiday_hours="8", overtime_pay="551.72", net_pay="6071.72")
    data = csv_row_to_payslip(row)
    assert data["attendance"] == {"overtime_totals": {"statutory-holiday": "8"}}
    # 8 h on a statutory holiday paid at 200%; lawful 6000 / 174 x 8 x 300% = 827.59;
    # owed 827.59 - 551.72 = 275.87.
    report = check_row(row)
    assert one(report, "overtime-premium", line="earnings[1]").amount_owed == D("275.87")
    assert report.total_owed == D("275.87")


def test_csv_overtime_totals_count_towards_the_monthly_limit():
    # 20 h on working days + 20 h on rest days = 40 h in June 2023 > the 36 h monthly limit
    # (劳动法 第四十一条); the totals count in the month the period ends.
    # Premiums: 6000 / 174 x 20 x 150% = 1034.48 and 6000 / 174 x 20 x 200% = 1379.31,
    # lawful 2413.79; paid 1551.72, owed 2413.79 - 1551.72 = 862.07.
    row = _row(
        overtime_working_day_hours="20",
        overtime_rest_day_hours="20",
        overtime_pay="1551.72",
        net_pay="7071.72",
    )
    report = check_row(row)
    hours = one(report, "overtime-hours", line="attendance.overtime")
    assert hours.severity is Severity.VIOLATION
    computation_has(
        hours,
        "20 h (working day, dates not listed) + 20 h (rest day, dates not listed) = 40 h",
        "the limit is 36 h",
    )
    cites(hours, "中华人民共和国劳动法 第四十一条")
    premium = one(report, "overtime-premium", line="earnings[1]")
    computation_has(premium, "= 1034.48", "= 1379.31", "= 2413.79")
    assert premium.amount_owed == D("862.07")
    assert report.total_owed == D("862.07")


def test_csv_more_than_24_overtime_hours_in_one_class():
    # 30 h on working days paid at 100%: 6000 / 174 x 30 = 1034.48; lawful
    # 6000 / 174 x 30 x 150% = 1551.72; owed 1551.72 - 1034.48 = 517.24. 30 h <= 36 h.
    row = _row(overtime_working_day_hours="30", overtime_pay="1034.48", net_pay="6554.48")
    (result,) = check_many([Record("payroll.csv:2", row, "csv")], jobs=1)
    assert isinstance(result, Report), result
    assert one(result, "overtime-premium", line="earnings[1]").amount_owed == D("517.24")
    assert result.total_owed == D("517.24")


def test_csv_blank_cells_are_absent_and_whitespace_is_stripped():
    row = _row(wage=" 6000.00 ", days_worked="  ", net_pay="", overtime_pay=" ")
    data = csv_row_to_payslip(row)
    assert data["contract"]["wage"] == "6000.00"
    assert data["attendance"] == {}
    assert "net_pay" not in data
    assert [e["kind"] for e in data["earnings"]] == ["base"]


def test_csv_optional_columns():
    row = _row(
        employer_id="",
        pay_basis="monthly",
        normal_hours_per_day="8",
        hours_system="standard",
        last_day="2023-06-30",
        termination="dismissal",
        notice_date="2023-05-31",
        loss_compensation="50.00",
        loss_compensation_basis="written-consent",
        loss_caused_by="employee",
        loss_written_notice_date="2023-06-20",
        net_pay="5470.00",
    )
    data = csv_row_to_payslip(row)
    assert data["employer"] == {"id": "-"}  # blank employer_id
    assert data["contract"] == {
        "pay_basis": "monthly",
        "wage": "6000.00",
        "employment_start": "2022-01-04",
        "normal_hours_per_day": "8",
        "hours_system": "standard",
        "termination": {"last_day": "2023-06-30", "how": "dismissal", "notice_date": "2023-05-31"},
    }
    assert data["deductions"][1] == {
        "kind": "loss-compensation",
        "amount": "50.00",
        "basis": {"kind": "written-consent"},  # no ":reference" part
        "caused_by": "employee",
        "written_notice_date": "2023-06-20",
    }
    paycheck.validate(data)  # every optional column maps onto a valid payslip field


def test_csv_every_deduction_and_earning_column():
    deductions = {
        "income_tax": "income-tax",
        "housing_fund": "housing-fund",
        "court_order": "court-order",
        "business_cost": "business-cost",
        "advance_repayment": "advance-repayment",
        "other_deductions": "other",
    }
    earnings = {"special_allowances": "special-allowance", "bonus": "bonus"}
    row = _row(**dict.fromkeys([*deductions, *earnings], "1.00"))
    data = csv_row_to_payslip(row)
    assert [d["kind"] for d in data["deductions"]] == [
        "income-tax",
        "social-insurance",
        "housing-fund",
        "court-order",
        "business-cost",
        "advance-repayment",
        "other",
    ]
    assert [e["kind"] for e in data["earnings"]] == ["base", "special-allowance", "bonus"]
    paycheck.validate(data)


@pytest.mark.parametrize("column", ["employee_id", "jurisdiction", "wage", "employment_start"])
def test_csv_required_column_empty_or_missing(column):
    with pytest.raises(InputError, match=f"column {column} is empty or missing") as err:
        csv_row_to_payslip(_row(**{column: ""}))
    assert err.value.field == column
    row = _row()
    del row[column]
    with pytest.raises(InputError, match=f"column {column} is empty or missing"):
        csv_row_to_payslip(row)


def test_csv_unknown_column_is_refused():
    with pytest.raises(InputError, match="unknown column 'overtime_hours'") as err:
        csv_row_to_payslip(_row(overtime_hours="10"))
    assert err.value.field == "overtime_hours"


def test_csv_bad_cell_is_named_by_validation():
    with pytest.raises(InputError, match=r"attendance\.days_worked_count"):
        paycheck.validate(csv_row_to_payslip(_row(days_worked="eleven")))


def test_csv_row_with_more_cells_than_the_header_is_a_bad_record(tmp_path):
    lines = PAYROLL.read_text(encoding="utf-8").splitlines()
    assert lines[1].endswith(",5520.00")
    lines[1] = lines[1][: -len("5520.00")] + "5,520.00"  # a thousands separator, unquoted
    path = tmp_path / "payroll.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(check_many(read_input(str(path)), jobs=1))
    assert isinstance(results[0], RecordError)
    assert owed(results[1:]) == PAYROLL_OWED[1:]


def test_csv_with_a_byte_order_mark(tmp_path):
    path = tmp_path / "payroll.csv"
    path.write_text(PAYROLL.read_text(encoding="utf-8"), encoding="utf-8-sig")
    assert owed(check_many(read_input(str(path)), jobs=1)) == PAYROLL_OWED


def test_unpicklable_record_does_not_stop_a_parallel_run():
    bad = clean(1)
    bad["employee"] = {"id": "E-1", "name": (c for c in "x")}
    assert owed(check_many([clean(0), bad, clean(2)], jobs=1)) == ["0.00", "ERROR", "0.00"]
    assert owed(check_many([clean(0), bad, clean(2)], jobs=2)) == ["0.00", "ERROR", "0.00"]


# -- Summary ------------------------------------------------------------------------------


def test_summary_counts_and_totals():
    items, _ = _bad_mix()
    results = list(check_many(items, jobs=1))
    summary = Summary()
    for r in results:
        summary.add(r)
    assert (summary.checked, summary.with_findings, summary.bad) == (4, 2, 5)
    # 0.00 + 100.00 + 172.41 + 0.00 = 272.41, the sum of the per-report totals
    assert summary.owed["CNY"] == sum(r.total_owed for r in results if isinstance(r, Report))
    assert summary.owed["CNY"] == D("272.41")
    assert summary.rule_count == {"fine": 1, "overtime-premium": 1}
    assert summary.exit_code == 2


def test_summary_exit_codes():
    clean_run, findings_run = Summary(), Summary()
    for r in check_many([clean(0), clean(1)], jobs=1):
        clean_run.add(r)
    for r in check_many([clean(0), fined(1)], jobs=1):
        findings_run.add(r)
    assert (clean_run.exit_code, findings_run.exit_code) == (0, 1)


# -- the check-batch command --------------------------------------------------------------


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    rc = main(["check-batch", *argv])
    out, err = capsys.readouterr()
    return rc, out, err


def _table_value(out: str, label: str) -> str:
    for line in out.splitlines():
        if line.startswith(label):
            return line[len(label) :].strip()
    raise AssertionError(f"{label!r} not in:\n{out}")


def test_cli_summary_on_the_example_csv(capsys):
    rc, out, err = _run(capsys, str(PAYROLL), "--jobs", "1")
    assert (rc, err) == (1, "")  # findings; no progress bar: stderr is not a terminal
    assert _table_value(out, "payslips checked") == "6"
    assert _table_value(out, "with findings (violation, underpayment, undocumented)") == "4"
    assert _table_value(out, "bad records (not checked)") == "0"
    assert _table_value(out, "total owed (CNY)") == "2047.13"  # 206.90 + 100 + 300 + 1440.23
    assert _table_value(out, "resignation-penalty").split() == ["1", "1400.00", "CNY"]
    # 300.00 (E-1004) + 1400.00 (E-1005)
    assert _table_value(out, "undocumented-deduction").split() == ["2", "1700.00", "CNY"]
    worst = out.split("Worst cases\n", 1)[1].splitlines()[2:]
    assert [line.split()[0] for line in worst] == ["E-1005", "E-1004", "E-1002", "E-1003"]
    assert worst[0].endswith("1440.23 CNY")
    assert f"({PAYROLL}:6)" in worst[0]


def test_cli_csv_output_file(capsys, tmp_path):
    target = tmp_path / "results.csv"
    rc, out, err = _run(
        capsys, str(PAYROLL), "--jobs", "1", "--format", "csv", "--output", str(target)
    )
    assert (rc, out) == (1, "")
    assert err == "paycheck: 6 checked, 4 with findings, 0 bad records\n"
    with target.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert reader.fieldnames == CSV_FIELDS
    assert [r["total_owed"] for r in rows] == PAYROLL_OWED
    assert [r["index"] for r in rows] == [str(n) for n in range(6)]
    assert rows[4]["source"] == f"{PAYROLL}:6"
    assert rows[4]["rules"] == "proration;undocumented-deduction;resignation-penalty"
    assert rows[4]["findings"] == "3"
    assert rows[0]["rules"] == "" and rows[0]["error"] == ""


def test_cli_jsonl_with_bad_records_exit_2_and_nothing_lost(capsys, tmp_path):
    data, expected = mixed(6)
    lines = [json.dumps(d) for d in data]
    lines.insert(2, "{broken")
    lines.insert(5, json.dumps(payslip_data(currency="cny")))
    path = tmp_path / "run.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rc, out, err = _run(capsys, str(path), "--jobs", "1", "--format", "jsonl")
    assert rc == 2  # a bad record outranks findings
    assert err == "paycheck: 6 checked, 4 with findings, 2 bad records\n"
    results = [json.loads(line) for line in out.splitlines()]
    assert len(results) == 8
    errors = [r for r in results if "error" in r]
    assert [(e["index"], e["source"]) for e in errors] == [(2, f"{path}:3"), (5, f"{path}:6")]
    assert "malformed JSON" in errors[0]["error"] and "currency" in errors[1]["error"]
    reports = [r for r in results if "error" not in r]
    assert [r["employee"] for r in reports] == [f"E-{n}" for n in range(6)]
    assert [r["total_owed"] for r in reports] == expected

    rc, out, err = _run(capsys, str(path), "--jobs", "1")
    assert (rc, err) == (2, "")
    assert _table_value(out, "payslips checked") == "6"
    assert _table_value(out, "bad records (not checked)") == "2"
    assert "Bad records (first 2 of 2)" in out
    assert f"record 2: {path}:3: malformed JSON" in out


def test_cli_summary_total_is_the_sum_of_the_reports(capsys, tmp_path):
    data, _ = mixed(10)
    path = tmp_path / "run.jsonl"
    path.write_text(jsonl(data), encoding="utf-8")
    _, out, _ = _run(capsys, str(path), "--jobs", "1", "--format", "jsonl")
    total = sum(D(json.loads(line)["total_owed"]) for line in out.splitlines())
    # 4 clean, 3 fined at 100.00, 3 overtime short by 172.41: 300.00 + 517.23 = 817.23
    assert total == D("817.23")
    rc, out, _ = _run(capsys, str(path), "--jobs", "1")
    assert rc == 1
    assert _table_value(out, "total owed (CNY)") == str(total)
    assert _table_value(out, "with findings (violation, underpayment, undocumented)") == "6"


def test_cli_jobs_2_same_output_as_jobs_1(capsys, tmp_path):
    data, _ = mixed(9)
    path = tmp_path / "run.jsonl"
    path.write_text(jsonl(data), encoding="utf-8")
    rc1, out1, _ = _run(capsys, str(path), "--jobs", "1", "--format", "jsonl")
    rc2, out2, _ = _run(capsys, str(path), "--jobs", "2", "--format", "jsonl")
    assert rc1 == rc2 == 1
    assert out1 == out2
    assert len(out1.splitlines()) == 9


def test_cli_clean_run_exits_0(capsys, tmp_path):
    path = tmp_path / "run.jsonl"
    path.write_text(jsonl([clean(0), clean(1)]), encoding="utf-8")
    rc, out, err = _run(capsys, str(path), "--jobs", "1")
    assert (rc, err) == (0, "")
    assert _table_value(out, "total owed (CNY)") == "0.00"
    assert "Worst cases" not in out


def test_cli_directory_csv_format(capsys, tmp_path):
    shutil.copy(WORKED, tmp_path / "b.yaml")
    shutil.copy(CORRECTED, tmp_path / "a.yaml")
    rc, out, _ = _run(capsys, str(tmp_path), "--jobs", "1", "--format", "csv")
    assert rc == 1
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["source"], r["total_owed"]) for r in rows] == [
        (str(tmp_path / "a.yaml"), "0.00"),
        (str(tmp_path / "b.yaml"), "3744.39"),
    ]


def test_cli_stdin_jsonl(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(jsonl([clean(0), fined(1)])))
    rc, out, err = _run(capsys, "-", "--jobs", "1", "--format", "jsonl")
    assert rc == 1
    results = [json.loads(line) for line in out.splitlines()]
    assert [(r["source"], r["total_owed"]) for r in results] == [
        ("<stdin>:1", "0.00"),
        ("<stdin>:2", "100.00"),
    ]
    assert err == "paycheck: 2 checked, 1 with findings, 0 bad records\n"


def test_cli_stdin_csv(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(PAYROLL.read_text(encoding="utf-8")))
    rc, out, _ = _run(capsys, "-", "--jobs", "1", "--input-format", "csv", "--format", "csv")
    assert rc == 1
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["total_owed"] for r in rows] == PAYROLL_OWED
    assert rows[0]["source"] == "<stdin>:2"


def test_cli_bad_input_path_exit_2(capsys, tmp_path):
    rc, out, err = _run(capsys, str(tmp_path / "absent.jsonl"))
    assert (rc, out) == (2, "")
    assert err == f"paycheck: {tmp_path / 'absent.jsonl'}: no such file\n"
    rc, _, err = _run(capsys, str(tmp_path), "--input-format", "csv")  # a folder, forced CSV
    assert (rc, err) == (
        2,
        f"paycheck: {tmp_path}: is a directory, not a csv file: leave --input-format out\n",
    )
    rc, _, err = _run(capsys, str(PAYROLL), "--input-format", "dir")
    assert rc == 2
    assert err == f"paycheck: {PAYROLL}: not a directory\n"


def test_cli_output_that_cannot_be_written_exit_2(capsys, tmp_path):
    target = tmp_path / "missing-directory" / "summary.txt"
    rc, _, err = _run(capsys, str(PAYROLL), "--jobs", "1", "--output", str(target))
    assert rc == 2
    assert err.startswith("paycheck: ")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(capsys, monkeypatch, tmp_path):
    out_file = tmp_path / "summary.txt"
    rc, _, err = _run(capsys, str(PAYROLL), "--jobs", "1", "--output", str(out_file))
    assert (rc, err) == (1, "")  # capsys's stderr is not a terminal: no bar
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    rc = main(["check-batch", str(PAYROLL), "--jobs", "1", "--output", str(out_file)])
    monkeypatch.undo()
    assert rc == 1
    bar = terminal.getvalue()
    assert "6/6" in bar  # tqdm's count after the sixth record, of the six the file has
    assert "\r" in bar
    assert _table_value(out_file.read_text(encoding="utf-8"), "total owed (CNY)") == "2047.13"


# -- check-batch guards (found in a user review) -------------------------------------------


def test_cli_output_equal_to_input_is_refused_and_the_input_kept(capsys, tmp_path):
    run = tmp_path / "run.jsonl"
    text = json.dumps(payslip_data()) + "\n"
    run.write_text(text, encoding="utf-8")
    rc, _, err = _run(capsys, str(run), "--format", "jsonl", "--output", str(run))
    assert rc == 2
    assert err.strip() == f"paycheck: {run}: --output would overwrite the input"
    assert run.read_text(encoding="utf-8") == text


def test_cli_input_with_no_records_is_bad_input(capsys, tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    rc, _, err = _run(capsys, str(empty))
    assert rc == 2
    assert err.strip() == f"paycheck: {empty}: no records found: nothing was checked"


@pytest.mark.parametrize("jobs", ["0", "-3", "two"])
def test_cli_jobs_must_be_a_positive_whole_number(capsys, jobs):
    with pytest.raises(SystemExit) as exit_:
        main(["check-batch", str(PAYROLL), "--jobs", jobs])
    assert exit_.value.code == 2
    assert "is not a positive whole number" in capsys.readouterr().err


def test_cli_jsonl_names_every_record_by_index(capsys, tmp_path):
    run = tmp_path / "run.jsonl"
    run.write_text(json.dumps(payslip_data()) + "\n{broken\n", encoding="utf-8")
    rc, out, _ = _run(capsys, str(run), "--format", "jsonl", "--jobs", "1")
    assert rc == 2
    first, second = (json.loads(line) for line in out.splitlines())
    assert (first["index"], first["total_owed"]) == (0, "0.00")
    assert (second["index"], second["source"]) == (1, f"{run}:2")


def test_csv_errors_name_the_csv_column(tmp_path):
    # The bureau edits columns, not payslip fields: fine_basis, period_end, days_worked.
    path = tmp_path / "bad.csv"
    path.write_text(
        "employee_id,jurisdiction,currency,period_start,period_end,wage,employment_start,"
        "days_worked,base_pay,fine,fine_basis,net_pay\n"
        "E-1,CN-GD-SZ,CNY,2023-06-01,2023-06-30,6000.00,2022-01-01,,6000.00,100,handbook,5900.00\n"
        "E-2,CN-GD-SZ,CNY,2023-06-01,2023-06-31,6000.00,2022-01-01,,6000.00,,,6000.00\n"
        "E-3,CN-GD-SZ,CNY,2023-06-01,2023-06-30,6000.00,2022-01-01,x,6000.00,,,6000.00\n",
        encoding="utf-8",
    )
    errors = [r.reason for r in check_many(read_input(str(path)), jobs=1)]
    assert errors[0].startswith(f"{path}:2: fine_basis: Input should be 'statute'")
    assert errors[1].startswith(f"{path}:3: period_end: Input should be a valid date")
    assert errors[2] == f"{path}:4: days_worked: 'x' is not a whole number such as 11"


# -- safe outputs and inputs, and what a bureau needs (issue 14) ---------------------------------

NG_EXAMPLE = EXAMPLES / "ng-lagos-2024-10-customer-service.yaml"  # owes 14000.00 NGN


def test_csv_output_neutralises_formulas_and_keeps_numbers(capsys, tmp_path, monkeypatch):
    # A cell that starts with =, +, -, @, tab or CR would be run by a spreadsheet: it gets a
    # leading quote (OWASP). Counts and amounts are paycheck's own and stay numbers.
    rows = PAYROLL.read_text(encoding="utf-8").splitlines()
    attack = rows[3].replace("E-1003", '"=HYPERLINK(""http://x"",""pay"")"', 1)
    path = tmp_path / "run.csv"
    path.write_text("\n".join([rows[0], attack, rows[1].replace("E-1001", "-1001", 1)]) + "\n")
    monkeypatch.chdir(tmp_path)
    Path("@bad.jsonl").write_text("{broken\n", encoding="utf-8")
    rc, out, _ = _run(capsys, str(path), "--jobs", "1", "--format", "csv")
    assert rc == 1
    cells = list(csv.DictReader(io.StringIO(out)))
    assert cells[0]["employee"] == '\'=HYPERLINK("http://x","pay")'
    assert cells[1]["employee"] == "'-1001"
    assert (cells[0]["total_owed"], cells[0]["findings"], cells[0]["owed_fine"]) == (
        "100.00",
        "1",
        "100.00",
    )
    _run(capsys, "@bad.jsonl", "--jobs", "1", "--format", "csv", "--output", "o.csv")
    (bad,) = csv.DictReader(io.StringIO(Path("o.csv").read_text(encoding="utf-8")))
    assert (bad["source"], bad["error"][:14]) == ("'@bad.jsonl:1", "'@bad.jsonl:1:")


def test_csv_output_has_the_amounts_of_each_rule(capsys):
    _, out, _ = _run(capsys, str(PAYROLL), "--jobs", "1", "--format", "csv")
    rows = {r["employee"]: r for r in csv.DictReader(io.StringIO(out))}
    assert list(rows["E-1001"]) == CSV_FIELDS
    owed = {
        name.removeprefix("owed_"): value
        for name, value in rows["E-1005"].items()
        if name.startswith("owed_") and value
    }
    # E-1005: proration 40.23; the 1400.00 penalty under two rules (counted once in the
    # total, 1440.23).
    assert owed == {
        "proration": "40.23",
        "resignation_penalty": "1400.00",
        "undocumented_deduction": "1400.00",
    }
    assert rows["E-1005"]["total_owed"] == "1440.23"
    assert not any(v for k, v in rows["E-1001"].items() if k.startswith(("owed_", "uncertain_")))
    assert all(f"uncertain_{rule.replace('-', '_')}" in rows["E-1001"] for rule in paycheck_rules())


def paycheck_rules() -> list[str]:
    from paycheck.catalog import RULES

    return list(RULES)


def test_worst_cases_are_ranked_within_each_currency(capsys, tmp_path):
    # Before: NGN 14,000 ranked above CNY 3,744.39, comparing amounts in two currencies.
    shutil.copy(WORKED, tmp_path / "a.yaml")
    shutil.copy(NG_EXAMPLE, tmp_path / "b.yaml")
    rc, out, _ = _run(capsys, str(tmp_path), "--jobs", "1")
    assert rc == 1
    assert "Worst cases\n" not in out
    cny = out.split("Worst cases in CNY\n", 1)[1].split("\n\n")[0].splitlines()[2:]
    ngn = out.split("Worst cases in NGN\n", 1)[1].split("\n\n")[0].splitlines()[2:]
    assert [line.split()[-2:] for line in cny] == [["3744.39", "CNY"]]
    assert [line.split()[-2:] for line in ngn] == [["14000.00", "NGN"]]


def test_summary_worst_cases_keep_the_ten_largest_first_come_first():
    summary = Summary()
    for n in range(30):
        owed = D(n % 12)
        summary.add_facts(Facts(None, "CNY", owed, D(0), (("fine", 1, owed),), f"E-{n}"))
    table = summary.table().split("Worst cases\n", 1)[1].splitlines()[2:]
    # 11 owed by E-11 and E-23, 10 by E-10 and E-22, ...: the earlier of equals first.
    assert [line.split()[0] for line in table] == [
        "E-11", "E-23", "E-10", "E-22", "E-9", "E-21", "E-8", "E-20", "E-7", "E-19",
    ]  # fmt: skip


def test_directory_reads_only_regular_files_inside_it(capsys, tmp_path):
    # Before: d/passwd.yaml -> /etc/passwd was read, and its first key shown in the error.
    shutil.copy(CORRECTED, tmp_path / "a.yaml")
    (tmp_path / "passwd.yaml").symlink_to("/etc/passwd")
    (tmp_path / "linked").symlink_to(EXAMPLES, target_is_directory=True)
    os.mkfifo(tmp_path / "pipe.json")  # reading it would wait for ever
    shutil.copy(PAYROLL, tmp_path / "payroll.csv")
    rc, out, err = _run(capsys, str(tmp_path), "--jobs", "1", "--format", "jsonl")
    assert rc == 0
    assert [json.loads(line)["source"] for line in out.splitlines()] == [str(tmp_path / "a.yaml")]
    assert err.splitlines() == [
        f"paycheck: {tmp_path / 'linked'}: not read: a symbolic link (only files inside are read)",
        f"paycheck: {tmp_path / 'passwd.yaml'}: not read: a symbolic link (only files inside are "
        "read)",
        f"paycheck: {tmp_path / 'payroll.csv'}: not read: not a payslip file (.yaml, .yml, .json, "
        ".toml)",
        f"paycheck: {tmp_path / 'pipe.json'}: not read: not a regular file",
        "paycheck: 1 checked, 0 with findings, 0 bad records, 4 files not read",
    ]
    assert "root:" not in out + err  # the first key of /etc/passwd
    _, out, _ = _run(capsys, str(tmp_path), "--jobs", "1")
    assert _table_value(out, "files not read (named on standard error)") == "4"


def test_progress_bar_counts_a_stream_without_a_total(monkeypatch):
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(sys, "stdin", io.StringIO(jsonl([clean(0), fined(1)])))
    rc = main(["check-batch", "-", "--jobs", "1", "--format", "jsonl"])
    monkeypatch.undo()
    assert rc == 1
    bar = terminal.getvalue()
    assert "2 payslips" in bar and "/2" not in bar  # standard input: the count alone


def test_read_input_refuses_a_line_over_the_size_limit_and_goes_on(tmp_path):
    path = tmp_path / "run.jsonl"
    path.write_text(
        jsonl([clean(0)]) + "x" * 1_000_001 + "\n" + jsonl([fined(2)]), encoding="utf-8"
    )
    results = list(check_many(read_input(str(path)), jobs=1))
    assert owed(results) == ["0.00", "ERROR", "100.00"]
    assert results[1].reason == f"{path}:2: longer than 1,000,000 characters: not a payslip"
    csv_path = tmp_path / "run.csv"
    lines = PAYROLL.read_text(encoding="utf-8").splitlines()
    lines.insert(2, "x" * 1_000_001)
    csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(check_many(read_input(str(csv_path)), jobs=1))
    assert owed(results) == [PAYROLL_OWED[0], "ERROR", *PAYROLL_OWED[1:]]
    assert results[1].source == f"{csv_path}:3"


def test_read_input_a_cell_the_csv_reader_refuses_is_one_bad_record(tmp_path):
    lines = PAYROLL.read_text(encoding="utf-8").splitlines()
    lines.insert(2, '"' + "y" * 200_000 + '"')  # over the CSV reader's cell limit
    path = tmp_path / "run.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(check_many(read_input(str(path)), jobs=1))
    assert owed(results) == [PAYROLL_OWED[0], "ERROR", *PAYROLL_OWED[1:]]
    assert "not a CSV row: field larger than field limit" in results[1].reason


def test_the_docs_tables_of_columns_are_made_from_the_declarations():
    # The columns are declared once (paycheck/batch/layout.py); each table of docs/batch.md
    # that lists them is made from the declaration. To refresh them after a change:
    # python -c "from paycheck.batch.layout import write_docs; write_docs('docs/batch.md')"
    from paycheck.batch.layout import IN_COLUMNS, docs_tables, with_tables

    text = (EXAMPLES.parent / "docs" / "batch.md").read_text(encoding="utf-8")
    assert with_tables(text) == text, "docs/batch.md lists columns that are not declared so"
    assert all(f"<!-- columns: {name} -->" in text for name in docs_tables())
    listed = {c.name for c in IN_COLUMNS if c.table}
    assert all(f"| `{name}` |" in text for name in listed)


def test_csv_rule_columns_count_a_line_once_per_rule():
    """The June 2023 deductions example: one loss line of 2000.00 on a 3000.00 wage is over
    the 20% cap by 2000 - 600 = 1400 and leaves 3000 - 2000 = 1000 against the 2360 minimum,
    1360 short (工资支付暂行规定 第十六条): two loss-deduction findings on one line, of which
    the larger, 1400.00, is owed; not 2760.00."""
    report = paycheck.check(paycheck.load(EXAMPLES / "cn-shenzhen-2023-06-deductions.toml"))
    loss = [f for f in report.findings if f.rule == "loss-deduction" and f.line == "deductions[0]"]
    assert sorted(f.amount_owed for f in loss) == [D("1360.00"), D("1400.00")]
    assert report.by_rule()["loss-deduction"] == (D("1400.00"), D("0.00"))
    header = csv_header().strip().split(",")[1:]  # the command writes the index first
    cells = dict(zip(header, next(csv.reader([csv_row(report)])), strict=True))
    assert cells["owed_loss_deduction"] == "1400.00"


def test_csv_row_final_pay_and_pay_date_columns():
    # The story's leaver in a flat export: resigned over docked pay (termination_reason), paid
    # on Fri 2021-10-29. Shenzhen's final pay is due within 3 working days of the last day,
    # Fri 22 Oct: Mon 25, Tue 26, Wed 27 Oct (深圳市员工工资支付条例 第十三条); 29 - 27 = 2 days
    # late. Economic compensation: under six months of service, half of 6000.00 = 3000.00,
    # uncertain on his asserted ground (劳动合同法 第三十八条, 第四十六条, 第四十七条).
    row = {
        "employee_id": "E-1", "jurisdiction": "CN-GD-SZ", "currency": "CNY",
        "period_start": "2021-10-01", "period_end": "2021-10-31", "wage": "6000.00",
        "employment_start": "2021-08-16", "last_day": "2021-10-22",
        "termination": "resignation", "notice_date": "2021-10-20",
        "termination_reason": "employer-breach", "paid_on": "2021-10-29",
        "base_pay": "4137.93", "net_pay": "4137.93",
    }  # fmt: skip
    data = csv_row_to_payslip(row)
    assert data["paid_on"] == "2021-10-29"
    assert data["contract"]["termination"]["reason"] == "employer-breach"
    report = paycheck.check(paycheck.validate(data))
    late = one(report, "late-payment")
    assert late.severity is Severity.VIOLATION
    computation_has(late, "2021-10-27", "2 days late")
    severance = one(report, "severance")
    assert severance.severity is Severity.UNCERTAIN
    assert severance.amount_uncertain == D("3000.00")
