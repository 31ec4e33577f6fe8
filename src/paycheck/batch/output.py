"""Writing a run's results so that the output always ends on a whole line.

Lines are gathered and written in blocks with ``os.write``; a stop asked for by a signal
waits while a block goes out (``signals_held``), so a signal never cuts a line. If a write
fails (a full disk, a closed pipe), a regular file is cut back to its last whole line and
:class:`WriteFailed` says how many records were written before it.
"""

from __future__ import annotations

import os
import stat
import sys
from typing import TextIO

from paycheck.batch.run import signals_held

_BLOCK = 1 << 16


class WriteFailed(Exception):
    """The output could not be written; what was written ends on a whole line."""

    def __init__(self, name: str, reason: str, written: int) -> None:
        super().__init__(f"{name}: cannot write: {reason}")
        self.name, self.reason, self.written = name, reason, written


class Output:
    """A file (created, or appended to) or standard output, written whole lines at a time.

    ``written`` counts the records whose lines are all out (a header counts none).
    """

    def __init__(self, path: str | None = None, *, append: bool = False) -> None:
        self._stream: TextIO | None = None  # standard output that is no file (a test's)
        if path is None:
            self.name, self._own = "standard output", False
            sys.stdout.flush()
            try:
                self.fd = sys.stdout.fileno()
            except (AttributeError, OSError, ValueError):
                self.fd, self._stream = -1, sys.stdout
        else:
            mode = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
            try:
                self.fd = os.open(path, mode, 0o666)
            except OSError as exc:
                raise WriteFailed(path, exc.strerror or str(exc), 0) from None
            self.name, self._own = path, True
        self._regular = self._stream is None and stat.S_ISREG(os.fstat(self.fd).st_mode)
        self._appending = append or (self._regular and _appending(self.fd))
        self._whole = self._position()  # where the last whole line ends
        self._lines: list[tuple[bytes, int]] = []  # gathered: each text and its records
        self._size = 0
        self.written = 0

    def write(self, text: str, records: int = 1) -> None:
        """Add whole lines of text (the lines of ``records`` records)."""
        data = text.encode("utf-8", errors="surrogateescape")
        self._lines.append((data, records))
        self._size += len(data)
        if self._size >= _BLOCK:
            self.flush()

    def flush(self) -> None:
        lines, self._lines, self._size = self._lines, [], 0
        data = b"".join(text for text, _ in lines)
        out = 0  # bytes written
        with signals_held():
            try:
                if self._stream is not None:
                    self._stream.write(data.decode("utf-8", errors="surrogateescape"))
                    self._stream.flush()
                    out = len(data)
                while out < len(data):
                    out += os.write(self.fd, data[out:])
            except OSError as exc:
                self._count(lines, out)
                self._cut_back()
                raise WriteFailed(self.name, exc.strerror or str(exc), self.written) from None
            self._count(lines, out)

    def _count(self, lines: list[tuple[bytes, int]], out: int) -> None:
        """Count the records whose lines are wholly among the first ``out`` bytes written."""
        for text, records in lines:
            if len(text) > out:
                break
            out -= len(text)
            self.written += records
            if self._whole is not None:
                self._whole += len(text)

    def close(self) -> None:
        """Write what is gathered, and close a file this output opened."""
        try:
            self.flush()
        finally:
            if self._own:
                os.close(self.fd)
                self._own = False

    def _position(self) -> int | None:
        if not self._regular:
            return None
        return os.lseek(self.fd, 0, os.SEEK_END if self._appending else os.SEEK_CUR)

    def _cut_back(self) -> None:
        """Cut a regular file back to its last whole line (a pipe cannot be: what went out
        has gone, and its reader is gone too)."""
        if self._whole is None:
            return
        try:
            os.ftruncate(self.fd, self._whole)
            os.lseek(self.fd, self._whole, os.SEEK_SET)
        except OSError:  # pragma: no cover - a file that cannot be truncated
            pass


def _appending(fd: int) -> bool:
    """Whether writes go to the end of the file (standard output opened with ``>>``)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return False
    return bool(fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_APPEND)
