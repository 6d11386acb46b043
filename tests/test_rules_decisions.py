"""XJ5xx: the decisions file, checked through `xianjin validate --decisions` as the office runs it.

Two of the example units are submitted (秦皇岛, 衡水: 12 + 2 windows, 12 + 2 exemplars, 2 brands
each). Every decisions file here is written line by line, so each test knows the line and
column its problem must point at.
"""

from __future__ import annotations

import json
import re
import shutil
from xml.etree import ElementTree
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import assert_chinese
from xianjin.cli import cli

ROOT = Path(__file__).resolve().parents[1]
HEADER = ["决定:", "  文号: 冀创组〔2012〕30号", "  日期: 2012-09-28"]
BRANDS = ["优质服务品牌:", "  - {推荐单位: 衡水, 编号: 1}", "  - {推荐单位: 秦皇岛, 编号: 2}"]


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("repo")
    (folder / "units").mkdir()
    for name in ("04-秦皇岛.yaml", "09-衡水.yaml"):
        shutil.copy(ROOT / "examples" / name, folder / "units" / name)
    return folder


def check(repo: Path, lines: list[str], *extra: str, name: str = "决定.yaml"):
    """validate units/ --decisions FILE → (exit code, the problem lines, the whole output)."""
    target = repo / name
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(repo / "units"), "--decisions", str(target), *extra],
                                env={"GITHUB_ACTIONS": "", "NO_COLOR": ""}, catch_exceptions=False)
    assert_chinese(result.output)
    problems = [ln[len(str(repo)) + 1:] for ln in result.output.splitlines() if ln.startswith(str(repo))]
    return result.exit_code, problems, result.output


def col(line: str, key: str) -> int:
    """The 1-based column of the value after `key: ` in a flow mapping line."""
    return re.search(rf"(?<=[ {{]){key}: ", line).end() + 1


def inspection(unit: str, category: str, number: int, result: str, reason: str | None = "考察中发现问题") -> list[str]:
    lines = [f"  - 推荐单位: {unit}", f"    类别: {category}", f"    编号: {number}", f"    结果: {result}"]
    return lines + ([f"    理由: {reason}"] if reason else [])


def promotion(unit: str, category: str, number: int, replaces: int, reason: str = "本人因工作调动申请退出") -> str:
    return f"  - {{推荐单位: {unit}, 类别: {category}, 编号: {number}, 替代编号: {replaces}, 理由: {reason}}}"


def test_a_sound_decisions_file_passes(repo):
    lines = HEADER + ["考察:", *inspection("衡水", "群众满意窗口", 3, "取消资格"), *BRANDS,
                      "递补:", promotion("衡水", "行业服务标兵", 13, 4)]
    code, problems, out = check(repo, lines)
    assert (code, problems) == (0, [])
    assert "共检查 2 个推荐文件和 1 个决定文件：0 个错误，0 个警告。" in out


def test_xj501_category_and_result_words(repo):
    lines = HEADER + ["考察:", *inspection("衡水", "窗口", 3, "不合格"), *BRANDS]
    code, problems, _ = check(repo, lines)
    assert code == 1
    assert problems == ["决定.yaml:6:9: error XJ501 考察[1].类别：“窗口”应写作“群众满意窗口”",
                        "决定.yaml:8:9: error XJ501 考察[1].结果：“不合格”应写作“取消资格”"]


def test_xj502_nominee_that_does_not_exist(repo):
    lines = HEADER + ["考察:", *inspection("衡水", "群众满意窗口", 15, "取消资格"),
                      *BRANDS, "  - {推荐单位: 石家庄, 编号: 1}",
                      "递补:", promotion("衡水", "行业服务标兵", 13, 40)]
    code, problems, _ = check(repo, lines)
    problems = [p for p in problems if " XJ511 " not in p]  # 13 exemplars awarded: the place of 4 is taken
    assert code == 1
    assert problems == [
        "决定.yaml:7:9: error XJ502 考察[1].编号：衡水的群众满意窗口没有编号 15；排序表的序号是 1–14",
        f"决定.yaml:13:{col(lines[12], '推荐单位')}: error XJ502 优质服务品牌[3].推荐单位：没有推荐单位“石家庄”的推荐文件；请把它的推荐文件和决定文件一起检查",
        f"决定.yaml:15:{col(lines[14], '替代编号')}: error XJ502 递补[1].替代编号：衡水的行业服务标兵没有编号 40；排序表的序号是 1–14",
    ]


