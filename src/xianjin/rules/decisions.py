"""XJ5xx: the provincial office's decisions file — inspection, 综合确定 of the brands, promoted alternates.

The notice (§四): the office "将适时对推荐对象进行考察，对达不到推荐条件的，取消评选资格，
出缺名额不再递补". A place left by a cancelled nominee stays empty; only a place left by a
nominee who withdrew (退出) may go to an alternate, and alternates go in their ranked order.

The checkers run on a checked decisions file (`xianjin.awards.DecisionsFile`): its valid
entries, where each was typed, the submissions it was checked with and what it decides
(`outcome`). The field errors (XJ501, XJ514) are raised by the models in xianjin.decisions.
"""

from __future__ import annotations

from collections import defaultdict

from xianjin.campaign import BRANDS, EXEMPLARS, WINDOWS
from xianjin.problems import ERROR, WARNING, field_path
from xianjin.rules.rule import Rule

PASSED, CANCELLED, WITHDRAWN = "通过", "取消资格", "退出"

XJ501 = Rule("XJ501", ERROR, "类别或考察结果的写法不对",
             "“类别”只能是 群众满意窗口、行业服务标兵、优质服务品牌；考察的“结果”只能是 通过、取消资格、退出。",
             scope="decisions")
XJ502 = Rule("XJ502", ERROR, "决定所指的推荐对象不存在",
             "决定文件中的每一项都要指向一起检查的推荐文件中确有的对象：推荐单位、类别和编号"
             "（即该单位排序表的序号）。推荐单位的文件没有一起检查、编号超出排序表，都是这个错误。",
             scope="decisions")
XJ503 = Rule("XJ503", ERROR, "同一推荐对象决定了两次",
             "同一推荐对象在“考察”中只写一次，在“优质服务品牌”中只列一次；一个递补对象只能递补一次，"
             "一个名额也只能由一个递补对象递补。", scope="decisions")
XJ504 = Rule("XJ504", ERROR, "没有写理由",
             "考察结果为“取消资格”或“退出”时必须写“理由”，它会印在审批表的省委审批意见栏和考察情况汇总中。"
             "递补一个名额时，也要写明这个名额为什么空出（在“递补”的“理由”中，或在被替代对象的考察结果“退出”中）。",
             scope="decisions")
XJ505 = Rule("XJ505", ERROR, "出缺名额不再递补",
             "通知：对达不到推荐条件的，取消评选资格，出缺名额不再递补。被取消资格的推荐对象的名额空缺，"
             "不能由递补对象递补。只有推荐对象本人退出（考察之前申请退出等）空出的名额，才能由递补对象依次递补。",
             scope="decisions")
XJ506 = Rule("XJ506", ERROR, "被替代的推荐对象仍在表彰之列",
             "递补对象只能替代已经退出的推荐对象。“替代编号”所指的推荐对象在“考察”中记为“通过”，"
             "仍在表彰之列，不能再被替代；如果他已退出，请把考察结果改为“退出”并写明理由。", scope="decisions")
XJ507 = Rule("XJ507", ERROR, "只有递补对象才能递补",
             "“递补”的“编号”必须是群众满意窗口或行业服务标兵的递补对象（编号 N+1、N+2），"
             "“替代编号”必须是同一单位同一类别的推荐对象（编号 1…N）。优质服务品牌不设递补对象。",
             scope="decisions")
XJ508 = Rule("XJ508", ERROR, "递补对象本身已取消资格或退出",
             "在“考察”中被取消资格或已经退出的递补对象，不能再递补。", scope="decisions")
XJ509 = Rule("XJ509", WARNING, "递补对象没有依次递补",
             "通知要求递补对象“依次排序”，递补也按这个顺序：先递补编号 N+1，再递补 N+2。"
             "跳过排在前面的递补对象时提示；在“考察”中为被跳过的递补对象写明结果和理由（如退出）即可。",
             scope="decisions")
XJ510 = Rule("XJ510", ERROR, "取消资格的品牌不能表彰",
             "“优质服务品牌”中列出的品牌在“考察”中被取消资格或已退出。请从表彰的品牌中删去，或改正考察结果。",
             scope="decisions")
XJ511 = Rule("XJ511", ERROR, "表彰数超过名额",
             "每个推荐单位表彰的群众满意窗口、行业服务标兵不超过附件1分配的名额（递补的计入），"
             "表彰的优质服务品牌不超过推荐幅度的上限；全省合计不超过全省名额（各 200 个）。", scope="decisions")
