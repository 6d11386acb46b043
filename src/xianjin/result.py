"""What a run found: each file after validation (UnitFile, its Entry per nominee), the
whole run (Report), and the exit code it ends with."""

from __future__ import annotations

from dataclasses import dataclass, field

from xianjin.campaign import ALTERNATE, FORMAL, Campaign
from xianjin.loader import Loaded
from xianjin.models import NOMINEE_KINDS, Header, Nominee, Submission
from xianjin.problems import FieldPath, Problem, Tally
from xianjin.text import squeeze

# The exit codes of validate, summary and render (render adds none of its own).
EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2


@dataclass
class Entry:
    """One nominee in one file, valid or not."""

    category: str
    section: str  # 推荐对象 or 递补对象
    index: int  # 0-based within its section
    number: int  # 序号 in the ranking table = 编号 on the form
    model: Nominee | None  # None when its fields have errors

    @property
    def path(self) -> FieldPath:
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
        name = squeeze(name) if isinstance(name, str) else None
        return name if name in self.campaign.units else None

    def count(self, category: str, section: str) -> int | None:
        return self.sections.get((category, section))

    def nominee_label(self, entry: Entry) -> str:
        """`群众满意窗口推荐对象第 2 个“阳光窗口”（编号 2）`: a nominee named in a message, by the
        name typed in its file even when its other fields have errors."""
        title = entry.model.title if entry.model is not None else None
        if title is None:
            data = self.loaded.data if isinstance(self.loaded.data, dict) else {}
            category = data.get(entry.category)
            items = category.get(entry.section) if isinstance(category, dict) else None
            item = items[entry.index] if isinstance(items, list) and entry.index < len(items) else None
            title = item.get(NOMINEE_KINDS[entry.category].title_field) if isinstance(item, dict) else None
        named = f"“{title}”" if isinstance(title, str) and title.strip() else ""
        return f"{entry.category}{entry.section}第 {entry.index + 1} 个{named}（编号 {entry.number}）"

    def valid_entries(self, category: str | None = None):
        for e in self.entries:
            if e.model is not None and (category is None or e.category == category):
                yield e


@dataclass
class Report(Tally):
    campaign: Campaign
    units: list[UnitFile] = field(default_factory=list)  # the submissions, in path order
    skipped: list[str] = field(default_factory=list)  # YAML files that are not submissions
    unreadable: list[Problem] = field(default_factory=list)  # paths that could not be read (exit 2)
    province: list[Problem] = field(default_factory=list)  # problems of no single file
    untracked: list[str] = field(default_factory=list)  # YAML beside tracked files that git does not track
    files_only: bool = False  # each file on its own: no checks across files, no province lines
    # awards.DecisionsFile (which builds on this module): the provincial office's, normally one.
    decisions: list = field(default_factory=list)

    @property
    def files(self) -> list:
        """Every file checked: the submissions, then the decisions file."""
        return [*self.units, *self.decisions]

    @property
    def problems(self) -> list[Problem]:
        out = list(self.unreadable)
        for f in self.files:
            out.extend(f.problems)
        return out + self.province

    @property
    def outcome(self):
        """What the decisions file decided (awards.Outcome), when there is exactly one."""
        return self.decisions[0].outcome if len(self.decisions) == 1 else None

    @property
    def missing_units(self) -> list[str]:
        submitted = {u.unit for u in self.units}
        return [u.名称 for u in self.campaign.推荐单位 if u.名称 not in submitted]

    def total(self, category: str, section: str = FORMAL, units: list[UnitFile] | None = None) -> int:
        """The province's count of one list: over every file of a known unit, or over `units`.

        The one place a province total is added up: XJ405, the text summary line, the
        合计 row of `xianjin summary` and of the printed 全省汇总表.
        """
        return sum(u.count(category, section) or 0 for u in (self.units if units is None else units) if u.unit)

    def exit_code(self, strict: bool = False) -> int:
        if self.unreadable:
            return EXIT_UNREADABLE
        if self.errors or (strict and self.warnings):
            return EXIT_PROBLEMS
        return EXIT_OK
