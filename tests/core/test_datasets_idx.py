"""Tests of IDX reading and writing, including corrupt and hostile files."""

import gzip
import struct

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnviz.core.lessons.datasets.idx import (
    MAGIC_IMAGES,
    MAGIC_LABELS,
    IdxError,
    idx_bytes,
    is_gzip,
    raw_sha256,
    read_idx,
    read_idx_digest,
    write_idx,
)

DTYPES = [np.uint8, np.int8, np.int16, np.int32, np.float32, np.float64]


def _sample(dtype, shape=(3, 4, 5)):
    rng = np.random.default_rng(0)
    if np.issubdtype(dtype, np.integer):
        info = np.iinfo(dtype)
        return rng.integers(info.min, info.max, size=shape, endpoint=True, dtype=dtype)
    return rng.normal(size=shape).astype(dtype)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("gz", [False, True])
def test_round_trip(tmp_path, dtype, gz):
    arr = _sample(dtype)
    path = write_idx(tmp_path / "a.idx", arr, gz=gz)
    assert is_gzip(path) == gz
    out = read_idx(path)
    assert out.dtype == np.dtype(dtype) and out.dtype.isnative
    assert out.shape == arr.shape
    np.testing.assert_array_equal(out, arr)
    out[0] = 0  # writable, not a view of a read-only buffer
    assert not (tmp_path / "a.idx.tmp").exists()


def test_known_bytes_layout(tmp_path):
    arr = np.array([[1, 2, 3], [4, 5, 6]], dtype=np.int16)
    data = idx_bytes(arr)
    assert data[:4] == b"\x00\x00\x0b\x02"
    assert data[4:12] == struct.pack(">II", 2, 3)
    assert data[12:14] == b"\x00\x01"  # big-endian payload
    assert len(data) == 12 + 6 * 2


def test_gzip_detected_by_content_not_name(tmp_path):
    arr = np.arange(10, dtype=np.uint8)
    raw_named_gz = tmp_path / "labels.gz"
    raw_named_gz.write_bytes(idx_bytes(arr))
    gz_named_raw = tmp_path / "labels"
    gz_named_raw.write_bytes(gzip.compress(idx_bytes(arr)))
    np.testing.assert_array_equal(read_idx(raw_named_gz), arr)
    np.testing.assert_array_equal(read_idx(gz_named_raw), arr)


def test_digest_is_of_decompressed_bytes(tmp_path):
    import hashlib

    arr = np.arange(100, dtype=np.uint8).reshape(10, 10)
    raw = idx_bytes(arr)
    p = write_idx(tmp_path / "x.gz", arr, gz=True)
    out, digest = read_idx_digest(p)
    assert digest == hashlib.sha256(raw).hexdigest() == raw_sha256(p)
    np.testing.assert_array_equal(out, arr)


def test_expected_magic(tmp_path):
    p = write_idx(tmp_path / "l", np.zeros(5, dtype=np.uint8))
    assert read_idx(p, expected_magic=MAGIC_LABELS).shape == (5,)
    with pytest.raises(IdxError, match="0x00000803"):
        read_idx(p, expected_magic=MAGIC_IMAGES)


