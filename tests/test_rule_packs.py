"""Rule packs are data: every file validates, every value has a reference, unknown keys and
unsafe YAML are refused, and values are looked up by date, most specific level first."""

from __future__ import annotations

import re
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from conftest import RULES_DIR, WORKED
from pydantic import ValidationError

import paycheck
from paycheck.catalog import RULES
from paycheck.law.packs import (
    JurisdictionInfo,
    Parameter,
    RulePackError,
    Status,
    _read_pack,
    _read_parameter,
    all_packs,
    law,
)
from paycheck.law.vocabulary import REGISTRY
from paycheck.loader import _ExactLoader

D = Decimal

PARAMETER_FILES = sorted(RULES_DIR.glob("**/parameters/*.yaml"))
JURISDICTION_FILES = sorted(RULES_DIR.glob("**/jurisdiction.yaml"))


def _read(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ExactLoader)


def _id(path: Path) -> str:
    return str(path.relative_to(RULES_DIR))


def test_there_are_parameter_files():
    assert len(PARAMETER_FILES) >= 25
    # China (3 levels), Malaysia and its 16 states and territories, Singapore, Nigeria and Lagos
    assert len(JURISDICTION_FILES) == 3 + 17 + 1 + 2 + 5


@pytest.mark.parametrize("path", PARAMETER_FILES, ids=_id)
def test_parameter_file_validates_with_a_reference_on_every_value(path):
    all_packs()  # the countries' own parameters are declared with their packs
    declared = _read_parameter(path, _id(path))
    param = declared.file
    assert param.label.strip() and param.unit.strip()
    assert set(declared.param.rules) <= set(RULES), declared.param.rules
    assert param.values
    for start, dated in param.values.items():
        assert isinstance(start, date)
        assert dated.reference, f"{_id(path)} {start}: no reference"
        for ref in dated.reference:
            assert ref.title.strip(), f"{_id(path)} {start}: a reference without a title"
        assert not isinstance(dated.value, float)


@pytest.mark.parametrize("path", JURISDICTION_FILES, ids=_id)
def test_jurisdiction_file_validates_and_matches_its_folder(path):
    info = JurisdictionInfo.model_validate(_read(path))
    folder = path.parent.relative_to(RULES_DIR)
    assert info.code == str(folder).replace("/", "-").upper()


def test_calendar_overrides_validate_with_references():
    from paycheck.rules.cn import _Override

    rows = yaml.safe_load((RULES_DIR / "cn" / "calendar-overrides.yaml").read_text("utf-8"))
    overrides = [_Override.model_validate(row) for row in rows]
    assert overrides
    for o in overrides:
        assert o.reference.title.strip()
    with pytest.raises(ValidationError):
        _Override.model_validate({**rows[0], "extra": 1})


def test_all_packs_load():
    malaysia = {"MY", *(f"MY-{n:02d}" for n in range(1, 17))}
    united_states = {"US", "US-CA", "US-CA-SF", "US-CA-LA", "US-TX"}
    assert set(all_packs()) == {
        "CN",
        "CN-GD",
        "CN-GD-SZ",
        *malaysia,
        "SG",
        "NG",
        "NG-LA",
        *united_states,
    }
    assert law("MY-14").name == "Malaysia / Wilayah Persekutuan Kuala Lumpur"
    assert (law("MY-14").currency, law("SG").currency, law("NG-LA").currency) == (
        "MYR",
        "SGD",
        "NGN",
    )
    assert law("CN-GD-SZ").name == "China / Guangdong / Shenzhen"
    assert (law("US-CA-SF").name, law("US-CA-SF").currency) == (
        "United States / California / San Francisco",
        "USD",
    )
    assert law("CN").currency == "CNY"


# -- unknown keys and unsafe YAML are refused ---------------------------------------------------

SAMPLE = RULES_DIR / "cn" / "parameters" / "paid_days_per_month.yaml"


def test_unknown_top_level_key_refused():
    data = _read(SAMPLE)
    data["multiplier"] = 2
    with pytest.raises(ValidationError, match="multiplier"):
        Parameter.model_validate(data)


def test_unknown_key_in_a_dated_value_refused():
    data = _read(SAMPLE)
    next(iter(data["values"].values()))["source"] = "somewhere"
    with pytest.raises(ValidationError, match="source"):
        Parameter.model_validate(data)


