"""The command line: each command a few lines over the library."""

from __future__ import annotations

import io
import os
import sys

import click

from xianjin import __version__
from xianjin.clickzh import CONTEXT, not_blank  # importing clickzh makes click speak Chinese
from xianjin.text import visible, visible_path

FORMATS = ("text", "json", "github", "junit")


def _campaign(path: str | None):
    from xianjin.campaign import CampaignError, load_campaign
    from xianjin.reporters.text import format_problem

    try:
        return load_campaign(path)
    except CampaignError as exc:
        click.echo(f"活动文件 {visible(path)} 有误，无法使用：", err=True)
        for p in exc.problems:
            click.echo(format_problem(p), err=True)
        sys.exit(2)


def default_format() -> str:
    """GitHub Actions shows workflow commands as annotations on the changed lines."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _use_color(stream) -> bool:
    return not os.environ.get("NO_COLOR") and hasattr(stream, "isatty") and stream.isatty()


@click.group(context_settings=CONTEXT, options_metavar="[选项]", subcommand_metavar="命令 [参数]...")
@click.version_option(__version__, "-V", "--version", prog_name="xianjin")
def cli() -> None:
    """xianjin：为民服务创先争优推荐材料（冀创组〔2012〕18号）的校验与排版。

    \b
    每个推荐单位填写一个 YAML 文件：
      xianjin init 衡水                  生成待填写的文件
      xianjin validate 衡水.yaml         逐栏检查，并对照名额表核数
      xianjin render 衡水.yaml --out pdf 排出审批表、排序表、事迹材料和报告的 PDF
      xianjin summary 文件夹             全省汇总（省委创先办用）
      xianjin rules XJ203                查看某条规则的说明
    """


@cli.command(context_settings=CONTEXT, options_metavar="[选项]")
@click.argument("paths", nargs=-1, metavar="[路径]...")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="输出格式：text（默认）、json、github（GitHub Actions 注释；在 Actions 中自动使用）、junit。")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None, callback=not_blank,
              help="把结果写入文件，而不是显示在屏幕上。")
@click.option("--strict", is_flag=True, help="有警告也算不通过（退出码 1）。")
@click.option("--require-all", is_flag=True, help="有推荐单位尚未报送时算错误（XJ404）。")
@click.option("--campaign", "campaign_file", type=click.Path(dir_okay=False), default=None, callback=not_blank,
              help="使用另一份活动文件（名额、截止日期、词表），默认是 2012 年河北省的。")
def validate(paths, fmt, output, strict, require_all, campaign_file) -> None:
    """检查推荐文件：逐栏检查填写，并对照名额表检查数量。

    路径可以是文件或文件夹（默认当前文件夹，含子文件夹）；不含“推荐单位”等栏目的 YAML 文件会跳过。

    \b
    退出码：0 没有错误；1 有错误（或 --strict 时有警告）；2 路径或文件无法读取。

    \b
    例：
      xianjin validate examples/
      xianjin validate 01-石家庄.yaml --strict
      xianjin validate . --require-all --format junit -o report.xml
    """
    from xianjin import reporters
    from xianjin.validate import validate_paths

    report = validate_paths(list(paths) or ["."], _campaign(campaign_file), require_all=require_all)
    fmt = fmt or default_format()
    if output:
        _refuse_overwriting(output, report, campaign_file)
        buffer = io.StringIO()
        reporters.write(fmt, report, buffer, strict=strict)
        _write_or_exit(output, buffer.getvalue())
    else:
        out = sys.stdout
        reporters.write(fmt, report, out, color=_use_color(out), strict=strict)
    sys.exit(exit_code(report, strict))


def _write_or_exit(target: str, text: str) -> None:
    from xianjin.files import os_error_text, write_atomic

    try:
        write_atomic(target, text)
    except OSError as exc:
        click.echo(f"错误：无法写入 {visible(target)}（{os_error_text(exc)}）。", err=True)
        sys.exit(2)


def _refuse_overwriting(target: str, report, campaign_file: str | None) -> None:
    """A report never replaces one of the inputs, nor any submission (exit 2, nothing written)."""
    from xianjin.targets import refusal

    reason = refusal(target, report, [campaign_file])
    if reason:
        click.echo(f"错误：不能把结果写入 {visible(target)}：{reason}，写入会毁掉它；请换一个文件名，"
                   "例如 检查结果.txt。什么也没有写。", err=True)
        sys.exit(2)


def exit_code(report, strict: bool) -> int:
    if report.unreadable:
        return 2
    if report.errors or (strict and report.warnings):
        return 1
    return 0


@cli.command(context_settings=CONTEXT, options_metavar="[选项]")
@click.argument("code", required=False, metavar="[规则代码]")
def rules(code) -> None:
    """列出全部检查规则；给出规则代码时显示它的详细说明。

    \b
    例：
      xianjin rules
      xianjin rules XJ301
    """
    from xianjin.problems import all_rules

    known = {r.code: r for r in all_rules()}
    if code:
        rule = known.get(code.upper())
        if rule is None:
            click.echo(f"错误：没有规则 {visible(code)}；用 xianjin rules 查看全部规则。", err=True)
            sys.exit(2)
        level = "错误" if rule.level == "error" else "警告"
        click.echo(f"{rule.code}（{level}）{rule.title}\n\n{rule.explanation}")
        return
    for rule in known.values():
        click.echo(f"{rule.code}  {rule.level:<7}  {rule.title}")


@cli.command(context_settings=CONTEXT, options_metavar="[选项]")
@click.argument("unit", metavar="推荐单位")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, callback=not_blank,
              help="写入的文件名，默认“推荐单位.yaml”。")
@click.option("--force", is_flag=True, help="文件已存在时覆盖。")
@click.option("--schema", "schema_ref", default="schemas/submission.schema.json", show_default=True,
              help="编辑器用的 JSON Schema（相对当前文件夹的路径或网址），写在文件第一行。")
@click.option("--campaign", "campaign_file", type=click.Path(dir_okay=False), default=None, callback=not_blank,
              help="使用另一份活动文件。")
def init(unit, output, force, schema_ref, campaign_file) -> None:
    """为一个推荐单位生成待填写的推荐文件：名额、递补对象和品牌的空位都已排好。

    \b
    例：
      xianjin init 衡水
      xianjin init 省直机关 -o 12-省直机关.yaml
    """
    from xianjin.starter import relative_ref, starter_text

    campaign = _campaign(campaign_file)
    quota = campaign.units.get("".join(unit.split()))
    if quota is None:
        names = "、".join(campaign.units)
        raise click.UsageError(f"“{visible(unit)}”不是推荐单位，应为 {names} 之一")
    target = output or f"{quota.名称}.yaml"
    if os.path.exists(target) and not force:
        click.echo(f"错误：{visible(target)} 已经存在，没有改动它；确需覆盖请加 --force。", err=True)
        sys.exit(2)
    _write_or_exit(target, starter_text(quota, campaign, relative_ref(schema_ref, target)))
    click.echo(f"已生成 {visible(target)}：请逐项填写，然后运行 xianjin validate {visible(target)}")


@cli.command(context_settings=CONTEXT, options_metavar="[选项]")
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False), default="schemas", show_default=True,
              callback=not_blank, help="写入的文件夹。")
@click.option("--campaign", "campaign_file", type=click.Path(dir_okay=False), default=None, callback=not_blank,
              help="使用另一份活动文件（其中的民族、学历等词表会写进 Schema）。")
def schema(out_dir, campaign_file) -> None:
    """生成编辑器用的 JSON Schema（submission.schema.json），供 VS Code 等自动补全和标出错误。

    \b
    例：
      xianjin schema
      xianjin schema -o 共享仓库/schemas
    """
    from xianjin.schema import SCHEMA_NAME, schema_text

    text = schema_text(_campaign(campaign_file))
    target = os.path.join(out_dir, SCHEMA_NAME)
    from xianjin.files import os_error_text

    try:
        os.makedirs(out_dir, exist_ok=True)
    except OSError as exc:
        click.echo(f"错误：无法创建文件夹 {visible(out_dir)}（{os_error_text(exc)}）。", err=True)
        sys.exit(2)
    _write_or_exit(target, text)
    click.echo(f"已写入 {visible(target)}")


@cli.command(context_settings=CONTEXT, options_metavar="[选项]")
@click.argument("paths", nargs=-1, metavar="[路径]...")
@click.option("--format", "fmt", type=click.Choice(("text", "markdown", "csv", "json")), default="text",
              show_default=True, help="输出格式；csv 可直接用 Excel 打开。")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, callback=not_blank, help="写入文件。")
@click.option("--campaign", "campaign_file", type=click.Path(dir_okay=False), default=None, callback=not_blank,
              help="使用另一份活动文件。")
def summary(paths, fmt, output, campaign_file) -> None:
    """全省汇总：每个推荐单位一行（含尚未报送的），名额、推荐数、递补数、品牌数、错误和警告，以及全省合计。

    \b
    例：
      xianjin summary examples/
      xianjin summary . --format csv -o 汇总.csv
    """
    from xianjin.summary import FORMATS
    from xianjin.validate import validate_paths

    report = validate_paths(list(paths) or ["."], _campaign(campaign_file))
    for p in report.unreadable:
        click.echo(f"{visible_path(p.path)}: {visible(p.message)}", err=True)
    text = FORMATS[fmt](report)
    if output:
        _refuse_overwriting(output, report, campaign_file)
        _write_or_exit(output, text)
    else:
        click.echo(text, nl=False)
    sys.exit(2 if report.unreadable else 0)


@cli.command(context_settings=CONTEXT, options_metavar="[选项]")
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


# render lives with the rest of the rendering code; its module imports nothing heavy.
from xianjin.render.command import render_command  # noqa: E402

cli.add_command(render_command)


def main() -> None:
    from xianjin.files import os_error_text
    from xianjin.runtime import Interrupted, Streams, install_signal_handlers

    streams = Streams()
    install_signal_handlers()
    try:
        cli(prog_name="xianjin")
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except Interrupted as exc:
        click.echo(f"\nxianjin 已中断（{exc.reason}）：没有写完的文件都已删除，原有的文件没有改动。", err=True)
        code = exc.exit_code
    except Exception:  # a bug of ours: still no traceback for the clerk, but one for us on request
        if os.environ.get("XIANJIN_DEBUG"):
            raise
        click.echo("错误：xianjin 内部出错（这是程序的问题，不是您文件的问题）。请把命令和文件发给维护人员；"
                   "设置环境变量 XIANJIN_DEBUG=1 可显示详细信息。", err=True)
        code = 3
    failed = streams.output_error()
    if failed is not None and code < 128:
        click.echo(f"错误：结果没有全部写出：{os_error_text(failed)}。", err=True)
        code = 2
    sys.exit(code)
