"""Put a finished file in place: atomically, and readable like any file the user creates.

`files.write_atomic` goes through `mkstemp`, which creates files 0600; PDFs meant for a
shared folder or a repository should get the usual permissions (0666 minus the umask).
"""

from __future__ import annotations

import os
from pathlib import Path

from xianjin.files import write_atomic


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_MODE = 0o666 & ~_umask()


def publish(path: str | Path, data: bytes | str) -> None:
    write_atomic(path, data)
    os.chmod(path, _MODE)
