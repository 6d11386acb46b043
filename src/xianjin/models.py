"""Pydantic models of a submission and of the three nominee kinds, in the forms' own words.

Field names are the labels printed on the forms (附件2), so the YAML a clerk fills in,
the error messages and the templates all use one vocabulary. The vocabularies come
from the campaign, passed as validation context: `Window.model_validate(data,
context={"campaign": c})`. A validator that refuses a value raises a PydanticCustomError
whose type is the rule code, so `messages.py` reports it with that code unchanged.
"""

from __future__ import annotations

import difflib
import unicodedata
from datetime import date
from typing import Annotated, Any, ClassVar

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field,
                      ValidationInfo)
from pydantic_core import PydanticCustomError

from xianjin import values
from xianjin.campaign import Campaign


def _fail(code: str, message: str) -> PydanticCustomError:
    # The message goes through a context value so that braces in a clerk's text are kept.
    return PydanticCustomError(code, "{message}", {"message": message})


def _campaign(info: ValidationInfo) -> Campaign:
    return info.context["campaign"]


def _required(text: str) -> str:
    if not text.strip():
        raise _fail("XJ201", "这一项是必填项，不能空着")
    return text


def _line(text: str) -> str:
    return " ".join(_required(text).split())


def _block(text: str) -> str:
    # Keep the clerk's paragraphs; drop only trailing spaces and the final newline of a `|` block.
    return "\n".join(ln.rstrip() for ln in _required(text).strip("\n").splitlines()).strip("\n")


Line = Annotated[str, AfterValidator(_line)]
Block = Annotated[str, AfterValidator(_block)]


def _absent_if_blank(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


# An optional field left as the starter file's '' is simply not filled in.
OptionalLine = Annotated[Line | None, BeforeValidator(_absent_if_blank)]
OptionalBlock = Annotated[Block | None, BeforeValidator(_absent_if_blank)]


def _name(text: str) -> str:
    _required(text)
    try:
        return values.normalise_name(text)
    except ValueError as exc:
        raise _fail("XJ212", f"{values.quote(text)}不是有效的姓名：{exc}") from None


def _phone(text: str) -> str:
    _required(text)
    try:
        return str(values.parse_phone(text))
    except ValueError as exc:
        raise _fail("XJ209", f"{values.quote(text)}不是有效的电话号码，{exc}，例如 0311-86688001") from None


def _date(text: Any) -> date:
    if isinstance(text, date):
        return text
    if not isinstance(text, str):
        raise _fail("XJ219", "应当填写日期，例如 2012-08-15")
    _required(text)
    try:
        return values.parse_date(text)
    except ValueError as exc:
        raise _fail("XJ213", f"{values.quote(text)}不是有效的日期（{exc}），应写成 2012-08-15") from None


PersonName = Annotated[str, AfterValidator(_name)]
PhoneText = Annotated[str, AfterValidator(_phone)]
Date = Annotated[date, BeforeValidator(_date)]


def _vocabulary(code: str, label: str, entries: str, aliases: str | None = None,
                accept_aliases: bool = False):
    """A validator for a field whose value must come from one of the campaign's lists."""

    def check(text: str, info: ValidationInfo) -> str:
        value = "".join(_required(text).split())
        campaign = _campaign(info)
        allowed = getattr(campaign, entries)
        if value in allowed:
            return value
        alias_map = getattr(campaign, aliases) if aliases else {}
        if value in alias_map:
            if accept_aliases:
                return alias_map[value]
            raise _fail(code, f"{values.quote(text)}不是规范写法，应写作“{alias_map[value]}”")
        hint = _nearest(value, allowed)
        right = f"应写作“{hint}”" if hint else "应为" + _listing(allowed)
        raise _fail(code, f"{values.quote(text)}不是有效的{label}，{right}")

    return AfterValidator(check)


def _nearest(value: str, allowed: tuple[str, ...]) -> str | None:
    # A one-character prefix (“无”, “中”) says too little to suggest anything from.
    if len(value) >= 2:
        for candidate in allowed:
            if candidate.startswith(value) or value.startswith(candidate):
                return candidate
    close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)
    return close[0] if close else None


def _listing(allowed: tuple[str, ...]) -> str:
    shown = "、".join(allowed[:13])
    return f"{shown}{'等' if len(allowed) > 13 else ''}之一"


