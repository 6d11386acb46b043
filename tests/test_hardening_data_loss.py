"""Issue 10, data loss and wrong output (items 1–8): nothing lost, nothing mixed, nothing half-done.

Renders here are HTML (the same pipeline, lock, cache and swap as PDF, without WeasyPrint's
seconds) except where the PDF workers themselves are the subject (signals, marked slow).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import REPO, build_unit
from hardening_util import ENV, OTHER, SMALL, XIANJIN, cli_run, no_english, problem_lines, snapshot, xianjin

# --- 1. -o onto an input ------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path, monkeypatch):
    (tmp_path / "衡水.yaml").write_text(SMALL.text, "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def refused_overwrite(result, target: str) -> None:
    assert result.exit_code == 2, result.output
    assert f"错误：不能把结果写入 {target}：" in result.output and "写入会毁掉它" in result.output
    no_english(result.output)


@pytest.mark.parametrize("fmt", ["text", "json", "github", "junit"])
@pytest.mark.parametrize("spelling", ["衡水.yaml", "./衡水.yaml", "{abs}"])
def test_validate_refuses_to_write_its_report_onto_the_file_it_checks(folder, fmt, spelling):
    before = snapshot(folder)
    target = spelling.format(abs=folder / "衡水.yaml")
    result = cli_run("validate", "衡水.yaml", "-o", target, "--format", fmt)
    refused_overwrite(result, target)
    assert "它是本次检查的推荐文件" in result.output
    assert snapshot(folder) == before  # the submission, and nothing else written


@pytest.mark.parametrize("command", [["validate", "."], ["summary", "."], ["summary", "衡水.yaml"]])
def test_a_folder_run_refuses_any_file_it_read(folder, command):
    before = snapshot(folder)
    result = cli_run(*command, "-o", "衡水.yaml")
    refused_overwrite(result, "衡水.yaml")
    assert snapshot(folder) == before


@pytest.mark.parametrize("fmt", ["text", "sarif", "gitlab"])
def test_the_reports_and_the_summary_never_replace_a_decisions_file(folder, fmt):
    assert cli_run("init", "--decisions", ".", "-o", "决定.yaml").exit_code == 0
    before = snapshot(folder)
    # Read in this run (found in the folder, or named) …
    for args in ([".", "--format", fmt], ["衡水.yaml", "--decisions", "决定.yaml", "--format", fmt]):
        result = cli_run("validate", *args, "-o", "决定.yaml")
        refused_overwrite(result, "决定.yaml")
        assert "它是本次读取的决定文件" in result.output
    # … or not: it is still the office's decisions file.
    result = cli_run("validate", "衡水.yaml", "--format", fmt, "-o", "决定.yaml")
    refused_overwrite(result, "决定.yaml")
    assert "它是省委创先办的决定文件" in result.output
    refused_overwrite(cli_run("summary", "衡水.yaml", "-o", "决定.yaml"), "决定.yaml")
    assert snapshot(folder) == before


def test_links_and_hard_links_to_the_input_are_the_same_file(folder):
    os.link("衡水.yaml", "硬链接.txt")
    os.symlink("衡水.yaml", "链接.txt")
    before = snapshot(folder)
    for target in ("硬链接.txt", "链接.txt"):
        refused_overwrite(cli_run("validate", "衡水.yaml", "-o", target), target)
    assert snapshot(folder) == before


def test_any_other_submission_or_spreadsheet_is_refused(folder):
    (folder / "秦皇岛.yaml").write_text(OTHER.text, "utf-8")
    (folder / "报送表.xlsx").write_bytes(b"PK\x03\x04 a workbook")
    before = snapshot(folder)
    result = cli_run("validate", "衡水.yaml", "-o", "秦皇岛.yaml")
    refused_overwrite(result, "秦皇岛.yaml")
    assert "它是一个推荐文件" in result.output
    result = cli_run("summary", "衡水.yaml", "-o", "报送表.xlsx", "--format", "csv")
    refused_overwrite(result, "报送表.xlsx")
    assert "电子表格" in result.output
    assert snapshot(folder) == before


def test_the_campaign_file_and_the_ignore_list_are_inputs_too(folder):
    from xianjin.campaign import DEFAULT_CAMPAIGN

    (folder / "活动.yaml").write_text(DEFAULT_CAMPAIGN.read_text("utf-8"), "utf-8")
    (folder / ".xianjinignore").write_text("草稿*.yaml\n", "utf-8")
    before = snapshot(folder)
    result = cli_run("validate", "衡水.yaml", "--campaign", "活动.yaml", "-o", "活动.yaml")
    refused_overwrite(result, "活动.yaml")
    assert "它是本次读取的文件之一" in result.output
    refused_overwrite(cli_run("summary", ".", "-o", ".xianjinignore"), ".xianjinignore")
    assert snapshot(folder) == before


def test_reports_may_still_replace_earlier_reports_and_go_to_new_files(folder):
    (folder / "检查结果.txt").write_text("上次的结果", "utf-8")
    assert cli_run("validate", "衡水.yaml", "-o", "检查结果.txt").exit_code == 0
    assert "共检查 1 个推荐文件" in (folder / "检查结果.txt").read_text("utf-8")
    assert cli_run("validate", "衡水.yaml", "-o", "新的.yaml", "--format", "json").exit_code == 0
    assert (folder / "新的.yaml").read_text("utf-8").startswith("[")
    assert cli_run("summary", ".", "-o", "汇总.csv", "--format", "csv").exit_code == 0
    assert cli_run("summary", ".", "-o", "汇总.csv", "--format", "csv").exit_code == 0  # an earlier summary


# --- 2. two renders into one --out ---------------------------------------------------------------

def inputs(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "衡水.yaml").write_text(SMALL.text, "utf-8")
    (b / "衡水.yaml").write_text(SMALL.text.replace("衡水市卫生第一服务窗口", "衡水市卫生第九服务窗口"), "utf-8")
    return a, b


def render(*args):
    return cli_run("render", *args)


def test_a_second_render_into_the_same_folder_is_refused_while_the_first_runs(tmp_path, monkeypatch):
    from xianjin.render import run

    a, b = inputs(tmp_path)
    out = tmp_path / "out"
    seen = []
    real = run.render_html

    def meanwhile(template, context):
        if not seen:  # in the middle of the first run, a second clerk starts another
            seen.append(render(b, "--out", out, "--format", "html"))
        return real(template, context)

    monkeypatch.setattr(run, "render_html", meanwhile)
    first = render(a, "--out", out, "--format", "html")
    assert first.exit_code == 0, first.output
    second = seen[0]
    assert second.exit_code == 2
    assert "错误：另一个 xianjin render" in second.output and "正在向" in second.output
    assert "请等它结束后再运行" in second.output
    no_english(second.output)
    # Only the first input's documents, and the cache says so truthfully.
    page = (out / "衡水" / "07-群众满意窗口典型事迹材料.html").read_text("utf-8")
    assert "第一服务窗口" in page and "第九服务窗口" not in page
    monkeypatch.setattr(run, "render_html", real)
    assert "沿用上次的结果" in render(a, "--out", out, "--format", "html").output
    again = render(b, "--out", out, "--format", "html")
    assert "已排版 1 个推荐单位（衡水）" in again.output, again.output


@pytest.mark.slow  # a subprocess
def test_a_lock_held_elsewhere_refuses_and_changes_nothing(tmp_path):
    a, _ = inputs(tmp_path)
    out = tmp_path / "out"
    assert render(a, "--out", out, "--format", "html").exit_code == 0
    before = snapshot(out)
    # Another process holding the lock (a render on another terminal): its own file description.
    code = ("import fcntl, os, sys, time\n"
            f"fd = os.open({str(out / '.xianjin-render.lock')!r}, os.O_RDWR | os.O_CREAT)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX); os.write(fd, b'4242'); print('locked', flush=True); time.sleep(30)\n")
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = render(a, "--out", out, "--format", "html", "--force")
        assert result.exit_code == 2
        assert "另一个 xianjin render（进程 4242）正在向" in result.output
    finally:
        holder.kill()
        holder.wait()
    after = snapshot(out)
    after.pop(".xianjin-render.lock", None)  # the other process's file
    assert after == before


def test_the_cache_never_vouches_for_documents_it_did_not_write(tmp_path):
    a, b = inputs(tmp_path)
    out, other = tmp_path / "out", tmp_path / "other"
    assert render(a, "--out", out, "--format", "html").exit_code == 0
    assert render(b, "--out", other, "--format", "html").exit_code == 0
    # Another input's document lands in the folder (another tool, an older xianjin, a copy).
    name = "07-群众满意窗口典型事迹材料.html"
    (out / "衡水" / name).write_bytes((other / "衡水" / name).read_bytes())
    result = render(a, "--out", out, "--format", "html")
    assert result.exit_code == 0 and "已排版 1 个推荐单位（衡水）" in result.output, result.output
    assert "沿用上次的结果" not in result.output
    assert "第九服务窗口" not in (out / "衡水" / name).read_text("utf-8")


# --- 3. a failed run has already replaced earlier output ---------------------------------------

@pytest.fixture
def rendered(tmp_path):
    """Two units rendered (so 全省汇总表 too); then 衡水 changed, so the next run replaces files."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "衡水.yaml").write_text(SMALL.text, "utf-8")
    (src / "秦皇岛.yaml").write_text(OTHER.text, "utf-8")
    out = tmp_path / "out"
    assert render(src, "--out", out, "--format", "html").exit_code == 0
    (src / "衡水.yaml").write_text(SMALL.text.replace("衡水市卫生第一服务窗口", "衡水市卫生第九服务窗口"), "utf-8")
    return src, out


