"""JUnit XML: one testcase per file, carrying all of that file's problems.

Written for GitLab's parser (lib/gitlab/ci/parsers/test/junit.rb), which links a case to
its file through the testcase's `file` attribute and shows the text of <failure>,
<error> or <skipped> only. A file with errors fails; a file with only warnings (not
--strict) passes, but its warnings go into <skipped message="…"> so that GitLab shows
them: the text of <system-out> on a passing case is never shown.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from xianjin.problems import Problem
from xianjin.reporters.common import repo_path
from xianjin.reporters.text import format_problem
from xianjin.result import Report
from xianjin.text import visible


def _case(suite: ET.Element, name: str, file: str | None, problems: list[Problem], strict: bool) -> bool:
    # visible(): XML 1.0 cannot hold control characters at all, not even escaped.
    case = ET.SubElement(suite, "testcase", classname="xianjin", name=visible(name))
    if file:
        case.set("file", repo_path(file))
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    failing = bool(errors or (strict and problems))
    body = "\n".join(format_problem(p) for p in problems)
    if failing:
        failure = ET.SubElement(case, "failure", type="xianjin", message=f"{errors} 个错误，{warnings} 个警告")
        failure.text = body
    elif problems:
        ET.SubElement(case, "skipped", type="xianjin",
                      message=f"通过，但有 {warnings} 个警告，请核对").text = body
    return failing


def write(report: Report, out: TextIO, *, color: bool = False, strict: bool = False, **_) -> None:
    suite = ET.Element("testsuite", name="xianjin")
    failures = 0
    for p in report.unreadable:
        failures += _case(suite, p.path or "xianjin", p.path, [p], strict)
    for f in report.files:
        failures += _case(suite, repo_path(f.path), f.path, f.problems, strict)
    if report.province:
        failures += _case(suite, "全省汇总", None, report.province, strict)
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(len(suite.findall("testcase/skipped"))))
    ET.indent(suite)
    out.write('<?xml version="1.0" encoding="utf-8"?>\n')
    out.write(ET.tostring(suite, encoding="unicode"))
    out.write("\n")
