"""Issue 10, injection (items 9–10): whatever a file name, key or value holds, every output shows it
with control characters visible, keeps one problem a line, and stays valid JSON / JUnit / workflow commands."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import pytest

from helpers import build_unit
from hardening_util import LINE, SMALL, cli_run, no_english, problem_lines

# As @actions/core writes them: title first, then file, line and col when there are any.
GITHUB_LINE = re.compile(r"^::(error|warning) title=xianjin \(XJ\d{3}\)(,file=[^,\n]*,line=\d+,col=\d+)?::[^\n]*$")
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")


def only_visible(output: str) -> None:
    """Nothing that moves a terminal's cursor, clears it, reorders or splits a line."""
    assert not RAW.search(output), repr(RAW.search(output).group())


def count_problems(path: str, *extra) -> int:
    return len(json.loads(cli_run("validate", path, "--format", "json", *extra).output))


@pytest.mark.parametrize("key", [
    'x\\n::error file=pwn.yaml,line=1::INJECTED',
    'x\\r\\n::warning::INJECTED',
    'x\\u2028::error::INJECTED',
    'x\\x85::error::INJECTED',
    'x\\u202e::error::INJECTED',
    'x\\t::error::INJECTED',
])
def test_a_key_cannot_inject_a_workflow_command(tmp_path, key):
    path = tmp_path / "a.yaml"
    path.write_text(SMALL.text + f'"{key}": 1\n', "utf-8")
    result = cli_run("validate", path, "--format", "github")
    lines = result.output.splitlines()
    annotations = [ln for ln in lines if ln.lstrip().startswith("::")]
    assert annotations and all(GITHUB_LINE.match(ln) for ln in annotations), annotations
    # Every workflow command is one of ours, about this file: none comes out of the key.
    ours = re.compile(rf"::(error|warning) title=xianjin \(XJ\d{{3}}\),file={re.escape(str(path))},")
    assert all(ours.match(ln) for ln in annotations), lines
    only_visible(result.output)
    # …and the plain lines after them: one problem a line.
    plain = [ln for ln in lines if LINE.match(ln)]
    assert len(plain) == len(annotations) == count_problems(str(path))


def test_terminal_escapes_in_keys_are_shown_not_played(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(SMALL.text + '"\\e[2J\\e]0;pwned\\a": 1\n', "utf-8")
    result = cli_run("validate", path)
    assert "\x1b" not in result.output and "\x07" not in result.output
    [m] = [m for m in problem_lines(result.output) if m.group("code") == "XJ104"]
    assert (int(m.group("line")), int(m.group("col"))) == (len(SMALL.lines) + 1, 1)
    assert "U+001B" in result.output
    no_english(result.output)


@pytest.mark.parametrize("name", ["衡水\n::error file=x::INJECTED.yaml", "衡\x1b[2J水.yaml", "衡\r水.yaml",
                                  "衡\u2028水.yaml", "衡\u202e水.yaml", "衡\x85水.yaml", "衡\u200b水.yaml"])
@pytest.mark.parametrize("fmt", ["text", "github", "json", "junit", "sarif", "gitlab"])
def test_any_file_name_keeps_every_format_valid_and_one_problem_a_line(tmp_path, name, fmt):
    (tmp_path / name).write_text(SMALL.text.replace("性别: 女", "性别: 外", 1), "utf-8")
    result = cli_run("validate", tmp_path, "--format", fmt)
    assert result.exit_code == 1, result.output
    only_visible(result.output)
    shown = name.encode("unicode_escape").decode("ascii")  # \n, \x1b, \u2028 … as typed escapes
    if fmt == "json":
        rows = json.loads(result.output)
        assert rows and all(r["file"].endswith(shown.replace("\\\\", "\\")) or "\\" in r["file"] for r in rows)
    elif fmt == "junit":
        suite = ET.fromstring(result.output.split("\n", 1)[1])
        assert suite.get("failures") == "1"
    elif fmt == "sarif":
        [run] = json.loads(result.output)["runs"]
        assert len(run["results"]) == 3
        uris = [unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in run["results"]]
        assert len(uris) == 3 and all(not RAW.search(u) for u in uris), uris
    elif fmt == "gitlab":
        issues = json.loads(result.output)
        assert len(issues) == 3 and all(not RAW.search(i["location"]["path"]) for i in issues)
    else:
        problems = [ln for ln in result.output.splitlines() if LINE.match(ln)]
        assert len(problems) == 3  # XJ205 and XJ302 twice, each on its own line
        if fmt == "github":
            annotations = [ln for ln in result.output.splitlines() if ln.startswith("::")]
            assert len(annotations) == 3 and all(GITHUB_LINE.match(ln) for ln in annotations)
    no_english(result.output)


def test_file_names_in_gbk_bytes_give_valid_utf8_json_junit_and_files(tmp_path):
    folder = os.fsencode(tmp_path)
    gbk = folder + b"/" + "衡水（终稿）".encode("gbk") + b".yaml"
    with open(gbk, "wb") as f:
        f.write(SMALL.text.replace("性别: 女", "性别: 外", 1).encode("utf-8"))
    for fmt in ("json", "junit", "text", "github"):
        result = cli_run("validate", tmp_path, "--format", fmt)
        assert result.exit_code == 1, result.output
        raw = result.stdout_bytes.decode("utf-8")  # strict: valid UTF-8
        only_visible(raw)
        if fmt == "json":
            files = {r["file"] for r in json.loads(raw)}
            # The bytes that are not UTF-8 are shown as \xNN; those that happen to be (“水” is ˮ) as read.
            shown = "".join(f"\\x{ord(c) - 0xDC00:02x}" if 0xDC80 <= ord(c) <= 0xDCFF else c for c in os.fsdecode(gbk))
            assert files == {shown} and shown.startswith(f"{tmp_path}/\\xba\\xe2")
        if fmt == "junit":
            ET.fromstring(raw.split("\n", 1)[1])
        target = tmp_path / f"report.{fmt}"
        written = cli_run("validate", tmp_path, "--format", fmt, "-o", target)
        assert written.exit_code == 1, written.output  # not 3 (an internal error) any more
        target.read_bytes().decode("utf-8")
    summary = cli_run("summary", tmp_path, "--format", "json")
    assert summary.exit_code == 0
    row = next(r for r in json.loads(summary.output)["units"] if r["推荐单位"] == "衡水")
    assert "\\xba\\xe2" in row["文件"]
    for fmt in ("text", "csv", "markdown"):
        # (csv starts with the BOM Excel needs: the one invisible character that is ours)
        only_visible(cli_run("summary", tmp_path, "--format", fmt).stdout_bytes.decode("utf-8").lstrip("\ufeff"))


def test_the_summary_workbook_holds_any_file_name(tmp_path):
    # openpyxl refuses control characters in a cell: the workbook shows the name as the text does.
    import openpyxl

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "衡\x1b[2J水\n.yaml").write_text(SMALL.text, "utf-8")
    result = cli_run("summary", folder, "--format", "xlsx", "-o", tmp_path / "汇总.xlsx")
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(tmp_path / "汇总.xlsx")
    cells = [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value]
    assert any("衡\\x1b[2J水\\n.yaml" in c for c in cells), cells
    assert not any(RAW.search(c) for c in cells)


