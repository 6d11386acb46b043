"""The render pipeline over a validated Report: plan, check glyphs, write HTML or PDF, record the cache.

The whole run holds the output folder's lock (lock.py): no second render can write into
the same `--out` meanwhile. Everything that can fail cheaply (unit names, links, what
stands where a document goes, fonts, glyphs, environment, templates) fails before
anything is written, the output folder included. Then every document of the run, and the
manifest that records it, is written under a hidden staging name beside its target
(`.NAME.pdf.partial`), and only when all of them succeeded are they moved into place, all
or nothing (files.replace_all): a failed or interrupted run leaves the earlier output
exactly as it was. Nothing is ever written through a link.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from xianjin.files import os_error_text, replace_all, write_atomic
from xianjin.render import awards, cache, commonfonts, docx
from xianjin.render.assets import STYLESHEET, stylesheet_path
from xianjin.render.context import SUMMARY_NAME, Document, summary_document, unit_documents
from xianjin.render.errors import RenderError, RenderProblems
from xianjin.render.glyphs import check_decisions, check_unit
from xianjin.render.libraries import check_environment
from xianjin.render.lock import OutputLock
from xianjin.render.pool import Job, Progress, remove_stale_scratch, run_jobs, warm_up
from xianjin.render.templating import render_html
from xianjin.result import Report
from xianjin.text import visible

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
    """`out/name`, refusing any name that could point elsewhere (the campaign file is user data too),
    and a folder that is a link (to another unit's folder, or anywhere)."""
    bad = (not name or name in (".", "..") or name.startswith(".")
           or any(c in name for c in "/\\\0:") or os.path.isabs(name))
    if bad:
        raise RenderError(f"推荐单位名称“{visible(name)}”不能用作文件夹名（不得含有 / \\ : 或以“.”开头）")
    folder = out.resolve() / name
    if folder.is_symlink():
        raise RenderError(f"输出文件夹中的“{visible(name)}”是一个链接（指向 {visible(os.readlink(folder))}），"
                          "不是真正的文件夹；xianjin 不通过链接写入，以免写到别处或覆盖另一个单位的材料。"
                          "请删去这个链接，或换一个输出文件夹")
    if folder.exists() and not folder.is_dir():
        raise RenderError(f"输出文件夹中的“{visible(name)}”是一个文件，不是文件夹；请移走它，或换一个输出文件夹")
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
    with OutputLock(Path(out)) as lock:
        return _render(report, units, lock, fmt, jobs, force, duplex, progress, notify, decision_documents)


def _render(report: Report, units, lock: OutputLock, fmt: str, jobs: int | None, force: bool, duplex: bool,
            progress: Progress | None, notify, decision_documents: bool) -> RenderResult:
    out = lock.out.resolve()
    campaign = report.campaign
    result = RenderResult()
    folders = [output_folder(out, u.unit) for u in units]  # type: ignore[arg-type]
    lock.remove_stale([out, *(p for p in out.iterdir() if p.is_dir() and not p.is_symlink())])
    remove_stale_scratch()
    env_key = cache.environment_key(campaign, layout="duplex" if duplex else "simplex")

    outcome = report.outcome
    decisions = report.decisions[0] if outcome else None
    decided_on = decisions.header.日期 if decisions and decisions.header else None
    todo = []
    keys = []
    for u, folder in zip(units, folders):
        key = cache.unit_key(env_key, u.loaded.text + awards.unit_stamp(outcome, u.unit, decided_on))  # type: ignore[arg-type]
        keys.append(key)
        if not force and cache.is_fresh(folder, key, fmt):
            result.cached.append(u.unit)  # type: ignore[arg-type]
        else:
            todo.append((u, folder, key))
    summary_key = cache.combined_key(keys)
    summary = len(units) > 1 and (force or not cache.is_fresh(out, summary_key, fmt))
    if len(units) == 1 and (out / f"{SUMMARY_NAME}.{fmt}").is_file():
        result.stale_summary = lock.out / f"{SUMMARY_NAME}.{fmt}"
    awards_key = cache.combined_key([*keys, decisions.loaded.text]) if decisions else ""
    # The provincial documents have no Word templates: the office prints and stamps them.
    with_awards = bool(decisions and decision_documents and fmt != "docx")
    if with_awards and not force and cache.is_fresh(out, awards_key, fmt, AWARDS_PART):
        with_awards, result.awards_cached = False, True
    workers = jobs or os.cpu_count() or 1
    if fmt == "pdf" and (todo or summary or with_awards):
        check_environment()
        if workers > 1:
            warm_up()

    plans: list[_Planned] = []
    problems = []
    for u, folder, key in todo:
        problems += check_unit(u)
        decided = awards.decide(outcome, u.submission, decided_on) if outcome else None  # type: ignore[arg-type]
        plans.append(_Planned(folder, key, unit_documents(u.submission, campaign, decided, duplex),  # type: ignore[arg-type]
                              u.unit))  # type: ignore[arg-type]
    if decisions is not None and (todo or with_awards):
        problems += check_decisions(decisions)  # its reasons print on the forms too
    if problems:
        raise RenderProblems(problems)
    if summary:
        plans.append(_Planned(out, summary_key, [summary_document(report)], ""))
    if with_awards:
        plans.append(_Planned(out, awards_key, awards.decision_documents(
            outcome, decisions.header, campaign), "", AWARDS_PART))  # type: ignore[arg-type]
    if not plans:
        return result
    names = {id(p): [f"{d.name}.{fmt}" for d in p.docs] + ([STYLESHEET] if fmt == "html" else []) for p in plans}
    _check_targets(plans, names, fmt)
    # Every template is filled before the first file is written: a mistake in one fails here.
    fill = docx.render_docx if fmt == "docx" else render_html
    filled = [(p, d, fill(d.template, d.variables)) for p in plans for d in p.docs]
    # Only now, so that a missing glyph or a template mistake is told without waiting for it.
    faces = commonfonts.ensure(notify) if fmt == "pdf" else []

    created: list[Path] = []
    staged: dict[Path, Path] = {}
    try:
        for p in plans:
            if not p.folder.is_dir():
                try:
                    p.folder.mkdir()
                except OSError as exc:
                    raise RenderError(f"无法创建输出文件夹 {visible(p.folder)}：{os_error_text(exc)}") from None
                created.append(p.folder)
        for p in plans:
            for name in names[id(p)]:
                staged[p.folder / name] = _staging(p.folder / name)
        if fmt == "html":
            _write_html(plans, filled, staged)
        elif fmt == "docx":
            for p, d, document in filled:
                write_atomic(staged[p.folder / f"{d.name}.docx"], document)
        else:
            result.pages = _write_pdf(filled, staged, workers, progress, tuple(faces))
        before = {id(p): cache.listed(p.folder, fmt, p.part) for p in plans}
        for p in plans:
            # The manifest is staged and moved with the documents it vouches for, with their digests.
            manifest = p.folder / cache.manifest_name(fmt, p.part)
            staged[manifest] = _staging(manifest)
            write_atomic(staged[manifest], cache.manifest_text(
                p.key, {name: cache.digest(staged[p.folder / name]) for name in names[id(p)]}))
        replace_all([(staging, target) for target, staging in staged.items()])
    except BaseException:
        _discard(staged.values(), {p.folder for p in plans})
        for folder in reversed(created):
            try:
                folder.rmdir()
            except OSError:
                pass
        raise
    for p in plans:
        cache.remove_obsolete(p.folder, before[id(p)], names[id(p)])
        if p.label:
            result.written.append(p.label)
        elif p.part == AWARDS_PART:
            result.awards = [d.name for d in p.docs]
    return result


def _check_targets(plans: list[_Planned], names: dict, fmt: str) -> None:
    """Before the first file is written: every target is absent or a plain file that may be replaced."""
    for p in plans:
        if p.folder.exists() and not os.access(p.folder, os.W_OK | os.X_OK):
            raise RenderError(f"无法写入输出文件夹 {visible(p.folder)}：没有权限")
        for name in (*names[id(p)], cache.manifest_name(fmt, p.part)):
            target = p.folder / name
            if target.is_symlink():
                raise RenderError(f"{visible(target)} 是一个链接；xianjin 不通过链接写入，也不替换链接。"
                                  "请删去它，或换一个输出文件夹；什么也没有写")
            if target.exists() and not target.is_file():
                what = "一个文件夹" if target.is_dir() else "一个特殊文件"
                raise RenderError(f"{visible(target)} 是{what}，不能用排版结果替换它；请移走它后重试。"
                                  "什么也没有写，原有的材料都没有改动")


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
