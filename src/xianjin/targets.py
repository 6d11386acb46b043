"""Where a report may go: `-o` never names one of the inputs, nor any submission.

`xianjin validate 衡水.yaml -o 衡水.yaml` used to replace the clerk's file with the report.
The check compares files, not names (a link, a hard link or another spelling of the same
path is the same file), and also refuses any other file that is a submission: a YAML file
with the forms' keys, the office's decisions file, a workbook with the forms' sheets, or a spreadsheet xianjin cannot
read (.xls, .et, .ods), which may well be someone's submission. An earlier summary
workbook (`summary --format xlsx`) is not a submission and may be replaced.
"""

from __future__ import annotations

import os

from xianjin.discover import WORKBOOK_SUFFIXES, YAML_SUFFIXES, is_decisions, is_submission, load_path

UNREADABLE_SPREADSHEETS = (".xls", ".et", ".ods")


def _same(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def refusal(target: str, report, also: list[str | None] = ()) -> str | None:
    """Why `-o target` must not be written, in Chinese; None when it may.

    `also`: other files the run read (the campaign file)."""
    if not os.path.exists(target):
        return None
    submissions = [u.path for u in report.units]
    others = [*report.skipped, *(p.path for p in report.unreadable if p.path), *(a for a in also if a)]
    if any(_same(target, path) for path in submissions):
        return "它是本次检查的推荐文件"
    if any(_same(target, d.path) for d in report.decisions):
        return "它是本次读取的决定文件"
    if any(_same(target, path) for path in others):
        return "它是本次读取的文件之一"
    if os.path.basename(target) == ".xianjinignore":
        return "它是文件夹的 .xianjinignore"
    suffix = os.path.splitext(target)[1].lower()
    if suffix in UNREADABLE_SPREADSHEETS:
        return "它是一个电子表格文件，可能是推荐材料"
    if suffix in WORKBOOK_SUFFIXES:
        # Only a workbook whose sheets say it is not a submission (an earlier summary workbook)
        # may go; one that cannot be read (a password, damage) might be anybody's.
        loaded = load_path(target, named=False)
        if loaded.submission is not False:
            readable = loaded.submission and isinstance(loaded.data, dict)
            return "它是一个推荐工作簿" if readable else "它是一个电子表格文件，可能是推荐材料"
    if suffix in YAML_SUFFIXES:
        loaded = load_path(target, named=False)
        if not loaded.io_error and is_decisions(loaded):
            return "它是省委创先办的决定文件"
        if not loaded.io_error and is_submission(loaded, named=False):
            return "它是一个推荐文件"
    return None
