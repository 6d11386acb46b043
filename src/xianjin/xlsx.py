"""Workbooks xianjin writes: the clerk's starter workbook, a submission converted from YAML,
and the provincial office's summary.

The submission layout is `xianjin.workbook`'s (which reads it back): every data cell is
formatted as text, so that `0311` and `1980.10` stay as typed; the vocabulary columns
have drop-downs fed from a hidden sheet 词表; every column tells what goes in it when a
cell is selected (Excel's "input message", which WPS and LibreOffice show too).
"""

from __future__ import annotations

import io
from datetime import date

from xianjin.campaign import ALTERNATE, BRANDS, CATEGORIES, FORMAL, Campaign, UnitQuota
from xianjin.models import BLOCK_FIELDS, NOMINEE_KINDS, Header
from xianjin.problems import column_letter
from xianjin.stablezip import stable_zip
from xianjin.starter import hint
from xianjin.text import visible
from xianjin.workbook import (APPROVALS, CONTENT, HEADER_SHEET, HINT, KIND, LABEL, NUMBER, VOCABULARY_SHEET,
                              Column, columns)

TEXT = "@"
EXTRA_ROWS = 60  # rows below the slots that still get the text format and the drop-downs
_WIDTHS = {"编号": 6, "类别": 10, "姓名": 10, "性别": 6, "出生年月": 10, "民族": 9, "学历": 12, "政治面貌": 12,
           "党组织负责人": 12, "单位电话": 16, "联系电话": 16, "所属行业": 14, "报送日期": 14, "联系人": 10}
_BLOCK_WIDTH, _LINE_WIDTH = 60, 28
# What a drop-down offers, and whether something else may be typed (学历 takes 本科, 大专…;
# a 所属行业 outside the notice's list is only a warning).
_LISTS = {"性别": ("性别", "stop"), "民族": ("民族", "stop"), "政治面貌": ("政治面貌", "stop"),
          "学历": ("学历", "warning"), "所属行业": ("行业", "warning")}


def _styles():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="999999")
    return {
        "head_font": Font(bold=True),
        "head_fill": PatternFill("solid", fgColor="DDEBF7"),
        "head_align": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "wrap": Alignment(vertical="top", wrap_text=True),
        "top": Alignment(vertical="top"),
        "hint_font": Font(color="666666"),
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
    }


def _new_book(author: str, stamp: date, title: str):
    from datetime import datetime

    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    when = datetime(stamp.year, stamp.month, stamp.day)
    wb.properties.creator = author
    wb.properties.lastModifiedBy = author
    wb.properties.title = title
    wb.properties.created = when
    wb.properties.modified = when
    return wb


def _finish(wb, stamp: date) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return stable_zip(buffer.getvalue(), stamp)


def _printable(ws) -> None:
    """Printed (or turned into PDF) on A4 landscape, all columns on one page width."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def _head(ws, headers: list[str], widths: list[float], st) -> None:
    for col, (text, width) in enumerate(zip(headers, widths), 1):
        cell = ws.cell(1, col, text)
        cell.font, cell.fill, cell.alignment, cell.border = st["head_font"], st["head_fill"], st["head_align"], st["border"]
        ws.column_dimensions[column_letter(col)].width = width
    ws.row_dimensions[1].height = 48
    _printable(ws)


def _width(column: Column) -> float:
    if column.path[0] == APPROVALS:
        return 14 if column.name == "日期" else 24
    return _WIDTHS.get(column.name, _BLOCK_WIDTH if column.name in BLOCK_FIELDS else _LINE_WIDTH)


def _text_cell(ws, row: int, col: int, value: str | None, st, wrap: bool = True) -> None:
    cell = ws.cell(row, col)
    if value is not None:
        cell.value = value
    cell.number_format = TEXT
    cell.border = st["border"]
    cell.alignment = st["wrap"] if wrap else st["top"]


# --- a submission -------------------------------------------------------------------------

def _vocabulary(wb, campaign: Campaign) -> dict[str, str]:
    """The hidden sheet of drop-down lists; returns each list's range."""
    ws = wb.create_sheet(VOCABULARY_SHEET)
    ws.sheet_state = "hidden"
    ranges = {}
    for col, (field, (entries, _)) in enumerate(_LISTS.items(), 1):
        values = getattr(campaign, entries)
        ws.cell(1, col, field)
        for row, value in enumerate(values, 2):
            ws.cell(row, col, value).number_format = TEXT
        letter = column_letter(col)
        ranges[field] = f"{VOCABULARY_SHEET}!${letter}$2:${letter}${len(values) + 1}"
    return ranges


