"""Office files (.xlsx, .docx) with the same bytes for the same content.

openpyxl and python-docx stamp every zip entry with the time of writing and the
document's core properties with "now"; a submissions repository and the render cache
want the same bytes for the same input. The entries are rewritten in their order with
one fixed time, and the core properties' dates set to the document's own date.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

_CORE = "docProps/core.xml"
_DATES = re.compile(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def stable_zip(raw: bytes, stamp: date) -> bytes:
    when = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)
    iso = f"{stamp:%Y-%m-%d}T00:00:00Z"
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == _CORE:
                data = _DATES.sub(lambda m: m.group(1) + iso + m.group(3), data.decode("utf-8")).encode("utf-8")
            entry = zipfile.ZipInfo(info.filename, date_time=when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 0
            dst.writestr(entry, data, compresslevel=6)
    return out.getvalue()