def test_xj503_the_same_nominee_decided_twice(repo):
    lines = HEADER + ["考察:", *inspection("衡水", "群众满意窗口", 3, "取消资格"),
                      *inspection("衡水", "群众满意窗口", 3, "通过", None),
                      *BRANDS, "  - {推荐单位: 衡水, 编号: 1}",
                      "递补:", promotion("衡水", "行业服务标兵", 13, 4), promotion("衡水", "行业服务标兵", 14, 4)]
    code, problems, _ = check(repo, lines)
    assert code == 1
    found = [p for p in problems if " XJ503 " in p]
    assert found == [
        "决定.yaml:12:9: error XJ503 考察[2].编号：衡水群众满意窗口（编号 3）的考察结果在第 5 行已经写过；同一推荐对象只能决定一次",
        f"决定.yaml:17:{col(lines[16], '编号')}: error XJ503 优质服务品牌[3].编号：衡水优质服务品牌（编号 1）在第 15 行已经写过；同一推荐对象只能决定一次",
        f"决定.yaml:20:{col(lines[19], '替代编号')}: error XJ503 递补[2].替代编号：由递补对象替代衡水行业服务标兵（编号 4）在第 19 行已经写过；同一推荐对象只能决定一次",
    ]


def test_xj504_cancelled_without_a_reason(repo):
    lines = HEADER + ["考察:", *inspection("衡水", "行业服务标兵", 5, "取消资格", None), *BRANDS]
    code, problems, _ = check(repo, lines)
    assert code == 1
    assert problems == ["决定.yaml:8:9: error XJ504 考察[1].结果：考察结果为“取消资格”，必须写“理由”（印在审批表和考察情况汇总中）"]


def test_xj504_a_refilled_place_needs_to_say_why_it_is_empty(repo):
    bare = "  - {推荐单位: 衡水, 类别: 行业服务标兵, 编号: 13, 替代编号: 4}"
    code, problems, _ = check(repo, HEADER + BRANDS + ["递补:", bare])
    assert code == 1
    assert problems == ["决定.yaml:8:5: error XJ504 递补[1]：没有写明衡水行业服务标兵（编号 4）的名额为什么空出；"
                        "请在“理由”中写明（如本人申请退出）"]
    # The withdrawal written in 考察 says it already.
    withdrew = inspection("衡水", "行业服务标兵", 4, "退出", "本人因病申请退出")
    assert check(repo, HEADER + ["考察:", *withdrew] + BRANDS + ["递补:", bare])[:2] == (0, [])


def test_xj505_no_alternate_takes_a_cancelled_place(repo):
    lines = HEADER + ["考察:", *inspection("衡水", "群众满意窗口", 3, "取消资格", "考察中发现该窗口有群众投诉"),
                      *BRANDS, "递补:", promotion("衡水", "群众满意窗口", 13, 3, "递补")]
    code, problems, out = check(repo, lines)
    assert code == 1
    assert problems == [f"决定.yaml:14:{col(lines[13], '替代编号')}: error XJ505 递补[1].替代编号：衡水群众满意窗口（编号 3）已被取消评选资格（第 5 行），"
                        "出缺名额不再递补：这个名额空缺，不能由递补对象编号 13 递补"]
    explained = CliRunner().invoke(cli, ["rules", "XJ505"]).output
    assert explained.startswith("XJ505（错误）出缺名额不再递补") and "取消评选资格" in explained


