"""XJ2xx: the fields of the forms, one by one — each rule triggered in an otherwise valid file.

Every test changes one line of a complete, valid 衡水 file and asserts the rule code,
the line and column of the offending value, the field path and the Chinese words.
"""

from __future__ import annotations

import pytest

from helpers import assert_chinese, check_text, codes, one, only, problems_of

M = ("行业服务标兵", "推荐对象", 2)  # the third exemplar
W = ("群众满意窗口", "推荐对象", 1)  # the second window
B = ("优质服务品牌", "推荐对象", 0)  # the first brand
A = ("群众满意窗口", "递补对象", 0)  # the first alternate window


def single(doc, text, code):
    """The one problem of `text`, which must be `code`."""
    problems = problems_of(text)
    assert codes(problems) == [code], [(p.code, p.line, p.message) for p in problems]
    return problems[0]


def at(doc, path):
    return doc.line(path), doc.col(path)


def test_valid_files_have_no_problems(hengshui, shengzhi):
    assert problems_of(hengshui.text) == []
    assert problems_of(shengzhi.text, "省直机关.yaml") == []


def test_valid_file_assembles_a_submission(hengshui):
    unit = check_text(hengshui.text)
    s = unit.submission
    assert s is not None
    assert len(s.群众满意窗口.推荐对象) == 12 and len(s.群众满意窗口.递补对象) == 2
    assert len(s.行业服务标兵.推荐对象) == 12 and len(s.行业服务标兵.递补对象) == 2
    assert len(s.优质服务品牌.推荐对象) == 2
    assert [e.number for e in unit.entries if e.category == "群众满意窗口"] == list(range(1, 15))
    assert s.群众满意窗口.推荐对象[0].审批意见.主管单位党组织.意见 == "同意推荐"


# --- XJ201 required ---------------------------------------------------------------------------

def test_xj201_missing_field_points_at_the_nominee(hengshui):
    p = single(hengshui, hengshui.drop(M + ("工作单位及职务",)), "XJ201")
    assert (p.line, p.column) == (hengshui.line(M), 7)
    assert p.field == "行业服务标兵.推荐对象[3].工作单位及职务"
    assert "缺少“工作单位及职务”这一项；这是必填项" == p.message


@pytest.mark.parametrize("value", ["", '""', '"   "', "'　'"])
def test_xj201_empty_value(hengshui, value):
    path = M + ("工作单位及职务",)
    p = single(hengshui, hengshui.set(path, value), "XJ201")
    assert p.line == hengshui.line(path)
    assert "必填项" in p.message and "不能空着" in p.message


def test_xj201_empty_block(hengshui):
    path = W + ("典型事迹材料",)
    p = single(hengshui, hengshui.set(path, "|"), "XJ201")
    assert p.line == hengshui.line(path)
    assert p.field == "群众满意窗口.推荐对象[2].典型事迹材料"


def test_xj201_missing_header_field(hengshui):
    p = single(hengshui, hengshui.drop(("填报单位",)), "XJ201")
    assert (p.line, p.column) == (2, 1)
    assert "缺少“填报单位”" in p.message


def test_xj201_missing_category(hengshui):
    brands = hengshui.line(("优质服务品牌",))
    text = "\n".join(hengshui.lines[: brands - 1]) + "\n"
    p = single(hengshui, text, "XJ201")
    assert p.field == "优质服务品牌"
    assert "缺少“优质服务品牌”部分" in p.message


def test_xj201_missing_formal_list(hengshui):
    brands = hengshui.line(("优质服务品牌",))
    text = "\n".join(hengshui.lines[:brands]) + "\n"  # "优质服务品牌:" with nothing under it
    problems = problems_of(text)
    p = one(problems, "XJ201")
    assert p.line == brands
    assert "优质服务品牌" in p.message


def test_xj201_missing_formal_section_key(hengshui):
    brands = hengshui.line(("优质服务品牌",))
    text = "\n".join(hengshui.lines[:brands]) + "\n  递补单位: []\n"
    problems = problems_of(text)
    assert "缺少“优质服务品牌”的“推荐对象”列表" in one(problems, "XJ201").message
    assert "“递补单位”不是表中的栏目" in one(problems, "XJ202").message
    assert "推荐对象" in one(problems, "XJ202").message


