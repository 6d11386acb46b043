"""JSON Schema for editors, generated from the models, agreeing with `xianjin validate` value by value.

VS Code's YAML extension reads it through the `# yaml-language-server: $schema=…` line
that `xianjin init` writes, and completes and underlines as the clerk types. Two promises,
tested with check-jsonschema over the examples, the broken example and single-field
mutations (tests/test_schema_agreement.py):

- every value xianjin accepts, the schema accepts: padding spaces, full-width digits,
  `(0311)`, `1978年5月`, the short forms of 学历, and what an editor's YAML 1.2 parser
  makes of unquoted text (`1978.05` and `031883491271` are numbers there);
- what a schema can say, it says: the forms of 出生年月 with a real month and the age
  limits, telephone numbers, real dates, the vocabularies. Quotas, duplicates and the
  length of the materials stay with xianjin.

A nominee left entirely empty (as `init` writes it) is one hint, like xianjin's XJ221,
not a mark on every field; a nominee being filled in is checked field by field.
Messages are Chinese (`errorMessage`/`patternErrorMessage`, which yaml-language-server shows).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict

from xianjin.campaign import CATEGORIES, Campaign
from xianjin.models import Submission

SCHEMA_NAME = "submission.schema.json"

# Editors show a definition's title on hover: the forms' words, not the class names.
_TITLES = {
    "Approval": "审批意见", "Approvals": "各级审批意见", "BrandApprovals": "各级审批意见（品牌表）",
    "Window": "群众满意窗口", "Exemplar": "行业服务标兵", "Brand": "优质服务品牌",
    "WindowCategory": "群众满意窗口（推荐对象与递补对象）",
    "ExemplarCategory": "行业服务标兵（推荐对象与递补对象）",
    "BrandCategory": "优质服务品牌（推荐对象）",
}
_NOMINEES = ("Window", "Exemplar", "Brand")

# --- regular expressions (ECMAScript, as editors and check-jsonschema run them) ----------------

_FULL = {str(d): chr(0xFF10 + d) for d in range(10)}  # xianjin reads ０-９ as 0-9
D = "[0-9０-９]"
_DASH = "[-－—–‐―]"


def _digit_class(digits: list[int]) -> str:
    """[2-9２-９] for 2…9: the ASCII and the full-width form of each digit."""
    runs, start = [], None
    ordered = sorted(set(digits))
    for i, d in enumerate(ordered):
        start = d if start is None else start
        if i + 1 == len(ordered) or ordered[i + 1] != d + 1:
            runs.append((start, d))
            start = None
    ascii_ = "".join(f"{a}" if a == b else f"{a}-{b}" for a, b in runs)
    full = "".join(_FULL[str(a)] if a == b else f"{_FULL[str(a)]}-{_FULL[str(b)]}" for a, b in runs)
    return f"[{ascii_}{full}]"


def _literal(number: str) -> str:
    return "".join(_digit_class([int(c)]) for c in number)


def _numbers(values, width: int, optional_zero: bool) -> str:
    """An alternation matching exactly these numbers, written with `width` digits (a leading zero optional)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for v in sorted(set(values)):
        text = f"{v:0{width}d}"
        groups[text[:-1]].append(int(text[-1]))
    parts = []
    for prefix, last in groups.items():
        head = _literal(prefix)
        if optional_zero and prefix.strip("0") == "":
            head = _literal(prefix).replace(_digit_class([0]), _digit_class([0]) + "?")
        parts.append(head + _digit_class(last))
    return "(?:" + "|".join(parts) + ")"


def _spaced(word: str) -> str:
    # xianjin removes every space inside these words (“汉 族”, “男 ”), so the schema allows them.
    return r"\s*".join(re.escape(c) for c in word)


def _words(words) -> str:
    return r"^\s*(?:" + "|".join(_spaced(w) for w in words) + r")\s*$"


# --- the kinds of field ----------------------------------------------------------------------

REQUIRED = "这是必填项，还没有填写"


def _text(required: bool) -> dict:
    # An unquoted 12348 or true is still the text typed, to xianjin.
    if not required:
        return {"type": ["string", "number", "boolean", "null"]}
    return {"type": ["string", "number", "boolean"], "pattern": r"\S",
            "errorMessage": REQUIRED, "patternErrorMessage": REQUIRED}


def _name() -> dict:
    han = "[〇㐀-鿿豈-﫿\U00020000-\U0003134f]"
    part = rf"(?:{han}\s*)+"
    return {"type": "string", "pattern": rf"^\s*{part}(?:[·•・‧･∙.]\s*{part})*$",
            "errorMessage": REQUIRED,
            "patternErrorMessage": "姓名只能由汉字组成（少数民族姓名可用“·”分隔），不能有数字或字母"}


