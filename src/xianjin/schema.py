"""JSON Schema for editors, generated from the models, with the campaign's vocabularies as enums.

VS Code's YAML extension reads it through the `# yaml-language-server: $schema=…` line
that `xianjin init` writes, and completes and underlines as the clerk types.
"""

from __future__ import annotations

import json

from xianjin.campaign import Campaign
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


def submission_schema(campaign: Campaign) -> dict:
    schema = Submission.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"{campaign.名称}推荐文件"
    schema["description"] = f"依据{campaign.文号}。由 xianjin schema 从 xianjin 的数据模型生成，请勿手工修改。"
    defs = schema["$defs"]
    for name, definition in defs.items():
        definition["title"] = _TITLES[name]
    _enum(schema, "推荐单位", [u.名称 for u in campaign.推荐单位])
    exemplar = defs["Exemplar"]
    _enum(exemplar, "性别", list(campaign.性别))
    _enum(exemplar, "民族", list(campaign.民族))
    _enum(exemplar, "政治面貌", list(campaign.政治面貌))
    _enum(exemplar, "学历", list(dict.fromkeys([*campaign.学历, *campaign.学历简称])))
    # YAML reads an unquoted 1978.05 as a number; xianjin reads it as the text typed, so both are fine.
    exemplar["properties"]["出生年月"].pop("type", None)
    exemplar["properties"]["出生年月"]["type"] = ["string", "number"]
    for model in (schema, *defs.values()):
        for name in model.get("required", []):
            prop = model["properties"][name]
            if prop.get("type") == "string" and "enum" not in prop:
                prop["minLength"] = 1
    # YAML loaders hand an unquoted 2012-08-15 to the validator as a date or as text.
    for holder in (schema["properties"]["报送日期"], defs["Approval"]["properties"]["日期"]):
        _loosen_date(holder)
    return schema


def _enum(model: dict, field: str, values: list[str]) -> None:
    prop = model["properties"][field]
    prop.pop("minLength", None)
    prop["enum"] = values


def _loosen_date(prop: dict) -> None:
    for option in prop.get("anyOf", [prop]):
        if option.get("format") == "date":
            option.pop("format")


def schema_text(campaign: Campaign) -> str:
    return json.dumps(submission_schema(campaign), ensure_ascii=False, indent=2) + "\n"
