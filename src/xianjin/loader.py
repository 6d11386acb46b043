"""bytes → text → YAML nodes → plain data that remembers where every value was typed.

The loader never lets YAML guess a type: every scalar is read as the text the clerk
typed (`1980.10` stays "1980.10", `0311` keeps its zero, `no` is not False). Only the
models decide what a text means. Everything that can go wrong becomes a Problem; the
loader does not raise.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from xianjin.files import os_error_text
from xianjin.problems import FieldPath, Problem, Where, field_path
from xianjin.rules.loading import (XJ100, XJ101, XJ102, XJ103, XJ104, XJ105, XJ106, XJ107, XJ108,
                                   XJ109, XJ110, XJ111)

try:  # libyaml is ten times faster; PyPI's PyYAML wheels include it.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - only on a PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 20

# Tags a plain or quoted scalar gets from YAML's own resolver; we read them all as text.
_PLAIN_TAGS = {
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "timestamp", "value", "merge")
}
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_NULL = "tag:yaml.org,2002:null"
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Loaded:
    """One file as data, with the line/column of every value and key."""

    path: str
    text: str = ""
    data: object = None
    value_at: dict[FieldPath, Where] = field(default_factory=dict)  # where each value was typed
    key_at: dict[FieldPath, Where] = field(default_factory=dict)  # where each key was typed
    problems: list[Problem] = field(default_factory=list)
    io_error: bool = False
    # Fields whose problem the loader reported already (a workbook cell Excel changed): the models'
    # second opinion on the same value is not repeated.
    settled: set[str] = field(default_factory=set)
    # Whether this is a submission, when the loader can tell (a workbook by its sheets).
    submission: bool | None = None

    @property
    def ok(self) -> bool:
        return self.data is not None and not any(p.is_error for p in self.problems)

    def where(self, path: FieldPath) -> Where:
        """The value at path, or — for a key that is missing — the nearest mapping that lacks it."""
        while path:
            if path in self.value_at:
                return self.value_at[path]
            path = path[:-1]
        return self.value_at.get((), (1, 1))

    def where_key(self, path: FieldPath) -> Where:
        return self.key_at.get(path) or self.where(path)

    def order(self, p: Problem) -> tuple:
        """How this file's problems are listed: from its top to its bottom."""
        return (p.line, p.column, p.code)


def load_file(path: str | Path) -> Loaded:
    result = Loaded(str(path))
    raw = read_bounded(result, "请确认这是推荐文件而不是改了扩展名的其他文件")
    return result if raw is None else load_bytes(raw, result.path)


def read_bounded(result: Loaded, too_big: str) -> bytes | None:
    """The bytes of the file at result.path, or None with the reason in `result`: XJ100 (and
    io_error) when it cannot be read, XJ101 when it is over MAX_BYTES (`too_big` says what to do)."""
    path = result.path
    try:
        p = Path(path)
        size = p.stat().st_size
        if size > MAX_BYTES:
            result.problems.append(XJ101.problem(
                path, (1, 1), "",
                f"文件有 {size / 1024 / 1024:.1f} MB，超过了 {MAX_BYTES // 1024 // 1024} MB 的上限；{too_big}"))
            return None
        return p.read_bytes()
    except (OSError, ValueError) as exc:
        result.io_error = True
        result.problems.append(XJ100.problem(path, (1, 1), "", "无法读取这个文件：" + os_error_text(exc)))
        return None


def load_bytes(raw: bytes, path: str = "<input>") -> Loaded:
    result = Loaded(path)
    text = _decode(raw, result)
    if text is None:
        return result
    result.text = text
    bad = _CONTROL.search(text)
    if bad:
        result.problems.append(XJ104.problem(
            path, _line_col(text, bad.start()), "",
            f"第 {_line_col(text, bad.start())[0]} 行有不可见的控制字符 U+{ord(bad.group()):04X}；"
            "这不像是一个文本文件，请用纯文本编辑器另存为 UTF-8"))
        return result
    if not text.strip() or _only_comments(text):
        result.problems.append(XJ106.problem(path, (1, 1), "", "文件是空的，没有任何“键: 值”内容"))
        return result
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        result.problems.append(_syntax_problem(path, text, exc))
        return result
    except yaml.YAMLError:
        result.problems.append(XJ105.problem(path, (1, 1), "", "YAML 格式错误，无法读取"))
        return result
    if node is None:
        result.problems.append(XJ106.problem(path, (1, 1), "", "文件是空的，没有任何“键: 值”内容"))
        return result
    if not isinstance(node, yaml.MappingNode):
        result.problems.append(XJ107.problem(
            path, _mark(node), "",
            "文件最外层应当是“推荐单位: …”这样的“键: 值”，而这里是"
            + ("一个列表" if isinstance(node, yaml.SequenceNode) else "一段文字")))
        return result
    data = _Converter(result).convert(node, ())
    if not any(p.is_error for p in result.problems):
        result.data = data
    return result


