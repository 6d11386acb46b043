"""XJ4xx: checks across the files of one run, through `validate_paths` on real folders."""

from __future__ import annotations

import pytest

from helpers import CAMPAIGN, build_unit, codes, one, only
from xianjin.campaign import DEFAULT_CAMPAIGN
from xianjin.validate import load_campaign, validate_paths

W0 = ("群众满意窗口", "推荐对象", 0)
M2 = ("行业服务标兵", "推荐对象", 2)
M0 = ("行业服务标兵", "推荐对象", 0)


@pytest.fixture(scope="session")
def province(tmp_path_factory):
    """All twelve units, every quota filled: a folder that validates clean."""
    root = tmp_path_factory.mktemp("province")
    for i, unit in enumerate(CAMPAIGN.units, 1):
        (root / f"{i:02d}-{unit}.yaml").write_text(build_unit(unit).text, encoding="utf-8")
    return root


def small_campaign(tmp_path, total: int):
    text = DEFAULT_CAMPAIGN.read_text("utf-8")
    changed = text.replace("  群众满意窗口: 200\n  行业服务标兵: 200",
                           f"  群众满意窗口: {total}\n  行业服务标兵: {total}")
    assert changed != text
    path = tmp_path / "small-campaign.yaml"
    path.write_text(changed, encoding="utf-8")
    return path


def test_full_province_is_clean(province):
    report = validate_paths([str(province)], CAMPAIGN, require_all=True)
    assert report.problems == []
    assert len(report.units) == 12
    assert report.missing_units == []
    assert report.total("群众满意窗口") == 200 and report.total("行业服务标兵") == 200


# --- XJ401 two files, one unit ----------------------------------------------------------------

def test_xj401_two_files_for_one_unit_error_on_both(write):
    a = write("a.yaml", build_unit("衡水").text)
    b = write("b.yaml", build_unit("衡水", tag="（二）", name_offset=700).text)
    report = validate_paths([a, b], CAMPAIGN)
    assert codes(report.problems) == ["XJ401", "XJ401"]
    pa, pb = report.problems
    assert (pa.path, pa.line, pa.column) == (a, 2, 7)
    assert (pb.path, pb.line, pb.column) == (b, 2, 7)
    assert pa.field == "推荐单位"
    assert f"推荐单位“衡水”还有一个文件：{b}" in pa.message
    assert f"还有一个文件：{a}" in pb.message
    assert "每个推荐单位只交一个文件" in pa.message
    assert all(u.submission is None for u in report.units)


def test_xj401_written_differently_still_one_unit(write):
    a = write("a.yaml", build_unit("衡水").text)
    doc = build_unit("衡水", tag="（二）", name_offset=700)
    b = write("b.yaml", doc.set(("推荐单位",), "衡 水"))
    report = validate_paths([a, b], CAMPAIGN)
    assert sorted(codes(report.problems)) == ["XJ401", "XJ401"]


# --- XJ402 same window / brand ---------------------------------------------------------------------

def test_xj402_same_window_in_two_files_both_places_named(write):
    hs = build_unit("衡水")
    qhd = build_unit("秦皇岛")
    title = hs.lines[hs.line(W0) - 1].split(": ", 1)[1]
    path = ("群众满意窗口", "推荐对象", 3)
    a = write("09-衡水.yaml", hs.text)
    b = write("04-秦皇岛.yaml", qhd.set(path + ("服务窗口名称",), title))
    report = validate_paths([a, b], CAMPAIGN)
    ps = only(report.problems, "XJ402")
    assert len(ps) == 2 and codes(report.problems) == ["XJ402", "XJ402"]
    by_file = {p.path: p for p in ps}
    pa, pb = by_file[a], by_file[b]
    assert (pa.line, pa.column, pa.field) == (hs.line(W0), 7, "群众满意窗口.推荐对象[1]")
    assert (pb.line, pb.field) == (qhd.line(path), "群众满意窗口.推荐对象[4]")
    assert f"“{title}”还在别处被推荐：{b}:{qhd.line(path)} 群众满意窗口.推荐对象[4]" in pa.message
    assert f"{a}:{hs.line(W0)} 群众满意窗口.推荐对象[1]" in pb.message
    assert "同一对象只能推荐一次" in pa.message


def test_xj402_same_window_twice_in_one_file(write):
    hs = build_unit("衡水")
    title = hs.lines[hs.line(W0) - 1].split(": ", 1)[1]
    alt = ("群众满意窗口", "递补对象", 1)
    a = write("衡水.yaml", hs.set(alt + ("服务窗口名称",), title))
    report = validate_paths([a], CAMPAIGN)
    ps = only(report.problems, "XJ402")
    assert [p.line for p in ps] == [hs.line(W0), hs.line(alt)]
    assert f"{a}:{hs.line(alt)} 群众满意窗口.递补对象[2]" in ps[0].message
    assert f"{a}:{hs.line(W0)} 群众满意窗口.推荐对象[1]" in ps[1].message


