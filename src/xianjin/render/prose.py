"""The running text of the report and the materials as GB/T 9704-2012 sets it out.

- 7.3.3 结构层次序数: “一、” starts a first-level heading (黑体), “（一）” a second-level one
  (楷体), “1.” and “（1）” the third and fourth (仿宋, as the body). A heading is its own
  paragraph, or runs in: “一、坚持以人为本。正文……” — then only the heading is set in
  the heading's face.
- A 典型事迹材料 usually opens with its author's title: “小窗口 大服务——记……”. A first
  line without sentence punctuation and short enough for a title is taken as that
  title; what follows “——” is its subtitle line.
- 7.3.5.1 加盖印章的公文 (the report goes up under the 领导小组's seal): the 成文日期 is set
  右空四字 and the 署名 centred on it; a 署名 too long for that moves both left until it
  is 右空二字 (signature_margin).
"""

from __future__ import annotations

import re
from datetime import date

from xianjin.render.titles import em_width

_NUMERAL = "一二三四五六七八九十"
_LEVELS = (("level1", re.compile(rf"^[{_NUMERAL}]+、")), ("level2", re.compile(rf"^（[{_NUMERAL}]+）")))
_SENTENCE_END = re.compile(r"[。！？]")
HEADING_MAX = 40  # characters: a longer paragraph that starts “一、” without a full stop is text
TITLE_MAX = 60
GRID_PT = 15.78  # one character of the body's grid (style.css .gongwen: 16 pt less 0.22 pt)
_CLOSING = re.compile(r"请审定|请审阅|请审批|请批示|请予审批|特此报告|妥否")


def paragraphs(text: str) -> list[dict]:
    """Each non-blank line a paragraph: {"kind": "p" | "level1" | "level2", "head": run-in heading, "text": the rest}."""
    out = []
    for line in (ln.strip() for ln in text.splitlines()):
        if not line:
            continue
        out.append(_classify(line))
    return out


def _classify(line: str) -> dict:
    for kind, start in _LEVELS:
        if not start.match(line):
            continue
        end = _SENTENCE_END.search(line)
        if end is None or end.end() == len(line):
            if len(line) <= HEADING_MAX:
                return {"kind": kind, "head": "", "text": line}
        elif end.end() <= HEADING_MAX:
            return {"kind": "p", "head": line[:end.end()], "head_kind": kind, "text": line[end.end():]}
        break
    return {"kind": "p", "head": "", "text": line}


def material_parts(text: str) -> tuple[str, str, list[dict]]:
    """(the author's title or "", the subtitle after its “——” or "", the body paragraphs)."""
    body = paragraphs(text)
    if not body:
        return "", "", body
    first = body[0]
    line = first["head"] + first["text"]
    if first["kind"] != "p" or first["head"] or len(line) > TITLE_MAX or re.search(r"[。！？；]", line):
        return "", "", body
    title, dash, rest = line.partition("——")
    title = title.strip()
    if not title:  # “——记……” alone: the subtitle is the title
        return line, "", body[1:]
    return title, (dash + rest).strip(), body[1:]


def closing_index(body: list[dict]) -> int:
    """Where text the author did not write goes: before the closing request (“……请审定。”), else at the end."""
    if body and _CLOSING.search(body[-1]["text"]):
        return len(body) - 1
    return len(body)


def signature_margin(signature: str, day: date) -> float:
    """How far (in characters) the 署名 stands from the right edge of the type area.

    The date is centred under the 署名 (both lines are centred in one box), so the date's
    distance is this plus half the difference of their widths: 4 characters when the
    署名 is short (7.3.5.1), more when it is long — but the 署名 itself keeps at least 2.
    """
    width = em_width(signature)
    date_width = em_width(f"{day.year}年{day.month}月{day.day}日")
    return max(2.0, 4.0 - max(0.0, width - date_width) / 2)
