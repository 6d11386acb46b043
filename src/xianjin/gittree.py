"""What git tracks in a folder: in a work tree, a folder walk checks those files, not drafts lying beside them."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass


@dataclass
class Listing:
    tracked: list[str]  # tracked or staged (the index), relative to the folder, `/`-separated
    untracked: list[str]  # in the work tree but not in the index, minus what .gitignore ignores


def _env() -> dict[str, str]:
    # Inside a commit hook git may export these relative to the repository root; `git -C folder`
    # would read them relative to the folder.
    env = dict(os.environ)
    for name in ("GIT_INDEX_FILE", "GIT_DIR", "GIT_WORK_TREE"):
        if env.get(name) and not os.path.isabs(env[name]):
            env[name] = os.path.abspath(env[name])
    return env


def _ls_files(folder: str, *args: str) -> list[str] | None:
    try:
        done = subprocess.run(["git", "-C", folder, "ls-files", "-z", *args, "--", "."],
                              capture_output=True, timeout=60, env=_env())
    except (OSError, subprocess.SubprocessError):
        return None  # no git: walk the folder instead
    if done.returncode != 0:
        return None  # not inside a work tree
    return [os.fsdecode(p) for p in done.stdout.split(b"\0") if p]


def listing(folder: str) -> Listing | None:
    """None when `folder` is not inside a git work tree (or git is not installed).

    `git ls-files` reads the index, so a file that is staged but never committed counts,
    and within a commit hook git points it at the index being committed.
    """
    tracked = _ls_files(folder, "--cached")
    if tracked is None:
        return None
    untracked = _ls_files(folder, "--others", "--exclude-standard") or []
    return Listing(sorted(set(tracked)), sorted(untracked))
