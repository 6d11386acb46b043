"""The render pipeline over a validated Report: plan, check glyphs, write HTML or PDF, record the cache.

Everything that can fail cheaply (unit names, fonts, glyphs, environment, templates)
fails before anything is written, the output folder included. Then every document of
the run is written under a hidden staging name beside its target (`.NAME.pdf.partial`)
and only when all of them succeeded are they moved into place: a failed or interrupted
run leaves the earlier output exactly as it was.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from xianjin.files import os_error_text, write_atomic
from xianjin.render import awards, cache, commonfonts, docx
from xianjin.render.assets import STYLESHEET, stylesheet_path
from xianjin.render.context import SUMMARY_NAME, Document, summary_document, unit_documents
from xianjin.render.errors import RenderError
from xianjin.render.glyphs import check_decisions, check_unit
from xianjin.render.libraries import check_environment
from xianjin.render.pool import Job, Progress, run_jobs, warm_up
from xianjin.render.templating import render_html
from xianjin.result import Report

OUTPUT_FORMATS = ("pdf", "html", "docx")
AWARDS_PART = "决定"  # the manifest of 表彰决定, 荣誉证书 and 考察情况汇总 in the output folder


@dataclass
class RenderResult:
    written: list[str] = field(default_factory=list)  # units rendered now
    cached: list[str] = field(default_factory=list)  # units already up to date
    pages: int = 0  # pages written now (PDF only)
    stale_summary: Path | None = None  # an earlier 全省汇总表 this run (of one unit) did not update
    awards: list[str] = field(default_factory=list)  # 表彰决定… written now
    awards_cached: bool = False  # … or already up to date


@dataclass
class _Planned:
    folder: Path
    key: str
    docs: list[Document]
    label: str
    part: str = ""  # which manifest of the folder records these documents


def output_folder(out: Path, name: str) -> Path:
    """`out/name`, refusing any name that could point elsewhere (the campaign file is user data too)."""
    bad = (not name or name in (".", "..") or name.startswith(".")
           or any(c in name for c in "/\\\0:") or os.path.isabs(name))
    folder = (out / name).resolve()
    if bad or folder.parent != out.resolve():
        raise RenderError(f"推荐单位名称“{name}”不能用作文件夹名（不得含有 / \\ : 或以“.”开头）")
    return folder


def render_report(report: Report, out: str | Path, *, fmt: str = "pdf", jobs: int | None = None,
                  force: bool = False, duplex: bool = True, progress: Progress | None = None,
                  notify=None, decision_documents: bool = True) -> RenderResult:
    """Render the valid submissions of `report` into `out/<unit>/`. Raises RenderError (Chinese).

    With several units, `out/全省汇总表` too; see context.summary_document for a single unit.
    With a decisions file, the 省委 box of every form is filled from it, and (unless
    `decision_documents` is false: one unit of the province) `out/表彰决定` and the others.
    `notify(message)` is told about slow one-time work (building the common-character fonts),
    `progress(done, total)` about the PDFs written. `duplex` starts every form, material and
    document on a recto, with a blank verso where needed.
    """
    if fmt not in OUTPUT_FORMATS:
        raise RenderError(f"不支持的格式“{fmt}”，应为 pdf、html 或 docx")
    units = [u for u in report.units if u.submission is not None]
    if not units:
        raise RenderError("没有可排版的推荐文件")
    out = Path(out)
    campaign = report.campaign
    env_key = cache.environment_key(campaign, layout="duplex" if duplex else "simplex")
    result = RenderResult()

    outcome = report.outcome
    decisions = report.decisions[0] if outcome else None
    decided_on = decisions.header.日期 if decisions and decisions.header else None
    todo = []
    keys = []
    for u in units:
        folder = output_folder(out, u.unit)  # type: ignore[arg-type]
        key = cache.unit_key(env_key, u.loaded.text + awards.unit_stamp(outcome, u.unit, decided_on))  # type: ignore[arg-type]
        keys.append(key)
        if not force and cache.is_fresh(folder, key, fmt):
            result.cached.append(u.unit)  # type: ignore[arg-type]
        else:
            todo.append((u, folder, key))
    summary_key = cache.combined_key(keys)
    summary = len(units) > 1 and (force or not cache.is_fresh(out.resolve(), summary_key, fmt))
    if len(units) == 1 and (out / f"{SUMMARY_NAME}.{fmt}").is_file():
        result.stale_summary = out / f"{SUMMARY_NAME}.{fmt}"
    awards_key = cache.combined_key([*keys, decisions.loaded.text]) if decisions else ""
    # The provincial documents have no Word templates: the office prints and stamps them.
    with_awards = bool(decisions and decision_documents and fmt != "docx")
    if with_awards and not force and cache.is_fresh(out.resolve(), awards_key, fmt, AWARDS_PART):
        with_awards, result.awards_cached = False, True
    workers = jobs or os.cpu_count() or 1
    if fmt == "pdf" and (todo or summary or with_awards):
        check_environment()
        if workers > 1:
            warm_up()

    plans: list[_Planned] = []
    for u, folder, key in todo:
        check_unit(u)
        decided = awards.decide(outcome, u.submission, decided_on) if outcome else None  # type: ignore[arg-type]
        plans.append(_Planned(folder, key, unit_documents(u.submission, campaign, decided, duplex),  # type: ignore[arg-type]
                              u.unit))  # type: ignore[arg-type]
    if summary:
        plans.append(_Planned(out.resolve(), summary_key, [summary_document(report)], ""))
    if decisions is not None and (todo or with_awards):
        check_decisions(decisions)  # its reasons print on the forms too
    if with_awards:
        plans.append(_Planned(out.resolve(), awards_key, awards.decision_documents(
            outcome, decisions.header, campaign), "", AWARDS_PART))  # type: ignore[arg-type]
    if not plans:
        return result
    # Every template is filled before the first file is written: a mistake in one fails here.
    fill = docx.render_docx if fmt == "docx" else render_html
    filled = [(p, d, fill(d.template, d.variables)) for p in plans for d in p.docs]
    # Only now, so that a missing glyph or a template mistake is told without waiting for it.
    faces = commonfonts.ensure(notify) if fmt == "pdf" else []

    for folder in (out, *(p.folder for p in plans)):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RenderError(f"无法创建输出文件夹 {folder}：{os_error_text(exc)}") from None

    staged = {p.folder / f"{d.name}.{fmt}": _staging(p.folder / f"{d.name}.{fmt}") for p, d, _ in filled}
    if fmt == "html":
        # The HTML links "style.css" beside it, as the PDF does from the templates folder.
        staged.update({p.folder / STYLESHEET: _staging(p.folder / STYLESHEET) for p in plans})
    try:
        if fmt == "html":
            _write_html(plans, filled, staged)
        elif fmt == "docx":
            for p, d, document in filled:
                write_atomic(staged[p.folder / f"{d.name}.docx"], document)
        else:
            result.pages = _write_pdf(filled, staged, workers, progress, tuple(faces))
        for target, staging in staged.items():
            os.replace(staging, target)
    except BaseException:
        _discard(staged.values(), {p.folder for p in plans})
        raise
    for p in plans:
        cache.record(p.folder, p.key, [f"{d.name}.{fmt}" for d in p.docs] + ([STYLESHEET] if fmt == "html" else []),
                     fmt, p.part)
        if p.label:
            result.written.append(p.label)
        elif p.part == AWARDS_PART:
            result.awards = [d.name for d in p.docs]
    return result


def _staging(target: Path) -> Path:
    return target.with_name(f".{target.name}.partial")


def _discard(staged, folders: set[Path]) -> None:
    """Remove the staging files of a failed run, and the temporary files of writes cut short.

    Workers killed mid-write (Ctrl-C terminates the pool) cannot clean up after themselves;
    write_atomic names their temporary files after the staging file, `..NAME.pdf.partial.*.tmp`.
    """
    leftovers = [*staged, *(tmp for folder in folders for tmp in folder.glob(".*.partial.*.tmp"))]
    for path in leftovers:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # the run has failed already; its own error is the one to report


def _label(p: _Planned, d: Document) -> str:
    return f"{p.label}/{d.name}" if p.label else d.name


def _write_html(plans: list[_Planned], filled: list[tuple[_Planned, Document, str]],
                staged: dict[Path, Path]) -> None:
    css = stylesheet_path().read_bytes()
    for p in plans:
        write_atomic(staged[p.folder / STYLESHEET], css)
    for p, d, html in filled:
        write_atomic(staged[p.folder / f"{d.name}.html"], html)


def _write_pdf(filled: list[tuple[_Planned, Document, str]], staged: dict[Path, Path], workers: int,
               progress: Progress | None, faces: tuple) -> int:
    jobs = [Job(html, str(staged[p.folder / f"{d.name}.pdf"]), _label(p, d)) for p, d, html in filled]
    return sum(run_jobs(jobs, workers, progress, faces).values())
