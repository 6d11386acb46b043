"""Every character a clerk typed must have a glyph: checked per field, before anything is written.

The error names the file and line, the nominee, the field and the code point, so the
clerk can find the character; WeasyPrint alone would print an empty box and log a
warning nobody reads (pdf.py still fails on that warning, for the templates' own text).
"""

from __future__ import annotations

from functools import cache

from xianjin.messages import field_path
from xianjin.models import HEADER_KEYS
from xianjin.problems import Problem
from xianjin.render.fonts import GlyphCheck
from xianjin.rules.fields import XJ222
from xianjin.unit import UnitFile


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


def check_unit(unit: UnitFile) -> list[Problem]:
    """Every character of the unit's fields that no font of the stylesheet can print, as XJ222
    problems in the validate format: file, line and column of the field, the nominee, the code point."""
    check = _checker()
    sub = unit.submission
    problems: list[Problem] = []

    def report(path: tuple, who: str, text: str, label: str) -> None:
        for ch in check.missing(text):
            problems.append(XJ222.problem(
                unit.path, unit.loaded.where(path), field_path(path),
                f"{who}“{label}”中的“{ch}”（U+{ord(ch):04X}）在已安装的字体中没有字形，为免印成空框，"
                "未生成任何文件。请核对此字，或安装含此字的字体后重试"))

    for key in HEADER_KEYS:
        value = getattr(sub, key, None)
        if isinstance(value, str):
            report((key,), "", value, key)
    for e in unit.entries:
        if e.model is None:
            continue
        who = f"{e.category}{e.section}第 {e.index + 1} 个“{e.model.title}”（编号 {e.number}）的"
        for path, text in _strings(e.model.model_dump()):
            label = ".".join(str(p) for p in path if not isinstance(p, int))
            report((*e.path, *path), who, text, label)
    return problems
