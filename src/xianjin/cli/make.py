"""Files to fill in and to edit with: `xianjin init`, `xianjin convert`, `xianjin schema`."""

from __future__ import annotations

import os

import click

from xianjin.cli.completion import complete_unit
from xianjin.cli.options import campaign_option, command, fail, not_blank, output_option, write_or_exit
from xianjin.files import os_error_text
from xianjin.text import squeeze, visible, visible_path


@command()
@click.argument("unit", nargs=-1, metavar="推荐单位 | --decisions [路径]...", shell_complete=complete_unit)
@output_option("写入的文件名，默认“推荐单位.yaml”（--format xlsx 时“推荐单位.xlsx”，--decisions 时“决定.yaml”）。")
@click.option("--format", "fmt", type=click.Choice(("yaml", "xlsx")), default=None,
              help="yaml（默认）；xlsx 生成用 Excel 或 WPS 填写的工作簿。-o 的文件名以 .xlsx 结尾时自动用 xlsx。")
@click.option("--force", is_flag=True, help="文件已存在时覆盖。")
@click.option("--schema", "schema_ref", default="schemas/submission.schema.json", show_default=True,
              help="编辑器用的 JSON Schema（相对当前文件夹的路径或网址），写在 YAML 文件第一行。")
@campaign_option("使用另一份活动文件。")
@click.option("--decisions", is_flag=True,
              help="生成省委创先办的决定文件：参数是推荐文件或文件夹（默认当前文件夹），其中的品牌和递补对象都列为注释。")
def init(unit, output, fmt, force, schema_ref, campaign, decisions) -> None:
    """为一个推荐单位生成待填写的推荐文件：名额、递补对象和品牌的空位都已排好。

    加 --decisions 时，为找到的推荐文件生成省委创先办待填写的决定文件（考察、表彰的品牌、递补）。

    \b
    例：
      xianjin init 衡水
      xianjin init 省直机关 -o 12-省直机关.yaml
      xianjin init 衡水 --format xlsx          生成 衡水.xlsx，用 Excel 或 WPS 填写
      xianjin init --decisions 仓库/ -o 决定.yaml
    """
    if decisions:
        _init_decisions(list(unit) or ["."], output or "决定.yaml", force, campaign)
        return
    if len(unit) != 1:
        raise click.UsageError("请给出一个推荐单位，如 xianjin init 衡水；生成决定文件请加 --decisions")
    quota = campaign.units.get(squeeze(unit[0]))
    if quota is None:
        raise click.UsageError(f"“{visible(unit[0])}”不是推荐单位，应为 {'、'.join(campaign.units)} 之一")
    fmt = fmt or ("xlsx" if output and output.lower().endswith(".xlsx") else "yaml")
    target = output or f"{quota.名称}.{fmt}"
    refuse_to_overwrite(target, force)
    if fmt == "xlsx":
        from xianjin.xlsx import starter_workbook

        write_or_exit(target, starter_workbook(quota, campaign))
        click.echo(f"已生成 {visible(target)}：请用 Excel 或 WPS 逐项填写（每个对象一行），然后运行 xianjin validate {visible(target)}")
        return
    from xianjin.starter import relative_ref, starter_text

    write_or_exit(target, starter_text(quota, campaign, relative_ref(schema_ref, target)))
    click.echo(f"已生成 {visible(target)}：请逐项填写，然后运行 xianjin validate {visible(target)}")


def _init_decisions(paths: list[str], target: str, force: bool, campaign) -> None:
    from xianjin.starter import decisions_starter_text
    from xianjin.validate import validate_paths

    report = validate_paths(paths, campaign)
    for p in report.unreadable:
        click.echo(f"{visible_path(p.path)}: {visible(p.message)}", err=True)
    found = [u.unit for u in report.units if u.unit]
    if not found:
        fail(f"错误：在 {visible('、'.join(paths))} 中没有找到推荐文件，没有生成 {visible(target)}。")
    refuse_to_overwrite(target, force)
    write_or_exit(target, decisions_starter_text(report.units, campaign))
    click.echo(f"已生成 {visible(target)}（{'、'.join(found)}）：请填写文号、日期、考察结果、表彰的品牌和递补，"
               f"然后运行 xianjin validate {visible(' '.join(paths))} --decisions {visible(target)}")
    if report.errors:
        click.echo(f"提示：推荐文件还有 {report.errors} 个错误，用 xianjin validate 查看。", err=True)


