"""The campaign — quotas, ranges, deadline and vocabularies — and the words of the forms.

The 2012 Hebei round ships as `data/hebei-2012.yaml`; another round or province is
another file passed with `--campaign`, not a code change. Reading such a file is the
engine's job (`xianjin.validate.load_campaign`): this module only says what one holds.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from xianjin import values

DEFAULT_CAMPAIGN = Path(__file__).parent / "data" / "hebei-2012.yaml"

WINDOWS, EXEMPLARS, BRANDS = "群众满意窗口", "行业服务标兵", "优质服务品牌"
CATEGORIES = (WINDOWS, EXEMPLARS, BRANDS)
FORMAL, ALTERNATE = "推荐对象", "递补对象"


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class UnitQuota(_Data):
    名称: str
    填报单位: str
    区号: tuple[str, ...]
    群众满意窗口: int
    行业服务标兵: int
    优质服务品牌: tuple[int, int]

    def quota(self, category: str) -> int:
        return getattr(self, category)


class AgeLimits(_Data):
    下限: int
    上限: int
    提示上限: int


class MaterialLength(_Data):
    下限: int
    上限: int


class Lengths(_Data):
    典型事迹材料: MaterialLength
    主要事迹上限: int


class Award(_Data):
    """The words of the 表彰决定 and the 荣誉证书 that a decisions file does not give."""

    决定标题: str
    主送: str
    印发机关: str
    名单标题: str
    称号: dict[str, str]  # category → the honour's full name
    正文: str  # {群众满意窗口} and the others become the numbers awarded
    证书用语: str


class Campaign(_Data):
    名称: str
    文号: str
    发文机关: str
    审批机关: str
    报送截止日期: date
    递补名额: int
    全省名额: dict[str, int]
    表彰: Award
    推荐单位: tuple[UnitQuota, ...]
    行业: tuple[str, ...]
    年龄: AgeLimits
    字数: Lengths
    性别: tuple[str, ...]
    民族: tuple[str, ...]
    政治面貌: tuple[str, ...]
    政治面貌别称: dict[str, str]
    学历: tuple[str, ...]
    学历简称: dict[str, str]

    @model_validator(mode="after")
    def _consistent(self) -> "Campaign":
        names = [u.名称 for u in self.推荐单位]
        if len(set(names)) != len(names):
            raise ValueError("推荐单位的名称有重复")
        for alias, full in self.学历简称.items():
            if full not in self.学历:
                raise ValueError(f"学历简称“{alias}”对应的“{full}”不在学历表中")
        for u in self.推荐单位:
            low, high = u.优质服务品牌
            if not 0 <= low <= high:
                raise ValueError(f"{u.名称}的优质服务品牌幅度 {low}–{high} 不对：下限不能大于上限")
        if set(self.表彰.称号) != set(CATEGORIES):
            raise ValueError(f"表彰的称号应当正好写明{'、'.join(CATEGORIES)}三类")
        if not self.年龄.下限 <= self.年龄.提示上限 <= self.年龄.上限:
            raise ValueError("年龄应满足 下限 ≤ 提示上限 ≤ 上限")
        return self

    @cached_property
    def units(self) -> dict[str, UnitQuota]:
        return {u.名称: u for u in self.推荐单位}

    @cached_property
    def sectors(self) -> frozenset[str]:
        return frozenset(self.行业)

    def age(self, year: int, month: int) -> int:
        """The age, in full years at the 报送截止日期, of someone born in that month."""
        return values.age_on(year, month, self.报送截止日期)
