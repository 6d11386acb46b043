"""`xianjin doctor`: is this machine ready to render? Each check says, in Chinese, what to install."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from xianjin.files import os_error_text
from xianjin.render import commonfonts, fonts
from xianjin.render.errors import RenderError
from xianjin.render.libraries import check_environment

INSTALL = "sudo apt-get install -y"


@dataclass
class Check:
    ok: bool
    what: str
    detail: str
    fix: str = ""


def _pango() -> Check:
    try:
        from weasyprint.text.ffi import pango

        from weasyprint import __version__ as weasyprint_version

        number = pango.pango_version()  # 1.50.12 → 15012
    except (ImportError, OSError, AttributeError) as exc:
        return Check(False, "Pango", f"WeasyPrint 无法加载 Pango（{type(exc).__name__}）",
                     f"{INSTALL} libpango-1.0-0 libpangoft2-1.0-0")
    major, minor, micro = number // 10000, number // 100 % 100, number % 100
    version = f"{major}.{minor}.{micro}"
    ok = (major, minor) >= (1, 44)
    return Check(ok, "Pango", f"Pango {version}，WeasyPrint {weasyprint_version}（需要 Pango ≥ 1.44）",
                 "" if ok else "请升级系统（Debian 12 / Ubuntu 22.04 以上自带合适的 Pango）")


def _harfbuzz() -> Check:
    try:
        check_environment()
    except RenderError as exc:
        return Check(False, "HarfBuzz 字体子集", str(exc), f"{INSTALL} libharfbuzz-subset0")
    return Check(True, "HarfBuzz 字体子集", "libharfbuzz-subset 可用（嵌入字体子集快十倍以上）")


_ROLES = (("仿宋", "正文（仿宋）"), ("FangSong", "正文（仿宋）"), ("小标宋", "标题（小标宋）"),
          ("XiaoBiaoSong", "标题（小标宋）"), ("宋体", "表格（宋体）"), ("SimSun", "表格（宋体）"))


# What set-up installs when the official faces are missing; any other face is an official one.
_STAND_INS = ("Noto Serif CJK SC", "Noto Sans CJK SC", "BabelStone Han")


def _role(stack: tuple[str, ...]) -> str:
    for needle, role in _ROLES:
        if any(needle in name for name in stack):
            return role
    return "、".join(stack[:2])


def _fonts() -> list[Check]:
    try:
        stacks = fonts.stacks()
        checks = []
        for stack in stacks:
            faces = fonts.resolve(stack)
            if not faces:
                checks.append(Check(False, _role(stack), "字体列表中没有一种已安装：" + "、".join(stack),
                                    f"{INSTALL} fonts-noto-cjk fonts-babelstone-han"))
                continue
            main, *fallback = faces
            detail = f"使用 {main.family}（{main.file}）" + (
                f"；未安装公文字体，以 {main.family} 代替" if main.family in _STAND_INS else "")
            if fallback:
                detail += "；生僻字依次用 " + "、".join(f.family for f in fallback)
            checks.append(Check(True, _role(stack), detail))
        rare = fonts.resolve(("BabelStone Han",))
        checks.append(Check(bool(rare), "生僻字（扩展 B–G 区）",
                            "BabelStone Han 已安装，可印 𠮷、𪛖 等" if rare else "未安装 BabelStone Han，"
                            "姓名中的生僻字会被拒绝", "" if rare else f"{INSTALL} fonts-babelstone-han"))
        return checks
    except RenderError as exc:
        return [Check(False, "中文字体", str(exc), f"{INSTALL} fontconfig fonts-noto-cjk fonts-babelstone-han")]


def _common_fonts() -> Check:
    try:
        faces = commonfonts.planned()
    except RenderError as exc:
        return Check(False, "常用字字体", str(exc))
    if not faces:
        return Check(True, "常用字字体", f"未安装 {commonfonts.SOURCE_FAMILY}，不需要")
    if all(f.path.is_file() for f in faces):
        return Check(True, "常用字字体", f"已生成（{commonfonts.cache_dir()}）：嵌入 PDF 快而小")
    where = _writable(str(commonfonts.cache_dir()), "常用字字体",
                      "用环境变量 XIANJIN_CACHE_DIR 指定一个可写的文件夹")
    if not where.ok:
        return where
    return Check(True, "常用字字体", f"尚未生成：首次排版时自动生成（约 10–30 秒，只做一次），存放在 {commonfonts.cache_dir()}")


def _writable(folder: str, what: str = "输出文件夹", fix: str = "换一个有写权限的文件夹，用 --out 指定") -> Check:
    path = Path(folder)
    probe_dir = path if path.exists() else next((p for p in path.parents if p.exists()), Path("."))
    try:
        with tempfile.NamedTemporaryFile(dir=probe_dir, prefix=".xianjin-doctor-"):
            pass
    except OSError as exc:
        return Check(False, what, f"无法在 {probe_dir} 中写文件（{os_error_text(exc)}）", fix)
    return Check(True, what, f"可以写入 {os.path.abspath(probe_dir)}")


def run_checks(out: str) -> list[Check]:
    return [_pango(), _harfbuzz(), *_fonts(), _common_fonts(), _writable(out)]
