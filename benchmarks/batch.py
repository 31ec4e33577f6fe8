"""Benchmark a payroll run: validate-only floor, full check on one core, on all cores,
and peak memory of a streamed million-payslip run.

    python benchmarks/batch.py [--mix synthetic|story] [--n 20000] [--repeats 3]
                               [--stream 1000000] [--json]

``--mix synthetic`` (the default) is a light payroll, about one payslip in five with a
problem; ``--mix story`` is shaped like the examples of the four countries (dated attendance,
several overtime records, up to seven deductions, most with findings).

Figures are medians of the repeats, measured in one run on this machine. ``--json``
prints the same figures as one JSON object on the last line.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import synthetic

from paycheck import check_many
from paycheck.batch import default_jobs
from paycheck.loader import parse_text, validate
from paycheck.summary import facts

POOL = 5000  # distinct synthetic payslips; longer runs cycle through them with new ids


MIXES = {"synthetic": synthetic.payslips, "story": synthetic.story_payslips}


def lines(n: int, mix: str = "synthetic") -> Iterator[str]:
    """n JSON Lines, lazily: a fixed-seed pool cycled with fresh employee ids."""
    pool = [json.dumps(p) for p in MIXES[mix](min(n, POOL))]
    for i, text in enumerate(itertools.islice(itertools.cycle(pool), n)):
        yield text if i < len(pool) else text.replace('"E-', f'"R{i // len(pool)}-', 1)


def timed(run: Callable[[], int], repeats: int) -> tuple[float, int]:
    """Median seconds of ``repeats`` runs, and the count the run returned."""
    times, count = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        count = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), count


def validate_only(data: list[str]) -> int:
    for text in data:
        validate(parse_text(text, "json"))
    return len(data)


def check_all(data: list[str], jobs: int, reports: bool = False) -> int:
    """A full check of every payslip, as ``paycheck check-batch`` runs it: each result
    becomes its summary facts where it was checked. ``reports`` ships whole Report objects
    back instead (what a library caller iterating check_many gets)."""
    return sum(1 for _ in check_many(data, jobs=jobs, transform=None if reports else facts))


def check_batch(path: str, n: int) -> int:
    """The real command on the same payslips, from a JSON Lines file, its summary discarded."""
    done = subprocess.run(
        [sys.executable, "-m", "paycheck.cli", "check-batch", path, "--output", os.devnull],
        capture_output=True,
        check=False,
    )
    if done.returncode not in (0, 1):
        sys.exit(f"check-batch exited {done.returncode}: {done.stderr.decode()[-500:]}")
    return n


def stream(n: int, jobs: int, mix: str) -> None:
    """Child process: stream n payslips through check_many; print peak RSS of the tree."""
    import psutil

    me = psutil.Process()
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            try:
                rss = me.memory_info().rss + sum(
                    c.memory_info().rss for c in me.children(recursive=True)
                )
            except psutil.Error:
                continue
            peak[0] = max(peak[0], rss)
            done.wait(0.2)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    start = time.perf_counter()
    count = sum(1 for _ in check_many(lines(n, mix), jobs=jobs, transform=facts))
    seconds = time.perf_counter() - start
    done.set()
    thread.join()
    print(json.dumps({"n": count, "seconds": seconds, "peak_rss_mb": peak[0] / 2**20}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mix", choices=sorted(MIXES), default="synthetic")
    parser.add_argument("--n", type=int, default=20000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument(
        "--stream",
        type=int,
        default=1_000_000,
        help="payslips in the streamed memory run (0 to skip)",
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--stream-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    cores = default_jobs()
    if args.stream_child:
        stream(args.stream_child, cores, args.mix)
        return

    data = list(lines(args.n, args.mix))
    payroll = Path(tempfile.mkdtemp()) / "payroll.jsonl"
    payroll.write_text("".join(line + "\n" for line in data), encoding="utf-8")
    one = payroll.with_name("one.jsonl")  # the command's start: one payslip
    one.write_text(data[0] + "\n", encoding="utf-8")
    validate_only(data[:500])  # warm caches: rule packs, calendars
    # The five runs are interleaved in each repeat, and ratios are taken within a repeat,
    # so that a slow patch of a shared machine hits both sides of a ratio alike.
    rounds = []
    for _ in range(args.repeats):
        rounds.append(
            [
                timed(lambda: validate_only(data), 1)[0],
                timed(lambda: check_all(data, 1), 1)[0],
                timed(lambda: check_all(data, cores), 1)[0],
                timed(lambda: check_all(data, cores, reports=True), 1)[0],
                timed(lambda: check_batch(str(payroll), len(data)), 1)[0],
                timed(lambda: check_batch(str(one), 1), 1)[0],
            ]
        )
    shutil.rmtree(payroll.parent)
    a, b, c, c_reports, command, start = (statistics.median(r[k] for r in rounds) for k in range(6))
    ratio = statistics.median(r[1] / r[0] for r in rounds)
    scaling = statistics.median(r[1] / r[2] for r in rounds)
    figures = {
        "mix": args.mix,
        "n": args.n,
        "cores": cores,
        "validate_per_s": round(args.n / a),
        "check_per_s": round(args.n / b),
        "check_all_cores_per_s": round(args.n / c),
        "ratio_check_to_validate": round(ratio, 2),
        "scaling": round(scaling, 2),
        "check_all_cores_reports_per_s": round(args.n / c_reports),
        "check_batch_per_s": round(args.n / command),
        "ratio_check_batch_to_library": round(statistics.median(r[2] / r[4] for r in rounds), 2),
        "check_batch_one_s": round(start, 3),
        "peak_rss_mb": None,
        "stream_n": args.stream,
        "stream_per_s": None,
    }
    if args.stream:
        out = (
            subprocess.run(
                [sys.executable, __file__, "--mix", args.mix, "--stream-child", str(args.stream)],
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        streamed = json.loads(out)
        figures["peak_rss_mb"] = round(streamed["peak_rss_mb"], 1)
        figures["stream_per_s"] = round(streamed["n"] / streamed["seconds"])

    print(
        f"machine: {platform.processor() or platform.machine()}, {cores} cores, "
        f"Python {platform.python_version()}, {os.uname().sysname}"
    )
    print(
        f"payslips: {args.n} of the {args.mix} mix, medians of "
        f"{args.repeats} interleaved rounds; ratios taken within each round"
    )
    print(f"(a) validate only (JSON decode + pydantic):  {figures['validate_per_s']:>8} /s")
    print(f"(b) full check, one process:                 {figures['check_per_s']:>8} /s")
    print(
        f"(c) full check, {cores} processes:              {figures['check_all_cores_per_s']:>8} /s"
    )
    print(
        f"    the same, yielding whole Report objects:  "
        f"{figures['check_all_cores_reports_per_s']:>8} /s"
    )
    print(f"(d) paycheck check-batch, the command:      {figures['check_batch_per_s']:>8} /s")
    print(f"    the command on one payslip (its start):   {figures['check_batch_one_s']:>8} s")
    print(
        f"d/c (the command against the library):       "
        f"{figures['ratio_check_batch_to_library']:>8}   target >= 0.8"
    )
    print(
        f"b/a (time to check / time to validate):      {figures['ratio_check_to_validate']:>8}"
        "   target <= 2.0"
    )
    print(
        f"scaling c/b on {cores} cores:                    {figures['scaling']:>8}"
        "   target >= 1.8 on 2 cores"
    )
    if args.stream:
        print(
            f"streamed {args.stream} payslips on {cores} cores: {figures['stream_per_s']} /s, "
            f"peak RSS of all processes {figures['peak_rss_mb']} MB   target < 200 MB"
        )
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
