"""The engine: load the campaign, check every file, check across files, then the decisions
file against them → a Report. Never raises.

A file that cannot be read is a recorded result, not a crash; every file is reported
in one run. Nominees are validated one by one, so that one wrong birth date does not
hide the quota, the warnings or the other nominees of the same file.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import ValidationError

from xianjin.awards import DecisionsFile, Item, resolve
from xianjin.campaign import ALTERNATE, BRANDS, CATEGORIES, DEFAULT_CAMPAIGN, FORMAL, Campaign
from xianjin.decisions import DECISIONS_KEY, ENTRY_MODELS, LISTS, Decision, Decisions
from xianjin.discover import STDIN, discover, is_decisions, is_submission, kept_by_walk, load_path
from xianjin.loader import Loaded, load_bytes, load_file
from xianjin.model_errors import pydantic_problems, unknown_key_message
from xianjin.models import CATEGORY_MODELS, NOMINEE_KINDS, Header, Submission, numbered
from xianjin.problems import Problem, field_path
from xianjin.result import Entry, Report, UnitFile
from xianjin.rules import ACROSS_CHECKS, DECISION_CHECKS, FILE_CHECKS
from xianjin.rules.across import XJ404
from xianjin.rules.decisions import XJ513
from xianjin.rules.fields import XJ201, XJ202, XJ219, XJ221, XJ223
from xianjin.rules.quotas import XJ305


class CampaignError(Exception):
    """The campaign file itself is broken; carries the problems to report."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("campaign file is invalid")
        self.problems = problems


def load_campaign(path: str | Path | None = None) -> Campaign:
    """The campaign of `path` (default: the 2012 Hebei round). Raises CampaignError."""
    loaded = load_file(path or DEFAULT_CAMPAIGN)
    if not loaded.ok:
        raise CampaignError([p for p in loaded.problems if p.is_error])
    found: list = []
    try:
        campaign = Campaign.model_validate(loaded.data, context={"inconsistencies": found})
    except ValidationError as exc:
        raise CampaignError(pydantic_problems(exc, loaded, ())) from None
    if found:  # each value that contradicts another, at its own line and column
        raise CampaignError([XJ223.problem(loaded.path, loaded.where(where), field_path(where), message)
                             for where, message in found])
    return campaign


STDIN_NAME = "<stdin>"


def validate_paths(paths: list[str], campaign: Campaign, *, require_all: bool = False,
                   files_only: bool = False, stdin: bytes | None = None, decisions: str | None = None) -> Report:
    """`files_only`: the files named are checked each on its own and, like files found in a
    folder, skipped when they are not submissions or a .xianjinignore lists them (pre-commit's
    per-file hook hands over every YAML file of a commit, in batches); a decisions file is
    skipped too, having nothing to be checked against. `stdin`: the bytes read for the path
    `-`. `decisions` names the decisions file; one found among `paths` (by its 决定 key) is
    checked too."""
    report = Report(campaign, files_only=files_only)
    found, report.unreadable = discover(paths + ([decisions] if decisions else []), report.untracked)
    named_decisions = os.path.realpath(decisions) if decisions else None
    found_decisions = []
    for path, named in found:
        if files_only and not kept_by_walk(path):
            continue
        loaded = load_bytes(stdin or b"", STDIN_NAME) if path == STDIN else load_path(path, named)
        if loaded.io_error:
            report.unreadable.extend(loaded.problems)
        elif os.path.realpath(path) == named_decisions or is_decisions(loaded):
            if files_only:
                report.skipped.append(loaded.path)
            else:
                found_decisions.append(loaded)
        elif not is_submission(loaded, named and not files_only):
            report.skipped.append(loaded.path)
        else:
            report.units.append(check_loaded(loaded, campaign))
    if not files_only:
        check_across(report, require_all=require_all)
    report.decisions = [check_decisions(loaded, report.units, campaign) for loaded in found_decisions]
    _one_decisions_file(report.decisions)
    return report


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
    for rule in FILE_CHECKS:
        unit.problems.extend(rule.check(unit))
    if loaded.settled:
        unit.problems = [p for p in unit.problems if p.field not in loaded.settled or p in loaded.problems]
    if not any(p.is_error for p in unit.problems):
        unit.submission = _assemble(unit)
    unit.problems.sort(key=loaded.order)
    return unit


