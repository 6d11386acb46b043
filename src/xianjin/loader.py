"""bytes → text → YAML nodes → plain data that remembers where every value was typed.

The loader never lets YAML guess a type: every scalar is read as the text the clerk
typed (`1980.10` stays "1980.10", `0311` keeps its zero, `no` is not False). Only the
models decide what a text means. Everything that can go wrong becomes a Problem; the
loader does not raise.
"""

from __future__ import annotations

import bisect
import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from xianjin.files import TooLarge, os_error_text, read_regular
from xianjin.problems import FieldPath, Problem, Where, field_path
from xianjin.rules.loading import (XJ100, XJ101, XJ102, XJ103, XJ104, XJ105, XJ106, XJ107, XJ108,
                                   XJ109, XJ110, XJ111, XJ112, XJ113, XJ115)
from xianjin.text import INVISIBLE_RE, LINE_SEPARATORS, PRIVATE_USE_RE, char_name

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
# C0 and C1 controls but tab, line feed, carriage return and NEL (which is a line separator).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# What a submission is made of: ASCII, CJK ideographs, punctuation and full-width forms.
_TEXTY = re.compile("[\t\n\r\x20-\x7e\u00b7\u2010-\u206f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
# Problems about what a value contains: told, but the file is still read and checked.
_NON_BLOCKING = {XJ112.code, XJ113.code, XJ115.code}


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
    # 造字 found in keys and values: (path, where, character, 0-based index in the text), for XJ114.
    private: list[tuple[FieldPath, Where, str, int]] = field(default_factory=list)
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
        # Only a regular file, and never more than MAX_BYTES of it: a FIFO would hang the run,
        # /dev/zero would fill the memory, and stat's size says nothing about either.
        return read_regular(path, MAX_BYTES)
    except TooLarge as exc:
        size = f"有 {exc.size / 1024 / 1024:.1f} MB，" if exc.size else ""
        result.problems.append(XJ101.problem(
            path, (1, 1), "", f"文件{size}超过了 {MAX_BYTES // 1024 // 1024} MB 的上限；{too_big}"))
        return None
    except (OSError, ValueError) as exc:
        result.io_error = True
        result.problems.append(XJ100.problem(path, (1, 1), "", "无法读取这个文件：" + os_error_text(exc)))
        return None


class _Lines:
    """Line and column of a character, counted as an editor counts them.

    Only CR, LF and CRLF end a line. libyaml (YAML 1.1) also ends one at NEL, U+2028 and
    U+2029, which no editor shows as a new line; positions therefore come from the
    character offset libyaml reports, never from its own line count.
    """

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def at(self, index: int) -> Where:
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1

    def end_of_line(self, index: int, text: str) -> int:
        line = bisect.bisect_right(self.starts, index)
        return self.starts[line] if line < len(self.starts) else len(text)


def load_bytes(raw: bytes, path: str = "<input>") -> Loaded:
    result = Loaded(path)
    text = _decode(raw, result)
    if text is None:
        return result
    result.text = text
    lines = _Lines(text)
    bad = _CONTROL.search(text)
    if bad:
        line, col = lines.at(bad.start())
        result.problems.append(XJ104.problem(
            path, (line, col), "",
            f"第 {line} 行有不可见的控制字符 U+{ord(bad.group()):04X}；"
            "这不像是一个文本文件，请用纯文本编辑器另存为 UTF-8"))
        return result
    if not text.strip() or _only_comments(text):
        result.problems.append(XJ106.problem(path, (1, 1), "", "文件是空的，没有任何“键: 值”内容"))
        return result
    masked, marks = _mask(text)
    try:
        node = yaml.compose(masked, Loader=_Loader)
        tagged = _tags(masked, result, lines) if "!" in masked else set()
    except yaml.MarkedYAMLError as exc:
        result.problems.append(_syntax_problem(path, masked, exc, lines))
        return result
    except yaml.YAMLError:
        result.problems.append(XJ105.problem(path, (1, 1), "", "YAML 格式错误，无法读取"))
        return result
    if node is None:
        result.problems.append(XJ106.problem(path, (1, 1), "", "文件是空的，没有任何“键: 值”内容"))
        return result
    if not isinstance(node, yaml.MappingNode):
        result.problems.append(XJ107.problem(
            path, lines.at(node.start_mark.index), "",
            "文件最外层应当是“推荐单位: …”这样的“键: 值”，而这里是"
            + ("一个列表" if isinstance(node, yaml.SequenceNode) else "一段文字")))
        return result
    data = _Converter(result, lines, marks, tagged).convert(node, ())
    if not any(p.is_error and p.code not in _NON_BLOCKING for p in result.problems):
        result.data = data
    return result


# Stand-ins for the invisible characters while libyaml reads the text, one character for one
# so that every offset stays the same: a line separator would end a line for libyaml (not for
# the clerk's editor), a BOM at the start of a line would break the indentation.
_STAND_INS = [chr(c) for c in range(0x10FFFD, 0x10FF00, -1)]


@dataclass
class _Marks:
    line: str  # stands for NEL, U+2028, U+2029: read as a line break inside a value
    gone: str  # stands for the other invisible characters: dropped
    where: list[int]  # offsets of every invisible character
    chars: dict[int, str]  # offset → the character that was there


def _mask(text: str) -> tuple[str, _Marks | None]:
    found = list(INVISIBLE_RE.finditer(text))
    if not found:
        return text, None
    free = (c for c in _STAND_INS if c not in text)  # the text cannot hold all 253 of them
    line, gone = next(free), next(free)
    marks = _Marks(line, gone, [m.start() for m in found], {m.start(): m.group() for m in found})
    masked = INVISIBLE_RE.sub(lambda m: line if m.group() in LINE_SEPARATORS else gone, text)
    return masked, marks


_KINDS = {yaml.ScalarEvent: yaml.ScalarNode, yaml.MappingStartEvent: yaml.MappingNode,
          yaml.SequenceStartEvent: yaml.SequenceNode}


def _tags(text: str, result: Loaded, lines: _Lines) -> set[tuple[int, type]]:
    """(offset, node class) of every node that carries a tag written in the file (`!!str`, `!x`, `!<…>`, `!`).

    The composer resolves a plain `0311` to the same str tag as a written `!!str 0311`, so
    only the parser's events tell them apart. A `%TAG` directive is refused where it stands.
    """
    offsets = set()
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.DocumentStartEvent) and event.tags:
            m = re.search(r"^%TAG\b", text, re.MULTILINE)
            where = lines.at(m.start()) if m else (1, 1)
            result.problems.append(XJ110.problem(
                result.path, where, "", "不允许用“%TAG”指令定义标签；所有值都按文字填写，请删去这一行"))
        elif getattr(event, "tag", None) is not None:
            # With its class: a block mapping starts where its first key does.
            offsets.add((event.start_mark.index, _KINDS[type(event)]))
    return offsets


