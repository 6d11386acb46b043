"""Skip units whose output is already up to date.

The key covers everything that shapes the bytes: the validated text of the input file,
the campaign, the templates and stylesheet, the installed fonts and text libraries
(`fonts_fingerprint`), the xianjin and WeasyPrint versions and SOURCE_DATE_EPOCH. It is kept in a small manifest
beside the files it describes, written only after all of them are in place, so an
interrupted run is simply redone. The manifest also lists the files, so that a document
which is no longer produced (a removed 推荐情况报告) is deleted rather than left behind
stale. Each format has its own manifest: PDF and HTML may share a folder, and the files
of one are never "no longer produced" by the other; nor are the province's documents
(全省汇总表) and the decisions' (表彰决定…) in one output folder: each set has its own.
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
from xianjin.render import commonfonts
from xianjin.render.assets import templates_digest
from xianjin.render.fonts import all_faces, stacks
from xianjin.render.libraries import library_versions


def manifest_name(fmt: str, part: str = "") -> str:
    return f".xianjin-render-{fmt}{'-' + part if part else ''}.json"


def _weasyprint_version() -> str:
    try:
        return version("weasyprint")
    except PackageNotFoundError:
        return "?"


def fonts_fingerprint() -> str:
    """What about the fonts can change the PDFs: every face (bold too) of every family the
    stylesheet names, each file's size and mtime (a font package update), and the versions
    of Pango and HarfBuzz, which shape and subset the text, and the common-character faces
    derived from them (their names carry the fontTools version and the recipe)."""
    named = {name for stack in stacks() for name in stack}
    parts = [library_versions(), *(f.path.name for f in commonfonts.planned())]
    for names, style, face in all_faces():
        if named.intersection(names):
            try:
                st = os.stat(face.file)
                stamp = f"{st.st_size}:{st.st_mtime_ns}"
            except OSError:
                stamp = "?"
            parts.append(f"{','.join(names)}/{style}={face.file}:{face.index}:{stamp}")
    return "|".join(parts)


def environment_key(campaign: Campaign, layout: str = "") -> str:
    """The part of every key that does not depend on the unit (computed once per run); `layout` names
    the options that change the pages (duplex or simplex)."""
    parts = [__version__, _weasyprint_version(), campaign.model_dump_json(), templates_digest(),
             fonts_fingerprint(), os.environ.get("SOURCE_DATE_EPOCH", ""), layout]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def unit_key(env_key: str, text: str) -> str:
    """`text` is what was validated: the file may have changed on disk since."""
    return hashlib.sha256(env_key.encode() + b"\0" + text.encode("utf-8")).hexdigest()


def combined_key(keys: list[str]) -> str:
    return hashlib.sha256("\0".join(keys).encode()).hexdigest()


def _read(folder: Path, fmt: str, part: str = "") -> dict:
    try:
        return json.loads((folder / manifest_name(fmt, part)).read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def is_fresh(folder: Path, key: str, fmt: str, part: str = "") -> bool:
    data = _read(folder, fmt, part)
    return data.get("key") == key and all((folder / f).is_file() for f in data.get("files", []))


def record(folder: Path, key: str, files: list[str], fmt: str, part: str = "") -> None:
    for name in _read(folder, fmt, part).get("files", []):
        # Only names this tool wrote before, and only plain names inside this folder.
        if name not in files and "/" not in name and "\\" not in name and not name.startswith("."):
            (folder / name).unlink(missing_ok=True)
    write_atomic(folder / manifest_name(fmt, part), json.dumps({"key": key, "files": files}, ensure_ascii=False, indent=1))
