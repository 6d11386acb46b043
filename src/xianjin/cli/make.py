"""Files to fill in and to edit with: `xianjin init`, `xianjin schema`."""

from __future__ import annotations

import os

import click

from xianjin.cli.completion import complete_unit
from xianjin.cli.options import campaign_option, command, fail, not_blank, output_option, write_or_exit
from xianjin.files import os_error_text
from xianjin.text import squeeze, visible


@command()
@click.argument("unit", metavar="推荐单位", shell_complete=complete_unit)
@output_option("写入的文件名，默认“推荐单位.yaml”。")
@click.option("--force", is_flag=True, help="文件已存在时覆盖。")
@click.option("--schema", "schema_ref", default="schemas/submission.schema.json", show_default=True,
              help="编辑器用的 JSON Schema（相对当前文件夹的路径或网址），写在文件第一行。")
@campaign_option("使用另一份活动文件。")
def init(unit, output, force, schema_ref, campaign) -> None:
    """为一个推荐单位生成待填写的推荐文件：名额、递补对象和品牌的空位都已排好。

    \b
    例：
      xianjin init 衡水
      xianjin init 省直机关 -o 12-省直机关.yaml
    """
    from xianjin.starter import relative_ref, starter_text

    quota = campaign.units.get(squeeze(unit))
    if quota is None:
        raise click.UsageError(f"“{visible(unit)}”不是推荐单位，应为 {'、'.join(campaign.units)} 之一")
    target = output or f"{quota.名称}.yaml"
    if os.path.exists(target) and not force:
        fail(f"错误：{visible(target)} 已经存在，没有改动它；确需覆盖请加 --force。")
    write_or_exit(target, starter_text(quota, campaign, relative_ref(schema_ref, target)))
    click.echo(f"已生成 {visible(target)}：请逐项填写，然后运行 xianjin validate {visible(target)}")


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
