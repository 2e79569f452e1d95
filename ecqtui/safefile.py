"""Crash-safe, private file writing shared by the store, backups and every export.

A file is replaced in one step: the new bytes go to a temporary file in the same folder,
are flushed to disk, and then renamed over the old file, so a kill -9, a power cut or a full
disk leaves either the old file or the new one, never a mixture. Files are created 0600.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

#: Temporary files start with this, so an interrupted write can be recognised and swept.
TEMP_SUFFIX = ".tmp"


def temp_prefix(target: Path) -> str:
    return f".{target.name}."


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(target: Path, data: bytes, *, follow_symlinks: bool = False) -> None:
    """Replace ``target`` with ``data`` atomically and durably; the file ends up 0600.

    Raises OSError (ENOSPC, EACCES, ...) with ``target`` untouched when anything fails.
    Refuses to write through a symlink unless ``follow_symlinks`` is set.
    """
    target = Path(target)
    if not follow_symlinks and target.is_symlink():
        raise OSError(errno.ELOOP, "refusing to write through a symbolic link", str(target))
    folder = target.parent
    fd, tmp_name = tempfile.mkstemp(prefix=temp_prefix(target), suffix=TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise
    fsync_dir(folder)


def write_new_file(target: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write an export: 0600, atomic, never through a symlink, no overwrite unless asked."""
    target = Path(target)
    if target.is_symlink():
        raise FileExistsError(errno.ELOOP, "refusing to write through a symbolic link", str(target))
    if target.exists():
        if not overwrite:
            raise FileExistsError(errno.EEXIST, "file exists (use --force to overwrite)", str(target))
        if not target.is_file():
            raise IsADirectoryError(errno.EISDIR, "not a regular file", str(target))
    atomic_write(target, data)


def sweep_temp_files(target: Path) -> list[Path]:
    """Delete temp files an interrupted write of ``target`` left behind; return them.

    Only files named like our own temp files for this target are touched.
    """
    removed = []
    prefix = temp_prefix(target)
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return removed
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX) and entry.is_file():
            try:
                entry.unlink()
                removed.append(entry)
            except OSError:
                pass
    return removed


def ensure_private_dir(folder: Path) -> None:
    """Create ``folder`` and any missing parents as 0700, whatever the umask.

    Folders that already exist are left as they are: they may be the user's home.
    """
    folder = Path(folder)
    missing = []
    while not folder.exists():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            continue
        os.chmod(path, 0o700)  # mkdir's mode is filtered by the umask


def ensure_private_file(path: Path) -> None:
    """Make an existing file of ours 0600 if it is readable by others."""
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return
    if stat.S_ISREG(st.st_mode) and st.st_mode & 0o077 and st.st_uid == os.getuid():
        os.chmod(path, 0o600)