def _decode(raw: bytes, result: Loaded) -> str | None:
    path = result.path
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            body = raw[len(bom):]
            try:
                text = body.decode(codec)
            except UnicodeDecodeError as exc:
                result.problems.append(_undecodable(path, body, exc))
                return None
            if codec != "utf-8":
                result.problems.append(XJ103.problem(
                    path, (1, 1), "", "文件是 UTF-16 编码（记事本的“Unicode”），已正确读取；请另存为 UTF-8"))
            return text
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        result.problems.append(XJ104.problem(
            path, (line, 1), "", f"第 {line} 行有空字符（0x00），这不是一个文本文件；请确认选对了文件"))
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        lenient = raw.decode("utf-8", "replace")
        if len(_HAN.findall(lenient)) > lenient.count("\ufffd"):
            # Mostly good UTF-8 Chinese with a few stray bytes: not a GBK file.
            result.problems.append(_undecodable(path, raw, utf8_error))
            return None
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            result.problems.append(_undecodable(path, raw, utf8_error))
            return None
        if not _HAN.search(text):
            # Decodable as GB18030 but no Chinese in it: random bytes, not a Notepad file.
            result.problems.append(_undecodable(path, raw, utf8_error))
            return None
        result.problems.append(XJ103.problem(
            path, (1, 1), "",
            "文件是 GBK/GB18030 编码（记事本的“ANSI”），已按该编码正确读取；请另存为 UTF-8"))
        return text


def _undecodable(path: str, raw: bytes, exc: UnicodeDecodeError) -> Problem:
    line = raw[: exc.start].count(b"\n") + 1
    line_start = raw.rfind(b"\n", 0, exc.start) + 1
    col = len(raw[line_start: exc.start].decode("utf-8", "replace")) + 1
    return XJ102.problem(
        path, (line, col), "",
        f"第 {line} 行有无法识别的字节 0x{raw[exc.start]:02X}，既不是 UTF-8 也不是 GBK 编码；"
        "请用记事本或 WPS 打开，另存为 UTF-8")


class _Converter:
    """YAML nodes → dicts, lists and strings; every value's position is recorded."""

    def __init__(self, result: Loaded) -> None:
        self.result = result
        self.seen: set[int] = set()
        self.alias_reported = False

    def convert(self, node: yaml.Node, path: FieldPath) -> object:
        res = self.result
        if len(path) > MAX_DEPTH:
            # A submission is six levels deep at most; deeper is junk, and would exhaust the stack.
            if not any(p.code == XJ107.code for p in res.problems):
                res.problems.append(XJ107.problem(
                    res.path, _mark(node), field_path(path[:MAX_DEPTH]),
                    f"这里嵌套了 {MAX_DEPTH} 层以上；推荐文件最多只有六层，请检查括号和缩进"))
            return None
        if id(node) in self.seen:
            # The C composer hands an alias back as the very node it names, so a
            # "billion laughs" file stops here at its first alias, in linear time.
            if not self.alias_reported:
                self.alias_reported = True
                res.problems.append(XJ109.problem(
                    res.path, res.where_key(path), field_path(path),
                    "这里用了别名（*名称）引用别处的内容；推荐文件不允许锚点和别名，请把内容完整写出"))
            return None
        self.seen.add(id(node))
        res.value_at[path] = _mark(node)
        if isinstance(node, yaml.ScalarNode):
            if node.tag not in _PLAIN_TAGS:
                return self._bad_tag(node, path)
            if node.tag == _NULL and not node.style:
                return None
            bad = _CONTROL.search(node.value)
            if bad:
                # Typed as an escape in double quotes ("\0", "\a"): invisible, and illegal in XML reports.
                res.problems.append(XJ104.problem(
                    res.path, _mark(node), field_path(path),
                    f"这里的内容含有不可见的控制字符 U+{ord(bad.group()):04X}（多半是双引号里的“\\”转义），请删去"))
                return None
            return node.value
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                return self._bad_tag(node, path)
            return [self.convert(item, path + (i,)) for i, item in enumerate(node.value)]
        if node.tag != _MAP:
            return self._bad_tag(node, path)
        mapping: dict[str, object] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                res.problems.append(XJ111.problem(
                    res.path, _mark(key_node), field_path(path),
                    "这里的键不是一段文字；键应当写成“姓名: 张三”中“姓名”那样"))
                continue
            if id(key_node) in self.seen:
                # An alias as a key: the node is the anchored one, so point at the value typed after it.
                if not self.alias_reported:
                    self.alias_reported = True
                    res.problems.append(XJ109.problem(
                        res.path, _mark(value_node), field_path(path),
                        "这里用别名（*名称）作键；推荐文件不允许锚点和别名，请把键完整写出"))
                continue
            self.seen.add(id(key_node))
            key = key_node.value
            if key in mapping:
                first = res.key_at[path + (key,)]
                res.problems.append(XJ108.problem(
                    res.path, _mark(key_node), field_path(path + (key,)),
                    f"“{key}”在第 {first[0]} 行已经写过一次；YAML 只会保留后一个，请删去或改正其中一个"))
                continue
            res.key_at[path + (key,)] = _mark(key_node)
            mapping[key] = self.convert(value_node, path + (key,))
        return mapping

    def _bad_tag(self, node: yaml.Node, path: FieldPath) -> None:
        self.result.problems.append(XJ110.problem(
            self.result.path, _mark(node), field_path(path),
            f"不允许使用标签“{node.tag.replace('tag:yaml.org,2002:', '!!')}”；所有值都按文字填写，请删去标签"))
        return None