@command()
@click.argument("source", metavar="源文件", type=click.Path(dir_okay=False))
@output_option("写入的文件；扩展名决定格式：.xlsx 或 .yaml/.yml。", required=True, metavar="目标文件")
@click.option("--force", is_flag=True, help="目标文件已存在时覆盖。")
@campaign_option("使用另一份活动文件（工作簿下拉列表里的词表取自它）。")
def convert(source, output, force, campaign) -> None:
    """在 YAML 推荐文件和 Excel 工作簿（.xlsx）之间转换，内容不增不减。

    按扩展名决定方向。转换不做校验：内容有错也照样转换，转换后用 xianjin validate 检查；
    只有读不出来的文件、或工作簿里没有位置的内容（表上没有的栏目）才拒绝转换，什么也不写。

    \b
    例：
      xianjin convert 衡水.xlsx -o 09-衡水.yaml
      xianjin convert 09-衡水.yaml -o 衡水.xlsx
    """
    from xianjin.convert import file_kind, to_workbook, to_yaml, unplaceable
    from xianjin.discover import load_path
    from xianjin.reporters.text import format_problem

    src_kind, dst_kind = file_kind(source), file_kind(output)
    if src_kind is None or dst_kind is None or src_kind == dst_kind:
        raise click.UsageError("只能在 .yaml/.yml 和 .xlsx 之间转换：源文件和目标文件的扩展名应当一个是 .yaml，一个是 .xlsx")
    if os.path.exists(output) and os.path.exists(source) and os.path.samefile(source, output):
        fail("错误：目标文件就是源文件，没有改动它。")
    refuse_to_overwrite(output, force)
    loaded = load_path(source)
    if loaded.io_error:
        fail("\n".join(format_problem(p) for p in loaded.problems))
    errors = [p for p in loaded.problems if p.is_error]
    if errors or not isinstance(loaded.data, dict):
        for p in errors or loaded.problems:
            click.echo(format_problem(p))
        fail("源文件读不出来，未转换。", 1)
    if dst_kind == "xlsx":
        missing = unplaceable(loaded.data)
        if missing:
            fail(f"错误：{visible(source)} 中以下内容在工作簿中没有对应的栏目：{visible('、'.join(missing))}；"
                 "请先改正（xianjin validate 会指出怎样改），再转换。未转换。", 1)
        write_or_exit(output, to_workbook(loaded.data, campaign))
    else:
        write_or_exit(output, to_yaml(loaded.data, os.path.basename(source)))
    click.echo(f"已把 {visible(source)} 转换为 {visible(output)}；请运行 xianjin validate {visible(output)} 检查")


def refuse_to_overwrite(target: str, force: bool) -> None:
    if os.path.exists(target) and not force:
        fail(f"错误：{visible(target)} 已经存在，没有改动它；确需覆盖请加 --force。")


@command()
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False), default="schemas", show_default=True,
              callback=not_blank, help="写入的文件夹。")
@campaign_option("使用另一份活动文件（其中的民族、学历等词表会写进 Schema）。")
def schema(out_dir, campaign) -> None:
    """生成编辑器用的 JSON Schema（submission.schema.json），供 VS Code 等自动补全和标出错误。

    \b
    例：
      xianjin schema
      xianjin schema -o 共享仓库/schemas
    """
    from xianjin.schema import SCHEMA_NAME, schema_text

    text = schema_text(campaign)
    try:
        os.makedirs(out_dir, exist_ok=True)
    except OSError as exc:
        fail(f"错误：无法创建文件夹 {visible(out_dir)}（{os_error_text(exc)}）。")
    target = os.path.join(out_dir, SCHEMA_NAME)
    write_or_exit(target, text)
    click.echo(f"已写入 {visible(target)}")
