"""`xianjin render --decisions`: the 表彰决定, the 荣誉证书, the 考察情况汇总 and the 省委 box, read back with pdftotext.

Two example units (秦皇岛, 衡水). 衡水 loses window 3 and exemplar 5 to the inspection (their places
stay empty), exemplar 4 withdraws and alternate 13 takes the place; one brand of each unit is chosen.
"""

from __future__ import annotations

import filecmp
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
UNITS = ("04-秦皇岛.yaml", "09-衡水.yaml")
DECISIONS = """决定:
  文号: 冀创组〔2012〕30号
  日期: 2012-09-28
考察:
  - {推荐单位: 衡水, 类别: 群众满意窗口, 编号: 3, 结果: 取消资格, 理由: 考察中发现该窗口有群众投诉}
  - {推荐单位: 衡水, 类别: 行业服务标兵, 编号: 5, 结果: 取消资格, 理由: 事迹材料与实际不符}
优质服务品牌:
  - {推荐单位: 衡水, 编号: 1}
  - {推荐单位: 秦皇岛, 编号: 2}
递补:
  - {推荐单位: 衡水, 类别: 行业服务标兵, 编号: 13, 替代编号: 4, 理由: 本人因工作调动申请退出}
"""
CATEGORIES = ("群众满意窗口", "行业服务标兵", "优质服务品牌")


def xianjin(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "xianjin", *map(str, args)], capture_output=True, text=True)


