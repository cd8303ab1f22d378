"""Downloading MNIST / Fashion-MNIST with mirrors, resume, checksums and cancel.

Each ``NAME.gz`` is streamed into ``DEST/NAME.gz.part``, then decompressed
into ``DEST/NAME.tmp`` while hashing; only when the SHA-256 of the
decompressed bytes matches is ``NAME.tmp`` fsynced and atomically renamed to
``DEST/NAME``.  A final file is therefore either absent or complete and
verified.  A ``.part`` left by an interrupted or cancelled download is resumed
with an HTTP ``Range`` request the next time.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import http.client
import os
import re
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from nnviz.core.lessons.datasets.errors import DownloadCancelled, DownloadError
from nnviz.core.lessons.datasets.idx import MAX_IDX_BYTES, IdxError, raw_sha256, read_idx
from nnviz.core.lessons.datasets.mnist import (
    FASHION_SHA256,
    MNIST_FILES,
    MNIST_SHA256,
    normalize_kind,
)

__all__ = ["DEFAULT_MIRRORS", "download_mnist"]

#: Mirrors tried in order, per kind; ``NAME.gz`` is appended to each.
DEFAULT_MIRRORS = {
    "mnist": (
        "https://ossci-datasets.s3.amazonaws.com/mnist/",
        "https://storage.googleapis.com/cvdf-datasets/mnist/",
        "http://yann.lecun.com/exdb/mnist/",
    ),
    "fashion": ("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",),
}
_CHECKSUMS = {"mnist": MNIST_SHA256, "fashion": FASHION_SHA256}
_USER_AGENT = "nnviz-dataset-downloader/1"


class _CorruptError(Exception):
    """The downloaded data failed verification."""


class _TransferError(Exception):
    """A network or HTTP failure (the ``.part`` file is kept for resume)."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


ProgressFn = Callable[[int, "int | None", str], None]


def download_mnist(
    dest_folder: str | os.PathLike,
    kind: str = "mnist",
    mirrors: Sequence[str] | None = None,
    progress: ProgressFn | None = None,
    cancel: Callable[[], bool] | None = None,
    timeout: float = 30,
    *,
    checksums: Mapping[str, str] | None = None,
    files: Sequence[str] | None = None,
    chunk_size: int = 1 << 16,
) -> Path:
    """Download the four MNIST (or Fashion-MNIST) files into ``dest_folder``.

    Parameters
    ----------
    dest_folder : path-like
        Folder receiving the decompressed files (created if missing).
    kind : {"mnist", "fashion"}
        Which data set; selects the default mirrors and checksums.
    mirrors : sequence of str, optional
        Base URLs (http or https) tried in order; ``NAME.gz`` is appended.
    progress : callable, optional
        ``progress(done_bytes, total_bytes, filename)`` after each chunk;
        ``total_bytes`` is None when the server does not say.  ``done_bytes``
        is non-decreasing while one file downloads from one mirror (it starts
        at the resumed offset, and restarts when another mirror is tried).
    cancel : callable, optional
        Polled before each chunk; returning True aborts with
        :class:`DownloadCancelled`.  The ``.part`` file is kept for resume,
        no final file is written.
    timeout : float
        Socket timeout in seconds for each request.
    checksums : mapping, optional
        File name -> hex SHA-256 of the decompressed file; defaults to the
        real table of ``kind``.  A file without an entry is only checked to be
        a well-formed IDX file.
    files : sequence of str, optional
        File names without ``.gz``; defaults to the four MNIST names.
    chunk_size : int
        Bytes read per chunk.

    Returns
    -------
    pathlib.Path
        ``dest_folder``.

    Raises
    ------
    DownloadError
        If a file could not be fetched and verified from any mirror; the
        message lists each mirror's reason.
    DownloadCancelled
        If ``cancel()`` returned True.
    ValueError
        For a mirror that is not an http(s) URL.
    """
    kind = normalize_kind(kind)
    dest = Path(dest_folder).expanduser()
    dest.mkdir(parents=True, exist_ok=True)
    mirrors = list(DEFAULT_MIRRORS[kind] if mirrors is None else mirrors)
    for m in mirrors:
        if urllib.parse.urlsplit(m).scheme not in ("http", "https"):
            raise ValueError(f"mirror must be an http(s) URL, got {m!r}")
    if not mirrors:
        raise ValueError("no mirrors given")
    checksums = dict(_CHECKSUMS[kind] if checksums is None else checksums)
    files = list(MNIST_FILES if files is None else files)
    cancel = cancel or (lambda: False)

    for name in files:
        if _cancelled(cancel):
            raise DownloadCancelled("download cancelled")
        final = dest / name
        if final.is_file() and _valid_final(final, checksums.get(name)):
            continue
        _fetch_one(dest, name, mirrors, checksums.get(name), progress, cancel, timeout, chunk_size)
    return dest


def _cancelled(cancel) -> bool:
    return bool(cancel())


def _valid_final(path: Path, digest: str | None) -> bool:
    try:
        if digest is not None:
            return raw_sha256(path) == digest
        read_idx(path)
        return True
    except (IdxError, OSError):
        return False


