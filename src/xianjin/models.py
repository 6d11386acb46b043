"""Pydantic models of a submission and of the three nominee kinds, in the forms' own words.

Field names are the labels printed on the forms (附件2), so the YAML a clerk fills in,
the error messages and the templates all use one vocabulary. The vocabularies come
from the campaign, passed as pydantic's validation context: `Window.model_validate(data,
context={"campaign": c})`. A validator that refuses a value raises its Rule's `Refused`
(`raise XJ205.refuse(…)`), which `model_errors` reports under that rule unchanged.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Annotated, Any, ClassVar, Iterable, Iterator, TypeVar, get_args, get_origin

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field,
                      ValidationInfo)

from xianjin import values
from xianjin.campaign import BRANDS, EXEMPLARS, WINDOWS, Campaign
from xianjin.rules.fields import (XJ201, XJ203, XJ205, XJ206, XJ207, XJ208, XJ209, XJ212, XJ213,
                                  XJ218, XJ219)
from xianjin.rules.rule import Rule
from xianjin.text import nearest, quote, squeeze


T = TypeVar("T")


def _campaign(info: ValidationInfo) -> Campaign:
    return info.context["campaign"]


def _required(text: str) -> str:
    if not text.strip():
        raise XJ201.refuse("这一项是必填项，不能空着")
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
        raise XJ212.refuse(f"{quote(text)}不是有效的姓名：{exc}") from None


def _phone(text: str) -> str:
    _required(text)
    try:
        return str(values.parse_phone(text))
    except ValueError as exc:
        raise XJ209.refuse(f"{quote(text)}不是有效的电话号码，{exc}，例如 0311-86688001") from None


def _date(text: Any) -> date:
    if isinstance(text, date):
        return text
    if text is None:  # `报送日期:` left empty, as the starter file writes it
        raise XJ201.refuse("这一项是必填项，不能空着")
    if not isinstance(text, str):
        raise XJ219.refuse("应当填写日期，例如 2012-08-15")
    _required(text)
    try:
        return values.parse_date(text)
    except ValueError as exc:
        raise XJ213.refuse(f"{quote(text)}不是有效的日期（{exc}），应写成 2012-08-15") from None


PersonName = Annotated[str, AfterValidator(_name)]
PhoneText = Annotated[str, AfterValidator(_phone)]
Date = Annotated[date, BeforeValidator(_date)]
OptionalDate = Annotated[Date | None, BeforeValidator(_absent_if_blank)]


def _vocabulary(rule: Rule, label: str, entries: str, aliases: str | None = None,
                accept_aliases: bool = False):
    """A validator for a field whose value must come from one of the campaign's lists."""

    def check(text: str, info: ValidationInfo) -> str:
        value = squeeze(_required(text))
        campaign = _campaign(info)
        allowed = getattr(campaign, entries)
        if value in allowed:
            return value
        alias_map = getattr(campaign, aliases) if aliases else {}
        if value in alias_map:
            if accept_aliases:
                return alias_map[value]
            raise rule.refuse(f"{quote(text)}不是规范写法，应写作“{alias_map[value]}”")
        hint = nearest(value, allowed, cutoff=0.6)
        right = f"应写作“{hint}”" if hint else "应为" + _listing(allowed)
        raise rule.refuse(f"{quote(text)}不是有效的{label}，{right}")

    return AfterValidator(check)


def _listing(allowed: tuple[str, ...]) -> str:
    shown = "、".join(allowed[:13])
    return f"{shown}{'等' if len(allowed) > 13 else ''}之一"


def _birth_month(text: str, info: ValidationInfo) -> str:
    _required(text)
    try:
        year, month = values.parse_month(text)
    except ValueError as exc:
        raise XJ203.refuse(f"{quote(text)}不是有效的出生年月（{exc}），应写成“1978.05”") from None
    campaign = _campaign(info)
    deadline, limits = campaign.报送截止日期, campaign.年龄
    age = campaign.age(year, month)
    if not limits.下限 <= age <= limits.上限:
        raise XJ203.refuse(f"按出生年月 {values.format_month(year, month)} 计算，截至 {deadline:%Y年%m月%d日} "
                    f"年龄为 {age} 岁，不在 {limits.下限}–{limits.上限} 岁之间；请核对出生年月")
    return values.format_month(year, month)


def _unit_name(text: str, info: ValidationInfo) -> str:
    value = squeeze(_required(text))
    units = _campaign(info).units
    if value in units:
        return value
    for name in units:  # 石家庄市 / 中共石家庄市委 → 石家庄
        if name in value:
            raise XJ218.refuse(f"{quote(text)}应写作推荐单位的简称“{name}”")
    raise XJ218.refuse(f"{quote(text)}不是推荐单位，应为{_listing(tuple(units))}")


UnitName = Annotated[str, AfterValidator(_unit_name)]


class StrictModel(BaseModel):
    """Every model of a submission: no key the form does not have, values fixed once read."""

    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)


# --- approval stages printed at the bottom of each form -------------------------------

class Approval(StrictModel):
    意见: Line = Field(description="审批意见，如：同意推荐")
    日期: OptionalDate = Field(
        None, description="签署日期，如 2012-08-10")


# A stage not yet signed may be left out, null or ''.
Stage = Annotated[Approval | None, BeforeValidator(_absent_if_blank)]


class Approvals(StrictModel):
    主管单位党组织: Stage = Field(None, description="主管单位党组织意见")
    推荐单位领导小组: Stage = Field(None, description="市委或省直机关创先争优活动领导小组意见")
    省委领导小组: Stage = Field(None, description="省委创先争优活动领导小组审批意见")


