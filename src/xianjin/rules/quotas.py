"""XJ3xx: how many nominees a unit may send (附件1 and the notice's 递补/品牌 rules)."""

from __future__ import annotations

from xianjin.campaign import ALTERNATE, BRANDS, EXEMPLARS, FORMAL, WINDOWS
from xianjin.problems import ERROR, WARNING, field_path
from xianjin.rules.rule import Rule

XJ301 = Rule("XJ301", ERROR, "推荐对象超过名额",
             "群众满意窗口、行业服务标兵的推荐对象不能多于附件1分配的名额（如石家庄 16 个）。"
             "多出的请改列为递补对象或删去。")
XJ302 = Rule("XJ302", WARNING, "推荐对象少于名额",
             "推荐对象少于分配的名额，有名额没有用上。这是允许的，但请确认不是漏填。")
XJ303 = Rule("XJ303", ERROR, "递补对象数量不对",
             "群众满意窗口、行业服务标兵除按名额推荐外，必须“多推荐2个（名）作为递补对象”，并依次排序。"
             "递补对象写在“递补对象”列表中，正好 2 个。")
XJ304 = Rule("XJ304", ERROR, "优质服务品牌数量不对",
             "优质服务品牌“由各市分别推荐1—2个，省直机关推荐5—6个”，数量须在此范围内。")
XJ305 = Rule("XJ305", ERROR, "优质服务品牌不设递补对象",
             "通知只对群众满意窗口和行业服务标兵要求递补对象；优质服务品牌以 1—2 个（省直机关 5—6 个）的幅度"
             "由省委领导小组综合确定，不填写“递补对象”。请把品牌都写在“推荐对象”中。")


def _where(unit, category: str, section: str, index: int | None = None):
    loc = (category, section) + ((index,) if index is not None else ())
    if loc in unit.loaded.value_at:
        return unit.loaded.where(loc), field_path(loc)
    if (category, section) in unit.loaded.key_at:
        return unit.loaded.where_key((category, section)), field_path((category, section))
    return unit.loaded.where_key((category,)), field_path((category, section))


def _quota(unit):
    return unit.campaign.units.get(unit.unit or "")


@XJ301.checker
def _over(unit):
    quota = _quota(unit)
    for category in (WINDOWS, EXEMPLARS):
        n = unit.count(category, FORMAL)
        if quota and n is not None and n > quota.quota(category):
            limit = quota.quota(category)
            where, field = _where(unit, category, FORMAL, limit)
            yield XJ301.problem(unit.path, where, field,
                                f"{quota.名称}的{category}名额是 {limit} 个，这里列了 {n} 个推荐对象；"
                                f"从第 {limit + 1} 个起超出名额，请删去或改列为递补对象")


@XJ302.checker
def _under(unit):
    quota = _quota(unit)
    for category in (WINDOWS, EXEMPLARS):
        n = unit.count(category, FORMAL)
        if quota and n is not None and n < quota.quota(category):
            where, field = _where(unit, category, FORMAL)
            yield XJ302.problem(unit.path, where, field,
                                f"{quota.名称}的{category}名额是 {quota.quota(category)} 个，只推荐了 {n} 个，"
                                f"有 {quota.quota(category) - n} 个名额未用")


@XJ303.checker
def _alternates(unit):
    wanted = unit.campaign.递补名额
    if unit.header is None and unit.loaded.data is None:
        return
    for category in (WINDOWS, EXEMPLARS):
        if unit.count(category, FORMAL) is None:
            continue  # the category itself is unreadable: reported elsewhere
        n = unit.count(category, ALTERNATE)
        if n is not None and n != wanted:
            where, field = _where(unit, category, ALTERNATE, wanted if n > wanted else None)
            now = "没有填写递补对象" if n == 0 else f"现在有 {n} 个"
            yield XJ303.problem(unit.path, where, field,
                                f"{category}应当另外推荐正好 {wanted} 个递补对象（依次排序），{now}")


@XJ304.checker
def _brands(unit):
    quota = _quota(unit)
    n = unit.count(BRANDS, FORMAL)
    if quota and n is not None:
        low, high = quota.优质服务品牌
        if not low <= n <= high:
            where, field = _where(unit, BRANDS, FORMAL, high if n > high else None)
            yield XJ304.problem(unit.path, where, field,
                                f"{quota.名称}应推荐 {low}–{high} 个优质服务品牌，这里有 {n} 个")
