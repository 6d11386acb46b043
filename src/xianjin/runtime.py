"""The edges of the process: signals that stop it, and standard streams that may fail.

`xianjin.cli.main` uses both, so that

- Ctrl-C, SIGTERM and SIGHUP stop every command the same way: an `Interrupted`
  exception unwinds the stack, so every `finally` and `except BaseException` runs (the
  renderer removes its staging files, the worker pool is terminated, temporary folders
  are deleted), and the process exits with 128 + the signal number (130, 143, 129) —
  never 1, which means "the input has errors";
- a standard output that cannot be written (a full disk, `> /dev/full`, a pipe whose
  reader has gone, `| head -1`) is told once, in Chinese, with exit code 2, instead of a
  traceback or "internal error" at the first write or at interpreter shutdown.
"""

from __future__ import annotations

import io
import os
import signal
import sys

SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))

_SAID = {"SIGINT": "按了 Ctrl-C", "SIGTERM": "收到终止信号 SIGTERM", "SIGHUP": "终端已关闭（SIGHUP）"}


class Interrupted(BaseException):
    """Raised in the main thread by a stopping signal (a BaseException, as KeyboardInterrupt is)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    @property
    def reason(self) -> str:
        return _SAID.get(signal.Signals(self.signum).name, f"收到信号 {self.signum}")


def _stop(signum, frame) -> None:
    # Once: a second Ctrl-C while the first is being cleaned up must not cut the clean-up short.
    for sig in SIGNALS:
        signal.signal(sig, signal.SIG_IGN)
    raise Interrupted(signum)


def install_signal_handlers() -> None:
    for sig in SIGNALS:
        if signal.getsignal(sig) is not signal.SIG_IGN:  # nohup: keep ignoring SIGHUP
            signal.signal(sig, _stop)


class _Guarded(io.RawIOBase):
    """A file descriptor whose first write error is kept, not raised; later output is dropped."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self.fd = fd
        self.error: OSError | None = None

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.fd

    def isatty(self) -> bool:
        try:
            return os.isatty(self.fd)
        except OSError:
            return False

    def write(self, data) -> int:
        if self.error is None:
            try:
                return os.write(self.fd, data)
            except OSError as exc:
                self.error = exc
        return len(data)

    def close(self) -> None:  # the descriptor belongs to the process, not to this object
        self.flush()
        super().close()


def _guard(stream, fd: int):
    if stream is None:
        return None, None
    try:
        if stream.fileno() != fd:
            return stream, None
    except (OSError, ValueError, AttributeError):
        return stream, None  # not a real descriptor (a test runner's capture): leave it
    raw = _Guarded(fd)
    wrapped = io.TextIOWrapper(io.BufferedWriter(raw), encoding=getattr(stream, "encoding", None) or "utf-8",
                               errors="backslashreplace", line_buffering=getattr(stream, "line_buffering", False))
    try:
        stream.flush()
    except (OSError, ValueError):
        pass
    return wrapped, raw


class Streams:
    """sys.stdout and sys.stderr replaced by guarded ones; `output_error()` after the command."""

    def __init__(self) -> None:
        sys.stdout, self._out = _guard(sys.stdout, 1)
        sys.stderr, self._err = _guard(sys.stderr, 2)

    def output_error(self) -> OSError | None:
        """Flush standard output; the error that stopped it, if any."""
        for stream in (sys.stdout, sys.stderr):
            try:
                if stream is not None:
                    stream.flush()
            except (OSError, ValueError):
                pass
        return self._out.error if self._out is not None else None