# --- XJ202 unknown key ------------------------------------------------------------------------

@pytest.mark.parametrize("typo, right", [("出生日期", "出生年月"), ("出生年月日", "出生年月"), ("生日", "出生年月")])
def test_xj202_unknown_key_suggests(hengshui, typo, right):
    path = M + ("出生年月",)
    problems = problems_of(hengshui.replace_line(path, f'      {typo}: "1978.05"'))
    p = one(problems, "XJ202")
    assert (p.line, p.column) == (hengshui.line(path), 7)
    assert p.field == f"行业服务标兵.推荐对象[3].{typo}"
    assert f"“{typo}”不是表中的栏目" in p.message and right in p.message


def test_xj202_name_with_space(hengshui):
    problems = problems_of(hengshui.replace_line(M + ("姓名",), "    - 姓 名: 张三"))
    p = one(problems, "XJ202")
    assert p.line == hengshui.line(M)
    assert "“姓 名”不是表中的栏目，是不是“姓名”？" == p.message


def test_xj202_unknown_section(hengshui):
    path = ("群众满意窗口", "递补对象")
    problems = problems_of(hengshui.replace_line(path, "  候补对象:"))
    p = one(problems, "XJ202")
    assert p.line == hengshui.line(path)
    assert "“候补对象”" in p.message and "递补对象" in p.message


def test_xj202_brand_has_no_supervisor_stage(hengshui):
    text = hengshui.insert_after(B + ("曾受表彰情况",), "      审批意见:", "        主管单位党组织: {意见: 同意推荐}")
    p = single(hengshui, text, "XJ202")
    assert p.line == hengshui.line(B + ("曾受表彰情况",)) + 2
    assert p.field == "优质服务品牌.推荐对象[1].审批意见.主管单位党组织"
    assert "“主管单位党组织”不是表中的栏目" in p.message


# --- XJ203 / XJ204 birth month and age ------------------------------------------------------------

@pytest.mark.parametrize("value, words", [
    ('"1978.13"', "月份“13”不存在"), ("七八年五月", "不是“年.月”的写法"), ('"78.05"', "应写成“1978.05”"),
])
def test_xj203_bad_month(hengshui, value, words):
    path = M + ("出生年月",)
    p = single(hengshui, hengshui.set(path, value), "XJ203")
    assert (p.line, p.column) == at(hengshui, path)
    assert words in p.message


@pytest.mark.parametrize("month, age", [("1994.09", 17), ("1941.08", 71), ("2000.01", 12)])
def test_xj203_age_outside_18_70_is_error(hengshui, month, age):
    path = M + ("出生年月",)
    p = single(hengshui, hengshui.set(path, f'"{month}"'), "XJ203")
    assert p.level == "error"
    assert (p.line, p.column) == at(hengshui, path)
    assert f"年龄为 {age} 岁，不在 18–70 岁之间" in p.message


@pytest.mark.parametrize("month", ["1994.08", "1947.08", "1970.01"])
def test_age_18_to_65_is_fine(hengshui, month):
    assert problems_of(hengshui.set(M + ("出生年月",), f'"{month}"')) == []


@pytest.mark.parametrize("month, age", [("1946.08", 66), ("1942.08", 70)])
def test_xj204_age_66_to_70_warned(hengshui, month, age):
    path = M + ("出生年月",)
    p = single(hengshui, hengshui.set(path, f'"{month}"'), "XJ204")
    assert p.level == "warning"
    assert (p.line, p.column) == at(hengshui, path)
    assert f"年龄为 {age} 岁，超过 65 岁" in p.message


def test_xj204_counted_for_alternates_too(hengshui):
    path = ("行业服务标兵", "递补对象", 1, "出生年月")
    p = single(hengshui, hengshui.set(path, "1946.01"), "XJ204")
    assert p.field == "行业服务标兵.递补对象[2].出生年月"


# --- XJ205–XJ208 vocabularies --------------------------------------------------------------------

