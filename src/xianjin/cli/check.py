"""Checking: `xianjin validate`, `xianjin summary`, `xianjin rules`."""

from __future__ import annotations

import sys

import click

from xianjin.cli.options import (campaign_option, command, decisions_option, default_format, fail,
                                 output_option, paths_argument, write_or_exit, write_report)

# The names of xianjin.reporters.REPORTERS and xianjin.summary.FORMATTERS, spelt out so that
# `--help` need not import them (tests/test_cli_validate.py keeps them equal).
REPORT_FORMATS = ("text", "json", "github", "junit")
SUMMARY_FORMATS = ("text", "markdown", "csv", "json")


@command()
@paths_argument
@click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS), default=None,
              help="输出格式：text（默认）、json、github（GitHub Actions 注释；在 Actions 中自动使用）、junit。")
@output_option("把结果写入文件，而不是显示在屏幕上。", writable=True)
@click.option("--strict", is_flag=True, help="有警告也算不通过（退出码 1）。")
@click.option("--require-all", is_flag=True, help="有推荐单位尚未报送时算错误（XJ404）。")
@campaign_option()
@decisions_option()
def validate(paths, fmt, output, strict, require_all, campaign, decisions) -> None:
    """检查推荐文件：逐栏检查填写，并对照名额表检查数量。

    路径可以是文件或文件夹（默认当前文件夹，含子文件夹）；不含“推荐单位”等栏目的 YAML 文件会跳过。
    顶层有“决定”的 YAML 文件是省委创先办的决定文件，与推荐文件一起检查（XJ5xx）。

    \b
    退出码：0 没有错误；1 有错误（或 --strict 时有警告）；2 路径或文件无法读取。

    \b
    例：
      xianjin validate examples/
      xianjin validate 01-石家庄.yaml --strict
      xianjin validate . --require-all --format junit -o report.xml
      xianjin validate 仓库/ --decisions 决定.yaml
    """
    from xianjin.validate import validate_paths

    report = validate_paths(paths, campaign, require_all=require_all, decisions=decisions)
    write_report(report, fmt or default_format(), output, strict=strict)
    sys.exit(report.exit_code(strict))


@command()
@paths_argument
@click.option("--format", "fmt", type=click.Choice(SUMMARY_FORMATS), default="text",
              show_default=True, help="输出格式；csv 可直接用 Excel 打开。")
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
      xianjin summary 仓库/ --decisions 决定.yaml
    """
    from xianjin.result import EXIT_OK, EXIT_UNREADABLE
    from xianjin.summary import FORMATTERS
    from xianjin.validate import validate_paths

    report = validate_paths(paths, campaign, decisions=decisions)
    for p in report.unreadable:
        click.echo(f"{p.path}: {p.message}", err=True)
    text = FORMATTERS[fmt](report)
    if output:
        write_or_exit(output, text)
    else:
        click.echo(text, nl=False)
    sys.exit(EXIT_UNREADABLE if report.unreadable else EXIT_OK)


@command()
@click.argument("code", required=False, metavar="[规则代码]")
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
        fail(f"错误：没有规则 {code}；用 xianjin rules 查看全部规则。")
    click.echo(f"{rule.code}（{rule.level_name}）{rule.title}\n\n{rule.explanation}")
