"""The loader: bytes → text → YAML → data that remembers where each value was typed (XJ1xx).

Each case asserts what a clerk sees: the rule code, the line (and column) and the
Chinese words of the message.
"""

from __future__ import annotations

import codecs
import os
import time

import pytest

from helpers import CAMPAIGN, assert_chinese, build_unit, check_text, codes, one, only, problems_of
from xianjin import loader
from xianjin.loader import load_bytes, load_file
from xianjin.validate import check_loaded

BIRTH = ("行业服务标兵", "推荐对象", 2, "出生年月")
SEX = ("行业服务标兵", "推荐对象", 2, "性别")
NAME = ("行业服务标兵", "推荐对象", 2, "姓名")


def load(text: str | bytes):
    return load_bytes(text.encode("utf-8") if isinstance(text, str) else text, "x.yaml")


def where(p):
    return p.code, p.line, p.column


# --- scalars are read as the text the clerk typed ------------------------------------------

def test_plain_scalars_stay_text():
    data = load("a: 1980.10\nb: 0311\nc: no\nd: yes\ne: 2012-08-15\nf: 1e3\ng: 0o17\nh: on\n").data
    assert data == {"a": "1980.10", "b": "0311", "c": "no", "d": "yes", "e": "2012-08-15",
                    "f": "1e3", "g": "0o17", "h": "on"}


def test_birth_month_1980_10_is_october_not_january(hengshui):
    unit = check_text(hengshui.set(BIRTH, "1980.10"))  # unquoted: YAML would say float 1980.1
    assert unit.problems == []
    exemplar = [e for e in unit.entries if e.category == "行业服务标兵"][2]
    assert exemplar.model.出生年月 == "1980.10"


def test_birth_month_1980_1_unquoted_is_january(hengshui):
    unit = check_text(hengshui.set(BIRTH, "1980.1"))
    assert unit.problems == []
    assert [e for e in unit.entries if e.category == "行业服务标兵"][2].model.出生年月 == "1980.01"


def test_leading_zero_of_phone_kept(hengshui):
    unit = check_text(hengshui.set(("联系电话",), "031886688001"))
    assert load(hengshui.set(("联系电话",), "031886688001")).data["联系电话"] == "031886688001"
    assert unit.problems == []
    assert unit.header.联系电话 == "0318-86688001"


def test_no_stays_text_and_is_reported_as_typed(hengshui):
    problems = problems_of(hengshui.set(SEX, "no"))
    p = one(problems, "XJ205")
    assert where(p) == ("XJ205", hengshui.line(SEX), hengshui.col(SEX))
    assert "“no”不是有效的性别" in p.message and "男、女" in p.message


def test_yes_as_award_text_is_accepted(hengshui):
    path = ("优质服务品牌", "推荐对象", 0, "曾受表彰情况")
    unit = check_text(hengshui.set(path, "yes"))
    assert unit.problems == []
    assert unit.entries[-2].model.曾受表彰情况 == "yes"


def test_submission_date_is_a_date(hengshui):
    import datetime

    unit = check_text(hengshui.text)
    assert unit.header.报送日期 == datetime.date(2012, 8, 15)


def test_null_value_is_missing_but_quoted_null_is_text():
    assert load("a: ~\nb: null\nc: 'null'\nd:\n").data == {"a": None, "b": None, "c": "null", "d": None}


# --- positions --------------------------------------------------------------------------

def test_every_value_keeps_line_and_column(hengshui):
    loaded = load(hengshui.text)
    assert loaded.value_at[BIRTH] == (hengshui.line(BIRTH), hengshui.col(BIRTH))
    assert loaded.key_at[BIRTH] == (hengshui.line(BIRTH), 7)
    assert loaded.value_at[("推荐单位",)] == (2, 7)


def test_missing_key_points_at_the_mapping_that_lacks_it(hengshui):
    problems = problems_of(hengshui.drop(SEX))
    p = one(problems, "XJ201")
    item = ("行业服务标兵", "推荐对象", 2)
    assert (p.line, p.column) == (hengshui.line(item), 7)
    assert p.field == "行业服务标兵.推荐对象[3].性别"
    assert "缺少“性别”" in p.message


