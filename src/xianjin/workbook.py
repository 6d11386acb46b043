"""An Excel workbook (.xlsx) → the same data, with positions, that the YAML loader gives.

The layout is the one `xianjin init 单位 --format xlsx` writes: a sheet 基本信息 with one
row per header field (栏目 | 内容), and one sheet per category with one row per nominee
and one column per field of the form, headed by the form's own words. The data that
comes out is what a YAML file of the same content loads to, so the models and rules
are the same; a position is (row, column, sheet) and prints as `衡水.xlsx:行业服务标兵!F7`.

Excel changes some values as they are typed (a General cell turns 1980.10 into the
number 1980.1, 0318… into 318…). Such a cell is reported here, under the field's own
rule, and the models' second opinion on it is not repeated (Loaded.settled).
A row that has nothing in it but its pre-filled 编号 and 类别 is an unused slot.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from xianjin.campaign import ALTERNATE, BRANDS, CATEGORIES, FORMAL
from xianjin.loader import MAX_BYTES, Loaded, read_bounded
from xianjin.models import BLOCK_FIELDS, NOMINEE_KINDS, Approval, Approvals, BrandApprovals, Header
from xianjin.problems import FieldPath, Problem, field_path
from xianjin.rules.fields import XJ201, XJ202, XJ203, XJ209
from xianjin.rules.loading import XJ101, XJ104, XJ108
from xianjin.rules.workbook import XJ120, XJ121, XJ122, XJ123, XJ124, XJ125, XJ126, XJ127
from xianjin.text import PRIVATE_USE_RE, nearest, squeeze

HEADER_SHEET = "基本信息"
SHEETS = (HEADER_SHEET, *CATEGORIES)
LABEL, CONTENT, HINT = "栏目", "内容", "填写说明"
NUMBER, KIND = "编号", "类别"
VOCABULARY_SHEET = "词表"  # the drop-down lists; hidden, written by xianjin
APPROVALS = "审批意见"
# The approval stages as the forms name them; each has an opinion and a date column.
STAGE_LABELS = {"主管单位党组织": "主管单位党组织意见",
                "推荐单位领导小组": "市委或省直机关创先争优活动领导小组意见",
                "省委领导小组": "省委创先争优活动领导小组审批意见"}
MONTH_FIELDS = frozenset({"出生年月"})
PHONE_FIELDS = frozenset({"单位电话", "联系电话"})
# Uncompressed, a province's biggest workbook is about 2 MB; more is not a submission (or a zip bomb).
MAX_UNPACKED = 8 * MAX_BYTES

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .et, and an encrypted .xlsx's container
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ONE_DECIMAL_ONE = re.compile(r"(\d{4})\.1")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_ERROR_VALUES = ("#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!")


@dataclass(frozen=True)
class Column:
    header: str  # row 1, the form's words
    path: tuple[str, ...]  # where the value goes in a nominee: ("姓名",), ("审批意见", "主管单位党组织", "日期")
    required: bool

    @property
    def name(self) -> str:
        """The field whose rules apply: 姓名, 日期."""
        return self.path[-1]


def stage_header(stage: str, part: str) -> str:
    label = STAGE_LABELS[stage]
    return label if part == "意见" else label.removesuffix("审批意见").removesuffix("意见") + "签署日期"


def columns(category: str) -> list[Column]:
    """The columns of a category's sheet after 编号 and 类别, in the form's order."""
    kind = NOMINEE_KINDS[category]
    out = []
    for name, info in kind.model_fields.items():
        if name != APPROVALS:
            out.append(Column(name, (name,), info.is_required()))
    stages = BrandApprovals if category == BRANDS else Approvals
    for stage in stages.model_fields:
        for part in Approval.model_fields:
            out.append(Column(stage_header(stage, part), (APPROVALS, stage, part), False))
    return out


def header_fields() -> list[Column]:
    return [Column(name, (name,), info.is_required()) for name, info in Header.model_fields.items()]


@dataclass
class WorkbookLoaded(Loaded):
    """A workbook's Loaded: positions carry their sheet, and problems are listed sheet by sheet."""

    sheets: list[str] = field(default_factory=list)

    def order(self, p: Problem) -> tuple:
        index = self.sheets.index(p.sheet) if p.sheet in self.sheets else -1
        return (index, p.line, p.column, p.code)


