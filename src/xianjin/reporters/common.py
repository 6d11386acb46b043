"""What every output shares: the words of a problem and paths as a CI service wants them,
both made visible with the one `xianjin.text.visible`."""

from __future__ import annotations

import os

from xianjin.problems import Problem
from xianjin.text import visible


def problem_text(p: Problem) -> str:
    """`field：message`, the words after the location in every format."""
    return visible(f"{p.field}：{p.message}" if p.field else p.message)


def repo_root() -> str:
    """The checkout a CI service links paths to: GitHub's or GitLab's workspace, else the current folder."""
    return os.environ.get("GITHUB_WORKSPACE") or os.environ.get("CI_PROJECT_DIR") or os.getcwd()


def repo_path(path: str) -> str:
    """`./09-衡水.yaml` → `09-衡水.yaml`: relative to the repository root, `/`-separated, never `./`.

    GitHub and GitLab match a report to the files of a commit by this path. A path outside
    the repository (or `<stdin>`) is kept as given.
    """
    if not path or path.startswith("<"):
        return path
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(repo_root()))
    if relative == ".." or relative.startswith(".." + os.sep):
        relative = os.path.normpath(path)
    return visible(relative.replace(os.sep, "/"))