@pytest.mark.parametrize("value", ["男性", "M", "未知", "no"])
def test_xj205_sex(hengshui, value):
    path = M + ("性别",)
    p = single(hengshui, hengshui.set(path, value), "XJ205")
    assert (p.line, p.column) == at(hengshui, path)
    assert f"“{value}”不是有效的性别" in p.message and "男" in p.message


@pytest.mark.parametrize("value, words", [("汉", "应写作“汉族”"), ("回", "应写作“回族”"), ("火星族", "汉族、蒙古族")])
def test_xj206_ethnicity(hengshui, value, words):
    path = M + ("民族",)
    p = single(hengshui, hengshui.set(path, value), "XJ206")
    assert (p.line, p.column) == at(hengshui, path)
    assert "民族" in p.message and words in p.message


@pytest.mark.parametrize("value, words", [("党员", "不是规范写法，应写作“中共党员”"), ("团员", "应写作“共青团员”"),
                                          ("共产主义者", "中共党员、中共预备党员")])
def test_xj207_political_status(hengshui, value, words):
    path = M + ("政治面貌",)
    p = single(hengshui, hengshui.set(path, value), "XJ207")
    assert (p.line, p.column) == at(hengshui, path)
    assert words in p.message


def test_all_political_statuses_accepted(hengshui, campaign):
    for status in campaign.政治面貌:
        assert problems_of(hengshui.set(M + ("政治面貌",), status)) == [], status


@pytest.mark.parametrize("value", ["博士后", "幼儿园", "本科毕业生"])
def test_xj208_education(hengshui, value):
    path = M + ("学历",)
    p = single(hengshui, hengshui.set(path, value), "XJ208")
    assert (p.line, p.column) == at(hengshui, path)
    assert f"“{value}”" in p.message and "学历" in p.message


# --- XJ209–XJ211 phones ---------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["86688001", "318-86688001", "0318-123", "电话待定", "0318-8668800１２３"])
def test_xj209_bad_phone(hengshui, value):
    path = W + ("单位电话",)
    p = single(hengshui, hengshui.set(path, value), "XJ209")
    assert (p.line, p.column) == at(hengshui, path)
    assert "不是有效的电话号码" in p.message and "区号-号码" in p.message and "0311-86688001" in p.message


def test_xj209_contact_phone(hengshui):
    p = single(hengshui, hengshui.set(("联系电话",), "8668-8001"), "XJ209")
    assert (p.line, p.column) == (hengshui.line(("联系电话",)), 7)
    assert p.field == "联系电话"


def test_xj210_other_citys_area_code(hengshui):
    path = W + ("单位电话",)
    p = single(hengshui, hengshui.set(path, "0311-86688001"), "XJ210")
    assert p.level == "warning"
    assert (p.line, p.column) == at(hengshui, path)
    assert "区号 0311 不是衡水的区号" in p.message and "0318" in p.message


def test_xj210_contact_phone_and_brand_phone(hengshui):
    text = hengshui.set(("联系电话",), "0319-86688001")
    problems = problems_of(text)
    assert [(p.code, p.line) for p in problems] == [("XJ210", hengshui.line(("联系电话",)))]
    text = hengshui.set(B + ("单位电话",), "(0310)86688001")
    assert [(p.code, p.field) for p in problems_of(text)] == [("XJ210", "优质服务品牌.推荐对象[1].单位电话")]


def test_xj210_provincial_organs_use_shijiazhuang_code(shengzhi):
    path = ("群众满意窗口", "推荐对象", 0, "单位电话")
    assert shengzhi.lines[shengzhi.line(path) - 1].endswith("0311-80000001")
    assert problems_of(shengzhi.set(path, "0318-86688001"), "省直机关.yaml")[0].code == "XJ210"


@pytest.mark.parametrize("value", ["13912345678", "139-1234-5678"])
def test_xj211_mobile(hengshui, value):
    path = W + ("单位电话",)
    p = single(hengshui, hengshui.set(path, value), "XJ211")
    assert p.level == "warning"
    assert (p.line, p.column) == at(hengshui, path)
    assert "是手机号码" in p.message and "区号" in p.message


