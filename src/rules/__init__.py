"""Jurisdiction rule packs: the law as dated, cited data (see docs/adding-a-jurisdiction.md).

In the source tree this folder is ``src/rules``; the wheel installs it as ``paycheck.rules``.
"""