def test_xj506_a_nominee_who_passed_cannot_be_replaced(repo):
    lines = HEADER + ["考察:", *inspection("衡水", "行业服务标兵", 4, "通过", None), *BRANDS,
                      "递补:", promotion("衡水", "行业服务标兵", 13, 4)]
    code, problems, _ = check(repo, lines)
    assert code == 1
    assert problems == [f"决定.yaml:13:{col(lines[12], '替代编号')}: error XJ506 递补[1].替代编号：衡水行业服务标兵（编号 4）在第 5 行考察“通过”，"
                        "仍在表彰之列，不能由递补对象替代；如果他已退出，请把考察结果改为“退出”并写明理由"]


def test_xj507_only_alternates_are_promoted_into_formal_places(repo):
    lines = HEADER + BRANDS + ["递补:", promotion("衡水", "行业服务标兵", 2, 4), promotion("衡水", "行业服务标兵", 13, 14),
                               promotion("衡水", "优质服务品牌", 2, 1)]
    code, problems, _ = check(repo, lines)
    assert code == 1
    assert problems == [
        f"决定.yaml:8:{col(lines[7], '编号')}: error XJ507 递补[1].编号：编号 2 是衡水行业服务标兵的推荐对象，不是递补对象；只有递补对象（编号 13、14）可以递补",
        f"决定.yaml:9:{col(lines[8], '替代编号')}: error XJ507 递补[2].替代编号：替代编号 14 是递补对象；递补对象只能替代推荐对象（1–12）",
        f"决定.yaml:10:{col(lines[9], '类别')}: error XJ507 递补[3].类别：优质服务品牌不设递补对象，没有可递补的品牌",
    ]


def test_xj508_a_cancelled_alternate_is_not_promoted(repo):
    lines = HEADER + ["考察:", *inspection("衡水", "行业服务标兵", 13, "取消资格"), *BRANDS,
                      "递补:", promotion("衡水", "行业服务标兵", 13, 4)]
    code, problems, _ = check(repo, lines)
    assert code == 1
    assert problems == [f"决定.yaml:14:{col(lines[13], '编号')}: error XJ508 递补[1].编号：递补对象衡水行业服务标兵（编号 13）已被取消评选资格（第 5 行），不能递补"]


def test_xj509_alternates_go_in_their_ranked_order(repo):
    lines = HEADER + BRANDS + ["递补:", promotion("衡水", "群众满意窗口", 14, 2)]
    code, problems, _ = check(repo, lines)
    assert code == 0  # a warning
    assert problems == [f"决定.yaml:8:{col(lines[7], '编号')}: warning XJ509 递补[1].编号：递补对象应依次递补：排在前面的编号 13 没有递补，"
                        "却递补了编号 14；如编号 13 已退出或不符合条件，请在“考察”中写明结果和理由"]
    assert check(repo, HEADER + BRANDS + ["递补:", promotion("衡水", "群众满意窗口", 14, 2)], "--strict")[0] == 1
    # A reason for passing over 13 silences it.
    skipped = inspection("衡水", "群众满意窗口", 13, "退出", "该窗口已撤并")
    assert check(repo, HEADER + ["考察:", *skipped] + BRANDS + ["递补:", promotion("衡水", "群众满意窗口", 14, 2)])[:2] == (0, [])


def test_xj510_a_cancelled_brand_is_not_awarded(repo):
    lines = HEADER + ["考察:", *inspection("衡水", "优质服务品牌", 1, "取消资格"), *BRANDS]
    code, problems, _ = check(repo, lines)
    assert code == 1
    assert problems == [f"决定.yaml:11:{col(lines[10], '编号')}: error XJ510 优质服务品牌[1].编号：衡水优质服务品牌（编号 1）在第 5 行考察结果为“取消资格”，不能表彰"]


def test_xj511_the_awarded_stay_within_the_province_quota(repo, tmp_path):
    text = (ROOT / "src/xianjin/data/hebei-2012.yaml").read_text("utf-8")
    small = tmp_path / "小名额.yaml"
    small.write_text(text.replace("  群众满意窗口: 200", "  群众满意窗口: 23"), "utf-8")
    code, problems, out = check(repo, HEADER + BRANDS, "--campaign", str(small))
    assert code == 1 and "XJ405" in out  # 24 submitted
    assert problems == ["决定.yaml:1:1: error XJ511 群众满意窗口：按这份决定，全省表彰群众满意窗口 24 个，超过全省名额 23 个"]
    # Cancelling one window brings the awarded within the quota, whatever was submitted.
    cancel = ["考察:", *inspection("秦皇岛", "群众满意窗口", 1, "取消资格")]
    assert check(repo, HEADER + cancel + BRANDS, "--campaign", str(small))[1] == []


