"""Every character a clerk typed must have a glyph: checked per field, before anything is written.

The error names the file and line, the nominee, the field and the code point, so the
clerk can find the character; WeasyPrint alone would print an empty box and log a
warning nobody reads (pdf.py still fails on that warning, for the templates' own text).
"""

from __future__ import annotations

from functools import cache

from xianjin.campaign import CATEGORIES
from xianjin.models import HEADER_KEYS
from xianjin.problems import field_path
from xianjin.render.errors import RenderError
from xianjin.render.fonts import GlyphCheck
from xianjin.result import UnitFile


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


def _no_glyph(where: str, field: str, ch: str) -> str:
    return (f"{where}: {field}中的“{ch}”（U+{ord(ch):04X}）在已安装的字体中没有字形，"
            "为免印成空框，未生成任何文件。请核对此字，或安装含此字的字体后重试")


def check_unit(unit: UnitFile) -> None:
    """Every text of the unit's Submission (what will be printed), located in its file."""
    check = _checker()
    sub = unit.submission
    problems: list[str] = []

    def report(path: tuple, who: str, text: str, field_from: int = 0) -> None:
        for ch in check.missing(text):
            line, col = unit.loaded.where(path)
            where = f"{unit.path}:{line}:{col}"
            field = field_path(path[field_from:])
            problems.append(_no_glyph(where, f"{who}“{field}”", ch))

    for key in HEADER_KEYS:
        value = getattr(sub, key, None)
        if isinstance(value, str):
            report((key,), "", value)
    for category in CATEGORIES:
        for section, index, number, nominee in sub.category(category).numbered():
            who = f"{category}{section}第 {index + 1} 个“{nominee.title}”（编号 {number}）的"
            at = (category, section, index)
            for path, text in _strings(nominee.model_dump()):
                report((*at, *path), who, text, field_from=len(at))
    if problems:
        raise RenderError("\n".join(problems))


def check_decisions(d) -> None:
    """The same for the decisions file (awards.DecisionsFile): its title, body and reasons are printed too."""
    check = _checker()
    problems: list[str] = []
    texts = [(("决定", k), v) for k, v in (d.header.model_dump() if d.header else {}).items()]
    texts += [((*item.path, k), v) for item in d.all_items() for k, v in item.model.model_dump().items()]
    for path, text in texts:
        if not isinstance(text, str):
            continue
        for ch in check.missing(text):
            line, col = d.loaded.where(path)
            problems.append(_no_glyph(f"{d.path}:{line}:{col}", f"“{field_path(path)}”", ch))
    if problems:
        raise RenderError("\n".join(problems))