def test_unknown_key_in_a_reference_refused():
    data = _read(SAMPLE)
    next(iter(data["values"].values()))["reference"]["page"] = 3
    with pytest.raises(ValidationError, match="page"):
        Parameter.model_validate(data)


def test_value_without_reference_refused():
    data = _read(SAMPLE)
    del next(iter(data["values"].values()))["reference"]
    with pytest.raises(ValidationError, match="reference"):
        Parameter.model_validate(data)


def _copy_pack(tmp_path: Path) -> Path:
    folder = tmp_path / "xx"
    (folder / "parameters").mkdir(parents=True)
    shutil.copy(RULES_DIR / "cn" / "jurisdiction.yaml", folder / "jurisdiction.yaml")
    shutil.copy(SAMPLE, folder / "parameters" / SAMPLE.name)
    return folder


def test_a_pack_folder_reads(tmp_path):
    pack = _read_pack(_copy_pack(tmp_path), "rules/xx")
    assert pack.parameters["paid_days_per_month"].values[date(2008, 1, 3)] == D("21.75")


# -- the declared vocabulary: a misspelt name, a wrong type, a bad date are refused -------------


def _pack_with(tmp_path: Path, name: str, text: str) -> Path:
    folder = _copy_pack(tmp_path)
    (folder / "parameters" / name).write_text(text, "utf-8")
    return folder


FINE = (RULES_DIR / "cn" / "gd" / "sz" / "parameters" / "fine_status.yaml").read_text("utf-8")
HOLIDAY = (RULES_DIR / "cn" / "parameters" / "overtime_multiplier_holiday.yaml").read_text("utf-8")


def test_a_misspelt_parameter_file_is_refused_naming_it(tmp_path):
    # fine_stauts.yaml used to load, and a 2015 Shenzhen fine then read as "no rule on fines"
    folder = _pack_with(tmp_path, "fine_stauts.yaml", FINE)
    with pytest.raises(RulePackError) as caught:
        _read_pack(folder, "rules/xx")
    assert str(caught.value) == (
        "rules/xx/parameters/fine_stauts.yaml: undeclared parameter 'fine_stauts': "
        "did you mean fine_status?"
    )


def test_a_value_of_the_wrong_type_is_refused_naming_the_key(tmp_path):
    folder = _pack_with(tmp_path, HOLIDAY_NAME, HOLIDAY.replace("value: 3", "value: three"))
    with pytest.raises(RulePackError) as caught:
        _read_pack(folder, "rules/xx")
    message = str(caught.value)
    assert message.startswith(f"rules/xx/parameters/{HOLIDAY_NAME}: values.1995-01-01.value: ")
    assert "expected a number, got 'three'" in message and "\n" not in message


HOLIDAY_NAME = "overtime_multiplier_holiday.yaml"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (FINE.replace("value: prohibited", "value: banned"), "values.2022-08-04.value"),
        (FINE.replace("2022-08-04:", "2022-13-04:"), "not a real date"),
        (FINE.replace("unit: status", "unit: status\nused_by: [fine]"), "used_by"),
        (FINE.replace("value: prohibited", "value: true"), "values.2022-08-04.value"),
    ],
    ids=["unknown-status", "bad-date", "unknown-key", "bool-for-enum"],
)
def test_a_malformed_parameter_is_refused(tmp_path, text, problem):
    folder = _pack_with(tmp_path, "fine_status.yaml", text)
    with pytest.raises(RulePackError, match="fine_status.yaml: .*" + re.escape(problem)):
        _read_pack(folder, "rules/xx")


def test_an_unregistered_formula_is_refused(tmp_path, monkeypatch):
    from paycheck.law import packs

    folder = _pack_with(
        tmp_path,
        "proration_methods.yaml",
        (RULES_DIR / "cn" / "parameters" / "proration_methods.yaml")
        .read_text("utf-8")
        .replace("[paid-days, absent-days]", "[paid-days, half-days]"),
    )
    all_packs()
    with pytest.raises(
        RulePackError,
        match=r"proration_methods\.yaml: values\.2008-01-03\.value: "
        r"no proration formula named 'half-days' \(registered: ",
    ):
        packs._formulas_known(_read_pack(folder, "rules/xx"))


