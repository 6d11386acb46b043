"""Small copies of Noto Serif CJK SC that hold only the common characters, built once per user (cache folder).

Why: WeasyPrint embeds a font as a subset that keeps the original glyph numbers. With the
Noto CJK collection, each PDF therefore pays for its 65,535-glyph faces: two HarfBuzz subset
passes over them, a copy of the 26 MB file and about 1 MB of empty glyph slots to compress.
That is about 90 ms per PDF, 11 s of CPU for a province, and 200 KB in every one-page table.
A face with only the ~7,800 glyphs of GB 2312 (plus Latin, punctuation and full-width forms)
prints the same outlines at a fraction of that cost.

The stylesheet names this face just before the full one ("Noto Serif CJK SC Common",
"Noto Serif CJK SC"). A character outside GB 2312 therefore falls through to the full face
and prints exactly as before; only a PDF that has such a character pays the old price. The
layout features kept are the ones HarfBuzz applies to horizontal text, restricted to the
Simplified Chinese language system. Shaping, and so every line break, is the same as with
the full face: the tests compare the two.

The faces are derived with fontTools from the installed collection, about 10 s each. They
are kept in the user's cache folder (XIANJIN_CACHE_DIR, else $XDG_CACHE_HOME/xianjin, else
~/.cache/xianjin), named by a key over the source file (path, size, mtime), the fontTools
version and the recipe below. The bytes are deterministic, so PDFs stay byte-identical from
one machine to another. Faces of an older key are left alone: another installation with
another fontTools may share the folder.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import struct
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from hashlib import sha256
from pathlib import Path

from xianjin.files import os_error_text, write_atomic
from xianjin.render.errors import RenderError
from xianjin.render.fonts import installed_styles

FAMILY = "Noto Serif CJK SC Common"  # the name style.css uses; ASCII, since it becomes the PDF font name
SOURCE_FAMILY = "Noto Serif CJK SC"
WEIGHTS = {"regular": 400, "bold": 700}
# What HarfBuzz applies to horizontal text by default (hb-ot-shape.cc); nothing else can
# change the shaping of body text.
_FEATURES = ["abvm", "blwm", "ccmp", "locl", "mark", "mkmk", "rlig", "rvrn",
             "calt", "clig", "curs", "dist", "kern", "liga", "rclt"]
_LANGUAGE = "ZHS "  # the OpenType language system of lang="zh-CN"
RECIPE = "gb2312+latin1+punct/zhs/identity-cid/2"  # change when the recipe changes: it is part of the key


@dataclass(frozen=True)
class CommonFace:
    weight: int
    source: str  # the installed file (a .ttc collection or a single face)
    index: int  # the face within it
    path: Path  # the derived face in the cache folder

    def css(self) -> str:
        return (f'@font-face {{ font-family: "{FAMILY}"; font-weight: {self.weight}; '
                f'src: url("{self.path.as_uri()}"); }}')


def cache_dir() -> Path:
    """Absolute: the faces are named by file: URLs."""
    explicit = os.environ.get("XIANJIN_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser().absolute() / "fonts"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base).absolute() / "xianjin" / "fonts"


def _key(source: str, index: int) -> str:
    from fontTools import version as fonttools_version

    try:
        st = os.stat(source)
        stamp = f"{st.st_size}:{st.st_mtime_ns}"
    except OSError:
        stamp = "?"
    return sha256(f"{source}|{index}|{stamp}|{fonttools_version}|{RECIPE}".encode()).hexdigest()[:16]


def planned() -> list[CommonFace]:
    """The faces this machine can have: one per weight of Noto Serif CJK SC that is installed."""
    installed = installed_styles(SOURCE_FAMILY)
    faces = []
    for style, weight in WEIGHTS.items():
        face = installed.get(style)
        if face is not None:
            name = f"NotoSerifCJKSC-Common-{style}-{_key(face.file, face.index)}.otf"
            faces.append(CommonFace(weight, face.file, face.index, cache_dir() / name))
    return faces


def ensure(notify=None) -> list[CommonFace]:
    """The planned faces, building the missing ones (in parallel). Raises RenderError."""
    faces = planned()
    missing = [f for f in faces if not f.path.is_file()]
    if missing:
        if notify is not None:
            notify(f"正在从 {SOURCE_FAMILY} 生成常用字字体（约 10–30 秒，只做一次，"
                   f"存放在 {cache_dir()}）……")
        try:
            cache_dir().mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RenderError(f"无法创建字体缓存文件夹 {cache_dir()}：{os_error_text(exc)}；"
                              "可用环境变量 XIANJIN_CACHE_DIR 指定一个可写的文件夹") from None
        if len(missing) == 1 or (os.cpu_count() or 1) == 1:
            for face in missing:
                _build_and_save(face)
        else:
            # Forked, not spawned: a spawned or forkserver child re-imports __main__, which
            # fails when that is `python -` or a heredoc (<stdin>), as in a fresh set-up.
            # The fork happens before any thread or WeasyPrint exists in this process.
            with ProcessPoolExecutor(len(missing), mp_context=multiprocessing.get_context("fork")) as pool:
                list(pool.map(_build_and_save, missing))  # a RenderError in a worker is raised here
    return faces


def _build_and_save(face: CommonFace) -> None:
    from fontTools.ttLib import TTLibError

    try:
        data = build(face.source, face.index)
        write_atomic(face.path, data)
    except OSError as exc:
        raise RenderError(f"无法写入字体缓存 {face.path}：{os_error_text(exc)}；"
                          "可用环境变量 XIANJIN_CACHE_DIR 指定一个可写的文件夹") from None
    except (TTLibError, struct.error, KeyError, ValueError):  # what fontTools raises on a damaged font
        raise RenderError(f"无法从 {face.source} 生成常用字字体：fontTools 读不了这个字体文件，"
                          "请重新安装 fonts-noto-cjk") from None


def build(source: str, index: int) -> bytes:
    """The derived face as OpenType bytes: the same bytes for the same source and fontTools."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(source, fontNumber=index, recalcTimestamp=False)
    for tag in ("GSUB", "GPOS"):
        if tag in font:
            # Other languages' `locl` lookups would pull in thousands of JP/KR/TC glyphs.
            for record in font[tag].table.ScriptList.ScriptRecord:
                keep = [r for r in record.Script.LangSysRecord if r.LangSysTag == _LANGUAGE]
                record.Script.LangSysRecord = keep
                record.Script.LangSysCount = len(keep)
    options = subset.Options(layout_features=_FEATURES, name_IDs=["*"], name_languages=["*"],
                             notdef_outline=True, glyph_names=False, hinting=True, legacy_kern=True,
                             passthrough_tables=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=repertoire())
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return _identity_cids(out.getvalue())


