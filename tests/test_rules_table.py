"""The rule table: every rule of the families is listed once, and no code is spelt outside rules/."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from xianjin.rules import BY_CODE, RULES, across, decisions, fields, loading, quotas, workbook
from xianjin.rules.rule import Rule

SRC = Path(__file__).resolve().parents[1] / "src" / "xianjin"
FAMILIES = {loading: "XJ1", workbook: "XJ12", fields: "XJ2", quotas: "XJ3", across: "XJ4", decisions: "XJ5"}


def test_every_rule_of_the_families_is_in_the_table_once():
    declared = [v for family in FAMILIES for v in vars(family).values() if isinstance(v, Rule)]
    assert sorted(r.code for r in declared) == [r.code for r in RULES]
    assert len(BY_CODE) == len(RULES)
    for family, prefix in FAMILIES.items():
        for name, value in vars(family).items():
            if isinstance(value, Rule):
                assert name == value.code and value.code.startswith(prefix), (family.__name__, name)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_a_rule_is_explained_in_chinese(rule):
    assert re.fullmatch(r"XJ\d{3}", rule.code)
    assert rule.level in ("error", "warning") and rule.scope in ("file", "across", "decisions")
    assert re.search(r"[\u4e00-\u9fff]", rule.title) and re.search(r"[\u4e00-\u9fff]", rule.explanation)


def test_no_code_is_spelt_outside_rules():
    spelt = []
    for path in sorted(SRC.rglob("*.py")):
        if path.is_relative_to(SRC / "rules"):
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.fullmatch(r"XJ\d{3}", node.value):
                spelt.append(f"{path.relative_to(SRC)}:{node.lineno}: {node.value!r}")
    assert spelt == []
