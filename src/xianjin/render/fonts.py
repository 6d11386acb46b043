"""Which font faces will print the text, and whether they have a glyph for every character.

The stylesheet is the single source of truth for the font stacks: every `font-family`
declaration in templates/style.css is one stack (official face first, Noto CJK SC, then
BabelStone Han for the rare characters of CJK Extensions B–G). Here each stack is
resolved against the installed fonts with fontconfig, exactly as Pango will, and the
cmaps of the resolved faces are read with fontTools, so that a missing glyph is refused
with the nominee, field and code point *before* anything is written, never printed as
an empty box.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache

from xianjin.render.assets import stylesheet_path
from xianjin.render.errors import RenderError

_REGULAR = ("regular", "book", "normal", "medium", "roman", "w3")
_FAMILY_RE = re.compile(r"font-family\s*:\s*([^;{}]+)")
_GENERIC = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"}


@dataclass(frozen=True)
class Face:
    family: str
    file: str
    index: int


def stacks(css: str | None = None) -> list[tuple[str, ...]]:
    """Every font-family list of the stylesheet, in order of appearance, without duplicates."""
    css = css if css is not None else stylesheet_path().read_text("utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found: list[tuple[str, ...]] = []
    for match in _FAMILY_RE.finditer(css):
        names = tuple(n.strip().strip("\"'") for n in match.group(1).split(","))
        if names not in found:
            found.append(names)
    return found


@lru_cache(maxsize=1)
def all_faces() -> tuple[tuple[tuple[str, ...], str, Face], ...]:
    """Every installed face as (its family names, its style, the face), sorted: the same on every run."""
    if not shutil.which("fc-list"):
        raise RenderError("找不到 fontconfig（fc-list），无法确定中文字体；请运行 scripts/setup.sh 安装")
    out = subprocess.run(["fc-list", "--format", "%{family}\t%{style}\t%{file}\t%{index}\n"],
                         capture_output=True, text=True, check=False).stdout
    faces = []
    for line in sorted(out.splitlines()):
        try:
            families, styles, file, index = line.split("\t")
        except ValueError:
            continue
        names = tuple(families.split(","))
        faces.append((names, styles.split(",")[0].lower(), Face(names[0], file, int(index or 0))))
    return tuple(faces)


@lru_cache(maxsize=1)
def installed() -> dict[str, Face]:
    """Family name (any of its localised names) → its regular face."""
    faces: dict[str, tuple[int, Face]] = {}
    for names, style, face in all_faces():
        rank = 0 if style in _REGULAR else 1
        for family in names:
            if family not in faces or rank < faces[family][0]:
                faces[family] = (rank, Face(family, face.file, face.index))
    return {name: face for name, (_, face) in faces.items()}


def installed_styles(family: str) -> dict[str, Face]:
    """The installed faces of one family by their style in lower case ("regular", "bold")."""
    found: dict[str, Face] = {}
    for names, style, face in all_faces():
        if family in names:
            found.setdefault(style, Face(family, face.file, face.index))
    return found


def resolve(stack: tuple[str, ...]) -> list[Face]:
    """The installed faces of a stack, in the stack's order (what Pango falls back through)."""
    faces = installed()
    return [faces[name] for name in stack if name in faces and name not in _GENERIC]


@lru_cache(maxsize=None)
def _cmap(face: Face) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    font = TTFont(face.file, fontNumber=face.index, lazy=True)
    try:
        return frozenset(font["cmap"].getBestCmap() or {})
    finally:
        font.close()


class GlyphCheck:
    """Answers: which characters of a text cannot be printed by every stack of the stylesheet?

    User text may appear in any role (a name in a title, in a table, in the body), so a
    character must be covered by each stack, not just by one of them.
    """

    def __init__(self) -> None:
        self._covered: list[frozenset[int]] = []
        for stack in stacks():
            faces = resolve(stack)
            if not faces:
                raise RenderError(
                    f"字体列表 {', '.join(stack)} 中没有一种已安装；请运行 scripts/setup.sh "
                    "安装 fonts-noto-cjk 和 fonts-babelstone-han")
            self._covered.append(frozenset().union(*(_cmap(f) for f in faces)))
        self._known: set[str] = set()

    def missing(self, text: str) -> list[str]:
        out = []
        for ch in set(text) - self._known:
            if ch.isspace() or all(ord(ch) in cov for cov in self._covered):
                self._known.add(ch)
            else:
                out.append(ch)
        return sorted(out)
