"""Writes docs/cli.md from the commands' own --help; tests/test_docs.py fails when it is stale.

    .venv/bin/python scripts/make_cli_docs.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from click.testing import CliRunner

from xianjin.cli import cli

DOCS = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def cli_docs() -> str:
    runner = CliRunner()
    parts = ["# xianjin 命令参考", "",
             "本页由 `scripts/make_cli_docs.py` 根据各命令的 `--help` 生成，请勿手工修改。", ""]
    commands = [[]] + [[name] for name in sorted(cli.commands)]
    for args in commands:
        result = runner.invoke(cli, [*args, "--help"], prog_name="xianjin", terminal_width=100)
        title = " ".join(["xianjin", *args])
        parts += [f"## {title}", "", "```", result.output.rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    DOCS.write_text(cli_docs(), encoding="utf-8")
    print(f"已写入 {DOCS}", file=sys.stderr)
