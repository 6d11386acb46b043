"""Excel in: `init --format xlsx`, a clerk filling it with openpyxl, `validate` with sheet!cell
locations for each of Excel's traps, `convert` both ways, `summary --format xlsx`."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
import yaml
from click.testing import CliRunner

from xianjin.cli import cli
from xianjin.discover import load_path
from xianjin.loader import load_file
from xianjin.validate import check_loaded, load_campaign

# Every test here writes or reads real workbooks with openpyxl: the whole suite runs them, a quick `-m "not slow"` run does not.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
HENGSHUI = ROOT / "examples" / "09-衡水.yaml"
CAMPAIGN = load_campaign()


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def problems(path) -> list[str]:
    """`sheet!cell code` of every problem, as the text report prints them."""
    out = invoke("validate", path, "--format", "json").output
    return [f"{p['sheet']}!{p['cell']} {p['code']}" if "sheet" in p else f"{p['line']}:{p['column']} {p['code']}"
            for p in json.loads(out[: out.rindex("]") + 1])]


def fill(workbook: Path, data: dict) -> None:
    """What a clerk does: type the submission into the starter workbook, cell by cell."""
    wb = openpyxl.load_workbook(workbook)
    info = wb["基本信息"]
    rows = {info.cell(r, 1).value: r for r in range(2, info.max_row + 1)}
    for key, value in data.items():
        if isinstance(value, str):
            info.cell(rows[key], 2, value)
    for category in ("群众满意窗口", "行业服务标兵", "优质服务品牌"):
        ws = wb[category]
        cols = {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1)}
        row = 2
        for section in ("推荐对象", "递补对象"):
            for item in data[category].get(section, []):
                assert ws.cell(row, cols["类别"]).value == section
                for key, value in item.items():
                    ws.cell(row, cols[key], value.rstrip("\n"))
                row += 1
        for r in range(row, ws.max_row + 1):  # unused brand slots stay as they are
            assert all(ws.cell(r, c).value is None for c in range(3, ws.max_column + 1))
    wb.save(workbook)


@pytest.fixture
def hengshui(tmp_path) -> Path:
    """衡水.xlsx from `init`, filled in with the example's data: a valid submission."""
    target = tmp_path / "衡水.xlsx"
    assert invoke("init", "衡水", "--format", "xlsx", "-o", target).exit_code == 0
    fill(target, load_file(HENGSHUI).data)
    return target


def edit(path: Path, sheet: str, cell: str, value, number_format: str | None = None) -> None:
    wb = openpyxl.load_workbook(path)
    wb[sheet][cell] = value
    if number_format:
        wb[sheet][cell].number_format = number_format
    wb.save(path)


# --- init --------------------------------------------------------------------------------------

def test_init_writes_the_units_slots_with_text_cells_drop_downs_and_a_frozen_header(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("init", "衡水", "--format", "xlsx")
    assert result.exit_code == 0, result.output
    assert "已生成 衡水.xlsx" in result.output
    wb = openpyxl.load_workbook(tmp_path / "衡水.xlsx")
    assert wb.sheetnames[:4] == ["基本信息", "群众满意窗口", "行业服务标兵", "优质服务品牌"]
    assert wb["词表"].sheet_state == "hidden"
    info = wb["基本信息"]
    assert [info.cell(r, 1).value for r in range(2, 9)] == [
        "推荐单位", "填报单位", "报送日期", "联系人", "联系电话", "公示情况", "推荐情况报告"]
    assert info["B2"].value == "衡水" and info["B3"].value == "中共衡水市委创先争优活动领导小组"
    ws = wb["行业服务标兵"]
    assert [c.value for c in ws[1]][:13] == ["编号", "类别", "姓名", "性别", "出生年月", "民族", "学历", "政治面貌",
                                           "工作单位及职务", "所属行业", "工作简历", "主要事迹", "典型事迹材料"]
    assert [ws.cell(r, 1).value for r in range(2, 16)] == [str(n) for n in range(1, 15)]
    assert [ws.cell(r, 2).value for r in range(2, 16)] == ["推荐对象"] * 12 + ["递补对象"] * 2
    assert ws.max_row == 15 and ws.freeze_panes == "C2"
    assert all(ws.cell(r, c).number_format == "@" for r in range(2, 16) for c in range(1, ws.max_column + 1))
    assert ws["E2"].alignment.wrap_text and ws.column_dimensions["L"].width >= 50
    lists = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation if dv.type == "list"}
    assert set(lists) >= {"B2", "D2", "F2", "G2", "H2", "J2"}  # 类别 性别 民族 学历 政治面貌 所属行业
    assert lists["D2"].formula1 == "词表!$A$2:$A$3" and lists["D2"].errorStyle == "stop"
    assert lists["G2"].errorStyle == "warning"  # 本科 and 大专 are accepted
    brands = wb["优质服务品牌"]
    assert brands.max_row == 3 and [brands.cell(r, 2).value for r in (2, 3)] == ["推荐对象"] * 2
    assert "递补对象" not in str(brands.data_validations.dataValidation[0].formula1)


