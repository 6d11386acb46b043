"""The system libraries WeasyPrint shapes and subsets text with: are they there, which versions.

Asked through ctypes, the way WeasyPrint loads them: the parent process need not import
WeasyPrint (half a second) just to ask about it.
"""

from __future__ import annotations

import ctypes
import ctypes.util

from xianjin.render.errors import RenderError

_PANGO = ("libpango-1.0.so.0", "pango-1.0")
_HARFBUZZ = ("libharfbuzz.so.0", "harfbuzz")


def _library(*names: str):
    """A shared library loaded with ctypes, or None."""
    for name in names:
        try:
            return ctypes.CDLL(name)
        except OSError:
            continue
    found = ctypes.util.find_library(names[-1])
    return ctypes.CDLL(found) if found else None


def library_versions() -> str:
    """Pango and HarfBuzz versions (part of the cache key: they shape and subset the text)."""
    found = []
    for names, function in ((_PANGO, "pango_version_string"), (_HARFBUZZ, "hb_version_string")):
        lib = _library(*names)
        if lib is None:
            found.append(f"{names[-1]} ?")
            continue
        get = getattr(lib, function)
        get.restype = ctypes.c_char_p
        found.append(f"{names[-1]} {get().decode()}")
    return ", ".join(found)


def check_environment() -> None:
    """Fail loudly, not slowly: without HarfBuzz-Subset WeasyPrint falls back to fontTools (10× slower).

    The workers also fail on WeasyPrint's own warning about it.
    """
    if _library(*_PANGO) is None:
        raise RenderError("找不到 Pango（libpango-1.0），无法排版；请运行 scripts/setup.sh 安装排版所需的系统软件包")
    harfbuzz = _library(*_HARFBUZZ)
    subset = _library("libharfbuzz-subset.so.0", "harfbuzz-subset")
    if subset is None or harfbuzz is None or not harfbuzz.hb_version_atleast(4, 1, 0):
        raise RenderError("缺少 HarfBuzz 字体子集库（libharfbuzz-subset0，4.1 以上）：没有它排版会慢十倍以上。"
                          "请运行 scripts/setup.sh 或 apt-get install libharfbuzz-subset0")
