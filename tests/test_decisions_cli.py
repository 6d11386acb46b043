"""`xianjin init --decisions` and `xianjin summary --decisions`: the office's side of the round."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from helpers import assert_chinese
from xianjin.cli import cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def invoke(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args], env={"GITHUB_ACTIONS": "", "NO_COLOR": ""},
                                catch_exceptions=False)
    assert_chinese(result.output)
    return result


def test_init_decisions_lists_every_brand_and_alternate_of_the_examples(tmp_path):
    target = tmp_path / "决定.yaml"
    result = invoke("init", "--decisions", EXAMPLES, "-o", target)
    assert result.exit_code == 0, result.output
    assert f"已生成 {target}（石家庄、承德" in result.output
    text = target.read_text("utf-8")
    brands = re.findall(r"^  # - \{推荐单位: (\S+), 编号: (\d+)\}  # (.+)$", text, re.M)
    assert len(brands) == 11 * 2 + 6
    assert ("衡水", "1", "“情满旅途”客运服务品牌（衡水市公共交通总公司）") in brands
    assert "  #   衡水行业服务标兵：13 马桂芳；14 乔倩" in text
    data = yaml.safe_load(text)
    assert data == {"决定": {"文号": "", "日期": ""}, "考察": None, "优质服务品牌": None, "递补": None}

    # As written it asks for what is missing, one line each, and reminds that no brand is chosen yet.
    check = invoke("validate", EXAMPLES, "--decisions", target)
    assert check.exit_code == 1
    lines = [ln.split(": ", 1)[1] for ln in check.output.splitlines() if ln.startswith(str(target))]
    assert [ln.split("：")[0] for ln in lines] == ["error XJ201 决定.文号", "error XJ201 决定.日期",
                                                  "warning XJ512 优质服务品牌"]

    # Filled in: the number, the date, two brands uncommented.
    filled = (text.replace("  文号: ''", "  文号: 冀创组〔2012〕30号").replace("  日期: ''", "  日期: 2012-09-28")
              .replace("  # - {推荐单位: 衡水, 编号: 1}", "  - {推荐单位: 衡水, 编号: 1}")
              .replace("  # - {推荐单位: 省直机关, 编号: 6}", "  - {推荐单位: 省直机关, 编号: 6}"))
    target.write_text(filled, "utf-8")
    done = invoke("validate", EXAMPLES, "--decisions", target)
    assert done.exit_code == 0, done.output
    assert "共检查 12 个推荐文件和 1 个决定文件" in done.output


def test_init_decisions_needs_submissions_and_keeps_an_existing_file(tmp_path):
    empty = tmp_path / "空"
    empty.mkdir()
    result = invoke("init", "--decisions", empty, "-o", tmp_path / "决定.yaml")
    assert result.exit_code == 2 and "没有找到推荐文件" in result.output
    assert not (tmp_path / "决定.yaml").exists()
    mine = tmp_path / "决定.yaml"
    mine.write_text("决定: {文号: 冀创组〔2012〕30号}\n", "utf-8")
    again = invoke("init", "--decisions", EXAMPLES / "09-衡水.yaml", "-o", mine)
    assert again.exit_code == 2 and "已经存在" in again.output
    assert mine.read_text("utf-8") == "决定: {文号: 冀创组〔2012〕30号}\n"


def test_init_without_decisions_takes_exactly_one_unit(tmp_path):
    for args in ([], ["衡水", "邢台"]):
        result = invoke("init", *args, "-o", tmp_path / "x.yaml")
        assert result.exit_code == 2
        assert "请给出一个推荐单位" in result.output and "--decisions" in result.output


DECISIONS = """决定:
  文号: 冀创组〔2012〕30号
  日期: 2012-09-28
考察:
  - {推荐单位: 衡水, 类别: 群众满意窗口, 编号: 3, 结果: 取消资格, 理由: 考察中发现该窗口有群众投诉}
  - {推荐单位: 衡水, 类别: 行业服务标兵, 编号: 5, 结果: 取消资格, 理由: 事迹材料与实际不符}
  - {推荐单位: 衡水, 类别: 优质服务品牌, 编号: 2, 结果: 通过}
