"""One file after validation: what it says, where, and what is wrong with it."""

from __future__ import annotations

from dataclasses import dataclass, field

from xianjin.campaign import ALTERNATE, Campaign
from xianjin.loader import Loaded, Path_
from xianjin.models import Header, Nominee, Submission
from xianjin.problems import Problem, Tally


@dataclass
class Entry:
    """One nominee in one file, valid or not."""

    category: str
    section: str  # 推荐对象 or 递补对象
    index: int  # 0-based within its section
    number: int  # 序号 in the ranking table = 编号 on the form
    model: Nominee | None  # None when its fields have errors

    @property
    def path(self) -> Path_:
        return (self.category, self.section, self.index)

    @property
    def alternate(self) -> bool:
        return self.section == ALTERNATE


@dataclass
class UnitFile(Tally):
    loaded: Loaded
    campaign: Campaign
    header: Header | None = None
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # How many items each (category, section) list holds; None when it could not be read.
    sections: dict[tuple[str, str], int | None] = field(default_factory=dict)
    submission: Submission | None = None  # set only when the whole file is valid

    @property
    def path(self) -> str:
        return self.loaded.path

    @property
    def unit(self) -> str | None:
        """The 推荐单位, once it is known to be one of the campaign's units."""
        if self.header:
            return self.header.推荐单位
        # The header may fail on another field; the quotas still apply to the unit it names.
        data = self.loaded.data
        name = data.get("推荐单位") if isinstance(data, dict) else None
        name = "".join(name.split()) if isinstance(name, str) else None
        return name if name in self.campaign.units else None

    def count(self, category: str, section: str) -> int | None:
        return self.sections.get((category, section))

    def valid_entries(self, category: str | None = None):
        for e in self.entries:
            if e.model is not None and (category is None or e.category == category):
                yield e

