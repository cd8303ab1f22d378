"""The pretrained MNIST network: deterministic training, the accuracy it must reach, the script,
and the lesson opening with it (nnviz/core/lessons/pretrained.py, scripts/train-pretrained)."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nnviz.core.files.io import load_model, save_model
from nnviz.core.lessons import pretrained
from nnviz.core.lessons.presets import Preset, get_preset
from nnviz.core.nn.spec import SpecError

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "train-pretrained"


@pytest.fixture(scope="module")
def lesson_data(mnist_folder):
    return get_preset("mnist-pretrained").load_data(mnist_folder)


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """An empty user data folder: no pretrained model is installed in it."""
    monkeypatch.setenv("NNVIZ_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NNVIZ_BUNDLED_DATA", str(tmp_path / "bundled"))
    return tmp_path / "data"


def _short_run(data, seed=0):
    p = get_preset("mnist-pretrained")
    spec = pretrained.RECIPE.with_changes(epochs=1, seed=seed)
    return pretrained.train(p.initial_network(spec.dtype), pretrained.subset(data, 2000), spec)


def test_training_is_deterministic(lesson_data):
    first, second = _short_run(lesson_data), _short_run(lesson_data)
    assert first.dtype == np.float32
    np.testing.assert_array_equal(first.params, second.params)
    other = _short_run(lesson_data, seed=1)  # another data order gives other weights
    assert not np.array_equal(first.params, other.params)


def test_the_pretrained_model_reaches_its_accuracy(lesson_data, tmp_path):
    """The installed model (scripts/bootstrap made it) if there is one, else one made now
    with the full recipe, as the script makes it."""
    p = get_preset("mnist-pretrained")
    found = pretrained.find(p.network, p.weights_file)
    if found is None:
        out = tmp_path / "pretrained-mnist.npz"
        _net, acc, _seconds = pretrained.make(p.initial_network("float32"), lesson_data, out)
        net, extra = load_model(out)
        assert extra["test_accuracy"] == acc
    else:
        net = found[0]
    assert [layer.units for layer in net.spec.layers] == [50, 100, 10]
    assert [layer.activation for layer in net.spec.layers] == ["sigmoid", "sigmoid", "softmax"]
    acc = pretrained.accuracy_on_test_set(net, lesson_data)
    assert acc >= pretrained.MIN_TEST_ACCURACY


def test_the_script_asserts_its_accuracy_and_writes_only_a_good_model(mnist_folder, tmp_path):
    out = tmp_path / "m.npz"
    base = [sys.executable, str(SCRIPT), "--out", str(out), "--data", str(mnist_folder),
            "--samples", "1000", "--epochs", "1"]
    bad = subprocess.run(base + ["--min-accuracy", "0.99"], capture_output=True, text=True,
                         timeout=300)
    assert bad.returncode == 1, bad.stderr
    assert "below the required 0.9900" in bad.stderr
    assert not out.exists()
    good = subprocess.run(base + ["--min-accuracy", "0.1"], capture_output=True, text=True,
                          timeout=300)
    assert good.returncode == 0, good.stderr
    assert "test accuracy 0." in good.stdout
    net, extra = load_model(out)
    assert extra["recipe"]["n_train"] == 1000 and extra["recipe"]["seed"] == 0
    assert pretrained.fits(net, get_preset("mnist-pretrained").network)
    again = subprocess.run(base + ["--if-missing"], capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and "already there" in again.stdout


def _model_with(value, path, spec=None):
    p = get_preset("mnist-pretrained")
    net = p.initial_network("float32")
    net.set_params(np.full(net.params.size, value, dtype=np.float32))
    path.parent.mkdir(parents=True, exist_ok=True)
    save_model(path, net)
    return net


def test_the_lesson_opens_with_the_installed_model(data_dir):
    p = get_preset("mnist-pretrained")
    assert p.weights_file == "pretrained-mnist"
    random_net = p.build_network()
    np.testing.assert_array_equal(random_net.params, p.initial_network().params)
    saved = _model_with(0.25, pretrained.user_path())
    net = p.build_network("float64")
    assert net.dtype == np.float64
    np.testing.assert_array_equal(net.params, saved.params.astype(np.float64))
    assert not np.array_equal(net.params, p.initial_network().params)


def test_a_damaged_user_copy_falls_back_to_the_bundled_model(data_dir, tmp_path):
    bundled = _model_with(0.5, tmp_path / "bundled" / "models" / "pretrained-mnist.npz")
    user = pretrained.user_path()
    user.parent.mkdir(parents=True)
    user.write_bytes(b"PK\x03\x04 not a model")
    net = get_preset("mnist-pretrained").build_network()
    np.testing.assert_array_equal(net.params, bundled.params.astype(np.float64))


def test_a_model_of_another_shape_is_not_used(data_dir):
    from nnviz.core.nn.network import Network
    from nnviz.core.nn.spec import NetworkSpec

    other = Network.from_spec(NetworkSpec.mlp([784, 10], "softmax"))
    user = pretrained.user_path()
    user.parent.mkdir(parents=True)
    save_model(user, other)
    p = get_preset("mnist-pretrained")
    assert p.pretrained_network() is None
    np.testing.assert_array_equal(p.build_network().params, p.initial_network().params)


@pytest.mark.parametrize("name", ["../etc/passwd", "/tmp/x", "A", 3])
def test_weights_file_must_be_a_name(name):
    d = {"version": 1, "id": "x", "group": "mnist", "trainer": "none", "title": {"en": "x"},
         "network": {"version": 1, "inputs": 2, "layers": [{"units": 1}]},
         "data": {"kind": "none"}, "weights_file": name}
    with pytest.raises(SpecError, match="weights_file"):
        Preset.from_dict(d)