def _birth_month(text: str, info: ValidationInfo) -> str:
    _required(text)
    try:
        year, month = values.parse_month(text)
    except ValueError as exc:
        raise _fail("XJ203", f"{values.quote(text)}不是有效的出生年月（{exc}），应写成“1978.05”") from None
    campaign = _campaign(info)
    deadline, limits = campaign.报送截止日期, campaign.年龄
    age = values.age_on(year, month, deadline)
    if not limits.下限 <= age <= limits.上限:
        raise _fail("XJ203", f"按出生年月 {values.format_month(year, month)} 计算，截至 {deadline:%Y年%m月%d日} "
                    f"年龄为 {age} 岁，不在 {limits.下限}–{limits.上限} 岁之间；请核对出生年月")
    return values.format_month(year, month)


def _unit_name(text: str, info: ValidationInfo) -> str:
    value = "".join(_required(text).split())
    units = _campaign(info).units
    if value in units:
        return value
    for name in units:  # 石家庄市 / 中共石家庄市委 → 石家庄
        if name in value:
            raise _fail("XJ218", f"{values.quote(text)}应写作推荐单位的简称“{name}”")
    raise _fail("XJ218", f"{values.quote(text)}不是推荐单位，应为{_listing(tuple(units))}")


class Form(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)


# --- approval stages printed at the bottom of each form -------------------------------

class Approval(Form):
    意见: Line = Field(description="审批意见，如：同意推荐")
    日期: Annotated[Date | None, BeforeValidator(_absent_if_blank)] = Field(
        None, description="签署日期，如 2012-08-10")


# A stage not yet signed may be left out, null or ''.
Stage = Annotated[Approval | None, BeforeValidator(_absent_if_blank)]


class Approvals(Form):
    主管单位党组织: Stage = Field(None, description="主管单位党组织意见")
    推荐单位领导小组: Stage = Field(None, description="市委或省直机关创先争优活动领导小组意见")
    省委领导小组: Stage = Field(None, description="省委创先争优活动领导小组审批意见")


class BrandApprovals(Form):
    """The brand form has no 主管单位 stage."""

    推荐单位领导小组: Stage = Field(None, description="市委或省直机关创先争优活动领导小组意见")
    省委领导小组: Stage = Field(None, description="省委创先争优活动领导小组审批意见")


# --- the three nominee kinds ----------------------------------------------------------

# Every kind of quotation mark, opening or closing, Chinese or ASCII, counts as one.
_SAME_QUOTES = str.maketrans({**{c: '"' for c in "“”„‟〝〞〟«»「」『』"}, **{c: "'" for c in "‘’‚‛‹›"}})


def same_text(text: str) -> str:
    """What two spellings of one name have in common: full-width and half-width forms (NFKC),
    no spaces, one kind of quotation mark. “阳光”服务窗口 and "阳光"服务窗口 are one window."""
    return "".join(unicodedata.normalize("NFKC", text).split()).translate(_SAME_QUOTES)


class Nominee(Form):
    category: ClassVar[str]
    title_field: ClassVar[str]

    @property
    def title(self) -> str:
        return getattr(self, self.title_field)

    @property
    def identity(self) -> tuple[str, ...]:
        """What makes two nominations the same window, brand or person.

        Spaces and the kind of quotes do not make a different window: “e路通” and "e路通" are one.
        """
        return (same_text(self.title),)


class Window(Nominee):
    category: ClassVar[str] = "群众满意窗口"
    title_field: ClassVar[str] = "服务窗口名称"

    服务窗口名称: Line = Field(description="服务窗口名称（全称）")
    所属单位: Line = Field(description="窗口所属单位")
    所属行业: Line = Field(description="通知所列行业之一，如 税务、卫生、行政服务中心")
    党组织负责人: PersonName = Field(description="党组织负责人姓名")
    单位电话: PhoneText = Field(description="区号-号码，如 0311-87654321")
    窗口情况简介: Block = Field(description="窗口情况简介")
    主要事迹: Block = Field(description="表中的主要事迹，1000 字以内")
    典型事迹材料: Block = Field(description="2000 字左右的典型事迹材料")
    审批意见: Approvals | None = Field(None, description="各级审批意见（可不填，打印时留空）")


