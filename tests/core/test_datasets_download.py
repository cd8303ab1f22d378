"""Tests of download_mnist against a local HTTP server (never the internet)."""

import gzip
import hashlib
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest

from nnviz.core.lessons.datasets import (
    DownloadCancelled,
    DownloadError,
    download_mnist,
    idx_bytes,
    read_idx,
)

FILES = ("train-labels-idx1-ubyte", "t10k-images-idx3-ubyte")


def _payloads():
    rng = np.random.default_rng(42)
    arrays = {
        "train-labels-idx1-ubyte": rng.integers(0, 10, 500, dtype=np.uint8),
        # Random pixels compress badly, so the .gz is a few KiB: many chunks.
        "t10k-images-idx3-ubyte": rng.integers(0, 256, (8, 28, 28), dtype=np.uint8),
    }
    raw = {name: idx_bytes(a) for name, a in arrays.items()}
    gz = {name: gzip.compress(data, mtime=0) for name, data in raw.items()}
    sums = {name: hashlib.sha256(data).hexdigest() for name, data in raw.items()}
    return arrays, raw, gz, sums


ARRAYS, RAW, GZ, SUMS = _payloads()


class _Server:
    """Serves ``routes`` (URL path -> bytes) with optional Range support."""

    def __init__(self):
        self.routes = {}
        self.log = []  # (path, Range header or None)
        self.ignore_range = False
        self.cut_after = {}  # path -> bytes sent before dropping the connection
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                rng = self.headers.get("Range")
                outer.log.append((self.path, rng))
                data = outer.routes.get(self.path)
                if data is None:
                    self.send_error(404, "Not Found")
                    return
                start = 0
                m = re.fullmatch(r"bytes=(\d+)-", rng or "")
                if m and not outer.ignore_range:
                    start = int(m.group(1))
                    if start >= len(data):
                        self.send_response(416)
                        self.send_header("Content-Range", f"bytes */{len(data)}")
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    self.send_response(206)
                    self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
                else:
                    self.send_response(200)
                body = data[start:]
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                cut = outer.cut_after.get(self.path)
                if cut is not None:
                    self.wfile.write(body[:cut])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def mirror(self, prefix, files=GZ):
        for name, data in files.items():
            self.routes[f"/{prefix}/{name}.gz"] = data
        return f"{self.base}/{prefix}/"

    def requests_for(self, name):
        return [(p, r) for p, r in self.log if p.endswith(f"/{name}.gz")]

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


@pytest.fixture
def server():
    s = _Server()
    yield s
    s.close()


def _download(dest, mirrors, **kw):
    return download_mnist(dest, mirrors=mirrors, checksums=SUMS, files=FILES, timeout=5, **kw)


def _assert_complete(dest):
    for name in FILES:
        assert (dest / name).read_bytes() == RAW[name]
        np.testing.assert_array_equal(read_idx(dest / name), ARRAYS[name])
    leftovers = [p.name for p in dest.iterdir() if p.name.endswith((".part", ".tmp"))]
    assert leftovers == []


def test_success(server, tmp_path):
    m1 = server.mirror("m1")
    dest = tmp_path / "out" / "mnist"
    assert _download(dest, [m1]) == dest
    _assert_complete(dest)
    assert sorted(p for p, _ in server.log) == sorted(f"/m1/{n}.gz" for n in FILES)
    # Second run: files present and verified, no request at all.
    server.log.clear()
    _download(dest, [m1])
    assert server.log == []


def test_progress_monotone(server, tmp_path):
    m1 = server.mirror("m1")
    calls = []
    _download(tmp_path, [m1], progress=lambda d, t, f: calls.append((d, t, f)), chunk_size=512)
    for name in FILES:
        mine = [(d, t) for d, t, f in calls if f == name]
        assert len(mine) >= 2
        done = [d for d, _ in mine]
        assert done == sorted(done) and done[0] == 0
        assert done[-1] == len(GZ[name])
        assert {t for _, t in mine} == {len(GZ[name])}
    assert len([c for c in calls if c[2] == "t10k-images-idx3-ubyte"]) > 5


def test_cancel_midway_then_resume(server, tmp_path):
    m1 = server.mirror("m1")
    name = "t10k-images-idx3-ubyte"
    seen = []

    def progress(done, total, filename):
        seen.append((done, filename))

    def cancel():
        return any(d > 1000 and f == name for d, f in seen)

    with pytest.raises(DownloadCancelled):
        _download(tmp_path, [m1], progress=progress, cancel=cancel, chunk_size=256)
    assert not (tmp_path / name).exists()
    assert not (tmp_path / f"{name}.tmp").exists()
    part = tmp_path / f"{name}.gz.part"
    assert 1000 < part.stat().st_size < len(GZ[name])
    # The first file finished before the cancel and is complete.
    assert (tmp_path / FILES[0]).read_bytes() == RAW[FILES[0]]

    offset = part.stat().st_size
    server.log.clear()
    _download(tmp_path, [m1])
    _assert_complete(tmp_path)
    assert server.requests_for(name) == [(f"/m1/{name}.gz", f"bytes={offset}-")]


def test_cancel_before_start(server, tmp_path):
    m1 = server.mirror("m1")
    with pytest.raises(DownloadCancelled):
        _download(tmp_path, [m1], cancel=lambda: True)
    assert list(tmp_path.iterdir()) == []
    assert server.log == []