XJ512 = Rule("XJ512", WARNING, "没有表彰任何优质服务品牌",
             "优质服务品牌“由省委创先争优活动领导小组综合确定”：决定文件的“优质服务品牌”中列出的品牌才表彰。"
             "一个也没有列出时提示，多半是还没有把综合确定的结果写进去。", scope="decisions")
XJ513 = Rule("XJ513", ERROR, "有两个决定文件",
             "一次检查只能有一个决定文件（顶层有“决定”的 YAML 文件）。在文件夹中找到两个、"
             "或 --decisions 指定的和文件夹中的不是同一个时，每一个都报错。请删去或移走多余的一个。",
             scope="decisions")
XJ514 = Rule("XJ514", ERROR, "文号写法不对",
             "文号按 GB/T 9704-2012 写作“机关代字〔年份〕序号号”，年份用六角括号〔〕，序号不编虚位，"
             "如“冀创组〔2012〕30号”。", scope="decisions")


def _at(d, item, key: str | None = None):
    """(line, column) and field of an entry, or of one of its keys."""
    loc = item.path + ((key,) if key else ())
    return d.loaded.where(loc), field_path(loc)


@XJ502.checker
def _exists(d):
    for item in d.all_items():
        unit = item.model.推荐单位
        if unit not in d.unit_files:
            where, field = _at(d, item, "推荐单位")
            yield XJ502.problem(d.path, where, field,
                                f"没有推荐单位“{unit}”的推荐文件；请把它的推荐文件和决定文件一起检查")
            continue
        for key, number in item.numbers():
            if d.entry(unit, item.category, number) is None:
                where, field = _at(d, item, key)
                yield XJ502.problem(d.path, where, field,
                                    f"{unit}的{item.category}没有编号 {number}；{d.numbering(unit, item.category)}")


@XJ503.checker
def _twice(d):
    first: dict[tuple, object] = {}
    for item, kind, ref, key, what in _decided(d):
        if (kind, ref) not in first:
            first[(kind, ref)] = item
            continue
        where, field = _at(d, item, key)
        line = d.loaded.where(first[(kind, ref)].path)[0]
        yield XJ503.problem(d.path, where, field, f"{what}在第 {line} 行已经写过；同一推荐对象只能决定一次")


def _decided(d):
    """(entry, what is decided, about whom, at which key, in words) for every decision of the file."""
    for item in d.inspections:
        yield item, "考察", item.ref, "编号", f"{_who(item.ref)}的考察结果"
    for item in d.brands:
        yield item, "表彰", item.ref, "编号", _who(item.ref)
    for item in d.promotions:
        yield item, "递补", item.ref, "编号", f"递补对象{_who(item.ref)}的递补"
        yield item, "替代", item.replaced, "替代编号", f"由递补对象替代{_who(item.replaced)}"


def _who(ref: tuple) -> str:
    unit, category, number = ref
    return f"{unit}{category}（编号 {number}）"


@XJ504.checker
def _reasons(d):
    for item in d.inspections:
        if item.model.结果 in (CANCELLED, WITHDRAWN) and not item.model.理由:
            where, field = _at(d, item, "结果")
            yield XJ504.problem(d.path, where, field,
                                f"考察结果为“{item.model.结果}”，必须写“理由”（印在审批表和考察情况汇总中）")
    for item in d.promotions:
        replaced = d.inspected.get(item.replaced)
        explained = replaced is not None and replaced.model.结果 == WITHDRAWN and replaced.model.理由
        if not item.model.理由 and not explained:
            where, field = _at(d, item)
            yield XJ504.problem(d.path, where, field,
                                f"没有写明{_who(item.replaced)}的名额为什么空出；请在“理由”中写明（如本人申请退出）")


@XJ505.checker
def _no_backfill(d):
    for item in d.promotions:
        replaced = d.inspected.get(item.replaced)
        if replaced is not None and replaced.model.结果 == CANCELLED:
            where, field = _at(d, item, "替代编号")
            line = d.loaded.where(replaced.path)[0]
            yield XJ505.problem(d.path, where, field,
                                f"{_who(item.replaced)}已被取消评选资格（第 {line} 行），出缺名额不再递补："
                                f"这个名额空缺，不能由递补对象编号 {item.model.编号} 递补")


@XJ506.checker
def _still_awarded(d):
    for item in d.promotions:
        replaced = d.inspected.get(item.replaced)
        if replaced is not None and replaced.model.结果 == PASSED:
            where, field = _at(d, item, "替代编号")
            line = d.loaded.where(replaced.path)[0]
            yield XJ506.problem(d.path, where, field,
                                f"{_who(item.replaced)}在第 {line} 行考察“通过”，仍在表彰之列，不能由递补对象替代；"
                                "如果他已退出，请把考察结果改为“退出”并写明理由")