优质服务品牌:
  - {推荐单位: 衡水, 编号: 1}
  - {推荐单位: 邢台, 编号: 2}
递补:
  - {推荐单位: 衡水, 类别: 行业服务标兵, 编号: 13, 替代编号: 4, 理由: 本人因工作调动申请退出}
"""


def test_summary_gains_the_stage_columns(tmp_path):
    target = tmp_path / "决定.yaml"
    target.write_text(DECISIONS, "utf-8")
    result = invoke("summary", EXAMPLES, "--decisions", target)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["推荐单位", "窗口名额", "窗口推荐", "窗口递补", "标兵名额", "标兵推荐", "标兵递补",
                                "品牌幅度", "品牌推荐", "考察通过", "取消", "递补", "表彰", "错误", "警告", "报送日期", "文件"]
    # 衡水: 11 windows and 10 exemplars passed (3 and 5 cancelled, 4 withdrew), 2 brands passed;
    # 13 took the place of 4: 11 + 11 + 1 awarded.
    hengshui = next(ln for ln in lines if ln.startswith("衡水")).split()
    assert hengshui[9:13] == ["23", "2", "1", "23"]
    xingtai = next(ln for ln in lines if ln.startswith("邢台")).split()
    assert xingtai[9:13] == ["34", "0", "0", "33"]  # 16 + 16 + 2 passed; one of its brands awarded
    total = lines[-1].split()
    assert total[8:12] == [str(400 - 3 + 28), "2", "1", str(400 - 2 + 2)]  # (no 品牌幅度 in the total row)
    data = json.loads(invoke("summary", EXAMPLES, "--decisions", target, "--format", "json").output)
    assert data["units"][8]["表彰"] == 23 and data["units"][0]["表彰"] == 32
    assert data["total"]["取消"] == 2
    plain = json.loads(invoke("summary", EXAMPLES, "--format", "json").output)
    assert "表彰" not in plain["units"][0]


def test_readme_shows_the_real_refusal_of_a_promotion_into_a_cancelled_place(tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text("utf-8").split("### 考察、综合确定和表彰：决定文件", 1)[1]
    example = readme.split("```yaml\n", 1)[1].split("```", 1)[0]
    added = re.search(r"再加一行 `(.+?)`", readme).group(1)
    shown = readme.split("什么也不排：\n\n```\n", 1)[1].split("```", 1)[0]
    repo = tmp_path / "仓库"
    repo.mkdir()
    for name in ("01-石家庄.yaml", "09-衡水.yaml"):
        (repo / name).write_text((EXAMPLES / name).read_text("utf-8"), "utf-8")
    monkeypatch.chdir(tmp_path)
    (repo / "决定.yaml").write_text(example, "utf-8")
    assert invoke("validate", "仓库/").exit_code == 0
    (repo / "决定.yaml").write_text(example + added + "\n", "utf-8")
    result = invoke("validate", "仓库/")
    assert result.exit_code == 1
    assert result.output.startswith(shown)


@pytest.mark.slow
def test_the_summary_workbook_has_the_stage_columns_too(tmp_path):
    import openpyxl

    target = tmp_path / "决定.yaml"
    target.write_text(DECISIONS, "utf-8")
    book = tmp_path / "汇总.xlsx"
    assert invoke("summary", EXAMPLES, "--decisions", target, "--format", "xlsx", "-o", book).exit_code == 0
    rows = list(openpyxl.load_workbook(book).worksheets[0].iter_rows(values_only=True))
    head = list(rows[0])
    assert head[9:13] == ["考察通过", "取消", "递补", "表彰"] and len(head) == 17
    hengshui = next(r for r in rows if r[0] == "衡水")
    assert list(hengshui[9:13]) == [23, 2, 1, 23] and len(hengshui) == 17
