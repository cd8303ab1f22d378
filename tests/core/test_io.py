"""Model files (.npz, atomic) and the restricted unpickler for pickled weight dicts."""

import os
import pickle

import numpy as np
import pytest

from nnviz.core.files.io import (
    ModelFileError,
    check_npz,
    load_any_weights,
    load_model,
    load_weight_pickle,
    network_from_weight_dict,
    save_model,
)
from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import NetworkSpec


def _net(dtype="float64"):
    spec = NetworkSpec.mlp((4, 3, 2), ("prelu", "softmax"), seed=3, name="t")
    return Network.from_spec(spec, dtype=dtype)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_model_round_trip(tmp_path, dtype):
    net = _net(dtype)
    path = tmp_path / "m.npz"
    save_model(path, net, {"preset": "x"})
    back, extra = load_model(path)
    assert back.spec == net.spec and back.dtype == net.dtype
    assert np.array_equal(back.params, net.params)
    assert extra == {"preset": "x"}
    assert load_any_weights(path)[0].spec == net.spec


def test_interrupted_save_keeps_the_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "m.npz"
    save_model(path, _net())
    before = path.read_bytes()

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(np, "savez", boom)
    with pytest.raises(OSError):
        save_model(path, _net())
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["m.npz"]  # no temp file left behind


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04garbage", b"not a zip at all"])
def test_corrupt_model_files_are_refused(tmp_path, content):
    path = tmp_path / "bad.npz"
    path.write_bytes(content)
    with pytest.raises(ModelFileError):
        load_model(path)


def test_truncated_model_file_is_refused(tmp_path):
    path = tmp_path / "m.npz"
    save_model(path, _net())
    data = path.read_bytes()
    for cut in (10, len(data) // 2, len(data) - 5):
        path.write_bytes(data[:cut])
        with pytest.raises(ModelFileError):
            load_model(path)


def test_sample_weight_dict_is_imported_and_matches_numpy(tmp_path):
    rng = np.random.default_rng(0)
    w = {"W1": rng.normal(size=(784, 50)), "b1": rng.normal(size=50),
         "W2": rng.normal(size=(50, 100)), "b2": rng.normal(size=100),
         "W3": rng.normal(size=(100, 10)), "b3": rng.normal(size=10)}
    path = tmp_path / "sample_weight.pkl"
    path.write_bytes(pickle.dumps(w))
    net, _ = load_any_weights(path)
    assert net.spec.sizes == (784, 50, 100, 10)
    assert [layer.activation for layer in net.spec.layers] == ["sigmoid", "sigmoid", "softmax"]
    x = rng.uniform(size=(5, 784))

    def sig(a):
        return 1 / (1 + np.exp(-a))

    z = sig(x @ w["W1"] + w["b1"])
    z = sig(z @ w["W2"] + w["b2"])
    a = z @ w["W3"] + w["b3"]
    y = np.exp(a - a.max(1, keepdims=True))
    np.testing.assert_allclose(net.forward(x), y / y.sum(1, keepdims=True), rtol=1e-10)


class _Evil:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_hostile_pickle_does_not_execute(tmp_path):
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.pkl"
    path.write_bytes(pickle.dumps({"W1": _Evil(marker)}))
    with pytest.raises(ModelFileError, match="refused"):
        load_weight_pickle(path)
    assert not marker.exists()
    path.write_bytes(pickle.dumps(_Evil(marker), protocol=0))
    with pytest.raises(ModelFileError, match="refused"):
        load_any_weights(path)
    assert not marker.exists()


@pytest.mark.parametrize("obj,match", [
    ([1, 2, 3], "not a dict"),
    ({"a": "text"}, "no numeric arrays"),
    ({"W1": np.zeros((3, 2)), "W2": np.zeros((5, 1))}, "rows"),
    ({"W1": np.zeros((3, 2)), "b1": np.zeros(7)}, "b1"),
    ({"W1": np.full((3, 2), np.nan)}, "finite"),
])
def test_unusable_weight_dicts_are_refused(tmp_path, obj, match):
    path = tmp_path / "w.pkl"
    path.write_bytes(pickle.dumps(obj))
    with pytest.raises(ModelFileError, match=match):
        network_from_weight_dict(load_weight_pickle(path))


def test_truncated_pickle_is_refused(tmp_path):
    data = pickle.dumps({"W1": np.zeros((3, 2))})
    path = tmp_path / "w.pkl"
    for cut in (1, len(data) // 2, len(data) - 1):
        path.write_bytes(data[:cut])
        with pytest.raises(ModelFileError):
            load_weight_pickle(path)


def _zip_with(path, members: dict[str, bytes], compress=True):
    import zipfile

    mode = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(path, "w", mode) as z:
        for name, data in members.items():
            z.writestr(name, data)


def _npy_bytes(arr) -> bytes:
    import io

    buf = io.BytesIO()
    np.save(buf, arr)
    return buf.getvalue()


def test_zip_bomb_model_is_refused_before_inflating(tmp_path, monkeypatch):
    import nnviz.core.files.io as io_mod
    from nnviz.core.files.session import SessionFileError, load_session

    monkeypatch.setattr(io_mod, "MAX_UNPACKED_BYTES", 1_000_000)
    path = tmp_path / "bomb.npz"
    # 8 MB of zeros compress to a few kB
    _zip_with(path, {"params.npy": _npy_bytes(np.zeros(1_000_000)), "meta.npy": b"x"})
    assert path.stat().st_size < 100_000
    with pytest.raises(ModelFileError, match="unpack to"):
        load_model(path)
    with pytest.raises(SessionFileError, match="unpack to"):
        load_session(path)


def test_npz_header_claiming_more_than_it_holds_is_refused(tmp_path):
    import io

    header = np.lib.format.header_data_from_array_1_0(np.zeros(4))
    header["shape"] = (10**12,)  # 8 TB claimed
    buf = io.BytesIO()
    np.lib.format.write_array_header_1_0(buf, header)
    lying = buf.getvalue() + np.zeros(4).tobytes()  # the header, then only 4 doubles
    path = tmp_path / "lying.npz"
    _zip_with(path, {"params.npy": lying, "meta.npy": _npy_bytes(np.zeros(3, np.uint8))})
    with pytest.raises(ModelFileError, match="claims"):
        load_model(path)


def test_too_many_members_are_refused(tmp_path):
    path = tmp_path / "many.npz"
    _zip_with(path, {f"a{i}.npy": _npy_bytes(np.zeros(1)) for i in range(100)})
    with pytest.raises(ModelFileError, match="100 arrays"):
        load_model(path)


def test_a_real_model_passes_the_size_check(tmp_path):
    net = Network.from_spec(NetworkSpec.mlp((3, 4, 2), ("sigmoid", "softmax"), seed=0))
    save_model(tmp_path / "m.npz", net)
    check_npz(tmp_path / "m.npz")
    back, _ = load_model(tmp_path / "m.npz")
    np.testing.assert_array_equal(back.params, net.params)