# --- duplicate and unknown keys -----------------------------------------------------------

def test_duplicate_key_is_an_error_naming_the_first(hengshui):
    text = hengshui.insert_after(SEX, "      性别: 男")
    p = one(problems_of(text), "XJ108")
    assert (p.line, p.column) == (hengshui.line(SEX) + 1, 7)
    assert f"“性别”在第 {hengshui.line(SEX)} 行已经写过一次" in p.message
    assert p.field == "行业服务标兵.推荐对象[3].性别"


def test_duplicate_top_level_key(hengshui):
    text = hengshui.insert_after(("联系人",), "联系人: 王立新")
    p = one(problems_of(text), "XJ108")
    assert p.line == hengshui.line(("联系人",)) + 1
    assert f"第 {hengshui.line(('联系人',))} 行已经写过一次" in p.message


def test_duplicate_key_only_yields_no_data():
    loaded = load("a: 1\na: 2\n")
    assert loaded.data is None
    assert [where(p) for p in loaded.problems] == [("XJ108", 2, 1)]


@pytest.mark.parametrize("typo, right", [("出生日期", "出生年月"), ("出生年月日", "出生年月")])
def test_unknown_key_suggests_nearest(hengshui, typo, right):
    text = hengshui.replace_line(BIRTH, f'      {typo}: "1978.05"')
    problems = problems_of(text)
    p = one(problems, "XJ202")
    assert (p.line, p.column) == (hengshui.line(BIRTH), 7)
    assert f"“{typo}”不是表中的栏目，是不是“{right}”？" == p.message
    # the value is not silently dropped: the real key is reported missing too
    assert one(problems, "XJ201").field.endswith("出生年月")


def test_name_with_space_in_key_suggests_name(hengshui):
    text = hengshui.replace_line(NAME, "    - 姓 名: 张三")
    p = one(problems_of(text), "XJ202")
    assert p.line == hengshui.line(NAME)
    assert "是不是“姓名”" in p.message


def test_unknown_top_level_key(hengshui):
    text = hengshui.insert_after(("联系电话",), "联系手机: 13912345678")
    p = one(problems_of(text), "XJ202")
    assert p.line == hengshui.line(("联系电话",)) + 1
    assert "“联系手机”不是表中的栏目，是不是“联系" in p.message


def test_key_that_is_not_text():
    loaded = load("推荐单位: 衡水\n? [a, b]\n: c\n")
    p = one(loaded.problems, "XJ111")
    assert (p.line, p.column) == (2, 3)
    assert "键不是一段文字" in p.message


# --- safety: tags, aliases, size ------------------------------------------------------------

def test_python_tag_refused_and_nothing_executed(tmp_path):
    marker = tmp_path / "pwned"
    text = f'推荐单位: 衡水\n联系人: !!python/object/apply:os.system ["touch {marker}"]\n'
    loaded = load(text)
    p = one(loaded.problems, "XJ110")
    assert (p.line, p.column) == (2, 6)
    assert "不允许使用标签“!!python/object/apply:os.system”" in p.message
    assert loaded.data is None
    assert not marker.exists()
    check_loaded(loaded, CAMPAIGN)
    assert not marker.exists()


@pytest.mark.parametrize("value", ["!!binary aGVsbG8=", "!custom 1", "!!set {a, b}",
                                   "!!python/name:os.system ''"])
def test_any_tag_refused(value):
    p = one(load(f"a: {value}\n").problems, "XJ110")
    assert p.line == 1 and "标签" in p.message


def test_even_the_str_tag_is_refused():
    # The README: every tag is refused (issue 10); `!!str` once slipped through as "harmless".
    p = one(load("a: !!str 0311\n").problems, "XJ110")
    assert (p.line, p.column) == (1, 4) and "“!!str”" in p.message


