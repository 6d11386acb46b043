"""Files and folders in, a Report out: load → models → rules, for every file, never raising.

A file that cannot be read is a recorded result, not a crash; every file is reported
in one run. Nominees are validated one by one, so that one wrong birth date does not
hide the quota, the warnings or the other nominees of the same file.
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from xianjin.campaign import ALTERNATE, CATEGORIES, FORMAL, Campaign
from xianjin.files import os_error_text, read_regular
from xianjin.loader import Loaded, load_file
from xianjin.messages import field_path, pydantic_problems, unknown_key_message
from xianjin.models import (CATEGORY_MODELS, HEADER_KEYS, NOMINEE_KINDS, Header, Submission)
from xianjin.problems import Problem, Tally, all_rules
from xianjin.rules import fields as F
from xianjin.rules import across as A
from xianjin.rules import loading as L
from xianjin.rules import quotas as Q
from xianjin.unit import Entry, UnitFile

YAML_SUFFIXES = (".yaml", ".yml")
_SKIP_DIRS = {"node_modules", "__pycache__", "venv"}
# In a folder, names (globs) of files and subfolders a folder walk skips: drafts, broken examples.
IGNORE_FILE = ".xianjinignore"


@dataclass
class Report(Tally):
    campaign: Campaign
    units: list[UnitFile] = field(default_factory=list)  # the submissions, in path order
    skipped: list[str] = field(default_factory=list)  # YAML files that are not submissions
    unreadable: list[Problem] = field(default_factory=list)  # paths that could not be read (exit 2)
    province: list[Problem] = field(default_factory=list)  # problems of no single file

    @property
    def problems(self) -> list[Problem]:
        out = list(self.unreadable)
        for u in self.units:
            out.extend(u.problems)
        return out + self.province

    @property
    def missing_units(self) -> list[str]:
        submitted = {u.unit for u in self.units}
        return [u.名称 for u in self.campaign.推荐单位 if u.名称 not in submitted]

    def total(self, category: str) -> int:
        return sum(u.count(category, FORMAL) or 0 for u in self.units if u.unit)


def validate_paths(paths: list[str], campaign: Campaign, *, require_all: bool = False) -> Report:
    report = Report(campaign)
    for path, named in discover(paths, report):
        loaded = load_file(path)
        if loaded.io_error:
            report.unreadable.extend(loaded.problems)
        elif not is_submission(loaded, named):
            report.skipped.append(path)
        else:
            report.units.append(check_loaded(loaded, campaign))
    check_across(report, require_all=require_all)
    return report


def discover(paths: list[str], report: Report) -> list[tuple[str, bool]]:
    """(path, named on the command line) of the files named and the YAML files below folders.

    Hidden folders and what a folder's .xianjinignore lists are skipped. A file reached
    twice (named, and inside a named folder) is checked once, as first spelt.
    """
    found: list[tuple[str, bool]] = []

    def unreadable(exc: OSError) -> None:
        report.unreadable.append(L.XJ100.problem(
            exc.filename or "", (1, 1), "", "无法读取这个文件夹：" + os_error_text(exc)))

    for given in paths:
        if not given.strip():
            # `xianjin validate "$FILE"` with FILE unset: not the current folder.
            report.unreadable.append(L.XJ100.problem(
                given, (1, 1), "", "路径是空的（是不是引用了一个没有设置的变量？）"))
            continue
        p = Path(given)
        if p.is_dir():
            for top, dirs, files in os.walk(p, onerror=unreadable):
                ignored = _ignored(top)
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS
                                 and not _matches(d, ignored))
                found.extend((os.path.join(top, f), False) for f in sorted(files)
                             if f.endswith(YAML_SUFFIXES) and not f.startswith(".")
                             and not _matches(f, ignored))
        elif p.exists():
            found.append((given, True))
        else:
            report.unreadable.append(L.XJ100.problem(given, (1, 1), "", "找不到这个文件或文件夹，请检查路径是否写对"))
    unique: dict[str, tuple[str, bool]] = {}
    for path, named in found:
        real = os.path.realpath(path)
        if real in unique:
            named = named or unique[real][1]
            path = unique[real][0]
        unique[real] = (path, named)
    return list(unique.values())


_MAPPING_REFUSED = {"XJ103", "XJ109", "XJ110"}
_UNDECODED = {"XJ101", "XJ102", "XJ104"}
_FORM_KEY = re.compile(r"^\s*(?:" + "|".join((*HEADER_KEYS, *CATEGORIES)) + r")\s*[:：]", re.MULTILINE)


def _ignored(folder: str) -> list[str]:
    try:
        lines = read_regular(os.path.join(folder, IGNORE_FILE), 1024 * 1024).decode("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    return [ln.strip().rstrip("/") for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def _matches(name: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def is_submission(loaded: Loaded, named: bool = True) -> bool:
    """A YAML file is a submission when it speaks the forms' language.

    Any of the form's keys counts, not only 推荐单位, so that a file whose 推荐单位
    line was deleted is still checked. A file that did not load is judged by its text.
    One named on the command line that is not YAML at all (empty, binary, a syntax
    error, a top-level list) is reported: the clerk asked for it. Found in a folder
    walk, it is someone else's file (a hook list, a template) and is skipped unless
    its text has the forms' keys.
    """
    if isinstance(loaded.data, dict):
        return any(k in loaded.data for k in (*HEADER_KEYS, *CATEGORIES))
    if loaded.text and (not named or all(p.code in _MAPPING_REFUSED for p in loaded.problems)):
        return bool(_FORM_KEY.search(loaded.text))
    # Bytes that cannot be read as text might be a submission in a broken encoding.
    return named or any(p.code in _UNDECODED for p in loaded.problems)


def check_loaded(loaded: Loaded, campaign: Campaign) -> UnitFile:
    unit = UnitFile(loaded, campaign)
    unit.problems.extend(loaded.problems)
    if loaded.data is None:
        return unit
    context = {"campaign": campaign}
    data: dict = loaded.data  # type: ignore[assignment]
    header_data = {k: v for k, v in data.items() if k not in CATEGORIES}
    try:
        unit.header = Header.model_validate(header_data, context=context)
    except ValidationError as exc:
        unit.problems.extend(pydantic_problems(exc, loaded, (), Submission))
    for category in CATEGORIES:
        _check_category(unit, data, category, context)
    for rule in all_rules():
        if rule.scope == "file" and rule.check is not None:
            unit.problems.extend(rule.check(unit))
    if not any(p.is_error for p in unit.problems):
        unit.submission = _assemble(unit)
    unit.problems.sort(key=lambda p: (p.line, p.column, p.code))
    return unit


def _check_category(unit: UnitFile, data: dict, category: str, context: dict) -> None:
    loaded, path = unit.loaded, unit.path
    raw = data.get(category)
    if category not in data or raw is None:
        unit.problems.append(F.XJ201.problem(
            path, loaded.where_key((category,)), category, f"缺少“{category}”部分；这是必填项"))
        return
    sections = list(CATEGORY_MODELS[category].model_fields)
    if not isinstance(raw, dict):
        wanted = "和".join(f"“{s}:”" for s in sections)
        unit.problems.append(F.XJ219.problem(
            path, loaded.where((category,)), category,
            f"“{category}”下面应当是{wanted}{'两个列表' if len(sections) > 1 else '列表'}，并缩进两格"))
        return
    for key in raw:
        if key in sections:
            continue
        if key == ALTERNATE:
            unit.problems.append(Q.XJ305.problem(
                path, loaded.where_key((category, key)), field_path((category, key)),
                "优质服务品牌不设递补对象；请把品牌都写在“推荐对象”中，或删去“递补对象”"))
        else:
            unit.problems.append(F.XJ202.problem(
                path, loaded.where_key((category, key)), field_path((category, key)),
                unknown_key_message(key, sections)))
    number = 0
    kind = NOMINEE_KINDS[category]
    for section in sections:
        items = raw.get(section)
        if section not in raw or items is None:
            if section == FORMAL:
                unit.problems.append(F.XJ201.problem(
                    path, loaded.where_key((category, section)), field_path((category, section)),
                    f"缺少“{category}”的“{section}”列表；这是必填项"))
                unit.sections[(category, section)] = None
            else:
                unit.sections[(category, section)] = 0
            continue
        if not isinstance(items, list):
            unit.problems.append(F.XJ219.problem(
                path, loaded.where((category, section)), field_path((category, section)),
                f"“{section}”应当是列表，每个对象以“- ”开头"))
            unit.sections[(category, section)] = None
            continue
        unit.sections[(category, section)] = len(items)
        for index, item in enumerate(items):
            number += 1
            entry = Entry(category, section, index, number, None)
            unit.entries.append(entry)
            if _is_blank(item):
                loc = entry.path
                unit.problems.append(F.XJ221.problem(
                    path, loaded.where(loc), field_path(loc),
                    f"{category}{section}第 {index + 1} 个（编号 {number}）还没有填写"))
                continue
            try:
                entry.model = kind.model_validate(item, context=context)
            except ValidationError as exc:
                unit.problems.extend(pydantic_problems(exc, loaded, entry.path, Submission))


def _is_blank(item: object) -> bool:
    if item is None:
        return True
    if isinstance(item, str):
        return not item.strip()
    if isinstance(item, dict):
        return all(_is_blank(v) for v in item.values())
    return False


def _assemble(unit: UnitFile) -> Submission:
    """The whole file as one model; every part has been validated already."""
    parts: dict = dict(unit.header)  # type: ignore[arg-type]
    for category in CATEGORIES:
        model = CATEGORY_MODELS[category]
        parts[category] = model.model_construct(**{
            section: [e.model for e in unit.entries if e.category == category and e.section == section]
            for section in model.model_fields})
    return Submission.model_construct(**parts)


def check_across(report: Report, *, require_all: bool = False) -> None:
    units = report.units
    per_file: dict[str, list[Problem]] = {}
    for rule in all_rules():
        if rule.scope != "across" or rule.check is None:
            continue
        for p in rule.check(units):
            if p.path:
                per_file.setdefault(p.path, []).append(p)
            else:
                report.province.append(p)
    for u in units:
        if u.path in per_file:
            u.problems.extend(per_file[u.path])
            u.problems.sort(key=lambda p: (p.line, p.column, p.code))
            if any(p.is_error for p in per_file[u.path]):
                u.submission = None
    if require_all and report.missing_units:
        report.province.append(A.XJ404.problem(
            "", (0, 0), "推荐单位",
            f"以下推荐单位尚未报送：{'、'.join(report.missing_units)}"))

