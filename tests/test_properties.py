"""Property-based: mutate valid files every way a clerk (or a broken editor) could, and prove that
validation never raises and every problem it reports is well-formed and Chinese.

Issue 10 adds: keys and file names mutated with control and invisible characters (every
output format stays valid and keeps one problem a line), and renders interleaved with
failures, other inputs and concurrent runs (the output folder always holds exactly what
one input produces, and the cache never claims otherwise)."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import CAMPAIGN, ENGLISH, build_unit, check_text
from xianjin import reporters
from xianjin.loader import load_bytes
from xianjin.rules import BY_CODE as RULES
from xianjin.validate import check_loaded, validate_paths

# Hundreds of examples each: the whole suite runs them, a quick `-m "not slow"` run does not.
pytestmark = pytest.mark.slow

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                    database=None)

# Small but complete-shaped files keep 200 examples fast: 衡水 with 2 windows, 2 exemplars, 1 brand
# (only XJ302 warnings), and the full valid file for the line-level mutations.
SMALL = build_unit("衡水", windows=2, models=2, brands=1, material_chars=1500)
FULL = build_unit("衡水")
OTHER = build_unit("秦皇岛", windows=2, models=2, brands=1, material_chars=1500)

ENGLISH_WORDS = ENGLISH + ("string_type", "model_type", "missing", "extra_forbidden", "Input",
                           "pydantic", "Exception", "object at 0x")

TOKENS = [":", ": ", "- ", "-", "\t", '"', "'", "#", "&a ", "*a", "!!python/object:os.system ", "!x ",
          "{", "}", "[", "]", "|", ">", "%", "@", "`", "?", ",", "\x00", "\x07", "\x1b", "\x7f", "\ufeff",
          "\u2028", "\u3000", "\r", "\n", "\r\n", "  ", "    ", "---\n", "...\n", "~", "null", "yes",
          "1980.10", "0311", "2012-02-30", "推荐单位: 衡水\n", "姓名: ", "\\", "\U0001F600", "𠮷", "·",
          "\u202e", "\ud7ff", "\ufffd", "\x85", "\xa0"]

line_op = st.tuples(
    st.sampled_from(["delete", "duplicate", "swap", "blank_value", "indent", "dedent", "move"]),
    st.integers(0, 10 ** 6), st.integers(0, 10 ** 6))
insert_op = st.tuples(st.just("insert"), st.integers(0, 10 ** 7),
                      st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)))
truncate_op = st.tuples(st.just("truncate"), st.integers(0, 10 ** 7), st.just(0))
value_op = st.tuples(st.just("value"), st.integers(0, 10 ** 6),
                     st.one_of(st.sampled_from(TOKENS), st.text(max_size=12)))
text_op = st.one_of(line_op, insert_op, truncate_op, value_op)


def apply(text: str, op) -> str:
    kind, a, b = op
    lines = text.split("\n")
    n = len(lines)
    i = a % n
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "swap":
        j = b % n
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "move":
        line = lines.pop(i)
        lines.insert(b % n, line)
    elif kind == "blank_value":
        lines[i] = lines[i].split(":", 1)[0] + ":" if ":" in lines[i] else ""
    elif kind == "indent":
        lines[i] = " " * (1 + b % 4) + lines[i]
    elif kind == "dedent":
        lines[i] = lines[i][1 + b % 4:] if lines[i].startswith(" ") else lines[i]
    elif kind == "value":
        head = lines[i].split(":", 1)[0] if ":" in lines[i] else lines[i]
        lines[i] = f"{head}: {b}"
    elif kind == "insert":
        pos = a % (len(text) + 1)
        return text[:pos] + b + text[pos:]
    elif kind == "truncate":
        return text[: a % (len(text) + 1)]
    return "\n".join(lines)


def check_problems(problems, raw_lines: int | None = None) -> None:
    for p in problems:
        assert p.code in RULES, p
        assert p.level in ("error", "warning"), p
        assert p.level == RULES[p.code].level, p
        assert p.message and p.message.strip(), p
        for word in ENGLISH_WORDS:
            assert word not in p.message, p
            assert word not in p.field, p
        if p.path:
            assert p.line >= 1 and p.column >= 1, p
            if raw_lines is not None:
                assert p.line <= raw_lines + 1, (p, raw_lines)
        else:  # province-level
            assert (p.line, p.column) == (0, 0), p


def check_unit(raw: bytes, path: str = "衡水.yaml"):
    unit = check_loaded(load_bytes(raw, path), CAMPAIGN)
    check_problems(unit.problems, raw.count(b"\n") + 1)
    errors = [p for p in unit.problems if p.is_error]
    if not errors:
        assert unit.submission is not None
    else:
        assert unit.submission is None
    return unit


# What must never reach any output raw: controls, separators, format characters, lone surrogates.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                 "\u2066-\u206f\ufeff\ud800-\udfff\ufffe\uffff]")
PROBLEM = re.compile(r"^(?:.+:\d+:\d+|xianjin): (?:error|warning) XJ\d{3} ")
SUMMARY = ("共检查", "其中", "全省推荐对象合计", "尚未报送", "全部")
GITHUB = re.compile(r"^::(?:error|warning) title=xianjin \(XJ\d{3}\)(?:,file=[^,]*,line=\d+,col=\d+)?::")


def render_all(report) -> None:
    n = len(report.problems)
    for fmt in reporters.REPORTERS:
        out = io.StringIO()
        reporters.write(fmt, report, out, strict=True)
        value = out.getvalue()
        value.encode("utf-8")  # strict: no lone surrogate from an undecodable file name
        assert not RAW.search(value), (fmt, RAW.search(value))
        if fmt == "json":
            assert isinstance(json.loads(value), list) and len(json.loads(value)) == n
        elif fmt == "sarif":
            runs = json.loads(value)["runs"]
            assert len(runs[0]["results"]) + len(runs[0]["invocations"][0].get("toolExecutionNotifications", [])) == n
        elif fmt == "gitlab":
            assert isinstance(json.loads(value), list)
        elif fmt == "junit":
            ET.fromstring(value.split("\n", 1)[1])
        else:
            lines = value.splitlines()
            if fmt == "github":
                assert all(GITHUB.match(ln) for ln in lines[:n]), lines[:n]
                lines = lines[n:]
            # One problem a line, whatever the names, keys and values hold.
            assert all(not ln or PROBLEM.match(ln) or ln.startswith(SUMMARY) for ln in lines), lines
            assert sum(1 for ln in lines if PROBLEM.match(ln)) == n
        for word in ENGLISH_WORDS:
            assert word not in value, (fmt, word)


def test_baselines_are_valid():
    assert [p.code for p in check_text(SMALL.text).problems] == ["XJ302", "XJ302"]
    assert check_text(FULL.text).problems == []


@SETTINGS
@given(ops=st.lists(line_op, min_size=1, max_size=4))
def test_line_mutations_of_a_full_file_never_raise(ops):
    text = FULL.text
    for op in ops:
        text = apply(text, op)
    check_unit(text.encode("utf-8"))


@SETTINGS
@given(ops=st.lists(text_op, min_size=1, max_size=4))
def test_text_mutations_never_raise(ops):
    text = SMALL.text
    for op in ops:
        text = apply(text, op)
    check_unit(text.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(codec=st.sampled_from(["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-be"]),
       edits=st.lists(st.tuples(st.integers(0, 10 ** 7), st.binary(min_size=1, max_size=6),
                                st.booleans()), min_size=0, max_size=3),
       cut=st.one_of(st.none(), st.integers(0, 10 ** 7)))
def test_byte_mutations_never_raise(codec, edits, cut):
    raw = SMALL.text.encode(codec)
    for pos, junk, overwrite in edits:
        pos %= len(raw) + 1
        raw = raw[:pos] + junk + raw[pos + (len(junk) if overwrite else 0):]
    if cut is not None:
        raw = raw[: cut % (len(raw) + 1)]
    check_unit(raw)


@SETTINGS
@given(raw=st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_arbitrary_input_never_raises(raw):
    check_unit(raw)


@SETTINGS
@given(ops=st.lists(text_op, min_size=1, max_size=3), other_ops=st.lists(line_op, max_size=2))
def test_validate_paths_on_mutated_folder_never_raises(ops, other_ops):
    a, b = SMALL.text, OTHER.text
    for op in ops:
        a = apply(a, op)
    for op in other_ops:
        b = apply(b, op)
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "09-衡水.yaml"), "wb") as f:
            f.write(a.encode("utf-8", "surrogatepass"))
        with open(os.path.join(folder, "04-秦皇岛.yaml"), "w", encoding="utf-8") as f:
            f.write(b)
        report = validate_paths([folder], CAMPAIGN, require_all=True)
        check_problems(report.problems)
        assert any(p.code == "XJ404" for p in report.province)
        render_all(report)


# --- issue 10: keys and file names with control and invisible characters -------------------------

# Typed as they are (a clerk's paste) …
RAW_CHARS = ["\u200b", "\ufeff", "\u2028", "\u2029", "\x85", "\u202e", "\u2066", "\u3000", "\xa0", "\t",
             "\u00ad", "\u3164", "\ue000", "\ufffd", " ", "\u200d", "\U000e0041"]
# … or as double-quoted escapes (an attacker's file): YAML turns them into the characters.
ESCAPES = ["\\n", "\\r", "\\e", "\\a", "\\x1b", "\\0", "\\x85", "\\u2028", "\\u202e", "\\t",
           "\\n::error file=pwn.yaml,line=1::INJECTED", "\\e[2J\\e]0;pwned\\a", "\\ufeff", "\\x7f"]
KEY_LINE = re.compile(r"^(\s*(?:- )?)([^\s:#][^:#]*?)(:(?: .*)?)$")

key_op = st.tuples(st.integers(0, 10 ** 6), st.integers(0, 100),
                   st.one_of(st.tuples(st.just("raw"), st.sampled_from(RAW_CHARS)),
                             st.tuples(st.just("escape"), st.sampled_from(ESCAPES))))


def mutate_key(text: str, op) -> str:
    at, where, (how, char) = op
    lines = text.split("\n")
    keyed = [i for i, ln in enumerate(lines) if KEY_LINE.match(ln)]
    i = keyed[at % len(keyed)]
    lead, key, rest = KEY_LINE.match(lines[i]).groups()
    pos = where % (len(key) + 1)
    if how == "raw":
        key = key[:pos] + char + key[pos:]
    else:
        plain = key.replace("\\", "\\\\").replace('"', '\\"')
        key = '"' + plain[:pos] + char + plain[pos:] + '"'
    lines[i] = lead + key + rest
    return "\n".join(lines)


@SETTINGS
@given(ops=st.lists(key_op, min_size=1, max_size=4))
def test_keys_with_control_and_invisible_characters_keep_every_output_valid(ops):
    text = SMALL.text
    for op in ops:
        text = mutate_key(text, op)
    unit = check_unit(text.encode("utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "09-衡水.yaml"), "w", encoding="utf-8") as f:
            f.write(text)
        report = validate_paths([folder], CAMPAIGN)
        check_problems(report.problems)
        render_all(report)
    assert unit is not None


NAME_CHARS = st.one_of(
    st.sampled_from([b"\n", b"\r", b"\x1b[2J", b"\x07", b"\t", "\u2028".encode(), "\u202e".encode(),
                     "\u200b".encode(), b"\xc2\x85", b"\xff", b"\xfe\xfe", "衡水".encode("gbk"),
                     "::error file=x::".encode(), "%0A".encode(), b"\\", b"<&>", b'"', "𠮷".encode()]),
    st.binary(min_size=1, max_size=3).filter(lambda b: b"/" not in b and b"\x00" not in b))


@SETTINGS
@given(parts=st.lists(NAME_CHARS, min_size=1, max_size=4), broken=st.booleans())
def test_file_names_with_any_bytes_keep_every_output_valid(parts, broken):
    name = b"".join(parts) + b".yaml"
    text = SMALL.text.replace("性别: 女", "性别: 外", 1) if broken else SMALL.text
    with tempfile.TemporaryDirectory() as folder:
        with open(os.fsencode(folder) + b"/" + name, "wb") as f:
            f.write(text.encode("utf-8"))
        with open(os.path.join(folder, "04-秦皇岛.yaml"), "w", encoding="utf-8") as f:
            f.write(OTHER.text)
        report = validate_paths([folder], CAMPAIGN, require_all=True)
        check_problems(report.problems)
        assert len(report.units) == 2
        render_all(report)
        from xianjin import summary

        for fmt, make in summary.FORMATTERS.items():
            value = make(report)
            value.encode("utf-8")
            assert not RAW.search(value.lstrip("\ufeff")), (fmt, value)


# --- issue 10: renders interleaved with failures, other inputs and concurrent runs ---------------

def _variant(name: str) -> dict[str, str]:
    a = SMALL.text
    b = OTHER.text
    if name == "B":
        a = a.replace("衡水市卫生第一服务窗口", "衡水市卫生第九服务窗口")
    if name == "C":
        a = a[: a.index("推荐情况报告: |")] + a[a.index("\n\n", a.index("推荐情况报告: |")):]
        b = b.replace("秦皇岛市卫生第一服务窗口", "秦皇岛市卫生第八服务窗口")
    return {"09-衡水.yaml": a, "04-秦皇岛.yaml": b}


VARIANTS = ("A", "B", "C")
_inputs: dict[str, Path] = {}
_references: dict[str, dict] = {}


def _tree(folder: Path) -> dict:
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else "dir")
            for p in sorted(folder.rglob("*"))}


def _cli(*args):
    from click.testing import CliRunner

    from xianjin.cli import cli

    return CliRunner().invoke(cli, [str(a) for a in args], env={"GITHUB_ACTIONS": "", "CI": ""})


def _setup_renders(base: Path) -> None:
    """Each input rendered once into a fresh folder: what the output must be after rendering it."""
    for v in VARIANTS:
        folder = base / f"in-{v}"
        folder.mkdir()
        for name, text in _variant(v).items():
            (folder / name).write_text(text, "utf-8")
        _inputs[v] = folder
        out = base / f"ref-{v}"
        result = _cli("render", folder, "--out", out, "--format", "html")
        assert result.exit_code == 0, result.output
        _references[v] = _tree(out)


render_op = st.one_of(
    st.tuples(st.just("render"), st.sampled_from(VARIANTS), st.booleans()),
    st.tuples(st.just("fail"), st.sampled_from(VARIANTS), st.integers(1, 30)),
    st.tuples(st.just("concurrent"), st.sampled_from(VARIANTS), st.sampled_from(VARIANTS)),
    st.tuples(st.just("tamper"), st.sampled_from(VARIANTS), st.integers(0, 10 ** 6)),
)


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(ops=st.lists(render_op, min_size=1, max_size=6))
def test_interleaved_renders_leave_one_input_s_output_and_an_honest_cache(ops, tmp_path_factory):
    from xianjin import files
    from xianjin.render import run

    if not _references:
        _setup_renders(tmp_path_factory.mktemp("interleaved"))
    out = Path(tempfile.mkdtemp(prefix="xianjin-interleave-"))
    shutil.rmtree(out)
    state: dict = {}  # what the output folder holds: {} (nothing yet) or one reference
    current = None  # the input whose output it is
    try:
        for kind, v, arg in ops:
            if kind == "tamper":
                # Another input's bytes (another tool, an older xianjin) replace one document; a render
                # of the same input must notice, not claim it is up to date.
                docs = sorted(p for p in out.rglob("*.html")) if out.exists() else []
                if not docs or current is None:
                    continue
                docs[arg % len(docs)].write_text("别的输入排出的内容", "utf-8")
                state, v, kind, arg = {}, current, "render", False
            before = _tree(out) if out.exists() else {}
            real_replace, real_html = os.replace, run.render_html
            calls, nested = [], []
            if kind == "fail":
                def replace(a, b, _k=arg):
                    if str(a).endswith(".partial"):
                        calls.append(b)
                        if len(calls) == _k:
                            raise OSError(28, "No space left on device")
                    return real_replace(a, b)
                files.os.replace = replace
            if kind == "concurrent":
                def html(template, context, _w=arg):
                    if not nested:
                        nested.append(_cli("render", _inputs[_w], "--out", out, "--format", "html"))
                    return real_html(template, context)
                run.render_html = html
            try:
                result = _cli("render", _inputs[v], "--out", out, "--format", "html")
            finally:
                files.os.replace, run.render_html = real_replace, real_html
            assert "Traceback" not in result.output
            if nested:
                assert nested[0].exit_code == 2 and "另一个 xianjin render" in nested[0].output, nested[0].output
            failed = kind == "fail" and len(calls) >= arg
            if failed:
                assert result.exit_code == 2 and "磁盘已满" in result.output, result.output
                assert (_tree(out) if out.exists() else {}) == before  # byte for byte, all or nothing
                continue
            assert result.exit_code == 0, result.output
            if state is _references[v] and kind == "render" and not arg:
                assert "已排版" not in result.output, result.output  # nothing changed: all from the cache
            assert _tree(out) == _references[v], kind
            state, current = _references[v], v
    finally:
        shutil.rmtree(out, ignore_errors=True)
