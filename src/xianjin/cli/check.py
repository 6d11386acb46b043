"""Checking: `xianjin validate`, `xianjin summary`, `xianjin rules`."""

from __future__ import annotations

import os
import sys

import click

from xianjin.cli.completion import complete_rule
from xianjin.cli.options import (campaign_option, command, decisions_option, default_format, fail,
                                 output_option, paths_argument, refuse_overwriting, write_or_exit,
                                 write_report)
from xianjin.text import visible, visible_path

# The names of xianjin.reporters.REPORTERS and xianjin.summary.FORMATTERS (and the workbook,
# xianjin.xlsx.summary_workbook), spelt out so that `--help` need not import them
# (tests/test_cli_validate.py keeps them equal).
REPORT_FORMATS = ("text", "json", "github", "junit", "sarif", "gitlab")
SUMMARY_FORMATS = ("text", "markdown", "csv", "json", "xlsx")


@command()
@paths_argument
@click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS), default=None,
              help="输出格式：text（默认）、json、github（GitHub Actions 注释，并写作业摘要；在 Actions 中"
                   "输出到屏幕时自动使用）、junit（GitLab 的“测试”页）、sarif（GitHub 代码扫描）、"
                   "gitlab（GitLab 代码质量报告）。")
@output_option("把结果写入文件，而不是显示在屏幕上；“-”表示屏幕（标准输出）。", writable=True)
@click.option("--strict", is_flag=True, help="有警告也算不通过（退出码 1）。")
@click.option("--require-all", is_flag=True, help="有推荐单位尚未报送时算错误（XJ404）。")
@click.option("--files-only", is_flag=True,
              help="逐个文件单独检查（pre-commit 的逐个文件钩子用）：不是推荐文件的 YAML 和 .xianjinignore "
                   "列出的文件跳过，不做跨文件检查，不显示全省合计。")
@campaign_option()
@decisions_option()
def validate(paths, fmt, output, strict, require_all, files_only, campaign, decisions) -> None:
    """检查推荐文件：逐栏检查填写，并对照名额表检查数量。

    \b
    路径可以是文件或文件夹（默认当前文件夹，含子文件夹），文件可以是 YAML 或 Excel 工作簿（.xlsx）；
    不含“推荐单位”等栏目的 YAML 文件和没有推荐工作表的工作簿会跳过。
    文件夹在 git 仓库中时，只检查 git 跟踪的和已暂存（git add）的文件，未纳入 git 的草稿不检查，
    并在最后说明。路径“-”表示从标准输入读一个推荐文件（提示中称为 <stdin>）。
    顶层有“决定”的 YAML 文件是省委创先办的决定文件，与推荐文件一起检查（XJ5xx）。

    \b
    退出码：0 没有错误；1 有错误（或 --strict 时有警告）；2 路径或文件无法读取。

    \b
    例：
      xianjin validate examples/
      xianjin validate 01-石家庄.yaml --strict
      xianjin validate . --require-all --format junit -o report.xml
      xianjin validate . --format sarif -o xianjin.sarif
      cat 09-衡水.yaml | xianjin validate -
      xianjin validate 仓库/ --decisions 决定.yaml
    """
    from xianjin.discover import STDIN
    from xianjin.validate import validate_paths

    stdin = _read_stdin() if STDIN in paths else None
    report = validate_paths(paths, campaign, require_all=require_all, files_only=files_only, stdin=stdin,
                            decisions=decisions)
    to_screen = output in (None, "-")
    # The automatic github format is for the log GitHub reads; a file asked for gets plain text.
    fmt = fmt or (default_format() if to_screen else "text")
    write_report(report, fmt, output, strict=strict)
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        from xianjin.reporters.job_summary import append

        append(report, os.environ["GITHUB_STEP_SUMMARY"], sys.stderr)
    sys.exit(report.exit_code(strict))


def _read_stdin() -> bytes:
    from xianjin.loader import MAX_BYTES

    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        fail(f"错误：标准输入超过 {MAX_BYTES // 1024 // 1024} MB，不像是一个推荐文件。")
    return data