class BrandApprovals(StrictModel):
    """The brand form has no 主管单位 stage."""

    推荐单位领导小组: Stage = Field(None, description="市委或省直机关创先争优活动领导小组意见")
    省委领导小组: Stage = Field(None, description="省委创先争优活动领导小组审批意见")


# --- the three nominee kinds ----------------------------------------------------------

# Every kind of quotation mark, opening or closing, Chinese or ASCII, counts as one.
_SAME_QUOTES = str.maketrans({**{c: '"' for c in "“”„‟〝〞〟«»「」『』"}, **{c: "'" for c in "‘’‚‛‹›"}})


def same_text(text: str) -> str:
    """What two spellings of one name have in common: full-width and half-width forms (NFKC),
    no spaces, one kind of quotation mark. “阳光”服务窗口 and "阳光"服务窗口 are one window."""
    return squeeze(unicodedata.normalize("NFKC", text)).translate(_SAME_QUOTES)


class Nominee(StrictModel):
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
    category: ClassVar[str] = WINDOWS
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
    category: ClassVar[str] = EXEMPLARS
    title_field: ClassVar[str] = "姓名"

    姓名: PersonName = Field(description="姓名（汉字；少数民族姓名可用“·”）")
    性别: Annotated[str, _vocabulary(XJ205, "性别", "性别")] = Field(description="男 或 女")
    出生年月: Annotated[str, AfterValidator(_birth_month)] = Field(description="如 1978.05")
    民族: Annotated[str, _vocabulary(XJ206, "民族", "民族")] = Field(description="如 汉族、回族、满族")
    学历: Annotated[str, _vocabulary(XJ208, "学历", "学历", "学历简称", accept_aliases=True)] = Field(
        description="GB/T 4658，如 大学本科、大学专科")
    政治面貌: Annotated[str, _vocabulary(XJ207, "政治面貌", "政治面貌", "政治面貌别称")] = Field(
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

    @property
    def born(self) -> tuple[int, int]:
        """(year, month) of the 出生年月, which the validator has already read and normalised."""
        return values.parse_month(self.出生年月)


class Brand(Nominee):
    category: ClassVar[str] = BRANDS
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

class Header(StrictModel):
    推荐单位: UnitName = Field(description="推荐单位简称，如 石家庄、省直机关")
    填报单位: Line = Field(description="印在每张表上的填报单位，如 中共石家庄市委创先争优活动领导小组")
    报送日期: Date = Field(description="如 2012-08-15")
    联系人: PersonName = Field(description="联系人姓名")
    联系电话: PhoneText = Field(description="区号-号码")
    公示情况: OptionalLine = Field(None, description="公示的时间、范围和结果")
    推荐情况报告: OptionalBlock = Field(None, description="《推荐情况的报告》正文")


def numbered(lists: Iterable[tuple[str, list[T]]]) -> Iterator[tuple[str, int, int, T]]:
    """(section, index in it, 编号, item) over a category's lists, in rank order.

    The 编号 on the form is the 序号 in the ranking table: the formal nominees are 1…N
    in list order and the alternates continue N+1, N+2.
    """
    number = 0
    for section, items in lists:
        for index, item in enumerate(items):
            number += 1
            yield section, index, number, item


class Category(StrictModel):
    """The ranked lists of one category: 推荐对象, then (for two of them) 递补对象."""

    def numbered(self) -> Iterator[tuple[str, int, int, Nominee]]:
        return numbered((section, getattr(self, section)) for section in type(self).model_fields)


class WindowCategory(Category):
    推荐对象: list[Window] = Field(description="按排序填写，序号即审批表编号")
    递补对象: list[Window] = Field(default_factory=list, description="递补对象 2 个，依次排序")


class ExemplarCategory(Category):
    推荐对象: list[Exemplar] = Field(description="按排序填写，序号即审批表编号")
    递补对象: list[Exemplar] = Field(default_factory=list, description="递补对象 2 名，依次排序")


class BrandCategory(Category):
    推荐对象: list[Brand] = Field(description="市 1–2 个，省直机关 5–6 个")


class Submission(Header):
    """One unit's whole file, once every part of it is valid: what `xianjin render` prints.

    Assembled by the engine from parts validated one by one (see validate.py), so that one
    wrong field does not hide the others.
    """

    群众满意窗口: WindowCategory
    行业服务标兵: ExemplarCategory
    优质服务品牌: BrandCategory

    def category(self, name: str) -> Category:
        return getattr(self, name)


CATEGORY_MODELS: dict[str, type[Category]] = {
    WINDOWS: WindowCategory, EXEMPLARS: ExemplarCategory, BRANDS: BrandCategory}
HEADER_KEYS = tuple(Header.model_fields)


def _block_fields(model: type[BaseModel]) -> frozenset[str]:
    """The fields declared as `Block` (multi-line text), in `model` and the models inside it."""
    found: set[str] = set()
    for name, info in model.model_fields.items():
        pending = [info.rebuild_annotation()]
        while pending:
            tp = pending.pop()
            if tp == Block:
                found.add(name)
            elif get_origin(tp) is None and isinstance(tp, type) and issubclass(tp, BaseModel):
                found |= _block_fields(tp)
            else:
                pending.extend(get_args(tp))
    return frozenset(found)


# What the forms print as paragraphs: written as `|` blocks by init and the example generator.
BLOCK_FIELDS = _block_fields(Submission)
