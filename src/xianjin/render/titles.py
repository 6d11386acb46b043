"""Titles broken into lines the way GB/T 9704-2012 7.3.1 asks: by meaning, balanced, never one character alone.

A browser (and WeasyPrint) fills a centred title greedily: "…行业服 / 务标兵…", or a long
line with one character left on the next. Here the title is measured in em (CJK and
full-width characters 1, Latin letters and digits about 0.6), the fewest lines that fit
are chosen, and among the ways to cut it into that many lines the one with the best
break points and the most even lines wins. The template prints one line per element,
each of which fits, so the browser never breaks them again.

Break points, best first: after a comma, 、 or colon, at a space, before “——” or a
parenthesised addition such as （编号：6）; at the end of a word the campaign uses
(为民服务, 创先争优, 群众满意窗口 …) or of an organisation (…局, …中心, …窗口);
anywhere else between two Chinese characters only when nothing better fits. Never inside
a run of Latin letters or digits, inside （…） of up to 12 characters (a longer one only when
it must), after an opening or
before a closing mark, or right after “——”.
"""

from __future__ import annotations

import re
from functools import lru_cache

from xianjin.campaign import CATEGORIES

TYPE_AREA_PT = 156 / 25.4 * 72  # the type area's width (style.css: A4 less 28 mm and 26 mm)
# Chinese characters are exactly 1 em in every face; the Latin estimate (0.62) is already generous.
_SLACK = 0.05

_OPENING = set("（《“‘〔【［「『")
_CLOSING = set("）》”’〕】］」』，。、；：！？…·")
_SOFT = set("，、：；")  # a line may end after these
_WORDS = ("全省", "为民服务", "创先争优", "推荐和审批表", "推荐情况的报告", "排序表", "典型事迹材料",
          "领导小组", "关于", "推荐", *CATEGORIES)
# Where an organisation's name may be cut: after its kind of body.
_ORGANISATIONS = ("中心", "公司", "支行", "分行", "营业厅", "营业部", "大厅", "窗口", "支局", "分局", "管理局",
                  "委员会", "办公室", "医院", "学校", "车间", "联社", "信用社", "集团", "局", "厅", "所", "站",
                  "院", "馆", "处", "科", "队", "社", "部", "市", "县", "区", "省")
# …unless the next character continues the name (石家庄市 / 委 would split 市委).
_CONTINUES = set("委府级属直长员辖域内外")
_ASCII = re.compile(r"[0-9A-Za-z.\-+%/]")


def em_width(text: str) -> float:
    width = 0.0
    for ch in text:
        if ch == " ":
            width += 0.3
        elif ord(ch) < 0x2000:
            width += 0.62
        else:
            width += 1.0
    return width


def capacity(font_pt: float) -> float:
    """How many em of a title at this size fit across the type area."""
    return TYPE_AREA_PT / font_pt - _SLACK


@lru_cache(maxsize=4096)
def _penalties(text: str) -> tuple[float | None, ...]:
    """For each position 1..len-1, the cost of starting a new line there, or None where it may not."""
    costs: list[float | None] = [None] * (len(text) + 1)
    protected, inside = set(), set()
    for m in re.finditer(r"（[^（）]*）", text):
        (protected if m.end() - m.start() <= 14 else inside).update(range(m.start() + 1, m.end()))
    word_ends = {m.end() for w in _WORDS for m in re.finditer(re.escape(w), text)}
    org_ends = {m.end() for w in _ORGANISATIONS for m in re.finditer(re.escape(w), text)}
    for i in range(1, len(text)):
        before, after = text[i - 1], text[i]
        if i in protected or after in _CLOSING or before in _OPENING:
            continue
        if _ASCII.match(before) and _ASCII.match(after):
            continue
        if before == "—" or (after == "—" and before == "—"):
            continue
        if before in _SOFT or before == " " or after == " ":
            costs[i] = 0.0
        elif after == "—" or after in _OPENING:
            costs[i] = 0.5
        elif i in word_ends:
            costs[i] = 1.0
        elif i in org_ends and after not in _CONTINUES:
            costs[i] = 2.0
        else:
            costs[i] = 8.0
        if i in inside:  # a long parenthesis (a unit and a post) may break, but rather not
            costs[i] += 4.0
    return tuple(costs)


def break_title(text: str, font_pt: float) -> list[str]:
    """The lines of `text` at `font_pt`: as few as fit, then by meaning and evenly."""
    text = " ".join(text.split())
    room = capacity(font_pt)
    if em_width(text) <= room or len(text) < 4:
        return [text]
    costs = _penalties(text)
    cuts = [i for i in range(2, len(text) - 1) if costs[i] is not None]
    for lines in range(2, 6):
        best = _best(text, cuts, costs, lines, room)
        if best is not None:
            return best
    return [text]  # nothing fits: let the browser wrap it


def _best(text: str, cuts: list[int], costs, lines: int, room: float) -> list[str] | None:
    """Dynamic programme over the break points: the cheapest way to make `lines` lines."""
    ends = [*cuts, len(text)]
    total = em_width(text)
    even = total / lines
    # best[(k, end)] = (cost, previous end) for k lines covering text[:end]
    best: dict[tuple[int, int], tuple[float, int]] = {}

    def line_cost(start: int, end: int) -> float | None:
        piece = text[start:end].strip()
        width = em_width(piece)
        if width > room or len(piece) < 2:
            return None
        return abs(width - even)

    for end in ends:
        c = line_cost(0, end)
        if c is not None:
            best[(1, end)] = (c, 0)
    for k in range(2, lines + 1):
        for end in ends:
            options = []
            for start in cuts:
                if start >= end or (k - 1, start) not in best:
                    continue
                c = line_cost(start, end)
                if c is not None:
                    options.append((best[(k - 1, start)][0] + c + 4 * costs[start], start))
            if options:
                best[(k, end)] = min(options)
    if (lines, len(text)) not in best:
        return None
    out, end, k = [], len(text), lines
    while k:
        _, start = best[(k, end)]
        out.append(text[start:end].strip())
        end, k = start, k - 1
    return out[::-1]