def test_init_by_extension_and_never_over_an_existing_file(tmp_path):
    target = tmp_path / "12-省直机关.xlsx"
    assert invoke("init", "省直机关", "-o", target).exit_code == 0
    wb = openpyxl.load_workbook(target)
    assert wb["群众满意窗口"].max_row == 43 and wb["优质服务品牌"].max_row == 7
    before = target.read_bytes()
    result = invoke("init", "省直机关", "-o", target)
    assert result.exit_code == 2 and "已经存在" in result.output and target.read_bytes() == before


def test_the_starter_workbook_has_the_same_bytes_every_time(tmp_path):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    invoke("init", "衡水", "-o", a)
    invoke("init", "衡水", "-o", b)
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as z:
        assert {i.date_time for i in z.infolist()} == {(2012, 8, 20, 0, 0, 0)}
        assert "2012-08-20T00:00:00Z" in z.read("docProps/core.xml").decode()


def test_an_unfilled_starter_says_what_is_missing_where(tmp_path):
    target = tmp_path / "衡水.xlsx"
    invoke("init", "衡水", "-o", target)
    result = invoke("validate", target)
    assert result.exit_code == 1
    assert f"{target}:基本信息!B4: error XJ201 报送日期：这一项是必填项，不能空着" in result.output
    assert f"{target}:群众满意窗口!A1: warning XJ302" in result.output
    assert "XJ221" not in result.output  # an unused slot is not a nominee


# --- a filled workbook -----------------------------------------------------------------------

def test_a_filled_workbook_validates_like_its_yaml(hengshui):
    result = invoke("validate", hengshui)
    assert result.exit_code == 0, result.output
    assert "共检查 1 个推荐文件：0 个错误，0 个警告。" in result.output
    from_xlsx = check_loaded(load_path(str(hengshui)), CAMPAIGN).submission
    from_yaml = check_loaded(load_file(HENGSHUI), CAMPAIGN).submission
    assert from_xlsx == from_yaml


def test_problems_are_located_at_sheet_and_cell_in_every_format(hengshui):
    edit(hengshui, "行业服务标兵", "E7", "1978.13")  # the 6th exemplar's 出生年月
    text = invoke("validate", hengshui).output
    assert (f"{hengshui}:行业服务标兵!E7: error XJ203 行业服务标兵.推荐对象[6].出生年月："
            "“1978.13”不是有效的出生年月（月份“13”不存在），应写成“1978.05”") in text
    rows = json.loads(invoke("validate", hengshui, "--format", "json").output)
    assert rows == [{"file": str(hengshui), "line": 7, "column": 5, "code": "XJ203", "level": "error",
                     "field": "行业服务标兵.推荐对象[6].出生年月", "sheet": "行业服务标兵", "cell": "E7",
                     "message": rows[0]["message"]}]
    junit = invoke("validate", hengshui, "--format", "junit").output
    assert f"{hengshui}:行业服务标兵!E7: error XJ203" in junit
    github = invoke("validate", hengshui, "--format", "github").output
    # @actions/core's order of properties (main's github reporter): title first.
    assert f"::error title=xianjin (XJ203),file={hengshui},line=7,col=5::" in github
    sarif = json.loads(invoke("validate", hengshui, "--format", "sarif").output)
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 7, "startColumn": 5}


