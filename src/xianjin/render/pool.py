"""Many documents, several processes: Pango is not thread-safe, so parallelism means processes.

Workers come from a forkserver that has already imported WeasyPrint, so starting or
recycling one costs a fork, not a second of imports. Workers are recycled after 100
documents as a safety net: with one FontConfiguration per worker (pdf.py) and the
garbage collected after each document (_init), their memory stays flat at about 120 MB.

This uses multiprocessing.Pool(maxtasksperchild=…), not ProcessPoolExecutor's
max_tasks_per_child: on Python 3.11 the latter can deadlock when a worker retires
(CPython gh-115634), which is exactly what happened on a full province.
On the first failure no new document is started; the ones in progress finish and the
error is reported. On Ctrl-C or SIGTERM (xianjin.runtime turns both into an exception in
the parent) the workers are killed at once; the caller (run.py) then removes every staging
file and temporary file they leave behind. Workers never handle those signals themselves
(a Ctrl-C reaches the whole process group), and die with their parent: killed with
SIGKILL, the parent cannot terminate them (and the forkserver does not end while its
workers hold its pipe), so each worker watches the parent itself and exits at once,
silently, when it is gone. Nothing a dying pool does reaches the clerk as an English
traceback or warning.

Progress is told to a callback, `progress(done, total)`: how it is shown is the command
line's business.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import multiprocessing
import os
import select
import shutil
import signal
import sys
import tempfile
import threading
from dataclasses import dataclass
from typing import Callable

from xianjin.files import os_error_text
from xianjin.render import pdf
from xianjin.render.errors import RenderError

Progress = Callable[[int, int], None]  # (documents done, documents in all)

RECYCLE_AFTER = 100  # documents per worker process; each start costs ~80 ms of font set-up
SCRATCH_PREFIX = "xianjin-render-"  # + the parent's pid: what a killed run left is found by the next
# The resource tracker warns (in English) about the pool's semaphores when the parent was killed
# and could not release them; the kernel frees them anyway. Passed on as -W to the processes
# multiprocessing starts (util._args_from_interpreter_flags).
_QUIET_TRACKER = "ignore:resource_tracker:UserWarning"

_stop = None  # set in each worker: an Event shared with the parent


@dataclass(frozen=True)
class Job:
    html: str
    target: str
    label: str  # how the document is named in messages


class _Parent:
    """The process that runs the pool, watched from a worker: has it gone?"""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        try:  # a pidfd cannot be fooled by a reused pid, and can be waited on
            self.fd = os.pidfd_open(pid)
        except (AttributeError, OSError):
            self.fd = None

    def gone(self) -> bool:
        if self.fd is not None:
            return bool(select.select([self.fd], [], [], 0)[0])
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return True
        except OSError:
            pass
        return False

    def wait(self) -> None:
        while True:
            if self.fd is not None:
                select.select([self.fd], [], [])
            else:
                threading.Event().wait(0.2)
            if self.gone():
                return


class _QuietOrphan:
    """A worker's stderr that says nothing once the parent is gone (a BrokenPipeError traceback
    from multiprocessing, as the result of a document finished too late reaches no one)."""

    def __init__(self, stream, parent: _Parent) -> None:
        self._stream = stream
        self._parent = parent

    def write(self, text: str) -> int:
        if self._parent.gone():
            return len(text)
        return self._stream.write(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _die_with_parent(pid: int) -> None:
    parent = _Parent(pid)
    if parent.gone():
        os._exit(0)
    sys.stderr = _QuietOrphan(sys.stderr, parent)

    def watch() -> None:
        parent.wait()
        os._exit(0)  # abrupt and silent; the next run removes the staging file this leaves

    threading.Thread(target=watch, name="xianjin-parent-watch", daemon=True).start()


def _init(stop, scratch: str, parent: int | None = None) -> None:
    global _stop
    _stop = stop
    # The parent decides: it terminates the pool on Ctrl-C (sent to the whole process group)
    # and on SIGTERM; a worker's own KeyboardInterrupt would only print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if parent is not None:
        _die_with_parent(parent)
    # WeasyPrint copies @font-face files into a temporary folder that only its __del__
    # removes, which a worker never runs; the parent removes this whole folder instead,
    # even after Ctrl-C.
    tempfile.tempdir = scratch
    # WeasyPrint allocates millions of short-lived boxes and styles; with the default
    # thresholds the collector runs every 700 allocations and keeps re-walking the modules
    # imported by the forkserver. Freezing those, and collecting once after each document
    # instead (_run_one), renders a province 6–8% faster than even raised thresholds
    # (three interleaved runs each: 26.9–28.7 s against 29.0–29.9 s), and a worker stays
    # at 120–130 MB over the 30 biggest documents.
    gc.freeze()
    gc.disable()


def _run_one(job: Job, faces: tuple = ()) -> tuple[str, tuple[str, int | str]]:
    """(target, ("ok", pages) or ("error", Chinese message) or ("skipped", "")): never raises across processes."""
    if _stop is not None and _stop.is_set():
        return job.target, ("skipped", "")
    try:
        return job.target, ("ok", pdf.to_pdf(job.html, job.target, job.label, faces))
    except RenderError as exc:
        result = ("error", str(exc))
    except OSError as exc:
        result = ("error", f"{job.label}：写入失败：{os_error_text(exc)}")
    except Exception as exc:  # anything else still reaches the user in Chinese, not as a traceback
        result = ("error", f"{job.label}：排版失败（{type(exc).__name__}: {exc}）")
    finally:
        if not gc.isenabled():  # a worker (see _init): the document's garbage goes now
            gc.collect()
    if _stop is not None:
        _stop.set()
    return job.target, result


def process_context():
    if _QUIET_TRACKER not in sys.warnoptions:
        sys.warnoptions.append(_QUIET_TRACKER)
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["xianjin.render.pdf", "weasyprint"])
    return ctx


def warm_up() -> None:
    """Start the forkserver now: it imports WeasyPrint in the background while the parent
    checks glyphs and fills templates, instead of after."""
    from multiprocessing import forkserver

    process_context()
    forkserver.ensure_running()


def run_jobs(jobs: list[Job], workers: int, progress: Progress | None = None,
             faces: tuple = ()) -> dict[str, int]:
    """Render every job; returns pages per target. Raises RenderError after the first failure.

    `faces` are the common-character faces each process registers with WeasyPrint;
    `progress(done, total)` is called before the first document and after each one.
    """
    run_one = functools.partial(_run_one, faces=faces)
    # Longest documents first, so no process is left alone with a big one at the end.
    jobs = sorted(jobs, key=lambda j: -len(j.html))
    pages: dict[str, int] = {}
    error = None
    done = 0
    with contextlib.ExitStack() as stack:
        if progress is not None:
            progress(done, len(jobs))
        if workers <= 1 or len(jobs) <= 1:
            results = map(run_one, jobs)
        else:
            scratch = stack.enter_context(tempfile.TemporaryDirectory(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-"))
            pool = stack.enter_context(_pool(min(workers, len(jobs)), scratch))
            results = pool.imap_unordered(run_one, jobs)
        for target, (status, value) in results:
            if status == "error":
                # Leaving the pool's block lets the documents in progress finish; the workers'
                # shared event makes them skip the rest.
                error = value
                break
            if status == "ok":
                pages[target] = value  # type: ignore[assignment]
            done += 1
            if progress is not None:
                progress(done, len(jobs))
    if error is not None:
        raise RenderError(error)  # type: ignore[arg-type]
    return pages


@contextlib.contextmanager
def _pool(workers: int, scratch: str):
    ctx = process_context()
    pool = ctx.Pool(workers, initializer=_init, initargs=(ctx.Event(), scratch, os.getpid()),
                    maxtasksperchild=RECYCLE_AFTER)
    try:
        yield pool
        pool.close()
    except BaseException:  # Ctrl-C: stop now; the caller removes what the killed workers left
        pool.terminate()
        raise
    finally:
        pool.join()


def remove_stale_scratch() -> None:
    """Remove the scratch folders (WeasyPrint's font copies) of runs that were killed: this user's, dead pids."""
    base = tempfile.gettempdir()
    try:
        entries = list(os.scandir(base))
    except OSError:
        return
    for entry in entries:
        if not entry.name.startswith(SCRATCH_PREFIX):
            continue
        pid = entry.name[len(SCRATCH_PREFIX):].split("-", 1)[0]
        try:
            if not entry.is_dir(follow_symlinks=False) or entry.stat(follow_symlinks=False).st_uid != os.getuid():
                continue
            if not pid.isdigit() or int(pid) == os.getpid():
                continue
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(entry.path, ignore_errors=True)
        except OSError:
            continue  # alive (another user's, or ours), or unreadable: not ours to remove

