"""The pre-commit hooks, run for real by `pre-commit try-repo` against a sample submissions repository.

This installs xianjin into pre-commit's own environment (from this checkout), so it is
the slowest test; it is what a submissions repository's clerk runs on every commit.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent))

pytestmark = pytest.mark.slow


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=测试", "-c", "user.email=t@example.invalid", *args],
                   cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="module")
def sample_repo(tmp_path_factory):
    repo = tmp_path_factory.mktemp("submissions")
    git(repo, "init", "-q")
    good = (ROOT / "examples" / "09-衡水.yaml").read_text(encoding="utf-8")
    (repo / "09-衡水.yaml").write_text(good, encoding="utf-8")
    bad = (ROOT / "examples" / "11-邯郸.yaml").read_text(encoding="utf-8").replace("性别: 女", "性别: 女性", 1)
    (repo / "11-邯郸.yaml").write_text(bad, encoding="utf-8")
    git(repo, "add", ".")
    return repo


def try_repo(repo: Path, hook: str, *args: str, home: Path) -> subprocess.CompletedProcess:
    assert PRE_COMMIT, "pre-commit is a test dependency (pip install -e '.[test]')"
    env = {"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin", "PRE_COMMIT_HOME": str(home),
           "HOME": str(home), "LANG": "C.UTF-8"}
    return subprocess.run([PRE_COMMIT, "try-repo", str(ROOT), hook, "--color=never", *args],
                          cwd=repo, capture_output=True, text=True, env=env, timeout=900)


def test_per_file_hook_passes_a_good_file_and_fails_a_bad_one(sample_repo, tmp_path_factory):
    home = tmp_path_factory.mktemp("pre-commit-home")
    good = try_repo(sample_repo, "xianjin-validate", "--files", "09-衡水.yaml", home=home)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
    bad = try_repo(sample_repo, "xianjin-validate", "--files", "11-邯郸.yaml", home=home)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "error XJ205" in bad.stdout and "“女性”不是有效的性别" in bad.stdout
    print(good.stdout, bad.stdout)


def test_whole_folder_hook_checks_across_files(sample_repo, tmp_path_factory):
    home = tmp_path_factory.mktemp("pre-commit-home")
    done = try_repo(sample_repo, "xianjin-validate-all", "--all-files", home=home)
    assert done.returncode == 1
    assert "共检查 2 个推荐文件" in done.stdout
    assert "尚未报送：石家庄" in done.stdout
