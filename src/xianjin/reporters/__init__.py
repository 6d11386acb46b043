"""Output formats: each turns a Report into text and does nothing else.

A reporter is `write(report, out, *, color, strict)`; add one by adding a module and
a line to REPORTERS. The GitHub job summary (job_summary.py) is not a format of its own:
it accompanies the github format when GitHub asks for one.
"""

from __future__ import annotations

from typing import Callable, TextIO

from xianjin.reporters import github, gitlab, json_, junit, sarif, text
from xianjin.result import Report

Reporter = Callable[..., None]

REPORTERS: dict[str, Reporter] = {
    "text": text.write,
    "json": json_.write,
    "github": github.write,
    "junit": junit.write,
    "sarif": sarif.write,
    "gitlab": gitlab.write,
}


def write(name: str, report: Report, out: TextIO, *, color: bool = False, strict: bool = False) -> None:
    REPORTERS[name](report, out, color=color, strict=strict)
