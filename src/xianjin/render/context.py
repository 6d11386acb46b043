"""What each document shows: from a validated Submission to (file name, template, variables).

File names are Chinese and numbered in the order of the notice: the cover report
(section 二 asks for it first), the three approval forms (附件2), the three ranking
tables (附件3), then the 典型事迹材料 the same section asks for.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from xianjin import __version__, summary
from xianjin.campaign import ALTERNATE, BRANDS, CATEGORIES, EXEMPLARS, FORMAL, WINDOWS, Campaign
from xianjin.models import Approvals, BrandApprovals, Submission
from xianjin.render.prose import GRID_PT, closing_index, material_parts, paragraphs, signature_margin
from xianjin.result import Report

SUMMARY_NAME = "全省汇总表"
_FORMS = {WINDOWS: "form-window.html.j2", EXEMPLARS: "form-exemplar.html.j2", BRANDS: "form-brand.html.j2"}
# The ranking tables' column heading names what goes in the cell (附件3).
RANKING_COLUMNS = {WINDOWS: "名称、所属单位", EXEMPLARS: "姓名、性别、民族、单位及职务", BRANDS: "名称、所属单位"}
MEASURE = {WINDOWS: "个", EXEMPLARS: "名", BRANDS: "个"}


@dataclass
class Document:
    name: str  # file name without extension, e.g. 01-群众满意窗口推荐和审批表
    template: str
    variables: dict = field(default_factory=dict)  # what the template is filled with


@dataclass
class Item:
    """One nominee as the templates see it."""

    number: int
    alternate: bool
    nominee: object
    approvals: object
    mark: str = ""  # printed beside the number: 已取消评选资格 (from the decisions file)


def created_stamp(fallback: date) -> str:
    """The PDF's creation date: SOURCE_DATE_EPOCH when set (reproducible builds), else the file's date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{fallback:%Y-%m-%d}T00:00:00Z"


def items(sub: Submission, category: str, decided=None) -> list[Item]:
    """`decided(category, item)`, when given, fills in what the decisions file says (render/awards.py)."""
    empty = BrandApprovals() if category == BRANDS else Approvals()
    found = [Item(number, section == ALTERNATE, nominee, nominee.审批意见 or empty)
             for section, _, number, nominee in sub.category(category).numbered()]
    return [decided(category, it) for it in found] if decided else found


def unit_documents(sub: Submission, campaign: Campaign, decided=None, duplex: bool = False) -> list[Document]:
    """The documents of one unit; `duplex` starts every form and material on a recto (style.css)."""
    base = {"author": sub.填报单位, "version": __version__, "created": created_stamp(sub.报送日期),
            "填报单位": sub.填报单位, "duplex": duplex}
    docs: list[Document] = []
    forms = [(f"{i + 1:02d}-{c}推荐和审批表", f"全省为民服务创先争优{c}推荐和审批表", c) for i, c in enumerate(CATEGORIES)]
    rankings = [(f"{i + 4:02d}-{c}排序表", f"推荐全省为民服务创先争优{c}排序表", c) for i, c in enumerate(CATEGORIES)]
    materials = [(f"{i + 7:02d}-{c}典型事迹材料", f"{c}典型事迹材料", c) for i, c in enumerate(CATEGORIES)]
    if sub.推荐情况报告:
        attached = [title for _, title, c in (*forms, *rankings, *materials) if items(sub, c)]
        docs.append(Document("00-推荐情况的报告", "report.html.j2", {
            **base, "title": "关于为民服务创先争优群众满意窗口、行业服务标兵和优质服务品牌推荐情况的报告",
            "主送": campaign.审批机关, "paragraphs": _report_paragraphs(sub), "附件": attached,
            "报送日期": sub.报送日期, "署名右空": f"{signature_margin(sub.填报单位, sub.报送日期) * GRID_PT:.2f}pt",
            "联系人": sub.联系人, "联系电话": sub.联系电话}))
    for name, title, category in forms:
        docs.append(Document(name, _FORMS[category], {**base, "title": title, "entries": items(sub, category, decided)}))
    for name, title, category in rankings:
        rows = [{"number": it.number, "alternate": it.alternate, "content": ranking_cell(it.nominee)}
                for it in items(sub, category)]
        docs.append(Document(name, "ranking.html.j2", {
            **base, "title": title, "kind": category, "columns": RANKING_COLUMNS[category], "rows": rows}))
    for name, title, category in materials:
        entries = [_material(it) for it in items(sub, category)]
        docs.append(Document(name, "material.html.j2", {**base, "title": title, "entries": entries}))
    return docs


