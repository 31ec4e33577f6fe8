"""Running a payroll check: in this process, or on worker processes in chunks, in input
order, with memory flat however long the input.

A worker that dies (killed, out of memory) loses the chunks it had: they are checked again
in a fresh pool, and a chunk lost twice is checked here, so every record is reported once.
Workers ignore SIGINT (the parent decides) and are ended, and waited for, whenever the run
ends, early or not.
"""

from __future__ import annotations

import itertools
import os
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from types import FrameType
from typing import Any, TypeVar, overload

from paycheck.batch.records import Item, Result, check_record

T = TypeVar("T")
Transform = Callable[[Result], Any]

LOSSES = 2
"""A chunk whose worker died this many times is checked in the calling process."""


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


@overload
def check_many(
    payslips: Iterable[Item],
    jobs: int | None = None,
    *,
    on: date | None = None,
    chunk_size: int = 256,
    transform: None = None,
    start: int = 0,
) -> Generator[Result, None, None]: ...


@overload
def check_many(
    payslips: Iterable[Item],
    jobs: int | None = None,
    *,
    on: date | None = None,
    chunk_size: int = 256,
    transform: Callable[[Result], T],
    start: int = 0,
) -> Generator[T, None, None]: ...


def check_many(
    payslips: Iterable[Item],
    jobs: int | None = None,
    *,
    on: date | None = None,
    chunk_size: int = 256,
    transform: Transform | None = None,
    start: int = 0,
) -> Generator[Any, None, None]:
    """Check payslips (or raw dicts, JSON texts, :class:`Record` objects) in input order.

    Yields a :class:`~paycheck.report.Report` for each payslip, or a :class:`RecordError`
    with its index and the reason for a bad one; the run goes on. ``jobs`` is the number of
    worker processes (default: all cores; 1 checks in this process). ``start`` is the index
    of the first item (a run resumed after its first ``start`` records).

    ``transform``, a module-level function, is applied to each result where it was
    checked (in the worker), and its value is yielded instead: a payroll run that only
    needs JSON lines or a summary then never ships whole reports between processes,
    which is what lets it scale with the cores (docs/performance.md).
    """
    jobs = default_jobs() if jobs is None else max(1, jobs)
    if jobs == 1:
        for index, item in enumerate(payslips, start):
            result = check_record(index, item, on)
            yield result if transform is None else transform(result)
        return
    # Raw items travel as they are (strings and tuples pickle fastest); the worker reads them.
    chunks = _chunks(iter(payslips), chunk_size, start)
    first = next(chunks, None)
    if first is None:
        return
    _warm(first.items, on)
    workers = _Workers(jobs, on, transform)
    try:
        window = 2 * jobs  # chunks in flight: enough to keep workers busy, few enough to stay flat
        for chunk in itertools.chain([first], chunks):
            workers.submit(chunk)
            if len(workers.pending) >= window:
                yield from workers.collect()
        while workers.pending:
            yield from workers.collect()
    finally:
        workers.stop()


WARM = 16
"""Payslips of the first chunk checked in the calling process before workers start."""


