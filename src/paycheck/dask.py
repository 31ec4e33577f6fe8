"""Check a payroll on a Dask cluster, partition by partition, with :func:`check_many`.

Install with ``pip install 'paycheck-labour[dask]'``. Each partition is checked in the Dask
worker that holds it (``jobs=1`` inside a worker: Dask already spreads partitions over
the cluster's cores), and each record becomes a plain JSON-ready dict: a report, or
``{"index", "source", "error"}`` for a bad record (``index`` counts within the partition).

    import dask.bag as db
    from dask.delayed import delayed
    from paycheck.dask import check_bag
    results = check_bag(db.read_text("payroll-*.jsonl").filter(str.strip))
    owed = results.pluck("total_owed", "0").map(Decimal).sum().compute()
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

try:
    import dask.bag as db
    import dask.dataframe as dd
    from dask.delayed import delayed
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "paycheck.dask needs the dask extra: pip install 'paycheck-labour[dask]'"
    ) from exc

from paycheck.batch import Record, check_many, result_to_dict


def check_partition(records: Iterable[Any], on: date | None = None) -> list[dict[str, Any]]:
    """Check one partition (payslip dicts, JSON texts or :class:`Record` objects)."""
    return [result_to_dict(r) for r in check_many(records, jobs=1, on=on)]


def check_bag(bag: db.Bag, on: date | None = None) -> db.Bag:
    """A bag of payslips (dicts or JSON Lines texts) to a bag of result dicts, in order."""
    return bag.map_partitions(check_partition, on=on)


def _csv_partition(frame: Any, part: int, on: date | None) -> list[dict[str, Any]]:
    rows = frame.astype(str).where(frame.notna(), "").to_dict(orient="records")
    return check_partition(
        (Record(f"partition {part} row {i}", row, "csv") for i, row in enumerate(rows)), on
    )


def check_dataframe(frame: dd.DataFrame, on: date | None = None) -> db.Bag:
    """A dataframe in the flat CSV layout (docs/batch.md) to a bag of result dicts.

    Read it with ``dtype=str`` so that no amount passes through a float.
    """
    parts = frame.to_delayed()
    return db.from_delayed([delayed(_csv_partition)(p, k, on) for k, p in enumerate(parts)])
