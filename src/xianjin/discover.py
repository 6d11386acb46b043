"""Paths → the files to check: folders walked, `.xianjinignore` honoured, each file loaded by
its kind (YAML or workbook), submissions told apart.

A folder is walked for YAML files and workbooks; hidden folders and what a folder's
`.xianjinignore` lists are skipped. Whether a file is a submission is decided once it is
loaded (`is_submission`), since a broken file is judged by its text.
"""

from __future__ import annotations

import fnmatch
import os
import re
from pathlib import Path

from xianjin import gittree
from xianjin.campaign import CATEGORIES
from xianjin.decisions import DECISIONS_KEY
from xianjin.files import os_error_text, read_regular
from xianjin.loader import Loaded, load_file
from xianjin.models import HEADER_KEYS
from xianjin.problems import Problem
from xianjin.rules.loading import XJ100, XJ101, XJ102, XJ103, XJ104, XJ109, XJ110

YAML_SUFFIXES = (".yaml", ".yml")
# Workbooks a folder walk reads; the old binary formats are found too, to be told to save as .xlsx.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
OLD_WORKBOOK_SUFFIXES = (".xls", ".et")
_SUFFIXES = (*YAML_SUFFIXES, *WORKBOOK_SUFFIXES, *OLD_WORKBOOK_SUFFIXES)
_SKIP_DIRS = {"node_modules", "__pycache__", "venv"}
# In a folder, names (globs) of files and subfolders a folder walk skips: drafts, broken examples.
IGNORE_FILE = ".xianjinignore"


STDIN = "-"  # the path that means standard input


def discover(paths: list[str], untracked: list[str] | None = None) -> tuple[list[tuple[str, bool]], list[Problem]]:
    """(path, named on the command line) of the files named and the YAML files and workbooks
    below folders, and the problems of the paths that could not be read.

    A folder inside a git work tree means the files git tracks or has staged; the YAML
    files and workbooks beside them that git does not track are added to `untracked`. A
    file reached twice (named, and inside a named folder) is checked once, as first spelt.
    """
    found: list[tuple[str, bool]] = []
    unreadable: list[Problem] = []

    def unreadable_folder(exc: OSError) -> None:
        unreadable.append(XJ100.problem(
            exc.filename or "", (1, 1), "", "无法读取这个文件夹：" + os_error_text(exc)))

    for given in paths:
        if not given.strip():
            # `xianjin validate "$FILE"` with FILE unset: not the current folder.
            unreadable.append(XJ100.problem(given, (1, 1), "", "路径是空的（是不是引用了一个没有设置的变量？）"))
            continue
        p = Path(given)
        if given == STDIN:
            found.append((given, True))
        elif p.is_dir():
            git = gittree.listing(given)
            if git is not None:
                found.extend((path, False) for path in _walked(given, _walk_order(git.tracked))
                             if os.path.isfile(path))  # tracked, but deleted in the work tree
                if untracked is not None:
                    untracked.extend(_walked(given, git.untracked))
                continue
            for top, dirs, files in os.walk(p, onerror=unreadable_folder):
                ignored = _ignored(top)
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS
                                 and not _matches(d, ignored))
                # normpath: a walk of "." finds 09-衡水.yaml, not ./09-衡水.yaml
                found.extend((os.path.normpath(os.path.join(top, f)), False) for f in sorted(files)
                             if _wanted(f) and not _matches(f, ignored))
        elif p.exists():
            found.append((given, True))
        else:
            unreadable.append(XJ100.problem(given, (1, 1), "", "找不到这个文件或文件夹，请检查路径是否写对"))
    unique: dict[str, tuple[str, bool]] = {}
    for path, named in found:
        real = os.path.realpath(path)
        if real in unique:
            named = named or unique[real][1]
            path = unique[real][0]
        unique[real] = (path, named)
    return list(unique.values()), unreadable


def load_path(path: str, named: bool = True) -> Loaded:
    """A YAML file or an Excel workbook, by its extension."""
    if path.lower().endswith((*WORKBOOK_SUFFIXES, *OLD_WORKBOOK_SUFFIXES)):
        from xianjin.workbook import load_workbook_file  # openpyxl is imported only for workbooks

        return load_workbook_file(path, named)
    return load_file(path)


