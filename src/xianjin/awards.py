"""The decisions file after validation, and what became of every nominee.

The engine (validate.check_decisions) reads the file entry by entry into a DecisionsFile,
`resolve`s it into an Outcome — who is awarded, cancelled, withdrawn, promoted, which
places stay empty — and runs the XJ5xx rules over both. The outcome is resolved from the
valid entries only; a file with errors is never printed from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from xianjin.campaign import BRANDS, Campaign
from xianjin.decisions import Decision, Entry, Inspection
from xianjin.loader import Loaded
from xianjin.problems import FieldPath, Problem, Tally
from xianjin.result import Entry as Nominee
from xianjin.result import UnitFile
from xianjin.rules.decisions import CANCELLED, WITHDRAWN

Ref = tuple[str, str, int]  # (推荐单位, 类别, 编号)

# What became of a nominee: CANCELLED and WITHDRAWN (the inspection's own words), or one of these.
AWARDED, NOT_PROMOTED, NOT_CHOSEN = "表彰", "未递补", "未表彰"


@dataclass
class Item:
    """One valid entry of one of the lists, and where it was typed."""

    section: str  # 考察 / 优质服务品牌 / 递补
    index: int
    model: Entry

    @property
    def path(self) -> FieldPath:
        return (self.section, self.index)

    @property
    def category(self) -> str:
        return self.model.category

    @property
    def ref(self) -> Ref:
        return (self.model.推荐单位, self.category, self.model.编号)

    @property
    def replaced(self) -> Ref:
        return (self.model.推荐单位, self.category, self.model.替代编号)  # type: ignore[attr-defined]

    def numbers(self):
        for key in self.model.number_keys:
            yield key, getattr(self.model, key)


@dataclass
class Fate:
    unit: str
    category: str
    nominee: Nominee
    status: str = AWARDED  # or CANCELLED, WITHDRAWN, NOT_PROMOTED, NOT_CHOSEN
    reason: str | None = None
    replaces: int | None = None  # a promoted alternate: the 编号 whose place it takes
    replaced_by: int | None = None  # a nominee who withdrew: the alternate who took the place

    @property
    def number(self) -> int:
        return self.nominee.number

    @property
    def awarded(self) -> bool:
        return self.status == AWARDED


@dataclass
class Outcome:
    campaign: Campaign
    fates: dict[Ref, Fate] = field(default_factory=dict)

    def of(self, unit: str, category: str, number: int) -> Fate | None:
        return self.fates.get((unit, category, number))

    def awarded(self, unit: str | None, category: str) -> list[Fate]:
        """The awardees of one unit (or the province), in the order of 附件1 and of the 排序表."""
        order = {name: i for i, name in enumerate(self.campaign.units)}
        found = [f for f in self.fates.values()
                 if f.awarded and f.category == category and unit in (None, f.unit)]
        return sorted(found, key=lambda f: (order.get(f.unit, len(order)), f.number))

    def stages(self, unit: str, category: str) -> dict[str, int]:
        """The counts of 考察情况汇总 for one unit and category."""
        fates = [f for f in self.fates.values() if f.unit == unit and f.category == category]
        formal = [f for f in fates if not f.nominee.alternate]
        awarded = sum(f.awarded for f in fates)
        counts = {
            "推荐": len(formal),
            "考察通过": sum(f.status not in (CANCELLED, WITHDRAWN) for f in formal),
            "取消": sum(f.status == CANCELLED for f in fates),
            "退出": sum(f.status == WITHDRAWN for f in fates),
            "递补": sum(f.replaces is not None for f in fates),
            "表彰": awarded,
        }
        # A brand has no place of its own: the group chooses among those submitted.
        counts["空缺"] = 0 if category == BRANDS else max(len(formal) - awarded, 0)
        return counts


@dataclass
class DecisionsFile(Tally):
    loaded: Loaded
    campaign: Campaign
    units: list[UnitFile]
    header: Decision | None = None
    inspections: list[Item] = field(default_factory=list)
    brands: list[Item] = field(default_factory=list)
    promotions: list[Item] = field(default_factory=list)
    brand_list_broken: bool = False  # 优质服务品牌 is there but is not a list: its own error says so
    problems: list[Problem] = field(default_factory=list)
    outcome: Outcome | None = None

    @property
    def path(self) -> str:
        return self.loaded.path

    def all_items(self) -> list[Item]:
        return [*self.inspections, *self.brands, *self.promotions]

    @cached_property
    def unit_files(self) -> dict[str, UnitFile]:
        found: dict[str, UnitFile] = {}
        for u in self.units:
            if u.unit:
                found.setdefault(u.unit, u)  # two files of one unit are an XJ401 error already
        return found

    @cached_property
    def inspected(self) -> dict[Ref, Item]:
        found: dict[Ref, Item] = {}
        for item in self.inspections:
            found.setdefault(item.ref, item)
        return found

    def entries(self, unit: str, category: str) -> list[Nominee]:
        u = self.unit_files.get(unit)
        return [e for e in u.entries if e.category == category] if u else []

    def entry(self, unit: str, category: str, number: int) -> Nominee | None:
        return next((e for e in self.entries(unit, category) if e.number == number), None)

    def alternate_entries(self, unit: str, category: str) -> list[Nominee]:
        return [e for e in self.entries(unit, category) if e.alternate]

    def formal_numbers(self, unit: str, category: str) -> str:
        return _span([e.number for e in self.entries(unit, category) if not e.alternate])

    def alternate_numbers(self, unit: str, category: str) -> str:
        numbers = [str(e.number) for e in self.alternate_entries(unit, category)]
        return "编号 " + "、".join(numbers) if numbers else "没有递补对象"

    def numbering(self, unit: str, category: str) -> str:
        numbers = [e.number for e in self.entries(unit, category)]
        return f"排序表的序号是 {_span(numbers)}" if numbers else "这一类没有推荐对象"


def _span(numbers: list[int]) -> str:
    if not numbers:
        return "（无）"
    return f"{numbers[0]}–{numbers[-1]}" if len(numbers) > 1 else str(numbers[0])


def resolve(d: DecisionsFile) -> Outcome:
    """What became of every nominee of the submissions, by the valid entries of the file.

    An entry the rules refuse (a promotion into a cancelled place) changes nothing here
    beyond what it says; the render never sees an outcome of a file with errors.
    """
    outcome = Outcome(d.campaign)
    inspected = d.inspected
    brands = {item.ref for item in d.brands}
    promoted: dict[Ref, Item] = {}
    replaced: dict[Ref, Item] = {}
    for item in d.promotions:
        promoted.setdefault(item.ref, item)
        replaced.setdefault(item.replaced, item)
    for unit, u in d.unit_files.items():
        for e in u.entries:
            ref = (unit, e.category, e.number)
            check: Inspection | None = inspected[ref].model if ref in inspected else None  # type: ignore[assignment]
            fate = Fate(unit, e.category, e)
            if check is not None and check.结果 in (CANCELLED, WITHDRAWN):
                fate.status, fate.reason = check.结果, check.理由
            elif e.category == BRANDS:
                fate.status = AWARDED if ref in brands else NOT_CHOSEN
            elif e.alternate:
                fate.status = NOT_PROMOTED
                if ref in promoted:
                    fate.status, fate.replaces = AWARDED, promoted[ref].model.替代编号  # type: ignore[attr-defined]
            if ref in replaced and not e.alternate and fate.status != CANCELLED:
                model = replaced[ref].model  # type: ignore[assignment]
                fate.status, fate.replaced_by = WITHDRAWN, model.编号
                fate.reason = fate.reason or model.理由
            outcome.fates[ref] = fate
    return outcome