@pytest.mark.parametrize("where", ["全省汇总表.html", "衡水/03-优质服务品牌推荐和审批表.html",
                                   "秦皇岛/.xianjin-render-html.json", "衡水/style.css"])
def test_a_folder_where_a_document_goes_fails_before_anything_is_replaced(rendered, where):
    src, out = rendered
    target = out / where
    target.unlink()
    target.mkdir()
    before = snapshot(out)
    result = render(src, "--out", out, "--format", "html", "--force")
    assert result.exit_code == 2
    assert f"{target} 是一个文件夹，不能用排版结果替换它" in result.output
    assert "原有的材料都没有改动" in result.output
    no_english(result.output)
    assert snapshot(out) == before


def test_a_swap_that_fails_half_way_puts_everything_back(rendered, monkeypatch):
    """Whatever stops the moves into place (here the fifth rename fails), none of them stays."""
    from xianjin import files

    src, out = rendered
    before = snapshot(out)
    real, calls = os.replace, []

    def fifth_fails(a, b):
        if str(a).endswith(".partial"):
            calls.append(b)
            if len(calls) == 5:
                raise OSError(28, "No space left on device")
        return real(a, b)

    monkeypatch.setattr(files.os, "replace", fifth_fails)
    result = render(src, "--out", out, "--format", "html", "--force")
    monkeypatch.setattr(files.os, "replace", real)
    assert len(calls) == 5
    assert result.exit_code == 2 and "磁盘已满" in result.output, result.output
    no_english(result.output)
    assert snapshot(out) == before


