"""Shared helpers: a generator of COMPLETE, VALID unit files with known line numbers.

`build_unit("衡水")` returns a `Doc`: the YAML text of a file that validates with no
error and no warning, plus the line of every key it wrote, so that a test can change
one line and assert the exact problem (`doc.line(("行业服务标兵", "推荐对象", 2, "出生年月"))`).
Paths are the loader's paths: category, section, 0-based index, field.

Tests import them (`from helpers import build_unit`); conftest.py offers the common
ones as fixtures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from xianjin.loader import load_bytes
from xianjin.rules import RULES
from xianjin.validate import check_loaded, load_campaign

REPO = Path(__file__).resolve().parents[1]
CAMPAIGN = load_campaign()
RULE_CODES = {r.code for r in RULES}

# English a user must never see (pydantic, click, Python).
ENGLISH = ("Field required", "Input should", "validation error", "Traceback", "Extra inputs",
           "For further information", "Usage:", "Show this message", "Error:", "errors.pydantic")

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧"
GIVEN = "建国立新志强丽华秀英明军海燕玉兰春梅文静晓东振伟红霞敏杰桂芳"
CN_DIGITS = "零一二三四五六七八九"
SECTORS = ("税务", "卫生", "教育", "公安", "工商", "金融", "电力", "邮政", "行政服务中心", "民政")

PARAGRAPH = (
    "该同志始终坚持把人民群众满意作为工作的第一标准，立足本职岗位，全面推行首问负责制、"
    "限时办结制和服务承诺制，主动公开办事流程和收费标准，把方便群众办事作为工作的出发点和落脚点，"
    "做到热心接待、耐心解答、细心办理，赢得了服务对象的广泛赞誉。"
)  # 110 non-whitespace characters
DEEDS = (
    "坚持群众路线，创新服务方式，推行预约服务、延时服务和上门服务，"
    "全年办理业务两万余件，群众满意率达到百分之九十九以上，未发生一起有效投诉。"
)


def cn_number(n: int) -> str:
    """1 → 一, 12 → 十二, 40 → 四十 (names must not contain digits)."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def person_name(k: int) -> str:
    """A unique three-character Chinese name for every k < 900."""
    return SURNAMES[k % 30] + GIVEN[(k // 30) % 30] + GIVEN[(k * 7 + 3) % 30]


def material(seed: str, chars: int = 2000) -> list[str]:
    """Paragraphs (one a line) of about `chars` non-whitespace characters."""
    lines, total = [], 0
    while total < chars:
        para = f"{seed}{PARAGRAPH}"
        lines.append(para)
        total += len(para)
    return lines


def non_ws(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


@dataclass
class Doc:
    unit: str
    lines: list[str]
    at: dict[tuple, int] = field(default_factory=dict)  # path → 1-based line of its key

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    @property
    def raw(self) -> bytes:
        return self.text.encode("utf-8")

    def then(self, text: str) -> "Doc":
        """A Doc of `text` keeping these line numbers: for a second change above the first."""
        return Doc(self.unit, text.rstrip("\n").split("\n"), self.at)

    def line(self, path: tuple) -> int:
        return self.at[tuple(path)]

    def col(self, path: tuple) -> int:
        """1-based column of the value on the key's line (of the key of an item's first field)."""
        src = self.lines[self.line(path) - 1]
        key = path[-1]
        if isinstance(key, int):
            return src.index("- ") + 3
        m = re.match(r"^(\s*(?:- )?)" + re.escape(key) + r": ?", src)
        assert m, src
        return m.end() + 1

    def key_col(self, path: tuple) -> int:
        src = self.lines[self.line(path) - 1]
        return len(src) - len(src.lstrip(" -")) + 1

    def _block_end(self, index: int, item: bool = False) -> int:
        """Index after the lines that belong to the key (or with `item`, the list item) at lines[index]."""
        src = self.lines[index]
        if item:  # the item: everything indented deeper than its "-"
            indent = len(src) - len(src.lstrip(" "))
        else:  # a key: its block is indented deeper than the key
            indent = len(src) - len(src.lstrip(" -"))
        end = index + 1
        while end < len(self.lines):
            nxt = self.lines[end]
            if nxt.strip() and len(nxt) - len(nxt.lstrip(" ")) <= indent:
                break
            end += 1
        return end

    def set(self, path: tuple, value: str) -> str:
        """The text with the value at `path` replaced (a block value replaced whole)."""
        i = self.line(path) - 1
        src = self.lines[i]
        m = re.match(r"^(\s*(?:- )?" + re.escape(path[-1]) + r":)", src)
        assert m, src
        end = self._block_end(i)
        lines = self.lines[:i] + [f"{m.group(1)} {value}".rstrip()] + self.lines[end:]
        return "\n".join(lines) + "\n"

    def set_block(self, path: tuple, body: list[str]) -> str:
        """The text with the `|` block at `path` replaced by `body` lines."""
        i = self.line(path) - 1
        src = self.lines[i]
        indent = len(src) - len(src.lstrip(" -")) + 2
        end = self._block_end(i)
        lines = self.lines[: i + 1] + [" " * indent + b for b in body] + self.lines[end:]
        return "\n".join(lines) + "\n"

    def drop(self, path: tuple) -> str:
        """The text without the key at `path` (and its block)."""
        i = self.line(path) - 1
        assert not self.lines[i].lstrip().startswith("- "), "drop the item's first key with drop_item"
        end = self._block_end(i)
        return "\n".join(self.lines[:i] + self.lines[end:]) + "\n"

    def replace_line(self, path: tuple, new: str) -> str:
        i = self.line(path) - 1
        return "\n".join(self.lines[:i] + [new] + self.lines[i + 1:]) + "\n"

    def insert_after(self, path: tuple, *new: str) -> str:
        """Lines inserted right after the key line at `path` (for a scalar field)."""
        i = self.line(path)
        return "\n".join(self.lines[:i] + list(new) + self.lines[i:]) + "\n"

    def item_lines(self, category: str, section: str, index: int) -> list[str]:
        i = self.line((category, section, index)) - 1
        return self.lines[i: self._block_end(i, item=True)]


def build_unit(unit: str = "衡水", *, windows: int | None = None, window_alternates: int = 2,
               models: int | None = None, model_alternates: int = 2, brands: int | None = None,
               publicity: bool = True, approvals: bool = True, name_offset: int | None = None,
               campaign=CAMPAIGN, material_chars: int = 2000, tag: str = "") -> Doc:
    """A complete, valid file for `unit` (counts default to its quota; brands to the top of its range).

    `tag` is added to window and brand names so that two files for one unit differ.
    """
    q = campaign.units[unit]
    unit_index = list(campaign.units).index(unit)
    windows = q.群众满意窗口 if windows is None else windows
    models = q.行业服务标兵 if models is None else models
    brands = q.优质服务品牌[1] if brands is None else brands
    offset = unit_index * 50 if name_offset is None else name_offset
    area = q.区号[0]
    place = "河北省" if unit == "省直机关" else f"{unit}市"
    doc = Doc(unit, [])
    out = doc.lines

    def put(path: tuple | None, text: str) -> None:
        out.append(text)
        if path is not None:
            doc.at[path] = len(out)

    def block(path: tuple, indent: str, key: str, body: list[str]) -> None:
        put(path, f"{indent}{key}: |")
        for b in body:
            out.append(f"{indent}  {b}")

    put(None, f"# {unit}推荐为民服务创先争优群众满意窗口、行业服务标兵和优质服务品牌")
    put(("推荐单位",), f"推荐单位: {unit}")
    put(("填报单位",), f"填报单位: {q.填报单位}")
    put(("报送日期",), "报送日期: 2012-08-15")
    put(("联系人",), f"联系人: {person_name(offset + 49)}")
    put(("联系电话",), f"联系电话: {area}-86688001")
    if publicity:
        put(("公示情况",), f"公示情况: 2012年8月6日至10日在{unit}日报和政府网站公示，无异议")
    block(("推荐情况报告",), "", "推荐情况报告", [
        f"根据省委创先争优活动领导小组要求，{unit}认真组织了推荐工作，经过层层推荐、公示，确定了推荐对象。"])
    out.append("")

    serial = 0

    def window(section: str, i: int) -> None:
        nonlocal serial
        serial += 1
        sector = SECTORS[serial % len(SECTORS)]
        base = ("群众满意窗口", section, i)
        ind = "      "
        put(base, f"    - 服务窗口名称: {place}{sector}第{cn_number(serial)}服务窗口{tag}")
        doc.at[base + ("服务窗口名称",)] = len(out)
        put(base + ("所属单位",), f"{ind}所属单位: {place}{sector}局")
        put(base + ("所属行业",), f"{ind}所属行业: {sector}")
        put(base + ("党组织负责人",), f"{ind}党组织负责人: {person_name(offset + 500 + serial % 40)}")
        put(base + ("单位电话",), f"{ind}单位电话: {area}-8{serial:07d}")
        block(base + ("窗口情况简介",), ind, "窗口情况简介",
              [f"该窗口设在{place}政务服务大厅，共有工作人员十二名，承担{sector}业务的受理和办理。"])
        block(base + ("主要事迹",), ind, "主要事迹", [DEEDS])
        block(base + ("典型事迹材料",), ind, "典型事迹材料",
              material(f"{place}{sector}第{cn_number(serial)}服务窗口", material_chars))
        if approvals and serial == 1:
            put(base + ("审批意见",), f"{ind}审批意见:")
            put(base + ("审批意见", "主管单位党组织"),
                f"{ind}  主管单位党组织: {{意见: 同意推荐, 日期: 2012-08-10}}")

    def model(section: str, i: int) -> None:
        nonlocal serial
        serial += 1
        k = offset + serial
        sector = SECTORS[serial % len(SECTORS)]
        base = ("行业服务标兵", section, i)
        ind = "      "
        name = person_name(k)
        year = 1960 + serial % 30
        month = serial % 12 + 1
        put(base, f"    - 姓名: {name}")
        doc.at[base + ("姓名",)] = len(out)
        put(base + ("性别",), f"{ind}性别: {'女' if serial % 2 else '男'}")
        put(base + ("出生年月",), f'{ind}出生年月: "{year}.{month:02d}"')
        put(base + ("民族",), f"{ind}民族: {'回族' if serial % 5 == 0 else '汉族'}")
        put(base + ("学历",), f"{ind}学历: 大学本科")
        put(base + ("政治面貌",), f"{ind}政治面貌: 中共党员")
        put(base + ("工作单位及职务",), f"{ind}工作单位及职务: {place}{sector}局服务大厅主任")
        put(base + ("所属行业",), f"{ind}所属行业: {sector}")
        block(base + ("工作简历",), ind, "工作简历", [
            f"{year + 18}.09—{year + 22}.07 河北师范大学学习",
            f"{year + 22}.07—今 {place}{sector}局工作"])
        block(base + ("主要事迹",), ind, "主要事迹", [DEEDS])
        block(base + ("典型事迹材料",), ind, "典型事迹材料", material(name, material_chars))

    def brand(i: int) -> None:
        nonlocal serial
        serial += 1
        sector = SECTORS[serial % len(SECTORS)]
        base = ("优质服务品牌", "推荐对象", i)
        ind = "      "
        put(base, f"    - 服务品牌名称: “{place}{sector}贴心服务{cn_number(serial)}号”品牌{tag}")
        doc.at[base + ("服务品牌名称",)] = len(out)
        put(base + ("所属单位",), f"{ind}所属单位: {place}{sector}局")
        put(base + ("所属行业",), f"{ind}所属行业: {sector}")
        put(base + ("党组织负责人",), f"{ind}党组织负责人: {person_name(offset + 540 + serial % 9)}")
        put(base + ("单位电话",), f"{ind}单位电话: {area}-6{serial:07d}")
        block(base + ("品牌简介",), ind, "品牌简介", [f"该品牌由{place}{sector}局于二〇〇八年创建。"])
        put(base + ("曾受表彰情况",), f"{ind}曾受表彰情况: 2011年被评为全省{sector}系统优质服务品牌")
        block(base + ("典型事迹材料",), ind, "典型事迹材料",
              material(f"{place}{sector}贴心服务品牌", material_chars))

    for category, formal, alternates, make in (
            ("群众满意窗口", windows, window_alternates, window),
            ("行业服务标兵", models, model_alternates, model)):
        put((category,), f"{category}:")
        put((category, "推荐对象"), "  推荐对象:")
        for i in range(formal):
            make("推荐对象", i)
        if alternates:
            put((category, "递补对象"), "  递补对象:")
            for i in range(alternates):
                make("递补对象", i)
        out.append("")
    put(("优质服务品牌",), "优质服务品牌:")
    put(("优质服务品牌", "推荐对象"), "  推荐对象:")
    for i in range(brands):
        brand(i)
    return doc


def check_text(text: str | bytes, path: str = "衡水.yaml", campaign=CAMPAIGN):
    """check_loaded(load_bytes(…)) → the UnitFile."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return check_loaded(load_bytes(raw, path), campaign)


def problems_of(text: str | bytes, path: str = "衡水.yaml", campaign=CAMPAIGN):
    return check_text(text, path, campaign).problems


def only(problems, code: str):
    """The problems with `code`; fails (showing all problems) when there is none."""
    found = [p for p in problems if p.code == code]
    assert found, f"no {code} among {[(p.code, p.line, p.message) for p in problems]}"
    return found


def one(problems, code: str):
    found = only(problems, code)
    assert len(found) == 1, [(p.code, p.line, p.field, p.message) for p in found]
    return found[0]


def codes(problems) -> list[str]:
    return [p.code for p in problems]


def assert_chinese(text: str) -> None:
    for word in ENGLISH:
        assert word not in text, f"English text {word!r} in output:\n{text}"
