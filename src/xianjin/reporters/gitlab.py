"""GitLab's Code Quality report (the Code Climate JSON GitLab reads) for the merge-request widget.

GitLab keeps one entry per fingerprint and stops reading at the first entry its schema
refuses, so every entry has a file and a line, and fingerprints are unique. They leave
out the line number, so that a problem that only moved is not shown as fixed and new.
Problems of no file (province totals) have nowhere to be shown and are left out: the
JUnit report's 全省汇总 case and the job log carry them.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import TextIO

from xianjin.reporters.common import problem_text, repo_path
from xianjin.result import Report
from xianjin.text import visible

SEVERITY = {"error": "critical", "warning": "minor"}


def issues(report: Report) -> list[dict]:
    seen: Counter[str] = Counter()
    rows = []
    for p in report.problems:
        if not p.path:
            continue
        path = repo_path(p.path)
        key = "\0".join((path, p.code, p.field, p.message))
        seen[key] += 1
        fingerprint = hashlib.md5(f"{key}\0{seen[key]}".encode("utf-8")).hexdigest()
        rows.append({
            "description": visible(f"{p.code} ") + problem_text(p),
            "check_name": p.code,
            "fingerprint": fingerprint,
            "severity": SEVERITY[p.level],
            "location": {"path": path, "lines": {"begin": max(p.line, 1)}},
        })
    return rows


def write(report: Report, out: TextIO, **_) -> None:
    json.dump(issues(report), out, ensure_ascii=False, indent=2)
    out.write("\n")
