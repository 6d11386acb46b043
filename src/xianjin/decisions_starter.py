"""The ready-to-fill decisions file `xianjin init --decisions PATH…` writes for the submissions found.

Every brand submitted is a commented line to uncomment (综合确定), and the alternates of
every unit are listed beside the empty 递补 list, so that the office picks from what
there is instead of typing numbers from the ranking tables.
"""

from __future__ import annotations

from xianjin.campaign import BRANDS, CATEGORIES, Campaign
from xianjin.unit import UnitFile


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
        "决定:",
        "  文号: ''  # 例：冀创组〔2012〕30号（年份用六角括号〔〕）",
        "  日期: ''  # 成文日期，例：2012-09-28；印在决定、审批表的省委审批意见栏和荣誉证书上",
        f"  # 标题: {award.决定标题}  # 不写时用这个标题",
        f"  # 主送: {award.主送}  # 不写时用这个",
        "  # 正文: |  # 不写时用活动文件中的正文，表彰的个数自动填入",
        "  # 抄送: ''  # 版记中的抄送机关，可不写",
        "  # 印发日期: ''  # 不写时与成文日期相同",
        "",
        "# 考察：只写例外，没有列出的推荐对象即考察通过。结果：通过、取消资格、退出；取消资格和退出必须写理由。",
        "# 取消资格的名额空缺，不再递补（出缺名额不再递补）；本人退出的名额可由递补对象依次递补（写在下面的“递补”中）。",
        "考察:",
        "  # - 推荐单位: 衡水",
        "  #   类别: 群众满意窗口  # 群众满意窗口、行业服务标兵 或 优质服务品牌",
        "  #   编号: 3  # 该单位排序表的序号（= 审批表编号）",
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
