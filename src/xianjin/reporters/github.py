"""GitHub Actions workflow commands (annotations on the changed lines), then the plain lines.

Each line is byte for byte what @actions/core's `core.error(message, {title, file,
startLine, startColumn})` prints: the same escaping and the same order of properties
(tests/test_clients_github.py runs the real package under node to compare).
"""

from __future__ import annotations

from typing import TextIO

from xianjin.reporters import text
from xianjin.reporters.common import problem_text, repo_path
from xianjin.result import Report
from xianjin.text import visible


def _escape_data(s: str) -> str:
    # As @actions/core's escapeData.
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    # As @actions/core's escapeProperty.
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def annotation(p) -> str:
    # @actions/core writes title, file, line, endLine, col, endColumn, and leaves out empty ones.
    props = [("title", visible(f"xianjin ({p.code})"))]
    if p.path:
        props.append(("file", repo_path(p.path)))
        props += [(key, str(n)) for key, n in (("line", p.line), ("col", p.column)) if n]
    joined = ",".join(f"{key}={_escape_property(value)}" for key, value in props)
    return f"::{p.level} {joined}::{_escape_data(problem_text(p))}"


def write(report: Report, out: TextIO, *, color: bool = False, strict: bool = False, **_) -> None:
    for p in report.problems:
        out.write(annotation(p) + "\n")
    text.write(report, out, color=False, strict=strict)
