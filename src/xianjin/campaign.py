"""The campaign — quotas, ranges, deadline and vocabularies — and the words of the forms.

The 2012 Hebei round ships as `data/hebei-2012.yaml`; another round or province is
another file passed with `--campaign`, not a code change. Reading such a file is the
engine's job (`xianjin.validate.load_campaign`): this module only says what one holds.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationInfo, model_validator

from xianjin import values

DEFAULT_CAMPAIGN = Path(__file__).parent / "data" / "hebei-2012.yaml"

WINDOWS, EXEMPLARS, BRANDS = "群众满意窗口", "行业服务标兵", "优质服务品牌"
CATEGORIES = (WINDOWS, EXEMPLARS, BRANDS)
FORMAL, ALTERNATE = "推荐对象", "递补对象"


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# A campaign file is user data too: `init` builds one slot per place, so a quota of 10⁹ must be
# refused where it is typed, not discovered as an exhausted memory.
MAX_COUNT = 1000
MAX_TOTAL = 100_000


class Unreasonable(ValueError):
    """A value of the campaign file that cannot be right (a negative quota, an empty list).

    Told under its own rule by `xianjin.model_errors`, at the line and column of the value;
    this layer knows no rule codes."""


def _between(low: int, high: int, what: str):
    def check(value: int) -> int:
        if value < 0:
            raise Unreasonable(f"{what}“{value}”不能是负数")
        if not low <= value <= high:
            raise Unreasonable(f"{what}“{value}”不合理：应在 {low}–{high} 之间")
        return value

    return AfterValidator(check)


def _not_empty(what: str):
    def check(value):
        if not value:
            raise Unreasonable(f"{what}不能是空的")
        return value

    return AfterValidator(check)


def _text(value: str) -> str:
    if not value.strip():
        raise Unreasonable("这一项不能是空的")
    return value


def _area_codes(codes: tuple[str, ...]) -> tuple[str, ...]:
    for code in codes:
        if not re.fullmatch(r"0\d{2,3}", code):
            raise Unreasonable(f"区号“{code}”不对：应是 0 加 2–3 位数字，如 0311")
    return codes


Count = Annotated[int, _between(0, MAX_COUNT, "名额")]
Text = Annotated[str, AfterValidator(_text)]
Words = Annotated[tuple[str, ...], _not_empty("这个词表")]


class UnitQuota(_Data):
    名称: Text
    填报单位: Text
    区号: Annotated[tuple[str, ...], _not_empty("区号"), AfterValidator(_area_codes)]
    群众满意窗口: Count
    行业服务标兵: Count
    优质服务品牌: tuple[Count, Count]

    def quota(self, category: str) -> int:
        return getattr(self, category)


Age = Annotated[int, _between(0, 150, "年龄")]
Length = Annotated[int, _between(0, 1_000_000, "字数")]


class AgeLimits(_Data):
    下限: Age
    上限: Age
    提示上限: Age


class MaterialLength(_Data):
    下限: Length
    上限: Length


class Lengths(_Data):
    典型事迹材料: MaterialLength
    主要事迹上限: Length


class Award(_Data):
    """The words of the 表彰决定 and the 荣誉证书 that a decisions file does not give."""

    决定标题: Text
    主送: Text
    印发机关: Text
    名单标题: Text
    称号: dict[str, str]  # category → the honour's full name
    正文: Text  # {群众满意窗口} and the others become the numbers awarded
    证书用语: Text


class Campaign(_Data):
    名称: str
    文号: str
    发文机关: str
    审批机关: str
    报送截止日期: date
    递补名额: Annotated[int, _between(0, MAX_COUNT, "递补名额")]
    全省名额: dict[str, Annotated[int, _between(0, MAX_TOTAL, "全省名额")]]
    表彰: Award
    推荐单位: Annotated[tuple[UnitQuota, ...], _not_empty("推荐单位的列表")]
    行业: Words
    年龄: AgeLimits
    字数: Lengths
    性别: Words
    民族: Words
    政治面貌: Words
    政治面貌别称: dict[str, str]
    学历: Words
    学历简称: dict[str, str]

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> "Campaign":
        found = list(self.inconsistencies())
        collect = (info.context or {}).get("inconsistencies")
        if collect is not None:
            collect.extend(found)  # load_campaign reports each at its own line and column
        elif found:
            raise Unreasonable(found[0][1])
        return self

    def inconsistencies(self):
        """(path in the file, Chinese message) of every value that contradicts another."""
        seen: set[str] = set()
        for i, u in enumerate(self.推荐单位):
            if u.名称 in seen:
                yield ("推荐单位", i, "名称"), f"推荐单位的名称有重复：“{u.名称}”写了两次"
            seen.add(u.名称)
            low, high = u.优质服务品牌
            if low > high:
                yield ("推荐单位", i, "优质服务品牌"), (f"{u.名称}的优质服务品牌幅度 {low}–{high} 不对："
                                                     "下限不能大于上限")
        if set(self.表彰.称号) != set(CATEGORIES):
            yield ("表彰", "称号"), f"表彰的称号应当正好写明{'、'.join(CATEGORIES)}三类"
        for alias, full in self.学历简称.items():
            if full not in self.学历:
                yield ("学历简称", alias), f"学历简称“{alias}”对应的“{full}”不在学历表中"
        for alias, full in self.政治面貌别称.items():
            if full not in self.政治面貌:
                yield ("政治面貌别称", alias), f"政治面貌别称“{alias}”对应的“{full}”不在政治面貌表中"
        age = self.年龄
        if age.下限 > age.上限:
            yield ("年龄", "下限"), f"年龄的下限 {age.下限} 大于上限 {age.上限}；年龄应满足 下限 ≤ 提示上限 ≤ 上限"
        elif not age.下限 <= age.提示上限 <= age.上限:
            yield ("年龄", "提示上限"), (f"年龄的提示上限 {age.提示上限} 不在下限 {age.下限} 与上限 {age.上限} 之间；"
                                        "年龄应满足 下限 ≤ 提示上限 ≤ 上限")
        words = self.字数.典型事迹材料
        if words.下限 > words.上限:
            yield ("字数", "典型事迹材料", "下限"), f"典型事迹材料字数的下限 {words.下限} 大于上限 {words.上限}"

    @cached_property
    def units(self) -> dict[str, UnitQuota]:
        return {u.名称: u for u in self.推荐单位}

    @cached_property
    def sectors(self) -> frozenset[str]:
        return frozenset(self.行业)

    def age(self, year: int, month: int) -> int:
        """The age, in full years at the 报送截止日期, of someone born in that month."""
        return values.age_on(year, month, self.报送截止日期)
