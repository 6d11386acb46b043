"""Every kind of document prints the same in the four PDF engines that offices use.

poppler (Evince, Okular, pdftoppm), MuPDF (SumatraPDF, many phone apps), Ghostscript (CUPS
printing, many printers' RIPs) and PDFium (Chrome, Edge) each draw page 1 of every kind of
document. They must put the same ink on the page: an engine that cannot read a font prints
its characters blank (MuPDF, about -95% of the ink) or as boxes (Ghostscript, about +30%),
which is what the common-character faces did before their CIDs were renumbered.

The ink is compared with the table rules masked out: Ghostscript draws hairlines up to a
pixel wider than the others (about +5% on a ranking table), which says nothing about the text.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import yaml
from PIL import Image

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
DPI = 100
TOLERANCE = 0.02  # of poppler's ink
RULE_MM = 30  # a straight dark run this long is a table rule, never text
RARE = {"李子健": "𠮷子健", "蔡杰": "蔡𪛖"}  # CJK Extension B: printed by BabelStone Han
ENGINES = ("pdftoppm", "mutool", "gs")

KINDS = [
    "衡水/00-推荐情况的报告.pdf",
    "衡水/01-群众满意窗口推荐和审批表.pdf",
    "衡水/02-行业服务标兵推荐和审批表.pdf",  # 𠮷子健 is nominee 1
    "衡水/03-优质服务品牌推荐和审批表.pdf",
    "衡水/04-群众满意窗口排序表.pdf",
    "衡水/05-行业服务标兵排序表.pdf",  # 𠮷子健 and 蔡𪛖 on page 1
    "衡水/06-优质服务品牌排序表.pdf",
    "衡水/07-群众满意窗口典型事迹材料.pdf",
    "衡水/08-行业服务标兵典型事迹材料.pdf",
    "衡水/09-优质服务品牌典型事迹材料.pdf",
    "全省汇总表.pdf",
    "表彰决定.pdf",  # the red head
    "表彰决定.pdf#3",  # the name list: 黑体 and 楷体 headings, 𠮷子健 and 蔡𪛖
    "荣誉证书.pdf",  # A4 landscape; 𠮷子健's certificate
    "考察情况汇总.pdf",
]
# The office's decisions for the two units: every provincial document has something to print.
DECISIONS = """决定: {文号: 冀创组〔2012〕30号, 日期: 2012-09-28}
考察:
  - {推荐单位: 衡水, 类别: 群众满意窗口, 编号: 3, 结果: 取消资格, 理由: 考察中发现该窗口有群众投诉}
优质服务品牌:
  - {推荐单位: 衡水, 编号: 1}
递补:
  - {推荐单位: 衡水, 类别: 行业服务标兵, 编号: 13, 替代编号: 4, 理由: 本人因工作调动申请退出}
