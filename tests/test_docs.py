"""docs/cli.md is generated from --help and docs/rules.md from the rule table; every command's
help is Chinese with an example."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from xianjin.cli import cli

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import make_cli_docs  # noqa: E402
import make_rules_docs  # noqa: E402


def test_cli_reference_is_up_to_date():
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == make_cli_docs.cli_docs(), (
        "docs/cli.md is stale: run `.venv/bin/python scripts/make_cli_docs.py`")


def test_rules_reference_is_up_to_date():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == make_rules_docs.rules_docs(), (
        "docs/rules.md is stale: run `.venv/bin/python scripts/make_rules_docs.py`")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_chinese_help_with_an_example(command):
    out = CliRunner().invoke(cli, [command, "--help"], prog_name="xianjin").output
    assert "用法： xianjin " + command in out
    assert "例：" in out and f"xianjin {command}" in out.split("例：")[1]
    for english in ("Usage:", "Options:", "Show this message", "[OPTIONS]"):
        assert english not in out


def test_readme_shows_the_real_output_of_the_broken_example(monkeypatch):
    monkeypatch.chdir(ROOT)
    shown = (ROOT / "README.md").read_text(encoding="utf-8").split("$ xianjin validate examples/broken/\n", 1)[1]
    result = CliRunner().invoke(cli, ["validate", "examples/broken/"])
    assert result.exit_code == 1
    assert shown.split("```", 1)[0] == result.output
