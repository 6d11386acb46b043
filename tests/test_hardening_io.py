"""Issue 10, hangs, memory and I/O errors (items 11–13)."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys

import pytest

from helpers import build_unit
from hardening_util import SMALL, XIANJIN, cli_run, no_english, problem_lines, xianjin

# --- 11. FIFOs, devices, the size limit -----------------------------------------------------------


@pytest.mark.slow  # a subprocess
@pytest.mark.parametrize("named", [True, False])
def test_a_fifo_named_like_a_submission_does_not_hang(tmp_path, named):
    os.mkfifo(tmp_path / "衡水.yaml")
    (tmp_path / "秦皇岛.yaml").write_text(SMALL.text.replace("推荐单位: 衡水", "推荐单位: 秦皇岛"), "utf-8")
    target = tmp_path / "衡水.yaml" if named else tmp_path
    code, out, err = xianjin("validate", target, timeout=20)
    assert code == 2, out + err
    assert f"{tmp_path / '衡水.yaml'}:1:1: error XJ100 无法读取这个文件：这是一个命名管道（FIFO），不是普通文件" in out
    no_english(out + err)


@pytest.mark.slow  # a subprocess
@pytest.mark.parametrize("device, words", [("/dev/zero", "这是一个设备文件"), ("/dev/null", "这是一个设备文件")])
def test_a_device_is_not_read(device, words):
    code, out, err = xianjin("validate", device, timeout=20)
    assert code == 2
    assert f"{device}:1:1: error XJ100 无法读取这个文件：{words}，不是普通文件" in out


@pytest.mark.slow  # a subprocess
def test_a_fifo_elsewhere_never_hangs_either(tmp_path):
    (tmp_path / "衡水.yaml").write_text(SMALL.text, "utf-8")
    os.mkfifo(tmp_path / ".xianjinignore")
    os.mkfifo(tmp_path / "活动.yaml")
    code, out, err = xianjin("validate", tmp_path / "衡水.yaml", "--campaign", tmp_path / "活动.yaml", timeout=20)
    assert code == 2 and "命名管道" in out + err
    code, out, err = xianjin("validate", tmp_path / "衡水.yaml", timeout=20)  # the ignore file is skipped
    assert code == 0, out + err


@pytest.mark.slow  # a subprocess
def test_the_size_limit_holds_while_reading_not_from_stat(tmp_path):
    big = tmp_path / "大.yaml"
    with open(big, "wb") as f:  # sparse: 17 MB that stat reports, read only up to the limit
        f.truncate(17 * 1024 * 1024)
    result = cli_run("validate", big)
    assert result.exit_code == 1
    assert "error XJ101 文件有 17.0 MB，超过了 16 MB 的上限" in result.output
    # A file stat says is empty but is not (a /proc file) is still read, and limited.
    code = ("import sys; sys.argv = ['xianjin', 'validate', '/proc/self/status'];"
            "from xianjin.cli import main; main()")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0 and "另有 1 个 YAML 文件不是推荐文件" in p.stdout and not p.stderr


# --- 12. output errors --------------------------------------------------------------------------

@pytest.mark.slow  # a subprocess
@pytest.mark.parametrize("command", [["validate"], ["validate", "--format", "json"], ["validate", "--format", "junit"],
                                     ["summary"], ["rules"]])
def test_a_full_disk_on_standard_output_is_told_in_chinese(tmp_path, command):
    (tmp_path / "衡水.yaml").write_text(SMALL.text, "utf-8")
    args = [*command, tmp_path / "衡水.yaml"] if command[0] != "rules" else command
    # A private copy of /dev/full (mknod needs root): nothing here ever opens the system's devices for writing.
    device = tmp_path / "full"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except PermissionError:
        pytest.skip("mknod needs root")
    with open(device, "wb") as full:
        p = subprocess.run([XIANJIN, *map(str, args)], stdout=full, stderr=subprocess.PIPE, timeout=60)
    err = p.stderr.decode("utf-8")
    assert p.returncode == 2, err
    assert err.strip().splitlines()[-1] == "错误：结果没有全部写出：磁盘已满。"
    assert "内部出错" not in err
    no_english(err)


@pytest.mark.slow  # a subprocess
def test_a_closed_pipe_is_not_a_traceback(tmp_path):
    for i in range(200):  # a long report: more than a pipe holds
        (tmp_path / f"{i:03d}.yaml").write_text("推荐单位: 衡水\n性别: 外\n", "utf-8")
    p = subprocess.Popen([XIANJIN, "validate", str(tmp_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = p.stdout.readline()
    p.stdout.close()  # `| head -1`
    err = p.stderr.read().decode("utf-8")
    p.wait(timeout=60)
    assert first.decode("utf-8").startswith(f"{tmp_path}/000.yaml:")
    assert p.returncode == 2
    assert err.strip() == "错误：结果没有全部写出：接收输出的程序已经退出（管道已关闭）。"


def test_an_unwritable_output_file_is_exit_2_not_an_internal_error(tmp_path):
    (tmp_path / "衡水.yaml").write_text(SMALL.text, "utf-8")
    for target in (tmp_path / "没有的文件夹" / "r.txt", tmp_path):
        result = cli_run("validate", tmp_path / "衡水.yaml", "-o", target)
        assert result.exit_code == 2, result.output
        assert "内部出错" not in result.output
        no_english(result.output)


@pytest.mark.slow  # a subprocess
def test_o_onto_a_device_writes_into_it_and_never_replaces_it(tmp_path):
    """`-o /dev/null` as root once renamed a regular file over the device. Private copies of
    /dev/full and /dev/null (mknod needs root), so that a regression cannot break the system's."""
    (tmp_path / "衡水.yaml").write_text(SMALL.text, "utf-8")
    full, null = tmp_path / "full", tmp_path / "null"
    try:
        os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("mknod needs root")
    result = cli_run("validate", tmp_path / "衡水.yaml", "-o", full)
    assert result.exit_code == 2 and f"错误：无法写入 {full}（磁盘已满）。" in result.output
    assert cli_run("validate", tmp_path / "衡水.yaml", "-o", null).exit_code == 0
    assert stat.S_ISCHR(os.stat(full).st_mode) and stat.S_ISCHR(os.stat(null).st_mode)
    fifo = tmp_path / "管道"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    assert cli_run("validate", tmp_path / "衡水.yaml", "-o", fifo).exit_code == 0
    assert "共检查 1 个推荐文件" in reader.communicate(timeout=20)[0].decode("utf-8")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


