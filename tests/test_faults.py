"""A batch that finishes (issue 14): a worker killed with SIGKILL, SIGINT and SIGTERM, a full
disk and a closed pipe, each with real signals and real processes.

What a run must do on each fault is in docs/batch.md ("Faults"): every record written once
(a dead worker's chunks are checked again), the output ending on a whole line, one line on
standard error saying how many records were written and how to resume, and the workers
ending with the parent.

The payslips are the conftest base (0.00 owed) and the same with a 100.00 fine, prohibited in
Shenzhen since 2022-08-04 (100.00 owed back).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import payslip_data

from paycheck import Report, check_many
from paycheck.batch.records import Result, result_to_dict

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="real signals and /proc")

RECORDS = 3000
FINE = {"kind": "fine", "amount": "100.00", "basis": {"kind": "company-rule"}}
SOCIAL = {"kind": "social-insurance", "amount": "480.00"}


def _line(n: int) -> str:
    changes = {"deductions": [SOCIAL, FINE]} if n % 2 else {}
    return json.dumps(payslip_data(employee={"id": f"E-{n}"}, **changes))


@pytest.fixture(scope="module")
def run_file(tmp_path_factory) -> Path:
    """3,000 JSON lines: long enough that a signal sent early lands mid-run."""
    path = tmp_path_factory.mktemp("faults") / "run.jsonl"
    template = _line(0), _line(1)
    with path.open("w", encoding="utf-8") as out:
        for n in range(RECORDS):
            out.write(template[n % 2].replace('"E-0"' if n % 2 == 0 else '"E-1"', f'"E-{n}"'))
            out.write("\n")
    return path


def _command(*argv: str) -> list[str]:
    return [sys.executable, "-m", "paycheck.cli", "check-batch", *argv]


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (the workers of a run)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for(condition, what: str, timeout: float = 30) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


def _indices(path: Path) -> list[int]:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n"), "the output must end on a whole line"
    return [json.loads(line)["index"] for line in text.splitlines()]


# -- a worker killed ---------------------------------------------------------------------------

KILLED = "PAYCHECK_TEST_KILLED"


def _kill_once(result: Result) -> dict:
    """In a worker, on record 300, the first time only: SIGKILL this worker process."""
    marker = os.environ.get(KILLED)
    index = result.index if not isinstance(result, Report) else int(result.employee[2:])
    if marker and index == 300 and multiprocessing.parent_process() is not None:
        try:
            fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            pass
        else:
            os.close(fd)
            os.kill(os.getpid(), signal.SIGKILL)
    return result_to_dict(result)


def _kill_always(result: Result) -> dict:
    """In a worker, on record 5: SIGKILL this worker, every time (a poison record)."""
    index = result.index if not isinstance(result, Report) else int(result.employee[2:])
    if index == 5 and multiprocessing.parent_process() is not None:
        os.kill(os.getpid(), signal.SIGKILL)
    return result_to_dict(result)


def test_a_killed_worker_loses_no_record(tmp_path, monkeypatch):
    # Before: BrokenProcessPool escaped check_many, and 44,065 of 49,953 records were lost.
    monkeypatch.setenv(KILLED, str(tmp_path / "killed"))
    lines = [_line(n) for n in range(1000)]
    results = list(check_many(lines, jobs=2, chunk_size=50, transform=_kill_once))
    assert (tmp_path / "killed").exists()  # a worker really died
    assert [r["employee"] for r in results] == [f"E-{n}" for n in range(1000)]
    assert [r["total_owed"] for r in results] == ["0.00", "100.00"] * 500


def test_a_record_that_kills_every_worker_is_checked_here():
    # Its chunk is lost twice (with the chunks in flight beside it), then checked in this
    # process, where the record does no harm: the run still finishes, in order.
    lines = [_line(n) for n in range(40)]
    results = list(check_many(lines, jobs=2, chunk_size=4, transform=_kill_always))
    assert [r["employee"] for r in results] == [f"E-{n}" for n in range(40)]


def test_check_batch_with_a_worker_killed_writes_every_record_once(run_file, tmp_path):
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        _command(str(run_file), "--jobs", "2", "--format", "jsonl", "--output", str(out)),
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_for(lambda: out.exists() and out.stat().st_size > 0, "the first results")
    workers = _children(proc.pid)
    assert workers, "no worker process found"
    os.kill(workers[0], signal.SIGKILL)
    assert proc.wait(timeout=120) == 1  # findings (the fines), and no bad record
    assert _indices(out) == list(range(RECORDS))
    summary = f"{RECORDS} checked, {RECORDS // 2} with findings, 0 bad records"
    assert proc.stderr.read() == f"paycheck: {summary}\n"


def test_closing_the_results_early_ends_the_workers_at_once():
    lines = [_line(n) for n in range(2000)]
    others = set(_children(os.getpid()))  # processes earlier tests left, if any
    results = check_many(lines, jobs=2, chunk_size=10)
    next(results)
    workers = set(_children(os.getpid())) - others
    assert workers
    results.close()
    assert not [pid for pid in workers if _alive(pid)]


# -- SIGINT and SIGTERM -------------------------------------------------------------------------

_STOPPED = re.compile(
    r"paycheck: stopped by (SIG\w+): (\d+) records written to (\S+) \(records 0 to \d+\); "
    r"to resume, run the same command with --skip (\d+)\n"
)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_run_on_a_whole_line_and_it_resumes(run_file, tmp_path, signum):
    out = tmp_path / "out.jsonl"
    argv = _command(str(run_file), "--jobs", "2", "--format", "jsonl", "--output", str(out))
    # Its own session: SIGINT goes to the whole process group, as Ctrl-C in a terminal does.
    proc = subprocess.Popen(argv, stderr=subprocess.PIPE, text=True, start_new_session=True)
    _wait_for(lambda: out.exists() and out.stat().st_size > 0, "the first results")
    workers = _children(proc.pid)
    if signum == signal.SIGINT:
        os.killpg(proc.pid, signum)
    else:
        os.kill(proc.pid, signum)
    assert proc.wait(timeout=60) == 128 + signum
    err = proc.stderr.read()
    match = _STOPPED.fullmatch(err)
    assert match, err  # one line, no traceback
    name, written, where, resume = match.groups()
    assert (name, where, resume) == (signum.name, str(out), written)
    assert _indices(out) == list(range(int(written)))
    assert 0 < int(written) < RECORDS
    assert workers and not [pid for pid in workers if _alive(pid)], "workers outlived the run"

    resumed = subprocess.run([*argv, "--skip", written], capture_output=True, text=True)
    assert resumed.returncode == 1, resumed.stderr
    assert _indices(out) == list(range(RECORDS))  # every record once, across the two runs
    rest = RECORDS - int(written)
    assert f"{rest} checked" in resumed.stderr


def test_sigterm_with_one_job_and_csv(run_file, tmp_path):
    out = tmp_path / "out.csv"
    argv = _command(str(run_file), "--jobs", "1", "--format", "csv", "--output", str(out))
    proc = subprocess.Popen(argv, stderr=subprocess.PIPE, text=True)
    _wait_for(lambda: out.exists() and out.stat().st_size > 0, "the first results")
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 143
    written = int(_STOPPED.fullmatch(proc.stderr.read()).group(2))
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("index,source,employee,")
    assert [int(r.split(",", 1)[0]) for r in rows[1:]] == list(range(written))
    resumed = subprocess.run([*argv, "--skip", str(written)], capture_output=True, text=True)
    assert resumed.returncode == 1
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("index,") and not any(r.startswith("index,") for r in rows[1:])
    assert [int(r.split(",", 1)[0]) for r in rows[1:]] == list(range(RECORDS))


# -- write errors ---------------------------------------------------------------------------------


def test_a_full_device_is_one_line_and_exit_2(run_file):
    proc = subprocess.run(
        _command(str(run_file), "--jobs", "1", "--format", "jsonl", "--output", "/dev/full"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr == (
        "paycheck: /dev/full: cannot write: No space left on device: no record written to "
        "/dev/full; to resume, run the same command\n"
    )


def _file_size_limit(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past it fails instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_disk_that_fills_up_leaves_whole_lines(run_file, tmp_path):
    # The file may not grow past 200,000 bytes, as a small disk: a block of lines is cut
    # inside a line (inside a UTF-8 character, perhaps), and the file is cut back to the
    # last whole line.
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        _command(str(run_file), "--jobs", "1", "--format", "jsonl", "--output", str(out)),
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_file_size_limit(200_000),
    )
    assert proc.returncode == 2
    match = re.fullmatch(
        rf"paycheck: {re.escape(str(out))}: cannot write: File too large: (\d+) records "
        r"written to .* --skip (\d+)\n",
        proc.stderr,
    )
    assert match, proc.stderr
    assert _indices(out) == list(range(int(match.group(1))))
    assert match.group(1) == match.group(2)


def test_a_closed_pipe_is_one_line_and_exit_2(run_file):
    proc = subprocess.Popen(
        _command(str(run_file), "--jobs", "2", "--format", "jsonl"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout.readline().startswith(b'{"index": 0,')
    proc.stdout.close()  # as `| head -1` does
    assert proc.wait(timeout=60) == 2
    err = proc.stderr.read().decode()
    # What reached the pipe before it closed is counted in whole lines (one, at least).
    assert re.fullmatch(
        r"paycheck: standard output: cannot write: Broken pipe: (\d+) records written to "
        r"standard output \(records 0 to \d+\); to resume, run the same command with --skip "
        r"\1\n",
        err,
    ), err