def test_xj402_same_brand_in_two_files(write):
    hs, qhd = build_unit("衡水"), build_unit("秦皇岛")
    b0 = ("优质服务品牌", "推荐对象", 0)
    title = hs.lines[hs.line(b0) - 1].split(": ", 1)[1]
    a = write("a.yaml", hs.text)
    b = write("b.yaml", qhd.set(b0 + ("服务品牌名称",), title))
    ps = only(validate_paths([a, b], CAMPAIGN).problems, "XJ402")
    assert {p.path for p in ps} == {a, b}
    assert all(p.field == "优质服务品牌.推荐对象[1]" for p in ps)


def test_window_and_brand_of_same_name_are_different_things(write):
    hs = build_unit("衡水")
    title = hs.lines[hs.line(W0) - 1].split(": ", 1)[1]
    a = write("a.yaml", hs.set(("优质服务品牌", "推荐对象", 0, "服务品牌名称"), title))
    assert validate_paths([a], CAMPAIGN).problems == []


# --- XJ403 same person ---------------------------------------------------------------------------

def _person(doc, path):
    name = doc.lines[doc.line(path + ("姓名",)) - 1].split(": ", 1)[1]
    birth = doc.lines[doc.line(path + ("出生年月",)) - 1].split(": ", 1)[1]
    return name, birth


def test_xj403_same_person_twice_in_one_file(write, hengshui):
    name, birth = _person(hengshui, M0)
    text = hengshui.set(M2 + ("出生年月",), birth)
    text = hengshui.then(text).set(M2 + ("姓名",), name)
    a = write("衡水.yaml", text)
    report = validate_paths([a], CAMPAIGN)
    ps = only(report.problems, "XJ403")
    assert codes(report.problems) == ["XJ403", "XJ403"]
    assert [(p.line, p.field) for p in ps] == [(hengshui.line(M0), "行业服务标兵.推荐对象[1]"),
                                               (hengshui.line(M2), "行业服务标兵.推荐对象[3]")]
    b = birth.strip('"')
    assert f"{name}（{b}出生）还在别处被推荐：{a}:{hengshui.line(M2)} 行业服务标兵.推荐对象[3]" in ps[0].message
    assert f"{a}:{hengshui.line(M0)} 行业服务标兵.推荐对象[1]" in ps[1].message


def test_xj403_same_person_written_differently(write, hengshui):
    """张　三 born 1978年5月 is 张三 born 1978.05: the comparison is on normalised values."""
    name, birth = _person(hengshui, M0)
    spaced = name[0] + "　" + name[1:]
    y, m = birth.strip('"').split(".")
    text = hengshui.set(M2 + ("出生年月",), f'"{y}年{int(m)}月"')
    text = hengshui.then(text).set(M2 + ("姓名",), spaced)
    ps = only(validate_paths([write("衡水.yaml", text)], CAMPAIGN).problems, "XJ403")
    assert len(ps) == 2


def test_same_name_different_birth_is_two_people(write, hengshui):
    name, _ = _person(hengshui, M0)
    a = write("衡水.yaml", hengshui.set(M2 + ("姓名",), name))
    assert validate_paths([a], CAMPAIGN).problems == []


def test_xj403_same_person_in_two_units(write):
    hs, qhd = build_unit("衡水"), build_unit("秦皇岛")
    name, birth = _person(hs, M0)
    path = ("行业服务标兵", "递补对象", 0)
    text = qhd.set(path + ("出生年月",), birth)
    text = qhd.then(text).set(path + ("姓名",), name)
    a, b = write("a.yaml", hs.text), write("b.yaml", text)
    ps = only(validate_paths([a, b], CAMPAIGN).problems, "XJ403")
    assert {(p.path, p.line) for p in ps} == {(a, hs.line(M0)), (b, qhd.line(path))}


# --- XJ404 missing units -----------------------------------------------------------------------------

def test_missing_units_listed_not_an_error_without_require_all(write):
    a = write("衡水.yaml", build_unit("衡水").text)
    report = validate_paths([a], CAMPAIGN)
    assert report.problems == []
    assert "衡水" not in report.missing_units and len(report.missing_units) == 11
    assert report.missing_units[0] == "石家庄"


def test_xj404_require_all(write):
    a = write("衡水.yaml", build_unit("衡水").text)
    b = write("石家庄.yaml", build_unit("石家庄").text)
    report = validate_paths([a, b], CAMPAIGN, require_all=True)
    p = one(report.problems, "XJ404")
    assert p.level == "error"
    assert (p.path, p.line) == ("", 0)
    assert "以下推荐单位尚未报送：承德、张家口、秦皇岛、唐山、廊坊、保定、沧州、邢台、邯郸、省直机关" == p.message
    assert p in report.province


