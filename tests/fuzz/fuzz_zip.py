"""Writing .npz files by hand: lying headers, members inflating to hundreds of MB in ~0.5 s.

``zipfile`` refuses to write most of what an attacker writes (it would also have to deflate
400 MB of zeros); :func:`zip_bytes` writes the local headers, data, central directory and end
record itself, so every field can be set.
"""

from __future__ import annotations

import ast
import io
import struct
import zlib
from dataclasses import dataclass

import numpy as np

_ZERO_CHUNK = bytes(1 << 22)


@dataclass
class Member:
    """One zip entry: ``head`` bytes followed by ``zeros`` zero bytes."""

    name: str
    head: bytes
    zeros: int = 0
    deflate: bool = True
    flags: int = 0
    method: int | None = None  # override the method field (e.g. 12, bzip2)
    size_lie: int | None = None  # override the uncompressed size fields


def _deflated(m: Member) -> tuple[bytes, int]:
    """(compressed bytes, crc32): zeros as repeated blocks after a full flush (identical)."""
    crc = zlib.crc32(m.head)
    if not m.deflate:
        data = m.head + bytes(m.zeros)
        return data, zlib.crc32(data)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    parts = [c.compress(m.head) + c.flush(zlib.Z_FULL_FLUSH)]
    full, rest = divmod(m.zeros, len(_ZERO_CHUNK))
    if full:
        block = c.compress(_ZERO_CHUNK) + c.flush(zlib.Z_FULL_FLUSH)
        parts.append(block * full)
        for _ in range(full):
            crc = zlib.crc32(_ZERO_CHUNK, crc)
    parts.append(c.compress(bytes(rest)) + c.flush())
    return b"".join(parts), zlib.crc32(bytes(rest), crc)


def gzip_zeros(head: bytes, zeros: int) -> bytes:
    """A gzip file of ``head`` then ``zeros`` zero bytes, written in ~1 s for 2 GB (a bomb)."""
    data, crc = _deflated(Member("", head, zeros))
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    return header + data + struct.pack("<II", crc, (len(head) + zeros) & 0xFFFFFFFF)


def zip_bytes(members: list[Member], entries_lie: int | None = None) -> bytes:
    """A zip archive of ``members``; ``entries_lie`` overrides the end record's entry count."""
    out, central = io.BytesIO(), io.BytesIO()
    for m in members:
        data, crc = _deflated(m)
        name = m.name.encode("utf-8")
        method = m.method if m.method is not None else (8 if m.deflate else 0)
        size = m.size_lie if m.size_lie is not None else len(m.head) + m.zeros
        offset = out.tell()
        fields = (20, m.flags, method, 0, 0x21, crc, len(data), size, len(name), 0)
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields) + name + data)
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, m.flags, method,
                                  0, 0x21, crc, len(data), size, len(name), 0, 0, 0, 0, 0,
                                  offset) + name)
    cd = central.getvalue()
    n = len(members) if entries_lie is None else entries_lie
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, min(n, 0xFFFF), min(n, 0xFFFF), len(cd),
                      out.tell(), 0)
    return out.getvalue() + cd + end


def npy_header(descr, shape, fortran: bool = False, version: int = 1) -> bytes:
    """The bytes of a .npy header (magic, length, dict text) claiming anything."""
    text = repr({"descr": descr, "fortran_order": fortran, "shape": tuple(shape)})
    text += " " * (-(len(text) + 11) % 64) + "\n"
    raw = text.encode("utf-8" if version == 3 else "latin-1", "replace")
    size = struct.pack("<H", len(raw)) if version == 1 else struct.pack("<I", len(raw))
    return b"\x93NUMPY" + bytes([version, 0]) + size + raw


def npy(arr: np.ndarray) -> bytes:
    """``np.save`` of ``arr`` (object arrays pickled, as NumPy does)."""
    buf = io.BytesIO()
    np.save(buf, arr, allow_pickle=True)
    return buf.getvalue()


def npz_members(npz: bytes) -> dict[str, bytes]:
    """name -> raw member bytes of a (legitimate) archive written by NumPy."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(npz)) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def replace_members(npz: bytes, **changes) -> bytes:
    """``npz`` with members replaced (``params=b"..."``) or removed (None), deflated."""
    members = npz_members(npz)
    for stem, data in changes.items():
        if data is None:
            members.pop(f"{stem}.npy", None)
        else:
            members[f"{stem}.npy"] = data
    return zip_bytes([Member(k, v) for k, v in members.items()])


def meta_of(npz: bytes) -> dict:
    import json

    raw = npz_members(npz)["meta.npy"]
    hlen = struct.unpack("<H", raw[8:10])[0]
    ast.literal_eval(raw[10:10 + hlen].decode("latin-1"))  # a real header
    return json.loads(raw[10 + hlen:])


def meta_npy(meta_text: str) -> bytes:
    return npy(np.frombuffer(meta_text.encode("utf-8"), np.uint8))
