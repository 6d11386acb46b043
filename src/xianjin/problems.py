"""A problem found in a file, and the registry of the rules that find them.

Every rule has a stable code (XJ1xx loading, XJ2xx fields, XJ3xx quotas, XJ4xx across
files, XJ5xx the decisions file), a level and a Chinese explanation; `xianjin rules` prints them.
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

    @property
    def is_error(self) -> bool:
        return self.level == ERROR


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

    def problem(self, path: str, where: tuple[int, int], field: str, message: str,
                level: str | None = None) -> Problem:
        return Problem(path, where[0], where[1], self.code, level or self.level, field, message)


RULES: dict[str, Rule] = {}


def all_rules() -> list[Rule]:
    # Importing the families registers their rules.
    from xianjin.rules import across, decisions, fields, loading, quotas  # noqa: F401

    return [RULES[code] for code in sorted(RULES)]
