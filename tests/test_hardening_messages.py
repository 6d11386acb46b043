"""Issue 10, wrong or self-contradicting messages (items 14–21): every message true, at the place an editor shows."""

from __future__ import annotations

import codecs
import os
import re

import pytest

from helpers import build_unit
from hardening_util import SMALL, cli_run, no_english, problem_lines

DOC = build_unit("衡水")
SEX = ("行业服务标兵", "推荐对象", 3, "性别")
JOB = ("行业服务标兵", "推荐对象", 0, "工作单位及职务")
WINDOW = ("群众满意窗口", "推荐对象", 0, "服务窗口名称")


def check(tmp_path, text: str, *args):
    path = tmp_path / "衡水.yaml"
    path.write_text(text, "utf-8") if isinstance(text, str) else path.write_bytes(text)
    result = cli_run("validate", path, *args)
    no_english(result.output)
    return result, path


def found(result) -> list[tuple[str, int, int]]:
    return [(m.group("code"), int(m.group("line")), int(m.group("col"))) for m in problem_lines(result.output)]


# --- 14. line separators do not shift the lines ---------------------------------------------------

@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\x85"])
@pytest.mark.parametrize("style", ['"{a}{sep}{b}"', "'{a}{sep}{b}'", "{a}{sep}{b}"])
def test_positions_after_a_line_separator_are_an_editor_s(tmp_path, sep, style):
    text = DOC.set(JOB, style.format(a="衡水市第一医院", sep=sep, b="门诊部主任"))
    text = DOC.then(text).set(SEX, "外")  # an error further down: its line must not move
    result, path = check(tmp_path, text)
    assert result.exit_code == 1
    name = {"\u2028": "U+2028（行分隔符）", "\u2029": "U+2029（段分隔符）", "\x85": "U+0085（下一行符 NEL）"}[sep]
    col = DOC.col(JOB) + len("衡水市第一医院") + (0 if style.startswith("{") else 1)
    assert found(result) == [("XJ113", DOC.line(JOB), col), ("XJ205", DOC.line(SEX), DOC.col(SEX))]
    assert f"这里有一个看不见的字符 {name}，已当作换行读取" in result.output
    assert "缺少“: ”" not in result.output


def test_a_line_separator_in_a_block_or_a_comment_changes_nothing_else(tmp_path):
    material = ("群众满意窗口", "推荐对象", 0, "典型事迹材料")
    body = [ln.strip() for ln in DOC.item_lines("群众满意窗口", "推荐对象", 0)
            if ln.strip() and DOC.line(material) < DOC.lines.index(ln) + 1 < DOC.line(material) + 30]
    text = DOC.set_block(material, [body[0] + "\u2028" + body[1], *body[2:]])
    text = DOC.then(text).replace_line(("推荐单位",), "推荐单位: 衡水  \n# 注\u2029释")
    result, _ = check(tmp_path, text)
    codes = [c for c, _, _ in found(result)]
    assert "XJ105" not in codes and "XJ113" in codes


# --- 15. invisible characters in keys and values -------------------------------------------------

@pytest.mark.parametrize("space", ["\u3000", "\xa0", " ", "\u2003"])
def test_spaces_around_a_key_are_not_part_of_it(tmp_path, space):
    line = DOC.lines[DOC.line(SEX) - 1]
    result, _ = check(tmp_path, DOC.replace_line(SEX, line.replace("性别:", f"性别{space}:")))
    assert result.exit_code == 0 and found(result) == [], result.output


@pytest.mark.parametrize("char, name", [("\u200b", "U+200B（零宽空格）"), ("\ufeff", "U+FEFF（BOM 字节顺序标记）"),
                                        ("\u2060", "U+2060（零宽不换行符）"), ("\u202e", "U+202E（文字方向控制符）"),
                                        ("\u00ad", "U+00AD（软连字符）")])
def test_an_invisible_character_after_a_key_is_named_where_it_stands(tmp_path, char, name):
    line = DOC.lines[DOC.line(SEX) - 1]
    result, _ = check(tmp_path, DOC.replace_line(SEX, line.replace("性别:", f"性别{char}:")))
    assert result.exit_code == 0
    assert found(result) == [("XJ113", DOC.line(SEX), DOC.key_col(SEX) + 2)]
    assert f"行业服务标兵.推荐对象[4].性别：键“性别”中有一个看不见的字符 {name}，读取时已忽略" in result.output
    assert "是不是“性别”" not in result.output  # the old self-contradiction
    assert cli_run("validate", tmp_path / "衡水.yaml", "--strict").exit_code == 1


