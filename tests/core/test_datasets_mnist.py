"""Tests of MNIST locating, validation and loading, on small synthetic files."""

import hashlib
import sys
from pathlib import Path

import numpy as np
import pytest

import nnviz.core.lessons.datasets.mnist as mnist_mod
from nnviz.core.lessons.datasets import (
    FASHION_CLASSES,
    MNIST_FILES,
    DatasetCorrupt,
    DatasetError,
    DatasetNotFound,
    MnistSpec,
    bundled_data_dir,
    find_all_locations,
    idx_bytes,
    load_mnist,
    locate_mnist,
    normalize_course,
    normalize_unit,
    user_data_dir,
    write_idx,
)

N_TRAIN, N_TEST = 30, 10


def _make(folder: Path, gz=False, n_train=N_TRAIN, n_test=N_TEST, seed=0):
    """Write a tiny MNIST-like set; return (arrays, spec with its real hashes)."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    arrays = {
        "train-images-idx3-ubyte": rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8),
        "train-labels-idx1-ubyte": (np.arange(n_train) % 10).astype(np.uint8),
        "t10k-images-idx3-ubyte": rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
        "t10k-labels-idx1-ubyte": (np.arange(n_test) % 10).astype(np.uint8),
    }
    sums = {}
    for name, arr in arrays.items():
        gz_this = gz if isinstance(gz, bool) else name in gz
        write_idx(folder / (name + (".gz" if gz_this else "")), arr, gz=gz_this)
        sums[name] = hashlib.sha256(idx_bytes(arr)).hexdigest()
    spec = MnistSpec(
        n_train=n_train,
        n_test=n_test,
        label_counts={
            "train": np.bincount(arrays["train-labels-idx1-ubyte"], minlength=10).tolist(),
            "test": np.bincount(arrays["t10k-labels-idx1-ubyte"], minlength=10).tolist(),
        },
        sha256=sums,
    )
    return arrays, spec


@pytest.fixture(autouse=True)
def _isolated_locations(tmp_path, monkeypatch):
    """Point every search location into tmp_path so real data never interferes."""
    monkeypatch.setenv("NNVIZ_DATA_DIR", str(tmp_path / "user"))
    monkeypatch.setenv("NNVIZ_BUNDLED_DATA", str(tmp_path / "bundled"))
    monkeypatch.setattr(mnist_mod, "_SYSTEM_DIRS", {})


@pytest.mark.parametrize("gz", [False, True, {"train-images-idx3-ubyte"}])
def test_load_synthetic(tmp_path, gz):
    arrays, spec = _make(tmp_path / "d", gz=gz)
    ds = load_mnist(tmp_path / "d", spec=spec)
    assert ds.name == "mnist"
    assert ds.x_train.shape == (N_TRAIN, 784) and ds.x_test.shape == (N_TEST, 784)
    assert ds.x_train.dtype == np.float32
    assert ds.input_shape == (28, 28)
    np.testing.assert_array_equal(
        ds.x_train.reshape(-1, 28, 28), arrays["train-images-idx3-ubyte"].astype(np.float32)
    )
    np.testing.assert_array_equal(ds.y_test, arrays["t10k-labels-idx1-ubyte"])
    assert ds.y_train.dtype.kind == "i"
    assert ds.x_train.max() > 200  # not normalised
    assert ds.class_names == tuple("0123456789") and ds.n_classes == 10


def test_load_fashion_class_names(tmp_path):
    _, spec = _make(tmp_path / "d")
    ds = load_mnist(tmp_path / "d", kind="fashion", spec=spec)
    assert ds.class_names == FASHION_CLASSES and ds.name == "fashion"
    assert load_mnist(tmp_path / "d", kind="Fashion-MNIST", spec=spec).name == "fashion"


def test_checksum_mismatch(tmp_path):
    _, spec = _make(tmp_path / "d")
    bad = dict(spec.sha256, **{"t10k-labels-idx1-ubyte": "0" * 64})
    spec_bad = MnistSpec(N_TRAIN, N_TEST, label_counts=spec.label_counts, sha256=bad)
    with pytest.raises(DatasetCorrupt, match=r"t10k-labels-idx1-ubyte.*checksum") as info:
        load_mnist(tmp_path / "d", spec=spec_bad)
    assert "python -m nnviz data --fetch" in str(info.value)
    with pytest.raises(DatasetCorrupt):
        load_mnist(tmp_path / "d", spec=spec_bad, verify="full")
    # "fast" skips the hash but keeps the other checks.
    assert load_mnist(tmp_path / "d", spec=spec_bad, verify="fast").x_test.shape == (10, 784)


def test_default_spec_is_the_real_one(tmp_path):
    _make(tmp_path / "d")
    # the header's counts are checked before the payload is read (and before the checksum)
    for verify in (True, "fast"):
        with pytest.raises(DatasetCorrupt,
                           match=r"claims dims \(30, 28, 28\) but \(60000, 28, 28\)"):
            load_mnist(tmp_path / "d", verify=verify)
    assert load_mnist(tmp_path / "d", verify=False).x_train.shape == (30, 784)


def test_label_counts_checked(tmp_path):
    _make(tmp_path / "d")
    counts = {"train": [3] * 10, "test": [2] + [1] * 8 + [0]}
    spec2 = MnistSpec(N_TRAIN, N_TEST, label_counts=counts, sha256=None)
    with pytest.raises(DatasetCorrupt, match="label counts"):
        load_mnist(tmp_path / "d", spec=spec2, verify="fast")
    assert load_mnist(tmp_path / "d", spec=spec2, verify=False).y_train.shape == (30,)


def test_shape_checked(tmp_path):
    _make(tmp_path / "d")
    spec2 = MnistSpec(N_TRAIN + 1, N_TEST, sha256=None)
    with pytest.raises(DatasetCorrupt, match=r"\(31, 28, 28\) are expected"):
        load_mnist(tmp_path / "d", spec=spec2, verify="fast")
    spec3 = MnistSpec(N_TRAIN, N_TEST, image_shape=(14, 14), sha256=None)
    with pytest.raises(DatasetCorrupt, match=r"\(30, 14, 14\) are expected"):
        load_mnist(tmp_path / "d", spec=spec3, verify="fast")


def test_label_range_checked_even_without_verify(tmp_path):
    _make(tmp_path / "d")
    labels = np.full(N_TEST, 10, dtype=np.uint8)
    write_idx(tmp_path / "d" / "t10k-labels-idx1-ubyte", labels)
    with pytest.raises(DatasetCorrupt, match=r"labels outside 0\.\.9"):
        load_mnist(tmp_path / "d", verify=False)


def test_image_label_count_mismatch(tmp_path):
    _make(tmp_path / "d")
    write_idx(tmp_path / "d" / "t10k-labels-idx1-ubyte", np.zeros(N_TEST + 1, dtype=np.uint8))
    with pytest.raises(DatasetCorrupt, match="do not match"):
        load_mnist(tmp_path / "d", verify=False)


def test_corrupt_idx_becomes_dataset_error(tmp_path):
    _make(tmp_path / "d")
    p = tmp_path / "d" / "train-images-idx3-ubyte"
    p.write_bytes(p.read_bytes()[:-5])
    with pytest.raises(DatasetCorrupt, match="truncated") as info:
        load_mnist(tmp_path / "d", verify=False)
    assert str(p) in str(info.value) and "--fetch" in str(info.value)
    assert isinstance(info.value, DatasetError)


def test_swapped_files_wrong_magic(tmp_path):
    _make(tmp_path / "d")
    labels = (tmp_path / "d" / "train-labels-idx1-ubyte").read_bytes()
    (tmp_path / "d" / "train-images-idx3-ubyte").write_bytes(labels)
    with pytest.raises(DatasetCorrupt, match="magic"):
        load_mnist(tmp_path / "d", verify=False)


def test_missing_file(tmp_path):
    _make(tmp_path / "d")
    (tmp_path / "d" / "t10k-images-idx3-ubyte").unlink()
    with pytest.raises(DatasetNotFound, match="t10k-images-idx3-ubyte"):
        load_mnist(tmp_path / "d", verify=False)


def test_bad_arguments(tmp_path):
    _make(tmp_path / "d")
    with pytest.raises(ValueError, match="verify"):
        load_mnist(tmp_path / "d", verify="yes")
    with pytest.raises(ValueError, match="kind"):
        load_mnist(tmp_path / "d", kind="cifar")


def test_normalize():
    x = np.array([0, 255, 127.5], dtype=np.float32)
    c = normalize_course(x)
    assert c.dtype == np.float32
    np.testing.assert_allclose(c, [0.01, 1.0, 0.505], rtol=1e-6)
    u = normalize_unit(np.array([0, 255, 51], dtype=np.uint8))
    assert u.dtype == np.float64
    np.testing.assert_allclose(u, [0.0, 1.0, 0.2])
    assert x[1] == 255  # input untouched


# --- locations -------------------------------------------------------------


def test_user_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("NNVIZ_DATA_DIR", str(tmp_path / "x"))
    assert user_data_dir() == tmp_path / "x"
    monkeypatch.delenv("NNVIZ_DATA_DIR")
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert user_data_dir() == tmp_path / "xdg" / "nnviz"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert user_data_dir() == tmp_path / "home" / ".local" / "share" / "nnviz"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert user_data_dir() == tmp_path / "home" / "Library" / "Application Support" / "nnviz"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert user_data_dir() == tmp_path / "local" / "nnviz"


def test_bundled_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("NNVIZ_BUNDLED_DATA", str(tmp_path / "b"))
    assert bundled_data_dir() == tmp_path / "b"
    monkeypatch.delenv("NNVIZ_BUNDLED_DATA")
    import nnviz

    assert bundled_data_dir() == Path(nnviz.__file__).resolve().parent / "data"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "mei"), raising=False)
    assert bundled_data_dir() == tmp_path / "mei" / "data"


def test_locate_order(tmp_path):
    _make(tmp_path / "bundled" / "mnist")
    assert locate_mnist() == tmp_path / "bundled" / "mnist"
    _make(tmp_path / "user" / "mnist", gz=True)
    assert locate_mnist() == tmp_path / "user" / "mnist"
    _make(tmp_path / "given")
    assert locate_mnist(user_path=tmp_path / "given") == tmp_path / "given"
    # The kind sub-folder of the given folder is also searched.
    _make(tmp_path / "given2" / "mnist")
    assert locate_mnist(user_path=tmp_path / "given2") == tmp_path / "given2" / "mnist"
    # A given folder without the files falls through to the next location.
    assert locate_mnist(user_path=tmp_path / "empty") == tmp_path / "user" / "mnist"


def test_locate_needs_all_four(tmp_path):
    _make(tmp_path / "user" / "mnist")
    (tmp_path / "user" / "mnist" / MNIST_FILES[1]).unlink()
    with pytest.raises(DatasetNotFound):
        locate_mnist()


def test_not_found_message_lists_everything(tmp_path):
    with pytest.raises(DatasetNotFound) as info:
        locate_mnist(user_path=tmp_path / "mine")
    msg = str(info.value)
    assert msg.startswith("MNIST not found. Looked in:")
    for p in (tmp_path / "mine", tmp_path / "user" / "mnist", tmp_path / "bundled" / "mnist"):
        assert str(p) in msg
    assert "python -m nnviz data --fetch" in msg and "--data-dir" in msg
    with pytest.raises(DatasetNotFound, match="Fashion-MNIST not found"):
        locate_mnist("fashion")
    with pytest.raises(DatasetNotFound):
        load_mnist()


def test_find_all_locations(tmp_path, monkeypatch):
    _make(tmp_path / "bundled" / "fashion")
    monkeypatch.setattr(mnist_mod, "_SYSTEM_DIRS", {"fashion": (tmp_path / "sys",)})
    monkeypatch.setattr(sys, "platform", "linux")
    locs = find_all_locations("fashion", user_path=tmp_path / "g")
    assert [(label, found) for label, _, found in locs] == [
        ("given folder", False),
        ("given folder", False),
        ("user data folder", False),
        ("bundled with nnviz", True),
        ("system package", False),
    ]
    assert locs[2][1] == tmp_path / "user" / "fashion"
    assert locs[4][1] == tmp_path / "sys"
    assert [label for label, _, _ in find_all_locations("mnist")] == [
        "user data folder",
        "bundled with nnviz",
    ]
