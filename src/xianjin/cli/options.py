"""What the commands share, declared once: the command settings, the paths argument, the
--campaign and -o options (never empty), and how a report reaches the screen or a file
(never onto an input or a submission). Every user text a command echoes goes through
xianjin.text.visible.

Importing this module first makes click speak Chinese (clickzh) before any option exists.
"""

from __future__ import annotations

import io
import os
import sys

import click

from xianjin.cli.clickzh import CONTEXT_SETTINGS
from xianjin.files import os_error_text, write_atomic
from xianjin.text import visible

CAMPAIGN_HELP = "使用另一份活动文件（名额、截止日期、词表），默认是 2012 年河北省的。"


def command(name: str | None = None):
    """A command with the shared settings: -h, the width of the help, “[选项]” in the usage line."""
    return click.command(name, context_settings=CONTEXT_SETTINGS, options_metavar="[选项]")


def not_blank(ctx, param, value):
    """An option callback: an empty value is a usage error, not the current folder.

    `--out "$DIR"` with DIR unset reaches us as `--out ''`, which pathlib reads as ".".
    """
    if value is not None and not str(value).strip():
        raise click.BadParameter("不能是空的（是不是引用了一个没有设置的变量？）")
    return value


def _paths(ctx, param, value) -> list[str]:
    return list(value) or ["."]


# Files or folders; the current folder when none is given.
paths_argument = click.argument("paths", nargs=-1, metavar="[路径]...", callback=_paths)


_CAMPAIGN_FILE = "xianjin.campaign_file"


def _campaign(ctx: click.Context, param, path: str | None):
    from xianjin.reporters.text import format_problem
    from xianjin.validate import CampaignError, load_campaign

    not_blank(ctx, param, path)
    ctx.meta[_CAMPAIGN_FILE] = path  # a file the run reads: -o must not replace it
    try:
        return load_campaign(path)
    except CampaignError as exc:
        click.echo(f"活动文件 {visible(path)} 有误，无法使用：", err=True)
        for p in exc.problems:
            click.echo(format_problem(p), err=True)
        ctx.exit(2)


def campaign_option(help: str = CAMPAIGN_HELP):
    """--campaign FILE, handed to the command as the loaded Campaign (`campaign`)."""
    return click.option("--campaign", "campaign", type=click.Path(dir_okay=False), default=None,
                        callback=_campaign, help=help)


def decisions_option(help: str = "省委创先办的决定文件（考察结果、表彰的品牌、递补）；路径中找到的决定文件也会用上。"):
    """--decisions FILE: the provincial office's decisions file, checked with the submissions."""
    return click.option("--decisions", type=click.Path(dir_okay=False), default=None, metavar="决定文件",
                        callback=not_blank, help=help)


def output_option(help: str, *, writable: bool = False, required: bool = False, metavar: str | None = None):
    """-o/--output FILE: write there instead of the screen; `-o -` is the screen."""
    return click.option("-o", "--output", type=click.Path(dir_okay=False, writable=writable, allow_dash=True),
                        default=None, required=required, metavar=metavar, callback=not_blank, help=help)


def default_format() -> str:
    """GitHub Actions shows workflow commands as annotations on the changed lines."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def use_color(stream) -> bool:
    return not os.environ.get("NO_COLOR") and hasattr(stream, "isatty") and stream.isatty()


def fail(message: str, code: int = 2):
    """Tell the user on stderr and stop with `code` (2: a path, a file or the usage)."""
    click.echo(message, err=True)
    sys.exit(code)


def write_or_exit(target: str, data: str | bytes) -> None:
    try:
        write_atomic(target, data)
    except OSError as exc:
        fail(f"错误：无法写入 {visible(target)}（{os_error_text(exc)}）。")


def refuse_overwriting(target: str, report) -> None:
    """A report never replaces one of the inputs, nor any submission (exit 2, nothing written)."""
    from xianjin.targets import refusal

    reason = refusal(target, report, [click.get_current_context().meta.get(_CAMPAIGN_FILE)])
    if reason:
        fail(f"错误：不能把结果写入 {visible(target)}：{reason}，写入会毁掉它；请换一个文件名，"
             "例如 检查结果.txt。什么也没有写。")


def write_report(report, fmt: str, output: str | None = None, *, strict: bool = False) -> None:
    """The report in `fmt`, on the screen (in colour on a terminal) or into `output`."""
    from xianjin import reporters

    if output and output != "-":
        refuse_overwriting(output, report)
        buffer = io.StringIO()
        reporters.write(fmt, report, buffer, strict=strict)
        write_or_exit(output, buffer.getvalue())
    else:
        reporters.write(fmt, report, sys.stdout, color=use_color(sys.stdout) and fmt == "text", strict=strict)