@XJ507.checker
def _only_alternates(d):
    for item in d.promotions:
        unit, category, number = item.ref
        if category == BRANDS:
            where, field = _at(d, item, "类别")
            yield XJ507.problem(d.path, where, field, "优质服务品牌不设递补对象，没有可递补的品牌")
            continue
        promoted = d.entry(unit, category, number)
        if promoted is not None and not promoted.alternate:
            where, field = _at(d, item, "编号")
            yield XJ507.problem(d.path, where, field,
                                f"编号 {number} 是{unit}{category}的推荐对象，不是递补对象；"
                                f"只有递补对象（{d.alternate_numbers(unit, category)}）可以递补")
        replaced = d.entry(*item.replaced)
        if replaced is not None and replaced.alternate:
            where, field = _at(d, item, "替代编号")
            yield XJ507.problem(d.path, where, field,
                                f"替代编号 {item.model.替代编号} 是递补对象；递补对象只能替代推荐对象（{d.formal_numbers(unit, category)}）")


@XJ508.checker
def _promoted_is_out(d):
    for item in d.promotions:
        inspected = d.inspected.get(item.ref)
        if inspected is not None and inspected.model.结果 in (CANCELLED, WITHDRAWN):
            where, field = _at(d, item, "编号")
            line = d.loaded.where(inspected.path)[0]
            said = "已被取消评选资格" if inspected.model.结果 == CANCELLED else "已经退出"
            yield XJ508.problem(d.path, where, field,
                                f"递补对象{_who(item.ref)}{said}（第 {line} 行），不能递补")


@XJ509.checker
def _in_order(d):
    promoted = defaultdict(set)
    for item in d.promotions:
        promoted[item.ref[:2]].add(item.ref[2])
    for item in d.promotions:
        unit, category, number = item.ref
        entry = d.entry(unit, category, number)
        if entry is None or not entry.alternate:
            continue
        for before in d.alternate_entries(unit, category):
            if before.number >= number or before.number in promoted[(unit, category)]:
                continue
            inspected = d.inspected.get((unit, category, before.number))
            if inspected is not None and (inspected.model.理由 or inspected.model.结果 in (CANCELLED, WITHDRAWN)):
                continue
            where, field = _at(d, item, "编号")
            yield XJ509.problem(d.path, where, field,
                                f"递补对象应依次递补：排在前面的编号 {before.number} 没有递补，却递补了编号 {number}；"
                                f"如编号 {before.number} 已退出或不符合条件，请在“考察”中写明结果和理由")
            break


@XJ510.checker
def _cancelled_brand(d):
    for item in d.brands:
        inspected = d.inspected.get(item.ref)
        if inspected is not None and inspected.model.结果 in (CANCELLED, WITHDRAWN):
            where, field = _at(d, item, "编号")
            line = d.loaded.where(inspected.path)[0]
            yield XJ510.problem(d.path, where, field,
                                f"{_who(item.ref)}在第 {line} 行考察结果为“{inspected.model.结果}”，不能表彰")


@XJ511.checker
def _within_quota(d):
    outcome, campaign = d.outcome, d.campaign
    where = d.loaded.where_key(("决定",))
    for name, quota in campaign.units.items():
        for category in (WINDOWS, EXEMPLARS, BRANDS):
            limit = quota.优质服务品牌[1] if category == BRANDS else quota.quota(category)
            n = len(outcome.awarded(name, category))
            if n > limit:
                yield XJ511.problem(d.path, where, f"{name}.{category}",
                                    f"按这份决定，{name}表彰{category} {n} 个，超过名额 {limit} 个；"
                                    "多出的请在“考察”中取消资格")
    for category in (WINDOWS, EXEMPLARS):
        limit = campaign.全省名额.get(category)
        n = len(outcome.awarded(None, category))
        if limit is not None and n > limit:
            yield XJ511.problem(d.path, where, category,
                                f"按这份决定，全省表彰{category} {n} 个，超过全省名额 {limit} 个")


@XJ512.checker
def _some_brand(d):
    if not d.brands and not d.brand_list_broken:
        yield XJ512.problem(d.path, d.loaded.where_key((BRANDS,)), BRANDS,
                            "没有列出任何要表彰的优质服务品牌；综合确定后，把表彰的品牌写在“优质服务品牌”中"
                            "（xianjin init --decisions 生成的文件中每个品牌都有一行可以取消注释）")

