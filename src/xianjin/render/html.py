"""Jinja: templates → HTML strings. Escaping is on for every template, whatever its name.

`autoescape=True` rather than `select_autoescape`, which decides by file extension and
would leave `form.html.j2` unescaped; `StrictUndefined`, so a misspelt field in a
template fails the render instead of printing an empty cell.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from xianjin.render.assets import templates_dir


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def cn_date(d: date) -> str:
    # GB/T 9704-2012 §7.3.5.3: 成文日期用阿拉伯数字，年份写全，月日不编虚位。
    return f"{d.year}年{d.month}月{d.day}日"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(templates_dir())), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=False)
    env.filters["paragraphs"] = paragraphs
    env.filters["cn_date"] = cn_date
    return env


def render_html(template: str, context: dict) -> str:
    return environment().get_template(template).render(context)
