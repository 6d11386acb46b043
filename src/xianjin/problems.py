"""A problem found in a file, and the registry of the rules that find them.

Every rule has a stable code (XJ1xx loading, XJ2xx fields, XJ3xx quotas, XJ4xx
across files), a level and a Chinese explanation; `xianjin rules` prints them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int
    column: int
    code: str
    level: str
    field: str  # where in the file, as the form names it: 行业服务标兵.推荐对象[3].出生年月
    message: str
    sheet: str = ""  # a workbook's sheet; line and column are then its row and column

    @property
    def is_error(self) -> bool:
        return self.level == ERROR

    @property
    def location(self) -> str:
        """`衡水.yaml:118:13`, or in a workbook `衡水.xlsx:行业服务标兵!F7` as Excel names a cell."""
        if not self.path:
            return "xianjin"
        if self.sheet:
            return f"{self.path}:{self.sheet}!{column_letter(self.column)}{self.line}"
        return f"{self.path}:{self.line}:{self.column}"


def column_letter(column: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters or "A"


class Tally:
    """Counts of errors and warnings, for anything that has `problems`."""

    problems: list[Problem]

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.is_error)

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if not p.is_error)


@dataclass(eq=False)
class Rule:
    code: str
    level: str
    title: str
    explanation: str
    # "file": check(unit) runs on one file; "across": check(units) on all of them.
    scope: str = "file"
    check: Callable[..., Iterable[Problem]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.code in RULES:
            raise ValueError(f"duplicate rule code {self.code}")
        RULES[self.code] = self

    def checker(self, fn: Callable[..., Iterable[Problem]]) -> Callable[..., Iterable[Problem]]:
        self.check = fn
        return fn

    def problem(self, path: str, where: tuple, field: str, message: str,
                level: str | None = None) -> Problem:
        """`where` is (line, column), or (row, column, sheet) in a workbook."""
        return Problem(path, where[0], where[1], self.code, level or self.level, field, message, *where[2:3])


RULES: dict[str, Rule] = {}


def all_rules() -> list[Rule]:
    # Importing the families registers their rules.
    from xianjin.rules import across, fields, loading, quotas, workbook  # noqa: F401

    return [RULES[code] for code in sorted(RULES)]