def test_xj511_a_unit_over_its_quota(repo, tmp_path):
    units = tmp_path / "units"
    units.mkdir()
    text = (ROOT / "examples/09-衡水.yaml").read_text("utf-8")
    # The alternates moved up into the formal list: 14 formal nominees for 12 places.
    units.joinpath("09-衡水.yaml").write_text(text.replace("  递补对象:\n    - 服务窗口名称: 中国石油", "    - 服务窗口名称: 中国石油", 1),
                                              "utf-8")
    (tmp_path / "决定.yaml").write_text("\n".join(HEADER + ["优质服务品牌:", "  - {推荐单位: 衡水, 编号: 1}"]) + "\n", "utf-8")
    result = CliRunner().invoke(cli, ["validate", str(units), "--decisions", str(tmp_path / "决定.yaml")])
    assert result.exit_code == 1 and "XJ301" in result.output
    assert f"{tmp_path / '决定.yaml'}:1:1: error XJ511 衡水.群众满意窗口：按这份决定，衡水表彰群众满意窗口 14 个，超过名额 12 个；" \
           "多出的请在“考察”中取消资格" in result.output


def test_xj512_no_brand_awarded_is_warned(repo):
    code, problems, _ = check(repo, HEADER + ["优质服务品牌:", "  # - {推荐单位: 衡水, 编号: 1}"])
    assert code == 0
    assert problems == ["决定.yaml:4:1: warning XJ512 优质服务品牌：没有列出任何要表彰的优质服务品牌；综合确定后，"
                        "把表彰的品牌写在“优质服务品牌”中（xianjin init --decisions 生成的文件中每个品牌都有一行可以取消注释）"]


def test_xj513_two_decisions_files_in_one_run(repo, tmp_path):
    folder = tmp_path / "repo"
    shutil.copytree(repo / "units", folder)
    (folder / "决定.yaml").write_text("\n".join(HEADER + BRANDS) + "\n", "utf-8")
    (folder / "决定-旧.yaml").write_text("\n".join(HEADER + BRANDS) + "\n", "utf-8")
    result = CliRunner().invoke(cli, ["validate", str(folder)])
    assert result.exit_code == 1
    found = re.findall(r"^(\S+):1:1: error XJ513 决定：还有一个决定文件：(\S+)；", result.output, re.M)
    assert sorted(found) == sorted([(str(folder / "决定-旧.yaml"), str(folder / "决定.yaml")),
                                    (str(folder / "决定.yaml"), str(folder / "决定-旧.yaml"))])
    # The same file named and found in the walk is one file.
    (folder / "决定-旧.yaml").unlink()
    again = CliRunner().invoke(cli, ["validate", str(folder), "--decisions", str(folder / "决定.yaml")])
    assert again.exit_code == 0, again.output
    assert "共检查 2 个推荐文件和 1 个决定文件" in again.output


def test_xj514_the_document_number_uses_hexagonal_brackets(repo):
    lines = ["决定:", "  文号: 冀创组[2012]030号", "  日期: 2012-09-28", *BRANDS]
    code, problems, _ = check(repo, lines)
    assert code == 1
    assert problems == ["决定.yaml:2:7: error XJ514 决定.文号：“冀创组[2012]030号”应写作“冀创组〔2012〕30号”（年份用六角括号〔〕，序号不编虚位）"]


