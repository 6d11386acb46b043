"""The four output formats, called on real Reports (text, json, github, junit)."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import pytest

from helpers import CAMPAIGN, build_unit
from xianjin import reporters
from xianjin.reporters import github
from xianjin.reporters.text import format_problem
from xianjin.validate import validate_paths

M2 = ("行业服务标兵", "推荐对象", 2)


def render(fmt, report, **kw) -> str:
    out = io.StringIO()
    reporters.write(fmt, report, out, **kw)
    return out.getvalue()


@pytest.fixture
def bad_report(write, hengshui):
    """衡水 with a wrong birth month (error) and a mobile phone (warning); 秦皇岛 clean."""
    text = hengshui.set(M2 + ("出生年月",), '"1978.13"')
    text = hengshui.then(text).set(("联系电话",), "13912345678")
    a = write("09-衡水.yaml", text)
    b = write("04-秦皇岛.yaml", build_unit("秦皇岛").text)
    report = validate_paths([a, b], CAMPAIGN)
    return report, a, b


# --- text ------------------------------------------------------------------------------------

def test_text_one_problem_a_line_grouped_and_summary(bad_report, hengshui):
    report, a, b = bad_report
    out = render("text", report)
    birth = hengshui.line(M2 + ("出生年月",))
    assert out.splitlines() == [
        f"{a}:{hengshui.line(('联系电话',))}:7: warning XJ211 联系电话：“13912345678”是手机号码；"
        "表上要求填写带区号的固定电话，如 0311-86688001",
        f"{a}:{birth}:13: error XJ203 行业服务标兵.推荐对象[3].出生年月："
        "“1978.13”不是有效的出生年月（月份“13”不存在），应写成“1978.05”",
        "",
        "共检查 2 个推荐文件：1 个错误，1 个警告。",
        "全省推荐对象合计：群众满意窗口 24/200，行业服务标兵 24/200。",
        "尚未报送：石家庄、承德、张家口、唐山、廊坊、保定、沧州、邢台、邯郸、省直机关。",
    ]


def test_text_groups_separated_by_blank_line(write, hengshui):
    a = write("a.yaml", hengshui.set(("报送日期",), "2012-08-30"))
    qhd = build_unit("秦皇岛")
    b = write("b.yaml", qhd.set(("报送日期",), "2012-08-31"))
    lines = render("text", validate_paths([a, b], CAMPAIGN)).splitlines()
    assert lines[0].startswith(f"{a}:4:7: warning XJ214 ")
    assert lines[1] == ""
    assert lines[2].startswith(f"{b}:4:7: warning XJ214 ")
    assert lines[3] == ""
    assert lines[4] == "共检查 2 个推荐文件：0 个错误，2 个警告。"


def test_text_province_problem_has_no_location(write, hengshui):
    report = validate_paths([write("a.yaml", hengshui.text)], CAMPAIGN, require_all=True)
    out = render("text", report)
    assert "xianjin: error XJ404 推荐单位：以下推荐单位尚未报送：石家庄" in out
    assert ":0:0" not in out


def test_text_all_units_submitted_summary(tmp_path):
    for unit in CAMPAIGN.units:
        (tmp_path / f"{unit}.yaml").write_text(build_unit(unit).text, encoding="utf-8")
    out = render("text", validate_paths([str(tmp_path)], CAMPAIGN))
    assert out.splitlines() == ["共检查 12 个推荐文件：0 个错误，0 个警告。",
                                "全省推荐对象合计：群众满意窗口 200/200，行业服务标兵 200/200。",
                                "全部 12 个推荐单位均已报送。"]


def test_text_skipped_files_counted(write, tmp_path, hengshui):
    write("a.yaml", hengshui.text)
    write("ci.yml", "name: ci\non: push\n")
    out = render("text", validate_paths([str(tmp_path)], CAMPAIGN))
    assert "共检查 1 个推荐文件（另有 1 个 YAML 文件不是推荐文件，已跳过）：0 个错误，0 个警告。" in out


def test_text_value_with_newline_stays_on_one_line(write, hengshui):
    """"one problem a line": a clerk's value quoted in a message must not break the line."""
    text = hengshui.set(M2 + ("性别",), '"男\\n女"')
    report = validate_paths([write("a.yaml", text)], CAMPAIGN)
    lines = render("text", report).splitlines()
    problem_lines = [ln for ln in lines if ln and not ln.startswith(("共检查", "全省", "尚未报送"))]
    assert len(problem_lines) == 1, lines
    assert "XJ205" in problem_lines[0]


def test_colour_only_when_asked(bad_report):
    report, *_ = bad_report
    plain = render("text", report, color=False)
    coloured = render("text", report, color=True)
    assert "\x1b[" not in plain
    assert "\x1b[31merror\x1b[0m" in coloured and "\x1b[33mwarning\x1b[0m" in coloured
    import re
    assert re.sub(r"\x1b\[\d+m", "", coloured) == plain


def test_format_problem():
    from xianjin.problems import Problem

    p = Problem("x.yaml", 3, 5, "XJ205", "error", "行业服务标兵.推荐对象[1].性别", "“M”不是有效的性别")
    assert format_problem(p) == "x.yaml:3:5: error XJ205 行业服务标兵.推荐对象[1].性别：“M”不是有效的性别"
    q = Problem("x.yaml", 1, 1, "XJ106", "error", "", "文件是空的")
    assert format_problem(q) == "x.yaml:1:1: error XJ106 文件是空的"


# --- json -----------------------------------------------------------------------------------------

