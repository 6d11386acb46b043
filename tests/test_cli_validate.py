"""`xianjin validate` and `xianjin rules` through click's CliRunner: exit codes, exact lines, formats."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from helpers import ENGLISH, REPO, RULE_CODES, assert_chinese, build_unit
from xianjin.campaign import DEFAULT_CAMPAIGN
from xianjin.cli import cli

M2 = ("行业服务标兵", "推荐对象", 2)
EXPECTED_CODES = ({f"XJ{n}" for n in range(100, 116)} | {f"XJ{n}" for n in range(120, 128)}
                  | {f"XJ{n}" for n in range(201, 224)}
                  | {f"XJ{n}" for n in range(301, 306)} | {f"XJ{n}" for n in range(401, 406)}
                  | {f"XJ{n}" for n in range(501, 515)})


def run(runner, *args, env=None):
    result = runner.invoke(cli, list(args), env=env or {"GITHUB_ACTIONS": "", "NO_COLOR": ""},
                           catch_exceptions=False)
    assert_chinese(result.output)
    return result


@pytest.fixture
def files(write, hengshui):
    """A clean file (秦皇岛), a file with an error (衡水), one with only a warning (沧州)."""
    clean = write("clean/04-秦皇岛.yaml", build_unit("秦皇岛").text)
    error = write("error/09-衡水.yaml", hengshui.set(M2 + ("出生年月",), '"1978.13"'))
    warn = write("warn/08-沧州.yaml", build_unit("沧州").set(("报送日期",), "2012-08-25"))
    return clean, error, warn


# --- exit codes --------------------------------------------------------------------------------

def test_clean_file_exit_0(runner, files):
    result = run(runner, "validate", files[0])
    assert result.exit_code == 0
    assert "共检查 1 个推荐文件：0 个错误，0 个警告。" in result.output


def test_error_exit_1_exact_line(runner, files, hengshui):
    result = run(runner, "validate", files[1])
    assert result.exit_code == 1
    line = hengshui.line(M2 + ("出生年月",))
    assert result.output.splitlines()[0] == (
        f"{files[1]}:{line}:13: error XJ203 行业服务标兵.推荐对象[3].出生年月："
        "“1978.13”不是有效的出生年月（月份“13”不存在），应写成“1978.05”")
    assert "共检查 1 个推荐文件：1 个错误，0 个警告。" in result.output


def test_warning_exit_0_strict_exit_1(runner, files):
    result = run(runner, "validate", files[2])
    assert result.exit_code == 0
    assert f"{files[2]}:4:7: warning XJ214 报送日期：报送日期 2012-08-25 晚于截止日期 2012-08-20" in result.output
    assert run(runner, "validate", "--strict", files[2]).exit_code == 1
    assert run(runner, "validate", "--strict", files[0]).exit_code == 0


def test_missing_path_exit_2(runner, tmp_path, files):
    result = run(runner, "validate", str(tmp_path / "nope.yaml"), files[0])
    assert result.exit_code == 2
    assert f"{tmp_path / 'nope.yaml'}:1:1: error XJ100 找不到这个文件或文件夹" in result.output
    assert "Traceback" not in result.output


def test_missing_path_wins_over_errors(runner, tmp_path, files):
    assert run(runner, "validate", str(tmp_path / "nope"), files[1]).exit_code == 2


def test_all_files_reported_in_one_run(runner, files):
    result = run(runner, "validate", str(Path(files[0]).parent.parent))
    assert result.exit_code == 1
    assert "XJ203" in result.output and "XJ214" in result.output
    assert "共检查 3 个推荐文件：1 个错误，1 个警告。" in result.output


def test_default_path_is_current_folder(runner, files, monkeypatch):
    monkeypatch.chdir(Path(files[1]).parent)
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert "09-衡水.yaml:" in result.output and "XJ203" in result.output


def test_broken_yaml_exit_1_no_traceback(runner, write):
    path = write("a.yaml", "推荐单位: 衡水\n联系人: 王: 五\n")
    result = run(runner, "validate", path)
    assert result.exit_code == 1
    assert f"{path}:2:" in result.output and "XJ105" in result.output and "冒号" in result.output


@pytest.mark.parametrize("content, code", [
    (b"", "XJ106"), (b"- a\n- b\n", "XJ107"), (b"a: 1\x00\x00", "XJ104"), (b"a: \xff\xfe\n", "XJ102"),
    (b"a:\n\tb: 1\n", "XJ105"), ("推荐单位: 衡水\n推荐单位: 衡水\n".encode(), "XJ108"),
])
def test_bad_inputs_exit_1(runner, write, content, code):
    path = write("x.yaml", content)
    result = run(runner, "validate", path)
    assert result.exit_code == 1
    assert re.search(rf"^{re.escape(path)}:\d+:\d+: error {code} ", result.output, re.M), result.output


def test_gbk_file_exit_0_with_warning(runner, write, hengshui):
    path = write("gbk.yaml", hengshui.text.encode("gbk"))
    result = run(runner, "validate", path)
    assert result.exit_code == 0
    assert f"{path}:1:1: warning XJ103 " in result.output
    assert "1 个警告" in result.output
    assert run(runner, "validate", "--strict", path).exit_code == 1


def test_billion_laughs_through_cli(runner, write):
    from test_loader import billion_laughs

    import time
    # A submission that smuggles in the aliases (a plain config with aliases is skipped).
    path = write("lol.yaml", "推荐单位: 衡水\n" + billion_laughs())
    start = time.perf_counter()
    result = run(runner, "validate", path)
    assert time.perf_counter() - start < 1.0
    assert result.exit_code == 1 and "XJ109" in result.output


def test_python_tag_through_cli(runner, write, tmp_path):
    marker = tmp_path / "pwned"
    path = write("evil.yaml", f'推荐单位: !!python/object/apply:os.system ["touch {marker}"]\n')
    result = run(runner, "validate", path)
    assert result.exit_code == 1 and "XJ110" in result.output
    assert not marker.exists()


# --- discovery -----------------------------------------------------------------------------------

def test_non_submission_yaml_skipped(runner, write, tmp_path, hengshui):
    write("09-衡水.yaml", hengshui.text)
    write(".github/workflows/validate.yml", "name: 校验\non: [push, pull_request]\njobs: {}\n")
    write("ci/workflow.yml", "name: 校验\non: [push]\njobs:\n  v:\n    runs-on: ubuntu-latest\n")
    result = run(runner, "validate", str(tmp_path))
    assert result.exit_code == 0
    assert "共检查 1 个推荐文件（另有 1 个 YAML 文件不是推荐文件，已跳过）：0 个错误，0 个警告。" in result.output


def test_examples_validate_clean(runner):
    examples = REPO / "examples"
    units = sorted(p.name for p in examples.glob("*.yaml"))
    assert len(units) >= 12, units
    assert all(re.fullmatch(r"\d\d-.+\.yaml", n) for n in units), units
    result = run(runner, "validate", str(examples))
    assert result.exit_code == 0, result.output
    assert re.search(r"共检查 1[2-9] 个推荐文件.*：0 个错误，", result.output), result.output
    assert "全部 12 个推荐单位均已报送。" in result.output


def test_examples_broken_reports_errors(runner):
    broken = REPO / "examples" / "broken"
    assert list(broken.glob("*.y*ml")), "examples/broken/ should hold a broken file"
    result = run(runner, "validate", str(broken))
    assert result.exit_code == 1
    assert re.search(r":\d+:\d+: error XJ\d{3} ", result.output)


# --- --require-all, --campaign -------------------------------------------------------------------

def test_require_all(runner, files):
    result = run(runner, "validate", "--require-all", files[0])
    assert result.exit_code == 1
    assert "xianjin: error XJ404 推荐单位：以下推荐单位尚未报送：石家庄、承德" in result.output
    plain = run(runner, "validate", files[0])
    assert plain.exit_code == 0
    assert "尚未报送：石家庄、承德" in plain.output


def test_campaign_file_small_totals_xj405(runner, write, tmp_path):
    text = DEFAULT_CAMPAIGN.read_text("utf-8").replace("  群众满意窗口: 200", "  群众满意窗口: 20")
    campaign = write("round2.yaml", text)
    a = write("units/a.yaml", build_unit("衡水").text)
    b = write("units/b.yaml", build_unit("秦皇岛").text)
    result = run(runner, "validate", "--campaign", campaign, a, b)
    assert result.exit_code == 1
    assert "xianjin: error XJ405 群众满意窗口：全省群众满意窗口推荐对象合计 24 个，超过全省名额 20 个" in result.output
    assert "群众满意窗口 24/20" in result.output
    assert run(runner, "validate", a, b).exit_code == 0


@pytest.mark.parametrize("content, words", [
    ("名称: 只有名称\n", "缺少“报送截止日期”"),
    ("名称: [\n", "XJ105"),
    ("", "XJ106"),
    ("- 1\n", "XJ107"),
])
def test_broken_campaign_reported_exit_2(runner, write, files, content, words):
    campaign = write("bad-campaign.yaml", content)
    result = run(runner, "validate", "--campaign", campaign, files[0])
    assert result.exit_code == 2
    assert f"活动文件 {campaign} 有误，无法使用" in result.output
    assert words in result.output
    assert "Traceback" not in result.output


def test_campaign_with_wrong_types_reported_in_chinese(runner, write, files):
    text = DEFAULT_CAMPAIGN.read_text("utf-8").replace("递补名额: 2", "递补名额: 两个")
    text = text.replace("报送截止日期: 2012-08-20", "报送截止日期: 八月二十日")
    campaign = write("bad.yaml", text)
    result = run(runner, "validate", "--campaign", campaign, files[0])
    assert result.exit_code == 2
    assert "递补名额" in result.output and "报送截止日期" in result.output
    assert re.search(rf"{re.escape(campaign)}:\d+:\d+: error XJ2\d\d 递补名额：", result.output)


def test_missing_campaign_file_exit_2(runner, files, tmp_path):
    result = run(runner, "validate", "--campaign", str(tmp_path / "none.yaml"), files[0])
    assert result.exit_code == 2
    assert "找不到这个文件" in result.output


# --- formats -----------------------------------------------------------------------------------

def test_format_json(runner, files, hengshui):
    result = run(runner, "validate", "--format", "json", files[1])
    assert result.exit_code == 1
    rows = json.loads(result.stdout)
    assert isinstance(rows, list) and len(rows) == 1
    assert set(rows[0]) == {"file", "line", "column", "code", "level", "field", "message"}
    assert (rows[0]["file"], rows[0]["line"], rows[0]["column"], rows[0]["code"]) == (
        files[1], hengshui.line(M2 + ("出生年月",)), 13, "XJ203")


def test_format_github(runner, files, hengshui):
    result = run(runner, "validate", "--format", "github", files[1])
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first.startswith(f"::error title=xianjin (XJ203),file={files[1]},line={hengshui.line(M2 + ('出生年月',))},"
                            "col=13::行业服务标兵.推荐对象[3].出生年月：“1978.13”")


def test_github_actions_env_selects_github(runner, files):
    result = run(runner, "validate", files[2], env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 0
    assert result.output.startswith(f"::warning title=xianjin (XJ214),file={files[2]},line=4,col=7::")
    explicit = run(runner, "validate", "--format", "text", files[2], env={"GITHUB_ACTIONS": "true"})
    assert not explicit.output.startswith("::")


def test_format_junit(runner, files):
    result = run(runner, "validate", "--format", "junit", files[1], files[2])
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout)
    cases = root.findall("testcase")
    assert [c.get("name") for c in cases] == [files[1], files[2]]
    assert len(cases[0].findall("failure")) == 1 and cases[1].find("failure") is None


def test_output_file(runner, files, tmp_path):
    target = tmp_path / "report.json"
    result = run(runner, "validate", "--format", "json", "-o", str(target), files[1])
    assert result.exit_code == 1
    assert result.stdout == ""
    rows = json.loads(target.read_text("utf-8"))
    assert rows[0]["code"] == "XJ203"


def test_output_file_text_and_junit(runner, files, tmp_path):
    run(runner, "validate", "-o", str(tmp_path / "r.txt"), files[2])
    assert "XJ214" in (tmp_path / "r.txt").read_text("utf-8")
    run(runner, "validate", "--format", "junit", "--output", str(tmp_path / "r.xml"), files[1])
    assert ET.parse(tmp_path / "r.xml").getroot().tag == "testsuite"


def test_no_colour_when_not_a_terminal(runner, files):
    result = run(runner, "validate", files[1], env={"NO_COLOR": "", "GITHUB_ACTIONS": ""})
    assert "\x1b[" not in result.output


class FakeTTY:
    def isatty(self):
        return True


def test_colour_on_a_terminal_unless_no_color(monkeypatch):
    from xianjin.cli.options import use_color

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color(FakeTTY()) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(FakeTTY()) is False
    monkeypatch.delenv("NO_COLOR")
    import io
    assert use_color(io.StringIO()) is False


# --- rules --------------------------------------------------------------------------------------

def test_rules_lists_every_code(runner):
    result = run(runner, "rules")
    assert result.exit_code == 0
    listed = re.findall(r"^(XJ\d{3})\s+(error|warning)\s+\S", result.output, re.M)
    assert {c for c, _ in listed} == EXPECTED_CODES == RULE_CODES
    assert len(listed) == len(EXPECTED_CODES)
    assert "XJ301  error    推荐对象超过名额" in result.output
    assert "XJ204  warning  年龄偏大" in result.output


def test_rules_explains_one(runner):
    result = run(runner, "rules", "XJ301")
    assert result.exit_code == 0
    assert result.output.startswith("XJ301（错误）推荐对象超过名额")
    assert "名额" in result.output and "递补对象" in result.output
    lower = run(runner, "rules", "xj204")
    assert lower.exit_code == 0 and lower.output.startswith("XJ204（警告）年龄偏大")


def test_rules_unknown_exit_2_chinese(runner):
    result = run(runner, "rules", "XJ999")
    assert result.exit_code == 2
    assert "没有规则 XJ999" in result.output


@pytest.mark.parametrize("code", sorted(EXPECTED_CODES))
def test_every_rule_has_a_chinese_explanation(runner, code):
    result = run(runner, "rules", code)
    assert result.exit_code == 0
    assert re.search(r"[\u4e00-\u9fff]{4}", result.output.split("\n", 2)[-1])


# --- no English anywhere -----------------------------------------------------------------------------

def test_no_english_in_any_output(runner, write, hengshui, tmp_path):
    """A file with every kind of mistake, in every format: no pydantic / Python English."""
    text = hengshui.set(M2 + ("出生年月",), "[1978, 5]")
    for path, value in [(M2 + ("性别",), "{a: b}"), (M2 + ("姓名",), "[张三]"), (("报送日期",), "{}"),
                        (("填报单位",), "[]"), (M2 + ("民族",), "''")]:
        text = hengshui.then(text).set(path, value)
    text = hengshui.then(text).drop(("联系人",))
    path = write("all.yaml", text + "未知栏目: 1\n")
    for fmt in ("text", "json", "github", "junit"):
        result = run(runner, "validate", "--format", fmt, "--require-all", "--strict", path)
        assert result.exit_code == 1
        for word in ENGLISH + ("str_type", "string_type", "missing", "model_type", "Input"):
            assert word not in result.output, (fmt, word)


def test_output_into_missing_folder_is_io_error_exit_2(runner, files, tmp_path):
    """-o into a folder that does not exist: a Chinese I/O message and exit 2, no traceback."""
    target = tmp_path / "没有这个文件夹" / "report.txt"
    result = runner.invoke(cli, ["validate", "-o", str(target), files[0]],
                           env={"GITHUB_ACTIONS": "", "NO_COLOR": ""})
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert re.search(r"[\u4e00-\u9fff]", result.output)


@pytest.mark.slow
def test_validate_does_not_import_weasyprint(files):
    """`xianjin validate` works where Pango is missing: WeasyPrint is never imported."""
    import subprocess
    import sys

    code = ("import sys\nfrom xianjin.cli import cli\n"
            f"try:\n    cli(['validate', {files[0]!r}], prog_name='xianjin')\n"
            "except SystemExit as e:\n    code = e.code\n"
            "print(code, 'weasyprint' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip().splitlines()[-1] == "0 False", out.stdout + out.stderr


def test_every_rule_code_is_exercised_by_this_suite():
    """Each code listed by `xianjin rules` appears in an assertion of the validation tests
    (or in an expected output line, `…: error XJ501 …`)."""
    here = Path(__file__).parent
    names = ["test_loader.py", "test_values.py", "test_rules_fields.py", "test_rules_quotas.py",
             "test_rules_across.py", "test_rules_decisions.py", "test_reporters.py", "test_cli_validate.py",
             "test_workbook.py"]
    names += sorted(p.name for p in here.glob("test_hardening_*.py"))  # issue 10's rules
    text = "\n".join((here / n).read_text("utf-8").replace("EXPECTED_CODES", "") for n in names)
    missing = sorted(code for code in RULE_CODES
                     if not re.search(rf'["\']{code}["\']|\b{code}\b[^\n]*(in|==)|(error|warning) {code} ', text))
    assert missing == []


def test_format_choices_are_the_formats_the_library_has():
    # The command line spells them out so that --help need not import the library.
    from xianjin.reporters import REPORTERS
    from xianjin.render.run import OUTPUT_FORMATS
    from xianjin.summary import FORMATTERS

    def choices(command):
        return tuple(next(p for p in cli.commands[command].params if p.name == "fmt").type.choices)

    assert choices("validate") == tuple(REPORTERS)
    assert choices("summary") == (*FORMATTERS, "xlsx")  # the workbook: xianjin.xlsx.summary_workbook
    assert choices("render") == OUTPUT_FORMATS
