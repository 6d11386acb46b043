"""The ready-to-fill file `xianjin init UNIT` writes: every section, every slot, every field, with a hint.

Each hint is a comment on its own line above the field, never after the value: a clerk who
types after the colon would leave the comment behind, and a comment after a value is
exactly what XJ112 warns about (text YAML silently dropped)."""

from __future__ import annotations

import os
import re

from xianjin.campaign import ALTERNATE, BRANDS, CATEGORIES, FORMAL, Campaign, UnitQuota
from xianjin.models import BLOCK_FIELDS, NOMINEE_KINDS, Header, Nominee

# What goes in a field, shown as a comment above it; the rest come from the models' descriptions.
_EXAMPLES = {
    "出生年月": "例：1978.05",
    "报送日期": "例：2012-08-15，截止日期前",
    "性别": "男 或 女",
    "民族": "例：汉族、回族、满族",
    "学历": "例：大学本科、大学专科、硕士研究生",
    "政治面貌": "例：中共党员、群众",
    "联系电话": "例：{area}-86688001",
    "单位电话": "例：{area}-87654321",
    "工作简历": "每段一行，例：1996.09—2000.07 河北医科大学护理学专业学习",
    "典型事迹材料": "2000 字左右",
}
_SKIPPED = {"审批意见"}  # optional; printed blank on the form when absent


def starter_text(quota: UnitQuota, campaign: Campaign, schema_ref: str | None) -> str:
    area = quota.区号[0]
    lines: list[str] = []
    if schema_ref:
        lines.append(f"# yaml-language-server: $schema={schema_ref}")
    lines += [
        f"# {quota.名称}的推荐文件（{campaign.文号}），{campaign.报送截止日期:%Y年%-m月%-d日}前报送。",
        "# 在冒号后面，或“|”的下一行起（比栏目名多缩进两格）填写；填好后运行：xianjin validate 本文件",
        "# 列表顺序就是排序表的序号和审批表的编号。",
        "",
    ]
    prefilled = {"推荐单位": quota.名称, "填报单位": quota.填报单位}
    for name, info in Header.model_fields.items():
        if name in prefilled:
            lines.append(f"{name}: {prefilled[name]}")
        else:
            lines += _field(name, info.description or "", 0, area)
    for category in CATEGORIES:
        kind = NOMINEE_KINDS[category]
        lines += ["", f"{category}:"]
        if category == BRANDS:
            low, high = quota.优质服务品牌
            sections = [(FORMAL, high, f"{low}–{high} 个；用不上的整项删去")]
        else:
            n = quota.quota(category)
            sections = [(FORMAL, n, f"名额 {n} 个，按排序填写"),
                        (ALTERNATE, campaign.递补名额, f"递补对象正好 {campaign.递补名额} 个，依次排序")]
        number = 0
        for section, count, hint in sections:
            lines += [f"  # {hint}", f"  {section}:"]
            for _ in range(count):
                number += 1
                lines += _nominee(kind, number, area)
    while not lines[-1]:  # the empty line under the last `|`: no blank line at the end of the file
        lines.pop()
    return "\n".join(lines) + "\n"


def _nominee(kind: type[Nominee], number: int, area: str) -> list[str]:
    out: list[str] = [f"    # 编号 {number}"]
    first = True
    for name, info in kind.model_fields.items():
        if name in _SKIPPED:
            continue
        field_lines = _field(name, info.description or "", 6, area)
        if first:
            field_lines[0] = "    " + field_lines[0].lstrip()  # the hint above the item's “- ”
            field_lines[1] = "    - " + field_lines[1].lstrip()
            first = False
        out += field_lines
    return out


def hint(name: str, description: str, area: str) -> str:
    """What goes in a field, as the starter file (and the starter workbook) tells the clerk."""
    return _EXAMPLES.get(name, description).format(area=area)


def _field(name: str, description: str, indent: int, area: str) -> list[str]:
    pad = " " * indent
    hint_text = hint(name, description, area)
    # Empty, not '': an editor's schema and xianjin both read an untouched slot as not yet
    # filled, and whatever the clerk types needs no quotes around it. The line under a `|`
    # is left empty, not indented: trailing spaces fail every YAML linter.
    if name in BLOCK_FIELDS:
        return [f"{pad}# {hint_text}", f"{pad}{name}: |", ""]
    return [f"{pad}# {hint_text}", f"{pad}{name}:"]


def relative_ref(schema_ref: str, target: str) -> str:
    """A schema path given from the current folder, as seen from the folder of the written file."""
    if not schema_ref or re.match(r"^[a-z]+://", schema_ref):
        return schema_ref
    start = os.path.dirname(os.path.abspath(target))
    return os.path.relpath(os.path.abspath(schema_ref), start).replace(os.sep, "/")
