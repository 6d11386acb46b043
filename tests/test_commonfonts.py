"""The common-character faces: smaller, faster PDFs that print exactly what the full Noto face prints.

The faces are built once per cache folder (about 10 s each); the first test that needs them builds
them in the user's cache folder, as `xianjin render` would.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from xianjin.render import commonfonts
from xianjin.render.assets import templates_dir
from xianjin.render.errors import RenderError

# These render PDFs with WeasyPrint: the whole suite runs them, a quick `-m "not slow"` run does not.
pytestmark = pytest.mark.slow

# Digits, an em dash, Latin, full-width punctuation and a space: what the `locl` feature of
# the other languages would shape differently if it were kept (a line broke elsewhere).
LINE = "1990.07—1996.01 沧州市旅游局 旅游质量监督管理所副所长（ABC）“全省”、第1名；"
OUTSIDE = "喆"  # in the full Noto face, not in GB 2312


def html(body: str) -> str:
    return (f'<html lang="zh-CN"><head><link rel="stylesheet" href="style.css"></head><body>'
            f"<h1>全省为民服务创先争优典型事迹材料</h1>{body}</body></html>")


@pytest.fixture(scope="module")
def faces():
    built = commonfonts.ensure()
    if not built:
        pytest.skip("Noto Serif CJK SC 未安装")
    return tuple(built)


def fonts_of(pdf: Path) -> list[str]:
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
    return [line.split()[0].split("+", 1)[1] for line in lines[2:]]


def words(pdf: Path) -> str:
    """Every word with its box, as poppler reads it back: any change of shaping moves a box."""
    return subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_body_and_titles_print_from_the_common_faces(faces, tmp_path):
    from xianjin.render.pdf import to_pdf

    to_pdf(html(f"<p>{LINE * 3}</p>"), str(tmp_path / "a.pdf"), "测试", faces)
    assert sorted(fonts_of(tmp_path / "a.pdf")) == ["Noto-Serif-CJK-SC-Common", "Noto-Serif-CJK-SC-Common-Bold"]


def test_the_common_faces_shape_and_break_lines_like_the_full_face(faces, tmp_path):
    from xianjin.render.pdf import to_pdf

    body = "".join(f"<p>{LINE * n}</p>" for n in range(1, 8))
    to_pdf(html(body), str(tmp_path / "common.pdf"), "测试", faces)
    to_pdf(html(body), str(tmp_path / "full.pdf"), "测试", ())
    assert "Noto-Serif-CJK-SC" in fonts_of(tmp_path / "full.pdf")
    assert words(tmp_path / "common.pdf") == words(tmp_path / "full.pdf")
    # And the common ones are the cheaper to embed.
    assert (tmp_path / "common.pdf").stat().st_size * 2 < (tmp_path / "full.pdf").stat().st_size


def test_a_character_outside_gb2312_falls_through_to_the_full_face(faces, tmp_path):
    from xianjin.render.pdf import to_pdf

    to_pdf(html(f"<p>张{OUTSIDE}同志{LINE}</p>"), str(tmp_path / "a.pdf"), "测试", faces)
    assert "Noto-Serif-CJK-SC" in fonts_of(tmp_path / "a.pdf")
    assert "Noto-Serif-CJK-SC-Common" in fonts_of(tmp_path / "a.pdf")
    text = subprocess.run(["pdftotext", str(tmp_path / "a.pdf"), "-"], capture_output=True, text=True).stdout
    assert f"张{OUTSIDE}同志" in text


def test_the_faces_hold_gb2312_and_little_else(faces):
    from fontTools.ttLib import TTFont

    regular = next(f for f in faces if f.weight == 400)
    font = TTFont(regular.path, lazy=True)
    cmap = set(font.getBestCmap())
    assert ord("吉") in cmap and ord("—") in cmap and ord("，") in cmap
    assert ord(OUTSIDE) not in cmap
    assert len(font.getGlyphOrder()) < 9000  # the collection face has 65,535


def test_fonts_are_built_only_when_missing(faces, monkeypatch):
    told = []
    monkeypatch.setattr(commonfonts, "build", lambda *a: pytest.fail("rebuilt an existing face"))
    assert commonfonts.ensure(told.append) == list(faces)
    assert told == []


def test_an_unwritable_cache_folder_is_a_clear_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("XIANJIN_CACHE_DIR", str(blocker))
    told = []
    with pytest.raises(RenderError, match=r"无法创建字体缓存文件夹 .*XIANJIN_CACHE_DIR") as error:
        commonfonts.ensure(told.append)
    assert "Errno" not in str(error.value)
    assert told and "生成常用字字体" in told[0]


def test_the_cache_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("XIANJIN_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert commonfonts.cache_dir() == tmp_path / "xianjin" / "fonts"
    monkeypatch.setenv("XIANJIN_CACHE_DIR", str(tmp_path / "x"))
    assert commonfonts.cache_dir() == tmp_path / "x" / "fonts"


def test_the_fetcher_reads_the_named_font_and_nothing_beside_it(tmp_path):
    from xianjin.render.fetcher import AssetFetcher

    font, other = tmp_path / "a.otf", tmp_path / "b.otf"
    font.write_bytes(b"OTTO")
    other.write_bytes(b"OTTO")
    fetcher = AssetFetcher(templates_dir(), also=[font])
    assert fetcher.fetch(font.as_uri()).read() == b"OTTO"
    with pytest.raises(ValueError, match="拒绝读取"):
        fetcher.fetch(other.as_uri())


@pytest.mark.slow
def test_rendering_leaves_no_temporary_font_files(faces, tmp_path):
    import os
    import sys

    # WeasyPrint copies @font-face files into temporary folders that only its __del__ removes.
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch)}
    example = Path(__file__).resolve().parents[1] / "examples" / "09-衡水.yaml"
    for jobs in ("1", "2"):
        done = subprocess.run([sys.executable, "-m", "xianjin", "render", str(example), "--out",
                               str(tmp_path / jobs), "--jobs", jobs], capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stdout + done.stderr
        assert done.stderr == ""  # no "Exception ignored in FontConfiguration.__del__" at exit
    assert list(scratch.iterdir()) == []


def test_a_face_removed_after_it_was_built_is_a_clear_error(faces, tmp_path):
    import shutil

    from xianjin.render.pdf import to_pdf

    moved = tuple(commonfonts.CommonFace(f.weight, f.source, f.index, tmp_path / f.path.name) for f in faces)
    for old, new in zip(faces, moved):
        shutil.copy(old.path, new.path)
    moved[0].path.unlink()
    with pytest.raises(RenderError, match="常用字字体 .* 不见了"):
        to_pdf(html("<p>正文</p>"), str(tmp_path / "a.pdf"), "测试", moved)
    assert not (tmp_path / "a.pdf").exists()


def test_a_relative_cache_folder_is_made_absolute(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XIANJIN_CACHE_DIR", "cache")
    assert commonfonts.cache_dir() == tmp_path / "cache" / "fonts"
    assert all(f.css().count("file:///") == 1 for f in commonfonts.planned())
