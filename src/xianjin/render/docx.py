"""Word documents: the same documents and contexts as the PDFs, filled into templates/*.docx.

Each HTML template `form-window.html.j2` has a Word twin `form-window.docx`, an ordinary
Word document with Jinja tags (docxtpl) that an office can edit in Word or WPS. Values
are escaped for XML (autoescape); the fonts are the ones the template names, supplied
by the reader's machine. The bytes are the same for the same input: the document's
dates are its 报送日期 (or SOURCE_DATE_EPOCH) and the zip entries carry one fixed time.
"""

from __future__ import annotations

import io
from datetime import date, datetime

from jinja2 import Environment, StrictUndefined, TemplateError

from xianjin.render.assets import templates_dir
from xianjin.render.errors import RenderError
from xianjin.render.templating import cn_date, paragraphs
from xianjin.stablezip import stable_zip

BLANK_DATE = "年    月    日"


def template_for(html_template: str) -> str:
    return html_template.removesuffix(".html.j2") + ".docx"


def _opinion(stage) -> str:
    return stage.意见 if stage else ""


def _signed(stage) -> str:
    return cn_date(stage.日期) if stage and stage.日期 else BLANK_DATE


def _dash(value) -> object:
    return "—" if value is None else value


def _environment() -> Environment:
    env = Environment(undefined=StrictUndefined, autoescape=True)
    env.filters.update(paragraphs=paragraphs, cn_date=cn_date, opinion=_opinion, signed=_signed, dash=_dash)
    return env


def render_docx(html_template: str, context: dict, title: str | None = None) -> bytes:
    """The document as .docx bytes. Raises RenderError (Chinese) for a broken template."""
    from docxtpl import DocxTemplate

    name = template_for(html_template)
    path = templates_dir() / name
    if not path.is_file():
        raise RenderError(f"找不到 Word 模板 {name}（模板文件夹：{templates_dir()}）")
    try:
        tpl = DocxTemplate(str(path))
        tpl.render(context, _environment(), autoescape=True)
    except TemplateError as exc:
        raise RenderError(f"Word 模板 {name} 有误：{exc.message}") from None
    except Exception as exc:  # a template saved in a form docxtpl cannot read
        raise RenderError(f"Word 模板 {name} 无法使用（{type(exc).__name__}）；请用 Word 重新保存为 .docx") from None
    stamp = _stamp(context.get("created", ""))
    props = tpl.docx.core_properties
    props.author = props.last_modified_by = context.get("author", "")
    props.title = title or context.get("title", "")
    props.created = props.modified = datetime(stamp.year, stamp.month, stamp.day)
    props.revision = 1
    buffer = io.BytesIO()
    tpl.save(buffer)
    return stable_zip(buffer.getvalue(), stamp)


def _stamp(created: str) -> date:
    try:
        return date.fromisoformat(created[:10])
    except ValueError:
        return date(2012, 1, 1)
