"""Build the Word templates in templates/*.docx (run after changing this script).

    .venv/bin/python scripts/make_word_templates.py

The templates are ordinary Word documents with Jinja tags (docxtpl): an office may open
one in Word or WPS, move a label or change a font, and save it; `xianjin render --format
docx` fills it. This script is only how the first version was drawn, to the same
measurements as templates/style.css (GB/T 9704-2012: A4, 天头 37 mm, 订口 28 mm,
版心 156 × 225 mm, 3号仿宋 with 22 lines a page, page numbers “— 1 —” in 4号宋体 to the
right on odd pages and to the left on even ones). tests/test_docx.py checks that the
committed templates are what this script draws.
"""

from __future__ import annotations

import io
import sys
from datetime import date, datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_ALIGN_VERTICAL, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from xianjin.stablezip import stable_zip  # noqa: E402

# The faces a 公文 is set in, by the names Word and WPS know them by on a Chinese Windows;
# where they are missing the reader's machine substitutes (LibreOffice: Noto Serif CJK SC).
BODY, TITLE, PAGE_NUMBER = "仿宋", "方正小标宋简体", "宋体"
BODY_PT, TABLE_PT, SMALL_PT = 16, 14, 12
LINE = Pt(28.95)  # 225 mm ÷ 22 lines
TABLE_LINE = Pt(TABLE_PT * 1.6)
CENTER, RIGHT, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY
STAMP = date(2012, 8, 1)


def _fonts(rpr_parent, face: str) -> None:
    rpr = rpr_parent.find(qn("w:rPr")) if rpr_parent.tag == qn("w:rPrDefault") else rpr_parent.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        # A theme font would win over the face named here.
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), face)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")


def new_document():
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(21)
    section.start_type = WD_SECTION.NEW_PAGE
    # The document's defaults speak Chinese too: a run without its own language is zh-CN, so that
    # Word and LibreOffice choose simplified Chinese glyphs (not Japanese ones) when they substitute.
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    _fonts(defaults, BODY)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    _fonts(normal.element, BODY)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, LINE
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.alignment = JUSTIFY
    fmt.widow_control = True
    # No punctuation hanging into the margin: LibreOffice then draws a line-end “、” out of the text
    # block (and text extraction loses it); the PDFs keep it inside too.
    overflow = OxmlElement("w:overflowPunct")
    overflow.set(qn("w:val"), "0")
    ppr = normal.element.get_or_add_pPr()
    ppr.insert(list(ppr).index(ppr.find(qn("w:spacing"))), overflow)  # its place in CT_PPr's sequence
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer, RIGHT)
    _page_number(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)
    doc.core_properties.author = "xianjin"
    doc.core_properties.title = ""
    return doc


def _field(paragraph, instruction: str, shown: str) -> None:
    def char(kind):
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
        return run

    char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    char("separate")
    paragraph.add_run(shown)
    char("end")


def _page_number(footer, align) -> None:
    p = footer.paragraphs[0]
    p.alignment = align
    fmt = p.paragraph_format
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.SINGLE, None
    if align == RIGHT:
        fmt.right_indent = Pt(14)
    else:
        fmt.left_indent = Pt(14)
    p.add_run("— ")
    _field(p, "PAGE", "1")
    p.add_run(" —")
    for run in p.runs:
        run.font.size = Pt(14)
        _fonts(run._r, PAGE_NUMBER)


def para(container, text: str = "", *, size: float | None = None, face: str | None = None, bold: bool = False,
         align=None, first_indent: float | None = None, right_indent: float | None = None,
         before: float = 0, after: float = 0, page_break: bool = False, line=None, first: bool = False):
    """A paragraph; in a table cell `first` fills the paragraph the cell already has."""
    p = container.paragraphs[0] if first else container.add_paragraph()
    fmt = p.paragraph_format
    if align is not None:
        p.alignment = align
    if first_indent is not None:
        fmt.first_line_indent = Pt(first_indent)
    if right_indent is not None:
        fmt.right_indent = Pt(right_indent)
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if line is not None:
        fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, line
    if page_break:
        fmt.page_break_before = True
    if text:
        run = p.add_run(text)
        if size:
            run.font.size = Pt(size)
        if bold:
            run.font.bold = True
        if face:
            _fonts(run._r, face)
    return p


def cell_text(cell, lines: list[str], *, align=CENTER, size: float = TABLE_PT, first_indent: float | None = None):
    """One paragraph per line (a label's 2–3 lines, or a tag line of a loop)."""
    for i, line in enumerate(lines):
        para(cell, line, size=size, align=align, first_indent=first_indent, line=TABLE_LINE, first=i == 0)
    cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER


