"""The documented pre-commit set-up, run for real by pre-commit in a scratch submissions repository.

The config is examples/ci/pre-commit-config.yaml as a clerk copies it, with only the
placeholder address replaced by a file:// URL of a scratch copy of this checkout (never the
network), then the documented `pre-commit autoupdate --bleeding-edge`. pre-commit installs
xianjin into its own environment from that copy, so these are the slowest tests.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
PLACEHOLDER = "https://example.invalid/xianjin.git"

pytestmark = pytest.mark.slow

pytestmark = pytest.mark.slow


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=测试", "-c", "user.email=t@example.invalid",
                           "-c", "init.defaultBranch=main", *args],
                          cwd=repo, check=True, capture_output=True, text=True)
    return done.stdout


@pytest.fixture(scope="module")
def xianjin_copy(tmp_path_factory) -> Path:
    """This checkout's tracked files as they are now, committed in a scratch repository without tags."""
    copy = tmp_path_factory.mktemp("xianjin-repo")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, check=True, capture_output=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        src = ROOT / name
        if src.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, copy / name)
    git(copy, "init", "-q")
    git(copy, "add", ".")
    git(copy, "commit", "-qm", "xianjin")
    return copy


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict:
    home = tmp_path_factory.mktemp("pre-commit-home")
    return {"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin", "PRE_COMMIT_HOME": str(home / "cache"),
            "HOME": str(home), "LANG": "C.UTF-8", "GIT_AUTHOR_NAME": "测试", "GIT_AUTHOR_EMAIL": "t@example.invalid",
            "GIT_COMMITTER_NAME": "测试", "GIT_COMMITTER_EMAIL": "t@example.invalid"}


def pre_commit(repo: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    assert PRE_COMMIT, "pre-commit is a test dependency (pip install -e '.[test]')"
    return subprocess.run([PRE_COMMIT, *args], cwd=repo, capture_output=True, text=True, env=env, timeout=900)


@pytest.fixture(scope="module")
def submissions(tmp_path_factory, xianjin_copy, env) -> Path:
    """The shared repository as docs/submissions-repo.md sets it up, with 衡水 submitted."""
    repo = tmp_path_factory.mktemp("submissions")
    git(repo, "init", "-q")
    config = (ROOT / "examples" / "ci" / "pre-commit-config.yaml").read_text(encoding="utf-8")
    assert PLACEHOLDER in config
    (repo / ".pre-commit-config.yaml").write_text(config.replace(PLACEHOLDER, xianjin_copy.as_uri()),
                                                  encoding="utf-8")
    shutil.copy(ROOT / "examples" / "09-衡水.yaml", repo / "09-衡水.yaml")
    # Other tools' YAML that a folder walk skips: a top-level list, an empty file.
    (repo / "mkdocs.yml").write_text("- 首页: index.md\n- 说明: guide.md\n", encoding="utf-8")
    (repo / "空.yml").write_text("", encoding="utf-8")
    updated = pre_commit(repo, env, "autoupdate", "--bleeding-edge")
    assert updated.returncode == 0, updated.stdout + updated.stderr
    sha = git(xianjin_copy, "rev-parse", "HEAD").strip()
    assert f"rev: {sha}" in (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    installed = pre_commit(repo, env, "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    git(repo, "add", ".")
    return repo


def commit(repo: Path, env: dict, message: str) -> subprocess.CompletedProcess:
    """`git commit`, which runs the hooks `pre-commit install` put in place."""
    return subprocess.run(["git", "commit", "-qm", message], cwd=repo, env=env, capture_output=True, text=True,
                          timeout=900)


def test_hooks_pass_good_files_and_skip_other_yaml_and_untracked_drafts(submissions, env):
    draft = (ROOT / "examples" / "broken" / "09-衡水-有错误.yaml").read_text(encoding="utf-8")
    (submissions / "衡水-草稿.yaml").write_text(draft, encoding="utf-8")  # never git-added
    done = pre_commit(submissions, env, "run", "--color=never")
    print(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "xianjin 逐个文件检查" in done.stdout and "xianjin 全省检查" in done.stdout
    assert done.stdout.count("Passed") == 2
    committed = commit(submissions, env, "衡水报送")
    assert committed.returncode == 0, committed.stdout + committed.stderr


def test_a_bad_file_fails_both_hooks_with_the_chinese_message(submissions, env):
    bad = (ROOT / "examples" / "11-邯郸.yaml").read_text(encoding="utf-8").replace("性别: 女", "性别: 女性", 1)
    (submissions / "11-邯郸.yaml").write_text(bad, encoding="utf-8")
    git(submissions, "add", "11-邯郸.yaml")
    done = pre_commit(submissions, env, "run", "--color=never")
    print(done.stdout)
    assert done.returncode == 1
    assert done.stdout.count("Failed") == 2
    assert "11-邯郸.yaml:" in done.stdout and "error XJ205" in done.stdout and "“女性”不是有效的性别" in done.stdout
    per_file = done.stdout.split("xianjin 全省检查")[0]
    assert "全省推荐对象合计" not in per_file and "尚未报送" not in per_file
    assert "XJ107" not in done.stdout and "XJ106" not in done.stdout
    whole = done.stdout.split("xianjin 全省检查")[1]
    assert "共检查 2 个推荐文件" in whole and "尚未报送：石家庄" in whole
    assert "未纳入 git 的 1 个 YAML 文件没有检查：衡水-草稿.yaml" in whole
    refused = commit(submissions, env, "邯郸报送")
    assert refused.returncode == 1 and "“女性”不是有效的性别" in refused.stdout + refused.stderr
    assert "邯郸报送" not in git(submissions, "log", "--format=%s")
