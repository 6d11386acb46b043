"""The provincial office's overview: one row per unit, submitted or not, and the province totals."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import dataclass

from xianjin.campaign import ALTERNATE, BRANDS, CATEGORIES, EXEMPLARS, FORMAL, WINDOWS
from xianjin.result import Report, UnitFile
from xianjin.text import visible

COLUMNS = ("推荐单位", "窗口名额", "窗口推荐", "窗口递补", "标兵名额", "标兵推荐", "标兵递补",
           "品牌幅度", "品牌推荐", "错误", "警告", "报送日期", "文件")
# With a decisions file, what became of each unit's nominees (three categories together):
# formal nominees who passed the inspection, cancelled, alternates promoted, awarded.
STAGES = ("考察通过", "取消", "递补", "表彰")


@dataclass
class Row:
    推荐单位: str
    窗口名额: int
    窗口推荐: int | None
    窗口递补: int | None
    标兵名额: int
    标兵推荐: int | None
    标兵递补: int | None
    品牌幅度: str
    品牌推荐: int | None
    错误: int | None
    警告: int | None
    报送日期: str
    文件: str
    考察通过: int | None = None
    取消: int | None = None
    递补: int | None = None
    表彰: int | None = None


def columns(report: Report) -> tuple[str, ...]:
    if report.outcome is None:
        return COLUMNS
    at = COLUMNS.index("品牌推荐") + 1
    return COLUMNS[:at] + STAGES + COLUMNS[at:]


def shown_cells(row: Row, names: tuple[str, ...]) -> list:
    """The row's cells, file names made visible (a name may hold any byte but "/"): every format's."""
    return [visible(v) if isinstance(v, str) else v for v in (getattr(row, name) for name in names)]


def _stages(report: Report, unit: str) -> dict[str, int]:
    outcome = report.outcome
    if outcome is None:
        return {}
    counts = [outcome.stages(unit, c) for c in CATEGORIES]
    return {name: sum(c[name] for c in counts) for name in STAGES}


def _files_by_unit(report: Report) -> dict[str, list[UnitFile]]:
    by_unit: dict[str, list[UnitFile]] = {}
    for u in report.units:
        if u.unit:
            by_unit.setdefault(u.unit, []).append(u)
    return by_unit


def _counted(report: Report) -> list[UnitFile]:
    """The files whose numbers a row shows: a unit that sent two files shows none (XJ401)."""
    return [files[0] for files in _files_by_unit(report).values() if len(files) == 1]


def rows(report: Report) -> list[Row]:
    by_unit = _files_by_unit(report)
    out = []
    for quota in report.campaign.推荐单位:
        files = by_unit.get(quota.名称, [])
        u = files[0] if len(files) == 1 else None
        low, high = quota.优质服务品牌
        out.append(Row(
            推荐单位=quota.名称,
            窗口名额=quota.群众满意窗口,
            窗口推荐=u.count(WINDOWS, FORMAL) if u else None,
            窗口递补=u.count(WINDOWS, ALTERNATE) if u else None,
            标兵名额=quota.行业服务标兵,
            标兵推荐=u.count(EXEMPLARS, FORMAL) if u else None,
            标兵递补=u.count(EXEMPLARS, ALTERNATE) if u else None,
            品牌幅度=f"{low}–{high}",
            品牌推荐=u.count(BRANDS, FORMAL) if u else None,
            错误=sum(f.errors for f in files) if files else None,
            警告=sum(f.warnings for f in files) if files else None,
            报送日期=f"{u.header.报送日期:%Y-%m-%d}" if u and u.header else "",
            文件=("、".join(f.path for f in files)) if files else "未报送",
            **(_stages(report, quota.名称) if u else {}),
        ))
    # A file whose 推荐单位 is wrong or that does not even load still belongs to someone:
    # the office must see it, with its errors, not a quiet 未报送.
    for u in report.units:
        if not u.unit:
            out.append(Row("（推荐单位不明）", 0, None, None, 0, None, None, "", None, u.errors, u.warnings,
                           "", u.path))
    return out


def totals(report: Report, table: list[Row]) -> Row:
    """The 合计 row: each column adds up the rows above it."""
    limits = report.campaign.全省名额
    counted = _counted(report)

    def add(name: str) -> int:
        return sum(getattr(r, name) or 0 for r in table)

    def total(category: str, section: str = FORMAL) -> int:
        return report.total(category, section, counted)

    stages = {name: add(name) for name in STAGES} if report.outcome is not None else {}
    return Row("合计", limits.get(WINDOWS, add("窗口名额")), total(WINDOWS), total(WINDOWS, ALTERNATE),
               limits.get(EXEMPLARS, add("标兵名额")), total(EXEMPLARS), total(EXEMPLARS, ALTERNATE), "",
               total(BRANDS), add("错误"), add("警告"), "",
               f"已报送 {sum(1 for r in table if r.错误 is not None and r.窗口名额)}/{len(report.campaign.推荐单位)}",
               **stages)


def _cell(value: object) -> str:
    return "—" if value is None else str(value)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * (width - _width(text))
    return space + text if right else text + space


def format_text(report: Report) -> str:
    table, names = rows(report), columns(report)
    cells = [list(names)] + [[_cell(v) for v in shown_cells(r, names)] for r in (*table, totals(report, table))]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(names))]
    numeric = {i for i, c in enumerate(names) if c not in ("推荐单位", "品牌幅度", "报送日期", "文件")}
    lines = []
    for n, row in enumerate(cells):
        lines.append("  ".join(_pad(c, widths[i], i in numeric) for i, c in enumerate(row)).rstrip())
        if n == 0 or n == len(cells) - 2:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def format_markdown(report: Report) -> str:
    table, names = rows(report), columns(report)
    lines = ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
    for r in (*table, totals(report, table)):
        lines.append("| " + " | ".join(_cell(v).replace("|", "\\|") for v in shown_cells(r, names)) + " |")
    return "\n".join(lines) + "\n"


def format_csv(report: Report) -> str:
    table, names = rows(report), columns(report)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    for r in (*table, totals(report, table)):
        writer.writerow(["" if v is None else v for v in shown_cells(r, names)])
    # A BOM so that Excel on Windows opens the Chinese correctly.
    return "\ufeff" + buffer.getvalue()


def format_json(report: Report) -> str:
    table, names = rows(report), columns(report)
    data = {"units": [dict(zip(names, shown_cells(r, names))) for r in table],
            "total": dict(zip(names, shown_cells(totals(report, table), names)))}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


FORMATTERS = {"text": format_text, "markdown": format_markdown, "csv": format_csv, "json": format_json}