def _prompt(ws, column_letter_: str, first: int, last: int, title: str, text: str, lists: dict[str, str],
            field: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    listed = _LISTS.get(field)
    if listed:
        dv = DataValidation(type="list", formula1=lists[field], allow_blank=True, showDropDown=False,
                            errorStyle=listed[1], showErrorMessage=True, errorTitle=field,
                            error=f"请从下拉列表中选择{field}" + ("" if listed[1] == "stop" else "（也可以照填，xianjin 会提示）"))
    else:
        dv = DataValidation(allow_blank=True)
    dv.showInputMessage = True
    dv.promptTitle = title[:32]
    dv.prompt = text[:255]
    dv.add(f"{column_letter_}{first}:{column_letter_}{last}")
    ws.add_data_validation(dv)


def _header_sheet(wb, values: dict[str, str], area: str, st) -> None:
    ws = wb.create_sheet(HEADER_SHEET)
    _head(ws, [LABEL, CONTENT, HINT], [14, 70, 40], st)
    ws.freeze_panes = "A2"
    for row, (name, info) in enumerate(Header.model_fields.items(), 2):
        ws.cell(row, 1, name).border = st["border"]
        ws.cell(row, 1).font, ws.cell(row, 1).alignment = st["head_font"], st["top"]
        _text_cell(ws, row, 2, values.get(name), st)
        note = ws.cell(row, 3, hint(name, info.description or "", area) + ("" if info.is_required() else "（可不填）"))
        note.font, note.alignment = st["hint_font"], st["wrap"]
        if name in BLOCK_FIELDS:
            ws.row_dimensions[row].height = 240
    ws.column_dimensions["B"].number_format = TEXT


def _category_sheet(wb, category: str, rows: list[tuple[str, dict | None]], area: str, lists: dict[str, str],
                    st, tall: bool) -> None:
    ws = wb.create_sheet(category)
    cols = columns(category)
    _head(ws, [NUMBER, KIND] + [c.header for c in cols], [_WIDTHS[NUMBER], _WIDTHS[KIND]] + [_width(c) for c in cols], st)
    ws.freeze_panes = "C2"
    fields = NOMINEE_KINDS[category].model_fields
    for number, (section, item) in enumerate(rows, 1):
        row = number + 1
        _text_cell(ws, row, 1, str(number), st, wrap=False)
        _text_cell(ws, row, 2, section, st, wrap=False)
        for col, column in enumerate(cols, 3):
            value = item
            for part in column.path:
                value = value.get(part) if isinstance(value, dict) else None
            if isinstance(value, str) and column.name in BLOCK_FIELDS:
                value = value.strip("\n")
            _text_cell(ws, row, col, value if isinstance(value, str) else None, st)
        ws.row_dimensions[row].height = 120 if tall else 30
    last = len(rows) + 1 + EXTRA_ROWS
    kinds = ",".join((FORMAL,) if category == BRANDS else (FORMAL, ALTERNATE))
    _kind_list(ws, f"B2:B{last}", kinds)
    for col, column in enumerate(cols, 3):
        letter = column_letter(col)
        ws.column_dimensions[letter].number_format = TEXT
        if column.path[0] == APPROVALS:
            title, text = column.header, "可不填；填了意见才印在表上" + ("，例：2012-08-10" if column.name == "日期" else "")
        else:
            info = fields[column.name]
            title, text = column.header, hint(column.name, info.description or "", area)
        _prompt(ws, letter, 2, last, title, text, lists, column.name)
    for letter in "AB":
        ws.column_dimensions[letter].number_format = TEXT


def _kind_list(ws, cells: str, kinds: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    dv = DataValidation(type="list", formula1=f'"{kinds}"', allow_blank=True, showErrorMessage=True,
                        errorTitle=KIND, error=f"类别只能是{kinds.replace(',', '或')}")
    dv.showInputMessage = True
    dv.promptTitle = KIND
    dv.prompt = "推荐对象按名额依次排列，递补对象排在后面；编号按行的先后确定"
    dv.add(cells)
    ws.add_data_validation(dv)


def _submission_book(header: dict, rows: dict[str, list[tuple[str, dict | None]]], quota: UnitQuota | None,
                     campaign: Campaign, stamp: date, tall: bool) -> bytes:
    st = _styles()
    # A file naming no known unit is still converted; its hints use the capital's area code.
    area = (quota or campaign.推荐单位[0]).区号[0]
    author = header.get("填报单位") or (quota.填报单位 if quota else "")
    wb = _new_book(author, stamp, f"{quota.名称 if quota else ''}推荐工作簿（{campaign.文号}）")
    _header_sheet(wb, header, area, st)
    lists = _vocabulary(wb, campaign)
    for category in CATEGORIES:
        _category_sheet(wb, category, rows[category], area, lists, st, tall)
    # The hidden vocabulary sheet goes last, so that the clerk's sheets are the first four.
    wb.move_sheet(VOCABULARY_SHEET, offset=len(wb.sheetnames))
    wb.active = 0
    return _finish(wb, stamp)


def starter_workbook(quota: UnitQuota, campaign: Campaign) -> bytes:
    """`xianjin init UNIT --format xlsx`: the unit's exact slots, 编号 and 类别 filled in."""
    rows: dict[str, list] = {}
    for category in CATEGORIES:
        if category == BRANDS:
            rows[category] = [(FORMAL, None)] * quota.优质服务品牌[1]
        else:
            rows[category] = [(FORMAL, None)] * quota.quota(category) + [(ALTERNATE, None)] * campaign.递补名额
    header = {"推荐单位": quota.名称, "填报单位": quota.填报单位}
    return _submission_book(header, rows, quota, campaign, campaign.报送截止日期, tall=False)


def submission_workbook(data: dict, quota: UnitQuota | None, campaign: Campaign) -> bytes:
    """A submission's data (as the YAML loader gives it) as a workbook that reads back to the same data."""
    header = {k: v for k, v in data.items() if k not in CATEGORIES and isinstance(v, str)}
    rows: dict[str, list] = {}
    for category in CATEGORIES:
        sections = data.get(category) or {}
        rows[category] = [(section, item if isinstance(item, dict) else {})
                          for section in (FORMAL, ALTERNATE) for item in (sections.get(section) or [])]
    stamp = _date_or(header.get("报送日期"), campaign.报送截止日期)
    return _submission_book(header, rows, quota, campaign, stamp, tall=True)


def _date_or(text: str | None, fallback: date) -> date:
    from xianjin.values import parse_date

    try:
        return parse_date(text or "")
    except ValueError:
        return fallback


# --- the provincial office's summary ---------------------------------------------------------

SUMMARY_SHEET = "附件1汇总"


def summary_workbook(report) -> bytes:
    """附件1's table with what each unit sent, and one sheet per category listing every nominee."""
    from xianjin.render.context import RANKING_COLUMNS, ranking_cell
    from xianjin.summary import columns as summary_columns
    from xianjin.summary import rows, shown_cells, totals

    st = _styles()
    units = [u for u in report.units if u.header]
    stamp = max((u.header.报送日期 for u in units), default=report.campaign.报送截止日期)
    wb = _new_book(report.campaign.发文机关, stamp, "全省为民服务创先争优推荐情况汇总")
    ws = wb.create_sheet(SUMMARY_SHEET)
    names = summary_columns(report)  # with a decisions file, the stage columns too
    _head(ws, list(names), [12 if c != "文件" else 40 for c in names], st)
    table = rows(report)
    for r, row in enumerate([*table, totals(report, table)], 2):
        # summary.shown_cells: file names made visible, as a workbook cannot hold control characters.
        for c, value in enumerate(shown_cells(row, names), 1):
            cell = ws.cell(r, c, "—" if value is None else value)
            cell.border = st["border"]
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{column_letter(len(names))}{len(table) + 1}"
    for category in CATEGORIES:
        main = [c for c in columns(category) if c.path[0] != APPROVALS and c.name not in BLOCK_FIELDS]
        ranking = f"排序表（{RANKING_COLUMNS[category]}）"
        heads = ["推荐单位", NUMBER, KIND, ranking] + [c.header for c in main] + ["文件"]
        ws = wb.create_sheet(f"{category}名单")
        _head(ws, heads, [10, 6, 10, 50] + [_width(c) for c in main] + [30], st)
        r = 1
        for u in units:
            for e in u.valid_entries(category):
                r += 1
                values = [u.unit, e.number, e.section, ranking_cell(e.model)]
                values += [getattr(e.model, c.name) for c in main] + [visible(u.path)]
                for c, value in enumerate(values, 1):
                    cell = ws.cell(r, c, value)
                    cell.border = st["border"]
                    if isinstance(value, str):
                        cell.number_format = TEXT
        ws.freeze_panes = "B2"
        ws.auto_filter.ref = f"A1:{column_letter(len(heads))}{max(r, 2)}"
    return _finish(wb, stamp)
