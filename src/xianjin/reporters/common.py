"""What every output shares: control characters made visible, and paths as a CI service wants them."""

from __future__ import annotations

import os
import re

from xianjin.problems import Problem

# C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a reader sees
# ("Trojan Source"). A file name or a key can carry them even though values cannot.
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """The text with every control character written out, so that no output can be forged or hidden."""
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}" if ord(m.group()) > 0xFF
                          else f"\\x{ord(m.group()):02x}", text)


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
