"""The Dask adapter (``paycheck-labour[dask]``): a bag or a dataframe checked partition by partition
on a real local cluster of two worker processes.

The example payroll (examples/payroll-2023-06.csv; hand computations in tests/test_batch.py):
E-1001 0.00; E-1002 overtime 6000 / 174 x (10 x 150% + 8 x 200%) = 1068.97, paid 862.07,
owed 206.90; E-1003 a prohibited fine, 100.00; E-1004 a loss the customer caused, 300.00;
E-1005 proration 3540.23 - 3500.00 = 40.23 plus a 1400.00 resignation penalty = 1440.23;
E-1006 0.00.
"""

from __future__ import annotations

import json
import os
from decimal import Decimal

import pytest

REASON = "the Dask adapter needs the extra: pip install 'paycheck-labour[dask]'"
if os.environ.get("PAYCHECK_REQUIRE_DASK"):  # CI installs the extra: a skip there is a failure
    import dask.bag as db
    import dask.dataframe as dd
    import distributed
else:
    db = pytest.importorskip("dask.bag", reason=REASON)
    dd = pytest.importorskip("dask.dataframe", reason=REASON)
    distributed = pytest.importorskip("distributed", reason=REASON)

from conftest import EXAMPLES, payslip_data  # noqa: E402

from paycheck.batch import check_many, result_to_dict  # noqa: E402
from paycheck.dask import check_bag, check_dataframe  # noqa: E402

D = Decimal
PAYROLL = EXAMPLES / "payroll-2023-06.csv"
PAYROLL_OWED = ["0.00", "206.90", "100.00", "300.00", "1440.23", "0.00"]


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def _lines(count: int) -> list[str]:
    """JSON lines cycling a clean payslip (0.00 owed) and one with a 100.00 fine, prohibited
    in Shenzhen since 2022-08-04 (100.00 owed back)."""
    fine = {"kind": "fine", "amount": "100.00", "basis": {"kind": "company-rule"}}
    social = {"kind": "social-insurance", "amount": "480.00"}
    out = []
    for n in range(count):
        changes = {"deductions": [social, fine]} if n % 2 else {}
        out.append(json.dumps(payslip_data(employee={"id": f"E-{n}"}, **changes)) + "\n")
    return out


def test_cluster_has_two_worker_processes(client):
    assert len(client.scheduler_info()["workers"]) == 2


def test_check_bag_same_results_and_order_as_check_many(client):
    lines = _lines(10)
    bag = db.from_sequence(lines, npartitions=4)
    assert bag.npartitions == 4
    results = client.compute(check_bag(bag)).result()
    local = [result_to_dict(r) for r in check_many(lines, jobs=1)]
    assert results == local
    assert [r["employee"] for r in results] == [f"E-{n}" for n in range(10)]
    assert [r["total_owed"] for r in results] == ["0.00", "100.00"] * 5
    # 5 fines of 100.00 = 500.00
    assert sum(D(r["total_owed"]) for r in results) == D("500.00")


def test_check_dataframe_on_the_example_payroll(client):
    frame = dd.read_csv(PAYROLL, dtype=str)
    results = client.compute(check_dataframe(frame)).result()
    assert [r["employee"] for r in results] == [f"E-100{n}" for n in range(1, 7)]
    assert [r["total_owed"] for r in results] == PAYROLL_OWED
    assert sum(D(r["total_owed"]) for r in results) == D("2047.13")


def test_check_dataframe_several_partitions(client):
    frame = dd.read_csv(PAYROLL, dtype=str, blocksize=300)  # a few rows per partition
    assert frame.npartitions > 1
    results = client.compute(check_dataframe(frame)).result()
    assert [r["total_owed"] for r in results] == PAYROLL_OWED


def test_bad_record_in_a_bag_partition(client):
    lines = _lines(6)
    lines[3] = '{"format_version": 1,\n'  # malformed JSON in the second of three partitions
    bag = db.from_sequence(lines, npartitions=3)  # partitions [0, 1], [2, 3], [4, 5]
    results = client.compute(check_bag(bag)).result()
    assert len(results) == 6
    bad = results[3]
    assert set(bad) == {"index", "source", "error"}
    assert bad["index"] == 1  # counted within its partition
    assert "malformed JSON" in bad["error"]
    good = [r for n, r in enumerate(results) if n != 3]
    assert [r["employee"] for r in good] == ["E-0", "E-1", "E-2", "E-4", "E-5"]
    assert [r["total_owed"] for r in good] == ["0.00", "100.00", "0.00", "0.00", "100.00"]


def test_bad_row_in_a_dataframe_partition(client, tmp_path):
    lines = PAYROLL.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    row = lines[4].split(",")  # E-1004
    row[header.index("wage")] = ""
    lines[4] = ",".join(row)
    path = tmp_path / "payroll.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    frame = dd.read_csv(path, dtype=str, blocksize=300)
    assert frame.npartitions > 1
    results = client.compute(check_dataframe(frame)).result()
    assert len(results) == 6
    assert results[3]["error"].endswith("wage: column wage is empty or missing")
    assert results[3]["source"].startswith("partition ")
    assert [r.get("total_owed", "ERROR") for r in results] == [
        "0.00",
        "206.90",
        "100.00",
        "ERROR",
        "1440.23",
        "0.00",
    ]


def test_check_dataframe_sources_are_unique_across_partitions(client):
    frame = dd.read_csv(PAYROLL, dtype=str, blocksize=300)
    assert frame.npartitions > 1
    sources = [r["source"] for r in client.compute(check_dataframe(frame)).result()]
    assert len(set(sources)) == len(sources) == 6