def billion_laughs() -> str:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    prev = "a"
    for name in "bcdefghijklmnopqrstuvwxyz":
        text += f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]\n"
        prev = name
    return text


def test_billion_laughs_refused_fast():
    start = time.perf_counter()
    unit = check_loaded(load(billion_laughs()), CAMPAIGN)
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0
    p = one(unit.problems, "XJ109")
    assert (p.line, p.column) == (2, 4)
    assert "别名" in p.message


def test_alias_inside_a_valid_file_refused(hengshui):
    text = hengshui.replace_line(("填报单位",), "填报单位: &u 中共衡水市委创先争优活动领导小组")
    text = text.replace("联系人: ", "联系人: *u\n#", 1)
    p = one(problems_of(text), "XJ109")
    assert p.line == hengshui.line(("联系人",))


def test_merge_key_with_alias_refused():
    p = one(load("a: &x {b: 1}\nc: {<<: *x}\n").problems, "XJ109")
    assert p.line == 2


def test_alias_used_as_key_refused():
    # An alias is an alias wherever it stands: XJ109 says aliases are not allowed.
    loaded = load("推荐单位: &x 衡水\n*x : 2\n")
    p = one(loaded.problems, "XJ109")
    assert p.line == 2


def test_size_limit(monkeypatch, write, hengshui):
    path = write("衡水.yaml", hengshui.text)
    monkeypatch.setattr(loader, "MAX_BYTES", 1000)
    loaded = load_file(path)
    p = one(loaded.problems, "XJ101")
    assert (p.line, p.column) == (1, 1)
    assert "上限" in p.message and "推荐文件" in p.message
    assert loaded.data is None


def test_size_limit_message_names_real_limit(write, monkeypatch):
    path = write("big.yaml", b"a: " + b"x" * (3 * 1024 * 1024) + b"\n")
    monkeypatch.setattr(loader, "MAX_BYTES", 2 * 1024 * 1024)
    p = one(load_file(path).problems, "XJ101")
    assert "3.0 MB" in p.message and "2 MB 的上限" in p.message


def test_missing_file_is_io_error(tmp_path):
    loaded = load_file(tmp_path / "nope.yaml")
    assert loaded.io_error
    p = one(loaded.problems, "XJ100")
    assert "找不到这个文件" in p.message


# --- encodings ------------------------------------------------------------------------------

def test_utf8_with_bom(hengshui):
    unit = check_text(codecs.BOM_UTF8 + hengshui.raw)
    assert unit.problems == []
    assert unit.header.推荐单位 == "衡水"


@pytest.mark.parametrize("codec", ["gbk", "gb18030"])
def test_gbk_file_read_correctly_and_warned(hengshui, codec):
    unit = check_text(hengshui.text.encode(codec))
    p = one(unit.problems, "XJ103")
    assert (p.line, p.level) == (1, "warning")
    assert "GBK/GB18030" in p.message and "请另存为 UTF-8" in p.message
    assert [q.code for q in unit.problems] == ["XJ103"]
    assert unit.header.填报单位 == "中共衡水市委创先争优活动领导小组"
    first = unit.entries[0].model
    assert first.服务窗口名称 == "衡水市卫生第一服务窗口"
    assert unit.submission is not None


def test_gbk_value_positions_still_right(hengshui):
    loaded = load(hengshui.text.encode("gbk"))
    assert loaded.value_at[BIRTH] == (hengshui.line(BIRTH), hengshui.col(BIRTH))


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(hengshui, codec):
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(codec, b"")
    unit = check_text(bom + hengshui.text.encode(codec))
    assert [q.code for q in unit.problems] == ["XJ103"]
    assert "UTF-16" in unit.problems[0].message
    assert unit.header.联系人 == build_unit("衡水").lines[hengshui.line(("联系人",)) - 1].split(": ")[1]