def test_problems_are_listed_sheet_by_sheet(hengshui):
    edit(hengshui, "优质服务品牌", "F2", "")
    edit(hengshui, "基本信息", "B5", "")
    edit(hengshui, "群众满意窗口", "F3", "")
    assert problems(hengshui) == ["基本信息!B5 XJ201", "群众满意窗口!F3 XJ201", "优质服务品牌!F2 XJ201"]


def test_a_date_typed_into_the_birth_month_is_its_year_and_month(hengshui, tmp_path):
    edit(hengshui, "行业服务标兵", "E2", datetime(1970, 11, 5), "yyyy-mm-dd")
    assert problems(hengshui) == []
    assert "出生年月: '1970.11'" in convert_to_yaml(hengshui, tmp_path)


def test_a_number_1980_1_is_ambiguous(hengshui):
    edit(hengshui, "行业服务标兵", "E4", 1980.1, "General")
    out = invoke("validate", hengshui).output
    assert problems(hengshui) == ["行业服务标兵!E4 XJ203"]
    assert ("这一格是数字 1980.1：Excel 会把 1980.10 存成 1980.1，分不清是 1 月还是 10 月；"
            "请把这一格设置为“文本”格式，重新输入 1980.10 或 1980.01") in out


def test_an_unambiguous_number_in_the_birth_month_is_read(hengshui):
    edit(hengshui, "行业服务标兵", "E4", 1980.05, "General")
    assert problems(hengshui) == []


def test_a_phone_typed_as_a_number_lost_its_zero(hengshui):
    edit(hengshui, "群众满意窗口", "G3", 3185394345, "General")
    edit(hengshui, "基本信息", "B6", 3188096881, "General")
    out = invoke("validate", hengshui).output
    assert problems(hengshui) == ["基本信息!B6 XJ209", "群众满意窗口!G3 XJ209"]
    assert "电话号码被 Excel 当成了数字 3185394345，开头的 0 已经丢了；请把这一格设置为“文本”格式" in out


def _with_cached_value(path: Path, sheet_file: str, cell: str, formula: str, cached: str | None) -> None:
    """openpyxl writes no cached result; Excel does. Write the cell as Excel would have."""
    raw = io.BytesIO(path.read_bytes())
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == sheet_file:
                text = data.decode()
                start = text.index(f'<c r="{cell}"')
                end = text.index("</c>", start) + 4 if text.find("/>", start) > text.find("</c>", start) else text.index("/>", start) + 2
                value = f"<v>{cached}</v>" if cached is not None else ""
                text = text[:start] + f'<c r="{cell}" t="str"><f>{formula}</f>{value}</c>' + text[end:]
                data = text.encode()
            dst.writestr(info, data)
    path.write_bytes(out.getvalue())


def test_a_formula_uses_its_cached_value_or_is_refused(hengshui):
    _with_cached_value(hengshui, "xl/worksheets/sheet2.xml", "D2", 'CONCATENATE("饶阳县","汽车站")', "饶阳县汽车站")
    assert problems(hengshui) == []
    _with_cached_value(hengshui, "xl/worksheets/sheet2.xml", "D3", 'CONCATENATE("衡水市","司法局")', None)
    out = invoke("validate", hengshui).output
    assert problems(hengshui) == ["群众满意窗口!D3 XJ125"]
    assert "error XJ125" in out
    assert "这一格是公式，但文件里没有保存计算结果；请在 Excel 中打开并保存，或直接填写文字" in out


def test_merged_cells_are_refused_at_their_corner(hengshui):
    wb = openpyxl.load_workbook(hengshui)
    wb["群众满意窗口"].merge_cells("E2:E4")  # one 所属行业 for three windows
    wb.save(hengshui)
    out = invoke("validate", hengshui).output
    assert problems(hengshui) == ["群众满意窗口!E2 XJ124"]
    assert "error XJ124" in out
    assert "单元格 E2:E4 是合并的；每个推荐对象一行、每栏一格，请取消合并，把内容逐格填好" in out


