"""XJ2xx: the fields of the forms, one by one.

Errors are raised by the validators in `xianjin.models` under these codes (a value
that is wrong cannot be printed). Warnings are checks over the valid values: the
form can be printed, but someone should look again.
"""

from __future__ import annotations

from xianjin import values
from xianjin.campaign import EXEMPLARS
from xianjin.problems import ERROR, WARNING, field_path
from xianjin.rules.rule import Rule
from xianjin.text import non_whitespace_length

XJ201 = Rule("XJ201", ERROR, "必填项没有填写",
             "表上的每一栏都要填写（公示情况、推荐情况报告、审批意见除外）。只有空格的内容也算没填。"
             "整个推荐对象都没填时，只报一条。")
XJ202 = Rule("XJ202", ERROR, "不认识的栏目",
             "键名必须与表上的栏目一字不差（如“出生年月”而不是“出生日期”“出生年月日”，“姓名”中间不要加空格）。"
             "写错的栏目不会被悄悄丢掉，而是报错并提示最接近的正确栏目。")
XJ203 = Rule("XJ203", ERROR, "出生年月不对",
             "出生年月写作“1978.05”（也接受“1978-05”“1978年5月”，打印时统一为“1978.05”）。"
             "月份必须存在；按报送截止日期计算的年龄必须在活动文件规定的范围内（2012 年为 18–70 岁）。")
XJ204 = Rule("XJ204", WARNING, "年龄偏大",
             "按报送截止日期计算，年龄超过 65 岁（但不超过 70 岁）。这不是错误，但请确认出生年月填写无误。")
XJ205 = Rule("XJ205", ERROR, "性别不对", "性别只能填“男”或“女”。")
XJ206 = Rule("XJ206", ERROR, "民族不对",
             "民族填 56 个民族的全称，如“汉族”“回族”“满族”“蒙古族”；“汉”会提示应写作“汉族”。")
XJ207 = Rule("XJ207", ERROR, "政治面貌不对",
             "政治面貌按 GB/T 4762 填写：中共党员、中共预备党员、共青团员、民革党员、民盟盟员、民建会员、"
             "民进会员、农工党党员、致公党党员、九三学社社员、台盟盟员、无党派人士、群众。"
             "“党员”“团员”等简称会提示规范写法。")
XJ208 = Rule("XJ208", ERROR, "学历不对",
             "学历按 GB/T 4658 填写：博士研究生、硕士研究生、研究生、大学本科、大学专科、中等专科、职业高中、"
             "技工学校、高中、初中、小学。常见简称（本科、大专、中专、硕士等）可以用，打印时写成全称。")
XJ209 = Rule("XJ209", ERROR, "电话号码写法不对",
             "单位电话和联系电话写作“区号-号码”：区号是 0 加 2–3 位数字，号码 7–8 位，如 0311-86688001。"
             "也接受“(0311)86688001”。手机号码可以填，但会提示（表上要求的是带区号的单位电话）。")
XJ210 = Rule("XJ210", WARNING, "区号不是本市的",
             "电话的区号与推荐单位所在市的区号不同（如石家庄是 0311）。可能是笔误，也可能确实在外地，请核对。")
XJ211 = Rule("XJ211", WARNING, "填的是手机号码",
             "表上要求填写带区号的单位电话；填手机号码可以打印，但请尽量改为单位固定电话。")
XJ212 = Rule("XJ212", ERROR, "姓名写法不对",
             "姓名只能由汉字组成，少数民族姓名可用“·”分隔；不能有数字或字母。"
             "为了对齐在两字姓名中间加的空格（“张　三”）会自动去掉。")
XJ213 = Rule("XJ213", ERROR, "日期不对",
             "日期写作“2012-08-15”（也接受“2012年8月15日”“2012.08.15”），且必须是真实存在的日期。")
XJ214 = Rule("XJ214", WARNING, "报送日期晚于截止日期",
             "通知要求 8 月 20 日前报送。报送日期晚于截止日期不会被拒收，但请与省委创先办沟通。")
XJ215 = Rule("XJ215", WARNING, "典型事迹材料字数不合适",
             "通知要求典型事迹材料“2000 字左右”。按不含空白的字数计，少于 1500 或多于 2500 字时提示。")
XJ216 = Rule("XJ216", WARNING, "表中主要事迹过长",
             "审批表上“主要事迹”一栏超过 1000 字时，表格会续到后面几页。完整事迹请写在典型事迹材料里，"
             "表中只写摘要。")
XJ217 = Rule("XJ217", WARNING, "所属行业不在通知所列范围",
             "所属行业应为通知“推荐范围”所列行业之一（教育、公安、税务、卫生……金融，以及行政服务中心）。"
             "不在其中的只提示，不拒收。")
XJ218 = Rule("XJ218", ERROR, "推荐单位不对",
             "推荐单位填写简称：石家庄、承德、张家口、秦皇岛、唐山、廊坊、保定、沧州、衡水、邢台、邯郸、省直机关。")
XJ219 = Rule("XJ219", ERROR, "内容的类型不对",
             "这里应当是一段文字、一个列表或“键: 值”结构，而实际写成了别的（常见原因是缩进不对，"
             "或列表项前少了“- ”）。")