def _identity_cids(data: bytes) -> bytes:
    """Renumber the CIDs of a subset CID-keyed CFF so that CID = glyph number, as in the source.

    Subsetting keeps each glyph's original CID (cid12345 may now be glyph 2981), but the PDF
    pages WeasyPrint writes use glyph numbers as CIDs. poppler and PDFium index the glyphs by
    number anyway; MuPDF and Ghostscript follow the CFF charset, as the PDF standard says, and
    printed every Chinese character blank or as a box. Only the CFF table changes: the other
    tables stay as compiled, and they refer to glyphs by number.
    """
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data), recalcBBoxes=False, recalcTimestamp=False)
    top = font["CFF "].cff.topDictIndex[0]
    old = list(top.charset)
    new = [".notdef", *(f"cid{gid:05d}" for gid in range(1, len(old)))]
    strings = top.CharStrings
    strings.charStrings = {new[gid]: strings.charStrings[name] for gid, name in enumerate(old)}
    top.charset = new
    font.setGlyphOrder(new)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@lru_cache(maxsize=1)
def repertoire() -> frozenset[int]:
    """GB 2312 (6,763 汉字 and its symbols), Latin-1, general punctuation, CJK symbols, full-width forms."""
    chars = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100)) | set(range(0x2000, 0x2070))
    chars |= set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes((high, low)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


def main() -> int:
    """`python -m xianjin.render.commonfonts`: build the faces now (scripts/setup.sh does)."""
    try:
        ensure(print)
    except RenderError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