@pytest.mark.parametrize("char", ["\u200b", "\ufeff", "\u200d", "\u2066"])
def test_an_invisible_character_after_a_value_is_named_not_contradicted(tmp_path, char):
    result, _ = check(tmp_path, DOC.set(SEX, f"男{char}"))
    assert found(result) == [("XJ113", DOC.line(SEX), DOC.col(SEX) + 1)]
    assert "应写作“男”" not in result.output
    assert f"U+{ord(char):04X}" in result.output


def test_several_invisible_characters_in_one_value_are_one_line(tmp_path):
    result, _ = check(tmp_path, DOC.set(JOB, "衡水市\u200b第一\u200b医院\ufeff"))
    assert found(result) == [("XJ113", DOC.line(JOB), DOC.col(JOB) + 3)]
    assert "这里有 3 个看不见的字符 U+200B（零宽空格）、U+FEFF（BOM 字节顺序标记）" in result.output


# --- 16. tags -------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, shown", [("!!str 女", "!!str"),
                                          ("!<tag:yaml.org,2002:str> 女", "!<tag:yaml.org,2002:str>"),
                                          ("! 女", "!"), ("!!python/str 女", "!!python/str")])
def test_every_tag_is_refused(tmp_path, value, shown):
    result, _ = check(tmp_path, DOC.set(SEX, value))
    assert result.exit_code == 1
    assert ("XJ110", DOC.line(SEX), DOC.col(SEX)) in found(result)
    assert f"不允许使用标签“{shown}”" in result.output


def test_a_tag_directive_is_refused_where_it_is_and_so_is_its_use(tmp_path):
    text = "%TAG !e! tag:yaml.org,2002:\n---\n" + DOC.set(SEX, "!e!str 女")
    result, _ = check(tmp_path, text)
    assert result.exit_code == 1
    assert found(result)[:2] == [("XJ110", 1, 1), ("XJ110", DOC.line(SEX) + 2, DOC.col(SEX))]
    assert "不允许用“%TAG”指令定义标签" in result.output and "不允许使用标签“!e!str”" in result.output


def test_tags_on_keys_lists_and_mappings_too(tmp_path):
    for line, col in (("!!str 性别: 女", 7), ("性别: !!seq [女]", 11), ("性别: !!map {a: 女}", 11)):
        result, _ = check(tmp_path, DOC.replace_line(SEX, "      " + line))
        assert ("XJ110", DOC.line(SEX), col) in found(result), (line, result.output)


def test_a_bang_inside_a_value_is_only_text(tmp_path):
    result, _ = check(tmp_path, DOC.set(JOB, "衡水市第一医院“便民!”窗口主任"))
    assert result.exit_code == 0 and found(result) == []


# --- 17. a key longer than 1024 characters -------------------------------------------------------

@pytest.mark.parametrize("key", ["栏" * 1030, '"' + "栏" * 1100 + '"'])
def test_a_too_long_key_is_told_as_such(tmp_path, key):
    result, _ = check(tmp_path, DOC.insert_after(("联系人",), f"{key}: 值"))
    [(code, line, col)] = found(result)
    assert (code, line, col) == ("XJ105", DOC.line(("联系人",)) + 1, 1)
    assert f"这一行冒号前的键有 {len(key)} 个字符，而 YAML 的键最多只能有 1024 个字符" in result.output
    assert "缺少“: ”" not in result.output and "多了一个" not in result.output


def test_a_long_key_on_the_first_line_too(tmp_path):
    result, _ = check(tmp_path, "栏" * 2000 + ": 值\n" + SMALL.text)
    assert found(result) == [("XJ105", 1, 1)] and "2000 个字符" in result.output


# --- 18. every CJK ideograph block in names ------------------------------------------------------

NAME = ("行业服务标兵", "推荐对象", 1, "姓名")


@pytest.mark.parametrize("char", ["\u3400", "\u4dbf", "\u9fff", "\U00020000", "\U0002a6df", "\U0002a700",
                                  "\U0002b740", "\U0002b820", "\U0002ceb0", "\U0002ebf0", "\U0002ee5d",
                                  "\U00030000", "\U0003134a", "\U00031350", "\U000323af", "\uf900", "\ufad9",
                                  "\U0002f800", "\U0002fa1d", "\u3007"])
