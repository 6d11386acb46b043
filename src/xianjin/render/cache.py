"""Skip units whose PDFs are already up to date.

The key covers everything that shapes the bytes: the input file, the campaign, the
templates and stylesheet, the resolved fonts, the xianjin and WeasyPrint versions, the
format and SOURCE_DATE_EPOCH. It is kept in a small manifest beside the files it
describes, written only after all of them were written, so an interrupted run is
simply redone. The manifest also lists the files, so that a document which is no
longer produced (a removed 推荐情况报告) is deleted rather than left behind stale.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from xianjin import __version__
from xianjin.campaign import Campaign
from xianjin.files import write_atomic
from xianjin.render import fonts
from xianjin.render.assets import templates_digest

MANIFEST = ".xianjin-render.json"


def _weasyprint_version() -> str:
    try:
        return version("weasyprint")
    except PackageNotFoundError:
        return "?"


def environment_key(campaign: Campaign, fmt: str) -> str:
    """The part of every key that does not depend on the unit (computed once per run)."""
    parts = [__version__, _weasyprint_version(), campaign.model_dump_json(), templates_digest(),
             fonts.fingerprint(), fmt, os.environ.get("SOURCE_DATE_EPOCH", "")]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def unit_key(env_key: str, input_path: str) -> str:
    return hashlib.sha256(env_key.encode() + b"\0" + Path(input_path).read_bytes()).hexdigest()


def combined_key(keys: list[str]) -> str:
    return hashlib.sha256("\0".join(keys).encode()).hexdigest()


def _read(folder: Path, manifest: str) -> dict:
    try:
        return json.loads((folder / manifest).read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def is_fresh(folder: Path, key: str, manifest: str = MANIFEST) -> bool:
    data = _read(folder, manifest)
    return data.get("key") == key and all((folder / f).is_file() for f in data.get("files", []))


def record(folder: Path, key: str, files: list[str], manifest: str = MANIFEST) -> None:
    old = _read(folder, manifest).get("files", [])
    for name in old:
        # Only names this tool wrote before, and only plain names inside this folder.
        if name not in files and "/" not in name and "\\" not in name and not name.startswith("."):
            (folder / name).unlink(missing_ok=True)
    write_atomic(folder / manifest, json.dumps({"key": key, "files": files}, ensure_ascii=False, indent=1))
