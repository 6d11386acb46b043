"""The only way WeasyPrint may read anything: files inside the templates folder, the font files
it is given by name (commonfonts), or data: URLs.

User text is escaped and never placed in a URL, so nothing legitimate asks for more;
refusing everything else means a template mistake or a future change cannot make a
rendered PDF read /etc/passwd or call out to the network. WeasyPrint 70 requires a
URLFetcher subclass (a plain function is no longer accepted).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse


class AssetFetcher(URLFetcher):
    def __init__(self, root: Path, also: list[Path] = ()) -> None:
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False, timeout=5)
        self._root = Path(root).resolve()
        self._also = {Path(p).resolve() for p in also}

    def fetch(self, url, headers=None):
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = Path(url2pathname(urlsplit(url).path)).resolve()
            if (path.is_relative_to(self._root) or path in self._also) and path.is_file():
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": _mime(path)})
        # WeasyPrint logs this as an error; pdf.py turns any logged error into a failure.
        raise ValueError(f"拒绝读取模板文件夹以外的资源：{url[:120]}")


def _mime(path: Path) -> str:
    return {".css": "text/css", ".png": "image/png", ".svg": "image/svg+xml", ".otf": "font/otf"}.get(
        path.suffix, "application/octet-stream")