def test_names_accept_every_block_of_cjk_ideographs(tmp_path, char):
    result, _ = check(tmp_path, DOC.set(NAME, f"王{char}"))
    assert " XJ212 " not in result.output, result.output


@pytest.mark.parametrize("char", ["\u4dc0", "\u2f00", "\u2e80", "\u31c0", "a", "1", "\uff10"])
def test_names_still_refuse_what_is_not_an_ideograph(tmp_path, char):
    result, _ = check(tmp_path, DOC.set(NAME, f"王{char}"))
    assert ("XJ212", DOC.line(NAME), DOC.col(NAME)) in found(result)


def test_an_extension_h_name_renders(tmp_path):
    """𱍐 (U+31350) is in BabelStone Han: the render's glyph check lets it through."""
    path = tmp_path / "衡水.yaml"
    path.write_text(DOC.set(NAME, "王\U00031350"), "utf-8")
    result = cli_run("render", path, "--out", tmp_path / "out", "--format", "html")
    assert result.exit_code == 0, result.output
    assert "王\U00031350" in (tmp_path / "out" / "衡水" / "05-行业服务标兵排序表.html").read_text("utf-8")


# --- 19. the same window in other quotation marks ------------------------------------------------

@pytest.mark.parametrize("first, second", [("“阳光”服务窗口", '"阳光"服务窗口'), ("“阳光”服务窗口", "「阳光」服务窗口"),
                                           ("“阳光”服务窗口", "＂阳光＂服务窗口"), ("‘阳光’服务窗口", "'阳光'服务窗口"),
                                           ("ｅ路通服务窗口", "e路通服务窗口"), ("阳光（东区）窗口", "阳光(东区)窗口")])
def test_quotes_and_widths_do_not_make_another_window(tmp_path, first, second):
    other = ("群众满意窗口", "推荐对象", 5, "服务窗口名称")
    quote = (lambda v: f"'{v}'" if '"' in v else f'"{v}"')
    text = DOC.set(WINDOW, quote(first))
    text = DOC.then(text).set(other, quote(second))
    result, path = check(tmp_path, text)
    assert [c for c, _, _ in found(result)] == ["XJ402", "XJ402"], result.output
    assert f"{path}:{DOC.line(other)} 群众满意窗口.推荐对象[6]" in result.output


def test_the_same_window_in_two_files_with_other_quotes(tmp_path):
    a = build_unit("衡水", windows=1, models=1, brands=1, material_chars=1500)
    b = build_unit("秦皇岛", windows=1, models=1, brands=1, material_chars=1500)
    (tmp_path / "a.yaml").write_text(a.set(WINDOW, "“阳光”服务窗口"), "utf-8")
    (tmp_path / "b.yaml").write_text(b.set(WINDOW, "'\"阳光\"服务窗口'"), "utf-8")
    result = cli_run("validate", tmp_path)
    assert len([m for m in problem_lines(result.output) if m.group("code") == "XJ402"]) == 2


# --- 20. glyph refusals in the validate format ----------------------------------------------------

UNPRINTABLE = "\U0002ee5d"  # CJK Extension I, which no installed font has


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_a_character_no_font_has_is_a_problem_line_with_its_own_code(tmp_path, fmt):
    path = tmp_path / "衡水.yaml"
    path.write_text(DOC.set(NAME, f"王{UNPRINTABLE}"), "utf-8")
    result = cli_run("render", path, "--out", tmp_path / "out", "--format", fmt)
    assert result.exit_code == 2
    [m] = problem_lines(result.output)
    assert m.group(0) == f"{path}:{DOC.line(NAME)}:{DOC.col(NAME)}: error XJ222 "
    assert m.group("code") == "XJ222"
    line = result.stdout.splitlines()[0]
    assert line.split(" XJ222 ")[1].startswith(
        f"行业服务标兵.推荐对象[2].姓名：行业服务标兵推荐对象第 2 个“王{UNPRINTABLE}”（编号 2）的“姓名”中的"
        f"“{UNPRINTABLE}”（U+2EE5D）在已安装的字体中没有字形")
    assert "共检查 1 个推荐文件：1 个错误" in result.output and "有字无法排版，未生成任何文件。" in result.output
    assert not re.search(r"^错误：", result.output, re.M)  # no unlocated “错误：…” line any more
    assert not (tmp_path / "out").exists()
    no_english(result.output)


