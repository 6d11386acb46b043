"""Jinja: templates → HTML strings. Escaping is on for every template, whatever its name.

`autoescape=True` rather than `select_autoescape`, which decides by file extension and
would leave `form.html.j2` unescaped; `StrictUndefined`, so a misspelt field in a
template fails the render instead of printing an empty cell. The templates are the
user's to edit, so a mistake in one is a RenderError naming the template and the line,
not an internal error.
"""

from __future__ import annotations

import re
import traceback
from datetime import date
from functools import lru_cache
from pathlib import Path

from jinja2 import (Environment, FileSystemLoader, StrictUndefined, TemplateError, TemplateNotFound,
                    TemplateSyntaxError, UndefinedError)

from xianjin.render.assets import templates_dir
from xianjin.render.errors import RenderError
from xianjin.render.titles import break_title

_UNDEFINED = re.compile(r"has no attribute '(.+)'|'(.+)' is undefined")


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def cn_date(d: date) -> str:
    # GB/T 9704-2012 §7.3.5.3: 成文日期用阿拉伯数字，年份写全，月日不编虚位。
    return f"{d.year}年{d.month}月{d.day}日"


# Pango breaks lines by UAX #14, where “ and ” are ambiguous quotation marks that no line may
# break before or after: “吃拿卡要”和“冷硬横推” is one unbreakable word, and a full line of 28
# characters came out with 24. Chinese typesetting opens a new line with “ and closes one after ”
# (but never before a comma, nor after an opening bracket): a zero-width space there gives Pango
# that choice. A character, not <wbr>: an element per quote made layout 70 % slower. WeasyPrint
# draws no glyph for it, so the PDF's text has none either.
_OPEN_QUOTE = re.compile(r"(?<=[^（《「『〔【“‘\s])(?=[“‘])")
_CLOSE_QUOTE = re.compile(r"(?<=[”’])(?=[^，。、；：！？）》」』〕】”’…·—\s])")
ZWSP = "\u200b"


def breakable(text: str) -> str:
    """The text with a line break opportunity before each opening and after each closing quote."""
    return _CLOSE_QUOTE.sub(ZWSP, _OPEN_QUOTE.sub(ZWSP, str(text)))


def spaced(name: str) -> str:
    """A two-character name with a full-width space between, as 附件1 sets 承  德 and 合  计."""
    name = "".join(name.split())
    return f"{name[0]}\u3000{name[1]}" if len(name) == 2 else name


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(templates_dir())), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["paragraphs"] = paragraphs
    env.filters["cn_date"] = cn_date
    env.filters["lines"] = break_title
    env.filters["spaced"] = spaced
    env.filters["breakable"] = breakable
    return env


def render_html(template: str, context: dict) -> str:
    try:
        return environment().get_template(template).render(context)
    except TemplateError as exc:
        raise RenderError(_template_problem(exc, template)) from None


def _template_problem(exc: TemplateError, template: str) -> str:
    if isinstance(exc, TemplateNotFound):
        return f"找不到模板 {exc.name}（模板文件夹：{templates_dir()}）"
    if isinstance(exc, TemplateSyntaxError):
        name, line, what = exc.name or template, exc.lineno, f"语法错误：{exc.message}"
    else:
        # Jinja rewrites the traceback so that template code shows as the template's file and line.
        name, line = template, None
        root = templates_dir()
        for frame, lineno in traceback.walk_tb(exc.__traceback__):
            path = Path(frame.f_code.co_filename)
            if path.is_relative_to(root):
                name, line = path.relative_to(root).as_posix(), lineno
        m = _UNDEFINED.search(exc.message or "") if isinstance(exc, UndefinedError) else None
        what = f"没有“{m.group(1) or m.group(2)}”这个变量或栏目" if m else f"无法填写：{exc.message}"
    where = f"（第 {line} 行）" if line else ""
    return f"模板 {name} 有误{where}：{what}"
