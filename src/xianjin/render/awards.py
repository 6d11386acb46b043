"""The provincial office's documents: from a resolved decisions file to (file name, template, variables).

- 表彰决定: the 公文 of GB/T 9704-2012 with its attachment, the name list of the awardees;
- 荣誉证书: one certificate per awardee;
- 考察情况汇总: for the office, what the inspection did to each unit's places;
- and on every unit's approval forms, the 省委创先争优活动领导小组审批意见 box.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from xianjin import __version__
from xianjin.awards import AWARDED, CANCELLED, NOT_PROMOTED, WITHDRAWN, Fate, Outcome
from xianjin.campaign import CATEGORIES, EXEMPLARS, Campaign
from xianjin.decisions import Decision
from xianjin.models import Approval, Submission
from xianjin.render.context import MEASURE, Document, Item, created_stamp, ranking_cell

DECISION_NAME, CERTIFICATES_NAME, INSPECTION_NAME = "表彰决定", "荣誉证书", "考察情况汇总"
_ORDINALS = "一二三四五六七八九十"
_CN_DIGITS = "〇一二三四五六七八九"
# The marks printed beside the number of a form whose nominee is out.
_MARKS = {CANCELLED: "已取消评选资格", WITHDRAWN: "已退出评选"}


def cn_numeral_date(d: date) -> str:
    """二〇一二年九月二十八日: a certificate is dated in Chinese numerals (a 公文 in Arabic ones)."""
    def small(n: int) -> str:
        tens, ones = divmod(n, 10)
        return ((_CN_DIGITS[tens] if tens > 1 else "") + "十" if tens else "") + (_CN_DIGITS[ones] if ones else "")

    return "".join(_CN_DIGITS[int(c)] for c in str(d.year)) + f"年{small(d.month)}月{small(d.day)}日"


def certificate_number(campaign: Campaign, fate: Fate, year: int) -> str:
    """Year, category (1–3 as in 附件2), unit (01–12 as in 附件1), 编号: 2012 1 09 003.

    Made of what identifies the awardee, not of a running count, so that cancelling one
    nominee never renumbers the certificates already printed for the others.
    """
    unit = list(campaign.units).index(fate.unit) + 1
    return f"{year}{CATEGORIES.index(fate.category) + 1}{unit:02d}{fate.number:03d}"


def opinion(fate: Fate) -> str:
    """What the 省委 group writes in its box of the form."""
    if fate.status == AWARDED:
        return f"同意（递补编号 {fate.replaces} 的名额）。" if fate.replaces else "同意。"
    if fate.status == CANCELLED:
        return f"取消评选资格。理由：{_sentence(fate.reason)}"
    if fate.status == WITHDRAWN:
        refill = f"名额由编号 {fate.replaced_by} 递补。" if fate.replaced_by else "名额空缺。"
        return f"退出评选。理由：{_sentence(fate.reason)}{refill}"
    if fate.status == NOT_PROMOTED:
        return "递补对象，未递补。"
    return "经综合确定，未列入表彰。"


def _sentence(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if text.endswith(("。", "！", "；")) else text + "。"


def decide(outcome: Outcome, sub: Submission, decided_on: date):
    """The function context.unit_documents applies to every item of a form: the 省委 box filled."""
    def apply(category: str, item: Item) -> Item:
        fate = outcome.of(sub.推荐单位, category, item.number)
        if fate is None:
            return item
        stage = Approval.model_construct(意见=opinion(fate), 日期=decided_on)
        return replace(item, approvals=item.approvals.model_copy(update={"省委领导小组": stage}),
                       mark=_MARKS.get(fate.status, ""))

    return apply


def unit_stamp(outcome: Outcome | None, unit: str, decided_on: date | None) -> str:
    """What the decisions print on one unit's forms: part of that unit's cache key."""
    if outcome is None:
        return ""
    fates = sorted((f.category, f.number, opinion(f)) for f in outcome.fates.values() if f.unit == unit)
    return json.dumps([str(decided_on), fates], ensure_ascii=False)


def decision_documents(outcome: Outcome, header: Decision, campaign: Campaign) -> list[Document]:
    award = campaign.表彰
    counts = {c: len(outcome.awarded(None, c)) for c in CATEGORIES}
    body = header.正文 or award.正文
    if not header.正文:
        for category, n in counts.items():
            body = body.replace("{" + category + "}", str(n))
    title = header.标题 or award.决定标题
    base = {"author": campaign.发文机关, "version": __version__, "created": created_stamp(header.日期)}
    decision = Document(DECISION_NAME, "decision.html.j2", {
        **base, "title": title, "title_lines": title_lines(title),
        "机关标志": campaign.发文机关 + "文件", "文号": header.文号, "主送": header.主送 or award.主送,
        "正文": body, "附件": award.名单标题, "attachment_lines": title_lines(award.名单标题),
        "署名": campaign.发文机关, "日期": header.日期,
        "抄送": header.抄送, "印发机关": award.印发机关, "印发日期": header.印发日期 or header.日期,
        "groups": _name_list(outcome, campaign)})
    year = header.日期.year
    certificates = Document(CERTIFICATES_NAME, "certificate.html.j2", {
        **base, "title": "荣誉证书", "署名": campaign.发文机关, "日期": cn_numeral_date(header.日期),
        "用语": award.证书用语,
        "entries": [_certificate(f, campaign, year) for c in CATEGORIES for f in outcome.awarded(None, c)]})
    inspection = Document(INSPECTION_NAME, "inspection.html.j2", {
        **base, "title": "全省为民服务创先争优推荐对象考察情况汇总表", "文号": header.文号,
        **_inspection(outcome, campaign)})
    return [decision, certificates, inspection]


def title_lines(title: str, per_line: int = 20) -> list[str]:
    """A long 公文 title in lines cut after a 、 or ，, not in the middle of a word (GB/T 9704 §7.3.1)."""
    if len(title) <= per_line:
        return [title]
    cuts = [i + 1 for i, ch in enumerate(title[:per_line]) if ch in "、，" and i + 1 >= len(title) // 3]
    if not cuts:
        return [title]
    return [title[:cuts[-1]], *title_lines(title[cuts[-1]:], per_line)]


def _name_list(outcome: Outcome, campaign: Campaign) -> list[dict]:
    groups = []
    for i, category in enumerate(CATEGORIES):
        awarded = outcome.awarded(None, category)
        units = []
        for name in campaign.units:
            mine = [f for f in awarded if f.unit == name]
            if mine:
                units.append({"name": name, "count": f"{len(mine)}{MEASURE[category]}",
                              "entries": [ranking_cell(f.nominee.model) for f in mine]})
        groups.append({"heading": f"{_ORDINALS[i]}、{campaign.表彰.称号[category]}（{len(awarded)}{MEASURE[category]}）",
                       "units": units})
    return groups


def _certificate(fate: Fate, campaign: Campaign, year: int) -> dict:
    n = fate.nominee.model
    person = fate.category == EXEMPLARS
    return {"number": certificate_number(campaign, fate, year), "person": person,
            "name": f"{n.姓名}同志" if person else n.title,  # type: ignore[union-attr]
            "detail": n.工作单位及职务 if person else n.所属单位,  # type: ignore[union-attr]
            "honour": campaign.表彰.称号[fate.category]}


def _inspection(outcome: Outcome, campaign: Campaign) -> dict:
    rows, notes = [], []
    for name in campaign.units:
        fates = [f for f in outcome.fates.values() if f.unit == name]
        if not fates:
            continue
        for category in CATEGORIES:
            rows.append({"unit": name, "category": category, **outcome.stages(name, category)})
    for category in CATEGORIES:
        for f in sorted(outcome.fates.values(), key=lambda f: (list(campaign.units).index(f.unit), f.number)):
            if f.category == category and (f.status in (CANCELLED, WITHDRAWN) or f.replaces):
                notes.append({"unit": f.unit, "category": category, "number": f.number,
                              "name": f.nominee.model.title, "what": _what(f)})  # type: ignore[union-attr]
    totals = {k: sum(r[k] for r in rows) for k in ("推荐", "考察通过", "取消", "退出", "递补", "表彰", "空缺")}
    return {"rows": rows, "totals": totals, "notes": notes}


def _what(f: Fate) -> str:
    if f.status == CANCELLED:
        return f"取消评选资格：{_sentence(f.reason)}名额空缺，不再递补。"
    if f.status == WITHDRAWN:
        refill = f"名额由编号 {f.replaced_by} 递补。" if f.replaced_by else "名额空缺。"
        return f"退出：{_sentence(f.reason)}{refill}"
    return f"递补编号 {f.replaces} 的名额。"