@command()
@click.argument("paths", nargs=-1, required=True, metavar="文件...")
@click.option("--diff", "show_diff", is_flag=True, help="只显示会改动什么（diff），不改写文件。")
@campaign_option("使用另一份活动文件。")
def fix(paths, show_diff, campaign) -> None:
    """把已经接受的写法改写成表上的规范写法，直接改写文件（注释、顺序和版式不变）。

    \b
    改写：本科 → 大学本科、1978年5月 → 1978.05、全角数字 → 半角、(0311)86688001 → 0311-86688001、
    姓名中间的空格（张　三 → 张三）、栏目前后多余的空格。多行的材料不改。
    有错误的文件一个字也不改：先按 xianjin validate 的提示改正。

    \b
    退出码：0 改写完毕或无需改写；1 有文件因有错误而没有改写；2 文件无法读取或写入。

    \b
    例：
      xianjin fix 09-衡水.yaml --diff
      xianjin fix 09-衡水.yaml
    """
    from xianjin.fix import fix_unit, unified_diff
    from xianjin.reporters.text import format_problem
    from xianjin.validate import validate_paths

    report = validate_paths(list(paths), campaign)
    for p in report.unreadable:
        click.echo(format_problem(p), err=True)
    refused = 0
    for unit in report.units:
        fixed = fix_unit(unit)
        if fixed.refused:
            refused += 1
            click.echo(f"{visible_path(unit.path)}：没有改动。{visible(fixed.refused)}。", err=True)
        elif fixed.text is None:
            click.echo(f"{visible_path(unit.path)}：已经是规范写法，无需改写。")
        elif show_diff:
            click.echo(unified_diff(unit.path, unit.loaded.text, fixed.text), nl=False)
        else:
            write_or_exit(unit.path, fixed.text)
            click.echo(f"{visible_path(unit.path)}：改写了 {len(fixed.changes)} 处：")
            for c in fixed.changes:
                click.echo(f"  第 {c.line} 行 {visible(c.field)}：“{visible(c.old)}” → “{visible(c.new)}”")
    sys.exit(2 if report.unreadable else 1 if refused else 0)


@command()
@paths_argument
@click.option("--format", "fmt", type=click.Choice(SUMMARY_FORMATS), default="text", show_default=True,
              help="输出格式；csv 可直接用 Excel 打开；xlsx 是省委创先办的汇总工作簿（须用 -o 指定文件）。")
@output_option("写入文件。")
@campaign_option("使用另一份活动文件。")
@decisions_option()
def summary(paths, fmt, output, campaign, decisions) -> None:
    """全省汇总：每个推荐单位一行（含尚未报送的），名额、推荐数、递补数、品牌数、错误和警告，以及全省合计。

    有决定文件时另加四栏（三类合计）：考察通过（推荐对象中未被取消资格、未退出的）、取消（取消资格的）、
    递补（递补上的递补对象）、表彰。

    \b
    例：
      xianjin summary examples/
      xianjin summary . --format csv -o 汇总.csv
      xianjin summary . --format xlsx -o 汇总.xlsx   附件1汇总表和各类推荐对象名单，可排序筛选
      xianjin summary 仓库/ --decisions 决定.yaml
    """
    from xianjin.result import EXIT_OK, EXIT_UNREADABLE
    from xianjin.validate import validate_paths

    if fmt == "xlsx" and not output:
        raise click.UsageError("--format xlsx 须用 -o 指定写入的文件，如 -o 汇总.xlsx")
    report = validate_paths(paths, campaign, decisions=decisions)
    for p in report.unreadable:
        click.echo(f"{visible_path(p.path)}: {visible(p.message)}", err=True)
    if fmt == "xlsx":
        from xianjin.xlsx import summary_workbook

        text = summary_workbook(report)
    else:
        from xianjin.summary import FORMATTERS

        text = FORMATTERS[fmt](report)
    if output:
        refuse_overwriting(output, report)
        write_or_exit(output, text)
    else:
        click.echo(text, nl=False)
    sys.exit(EXIT_UNREADABLE if report.unreadable else EXIT_OK)


@command()
@click.argument("code", required=False, metavar="[规则代码]", shell_complete=complete_rule)
def rules(code) -> None:
    """列出全部检查规则；给出规则代码时显示它的详细说明。

    \b
    例：
      xianjin rules
      xianjin rules XJ301
    """
    from xianjin.rules import BY_CODE, RULES

    if not code:
        for rule in RULES:
            click.echo(f"{rule.code}  {rule.level:<7}  {rule.title}")
        return
    rule = BY_CODE.get(code.upper())
    if rule is None:
        fail(f"错误：没有规则 {visible(code)}；用 xianjin rules 查看全部规则。")
    click.echo(f"{rule.code}（{rule.level_name}）{rule.title}\n\n{rule.explanation}")
