"""Reading and writing IDX files (the format of MNIST), raw or gzip-compressed.

An IDX file is a 4-byte magic ``00 00 TT NN`` (``TT`` the element type,
``NN`` the number of dimensions), ``NN`` big-endian uint32 dimension sizes and
then the big-endian payload of ``prod(dims)`` elements.  :func:`read_idx`
validates every part and refuses a file that does not match exactly, so a
truncated, padded or corrupt download never becomes a silently wrong array.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import struct
import zlib
from pathlib import Path

import numpy as np

from nnviz.core.files.safe_open import UnreadableFile, open_regular

__all__ = [
    "DTYPE_CODES",
    "MAGIC_IMAGES",
    "MAGIC_LABELS",
    "MAX_IDX_BYTES",
    "IdxError",
    "idx_bytes",
    "is_gzip",
    "raw_sha256",
    "read_idx",
    "read_idx_digest",
    "write_idx",
]

#: IDX element-type code -> big-endian numpy dtype.
DTYPE_CODES: dict[int, np.dtype] = {
    0x08: np.dtype(np.uint8),
    0x09: np.dtype(np.int8),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}
#: Magic number of the MNIST image files (uint8, 3 dimensions).
MAGIC_IMAGES = 0x00000803
#: Magic number of the MNIST label files (uint8, 1 dimension).
MAGIC_LABELS = 0x00000801
#: Largest payload :func:`read_idx` accepts by default (256 MiB: five times MNIST's largest
#: file, so a gzip bomb's claim is refused from its header, not after gigabytes).
MAX_IDX_BYTES = 256 * 1024**2

#: Most dimensions read (NumPy arrays have at most 64; MNIST files have 1 or 3).
MAX_NDIM = 32

_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 20


class IdxError(UnreadableFile):
    """An IDX file is malformed, truncated, padded, not decompressible or not a regular file."""


def is_gzip(path: str | os.PathLike) -> bool:
    """Return True if the file starts with the gzip magic bytes ``1f 8b``.

    Parameters
    ----------
    path : path-like
        File to test.

    Returns
    -------
    bool
        Whether the content is gzip, whatever the file name says.
    """
    with _open_file(Path(path)) as f:
        return f.read(2) == _GZIP_MAGIC


def _open_file(path: Path):
    # a gzip file is smaller than its payload; the payload limit is checked from the header
    return open_regular(path, MAX_IDX_BYTES + 4 + 4 * 255, "an IDX data",
                        lambda reason: IdxError(f"{path}: {reason}"))


def _open_maybe_gzip(path: Path):
    f = _open_file(path)
    try:
        head = f.read(2)
        f.seek(0)
    except BaseException:
        f.close()
        raise
    if head == _GZIP_MAGIC:
        return gzip.GzipFile(fileobj=f, mode="rb"), f
    return f, f


def _read_into(stream, out: memoryview, hasher) -> int:
    """Fill ``out`` from ``stream`` in bounded chunks; returns the bytes read."""
    done = 0
    while done < len(out):
        got = stream.readinto(out[done:done + _CHUNK])
        if not got:
            break
        if hasher is not None:
            hasher.update(out[done:done + got])
        done += got
    return done


def _read_exact(stream, n: int, hasher) -> bytes:
    """Read up to ``n`` bytes in bounded chunks (memory follows real data)."""
    parts = []
    remaining = n
    while remaining > 0:
        chunk = stream.read(min(remaining, _CHUNK))
        if not chunk:
            break
        parts.append(chunk)
        remaining -= len(chunk)
    data = b"".join(parts)
    if hasher is not None:
        hasher.update(data)
    return data


def _parse(stream, name: str, expected_magic, max_bytes: int, hasher, raw_size, expected_dims):
    head = _read_exact(stream, 4, hasher)
    if len(head) < 4:
        raise IdxError(f"{name}: header truncated ({len(head)} of 4 magic bytes)")
    if head[0] != 0 or head[1] != 0:
        raise IdxError(
            f"{name}: bad magic {head.hex()} (an IDX file starts with 00 00); not an IDX file"
        )
    magic = int.from_bytes(head, "big")
    if expected_magic is not None and magic != expected_magic:
        raise IdxError(f"{name}: magic 0x{magic:08x} but 0x{int(expected_magic):08x} was expected")
    code, ndim = head[2], head[3]
    if code not in DTYPE_CODES:
        raise IdxError(
            f"{name}: unsupported element type 0x{code:02x} (supported: "
            + ", ".join(f"0x{c:02x}" for c in DTYPE_CODES)
            + ")"
        )
    if ndim == 0:
        raise IdxError(f"{name}: header declares 0 dimensions")
    if ndim > MAX_NDIM:
        raise IdxError(f"{name}: header declares {ndim} dimensions (at most {MAX_NDIM})")
    dim_bytes = _read_exact(stream, 4 * ndim, hasher)
    if len(dim_bytes) < 4 * ndim:
        raise IdxError(f"{name}: header truncated ({len(dim_bytes)} of {4 * ndim} dimension bytes)")
    dims = struct.unpack(f">{ndim}I", dim_bytes)
    if expected_dims is not None and dims != tuple(expected_dims):
        raise IdxError(
            f"{name}: header claims dims {dims} but {tuple(expected_dims)} are expected; "
            "refusing to read"
        )
    dtype = DTYPE_CODES[code]
    count = 1
    for d in dims:
        count *= d
    size = count * dtype.itemsize
    if size > max_bytes:
        raise IdxError(
            f"{name}: header claims dims {dims} = {size} bytes, more than the "
            f"{max_bytes} byte limit; refusing to read"
        )
    spread = dtype.itemsize  # a zero dimension makes the size 0 whatever the others claim
    for d in dims:
        spread *= max(d, 1)
    if spread > max_bytes:
        raise IdxError(f"{name}: header claims dims {dims}, impossible even for an empty "
                       f"array (over the {max_bytes} byte limit); refusing to read")
    header_len = 4 + 4 * ndim
    if raw_size is not None and raw_size != header_len + size:
        what = "truncated" if raw_size < header_len + size else "has trailing bytes"
        raise IdxError(
            f"{name}: payload {what}: dims {dims} need {size} bytes of "
            f"{dtype.str} data but the file holds {raw_size - header_len}"
        )
    arr = np.empty(count, dtype)  # only now: the claim is within the limits
    got = _read_into(stream, memoryview(arr).cast("B"), hasher)  # type: ignore[arg-type]
    if got < size:
        raise IdxError(f"{name}: payload truncated: dims {dims} need {size} bytes, got {got}")
    if stream.read(1):
        raise IdxError(f"{name}: payload has trailing bytes after the {size} expected")
    if not dtype.isnative:
        arr = arr.byteswap().view(dtype.newbyteorder("="))
    return arr.reshape(dims)


def _read(path, expected_magic, max_bytes, hasher, expected_dims=None) -> np.ndarray:
    path = Path(path)
    name = str(path)
    stream, raw = _open_maybe_gzip(path)
    try:
        raw_size = None if stream is not raw else os.fstat(raw.fileno()).st_size
        return _parse(stream, name, expected_magic, max_bytes, hasher, raw_size, expected_dims)
    except IdxError:
        raise
    except MemoryError:
        raise IdxError(f"{name}: not enough memory to read it") from None
    except (OSError, EOFError, zlib.error) as exc:
        raise IdxError(f"{name}: cannot decompress or read: {exc}") from exc
    finally:
        stream.close()
        raw.close()


def read_idx(
    path: str | os.PathLike,
    expected_magic: int | None = None,
    *,
    max_bytes: int = MAX_IDX_BYTES,
    expected_dims: tuple | None = None,
) -> np.ndarray:
    """Read an IDX file, raw or gzip-compressed.

    Parameters
    ----------
    path : path-like
        The file.  Gzip is detected from the first two bytes, not the name.
    expected_magic : int, optional
        Full 4-byte magic the file must have, e.g. :data:`MAGIC_IMAGES`.
    max_bytes : int
        Refuse files whose header claims a larger payload, before allocating.
    expected_dims : tuple of int, optional
        The exact dimensions the header must claim (e.g. ``(60000, 28, 28)``), checked
        before any payload is read or decompressed.

    Returns
    -------
    numpy.ndarray
        Array of shape ``dims`` in native byte order (a new, writable array).

    Raises
    ------
    IdxError
        Bad magic, unsupported type, truncated header or payload, trailing
        bytes, oversized or unexpected claim, a corrupt gzip stream, or not a
        regular file (a device, a FIFO).  The message names the file.
    OSError
        If the file cannot be opened (e.g. it does not exist).
    """
    return _read(path, expected_magic, max_bytes, None, expected_dims)


def read_idx_digest(
    path: str | os.PathLike,
    expected_magic: int | None = None,
    *,
    max_bytes: int = MAX_IDX_BYTES,
    expected_dims: tuple | None = None,
) -> tuple[np.ndarray, str]:
    """Read an IDX file and hash its decompressed bytes in the same pass.

    Parameters
    ----------
    path, expected_magic, max_bytes, expected_dims
        As for :func:`read_idx`.

    Returns
    -------
    tuple of (numpy.ndarray, str)
        The array and the hex SHA-256 of the raw (decompressed) file.

    Raises
    ------
    IdxError
        As :func:`read_idx`.
    """
    hasher = hashlib.sha256()
    arr = _read(path, expected_magic, max_bytes, hasher, expected_dims)
    return arr, hasher.hexdigest()


def raw_sha256(path: str | os.PathLike) -> str:
    """Return the hex SHA-256 of a file's content after gzip decompression.

    Parameters
    ----------
    path : path-like
        Raw or gzip file (detected by magic bytes).

    Returns
    -------
    str
        Hex digest of the decompressed bytes (of the file itself if raw).

    Raises
    ------
    IdxError
        If a gzip file cannot be decompressed.
    """
    path = Path(path)
    hasher = hashlib.sha256()
    stream, raw = _open_maybe_gzip(path)
    try:
        while chunk := stream.read(_CHUNK):
            hasher.update(chunk)
    except (OSError, EOFError, zlib.error) as exc:
        raise IdxError(f"{path}: cannot decompress or read: {exc}") from exc
    finally:
        stream.close()
        raw.close()
    return hasher.hexdigest()


_CODE_OF = {dt.newbyteorder(">").str: code for code, dt in DTYPE_CODES.items()}


def idx_bytes(array: np.ndarray) -> bytes:
    """Encode an array as the bytes of an uncompressed IDX file.

    Parameters
    ----------
    array : numpy.ndarray
        At least one dimension, every dimension below 2**32, dtype uint8,
        int8, int16, int32, float32 or float64 (any byte order).

    Returns
    -------
    bytes
        Header followed by the big-endian payload.

    Raises
    ------
    ValueError
        For an unsupported dtype or shape.
    """
    array = np.asarray(array)
    be = array.dtype.newbyteorder(">")
    code = _CODE_OF.get(be.str)
    if code is None or array.dtype.kind not in "uif":
        raise ValueError(f"IDX cannot store dtype {array.dtype}")
    if array.ndim < 1 or array.ndim > 255:
        raise ValueError(f"IDX needs 1 to 255 dimensions, got {array.ndim}")
    if any(d >= 2**32 for d in array.shape):
        raise ValueError(f"IDX dimensions must be < 2**32, got {array.shape}")
    header = bytes((0, 0, code, array.ndim)) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + np.ascontiguousarray(array, dtype=be).tobytes()


def write_idx(path: str | os.PathLike, array: np.ndarray, gz: bool = False) -> Path:
    """Write an array as an IDX file, atomically.

    Parameters
    ----------
    path : path-like
        Destination; written via a temporary file and :func:`os.replace`.
    array : numpy.ndarray
        See :func:`idx_bytes`.
    gz : bool
        Gzip-compress the file (deterministic: no time stamp).

    Returns
    -------
    pathlib.Path
        The path written.
    """
    path = Path(path)
    data = idx_bytes(array)
    if gz:
        buf = io.BytesIO()
        with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as g:
            g.write(data)
        data = buf.getvalue()
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path