# --- 13. the campaign file --------------------------------------------------------------------

def campaign_with(tmp_path, old: str, new: str):
    from xianjin.campaign import DEFAULT_CAMPAIGN

    text = DEFAULT_CAMPAIGN.read_text("utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path = tmp_path / "活动.yaml"
    path.write_text(text, "utf-8")
    lines = text.splitlines()
    index = text.index(new)
    line = text.count("\n", 0, index) + 1
    return path, line, lines


HANDAN = "{名称: 邯郸,     填报单位: 中共邯郸市委创先争优活动领导小组,"
HENGSHUI = "{名称: 衡水,     填报单位: 中共衡水市委创先争优活动领导小组,   区号: ['0318'], 群众满意窗口: 12, 行业服务标兵: 12, 优质服务品牌: [1, 2]}"


@pytest.mark.parametrize("old, new, value, words", [
    (HENGSHUI, HENGSHUI.replace("群众满意窗口: 12", "群众满意窗口: 1000000000"), "1000000000",
     "名额“1000000000”不合理：应在 0–1000 之间"),
    (HENGSHUI, HENGSHUI.replace("行业服务标兵: 12", "行业服务标兵: -3"), "-3", "名额“-3”不能是负数"),
    (HENGSHUI, HENGSHUI.replace("优质服务品牌: [1, 2]", "优质服务品牌: [2, 1]"), "[2, 1]",
     "衡水的优质服务品牌幅度 2–1 不对：下限不能大于上限"),
    (HENGSHUI, HENGSHUI.replace("区号: ['0318']", "区号: ['318']"), "['318']", "区号“318”不对"),
    (HANDAN, HANDAN.replace("名称: 邯郸", "名称: 衡水"), "衡水", "推荐单位的名称有重复：“衡水”写了两次"),
    ("递补名额: 2 ", "递补名额: -2 ", "-2", "递补名额“-2”不能是负数"),
    ("  提示上限: 65", "  提示上限: 75", "75", "年龄的提示上限 75 不在下限 18 与上限 70 之间"),
    ("典型事迹材料: {下限: 1500, 上限: 2500}", "典型事迹材料: {下限: 3500, 上限: 2500}", "3500",
     "典型事迹材料字数的下限 3500 大于上限 2500"),
    ("  本科: 大学本科", "  本科: 大学学士", "大学学士", "学历简称“本科”对应的“大学学士”不在学历表中"),
    ("性别: [男, 女]", "性别: []", "[]", "这个词表不能是空的"),
])
def test_an_absurd_campaign_is_refused_at_the_offending_value(tmp_path, old, new, value, words):
    path, line, lines = campaign_with(tmp_path, old, new)
    col = lines[line - 1].index(value) + 1
    (tmp_path / "衡水.yaml").write_text(SMALL.text, "utf-8")
    for command in (["validate", tmp_path / "衡水.yaml"], ["init", "衡水", "-o", tmp_path / "新.yaml"],
                    ["render", tmp_path / "衡水.yaml", "--out", tmp_path / "out"]):
        result = cli_run(*command, "--campaign", path)
        assert result.exit_code == 2, result.output
        assert f"活动文件 {path} 有误，无法使用：" in result.output
        [m] = problem_lines(result.output)
        assert (m.group("code"), int(m.group("line")), int(m.group("col"))) == ("XJ223", line, col), result.output
        assert words in result.output
        no_english(result.output)
    assert not (tmp_path / "新.yaml").exists() and not (tmp_path / "out").exists()


def test_an_empty_unit_list_is_refused_where_it_is(tmp_path):
    from xianjin.campaign import DEFAULT_CAMPAIGN

    text = DEFAULT_CAMPAIGN.read_text("utf-8")
    start = text.index("推荐单位:\n")
    end = text.index("\n\n", start)
    path = tmp_path / "活动.yaml"
    path.write_text(text[:start] + "推荐单位: []" + text[end:], "utf-8")
    line = text[:start].count("\n") + 1
    result = cli_run("init", "衡水", "--campaign", path, "-o", tmp_path / "x.yaml")
    assert result.exit_code == 2
    assert re.search(rf"{re.escape(str(path))}:{line}:7: error XJ223 推荐单位：推荐单位的列表不能是空的", result.output)


@pytest.mark.slow  # a subprocess
def test_init_with_a_huge_quota_is_quick_and_chinese(tmp_path):
    path, line, _ = campaign_with(tmp_path, HENGSHUI, HENGSHUI.replace("群众满意窗口: 12", "群众满意窗口: 10e8"))
    code, out, err = xianjin("init", "衡水", "--campaign", path, "-o", tmp_path / "x.yaml", timeout=30)
    assert code == 2 and re.search(r":\d+:\d+: error XJ2(19|23) ", out + err), out + err
    assert "Traceback" not in err and not (tmp_path / "x.yaml").exists()


def test_the_shipped_campaign_and_a_sensible_edit_still_load(tmp_path):
    path, _, _ = campaign_with(tmp_path, HENGSHUI, HENGSHUI.replace("群众满意窗口: 12", "群众满意窗口: 1000"))
    assert cli_run("init", "衡水", "--campaign", path, "-o", tmp_path / "x.yaml").exit_code == 0
    doc = build_unit("衡水")
    (tmp_path / "衡水.yaml").write_text(doc.text, "utf-8")
    assert cli_run("validate", tmp_path / "衡水.yaml").exit_code == 0
