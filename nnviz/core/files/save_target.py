"""Can a model (or any file nnviz writes) be saved at this path?  Asked *before* the work.

``train --save /nonexistent/d/m.npz`` used to train for minutes and then fail with a traceback,
losing the model; ``--save /dev/full`` as root replaced the device node, because a save writes a
temporary file and renames it over the target, and a rename replaces whatever is there.
:func:`check_save_target` refuses such a path up front with a sentence the user can act on:

- the folder must exist, be a folder and accept a new file (probed by creating and removing an
  empty temporary file there: permission bits alone do not tell for root or a read-only mount);
- an existing target must be a regular file the user may write, and not a symbolic link (the
  rename would replace the link, not the file it points to);
- the name must not be empty or end in a path separator.

:func:`fallback_path` names a place to put the work when the save fails anyway (the disk filled
up meanwhile): the current folder, else the temporary folder.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from pathlib import Path


class SaveTargetError(ValueError):
    """The path cannot receive the file; the message says why, in one sentence."""


def check_save_target(path) -> Path:
    """Return ``path`` as an absolute Path if a file can be saved there, else raise.

    Raises
    ------
    SaveTargetError
        The folder is missing or not writable, or the target exists and is not a regular file
        that may be replaced (a folder, a device, a FIFO, a socket, a link, a read-only file).
    """
    text = os.fspath(path)
    if not text.strip():
        raise SaveTargetError("the file name to save to is empty")
    if text.endswith(("/", os.sep)):
        raise SaveTargetError(f"{text} names a folder; add a file name, e.g. {text}model.npz")
    target = Path(text).expanduser().absolute()
    folder = target.parent
    if not folder.exists():
        raise SaveTargetError(f"cannot save to {target}: the folder {folder} does not exist")
    if not folder.is_dir():
        raise SaveTargetError(f"cannot save to {target}: {folder} is not a folder")
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise SaveTargetError(f"cannot save to {target}: {exc.strerror or exc}") from None
    if info is not None:
        _check_existing(target, info)
    _probe_folder(target, folder)
    return target


def _check_existing(target: Path, info: os.stat_result) -> None:
    mode = info.st_mode
    if stat.S_ISLNK(mode):
        raise SaveTargetError(f"{target} is a symbolic link; give the path of the file itself")
    if stat.S_ISDIR(mode):
        raise SaveTargetError(f"{target} is a folder; add a file name, e.g. {target / 'model.npz'}")
    if not stat.S_ISREG(mode):
        kind = ("a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else
                "a pipe (FIFO)" if stat.S_ISFIFO(mode) else
                "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
        raise SaveTargetError(f"{target} is {kind}, not a file nnviz may replace; "
                              f"choose a file name in a folder of yours")
    if not os.access(target, os.W_OK):
        raise SaveTargetError(f"{target} is read-only; choose another name")


def _probe_folder(target: Path, folder: Path) -> None:
    """Create and remove an empty file next to ``target``: the only sure test of writability."""
    try:
        fd, probe = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".probe", dir=folder)
    except OSError as exc:
        raise SaveTargetError(f"cannot save to {target}: the folder {folder} does not accept "
                              f"new files ({exc.strerror or exc})") from None
    os.close(fd)
    try:
        os.unlink(probe)
    except OSError:
        pass


def fallback_path(stem: str, suffix: str = ".npz") -> Path:
    """A fresh file name for work whose save failed: the current folder, else the temp folder."""
    name = f"{stem}-{time.strftime('%Y%m%d-%H%M%S')}{suffix}"
    for folder in (Path.cwd(), Path(tempfile.gettempdir())):
        candidate = folder / name
        try:
            check_save_target(candidate)
        except SaveTargetError:
            continue
        if not candidate.exists():
            return candidate
    return Path(tempfile.gettempdir()) / f"{stem}-{os.getpid()}-{time.time_ns()}{suffix}"
