"""Many documents, several processes: Pango is not thread-safe, so parallelism means processes.

Workers come from a forkserver that has already imported WeasyPrint, so starting or
recycling one costs a fork, not a second of imports. Workers are recycled after a
number of documents because WeasyPrint's memory creeps over repeated renders.

This uses multiprocessing.Pool(maxtasksperchild=…), not ProcessPoolExecutor's
max_tasks_per_child: on Python 3.11 the latter can deadlock when a worker retires
(CPython gh-115634), which is exactly what happened on a full province.
On the first failure no new document is started; the ones in progress finish (each is
written atomically) and the error is reported — killing workers mid-write could leave
temporary files behind.
"""

from __future__ import annotations

import multiprocessing
import sys
from dataclasses import dataclass

from xianjin.render.errors import RenderError

RECYCLE_AFTER = 24  # documents per worker process

_stop = None  # set in each worker: an Event shared with the parent


@dataclass(frozen=True)
class Job:
    html: str
    target: str
    label: str  # how the document is named in messages


def _init(stop) -> None:
    global _stop
    _stop = stop


def _run_one(job: Job) -> tuple[str, int | str]:
    """("ok", pages) or ("error", Chinese message) or ("skipped", ""): never raises across processes."""
    if _stop is not None and _stop.is_set():
        return job.target, ("skipped", "")
    from xianjin.render.pdf import to_pdf

    try:
        return job.target, ("ok", to_pdf(job.html, job.target, job.label))
    except RenderError as exc:
        result = ("error", str(exc))
    except Exception as exc:  # anything else still reaches the user in Chinese, not as a traceback
        result = ("error", f"{job.label}：排版失败（{type(exc).__name__}: {exc}）")
    if _stop is not None:
        _stop.set()
    return job.target, result


def _context():
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["xianjin.render.pdf", "weasyprint"])
    return ctx


def warm_up() -> None:
    """Start the forkserver now: it imports WeasyPrint in the background while the parent
    checks glyphs and fills templates, instead of after."""
    from multiprocessing import forkserver

    _context()
    forkserver.ensure_running()


def _pool(workers: int):
    ctx = _context()
    return ctx.Pool(workers, initializer=_init, initargs=(ctx.Event(),), maxtasksperchild=RECYCLE_AFTER)


def run_jobs(jobs: list[Job], workers: int, progress: bool = False) -> dict[str, int]:
    """Render every job; returns pages per target. Raises RenderError after the first failure."""
    # Longest documents first, so no process is left alone with a big one at the end.
    jobs = sorted(jobs, key=lambda j: -len(j.html))
    bar = _bar(len(jobs)) if progress else None
    pages: dict[str, int] = {}
    errors: list[str] = []
    try:
        if workers <= 1 or len(jobs) <= 1:
            for job in jobs:
                _, (status, value) = _run_one(job)
                if status == "error":
                    raise RenderError(value)
                pages[job.target] = value  # type: ignore[assignment]
                bar and bar.update(1)
            return pages
        pool = _pool(min(workers, len(jobs)))
        try:
            for target, (status, value) in pool.imap_unordered(_run_one, jobs):
                if status == "ok":
                    pages[target] = value  # type: ignore[assignment]
                elif status == "error":
                    errors.append(value)  # type: ignore[arg-type]
                bar and bar.update(1)
            pool.close()
        except BaseException:  # Ctrl-C: stop now; atomic writes leave no partial PDF in place
            pool.terminate()
            raise
        finally:
            pool.join()
        if errors:
            raise RenderError(errors[0])
        return pages
    finally:
        if bar is not None:
            bar.render_finish()


def _bar(total: int):
    import click

    bar = click.progressbar(length=total, label="排版", file=sys.stderr, show_pos=True, width=30)
    bar.__enter__()
    return bar
