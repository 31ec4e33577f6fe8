"""``python -m paycheck.law``: the parameter table of docs/adding-a-jurisdiction.md."""

from paycheck.law.doc import table

print(table(), end="")
