"""`xianjin fix`: write the accepted spellings the way the forms print them, in place.

本科 → 大学本科, 1978年5月 → 1978.05, full-width digits, (0311)86688001 → 0311-86688001,
张　三 → 张三, padding spaces in one-line fields. Only values xianjin has accepted are
rewritten, to exactly what it would print; multi-line texts are left as typed. The file
goes through ruamel.yaml's round trip, so comments, key order, quotes and layout stay;
if anything but the changed values' lines would differ, the file is left alone.
"""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass, field
from datetime import date

from pydantic import BaseModel

from xianjin.problems import field_path
from xianjin.result import UnitFile
from xianjin.workbook import WorkbookLoaded


@dataclass
class Change:
    line: int
    field: str
    old: str
    new: str


@dataclass
class Fixed:
    text: str | None  # the new text; None when nothing changes or the file is refused
    changes: list[Change] = field(default_factory=list)
    refused: str = ""  # why the file was not touched


def _canonical(value: object) -> str | None:
    if isinstance(value, date):
        return f"{value:%Y-%m-%d}"
    return value if isinstance(value, str) else None


def _wanted(unit: UnitFile) -> dict[tuple, str]:
    """path → the text xianjin would print, for every one-line value typed otherwise."""
    data = unit.loaded.data
    out: dict[tuple, str] = {}

    def walk(model: BaseModel, path: tuple) -> None:
        for name in type(model).model_fields:
            value = getattr(model, name)
            here = path + (name,)
            if isinstance(value, BaseModel):
                walk(value, here)
                continue
            new, raw = _canonical(value), _at(data, here)
            if new is not None and isinstance(raw, str) and "\n" not in raw and "\n" not in new and raw != new:
                out[here] = new

    if unit.header is not None:
        walk(unit.header, ())
    for entry in unit.entries:
        if entry.model is not None:
            walk(entry.model, entry.path)
    return out


def _at(data: object, path: tuple) -> object:
    for part in path:
        try:
            data = data[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def fix_unit(unit: UnitFile) -> Fixed:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    if isinstance(unit.loaded, WorkbookLoaded):
        return Fixed(None, refused="xianjin fix 只改写 YAML 文件；工作簿请在 Excel 或 WPS 中按 xianjin validate 的提示修改")
    errors = [p for p in unit.problems if p.is_error]
    if errors:
        return Fixed(None, refused=f"有 {len(errors)} 个错误，xianjin fix 只改写已经接受的写法；"
                                  "请先按 xianjin validate 的提示改正")
    wanted = _wanted(unit)
    if not wanted:
        return Fixed(None)
    text = unit.loaded.text
    yaml = _round_trip(text)
    if yaml is None:
        return Fixed(None, refused="这个文件的缩进方式无法在改写时原样保留，没有改动；请手工改写")
    doc = yaml.load(text)
    changes, comments = [], {}
    for path, new in wanted.items():
        parent, key = _at(doc, path[:-1]), path[-1]
        old = parent[key]
        token = (getattr(parent, "ca", None) and parent.ca.items.get(key) or [None] * 3)[2]
        if token is not None and token.value.strip():
            comments[unit.loaded.where(path)[0]] = token.value.strip().splitlines()[0]
        for style in (SingleQuotedScalarString, DoubleQuotedScalarString):
            if isinstance(old, style):
                new_value = style(new)
                break
        else:
            new_value = new
        parent[key] = new_value
        line = unit.loaded.where(path)[0]
        changes.append(Change(line, field_path(path), str(old), new))
    out = io.StringIO()
    yaml.dump(doc, out)
    result = _comments_apart(out.getvalue(), comments)
    moved = _changed_lines(text, result) - {c.line for c in changes}
    if moved:
        return Fixed(None, refused=f"改写会改动第 {min(moved)} 行等其他内容的版式，没有改动；请手工改写")
    return Fixed(result, sorted(changes, key=lambda c: c.line))


def _comments_apart(text: str, comments: dict[int, str]) -> str:
    """ruamel keeps a comment's column, so a longer value can end up one space from its comment;
    keep the two spaces YAML linters ask for."""
    lines = text.split("\n")
    for number, comment in comments.items():
        line = lines[number - 1]
        at = line.rfind(comment)
        if at > 0:
            lines[number - 1] = line[:at].rstrip() + "  " + line[at:]
    return "\n".join(lines)


def _round_trip(text: str):
    """A ruamel.yaml set up with the file's own indentation: the one that writes it back unchanged."""
    from ruamel.yaml import YAML
    from ruamel.yaml.util import load_yaml_guess_indent

    _, guessed, offset = load_yaml_guess_indent(text)
    for mapping, sequence, dash in ((2, 4, 2), (2, 2, 0), (guessed or 2, guessed or 2, offset or 0), (4, 4, 2), (4, 6, 4)):
        yaml = YAML(typ="rt")
        yaml.preserve_quotes = True
        yaml.width = 10 ** 6  # never re-wrap a long line
        yaml.indent(mapping=mapping, sequence=sequence, offset=dash)
        out = io.StringIO()
        yaml.dump(yaml.load(text), out)
        if out.getvalue() == text:
            return yaml
    return None


def _changed_lines(before: str, after: str) -> set[int]:
    a, b = before.splitlines(), after.splitlines()
    changed: set[int] = set()
    for tag, i1, i2, _, _ in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag != "equal":
            changed.update(range(i1 + 1, max(i2, i1 + 1) + 1))
    return changed


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(True), after.splitlines(True),
                                        fromfile=f"{path}（原文）", tofile=f"{path}（改写后）"))