def test_undecodable_bytes_name_the_line(hengshui):
    line = hengshui.line(("行业服务标兵", "推荐对象", 0, "工作单位及职务"))
    lines = hengshui.raw.split(b"\n")
    lines[line - 1] += b"\xff\xfe"
    loaded = load(b"\n".join(lines))
    p = one(loaded.problems, "XJ102")
    assert p.line == line
    assert f"第 {line} 行有无法识别的字节 0xFF" in p.message
    assert "UTF-8" in p.message and "GBK" in p.message
    assert loaded.data is None


def test_latin1_bytes_without_chinese_are_not_guessed_as_gbk():
    p = one(load(b"name: Caf\xe9 \xe9t\xe9\n").problems, "XJ102")
    assert p.line == 1


def test_broken_utf16_reported():
    p = one(load(codecs.BOM_UTF16_LE + "a: 中".encode("utf-16-le") + b"\x00").problems, "XJ102")
    assert "无法识别" in p.message


# --- syntax ---------------------------------------------------------------------------------

def test_tab_indentation(hengshui):
    line = hengshui.line(SEX)
    text = hengshui.replace_line(SEX, "\t\t性别: 女")
    p = one(problems_of(text), "XJ105")
    assert p.line == line
    assert "Tab" in p.message and "空格" in p.message


def test_colon_inside_value(hengshui):
    path = ("行业服务标兵", "推荐对象", 2, "工作单位及职务")
    text = hengshui.set(path, "衡水市税务局: 局长")
    p = one(problems_of(text), "XJ105")
    assert (p.line, p.column) == (hengshui.line(path), hengshui.col(path) + len("衡水市税务局"))
    assert "冒号" in p.message and "引号" in p.message


def test_unclosed_quote_points_where_the_quote_opens(hengshui):
    # The message says "这里开始的引号" — so "here" must be where the quote starts,
    # not the end of the file where libyaml gave up.
    text = hengshui.set(("联系人",), "'王立新")
    p = one(problems_of(text), "XJ105")
    assert "引号没有配对" in p.message
    assert (p.line, p.column) == (hengshui.line(("联系人",)), hengshui.col(("联系人",)))


def test_bad_indentation(hengshui):
    text = hengshui.replace_line(SEX, "     性别: 女")  # one space short
    p = one(problems_of(text), "XJ105")
    assert p.line == hengshui.line(SEX)
    assert "缩进" in p.message or "冒号" in p.message


@pytest.mark.parametrize("text, line, col, words", [
    ("a: b: c\n", 1, 5, "冒号"),
    ('a: "abc\n', 1, 4, "引号"),  # where the quote opens
    ("a: [1, 2\n", 2, 1, "方括号"),
    ("a: {b: 1\n", 2, 1, "花括号"),
    ("a: @x\n", 1, 4, "引号括起来"),
    ('a: "\\q"\n', 1, 5, "反斜杠"),
    ("a:\n  - 1\n b: 2\n", 3, 2, "缩进"),
    ("a: *nothing\n", 1, 4, "别名"),
])
def test_syntax_errors_have_line_and_column(text, line, col, words):
    p = one(load(text).problems, "XJ105")
    assert (p.line, p.column) == (line, col)
    assert words in p.message
    assert_chinese(p.message)


# --- empty, wrong shape, binary ---------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "   \n\n", "# 只有注释\n# 第二行\n", "---\n", "---\n...\n", "~\n"])
def test_empty_file(text):
    unit = check_text(text)
    p = one(unit.problems, "XJ106") if text != "~\n" else None
    if p is None:
        # a lone null is also "no content"
        assert [q.code for q in unit.problems][0] in ("XJ106", "XJ107")
        return
    assert (p.line, p.column) == (1, 1)
    assert "文件是空的" in p.message
    assert len(unit.problems) == 1


def test_top_level_list():
    unit = check_text("- 推荐单位: 衡水\n- 联系人: 王立新\n")
    p = one(unit.problems, "XJ107")
    assert (p.line, p.column) == (1, 1)
    assert "一个列表" in p.message
    assert len(unit.problems) == 1


def test_top_level_text():
    p = one(check_text("这是一段话\n").problems, "XJ107")
    assert "一段文字" in p.message