def load_workbook_file(path: str | Path, named: bool = True) -> Loaded:
    result = WorkbookLoaded(str(path), submission=True)
    raw = read_bounded(result, "推荐工作簿通常不到 1 MB，请确认选对了文件")
    return result if raw is None else load_workbook_bytes(raw, result.path, named)


def load_workbook_bytes(raw: bytes, path: str = "<input>", named: bool = True) -> Loaded:
    result = WorkbookLoaded(path, submission=True)
    books = _open(raw, result, named)
    if books is None:
        return result
    _Reader(result, *books).read()
    return result


def _open(raw: bytes, result: WorkbookLoaded, named: bool):
    path = result.path
    if raw.startswith(_OLE2):
        if _ENCRYPTED in raw:
            result.problems.append(XJ121.problem(
                path, (1, 1), "", "工作簿设置了打开密码，xianjin 无法读取；请在 Excel 中删去密码"
                "（文件→信息→保护工作簿→用密码进行加密，清空后确定）再保存"))
        else:
            # Found in a folder walk it may be anyone's old spreadsheet: a warning, not an error.
            result.problems.append(XJ120.problem(
                path, (1, 1), "", "这是 Excel 97–2003（.xls）或 WPS 表格（.et）的旧格式，xianjin 只读 .xlsx；"
                "请在 Excel 或 WPS 中“另存为”Excel 工作簿（*.xlsx）", level=None if named else "warning"))
        return None
    if path.lower().endswith((".xls", ".et")):
        result.problems.append(XJ120.problem(
            path, (1, 1), "", "扩展名是旧格式（.xls/.et），xianjin 只读 .xlsx；请在 Excel 或 WPS 中“另存为”"
            "Excel 工作簿（*.xlsx）", level=None if named else "warning"))
        return None
    corrupt = XJ122.problem(path, (1, 1), "", "文件不能作为 .xlsx 工作簿打开：已经损坏，或者是别的文件改了扩展名；"
                              "请在 Excel 或 WPS 中打开确认，重新保存为 .xlsx")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            unpacked = sum(i.file_size for i in z.infolist())
            if "xl/workbook.xml" not in z.namelist():
                result.problems.append(corrupt)
                return None
    except (zipfile.BadZipFile, ValueError, OSError):
        result.problems.append(corrupt)
        return None
    if unpacked > MAX_UNPACKED:
        result.problems.append(XJ101.problem(
            path, (1, 1), "", f"工作簿解压后有 {unpacked / 1024 / 1024:.0f} MB，超过了 {MAX_UNPACKED // 1024 // 1024} MB "
            "的上限；推荐工作簿通常不到 2 MB，请确认选对了文件"))
        return None
    import openpyxl  # here, so that validating YAML never pays for it

    try:
        formulas = openpyxl.load_workbook(io.BytesIO(raw), rich_text=False)
        # Cached results are only in a second reading; most workbooks have no formula at all.
        cached = (openpyxl.load_workbook(io.BytesIO(raw), data_only=True)
                  if any(c.data_type == "f" for ws in formulas.worksheets for row in ws.iter_rows() for c in row)
                  else None)
    except Exception:  # openpyxl raises anything from KeyError to TypeError on a damaged file
        result.problems.append(corrupt)
        return None
    return formulas, cached


