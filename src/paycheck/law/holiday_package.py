"""The ``holidays`` package's countries, one at a time.

``holidays.country_holidays("CN")`` and ``from holidays.countries.china import ...`` both import
``holidays.countries`` first, whose ``__init__`` imports every country's module (about 190 ms
on the project's machine), to check one Chinese payslip. :func:`country_module` loads the one
country's module alone, under its own name (``holidays.countries.china``), so that its classes
are the very ones the package gives: a later ``import holidays.countries`` (by the package's
own registry, or any other code in the process) finds the module loaded and reuses it, and so
builds the whole package as it always does. Where ``holidays.countries`` is loaded already,
or the module is not a file beside it, it is imported the ordinary way.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import holidays
from holidays.registry import COUNTRIES


@cache
def country_module(module: str) -> ModuleType:
    """``holidays.countries.<module>`` (``china``), without importing every other country."""
    name = f"holidays.countries.{module}"
    if name in sys.modules or "holidays.countries" in sys.modules:
        return importlib.import_module(name)
    path = Path(holidays.__file__).parent / "countries" / f"{module}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None or not path.is_file():
        return importlib.import_module(name)
    loaded = importlib.util.module_from_spec(spec)
    sys.modules[name] = loaded
    try:
        spec.loader.exec_module(loaded)
    except BaseException:
        del sys.modules[name]
        raise
    return loaded


@cache
def _where(code: str) -> tuple[str, str] | None:
    """The module and class of a country code (``CN``: ``china``, ``China``)."""
    for module, (entity, *codes) in COUNTRIES.items():
        if code in codes:
            return module, entity
    return None


def country_holidays(code: str, **options: Any) -> Any:
    """``holidays.country_holidays(code, **options)``, importing that country's module only."""
    where = _where(code)
    if where is None:
        return holidays.country_holidays(code, **options)
    entity = getattr(country_module(where[0]), where[1])
    return entity(**options)
