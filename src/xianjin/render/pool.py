"""Many documents, several processes: Pango is not thread-safe, so parallelism means processes.

Workers come from a forkserver that has already imported WeasyPrint, so starting or
recycling one costs a fork, not a second of imports. Workers are recycled after a
number of documents because WeasyPrint's memory creeps over repeated renders.
"""

from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import FIRST_EXCEPTION, ProcessPoolExecutor, wait
from dataclasses import dataclass

from xianjin.render.errors import RenderError

RECYCLE_AFTER = 24  # documents per worker process


@dataclass(frozen=True)
class Job:
    html: str
    target: str
    label: str  # how the document is named in messages


def _run_one(job: Job) -> int:
    from xianjin.render.pdf import to_pdf

    try:
        return to_pdf(job.html, job.target, job.label)
    except RenderError:
        raise
    except Exception as exc:  # anything else still reaches the user in Chinese, not as a traceback
        raise RenderError(f"{job.label}：排版失败（{type(exc).__name__}: {exc}）") from None


def run_jobs(jobs: list[Job], workers: int, progress: bool = False) -> dict[str, int]:
    """Render every job; returns pages per target. Stops at the first failure (RenderError)."""
    # Longest documents first, so no process is left alone with a big one at the end.
    jobs = sorted(jobs, key=lambda j: -len(j.html))
    bar = _bar(len(jobs)) if progress else None
    pages: dict[str, int] = {}
    try:
        if workers <= 1 or len(jobs) <= 1:
            for job in jobs:
                pages[job.target] = _run_one(job)
                bar and bar.update(1)
            return pages
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["weasyprint", "xianjin.render.pdf"])
        with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=ctx,
                                 max_tasks_per_child=RECYCLE_AFTER) as pool:
            futures = {pool.submit(_run_one, job): job for job in jobs}
            pending = set(futures)
            while pending:
                done, pending = wait(pending, return_when=FIRST_EXCEPTION)
                for f in done:
                    if f.exception() is not None:
                        for p in pending:
                            p.cancel()
                        exc = f.exception()
                        if isinstance(exc, RenderError):
                            raise exc
                        raise RenderError(f"{futures[f].label}：排版进程异常退出（{exc}）")
                    pages[futures[f].target] = f.result()
                    bar and bar.update(1)
        return pages
    finally:
        if bar is not None:
            bar.render_finish()


def _bar(total: int):
    import click

    bar = click.progressbar(length=total, label="排版", file=sys.stderr, show_pos=True, width=30)
    bar.__enter__()
    return bar
