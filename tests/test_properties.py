"""Property-based: mutate valid files every way a clerk (or a broken editor) could, and prove that
validation never raises and every problem it reports is well-formed and Chinese."""

from __future__ import annotations

import io
import json
import os
import tempfile
import xml.etree.ElementTree as ET

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


def render_all(report) -> None:
    for fmt in ("text", "json", "github", "junit"):
        out = io.StringIO()
        reporters.write(fmt, report, out, strict=True)
        value = out.getvalue()
        if fmt == "json":
            assert isinstance(json.loads(value), list)
        elif fmt == "junit":
            ET.fromstring(value)
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
