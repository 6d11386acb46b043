"""Where the templates and the stylesheet are: the one place that knows.

Installed from a wheel, pyproject force-includes the repository's `templates/` as
`xianjin/templates`; in an editable install they stay at the top of the repository,
where the clerks' IT staff look for them.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

STYLESHEET = "style.css"


@lru_cache(maxsize=1)
def templates_dir() -> Path:
    installed = resources.files("xianjin") / "templates"
    if installed.is_dir():
        return Path(str(installed)).resolve()
    # src/xianjin/render/assets.py → parents[3] is the repository root.
    return (Path(__file__).resolve().parents[3] / "templates").resolve()


def stylesheet_path() -> Path:
    return templates_dir() / STYLESHEET


def templates_digest() -> str:
    """Changes whenever any template or the stylesheet changes (part of the cache key)."""
    h = hashlib.sha256()
    root = templates_dir()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()
