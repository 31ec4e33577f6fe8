"""The shapes of United States wage law that no other pack has."""

from . import workweek  # noqa: F401
from . import wages  # noqa: F401  (deductions, meal and rest premiums, final pay)
