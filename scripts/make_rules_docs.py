"""Writes docs/rules.md from the rule table; tests/test_docs.py fails when it is stale.

    .venv/bin/python scripts/make_rules_docs.py

Each rule's example is real output: the shipped 衡水 file (for the workbook rules, the same
file converted to a workbook), changed the way a clerk might get it wrong, checked by
xianjin. A change that no longer produces its rule fails here.
"""

from __future__ import annotations

import io
import re
import sys
import tempfile
from pathlib import Path
from typing import Callable

import openpyxl

from xianjin.campaign import DEFAULT_CAMPAIGN
from xianjin.convert import to_workbook
from xianjin.loader import load_bytes
from xianjin.reporters.text import format_problem
from xianjin.rules import RULES
from xianjin.validate import CampaignError, load_campaign, validate_paths

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "rules.md"
NAME = "09-衡水.yaml"
GOOD = (ROOT / "examples" / NAME).read_text(encoding="utf-8")


def sub(pattern: str, new: str, flags: int = 0) -> str:
    """The 衡水 file with the first match of `pattern` replaced."""
    changed, n = re.subn(pattern, new, GOOD, count=1, flags=flags | re.MULTILINE)
    assert n == 1, pattern
    return changed


def first_item_removed(section: str) -> str:
    """Without the first window of `section` (推荐对象 or 递补对象)."""
    return sub(rf"(^  {section}:\n)    - 服务窗口名称:.*?\n(?=    - 服务窗口名称:)", r"\1", re.S)


def renamed_unit(unit: str) -> str:
    return GOOD.replace("推荐单位: 衡水", f"推荐单位: {unit}", 1)


# The provincial office's decisions file for 衡水 alone, as sound as the 衡水 file (XJ5xx).
DECIDED = "决定.yaml"
DECISION = """决定:
  文号: 冀创组〔2012〕30号
  日期: 2012-09-28
考察:
  - {推荐单位: 衡水, 类别: 群众满意窗口, 编号: 3, 结果: 取消资格, 理由: 考察中发现该窗口有群众投诉}
优质服务品牌:
  - {推荐单位: 衡水, 编号: 1}
递补:
  - {推荐单位: 衡水, 类别: 行业服务标兵, 编号: 13, 替代编号: 4, 理由: 本人因工作调动申请退出}
"""


def decided(old: str, new: str, files: dict | None = None) -> tuple[dict, bool]:
    """The 衡水 file (or `files`) with the decisions file changed at its first `old`."""
    assert old in DECISION, old
    return {**(files or {NAME: GOOD}), DECIDED: DECISION.replace(old, new, 1)}, False


PROMOTED = "  - {推荐单位: 衡水, 类别: 行业服务标兵, 编号: 13, 替代编号: 4, 理由: 本人因工作调动申请退出}\n"
CANCELLED = "理由: 考察中发现该窗口有群众投诉}\n"


BOOK = "09-衡水.xlsx"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .xls, .et and an encrypted .xlsx


def book(change) -> Callable[[], bytes]:
    """The 衡水 file as `xianjin convert` makes it a workbook, with `change(workbook)` done to it
    (made when the example runs, not when this module is imported)."""
    def make() -> bytes:
        wb = openpyxl.load_workbook(io.BytesIO(to_workbook(load_bytes(GOOD.encode()).data, load_campaign())))
        change(wb)
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()
    return make


def cell(sheet: str, ref: str, value: str):
    def change(wb) -> None:
        wb[sheet][ref] = value
    return change