def text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return subprocess.run(["pdftotext", "-q", "-raw", *pages, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def squeeze(s: str) -> str:
    return "".join(re.sub(r"—\s*\d+\s*—", "", s).split())


def pages(pdf: Path) -> list[str]:
    return [squeeze(p) for p in text(pdf).split("\f")[:-1]]


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("decisions")
    (base / "in").mkdir()
    for name in UNITS:
        shutil.copy(ROOT / "examples" / name, base / "in" / name)
    (base / "决定.yaml").write_text(DECISIONS, "utf-8")
    done = xianjin("render", base / "in", "--decisions", base / "决定.yaml", "--out", base / "out")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "以及表彰决定、荣誉证书、考察情况汇总" in done.stdout
    return base


def nominees() -> dict[tuple[str, str, int], dict]:
    """Every nominee of the two files by (unit, category, 编号), read straight from the YAML."""
    found = {}
    for name in UNITS:
        data = yaml.safe_load((ROOT / "examples" / name).read_text("utf-8"))
        for category in CATEGORIES:
            listed = data[category]["推荐对象"] + data[category].get("递补对象", [])
            for number, n in enumerate(listed, 1):
                found[(data["推荐单位"], category, number)] = n
    return found


def title(n: dict) -> str:
    return n.get("服务窗口名称") or n.get("服务品牌名称") or n["姓名"]


def as_ranked(n: dict) -> str:
    """The entry as the 排序表 writes it."""
    if "姓名" in n:
        return "、".join((n["姓名"], n["性别"], n["民族"], n["工作单位及职务"]))
    return f"{title(n)}、{n['所属单位']}"


def awarded(key: tuple[str, str, int]) -> bool:
    unit, category, number = key
    quota = 12
    if category == "优质服务品牌":
        return key in {("衡水", category, 1), ("秦皇岛", category, 2)}
    if unit == "衡水" and (category, number) in {("群众满意窗口", 3), ("行业服务标兵", 5), ("行业服务标兵", 4)}:
        return False
    if number > quota:
        return key == ("衡水", "行业服务标兵", 13)
    return True


def test_the_name_list_has_the_awardees_and_only_them(work):
    listed = squeeze(text(work / "out" / "表彰决定.pdf", 3))
    everyone = nominees()
    assert sum(map(awarded, everyone)) == 12 + 12 + 1 + 11 + 11 + 1
    for key, n in everyone.items():
        assert (as_ranked(n) in listed) == awarded(key), (key, as_ranked(n))
    # Grouped by category, then by unit in the order of 附件1 (秦皇岛 before 衡水).
    assert listed.index("一、为民服务创先争优群众满意窗口（23个）") < listed.index("秦皇岛（12个）") \
        < listed.index("衡水（11个）") < listed.index("二、为民服务创先争优行业服务标兵（23名）") \
        < listed.index("衡水（11名）") < listed.index("三、为民服务创先争优优质服务品牌（2个）")


def test_the_decision_is_a_gbt9704_document(work):
    pdf = work / "out" / "表彰决定.pdf"
    first = squeeze(text(pdf, 1, 1))
    assert first.startswith("中共河北省委创先争优活动领导小组文件冀创组〔2012〕30号"
                            "关于表彰为民服务创先争优群众满意窗口、行业服务标兵和优质服务品牌的决定"
                            "各市委创先争优活动领导小组，省直机关创先争优活动领导小组：")
    body = squeeze(text(pdf, 1, 2))
    assert "授予23个窗口“为民服务创先争优群众满意窗口”称号，授予23名同志" in body
    assert "授予2个品牌“为民服务创先争优优质服务品牌”称号" in body
    assert body.endswith("附件：为民服务创先争优群众满意窗口、行业服务标兵和优质服务品牌名单"
                         "中共河北省委创先争优活动领导小组2012年9月28日")
    assert squeeze(text(pdf, 3, 3)).startswith("附件为民服务创先争优群众满意窗口、行业服务标兵和优质服务品牌名单")
    every = text(pdf).split("\f")[:-1]
    assert len(every) % 2 == 0  # the imprint is on the back of the last sheet
    assert squeeze(every[-1]) == "中共河北省委创先争优活动领导小组办公室2012年9月28日印发"  # no page number
    assert re.search(r"—\s*1\s*—", every[0]) and not re.search(r"—\s*\d+\s*—", every[-1])


def test_one_certificate_per_awardee_with_a_stable_unique_number(work):
    certificates = pages(work / "out" / "荣誉证书.pdf")
    everyone = nominees()
    winners = [k for k in everyone if awarded(k)]
    assert len(certificates) == len(winners)
    for key, n in everyone.items():
        who = f"{n['姓名']}同志：" if "姓名" in n else f"{title(n)}："
        holding = [p for p in certificates if who in p]
        assert len(holding) == (1 if awarded(key) else 0), (key, who)
    numbers = [re.search(r"证书编号：(\d+)", p).group(1) for p in certificates]
    assert len(set(numbers)) == len(numbers)
    # Year, category, unit (附件1 order), 编号: the promoted alternate keeps its own number.
    promoted = next(p for p in certificates if "马桂芳同志：" in p)
    assert "证书编号：2012209013" in promoted
    assert "为民服务创先争优行业服务标兵" in promoted and "中共河北省委创先争优活动领导小组二〇一二年九月二十八日" in promoted
    sizes = subprocess.run(["pdfinfo", str(work / "out" / "荣誉证书.pdf")], capture_output=True, text=True).stdout
    assert "841.89 x 595.276 pts (A4)" in sizes  # landscape


def test_the_approval_box_of_every_form_is_filled_and_cancelled_forms_are_marked(work):
    windows = pages(work / "out" / "衡水" / "01-群众满意窗口推荐和审批表.pdf")
    whole = "".join(windows)
    form3 = whole[whole.index("（编号：3）"):whole.index("（编号：4）")]
    assert "（编号：3）已取消评选资格" in form3
    assert "取消评选资格。理由：考察中发现该窗口有群众投诉。" in form3
    assert whole.count("同意。") == 11 and whole.count("2012年9月28日") == 14
    assert whole.count("递补对象，未递补。") == 2
    exemplars = "".join(pages(work / "out" / "衡水" / "02-行业服务标兵推荐和审批表.pdf"))
    assert "（编号：4）已退出评选" in exemplars
    assert "退出评选。理由：本人因工作调动申请退出。名额由编号13递补。" in exemplars
    assert "同意（递补编号4的名额）。" in exemplars
    brands = "".join(pages(work / "out" / "衡水" / "03-优质服务品牌推荐和审批表.pdf"))
    assert brands.count("同意。") == 1 and "经综合确定，未列入表彰。" in brands
    other = "".join(pages(work / "out" / "秦皇岛" / "01-群众满意窗口推荐和审批表.pdf"))
    assert other.count("同意。") == 12 and "已取消" not in other


def test_the_inspection_summary_for_the_office(work):
    pdf = work / "out" / "考察情况汇总.pdf"
    layout = subprocess.run(["pdftotext", "-q", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    rows = [ln.split() for ln in layout.splitlines()]
    # 推荐 考察通过 取消 退出 递补 表彰 空缺
    assert ["衡水", "群众满意窗口", "12", "11", "1", "0", "0", "11", "1"] in rows
    assert ["衡水", "行业服务标兵", "12", "10", "1", "1", "1", "11", "1"] in rows
    assert ["秦皇岛", "优质服务品牌", "2", "2", "0", "0", "0", "1", "0"] in rows
    assert ["合计", "52", "49", "2", "1", "1", "48", "2"] in rows
    summary = squeeze(text(pdf))
    assert "衡水市中医院门诊服务中心：取消评选资格：考察中发现该窗口有群众投诉。名额空缺，不再递补。" in summary
    assert "李雅静：退出：本人因工作调动申请退出。名额由编号13递补。" in summary
    assert "马桂芳：递补编号4的名额。" in summary


def test_byte_identical_on_a_rerun_and_numbers_stable_when_another_is_cancelled(work, tmp_path):
    again = tmp_path / "again"
    done = xianjin("render", work / "in", "--decisions", work / "决定.yaml", "--out", again)
    assert done.returncode == 0, done.stderr
    first = sorted(p.relative_to(work / "out") for p in (work / "out").rglob("*.pdf"))
    assert first == sorted(p.relative_to(again) for p in again.rglob("*.pdf")) and len(first) == 24
    for rel in first:
        assert filecmp.cmp(work / "out" / rel, again / rel, shallow=False), rel

    # One more cancellation (秦皇岛's first window): only 秦皇岛 and the province's documents change,
    # and no other awardee's certificate changes its number.
    before = {re.search(r"^(.+?)[:：]", p).group(1): re.search(r"证书编号：(\d+)", p).group(1)
              for p in pages(again / "荣誉证书.pdf")}
    more = tmp_path / "决定.yaml"
    more.write_text(DECISIONS.replace("考察:\n", "考察:\n  - {推荐单位: 秦皇岛, 类别: 群众满意窗口, 编号: 1, "
                                                "结果: 取消资格, 理由: 考察中发现问题}\n"), "utf-8")
    done = xianjin("render", work / "in", "--decisions", more, "--out", again)
    assert done.returncode == 0, done.stderr
    assert "已排版 1 个推荐单位（秦皇岛）以及表彰决定、荣誉证书、考察情况汇总" in done.stdout
    assert "1 个推荐单位未改动" in done.stdout
    after = {re.search(r"^(.+?)[:：]", p).group(1): re.search(r"证书编号：(\d+)", p).group(1)
             for p in pages(again / "荣誉证书.pdf")}
    assert len(after) == len(before) - 1
    assert all(before[name] == number for name, number in after.items())


def test_a_promotion_into_a_cancelled_place_is_refused_and_nothing_is_written(work, tmp_path):
    bad = tmp_path / "决定.yaml"
    bad.write_text(DECISIONS + "  - {推荐单位: 衡水, 类别: 群众满意窗口, 编号: 13, 替代编号: 3, 理由: 递补}\n", "utf-8")
    done = xianjin("render", work / "in", "--decisions", bad, "--out", tmp_path / "out")
    assert done.returncode == 1
    assert re.search(rf"^{re.escape(str(bad))}:12:\d+: error XJ505 递补\[2\]\.替代编号：.*出缺名额不再递补", done.stdout, re.M)
    assert "有错误，未生成任何文件。" in done.stderr
    assert not (tmp_path / "out").exists()


def test_one_unit_of_the_province_gets_its_forms_filled_but_no_decision(work, tmp_path):
    done = xianjin("render", work / "in", "--decisions", work / "决定.yaml", "--unit", "衡水", "--out", tmp_path)
    assert done.returncode == 0, done.stderr
    assert "不生成表彰决定、荣誉证书和考察情况汇总" in done.stderr
    assert not (tmp_path / "表彰决定.pdf").exists()
    assert "（编号：3）已取消评选资格" in squeeze(text(tmp_path / "衡水" / "01-群众满意窗口推荐和审批表.pdf"))


def test_a_character_without_a_glyph_in_a_reason_is_refused_before_writing(work, tmp_path):
    unknown = "\U0002EBF0"  # CJK Extension I: no installed font has it
    bad = tmp_path / "决定.yaml"
    bad.write_text(DECISIONS.replace("事迹材料与实际不符", f"事迹材料与实际不符{unknown}"), "utf-8")
    done = xianjin("render", work / "in", "--decisions", bad, "--out", tmp_path / "out")
    assert done.returncode == 2
    # Told as validate tells problems (issue 10): a line of the report, XJ222 at its place.
    [line] = [ln for ln in done.stdout.splitlines() if " XJ222 " in ln]
    assert line.startswith(f"{bad}:6:") and "U+2EBF0" in line and "没有字形" in line
    assert "有字无法排版，未生成任何文件。" in done.stderr
    assert not (tmp_path / "out").exists()


def test_html_for_a_quick_look(work, tmp_path):
    done = xianjin("render", work / "in", "--decisions", work / "决定.yaml", "--out", tmp_path, "--format", "html")
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "荣誉证书.html").read_text("utf-8")
    assert page.count('<section class="certificate">') == 12 + 12 + 1 + 11 + 11 + 1
    assert (tmp_path / "style.css").is_file() and (tmp_path / "表彰决定.html").is_file()


def test_word_forms_carry_the_decision_but_the_provincial_documents_are_pdf_only(work, tmp_path):
    import zipfile

    done = xianjin("render", work / "in", "--decisions", work / "决定.yaml", "--out", tmp_path, "--format", "docx")
    assert done.returncode == 0, done.stderr
    assert "只排 PDF 和 HTML，没有 Word 版" in done.stderr
    assert not list(tmp_path.glob("表彰决定*"))
    with zipfile.ZipFile(tmp_path / "衡水" / "01-群众满意窗口推荐和审批表.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "取消评选资格。理由：考察中发现该窗口有群众投诉。" in xml