def paragraphs(cell, expression: str, *, indent: bool = True, first: bool = True) -> None:
    """The clerk's paragraphs, each a Word paragraph with the first line indented two characters."""
    para(cell, "{%p for text in " + expression + " | paragraphs %}", size=TABLE_PT, line=TABLE_LINE, first=first)
    para(cell, "{{ text }}", size=TABLE_PT, line=TABLE_LINE, align=JUSTIFY, first_indent=2 * TABLE_PT if indent else None)
    para(cell, "{%p endfor %}", size=TABLE_PT, line=TABLE_LINE)
    cell.vertical_alignment = WD_ALIGN_VERTICAL.TOP


def vertical(cell, label: str) -> None:
    """A label set vertically, one character a line, as on the paper form (主要事迹, 工作简历).

    Not as rotated text (w:textDirection): LibreOffice cannot break a table row that holds
    rotated text across pages, and cuts off whatever of a long 主要事迹 does not fit on one.
    """
    cell_text(cell, list(label.replace(" ", "")))


def approval(cell, stage: str) -> None:
    """意见 on top; （盖 章） and the date to the right, as on the paper form."""
    para(cell, "{{ e.approvals." + stage + " | opinion }}", size=TABLE_PT, line=TABLE_LINE, align=JUSTIFY,
         after=TABLE_PT * 2, first=True)
    para(cell, "（盖 章）", size=TABLE_PT, line=TABLE_LINE, align=RIGHT, right_indent=5 * TABLE_PT)
    para(cell, "{{ e.approvals." + stage + " | signed }}", size=TABLE_PT, line=TABLE_LINE, align=RIGHT,
         right_indent=2 * TABLE_PT)
    cell.vertical_alignment = WD_ALIGN_VERTICAL.TOP


def table(doc, widths_mm: list[float], rows: int):
    t = doc.add_table(rows=rows, cols=len(widths_mm))
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    t._tbl.tblPr.append(layout)
    for row in t.rows:
        for cell, width in zip(row.cells, widths_mm):
            cell.width = Mm(width)
    for col, width in zip(t.columns, widths_mm):
        col.width = Mm(width)
    return t


def height(row, mm: float) -> None:
    row.height, row.height_rule = Mm(mm), WD_ROW_HEIGHT_RULE.AT_LEAST


def merge(row, start: int, end: int):
    return row.cells[start].merge(row.cells[end])


def repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def title_block(doc, *, numbered: bool, page_break: bool) -> None:
    para(doc, "{{ title }}", size=18, face=TITLE, bold=True, align=CENTER, line=Pt(26), page_break=page_break)
    if numbered:
        para(doc, "（编号：{{ e.number }}）{% if e.alternate %}（递补）{% endif %}", align=CENTER, after=8)
    para(doc, "填报单位：{{ 填报单位 }}", size=TABLE_PT, line=TABLE_LINE, after=6, align=WD_ALIGN_PARAGRAPH.LEFT)


def note(doc, text: str) -> None:
    para(doc, text, size=TABLE_PT, line=TABLE_LINE, before=6)


def approval_rows(rows, labels: dict[str, list[str]], label_cell, opinion_cell) -> None:
    for row, stage in zip(rows, labels):
        cell_text(label_cell(row), labels[stage])
        approval(opinion_cell(row), stage)
        height(row, 38)


def end_form(doc) -> None:
    note(doc, "注：编号与《排序表》序号一致。")
    para(doc, "{%p endfor %}")


# --- the documents -------------------------------------------------------------------------

WIDE = [40, 44, 30, 42]  # the window and brand forms' columns (templates/form-window.html.j2)