def test_a_broken_pack_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    """Through the command: a copy of the packs with a wrong-typed value."""
    from paycheck.cli import main
    from paycheck.law import packs

    copy = tmp_path / "rules"
    shutil.copytree(RULES_DIR, copy)
    target = copy / "cn" / "parameters" / HOLIDAY_NAME
    target.write_text(target.read_text("utf-8").replace("value: 3", "value: three"), "utf-8")
    monkeypatch.setattr(packs.resources, "files", lambda _package: copy)
    for cached in (packs.pack, packs.all_packs, packs.law):
        cached.cache_clear()
    try:
        assert main(["check", str(WORKED)]) == 2
    finally:
        for cached in (packs.pack, packs.all_packs, packs.law):
            cached.cache_clear()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(
        f"paycheck: rules/cn/parameters/{HOLIDAY_NAME}: values.1995-01-01.value:"
    ), err


def test_a_pack_with_an_unknown_key_is_refused(tmp_path):
    folder = _copy_pack(tmp_path)
    target = folder / "parameters" / SAMPLE.name
    target.write_text(target.read_text("utf-8") + "typo_key: 1\n", "utf-8")
    with pytest.raises(RulePackError, match=r"paid_days_per_month\.yaml"):
        _read_pack(folder, "rules/xx")


def test_a_pack_with_unsafe_yaml_is_refused(tmp_path):
    folder = _copy_pack(tmp_path)
    (folder / "parameters" / "fine_status.yaml").write_text(
        "label: !!python/object/apply:os.system ['echo hi']\n", "utf-8"
    )
    with pytest.raises(RulePackError, match="malformed YAML"):
        _read_pack(folder, "rules/xx")


def test_numbers_are_read_exactly():
    sz = law("CN-GD-SZ")
    divisor = sz.get(REGISTRY["paid_days_per_month"], date(2021, 10, 1))
    assert divisor is not None and divisor.value == D("21.75")
    assert type(divisor.value) is not float
    fraction = sz.get(REGISTRY["loss_deduction_max_fraction"], date(2021, 10, 1))
    assert fraction is not None and fraction.number * 100 == 20


# -- dated lookups --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "value", "status"),
    [
        ("2018-06-30", "2130", Status.UNVERIFIED),
        ("2018-07-01", "2200", Status.VERIFIED),
        ("2021-12-31", "2200", Status.VERIFIED),
        ("2022-01-01", "2360", Status.VERIFIED),
        ("2025-02-28", "2360", Status.VERIFIED),
        ("2025-03-01", "2520", Status.UNVERIFIED),
    ],
)
def test_shenzhen_minimum_wage_by_date(day, value, status):
    got = law("CN-GD-SZ").get(REGISTRY["minimum_wage_monthly"], date.fromisoformat(day))
    assert got is not None
    assert (got.value, got.status, got.jurisdiction) == (D(value), status, "CN-GD-SZ")


@pytest.mark.parametrize(("day", "count"), [("2024-12-31", 11), ("2025-01-01", 13)])
def test_statutory_holiday_count(day, count):
    got = law("CN").get(REGISTRY["statutory_holidays_per_year"], date.fromisoformat(day))
    assert got is not None and got.value == count


@pytest.mark.parametrize(
    ("code", "day", "value", "level"),
    [
        ("CN-GD-SZ", "2022-08-03", "contested", "CN-GD-SZ"),
        ("CN-GD-SZ", "2022-08-04", "prohibited", "CN-GD-SZ"),
        ("CN-GD", "2013-05-01", "prohibited", "CN-GD"),
        ("CN-GD", "2013-04-30", "contested", "CN"),
        ("CN", "2023-06-30", "contested", "CN"),
    ],
)
def test_fine_status_most_specific_level_wins(code, day, value, level):
    got = law(code).get(REGISTRY["fine_status"], date.fromisoformat(day))
    assert got is not None
    assert (got.value, got.jurisdiction) == (value, level)


@pytest.mark.parametrize(("day", "level"), [("2021-10-31", "CN-GD"), ("2023-06-30", "CN-GD-SZ")])
def test_written_notice_falls_back_to_guangdong_before_shenzhen_rule(day, level):
    got = law("CN-GD-SZ").get(REGISTRY["loss_deduction_written_notice"], date.fromisoformat(day))
    assert got is not None and got.value is True and got.jurisdiction == level


def test_no_value_before_the_first_date():
    assert law("CN").get(REGISTRY["paid_days_per_month"], date(2007, 12, 31)) is None