# code → (files: name → text, bytes or what makes them, require_all). One file is the 衡水 file changed.
EXAMPLES = {
    "XJ100": ({}, False),  # a path that is not there (see below)
    "XJ101": ({NAME: b"#" * (17 * 1024 * 1024)}, False),
    "XJ102": ({NAME: GOOD.encode().replace("联系人".encode(), b"\xff\xfe\xfd" + "联系人".encode(), 1)}, False),
    "XJ103": ({NAME: GOOD.encode("gbk")}, False),
    "XJ104": ({NAME: sub(r"联系人: 李金亮", "联系人: 李金\x07亮")}, False),
    "XJ105": ({NAME: sub(r"^  推荐对象:", "\t推荐对象:")}, False),
    "XJ106": ({NAME: ""}, False),
    "XJ107": ({NAME: "- 推荐单位: 衡水\n"}, False),
    "XJ108": ({NAME: sub(r"^联系人: 李金亮\n", "联系人: 李金亮\n联系人: 王立新\n")}, False),
    "XJ109": ({NAME: sub(r"^填报单位: ", "填报单位: &danwei ").replace("联系人: 李金亮", "联系人: *danwei", 1)}, False),
    "XJ110": ({NAME: sub(r"联系人: 李金亮", "联系人: !!binary 李金亮")}, False),
    "XJ111": ({NAME: sub(r"^联系人: 李金亮", "[联系人]: 李金亮")}, False),
    "XJ112": ({NAME: sub(r"工作单位及职务: 衡水市公共交通总公司27路公交车队队长",
                         "工作单位及职务: 衡水市公共交通总公司 #27 路公交车队队长")}, False),
    "XJ113": ({NAME: sub(r"^联系人: 李金亮", "联系人: 李金\u200b亮")}, False),
    "XJ114": ({NAME: sub(r"姓名: 李子健", "姓名: 李子\ue000")}, False),
    "XJ115": ({NAME: sub(r"^联系人: 李金亮", "联系人: 李金\ufffd")}, False),
    "XJ120": ({"09-衡水.xls": OLE2 + bytes(504)}, False),
    "XJ121": ({BOOK: OLE2 + bytes(504) + "EncryptedPackage".encode("utf-16-le")}, False),
    "XJ122": ({BOOK: GOOD.encode()}, False),
    "XJ123": ({BOOK: book(lambda wb: setattr(wb["行业服务标兵"], "title", "Sheet1"))}, False),
    "XJ124": ({BOOK: book(lambda wb: wb["行业服务标兵"].merge_cells("I2:I3"))}, False),
    "XJ125": ({BOOK: book(cell("基本信息", "B5", "=C5"))}, False),
    "XJ126": ({BOOK: book(cell("行业服务标兵", "B3", "候补"))}, False),
    "XJ127": ({BOOK: book(cell("行业服务标兵", "A3", "5"))}, False),
    "XJ201": ({NAME: sub(r"^      党组织负责人: .*\n", "")}, False),
    "XJ202": ({NAME: sub(r"^      所属单位: ", "      所属单位名称: ")}, False),
    "XJ203": ({NAME: sub(r"出生年月: .*", "出生年月: 1978.13")}, False),
    "XJ204": ({NAME: sub(r"出生年月: .*", "出生年月: 1945.03")}, False),
    "XJ205": ({NAME: sub(r"性别: .*", "性别: 女性")}, False),
    "XJ206": ({NAME: sub(r"民族: .*", "民族: 汉")}, False),
    "XJ207": ({NAME: sub(r"政治面貌: .*", "政治面貌: 党员")}, False),
    "XJ208": ({NAME: sub(r"学历: .*", "学历: 幼儿园")}, False),
    "XJ209": ({NAME: sub(r"单位电话: .*", "单位电话: 0318-21567")}, False),
    "XJ210": ({NAME: sub(r"单位电话: 0318-", "单位电话: 0311-")}, False),
    "XJ211": ({NAME: sub(r"单位电话: .*", "单位电话: 13912345678")}, False),
    "XJ212": ({NAME: sub(r"党组织负责人: (.*)", r"党组织负责人: \g<1>2")}, False),
    "XJ213": ({NAME: sub(r"^报送日期: .*", "报送日期: 2012-02-30")}, False),
    "XJ214": ({NAME: sub(r"^报送日期: .*", "报送日期: 2012-08-25")}, False),
    "XJ215": ({NAME: sub(r"^(      典型事迹材料: \|\n)(?:        .*\n)+", r"\1        事迹材料只写了一句话。\n")}, False),
    "XJ216": ({NAME: sub(r"^(      主要事迹: \|\n)", r"\1        " + "服务群众" * 260 + "\n")}, False),
    "XJ217": ({NAME: sub(r"所属行业: .*", "所属行业: 航天")}, False),
    "XJ218": ({NAME: renamed_unit("衡水市")}, False),
    "XJ219": ({NAME: sub(r"^公示情况: .*", "公示情况: [2012年8月9日至15日]")}, False),
    "XJ220": ({NAME: sub(r"^公示情况: .*\n", "")}, False),
    "XJ221": ({NAME: GOOD + "    - 服务品牌名称: ''\n"}, False),
    "XJ222": ({NAME: sub(r"姓名: 李子健", "姓名: 李子\U0002ee5d")}, False),  # CJK Extension I: in no font
    "XJ223": ({}, False),  # a campaign file (see below)
    "XJ301": ({NAME: sub(r"^  递补对象:\n", "")}, False),
    "XJ302": ({NAME: first_item_removed("推荐对象")}, False),
    "XJ303": ({NAME: first_item_removed("递补对象")}, False),
    "XJ304": ({NAME: sub(r"^(优质服务品牌:\n  推荐对象:)\n(?:.*\n)*", r"\1 []\n")}, False),
    "XJ305": ({NAME: GOOD + "  递补对象: []\n"}, False),
    "XJ401": ({NAME: GOOD, "09-衡水-第二份.yaml": GOOD}, False),
    "XJ402": ({NAME: GOOD, "08-沧州.yaml": renamed_unit("沧州")}, False),
    "XJ403": ({NAME: GOOD, "08-沧州.yaml": renamed_unit("沧州")}, False),
    "XJ404": ({NAME: GOOD}, True),
    "XJ405": ({**{p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.yaml"))},
               NAME: sub(r"^  递补对象:\n", "")}, False),
    "XJ501": decided("类别: 群众满意窗口", "类别: 窗口"),
    "XJ502": decided("编号: 3,", "编号: 15,"),
    "XJ503": decided("  - {推荐单位: 衡水, 编号: 1}\n", "  - {推荐单位: 衡水, 编号: 1}\n  - {推荐单位: 衡水, 编号: 1}\n"),
    "XJ504": decided(", 理由: 考察中发现该窗口有群众投诉", ""),
    "XJ505": decided(PROMOTED, PROMOTED + "  - {推荐单位: 衡水, 类别: 群众满意窗口, 编号: 13, 替代编号: 3, 理由: 递补}\n"),
    "XJ506": decided(CANCELLED, CANCELLED + "  - {推荐单位: 衡水, 类别: 行业服务标兵, 编号: 4, 结果: 通过}\n"),
    "XJ507": decided("编号: 13, 替代编号: 4", "编号: 2, 替代编号: 4"),
    "XJ508": decided(CANCELLED, CANCELLED + "  - {推荐单位: 衡水, 类别: 行业服务标兵, 编号: 13, 结果: 取消资格, "
                                            "理由: 考察中发现问题}\n"),
    "XJ509": decided("编号: 13, 替代编号: 4", "编号: 14, 替代编号: 4"),
    "XJ510": decided(CANCELLED, CANCELLED + "  - {推荐单位: 衡水, 类别: 优质服务品牌, 编号: 1, 结果: 取消资格, "
                                            "理由: 考察中发现问题}\n"),
    "XJ511": decided(CANCELLED, CANCELLED, {NAME: sub(r"^  递补对象:\n", "")}),
    "XJ512": decided("  - {推荐单位: 衡水, 编号: 1}\n", ""),
    "XJ513": ({NAME: GOOD, DECIDED: DECISION, "决定-第二份.yaml": DECISION}, False),
    "XJ514": decided("冀创组〔2012〕30号", "冀创组[2012]30号"),
}


def example(code: str) -> str:
    """The first problem line xianjin prints for this rule's example."""
    files, require_all = EXAMPLES[code]
    with tempfile.TemporaryDirectory() as tmp:
        for name, content in files.items():
            target = Path(tmp) / name
            content = content() if callable(content) else content
            target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        paths = [str(Path(tmp) / name) for name in sorted(files)] or [str(Path(tmp) / "不存在.yaml")]
        if code == "XJ223":  # `--campaign` with a quota of 10⁹
            campaign = Path(tmp) / "活动文件.yaml"
            campaign.write_text(DEFAULT_CAMPAIGN.read_text("utf-8").replace("群众满意窗口: 16,", "群众满意窗口: 1000000000,", 1),
                                "utf-8")
            try:
                load_campaign(campaign)
            except CampaignError as exc:
                found = [p for p in exc.problems if p.code == code]
            else:
                found = []
        else:
            report = validate_paths(paths, load_campaign(), require_all=require_all)
            found = [p for p in report.problems if p.code == code]
        if code == "XJ222":  # told by `xianjin render`, before anything is written
            from xianjin.render.glyphs import check_unit

            found = [p for u in report.units for p in check_unit(u) if p.code == code]
        if not found:
            raise SystemExit(f"{code} 的示例没有产生 {code}：{[p.code for p in report.problems]}")
        return format_problem(found[0]).replace(tmp + "/", "")


def rules_docs() -> str:
    parts = ["# xianjin 检查规则", "",
             "本页由 `scripts/make_rules_docs.py` 根据规则表（`src/xianjin/rules/`）生成，请勿手工修改。",
             "每条规则的示例是 xianjin 对 `examples/09-衡水.yaml`（XJ12x：由它转换的工作簿）改错一处后的真实输出；"
             "决定文件的规则（XJ5xx）是对一份给衡水的决定文件改错一处。", "",
             "| 代码 | 级别 | 规则 |", "|---|---|---|"]
    parts += [f"| [{r.code}](#{r.code.lower()}) | {r.level_name} | {r.title} |" for r in RULES]
    for rule in RULES:
        parts += ["", f"## {rule.code}", "", f"**{rule.title}**（{rule.level_name}）", "", rule.explanation,
                  "", "例：", "", "```", example(rule.code), "```"]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    DOCS.write_text(rules_docs(), encoding="utf-8")
    print(f"已写入 {DOCS}", file=sys.stderr)