def form_window_or_brand(brand: bool):
    doc = new_document()
    para(doc, "{%p for e in entries %}")
    title_block(doc, numbered=True, page_break=True)
    stages = (["推荐单位领导小组", "省委领导小组"] if brand else ["主管单位党组织", "推荐单位领导小组", "省委领导小组"])
    t = table(doc, WIDE, 5 + len(stages))
    name, about = ("服务品牌名称", "品牌简介") if brand else ("服务窗口名称", "窗口情况简介")
    rows = t.rows
    cell_text(rows[0].cells[0], [name, "（全  称）"])
    cell_text(merge(rows[0], 1, 3), ["{{ e.nominee." + name + " }}"], align=WD_ALIGN_PARAGRAPH.LEFT)
    cell_text(rows[1].cells[0], ["所属单位"])
    cell_text(merge(rows[1], 1, 3), ["{{ e.nominee.所属单位 }}"], align=WD_ALIGN_PARAGRAPH.LEFT)
    cell_text(rows[2].cells[0], ["党组织负责人"])
    cell_text(rows[2].cells[1], ["{{ e.nominee.党组织负责人 }}"], align=WD_ALIGN_PARAGRAPH.LEFT)
    cell_text(rows[2].cells[2], ["单位电话", "（区号）"])
    cell_text(rows[2].cells[3], ["{{ e.nominee.单位电话 }}"], align=WD_ALIGN_PARAGRAPH.LEFT)
    if brand:
        cell_text(rows[3].cells[0], [about])
        paragraphs(merge(rows[3], 1, 3), "e.nominee." + about)
        height(rows[3], 60)
        cell_text(rows[4].cells[0], ["曾受表彰情况"])
        paragraphs(merge(rows[4], 1, 3), "e.nominee.曾受表彰情况")
    else:
        cell_text(rows[3].cells[0], [about])
        paragraphs(merge(rows[3], 1, 3), "e.nominee." + about)
        vertical(rows[4].cells[0], "主 要 事 迹")
        paragraphs(merge(rows[4], 1, 3), "e.nominee.主要事迹")
        height(rows[4], 60)
    labels = {"主管单位党组织": ["主管单位党组织", "意  见"],
              "推荐单位领导小组": ["市委或省直机关", "创先争优活动", "领导小组意见"],
              "省委领导小组": ["省委创先争优", "活动领导小组", "审 批 意 见"]}
    approval_rows(rows[5:], {stage: labels[stage] for stage in stages}, lambda row: row.cells[0],
                  lambda row: merge(row, 1, 3))
    end_form(doc)
    return doc


def form_exemplar():
    doc = new_document()
    para(doc, "{%p for e in entries %}")
    title_block(doc, numbered=True, page_break=True)
    t = table(doc, [21, 31, 21, 27, 26, 30], 8)
    r = t.rows
    for i, (label, name) in enumerate([("姓名", "姓名"), ("性别", "性别"), ("出生年月", "出生年月")]):
        cell_text(r[0].cells[2 * i], [label])
        cell_text(r[0].cells[2 * i + 1], ["{{ e.nominee." + name + " }}"])
    for i, (label, name) in enumerate([("民族", "民族"), ("学历", "学历"), ("政治面貌", "政治面貌")]):
        cell_text(r[1].cells[2 * i], [label])
        cell_text(r[1].cells[2 * i + 1], ["{{ e.nominee." + name + " }}"])
    cell_text(merge(r[2], 0, 1), ["工作单位及职务"])
    cell_text(merge(r[2], 2, 5), ["{{ e.nominee.工作单位及职务 }}"], align=WD_ALIGN_PARAGRAPH.LEFT)
    vertical(r[3].cells[0], "工作简历")
    paragraphs(merge(r[3], 1, 5), "e.nominee.工作简历", indent=False)
    vertical(r[4].cells[0], "主要事迹")
    paragraphs(merge(r[4], 1, 5), "e.nominee.主要事迹")
    height(r[4], 60)
    labels = {"主管单位党组织": ["主管单位党组织", "意   见"],
              "推荐单位领导小组": ["市委或省直机关", "创先争优活动", "领导小组意见"],
              "省委领导小组": ["省委创先争优", "活动领导小组", "审批意见"]}
    approval_rows(r[5:], labels, lambda row: merge(row, 0, 1), lambda row: merge(row, 2, 5))
    end_form(doc)
    return doc


def ranking():
    doc = new_document()
    title_block(doc, numbered=False, page_break=False)
    t = table(doc, [20, 136], 4)
    r = t.rows
    cell_text(r[0].cells[0], ["序号"])
    cell_text(r[0].cells[1], ["全省为民服务创先争优{{ kind }}（{{ columns }}）"])
    repeat_header(r[0])
    cell_text(r[1].cells[0], ["{%tr for row in rows %}"])
    cell_text(r[2].cells[0], ["{{ row.number }}"])
    cell_text(r[2].cells[1], ["{{ row.content }}{% if row.alternate %}（递补）{% endif %}"], align=WD_ALIGN_PARAGRAPH.LEFT)
    cell_text(r[3].cells[0], ["{%tr endfor %}"])
    return doc