@pytest.mark.parametrize("key", ['"性\\a别"', '"性别\\x1b"', '"\\0"', '"a\\u0085b"'])
def test_junit_stays_well_formed_for_control_characters_in_keys(tmp_path, key):
    path = tmp_path / "a.yaml"
    path.write_text(SMALL.text + f"{key}: 1\n", "utf-8")
    result = cli_run("validate", path, "--format", "junit")
    suite = ET.fromstring(result.output.split("\n", 1)[1])
    assert suite.get("failures") == "1"
    text = "".join(suite.itertext())
    assert "XJ10" in text or "XJ11" in text or "XJ202" in text


def test_values_with_line_breaks_stay_on_their_line_in_every_format(tmp_path):
    doc = build_unit("衡水")
    path = tmp_path / "a.yaml"
    path.write_text(doc.set(("行业服务标兵", "推荐对象", 0, "性别"), '"男\\n::error::x\\u2028女"'), "utf-8")
    for fmt in ("text", "github"):
        out = cli_run("validate", path, "--format", fmt).output
        only_visible(out)
        assert not any(ln.startswith("::error::") for ln in out.splitlines())
    out = cli_run("validate", path).output
    assert len([ln for ln in out.splitlines() if LINE.match(ln)]) == count_problems(str(path))


def test_the_command_s_own_lines_show_names_visibly(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli_run("init", "衡水", "-o", "衡\x1b[31m水.yaml")
    assert result.exit_code == 0
    assert "已生成 衡\\x1b[31m水.yaml" in result.output and "\x1b" not in result.output
    assert Path("衡\x1b[31m水.yaml").is_file()


def test_a_file_name_that_starts_like_a_workflow_command_starts_no_line_with_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("::error file=pwn.yaml,line=1::INJECTED.yaml").write_text(SMALL.text.replace("性别: 女", "性别: 外", 1),
                                                                    "utf-8")
    for fmt in ("github", "text"):
        out = cli_run("validate", ".", "--format", fmt).output
        assert not any(ln.lstrip().startswith("::") and not GITHUB_LINE.match(ln) for ln in out.splitlines()), out
    out = cli_run("validate", "::error file=pwn.yaml,line=1::INJECTED.yaml").output
    assert out.startswith("./::error file=pwn.yaml,line=1::INJECTED.yaml:")


def test_every_format_and_control_character_is_known_to_be_invisible():
    """text.py lists the Unicode format characters (Cf) by hand, for speed: none may be missing."""
    import sys
    import unicodedata

    from xianjin.text import is_invisible, visible

    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        category = unicodedata.category(ch)
        if category == "Cf":
            assert is_invisible(ch) and visible(ch) != ch, hex(cp)
        elif category in ("Cc", "Zl", "Zp", "Cs"):
            assert visible(ch) != ch, hex(cp)
