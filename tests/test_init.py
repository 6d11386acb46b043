"""xianjin init: the starter file a clerk fills in."""

from __future__ import annotations

import re

import yaml
from click.testing import CliRunner

from xianjin.cli import cli


def invoke(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_init_writes_every_slot_for_the_unit(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("init", "衡水")
    assert result.exit_code == 0, result.output
    assert "已生成 衡水.yaml" in result.output
    text = (tmp_path / "衡水.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=schemas/submission.schema.json\n")
    data = yaml.safe_load(text)
    assert data["推荐单位"] == "衡水"
    assert data["填报单位"] == "中共衡水市委创先争优活动领导小组"
    assert len(data["群众满意窗口"]["推荐对象"]) == 12
    assert len(data["群众满意窗口"]["递补对象"]) == 2
    assert len(data["行业服务标兵"]["推荐对象"]) == 12
    assert len(data["行业服务标兵"]["递补对象"]) == 2
    assert len(data["优质服务品牌"]["推荐对象"]) == 2
    assert "递补对象" not in data["优质服务品牌"]
    # Hints stand on their own line above the field, which is left empty (a comment after a
    # value is XJ112: a clerk typing after the colon would leave the hint behind it).
    assert "      # 例：1978.05\n      出生年月:\n" in text
    assert "      # 例：0318-87654321\n      单位电话:\n" in text


def test_init_for_provincial_organs_has_forty_slots_and_six_brands(tmp_path):
    target = tmp_path / "12-省直机关.yaml"
    assert invoke("init", "省直机关", "-o", str(target)).exit_code == 0
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert len(data["群众满意窗口"]["推荐对象"]) == 40
    assert len(data["优质服务品牌"]["推荐对象"]) == 6


def test_init_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "衡水.yaml"
    target.write_text("我的草稿", encoding="utf-8")
    result = invoke("init", "衡水", "-o", str(target))
    assert result.exit_code == 2
    assert "已经存在" in result.output and "--force" in result.output
    assert target.read_text(encoding="utf-8") == "我的草稿"
    assert invoke("init", "衡水", "-o", str(target), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_init_unknown_unit_is_a_chinese_usage_error(tmp_path):
    result = invoke("init", "北京", "-o", str(tmp_path / "x.yaml"))
    assert result.exit_code == 2
    assert "“北京”不是推荐单位" in result.output
    assert not (tmp_path / "x.yaml").exists()


def test_untouched_starter_gives_one_line_per_empty_nominee(tmp_path):
    target = tmp_path / "衡水.yaml"
    invoke("init", "衡水", "-o", str(target))
    result = invoke("validate", str(target))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    blank = [ln for ln in lines if " XJ221 " in ln]
    assert len(blank) == 12 + 2 + 12 + 2 + 2
    assert blank[0].startswith(f"{target}:25:7: error XJ221 群众满意窗口.推荐对象[1]：")
    header = [ln for ln in lines if " XJ201 " in ln]
    assert [re.search(r"XJ201 (\S+?)：", ln).group(1) for ln in header] == ["报送日期", "联系人", "联系电话"]
    assert "其中 30 个推荐对象尚未填写（XJ221）" in result.output
    assert "Traceback" not in result.output


MATERIAL = "该同志始终坚持把群众满意作为工作的出发点和落脚点，创新服务方式，提升服务效能。" * 45


def fill_window(name):
    return {"服务窗口名称": name, "所属单位": "衡水市地方税务局", "所属行业": "税务", "党组织负责人": "赵志刚",
            "单位电话": "0318-2123456", "窗口情况简介": "窗口设在市行政服务中心。", "主要事迹": "推行一站式服务。",
            "典型事迹材料": MATERIAL}


def fill_exemplar(name):
    return {"姓名": name, "性别": "女", "出生年月": "1978.05", "民族": "汉族", "学历": "本科", "政治面貌": "中共党员",
            "工作单位及职务": "衡水市人民医院护士长", "所属行业": "卫生", "工作简历": "2000.07—今 衡水市人民医院护士",
            "主要事迹": "扎根临床一线。", "典型事迹材料": MATERIAL}


def test_filling_two_slots_leaves_exactly_the_rest(tmp_path):
    target = tmp_path / "衡水.yaml"
    invoke("init", "衡水", "-o", str(target))
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    data.update(报送日期="2012-08-15", 联系人="孙丽", 联系电话="0318-2156789", 公示情况="已公示，无异议")
    data["群众满意窗口"]["推荐对象"][0] = fill_window("衡水市行政服务中心地税窗口")
    data["行业服务标兵"]["推荐对象"][0] = fill_exemplar("李春华")
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = invoke("validate", str(target))
    blank = [ln for ln in result.output.splitlines() if " XJ221 " in ln]
    assert len(blank) == 28
    assert "群众满意窗口.推荐对象[1]" not in "".join(blank)
    assert "行业服务标兵.推荐对象[1]" not in "".join(blank)
    assert " XJ201 " not in result.output