# --- XJ212 names --------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [M + ("姓名",), ("联系人",), W + ("党组织负责人",)])
@pytest.mark.parametrize("value", ["张三2", "Zhang San", "李ming"])
def test_xj212_name_with_digits_or_latin(hengshui, path, value):
    p = single(hengshui, hengshui.set(path, value), "XJ212")
    assert (p.line, p.column) == at(hengshui, path)
    assert f"“{value}”不是有效的姓名" in p.message and "不能有数字或字母" in p.message


def test_minority_name_with_dot_accepted(hengshui):
    assert problems_of(hengshui.set(M + ("姓名",), "阿依古丽·买买提")) == []


# --- XJ213 / XJ214 dates -----------------------------------------------------------------------

@pytest.mark.parametrize("value, words", [("2012-02-30", "2012年2月30日不存在"), ("2012-13-01", "不存在"),
                                          ("八月十五", "不是日期的写法")])
def test_xj213_bad_date(hengshui, value, words):
    p = single(hengshui, hengshui.set(("报送日期",), value), "XJ213")
    assert (p.line, p.column) == (hengshui.line(("报送日期",)), 7)
    assert f"“{value}”不是有效的日期" in p.message and words in p.message


def test_xj213_approval_date(hengshui):
    text = hengshui.insert_after(M + ("所属行业",), "      审批意见:", "        省委领导小组: {意见: 同意, 日期: 2012-02-30}")
    p = single(hengshui, text, "XJ213")
    assert p.line == hengshui.line(M + ("所属行业",)) + 2
    assert p.field == "行业服务标兵.推荐对象[3].审批意见.省委领导小组.日期"


def test_deadline_day_itself_is_fine(hengshui):
    assert problems_of(hengshui.set(("报送日期",), "2012-08-20")) == []


def test_xj214_after_deadline(hengshui):
    p = single(hengshui, hengshui.set(("报送日期",), "2012-08-21"), "XJ214")
    assert p.level == "warning"
    assert (p.line, p.column) == (hengshui.line(("报送日期",)), 7)
    assert "报送日期 2012-08-21 晚于截止日期 2012-08-20" == p.message


# --- XJ215 / XJ216 lengths ------------------------------------------------------------------------

@pytest.mark.parametrize("chars", [0 + 6, 1499, 2501, 4000])
def test_xj215_material_length(hengshui, chars):
    path = M + ("典型事迹材料",)
    p = single(hengshui, hengshui.set_block(path, ["事" * chars]), "XJ215")
    assert p.level == "warning"
    assert (p.line, p.column) == (hengshui.line(path), hengshui.col(path))
    assert f"典型事迹材料有 {chars} 字" in p.message and "2000 字左右" in p.message


@pytest.mark.parametrize("chars", [1500, 2500])
def test_material_length_bounds_inclusive(hengshui, chars):
    assert problems_of(hengshui.set_block(M + ("典型事迹材料",), ["事" * chars])) == []


def test_material_length_counts_non_whitespace(hengshui):
    # 1400 characters spread with plenty of spaces and blank lines is still 1400.
    body = ["事 " * 100, "", "　".join("事" * 100 for _ in range(13))]
    p = single(hengshui, hengshui.set_block(M + ("典型事迹材料",), body), "XJ215")
    assert "有 1400 字" in p.message


def test_xj215_brand_material(hengshui):
    path = B + ("典型事迹材料",)
    p = single(hengshui, hengshui.set_block(path, ["短"]), "XJ215")
    assert p.field == "优质服务品牌.推荐对象[1].典型事迹材料"


def test_xj216_deeds_over_1000(hengshui):
    path = W + ("主要事迹",)
    p = single(hengshui, hengshui.set_block(path, ["迹" * 600, "迹" * 401]), "XJ216")
    assert p.level == "warning"
    assert (p.line, p.column) == (hengshui.line(path), hengshui.col(path))
    assert "主要事迹有 1001 字，超过 1000 字" in p.message and "续页" in p.message


def test_deeds_of_exactly_1000_fine(hengshui):
    assert problems_of(hengshui.set_block(M + ("主要事迹",), ["迹" * 1000])) == []


# --- XJ217 sector, XJ218 unit ---------------------------------------------------------------------