def test_glyph_refusals_are_annotations_in_github_actions(tmp_path):
    path = tmp_path / "衡水.yaml"
    path.write_text(DOC.set(NAME, f"王{UNPRINTABLE}"), "utf-8")
    result = cli_run("render", path, "--out", tmp_path / "out", "--format", "html", env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 2
    assert result.stdout.startswith(f"::error title=xianjin (XJ222),file={path},line={DOC.line(NAME)},"
                                    f"col={DOC.col(NAME)}::行业服务标兵.推荐对象[2].姓名：")


# --- 21. one true message per encoding -----------------------------------------------------------

def encoded(codec: str, bom: bytes = b"") -> bytes:
    return bom + SMALL.text.encode(codec)


@pytest.mark.parametrize("raw, words", [
    (encoded("utf-32-le", codecs.BOM_UTF32_LE), "文件是 UTF-32 编码，已正确读取；请另存为 UTF-8"),
    (encoded("utf-32-be", codecs.BOM_UTF32_BE), "文件是 UTF-32 编码，已正确读取；请另存为 UTF-8"),
    (encoded("utf-32-le"), "文件是 UTF-32 编码（没有 BOM），已正确读取；请另存为 UTF-8"),
    (encoded("utf-32-be"), "文件是 UTF-32 编码（没有 BOM），已正确读取；请另存为 UTF-8"),
    (encoded("utf-16-le"), "文件是 UTF-16 编码（没有 BOM），已正确读取；请另存为 UTF-8"),
    (encoded("utf-16-be"), "文件是 UTF-16 编码（没有 BOM），已正确读取；请另存为 UTF-8"),
    (encoded("utf-16-le", codecs.BOM_UTF16_LE), "文件是 UTF-16 编码（记事本的“Unicode”），已正确读取"),
    (encoded("gbk"), "文件是 GBK/GB18030 编码（记事本的“ANSI”），已按该编码正确读取"),
])
def test_each_readable_encoding_is_read_and_named_truly(tmp_path, raw, words):
    result, path = check(tmp_path, raw)
    assert result.exit_code == 0, result.output
    assert found(result)[0] == ("XJ103", 1, 1)
    assert words in result.output
    assert [c for c, _, _ in found(result)] == ["XJ103", "XJ302", "XJ302"]  # the file itself was read right


def test_big5_is_named_and_refused_with_what_to_do(tmp_path):
    traditional = "推薦單位: 衡水\n填報單位: 中共衡水市委創先爭優活動領導小組\n聯繫人: 王立新\n"
    result, _ = check(tmp_path, traditional.encode("big5"))
    assert result.exit_code == 1
    assert found(result) == [("XJ102", 1, 1)]
    assert "文件看来是 Big5 编码（繁体中文）" in result.output and "改为简体字后另存为 UTF-8" in result.output
    assert "GBK/GB18030 编码" not in result.output and "UTF-16" not in result.output.split("只读")[0]


@pytest.mark.parametrize("raw, words", [
    (codecs.BOM_UTF16_LE + "推荐单位: 衡水\n".encode("utf-16-le") + b"\x00", "文件是 UTF-16 编码，但第 2 行有无法识别的字节"),
    (codecs.BOM_UTF32_LE + "推荐单位: 衡水\n".encode("utf-32-le") + b"\x00\x00", "文件是 UTF-32 编码，但第 2 行"),
    (codecs.BOM_UTF8 + "推荐单位: 衡水\n".encode() + b"\xff", "文件是 UTF-8 编码，但第 2 行有无法识别的字节"),
])
def test_a_damaged_file_names_its_own_encoding(tmp_path, raw, words):
    result, _ = check(tmp_path, raw)
    assert found(result) == [("XJ102", 2, 1)]
    assert words in result.output and "GBK" not in result.output


def test_utf32_is_no_longer_utf16_and_then_no_text_file(tmp_path):
    result, _ = check(tmp_path, encoded("utf-32-le", codecs.BOM_UTF32_LE))
    assert "UTF-16" not in result.output and " XJ104 " not in result.output


def test_a_binary_file_with_zero_bytes_is_still_not_text(tmp_path):
    result, _ = check(tmp_path, os.urandom(64) + b"\x00\x01\x02" + os.urandom(64))
    assert [c for c, _, _ in found(result)] in (["XJ104"], ["XJ102"])
