"""The whole province, printed: what an office checks on paper, measured on every page of every PDF.

`xianjin render examples/` (12 units, about 3,900 pages) is rendered once for this module, as
a user runs it, and every page is read back with poppler's `pdftotext -bbox-layout` (text
lines with their boxes, in millimetres). The checks are those of issue 11 against the notice's
attachments and GB/T 9704-2012: each must find zero faults on every page, and each also
asserts that it looked at enough pages or lines to mean something.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pytest
import yaml
from PIL import Image

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
MM = 25.4 / 72
LEFT, RIGHT, TOP, BOTTOM = 28.0, 184.0, 37.0, 262.0  # the type area (GB/T 9704 5.2.2), mm
GRID = 156 / 28  # one character of the 公文 body's grid, mm
PITCH = 28.95 * MM  # one line of the 公文 body (225 mm ÷ 22), mm
APPROVAL = ("主管单位党组织", "市委或省直机关", "省委创先争优", "（盖章）", "年月日", "注：编号与《排序表》序号一致。",
            "意见", "创先争优活动", "领导小组意见", "活动领导小组", "审批意见")
NO_BREAK_BEFORE = set("，。、；：！？）》」』”’…·—")  # a line cannot start with these (nor with “ in poppler's view)
NO_BREAK_AFTER = set("（《「『“‘")
HEADING = re.compile(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
UNITS = sorted(ROOT.glob("examples/*.yaml"))
CATEGORIES = ("群众满意窗口", "行业服务标兵", "优质服务品牌")


@dataclass
class Line:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str  # words joined by a space

    @property
    def flat(self) -> str:
        return "".join(self.text.split())

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Page:
    lines: list[Line]  # the body, top to bottom
    number: str  # the page number as printed ("— 3 —"), "" if none

    @property
    def blank(self) -> bool:
        return not self.lines and not self.number


def read(pdf: Path) -> list[Page]:
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    pages = []
    for body in re.findall(r"<page [^>]*>(.*?)</page>", xml, re.S):
        lines = []
        for attrs, words in re.findall(r"<line ([^>]*)>(.*?)</line>", body, re.S):
            box = {k: float(v) * MM for k, v in re.findall(r'(\w+)="([\d.]+)"', attrs)}
            text = " ".join(html.unescape(w) for w in re.findall(r"<word [^>]*>(.*?)</word>", words, re.S))
            lines.append(Line(box["xMin"], box["yMin"], box["xMax"], box["yMax"], text))
        footer = [ln for ln in lines if ln.y0 >= BOTTOM]
        pages.append(Page(sorted((ln for ln in lines if ln.y0 < BOTTOM), key=lambda ln: (round(ln.y0, 1), ln.x0)),
                          " ".join(ln.text for ln in footer)))
    return pages


def render(out: Path, *args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "xianjin", "render", *args, "--out", str(out)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def province(tmp_path_factory) -> tuple[Path, dict[str, list[Page]]]:
    out = tmp_path_factory.mktemp("province")
    render(out, str(ROOT / "examples"))
    pdfs = sorted(out.rglob("*.pdf"))
    with ThreadPoolExecutor(2) as pool:
        pages = dict(zip((p.relative_to(out).as_posix() for p in pdfs), pool.map(read, pdfs)))
    return out, pages


@pytest.fixture(scope="module")
def submissions() -> dict[str, dict]:
    return {data["推荐单位"]: data for data in (yaml.safe_load(p.read_text("utf-8")) for p in UNITS)}


def of_kind(pages: dict[str, list[Page]], kind: str) -> dict[str, list[Page]]:
    return {name: doc for name, doc in pages.items() if re.search(kind, name)}


def sections(doc: list[Page]) -> list[list[tuple[int, Page]]]:
    """The forms (or materials) of one PDF: each starts on the page numbered — 1 —; blank pages belong to none."""
    out: list[list[tuple[int, Page]]] = []
    for index, page in enumerate(doc, 1):
        if page.blank:
            continue
        if re.fullmatch(r"—\s*1\s*—", page.number) or not out:
            out.append([])
        out[-1].append((index, page))
    return out


def nominees(data: dict, category: str) -> list[dict]:
    block = data.get(category) or {}
    return [*(block.get("推荐对象") or []), *(block.get("递补对象") or [])]


# --- 审批表 (附件2) -------------------------------------------------------------------------

def test_no_page_of_a_form_holds_approval_boxes_or_the_note_without_nominee_content(province, submissions):
    _, pages = province
    forms = of_kind(pages, r"/0[123]-")
    assert len(forms) == 36
    lone, approval_pages, counted = [], 0, 0
    for name, doc in forms.items():
        data = submissions[name.split("/")[0]]
        category = CATEGORIES[int(name.split("/")[1][1]) - 1]
        corpus = "".join("".join(str(v).split()) for n in nominees(data, category) for v in n.values())
        for form in sections(doc):
            counted += 1
            note_pages = [i for i, p in form if any(ln.flat.startswith("注：编号与") for ln in p.lines)]
            seal_pages = {i for i, p in form if any(ln.flat == "（盖章）" for ln in p.lines)}
            assert len(note_pages) == 1 and seal_pages == set(note_pages), (name, form[0][0], note_pages, seal_pages)
            for index, page in form:
                if index not in seal_pages:
                    continue
                approval_pages += 1
                content = [ln for ln in page.lines if len(ln.flat) >= 6 and ln.flat in corpus
                           and not any(ln.flat.startswith(a) for a in APPROVAL)]
                if not content:
                    lone.append(f"{name} 第 {index} 页")
    assert counted == 476 and approval_pages == 476
    assert lone == []


def test_split_rows_are_framed_to_the_foot_of_the_page(province):
    """主要事迹 continued on the next page: its frame is closed at the cut and reaches the page foot."""
    import pdfplumber

    out, pages = province
    checked = 0
    for name in ("石家庄/01-群众满意窗口推荐和审批表.pdf", "邢台/02-行业服务标兵推荐和审批表.pdf",
                 "保定/03-优质服务品牌推荐和审批表.pdf"):
        doc = pages[name]
        with pdfplumber.open(out / name) as pdf:
            for form in sections(doc):
                for (index, _), (following, _) in zip(form, form[1:]):
                    page = pdf.pages[index - 1]
                    rules = [(r["top"] * MM, r["bottom"] * MM, r["x0"] * MM, r["x1"] * MM)
                             for r in [*page.rects, *page.lines]]
                    lowest = max(bottom for _, bottom, _, _ in rules)
                    assert BOTTOM - 0.5 <= lowest <= BOTTOM + 0.5, (name, index, lowest)
                    closed = [r for r in rules if r[1] >= BOTTOM - 0.5 and r[2] <= LEFT + 0.5 and r[3] >= RIGHT - 0.5]
                    assert closed, (name, index, "no rule across the foot of the frame")
                    checked += 1
    assert checked > 20


# --- 排序表 (附件3) -------------------------------------------------------------------------

def test_ranking_rows_never_split_and_no_table_spills_a_single_row(province, submissions):
    _, pages = province
    rankings = of_kind(pages, r"/0[456]-")
    assert len(rankings) == 36
    split, spilled, rows = [], [], 0
    for name, doc in rankings.items():
        data = submissions[name.split("/")[0]]
        category = CATEGORIES[int(name.split("/")[1][1]) - 4]
        numbers = [{int(ln.flat) for ln in p.lines if ln.x1 < LEFT + 20 and ln.flat.isdigit()} for p in doc]
        texts = ["".join(ln.flat for ln in p.lines if ln.x0 > LEFT + 20) for p in doc]
        for k, n in enumerate(nominees(data, category), 1):
            rows += 1
            who = "".join((n.get("姓名") or n.get("服务窗口名称") or n.get("服务品牌名称")).split())
            number_on = [i for i, found in enumerate(numbers) if k in found]
            text_on = [i for i, text in enumerate(texts) if who in text]
            end = "（递补）" if k > len(data[category].get("推荐对象") or []) and category != "优质服务品牌" else ""
            if len(number_on) != 1 or number_on != text_on:
                split.append(f"{name} 序号 {k}：序号在第 {[i + 1 for i in number_on]} 页，内容在第 {[i + 1 for i in text_on]} 页")
            elif end and end not in texts[number_on[0]]:
                split.append(f"{name} 序号 {k}：（递补）不在同一页")
        if len(doc) > 1 and len(numbers[-1]) == 1:
            spilled.append(name)
    assert rows > 400
    assert split == []
    assert spilled == []


# --- 公文正文：推荐情况报告、典型事迹材料 ---------------------------------------------------

def body_paragraph_lines(doc: list[Page]):
    """(line, next line) for every line of running text that the next line continues (not the last of its paragraph)."""
    for page in doc:
        body = [ln for ln in page.lines if 15 * MM < ln.y1 - ln.y0 < 27 * MM]  # 16 pt lines (any face), not titles
        for line, following in zip(body, body[1:]):
            continues = abs(following.x0 - LEFT) < 0.3 and following.y0 - line.y0 < PITCH + 0.3
            starts_body = abs(line.x0 - LEFT) < 0.3 or abs(line.x0 - LEFT - 2 * GRID) < 0.3
            if continues and starts_body:
                yield line, following


def test_full_body_lines_hold_28_characters(province):
    _, pages = province
    source = "".join(p.read_text("utf-8") for p in UNITS)
    texts = {**of_kind(pages, r"/0[789]-"), **of_kind(pages, r"/00-")}
    assert len(texts) == 48
    wrong, full, exact = [], 0, 0
    for name, doc in texts.items():
        for line, following in body_paragraph_lines(doc):
            chars = line.flat
            if any(ord(ch) < 0x2000 for ch in chars):
                continue  # Latin letters and digits are narrower: such a line holds more
            expected = 28 - (2 if abs(line.x0 - LEFT - 2 * GRID) < 0.3 else 0)
            # Characters move down with what cannot start a line (标点避头尾: “迎。”, “实“”), an opening
            # mark that cannot end one (《), or a number wider than the space left (“42名”), as in Word.
            start = following.flat[:2]
            kinsoku = (any(ch in NO_BREAK_BEFORE or ch in "“‘" for ch in start) or chars[-1] in NO_BREAK_AFTER
                       or start[:1] in NO_BREAK_AFTER or start[:1].isascii()
                       or f"{chars[-3:]} {start[:1]}" in source)  # the author's space: the line broke there
            full += 1
            exact += len(chars) == expected
            if len(chars) > expected or (len(chars) < expected and not (kinsoku and len(chars) >= expected - 3)):
                wrong.append(f"{name}：{len(chars)} 字（应为 {expected}）：{chars} / {following.flat[:4]}")
    assert full > 10000
    assert wrong == [], f"{len(wrong)} 行：{wrong[:5]}"
    assert exact > 0.75 * full  # the grid holds 28: most full lines are exactly that


def test_headings_are_never_left_at_the_foot_of_a_page(province, submissions):
    _, pages = province
    materials = of_kind(pages, r"/0[789]-")
    alone, headings = [], 0
    for name, doc in materials.items():
        data = submissions[name.split("/")[0]]
        category = CATEGORIES[int(name.split("/")[1][1]) - 7]
        found = ["".join(p.split()) for n in nominees(data, category) for p in n["典型事迹材料"].splitlines()
                 if HEADING.match(p.strip()) and len(p.strip()) <= 40 and "。" not in p.strip()[:-1]]
        headings += len(found)
        heads = set(found)
        for index, page in enumerate(doc, 1):
            if not page.lines:
                continue
            last = page.lines[-1].flat
            before = page.lines[-2].flat if len(page.lines) > 1 else ""
            if any(h.startswith(last) or h == before + last for h in heads if len(last) >= 2):
                alone.append(f"{name} 第 {index} 页：{last}")
    assert headings > 1000
    assert alone == []


def test_no_title_line_holds_a_single_character(province):
    _, pages = province
    lone, titles = [], 0
    for name, doc in pages.items():
        for index, page in enumerate(doc, 1):
            for line in page.lines:
                if abs(line.centre - (LEFT + RIGHT) / 2) > 1 or abs(line.x0 - LEFT) < 0.3:
                    continue  # only centred lines: titles, subtitles, the nominee under a material's title
                titles += 1
                if len(line.flat) == 1:
                    lone.append(f"{name} 第 {index} 页：{line.flat}")
    assert titles > 2000
    assert lone == []


def test_no_line_breaks_inside_a_number_or_alternate_mark(province):
    _, pages = province
    broken, marks = [], 0
    for name, doc in pages.items():
        for index, page in enumerate(doc, 1):
            for line, following in zip(page.lines, page.lines[1:]):
                joined = line.flat + following.flat
                for m in re.finditer(r"（编号：\d+）|（递补）", joined):
                    if m.end() <= len(line.flat):
                        marks += 1
                    elif m.start() < len(line.flat):
                        broken.append(f"{name} 第 {index} 页：{line.flat} / {following.flat}")
    assert marks > 1000
    assert broken == []


def test_the_material_prints_its_own_title_and_the_nominee_under_it(province, submissions):
    _, pages = province
    doc = pages["石家庄/07-群众满意窗口典型事迹材料.pdf"]
    first = sections(doc)[0][0][1]
    window = submissions["石家庄"]["群众满意窗口"]["推荐对象"][0]
    own = window["典型事迹材料"].splitlines()[0]  # 小窗口 大服务——石家庄市……典型事迹材料
    title, _, subtitle = own.partition("——")
    assert first.lines[0].text.replace("\u3000", " ") == title
    assert "".join(ln.flat for ln in first.lines[1:4]).startswith("——" + subtitle)
    assert f"{''.join(window['服务窗口名称'].split())}（编号：1）" in "".join(ln.flat for ln in first.lines[:5])
    assert own.replace(" ", "") not in "".join(ln.flat for ln in first.lines[4:])  # not again as a paragraph


# --- 页码 (GB/T 9704 7.5) ------------------------------------------------------------------

def footer_ink(pdf: Path, page: int, folder: Path, dpi: int = 400) -> tuple[float, float, float, float]:
    """(top, bottom, left, right) in mm of the page number's dashes, below the type area."""
    scale = dpi / 25.4
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                    "-x", "0", "-y", str(round(BOTTOM * scale)), "-W", str(round(210 * scale)),
                    "-H", str(round(20 * scale)), str(pdf), str(folder / "footer")], check=True)
    dark = np.asarray(Image.open(folder / "footer.png")) < 128
    rows = np.nonzero(dark.sum(axis=1) > 6 * scale)[0]  # the two dashes together: about 8 mm of ink
    columns = np.nonzero(dark.any(axis=0))[0]
    return rows.min() / scale, rows.max() / scale, columns.min() / scale, columns.max() / scale