@pytest.mark.parametrize("path", [W + ("所属行业",), M + ("所属行业",), B + ("所属行业",)])
def test_xj217_unknown_sector(hengshui, path):
    p = single(hengshui, hengshui.set(path, "航天"), "XJ217")
    assert p.level == "warning"
    assert (p.line, p.column) == at(hengshui, path)
    assert "“航天”不在通知所列行业中" in p.message


def test_every_listed_sector_accepted(hengshui, campaign):
    for sector in campaign.行业:
        assert problems_of(hengshui.set(W + ("所属行业",), sector)) == [], sector


@pytest.mark.parametrize("value, words", [
    ("石家庄市", "“石家庄市”应写作推荐单位的简称“石家庄”"),
    ("中共衡水市委", "应写作推荐单位的简称“衡水”"),
    ("北京", "“北京”不是推荐单位，应为石家庄、承德"),
])
def test_xj218_unit(hengshui, value, words):
    problems = problems_of(hengshui.set(("推荐单位",), value))
    p = one(problems, "XJ218")
    assert (p.line, p.column) == (2, 7)
    assert words in p.message


# --- XJ219 types --------------------------------------------------------------------------------

@pytest.mark.parametrize("value, found", [("[衡水市税务局, 主任]", "一个列表"), ("{单位: 税务局}", "“键: 值”的结构")])
def test_xj219_structure_where_text_expected(hengshui, value, found):
    path = M + ("工作单位及职务",)
    p = single(hengshui, hengshui.set(path, value), "XJ219")
    assert (p.line, p.column) == at(hengshui, path)
    assert f"这里应当是一段文字，而现在是{found}" == p.message


def test_xj219_list_where_text_expected_as_block(hengshui):
    path = W + ("窗口情况简介",)
    text = hengshui.set(path, "").replace(
        hengshui.lines[hengshui.line(path) - 1].split(":")[0] + ":\n",
        hengshui.lines[hengshui.line(path) - 1].split(":")[0] + ":\n        - 第一条\n        - 第二条\n", 1)
    p = single(hengshui, text, "XJ219")
    assert p.line == hengshui.line(path) + 1
    assert "一个列表" in p.message


def test_xj219_text_where_nominee_expected(hengshui):
    lines = hengshui.item_lines(*M)
    i = hengshui.line(M) - 1
    text = "\n".join(hengshui.lines[:i] + ["    - 张三"] + hengshui.lines[i + len(lines):]) + "\n"
    problems = problems_of(text)
    p = one(problems, "XJ219")
    assert p.line == hengshui.line(M)
    assert "“键: 值”的结构" in p.message and "“张三”" in p.message


def test_xj219_section_not_a_list(hengshui):
    path = ("优质服务品牌", "推荐对象")
    brands = hengshui.line(path)
    text = "\n".join(hengshui.lines[:brands - 1] + ["  推荐对象: 待定"]) + "\n"
    p = one(problems_of(text), "XJ219")
    assert p.line == brands
    assert "“推荐对象”应当是列表" in p.message


def test_xj219_category_not_a_mapping(hengshui):
    brands = hengshui.line(("优质服务品牌",))
    text = "\n".join(hengshui.lines[:brands - 1] + ["优质服务品牌: 待定"]) + "\n"
    p = one(problems_of(text), "XJ219")
    assert p.line == brands
    # Brands have no alternates, so the message names only their one list.
    assert p.message == "“优质服务品牌”下面应当是“推荐对象:”列表，并缩进两格"


def test_xj219_approval_not_a_mapping(hengshui):
    text = hengshui.insert_after(M + ("所属行业",), "      审批意见:", "        省委领导小组: 同意")
    p = single(hengshui, text, "XJ219")
    assert p.line == hengshui.line(M + ("所属行业",)) + 2
    assert "“键: 值”的结构" in p.message and "“同意”" in p.message


def test_xj219_header_value_a_list(hengshui):
    p = single(hengshui, hengshui.set(("填报单位",), "[甲, 乙]"), "XJ219")
    assert p.line == hengshui.line(("填报单位",))
    assert "一个列表" in p.message


def test_xj219_date_as_list(hengshui):
    p = one(problems_of(hengshui.set(("报送日期",), "[2012, 8, 15]")), "XJ219")
    assert p.line == hengshui.line(("报送日期",))
    assert "日期" in p.message


