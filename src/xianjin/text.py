"""Text as the forms treat it, and characters a clerk cannot see.

- `squeeze`, `quote`, `nearest`: spaces that do not count, a clerk's value inside a
  message, and the right word nearest to a mistyped one.
- `visible(s)` is applied to every path, key, value and message before it reaches any
  output (text, GitHub annotations, SARIF, GitLab, the job summary, JSON, JUnit,
  summaries, the command's own lines). Control characters, line and paragraph
  separators, format characters (zero-width spaces, bidirectional overrides, BOM), lone
  surrogates (the undecodable bytes of a file name, as os.fsdecode gives them) and the
  XML-forbidden noncharacters come out as `\\n`, `\\x1b`, `\\u200b`: one problem is always
  one line, a terminal is never driven by a file, GitHub never reads a workflow command
  out of a value, and JSON, SARIF and JUnit are valid whatever the input.
- `is_invisible(ch)` and `char_name(ch)` let the loader find such characters inside
  keys and values and say which one it is, in Chinese.
"""

from __future__ import annotations

import difflib
import re


def squeeze(text: str) -> str:
    """Without any whitespace: `张　三` → `张三`, `汉 族` → `汉族`."""
    return "".join(text.split())  # str.split() drops every Unicode space, at C speed


def non_whitespace_length(text: str) -> int:
    """How long a material is, as the notice counts it: characters that print."""
    return len(squeeze(text))


def quote(text: str, limit: int = 20) -> str:
    """A clerk's value inside a message: in Chinese quotes, shortened, on one line."""
    text = " ".join(text.split())
    return "“" + (text if len(text) <= limit else text[:limit] + "…") + "”"


def nearest(text: str, choices, *, cutoff: float, within: bool = False) -> str | None:
    """The choice a mistyped `text` most likely meant, or None ("did you mean").

    Spaces never count. A text of two characters or more that starts one of the choices,
    or that one of them starts, is taken to mean it (中共 → 中共党员); with `within`, a
    choice anywhere inside the text or the text anywhere inside a choice (服务窗口名称全称 →
    服务窗口名称). Otherwise the closest spelling at least `cutoff` alike. A single
    character (无, 中) says too little to be completed.
    """
    text = squeeze(text)
    if text in choices:
        return text
    if len(text) >= 2:
        for choice in choices:
            if within and (choice in text or text in choice):
                return choice
            if not within and (choice.startswith(text) or text.startswith(choice)):
                return choice
    close = difflib.get_close_matches(text, choices, n=1, cutoff=cutoff)
    return close[0] if close else None


# Unicode "Cf" (format) characters, Unicode 15.1. Hard-coded rather than scanned from
# unicodedata at import (which costs ~20 ms per run); a test checks it against unicodedata.
_FORMAT = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
# Letters that print as nothing (Hangul fillers), used to fake an empty or a different key.
_FILLERS = "\u115f\u1160\u3164\uffa0"
# What editors do not show as a new line but YAML (1.1) and Python's splitlines() do.
LINE_SEPARATORS = "\u0085\u2028\u2029"

# 造字: the private-use planes, where each computer's own made-up characters live.
PRIVATE_USE = "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
PRIVATE_USE_RE = re.compile(f"[{PRIVATE_USE}]")

INVISIBLE_RE = re.compile(f"[{_FORMAT}{_FILLERS}{LINE_SEPARATORS}]")
_INVISIBLE = INVISIBLE_RE
# Everything visible() rewrites: C0 and C1 controls, DEL, separators, format characters,
# fillers, surrogates, and the noncharacters XML 1.0 forbids.
_ESCAPED = re.compile(f"[\x00-\x1f\x7f-\x9f{_FORMAT}{_FILLERS}\u2028\u2029\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")

_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

_NAMES = {
    "\u00ad": "软连字符",
    "\u0085": "下一行符 NEL",
    "\u061c": "阿拉伯文字方向标记",
    "\u180e": "蒙古文元音分隔符",
    "\u200b": "零宽空格",
    "\u200c": "零宽不连字",
    "\u200d": "零宽连字",
    "\u200e": "从左到右标记",
    "\u200f": "从右到左标记",
    "\u2028": "行分隔符",
    "\u2029": "段分隔符",
    "\u2060": "零宽不换行符",
    "\ufeff": "BOM 字节顺序标记",
    "\u3164": "韩文填充符",
    "\u115f": "韩文填充符",
    "\u1160": "韩文填充符",
    "\uffa0": "韩文填充符",
}


def _escape(m: re.Match) -> str:
    ch = m.group()
    if ch in _SHORT:
        return _SHORT[ch]
    cp = ord(ch)
    if 0xDC80 <= cp <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{cp - 0xDC00:02x}"
    if cp < 0x100:
        return f"\\x{cp:02x}"
    return f"\\u{cp:04x}" if cp < 0x10000 else f"\\U{cp:08x}"


def visible(text: object) -> str:
    """`text` with every character that could hide, move or break a line written as an escape."""
    s = text if isinstance(text, str) else str(text)
    return _ESCAPED.sub(_escape, s) if _ESCAPED.search(s) else s


def is_invisible(ch: str) -> bool:
    """A character that occupies no visible space in an editor (or a line break it does not show)."""
    return bool(_INVISIBLE.fullmatch(ch))


def find_invisible(text: str) -> re.Match | None:
    return _INVISIBLE.search(text)


def char_name(ch: str) -> str:
    """`U+200B（零宽空格）`: how a message names a character the clerk cannot see."""
    cp = ord(ch)
    code = f"U+{cp:04X}"
    name = _NAMES.get(ch)
    if name is None:
        if 0x202A <= cp <= 0x202E or 0x2066 <= cp <= 0x2069:
            name = "文字方向控制符"
        elif 0xE0000 <= cp <= 0xE007F:
            name = "标签字符"
        elif _INVISIBLE.fullmatch(ch):
            name = "不可见的格式字符"
        else:
            return code
    return f"{code}（{name}）"


def visible_path(path: object) -> str:
    """visible(path), and never the start of a GitHub workflow command: the runner reads any output
    line that starts with `::` (after spaces) as one, and a problem line starts with its path."""
    shown = visible(path)
    return "./" + shown if shown.lstrip().startswith("::") else shown