def test_resume_with_range(server, tmp_path):
    m1 = server.mirror("m1")
    name = "t10k-images-idx3-ubyte"
    (tmp_path / f"{name}.gz.part").write_bytes(GZ[name][:777])
    progress = []
    _download(tmp_path, [m1], progress=lambda d, t, f: progress.append((d, t, f)))
    _assert_complete(tmp_path)
    assert server.requests_for(name) == [(f"/m1/{name}.gz", "bytes=777-")]
    first = next((d, t) for d, t, f in progress if f == name)
    assert first == (777, len(GZ[name]))


def test_resume_server_without_range_support(server, tmp_path):
    m1 = server.mirror("m1")
    server.ignore_range = True
    name = "t10k-images-idx3-ubyte"
    (tmp_path / f"{name}.gz.part").write_bytes(GZ[name][:777])
    _download(tmp_path, [m1])
    _assert_complete(tmp_path)


def test_resume_of_foreign_part_retries_clean(server, tmp_path):
    m1 = server.mirror("m1")
    name = "t10k-images-idx3-ubyte"
    # A partial file that does not belong to this download.
    (tmp_path / f"{name}.gz.part").write_bytes(gzip.compress(b"x" * 5000)[:40])
    _download(tmp_path, [m1])
    _assert_complete(tmp_path)
    assert server.requests_for(name) == [(f"/m1/{name}.gz", "bytes=40-"), (f"/m1/{name}.gz", None)]


def test_complete_part_is_installed_without_network(server, tmp_path):
    m1 = server.mirror("m1")
    for name in FILES:
        (tmp_path / f"{name}.gz.part").write_bytes(GZ[name])
    _download(tmp_path, [m1])
    _assert_complete(tmp_path)
    assert server.log == []


def test_corrupt_first_mirror_then_good(server, tmp_path):
    bad = {n: gzip.compress(idx_bytes(np.zeros(3, dtype=np.uint8))) for n in FILES}
    m1 = server.mirror("bad", files=bad)
    m2 = server.mirror("good")
    _download(tmp_path, [m1, m2])
    _assert_complete(tmp_path)
    for name in FILES:
        assert [p for p, _ in server.requests_for(name)] == [f"/bad/{name}.gz", f"/good/{name}.gz"]


def test_not_gzip_on_first_mirror(server, tmp_path):
    m1 = server.mirror("html", files={n: b"<html>blocked</html>" for n in FILES})
    m2 = server.mirror("good")
    _download(tmp_path, [m1, m2])
    _assert_complete(tmp_path)


def test_connection_dropped_then_resumed_from_next_mirror(server, tmp_path):
    name = "t10k-images-idx3-ubyte"
    m1 = server.mirror("flaky")
    server.cut_after[f"/flaky/{name}.gz"] = 1500
    m2 = server.mirror("good")
    _download(tmp_path, [m1, m2])
    _assert_complete(tmp_path)
    assert server.requests_for(name)[-1] == (f"/good/{name}.gz", "bytes=1500-")


def test_all_mirrors_fail(server, tmp_path):
    bad = {n: gzip.compress(b"\x00\x00\x08\x01\x00\x00\x00\x01\x07") for n in FILES}
    m1 = f"{server.base}/missing/"
    m2 = server.mirror("bad", files=bad)
    with pytest.raises(DownloadError) as info:
        _download(tmp_path, [m1, m2])
    msg = str(info.value)
    assert f"{m1}{FILES[0]}.gz: HTTP 404" in msg
    assert f"{m2}{FILES[0]}.gz: checksum mismatch" in msg
    assert list(tmp_path.iterdir()) == []


def test_unreachable_mirror(tmp_path):
    with pytest.raises(DownloadError, match="cannot connect"):
        # Port 9 on localhost (discard) is closed: refused at once, no internet.
        _download(tmp_path, ["http://127.0.0.1:9/"])


def test_wrong_final_file_is_replaced(server, tmp_path):
    m1 = server.mirror("m1")
    (tmp_path / FILES[0]).write_bytes(b"stale")
    _download(tmp_path, [m1])
    _assert_complete(tmp_path)


def test_default_checksums_are_the_real_table(server, tmp_path):
    m1 = server.mirror("m1")
    with pytest.raises(DownloadError, match="checksum mismatch"):
        download_mnist(tmp_path, mirrors=[m1], files=FILES, timeout=5)
    assert not (tmp_path / FILES[0]).exists()


def test_without_checksum_entry_idx_is_validated(server, tmp_path):
    m1 = server.mirror("junk", files={n: gzip.compress(b"not an idx file") for n in FILES})
    with pytest.raises(DownloadError, match="not a valid IDX"):
        download_mnist(tmp_path, mirrors=[m1], files=FILES, checksums={}, timeout=5)
    m2 = server.mirror("good")
    download_mnist(tmp_path, mirrors=[m2], files=FILES, checksums={}, timeout=5)
    _assert_complete(tmp_path)


def test_bad_mirror_scheme(tmp_path):
    with pytest.raises(ValueError, match="http"):
        download_mnist(tmp_path, mirrors=["file:///etc/"], files=FILES)


def test_oversized_part_gets_416_then_clean_retry(server, tmp_path):
    m1 = server.mirror("m1")
    name = "t10k-images-idx3-ubyte"
    size = len(GZ[name]) + 10
    (tmp_path / f"{name}.gz.part").write_bytes(b"\x00" * size)
    _download(tmp_path, [m1])
    _assert_complete(tmp_path)
    assert server.requests_for(name) == [
        (f"/m1/{name}.gz", f"bytes={size}-"),
        (f"/m1/{name}.gz", None),
    ]