"""
FORMS = {"群众满意窗口": "01-群众满意窗口推荐和审批表.pdf", "行业服务标兵": "02-行业服务标兵推荐和审批表.pdf",
         "优质服务品牌": "03-优质服务品牌推荐和审批表.pdf"}
NOT_ON_THE_FORM = {"所属行业", "典型事迹材料"}  # the material is its own document


def hengshui_with_rare_names() -> str:
    text = (ROOT / "examples" / "09-衡水.yaml").read_text("utf-8")
    for common, rare in RARE.items():
        assert common in text
        text = text.replace(common, rare)
    return text


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    missing = [tool for tool in ENGINES + ("pdftotext", "qpdf") if not shutil.which(tool)]
    if missing:
        pytest.fail(f"scripts/setup.sh installs these; missing: {missing}")
    base = tmp_path_factory.mktemp("engines")
    (base / "in").mkdir()
    (base / "in" / "09-衡水.yaml").write_text(hengshui_with_rare_names(), "utf-8")
    shutil.copy(ROOT / "examples" / "04-秦皇岛.yaml", base / "in")
    (base / "in" / "决定.yaml").write_text(DECISIONS, "utf-8")
    done = subprocess.run([sys.executable, "-m", "xianjin", "render", str(base / "in"), "--out", str(base / "out")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return base / "out"


def draw(pdf: Path, folder: Path, page: int = 1) -> tuple[dict[str, np.ndarray], dict[str, str]]:
    """One page as a grey image from each engine, and what each engine printed while drawing.

    Ghostscript converts colour to grey through its ICC profiles unless told otherwise: the red
    head of the 表彰决定 would come out 109 instead of poppler's 66 (0.3 R + 0.59 G + 0.11 B),
    which says nothing about the glyphs. -dUseFastColor makes it use that formula too.
    """
    import pypdfium2

    n = str(page)
    runs = {
        "poppler": ["pdftoppm", "-r", str(DPI), "-f", n, "-l", n, "-gray", "-png", "-singlefile",
                    str(pdf), str(folder / "poppler")],
        "mupdf": ["mutool", "draw", "-r", str(DPI), "-c", "gray", "-o", str(folder / "mupdf.png"), str(pdf), n],
        "ghostscript": ["gs", "-q", "-dSAFER", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pnggray", "-dUseFastColor", f"-r{DPI}",
                        "-dTextAlphaBits=4", "-dGraphicsAlphaBits=4", f"-dFirstPage={n}", f"-dLastPage={n}",
                        f"-sOutputFile={folder / 'ghostscript.png'}", str(pdf)],
    }
    images, said = {}, {}
    for engine, command in runs.items():
        done = subprocess.run(command, capture_output=True, text=True)
        assert done.returncode == 0, (engine, done.stderr)
        said[engine] = done.stdout + done.stderr
        images[engine] = np.asarray(Image.open(folder / f"{engine}.png").convert("L"))
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        images["pdfium"] = np.asarray(document[page - 1].render(scale=DPI / 72, grayscale=True).to_pil().convert("L"))
    finally:
        document.close()
    return images, said


def rule_lines(dark: np.ndarray, length: int) -> np.ndarray:
    """The rows of `dark` that hold an unbroken run of at least `length` pixels."""
    edges = np.diff(np.pad(dark, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    return np.unique(rows[(ends - starts) >= length])


def text_ink(images: dict[str, np.ndarray]) -> dict[str, float]:
    height = min(i.shape[0] for i in images.values())
    width = min(i.shape[1] for i in images.values())
    ink = {name: 255 - img[:height, :width].astype(np.int64) for name, img in images.items()}
    keep = np.ones((height, width), bool)
    length = round(DPI / 25.4 * RULE_MM)
    for image in ink.values():  # one mask for all engines, so each is measured on the same pixels
        dark = image > 96
        for row in rule_lines(dark, length):
            keep[max(row - 3, 0):row + 4, :] = False
        for column in rule_lines(dark.T, length):
            keep[:, max(column - 3, 0):column + 4] = False
    return {name: float(image[keep].sum()) for name, image in ink.items()}


@pytest.mark.parametrize("kind", KINDS)
def test_four_engines_print_the_same_ink_without_glyph_warnings(rendered, kind, tmp_path):
    name, _, page = kind.partition("#")
    images, said = draw(rendered / name, tmp_path, int(page or 1))
    for engine, output in said.items():
        assert not re.search(r"glyph|font", output, re.I), f"{engine} on {kind}: {output}"
    ink = text_ink(images)
    poppler = ink["poppler"]
    assert poppler > 0
    for engine, amount in ink.items():
        assert abs(amount - poppler) <= TOLERANCE * poppler, (
            f"{kind}: {engine} prints {amount / poppler - 1:+.1%} of poppler's ink")


@pytest.mark.parametrize("kind", ["衡水/05-行业服务标兵排序表.pdf", "表彰决定.pdf", "荣誉证书.pdf"])
def test_the_rare_characters_come_from_babelstone_han(rendered, kind):
    fonts = subprocess.run(["pdffonts", str(rendered / kind)], capture_output=True, text=True, check=True).stdout
    assert "BabelStone" in fonts


def test_qpdf_finds_no_errors_in_any_file(rendered):
    pdfs = sorted(rendered.rglob("*.pdf"))
    assert len(pdfs) == 24
    for pdf in pdfs:
        done = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
        assert done.returncode == 0 and "No syntax or stream encoding errors found" in done.stdout, (
            pdf, done.stdout + done.stderr)


def extract(engine: str, pdf: Path) -> str:
    command = {"poppler": ["pdftotext", "-q", "-raw", str(pdf), "-"],
               "mupdf": ["mutool", "draw", "-q", "-F", "txt", "-o", "-", str(pdf)]}[engine]
    return squeeze(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def squeeze(text: str) -> str:
    """Without page numbers and white space: a paragraph cut by a page break reads on."""
    return "".join(re.sub(r"—\s*\d+\s*—", "", text).split())


@pytest.mark.parametrize("engine", ["poppler", "mupdf"])
def test_every_field_of_every_nominee_is_extracted_as_text(rendered, engine):
    submission = yaml.safe_load(hengshui_with_rare_names())
    for category, form in FORMS.items():
        text = extract(engine, rendered / "衡水" / form)
        ranking = extract(engine, next((rendered / "衡水").glob(f"0?-{category}排序表.pdf")))
        for section in ("推荐对象", "递补对象"):
            for nominee in submission[category].get(section, []):
                for field, value in nominee.items():
                    if field in NOT_ON_THE_FORM or value is None:
                        continue
                    for paragraph in str(value).splitlines():
                        assert squeeze(paragraph) in text, (engine, category, field, paragraph[:40])
                name = nominee.get("姓名") or nominee.get("服务窗口名称") or nominee.get("服务品牌名称")
                assert squeeze(name) in ranking, (engine, category, name)
    for rare in RARE.values():
        assert rare in extract(engine, rendered / "衡水" / FORMS["行业服务标兵"])
