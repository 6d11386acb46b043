"""Writing files so that a failure never leaves half a file behind."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# mkstemp creates files 0600; what we write is meant for a shared folder or a repository,
# so it gets the permissions of any file the user creates.
_MODE = 0o666 & ~_umask()


def write_atomic(path: str | Path, data: bytes | str) -> None:
    """Write to a temporary file beside `path`, then rename it into place."""
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
        os.chmod(tmp, _MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_OS_ERRORS = {
    errno.ENOENT: "找不到这个文件或文件夹",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.ENOSPC: "磁盘已满",
    errno.EROFS: "只读的文件系统",
    errno.EEXIST: "已经存在",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EIO: "读写出错",
}


def os_error_text(exc: OSError) -> str:
    """The operating system's complaint, in Chinese (its own strerror is English)."""
    return _OS_ERRORS.get(exc.errno or 0, f"系统错误 {exc.errno}" if exc.errno else "系统错误")
