"""A problem found in a file, where it is, and how a place in a file is named.

Every layer above speaks of places the same way: a FieldPath is the loader's path to a
value (category, section, 0-based index, field), a Where its line and column (in a
workbook its row, column and sheet), `field_path` the one way a path is shown to a clerk
and `Problem.location` the one way a place in a file is.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"

FieldPath = tuple[str | int, ...]
# 1-based line and column, (0, 0) for a problem of no file; in a workbook (row, column, sheet).
Where = tuple[int, int] | tuple[int, int, str]


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
            return f"{self.path}:{self.sheet}!{self.cell}"
        return f"{self.path}:{self.line}:{self.column}"

    @property
    def cell(self) -> str:
        """A workbook cell as Excel names it (F7); "" outside a workbook."""
        return f"{column_letter(self.column)}{self.line}" if self.sheet else ""


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


def field_path(path: FieldPath) -> str:
    """('行业服务标兵', '推荐对象', 2, '出生年月') → 行业服务标兵.推荐对象[3].出生年月 (1-based, as the 序号)."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (("." if out else "") + part)
    return out
