"""Reading ``.npz`` archives (models, sessions) without trusting them.

``np.load`` would hand the archive's directory and each ``.npy`` header to zipfile and NumPy as
they are: a member that inflates to gigabytes, a header whose shape claims 10^12 elements, a
dtype of zero item size with a lying shape, an object array.  :class:`NpzArchive` checks, in
this order and before any data is inflated:

1. the file is a regular file of bounded size (:func:`nnviz.core.files.safe_open.open_regular`);
2. the zip directory: at most ``max_members`` entries, a bounded total inflated size, only
   stored or deflated members, no encryption, no duplicate names, and only the expected
   ``<name>.npy`` members (a path, an unknown or a non-``.npy`` name is refused, not skipped);
3. each ``.npy`` header (parsed here with :func:`ast.literal_eval` on at most 4 kB, never
   given to NumPy): a plain dtype the caller allows — real floats for parameters, so text,
   structured, complex, date, bool and object dtypes are refused by name — a shape the caller
   accepts (the count a spec needs), an element count within bounds and exactly the bytes the
   member holds;

and only then allocates the array and inflates exactly its bytes into it.
"""

from __future__ import annotations

import ast
import re
import zipfile

import numpy as np

from nnviz.core.files.safe_open import UnreadableFile, open_regular

__all__ = ["BYTES", "FLOATS", "NUMBERS", "NpyHeader", "NpzArchive", "checked_dtype",
           "describe_kind"]

MAX_HEADER_BYTES = 4096  # NumPy writes about 128; its own reader stops at 10,000
MAX_NDIM = 32
#: the dtypes of parameters: real floating point of 4 or 8 bytes
FLOATS = {"f": (4, 8)}
#: raw bytes (a JSON description)
BYTES = {"u": (1,)}
#: any plain real number
NUMBERS = {"f": (2, 4, 8), "i": (1, 2, 4, 8), "u": (1, 2, 4, 8)}
_MAGIC = b"\x93NUMPY"
_DESCR = re.compile(r"([<>|=]?)([A-Za-z?])(\d*)(\[\w*\])?")
_CHUNK = 1 << 22

_KIND_WORDS = {
    "O": "Python objects (they would need unpickling)",
    "V": "raw or structured records",
    "S": "byte strings", "a": "byte strings",
    "U": "text",
    "c": "complex numbers",
    "M": "dates (datetime64)",
    "m": "time spans (timedelta64)",
    "b": "true/false values", "?": "true/false values",
    "f": "floating-point numbers",
    "i": "whole numbers", "u": "whole numbers",
}


def describe_kind(kind: str) -> str:
    """Words for a NumPy dtype kind character ("U" -> "text")."""
    return _KIND_WORDS.get(kind, "values of an unknown type")


def checked_dtype(kind: str, size: int, byteorder: str, allowed: dict, shown: str,
                  where: str, error=UnreadableFile) -> np.dtype:
    """The dtype ``byteorder+kind+size`` if ``allowed`` (kind -> item sizes) has it.

    The dtype is built from the allow-list's own pieces, so NumPy never parses text from a
    file.  ``shown`` is how the file spelled it, ``where`` names the array in the message.
    """
    if kind not in allowed or size not in allowed[kind]:
        expected = " or ".join(f"{'float' if k == 'f' else 'int' if k == 'i' else 'uint'}"
                               f"{8 * s}" for k, sizes in allowed.items() for s in sizes)
        raise error(f"{where} holds {describe_kind(kind)} ({shown[:40]}), an unexpected type; "
                    f"expected {expected}")
    order = "|" if size == 1 else {"<": "<", ">": ">"}.get(byteorder, "=")
    return np.dtype(f"{order}{kind}{size}")


class NpyHeader:
    """A validated ``.npy`` header: ``shape``, ``dtype``, ``fortran``, ``count`` (elements)."""

    def __init__(self, shape: tuple, dtype: np.dtype, fortran: bool):
        self.shape, self.dtype, self.fortran = shape, dtype, fortran
        self.count = 1
        for d in shape:
            self.count *= d


def _shown(name: str) -> str:
    return repr(name[:60])