def _warm(items: list[Item], on: date | None) -> None:
    """Read the law once here, before the workers are forked, so that each inherits it.

    A few payslips spread over the first chunk are checked and their results dropped: the
    rule packs of their jurisdictions, each Law and its answers, the calendars of their
    periods are then read once in this process instead of once in every worker (a cold
    worker spends most of a short run reading them). Only where workers are forked: a
    spawned worker starts from nothing whatever this process holds.
    """
    import multiprocessing

    if multiprocessing.get_context().get_start_method() != "fork":  # the pool's context
        return
    step = max(1, len(items) // WARM)
    for n, item in enumerate(items[::step][:WARM]):
        try:
            check_record(n, item, on)
        except Exception:  # it is checked again, and reported, in its chunk
            continue


def _check_chunk(
    start: int, items: list[Item], on: date | None, transform: Transform | None
) -> list[Any]:
    if transform is None:
        return [check_record(start + n, item, on) for n, item in enumerate(items)]
    # Each report is transformed as soon as it is made, so it is freed while still in cache.
    return [transform(check_record(start + n, item, on)) for n, item in enumerate(items)]


@dataclass
class _Chunk:
    start: int
    items: list[Item]
    future: Future[list[Any]] | None = None
    here: bool = False  # to be checked in this process
    losses: int = 0

    def returned(self) -> bool:
        """Whether its results came back from a worker."""
        f = self.future
        return f is not None and f.done() and not f.cancelled() and f.exception() is None


@dataclass
class _Workers:
    """A process pool, replaced when a worker dies, and the chunks in flight, in order."""

    jobs: int
    on: date | None
    transform: Transform | None
    pending: deque[_Chunk] = field(default_factory=deque)
    pool: ProcessPoolExecutor | None = None

    def submit(self, chunk: _Chunk) -> None:
        self.pending.append(chunk)
        if not self._send([chunk]):
            self._replace()

    def collect(self) -> list[Any]:
        """The oldest chunk's results: from its worker, or checked here if it cannot be."""
        chunk = self.pending[0]
        while not chunk.here:
            assert chunk.future is not None
            try:
                results = chunk.future.result()
            except BrokenProcessPool:
                self._replace()
                continue
            except Exception:  # it could not travel to a worker (a record cannot be pickled)
                break
            self.pending.popleft()
            return results
        self.pending.popleft()
        return _check_chunk(chunk.start, chunk.items, self.on, self.transform)

    def _send(self, chunks: list[_Chunk]) -> bool:
        """Send chunks to the pool (a chunk lost too often stays here); False if it broke."""
        for chunk in chunks:
            if chunk.losses >= LOSSES:
                chunk.here = True
                continue
            if self.pool is None:
                self.pool = ProcessPoolExecutor(self.jobs, initializer=_worker_signals)
            try:
                chunk.future = self.pool.submit(
                    _check_chunk, chunk.start, chunk.items, self.on, self.transform
                )
            except BrokenProcessPool:  # a worker died since the last chunk was sent
                return False
        return True

    def _replace(self) -> None:
        """A worker died: every chunk the pool held goes to a fresh pool."""
        while True:
            self.stop()
            lost = [c for c in self.pending if not c.here and not c.returned()]
            for chunk in lost:
                chunk.losses += 1
            if self._send(lost):
                return

    def stop(self) -> None:
        """End the workers, and wait until they have ended: the chunks not yet started are
        dropped, and each worker finishes the chunk it is on (a fraction of a second).

        They are not killed: a worker killed while it sends its results leaves half a
        message in the pipe, and the pool's own thread then waits for the rest for ever."""
        pool, self.pool = self.pool, None
        if pool is not None:
            with signals_held():
                pool.shutdown(wait=True, cancel_futures=True)


def _worker_signals() -> None:
    """In a worker: Ctrl-C, which reaches every process of the group, is for the parent, which
    stops the run and then its workers. SIGTERM ends a worker at once, as the pool expects
    when it clears up after a dead one (not the parent's handler, which fork copied)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _chunks(items: Iterator[Item], size: int, start: int) -> Iterator[_Chunk]:
    while chunk := list(itertools.islice(items, size)):
        yield _Chunk(start, chunk)
        start += len(chunk)


class Stopped(BaseException):
    """The run was stopped by a signal (like KeyboardInterrupt, not an Exception, so that no
    ``except Exception`` on the way swallows it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.name = signal.Signals(signum).name


class _Signals:
    """What stopped_by_signals knows: whether a stop was asked for, and whether it must wait
    (signals_held) for the end of a block of work that must not be cut."""

    stopping = False
    held = 0
    pending: int | None = None


@contextmanager
def signals_held() -> Iterator[None]:
    """Within: a stop asked for by a signal waits until the block is done (a block of lines
    written, the workers ended). Blocking the signal would not do: another thread of the
    process may take it, and Python then runs its handler in the main thread anyway."""
    _Signals.held += 1
    try:
        yield
    finally:
        _Signals.held -= 1
    if not _Signals.held and _Signals.pending is not None:
        signum, _Signals.pending = _Signals.pending, None
        raise Stopped(signum)


@contextmanager
def stopped_by_signals() -> Iterator[None]:
    """Within: SIGINT or SIGTERM raises :class:`Stopped` in the main thread, so that a run
    can end cleanly (its workers ended, its output closed on a whole line). A second one
    while it ends exits at once."""

    def stop(signum: int, frame: FrameType | None) -> None:
        if _Signals.stopping:
            os._exit(128 + signum)
        _Signals.stopping = True
        if _Signals.held:
            _Signals.pending = signum
            return
        raise Stopped(signum)

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        _Signals.stopping, _Signals.pending = False, None
