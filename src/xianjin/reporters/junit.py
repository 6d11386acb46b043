"""JUnit XML: one testcase per file, one <failure> holding all of that file's problems."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from xianjin.problems import Problem
from xianjin.reporters.text import format_problem
from xianjin.text import visible
from xianjin.validate import Report


def _case(suite: ET.Element, name: str, problems: list[Problem], strict: bool) -> bool:
    # visible(): XML 1.0 cannot hold control characters at all, not even escaped.
    case = ET.SubElement(suite, "testcase", classname="xianjin", name=visible(name))
    errors = sum(p.is_error for p in problems)
    failing = errors or (strict and problems)
    body = "\n".join(format_problem(p) for p in problems)
    if failing:
        failure = ET.SubElement(case, "failure", type="xianjin",
                                message=f"{errors} 个错误，{len(problems) - errors} 个警告")
        failure.text = body
    elif problems:
        ET.SubElement(case, "system-out").text = body
    return bool(failing)


def write(report: Report, out: TextIO, *, color: bool = False, strict: bool = False) -> None:
    suite = ET.Element("testsuite", name="xianjin")
    failures = 0
    for p in report.unreadable:
        failures += _case(suite, p.path, [p], strict)
    for u in report.units:
        failures += _case(suite, u.path, u.problems, strict)
    if report.province:
        failures += _case(suite, "全省汇总", report.province, strict)
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    ET.indent(suite)
    out.write('<?xml version="1.0" encoding="utf-8"?>\n')
    out.write(ET.tostring(suite, encoding="unicode"))
    out.write("\n")
