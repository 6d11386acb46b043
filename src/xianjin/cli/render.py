"""Printing: `xianjin render` over render.run.render_report, and `xianjin doctor` over render.doctor."""

from __future__ import annotations

import contextlib
import os
import sys

import click

from xianjin.cli.completion import complete_unit
from xianjin.cli.options import (campaign_option, command, decisions_option, default_format, fail, not_blank,
                                 paths_argument, write_report)
from xianjin.files import os_error_text
from xianjin.render.errors import RenderError, RenderProblems
from xianjin.text import visible


@command("render")
@paths_argument
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), metavar="文件夹", callback=not_blank,
              help="输出文件夹；每个推荐单位写入其中的“推荐单位名”子文件夹。")
@click.option("--unit", default=None, metavar="推荐单位", shell_complete=complete_unit,
              help="只排版这个推荐单位，如 石家庄、省直机关。")
@click.option("--format", "fmt", type=click.Choice(["pdf", "html", "docx"]), default="pdf",
              help="pdf（默认）；html 用于在浏览器中快速查看；docx 是 Word 文件（Word、WPS 可以打开修改）。")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="并行进程数，默认等于 CPU 核数。")
@click.option("--force", is_flag=True, help="忽略缓存，全部重新排版。")
@click.option("--duplex/--no-duplex", default=True,
              help="双面打印（默认）：每张审批表、每篇事迹材料和每份文件都从奇数页（纸的正面）开始，"
                   "需要时留一页空白的背面，各人的材料可以分开装订；--no-duplex 用于单面打印，不留空白页。")
@campaign_option()
@decisions_option("省委创先办的决定文件：据此填写每张审批表的省委审批意见，并生成表彰决定、荣誉证书和考察情况汇总；"
                  "路径中找到的决定文件也会用上。")
def render_command(paths, out, unit, fmt, jobs, force, duplex, campaign, decisions) -> None:
    """排版打印：先校验，无错误时按通知附件的格式生成各推荐单位的全部材料。

    每个推荐单位生成：推荐情况的报告（填写了“推荐情况报告”时）、三种推荐和审批表、
    三种排序表、三种典型事迹材料；排版多个推荐单位时另生成“全省汇总表”。
    有决定文件时，审批表的省委审批意见栏按决定填写（取消资格的照样印出并标明），
    另生成“表彰决定”（含名单）、“荣誉证书”（每个表彰对象一页）和“考察情况汇总”。
    有错误时照 xianjin validate 的格式列出错误，什么也不写。

    \b
    退出码：0 成功；1 推荐文件有错误；2 路径、输出或排版环境有问题。

    \b
    例：
      xianjin render examples/ --out 打印/
      xianjin render examples/ --out 打印/ --unit 石家庄
      xianjin render examples/ --out 打印/ --no-duplex
      xianjin render 01-石家庄.yaml --out 预览/ --format html
      xianjin render 衡水.xlsx --out word/ --format docx
      xianjin render 仓库/ --decisions 决定.yaml --out 打印/
    """
    from xianjin.render.run import render_report
    from xianjin.validate import validate_paths

    report = validate_paths(paths, campaign, decisions=decisions)
    known = [u.unit for u in report.units if u.unit]
    if unit is not None:
        # The chosen unit's files and those naming no known unit (推荐单位: 石家庄市 may be the one
        # meant): only their problems, and province-wide ones, block its documents.
        report.units = [u for u in report.units if u.unit in (unit, None)]
    if report.unreadable or report.errors:
        write_report(report, default_format())  # exactly what `xianjin validate` prints
        fail("有错误，未生成任何文件。" if report.errors else "有路径无法读取，未生成任何文件。", report.exit_code())
    if unit is not None and not report.units:
        fail(f"错误：没有推荐单位“{visible(unit)}”的推荐文件；可选的推荐单位：{'、'.join(known) or '（无）'}")
    try:
        with _progress_bar() as progress:
            result = render_report(report, out, fmt=fmt, jobs=jobs, force=force, duplex=duplex, progress=progress,
                                   notify=lambda message: click.echo(message, err=True),
                                   decision_documents=unit is None)
    except RenderProblems as exc:
        # Found in the files while rendering (a character no font has): told as validate tells problems.
        for p in exc.problems:
            next(f for f in report.files if f.path == p.path).problems.append(p)
        write_report(report, default_format())
        fail("有字无法排版，未生成任何文件。")
    except RenderError as exc:
        fail(f"错误：{visible(exc)}")
    except OSError as exc:
        fail(f"错误：写入 {visible(out)} 失败：{os_error_text(exc)}")
    _tell(result, report, unit, fmt, out)


def _tell(result, report, unit: str | None, fmt: str, out: str) -> None:
    if report.warnings:
        files = "推荐文件或决定文件" if report.decisions else "推荐文件"
        click.echo(f"提示：{files}有 {report.warnings} 个警告，用 xianjin validate 查看。", err=True)
    if result.stale_summary is not None:
        click.echo(f"提示：{visible(result.stale_summary)} 是以前排版的，本次只排版了一个推荐单位，没有更新它；"
                   "排版全部推荐单位时会更新。", err=True)
    if report.decisions and unit is None and fmt == "docx":
        click.echo("提示：表彰决定、荣誉证书和考察情况汇总只排 PDF 和 HTML，没有 Word 版；审批表已按决定文件填写。",
                   err=True)
    if report.decisions and unit is not None:
        click.echo("提示：只排版一个推荐单位时，审批表按决定文件填写，但不生成表彰决定、荣誉证书和考察情况汇总；"
                   "排版全部推荐单位时生成。", err=True)
    parts = []
    if result.written:
        parts.append(f"已排版 {len(result.written)} 个推荐单位（{'、'.join(result.written)}）")
    if result.awards:
        parts.append(f"{'以及' if parts else '已排版'}{'、'.join(result.awards)}")
    if parts:
        parts = ["".join(parts) + (f"，共 {result.pages} 页" if fmt == "pdf" else "")]
    if result.cached:
        parts.append(f"{len(result.cached)} 个推荐单位未改动，沿用上次的结果（--force 重新排版）")
    if result.awards_cached:
        parts.append("表彰决定、荣誉证书和考察情况汇总未改动，沿用上次的结果")
    click.echo("；".join(parts) + f"。输出在 {visible(out)}")


@contextlib.contextmanager
def _progress_bar():
    """render's progress callback, drawn as click's bar on a terminal (not in CI logs); else None."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        yield None
        return
    with contextlib.ExitStack() as stack:
        bar = None

        def progress(done: int, total: int) -> None:
            nonlocal bar
            if bar is None:
                bar = stack.enter_context(click.progressbar(length=total, label="排版", file=sys.stderr,
                                                            show_pos=True, width=30))
            bar.update(done - bar.pos)

        yield progress


@command()
@click.option("--out", default=".", show_default=True, callback=not_blank, help="准备写 PDF 的文件夹（检查写权限）。")
def doctor(out) -> None:
    """检查排版环境：Pango、HarfBuzz 字体子集、各用途的中文字体、写权限；缺什么就说装什么。

    \b
    例：
      xianjin doctor
      xianjin doctor --out 打印/
    """
    from xianjin.render.doctor import run_checks

    checks = run_checks(out)
    for c in checks:
        click.echo(f"{'✓' if c.ok else '✗'} {c.what}：{visible(c.detail)}")
        if c.fix:
            click.echo(f"    解决办法：{c.fix}")
    failed = sum(not c.ok for c in checks)
    click.echo("排版环境正常。" if not failed else f"有 {failed} 项不满足，xianjin render 无法正常工作。")
    sys.exit(1 if failed else 0)