def test_missing_law_on_a_date_names_real_rule_ids():

    report = paycheck.check(paycheck.load(WORKED), on=date(2000, 1, 1))
    tags = [
        f.message.split("]", 1)[0].lstrip("[") for f in report.findings if f.rule == "not-checked"
    ]
    assert tags, "expected not-checked findings: 21.75 is not in force in 2000"
    assert set(tags) <= set(RULES), tags


def test_the_c_and_the_python_yaml_loaders_read_every_pack_file_alike():
    """The packs are read with libyaml's parser (ten times faster); exact numbers and dates
    must come out the same as with the pure-Python one."""
    from paycheck.reading import _ExactCLoader

    for path in RULES_DIR.rglob("*.yaml"):
        text = path.read_text("utf-8")
        python = yaml.load(text, Loader=_ExactLoader)
        c = yaml.load(text, Loader=_ExactCLoader)
        assert python == c and repr(python) == repr(c), path


def test_a_check_reads_only_its_own_packs(monkeypatch):
    """A Shenzhen payslip reads China, Guangdong and Shenzhen, not Malaysia's sixteen states."""
    from paycheck.law import packs

    read: list[str] = []
    real = packs._read_pack
    monkeypatch.setattr(
        packs, "_read_pack", lambda folder, where: read.append(where) or real(folder, where)
    )
    for cached in (packs.pack, packs.all_packs, packs.law):
        cached.cache_clear()
    try:
        paycheck.check(paycheck.load(WORKED))
    finally:
        for cached in (packs.pack, packs.all_packs, packs.law):
            cached.cache_clear()
    assert read == ["rules/cn", "rules/cn/gd", "rules/cn/gd/sz"]


def _pack_folders() -> list[tuple[str, Path]]:
    return [
        ("-".join(f.parent.relative_to(RULES_DIR).parts).upper(), f.parent)
        for f in JURISDICTION_FILES
    ]


def test_a_kept_pack_is_the_pack_read_afresh(tmp_path, monkeypatch):
    """The command keeps each pack it reads as a pickle (packs.keep_packs_in): every pack
    read back from there equals the pack read from its files, its parameters the declared
    objects themselves (the checks compare them by identity)."""
    from paycheck.law import packs

    keep = tmp_path / "kept"
    with packs.keep_packs_in(keep):
        for code, folder in _pack_folders():
            where = "/".join(["rules", *code.lower().split("-")])
            packs._country_module(code.split("-")[0].lower())  # its own declarations
            fresh = _read_pack(folder, where)
            written = packs._kept(folder, where, code)  # read, and kept
            with monkeypatch.context() as m:  # the second time, the files are not read
                m.setattr(packs, "_read_pack", lambda *_: pytest.fail("read again"))
                kept = packs._kept(folder, where, code)
            assert written == fresh and kept == fresh, code
            assert all(d.param is REGISTRY[d.param.name] for d in kept.parameters.values())
    assert len(list(keep.glob("*.pickle"))) == len(_pack_folders())


def test_a_kept_pack_is_read_again_when_a_file_changes_or_the_copy_is_broken(tmp_path):
    from paycheck.law import packs

    folder = tmp_path / "cn"
    shutil.copytree(RULES_DIR / "cn", folder, ignore=shutil.ignore_patterns("gd", "__pycache__"))
    keep = tmp_path / "kept"
    with packs.keep_packs_in(keep):
        first = packs._kept(folder, "rules/cn", "CN")
        (old,) = keep.glob("CN-*.pickle")
        # A lawyer edits a value: the kept copy is stale, the pack is read again.
        target = folder / "parameters" / HOLIDAY_NAME
        target.write_text(target.read_text("utf-8").replace("value: 3", "value: 4", 1), "utf-8")
        edited = packs._kept(folder, "rules/cn", "CN")
        assert edited != first
        assert edited == _read_pack(folder, "rules/cn")
        (new,) = keep.glob("CN-*.pickle")  # the stale copy is replaced, not kept beside
        assert new != old
        # A broken copy (a disk error, another version's pickle) is read again and replaced.
        new.write_bytes(b"not a pickle")
        assert packs._kept(folder, "rules/cn", "CN") == edited
        assert packs._kept(folder, "rules/cn", "CN") == edited
    # A folder that cannot be written keeps nothing, and the pack is still read.
    with packs.keep_packs_in(target):  # a file, not a folder
        assert packs._kept(folder, "rules/cn", "CN") == edited
