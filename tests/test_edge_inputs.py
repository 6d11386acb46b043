"""Inputs found by review: each once gave a wrong answer, a crash or a misleading place."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET

from click.testing import CliRunner
from helpers import CAMPAIGN, build_unit, codes, one, problems_of

from xianjin.cli import cli
from xianjin.loader import load_bytes
from xianjin.validate import validate_paths


def test_fullwidth_colon_on_a_first_key_points_at_its_own_line():
    p = one(load_bytes("推荐单位：衡水\n填报单位: 中共衡水市委\n".encode()).problems, "XJ105")
    assert (p.line, p.column) == (1, 1)
    assert "中文冒号“：”" in p.message


def test_control_character_escape_in_quotes_is_refused_at_its_value():
    text = build_unit("衡水").text.replace("性别: 女", '性别: "女\\0"', 1)
    p = one(problems_of(text), "XJ104")
    assert text.splitlines()[p.line - 1].strip() == '性别: "女\\0"'
    assert "U+0000" in p.message


def test_deep_nesting_is_a_problem_not_a_crash():
    result = load_bytes(("填报单位: " + "[" * 500 + "]" * 500 + "\n").encode())
    assert codes(result.problems) == ["XJ107"]
    assert "嵌套" in result.problems[0].message


def test_a_file_named_twice_is_checked_once(tmp_path, monkeypatch):
    (tmp_path / "衡水.yaml").write_text(build_unit("衡水").text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    report = validate_paths(["衡水.yaml", ".", os.path.abspath("衡水.yaml")], CAMPAIGN)
    assert [u.path for u in report.units] == ["衡水.yaml"]
    assert report.errors == 0


def test_unsigned_approval_stages_may_be_left_empty():
    text = build_unit("衡水").text.replace(
        "        主管单位党组织: {意见: 同意推荐, 日期: 2012-08-10}\n",
        "        主管单位党组织: ''\n        推荐单位领导小组: {意见: 同意推荐, 日期: ''}\n", 1)
    assert "推荐单位领导小组: {意见: 同意推荐, 日期: ''}" in text
    assert [p for p in problems_of(text) if p.is_error] == []


def test_campaign_file_inconsistency_is_explained(tmp_path):
    from xianjin.campaign import DEFAULT_CAMPAIGN

    broken = tmp_path / "c.yaml"
    broken.write_text(DEFAULT_CAMPAIGN.read_text(encoding="utf-8").replace("{名称: 承德,", "{名称: 石家庄,"),
                      encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "--campaign", str(broken), str(tmp_path)])
    assert result.exit_code == 2
    assert "推荐单位的名称有重复" in result.output


def test_vocabulary_short_forms_and_no_wild_guesses():
    doc = build_unit("衡水")
    assert [p for p in problems_of(doc.text.replace("学历: 大学本科", "学历: 中师", 1)) if p.is_error] == []
    p = one(problems_of(doc.text.replace("政治面貌: 中共党员", "政治面貌: 无", 1)), "XJ207")
    assert "无党派人士" not in p.message.split("应为")[0]


def test_summary_shows_a_file_whose_unit_is_not_recognised(tmp_path):
    (tmp_path / "x.yaml").write_text(build_unit("衡水").text.replace("推荐单位: 衡水", "推荐单位: 衡水市", 1),
                                     encoding="utf-8")
    out = CliRunner().invoke(cli, ["summary", str(tmp_path)]).output
    row = next(line for line in out.splitlines() if line.startswith("（推荐单位不明）"))
    assert row.split()[-3:] == ["1", "0", str(tmp_path / "x.yaml")]


def test_junit_report_stays_well_formed_for_hostile_text(tmp_path):
    text = build_unit("衡水").text.replace("性别: 女", '性别: "<女>&\\a"', 1)
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    out = CliRunner().invoke(cli, ["validate", str(tmp_path), "--format", "junit"]).output
    suite = ET.fromstring(out.split("\n", 1)[1])
    assert suite.get("failures") == "1"


def test_the_same_window_spelt_with_other_spaces_is_still_the_same(tmp_path):
    text = build_unit("衡水").text
    first, second = (part.split("\n", 1)[0] for part in text.split("服务窗口名称: ")[1:3])
    text = text.replace(f"服务窗口名称: {second}\n", f"服务窗口名称: {first[:3]} {first[3:]}\n", 1)
    (tmp_path / "衡水.yaml").write_text(text, encoding="utf-8")
    report = validate_paths([str(tmp_path)], CAMPAIGN)
    assert codes([p for p in report.problems if p.code == "XJ402"]) == ["XJ402", "XJ402"]
