"""Pydantic's errors, told in Chinese under their rule, at the place they point at.

No English text from pydantic ever leaves this module. A value our validators refuse
arrives as the Rule's own `Refused`; pydantic's own checks (a missing key, an unknown
key, a list where a text belongs) are mapped here; anything unforeseen gets a generic
Chinese sentence under XJ219.
"""

from __future__ import annotations

import typing

from pydantic import BaseModel, ValidationError

from xianjin.campaign import Unreasonable
from xianjin.loader import Loaded
from xianjin.problems import FieldPath, Problem, Where, field_path
from xianjin.rules.fields import XJ201, XJ202, XJ219, XJ223
from xianjin.rules.rule import Refused, Rule
from xianjin.text import nearest, quote


def pydantic_problems(exc: ValidationError, loaded: Loaded, prefix: FieldPath,
                      root: type[BaseModel] | None = None) -> list[Problem]:
    problems = []
    for err in exc.errors(include_url=False):
        loc = prefix + tuple(err["loc"])
        rule, message, where = _translate(err, loc, loaded, root)
        problems.append(rule.problem(loaded.path, where, field_path(loc), message))
    return problems


def _translate(err: dict, loc: FieldPath, loaded: Loaded,
               root: type[BaseModel] | None) -> tuple[Rule, str, Where]:
    kind = err["type"]
    key = loc[-1] if loc and isinstance(loc[-1], str) else ""
    if kind == "value_error":
        reason = err.get("ctx", {}).get("error")
        if isinstance(reason, Refused):
            return reason.rule, reason.message, loaded.where(loc)
        if isinstance(reason, Unreasonable):  # a value of the campaign file (a quota of 10⁹)
            return XJ223, str(reason), loaded.where(loc)
        # Any other validator of ours: its reason is Chinese.
        return XJ219, str(reason or "") or "这一项的写法不对", loaded.where(loc)
    if kind == "missing":
        return XJ201, f"缺少“{key}”这一项；这是必填项", loaded.where(loc)
    if kind == "extra_forbidden":
        allowed = _allowed_keys(root, loc[:-1])
        return XJ202, unknown_key_message(str(key), allowed), loaded.where_key(loc)
    value = err.get("input")
    if value is None and kind in ("string_type", "model_type", "list_type", "dict_type",
                                 "date_type", "int_type", "tuple_type"):
        return XJ201, "这一项是必填项，不能空着", loaded.where(loc)
    expected = _EXPECTED.get(kind)
    found = _describe(value)
    if expected:
        return XJ219, f"这里应当是{expected}，而现在是{found}", loaded.where(loc)
    return XJ219, f"这一项的写法不对（现在是{found}）", loaded.where(loc)


_EXPECTED = {
    "string_type": "一段文字",
    "model_type": "“键: 值”的结构（下一级内容缩进两格）",
    "model_attributes_type": "“键: 值”的结构（下一级内容缩进两格）",
    "dict_type": "“键: 值”的结构（下一级内容缩进两格）",
    "list_type": "列表（每一项以“- ”开头）",
    "tuple_type": "列表（每一项以“- ”开头）",
    "int_type": "整数",
    "int_parsing": "整数",
    "int_from_float": "整数",
    "date_type": "日期，如 2012-08-20",
    "date_parsing": "日期，如 2012-08-20",
    "date_from_datetime_parsing": "日期，如 2012-08-20",
    "too_short": "更多的项",
    "too_long": "更少的项",
}


def _describe(value: object) -> str:
    if isinstance(value, dict):
        return "“键: 值”的结构"
    if isinstance(value, list):
        return "一个列表"
    if value is None:
        return "空白"
    return quote(str(value))


def unknown_key_message(key: str, allowed: list[str]) -> str:
    hint = nearest(key, allowed, cutoff=0.4, within=True)
    if hint:
        return f"{quote(key)}不是表中的栏目，是不是“{hint}”？"
    if allowed:
        return f"{quote(key)}不是表中的栏目；这里可以填的栏目是：{'、'.join(allowed)}"
    return f"{quote(key)}不是表中的栏目"


def _allowed_keys(root: type[BaseModel] | None, loc: FieldPath) -> list[str]:
    model = root
    for part in loc:
        if model is None:
            return []
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        model = _model_in(info.annotation) if info else None
    return list(model.model_fields) if model else []


def _model_in(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found:
            return found
    return None
