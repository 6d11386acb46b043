"""The GitHub Actions job summary: every problem, per unit, as Markdown tables with links to the lines.

GitHub shows at most ten error and ten warning annotations per step; the summary, shown on
the run's page, has room for all of them (up to GitHub's 1 MiB per step, after which the
rest is counted and left to the log). Written when the output is the github format and
GITHUB_STEP_SUMMARY names the file to append to.
"""

from __future__ import annotations

import os
import re
from typing import TextIO
from urllib.parse import quote

from xianjin.problems import Problem
from xianjin.reporters.common import repo_path
from xianjin.reporters.text import summary_lines
from xianjin.result import Report
from xianjin.text import visible

LIMIT = 1000 * 1024  # GitHub refuses a step summary over 1 MiB
_LEVEL = {"error": "错误", "warning": "警告"}
# What can start markup, a link, HTML or a table cell in GitHub's Markdown, anywhere in a line.
_PUNCTUATION = re.compile(r"([\\`*_\[\]<>|~&])")


def md(text: str) -> str:
    """A clerk's words as literal Markdown text: no link, emphasis, HTML or table break can come of them."""
    return _PUNCTUATION.sub(r"\\\1", visible(" ".join(text.split())))


def _blob_url(path: str, line: int) -> str | None:
    server, repo, sha = (os.environ.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    if not (server and repo and sha) or path.startswith(("/", "<")):
        return None
    anchor = f"#L{line}" if line else ""
    return f"{server}/{repo}/blob/{sha}/{quote(path)}{anchor}"


def _where(p: Problem) -> str:
    if not p.path:
        return "全省"
    path = repo_path(p.path)
    if p.sheet:  # a workbook's cell: GitHub shows no lines of a workbook to link to
        return md(f"{path}:{p.sheet}!{p.cell}")
    shown = md(f"{path}:{p.line}")
    url = _blob_url(path, p.line)
    return f"[{shown}]({url})" if url else shown


def _table(problems: list[Problem]) -> list[str]:
    rows = ["| 位置 | 级别 | 规则 | 栏目 | 问题 |", "|---|---|---|---|---|"]
    for p in problems:
        rows.append(f"| {_where(p)} | {_LEVEL[p.level]} | {p.code} | {md(p.field) or ' '} | {md(p.message)} |")
    return rows


def _counts(problems: list[Problem]) -> str:
    errors = sum(p.is_error for p in problems)
    return f"{errors} 个错误，{len(problems) - errors} 个警告"


def summary_markdown(report: Report) -> str:
    verdict = "有错误" if report.errors else "通过"
    # A blank line first: what an earlier step appended may not end its paragraph.
    parts = ["", f"## xianjin 检查结果：{verdict}", ""] + [f"- {md(line)}" for line in summary_lines(report)] + [""]
    groups: list[tuple[str, list[Problem]]] = []
    if report.unreadable:
        groups.append(("无法读取的路径", report.unreadable))
    for u in report.units:
        name = md(repo_path(u.path)) + (f"（{u.unit}）" if u.unit else "")
        groups.append((name, u.problems))
    for d in report.decisions:
        groups.append((md(repo_path(d.path)) + "（决定文件）", d.problems))
    if report.province:
        groups.append(("全省", report.province))
    overview = ["| 文件 | 错误 | 警告 |", "|---|---|---|"]
    overview += [f"| {name} | {sum(p.is_error for p in ps)} | {sum(not p.is_error for p in ps)} |"
                 for name, ps in groups]
    parts += overview + [""]
    text = "\n".join(parts) + "\n"
    left_out = 0
    for name, problems in groups:
        if not problems:
            continue
        section = "\n".join([f"### {name}：{_counts(problems)}", "", *_table(problems), ""]) + "\n"
        if len((text + section).encode("utf-8")) > LIMIT - 1024:
            left_out += len(problems)
            continue
        text += section
    if left_out:
        text += f"\n另有 {left_out} 个问题超出 GitHub 作业摘要的篇幅，没有列出；请看本步骤的日志。\n"
    return text


def append(report: Report, target: str, warn: TextIO) -> None:
    try:
        with open(target, "a", encoding="utf-8") as f:
            f.write(summary_markdown(report))
    except OSError as exc:
        from xianjin.files import os_error_text

        warn.write(f"提示：无法写入 GitHub 作业摘要 {target}（{os_error_text(exc)}），检查结果不受影响。\n")
