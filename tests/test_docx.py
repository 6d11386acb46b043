"""Word out: every document as .docx, opened by LibreOffice and printed to PDF, carries the same
labels and values as the WeasyPrint PDF; the templates are what scripts/make_word_templates.py
draws; the bytes are the same for the same input.

LibreOffice runs headless with a throwaway profile (so it works with an empty HOME) and a
fontconfig file that, like a reader's machine without the 公文 faces, substitutes Noto Serif CJK SC.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from xianjin.cli import cli

ROOT = Path(__file__).resolve().parents[1]
HENGSHUI = ROOT / "examples" / "09-衡水.yaml"
FONTCONFIG = Path(__file__).parent / "fontconfig" / "fonts.conf"
NO_PUNCTUATION = str.maketrans("", "", "、，。；：")
PAGE_NUMBER = re.compile(r"—\s*\d+\s*—")
NOT_ON_THE_FORM = {"所属行业", "典型事迹材料"}
BLOCKS = {"窗口情况简介", "主要事迹", "典型事迹材料", "工作简历", "品牌简介", "推荐情况报告"}

# The words each kind of document prints whatever the data (附件2, 附件3 and the report).
LABELS = {
    "01-群众满意窗口推荐和审批表": ["全省为民服务创先争优群众满意窗口推荐和审批表", "填报单位：", "服务窗口名称", "（全称）",
                          "所属单位", "党组织负责人", "单位电话", "（区号）", "窗口情况简介", "主要事迹", "主管单位党组织",
                          "意见", "市委或省直机关", "创先争优活动", "领导小组意见", "省委创先争优", "活动领导小组", "审批意见",
                          "（盖章）", "年月日", "注：编号与《排序表》序号一致。"],
    "02-行业服务标兵推荐和审批表": ["全省为民服务创先争优行业服务标兵推荐和审批表", "姓名", "性别", "出生年月", "民族", "学历",
                          "政治面貌", "工作单位及职务", "工作简历", "主要事迹", "主管单位党组织", "领导小组意见", "审批意见",
                          "（盖章）", "年月日", "注：编号与《排序表》序号一致。"],
    "03-优质服务品牌推荐和审批表": ["全省为民服务创先争优优质服务品牌推荐和审批表", "服务品牌名称", "（全称）", "所属单位",
                          "党组织负责人", "单位电话", "品牌简介", "曾受表彰情况", "领导小组意见", "审批意见", "（盖章）", "年月日",
                          "注：编号与《排序表》序号一致。"],
    "04-群众满意窗口排序表": ["推荐全省为民服务创先争优群众满意窗口排序表", "序号", "全省为民服务创先争优群众满意窗口（名称、所属单位）"],
    "05-行业服务标兵排序表": ["推荐全省为民服务创先争优行业服务标兵排序表", "序号",
                       "全省为民服务创先争优行业服务标兵（姓名、性别、民族、单位及职务）"],
    "06-优质服务品牌排序表": ["推荐全省为民服务创先争优优质服务品牌排序表", "序号", "全省为民服务创先争优优质服务品牌（名称、所属单位）"],
    "00-推荐情况的报告": ["关于为民服务创先争优群众满意窗口、行业服务标兵和优质服务品牌推荐情况的报告", "省委创先争优活动领导小组：",
                     "联系人：", "联系电话："],
    "07-群众满意窗口典型事迹材料": [], "08-行业服务标兵典型事迹材料": [], "09-优质服务品牌典型事迹材料": [],
}
FORMS = {"群众满意窗口": "01-群众满意窗口推荐和审批表", "行业服务标兵": "02-行业服务标兵推荐和审批表",
         "优质服务品牌": "03-优质服务品牌推荐和审批表"}
RANKINGS = {"群众满意窗口": "04-群众满意窗口排序表", "行业服务标兵": "05-行业服务标兵排序表",
            "优质服务品牌": "06-优质服务品牌排序表"}
MATERIALS = {"群众满意窗口": "07-群众满意窗口典型事迹材料", "行业服务标兵": "08-行业服务标兵典型事迹材料",
             "优质服务品牌": "09-优质服务品牌典型事迹材料"}
EDUCATION = {"本科": "大学本科", "大专": "大学专科"}


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def squeeze(text: str) -> str:
    return "".join(PAGE_NUMBER.sub("", text).split())


def pdf_text(path: Path) -> str:
    return squeeze(subprocess.run(["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True,
                                  text=True).stdout)


def soffice_to_pdf(files: list[Path], out: Path, tmp: Path) -> None:
    """LibreOffice headless with a profile and HOME of its own, as on a fresh CI machine."""
    home = tmp / "home"
    home.mkdir(exist_ok=True)
    env = {**os.environ, "HOME": str(home), "FONTCONFIG_FILE": str(FONTCONFIG)}
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/lo-profile",
                    "--convert-to", "pdf", "--outdir", str(out), *map(str, files)],
                   check=True, capture_output=True, env=env, timeout=300)


def expected_values(data: dict) -> dict[str, list[str]]:
    """Every value the documents print, per document, as pdftotext gives it back (no spaces)."""
    out: dict[str, list[str]] = {name: [] for name in LABELS}
    out["00-推荐情况的报告"] += [data["填报单位"], data["联系人"], data["联系电话"], *data["推荐情况报告"].splitlines()]
    for category, form in FORMS.items():
        number = 0
        for section in ("推荐对象", "递补对象"):
            for item in data[category].get(section, []):
                number += 1
                mark = "（递补）" if section == "递补对象" else ""
                out[form].append(f"（编号：{number}）{mark}")
                for key, value in item.items():
                    if key in NOT_ON_THE_FORM:
                        continue
                    value = EDUCATION.get(value, value)
                    out[form] += value.splitlines() if key in BLOCKS else [value]
                out[RANKINGS[category]].append(item.get("服务窗口名称") or item.get("服务品牌名称") or item["姓名"])
                out[RANKINGS[category]].append(item.get("所属单位") or item["工作单位及职务"])
                out[MATERIALS[category]] += item["典型事迹材料"].splitlines()
        out[form].append(data["填报单位"])
    return {name: [squeeze(v) for v in values if v.strip()] for name, values in out.items()}


@pytest.fixture(scope="module")
def hengshui_both(tmp_path_factory):
    """衡水 rendered as PDF by WeasyPrint and as .docx, the .docx printed to PDF by LibreOffice."""
    tmp = tmp_path_factory.mktemp("docx")
    assert invoke("render", HENGSHUI, "--out", tmp / "pdf").exit_code == 0
    assert invoke("render", HENGSHUI, "--out", tmp / "word", "--format", "docx").exit_code == 0
    docx = sorted((tmp / "word" / "衡水").glob("*.docx"))
    soffice_to_pdf(docx, tmp / "lo", tmp)
    return tmp


@pytest.mark.slow
def test_every_document_is_written_as_docx(hengshui_both):
    names = sorted(p.stem for p in (hengshui_both / "word" / "衡水").glob("*.docx"))
    assert names == sorted(LABELS)
    assert sorted(p.stem for p in (hengshui_both / "lo").glob("*.pdf")) == names


@pytest.mark.slow
@pytest.mark.parametrize("document", sorted(LABELS))
def test_libreoffice_prints_every_label_and_value_the_pdf_prints(hengshui_both, document):
    data = yaml.safe_load(HENGSHUI.read_text("utf-8"))
    weasy = pdf_text(hengshui_both / "pdf" / "衡水" / f"{document}.pdf")
    office = pdf_text(hengshui_both / "lo" / f"{document}.pdf")
    wanted = [squeeze(label) for label in LABELS[document]] + expected_values(data)[document]
    assert wanted
    missing_pdf = [w for w in wanted if w not in weasy]
    assert not missing_pdf, missing_pdf[:5]
    # LibreOffice 7.4 leaves out a few of the “、，。” that end a line (they are in the .docx, and the
    # other hundreds are drawn): such a value is compared without its punctuation, and there are few.
    missing_docx = [w for w in wanted if w not in office]
    bare = office.translate(NO_PUNCTUATION)
    assert [w for w in missing_docx if w.translate(NO_PUNCTUATION) not in bare] == [], missing_docx[:5]
    assert len(missing_docx) <= max(5, len(wanted) // 10), missing_docx


@pytest.mark.slow
def test_the_page_numbers_and_the_font_names(hengshui_both):
    raw = subprocess.run(["pdftotext", "-raw", str(hengshui_both / "lo" / "02-行业服务标兵推荐和审批表.pdf"), "-"],
                         check=True, capture_output=True, text=True).stdout
    assert [int(n) for n in re.findall(r"—\s*(\d+)\s*—", raw)][:3] == [1, 2, 3]
    with zipfile.ZipFile(hengshui_both / "word" / "衡水" / "02-行业服务标兵推荐和审批表.docx") as z:
        document = z.read("word/document.xml").decode()
        styles = z.read("word/styles.xml").decode()
        footer = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))
        settings = z.read("word/settings.xml").decode()
    assert 'w:eastAsia="仿宋"' in styles and 'w:eastAsia="zh-CN"' in styles
    assert 'w:eastAsia="方正小标宋简体"' in document
    # 工作简历 and 主要事迹 one character a line (rotated text would stop the row breaking across pages)
    assert "<w:t>工</w:t>" in document and "<w:t>迹</w:t>" in document
    assert "PAGE" in footer and 'w:eastAsia="宋体"' in footer and "<w:evenAndOddHeaders" in settings
    assert 'w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"' in document  # 37, 26, 35, 28 mm
    assert document.count("<w:pageBreakBefore/>") == 14  # one form per nominee, each on a new page


@pytest.mark.slow
def test_the_province_as_word_and_the_summary(tmp_path):
    out = tmp_path / "word"
    result = invoke("render", ROOT / "examples", "--out", out, "--format", "docx")
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("*/*.docx"))) == 12 * 10 and (out / "全省汇总表.docx").is_file()
    soffice_to_pdf([out / "全省汇总表.docx"], tmp_path / "lo", tmp_path)
    text = pdf_text(tmp_path / "lo" / "全省汇总表.pdf")
    for words in ("全省为民服务创先争优推荐情况汇总表", "石家庄", "省直机关", "合计", "1–2", "5–6", "200"):
        assert squeeze(words) in text


@pytest.mark.slow
def test_the_same_input_gives_the_same_docx_bytes(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        assert invoke("render", HENGSHUI, "--out", out, "--format", "docx").exit_code == 0
    for doc in (a / "衡水").glob("*.docx"):
        assert doc.read_bytes() == (b / "衡水" / doc.name).read_bytes(), doc.name
    with zipfile.ZipFile(a / "衡水" / "01-群众满意窗口推荐和审批表.docx") as z:
        core = z.read("docProps/core.xml").decode()
    assert "2012-08-17T00:00:00Z" in core and "中共衡水市委创先争优活动领导小组" in core


def test_a_clerks_markup_is_printed_as_text(tmp_path):
    text = HENGSHUI.read_text("utf-8").replace("饶阳县汽车站售票服务窗口\n", "饶阳县汽车站<b>售票</b>&服务窗口\n", 1)
    src = tmp_path / "衡水.yaml"
    src.write_text(text, "utf-8")
    assert invoke("render", src, "--out", tmp_path / "w", "--format", "docx").exit_code == 0
    with zipfile.ZipFile(tmp_path / "w" / "衡水" / "01-群众满意窗口推荐和审批表.docx") as z:
        assert "饶阳县汽车站&lt;b&gt;售票&lt;/b&gt;&amp;服务窗口" in z.read("word/document.xml").decode()


def test_a_broken_word_template_is_a_chinese_error(tmp_path, monkeypatch):
    from xianjin.render import assets

    templates = tmp_path / "templates"
    shutil.copytree(assets.templates_dir(), templates)
    (templates / "ranking.docx").write_bytes(b"not a docx")
    monkeypatch.setattr(assets, "templates_dir", lambda: templates)
    monkeypatch.setattr("xianjin.render.docx.templates_dir", lambda: templates)
    result = invoke("render", HENGSHUI, "--out", tmp_path / "w", "--format", "docx")
    assert result.exit_code == 2
    assert "Word 模板 ranking.docx 无法使用" in result.output and not (tmp_path / "w").exists()


def test_the_templates_are_what_the_script_draws():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import make_word_templates
    finally:
        sys.path.pop(0)
    for name in make_word_templates.TEMPLATES:
        built = zipfile.ZipFile(io.BytesIO(make_word_templates.build(name)))
        committed = zipfile.ZipFile(ROOT / "templates" / name)
        assert {n: built.read(n) for n in built.namelist()} == {n: committed.read(n) for n in committed.namelist()}, \
            f"templates/{name} is stale: run scripts/make_word_templates.py"
