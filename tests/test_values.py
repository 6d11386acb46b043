"""The values of the forms: 年月, dates, phones, names — and what the models make of them."""

from __future__ import annotations

from datetime import date

import pytest

from helpers import check_text, one, problems_of
from xianjin import values

BIRTH = ("行业服务标兵", "推荐对象", 2, "出生年月")
EDU = ("行业服务标兵", "推荐对象", 2, "学历")
NAME = ("行业服务标兵", "推荐对象", 2, "姓名")


def exemplar(unit, i=2):
    return [e for e in unit.entries if e.category == "行业服务标兵"][i].model


# --- pure functions -------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("1978.05", (1978, 5)), ("1978.5", (1978, 5)), ("1978-05", (1978, 5)), ("1978/05", (1978, 5)),
    ("1978年5月", (1978, 5)), ("1978年05月", (1978, 5)), ("1978年5", (1978, 5)),
    ("１９７８．０５", (1978, 5)), (" 1980.10 ", (1980, 10)), ("1980.1", (1980, 1)),
])
def test_parse_month(text, expected):
    assert values.parse_month(text) == expected


@pytest.mark.parametrize("text, words", [
    ("1978.13", "月份“13”不存在"), ("1978.00", "月份“0”不存在"), ("78.05", "不是“年.月”的写法"),
    ("一九七八年五月", "不是“年.月”的写法"), ("", "不是“年.月”的写法"), ("1978", "不是“年.月”的写法"),
    ("1978.05.01", "不是“年.月”的写法"),
])
def test_parse_month_refuses(text, words):
    with pytest.raises(ValueError, match=words):
        values.parse_month(text)


def test_format_month():
    assert values.format_month(1978, 5) == "1978.05"
    assert values.format_month(1980, 10) == "1980.10"


@pytest.mark.parametrize("year, month, age", [
    (1994, 8, 18), (1994, 9, 17), (1942, 8, 70), (1941, 8, 71), (1946, 8, 66), (1947, 8, 65),
])
def test_age_on_deadline(year, month, age):
    assert values.age_on(year, month, date(2012, 8, 20)) == age


@pytest.mark.parametrize("text, expected", [
    ("2012-08-15", date(2012, 8, 15)), ("2012-8-5", date(2012, 8, 5)),
    ("2012.08.15", date(2012, 8, 15)), ("2012/8/15", date(2012, 8, 15)),
    ("2012年8月15日", date(2012, 8, 15)), ("２０１２－０８－１５", date(2012, 8, 15)),
])
def test_parse_date(text, expected):
    assert values.parse_date(text) == expected


@pytest.mark.parametrize("text, words", [
    ("2012-02-30", "2012年2月30日不存在"), ("2011-02-29", "2011年2月29日不存在"),
    ("2012-13-01", "2012年13月1日不存在"), ("8月15日", "不是日期的写法"), ("2012-08", "不是日期的写法"),
])
def test_parse_date_refuses(text, words):
    with pytest.raises(ValueError, match=words):
        values.parse_date(text)


def test_leap_day_is_a_date():
    assert values.parse_date("2012-02-29") == date(2012, 2, 29)


@pytest.mark.parametrize("text, area, number", [
    ("0311-86688001", "0311", "86688001"), ("(0311)86688001", "0311", "86688001"),
    ("（0311）86688001", "0311", "86688001"), ("0311 86688001", "0311", "86688001"),
    ("031186688001", "0311", "86688001"), ("010-6512345", "010", "6512345"),
    ("０３１１－８６６８８００１", "0311", "86688001"), ("0318–6547414", "0318", "6547414"),
])
def test_parse_phone(text, area, number):
    phone = values.parse_phone(text)
    assert (phone.area, phone.number) == (area, number)
    assert str(phone) == f"{area}-{number}"
    assert not phone.is_mobile


@pytest.mark.parametrize("text", ["0311-86688001转123", "0311-86688001-123", "0311-86688001 转 123"])
def test_extension_is_kept(text):
    assert str(values.parse_phone(text)) == "0311-86688001转123"


@pytest.mark.parametrize("text, name", [("王〇明", "王〇明"), ("阿依古丽‧买买提", "阿依古丽·买买提")])
def test_more_name_characters(text, name):
    assert values.normalise_name(text) == name


@pytest.mark.parametrize("text", ["13912345678", "139-1234-5678", "139 1234 5678"])
def test_parse_mobile(text):
    phone = values.parse_phone(text)
    assert phone.is_mobile and str(phone) == "13912345678"