def test_page_number_dashes_are_7_mm_below_the_type_area_one_character_in(province, tmp_path):
    out, pages = province
    for name in [*(n for n in pages if n.startswith("衡水/")), "全省汇总表.pdf"]:
        for number in (1, 2)[:len(pages[name])]:
            if pages[name][number - 1].blank:
                continue
            top, bottom, left, right = footer_ink(out / name, number, tmp_path)
            assert 6 <= top and bottom <= 8, (name, number, top, bottom)
            if number == 1:  # 单页码居右空一字
                assert abs(right - (RIGHT - 14 * MM)) < 1, (name, number, right)
            else:  # 双页码居左空一字
                assert abs(left - (LEFT + 14 * MM)) < 1, (name, number, left)


# --- 推荐情况报告的署名、日期和附件说明 (GB/T 9704 7.3.3, 7.3.5.1, 7.3.7) -----------------------

def test_report_signature_date_annexes_and_remark(province, submissions):
    _, pages = province
    reports = of_kind(pages, r"/00-")
    assert len(reports) == 12
    for name, doc in reports.items():
        data = submissions[name.split("/")[0]]
        lines = [ln for page in doc for ln in page.lines]
        last_page = doc[-1].lines
        day = date.fromisoformat(str(data["报送日期"]))
        signature = next(ln for ln in last_page if ln.flat == data["填报单位"])
        dated = next(ln for ln in last_page if ln.flat == f"{day.year}年{day.month}月{day.day}日")
        remark = next(ln for ln in last_page if ln.flat.startswith("（联系人："))
        annexes = [ln for ln in last_page if re.match(r"(附件：)?\d\.", ln.flat)]
        # 7.3.5.1: the 署名 centred on the 成文日期, which stands 右空四字 — unless the 署名 is too long
        # for that, when both move left just enough for the 署名 to stand 右空二字.
        assert abs(signature.centre - dated.centre) < GRID / 2, name
        date_space, signature_space = (RIGHT - dated.x1) / GRID, (RIGHT - signature.x1) / GRID
        assert abs(date_space - 4) < 0.5 or (abs(signature_space - 2) < 0.5 and date_space > 4), (
            name, date_space, signature_space)
        assert abs(dated.y0 - signature.y0 - PITCH) < 0.3 and abs(remark.y0 - dated.y0 - PITCH) < 0.3, name
        assert abs(remark.x0 - LEFT - 2 * GRID) < 0.3, name  # 附注 居左空二字, next line
        # 7.3.3: 附件说明 under the body after one blank line, 左空二字, numbers aligned; then two blank lines.
        assert annexes[0].flat.startswith("附件：1.") and abs(annexes[0].x0 - LEFT - 2 * GRID) < 0.3, name
        assert len(annexes) == 9 and len({round(a.x0, 1) for a in annexes[1:]}) == 1, name
        assert abs(annexes[1].x0 - LEFT - 5 * GRID) < 0.3, name
        assert abs(signature.y0 - annexes[-1].y0 - 3 * PITCH) < 0.3, name
        text = "".join(ln.flat for ln in lines)
        # The counts and the 公示 are said once, before the closing request, and nothing follows it.
        closing = text.index("请审定。")
        assert text[closing + len("请审定。"):].startswith("附件："), name
        assert text.count("公示期间") == 1, name