def _fetch_one(dest, name, mirrors, digest, progress, cancel, timeout, chunk_size) -> None:
    part = dest / f"{name}.gz.part"
    errors = []
    # A .part left complete by an earlier run may verify without any network.
    if part.is_file() and part.stat().st_size > 0:
        try:
            _install(part, dest, name, digest)
            return
        except _CorruptError:
            pass  # incomplete or bad: resume below, verify again afterwards
    for base in mirrors:
        url = base.rstrip("/") + "/" + urllib.parse.quote(name) + ".gz"
        retried_clean = False
        while True:
            resumed = part.is_file() and part.stat().st_size > 0
            try:
                _transfer(url, part, name, progress, cancel, timeout, chunk_size)
                _install(part, dest, name, digest)
                return
            except _TransferError as exc:
                errors.append(f"{url}: {exc}")
                if exc.status == 416 and not retried_clean:
                    _unlink(part)
                    retried_clean = True
                    continue
                break
            except _CorruptError as exc:
                _unlink(part)
                if resumed and not retried_clean:
                    # The resumed bytes may not belong to this mirror's file:
                    # retry once from scratch before moving on.
                    errors.append(f"{url}: {exc} (after resuming; retrying from scratch)")
                    retried_clean = True
                    continue
                errors.append(f"{url}: {exc}")
                break
    raise DownloadError(f"could not download {name}.gz from any mirror:\n  " + "\n  ".join(errors))


def _transfer(url, part: Path, name, progress, cancel, timeout, chunk_size) -> None:
    offset = part.stat().st_size if part.is_file() else 0
    headers = {"User-Agent": _USER_AGENT, "Accept-Encoding": "identity"}
    if offset:
        headers["Range"] = f"bytes={offset}-"
    request = urllib.request.Request(url, headers=headers)
    try:
        response = urllib.request.urlopen(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        raise _TransferError(f"HTTP {exc.code} {exc.reason}", exc.code) from exc
    except urllib.error.URLError as exc:
        raise _TransferError(f"cannot connect: {exc.reason}") from exc
    except TimeoutError as exc:
        raise _TransferError("timed out") from exc
    except (OSError, http.client.HTTPException) as exc:
        raise _TransferError(f"cannot connect: {exc!r}") from exc
    with response:
        status = getattr(response, "status", 200)
        length = response.headers.get("Content-Length")
        length = int(length) if length and length.isdigit() else None
        if status == 206 and offset:
            start, total = _parse_content_range(response.headers.get("Content-Range"))
            if start != offset:
                raise _TransferError(f"server resumed at byte {start}, asked for {offset}")
            if total is None and length is not None:
                total = offset + length
            mode = "ab"
        elif status == 200:
            offset, total, mode = 0, length, "wb"
        else:
            raise _TransferError(f"unexpected HTTP status {status}")
        expected_body = length
        received = 0
        done = offset
        if progress is not None:
            progress(done, total, name)
        with open(part, mode) as out:
            while True:
                if _cancelled(cancel):
                    raise DownloadCancelled(f"download of {name}.gz cancelled")
                try:
                    chunk = response.read(chunk_size)
                except TimeoutError as exc:
                    raise _TransferError(f"timed out after {done} bytes") from exc
                except (OSError, http.client.HTTPException) as exc:
                    raise _TransferError(f"connection failed after {done} bytes: {exc!r}") from exc
                if not chunk:
                    break
                out.write(chunk)
                received += len(chunk)
                done += len(chunk)
                if done > MAX_IDX_BYTES:
                    raise _TransferError("server sent more data than any MNIST file holds")
                if progress is not None:
                    progress(done, total, name)
        if expected_body is not None and received < expected_body:
            raise _TransferError(
                f"connection closed early ({received} of {expected_body} bytes); "
                "will resume from the partial file"
            )


def _parse_content_range(value):
    m = re.fullmatch(r"\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*", value or "")
    if not m:
        raise _TransferError(f"bad Content-Range {value!r} in a 206 response")
    total = None if m.group(3) == "*" else int(m.group(3))
    return int(m.group(1)), total


def _install(part: Path, dest: Path, name: str, digest: str | None) -> None:
    """Decompress ``part``, verify it and atomically create ``dest/name``."""
    tmp = dest / f"{name}.tmp"
    final = dest / name
    hasher = hashlib.sha256()
    size = 0
    try:
        try:
            with gzip.open(part, "rb") as src, open(tmp, "wb") as out:
                while chunk := src.read(1 << 20):
                    size += len(chunk)
                    if size > MAX_IDX_BYTES:
                        raise _CorruptError("decompresses to more data than any MNIST file holds")
                    hasher.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
        except (OSError, EOFError, zlib.error) as exc:
            raise _CorruptError(f"not a complete gzip file ({exc})") from exc
        if digest is not None:
            got = hasher.hexdigest()
            if got != digest:
                raise _CorruptError(f"checksum mismatch: SHA-256 {got}, expected {digest}")
        else:
            try:
                read_idx(tmp)
            except IdxError as exc:
                raise _CorruptError(f"not a valid IDX file ({exc})") from exc
        os.replace(tmp, final)
        _fsync_dir(dest)
    finally:
        _unlink(tmp)
    _unlink(part)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
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


def _unlink(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
