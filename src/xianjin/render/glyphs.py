"""Every character a clerk typed must have a glyph: checked per field, before anything is written.

The error names the file and line, the nominee, the field and the code point, so the
clerk can find the character; WeasyPrint alone would print an empty box and log a
warning nobody reads (pdf.py still fails on that warning, for the templates' own text).
"""

from __future__ import annotations

from functools import cache

from xianjin.campaign import CATEGORIES
from xianjin.models import HEADER_KEYS
from xianjin.problems import Problem, field_path
from xianjin.render.fonts import GlyphCheck
from xianjin.result import UnitFile
from xianjin.rules.fields import XJ222


@cache
def _checker() -> GlyphCheck:
    return GlyphCheck()


def _strings(value, path=()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, (*path, k))
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            yield from _strings(v, (*path, i))
    # dates, numbers, None: printed with template characters only


def _no_glyph(path: str, where: tuple, at: tuple, field: str, ch: str) -> Problem:
    return XJ222.problem(path, where, field_path(at),
                         f"{field}中的“{ch}”（U+{ord(ch):04X}）在已安装的字体中没有字形，为免印成空框，"
                         "未生成任何文件。请核对此字，或安装含此字的字体后重试")


def check_unit(unit: UnitFile) -> list[Problem]:
    """Every character of the unit's Submission (what will be printed) that no font of the
    stylesheet can print, as XJ222 problems in the validate format: file, line and column of
    the field, the nominee, the code point."""
    check = _checker()
    sub = unit.submission
    problems: list[Problem] = []

    def report(path: tuple, who: str, text: str, label: str) -> None:
        problems.extend(_no_glyph(unit.path, unit.loaded.where(path), path, f"{who}“{label}”", ch)
                        for ch in check.missing(text))

    for key in HEADER_KEYS:
        value = getattr(sub, key, None)
        if isinstance(value, str):
            report((key,), "", value, key)
    for category in CATEGORIES:
        for section, index, number, nominee in sub.category(category).numbered():
            who = f"{category}{section}第 {index + 1} 个“{nominee.title}”（编号 {number}）的"
            at = (category, section, index)
            for path, text in _strings(nominee.model_dump()):
                label = ".".join(str(p) for p in path if not isinstance(p, int))
                report((*at, *path), who, text, label)
    return problems


def check_decisions(d) -> list[Problem]:
    """The same for the decisions file (awards.DecisionsFile): its title, body and reasons are printed too."""
    check = _checker()
    texts = [(("决定", k), v) for k, v in (d.header.model_dump() if d.header else {}).items()]
    texts += [((*item.path, k), v) for item in d.all_items() for k, v in item.model.model_dump().items()]
    return [_no_glyph(d.path, d.loaded.where(path), path, f"“{field_path(path)}”", ch)
            for path, text in texts if isinstance(text, str) for ch in check.missing(text)]
