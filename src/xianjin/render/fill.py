"""Two finishing touches to laid-out pages that CSS asks for and WeasyPrint 70 does not do.

1. A framed box that continues on the next page reaches down to the foot of its page.
   CSS Fragmentation 3 (box splitting) asks that a box split by a page break fill the
   rest of the page, and WeasyPrint does so when the content runs out of room; when it
   breaks earlier to honour `break-before: avoid` (the approval block of a form takes
   the last lines of 主要事迹 with it) it does not ("TODO: fill the blank space at the
   bottom of the page", layout/block.py), and the cell's frame stopped short above up
   to half a page of blank paper. Every fragment of an element of class `fill` that is
   continued on the next page is stretched; nested ones (the text column inside the row)
   follow their parent.
2. A label of class `middle` is centred vertically in its parent's fragment on its page,
   as `vertical-align: middle` centres a table cell's content. The long text rows of the
   forms are blocks, not table cells (so that they can break between any two lines), and
   CSS has no vertical centring for a block that may be split.

Both run after layout and before drawing: only positions and heights of boxes change,
so the text, the page count and the breaks stay exactly as laid out.
"""

from __future__ import annotations

FILL = "fill"
MIDDLE = "middle"


def _classes(box) -> list[str]:
    element = getattr(box, "element", None)
    return (element.get("class") or "").split() if element is not None else []


def _walk(box, parent, found: list) -> None:
    classes = _classes(box)
    if FILL in classes or MIDDLE in classes:
        found.append((box, parent, classes))
    for child in getattr(box, "children", ()):
        if type(child).__name__ != "LineBox":  # the marked boxes are blocks: no need to visit every word
            _walk(child, box, found)


def finish(pages) -> None:
    """`pages` are a WeasyPrint document's pages, laid out and not yet drawn."""
    found = []
    for page in pages:
        marked: list = []
        _walk(page._page_box, None, marked)
        found.append(marked)
    for index, (page, marked) in enumerate(zip(pages, found)):
        following = {id(box.element) for box, _, classes in found[index + 1] if FILL in classes} \
            if index + 1 < len(found) else set()
        root = page._page_box
        for box, parent, classes in marked:  # parents come before their children
            if FILL in classes and id(box.element) in following:
                bottom = root.content_box_y() + root.height
                if parent is not None and FILL in _classes(parent):
                    bottom = parent.content_box_y() + parent.height
                extra = bottom - (box.position_y + box.margin_height())
                if extra > 0:
                    box.height += extra
        for box, parent, classes in marked:
            if MIDDLE in classes and parent is not None:
                top = parent.content_box_y()
                room = parent.height - box.margin_height()
                box.translate(dy=top + max(room, 0) / 2 - box.position_y)