def test_full_width_digits_are_read_as_digits(hengshui, tmp_path):
    edit(hengshui, "行业服务标兵", "E2", "１９７０．１１")
    edit(hengshui, "基本信息", "B6", "０３１８－８０９６８８１")
    assert problems(hengshui) == []
    unit = check_loaded(load_path(str(hengshui)), CAMPAIGN)
    assert unit.submission.联系电话 == "0318-8096881"
    assert unit.submission.行业服务标兵.推荐对象[0].出生年月 == "1970.11"


def test_an_extra_row_beyond_the_slots_is_over_the_quota_at_that_row(hengshui):
    wb = openpyxl.load_workbook(hengshui)
    ws = wb["群众满意窗口"]
    for col in range(3, ws.max_column + 1):  # a 13th window typed below the two alternates
        ws.cell(16, col, ws.cell(3, col).value)
    ws.cell(16, 3, "衡水市人民医院门诊服务窗口")
    wb.save(hengshui)
    out = invoke("validate", hengshui).output
    assert problems(hengshui) == ["群众满意窗口!A16 XJ301"]
    assert "衡水的群众满意窗口名额是 12 个，这里列了 13 个推荐对象；从第 13 个起超出名额" in out


def test_a_row_typed_as_a_third_alternate(hengshui):
    wb = openpyxl.load_workbook(hengshui)
    ws = wb["行业服务标兵"]
    for col in range(2, ws.max_column + 1):
        ws.cell(16, col, ws.cell(15, col).value)
    ws.cell(16, 3, "王建国")
    wb.save(hengshui)
    assert problems(hengshui) == ["行业服务标兵!A16 XJ303"]


def test_a_renumbered_row_is_a_warning_at_its_number(hengshui):
    edit(hengshui, "行业服务标兵", "A5", "7")
    out = invoke("validate", hengshui).output
    assert problems(hengshui) == ["行业服务标兵!A5 XJ127"]
    assert "warning XJ127" in out
    assert "“编号”一栏写的是 7，按行的先后这一行的编号是 4" in out


def test_a_wrong_kind_is_an_error_at_its_cell(hengshui):
    edit(hengshui, "群众满意窗口", "B14", "候补")
    assert "群众满意窗口!B14 XJ126" in problems(hengshui)


@pytest.mark.parametrize("name", ["衡水.xls", "衡水.et"])
def test_an_old_excel_or_wps_file_is_told_to_save_as_xlsx(tmp_path, name):
    old = tmp_path / name
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)  # an OLE2 compound file
    result = invoke("validate", old)
    assert result.exit_code == 1
    assert f"{old}:1:1: error XJ120 这是 Excel 97–2003（.xls）或 WPS 表格（.et）的旧格式，xianjin 只读 .xlsx；" \
           "请在 Excel 或 WPS 中“另存为”Excel 工作簿（*.xlsx）" in result.output
    # Found in a folder it may be someone else's spreadsheet: told, but not failed.
    walk = invoke("validate", tmp_path)
    assert walk.exit_code == 0 and "warning XJ120" in walk.output


def test_a_password_protected_workbook_is_refused(hengshui, tmp_path):
    import msoffcrypto.format.ooxml

    locked = tmp_path / "加密.xlsx"
    with open(hengshui, "rb") as plain, open(locked, "wb") as out:
        msoffcrypto.format.ooxml.OOXMLFile(plain).encrypt("123456", out)
    result = invoke("validate", locked)
    assert result.exit_code == 1
    assert f"{locked}:1:1: error XJ121 工作簿设置了打开密码，xianjin 无法读取；请在 Excel 中删去密码" in result.output


