"""`xianjin render`: the documents of the notice, checked through what poppler reads back.

Renders are small on purpose (a unit with one nominee per list, 3 alternates' worth of
forms); the shipped example of one city is rendered once when it is present.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from xianjin.cli import cli
from xianjin.cli.render import render_command

# WeasyPrint renders in most of these: the whole suite runs them, a quick `-m "not slow"` run does not.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
MARKUP = '<img src="file:///etc/passwd">'
UNKNOWN = "\U0002EBF0"  # CJK Extension I (Unicode 15.1): no installed font has it
PARA = "窗口坚持以群众满意为目标，推行首问负责、限时办结和一次告知，办事效率明显提高。"
UNITS = {"石家庄": ("中共石家庄市委创先争优活动领导小组", "0311"), "承德": ("中共承德市委创先争优活动领导小组", "0314")}

FORMS = ["01-群众满意窗口推荐和审批表", "02-行业服务标兵推荐和审批表", "03-优质服务品牌推荐和审批表"]
RANKINGS = ["04-群众满意窗口排序表", "05-行业服务标兵排序表", "06-优质服务品牌排序表"]
MATERIALS = ["07-群众满意窗口典型事迹材料", "08-行业服务标兵典型事迹材料", "09-优质服务品牌典型事迹材料"]
ALL = ["00-推荐情况的报告", *FORMS, *RANKINGS, *MATERIALS]


def _block(n: int, indent: int = 8) -> str:
    return "|\n" + "".join(" " * indent + PARA * 2 + "\n" for _ in range(n))


def _window(unit: str, i: int, name_extra: str = "") -> str:
    code = UNITS[unit][1]
    return f"""    - 服务窗口名称: {unit}市行政服务中心第{i}号窗口{name_extra}
      所属单位: {unit}市地方税务局
      所属行业: 税务
      党组织负责人: 赵志刚
      单位电话: {code}-87654321
      窗口情况简介: {_block(1)}      主要事迹: {_block(2)}      典型事迹材料: {_block(3)}"""


def _exemplar(unit: str, name: str, approvals: bool = False) -> str:
    text = f"""    - 姓名: {name}
      性别: 女
      出生年月: 1978.05
      民族: 汉族
      学历: 本科
      政治面貌: 中共党员
      工作单位及职务: {unit}市第一医院急诊科护士长
      所属行业: 卫生
      工作简历: |
        1996.09—2000.07 河北医科大学护理学专业学习
        2000.07—今 {unit}市第一医院护士、急诊科护士长
      主要事迹: {_block(2)}      典型事迹材料: {_block(3)}"""
    if approvals:
        text += "      审批意见:\n        主管单位党组织: {意见: 同意推荐, 日期: 2012-08-10}\n"
    return text


def make_unit(unit: str = "石家庄", names=("张丽华", "吉𠮷祥", "李𪛖明"), window_extra: str = MARKUP) -> str:
    """A valid file with one formal nominee per category and the two alternates (warnings only)."""
    filler, code = UNITS[unit]
    return f"""推荐单位: {unit}
填报单位: {filler}
报送日期: 2012-08-15
联系人: 王立新
联系电话: {code}-86688001
公示情况: 2012年8月6日至10日在{unit}日报公示，无异议
推荐情况报告: |
  根据省委创先争优活动领导小组要求，我市认真组织推荐工作。
  经过层层推荐、考察和公示，确定推荐对象如下。