@pytest.mark.parametrize("text", ["86688001", "311-86688001", "0311-123", "0311-123456789",
                                  "电话", "", "12345678901", "0311-8668800a"])
def test_parse_phone_refuses(text):
    with pytest.raises(ValueError, match="区号-号码"):
        values.parse_phone(text)


@pytest.mark.parametrize("text, expected", [
    ("张三", "张三"), ("张　三", "张三"), ("张 三", "张三"), (" 王立新 ", "王立新"),
    ("阿依古丽·买买提", "阿依古丽·买买提"), ("阿依古丽•买买提", "阿依古丽·买买提"),
    ("阿依古丽・买买提", "阿依古丽·买买提"), ("阿依古丽.买买提", "阿依古丽·买买提"),
    ("𠮷张", "𠮷张"),
])
def test_normalise_name(text, expected):
    assert values.normalise_name(text) == expected


@pytest.mark.parametrize("text, words", [
    ("张三2", "不能有数字或字母"), ("Zhang San", "不能有数字或字母"), ("张san", "不能有数字或字母"),
    ("·张三", "“·”只能用在姓名中间"), ("张三·", "“·”只能用在姓名中间"), ("张··三", "“·”只能用在姓名中间"),
    ("张三（女）", "不能有数字或字母"),
])
def test_normalise_name_refuses(text, words):
    with pytest.raises(ValueError, match=words):
        values.normalise_name(text)


# --- normalisation through the models ----------------------------------------------------------

@pytest.mark.parametrize("typed, printed", [
    ("本科", "大学本科"), ("大专", "大学专科"), ("中专", "中等专科"), ("硕士", "硕士研究生"),
    ("大学本科", "大学本科"), ("大学 本科", "大学本科"), ("研究生", "研究生"),
])
def test_education_short_forms_printed_in_full(hengshui, typed, printed):
    unit = check_text(hengshui.set(EDU, typed))
    assert unit.problems == []
    assert exemplar(unit).学历 == printed


@pytest.mark.parametrize("typed", ['"1978年5月"', "1978-05", "1978.5", '"1978/05"', "'1978.05'", "1978年05月"])
def test_birth_month_forms_printed_as_dotted(hengshui, typed):
    unit = check_text(hengshui.set(BIRTH, typed))
    assert unit.problems == []
    assert exemplar(unit).出生年月 == "1978.05"


@pytest.mark.parametrize("typed, printed", [("张　三", "张三"), ('"张 三"', "张三"), ("阿依古丽•买买提", "阿依古丽·买买提")])
def test_name_padding_removed(hengshui, typed, printed):
    unit = check_text(hengshui.set(NAME, typed))
    assert unit.problems == []
    assert exemplar(unit).姓名 == printed


def test_contact_and_leader_names_normalised(hengshui):
    text = hengshui.set(("联系人",), "王　立新")
    text = text.replace(hengshui.lines[hengshui.line(("群众满意窗口", "推荐对象", 0, "党组织负责人")) - 1],
                        "      党组织负责人: 李　明", 1)
    unit = check_text(text)
    assert unit.problems == []
    assert unit.header.联系人 == "王立新"
    assert unit.entries[0].model.党组织负责人 == "李明"


def test_phone_normalised(hengshui):
    unit = check_text(hengshui.set(("联系电话",), "(0318)86688001"))
    assert unit.problems == []
    assert unit.header.联系电话 == "0318-86688001"


def test_ethnicity_spaces_squeezed(hengshui):
    unit = check_text(hengshui.set(("行业服务标兵", "推荐对象", 2, "民族"), "汉 族"))
    assert unit.problems == []
    assert exemplar(unit).民族 == "汉族"


def test_date_chinese_form(hengshui):
    unit = check_text(hengshui.set(("报送日期",), "2012年8月15日"))
    assert unit.problems == []
    assert unit.header.报送日期 == date(2012, 8, 15)


def test_line_fields_collapse_whitespace_blocks_keep_paragraphs(hengshui):
    path = ("行业服务标兵", "推荐对象", 2, "工作单位及职务")
    unit = check_text(hengshui.set(path, "衡水市税务局   主任  "))
    assert unit.problems == []
    model = exemplar(unit)
    assert model.工作单位及职务 == "衡水市税务局 主任"
    assert model.工作简历.count("\n") == 1 and not model.工作简历.endswith("\n")


def test_braces_in_value_kept_in_message(hengshui):
    p = one(problems_of(hengshui.set(("行业服务标兵", "推荐对象", 2, "性别"), '"{男}"')), "XJ205")
    assert "“{男}”" in p.message