@pytest.mark.parametrize("damage", ["truncated", "not a zip", "no workbook"])
def test_a_corrupt_workbook_is_refused(hengshui, tmp_path, damage):
    broken = tmp_path / "坏.xlsx"
    raw = hengshui.read_bytes()
    if damage == "truncated":
        broken.write_bytes(raw[: len(raw) // 2])
    elif damage == "not a zip":
        broken.write_bytes("推荐单位: 衡水\n".encode())
    else:
        with zipfile.ZipFile(broken, "w") as z:
            z.writestr("hello.txt", "x")
    result = invoke("validate", broken)
    assert result.exit_code == 1
    assert f"{broken}:1:1: error XJ122 文件不能作为 .xlsx 工作簿打开" in result.output
    assert "Traceback" not in result.output


def test_a_renamed_sheet_is_recognised_by_its_header(hengshui):
    wb = openpyxl.load_workbook(hengshui)
    wb["行业服务标兵"].title = "标兵"
    wb.save(hengshui)
    out = invoke("validate", hengshui).output
    assert problems(hengshui) == ["标兵!A1 XJ123"]
    assert "工作表“标兵”的表头是行业服务标兵的，但工作表名不对；请把它改回“行业服务标兵”" in out


def test_a_renamed_column_is_named_once_at_its_header(hengshui):
    edit(hengshui, "行业服务标兵", "E1", "出生日期")
    out = invoke("validate", hengshui).output
    assert problems(hengshui) == ["行业服务标兵!E1 XJ202"]
    assert "表头“出生日期”不是表中的栏目，是不是“出生年月”？请把表头改回原样" in out


def test_a_control_character_is_refused_at_its_cell(hengshui):
    # As Excel stores a character XML cannot hold; a carriage return (_x000D_) is only a line break.
    edit(hengshui, "群众满意窗口", "C2", "饶阳县汽车站_x0007_售票服务窗口")
    edit(hengshui, "群众满意窗口", "H2", "饶阳县汽车站售票服务窗口_x000D_\n隶属于饶阳县汽车站。")
    assert problems(hengshui) == ["群众满意窗口!C2 XJ104"]
    assert "含有不可见的控制字符 U+0007" in invoke("validate", hengshui).output


def test_a_folder_walk_reads_workbooks_and_skips_other_spreadsheets(hengshui, tmp_path):
    other = openpyxl.Workbook()
    other.active["A1"] = "报销单"
    other.save(tmp_path / "报销.xlsx")
    (tmp_path / "~$衡水.xlsx").write_bytes(b"lock file of an open workbook")
    shutil.copy(ROOT / "examples" / "01-石家庄.yaml", tmp_path)
    result = invoke("validate", tmp_path)
    assert result.exit_code == 0, result.output
    assert "共检查 2 个推荐文件（另有 1 个 YAML 文件不是推荐文件，已跳过）" in result.output
    named = invoke("validate", tmp_path / "报销.xlsx")
    assert named.exit_code == 1 and "error XJ123" in named.output


def test_render_reads_the_workbook(hengshui, tmp_path):
    out = tmp_path / "word"
    result = invoke("render", hengshui, "--out", out, "--format", "docx")
    assert result.exit_code == 0, result.output
    assert (out / "衡水" / "02-行业服务标兵推荐和审批表.docx").is_file()
    edit(hengshui, "行业服务标兵", "E4", 1980.1, "General")
    failed = invoke("render", hengshui, "--out", tmp_path / "again", "--format", "docx")
    assert failed.exit_code == 1 and "行业服务标兵!E4: error XJ203" in failed.output
    assert not (tmp_path / "again").exists()


# --- convert -----------------------------------------------------------------------------------

def convert_to_yaml(workbook: Path, tmp_path: Path) -> str:
    target = tmp_path / "converted.yaml"
    result = invoke("convert", workbook, "-o", target, "--force")
    assert result.exit_code == 0, result.output
    return target.read_text("utf-8")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_yaml_to_xlsx_to_yaml_gives_the_same_data(tmp_path, example):
    xlsx, back = tmp_path / "a.xlsx", tmp_path / "b.yaml"
    assert invoke("convert", example, "-o", xlsx).exit_code == 0
    assert invoke("convert", xlsx, "-o", back).exit_code == 0
    assert load_file(back).data == load_file(example).data
    # and the workbook itself is the same submission
    assert check_loaded(load_path(str(xlsx)), CAMPAIGN).submission == check_loaded(load_file(example), CAMPAIGN).submission
    again = tmp_path / "c.xlsx"
    invoke("convert", back, "-o", again)
    assert again.read_bytes() == xlsx.read_bytes()


def test_convert_keeps_wrong_values_and_refuses_what_has_no_cell(tmp_path):
    broken = ROOT / "examples" / "broken" / "09-衡水-有错误.yaml"
    xlsx = tmp_path / "有错误.xlsx"
    result = invoke("convert", broken, "-o", xlsx)
    # 出生日期 is not on the form: the workbook has no column for it, so nothing is written.
    assert result.exit_code == 1 and "行业服务标兵.推荐对象[7].出生日期" in result.output and not xlsx.exists()
    text = broken.read_text("utf-8").replace("出生日期", "出生年月")
    fixed = tmp_path / "改了一处.yaml"
    fixed.write_text(text, "utf-8")
    assert invoke("convert", fixed, "-o", xlsx).exit_code == 0
    wrong = [p for p in problems(xlsx) if p.endswith("XJ203")]
    assert wrong == ["行业服务标兵!E4 XJ203"]  # 推荐对象[3]'s 1978.13, kept as typed


def test_convert_never_overwrites_and_needs_two_formats(tmp_path, hengshui):
    target = tmp_path / "衡水.yaml"
    target.write_text("别人的文件", "utf-8")
    assert invoke("convert", hengshui, "-o", target).exit_code == 2
    assert target.read_text("utf-8") == "别人的文件"
    assert invoke("convert", hengshui, "-o", hengshui, "--force").exit_code == 2
    assert invoke("convert", hengshui, "-o", tmp_path / "x.xlsx").exit_code == 2
    assert invoke("convert", hengshui, "-o", tmp_path / "x.csv").exit_code == 2


def test_convert_refuses_a_workbook_excel_changed(hengshui, tmp_path):
    edit(hengshui, "行业服务标兵", "E4", 1980.1, "General")
    target = tmp_path / "衡水.yaml"
    result = invoke("convert", hengshui, "-o", target)
    assert result.exit_code == 1 and "行业服务标兵!E4: error XJ203" in result.output and not target.exists()


def test_fix_never_rewrites_a_workbook(hengshui):
    edit(hengshui, "行业服务标兵", "G2", "本科")  # accepted, and in a YAML file fix would write 大学本科
    before = hengshui.read_bytes()
    result = invoke("fix", hengshui)
    assert result.exit_code == 1 and "只改写 YAML 文件" in result.output
    assert hengshui.read_bytes() == before


# --- summary -------------------------------------------------------------------------------------

def test_summary_workbook_lists_every_unit_and_every_nominee(tmp_path):
    target = tmp_path / "汇总.xlsx"
    result = invoke("summary", ROOT / "examples", "--format", "xlsx", "-o", target)
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == ["附件1汇总", "群众满意窗口名单", "行业服务标兵名单", "优质服务品牌名单"]
    table = wb["附件1汇总"]
    assert [c.value for c in table[1]][:4] == ["推荐单位", "窗口名额", "窗口推荐", "窗口递补"]
    assert [table.cell(r, 1).value for r in range(2, 15)][-1] == "合计" and table.cell(14, 2).value == 200
    people = wb["行业服务标兵名单"]
    heads = [c.value for c in people[1]]
    assert heads[:4] == ["推荐单位", "编号", "类别", "排序表（姓名、性别、民族、单位及职务）"]
    assert {"姓名", "性别", "出生年月", "民族", "学历", "政治面貌", "工作单位及职务", "所属行业"} <= set(heads)
    expected = sum(len(yaml.safe_load(p.read_text("utf-8"))["行业服务标兵"][s]) for p in EXAMPLES
                   for s in ("推荐对象", "递补对象"))
    assert people.max_row - 1 == expected and people.auto_filter.ref.startswith("A1:")
    first = {heads[i]: c.value for i, c in enumerate(people[2])}
    assert first["推荐单位"] == "石家庄" and first["编号"] == 1 and first["类别"] == "推荐对象"
    # a folder walk does not mistake the office's summary for a submission
    shutil.copy(target, tmp_path / "copy.xlsx")
    assert invoke("validate", tmp_path).output.startswith("共检查 0 个推荐文件")
    assert invoke("summary", ROOT / "examples", "--format", "xlsx").exit_code == 2  # needs -o
