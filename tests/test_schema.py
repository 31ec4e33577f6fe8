"""The published JSON Schemas against what paycheck reads and writes (issue 14).

Every example payslip must validate against ``paycheck schema`` (before: the Singapore
examples' ``category: non-workman`` was accepted by the loader and missing from the schema),
and a report ``paycheck check --format json`` writes against ``paycheck schema --report``.
The validator is the ``jsonschema`` package, draft 2020-12, with formats checked.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from conftest import EXAMPLES, WORKED, payslip_data
from jsonschema import Draft202012Validator, FormatChecker

from paycheck.cli import main
from paycheck.loader import read_file

PAYSLIPS = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".yaml", ".json", ".toml"})


def _schema(capsys, *flags: str) -> Draft202012Validator:
    assert main(["schema", *flags]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _as_json(data: Any) -> Any:
    """Parsed file data as a JSON document holds it: dates as text. Numbers stay exact (a
    Decimal is a JSON number to the validator: no float is made)."""
    if isinstance(data, dict):
        return {k: _as_json(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_as_json(v) for v in data]
    if isinstance(data, dt.date):
        return data.isoformat()
    return data


def test_there_are_examples_in_every_format():
    assert {p.suffix for p in PAYSLIPS} == {".yaml", ".json", ".toml"}
    assert len(PAYSLIPS) >= 10


@pytest.mark.parametrize("path", PAYSLIPS, ids=lambda p: p.name)
def test_every_example_validates_against_the_schema(capsys, path):
    errors = list(_schema(capsys).iter_errors(_as_json(read_file(path))))
    assert not errors, [f"{'.'.join(map(str, e.path))}: {e.message}" for e in errors]


def test_the_schema_refuses_what_the_loader_refuses(capsys):
    schema = _schema(capsys)
    good = payslip_data()
    assert schema.is_valid(good)
    refused = [
        payslip_data(contract={"category": "janitor"}),
        payslip_data(contract={"wage": "6,000"}),
        payslip_data(contract={"normal_hours_per_day": "٨"}),
        payslip_data(attendance={"days_worked_count": "1_0"}),
        payslip_data(period={"start": "2023-06-01", "end": "30 June 2023"}),
        payslip_data(format_version=2),
        payslip_data(remarks="unknown field"),
    ]
    assert [schema.is_valid(data) for data in refused] == [False] * len(refused)
    # Aliases the loader takes are in the schema too.
    assert schema.is_valid(payslip_data(contract={"category": "non-workman"}))
    assert schema.is_valid(payslip_data(contract={"normal_hours_per_day": Decimal("7.5")}))


def test_a_report_validates_against_the_report_schema(capsys):
    validator = _schema(capsys, "--report")
    assert main(["check", str(WORKED), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    errors = list(validator.iter_errors(report))
    assert not errors, [f"{'.'.join(map(str, e.path))}: {e.message}" for e in errors]
    assert {"total_owed", "findings", "lines"} <= set(validator.schema["required"])
    assert not validator.is_valid({**report, "total_owed": 3744.39})  # amounts are strings
