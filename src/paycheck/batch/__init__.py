"""Check a whole payroll: many payslips in, reports out in input order, streaming.

``check_many`` takes any iterable, lazily, and yields one result per record: a
:class:`~paycheck.report.Report`, or a :class:`RecordError` naming the record and the
reason. Memory stays flat however long the input: with ``jobs`` > 1 records travel to
worker processes in chunks, with at most a few chunks in flight per worker.

The modules, one concern each:

- :mod:`~paycheck.batch.records`: what a record is, and how one is read and checked;
- :mod:`~paycheck.batch.run`: ``check_many``: the pool, a dead worker's chunks checked
  again, the signals that stop a run;
- :mod:`~paycheck.batch.inputs`: JSON Lines, CSV, directories and standard input;
- :mod:`~paycheck.batch.layout`: the CSV layouts, each column declared once;
- :mod:`~paycheck.batch.summary`: counts, totals and worst cases of a run;
- :mod:`~paycheck.batch.output`: writing results whole, line by line, or not at all.
"""

from paycheck.batch.inputs import InputFormat, count_records, read_input
from paycheck.batch.layout import CSV_FIELDS, csv_column, csv_row_to_payslip
from paycheck.batch.records import Item, Record, RecordError, Result, result_to_dict, result_to_json
from paycheck.batch.run import Stopped, check_many, default_jobs, stopped_by_signals

__all__ = [
    "CSV_FIELDS",
    "InputFormat",
    "Item",
    "Record",
    "RecordError",
    "Result",
    "Stopped",
    "check_many",
    "count_records",
    "csv_column",
    "csv_row_to_payslip",
    "default_jobs",
    "read_input",
    "result_to_dict",
    "result_to_json",
    "stopped_by_signals",
]