群众满意窗口:
  推荐对象:
{_window(unit, 1, window_extra)}
  递补对象:
{_window(unit, 2)}
{_window(unit, 3)}
行业服务标兵:
  推荐对象:
{_exemplar(unit, names[0], approvals=True)}
  递补对象:
{_exemplar(unit, names[1])}
{_exemplar(unit, names[2])}
优质服务品牌:
  推荐对象:
    - 服务品牌名称: “e路通”{unit}便民服务品牌
      所属单位: {unit}市邮政局
      所属行业: 邮政
      党组织负责人: 刘建国
      单位电话: {code}-86012345
      品牌简介: {_block(1)}      曾受表彰情况: 2011年被评为全国邮政系统优质服务品牌
      典型事迹材料: {_block(3)}"""


def render(*args: str):
    return CliRunner().invoke(render_command, [str(a) for a in args])


def text_of(pdf: Path, layout: bool = False) -> str:
    cmd = ["pdftotext", "-enc", "UTF-8", "-layout" if layout else "-raw", str(pdf), "-"]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def flat(pdf: Path) -> str:
    """The text with all whitespace removed: labels such as “意  见” and wrapped titles compare simply."""
    return re.sub(r"\s+", "", text_of(pdf))


def in_order(text: str, parts: list[str]) -> bool:
    pos = 0
    for part in parts:
        pos = text.find(re.sub(r"\s+", "", part), pos)
        if pos < 0:
            return False
    return True


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    src = tmp_path_factory.mktemp("in")
    (src / "石家庄.yaml").write_text(make_unit(), "utf-8")
    out = tmp_path_factory.mktemp("out")
    result = render(src, "--out", out, "--jobs", "2")
    assert result.exit_code == 0, result.output
    return src, out, result


def test_every_document_is_written_with_sorted_chinese_names(rendered):
    _, out, result = rendered
    assert "已排版 1 个推荐单位（石家庄）" in result.output
    files = sorted(p.name for p in (out / "石家庄").glob("*.pdf"))
    assert files == [f"{n}.pdf" for n in ALL]
    assert not (out / "全省汇总表.pdf").exists()  # one unit: no province summary


def test_pages_are_a4_with_page_numbers(rendered):
    _, out, _ = rendered
    for pdf in (out / "石家庄").glob("*.pdf"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)", info), pdf.name
    assert re.search(r"—\s*1\s*—", text_of(out / "石家庄" / "07-群众满意窗口典型事迹材料.pdf"))


def test_fonts_are_embedded_subset_simplified_chinese(rendered):
    _, out, _ = rendered
    for pdf in (out / "石家庄").glob("*.pdf"):
        lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                               check=True).stdout.splitlines()[2:]
        assert lines, pdf.name
        for line in lines:
            name, emb_sub_uni = line.split()[0], line.split()[-5:-2]
            assert emb_sub_uni == ["yes", "yes", "yes"], line
            assert not re.search(r"CJK-?(JP|KR|TC|HK)", name), f"{pdf.name}: {name}"
    fonts = subprocess.run(["pdffonts", str(out / "石家庄" / "02-行业服务标兵推荐和审批表.pdf")],
                           capture_output=True, text=True, check=True).stdout
    assert "BabelStone-Han" in fonts  # 𠮷 and 𪛖 come from the wide-coverage face


def test_approval_labels_keep_the_notice_line_breaks(rendered):
    # “市委或省直机关” is one line of the paper form; a column too narrow for it left “关” alone.
    _, out, _ = rendered
    for name in FORMS:
        lines = [line.strip() for line in text_of(out / "石家庄" / f"{name}.pdf", layout=True).splitlines()]
        assert any(line.startswith("市委或省直机关") for line in lines), name
        assert "关" not in lines, name


def test_window_form_keeps_the_notice_rows_labels_and_order(rendered):
    _, out, _ = rendered
    text = flat(out / "石家庄" / "01-群众满意窗口推荐和审批表.pdf")
    labels = ["全省为民服务创先争优群众满意窗口推荐和审批表", "（编号：1）", "填报单位：中共石家庄市委创先争优活动领导小组",
              "服务窗口名称（全称）", "所属单位", "党组织负责人", "单位电话（区号）", "窗口情况简介", "主要事迹",
              "主管单位党组织意见", "（盖章）", "年月日",
              "市委或省直机关创先争优活动领导小组意见", "（盖章）", "年月日",
              "省委创先争优活动领导小组审批意见", "（盖章）", "年月日", "注：编号与《排序表》序号一致。"]
    assert in_order(text, labels)
    assert in_order(text, ["（编号：2）（递补）", "（编号：3）（递补）"])
    assert text.count("注：编号与《排序表》序号一致。") == 3  # one form per nominee


def test_vertical_labels_wrap_one_character_a_line(rendered):
    _, out, _ = rendered
    lines = [ln.strip() for ln in text_of(out / "石家庄" / "01-群众满意窗口推荐和审批表.pdf", layout=True).splitlines()]
    starts = [ln[:1] for ln in lines if ln]
    assert "".join(starts).find("主要事迹") >= 0


def test_exemplar_and_brand_forms(rendered):
    _, out, _ = rendered
    text = flat(out / "石家庄" / "02-行业服务标兵推荐和审批表.pdf")
    assert in_order(text, ["全省为民服务创先争优行业服务标兵推荐和审批表", "填报单位：中共石家庄市委创先争优活动领导小组",
                           "姓名", "张丽华", "性别", "女", "出生年月", "1978.05", "民族", "汉族", "学历", "大学本科",
                           "政治面貌", "中共党员", "工作单位及职务", "工作简历", "主要事迹",
                           "主管单位党组织意见", "同意推荐", "（盖章）", "2012年8月10日",
                           "市委或省直机关创先争优活动领导小组意见", "（盖章）", "年月日",
                           "省委创先争优活动领导小组审批意见", "注：编号与《排序表》序号一致。"])
    assert "吉𠮷祥" in text and "李𪛖明" in text  # Extension B characters print and are searchable
    brand = flat(out / "石家庄" / "03-优质服务品牌推荐和审批表.pdf")
    assert in_order(brand, ["全省为民服务创先争优优质服务品牌推荐和审批表", "服务品牌名称（全称）", "所属单位",
                            "党组织负责人", "单位电话（区号）", "品牌简介", "曾受表彰情况",
                            "市委或省直机关创先争优活动领导小组意见", "省委创先争优活动领导小组审批意见",
                            "注：编号与《排序表》序号一致。"])
    assert "主管单位党组织" not in brand  # the brand form has no such stage


def test_ranking_tables_list_nominees_in_order_with_alternates_marked(rendered):
    _, out, _ = rendered
    text = flat(out / "石家庄" / "05-行业服务标兵排序表.pdf")
    assert in_order(text, ["推荐全省为民服务创先争优行业服务标兵排序表", "填报单位：中共石家庄市委创先争优活动领导小组",
                           "序号", "全省为民服务创先争优行业服务标兵（姓名、性别、民族、单位及职务）",
                           "1张丽华、女、汉族、石家庄市第一医院急诊科护士长",
                           "2吉𠮷祥、女、汉族", "（递补）", "3李𪛖明", "（递补）"])
    windows = flat(out / "石家庄" / "04-群众满意窗口排序表.pdf")
    assert in_order(windows, ["全省为民服务创先争优群众满意窗口（名称、所属单位）", "1石家庄市行政服务中心第1号窗口",
                              "2石家庄市行政服务中心第2号窗口、石家庄市地方税务局（递补）", "3石家庄市行政服务中心第3号窗口"])
    assert "（递补）" not in windows.split("第2号窗口")[0]


def test_markup_in_a_value_prints_literally(rendered):
    _, out, _ = rendered
    assert MARKUP.replace(" ", "") in flat(out / "石家庄" / "04-群众满意窗口排序表.pdf")
    assert MARKUP.replace(" ", "") in flat(out / "石家庄" / "01-群众满意窗口推荐和审批表.pdf")


def test_materials_and_cover_report(rendered):
    _, out, _ = rendered
    materials = flat(out / "石家庄" / "08-行业服务标兵典型事迹材料.pdf")
    assert in_order(materials, ["张丽华", PARA, "吉𠮷祥", "（递补）", PARA, "李𪛖明"])
    report = flat(out / "石家庄" / "00-推荐情况的报告.pdf")
    assert in_order(report, ["关于为民服务创先争优群众满意窗口、行业服务标兵和优质服务品牌推荐情况的报告",
                             "省委创先争优活动领导小组：", "我市认真组织推荐工作",
                             "群众满意窗口1个（另推荐递补对象2个）、行业服务标兵1名（另推荐递补对象2名）、优质服务品牌1个",
                             "中共石家庄市委创先争优活动领导小组", "2012年8月15日"])


def test_rerun_is_byte_identical(rendered, tmp_path):
    src, out, _ = rendered
    result = render(src, "--out", tmp_path, "--jobs", "1")
    assert result.exit_code == 0, result.output
    for pdf in (out / "石家庄").glob("*.pdf"):
        assert (tmp_path / "石家庄" / pdf.name).read_bytes() == pdf.read_bytes(), pdf.name


def copy_rendered(rendered, tmp_path) -> tuple[Path, Path]:
    """A copy of the rendered input and output (manifests included) that a test may change."""
    src, out, _ = rendered
    shutil.copytree(src, tmp_path / "in")
    shutil.copytree(out, tmp_path / "out")
    return tmp_path / "in", tmp_path / "out"


def hidden_leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.rglob(".*") if not re.fullmatch(r"\.xianjin-render-(pdf|html)\.json", p.name))


def test_unchanged_unit_is_not_rerendered_unless_forced_or_edited(rendered, tmp_path):
    src, out = copy_rendered(rendered, tmp_path)
    pdf = out / "石家庄" / "01-群众满意窗口推荐和审批表.pdf"
    before = pdf.stat().st_mtime_ns
    result = render(src, "--out", out)
    assert result.exit_code == 0 and "沿用上次的结果" in result.output
    assert pdf.stat().st_mtime_ns == before

    result = render(src, "--out", out, "--force")
    assert result.exit_code == 0 and "已排版 1 个推荐单位（石家庄）" in result.output, result.output
    forced = pdf.stat().st_mtime_ns
    assert forced != before

    yaml_file = src / "石家庄.yaml"
    yaml_file.write_text(yaml_file.read_text("utf-8").replace("赵志刚", "钱志刚", 1), "utf-8")
    result = render(src, "--out", out)
    assert result.exit_code == 0 and "已排版 1 个推荐单位（石家庄）" in result.output, result.output
    assert pdf.stat().st_mtime_ns != forced and "钱志刚" in flat(pdf)


def test_html_beside_pdf_keeps_the_pdfs_and_their_cache(rendered, tmp_path):
    src, out = copy_rendered(rendered, tmp_path)
    pdfs = {p.name: p.read_bytes() for p in (out / "石家庄").glob("*.pdf")}
    result = render(src, "--out", out, "--format", "html")
    assert result.exit_code == 0, result.output
    assert {p.name: p.read_bytes() for p in (out / "石家庄").glob("*.pdf")} == pdfs
    assert len(list((out / "石家庄").glob("*.html"))) == len(ALL)
    result = render(src, "--out", out)
    assert result.exit_code == 0 and "沿用上次的结果" in result.output, result.output


@pytest.mark.parametrize("failure", [RuntimeError, KeyboardInterrupt])
def test_a_failed_run_leaves_the_earlier_output_intact(rendered, tmp_path, monkeypatch, failure):
    from xianjin.render import pdf
    from xianjin.render.errors import RenderError

    src, out = copy_rendered(rendered, tmp_path)
    before = {p.name: p.read_bytes() for p in (out / "石家庄").glob("*.pdf")}
    real, calls = pdf.to_pdf, []

    def second_fails(html, target, label, faces=()):
        calls.append(target)
        if len(calls) == 2:
            # What a worker killed mid-write leaves behind.
            Path(target).with_name(f".{Path(target).name}.x1y2z3.tmp").write_bytes(b"%PDF-")
            if failure is KeyboardInterrupt:
                raise KeyboardInterrupt
            raise RenderError(f"{label}：测试用的失败")
        return real(html, target, label, faces)

    monkeypatch.setattr(pdf, "to_pdf", second_fails)
    result = render(src, "--out", out, "--force", "--jobs", "1")
    assert result.exit_code == (1 if failure is KeyboardInterrupt else 2), result.output
    assert len(calls) == 2
    assert {p.name: p.read_bytes() for p in (out / "石家庄").glob("*.pdf")} == before
    assert hidden_leftovers(out) == []


def test_errors_are_printed_like_validate_and_nothing_is_written(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "石家庄.yaml").write_text(make_unit().replace("性别: 女", "性别: 外", 1), "utf-8")
    result = render(tmp_path / "in", "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert re.search(r"石家庄\.yaml:\d+:\d+: error XJ205 行业服务标兵\.推荐对象\[1\]\.性别：", result.output)
    assert CliRunner().invoke(cli, ["validate", str(tmp_path / "in")]).output in result.output
    assert not (tmp_path / "out").exists()
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    github = CliRunner().invoke(cli, ["validate", str(tmp_path / "in")]).output
    assert "::error " in github and github in render(tmp_path / "in", "--out", tmp_path / "out").output


def test_unit_option_shows_the_errors_of_a_file_whose_unit_is_unknown(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.yaml").write_text(make_unit().replace("推荐单位: 石家庄", "推荐单位: 石家庄市", 1), "utf-8")
    (tmp_path / "in" / "b.yaml").write_text(make_unit("承德", names=("赵一", "钱二", "孙三")), "utf-8")
    for unit in ("石家庄", "北京"):
        result = render(tmp_path / "in", "--out", tmp_path / "out", "--unit", unit)
        assert result.exit_code == 1, result.output
        assert "XJ218" in result.output and "没有推荐单位" not in result.output
    assert not (tmp_path / "out").exists()


def test_a_character_no_font_has_is_refused_before_writing(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "石家庄.yaml").write_text(make_unit(names=("王" + UNKNOWN, "吉𠮷祥", "李𪛖明")), "utf-8")
    result = render(tmp_path / "in", "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert "U+2EBF0" in result.output and "姓名" in result.output and f"“王{UNKNOWN}”" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()  # a refused render leaves not even an empty folder


def test_notdef_warning_from_weasyprint_fails_the_document(tmp_path, monkeypatch):
    from weasyprint.logger import LOGGER

    from xianjin.render.errors import RenderError
    from xianjin.render.pdf import to_pdf

    # A host application that silenced WeasyPrint must not silence this check.
    monkeypatch.setattr(LOGGER, "level", logging.CRITICAL)
    monkeypatch.setattr(LOGGER, "disabled", True)
    html = f'<html lang="zh-CN"><head><link rel="stylesheet" href="style.css"></head><body><p>王{UNKNOWN}</p></body></html>'
    with pytest.raises(RenderError, match="U\\+2EBF0"):
        to_pdf(html, str(tmp_path / "x.pdf"), "测试")
    assert not (tmp_path / "x.pdf").exists()
    assert LOGGER.level == logging.CRITICAL and LOGGER.disabled


def test_a_write_error_in_a_worker_is_told_in_chinese(monkeypatch):
    from xianjin.render import pdf, pool

    def denied(html, target, label, faces=()):
        raise PermissionError(13, "Permission denied", target)

    monkeypatch.setattr(pdf, "to_pdf", denied)
    _, (status, message) = pool._run_one(pool.Job("<p>x</p>", "/x/a.pdf", "石家庄/01-表"))
    assert (status, message) == ("error", "石家庄/01-表：写入失败：没有权限")


@pytest.fixture
def own_templates(tmp_path, monkeypatch):
    """A copy of the templates that a test may break, used by the renderer in place of the shipped ones."""
    from xianjin.render import templating

    folder = tmp_path / "templates"
    shutil.copytree(templating.templates_dir(), folder)
    monkeypatch.setattr(templating, "templates_dir", lambda: folder)
    templating.environment.cache_clear()
    yield folder
    templating.environment.cache_clear()


@pytest.mark.parametrize("broken, message", [
    ("{% for row in %}", "模板 ranking.html.j2 有误（第 11 行）：语法错误"),
    ("{% for row in rows %}{{ row.不存在 }}", "模板 ranking.html.j2 有误（第 11 行）：没有“不存在”这个变量或栏目"),
])
def test_a_mistake_in_an_edited_template_is_a_usage_error(rendered, own_templates, tmp_path, broken, message):
    src, _, _ = rendered
    ranking = own_templates / "ranking.html.j2"
    lines = ranking.read_text("utf-8").splitlines()
    assert lines[10].strip() == "{% for row in rows %}"
    lines[10] = broken
    ranking.write_text("\n".join(lines) + "\n", "utf-8")
    result = render(src, "--out", tmp_path / "out", "--format", "html")
    assert result.exit_code == 2 and message in result.output, result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_fonttools_fallback_is_an_error():
    from xianjin.render.pdf import log_problem

    record = logging.LogRecord("weasyprint", logging.WARNING, "", 0,
                               'Using fontTools instead of HarfBuzz-Subset for font "%s".', ("x",), None)
    assert "HarfBuzz" in log_problem(record, "文档")


def test_fetcher_allows_only_the_templates_folder():
    from xianjin.render.assets import stylesheet_path, templates_dir
    from xianjin.render.fetcher import AssetFetcher

    fetcher = AssetFetcher(templates_dir())
    assert b"@page" in fetcher.fetch(stylesheet_path().as_uri()).read()
    for url in ("file:///etc/passwd", stylesheet_path().as_uri().replace("style.css", "../pyproject.toml"),
                "http://example.com/x.css", "https://example.com/", "ftp://example.com/x"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_unit_names_cannot_escape_the_output_folder(tmp_path):
    from xianjin.render.errors import RenderError
    from xianjin.render.run import output_folder

    assert output_folder(tmp_path, "石家庄") == (tmp_path / "石家庄").resolve()
    for bad in ("..", "../x", "a/b", "/etc", ".hidden", "a\\b"):
        with pytest.raises(RenderError):
            output_folder(tmp_path, bad)


def test_templates_escape_and_fail_on_typos():
    from jinja2 import UndefinedError

    from xianjin.render.templating import environment

    env = environment()
    # select_autoescape would decide by the name and leave "ranking.html.j2" unescaped.
    assert env.autoescape is True
    page = env.get_template("ranking.html.j2").render(
        title="排序表", author="", version="", created="", 填报单位=MARKUP, kind="群众满意窗口", columns="",
        rows=[{"number": 1, "alternate": False, "content": MARKUP}])
    assert MARKUP not in page and page.count("&lt;img src=&#34;file:///etc/passwd&#34;&gt;") == 2
    with pytest.raises(UndefinedError):
        env.from_string("{{ n.不存在 }}").render(n={})


def test_stylesheet_names_chinese_faces_explicitly():
    from xianjin.render.assets import stylesheet_path
    from xianjin.render.fonts import stacks

    css = stylesheet_path().read_text("utf-8")
    assert "@font-face" not in re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    for stack in stacks(css):
        assert "Noto Serif CJK SC" in stack or "Noto Sans CJK SC" in stack, stack
        assert stack[-1] == "BabelStone Han", stack
        assert not {"serif", "sans-serif"} & set(stack)


def test_html_format_and_province_summary(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.yaml").write_text(make_unit("石家庄"), "utf-8")
    (tmp_path / "in" / "b.yaml").write_text(make_unit("承德", names=("赵一", "钱二", "孙三"), window_extra=""), "utf-8")
    result = render(tmp_path / "in", "--out", tmp_path / "out", "--format", "html")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "out" / "石家庄" / "01-群众满意窗口推荐和审批表.html").read_text("utf-8")
    assert '<html lang="zh-CN">' in page and "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in page
    assert (tmp_path / "out" / "石家庄" / "style.css").is_file()
    summary = (tmp_path / "out" / "全省汇总表.html").read_text("utf-8")
    assert "石家庄" in summary and "省直机关" in summary and "合  计" in summary

    # One unit again: the summary of both is left, and said not to be updated.
    (tmp_path / "in" / "b.yaml").unlink()
    result = render(tmp_path / "in", "--out", tmp_path / "out", "--format", "html", "--force")
    assert result.exit_code == 0, result.output
    assert "全省汇总表.html 是以前排版的" in result.output and "没有更新它" in result.output
    assert (tmp_path / "out" / "全省汇总表.html").read_text("utf-8") == summary


def test_province_summary_has_the_numbers_of_xianjin_summary():
    from xianjin.render.context import summary_document
    from xianjin.render.templating import render_html
    from xianjin.validate import load_campaign, validate_paths

    report = validate_paths([str(ROOT / "examples")], load_campaign())
    assert not report.errors
    doc = summary_document(report)
    page = render_html(doc.template, doc.variables)
    rows = {cells[0]: cells[1:] for cells in (re.findall(r"<td[^>]*>([^<]*)</td>", tr)
                                             for tr in re.findall(r"<tr>(.*?)</tr>", page, re.S)) if cells}
    assert rows["石家庄"] == ["16", "16", "2", "16", "16", "2", "1–2", "2"]
    assert rows["合  计"] == ["200", "200", "24", "200", "200", "24", "", "28"]


def test_unit_key_is_the_validated_text_not_the_file_on_disk(tmp_path):
    from xianjin.render.run import render_report
    from xianjin.validate import load_campaign, validate_paths

    (tmp_path / "石家庄.yaml").write_text(make_unit(), "utf-8")
    report = validate_paths([str(tmp_path / "石家庄.yaml")], load_campaign())
    (tmp_path / "石家庄.yaml").unlink()  # changed (here: gone) after validation
    result = render_report(report, tmp_path / "out", fmt="html")
    assert result.written == ["石家庄"]


def test_font_fingerprint_covers_every_face_and_the_text_libraries():
    from xianjin.render import cache

    fingerprint = cache.fonts_fingerprint()
    assert "pango" in fingerprint and "harfbuzz" in fingerprint
    assert re.search(r"Noto Serif CJK SC[^|]*/bold=", fingerprint)  # faces other than the regular one
    assert re.search(r"BabelStoneHan\.ttf:0:\d+:\d+", fingerprint)  # size and mtime


def test_doctor_copes_with_a_stack_without_noto(monkeypatch):
    from xianjin.render import doctor, fonts

    monkeypatch.setattr(fonts, "stacks", lambda: [("SimSun", "BabelStone Han")])
    checks = doctor._fonts()
    assert checks[0].ok and "以 BabelStone Han 代替" in checks[0].detail


@pytest.mark.slow
def test_validate_does_not_import_weasyprint(tmp_path):
    (tmp_path / "a.yaml").write_text(make_unit(), "utf-8")
    code = ("import sys; from click.testing import CliRunner; from xianjin.cli import cli; "
            f"r = CliRunner().invoke(cli, ['validate', {str(tmp_path)!r}]); "
            "assert r.exit_code == 0, r.output; assert 'weasyprint' not in sys.modules; print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr


def test_unknown_unit_is_a_usage_error(rendered, tmp_path):
    src, _, _ = rendered
    result = render(src, "--out", tmp_path, "--unit", "北京")
    assert result.exit_code == 2 and "没有推荐单位“北京”" in result.output


SHIPPED = sorted(ROOT.glob("examples/*石家庄*.yaml"))


@pytest.mark.slow
def test_shipped_example_of_one_city(tmp_path):
    import yaml

    assert SHIPPED, "examples/ 中应有石家庄的示例文件"
    result = render(SHIPPED[0], "--out", tmp_path, "--unit", "石家庄")
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(SHIPPED[0].read_text("utf-8"))
    people = data["行业服务标兵"]["推荐对象"] + data["行业服务标兵"]["递补对象"]
    ranking = flat(tmp_path / "石家庄" / "05-行业服务标兵排序表.pdf")
    names = ["".join(p["姓名"].split()) for p in people]
    assert in_order(ranking, [f"{i}{name}、" for i, name in enumerate(names, 1)])
    assert ranking.count("（递补）") == len(data["行业服务标兵"]["递补对象"])
    forms = flat(tmp_path / "石家庄" / "01-群众满意窗口推荐和审批表.pdf")
    assert forms.count("注：编号与《排序表》序号一致。") == len(
        data["群众满意窗口"]["推荐对象"]) + len(data["群众满意窗口"]["递补对象"])
    assert data["填报单位"] in forms


def test_creation_date_is_fixed_and_honours_source_date_epoch(rendered, monkeypatch):
    from datetime import date

    from xianjin.render.context import created_stamp

    _, out, _ = rendered
    info = subprocess.run(["pdfinfo", "-isodates", str(out / "石家庄" / "04-群众满意窗口排序表.pdf")],
                          capture_output=True, text=True, check=True).stdout
    assert re.search(r"CreationDate:\s+2012-08-15T00:00:00", info)  # the submission's 报送日期
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1345420800")
    assert created_stamp(date(2012, 8, 15)) == "2012-08-20T00:00:00Z"