def _check_category(unit: UnitFile, data: dict, category: str, context: dict) -> None:
    loaded, path = unit.loaded, unit.path
    raw = data.get(category)
    if category not in data or raw is None:
        unit.problems.append(XJ201.problem(
            path, loaded.where_key((category,)), category, f"缺少“{category}”部分；这是必填项"))
        return
    sections = list(CATEGORY_MODELS[category].model_fields)
    if not isinstance(raw, dict):
        wanted = "和".join(f"“{s}:”" for s in sections)
        unit.problems.append(XJ219.problem(
            path, loaded.where((category,)), category,
            f"“{category}”下面应当是{wanted}{'两个列表' if len(sections) > 1 else '列表'}，并缩进两格"))
        return
    for key in raw:
        if key in sections:
            continue
        if key == ALTERNATE:
            unit.problems.append(XJ305.problem(
                path, loaded.where_key((category, key)), field_path((category, key)),
                "优质服务品牌不设递补对象；请把品牌都写在“推荐对象”中，或删去“递补对象”"))
        else:
            unit.problems.append(XJ202.problem(
                path, loaded.where_key((category, key)), field_path((category, key)),
                unknown_key_message(key, sections)))
    readable = []
    for section in sections:
        items = raw.get(section)
        if section not in raw or items is None:
            if section == FORMAL:
                unit.problems.append(XJ201.problem(
                    path, loaded.where_key((category, section)), field_path((category, section)),
                    f"缺少“{category}”的“{section}”列表；这是必填项"))
                unit.sections[(category, section)] = None
            else:
                unit.sections[(category, section)] = 0
            continue
        if not isinstance(items, list):
            unit.problems.append(XJ219.problem(
                path, loaded.where((category, section)), field_path((category, section)),
                f"“{section}”应当是列表，每个对象以“- ”开头"))
            unit.sections[(category, section)] = None
            continue
        unit.sections[(category, section)] = len(items)
        readable.append((section, items))
    kind = NOMINEE_KINDS[category]
    for section, index, number, item in numbered(readable):
        entry = Entry(category, section, index, number, None)
        unit.entries.append(entry)
        if _is_blank(item):
            loc = entry.path
            unit.problems.append(XJ221.problem(
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
    per_file: dict[str, list[Problem]] = {}
    for rule in ACROSS_CHECKS:
        for p in rule.check(report):
            if p.path:
                per_file.setdefault(p.path, []).append(p)
            else:
                report.province.append(p)
    for u in report.units:
        if u.path in per_file:
            u.problems.extend(per_file[u.path])
            u.problems.sort(key=u.loaded.order)
            if any(p.is_error for p in per_file[u.path]):
                u.submission = None
    if require_all and report.missing_units:
        report.province.append(XJ404.problem(
            "", (0, 0), "推荐单位",
            f"以下推荐单位尚未报送：{'、'.join(report.missing_units)}"))


def check_decisions(loaded: Loaded, units: list[UnitFile], campaign: Campaign) -> DecisionsFile:
    """The decisions file entry by entry, resolved against `units`, then the XJ5xx rules over both."""
    d = DecisionsFile(loaded, campaign, units)
    d.problems.extend(loaded.problems)
    if isinstance(loaded.data, dict):
        _read_decisions(d, loaded.data)
    d.outcome = resolve(d)
    if loaded.data is not None:
        for rule in DECISION_CHECKS:
            d.problems.extend(rule.check(d))
    d.problems.sort(key=lambda p: (p.line, p.column, p.code))
    return d


def _read_decisions(d: DecisionsFile, data: dict) -> None:
    loaded, context = d.loaded, {"campaign": d.campaign}
    for key in data:
        if key != DECISIONS_KEY and key not in LISTS:
            d.problems.append(XJ202.problem(d.path, loaded.where_key((key,)), key,
                                            unknown_key_message(key, [DECISIONS_KEY, *LISTS])))
    if data.get(DECISIONS_KEY) is None:
        d.problems.append(XJ201.problem(d.path, loaded.where_key((DECISIONS_KEY,)), DECISIONS_KEY,
                                        "缺少“决定”部分（文号、日期）；这是必填项"))
    else:
        try:
            d.header = Decision.model_validate(data[DECISIONS_KEY], context=context)
        except ValidationError as exc:
            d.problems.extend(pydantic_problems(exc, loaded, (DECISIONS_KEY,), Decisions))
    targets = {"考察": d.inspections, BRANDS: d.brands, "递补": d.promotions}
    for section, model in ENTRY_MODELS.items():
        items = data.get(section)
        if items is None:  # absent, or only comments under the key (a fresh `init --decisions`)
            continue
        if not isinstance(items, list):
            d.problems.append(XJ219.problem(d.path, loaded.where((section,)), section,
                                            f"“{section}”应当是列表，每一项以“- ”开头"))
            d.brand_list_broken |= section == BRANDS
            continue
        for index, item in enumerate(items):
            try:
                targets[section].append(Item(section, index, model.model_validate(item, context=context)))
            except ValidationError as exc:
                d.problems.extend(pydantic_problems(exc, loaded, (section, index), Decisions))
                d.brand_list_broken |= section == BRANDS


def _one_decisions_file(files: list[DecisionsFile]) -> None:
    """One decisions file per run: with two, each says where the other is."""
    if len(files) < 2:
        return
    for d in files:
        others = "、".join(o.path for o in files if o is not d)
        d.problems.insert(0, XJ513.problem(d.path, d.loaded.where_key((DECISIONS_KEY,)), DECISIONS_KEY,
                                           f"还有一个决定文件：{others}；一次只能按一个决定文件检查"))