def _phone() -> dict:
    sp = r"[ ]*"
    landline = (rf"[(（]?{sp}[0０](?:{sp}{D}){{2,3}}{sp}[)）]?\s*{_DASH}?\s*(?:{sp}{D}){{7,8}}"
                rf"(?:\s*(?:转|{_DASH})\s*(?:{sp}{D}){{1,6}})?")
    mobile = rf"[1１](?:[ ]|{_DASH})*[3-9３-９](?:(?:[ ]|{_DASH})*{D}){{9}}"
    wrong = "电话应写成“区号-号码”：区号是 0 加 2–3 位数字，号码 7–8 位，例如 0311-86688001"
    return {"anyOf": [
        {"type": "string", "pattern": rf"^\s*(?:{landline}|{mobile})\s*$", "patternErrorMessage": wrong},
        # An editor reads an unquoted 031186688001 as the number 31186688001: its zero is gone, so
        # only the count of digits is left to check (2–3 + 7–8 after the zero, or a mobile's 11).
        {"type": "integer", "minimum": 10 ** 8, "maximum": 10 ** 11 - 1, "errorMessage": wrong},
    ]}


def _date() -> dict:
    """The three spellings xianjin reads (2012-08-15, 2012.08.15, 2012年8月15日), with a real month and day."""
    days = {31: (1, 3, 5, 7, 8, 10, 12), 30: (4, 6, 9, 11), 29: (2,)}
    dash, dot, cn = [], [], []
    for last, months in days.items():
        mm, dd = _numbers(months, 2, True), _numbers(range(1, last + 1), 2, True)
        dash.append(rf"{mm}[-－]{dd}")
        dot.append(rf"{mm}[./．／]{dd}")
        cn.append(rf"\s*{mm}\s*月\s*{dd}(?:\s*日)?")
    pattern = (rf"^\s*{D}{{4}}(?:[-－](?:{'|'.join(dash)})|[./．／](?:{'|'.join(dot)})"
               rf"|\s*年(?:{'|'.join(cn)}))\s*$")
    return {"type": "string", "pattern": pattern, "errorMessage": REQUIRED,
            "patternErrorMessage": "日期应写成 2012-08-15（也可写 2012年8月15日、2012.08.15），且必须是真实的日期"}


def _month(campaign: Campaign) -> dict:
    """出生年月: a real month, and an age at the deadline within the campaign's limits."""
    deadline, low, high = campaign.报送截止日期, campaign.年龄.下限, campaign.年龄.上限
    valid: dict[int, list[int]] = {}
    for year in range(deadline.year - high - 1, deadline.year - low + 1):
        months = [m for m in range(1, 13) if low <= deadline.year - year - (deadline.month < m) <= high]
        if months:
            valid[year] = months
    by_months: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for year, months in valid.items():
        by_months[tuple(months)].append(year)
    spellings = []
    for months, years in by_months.items():
        yy, mm = _numbers(years, 4, False), _numbers(months, 2, True)
        spellings.append(rf"{yy}(?:\s*[.\-/．－／]\s*{mm}|\s*年\s*{mm}(?:\s*月)?)")
    wrong = (f"出生年月应写成“1978.05”，月份 1–12；截至 {deadline:%Y年%-m月%-d日}年龄须在 {low}–{high} 岁"
             f"（{min(valid)}.{valid[min(valid)][0]:02d}–{max(valid)}.{valid[max(valid)][-1]:02d} 出生）")
    # Unquoted, 1978.05 reaches the editor as a number and 1978.10 as 1978.1, which may be
    # 1978年10月 or 1978年1月: each year allows .01–.12, and .2–.9 (two- or one-digit months).
    numbers = []
    for year, months in valid.items():
        seen = sorted({float(f"{year}.{m:02d}") for m in months} | {float(f"{year}.{m}") for m in months})
        run: list[float] = []
        for value in seen + [None]:
            if run and (value is None or round(value - run[-1], 2) != 0.01):
                numbers.append({"minimum": run[0], "maximum": run[-1]})
                run = []
            if value is not None:
                run.append(value)
    return {"anyOf": [
        {"type": "string", "pattern": r"^\s*(?:" + "|".join(spellings) + r")\s*$", "patternErrorMessage": wrong},
        {"type": "number", "anyOf": numbers, "errorMessage": wrong},
    ]}


