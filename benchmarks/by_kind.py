"""Where the time of a check goes: microseconds a payslip, one process, by kind of payslip.

    python benchmarks/by_kind.py [--n 5000] [--repeats 5]

Validates the synthetic payslips once, then times ``check`` and the summary facts of each
group (jurisdiction; lawful or with findings; with or without overtime), best of the repeats
in CPU time, beside validation alone and the frame of a check with no rule run (context,
report, lines, summary facts). Figures for docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import synthetic

from paycheck import check, engine
from paycheck.loader import parse_text, validate
from paycheck.model import Payslip
from paycheck.summary import facts


def best(run: Callable[[], Any], repeats: int) -> float:
    """The fastest of ``repeats`` runs, in CPU seconds."""
    times = []
    for _ in range(repeats):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def read_all(texts: Iterable[str]) -> None:
    for text in texts:
        validate(parse_text(text, "json"))


def check_all(payslips: Iterable[Payslip]) -> None:
    for p in payslips:
        facts(check(p))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    texts = [json.dumps(p) for p in synthetic.payslips(args.n)]
    payslips = [validate(parse_text(t, "json")) for t in texts]
    groups: dict[tuple[str, str, str], list[Payslip]] = defaultdict(list)
    for p in payslips:
        found = "findings" if check(p).findings else "lawful"
        groups[(p.jurisdiction, found, "overtime" if p.attendance.overtime else "-")].append(p)

    def us(seconds: float, count: int) -> str:
        return f"{seconds / count * 1e6:7.1f} µs"

    n = len(payslips)
    reading = best(lambda: read_all(texts), args.repeats)
    print(f"{'validate only (JSON decode + pydantic)':45} {us(reading, n)}")
    checking = best(lambda: check_all(payslips), args.repeats)
    print(f"{'check and summary facts, all payslips':45} {us(checking, n)}")
    for key, group in sorted(groups.items()):
        label = f"  {key[0]:9} {key[1]:8} {key[2]:8} ({len(group)})"
        print(f"{label:45} {us(best(lambda g=group: check_all(g), args.repeats), len(group))}")
    saved = engine.CHECKS
    engine.CHECKS = tuple(c._replace(run=lambda facts, out: None) for c in saved)
    frame = best(lambda: check_all(payslips), args.repeats)
    engine.CHECKS = saved
    print(f"{'the frame alone (no rule run)':45} {us(frame, n)}")


if __name__ == "__main__":
    main()
