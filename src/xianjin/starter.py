"""The ready-to-fill files of `xianjin init`: a unit's (`init UNIT`: every section, every slot,
every field, with a hint) and the provincial office's decisions file (`init --decisions PATH…`:
every brand submitted a commented line to uncomment, the alternates listed beside 递补, so
that the office picks from what there is instead of typing numbers from the ranking tables).

In a unit's file each hint is a comment on its own line above the field, never after the
value: a clerk who types after the colon would leave the comment behind, and a comment after
a value is exactly what XJ112 warns about (text YAML silently dropped)."""

from __future__ import annotations

import os
import re

from xianjin.campaign import ALTERNATE, BRANDS, CATEGORIES, FORMAL, Campaign, UnitQuota
from xianjin.models import BLOCK_FIELDS, NOMINEE_KINDS, Header, Nominee
from xianjin.result import UnitFile

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


def decisions_starter_text(units: list[UnitFile], campaign: Campaign) -> str:
    award = campaign.表彰
    by_unit: dict[str, UnitFile] = {}
    for u in units:
        if u.unit:
            by_unit.setdefault(u.unit, u)
    ordered = [by_unit[name] for name in campaign.units if name in by_unit]
    lines = [
        f"# 省委创先争优活动领导小组的决定文件（{campaign.文号}第三、四部分）：考察结果、表彰的品牌、递补。",
        "# 与推荐文件放在一起；填好后运行：xianjin validate 推荐文件所在的文件夹 --decisions 本文件",
        "# 排版表彰决定、荣誉证书、考察情况汇总：xianjin render 推荐文件所在的文件夹 --decisions 本文件 --out 打印/",
        f"# 生成时找到 {len(ordered)} 个推荐单位的推荐文件：{'、'.join(u.unit for u in ordered) or '（无）'}。",  # type: ignore[misc]
        "",
        # Each hint on its own line above its field, as in a unit's file: a hint after a value is
        # what XJ112 warns about once the line is filled in or uncommented.
        "决定:",
        "  # 文号，例：冀创组〔2012〕30号（年份用六角括号〔〕）",
        "  文号: ''",
        "  # 成文日期，例：2012-09-28；印在决定、审批表的省委审批意见栏和荣誉证书上",
        "  日期: ''",
        "  # 以下几项可不写。标题、主送不写时用：",
        f"  # 标题: {award.决定标题}",
        f"  # 主送: {award.主送}",
        "  # 正文不写时用活动文件中的正文，表彰的个数自动填入：",
        "  # 正文: |",
        "  # 版记中的抄送机关：",
        "  # 抄送: ''",
        "  # 印发日期不写时与成文日期相同：",
        "  # 印发日期: ''",
        "",
        "# 考察：只写例外，没有列出的推荐对象即考察通过。结果：通过、取消资格、退出；取消资格和退出必须写理由。",
        "# 取消资格的名额空缺，不再递补（出缺名额不再递补）；本人退出的名额可由递补对象依次递补（写在下面的“递补”中）。",
        "# 类别：群众满意窗口、行业服务标兵 或 优质服务品牌；编号：该单位排序表的序号（= 审批表编号）。",
        "考察:",
        "  # - 推荐单位: 衡水",
        "  #   类别: 群众满意窗口",
        "  #   编号: 3",
        "  #   结果: 取消资格",
        "  #   理由: 考察中发现……",
        "",
        "# 优质服务品牌由省委创先争优活动领导小组综合确定：去掉要表彰的品牌行首的“# ”。没有列出的品牌不表彰。",
        f"{BRANDS}:",
    ]
    for u in ordered:
        for e in u.entries:
            if e.category == BRANDS:
                what = f"{e.model.title}（{e.model.所属单位}）" if e.model else "（这一项未通过检查）"  # type: ignore[attr-defined]
                lines.append(f"  # - {{推荐单位: {u.unit}, 编号: {e.number}}}  # {what}")
    lines += [
        "",
        "# 递补：推荐对象本人退出后，由同一单位同一类别的递补对象依次递补（先 N+1，再 N+2）。",
        "# “编号”是递补对象的编号，“替代编号”是退出的推荐对象的编号，“理由”写明为什么退出。",
        "递补:",
        "  # - {推荐单位: 衡水, 类别: 行业服务标兵, 编号: 13, 替代编号: 4, 理由: 本人因工作调动申请退出}",
        "  # 各单位的递补对象：",
    ]
    for u in ordered:
        for category in CATEGORIES:
            alternates = [f"{e.number} {e.model.title if e.model else '（未通过检查）'}"
                          for e in u.entries if e.category == category and e.alternate]
            if alternates:
                lines.append(f"  #   {u.unit}{category}：{'；'.join(alternates)}")
    return "\n".join(lines) + "\n"
