"""One render at a time per output folder, for the whole run.

Two renders into one `--out` used to interleave their documents, and the cache then
vouched for the mix. `OutputLock` takes an exclusive `flock` on `--out/.xianjin-render.lock`
before the cache is read and keeps it until the last file is in place; a second run
refuses at once with a message naming the first one (a clerk would rather be told than
wait in silence). While the lock is held no other run can be writing, so staging files
left by a run that was killed (SIGKILL, a power cut) are stale and are removed.

The lock file is deleted when the run ends. A run that had to create `--out` (and the
folders above it) removes them again if it fails before writing anything into them, so
a refused render leaves no trace.
"""

from __future__ import annotations

import errno
import fcntl
import os
from pathlib import Path

from xianjin.files import BACKUP_SUFFIX, os_error_text
from xianjin.render.errors import RenderError
from xianjin.text import visible

LOCK_NAME = ".xianjin-render.lock"
_NO_LOCKS = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL}
# What a run writes before moving files into place (run.py, files.write_atomic, files.replace_all).
STALE = (".*.partial", ".*.partial.*.tmp", ".xianjin-render-*.json.*.tmp")


def _makedirs(folder: Path) -> list[Path]:
    """mkdir -p, returning the folders it created (deepest last)."""
    missing = []
    for p in (folder, *folder.parents):
        if p.is_dir():
            break
        missing.append(p)
    for p in reversed(missing):
        try:
            p.mkdir()
        except FileExistsError:
            if not p.is_dir():
                raise
    return list(reversed(missing))


class OutputLock:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.created: list[Path] = []
        self.fd: int | None = None

    def __enter__(self) -> "OutputLock":
        out = self.out
        try:
            self.created = _makedirs(out)
        except OSError as exc:
            raise RenderError(f"无法创建输出文件夹 {visible(out)}：{os_error_text(exc)}") from None
        path = out / LOCK_NAME
        while True:
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
            except OSError as exc:
                self._undo()
                if exc.errno == errno.ELOOP:
                    raise RenderError(f"{visible(path)} 是一个链接；xianjin 不通过链接写入，请删去它") from None
                raise RenderError(f"无法在输出文件夹 {visible(out)} 中写入：{os_error_text(exc)}") from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno in _NO_LOCKS:
                    # A network share without flock: render unlocked. The cache still cannot vouch for
                    # documents another run wrote (cache.py keeps the digest of every file it wrote).
                    break
                holder = _read(fd)
                os.close(fd)
                # Not self._undo(): the folder is the other run's now, even if this one created it.
                if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    who = f"（进程 {holder}）" if holder else ""
                    raise RenderError(
                        f"另一个 xianjin render{who}正在向 {visible(out)} 排版；两次排版同时写一个文件夹会把材料混在一起，"
                        "请等它结束后再运行，或换一个输出文件夹") from None
                raise RenderError(f"无法锁定输出文件夹 {visible(out)}：{os_error_text(exc)}") from None
            # The run before may have deleted the file between our open and our lock: lock the one that is there.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(path, follow_symlinks=False))
            except OSError:
                same = False
            if same:
                break
            os.close(fd)
        self.fd = fd
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        return self

    def remove_stale(self, folders) -> None:
        """Delete what killed runs left behind in `folders` (only names this tool gives its staging files),
        and put back the earlier files of a swap that was cut short (files.replace_all)."""
        for folder in folders:
            if folder.is_symlink() or not folder.is_dir():
                continue
            for backup in folder.glob(f".*{BACKUP_SUFFIX}"):
                target = backup.with_name(backup.name[1: -len(BACKUP_SUFFIX)])
                try:
                    if backup.is_file() and not backup.is_symlink() and not target.is_symlink():
                        os.replace(backup, target)
                except OSError:
                    pass
            for pattern in STALE:
                for leftover in folder.glob(pattern):
                    try:
                        if leftover.is_symlink() or leftover.is_file():
                            leftover.unlink()
                    except OSError:
                        pass

    def _undo(self) -> None:
        for folder in reversed(self.created):
            try:
                folder.rmdir()
            except OSError:
                break
        self.created = []

    def __exit__(self, *exc) -> None:
        if self.fd is None:
            return
        try:
            (self.out / LOCK_NAME).unlink(missing_ok=True)
        except OSError:
            pass
        os.close(self.fd)  # closing releases the lock, after the file is gone
        self.fd = None
        if exc[0] is not None:
            self._undo()


def _read(fd: int) -> str:
    try:
        return os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