def test_xj404_not_raised_when_all_submitted(province):
    report = validate_paths([str(province)], CAMPAIGN, require_all=True)
    assert "XJ404" not in codes(report.problems)


def test_xj404_a_unit_with_a_wrong_name_is_missing(write):
    doc = build_unit("衡水")
    a = write("衡水.yaml", doc.set(("推荐单位",), "衡水市"))
    report = validate_paths([a], CAMPAIGN, require_all=True)
    assert "衡水" in one(report.problems, "XJ404").message


# --- XJ405 province totals -----------------------------------------------------------------------------

def test_xj405_province_totals_over(write, tmp_path):
    campaign = load_campaign(small_campaign(tmp_path, 20))
    a = write("衡水.yaml", build_unit("衡水", campaign=campaign).text)
    b = write("秦皇岛.yaml", build_unit("秦皇岛", campaign=campaign).text)
    report = validate_paths([a, b], campaign)
    ps = only(report.problems, "XJ405")
    assert [(p.path, p.line, p.field) for p in ps] == [("", 0, "群众满意窗口"), ("", 0, "行业服务标兵")]
    assert ps[0].message == "全省群众满意窗口推荐对象合计 24 个，超过全省名额 20 个"
    assert report.total("群众满意窗口") == 24


def test_province_totals_at_limit_fine(write, tmp_path):
    campaign = load_campaign(small_campaign(tmp_path, 24))
    a = write("衡水.yaml", build_unit("衡水").text)
    b = write("秦皇岛.yaml", build_unit("秦皇岛").text)
    assert validate_paths([a, b], campaign).problems == []


def test_alternates_do_not_count_towards_province_total(write, tmp_path):
    campaign = load_campaign(small_campaign(tmp_path, 12))
    a = write("衡水.yaml", build_unit("衡水").text)
    assert validate_paths([a], campaign).problems == []


# --- discovery ------------------------------------------------------------------------------------

def test_non_submission_yaml_skipped(write, tmp_path):
    write("衡水.yaml", build_unit("衡水").text)
    write(".github/workflows/ci.yml", "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n")
    write("workflows/ci.yml", "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n")
    write("mkdocs.yaml", "site_name: 文档\nnav:\n  - index.md\n")
    write("notes.txt", "不是 YAML")
    report = validate_paths([str(tmp_path)], CAMPAIGN)
    assert report.problems == []
    assert [u.path for u in report.units] == [str(tmp_path / "衡水.yaml")]
    assert sorted(report.skipped) == sorted([str(tmp_path / "mkdocs.yaml"), str(tmp_path / "workflows/ci.yml")])


def test_folder_walk_reports_broken_submissions_and_skips_other_yaml(write, tmp_path):
    a = write("a.yaml", "推荐单位: 衡水\n  联系人: 王\n")
    b = write("b.yml", "- 1\n- 2\n")
    empty = write("c.yaml", "")
    report = validate_paths([str(tmp_path)], CAMPAIGN)
    assert codes(report.problems) == ["XJ105"]
    assert sorted(report.skipped) == sorted([b, empty])
    named = validate_paths([b], CAMPAIGN)  # named on the command line: the clerk asked for it
    assert codes(named.problems) == ["XJ107"]
    assert a.endswith("a.yaml")


def test_recursive_and_deduplicated(write, tmp_path):
    a = write("sub/deeper/衡水.yaml", build_unit("衡水").text)
    report = validate_paths([str(tmp_path), a], CAMPAIGN)
    assert len(report.units) == 1


def test_missing_path_is_unreadable(tmp_path):
    report = validate_paths([str(tmp_path / "nope")], CAMPAIGN)
    p = one(report.unreadable, "XJ100")
    assert "找不到这个文件或文件夹" in p.message


def test_dangling_link_in_folder_is_unreadable(tmp_path, write):
    import os

    write("衡水.yaml", build_unit("衡水").text)
    os.symlink(tmp_path / "gone.yaml", tmp_path / "link.yaml")
    report = validate_paths([str(tmp_path)], CAMPAIGN)
    assert codes(report.unreadable) == ["XJ100"]
    assert len(report.units) == 1


def test_non_submission_yaml_with_tags_or_aliases_skipped(write, tmp_path):
    """mkdocs.yml routinely holds `!!python/name:` tags, configs use anchors and `<<:` merges,
    GitHub workflows may use anchors: none of them is a submission (no 推荐单位), so they are
    skipped like any other non-submission YAML, not reported as XJ109/XJ110 errors."""
    write("衡水.yaml", build_unit("衡水").text)
    write("mkdocs.yml", "site_name: 文档\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
                        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n")
    write("config.yaml", "defaults: &d\n  a: 1\nprod:\n  <<: *d\n")
    report = validate_paths([str(tmp_path)], CAMPAIGN)
    assert report.problems == []
    assert [u.path for u in report.units] == [str(tmp_path / "衡水.yaml")]
    assert len(report.skipped) == 2