class _Reader:
    def __init__(self, result: WorkbookLoaded, book, cached) -> None:
        self.result = result
        self.book = book
        self.cached = cached
        self.merged: dict[tuple[str, int, int], str] = {}

    # --- the problems ---------------------------------------------------------------

    def add(self, rule, where: tuple, path: FieldPath, message: str, level: str | None = None) -> None:
        self.result.problems.append(rule.problem(self.result.path, where, field_path(path), message, level))

    def settle(self, path: FieldPath) -> None:
        self.result.settled.add(field_path(path))

    # --- the workbook -----------------------------------------------------------------

    def read(self) -> None:
        res = self.result
        present = {squeeze(ws.title): ws for ws in self.book.worksheets}
        res.sheets = [ws.title for ws in self.book.worksheets]
        first = present.get(HEADER_SHEET) or next(iter(present.values()))
        res.value_at[()] = (1, 1, first.title)
        unknown = [ws for name, ws in present.items() if name not in SHEETS and name != VOCABULARY_SHEET
                   and ws.max_row >= 1 and any(c.value is not None for c in ws[1])]
        if not any(name in present for name in SHEETS):
            if not any(self._looks_like(unknown, cat) for cat in CATEGORIES):
                res.submission = False
                self.add(XJ123, (1, 1, first.title), (),
                         "工作簿里没有推荐工作簿的工作表（基本信息、群众满意窗口、行业服务标兵、优质服务品牌）；"
                         "可以用 xianjin init 单位 --format xlsx 生成一份")
                return
        data: dict = {}
        for ws in self.book.worksheets:
            for cells in ws.merged_cells.ranges:
                for row in range(cells.min_row, cells.max_row + 1):
                    for col in range(cells.min_col, cells.max_col + 1):
                        self.merged[(ws.title, row, col)] = cells.coord
        if HEADER_SHEET in present:
            self._header(present[HEADER_SHEET], data)
        else:
            self.add(XJ123, (1, 1, first.title), (),
                     f"缺少工作表“{HEADER_SHEET}”（推荐单位、填报单位、报送日期等）；请按 xianjin init 生成的样子补上")
            for col in header_fields():
                self.settle(col.path)
        for category in CATEGORIES:
            if category in present:
                data[category] = self._category(present[category], category)
                continue
            res.key_at[(category,)] = res.value_at[()]
            self.settle((category,))
            ws = self._looks_like(unknown, category)
            if ws is not None:
                self.add(XJ123, (1, 1, ws.title), (category,),
                         f"工作表“{ws.title}”的表头是{category}的，但工作表名不对；请把它改回“{category}”")
            else:
                self.add(XJ123, res.value_at[()], (category,), f"缺少工作表“{category}”；请按 xianjin init 生成的样子补上")
        res.data = data
        # What the cache key and a folder walk see of this workbook: its data, in one canonical text.
        res.text = json.dumps(data, ensure_ascii=False, sort_keys=True)

    def _looks_like(self, sheets: list, category: str):
        wanted = {c.header for c in columns(category)} | {NUMBER, KIND}
        for ws in sheets:
            headers = [squeeze(str(c.value)) for c in ws[1] if c.value is not None]
            # Our sheets start 编号 | 类别; a list with the same fields (the office's summary) is no submission.
            if headers[:1] == [NUMBER] and len(set(headers) & wanted) * 2 > len(wanted):
                return ws
        return None

    # --- one cell ---------------------------------------------------------------------

    def text(self, ws, row: int, col: int, path: FieldPath, name: str) -> str | None:
        """The cell as the text a clerk meant, or None when blank or unreadable (reported)."""
        cell = ws.cell(row, col)
        where = (row, col, ws.title)
        value = cell.value
        merged = self.merged.get((ws.title, row, col))
        if merged:
            self.settle(path)
            if merged.startswith(cell.coordinate + ":"):
                self.add(XJ124, where, path, f"单元格 {merged} 是合并的；每个推荐对象一行、每栏一格，请取消合并，把内容逐格填好")
        if cell.data_type == "f":
            cell = self.cached[ws.title].cell(row, col) if self.cached is not None else None
            value = cell.value if cell is not None else None
            if value is None:
                self.settle(path)
                self.add(XJ125, where, path, "这一格是公式，但文件里没有保存计算结果；请在 Excel 中打开并保存，或直接填写文字")
                return None
        if cell.data_type == "e" or (isinstance(value, str) and value in _ERROR_VALUES):
            self.settle(path)
            self.add(XJ125, where, path, f"这一格显示错误值 {value}；请改正公式，或直接填写文字")
            return None
        if value is None:
            return None
        if isinstance(value, (datetime, date)):
            # A date typed into 出生年月: Excel stored the day; the year and month are what was meant.
            return f"{value.year}.{value.month:02d}" if name in MONTH_FIELDS else f"{value:%Y-%m-%d}"
        if isinstance(value, time):
            return value.strftime("%H:%M")
        if isinstance(value, bool):
            return "TRUE" if value else "FALSE"
        if isinstance(value, (int, float)):
            return self._number(value, where, path, name)
        # Excel writes a character XML cannot hold as _xHHHH_ (a carriage return as _x000D_).
        text = _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), str(value))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        bad = _CONTROL.search(text)
        if bad:
            self.settle(path)
            self.add(XJ104, where, path, f"这一格含有不可见的控制字符 U+{ord(bad.group()):04X}（多半是从别处复制带来的），请删去")
            return None
        private = PRIVATE_USE_RE.search(text)
        if private:  # 造字, told by XJ114 with the nominee's name, as from a YAML file
            self.result.private.append((path, where, private.group(), private.start()))
        return text if text.strip() else None

    def _number(self, value: int | float, where: tuple, path: FieldPath, name: str) -> str | None:
        text = str(int(value)) if float(value).is_integer() else repr(float(value))
        if name in PHONE_FIELDS:
            self.settle(path)
            self.add(XJ209, where, path,
                     f"电话号码被 Excel 当成了数字 {text}，开头的 0 已经丢了；请把这一格设置为“文本”格式，"
                     f"重新输入带区号的号码，如 0{text[:3]}-{text[3:]}")
            return None
        if name in MONTH_FIELDS and _ONE_DECIMAL_ONE.fullmatch(text):
            year = text[:4]
            self.settle(path)
            self.add(XJ203, where, path,
                     f"这一格是数字 {text}：Excel 会把 {year}.10 存成 {year}.1，分不清是 1 月还是 10 月；"
                     f"请把这一格设置为“文本”格式，重新输入 {year}.10 或 {year}.01")
            return None
        return text

    # --- the sheets ---------------------------------------------------------------------

    def _header(self, ws, data: dict) -> None:
        res = self.result
        wanted = {c.name: c for c in header_fields()}
        seen: dict[str, int] = {}
        for row in range(2, ws.max_row + 1):
            label = self.text(ws, row, 1, (), "")
            if label is None:
                continue
            key = squeeze(label)
            path = (key,)
            if key in seen:
                self.add(XJ108, (row, 1, ws.title), path, f"“{key}”在第 {seen[key]} 行已经有了一行；请删去或改正其中一行")
                continue
            seen[key] = row
            res.key_at[path] = (row, 1, ws.title)
            res.value_at[path] = (row, 2, ws.title)
            value = self.text(ws, row, 2, path, key)
            column = wanted.get(key)
            if value is not None:
                data[key] = value
            elif column is None or column.required:
                data[key] = ""  # a blank required field; one not on the form is reported by the model
        for name, column in wanted.items():
            if name not in seen and column.required:
                res.key_at[(name,)] = res.value_at[()]

    def _category(self, ws, category: str) -> dict:
        res = self.result
        sheet = ws.title
        res.key_at[(category,)] = res.value_at[(category,)] = (1, 1, sheet)
        expected = {c.header: c for c in columns(category)}
        at: dict[str, int] = {}
        unknown: list[tuple[int, str]] = []
        for col in range(1, ws.max_column + 1):
            header = self.text(ws, 1, col, (category,), "")
            if header is None:
                continue
            header = squeeze(header)
            if header in at:
                self.add(XJ108, (1, col, sheet), (category,),
                         f"表头“{header}”在第 {at[header]} 列已经有了；请删去或改正其中一列")
            elif header in expected or header in (NUMBER, KIND):
                at[header] = col
            else:
                unknown.append((col, header))
        missing = [c for c in expected.values() if c.header not in at]
        for col, header in unknown:
            hint = _closest(header, [c.header for c in missing])
            said = f"是不是“{hint}”？请把表头改回原样" if hint else "这一栏的内容不会被读取；请删去这一栏，或改回表上的栏目名"
            self.add(XJ202, (1, col, sheet), (category,), f"表头“{header}”不是表中的栏目，{said}")
        for c in missing:
            if c.required and not any(_closest(h, [c.header]) for _, h in unknown):
                self.add(XJ201, (1, ws.max_column + 1, sheet), (category,), f"表头缺少“{c.header}”一栏；这是必填项")

        rows = []
        for row in range(2, ws.max_row + 1):
            kind_text = self.text(ws, row, at[KIND], (category,), "") if KIND in at else None
            cells = {c.header: row for c in expected.values() if c.header in at}
            filled = any(ws.cell(row, at[h]).value not in (None, "") for h in cells)
            if not filled:
                continue  # an unused slot: nothing but its 编号 and 类别
            section = FORMAL
            if kind_text is not None:
                squeezed = squeeze(kind_text)
                if squeezed in (ALTERNATE, "递补"):
                    section = ALTERNATE
                elif squeezed not in (FORMAL, "推荐"):
                    self.add(XJ126, (row, at[KIND], sheet), (category,),
                             f"“类别”应填“{FORMAL}”或“{ALTERNATE}”，这里是“{kind_text}”；暂按推荐对象检查")
            rows.append((row, section))

        sections: dict[str, list] = {FORMAL: []}
        if category != BRANDS or any(s == ALTERNATE for _, s in rows):
            sections[ALTERNATE] = []
        first_alternate = None
        for row, section in rows:
            items = sections.setdefault(section, [])
            index = len(items)
            base = (category, section, index)
            if index == 0:
                res.value_at[(category, section)] = res.key_at[(category, section)] = (row, 1, sheet)
            res.value_at[base] = (row, 1, sheet)
            items.append(self._nominee(ws, row, base, at, missing))
            if NUMBER not in at:
                continue
            # Formal rows are 1, 2, 3…; alternates follow on from whatever the first one says, so
            # that one row too many above them is told once (XJ301), not again at every number.
            typed = _number(ws.cell(row, at[NUMBER]).value)
            if section == ALTERNATE and first_alternate is None:
                first_alternate = typed if typed is not None else index + 1
            expected = index + 1 if section == FORMAL else first_alternate + index
            if typed is not None and typed != expected:
                self.add(XJ127, (row, at[NUMBER], sheet), base,
                         f"“编号”一栏写的是 {typed}，按行的先后这一行的编号是 {expected}；编号按顺序确定，请核对行的顺序")
        return sections

    def _nominee(self, ws, row: int, base: FieldPath, at: dict[str, int], missing: list[Column]) -> dict:
        res = self.result
        item: dict = {}
        for column in columns(base[0]):
            path = base + column.path
            if column.header not in at:
                if column in missing:
                    self.settle(path)
                continue
            col = at[column.header]
            res.value_at[path] = res.key_at[path] = (row, col, ws.title)
            value = self.text(ws, row, col, path, column.name)
            if value is not None and column.name in BLOCK_FIELDS:
                value = value.strip("\n")
            if value is None and not column.required:
                continue
            target = item
            for part in column.path[:-1]:
                target = target.setdefault(part, {})
            target[column.name] = "" if value is None else value
        for stage, parts in item.get(APPROVALS, {}).items():
            if "意见" not in parts:
                # A date without an opinion: the opinion is what is missing, at its cell.
                parts["意见"] = ""
        return item



def _number(typed: object) -> int | None:
    if isinstance(typed, (int, float)) and float(typed).is_integer():
        return int(typed)
    text = str(typed or "").strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    return int(text) if text.isdigit() else None


def _closest(header: str, candidates: list[str]) -> str | None:
    # One missing column is what a renamed header was, however it was renamed.
    if len(candidates) == 1:
        return candidates[0]
    return nearest(header, candidates, cutoff=0.4)
