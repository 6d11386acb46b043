"""What each document shows: from a validated Submission to (file name, template, variables).

File names are Chinese and numbered in the order of the notice: the cover report
(section 二 asks for it first), the three approval forms (附件2), the three ranking
tables (附件3), then the 典型事迹材料 the same section asks for.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from xianjin import __version__, summary
from xianjin.campaign import ALTERNATE, BRANDS, CATEGORIES, EXEMPLARS, FORMAL, WINDOWS, Campaign
from xianjin.models import Approvals, BrandApprovals, Submission
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


def unit_documents(sub: Submission, campaign: Campaign, decided=None) -> list[Document]:
    base = {"author": sub.填报单位, "version": __version__, "created": created_stamp(sub.报送日期),
            "填报单位": sub.填报单位}
    docs: list[Document] = []
    if sub.推荐情况报告:
        docs.append(Document("00-推荐情况的报告", "report.html.j2", {
            **base, "title": "关于为民服务创先争优群众满意窗口、行业服务标兵和优质服务品牌推荐情况的报告",
            "主送": campaign.审批机关, "text": sub.推荐情况报告, "counts": _counts(sub),
            "公示情况": (sub.公示情况 or "").rstrip("。"), "报送日期": sub.报送日期,
            "联系人": sub.联系人, "联系电话": sub.联系电话}))
    for i, category in enumerate(CATEGORIES):
        entries = items(sub, category, decided)
        docs.append(Document(f"{i + 1:02d}-{category}推荐和审批表", _FORMS[category], {
            **base, "title": f"全省为民服务创先争优{category}推荐和审批表", "entries": entries}))
    for i, category in enumerate(CATEGORIES):
        rows = [{"number": it.number, "alternate": it.alternate, "content": ranking_cell(it.nominee)}
                for it in items(sub, category)]
        docs.append(Document(f"{i + 4:02d}-{category}排序表", "ranking.html.j2", {
            **base, "title": f"推荐全省为民服务创先争优{category}排序表", "kind": category,
            "columns": RANKING_COLUMNS[category], "rows": rows}))
    for i, category in enumerate(CATEGORIES):
        entries = [_material(it) for it in items(sub, category)]
        docs.append(Document(f"{i + 7:02d}-{category}典型事迹材料", "material.html.j2", {
            **base, "title": f"{category}典型事迹材料", "entries": entries}))
    return docs


def ranking_cell(n) -> str:
    if n.category == EXEMPLARS:
        return "、".join((n.姓名, n.性别, n.民族, n.工作单位及职务))
    return f"{n.title}、{n.所属单位}"


def _material(it: Item) -> dict:
    n = it.nominee
    sub = n.工作单位及职务 if n.category == EXEMPLARS else n.所属单位
    mark = "（递补）" if it.alternate else ""
    return {"heading": n.title, "subtitle": f"（{sub}；编号：{it.number}{mark}）", "text": n.典型事迹材料}


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
        "created": created_stamp(latest), "rows": table, "total": summary.totals(report, table),
        "文号": report.campaign.文号})
