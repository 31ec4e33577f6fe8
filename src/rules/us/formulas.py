"""The shapes of United States wage law that no other pack has: hours worked, overtime and
exemption by the workweek (``workweek``); deductions, meal and rest premiums, expenses and
final pay (``wages``)."""

from . import wages, workweek  # noqa: F401
