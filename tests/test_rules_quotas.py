"""XJ3xx: how many nominees a unit may send (附件1 quotas, 2 alternates, brand ranges)."""

from __future__ import annotations

import pytest

from helpers import build_unit, check_text, codes, one, problems_of

WF, WA = ("群众满意窗口", "推荐对象"), ("群众满意窗口", "递补对象")
MF, MA = ("行业服务标兵", "推荐对象"), ("行业服务标兵", "递补对象")
BF = ("优质服务品牌", "推荐对象")


def problems(doc, name=None):
    return problems_of(doc.text, name or f"{doc.unit}.yaml")


@pytest.mark.parametrize("unit", ["石家庄", "秦皇岛", "衡水", "省直机关"])
def test_full_quota_is_valid(unit):
    doc = build_unit(unit)
    assert problems(doc) == []


# --- XJ301 over quota ------------------------------------------------------------------------

def test_xj301_windows_over_quota_points_at_first_extra():
    doc = build_unit("衡水", windows=13)
    p = one(problems(doc), "XJ301")
    assert p.level == "error"
    assert (p.line, p.column) == (doc.line(WF + (12,)), 7)
    assert p.field == "群众满意窗口.推荐对象[13]"
    assert "衡水的群众满意窗口名额是 12 个，这里列了 13 个推荐对象" in p.message
    assert "从第 13 个起超出名额" in p.message


def test_xj301_exemplars_over_quota_shijiazhuang():
    doc = build_unit("石家庄", models=18)
    p = one(problems(doc), "XJ301")
    assert p.line == doc.line(MF + (16,))
    assert "石家庄的行业服务标兵名额是 16 个，这里列了 18 个" in p.message


def test_xj301_provincial_organs_quota_is_40():
    doc = build_unit("省直机关", windows=41)
    p = one(problems(doc), "XJ301")
    assert p.line == doc.line(WF + (40,))
    assert "名额是 40 个" in p.message


# --- XJ302 under quota ----------------------------------------------------------------------------

def test_xj302_fewer_than_quota_warned():
    doc = build_unit("衡水", models=11)
    ps = problems(doc)
    assert codes(ps) == ["XJ302"]
    p = ps[0]
    assert p.level == "warning"
    assert p.line in (doc.line(MF), doc.line(MF) + 1)
    assert p.field == "行业服务标兵.推荐对象"
    assert "衡水的行业服务标兵名额是 12 个，只推荐了 11 个，有 1 个名额未用" == p.message


def test_xj302_empty_list():
    doc = build_unit("衡水")
    text = doc.replace_line(WF, "  推荐对象: []")
    # drop the 12 windows that followed
    lines = text.split("\n")
    first, last = doc.line(WF + (0,)) - 1, doc.line(WA) - 1
    text = "\n".join(lines[:first] + lines[last:])
    p = one(problems_of(text), "XJ302")
    assert p.line == doc.line(WF)
    assert "只推荐了 0 个，有 12 个名额未用" in p.message


# --- XJ303 alternates ----------------------------------------------------------------------------

@pytest.mark.parametrize("n", [1, 3, 4])
def test_xj303_wrong_number_of_alternates(n):
    doc = build_unit("衡水", window_alternates=n)
    ps = problems(doc)
    assert codes(ps) == ["XJ303"]
    p = ps[0]
    assert p.level == "error"
    if n > 2:
        assert p.line == doc.line(WA + (2,))  # the first one too many
        assert p.field == "群众满意窗口.递补对象[3]"
    else:
        assert p.line in (doc.line(WA), doc.line(WA) + 1)
    assert f"群众满意窗口应当另外推荐正好 2 个递补对象（依次排序），现在有 {n} 个" == p.message


def test_xj303_no_alternates_key():
    doc = build_unit("衡水", model_alternates=0)
    p = one(problems(doc), "XJ303")
    assert p.line in (doc.line(("行业服务标兵",)), doc.line(MF))
    assert "行业服务标兵应当另外推荐正好 2 个递补对象" in p.message and "没有填写递补对象" in p.message


