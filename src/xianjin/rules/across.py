"""XJ4xx: checks across all the files of a run — one file per unit, no nominee twice, province totals.

Each check gets the run's Report (its `units`, its `campaign`, its `total`).
"""

from __future__ import annotations

from collections import defaultdict

from xianjin.campaign import BRANDS, EXEMPLARS, WINDOWS
from xianjin.problems import ERROR, field_path
from xianjin.rules.rule import Rule

XJ401 = Rule("XJ401", ERROR, "同一推荐单位有两个文件",
             "每个推荐单位只交一个文件。两个文件写了同一个推荐单位时，两个文件都报错，请删去多余的一个。",
             scope="across")
XJ402 = Rule("XJ402", ERROR, "同一窗口或品牌被推荐两次",
             "同一全称的服务窗口或服务品牌，不论在同一文件还是在两个推荐单位的文件中，只能推荐一次。"
             "每一处都报错，并指出另一处的位置。", scope="across")
XJ403 = Rule("XJ403", ERROR, "同一人被推荐两次",
             "姓名和出生年月都相同的行业服务标兵被推荐了两次（在同一文件或两个文件中）。"
             "每一处都报错，并指出另一处的位置。", scope="across")
XJ404 = Rule("XJ404", ERROR, "有推荐单位尚未报送",
             "只在使用 --require-all 时检查：活动文件中的推荐单位都应各交一个文件。"
             "不加 --require-all 时，未报送的单位只在汇总行中列出。", scope="across")
XJ405 = Rule("XJ405", ERROR, "全省推荐总数超过名额",
             "全省群众满意窗口、行业服务标兵的推荐对象（不含递补）合计不能超过附件1的合计名额（各 200 个）。",
             scope="across")


@XJ401.checker
def _same_unit(report):
    by_unit = defaultdict(list)
    for u in report.units:
        if u.unit:
            by_unit[u.unit].append(u)
    for name, files in by_unit.items():
        if len(files) < 2:
            continue
        for u in files:
            others = "、".join(o.path for o in files if o is not u)
            yield XJ401.problem(u.path, u.loaded.where(("推荐单位",)), "推荐单位",
                                f"推荐单位“{name}”还有一个文件：{others}；每个推荐单位只交一个文件")


def _duplicates(units, rule, categories, what):
    seen = defaultdict(list)
    for u in units:
        for category in categories:
            for e in u.valid_entries(category):
                seen[(category, e.model.identity)].append((u, e))
    for (category, identity), places in seen.items():
        if len(places) < 2:
            continue
        for u, e in places:
            others = "；".join(f"{o.path}:{o.loaded.where(oe.path)[0]} {field_path(oe.path)}"
                              for o, oe in places if oe is not e)
            yield rule.problem(u.path, u.loaded.where(e.path), field_path(e.path),
                               f"{what(e.model)}还在别处被推荐：{others}；同一对象只能推荐一次")


@XJ402.checker
def _same_title(report):
    yield from _duplicates(report.units, XJ402, (WINDOWS, BRANDS),
                           lambda m: f"“{m.title}”")


@XJ403.checker
def _same_person(report):
    yield from _duplicates(report.units, XJ403, (EXEMPLARS,),
                           lambda m: f"{m.姓名}（{m.出生年月}出生）")


@XJ405.checker
def _province_totals(report):
    for category in (WINDOWS, EXEMPLARS):
        total = report.total(category)
        limit = report.campaign.全省名额.get(category)
        if limit is not None and total > limit:
            yield XJ405.problem("", (0, 0), category,
                                f"全省{category}推荐对象合计 {total} 个，超过全省名额 {limit} 个")