def test_two_documents(hengshui):
    text = hengshui.text + "---\n推荐单位: 衡水\n"
    p = one(problems_of(text), "XJ107")
    assert p.line == len(hengshui.lines) + 1
    assert "只能有一份" in p.message


def test_nul_byte_is_binary(hengshui):
    lines = hengshui.raw.split(b"\n")
    lines[9] = b"\x00\x01\x02PK\x03\x04"
    unit = check_text(b"\n".join(lines))
    p = one(unit.problems, "XJ104")
    assert p.line == 10
    assert "第 10 行有空字符" in p.message
    assert len(unit.problems) == 1


def test_zip_file_renamed_to_yaml():
    raw = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4
    unit = check_text(raw)
    assert [p.code for p in unit.problems] in (["XJ104"], ["XJ102"])
    assert unit.problems[0].line >= 1


def test_control_character(hengshui):
    path = ("行业服务标兵", "推荐对象", 0, "工作单位及职务")
    text = hengshui.set(path, "衡水市\x07税务局")
    p = one(problems_of(text), "XJ104")
    assert (p.line, p.column) == (hengshui.line(path), hengshui.col(path) + 3)
    assert "U+0007" in p.message


def test_loader_never_raises_on_odd_inputs():
    for raw in (b"\xff", b"\xfe\xff", b"\xef\xbb", b"\xef\xbb\xbf", b":", b"- - -", b"{", b"]",
                b"? ", b"&a", b"!!", b"%YAML 1.1\n---\na: 1\n", b"%TAG ! tag:x,2000:\n---\n!a b\n",
                "a: \u2028b\n".encode(), b"a: 1\r\nb: 2\r\n", b"\r", b"a:\n  \xe4\xb8"):
        unit = check_text(raw)
        for p in unit.problems:
            assert p.line >= 1 and p.code.startswith("XJ") and p.message
            assert_chinese(p.message)


def test_crlf_line_endings(hengshui):
    unit = check_text(hengshui.text.replace("\n", "\r\n"))
    assert unit.problems == []


def test_os_error_message_chinese(tmp_path):
    os.symlink(tmp_path / "gone", tmp_path / "link.yaml")
    loaded = load_file(tmp_path / "link.yaml")
    assert loaded.io_error
    assert "找不到" in only(loaded.problems, "XJ100")[0].message


@pytest.mark.parametrize("typed", ["性别：女", "性别:女"])
def test_missing_colon_space_points_at_the_line_that_lacks_it(hengshui, typed):
    """A full-width colon (the most common slip on a Chinese keyboard) or no space after ':'.
    The message says “这一行缺少“: ””, so the line must be the one with the slip, not the next."""
    path = ("行业服务标兵", "推荐对象", 2, "性别")
    p = one(problems_of(hengshui.replace_line(path, f"      {typed}")), "XJ105")
    assert "冒号" in p.message or "“: ”" in p.message
    assert (p.line, p.column) == (hengshui.line(path), 7)


def test_full_width_colon_in_header_points_at_its_line(hengshui):
    p = one(problems_of(hengshui.replace_line(("联系人",), "联系人：王立新")), "XJ105")
    assert p.line == hengshui.line(("联系人",))


def test_tab_after_colon_and_comment_after_value_are_fine(hengshui):
    path = ("行业服务标兵", "推荐对象", 2, "性别")
    assert problems_of(hengshui.replace_line(path, "      性别:\t女")) == []
    # A comment after a plain value is told (XJ112, issue 10): it may be text YAML dropped.
    assert codes(problems_of(hengshui.replace_line(path, "      性别: 女  # 已核对"))) == ["XJ112"]


def test_one_gbk_line_in_a_utf8_file_is_an_error_naming_it(hengshui):
    line = hengshui.line(("联系人",))
    lines = hengshui.raw.split(b"\n")
    lines[line - 1] = "联系人: ".encode() + "王立新".encode("gbk")
    loaded = load(b"\n".join(lines))
    p = one(loaded.problems, "XJ102")
    assert p.line == line
    assert loaded.data is None