def test_json_list_of_problems(bad_report, hengshui):
    report, a, _ = bad_report
    rows = json.loads(render("json", report))
    assert isinstance(rows, list) and len(rows) == 2
    for row in rows:
        assert set(row) == {"file", "line", "column", "code", "level", "field", "message"}
    assert rows[1] == {"file": a, "line": hengshui.line(M2 + ("出生年月",)), "column": 13, "code": "XJ203",
                       "level": "error", "field": "行业服务标兵.推荐对象[3].出生年月",
                       "message": "“1978.13”不是有效的出生年月（月份“13”不存在），应写成“1978.05”"}
    assert rows[0]["level"] == "warning" and rows[0]["code"] == "XJ211"


def test_json_clean_is_empty_list(write, hengshui):
    assert json.loads(render("json", validate_paths([write("a.yaml", hengshui.text)], CAMPAIGN))) == []


def test_json_chinese_unescaped(bad_report):
    out = render("json", bad_report[0])
    assert "出生年月" in out and "\\u" not in out


# --- github ---------------------------------------------------------------------------------------

def test_github_annotations_then_plain_lines(bad_report, hengshui):
    report, a, _ = bad_report
    lines = render("github", report).splitlines()
    birth = hengshui.line(M2 + ("出生年月",))
    assert lines[0] == (f"::warning title=xianjin (XJ211),file={a},line={hengshui.line(('联系电话',))},col=7::"
                        "联系电话：“13912345678”是手机号码；表上要求填写带区号的固定电话，如 0311-86688001")
    assert lines[1] == (f"::error title=xianjin (XJ203),file={a},line={birth},col=13::"
                        "行业服务标兵.推荐对象[3].出生年月：“1978.13”不是有效的出生年月（月份“13”不存在），应写成“1978.05”")
    assert lines[2] == format_problem(report.problems[0])
    assert "共检查 2 个推荐文件：1 个错误，1 个警告。" in lines


def test_github_escaping_of_message(write, hengshui):
    text = hengshui.set(M2 + ("性别",), '"50%\\r\\n女"')
    report = validate_paths([write("a.yaml", text)], CAMPAIGN)
    annotation = render("github", report).splitlines()[0]
    assert annotation.startswith("::error title=xianjin (XJ205),file=")
    assert "“50%25 女”不是有效的性别" in annotation


def test_github_escaping_of_file_property(tmp_path, hengshui):
    path = tmp_path / "衡水,第2版:终稿.yaml"
    path.write_text(hengshui.set(("报送日期",), "2012-08-30"), encoding="utf-8")
    annotation = render("github", validate_paths([str(path)], CAMPAIGN)).splitlines()[0]
    escaped = str(path).replace(",", "%2C").replace(":", "%3A")
    assert annotation.startswith(f"::warning title=xianjin (XJ214),file={escaped},line=4,col=7::")


@pytest.mark.parametrize("raw, data, prop", [
    ("a%b", "a%25b", "a%25b"), ("a\nb", "a%0Ab", "a%0Ab"), ("a\rb", "a%0Db", "a%0Db"),
    ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
])
def test_github_escape_functions(raw, data, prop):
    assert github._escape_data(raw) == data
    assert github._escape_property(raw) == prop


def test_github_province_problem_has_no_file(write, hengshui):
    report = validate_paths([write("a.yaml", hengshui.text)], CAMPAIGN, require_all=True)
    line = render("github", report).splitlines()[0]
    assert line.startswith("::error title=xianjin (XJ404)::推荐单位：以下推荐单位尚未报送")


# --- junit ----------------------------------------------------------------------------------------

def test_junit_one_testcase_per_file_one_failure(bad_report):
    report, a, b = bad_report
    root = ET.fromstring(render("junit", report))
    assert root.tag == "testsuite"
    cases = root.findall("testcase")
    assert [c.get("name") for c in cases] == [b, a] or [c.get("name") for c in cases] == [a, b]
    assert root.get("tests") == "2" and root.get("failures") == "1"
    by_name = {c.get("name"): c for c in cases}
    failures = by_name[a].findall("failure")
    assert len(failures) == 1
    assert failures[0].get("message") == "1 个错误，1 个警告"
    assert "XJ203" in failures[0].text and "XJ211" in failures[0].text
    assert failures[0].text.count("\n") == 1
    assert by_name[b].findall("failure") == []


def test_junit_warnings_only_pass_unless_strict(write, hengshui):
    report = validate_paths([write("a.yaml", hengshui.set(("报送日期",), "2012-08-30"))], CAMPAIGN)
    case = ET.fromstring(render("junit", report)).find("testcase")
    assert case.find("failure") is None
    assert "XJ214" in case.find("skipped").text
    strict = ET.fromstring(render("junit", report, strict=True))
    assert strict.get("failures") == "1"
    assert "XJ214" in strict.find("testcase/failure").text


def test_junit_province_and_unreadable_cases(write, hengshui, tmp_path):
    a = write("a.yaml", hengshui.text)
    report = validate_paths([a, str(tmp_path / "gone.yaml")], CAMPAIGN, require_all=True)
    root = ET.fromstring(render("junit", report))
    names = [c.get("name") for c in root.findall("testcase")]
    assert names == [str(tmp_path / "gone.yaml"), a, "全省汇总"]
    assert root.get("failures") == "2"


def test_junit_escapes_markup_in_values(write, hengshui):
    text = hengshui.set(M2 + ("性别",), '"<男&女>"')
    out = render("junit", validate_paths([write("a.yaml", text)], CAMPAIGN))
    root = ET.fromstring(out)
    assert "“<男&女>”" in root.find("testcase/failure").text
