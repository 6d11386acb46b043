"""The command line as CI, hooks and editors use it: stdin, -o -, --files-only, git-tracked folders, fix."""

from __future__ import annotations

import subprocess

import pytest

from helpers import build_unit
from xianjin.cli import cli

M1 = ("行业服务标兵", "推荐对象", 0)
W1 = ("群众满意窗口", "推荐对象", 0)


def run(runner, *args, **kw):
    return runner.invoke(cli, list(args), catch_exceptions=False, **kw)


def test_validate_reads_standard_input_as_stdin(runner, hengshui):
    result = run(runner, "validate", "-", input=hengshui.set(M1 + ("性别",), "女性").encode("utf-8"))
    assert result.exit_code == 1
    assert result.output.startswith(f"<stdin>:{hengshui.line(M1 + ('性别',))}:11: error XJ205 ")


def test_dash_output_is_standard_output(runner, tmp_path, monkeypatch, hengshui):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text(hengshui.text, encoding="utf-8")
    result = run(runner, "validate", "a.yaml", "--format", "json", "-o", "-")
    assert result.output == "[]\n" and not (tmp_path / "-").exists()


def test_files_only_skips_other_yaml_and_prints_no_province_lines(runner, tmp_path, monkeypatch, hengshui):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "09-衡水.yaml").write_text(hengshui.text, encoding="utf-8")
    (tmp_path / "copy.yaml").write_text(hengshui.text, encoding="utf-8")  # same unit: XJ401 across files
    (tmp_path / "hooks.yaml").write_text("- id: x\n", encoding="utf-8")
    (tmp_path / "empty.yml").write_text("", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "d.yaml").write_text("推荐单位: 衡水\n", encoding="utf-8")
    (tmp_path / ".xianjinignore").write_text("drafts/\n", encoding="utf-8")
    files = ["09-衡水.yaml", "copy.yaml", "hooks.yaml", "empty.yml", "drafts/d.yaml"]
    result = run(runner, "validate", "--files-only", *files)
    assert result.exit_code == 0, result.output
    assert result.output == "共检查 2 个推荐文件（另有 2 个 YAML 文件不是推荐文件，已跳过）：0 个错误，0 个警告。\n"
    named = run(runner, "validate", *files)  # named without the flag: the clerk asked for each one
    assert named.exit_code == 1 and "XJ107" in named.output and "XJ106" in named.output and "XJ401" in named.output


def git(repo, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@e.invalid", *args], cwd=repo, check=True,
                   capture_output=True)


def test_a_folder_in_a_git_work_tree_is_what_git_tracks_and_stages(runner, tmp_path, monkeypatch, hengshui):
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q")
    (tmp_path / "09-衡水.yaml").write_text(hengshui.text, encoding="utf-8")
    qhd = build_unit("秦皇岛")
    (tmp_path / "04-秦皇岛.yaml").write_text(qhd.text, encoding="utf-8")
    git(tmp_path, "add", "09-衡水.yaml")
    git(tmp_path, "commit", "-qm", "衡水")
    git(tmp_path, "add", "04-秦皇岛.yaml")  # staged, never committed
    (tmp_path / "衡水-草稿.yaml").write_text(hengshui.set(M1 + ("性别",), "女性"), encoding="utf-8")
    (tmp_path / "ignored.yaml").write_text("推荐单位: 衡水\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("ignored.yaml\n", encoding="utf-8")
    result = run(runner, "validate", ".")
    assert result.exit_code == 0, result.output
    assert "共检查 2 个推荐文件：0 个错误，0 个警告。" in result.output
    assert "未纳入 git 的 1 个 YAML 文件没有检查：衡水-草稿.yaml" in result.output
    named = run(runner, "validate", ".", "衡水-草稿.yaml")
    assert named.exit_code == 1 and "衡水-草稿.yaml:" in named.output


def test_outside_a_work_tree_a_folder_is_walked(runner, tmp_path, monkeypatch, hengshui):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "09-衡水.yaml").write_text(hengshui.text, encoding="utf-8")
    result = run(runner, "validate", ".")
    assert "共检查 1 个推荐文件" in result.output and "git" not in result.output


# --- fix ------------------------------------------------------------------------------------------

@pytest.fixture
def loose(hengshui):
    """衡水 with accepted spellings that are not the printed ones."""
    d = hengshui
    text = d.set(M1 + ("学历",), "本科  # 按毕业证书")
    text = d.then(text).set(M1 + ("出生年月",), "1978年5月")
    text = d.then(text).set(W1 + ("单位电话",), "(0318)６５４７４１４")
    text = d.then(text).set(M1 + ("姓名",), "'张　三'")
    text = d.then(text).set(("报送日期",), "2012年8月15日")
    text = d.then(text).set(("填报单位",), "' 中共衡水市委创先争优活动领导小组'")
    return text


def test_fix_rewrites_accepted_spellings_keeping_the_rest(runner, tmp_path, loose, hengshui):
    f = tmp_path / "09-衡水.yaml"
    f.write_text(loose, encoding="utf-8")
    diff = run(runner, "fix", str(f), "--diff")
    assert diff.exit_code == 0 and f.read_text(encoding="utf-8") == loose  # --diff writes nothing
    assert "-      学历: 本科  # 按毕业证书\n+      学历: 大学本科  # 按毕业证书\n" in diff.output
    result = run(runner, "fix", str(f))
    assert result.exit_code == 0 and "改写了 6 处" in result.output
    after = f.read_text(encoding="utf-8").splitlines()
    before = loose.splitlines()
    changed = {i + 1 for i, (a, b) in enumerate(zip(before, after)) if a != b}
    lines = {hengshui.line(p) for p in (M1 + ("学历",), M1 + ("出生年月",), W1 + ("单位电话",), M1 + ("姓名",),
                                        ("报送日期",), ("填报单位",))}
    assert len(after) == len(before) and changed == lines
    text = "\n".join(after)
    for wanted in ("学历: 大学本科  # 按毕业证书", "出生年月: '1978.05'", "单位电话: 0318-6547414", "姓名: '张三'",
                   "报送日期: '2012-08-15'", "填报单位: '中共衡水市委创先争优活动领导小组'"):
        assert wanted in text
    assert run(runner, "validate", str(f)).exit_code == 0
    assert "已经是规范写法" in run(runner, "fix", str(f)).output


def test_fix_refuses_a_file_with_errors(runner, tmp_path, hengshui):
    f = tmp_path / "a.yaml"
    text = hengshui.set(M1 + ("学历",), "本科")
    text = hengshui.then(text).set(M1 + ("性别",), "女性")
    f.write_text(text, encoding="utf-8")
    result = run(runner, "fix", str(f))
    assert result.exit_code == 1 and "没有改动" in result.output and "1 个错误" in result.output
    assert f.read_text(encoding="utf-8") == text