def test_xj303_empty_alternates_list():
    doc = build_unit("衡水", model_alternates=0)
    # "递补对象: []" just before the 优质服务品牌 section
    lines = list(doc.lines)
    at = doc.line(("优质服务品牌",)) - 1
    lines[at:at] = ["  递补对象: []"]
    p = one(problems_of("\n".join(lines)), "XJ303")
    assert p.line == at + 1
    assert "没有填写递补对象" in p.message


def test_alternates_beyond_quota_do_not_count_as_formal():
    doc = build_unit("衡水", windows=12, window_alternates=2)
    unit = check_text(doc.text)
    assert unit.count(*WF) == 12 and unit.count(*WA) == 2
    assert [e.number for e in unit.entries if e.category == "群众满意窗口" and e.alternate] == [13, 14]


# --- XJ304 brand ranges ----------------------------------------------------------------------------

@pytest.mark.parametrize("unit, n, low, high", [("衡水", 3, 1, 2), ("省直机关", 7, 5, 6), ("省直机关", 4, 5, 6)])
def test_xj304_brand_count_out_of_range(unit, n, low, high):
    doc = build_unit(unit, brands=n)
    ps = problems(doc)
    assert codes(ps) == ["XJ304"]
    p = ps[0]
    assert p.level == "error"
    if n > high:
        assert p.line == doc.line(BF + (high,))
    else:
        assert p.line in (doc.line(BF), doc.line(BF) + 1)
    assert f"{unit}应推荐 {low}–{high} 个优质服务品牌，这里有 {n} 个" == p.message


@pytest.mark.parametrize("unit, n", [("衡水", 1), ("衡水", 2), ("省直机关", 5), ("省直机关", 6)])
def test_brand_count_in_range(unit, n):
    assert problems(build_unit(unit, brands=n)) == []


def test_xj304_no_brand_at_all():
    doc = build_unit("衡水", brands=0)
    text = doc.replace_line(BF, "  推荐对象: []")
    p = one(problems_of(text), "XJ304")
    assert p.line == doc.line(BF)
    assert "衡水应推荐 1–2 个优质服务品牌，这里有 0 个" == p.message


# --- XJ305 brand alternates -----------------------------------------------------------------------

def test_xj305_brand_alternates():
    doc = build_unit("衡水")
    text = doc.text + "  递补对象:\n    - 服务品牌名称: 衡水市备用品牌\n"
    p = one(problems_of(text), "XJ305")
    assert (p.line, p.column) == (len(doc.lines) + 1, 3)
    assert p.field == "优质服务品牌.递补对象"
    assert "优质服务品牌不设递补对象" in p.message


def test_quota_not_checked_when_unit_unknown():
    doc = build_unit("衡水", windows=20)
    ps = problems_of(doc.set(("推荐单位",), "北京"))
    assert "XJ218" in codes(ps)
    assert "XJ301" not in codes(ps)


def test_quota_follows_the_campaign(tmp_path):
    from helpers import CAMPAIGN
    from xianjin.campaign import DEFAULT_CAMPAIGN
    from xianjin.validate import load_campaign

    src = DEFAULT_CAMPAIGN.read_text("utf-8")
    changed = src.replace("{名称: 衡水,     填报单位: 中共衡水市委创先争优活动领导小组,   区号: ['0318'], 群众满意窗口: 12",
                          "{名称: 衡水,     填报单位: 中共衡水市委创先争优活动领导小组,   区号: ['0318'], 群众满意窗口: 10")
    assert changed != src
    path = tmp_path / "c.yaml"
    path.write_text(changed, encoding="utf-8")
    campaign = load_campaign(path)
    assert campaign.units["衡水"].群众满意窗口 == 10
    doc = build_unit("衡水")
    p = one(problems_of(doc.text, campaign=campaign), "XJ301")
    assert "名额是 10 个，这里列了 12 个" in p.message
    assert problems_of(doc.text, campaign=CAMPAIGN) == []