def _decode(raw: bytes, result: Loaded) -> str | None:
    path = result.path
    # UTF-32's BOMs begin with UTF-16's: they are tried first.
    for bom, codec, name in ((codecs.BOM_UTF8, "utf-8", "UTF-8"),
                             (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
                             (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
                             (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
                             (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16")):
        if raw.startswith(bom):
            return _decode_as(raw[len(bom):], codec, name, result, "")
    if b"\x00" in raw:
        guess = _wide_without_bom(raw)
        if guess is not None:
            codec, name = guess
            return _decode_as(raw, codec, name, result, "（没有 BOM）")
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
            text = None
        if _looks_big5(raw, text):
            result.problems.append(XJ102.problem(
                path, (1, 1), "",
                "文件看来是 Big5 编码（繁体中文），xianjin 只读 UTF-8（也接受 GBK、UTF-16）；推荐文件用简体字填写："
                "请用记事本或 WPS 打开，改为简体字后另存为 UTF-8"))
            return None
        if text is None or not _HAN.search(text):
            # Not GB18030, or decodable as GB18030 but no Chinese in it: random bytes, not a Notepad file.
            result.problems.append(_undecodable(path, raw, utf8_error))
            return None
        result.problems.append(XJ103.problem(
            path, (1, 1), "",
            "文件是 GBK/GB18030 编码（记事本的“ANSI”），已按该编码正确读取；请另存为 UTF-8"))
        return text


def _decode_as(body: bytes, codec: str, name: str, result: Loaded, how: str) -> str | None:
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        unit = {"utf-8": 1, "utf-16-le": 2, "utf-16-be": 2}.get(codec, 4)
        start = exc.start - exc.start % unit
        line = body[:start].decode(codec, "replace").count("\n") + 1
        result.problems.append(XJ102.problem(
            result.path, (line, 1), "",
            f"文件是 {name} 编码{how}，但第 {line} 行有无法识别的字节（文件可能被截断或损坏）；"
            "请用记事本或 WPS 打开，另存为 UTF-8"))
        return None
    if name != "UTF-8":
        notepad = "（记事本的“Unicode”）" if name == "UTF-16" and not how else ""
        result.problems.append(XJ103.problem(
            result.path, (1, 1), "", f"文件是 {name} 编码{how}{notepad}，已正确读取；请另存为 UTF-8"))
    return text


def _wide_without_bom(raw: bytes) -> tuple[str, str] | None:
    """UTF-16 or UTF-32 written without a BOM: the zero bytes of ASCII characters (the colons,
    spaces and line breaks every YAML file has) fall into the same byte of each code unit."""
    for size, codecs_ in ((4, ("utf-32-le", "utf-32-be")), (2, ("utf-16-le", "utf-16-be"))):
        if len(raw) % size:
            continue
        for codec in codecs_:
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                continue
            if "\n" in text and ":" in text and not _CONTROL.search(text) and "\x00" not in text \
                    and len(_TEXTY.findall(text)) > 0.9 * len(text):
                return codec, "UTF-32" if size == 4 else "UTF-16"
    return None


_ODD_IN_GBK = re.compile("[\ue000-\uf8ff\u3040-\u30ff\u0370-\u03ff\u0400-\u04ff\u2500-\u257f]")


def _looks_big5(raw: bytes, gb_text: str | None) -> bool:
    """Big5 bytes read as GBK give kana, Greek, box drawing, private-use and rare characters
    outside GB 2312 in every few characters; a real GBK file has almost none."""
    try:
        big5 = raw.decode("big5")
    except UnicodeDecodeError:
        return False
    if len(_HAN.findall(big5)) < 4:  # a few stray bytes are not a Big5 document
        return False
    if gb_text is None:
        return True
    wide = [ch for ch in gb_text if ord(ch) > 0x7F]
    odd = 0
    for ch in wide:
        if _ODD_IN_GBK.match(ch):
            odd += 1
            continue
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            odd += 1
    return bool(wide) and odd > 0.1 * len(wide)


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

    def __init__(self, result: Loaded, lines: _Lines, marks: _Marks | None, tagged: set[tuple[int, type]]) -> None:
        self.result = result
        self.lines = lines
        self.marks = marks
        self.tagged = tagged
        self.text = result.text
        self.seen: set[int] = set()
        self.alias_reported = False

    def at(self, node: yaml.Node) -> Where:
        return self.lines.at(node.start_mark.index)

    def convert(self, node: yaml.Node, path: FieldPath) -> object:
        res = self.result
        if len(path) > MAX_DEPTH:
            # A submission is six levels deep at most; deeper is junk, and would exhaust the stack.
            if not any(p.code == XJ107.code for p in res.problems):
                res.problems.append(XJ107.problem(
                    res.path, self.at(node), field_path(path[:MAX_DEPTH]),
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
        res.value_at[path] = self.at(node)
        if (node.start_mark.index, type(node)) in self.tagged:
            return self._bad_tag(node, path)
        if isinstance(node, yaml.ScalarNode):
            if node.tag not in _PLAIN_TAGS:
                return self._bad_tag(node, path)
            if node.tag == _NULL and not node.style:
                self._comment_after(node, path)
                return None
            return self._scalar(node, path)
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
                    res.path, self.at(key_node), field_path(path),
                    "这里的键不是一段文字；键应当写成“姓名: 张三”中“姓名”那样"))
                continue
            if id(key_node) in self.seen:
                # An alias as a key: the node is the anchored one, so point at the value typed after it.
                if not self.alias_reported:
                    self.alias_reported = True
                    res.problems.append(XJ109.problem(
                        res.path, self.at(value_node), field_path(path),
                        "这里用别名（*名称）作键；推荐文件不允许锚点和别名，请把键完整写出"))
                continue
            self.seen.add(id(key_node))
            if (key_node.start_mark.index, type(key_node)) in self.tagged:
                self._bad_tag(key_node, path + (key_node.value,))
                continue
            key = self._scalar(key_node, path, key=True)
            if key is None:
                continue
            # Spaces around a key (a full-width space, a no-break space) are not part of the label.
            key = key.strip()
            if key in mapping:
                first = res.key_at[path + (key,)]
                res.problems.append(XJ108.problem(
                    res.path, self.at(key_node), field_path(path + (key,)),
                    f"“{key}”在第 {first[0]} 行已经写过一次；YAML 只会保留后一个，请删去或改正其中一个"))
                continue
            res.key_at[path + (key,)] = self.at(key_node)
            mapping[key] = self.convert(value_node, path + (key,))
        return mapping

    def _scalar(self, node: yaml.ScalarNode, path: FieldPath, key: bool = False) -> str | None:
        """The text of a scalar, with what it must not contain told where it stands."""
        res = self.result
        value = node.value
        bad = _CONTROL.search(value)
        if bad:
            # Typed as an escape in double quotes ("\0", "\a"): invisible, and illegal in XML reports.
            res.problems.append(XJ104.problem(
                res.path, self.at(node), field_path(path),
                f"这里的内容含有不可见的控制字符 U+{ord(bad.group()):04X}（多半是双引号里的“\\”转义），请删去"))
            return None
        value = self._invisible(node, path, value, key)
        if key:  # a key's problems are told at the key's own path
            path = path + (value.strip(),)
        what = f"键“{value.strip()}”中" if key else "这里"
        private = PRIVATE_USE_RE.search(value)
        if private:  # told by the XJ114 rule, which names the nominee
            res.private.append((path, self._find(node, private.group()), private.group(), private.start()))
        lost = value.find("\ufffd")
        if lost >= 0:
            res.problems.append(XJ115.problem(
                res.path, self._find(node, "\ufffd"), field_path(path),
                f"{what}的第 {lost + 1} 个字是替换字符“\ufffd”（U+FFFD）：原来的字在某次转换编码时丢失了；"
                "请核对原件，补上正确的字"))
        if not key:
            self._comment_after(node, path)
        return value

    def _invisible(self, node: yaml.ScalarNode, path: FieldPath, value: str, key: bool) -> str:
        """Drop the characters no editor shows (a line separator is read as a line break) and say so."""
        marks = self.marks
        found: list[str] = []
        where = None
        if marks is not None and (marks.line in value or marks.gone in value):
            start, end = node.start_mark.index, node.end_mark.index
            lo = bisect.bisect_left(marks.where, start)
            inside = marks.where[lo: bisect.bisect_left(marks.where, end)]
            if inside:
                where = self.lines.at(inside[0])
                found = [marks.chars[i] for i in inside]
            value = value.replace(marks.line, "\n").replace(marks.gone, "")
        typed = INVISIBLE_RE.findall(value)  # written as escapes in double quotes: "\u200b"
        if typed:
            found += typed
            value = INVISIBLE_RE.sub(lambda m: "\n" if m.group() in LINE_SEPARATORS else "", value)
        if not found:
            return value
        names = "、".join(dict.fromkeys(char_name(c) for c in found))
        count = f" {len(found)} 个" if len(found) > 1 else "一个"
        breaks = any(c in LINE_SEPARATORS for c in found)
        effect = "已当作换行读取" if breaks and not key else "读取时已忽略"
        what = f"键“{value.strip()}”中" if key else "这里"
        self.result.problems.append(XJ113.problem(
            self.result.path, where or self.at(node), field_path(path + ((value.strip(),) if key else ())),
            f"{what}有{count}看不见的字符 {names}，{effect}；请在编辑器中删去，免得别的程序读到不同的内容"))
        return value

    def _find(self, node: yaml.ScalarNode, ch: str) -> Where:
        """Where `ch` stands in the file, when the scalar's text holds it as typed."""
        i = self.text.find(ch, node.start_mark.index, max(node.end_mark.index, node.start_mark.index + 1))
        return self.lines.at(i) if i >= 0 else self.at(node)

    def _comment_after(self, node: yaml.ScalarNode, path: FieldPath) -> None:
        """`工作单位及职务: 衡水市第一医院 #3 门诊部主任`: YAML took “#3 门诊部主任” for a comment.

        After a quoted value too (`"衡水市第一医院" #3 门诊部主任` loses the same words); not after the
        `|` of a block, whose text only begins on the next line."""
        if node.style in ("|", ">") or not path:
            return
        end = node.end_mark.index
        rest = self.text[end: self.lines.end_of_line(end, self.text)]
        hash_at = len(rest) - len(rest.lstrip(" \t"))
        if not rest[hash_at:].startswith("#"):
            return
        comment = rest[hash_at + 1:].strip()
        if not comment:
            return
        shown = comment if len(comment) <= 20 else comment[:20] + "…"
        res = self.result
        res.problems.append(XJ112.problem(
            res.path, self.lines.at(end + hash_at), field_path(path),
            f"“#”后面的“{shown}”被 YAML 当成了注释，没有读进来；如果它是内容的一部分，请把整段内容用引号括起来"
            f"（如 \"{node.value} {rest.strip()}\"）；如果只是注释，请把它移到单独的一行"))

    def _bad_tag(self, node: yaml.Node, path: FieldPath) -> None:
        index = node.start_mark.index
        typed = re.match(r"!\S*", self.text[index:])
        shown = typed.group() if typed else node.tag.replace("tag:yaml.org,2002:", "!!")
        self.result.problems.append(XJ110.problem(
            self.result.path, self.at(node), field_path(path),
            f"不允许使用标签“{shown}”；所有值都按文字填写，请删去标签"))
        return None


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


def _syntax_problem(path: str, text: str, exc: yaml.MarkedYAMLError, lines: _Lines) -> Problem:
    said = f"{exc.context or ''} {exc.problem or ''}"
    # Where the clerk has to look: the opening quote, the key that lacks its colon.
    starts_there = ("while scanning a quoted scalar" in said or "could not find expected ':'" in said)
    mark = (exc.context_mark if starts_there else None) or exc.problem_mark or exc.context_mark
    where = lines.at(mark.index) if mark else (1, 1)
    long_key = (_long_key(text, mark.index, lines) if mark and ("could not find expected ':'" in said
                or "mapping values are not allowed" in said) else None)
    if long_key is not None:
        return XJ105.problem(
            path, (where[0], long_key[1]), "",
            f"这一行冒号前的键有 {long_key[0]} 个字符，而 YAML 的键最多只能有 1024 个字符，所以读不出这一行；"
            "表上的栏目名只有几个字，请检查是否把内容写到了“: ”前面，或者漏了换行")
    if mark and text[mark.index: mark.index + 1] == "\t":
        said = "tab"
    elif mark and "could not find expected ':'" in said and "：" in _line_at(text, mark.index, lines):
        said = "fullwidth colon"
    elif mark and "mapping values are not allowed" in said:
        # `性别：女` is plain text to YAML; the error only shows on the next key, a line later.
        above = _previous_line(text, mark.index, lines)
        if above is not None and "：" in above[1] and ": " not in above[1]:
            said, where = "fullwidth colon", (above[0], len(above[1]) - len(above[1].lstrip()) + 1)
    for needle, message in _SYNTAX_MESSAGES:
        if needle in said:
            break
    else:
        message = "YAML 格式错误；请检查这里的缩进、冒号和引号"
    if "expected a single document" in said:
        return XJ107.problem(path, where, "", message)
    return XJ105.problem(path, where, "", message)


_SIMPLE_KEY_LIMIT = 1024  # libyaml's limit on a key written without "? "


def _long_key(text: str, index: int, lines: _Lines) -> tuple[int, int] | None:
    """(length, column) of the key on the line of `index`, when it is longer than libyaml allows."""
    line = _line_at(text, index, lines)
    m = re.match(r"[ \t]*(?:-[ \t]+)*", line)
    colon = re.compile(r":(?:[ \t]|$)").search(line, m.end())
    if colon is None or colon.start() - m.end() <= _SIMPLE_KEY_LIMIT:
        return None
    return colon.start() - m.end(), m.end() + 1


def _previous_line(text: str, index: int, lines: _Lines) -> tuple[int, str] | None:
    """The non-blank line above the one holding `index`: (its line number, its text)."""
    number = lines.at(index)[0]
    for above in range(number - 1, 0, -1):
        line = _line_at(text, lines.starts[above - 1], lines)
        if line.strip() and not line.lstrip().startswith("#"):
            return above, line
    return None


def _line_at(text: str, index: int, lines: _Lines) -> str:
    number = lines.at(index)[0]
    start = lines.starts[number - 1]
    end = lines.starts[number] if number < len(lines.starts) else len(text)
    return text[start:end].rstrip("\r\n")
