"""Pydantic's errors, told in Chinese with a rule code and the place they point at.

No English text from pydantic ever leaves this module: every error type is mapped,
and anything unforeseen gets a generic Chinese sentence under XJ219.
"""

from __future__ import annotations

import difflib
import typing

from pydantic import BaseModel, ValidationError

from xianjin.loader import Loaded, Path_, _dotted
from xianjin.problems import RULES, Problem
from xianjin.values import quote


def field_path(path: Path_) -> str:
    """('行业服务标兵', '推荐对象', 2, '出生年月') → 行业服务标兵.推荐对象[3].出生年月 (1-based, as the 序号)."""
    return _dotted(path)


def pydantic_problems(exc: ValidationError, loaded: Loaded, prefix: Path_,
                      root: type[BaseModel] | None = None) -> list[Problem]:
    from xianjin.rules import fields  # noqa: F401  (registers XJ2xx)

    problems = []
    for err in exc.errors(include_url=False):
        loc = prefix + tuple(err["loc"])
        code, message, where = _translate(err, loc, loaded, root)
        problems.append(RULES[code].problem(loaded.path, where, field_path(loc), message))
    return problems


def _translate(err: dict, loc: Path_, loaded: Loaded, root: type[BaseModel] | None):
    kind = err["type"]
    key = loc[-1] if loc and isinstance(loc[-1], str) else ""
    if kind.startswith("XJ"):
        return kind, err["msg"], loaded.where(loc)
    if kind == "missing":
        return "XJ201", f"缺少“{key}”这一项；这是必填项", loaded.where(loc)
    if kind == "extra_forbidden":
        allowed = _allowed_keys(root, loc[:-1])
        return "XJ202", unknown_key_message(str(key), allowed), loaded.where_key(loc)
    if kind == "value_error":  # a model validator of ours (campaign consistency): its reason is Chinese
        return "XJ219", str(err.get("ctx", {}).get("error", "")) or "这一项的写法不对", loaded.where(loc)
    value = err.get("input")
    if value is None and kind in ("string_type", "model_type", "list_type", "dict_type",
                                 "date_type", "int_type", "tuple_type"):
        return "XJ201", "这一项是必填项，不能空着", loaded.where(loc)
    expected = _EXPECTED.get(kind)
    found = _describe(value)
    if expected:
        return "XJ219", f"这里应当是{expected}，而现在是{found}", loaded.where(loc)
    return "XJ219", f"这一项的写法不对（现在是{found}）", loaded.where(loc)


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
    "value_error": "符合要求的内容",
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
    hint = nearest_key(key, allowed)
    if hint:
        return f"{quote(key)}不是表中的栏目，是不是“{hint}”？"
    if allowed:
        return f"{quote(key)}不是表中的栏目；这里可以填的栏目是：{'、'.join(allowed)}"
    return f"{quote(key)}不是表中的栏目"


def nearest_key(key: str, allowed: list[str]) -> str | None:
    squeezed = "".join(key.split())
    if squeezed in allowed:
        return squeezed
    for candidate in allowed:
        if candidate in squeezed or (len(squeezed) >= 2 and squeezed in candidate):
            return candidate
    close = difflib.get_close_matches(squeezed, allowed, n=1, cutoff=0.4)
    return close[0] if close else None


def _allowed_keys(root: type[BaseModel] | None, loc: Path_) -> list[str]:
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

