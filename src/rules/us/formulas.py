"""The shapes of United States wage law that no other pack has."""

from . import workweek  # noqa: F401