# --- XJ220 publicity, XJ221 blank nominee -----------------------------------------------------------

@pytest.mark.parametrize("how", ["absent", "empty", "quoted-empty"])
def test_xj220_no_publicity(hengshui, how):
    text = {"absent": hengshui.drop(("公示情况",)), "empty": hengshui.set(("公示情况",), ""),
            "quoted-empty": hengshui.set(("公示情况",), '""')}[how]
    p = single(hengshui, text, "XJ220")
    assert p.level == "warning"
    # At the empty key when it is there, else at the top of the file.
    assert p.line == (2 if how == "absent" else hengshui.line(("公示情况",)))
    assert "没有填写公示情况" in p.message and "公示" in p.message


def _blank_item(doc, path, replacement):
    lines = doc.item_lines(*path)
    i = doc.line(path) - 1
    return "\n".join(doc.lines[:i] + replacement + doc.lines[i + len(lines):]) + "\n"


def _empty_keys(doc, path):
    lines = doc.item_lines(*path)
    return [lines[0].split(":")[0] + ":"] + [
        ln.split(":")[0] + ":" for ln in lines[1:] if ln.startswith("      ") and not ln.startswith("        ")]


@pytest.mark.parametrize("style", ["keys", "dash", "quoted"])
def test_xj221_blank_nominee_one_line(hengshui, style):
    replacement = {"keys": _empty_keys(hengshui, M), "dash": ["    -"],
                   "quoted": ['    - 姓名: ""', '      性别: " "']}[style]
    problems = problems_of(_blank_item(hengshui, M, replacement))
    assert codes(problems) == ["XJ221"]
    p = problems[0]
    assert p.line == hengshui.line(M)
    assert p.field == "行业服务标兵.推荐对象[3]"
    assert "行业服务标兵推荐对象第 3 个（编号 3）还没有填写" == p.message


def test_xj221_one_line_per_blank_nominee(hengshui):
    # blank the 1st alternate window (编号 13 for 衡水), then the 2nd window above it
    text = _blank_item(hengshui, A, _empty_keys(hengshui, A))
    text = _blank_item(hengshui.then(text), W, _empty_keys(hengshui, W))
    shift = len(_empty_keys(hengshui, W)) - len(hengshui.item_lines(*W))
    problems = problems_of(text)
    assert codes(problems) == ["XJ221", "XJ221"]
    assert [p.line for p in problems] == [hengshui.line(W), hengshui.line(A) + shift]
    assert "群众满意窗口推荐对象第 2 个（编号 2）还没有填写" == problems[0].message
    assert "群众满意窗口递补对象第 1 个（编号 13）还没有填写" == problems[1].message


def test_blank_nominee_does_not_count_as_missing_fields(hengshui):
    problems = problems_of(_blank_item(hengshui, B, _empty_keys(hengshui, B)))
    assert "XJ201" not in codes(problems)
    assert codes(problems) == ["XJ221"]


# --- messages --------------------------------------------------------------------------------------

def test_messages_name_the_field_as_the_form_does(hengshui):
    text = hengshui.set(M + ("出生年月",), '"1978.13"')
    text = text.replace("学历: 大学本科", "学历: 幼儿园", 1)
    for p in problems_of(text):
        assert p.field.startswith("行业服务标兵.推荐对象[")
        assert_chinese(p.message)


def test_one_wrong_field_does_not_hide_others(hengshui):
    text = hengshui.set(M + ("性别",), "未知")
    text = hengshui.then(text).set(W + ("单位电话",), "13912345678")
    text = hengshui.then(text).set(("报送日期",), "2012-09-01")
    problems = problems_of(text)
    assert [(p.code, p.line) for p in problems] == [
        ("XJ214", hengshui.line(("报送日期",))), ("XJ211", hengshui.line(W + ("单位电话",))),
        ("XJ205", hengshui.line(M + ("性别",)))]


def test_file_with_errors_has_no_submission(hengshui):
    unit = check_text(hengshui.set(M + ("性别",), "未知"))
    assert unit.submission is None
    unit = check_text(hengshui.set(("报送日期",), "2012-08-30"))  # warning only
    assert unit.submission is not None
    assert only(unit.problems, "XJ214")
