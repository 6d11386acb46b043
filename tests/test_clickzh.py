"""Click speaks Chinese: usage errors and help pages carry no English boilerplate."""

from __future__ import annotations

import pytest

from xianjin.cli import cli
from xianjin.cli.clickzh import ZH

CLICK_ENGLISH = ("Usage:", "Show this message", "Error:", "No such option", "No such command",
                 "Options:", "Commands:", "Try '", "is not one of", "requires an argument",
                 "Missing argument", "Got unexpected extra", "Show the version", "does not exist",
                 "Invalid value")


def run(runner, *args):
    result = runner.invoke(cli, list(args), env={"GITHUB_ACTIONS": "", "NO_COLOR": ""}, prog_name="xianjin")
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), \
        result.exception
    for word in CLICK_ENGLISH:
        assert word not in result.output, (args, word, result.output)
    return result


def test_unknown_option(runner):
    result = run(runner, "validate", "--bogus")
    assert result.exit_code == 2
    assert "没有 '--bogus' 这个选项" in result.output or "没有 --bogus 这个选项" in result.output
    assert "用法：" in result.output
    assert "xianjin validate --help" in result.output


def test_unknown_option_with_suggestion(runner):
    result = run(runner, "validate", "--stric")
    assert result.exit_code == 2
    assert "--stric" in result.output and "是不是" in result.output and "--strict" in result.output


def test_unknown_command(runner):
    result = run(runner, "valdate")
    assert result.exit_code == 2
    assert "没有 'valdate' 这个命令" in result.output


def test_bad_choice(runner):
    result = run(runner, "validate", "--format", "xml", ".")
    assert result.exit_code == 2
    assert "'xml' 不是" in result.output and "之一" in result.output and "'junit'" in result.output


def test_option_missing_value(runner):
    result = run(runner, "validate", "-o")
    assert result.exit_code == 2
    assert "选项 '-o' 后面要跟一个值" in result.output


def test_campaign_is_a_directory(runner, tmp_path):
    result = run(runner, "validate", "--campaign", str(tmp_path), ".")
    assert result.exit_code == 2
    assert "是文件夹" in result.output


def test_flag_with_value(runner):
    result = run(runner, "validate", "--strict=yes", ".")
    assert result.exit_code == 2
    assert "不接受值" in result.output


def test_rules_extra_argument(runner):
    result = run(runner, "rules", "XJ301", "XJ302")
    assert result.exit_code == 2
    assert "多出了参数" in result.output


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["validate", "--help"], ["rules", "--help"], []])
def test_help_is_chinese(runner, args):
    result = run(runner, *args)
    assert result.exit_code in (0, 2)
    out = result.output
    assert "用法：" in out
    assert "显示本帮助并退出" in out
    assert "Usage:" not in out and "Show this message" not in out


def test_validate_help_documents_options_and_exit_codes(runner):
    out = run(runner, "validate", "--help").output
    for option in ("--format", "--strict", "--require-all", "--campaign", "-o, --output"):
        assert option in out
    assert "退出码" in out


def test_version(runner):
    result = run(runner, "--version")
    assert result.exit_code == 0
    assert result.output.startswith("xianjin 版本 ")


def test_translation_table_has_no_untranslated_entries():
    for english, chinese in ZH.items():
        assert chinese and chinese != english
        assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese), english