# --- 4. links inside --out -----------------------------------------------------------------------

def test_a_unit_folder_that_links_to_another_unit_is_refused_for_what_it_is(rendered):
    src, out = rendered
    import shutil

    shutil.rmtree(out / "衡水")
    os.symlink("秦皇岛", out / "衡水")
    before = snapshot(out)
    result = render(src, "--out", out, "--format", "html")
    assert result.exit_code == 2
    assert "输出文件夹中的“衡水”是一个链接（指向 秦皇岛）" in result.output
    assert "不通过链接写入" in result.output
    assert "不得含有" not in result.output  # the old, untrue reason
    no_english(result.output)
    assert snapshot(out) == before


def test_a_unit_folder_linking_outside_writes_nothing_there(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "衡水.yaml").write_text(SMALL.text, "utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "out").mkdir()
    os.symlink(elsewhere, tmp_path / "out" / "衡水")
    result = render(src, "--out", tmp_path / "out", "--format", "html")
    assert result.exit_code == 2 and "是一个链接" in result.output
    assert list(elsewhere.iterdir()) == []


def test_a_document_that_is_a_link_is_neither_followed_nor_replaced(rendered, tmp_path):
    src, out = rendered
    victim = tmp_path / "别处的文件.txt"
    victim.write_text("不能动", "utf-8")
    target = out / "衡水" / "01-群众满意窗口推荐和审批表.html"
    target.unlink()
    os.symlink(victim, target)
    before = snapshot(out)
    result = render(src, "--out", out, "--format", "html")
    assert result.exit_code == 2 and f"{target} 是一个链接" in result.output
    assert victim.read_text("utf-8") == "不能动"
    assert snapshot(out) == before


def test_the_out_folder_itself_may_be_a_link(tmp_path):
    """A decision (README): the folder the clerk names may be a link (a shared drive); nothing in it is."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "衡水.yaml").write_text(SMALL.text, "utf-8")
    real = tmp_path / "共享盘"
    real.mkdir()
    os.symlink(real, tmp_path / "打印")
    result = render(src, "--out", tmp_path / "打印", "--format", "html")
    assert result.exit_code == 0, result.output
    assert (real / "衡水" / "01-群众满意窗口推荐和审批表.html").is_file()


# --- 5. --out '' ---------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["render", "{src}", "--out", ""], ["render", "{src}", "--out", "  "],
    ["validate", "{src}", "-o", ""], ["summary", "{src}", "-o", ""], ["init", "衡水", "-o", ""],
    ["validate", "{src}", "--campaign", ""], ["doctor", "--out", ""], ["schema", "-o", ""],
])
def test_an_empty_folder_or_file_name_is_a_usage_error(folder, args):
    before = snapshot(folder)
    result = cli_run(*(a.format(src=folder / "衡水.yaml") for a in args))
    assert result.exit_code == 2, result.output
    assert "的值不对：不能是空的（是不是引用了一个没有设置的变量？）" in result.output
    assert "输出在" not in result.output
    no_english(result.output)
    assert snapshot(folder) == before


@pytest.mark.parametrize("command", ["validate", "summary", "render"])
def test_an_empty_path_is_not_the_current_folder(folder, command):
    before = snapshot(folder)
    args = [command, ""] + (["--out", "out"] if command == "render" else [])
    result = cli_run(*args)
    assert result.exit_code == 2, result.output
    assert "路径是空的（是不是引用了一个没有设置的变量？）" in result.output
    assert snapshot(folder) == before


# --- 6. text silently truncated by a comment ---------------------------------------------------

JOB = ("行业服务标兵", "推荐对象", 0, "工作单位及职务")


def test_a_comment_after_a_value_is_warned_with_what_was_dropped(tmp_path):
    doc = build_unit("衡水")
    path = tmp_path / "衡水.yaml"
    path.write_text(doc.set(JOB, "衡水市第一医院 #3 门诊部主任"), "utf-8")
    result = cli_run("validate", path)
    assert result.exit_code == 0, result.output
    [m] = problem_lines(result.output)
    col = doc.col(JOB) + len("衡水市第一医院 ")
    assert m.group(0) == f"{path}:{doc.line(JOB)}:{col}: warning XJ112 "
    line = result.output.splitlines()[0]
    assert "行业服务标兵.推荐对象[1].工作单位及职务：“#”后面的“3 门诊部主任”被 YAML 当成了注释，没有读进来" in line
    assert '请把整段内容用引号括起来（如 "衡水市第一医院 #3 门诊部主任"）' in line
    assert cli_run("validate", path, "--strict").exit_code == 1


@pytest.mark.parametrize("value, warned", [
    ('"衡水市第一医院 #3 门诊部主任"', False),  # quoted: the whole text is read
    ("衡水市第一医院#3门诊部主任", False),  # no space before “#”: not a comment
    ("衡水市第一医院  # 已核对", True),
    ('"衡水市第一医院" #3 门诊部主任', True),  # quoted only in part: the same words are lost
    ("'衡水市第一医院'  # 已核对", True),
    ("衡水市第一医院  #", False),  # nothing after the “#”: nothing lost
])
def test_only_a_comment_that_can_have_eaten_text_is_warned(value, warned):
    from helpers import problems_of

    problems = problems_of(build_unit("衡水").set(JOB, value))
    assert [p.code for p in problems] == (["XJ112"] if warned else [])


def test_an_empty_value_eaten_by_a_comment_is_told_too(tmp_path):
    doc = build_unit("衡水")
    path = tmp_path / "衡水.yaml"
    path.write_text(doc.set(JOB, "#3门诊部主任"), "utf-8")
    out = cli_run("validate", path).output
    assert re.search(r" warning XJ112 行业服务标兵\.推荐对象\[1\]\.工作单位及职务：“#”后面的“3门诊部主任”", out)
    assert " error XJ201 行业服务标兵.推荐对象[1].工作单位及职务：" in out


def test_the_hints_init_writes_never_trigger_it(tmp_path):
    target = tmp_path / "衡水.yaml"
    assert cli_run("init", "衡水", "-o", target).exit_code == 0
    text = target.read_text("utf-8")
    assert not re.search(r"\S.*[ \t]#", text.split("\n", 1)[1]), "a hint beside a value"
    # A clerk types over every '' with plain text, as one does: still no XJ112.
    filled = re.sub(r": ''$", ": 衡水市某单位", text, flags=re.M)
    target.write_text(filled, "utf-8")
    assert " XJ112 " not in cli_run("validate", target).output


# --- 7. 造字 and U+FFFD -------------------------------------------------------------------------

NAME = ("行业服务标兵", "推荐对象", 1, "姓名")


@pytest.mark.parametrize("char", ["\ue000", "\uf8ff", "\U000f0000", "\U0010fffd"])
def test_a_private_use_character_in_a_name_is_refused_by_code_point(tmp_path, char):
    doc = build_unit("衡水")
    path = tmp_path / "衡水.yaml"
    path.write_text(doc.set(NAME, f"王{char}明"), "utf-8")
    result = cli_run("validate", path)
    assert result.exit_code == 1
    [m] = problem_lines(result.output)
    assert m.group(0) == f"{path}:{doc.line(NAME)}:{doc.col(NAME) + 1}: error XJ114 "
    line = result.output.splitlines()[0]
    assert (f"行业服务标兵.推荐对象[2].姓名：行业服务标兵推荐对象第 2 个“王{char}明”（编号 2）的“姓名”中的"
            f"第 2 个字 U+{ord(char):04X} 是私用区的“造字”") in line
    assert " XJ212 " not in result.output  # not also "不是汉字": one true message
    out = tmp_path / "out"
    rendered = cli_run("render", path, "--out", out, "--format", "html")
    assert rendered.exit_code == 1 and not out.exists()


def test_a_private_use_character_deep_in_a_material_is_found_where_it_stands(tmp_path):
    doc = build_unit("衡水")
    material = ("群众满意窗口", "推荐对象", 0, "典型事迹材料")
    body = [doc.lines[doc.line(material)].strip(), "第二段中有一个造字\ue3a5在这里。"]
    path = tmp_path / "衡水.yaml"
    path.write_text(doc.set_block(material, body), "utf-8")
    [m] = [m for m in problem_lines(cli_run("validate", path).output) if m.group("code") == "XJ114"]
    indent = len(doc.lines[doc.line(material)]) - len(doc.lines[doc.line(material)].lstrip())
    assert (int(m.group("line")), int(m.group("col"))) == (doc.line(material) + 2, indent + 10)
    assert m.group("code") == "XJ114"


def test_a_private_use_character_outside_a_nominee_names_the_field(tmp_path):
    doc = build_unit("衡水")
    path = tmp_path / "衡水.yaml"
    path.write_text(doc.set(("联系人",), "王\ue000明"), "utf-8")
    result = cli_run("validate", path)
    assert result.exit_code == 1
    assert (f"{path}:{doc.line(('联系人',))}:{doc.col(('联系人',)) + 1}: error XJ114 联系人：“联系人”中的第 2 个字 "
            "U+E000 是私用区的“造字”") in result.output


def test_a_private_use_character_in_a_workbook_cell_is_refused_at_its_cell(tmp_path):
    import openpyxl

    book = tmp_path / "衡水.xlsx"
    assert cli_run("convert", REPO / "examples" / "09-衡水.yaml", "-o", book).exit_code == 0
    wb = openpyxl.load_workbook(book)
    ws = wb["行业服务标兵"]
    column = next(c.column_letter for c in ws[1] if c.value == "姓名")
    ws[f"{column}3"] = "王\ue000明"  # the second nominee (row 2 is the first)
    wb.save(book)
    result = cli_run("validate", book)
    assert result.exit_code == 1
    [m] = [ln for ln in result.output.splitlines() if " XJ114 " in ln]
    assert m.startswith(f"{book}:行业服务标兵!{column}3: error XJ114 行业服务标兵.推荐对象[2].姓名：行业服务标兵推荐对象"
                        "第 2 个“王\ue000明”（编号 2）的“姓名”中的第 2 个字 U+E000 是私用区的“造字”"), m
    assert " XJ212 " not in result.output


def test_a_replacement_character_is_warned(tmp_path):
    doc = build_unit("衡水")
    path = tmp_path / "衡水.yaml"
    path.write_text(doc.set(JOB, "衡水市第一医院\ufffd诊部主任"), "utf-8")
    result = cli_run("validate", path)
    assert result.exit_code == 0
    [m] = problem_lines(result.output)
    assert m.group(0) == f"{path}:{doc.line(JOB)}:{doc.col(JOB) + 7}: warning XJ115 "
    assert m.group("code") == "XJ115"
    assert "原来的字在某次转换编码时丢失了" in result.output
    assert cli_run("validate", path, "--strict").exit_code == 1


# --- 8. interrupting a render -------------------------------------------------------------------

FULL = build_unit("衡水")


def wait_for_staging(folder: Path, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if folder.is_dir() and any(p.name.endswith(".partial") for p in folder.iterdir()):
            return
        time.sleep(0.05)
    raise AssertionError("the render never started writing")


@pytest.fixture(scope="module")
def first_render(tmp_path_factory):
    """衡水 rendered to PDF once: the output every interrupted run must leave byte for byte."""
    base = tmp_path_factory.mktemp("signals")
    (base / "衡水.yaml").write_text(FULL.text, "utf-8")
    code, out, err = xianjin("render", base / "衡水.yaml", "--out", base / "out", "--jobs", "2")
    assert code == 0, out + err
    return base


def interrupted(first_render, tmp_path, sig, group: bool):
    import shutil

    out = tmp_path / "out"
    shutil.copytree(first_render / "out", out)
    before = snapshot(out)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, **ENV, "TMPDIR": str(scratch)}
    p = subprocess.Popen([XIANJIN, "render", str(first_render / "衡水.yaml"), "--out", str(out), "--jobs", "2",
                          "--force"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         start_new_session=True)
    wait_for_staging(out / "衡水")
    if group:
        os.killpg(p.pid, sig)  # a terminal's Ctrl-C reaches every process of the group
    else:
        os.kill(p.pid, sig)
    stdout, stderr = p.communicate(timeout=60)  # returns once every holder of the pipes is gone
    return p.returncode, stdout.decode(), stderr.decode(), out, before, scratch


@pytest.mark.slow
@pytest.mark.parametrize("sig, code, group", [(signal.SIGTERM, 143, False), (signal.SIGINT, 130, True),
                                              (signal.SIGTERM, 143, True)])
def test_an_interrupted_render_cleans_up_and_exits_128_plus_the_signal(first_render, tmp_path, sig, code, group):
    returncode, stdout, stderr, out, before, scratch = interrupted(first_render, tmp_path, sig, group)
    assert returncode == code, stderr
    said = "按了 Ctrl-C" if sig == signal.SIGINT else "收到终止信号 SIGTERM"
    assert f"xianjin 已中断（{said}）：没有写完的文件都已删除，原有的文件没有改动。" in stderr
    no_english(stdout + stderr)
    assert snapshot(out) == before  # no .partial, no lock file, every PDF as it was
    assert list(scratch.iterdir()) == []  # no font copies, no pymp-* folder


@pytest.mark.slow
def test_after_sigkill_workers_go_quietly_and_the_next_run_cleans_up(first_render, tmp_path):
    returncode, stdout, stderr, out, before, scratch = interrupted(first_render, tmp_path, signal.SIGKILL, False)
    assert returncode == -signal.SIGKILL
    assert stderr == ""  # the orphaned workers said nothing (and are gone: the pipe has closed)
    leftovers = [p.name for p in (out / "衡水").iterdir() if p.name.startswith(".") and "partial" in p.name]
    assert leftovers, "the kill came too late to leave anything: the test proves nothing"
    code, _, err = xianjin("render", first_render / "衡水.yaml", "--out", out, "--jobs", "2",
                           env={"TMPDIR": str(scratch)})
    assert code == 0, err
    assert [p.name for p in (out / "衡水").iterdir() if "partial" in p.name or p.name.endswith(".tmp")] == []
    assert not (out / ".xianjin-render.lock").exists()
    assert not [p for p in scratch.iterdir() if p.name.startswith("xianjin-")]  # the killed run's font copies
    after = snapshot(out)
    assert {k: v for k, v in after.items() if k.endswith(".pdf")} == \
        {k: v for k, v in before.items() if k.endswith(".pdf")}
