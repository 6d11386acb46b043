"""The set-up's font step works on a fresh machine, from any entry point.

scripts/setup.sh builds the common-character faces with `python -m xianjin.render.commonfonts`.
An earlier set-up fed the build to `python -` as a heredoc, and its process pool could not
re-import a `__main__` that was `<stdin>`: every fresh machine failed, while machines with a
warm cache passed. Here both ways run against an empty cache and an empty HOME.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from fontTools.ttLib import TTFont

from xianjin.render import commonfonts

pytestmark = pytest.mark.slow


def fresh_env(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("XDG_CACHE_HOME", "XIANJIN_CACHE_DIR")}
    (tmp_path / "home").mkdir(parents=True)
    return {**env, "HOME": str(tmp_path / "home"), "XIANJIN_CACHE_DIR": str(tmp_path / "cache")}


STDIN_BUILD = "from xianjin.render.commonfonts import ensure\nensure(print)\n"


@pytest.mark.parametrize("how", [["-m", "xianjin.render.commonfonts"], ["-"]], ids=["module", "stdin"])
def test_the_fonts_build_from_nothing(tmp_path, how):
    if not commonfonts.planned():
        pytest.skip("Noto Serif CJK SC 未安装")
    done = subprocess.run([sys.executable, *how], input=STDIN_BUILD if how == ["-"] else None,
                          capture_output=True, text=True, env=fresh_env(tmp_path), timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and done.stderr == ""
    assert done.stdout.startswith("正在从 Noto Serif CJK SC 生成常用字字体")
    built = sorted(p.name for p in (tmp_path / "cache" / "fonts").iterdir())
    assert built == sorted(f.path.name for f in commonfonts.planned())
    again = subprocess.run([sys.executable, "-m", "xianjin.render.commonfonts"], capture_output=True, text=True,
                           env=fresh_env(tmp_path / "again") | {"XIANJIN_CACHE_DIR": str(tmp_path / "cache")})
    assert (again.returncode, again.stdout, again.stderr) == (0, "", "")  # built once, then nothing to do


def test_a_derived_face_keeps_cid_equal_to_glyph_number():
    """MuPDF and Ghostscript look glyphs up by CID through the CFF charset; WeasyPrint writes glyph numbers."""
    faces = commonfonts.ensure()
    if not faces:
        pytest.skip("Noto Serif CJK SC 未安装")
    for face in faces:
        font = TTFont(io.BytesIO(face.path.read_bytes()))
        charset = font["CFF "].cff.topDictIndex[0].charset
        assert len(charset) > 7000
        assert all(name == f"cid{gid:05d}" for gid, name in enumerate(charset) if gid), face.path
        assert font.getGlyphID(font.getBestCmap()[ord("中")]) == int(font.getBestCmap()[ord("中")][3:])
