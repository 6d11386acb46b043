"""Text as the forms treat it: spaces that do not count, a clerk's value inside a message,
and the right word nearest to a mistyped one."""

from __future__ import annotations

import difflib


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
