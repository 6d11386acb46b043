"""xianjin doctor: tells, in Chinese, whether rendering will work and what to install."""

from __future__ import annotations

from click.testing import CliRunner

from xianjin.cli import cli
from xianjin.render import doctor, fonts


def test_doctor_passes_on_a_set_up_machine(tmp_path):
    result = CliRunner().invoke(cli, ["doctor", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "✓ Pango：Pango 1." in result.output
    assert "✓ HarfBuzz 字体子集" in result.output
    for role in ("正文（仿宋）", "标题（小标宋）", "一级标题（黑体）", "二级标题和副题（楷体）", "页码（宋体）"):
        assert f"✓ {role}：使用 " in result.output
    assert "BabelStone Han 已安装" in result.output
    assert "✓ 常用字字体：" in result.output
    assert result.output.rstrip().endswith("排版环境正常。")


def test_doctor_names_a_free_face_for_each_official_one_that_is_missing(monkeypatch):
    # This machine has only the Noto stand-ins (scripts/setup.sh installs no official face).
    monkeypatch.setattr(fonts, "stacks", lambda: [("FangSong", "仿宋", "FandolFang", "Noto Serif CJK SC", "BabelStone Han"),
                                                  ("SimHei", "黑体", "FandolHei", "Noto Sans CJK SC", "BabelStone Han")])
    checks = doctor._fonts()
    assert "以 Noto Serif CJK SC 代替（可安装免费的 FandolFang" in checks[0].detail
    assert "以 Noto Sans CJK SC 代替（可安装免费的 FandolHei" in checks[1].detail


def test_doctor_tells_whether_the_common_faces_are_built(monkeypatch, tmp_path):
    monkeypatch.setenv("XIANJIN_CACHE_DIR", str(tmp_path))
    check = doctor._common_fonts()
    assert check.ok and "尚未生成：首次排版时自动生成" in check.detail
    monkeypatch.setenv("XIANJIN_CACHE_DIR", "/proc/no/such/folder")
    check = doctor._common_fonts()
    assert not check.ok and "无法在 /proc 中写文件" in check.detail and "XIANJIN_CACHE_DIR" in check.fix


def test_doctor_says_what_to_install_when_fonts_are_missing(monkeypatch, tmp_path):
    monkeypatch.setattr(fonts, "installed", lambda: {})
    result = CliRunner().invoke(cli, ["doctor", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "✗ 正文（仿宋）：字体列表中没有一种已安装" in result.output
    assert "解决办法：sudo apt-get install -y fonts-noto-cjk fonts-babelstone-han" in result.output
    assert "未安装 BabelStone Han" in result.output


def test_doctor_reports_an_unwritable_folder_in_chinese():
    check = doctor._writable("/proc/no/such/folder")
    assert not check.ok and "无法在 /proc 中写文件（" in check.detail
    assert all(word not in check.detail for word in ("No such", "denied", "Errno"))