def test_missing_file_is_oserror(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_idx(tmp_path / "nope")


def _write(tmp_path, data, name="f"):
    p = tmp_path / name
    p.write_bytes(data)
    return p


GOOD = idx_bytes(np.arange(24, dtype=np.uint8).reshape(2, 3, 4))


@pytest.mark.parametrize(
    "data, match",
    [
        (b"\x01\x00\x08\x01" + GOOD[4:], "bad magic"),
        (b"PK\x03\x04" + GOOD[4:], "bad magic"),
        (b"\x00\x00\x07\x03" + GOOD[4:], "unsupported element type 0x07"),
        (b"\x00\x00\x08\x00", "0 dimensions"),
        (b"\x00\x00\x08\x64" + struct.pack(">100I", *[1] * 100) + b"\x05", "100 dimensions"),
        (b"", "header truncated"),
        (GOOD[:3], "header truncated"),
        (GOOD[:9], "header truncated"),
        (GOOD[:-1], "truncated"),
        (GOOD[:16], "truncated"),
        (GOOD + b"\x00", "trailing"),
        (GOOD + b"garbage", "trailing"),
        (b"\x00\x00\x08\x03" + struct.pack(">III", 2**32 - 1, 2**32 - 1, 2**32 - 1), "limit"),
        (b"\x00\x00\x0e\x01" + struct.pack(">I", 2**31), "limit"),
    ],
)
@pytest.mark.parametrize("gz", [False, True])
def test_refuses_bad_files(tmp_path, data, match, gz):
    p = _write(tmp_path, gzip.compress(data) if gz else data)
    with pytest.raises(IdxError, match=match) as info:
        read_idx(p)
    assert str(p) in str(info.value)


def test_corrupt_gzip(tmp_path):
    comp = bytearray(gzip.compress(GOOD))
    cases = {
        "truncated": bytes(comp[: len(comp) // 2]),
        "bad crc": bytes(comp[:-8]) + b"\x00\x00\x00\x00" + bytes(comp[-4:]),
        "garbage deflate": bytes(comp[:10]) + b"\xff" * 20,
        "trailing junk": bytes(comp) + b"junkjunk",
        "only magic": b"\x1f\x8b",
    }
    for label, data in cases.items():
        p = _write(tmp_path, data, name=label.replace(" ", "_"))
        with pytest.raises(IdxError) as info:
            read_idx(p)
        assert str(p) in str(info.value), label
        with pytest.raises(IdxError):
            raw_sha256(p)


def test_huge_claim_refused_before_allocation(tmp_path, monkeypatch):
    # 1 x 2**32-1 x 2**32-1 float64: an allocation would raise MemoryError.
    data = b"\x00\x00\x0e\x03" + struct.pack(">III", 1, 2**32 - 1, 2**32 - 1)
    p = _write(tmp_path, data)
    with pytest.raises(IdxError, match="refusing"):
        read_idx(p)
    # A custom limit also applies.
    small = _write(tmp_path, GOOD, name="small")
    with pytest.raises(IdxError, match="limit"):
        read_idx(small, max_bytes=10)
    assert read_idx(small, max_bytes=24).shape == (2, 3, 4)


def test_zero_sized_dimension(tmp_path):
    arr = np.zeros((0, 28, 28), dtype=np.uint8)
    assert read_idx(write_idx(tmp_path / "e", arr)).shape == (0, 28, 28)


def test_write_rejects_unsupported(tmp_path):
    for bad in (np.zeros(3, dtype=np.int64), np.zeros(3, dtype=bool), np.float64(1.0)):
        with pytest.raises(ValueError):
            write_idx(tmp_path / "bad", bad)
    assert not (tmp_path / "bad").exists()


# --- property test: mutated files never give a silently wrong array ---------

_BASES = [
    np.arange(60, dtype=np.uint8).reshape(3, 4, 5),
    np.arange(-6, 6, dtype=np.int16).reshape(4, 3),
    np.arange(7, dtype=np.int32) * 1000,
    np.linspace(-1, 1, 6, dtype=np.float32).reshape(2, 3),
    np.arange(5, dtype=np.float64),
]

_mutation = st.one_of(
    st.tuples(st.just("truncate"), st.integers(0, 200)),
    st.tuples(st.just("flip"), st.integers(0, 200), st.integers(1, 255)),
    st.tuples(st.just("append"), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("insert"), st.integers(0, 200), st.binary(min_size=1, max_size=4)),
    st.tuples(st.just("delete"), st.integers(0, 200), st.integers(1, 8)),
    st.tuples(st.just("setbyte"), st.integers(0, 15), st.integers(0, 255)),
)


def _mutate(data: bytes, mutation) -> bytes:
    op, *args = mutation
    b = bytearray(data)
    if op == "truncate":
        return bytes(b[: args[0] % (len(b) + 1)])
    if not b and op not in ("append", "insert"):
        return data
    if op == "flip":
        i = args[0] % len(b)
        b[i] ^= args[1]
    elif op == "append":
        b += args[0]
    elif op == "insert":
        i = args[0] % (len(b) + 1)
        b[i:i] = args[1]
    elif op == "delete":
        i = args[0] % len(b)
        del b[i : i + args[1]]
    elif op == "setbyte":
        b[args[0] % len(b)] = args[1]
    return bytes(b)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    base=st.sampled_from(range(len(_BASES))),
    mutations=st.lists(_mutation, min_size=1, max_size=3),
    compress_first=st.booleans(),
)
def test_mutated_file_is_correct_array_or_idxerror(tmp_path, base, mutations, compress_first):
    raw = idx_bytes(_BASES[base])
    data = gzip.compress(raw, mtime=0) if compress_first else raw
    for m in mutations:
        data = _mutate(data, m)
    p = tmp_path / "fuzz"
    p.write_bytes(data)
    try:
        arr = read_idx(p)
    except IdxError:
        return
    # Accepted: the array must be exactly what the (decompressed) bytes encode.
    # gzip.decompress must not fail if read_idx accepted the file.
    content = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
    assert idx_bytes(arr) == content


# --- hostile headers: the claim is checked before the payload is inflated -----------------


def _gzip_bomb(tmp_path, images=2_550_000):
    """The issue's bomb: ``images`` 28x28 images, claimed and present (2 GB in 2 MB)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[1] / "fuzz"))
    from fuzz_zip import gzip_zeros

    data = gzip_zeros(struct.pack(">IIII", MAGIC_IMAGES, images, 28, 28), images * 28 * 28)
    return _write(tmp_path, data, name="train-images-idx3-ubyte.gz")


def _refused_quickly(fn, match):
    import time
    import tracemalloc

    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        with pytest.raises(Exception, match=match):
            fn()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - t0 < 2 and peak < 4 * 2**20


def test_gzip_bomb_is_refused_from_its_header(tmp_path):
    bomb = _gzip_bomb(tmp_path)
    assert bomb.stat().st_size < 3 * 2**20
    # 2.55M images are 2 GB: over the default limit (was read in full: 4.2 GB, 14 s)
    _refused_quickly(lambda: read_idx(bomb), "limit")
    _refused_quickly(lambda: read_idx(bomb, expected_dims=(60000, 28, 28)),
                     r"claims dims \(2550000, 28, 28\) but \(60000, 28, 28\)")


def test_mnist_refuses_a_bomb_before_decompressing_it(tmp_path):
    from nnviz.core.lessons.datasets import DatasetCorrupt, load_mnist

    _gzip_bomb(tmp_path)
    for name, n in (("train-labels-idx1-ubyte", 60000), ("t10k-labels-idx1-ubyte", 10000)):
        write_idx(tmp_path / name, np.zeros(n, np.uint8))
    write_idx(tmp_path / "t10k-images-idx3-ubyte", np.zeros((10, 28, 28), np.uint8))
    for verify in (True, "fast", False):  # without count checks: at most 10x the images
        _refused_quickly(lambda v=verify: load_mnist(tmp_path, verify=v), "claims dims|limit")
    with pytest.raises(DatasetCorrupt):
        load_mnist(tmp_path, verify=False)


def test_expected_dims_accepts_the_right_file(tmp_path):
    p = write_idx(tmp_path / "x", np.arange(24, dtype=np.uint8).reshape(2, 3, 4), gz=True)
    assert read_idx(p, expected_dims=(2, 3, 4)).shape == (2, 3, 4)
    with pytest.raises(IdxError, match="are expected"):
        read_idx(p, expected_dims=(2, 3, 5))


@pytest.mark.parametrize("gz", [False, True])
def test_an_empty_array_with_impossible_dimensions_is_refused(tmp_path, gz):
    # found by scripts/fuzz-loaders: 0 x 2**31 x 2**31 x 2**31 is 0 bytes, but no array can
    # have that shape (NumPy raised ValueError from reshape: a traceback)
    data = b"\x00\x00\x0e\x04" + struct.pack(">IIII", 2**31, 2**31, 2**31, 0)
    p = _write(tmp_path, gzip.compress(data) if gz else data)
    with pytest.raises(IdxError, match="impossible even for an empty array"):
        read_idx(p)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_not_read(device):
    with pytest.raises(IdxError, match="device"):
        read_idx(device)
