"""GitHub Actions workflow commands (annotations on the changed lines), then the plain lines."""

from __future__ import annotations

from typing import TextIO

from xianjin.reporters import text
from xianjin.text import visible
from xianjin.validate import Report


def _escape_data(s: str) -> str:
    # As @actions/core's escapeData.
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    # As @actions/core's escapeProperty.
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def write(report: Report, out: TextIO, *, color: bool = False, strict: bool = False) -> None:
    # Every control character is made visible first (and escaped as GitHub wants after that):
    # no line break, however it got into a file name, key or value, starts a workflow command.
    for p in report.problems:
        props = [f"title={_escape_property(f'xianjin ({p.code})')}"]
        if p.path:
            props = [f"file={_escape_property(visible(p.path))}", f"line={p.line}", f"col={p.column}"] + props
        field = f"{p.field}：" if p.field else ""
        out.write(f"::{p.level} {','.join(props)}::{_escape_data(visible(field + p.message))}\n")
    text.write(report, out, color=False, strict=strict)