def material():
    doc = new_document()
    para(doc, "{%p for e in entries %}")
    para(doc, "{{ e.heading }}", size=22, face=TITLE, bold=True, align=CENTER, line=Pt(32), after=0, page_break=True)
    para(doc, "{{ e.subtitle }}", align=CENTER, after=LINE.pt)
    para(doc, "{%p for text in e.text | paragraphs %}")
    para(doc, "{{ text }}", first_indent=2 * BODY_PT)
    para(doc, "{%p endfor %}")
    para(doc, "{%p endfor %}")
    return doc


def report():
    doc = new_document()
    para(doc, "{{ title }}", size=22, face=TITLE, bold=True, align=CENTER, line=Pt(32), after=LINE.pt)
    para(doc, "{{ 主送 }}：", align=WD_ALIGN_PARAGRAPH.LEFT)
    para(doc, "{%p for text in text | paragraphs %}")
    para(doc, "{{ text }}", first_indent=2 * BODY_PT)
    para(doc, "{%p endfor %}")
    para(doc, "{{ counts }}", first_indent=2 * BODY_PT)
    para(doc, "{%p if 公示情况 %}")
    para(doc, "公示情况：{{ 公示情况 }}。", first_indent=2 * BODY_PT)
    para(doc, "{%p endif %}")
    para(doc, "{{ 填报单位 }}", align=RIGHT, right_indent=2 * BODY_PT, before=LINE.pt)
    para(doc, "{{ 报送日期 | cn_date }}", align=RIGHT, right_indent=4 * BODY_PT)
    para(doc, "（联系人：{{ 联系人 }}，联系电话：{{ 联系电话 }}）", first_indent=2 * BODY_PT, before=LINE.pt)
    return doc


def summary():
    doc = new_document()
    para(doc, "{{ title }}", size=18, face=TITLE, bold=True, align=CENTER, line=Pt(26), after=10)
    t = table(doc, [22, 16, 16, 16, 16, 16, 16, 19, 19], 6)
    r = t.rows
    cell_text(r[0].cells[0].merge(r[1].cells[0]), ["单  位"], size=SMALL_PT)
    for start, end, lines in ((1, 3, ["为民服务创先争优", "群众满意窗口"]), (4, 6, ["为民服务创先争优", "行业服务标兵"]),
                              (7, 8, ["为民服务创先争优", "优质服务品牌"])):
        cell_text(merge(r[0], start, end), lines, size=SMALL_PT)
    for i, label in enumerate(["名额", "推荐", "递补", "名额", "推荐", "递补", "名额", "推荐"], 1):
        cell_text(r[1].cells[i], [label], size=SMALL_PT)
    repeat_header(r[0])
    repeat_header(r[1])
    cell_text(r[2].cells[0], ["{%tr for r in rows %}"], size=SMALL_PT)
    keys = ["窗口名额", "窗口推荐", "窗口递补", "标兵名额", "标兵推荐", "标兵递补", "品牌幅度", "品牌推荐"]
    cell_text(r[3].cells[0], ["{{ r.推荐单位 }}"], size=SMALL_PT)
    cell_text(r[5].cells[0], ["合  计"], size=SMALL_PT)
    for i, key in enumerate(keys, 1):
        cell_text(r[3].cells[i], ["{{ r." + key + " | dash }}"], size=SMALL_PT)
        cell_text(r[5].cells[i], ["{{ total." + key + " | dash }}"], size=SMALL_PT)
    cell_text(r[4].cells[0], ["{%tr endfor %}"], size=SMALL_PT)
    note(doc, "注：名额依据{{ 文号 }}附件1；“—”表示该推荐单位尚未报送。")
    return doc


TEMPLATES = {
    "form-window.docx": lambda: form_window_or_brand(brand=False),
    "form-exemplar.docx": form_exemplar,
    "form-brand.docx": lambda: form_window_or_brand(brand=True),
    "ranking.docx": ranking,
    "material.docx": material,
    "report.docx": report,
    "summary.docx": summary,
}


def build(name: str) -> bytes:
    doc = TEMPLATES[name]()
    doc.core_properties.created = doc.core_properties.modified = datetime(STAMP.year, STAMP.month, STAMP.day)
    doc.core_properties.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return stable_zip(buffer.getvalue(), STAMP)


def main(out: Path = ROOT / "templates") -> None:
    for name in TEMPLATES:
        (out / name).write_bytes(build(name))
        print(f"已写入 {out / name}")


if __name__ == "__main__":
    main()