XJ220 = Rule("XJ220", WARNING, "没有填写公示情况",
             "通知要求对推荐对象“采取适当方式公示”。请在“公示情况”中写明公示时间、范围和结果。")
XJ221 = Rule("XJ221", ERROR, "推荐对象尚未填写",
             "这个推荐对象的所有栏目都还空着（多见于 `xianjin init` 生成的文件）。每个空着的推荐对象只报一条，"
             "不逐栏报错；填写后才会逐栏检查。")
XJ222 = Rule("XJ222", ERROR, "字体中没有这个字（排版时检查）",
             "xianjin render 在写出任何文件之前逐字检查：姓名、单位等内容中的每个字，样式表中的每一组字体都要能印出。"
             "没有字形的字会印成空框，所以报错，并指出推荐对象、栏目和码位。多见于极生僻的字（如扩展 I 区）"
             "或字体没有装全：运行 scripts/setup.sh 安装 fonts-noto-cjk 和 fonts-babelstone-han，或改用常见写法。"
             "xianjin validate 不检查这一条（不看排版用的字体）。")
XJ223 = Rule("XJ223", ERROR, "活动文件中的数值不合理",
             "用 --campaign 加载的活动文件（名额、幅度、截止日期、词表）本身有误：名额、递补名额是负数或大得离谱"
             "（超过 1000），推荐单位的列表或某个词表是空的，幅度或年龄、字数的上下限颠倒，推荐单位的名称重复，"
             "简称对应的全称不在表中。提示指向出错的那个值。活动文件有误时什么都不检查，退出码为 2。")


@XJ204.checker
def _age(unit):
    campaign = unit.campaign
    for e in unit.valid_entries(EXEMPLARS):
        age = campaign.age(*e.model.born)
        if age > campaign.年龄.提示上限:
            loc = e.path + ("出生年月",)
            yield XJ204.problem(unit.path, unit.loaded.where(loc), field_path(loc),
                                f"截至报送截止日期年龄为 {age} 岁，超过 {campaign.年龄.提示上限} 岁；请确认出生年月无误")


def _phones(unit):
    if unit.header:
        yield ("联系电话",), unit.header.联系电话
    for e in unit.valid_entries():
        if hasattr(e.model, "单位电话"):
            yield e.path + ("单位电话",), e.model.单位电话


@XJ210.checker
def _area_code(unit):
    quota = unit.campaign.units.get(unit.unit or "")
    if quota is None:
        return
    for loc, text in _phones(unit):
        phone = values.parse_phone(text)
        if not phone.is_mobile and phone.area not in quota.区号:
            yield XJ210.problem(unit.path, unit.loaded.where(loc), field_path(loc),
                                f"区号 {phone.area} 不是{quota.名称}的区号（应为 {'、'.join(quota.区号)}），请核对")


@XJ211.checker
def _mobile(unit):
    for loc, text in _phones(unit):
        if values.parse_phone(text).is_mobile:
            yield XJ211.problem(unit.path, unit.loaded.where(loc), field_path(loc),
                                f"“{text}”是手机号码；表上要求填写带区号的固定电话，如 0311-86688001")


@XJ214.checker
def _late(unit):
    deadline = unit.campaign.报送截止日期
    if unit.header and unit.header.报送日期 > deadline:
        yield XJ214.problem(unit.path, unit.loaded.where(("报送日期",)), "报送日期",
                            f"报送日期 {unit.header.报送日期:%Y-%m-%d} 晚于截止日期 {deadline:%Y-%m-%d}")


@XJ215.checker
def _material_length(unit):
    limits = unit.campaign.字数.典型事迹材料
    for e in unit.valid_entries():
        n = non_whitespace_length(e.model.典型事迹材料)
        if not limits.下限 <= n <= limits.上限:
            loc = e.path + ("典型事迹材料",)
            yield XJ215.problem(unit.path, unit.loaded.where(loc), field_path(loc),
                                f"典型事迹材料有 {n} 字，通知要求 2000 字左右（{limits.下限}–{limits.上限} 字）")


@XJ216.checker
def _deeds_length(unit):
    limit = unit.campaign.字数.主要事迹上限
    for e in unit.valid_entries():
        text = getattr(e.model, "主要事迹", None)
        if text and (n := non_whitespace_length(text)) > limit:
            loc = e.path + ("主要事迹",)
            yield XJ216.problem(unit.path, unit.loaded.where(loc), field_path(loc),
                                f"表中主要事迹有 {n} 字，超过 {limit} 字，审批表会续页；请压缩为摘要")


@XJ217.checker
def _sector(unit):
    for e in unit.valid_entries():
        if e.model.所属行业 not in unit.campaign.sectors:
            loc = e.path + ("所属行业",)
            yield XJ217.problem(unit.path, unit.loaded.where(loc), field_path(loc),
                                f"“{e.model.所属行业}”不在通知所列行业中（如 税务、卫生、教育、行政服务中心），请核对")


@XJ220.checker
def _publicity(unit):
    if unit.header and not unit.header.公示情况:
        yield XJ220.problem(unit.path, unit.loaded.where_key(("公示情况",)), "公示情况",
                            "没有填写公示情况；通知要求推荐对象经过公示，请写明公示的时间、范围和结果")
