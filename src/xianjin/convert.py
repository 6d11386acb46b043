"""`xianjin convert`: a submission from YAML to a workbook and back, losing nothing.

Both directions start from what the loaders give (plain data: dicts, lists, text), so
a YAML → XLSX → YAML round trip gives the same data. Only what a workbook has no
place for stops a conversion to .xlsx (a key that is not on the form, a list where a
text belongs); `xianjin validate` names it, and nothing is written.
"""

from __future__ import annotations

import os

import yaml

from xianjin.campaign import ALTERNATE, CATEGORIES, FORMAL, Campaign
from xianjin.discover import WORKBOOK_SUFFIXES, YAML_SUFFIXES
from xianjin.models import BLOCK_FIELDS, HEADER_KEYS
from xianjin.problems import field_path
from xianjin.text import squeeze
from xianjin.workbook import APPROVALS, columns

_SECTIONS = (FORMAL, ALTERNATE)


def file_kind(path: str) -> str | None:
    """"yaml" or "xlsx" by the file's extension; None for any other."""
    suffix = os.path.splitext(path)[1].lower()
    return "yaml" if suffix in YAML_SUFFIXES else "xlsx" if suffix in WORKBOOK_SUFFIXES else None


def unplaceable(data: dict) -> list[str]:
    """The places in `data` a workbook has no cell for, as 行业服务标兵.推荐对象[3].出生日期."""
    out = []
    for key, value in data.items():
        if key in HEADER_KEYS:
            if value is not None and not isinstance(value, str):
                out.append(key)
        elif key not in CATEGORIES:
            out.append(key)
        elif value is not None:
            out += _category(key, value)
    return out


def _category(category: str, value: object) -> list[str]:
    if not isinstance(value, dict):
        return [category]
    out = []
    paths = {c.path for c in columns(category)}
    for section, items in value.items():
        if section not in _SECTIONS or not isinstance(items, (list, type(None))):
            out.append(field_path((category, section)))
            continue
        for i, item in enumerate(items or []):
            if item is None:
                continue
            if not isinstance(item, dict):
                out.append(field_path((category, section, i)))
                continue
            for path, leaf in _leaves(item):
                if path not in paths or not (leaf is None or isinstance(leaf, str)):
                    out.append(field_path((category, section, i) + path))
    return out


def _leaves(item: dict, prefix: tuple = ()):
    for key, value in item.items():
        if key == APPROVALS and not prefix and isinstance(value, dict):
            for stage, parts in value.items():
                if isinstance(parts, dict):
                    yield from _leaves(parts, (APPROVALS, stage))
                elif parts is not None:
                    yield (APPROVALS, stage), parts
        elif key != APPROVALS or value is not None:
            yield prefix + (key,), value


def to_yaml(data: dict, source: str) -> str:
    """The submission as a YAML file in the forms' order, long texts as `|` blocks."""
    lines = [f"# 由 {source} 转换（xianjin convert），请检查后提交。"]
    header = [k for k in HEADER_KEYS if k in data] + [k for k in data if k not in HEADER_KEYS and k not in CATEGORIES]
    for key in header:
        lines += _entry(key, data[key], 0)
    for category in CATEGORIES:
        if category not in data:
            continue
        lines += ["", f"{category}:"]
        sections = data[category] or {}
        for section in _SECTIONS:
            if section not in sections:
                continue
            lines.append(f"  {section}:")
            for i, item in enumerate(sections[section] or []):
                lines += ([""] if i else []) + _item(category, item)
    return "\n".join(lines) + "\n"


def _item(category: str, item: dict) -> list[str]:
    order = [c.name for c in columns(category) if c.path[0] != APPROVALS]
    keys = [k for k in order if k in item] + [k for k in item if k not in order]
    out = []
    for key in keys:
        out += _entry(key, item[key], 6)
    if out:
        out[0] = "    - " + out[0][6:]
    else:
        out = ["    - {}"]
    return out


def _entry(key: str, value: object, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        out = [f"{pad}{key}:"]
        for k, v in value.items():
            out += _entry(k, v, indent + 2)
        return out
    if value is None:
        return [f"{pad}{key}: ''"]
    text = str(value)
    if key in BLOCK_FIELDS or "\n" in text:
        body = text.strip("\n").split("\n")
        # A first line that starts with a space needs the indentation said explicitly.
        indicator = "|2" if body[0][:1] == " " else "|"
        return [f"{pad}{key}: {indicator}"] + [f"{pad}  {line}" if line else "" for line in body]
    return [f"{pad}{key}: {_plain(text)}"]


def _plain(text: str) -> str:
    # Plain when it reads back as the same text, and as text or a date to other YAML tools too
    # (the editor's schema wants 出生年月 '1978.05' as a string, as the examples write it).
    try:
        value = yaml.compose(f"k: {text}", Loader=yaml.SafeLoader).value[0][1]
        if (isinstance(value, yaml.ScalarNode) and value.value == text and value.style is None
                and value.tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp")):
            return text
    except (yaml.YAMLError, AttributeError, IndexError, TypeError):
        pass
    dumped = yaml.safe_dump(text, allow_unicode=True, width=10**9, default_flow_style=True)
    return dumped.removesuffix("\n...\n").removesuffix("\n")


def to_workbook(data: dict, campaign: Campaign) -> bytes:
    from xianjin.xlsx import submission_workbook

    name = data.get("推荐单位")
    quota = campaign.units.get(squeeze(name)) if isinstance(name, str) else None
    return submission_workbook(data, quota, campaign)
