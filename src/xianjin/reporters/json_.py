"""A JSON list of problems: file, line, column, code, level, field, message."""

from __future__ import annotations

import json
from typing import TextIO

from xianjin.result import Report


def write(report: Report, out: TextIO, *, color: bool = False, strict: bool = False) -> None:
    rows = [{"file": p.path, "line": p.line, "column": p.column, "code": p.code, "level": p.level,
             "field": p.field, "message": p.message} for p in report.problems]
    json.dump(rows, out, ensure_ascii=False, indent=2)
    out.write("\n")
