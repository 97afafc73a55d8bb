"""Atomic output: a run either writes all its files or leaves the target untouched.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "report"
>>> with atomic_directory(out) as staging:
...     _ = (staging / "a.txt").write_text("done")
>>> (out / "a.txt").read_text()
'done'
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_directory", "atomic_file"]


def _create_plain_file(folder: Path, prefix: str) -> Path:
    """A new empty file in ``folder`` with the mode a plain ``open()`` gives: created
    with 0o666 and left to the process's umask (never read or set here: the umask is
    the caller's process-wide setting). ``tempfile.mkstemp`` would make it 0600."""
    for _ in range(100):
        path = folder / f"{prefix}{secrets.token_hex(4)}"
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(handle)
        return path
    raise FileExistsError(f"no free temporary name for {prefix!r} in {folder}")


def _plain_file_mode(folder: Path) -> int:
    """The permission bits a plain ``open()`` gives a new file in ``folder`` (found
    by making one: the umask and a default ACL both count)."""
    probe = _create_plain_file(folder, ".mode.")
    try:
        return probe.stat().st_mode & 0o7777
    finally:
        probe.unlink()


@contextmanager
def atomic_directory(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield an empty staging folder beside ``target``; on success its files replace
    those of the same name in ``target`` (other files there are kept), on any error
    the staging folder is removed and ``target`` is as it was."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        yield staging
        target.mkdir(exist_ok=True)
        # Files made with open() have their ordinary mode already; one made private
        # (mkstemp, 0600) by a writer gets the ordinary mode too: the folder is shared.
        mode = _plain_file_mode(staging)
        for item in sorted(staging.iterdir()):
            if item.is_file() and item.stat().st_mode & 0o7777 != mode:
                item.chmod(mode)
            destination = target / item.name
            if destination.is_dir() and not destination.is_symlink():
                shutil.rmtree(destination)
            os.replace(item, destination)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def atomic_file(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; it becomes ``target`` only on success."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = _create_plain_file(target.parent, f".{target.name}.")
    try:
        yield temporary
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