# --- 双面打印 ------------------------------------------------------------------------------

def test_duplex_starts_every_form_and_document_on_an_odd_page_and_numbers_each_from_one(province, submissions):
    _, pages = province
    starts, blanks = 0, 0
    for name, doc in pages.items():
        for form in sections(doc):
            first, _ = form[0]
            assert first % 2 == 1, (name, first)
            numbers = [int(re.sub(r"\D", "", page.number)) for _, page in form]
            assert numbers == list(range(1, len(form) + 1)), (name, first, numbers)
            assert [i for i, _ in form] == list(range(first, first + len(form))), (name, first)
            starts += 1
        for index, page in enumerate(doc, 1):
            if page.blank:
                blanks += 1
                assert index % 2 == 0 and index < len(doc) and not doc[index].blank, (name, index)
        if "/0" in name:
            unit, kind = name.split("/")[0], int(name.split("/")[1][:2])
            if 1 <= kind <= 3 or 7 <= kind <= 9:
                expected = len(nominees(submissions[unit], CATEGORIES[(kind - 1) % 3 if kind <= 3 else kind - 7]))
                assert len(sections(doc)) == expected, name
    assert starts > 1000 and blanks > 300


def test_without_duplex_nothing_is_padded_and_numbers_still_restart(tmp_path):
    render(tmp_path, str(ROOT / "examples" / "09-衡水.yaml"), "--no-duplex")
    restarted = 0
    for pdf in sorted((tmp_path / "衡水").glob("*.pdf")):
        doc = read(pdf)
        assert not any(page.blank for page in doc), pdf.name
        for form in sections(doc):
            numbers = [int(re.sub(r"\D", "", page.number)) for _, page in form]
            assert numbers == list(range(1, len(form) + 1)), pdf.name
            restarted += form[0][0] > 1
    assert restarted > 50  # forms and materials after the first begin wherever the previous one ended
