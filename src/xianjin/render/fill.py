"""A framed box that continues on the next page reaches down to the foot of its page.

CSS Fragmentation 3 (§ box splitting) asks that a box split by a page break fill the rest
of the page, and WeasyPrint 70 does so when the content runs out of room. When it breaks
earlier to honour `break-before: avoid` (the approval block of a form takes the last lines
of 主要事迹 with it), it does not ("TODO: fill the blank space at the bottom of the page"
in layout/block.py): the cell's frame stops short and leaves up to half a page blank under
it. A paper form's cell runs to the foot of the page, so this stretches every laid-out
fragment of an element with class `fill` that is continued on the next page, before the
pages are drawn. Nested `fill` boxes (the text column inside the row) follow their parent.
"""

from __future__ import annotations

FILL = "fill"


def _fills(box, found: list) -> None:
    element = getattr(box, "element", None)
    if element is not None and FILL in (element.get("class") or "").split():
        found.append(box)
    for child in getattr(box, "children", ()):
        _fills(child, found)


def stretch_split_boxes(pages) -> None:
    """`pages` are a WeasyPrint document's pages (laid out, not yet drawn)."""
    found = []
    for page in pages:
        boxes: list = []
        _fills(page._page_box, boxes)
        found.append(boxes)
    for page, boxes, following in zip(pages, found, found[1:]):
        continued = {id(b.element) for b in following}
        root = page._page_box
        bottom = root.content_box_y() + root.height
        for box in boxes:
            if id(box.element) not in continued:
                continue
            parent_bottom = next((p.content_box_y() + p.height for p in boxes
                                  if p is not box and _contains(p, box)), bottom)
            extra = parent_bottom - (box.position_y + box.margin_height())
            if extra > 0:
                box.height += extra


def _contains(outer, inner) -> bool:
    return any(child is inner or _contains(child, inner) for child in getattr(outer, "children", ()))