class NpzArchive:
    """An ``.npz`` file whose zip directory passed the checks above (a context manager).

    Parameters
    ----------
    path : path-like
    names : set of str or None
        The member stems allowed (``{"meta", "params"}`` for ``meta.npy``, ``params.npy``);
        None allows any ``<stem>.npy`` (still no paths).
    max_file_bytes, max_unpacked, max_members : int
        Size on disk, total inflated size, number of entries.
    what : str
        How messages name the expected file ("an nnviz model").
    error : type
        The exception raised, with the file name and the reason.
    """

    def __init__(self, path, names, *, max_file_bytes: int, max_unpacked: int,
                 max_members: int, what: str, error=UnreadableFile):
        self.error, self.what = error, what
        self.file = open_regular(path, max_file_bytes, what, error)
        self.name = getattr(path, "name", None) or str(path)
        try:
            self.members = self._directory(names, max_unpacked, max_members)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if getattr(self, "zip", None) is not None:
            self.zip.close()
        self.file.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _fail(self, reason: str):
        return self.error(f"{self.name}: {reason}")

    def _directory(self, names, max_unpacked: int, max_members: int) -> dict:
        try:
            # the very end record ZipFile will use, read before ZipFile parses the directory
            # (a directory claiming millions of entries would be parsed in full otherwise)
            end = zipfile._EndRecData(self.file)  # type: ignore[attr-defined]
            if end is None:
                raise self._fail(f"not {self.what} (not a zip archive)")
            entries = end[zipfile._ECD_ENTRIES_TOTAL]  # type: ignore[attr-defined]
            if entries > max_members:
                raise self._fail(f"it holds {entries:,} arrays "
                                 f"(at most {max_members} expected)")
            if end[zipfile._ECD_SIZE] > 1024 * max_members:  # type: ignore[attr-defined]
                raise self._fail("its zip directory is too large")
            self.file.seek(0)
            self.zip = zipfile.ZipFile(self.file)
            infos = self.zip.infolist()
        except UnreadableFile:
            raise
        except MemoryError:
            raise self._fail(f"not enough memory to read it as {self.what}") from None
        except Exception as exc:  # noqa: BLE001 - zipfile's parser raises many kinds
            raise self._fail(f"not {self.what} (damaged zip: {type(exc).__name__}: "
                             f"{str(exc)[:200]})") from None
        if len(infos) > max_members:
            raise self._fail(f"it holds {len(infos)} arrays (at most {max_members} expected)")
        total = sum(i.file_size for i in infos)
        if total > max_unpacked:
            raise self._fail(f"it would unpack to {total / 2**20:,.0f} MB "
                             f"(at most {max_unpacked / 2**20:,.0f} MB expected)")
        members = {}
        for info in infos:
            fname = info.filename
            if "/" in fname or "\\" in fname or ".." in fname or ":" in fname:
                raise self._fail(f"a member named {_shown(fname)} has a folder path in its "
                                 "name (refused)")
            if not fname.endswith(".npy"):
                raise self._fail(f"the member {_shown(fname)} is not a .npy array (refused)")
            stem = fname[:-4]
            if names is not None and stem not in names:
                raise self._fail(f"unknown member {_shown(fname)}; {self.what} holds only "
                                 + ", ".join(f"{n}.npy" for n in sorted(names)))
            if stem in members:
                raise self._fail(f"the member {_shown(fname)} appears twice")
            if info.flag_bits & 0x1:
                raise self._fail(f"{_shown(fname)} is encrypted")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise self._fail(f"{_shown(fname)} uses an unsupported compression")
            members[stem] = info
        return members

    # -- members ---------------------------------------------------------------------------

    def _read_header(self, f, stem: str, allowed: dict) -> tuple[NpyHeader, int]:
        where = f"{stem}.npy"
        magic = f.read(8)
        if len(magic) < 8 or not magic.startswith(_MAGIC):
            raise self._fail(f"{where} is not a NumPy array")
        major = magic[6]
        if major not in (1, 2, 3):
            raise self._fail(f"{where} has an unknown .npy version {major}")
        size_bytes = f.read(2 if major == 1 else 4)
        if len(size_bytes) < (2 if major == 1 else 4):
            raise self._fail(f"{where} is truncated")
        hlen = int.from_bytes(size_bytes, "little")
        if hlen > MAX_HEADER_BYTES:
            raise self._fail(f"{where} has a {hlen:,}-byte header (at most "
                             f"{MAX_HEADER_BYTES} expected)")
        raw = f.read(hlen)
        if len(raw) < hlen:
            raise self._fail(f"{where} is truncated")
        try:
            d = ast.literal_eval(raw.decode("utf-8" if major == 3 else "latin-1"))
        except Exception:  # noqa: BLE001 - any malformed header text (SyntaxError, ...)
            raise self._fail(f"{where} has a malformed header") from None
        if not isinstance(d, dict) or set(d) != {"descr", "fortran_order", "shape"}:
            raise self._fail(f"{where} has a malformed header")
        descr, fortran, shape = d["descr"], d["fortran_order"], d["shape"]
        if not isinstance(descr, str):  # a list of fields: never given to NumPy
            checked_dtype("V", -1, "", allowed, "a structured dtype", where, self._fail)
        m = _DESCR.fullmatch(descr)
        if m is None:
            raise self._fail(f"{where} has an unknown dtype {descr[:40]!r}")
        dtype = checked_dtype(m[2], int(m[3] or 0), m[1], allowed, descr, where, self._fail)
        if not isinstance(fortran, bool):
            raise self._fail(f"{where} has a malformed header")
        spread = 1  # the product with a zero counted as one: (0, 2**40, 2**40) is impossible
        for n in shape if isinstance(shape, tuple) else ():
            spread *= max(n, 1) if type(n) is int else 1
        if (not isinstance(shape, tuple) or len(shape) > MAX_NDIM or spread > 2**48
                or not all(type(n) is int and 0 <= n < 2**62 for n in shape)):
            raise self._fail(f"{where} has a malformed shape")
        return NpyHeader(shape, dtype, fortran), 6 + 2 + len(size_bytes) + hlen

    def _open(self, stem):
        try:
            return self.zip.open(self.members[stem])
        except MemoryError:
            raise self._fail(f"not enough memory to read {stem}.npy") from None
        except Exception as exc:  # noqa: BLE001 - zipfile: a damaged local header, ...
            raise self._fail(f"{stem}.npy cannot be read ({type(exc).__name__}: "
                             f"{str(exc)[:200]})") from None

    def _guarded(self, work, stem: str):
        try:
            return work()
        except UnreadableFile:
            raise
        except MemoryError:
            raise self._fail(f"not enough memory to read {stem}.npy") from None
        except Exception as exc:  # noqa: BLE001 - zipfile and zlib on damaged data
            raise self._fail(f"{stem}.npy is damaged ({type(exc).__name__}: "
                             f"{str(exc)[:200]})") from None

    def _checked_header(self, f, stem: str, allowed: dict, check_shape, max_elements: int):
        head, offset = self._read_header(f, stem, allowed)
        reason = check_shape(head.shape) if check_shape is not None else None
        if reason:
            raise self._fail(f"{stem}.npy {reason}")
        if head.count > max_elements:  # in elements: a zero-size dtype cannot hide a shape
            raise self._fail(f"{stem}.npy claims {head.count:,} values (at most "
                             f"{max_elements:,} expected)")
        nbytes = head.count * head.dtype.itemsize
        held = self.members[stem].file_size - offset
        if nbytes != held:
            raise self._fail(f"{stem}.npy claims {nbytes:,} bytes of data but holds "
                             f"{max(held, 0):,}")
        return head

    def peek(self, stem: str, n: int) -> bytes:
        """The first ``n`` raw bytes of ``<stem>.npy`` (header included), unchecked."""
        with self._open(stem) as f:
            return self._guarded(lambda: f.read(n), stem)

    def check(self, stem: str, allowed: dict, max_elements: int) -> NpyHeader:
        """The header of ``<stem>.npy`` after checking it against the bytes held (no data)."""
        with self._open(stem) as f:
            return self._guarded(
                lambda: self._checked_header(f, stem, allowed, None, max_elements), stem)

    def read(self, stem: str, allowed: dict, check_shape, max_elements: int) -> np.ndarray:
        """Read ``<stem>.npy`` after its header passed every check.

        Parameters
        ----------
        stem : str
            Member name without ``.npy`` (must be present: the caller checks first).
        allowed : dict
            Kind -> item sizes accepted, e.g. :data:`FLOATS`.
        check_shape : callable
            ``check_shape(shape)`` returns None when the shape is acceptable, else the reason
            (called before any data is read: this is where a spec's count is enforced).
        max_elements : int
            Largest element count, whatever the item size.

        Returns
        -------
        ndarray
            Native byte order, C order, the header's shape.
        """
        with self._open(stem) as f:
            def work():
                head = self._checked_header(f, stem, allowed, check_shape, max_elements)
                flat = np.empty(head.count, head.dtype)
                view, done = memoryview(flat).cast("B"), 0
                while done < len(view):
                    got = f.readinto(view[done:done + _CHUNK])
                    if not got:
                        raise self._fail(f"{stem}.npy is truncated")
                    done += got
                if f.read(1):  # also makes zipfile compare the CRC
                    raise self._fail(f"{stem}.npy has trailing bytes")
                arr = flat.reshape(head.shape, order="F" if head.fortran else "C")
                return np.ascontiguousarray(arr, dtype=head.dtype.newbyteorder("="))
            return self._guarded(work, stem)
