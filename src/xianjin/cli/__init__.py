"""The command line (the top layer): the `xianjin` group and its entry point.

Each command is a few lines over the library, in one module per family: check (validate,
summary, rules), make (init, convert, schema), render (render, doctor); what they share is declared
once in options.py. Nothing below imports this package, and nothing else imports click.
"""

from __future__ import annotations

import os
import sys

import click

from xianjin import __version__
from xianjin.cli import check, make, render
from xianjin.cli.options import CONTEXT_SETTINGS


@click.group(context_settings=CONTEXT_SETTINGS, options_metavar="[选项]", subcommand_metavar="命令 [参数]...")
@click.version_option(__version__, "-V", "--version", prog_name="xianjin")
def cli() -> None:
    """xianjin：为民服务创先争优推荐材料（冀创组〔2012〕18号）的校验与排版。

    \b
    每个推荐单位填写一个 YAML 文件或 Excel 工作簿（xianjin init 衡水 --format xlsx）：
      xianjin init 衡水                  生成待填写的文件
      xianjin validate 衡水.yaml         逐栏检查，并对照名额表核数
      xianjin render 衡水.yaml --out pdf 排出审批表、排序表、事迹材料和报告的 PDF
      xianjin convert 衡水.xlsx -o 衡水.yaml  Excel 工作簿与 YAML 文件互相转换
      xianjin summary 文件夹             全省汇总（省委创先办用）
      xianjin rules XJ203                查看某条规则的说明
    """


for _command in (check.validate, check.fix, check.summary, check.rules, make.init, make.convert, make.schema,
                 render.render_command, render.doctor):
    cli.add_command(_command)


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