def _vocabulary(words, label: str) -> dict:
    words = list(dict.fromkeys(words))
    wrong = f"{label}应为：{'、'.join(words[:16])}{'等' if len(words) > 16 else ''}"
    # The enum gives the editor its completion list; the pattern accepts the same words with spaces.
    return {"anyOf": [{"enum": words, "errorMessage": wrong},
                      {"type": "string", "pattern": _words(words), "patternErrorMessage": wrong}]}


def _blank() -> dict:
    """What xianjin calls not filled in: null, only spaces, or a mapping of such values."""
    return {"anyOf": [{"type": "null"}, {"type": "string", "pattern": r"^\s*$"},
                      {"type": "object", "additionalProperties": {"$ref": "#/$defs/Blank"}}]}


def _optional(schema: dict) -> dict:
    return {"anyOf": [{"type": "null"}, {"type": "string", "pattern": r"^\s*$"}, schema]}


def _required(schema: dict) -> dict:
    # Of a field with alternatives, an editor would report the closest one's complaint;
    # an empty one gets the plain one.
    if "anyOf" not in schema:
        return schema
    return {"if": {"type": "null"}, "then": {"type": "string", "errorMessage": REQUIRED}, "else": schema}


# --- assembly ----------------------------------------------------------------------------------

def submission_schema(campaign: Campaign) -> dict:
    schema = Submission.model_json_schema()
    defs = schema["$defs"]
    kinds = {
        "推荐单位": _vocabulary([u.名称 for u in campaign.推荐单位], "推荐单位（简称）"),
        "性别": _vocabulary(campaign.性别, "性别"),
        "民族": _vocabulary(campaign.民族, "民族"),
        "政治面貌": _vocabulary(campaign.政治面貌, "政治面貌"),
        "学历": _vocabulary([*campaign.学历, *campaign.学历简称], "学历"),
        "出生年月": _month(campaign),
        "报送日期": _date(),
        "单位电话": _phone(), "联系电话": _phone(),
        "姓名": _name(), "党组织负责人": _name(), "联系人": _name(),
    }
    for name, model in [("", schema), *defs.items()]:
        required = set(model.get("required", []))
        for field, prop in model.get("properties", {}).items():
            keep = {k: prop[k] for k in ("title", "description") if k in prop}
            keep.setdefault("title", field)
            if "$ref" in prop or prop.get("type") == "array" or field == "审批意见" or name.endswith("Approvals"):
                continue  # structure: handled below
            if field == "日期":
                new = _optional(_date())
            elif field in kinds:
                new = _required(kinds[field]) if field in required else _optional(kinds[field])
            else:
                new = _text(field in required)
            prop.clear()
            prop.update(keep | new)
    # Approval stages and approvals: left out, null or '' when not yet signed.
    for name in ("Approvals", "BrandApprovals"):
        for prop in defs[name]["properties"].values():
            prop.pop("anyOf")
            prop.pop("default", None)
            prop.update(_optional({"$ref": "#/$defs/Approval"}))
    for name in _NOMINEES:
        approvals = defs[name]["properties"]["审批意见"]
        ref = approvals["anyOf"][0]
        approvals.pop("anyOf")
        approvals.pop("default", None)
        approvals.update(_optional(ref))
    # Each list item is a slot: empty (one hint, as XJ221) or a nominee checked field by field.
    for name in _NOMINEES:
        defs[f"{name}Slot"] = {
            "title": _TITLES[name],
            "if": {"$ref": "#/$defs/Blank"},
            "then": {"type": "array", "errorMessage": f"这个{_TITLES[name]}推荐对象还没有填写（XJ221）"},
            "else": {"$ref": f"#/$defs/{name}"},
        }
    for category in ("WindowCategory", "ExemplarCategory", "BrandCategory"):
        for prop in defs[category]["properties"].values():
            prop["items"]["$ref"] += "Slot"
            prop["errorMessage"] = "这里应当是列表，每个对象以“- ”开头并缩进"
    defs["Blank"] = _blank()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"{campaign.名称}推荐文件"
    schema["description"] = f"依据{campaign.文号}。由 xianjin schema 从 xianjin 的数据模型生成，请勿手工修改。"
    for name, definition in defs.items():
        if name in _TITLES:
            definition["title"] = _TITLES[name]
    assert set(CATEGORIES) <= set(schema["properties"])
    return schema


def schema_text(campaign: Campaign) -> str:
    return json.dumps(submission_schema(campaign), ensure_ascii=False, indent=2) + "\n"
