"""The benchmarks still run and print every figure (no timing is asserted: figures on a shared
machine move; docs/performance.md records them)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


def run(script: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *args],
        capture_output=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_batch_benchmark_prints_every_figure_as_json() -> None:
    out = run("batch.py", "--n", "300", "--repeats", "1", "--stream", "0", "--json")
    figures = json.loads(out.strip().splitlines()[-1])
    assert figures["n"] == 300
    for key in ("validate_per_s", "check_per_s", "check_all_cores_per_s"):
        assert figures[key] > 0, key
    assert figures["ratio_check_to_validate"] > 1  # a check also validates
    assert figures["scaling"] > 0
    assert figures["cores"] >= 1
    assert "peak_rss_mb" in figures  # None when the streamed run is skipped (--stream 0)
    assert figures["mix"] == "synthetic"
    assert figures["check_batch_per_s"] > 0 and figures["ratio_check_batch_to_library"] > 0
    assert figures["check_batch_one_s"] > 0  # the command's start, on one payslip


def test_by_kind_benchmark_prints_each_group() -> None:
    out = run("by_kind.py", "--n", "300", "--repeats", "1")
    lines = out.splitlines()
    assert lines[0].startswith("validate only")
    assert any("CN-GD-SZ  lawful" in line for line in lines)
    assert lines[-1].startswith("the frame alone")
    assert all(line.rstrip().endswith("µs") for line in lines)


def test_cli_latency_benchmark_prints_the_ratio() -> None:
    out = run("cli_latency.py", "--repeats", "1", "--json")
    figures = json.loads(out.strip().splitlines()[-1])
    assert figures["ratio_cli_to_import_floor"] > 0
    assert figures["cli_check_ms"] > figures["import_floor_ms"] > 0


def test_batch_benchmark_story_mix() -> None:
    out = run(
        "batch.py", "--mix", "story", "--n", "200", "--repeats", "1", "--stream", "0", "--json"
    )
    figures = json.loads(out.strip().splitlines()[-1])
    assert figures["mix"] == "story" and figures["n"] == 200
    assert figures["check_per_s"] > 0 and figures["check_batch_per_s"] > 0
