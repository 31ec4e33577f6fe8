"""Time ``paycheck check`` on the story payslip against the import floor: a Python that only
imports what any checker of a YAML payslip needs (``pydantic, yaml, holidays, tabulate``).

    python benchmarks/cli_latency.py [--repeats 15] [--json]

The two commands run interleaved (floor, check, floor, check, ...) so that a change in the
machine's load touches both alike; the figures are medians. The last line is one JSON object
with ``ratio_cli_to_import_floor`` (issue 12's target: at most 2.0).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STORY = ROOT / "examples" / "cn-shenzhen-2021-10-final-pay.yaml"
FLOOR = [sys.executable, "-c", "import pydantic, yaml, holidays, tabulate"]
CHECK = [sys.executable, "-m", "paycheck.cli", "check", str(STORY)]


# As installed: ``pip install`` compiles the bytecode, so the warm-up run may write it here.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def once(command: list[str], expect: int) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False, env=ENV)
    took = time.perf_counter() - start
    if done.returncode != expect:
        sys.exit(f"{' '.join(command)} exited {done.returncode}: {done.stderr.decode()[-500:]}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON last")
    args = parser.parse_args()
    once(FLOOR, 0), once(CHECK, 1)  # warm the file cache and the bytecode
    floor, check = [], []
    for _ in range(args.repeats):
        floor.append(once(FLOOR, 0))
        check.append(once(CHECK, 1))  # the story payslip has findings: exit 1
    figures = {
        "import_floor_ms": round(statistics.median(floor) * 1000, 1),
        "cli_check_ms": round(statistics.median(check) * 1000, 1),
        "ratio_cli_to_import_floor": round(statistics.median(check) / statistics.median(floor), 2),
        "repeats": args.repeats,
        "load_1min": round(os.getloadavg()[0], 2),
    }
    print(f"import floor     {figures['import_floor_ms']:8.1f} ms")
    print(f"paycheck check   {figures['cli_check_ms']:8.1f} ms")
    print(f"ratio            {figures['ratio_cli_to_import_floor']:8.2f}")
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
