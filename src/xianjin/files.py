"""Reading and writing files: only regular files are read, and never more than a limit;
a write never leaves half a file behind, and a set of files is replaced all or nothing."""

from __future__ import annotations

import errno
import os
import stat
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
    """Write to a temporary file beside `path`, then rename it into place.

    A target that exists and is not a regular file (`-o /dev/null`, `/dev/stdout`, a FIFO) is
    written into, never renamed over: as root, a rename would replace the device itself.
    """
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        with open(path, "wb") as f:
            f.write(raw)
        return
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
        os.chmod(tmp, _MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class NotAFile(OSError):
    """The path is a folder, a pipe, a device or a socket: reading it could block or never end."""

    def __init__(self, path: str | Path, what: str) -> None:
        super().__init__(errno.EINVAL, what, str(path))
        self.what = what


class TooLarge(OSError):
    def __init__(self, path: str | Path, limit: int, size: int | None = None) -> None:
        super().__init__(errno.EFBIG, "too large", str(path))
        self.limit = limit
        self.size = size  # what stat said, when it said more than the limit


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "这是一个文件夹，不是文件"
    if stat.S_ISFIFO(mode):
        return "这是一个命名管道（FIFO），不是普通文件；读它会一直等下去"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "这是一个设备文件，不是普通文件"
    if stat.S_ISSOCK(mode):
        return "这是一个套接字，不是普通文件"
    return "这不是一个普通文件"


def read_regular(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file, at most `limit` of them.

    Opened without blocking (a FIFO would wait forever for a writer) and checked on the
    open descriptor, so that what is read is what was checked; the limit is enforced while
    reading, since stat's size says nothing about /proc files or a file still growing.
    Raises NotAFile, TooLarge, or the OSError of the open.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotAFile(path, _kind(st.st_mode))
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise TooLarge(path, limit, st.st_size if st.st_size > limit else None)
        return b"".join(chunks)
    finally:
        os.close(fd)


BACKUP_SUFFIX = ".xianjin-old"


def replace_all(pairs: list[tuple[Path, Path]]) -> None:
    """Move each staged file onto its target, all or nothing.

    A target that already exists is first moved aside (`.NAME.xianjin-old`); if any move fails,
    or the run is interrupted, every target already replaced gets its old file back and
    the error is raised. Only when all have moved are the old files deleted.
    """
    done: list[tuple[Path, Path | None]] = []
    try:
        for staged, target in pairs:
            backup = None
            if os.path.isdir(target) and not os.path.islink(target):
                raise IsADirectoryError(errno.EISDIR, "is a directory", str(target))
            if os.path.lexists(target):
                backup = target.with_name(f".{target.name}{BACKUP_SUFFIX}")
                os.replace(target, backup)
            done.append((target, backup))
            os.replace(staged, target)
    except BaseException:
        for target, backup in reversed(done):
            try:
                if backup is not None:
                    os.replace(backup, target)
                elif os.path.lexists(target):
                    os.unlink(target)
            except OSError:
                pass  # the original error is the one to report
        raise
    for _, backup in done:
        if backup is not None:
            try:
                os.unlink(backup)
            except OSError:
                pass


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
    errno.EPIPE: "接收输出的程序已经退出（管道已关闭）",
    errno.EFBIG: "文件太大",
    errno.ENOTEMPTY: "那里有一个不是空的文件夹",
    errno.ELOOP: "路径中的链接太多或指向自己",
    errno.EDQUOT: "磁盘配额已满",
    errno.ENXIO: "没有这个设备",
    errno.EBUSY: "正在被占用",
}


def os_error_text(exc: OSError) -> str:
    """The operating system's complaint, in Chinese (its own strerror is English)."""
    if isinstance(exc, NotAFile):
        return exc.what
    if isinstance(exc, TooLarge):
        return f"文件超过了 {exc.limit // 1024 // 1024} MB 的上限"
    return _OS_ERRORS.get(exc.errno or 0, f"系统错误 {exc.errno}" if exc.errno else "系统错误")