class Exemplar(Nominee):
    category: ClassVar[str] = "行业服务标兵"
    title_field: ClassVar[str] = "姓名"

    姓名: PersonName = Field(description="姓名（汉字；少数民族姓名可用“·”）")
    性别: Annotated[str, _vocabulary("XJ205", "性别", "性别")] = Field(description="男 或 女")
    出生年月: Annotated[str, AfterValidator(_birth_month)] = Field(description="如 1978.05")
    民族: Annotated[str, _vocabulary("XJ206", "民族", "民族")] = Field(description="如 汉族、回族、满族")
    学历: Annotated[str, _vocabulary("XJ208", "学历", "学历", "学历简称", accept_aliases=True)] = Field(
        description="GB/T 4658，如 大学本科、大学专科")
    政治面貌: Annotated[str, _vocabulary("XJ207", "政治面貌", "政治面貌", "政治面貌别称")] = Field(
        description="GB/T 4762，如 中共党员、群众")
    工作单位及职务: Line = Field(description="工作单位及职务")
    所属行业: Line = Field(description="通知所列行业之一，如 卫生、教育")
    工作简历: Block = Field(description="每行一段：1996.09—2000.07 单位 职务")
    主要事迹: Block = Field(description="表中的主要事迹，1000 字以内")
    典型事迹材料: Block = Field(description="2000 字左右的典型事迹材料")
    审批意见: Approvals | None = Field(None, description="各级审批意见（可不填，打印时留空）")

    @property
    def identity(self) -> tuple[str, ...]:
        return (same_text(self.姓名), self.出生年月)


class Brand(Nominee):
    category: ClassVar[str] = "优质服务品牌"
    title_field: ClassVar[str] = "服务品牌名称"

    服务品牌名称: Line = Field(description="服务品牌名称（全称）")
    所属单位: Line = Field(description="品牌所属单位")
    所属行业: Line = Field(description="通知所列行业之一")
    党组织负责人: PersonName = Field(description="党组织负责人姓名")
    单位电话: PhoneText = Field(description="区号-号码，如 0311-86012345")
    品牌简介: Block = Field(description="品牌简介")
    曾受表彰情况: Line = Field(description="曾受表彰情况；没有写“无”")
    典型事迹材料: Block = Field(description="2000 字左右的典型事迹材料")
    审批意见: BrandApprovals | None = Field(None, description="各级审批意见（可不填，打印时留空）")


NOMINEE_KINDS: dict[str, type[Nominee]] = {k.category: k for k in (Window, Exemplar, Brand)}


# --- the submission -------------------------------------------------------------------

class Header(Form):
    推荐单位: Annotated[str, AfterValidator(_unit_name)] = Field(description="推荐单位简称，如 石家庄、省直机关")
    填报单位: Line = Field(description="印在每张表上的填报单位，如 中共石家庄市委创先争优活动领导小组")
    报送日期: Date = Field(description="如 2012-08-15")
    联系人: PersonName = Field(description="联系人姓名")
    联系电话: PhoneText = Field(description="区号-号码")
    公示情况: OptionalLine = Field(None, description="公示的时间、范围和结果")
    推荐情况报告: OptionalBlock = Field(None, description="《推荐情况的报告》正文")


class WindowCategory(Form):
    推荐对象: list[Window] = Field(description="按排序填写，序号即审批表编号")
    递补对象: list[Window] = Field(default_factory=list, description="递补对象 2 个，依次排序")


class ExemplarCategory(Form):
    推荐对象: list[Exemplar] = Field(description="按排序填写，序号即审批表编号")
    递补对象: list[Exemplar] = Field(default_factory=list, description="递补对象 2 名，依次排序")


class BrandCategory(Form):
    推荐对象: list[Brand] = Field(description="市 1–2 个，省直机关 5–6 个")


class Submission(Header):
    """One unit's whole file. Built from parts validated one by one (see validate.py)."""

    群众满意窗口: WindowCategory
    行业服务标兵: ExemplarCategory
    优质服务品牌: BrandCategory

    def category(self, name: str) -> WindowCategory | ExemplarCategory | BrandCategory:
        return getattr(self, name)


CATEGORY_MODELS: dict[str, type[Form]] = {
    "群众满意窗口": WindowCategory, "行业服务标兵": ExemplarCategory, "优质服务品牌": BrandCategory}
HEADER_KEYS = tuple(Header.model_fields)