def _mark(node: yaml.Node) -> Where:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _line_col(text: str, index: int) -> Where:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _only_comments(text: str) -> bool:
    return all(not ln.strip() or ln.lstrip().startswith("#") or ln.strip() in ("---", "...")
               for ln in text.splitlines())


# What libyaml says, in the words a clerk understands. Matched as substrings, first hit wins.
_SYNTAX_MESSAGES = (
    ("tab", "这里用了 Tab 键缩进；YAML 只能用空格缩进，请把 Tab 换成空格"),
    ("fullwidth colon", "这一行用了中文冒号“：”；键后面要用英文冒号加一个空格，写成“性别: 女”"),
    ("mapping values are not allowed",
     "这里多了一个“: ”（冒号加空格）；如果内容本身含有冒号，请把整段内容用引号括起来，或改用“|”多行写法"),
    ("could not find expected ':'", "这一行缺少“: ”（冒号后要有一个空格），应写成“键: 值”"),
    ("did not find expected key", "缩进没有对齐，或上一行缺少“: ”；同一层的键必须左对齐"),
    ("did not find expected '-' indicator", "列表缩进没有对齐；列表的每一项都以“- ”开头，并且对齐"),
    ("expected <block end>", "缩进没有对齐；同一层的内容必须左对齐"),
    ("did not find expected node content", "这里缺少内容；请检查是否多写了“-”或“:”"),
    ("while scanning a quoted scalar", "引号没有配对：这里开始的引号一直没有结束"),
    ("found unexpected end of stream", "文件意外结束：可能有引号或括号没有配对"),
    ("found unknown escape character", "双引号中的“\\”转义写法无效；若要写反斜杠本身，请改用单引号或“|”多行写法"),
    ("found undefined alias", "这里用了别名（*名称）；推荐文件不允许锚点和别名，请把内容完整写出"),
    ("while scanning an alias", "这里的“*”被当成了别名；如果内容以“*”开头，请用引号括起来"),
    ("while scanning an anchor", "这里的“&”被当成了锚点；如果内容以“&”开头，请用引号括起来"),
    ("while scanning a tag", "这里的“!”被当成了标签；如果内容以“!”开头，请用引号括起来"),
    ("cannot start any token", "这个字符不能作为内容的开头（如 @、` 、%）；请把整段内容用引号括起来"),
    ("expected a single document", "文件中只能有一份内容；请删去“---”分隔的其他部分"),
    ("block sequence entries are not allowed", "这里不能开始一个列表；“- ”应另起一行并缩进"),
    ("expected ',' or ']'", "方括号列表 [ … ] 没有正确结束"),
    ("expected ',' or '}'", "花括号 { … } 没有正确结束"),
    ("expected alphabetic or numeric character", "“&”或“*”后缺少名称；如果这是内容，请用引号括起来"),
    ("control characters are not allowed", "这里有不可见的控制字符；请删去"),
)


def _syntax_problem(path: str, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    said = f"{exc.context or ''} {exc.problem or ''}"
    # Where the clerk has to look: the opening quote, the key that lacks its colon.
    starts_there = ("while scanning a quoted scalar" in said or "could not find expected ':'" in said)
    mark = (exc.context_mark if starts_there else None) or exc.problem_mark or exc.context_mark
    where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if mark and text[mark.index: mark.index + 1] == "\t":
        said = "tab"
    elif mark and "could not find expected ':'" in said and "：" in _line_at(text, mark.index):
        said = "fullwidth colon"
    elif mark and "mapping values are not allowed" in said:
        # `性别：女` is plain text to YAML; the error only shows on the next key, a line later.
        above = _previous_line(text, mark.index)
        if above is not None and "：" in above[1] and ": " not in above[1]:
            said, where = "fullwidth colon", (mark.line + 1 - above[0], len(above[1]) - len(above[1].lstrip()) + 1)
    for needle, message in _SYNTAX_MESSAGES:
        if needle in said:
            break
    else:
        message = "YAML 格式错误；请检查这里的缩进、冒号和引号"
    if "expected a single document" in said:
        return XJ107.problem(path, where, "", message)
    return XJ105.problem(path, where, "", message)


def _previous_line(text: str, index: int) -> tuple[int, str] | None:
    """The non-blank line above the one holding `index`: (its 0-based offset back, its text)."""
    lines = text[: text.rfind("\n", 0, index) + 1].splitlines()
    for back, line in enumerate(reversed(lines), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            return back, line
    return None


def _line_at(text: str, index: int) -> str:
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    return text[start: end if end >= 0 else len(text)]
