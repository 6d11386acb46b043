"""Helpers for the issue-10 tests (tests/test_hardening_*.py): the command line, black box.

`cli_run` goes through click's CliRunner (fast, in-process); `xianjin` runs the installed
entry point in a subprocess, for what only the real process shows: exit codes after
signals, standard output that cannot be written, what is left in $TMPDIR.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from helpers import ENGLISH, build_unit
from xianjin.cli import cli

XIANJIN = str(Path(sys.executable).with_name("xianjin"))
ENV = {"GITHUB_ACTIONS": "", "NO_COLOR": "1", "CI": ""}
# Words of English a clerk must never see, beyond helpers.ENGLISH.
MORE_ENGLISH = ("Error", "error:", "Exception", "Warning:", "BrokenPipe", "resource_tracker", "leaked",
                "KeyboardInterrupt", "Aborted", "Permission denied", "No such file")
LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning) (?P<code>XJ\d{3}) ")

SMALL = build_unit("衡水", windows=1, models=1, brands=1, material_chars=1500)  # warnings only (XJ302)
OTHER = build_unit("秦皇岛", windows=1, models=1, brands=1, material_chars=1500)


def cli_run(*args, env=None, input=None):
    result = CliRunner().invoke(cli, [str(a) for a in args], env={**ENV, **(env or {})}, input=input)
    return result


def no_english(text: str) -> None:
    """No English sentence and no traceback: `error`/`warning` only as the level of a problem line."""
    for word in ENGLISH:
        assert word not in text, (word, text)
    for line in text.splitlines():
        rest = LINE.sub("", line)
        rest = re.sub(r"^::(error|warning) [^:]*::", "", rest)
        for word in MORE_ENGLISH:
            assert word not in rest, (word, line)


def xianjin(*args, cwd=None, env=None, timeout=120, input=None):
    """The real command in a subprocess: (exit code, stdout, stderr)."""
    full = {**os.environ, **ENV, **(env or {})}
    p = subprocess.run([XIANJIN, *map(str, args)], cwd=cwd, env=full, capture_output=True, timeout=timeout,
                       input=input)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry below `folder` (hidden ones too): file bytes, or "dir" / "link → target"."""
    out: dict[str, bytes | str] = {}
    if not folder.exists():
        return out
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            p = Path(root) / name
            rel = str(p.relative_to(folder))
            if p.is_symlink():
                out[rel] = f"link → {os.readlink(p)}"
            elif p.is_dir():
                out[rel] = "dir"
            else:
                out[rel] = p.read_bytes()
    return out


def problem_lines(output: str) -> list[re.Match]:
    return [m for m in map(LINE.match, output.splitlines()) if m]