def ranking_cell(n) -> str:
    if n.category == EXEMPLARS:
        return "、".join((n.姓名, n.性别, n.民族, n.工作单位及职务))
    return f"{n.title}、{n.所属单位}"


def _material(it: Item) -> dict:
    """The author's own title (its first line) is the title; the nominee and its number are the subtitle."""
    n = it.nominee
    unit = n.工作单位及职务 if n.category == EXEMPLARS else n.所属单位
    number = f"（编号：{it.number}）" + ("（递补）" if it.alternate else "")
    own, dash, body = material_parts(n.典型事迹材料)
    if own:
        # A window's name usually contains its unit's (石家庄市教育局学生资助管理中心): not twice.
        who = n.title if "".join(unit.split()) in "".join(n.title.split()) else f"{n.title}（{unit}）"
        return {"title": own, "dash": dash, "subtitle": who + number, "paragraphs": body}
    return {"title": n.title, "dash": "", "subtitle": unit + number, "paragraphs": body}


def _report_paragraphs(sub: Submission) -> list[dict]:
    """The author's text, with the counts and the 公示 stated once, before the closing request.

    Each is added only when the author's text does not already say it: a report that
    states “推荐16个窗口” and then hears “经研究，现推荐群众满意窗口16个” says it twice.
    """
    body = paragraphs(sub.推荐情况报告 or "")
    text = "".join(p["text"] for p in body)
    added = []
    if not _states_counts(sub, text):
        added.append(_counts(sub))
    publicity = (sub.公示情况 or "").strip().rstrip("。")
    if publicity and "公示" not in text:
        added.append(f"{publicity}。")
    if added:
        at = closing_index(body)
        body[at:at] = [{"kind": "p", "head": "", "text": "".join(added)}]
    return body


def _states_counts(sub: Submission, text: str) -> bool:
    wanted = [(len(getattr(sub.category(c), FORMAL)), MEASURE[c]) for c in CATEGORIES]
    return all(re.search(rf"(?<!\d){n}\s*{m}", text) for n, m in wanted if n)


def _counts(sub: Submission) -> str:
    parts = []
    for category in CATEGORIES:
        lists = sub.category(category)
        formal = len(getattr(lists, FORMAL))
        alt = len(getattr(lists, ALTERNATE, ()))
        m = MEASURE[category]
        parts.append(f"{category}{formal}{m}" + (f"（另推荐递补对象{alt}{m}）" if alt else ""))
    return f"经研究，现推荐{'、'.join(parts)}。推荐审批表、排序表和典型事迹材料附后。"


def summary_document(report: Report) -> Document:
    """附件1's quota table beside what each unit recommended: the rows of `xianjin summary`.

    Only written when several units are rendered together. Rendering a single unit leaves
    an earlier 全省汇总表 in place (it may be the copy already printed and handed on) but
    does not pass it off as current: the command says it was not updated, and the next
    render of the whole province replaces it if any unit changed (its cache key is made
    of the units' keys).
    """
    table = summary.rows(report)
    latest = max((u.submission.报送日期 for u in report.units if u.submission),
                 default=report.campaign.报送截止日期)
    return Document(SUMMARY_NAME, "summary.html.j2", {
        "title": "全省为民服务创先争优推荐情况汇总表", "author": report.campaign.发文机关, "version": __version__,
        "duplex": False,
        "created": created_stamp(latest), "rows": table, "total": summary.totals(report, table),
        "文号": report.campaign.文号})
