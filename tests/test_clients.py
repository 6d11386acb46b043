"""The CI formats, checked by the clients that read them, not by our reading of them.

- github: every annotation line byte for byte what @actions/core prints (npm, run under node);
- sarif: valid against the OASIS SARIF 2.1.0 schema (check-jsonschema), and what GitHub's
  code scanning further requires: a location on every result;
- junit: valid against the Jenkins/xunit junit-10.xsd (but for GitLab's `file`), read by
  junitparser, and read as GitLab's parser (lib/gitlab/ci/parsers/test/junit.rb) reads it;
- gitlab: every entry valid for GitLab's codeclimate.json rules, fingerprints unique;
- yamllint: the generated and shipped YAML passes `-d relaxed` and the shipped config.

The npm clients live in tests/clients/ (scripts/setup.sh runs npm ci there).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import CAMPAIGN, build_unit
from xianjin import reporters
from xianjin.cli import cli
from xianjin.reporters.common import problem_text, repo_path
from xianjin.validate import validate_paths

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = ROOT / "tests" / "clients"
SARIF_SCHEMA = CLIENTS / "node_modules" / "@microsoft" / "jest-sarif" / "lib" / "schemas" / "sarif-2.1.0-rtm.5.json"
JUNIT_XSD = ROOT / "tests" / "data" / "junit-10.xsd"
M3 = ("行业服务标兵", "推荐对象", 2)
W2 = ("群众满意窗口", "推荐对象", 1)


def tool(name: str) -> str:
    exe = shutil.which(name, path=str(Path(sys.executable).parent))
    assert exe, f"{name} is a test dependency (pip install -e '.[test]')"
    return exe


def node_clients() -> None:
    assert shutil.which("node"), "node is needed: bash scripts/setup.sh installs it"
    assert (CLIENTS / "node_modules" / "@actions" / "core").is_dir(), "run bash scripts/setup.sh (npm ci in tests/clients)"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A submissions folder, the current folder: 衡水 with errors that need escaping, a clean 秦皇岛,
    a warnings-only 沧州, and a second 衡水 file (a province-wide problem comes with --require-all)."""
    hs = build_unit("衡水")
    text = hs.set(M3 + ("出生年月",), '"1978.13"')
    text = hs.then(text).set(M3 + ("性别",), '"50%:男,女\\r\\n"')
    text = hs.then(text).set(("联系电话",), "13912345678")
    (tmp_path / "09-衡水.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "04-秦皇岛.yaml").write_text(build_unit("秦皇岛").text, encoding="utf-8")
    cz = build_unit("沧州")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "08-沧州,第2版.yaml").write_text(cz.set(("报送日期",), "2012-08-30"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    return tmp_path


def report_of(*paths, require_all=True):
    return validate_paths(list(paths) or ["."], CAMPAIGN, require_all=require_all)


def render(fmt: str, report, **kw) -> str:
    import io

    out = io.StringIO()
    reporters.write(fmt, report, out, **kw)
    return out.getvalue()


# --- GitHub -------------------------------------------------------------------------------------

@pytest.mark.slow
def test_annotations_are_byte_identical_to_actions_core(repo):
    node_clients()
    report = report_of(".")
    ours = [ln for ln in render("github", report).splitlines() if ln.startswith("::")]
    wanted = [{"level": p.level, "message": problem_text(p), "title": f"xianjin ({p.code})",
               "file": repo_path(p.path), "line": p.line, "col": p.column} for p in report.problems]
    done = subprocess.run(["node", str(CLIENTS / "annotate.mjs")], input=json.dumps(wanted, ensure_ascii=False),
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 0, done.stderr
    theirs = done.stdout.splitlines()
    assert len(ours) == len(report.problems) >= 4
    assert ours == theirs
    joined = "\n".join(ours)
    # What @actions/core escapes, and the paths GitHub matches to the diff.
    assert "50%25%3A男,女" in joined or "50%25:男,女" in joined
    assert "file=09-衡水.yaml,line=" in joined and "file=./" not in joined
    assert "file=sub/08-沧州%2C第2版.yaml" in joined
    assert "::error title=xianjin (XJ404)::推荐单位：" in joined


def test_walk_of_the_workspace_prints_repository_relative_paths(repo, runner):
    result = runner.invoke(cli, ["validate", "."], env={"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(repo)})
    first = result.output.splitlines()[0]
    assert first.startswith("::warning title=xianjin (XJ211),file=09-衡水.yaml,line=6,col=7::")
    # ... and from a subfolder of the workspace, still relative to the workspace.
    sub = runner.invoke(cli, ["validate", str(repo / "sub")], env={"GITHUB_ACTIONS": "true"})
    assert sub.output.startswith("::warning title=xianjin (XJ214),file=sub/08-沧州%2C第2版.yaml,line=4,col=7::")


def test_under_actions_a_file_asked_for_gets_text_not_workflow_commands(repo, runner):
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": ""}
    runner.invoke(cli, ["validate", ".", "-o", "report.txt"], env=env)
    written = (repo / "report.txt").read_text(encoding="utf-8")
    assert not written.startswith("::") and "09-衡水.yaml:" in written
    stdout = runner.invoke(cli, ["validate", ".", "-o", "-"], env=env)
    assert stdout.output.startswith("::") and not (repo / "-").exists()


def test_job_summary_lists_every_problem_with_links(repo, runner):
    summary = repo / "summary.md"
    summary.write_text("前一步的摘要\n", encoding="utf-8")
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_SERVER_URL": "https://github.com",
           "GITHUB_REPOSITORY": "hebei/tuijian", "GITHUB_SHA": "0123abc"}
    result = runner.invoke(cli, ["validate", ".", "--require-all"], env=env)
    assert result.exit_code == 1
    md = summary.read_text(encoding="utf-8")
    assert md.startswith("前一步的摘要\n\n## xianjin 检查结果：有错误")  # appended, as GitHub expects
    report = report_of(".")
    rows = [ln for ln in md.splitlines() if " | 错误 | XJ" in ln or " | 警告 | XJ" in ln]
    assert len(rows) == len(report.problems)
    line = next(p.line for p in report.problems if p.code == "XJ203")
    assert (f"| [09-衡水.yaml:{line}](https://github.com/hebei/tuijian/blob/0123abc/09-%E8%A1%A1%E6%B0%B4.yaml#L{line}) "
            "| 错误 | XJ203 |") in md
    assert "| 09-衡水.yaml（衡水） | 2 | 1 |" in md
    assert "### 全省：1 个错误，0 个警告" in md
    # A clerk's text cannot make a table cell, a link or markup of its own.
    import re

    assert all(len(re.findall(r"(?<!\\)\|", row)) == 6 for row in rows)
    assert "“50%:男,女”不是有效的性别" in re.sub(r"\\(.)", r"\1", md)


def test_no_job_summary_for_other_formats_or_outside_actions(repo, runner):
    summary = repo / "summary.md"
    runner.invoke(cli, ["validate", ".", "--format", "sarif", "-o", "x.sarif"],
                  env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert not summary.exists()


# --- SARIF --------------------------------------------------------------------------------------

@pytest.mark.slow
def test_sarif_is_valid_sarif_2_1_0_with_a_location_on_every_result(repo, runner):
    node_clients()
    result = runner.invoke(cli, ["validate", ".", "--require-all", "--format", "sarif", "-o", "x.sarif"])
    assert result.exit_code == 1
    # The OASIS schema's own `language` pattern has a stray "]", legal only in non-unicode regexes.
    done = subprocess.run([tool("check-jsonschema"), "--regex-variant", "nonunicode", "--schemafile",
                           str(SARIF_SCHEMA), "x.sarif"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    log = json.loads((repo / "x.sarif").read_text(encoding="utf-8"))
    run = log["runs"][0]
    report = report_of(".")
    with_file = [p for p in report.problems if p.path]
    assert len(run["results"]) == len(with_file)
    rules = run["tool"]["driver"]["rules"]
    for r, p in zip(run["results"], with_file):
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"] == p.code
        assert r["level"] == p.level and r["message"]["text"] == problem_text(p)
        loc = r["locations"][0]["physicalLocation"]
        assert loc["region"] == {"startLine": p.line, "startColumn": p.column}
        assert not loc["artifactLocation"]["uri"].startswith(("./", "/"))
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]} == {
        "09-%E8%A1%A1%E6%B0%B4.yaml", "sub/08-%E6%B2%A7%E5%B7%9E%2C%E7%AC%AC2%E7%89%88.yaml"}
    xj203 = next(r for r in rules if r["id"] == "XJ203")
    assert xj203["shortDescription"]["text"] == "出生年月不对" and "1978.05" in xj203["fullDescription"]["text"]
    assert run["columnKind"] == "unicodeCodePoints"
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["descriptor"]["id"] for n in notes] == ["XJ404"]


# --- JUnit --------------------------------------------------------------------------------------

def gitlab_reads_junit(xml: str) -> list[dict]:
    """The test cases as GitLab's parser builds them: status by the child present, its text, the file."""
    cases = []
    for case in ET.fromstring(xml).iter("testcase"):
        for tag, status in (("failure", "failed"), ("error", "error"), ("skipped", "skipped")):
            found = case.find(tag)
            if found is not None:
                cases.append({"name": case.get("name"), "file": case.get("file"), "status": status,
                              "system_output": found.text or {k: v for k, v in found.attrib.items()}})
                break
        else:
            cases.append({"name": case.get("name"), "file": case.get("file"), "status": "success",
                          "system_output": None})
    return cases


@pytest.mark.slow
def test_junit_valid_for_the_xsd_junitparser_and_gitlab(repo, tmp_path):
    import junitparser
    import xmlschema

    report = report_of(".")
    xml = render("junit", report)
    # junit-10.xsd knows no testcase/@file; GitLab needs it. Everything else must be valid.
    root = ET.fromstring(xml)
    for case in root.iter("testcase"):
        case.attrib.pop("file", None)
    xmlschema.XMLSchema(str(JUNIT_XSD)).validate(ET.tostring(root, encoding="unicode"))
    (tmp_path / "r.xml").write_text(xml, encoding="utf-8")
    parsed = junitparser.JUnitXml.fromfile(str(tmp_path / "r.xml"))
    cases = {c.name: c for suite in parsed for c in suite}
    assert set(cases) == {"04-秦皇岛.yaml", "09-衡水.yaml", "sub/08-沧州,第2版.yaml", "全省汇总"}
    assert cases["04-秦皇岛.yaml"].is_passed
    assert isinstance(cases["09-衡水.yaml"].result[0], junitparser.Failure)
    assert cases["09-衡水.yaml"].result[0].message == "2 个错误，1 个警告"
    assert isinstance(cases["sub/08-沧州,第2版.yaml"].result[0], junitparser.Skipped)
    gitlab = {c["name"]: c for c in gitlab_reads_junit(xml)}
    assert gitlab["09-衡水.yaml"]["status"] == "failed" and gitlab["09-衡水.yaml"]["file"] == "09-衡水.yaml"
    assert "XJ203" in gitlab["09-衡水.yaml"]["system_output"]
    warned = gitlab["sub/08-沧州,第2版.yaml"]
    assert warned["status"] == "skipped" and warned["file"] == "sub/08-沧州,第2版.yaml"
    assert "warning XJ214 报送日期：报送日期 2012-08-30 晚于截止日期 2012-08-20" in warned["system_output"]
    assert gitlab["04-秦皇岛.yaml"]["status"] == "success"
    assert gitlab["全省汇总"]["status"] == "failed" and gitlab["全省汇总"]["file"] is None


# --- GitLab Code Quality -----------------------------------------------------------------------

# GitLab's app/validators/json_schemas/codeclimate.json, as its CodeClimate parser applies it to
# each entry (and stops at the first entry that fails); severities from its SEVERITY_PRIORITIES.
GITLAB_ENTRY = {
    "type": "object", "required": ["description", "fingerprint", "severity", "location"],
    "properties": {"description": {"type": "string"}, "fingerprint": {"type": "string"},
                   "severity": {"enum": ["blocker", "critical", "major", "minor", "info"]},
                   "location": {"type": "object", "required": ["path", "lines"],
                                "properties": {"path": {"type": "string", "minLength": 1},
                                               "lines": {"type": "object", "required": ["begin"],
                                                         "properties": {"begin": {"type": "integer",
                                                                                  "minimum": 1}}}}}},
}


def test_gitlab_code_quality_entries_as_gitlab_reads_them(repo):
    import jsonschema

    report = report_of(".")
    entries = json.loads(render("gitlab", report))
    for entry in entries:
        jsonschema.validate(entry, GITLAB_ENTRY)
    assert len({e["fingerprint"] for e in entries}) == len(entries) == len([p for p in report.problems if p.path])
    e = next(e for e in entries if e["check_name"] == "XJ203")
    assert e["severity"] == "critical" and e["location"]["path"] == "09-衡水.yaml"
    assert e["description"].startswith("XJ203 行业服务标兵.推荐对象[3].出生年月：“1978.13”不是有效的出生年月")
    # A problem that only moves keeps its fingerprint: GitLab would call it fixed and new otherwise.
    hs = build_unit("衡水")
    moved = hs.set(M3 + ("出生年月",), '"1978.13"').replace("推荐情况报告: |\n", "推荐情况报告: |\n  另起一段。\n", 1)
    (repo / "09-衡水.yaml").write_text(moved, encoding="utf-8")
    again = json.loads(render("gitlab", report_of(".")))
    assert e["fingerprint"] in {x["fingerprint"] for x in again}


# --- JSON ---------------------------------------------------------------------------------------

def test_json_problem_of_no_file_has_nulls(repo):
    rows = json.loads(render("json", report_of(".")))
    province = [r for r in rows if r["code"] == "XJ404"]
    assert province and province[0]["file"] is None and province[0]["line"] is None and province[0]["column"] is None


# --- yamllint -----------------------------------------------------------------------------------

def yamllint(*args) -> subprocess.CompletedProcess:
    return subprocess.run([tool("yamllint"), "-f", "parsable", *map(str, args)], capture_output=True, text=True)


@pytest.mark.slow
def test_generated_and_shipped_yaml_pass_yamllint(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for unit in ("衡水", "省直机关"):
        assert CliRunner().invoke(cli, ["init", unit]).exit_code == 0
    generated = [tmp_path / "衡水.yaml", tmp_path / "省直机关.yaml"]
    shipped = [*sorted((ROOT / "examples" / "ci").glob("*.y*ml")), ROOT / ".pre-commit-hooks.yaml",
               *sorted((ROOT / "examples").glob("*.yaml")), ROOT / "examples" / "broken" / "09-衡水-有错误.yaml",
               ROOT / "src" / "xianjin" / "data" / "hebei-2012.yaml"]
    relaxed = yamllint("-d", "relaxed", *generated, *shipped)
    assert relaxed.returncode == 0 and ":error:" not in relaxed.stdout, relaxed.stdout
    assert yamllint("-d", "relaxed", "--strict", *generated).returncode == 0  # not even a warning
    # The configuration shipped for the submissions repository: its files and its CI set-up.
    config = ROOT / "examples" / "ci" / "yamllint.yaml"
    repo_files = [*generated, *sorted((ROOT / "examples").glob("*.yaml")), *sorted((ROOT / "examples" / "ci").glob("*.y*ml"))]
    done = yamllint("-c", config, "--strict", *repo_files)
    assert done.returncode == 0, done.stdout
    # The CI templates pass even yamllint's default configuration.
    ci = [*sorted((ROOT / "examples" / "ci").glob("*.y*ml")), ROOT / ".pre-commit-hooks.yaml"]
    assert yamllint("-d", "default", *ci).returncode == 0


@pytest.mark.slow
def test_ci_templates_pass_the_vendored_workflow_schemas():
    ci = ROOT / "examples" / "ci"
    for schema, name in (("vendor.github-workflows", "github-workflow.yml"), ("vendor.gitlab-ci", "gitlab-ci.yml")):
        done = subprocess.run([tool("check-jsonschema"), "--builtin-schema", schema, str(ci / name)],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stdout


# --- completion ---------------------------------------------------------------------------------

@pytest.mark.parametrize("words, cword, expected", [
    ("xianjin init 衡", 2, ["衡水"]),
    ("xianjin rules XJ30", 2, ["XJ301", "XJ302", "XJ303", "XJ304", "XJ305"]),
    ("xianjin render --out pdf --unit 省", 5, ["省直机关"]),
])
def test_shell_completion_of_units_and_rule_codes(words, cword, expected):
    env = {**os.environ, "COMP_WORDS": words, "COMP_CWORD": str(cword), "_XIANJIN_COMPLETE": "bash_complete"}
    done = subprocess.run([sys.executable, "-c", "from xianjin.cli import main; main()"], env=env,
                          capture_output=True, text=True)
    assert [ln.split(",", 1)[1] for ln in done.stdout.splitlines()] == expected
