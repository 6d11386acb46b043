"""Pydantic models of the provincial office's decisions file, in the office's own words.

One file per round, beside the units' files, marked by its top-level `决定`:

    决定: {文号: 冀创组〔2012〕30号, 日期: 2012-09-28}
    考察:                 # only the exceptions: a nominee not listed passed
      - {推荐单位: 衡水, 类别: 群众满意窗口, 编号: 3, 结果: 取消资格, 理由: ……}
    优质服务品牌:          # 综合确定: the brands awarded
      - {推荐单位: 石家庄, 编号: 1}
    递补:                 # an alternate takes the place of a nominee who withdrew
      - {推荐单位: 衡水, 类别: 行业服务标兵, 编号: 13, 替代编号: 4, 理由: 本人因工作调动申请退出}

Each entry is validated on its own (validate.check_decisions), so that one wrong 编号 does not
hide the rest.
"""

from __future__ import annotations

import re
from typing import Annotated, ClassVar

from pydantic import AfterValidator, Field

from xianjin.campaign import BRANDS, CATEGORIES
from xianjin.models import Date, OptionalBlock, OptionalDate, OptionalLine, StrictModel, UnitName
from xianjin.rules.decisions import CANCELLED, PASSED, WITHDRAWN, XJ501, XJ514
from xianjin.rules.fields import XJ201
from xianjin.text import quote, squeeze

DECISIONS_KEY = "决定"
LISTS = ("考察", BRANDS, "递补")
RESULTS = (PASSED, CANCELLED, WITHDRAWN)
# What an office clerk may type for a result or a category, and what it means.
_RESULT_WORDS = {"合格": PASSED, "考察通过": PASSED, "取消": CANCELLED, "取消评选资格": CANCELLED,
                 "不通过": CANCELLED, "不合格": CANCELLED, "申请退出": WITHDRAWN, "本人退出": WITHDRAWN}
_DOC_NUMBER = re.compile(r"\S+〔\d{4}〕[1-9]\d*号")
_BRACKETS = re.compile(r"^(\S+?)\s*[\[［(（【〔]\s*(\d{4})\s*[\]］)）】〕]\s*0*(\d+)\s*号?$")


def _category(text: str) -> str:
    value = squeeze(text)
    if value in CATEGORIES:
        return value
    for category in CATEGORIES:  # 窗口, 为民服务创先争优行业服务标兵
        if value and (value in category or category in value):
            raise XJ501.refuse(f"{quote(text)}应写作“{category}”")
    raise XJ501.refuse(f"{quote(text)}不是类别，应为{'、'.join(CATEGORIES)}之一")


def _result(text: str) -> str:
    value = squeeze(text)
    if value in RESULTS:
        return value
    if value in _RESULT_WORDS:
        raise XJ501.refuse(f"{quote(text)}应写作“{_RESULT_WORDS[value]}”")
    raise XJ501.refuse(f"{quote(text)}不是考察结果，应为{'、'.join(RESULTS)}之一")


def _doc_number(text: str) -> str:
    value = squeeze(text)
    if not value:
        raise XJ201.refuse("这一项是必填项，不能空着")
    if _DOC_NUMBER.fullmatch(value):
        return value
    m = _BRACKETS.match(value)
    if m:
        raise XJ514.refuse(f"{quote(text)}应写作“{m.group(1)}〔{m.group(2)}〕{m.group(3)}号”"
                             "（年份用六角括号〔〕，序号不编虚位）")
    raise XJ514.refuse(f"{quote(text)}不是文号，应写成“冀创组〔2012〕30号”这样")


Category = Annotated[str, AfterValidator(_category)]
Result = Annotated[str, AfterValidator(_result)]
DocNumber = Annotated[str, AfterValidator(_doc_number)]


class Decision(StrictModel):
    文号: DocNumber = Field(description="决定的发文字号，如 冀创组〔2012〕30号")
    日期: Date = Field(description="成文日期，如 2012-09-28；印在决定、审批表和荣誉证书上")
    标题: OptionalLine = Field(None, description="不填时用活动文件中的标题")
    主送: OptionalLine = Field(None, description="主送机关；不填时用活动文件中的写法")
    正文: OptionalBlock = Field(None, description="名单之前的正文；不填时用活动文件中的正文")
    抄送: OptionalLine = Field(None, description="版记中的抄送机关，可不填")
    印发日期: OptionalDate = Field(None, description="版记中的印发日期；不填时与成文日期相同")


_UNIT = Field(description="推荐单位简称，如 衡水、省直机关")
_NUMBER = Field(description="该单位排序表中的序号（= 审批表编号）")


class Entry(StrictModel):
    """One line of a list: the nominee it names is (推荐单位, 类别, 编号)."""

    number_keys: ClassVar[tuple[str, ...]] = ("编号",)

    @property
    def category(self) -> str:
        return getattr(self, "类别", BRANDS)


class Inspection(Entry):
    推荐单位: UnitName = _UNIT
    类别: Category = Field(description="群众满意窗口、行业服务标兵 或 优质服务品牌")
    编号: int = _NUMBER
    结果: Result = Field(description="通过、取消资格 或 退出")
    理由: OptionalBlock = Field(None, description="取消资格、退出必须写明理由")


class BrandAward(Entry):
    推荐单位: UnitName = _UNIT
    编号: int = _NUMBER


class Promotion(Entry):
    number_keys: ClassVar[tuple[str, ...]] = ("编号", "替代编号")
    推荐单位: UnitName = _UNIT
    类别: Category = Field(description="群众满意窗口 或 行业服务标兵")
    编号: int = Field(description="递补对象的编号（排序表序号 N+1 或 N+2）")
    替代编号: int = Field(description="被替代的（已退出的）推荐对象的编号")
    理由: OptionalBlock = Field(None, description="名额为什么空出，如 本人因工作调动申请退出")


ENTRY_MODELS: dict[str, type[Entry]] = {"考察": Inspection, BRANDS: BrandAward, "递补": Promotion}


class Decisions(StrictModel):
    """The whole file: what the error messages suggest a misspelt key from."""

    决定: Decision
    考察: list[Inspection] = Field(default_factory=list, description="只写例外：没有列出的推荐对象即考察通过")
    优质服务品牌: list[BrandAward] = Field(default_factory=list, description="综合确定表彰的品牌")
    递补: list[Promotion] = Field(default_factory=list, description="递补对象替代已退出的推荐对象")
