"""Where a report may go: `-o` never names one of the inputs, nor any submission.

`xianjin validate 衡水.yaml -o 衡水.yaml` used to replace the clerk's file with the report.
The check compares files, not names (a link, a hard link or another spelling of the same
path is the same file), and also refuses any other file that is a submission: a YAML file
with the forms' keys, or a spreadsheet, which xianjin cannot read but which may well be
someone's submission.
"""

from __future__ import annotations

import os

from xianjin.discover import is_submission
from xianjin.loader import load_file

SPREADSHEETS = (".xlsx", ".xls", ".xlsm", ".et", ".ods")
YAML = (".yaml", ".yml")


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
    if any(_same(target, path) for path in others):
        return "它是本次读取的文件之一"
    if os.path.basename(target) == ".xianjinignore":
        return "它是文件夹的 .xianjinignore"
    suffix = os.path.splitext(target)[1].lower()
    if suffix in SPREADSHEETS:
        return "它是一个电子表格文件，可能是推荐材料"
    if suffix in YAML:
        loaded = load_file(target)
        if not loaded.io_error and is_submission(loaded, named=False):
            return "它是一个推荐文件"
    return None
