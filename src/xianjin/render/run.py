"""The render pipeline over a validated Report: plan, check glyphs, write HTML or PDF, record the cache.

Everything that can fail cheaply (output folder, fonts, glyphs, environment) fails before
the first PDF is written.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from xianjin.files import os_error_text, write_atomic
from xianjin.render import cache
from xianjin.render.assets import STYLESHEET, stylesheet_path
from xianjin.render.context import Document, summary_document, unit_documents
from xianjin.render.errors import RenderError
from xianjin.render.glyphs import check_unit
from xianjin.render.html import render_html
from xianjin.render.pdf import check_environment
from xianjin.render.pool import Job, run_jobs, warm_up
from xianjin.unit import UnitFile
from xianjin.validate import Report

FORMATS = ("pdf", "html")


@dataclass
class RenderResult:
    written: list[str] = field(default_factory=list)  # units rendered now
    cached: list[str] = field(default_factory=list)  # units already up to date
    files: list[Path] = field(default_factory=list)  # files written now
    pages: int = 0  # pages written now (PDF only)


@dataclass
class _Planned:
    folder: Path
    key: str
    docs: list[Document]
    label: str


def output_folder(out: Path, name: str) -> Path:
    """`out/name`, refusing any name that could point elsewhere (the campaign file is user data too)."""
    bad = (not name or name in (".", "..") or name.startswith(".")
           or any(c in name for c in "/\\\0:") or os.path.isabs(name))
    folder = (out / name).resolve()
    if bad or folder.parent != out.resolve():
        raise RenderError(f"推荐单位名称“{name}”不能用作文件夹名（不得含有 / \\ : 或以“.”开头）")
    return folder


def select_units(report: Report, unit: str | None) -> list[UnitFile]:
    units = [u for u in report.units if u.submission is not None]
    if unit is None:
        return units
    chosen = [u for u in units if u.unit == unit]
    if not chosen:
        known = "、".join(u.unit for u in units if u.unit) or "（无）"
        raise RenderError(f"没有推荐单位“{unit}”的推荐文件；可选的推荐单位：{known}")
    return chosen


def render_report(report: Report, out: str | Path, *, unit: str | None = None, fmt: str = "pdf",
                  jobs: int | None = None, force: bool = False, progress: bool = False) -> RenderResult:
    """Render the valid submissions of `report` into `out/<unit>/`. Raises RenderError (Chinese)."""
    if fmt not in FORMATS:
        raise RenderError(f"不支持的格式“{fmt}”，应为 pdf 或 html")
    units = select_units(report, unit)
    if not units:
        raise RenderError("没有可排版的推荐文件")
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"无法创建输出文件夹 {out}：{os_error_text(exc)}") from None
    campaign = report.campaign
    env_key = cache.environment_key(campaign, fmt)
    result = RenderResult()

    todo: list[tuple[UnitFile, Path, str]] = []
    keys = []
    for u in units:
        folder = output_folder(out, u.unit)  # type: ignore[arg-type]
        key = cache.unit_key(env_key, u.path)
        keys.append(key)
        if not force and cache.is_fresh(folder, key):
            result.cached.append(u.unit)  # type: ignore[arg-type]
        else:
            todo.append((u, folder, key))
    summary_key = cache.combined_key(keys)
    summary = len(units) > 1 and (force or not cache.is_fresh(out.resolve(), summary_key))
    workers = jobs or os.cpu_count() or 1
    if fmt == "pdf" and (todo or summary):
        check_environment()
        if workers > 1:
            warm_up()

    plans: list[_Planned] = []
    for u, folder, key in todo:
        check_unit(u)
        plans.append(_Planned(folder, key, unit_documents(u, campaign), u.unit))  # type: ignore[arg-type]
    if summary:
        plans.append(_Planned(out.resolve(), summary_key, [summary_document(units, campaign)], ""))
    if not plans:
        return result

    for p in plans:
        try:
            p.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RenderError(f"无法创建输出文件夹 {p.folder}：{os_error_text(exc)}") from None

    if fmt == "html":
        _write_html(plans, result)
    else:
        _write_pdf(plans, result, workers, progress)
    for p in plans:
        cache.record(p.folder, p.key, [f"{d.name}.{fmt}" for d in p.docs] + ([STYLESHEET] if fmt == "html" else []))
        if p.label:
            result.written.append(p.label)
    return result


def _label(p: _Planned, d: Document) -> str:
    return f"{p.label}/{d.name}" if p.label else d.name


def _write_html(plans: list[_Planned], result: RenderResult) -> None:
    css = stylesheet_path().read_bytes()
    for p in plans:
        # The HTML links "style.css" beside it, as the PDF does from the templates folder.
        write_atomic(p.folder / STYLESHEET, css)
        for d in p.docs:
            target = p.folder / f"{d.name}.html"
            write_atomic(target, render_html(d.template, d.context))
            result.files.append(target)


def _write_pdf(plans: list[_Planned], result: RenderResult, workers: int, progress: bool) -> None:
    jobs = [Job(render_html(d.template, d.context), str(p.folder / f"{d.name}.pdf"), _label(p, d))
            for p in plans for d in p.docs]
    pages = run_jobs(jobs, workers, progress)
    result.pages += sum(pages.values())
    result.files.extend(Path(j.target) for j in jobs)
