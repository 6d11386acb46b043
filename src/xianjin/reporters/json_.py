"""A JSON list of problems: file, line, column, code, level, field, message.

A problem of no file (province totals, units not submitted) has `"file": null` and
`"line": null`, `"column": null`: there is no place to point at. A problem in a workbook
adds `"sheet"` and `"cell"` (行业服务标兵, F7); its line and column are the cell's row and column.
"""

from __future__ import annotations

import json
from typing import TextIO

from xianjin.result import Report
from xianjin.text import visible


def write(report: Report, out: TextIO, **_) -> None:
    # visible(): a file name in GBK bytes (surrogate-escaped) would make the JSON invalid UTF-8.
    rows = [{"file": visible(p.path) if p.path else None,
             "line": p.line if p.path else None, "column": p.column if p.path else None,
             "code": p.code, "level": p.level, "field": visible(p.field), "message": visible(p.message),
             # In a workbook line and column are the row and column of this sheet's cell.
             **({"sheet": visible(p.sheet), "cell": p.cell} if p.sheet else {})}
            for p in report.problems]
    json.dump(rows, out, ensure_ascii=False, indent=2)
    out.write("\n")
