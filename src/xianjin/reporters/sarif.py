"""SARIF 2.1.0 for GitHub code scanning: every problem inline on its line, no limit of ten.

One result per problem in a file, with the rule id, level, message and region; the
rules carry their Chinese title and explanation. Problems of no file (province totals,
units not submitted) go to the run's tool notifications: GitHub refuses a whole SARIF
file when any result has no location, and they are in the log and the job summary anyway.
"""

from __future__ import annotations

import json
from typing import TextIO
from urllib.parse import quote

from xianjin import __version__
from xianjin.rules import RULES
from xianjin.reporters.common import problem_text, repo_path
from xianjin.result import Report
from xianjin.text import visible

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def sarif_log(report: Report) -> dict:
    rules = list(RULES)
    index = {r.code: i for i, r in enumerate(rules)}
    results, notifications = [], []
    for p in report.problems:
        if not p.path:
            notifications.append({"level": p.level, "message": {"text": problem_text(p)},
                                  "descriptor": {"id": p.code}})
            continue
        region = {"startLine": max(p.line, 1)}
        if p.column:
            region["startColumn"] = p.column
        results.append({
            "ruleId": p.code,
            "ruleIndex": index[p.code],
            "level": p.level,
            "message": {"text": problem_text(p)},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": quote(repo_path(p.path)), "uriBaseId": "%SRCROOT%"},
                "region": region}}],
        })
    run = {
        "tool": {"driver": {
            "name": "xianjin",
            "version": __version__,
            "language": "zh-CN",
            "rules": [{
                "id": r.code,
                "shortDescription": {"text": visible(r.title)},
                "fullDescription": {"text": visible(r.explanation)},
                "help": {"text": visible(f"{r.title}：{r.explanation}（xianjin rules {r.code}）")},
                "defaultConfiguration": {"level": r.level},
            } for r in rules],
        }},
        # libyaml counts columns in characters; SARIF's default is UTF-16 code units.
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def write(report: Report, out: TextIO, **_) -> None:
    json.dump(sarif_log(report), out, ensure_ascii=False, indent=2)
    out.write("\n")