def test_a_decisions_file_in_a_folder_walk_is_recognised_by_its_key(repo, tmp_path):
    folder = tmp_path / "repo"
    shutil.copytree(repo / "units", folder)
    lines = HEADER + ["考察:", *inspection("衡水", "群众满意窗口", 3, "取消资格", None), *BRANDS]
    (folder / "省委决定.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    result = CliRunner().invoke(cli, ["validate", str(folder)])
    assert result.exit_code == 1
    assert f"{folder / '省委决定.yaml'}:8:9: error XJ504 考察[1].结果：" in result.output
    # It has a 优质服务品牌 key, but it is not mistaken for a submission of no known unit.
    assert "共检查 2 个推荐文件和 1 个决定文件" in result.output
    summary = CliRunner().invoke(cli, ["summary", str(folder)])
    assert "推荐单位不明" not in summary.output


def test_a_broken_decisions_file_in_a_walk_is_still_a_decisions_file(repo, tmp_path):
    folder = tmp_path / "repo"
    shutil.copytree(repo / "units", folder)
    (folder / "决定.yaml").write_text("决定:\n  文号: 冀创组〔2012〕30号\n 日期: 2012-09-28\n优质服务品牌: []\n", "utf-8")
    result = CliRunner().invoke(cli, ["validate", str(folder)])
    assert result.exit_code == 1
    assert re.search(rf"^{re.escape(str(folder / '决定.yaml'))}:\d+:\d+: error XJ105 ", result.output, re.M)
    assert "共检查 2 个推荐文件和 1 个决定文件" in result.output


def test_keys_values_and_dates_are_checked_like_a_submission(repo):
    lines = ["决定:", "  文号: 冀创组〔2012〕30号", "  日期: 2012-09-31", "考查:", "  - {推荐单位: 衡水}",
             *BRANDS, "递补:", "  - {推荐单位: 衡水市, 类别: 行业服务标兵, 编号: 十三, 替代编号: 4, 原因: 调走}"]
    code, problems, _ = check(repo, lines)
    assert code == 1
    assert problems[:2] == ["决定.yaml:3:7: error XJ213 决定.日期：“2012-09-31”不是有效的日期（2012年9月31日不存在），应写成 2012-08-15",
                            "决定.yaml:4:1: error XJ202 考查：“考查”不是表中的栏目，是不是“考察”？"]
    assert problems[2:] == [
        f"决定.yaml:10:{col(lines[9], '推荐单位')}: error XJ218 递补[1].推荐单位：“衡水市”应写作推荐单位的简称“衡水”",
        f"决定.yaml:10:{col(lines[9], '编号')}: error XJ219 递补[1].编号：这里应当是整数，而现在是“十三”",
        f"决定.yaml:10:{col(lines[9], '原因') - 4}: error XJ202 递补[1].原因：“原因”不是表中的栏目；"
        "这里可以填的栏目是：推荐单位、类别、编号、替代编号、理由"]


def test_missing_header_and_machine_formats(repo):
    code, problems, _ = check(repo, BRANDS, "--format", "json")
    target = repo / "决定.yaml"
    rows = json.loads(CliRunner().invoke(cli, ["validate", str(repo / "units"), "--decisions", str(target),
                                               "--format", "json"]).output)
    assert {"file": str(target), "line": 1, "column": 1, "code": "XJ201", "level": "error", "field": "决定",
            "message": "缺少“决定”部分（文号、日期）；这是必填项"} in rows
    junit = CliRunner().invoke(cli, ["validate", str(repo / "units"), "--decisions", str(target),
                                     "--format", "junit"]).output
    cases = {case.get("name"): case for case in ElementTree.fromstring(junit).iter("testcase")}
    ours = next(case for name, case in cases.items() if name.endswith("决定.yaml"))
    assert "XJ201" in ours.find("failure").text


def test_the_per_file_hook_skips_the_decisions_file(repo):
    """pre-commit hands over a commit's files in batches: there is nothing whole to check a decisions file against."""
    target = repo / "决定.yaml"
    target.write_text("\n".join(HEADER + ["考察:", *inspection("石家庄", "群众满意窗口", 1, "取消资格")]) + "\n", "utf-8")
    result = CliRunner().invoke(cli, ["validate", "--files-only", str(repo / "units" / "09-衡水.yaml"), str(target)])
    assert result.exit_code == 0, result.output
    assert "共检查 1 个推荐文件（另有 1 个 YAML 文件不是推荐文件，已跳过）" in result.output
