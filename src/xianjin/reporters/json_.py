"""A JSON list of problems: file, line, column, code, level, field, message."""

from __future__ import annotations

import json
from typing import TextIO

from xianjin.text import visible
from xianjin.validate import Report


def write(report: Report, out: TextIO, *, color: bool = False, strict: bool = False) -> None:
    # visible(): a file name in GBK bytes (surrogate-escaped) would make the JSON invalid UTF-8.
    rows = [{"file": visible(p.path), "line": p.line, "column": p.column, "code": p.code, "level": p.level,
             "field": visible(p.field), "message": visible(p.message)} for p in report.problems]
    json.dump(rows, out, ensure_ascii=False, indent=2)
    out.write("\n")
