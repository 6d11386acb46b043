"""`path:line:col: error XJ203 行业服务标兵.推荐对象[3].出生年月：…`, one problem a line, grouped per file."""

from __future__ import annotations

from typing import TextIO

from xianjin.campaign import EXEMPLARS, WINDOWS
from xianjin.problems import Problem
from xianjin.reporters.common import problem_text
from xianjin.result import Report
from xianjin.rules.fields import XJ221
from xianjin.text import visible, visible_path

_COLORS = {"error": "\x1b[31m", "warning": "\x1b[33m", "bold": "\x1b[1m"}
_RESET = "\x1b[0m"


def _paint(text: str, style: str, color: bool) -> str:
    return f"{_COLORS[style]}{text}{_RESET}" if color else text


def format_problem(p: Problem, color: bool = False) -> str:
    """One line, whatever the file's name, keys and values hold (see xianjin.text.visible)."""
    where = visible_path(p.location)
    return f"{_paint(where, 'bold', color)}: {_paint(p.level, p.level, color)} {p.code} {problem_text(p)}"


def summary_lines(report: Report) -> list[str]:
    files = len(report.units)
    skipped = f"（另有 {len(report.skipped)} 个 YAML 文件不是推荐文件，已跳过）" if report.skipped else ""
    decisions = f"和 {len(report.decisions)} 个决定文件" if report.decisions else ""
    lines = [f"共检查 {files} 个推荐文件{decisions}{skipped}：{report.errors} 个错误，{report.warnings} 个警告。"]
    if report.untracked:
        shown = "、".join(visible(p) for p in report.untracked[:5]) + ("等" if len(report.untracked) > 5 else "")
        lines.append(f"未纳入 git 的 {len(report.untracked)} 个 YAML 文件没有检查：{shown}"
                     "（只检查 git 跟踪和已暂存的文件；要检查请 git add，或直接写出文件名）。")
    blank = sum(1 for p in report.problems if p.code == XJ221.code)
    if blank:
        lines.append(f"其中 {blank} 个推荐对象尚未填写（{XJ221.code}），每个只报一条。")
    if report.units and not report.files_only:
        limits = report.campaign.全省名额
        totals = "，".join(f"{c} {report.total(c)}/{limits.get(c, '—')}" for c in (WINDOWS, EXEMPLARS))
        lines.append(f"全省推荐对象合计：{totals}。")
        missing = report.missing_units
        lines.append(f"尚未报送：{'、'.join(missing)}。" if missing
                     else f"全部 {len(report.campaign.推荐单位)} 个推荐单位均已报送。")
    return lines


def write(report: Report, out: TextIO, *, color: bool = False, strict: bool = False, **_) -> None:
    groups: list[list[Problem]] = []
    if report.unreadable:
        groups.append(report.unreadable)
    groups.extend(f.problems for f in report.files if f.problems)
    if report.province:
        groups.append(report.province)
    for i, group in enumerate(groups):
        if i:
            out.write("\n")
        for p in group:
            out.write(format_problem(p, color) + "\n")
    if groups:
        out.write("\n")
    for line in summary_lines(report):
        out.write(line + "\n")
