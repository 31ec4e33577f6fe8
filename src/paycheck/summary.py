"""Moved to :mod:`paycheck.batch.summary` (and the CSV layout to :mod:`paycheck.batch.layout`);
this name stays so that existing imports work."""

from paycheck.batch.layout import CSV_FIELDS, csv_header, csv_row
from paycheck.batch.summary import WORST, Facts, Summary, facts, with_csv, with_json

__all__ = [
    "CSV_FIELDS",
    "WORST",
    "Facts",
    "Summary",
    "csv_header",
    "csv_row",
    "facts",
    "with_csv",
    "with_json",
]