# Refusals that still leave the text readable, and failures that leave no text at all.
_MAPPING_REFUSED = {XJ103.code, XJ109.code, XJ110.code}
_UNDECODED = {XJ101.code, XJ102.code, XJ104.code}
_FORM_KEY = re.compile(r"^\s*(?:" + "|".join((*HEADER_KEYS, *CATEGORIES)) + r")\s*[:：]", re.MULTILINE)


def _ignored(folder: str) -> list[str]:
    try:
        # read_regular: a FIFO named .xianjinignore must not hang the walk.
        lines = read_regular(os.path.join(folder, IGNORE_FILE), 1024 * 1024).decode("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    return [ln.strip().rstrip("/") for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def _matches(name: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def kept_by_walk(path: str, base: str = ".") -> bool:
    """Whether a folder walk from `base` would reach `path`: no hidden or skipped folder on the
    way, and no .xianjinignore listing it or a folder above it. A path outside `base` is judged
    by its own folder only."""
    if path == STDIN:
        return True
    relative = os.path.normpath(os.path.relpath(path, base) if os.path.isabs(path) else path)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        base, relative = os.path.dirname(os.path.abspath(path)), os.path.basename(path)
    parts = relative.split(os.sep)
    folder = base
    for i, part in enumerate(parts):
        if part.startswith(".") or (i < len(parts) - 1 and part in _SKIP_DIRS):
            return False
        if _matches(part, _ignored(folder)):
            return False
        folder = os.path.join(folder, part)
    return True


def _walked(folder: str, listed: list[str]) -> list[str]:
    """Of the files git lists in `folder`, the YAML files and workbooks a folder walk would reach."""
    return [os.path.normpath(os.path.join(folder, rel)) for rel in listed
            if _wanted(rel.rpartition("/")[2]) and kept_by_walk(rel, folder)]


def _wanted(name: str) -> bool:
    # ~$衡水.xlsx is the lock file Excel and WPS keep beside a workbook that is open.
    return name.lower().endswith(_SUFFIXES) and not name.startswith((".", "~$"))


def _walk_order(paths: list[str]) -> list[str]:
    """git's listing in os.walk's order: a folder's own files before its subfolders, each sorted."""
    def key(path: str):
        parts = path.split("/")
        return [(1, d) for d in parts[:-1]] + [(0, parts[-1])]

    return sorted(paths, key=key)


def is_submission(loaded: Loaded, named: bool = True) -> bool:
    """A YAML file is a submission when it speaks the forms' language.

    Any of the form's keys counts, not only 推荐单位, so that a file whose 推荐单位
    line was deleted is still checked. A file that did not load is judged by its text.
    One named on the command line that is not YAML at all (empty, binary, a syntax
    error, a top-level list) is reported: the clerk asked for it. Found in a folder
    walk, it is someone else's file (a hook list, a template) and is skipped unless
    its text has the forms' keys. A workbook's loader has decided already, by its sheets.
    """
    if loaded.submission is not None:
        return loaded.submission or named
    if isinstance(loaded.data, dict):
        return any(k in loaded.data for k in (*HEADER_KEYS, *CATEGORIES))
    if loaded.text and (not named or all(p.code in _MAPPING_REFUSED for p in loaded.problems)):
        return bool(_FORM_KEY.search(loaded.text))
    # Bytes that cannot be read as text might be a submission in a broken encoding.
    return named or any(p.code in _UNDECODED for p in loaded.problems)


_DECISIONS_LINE = re.compile(r"^" + DECISIONS_KEY + r"\s*[:：]", re.MULTILINE)


def is_decisions(loaded: Loaded) -> bool:
    """The provincial office's decisions file has `决定` at its top level; one that did not load,
    on a line of its own. Asked before is_submission: it has an 优质服务品牌 key too."""
    if isinstance(loaded.data, dict):
        return DECISIONS_KEY in loaded.data
    return bool(_DECISIONS_LINE.search(loaded.text))
