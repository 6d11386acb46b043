"""A rule: its stable code, its level, its Chinese title and explanation, and its check.

A Rule is a plain value. Nothing registers itself: `xianjin.rules.RULES` lists every
rule explicitly, and the engine runs the checks it finds there. Code outside `rules/`
never spells a code; it raises or reports through the Rule object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from xianjin.problems import ERROR, Problem, Where


class Refused(ValueError):
    """A value a model refuses, and the rule that refuses it.

    A ValueError, so that pydantic collects it with every other error of the model (and
    keeps it, unchanged, in the error's context) instead of stopping at the first one.
    """

    def __init__(self, rule: Rule, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message


@dataclass(eq=False)
class Rule:
    code: str
    level: str
    title: str
    explanation: str
    # "file": check(unit) runs on one file; "across": check(report) on the whole run;
    # "decisions": check(decisions_file) on the decisions file, with the submissions it was checked with.
    scope: str = "file"
    check: Callable[..., Iterable[Problem]] | None = field(default=None, repr=False)

    @property
    def level_name(self) -> str:
        return "错误" if self.level == ERROR else "警告"

    def checker(self, fn: Callable[..., Iterable[Problem]]) -> Callable[..., Iterable[Problem]]:
        self.check = fn
        return fn

    def problem(self, path: str, where: Where, field: str, message: str,
                level: str | None = None) -> Problem:
        """`where` is (line, column), or (row, column, sheet) in a workbook."""
        return Problem(path, where[0], where[1], self.code, level or self.level, field, message, *where[2:3])

    def refuse(self, message: str) -> Refused:
        """For a model's validator: `raise XJ205.refuse("…")`."""
        return Refused(self, message)
