"""What every reader of input files shares (payslips in paycheck.loader, rule packs in
paycheck.law.packs): the one-line :class:`InputError`, and a safe YAML loader that reads
numbers with a fraction exactly. It imports nothing else of paycheck's that reads input, so
that neither reader has to import the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import yaml

from paycheck.limits import MAX_PROBLEM, one_line
from paycheck.messages import Msg, msg
from paycheck.money import NumberLiteral


class Problem(NamedTuple):
    """One problem of a bad input: the field (``deductions[2].amount``, or None for the whole
    input), what is wrong, and the bad value as a message shows it (shortened), if any."""

    field: str | None
    problem: str
    value: str | None = None


class InputError(ValueError):
    """Bad input: names the source, the field and the problem in one line.

    ``errors`` lists every problem found (the message describes the first, and says how many
    more there are). ``message``, where the problem has one, is its message id and
    arguments, for :meth:`text` in another language.
    """

    def __init__(
        self,
        problem: str,
        *,
        source: str | None = None,
        field: str | None = None,
        errors: Sequence[Problem] = (),
        message: Msg | None = None,
    ):
        self.source = source
        self.field = field
        self.problem = problem
        self.errors: list[Problem] = list(errors) or [Problem(field, problem)]
        self.message = message
        super().__init__(str(self))

    def text(self, lang: str = "en") -> str:
        """The line in a language (English where the problem has no translation)."""
        if lang == "en" or self.message is None:
            return str(self)
        try:
            problem = self.message.text(lang)
            if len(self.errors) > 1:
                problem += msg("error.more", n=len(self.errors) - 1).text(lang)
        except KeyError:  # not in that language's catalog
            return str(self)
        parts = [p for p in (self.source, self.field) if p]
        return one_line(": ".join([*parts, problem]))

    def __str__(self) -> str:
        problem = self.problem
        if len(problem) > MAX_PROBLEM:
            problem = problem[: MAX_PROBLEM - 1] + "…"
        parts = [p for p in (self.source, self.field) if p]
        return one_line(": ".join([*parts, problem]))

    def moved(self, source: str, field: str | None = None) -> InputError:
        """The same problems, found in ``source`` (and on ``field`` instead, if given)."""
        errors = self.errors
        if field is not None and field != self.field:
            errors = [Problem(field, *e[1:]) if e.field == self.field else e for e in errors]
        return InputError(
            self.problem,
            source=source,
            field=field or self.field,
            errors=errors,
            message=self.message,
        )


class _ExactLoader(yaml.SafeLoader):
    """A safe YAML loader that reads numbers with a fraction as exact decimals."""


def _exact_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> NumberLiteral:
    text = str(loader.construct_scalar(node)).replace("_", "").lower()
    special = {".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity", ".nan": "NaN"}
    return NumberLiteral(special.get(text, text))


def _checked_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError as exc:
        raise yaml.constructor.ConstructorError(
            None, None, f"{node.value!r} is not a real date ({exc})", node.start_mark
        ) from None


_ExactLoader.add_constructor("tag:yaml.org,2002:float", _exact_float)
_ExactLoader.add_constructor("tag:yaml.org,2002:timestamp", _checked_timestamp)


class _ExactCLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same, on libyaml's parser where PyYAML has it (about ten times faster: the rule
    packs are read with it; a test compares the two on every pack file)."""


_ExactCLoader.add_constructor("tag:yaml.org,2002:float", _exact_float)
_ExactCLoader.add_constructor("tag:yaml.org,2002:timestamp", _checked_timestamp)
