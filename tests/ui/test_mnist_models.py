"""Importing pretrained weights (safely), saving and loading models, the data dialog."""

import pickle

import mnist_support
import numpy as np
import pytest
from mnist_support import SUBSET, load_lesson

from nnviz.core.lessons.datasets import load_mnist

# shared fixtures (tests/ui/mnist_support.py)
evaluator = mnist_support.evaluator
mnist_folder = mnist_support.mnist_folder


def _sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def _softmax(a):
    e = np.exp(a - a.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _book_weights(seed=0):
    """A dict shaped like the book's sample_weight.pkl (784-50-100-10), float32."""
    rng = np.random.default_rng(seed)
    d = {}
    for k, (n_in, n_out) in enumerate(((784, 50), (50, 100), (100, 10)), 1):
        d[f"W{k}"] = (rng.standard_normal((n_in, n_out)) * 0.3).astype(np.float32)
        d[f"b{k}"] = (rng.standard_normal(n_out) * 0.1).astype(np.float32)
    return d


@pytest.fixture
def actions(model, evaluator):
    from nnviz.ui.mnist.model_actions import ModelActions

    return ModelActions(model, evaluator)


@pytest.fixture
def warnings(monkeypatch):
    """Record message boxes instead of showing them."""
    from nnviz.ui.mnist import model_actions

    seen = []
    monkeypatch.setattr(model_actions.QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: seen.append((title, text)))
    return seen


def test_import_pickled_dict_matches_numpy_forward_pass(qtbot, model, mnist_folder,
                                                        actions, evaluator, tmp_path,
                                                        warnings):
    weights = _book_weights()
    path = tmp_path / "sample_weight.pkl"
    with open(path, "wb") as f:
        pickle.dump(weights, f)
    load_lesson(model, qtbot, "mnist-pretrained")
    with qtbot.waitSignal(actions.import_evaluated, timeout=60000) as sig:
        assert actions.import_weights(str(path))
    assert not warnings
    net = model.network
    assert [layer.units for layer in net.spec.layers] == [50, 100, 10]
    np.testing.assert_allclose(net.W[0], weights["W1"])
    # the handout's own NumPy code on the raw test images, x / 255, batches of 100
    ds = load_mnist(mnist_folder, verify=False)
    x, t = ds.x_test[:SUBSET] / 255.0, ds.y_test[:SUBSET]
    preds = []
    for s in range(0, len(x), 100):
        a1 = x[s:s + 100] @ weights["W1"] + weights["b1"]
        a2 = _sigmoid(a1) @ weights["W2"] + weights["b2"]
        y = _softmax(_sigmoid(a2) @ weights["W3"] + weights["b3"])
        preds.append(np.argmax(y, axis=1))
    preds = np.concatenate(preds)
    np.testing.assert_array_equal(evaluator.result.preds, preds)
    assert sig.args[0] == pytest.approx(np.mean(preds == t))
    assert actions.last_accuracy == sig.args[0]


def test_hostile_pickle_is_refused_with_a_message(qtbot, model, actions, tmp_path,
                                                  warnings):
    import os

    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return os.system, (f"touch {marker}",)

    path = tmp_path / "evil.pkl"
    with open(path, "wb") as f:
        pickle.dump({"W1": Evil()}, f)
    model.set_preset("mnist-pretrained")
    net = model.network
    assert not actions.import_weights(str(path))
    assert len(warnings) == 1
    title, text = warnings[0]
    assert "refused" in text and "evil.pkl" in text
    assert not marker.exists()
    assert model.network is net


def test_wrong_shape_weights_are_refused(qtbot, model, actions, tmp_path, warnings):
    path = tmp_path / "small.pkl"
    with open(path, "wb") as f:
        pickle.dump({"W1": np.ones((2, 3)), "b1": np.zeros(3)}, f)
    model.set_preset("mnist-pretrained")
    assert not actions.import_weights(str(path))
    assert "784" in warnings[0][1]


def test_save_and_load_trained_model(qtbot, model, actions, tmp_path, warnings):
    model.set_preset("mnist-course")
    model.edit_weight(0, 10, 3, 0.5)
    saved = model.network.params.copy()
    assert actions.save_model(str(tmp_path / "trained"))
    path = tmp_path / "trained.npz"
    assert path.is_file()
    model.fill_layer(0, "zeros")
    assert not np.array_equal(model.network.params, saved)
    assert actions.load_model(str(path))
    np.testing.assert_array_equal(model.network.params, saved)
    (tmp_path / "bad.npz").write_bytes(b"PK not a zip")
    assert not actions.load_model(str(tmp_path / "bad.npz"))
    assert warnings and "bad.npz" in warnings[-1][1]


def test_data_dialog_lists_and_accepts_a_valid_folder(qtbot, mnist_folder):
    from nnviz.ui.common.settings import remembered_folder
    from nnviz.ui.mnist.data_dialog import DataDialog

    d = DataDialog()
    qtbot.addWidget(d)
    assert d.table.rowCount() >= 2
    assert any(found for kind, _w, _p, found in d.locations() if kind == "mnist")
    with qtbot.waitSignal(d.folder_chosen, timeout=30000) as sig:
        assert d.use_folder(str(mnist_folder))
    assert sig.args == ["mnist", str(mnist_folder)]
    assert remembered_folder() == str(mnist_folder)
    qtbot.waitUntil(lambda: not d.busy)


def test_data_dialog_refuses_a_corrupt_folder(qtbot, tmp_path):
    from nnviz.ui.common.settings import remembered_folder
    from nnviz.ui.mnist.data_dialog import DataDialog

    for name in ("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                 "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"):
        (tmp_path / name).write_bytes(b"\x00\x00\x08\x03garbage")
    d = DataDialog()
    qtbot.addWidget(d)
    chosen = []
    d.folder_chosen.connect(lambda *a: chosen.append(a))
    d.use_folder(str(tmp_path))
    qtbot.waitUntil(lambda: not d.busy, timeout=10000)
    assert not chosen and remembered_folder() == ""
    assert "corrupt" in d.last_error.lower()
    assert d.last_error in d.status.text()


def test_data_dialog_download_failure_is_reported(qtbot, tmp_path, monkeypatch):
    """An unreachable mirror gives a message; nothing appears in the data folder."""
    import socket

    from nnviz.ui.mnist.data_dialog import DataDialog

    monkeypatch.setenv("NNVIZ_DATA_DIR", str(tmp_path / "data"))
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there: connection refused at once
    d = DataDialog(mirrors={"mnist": [f"http://127.0.0.1:{port}/"]})
    qtbot.addWidget(d)
    assert d.start_download("mnist")
    qtbot.waitUntil(lambda: not d.busy, timeout=20000)
    assert "could not download" in d.last_error
    files = [p.name for p in (tmp_path / "data" / "mnist").glob("*")]
    assert not [f for f in files if f.endswith("ubyte")]


def test_load_data_from_a_chosen_folder(qtbot, model, mnist_folder):
    load_lesson(model, qtbot)
    with qtbot.waitSignal(model.data_changed, timeout=60000):
        assert model.load_data_from(str(mnist_folder))
    qtbot.waitUntil(lambda: not model.loading)
    assert model.samples is not None and len(model.samples) == 10000
    assert model.data_error == ""


def _first_evaluation_during_the_read(qtbot, evaluator, opened, outcome):
    """A stand-in for read_in_background: the lesson's first-open evaluation runs and ends
    while the file is read (a slow disk), then the read ends with ``outcome()``."""
    def read(*args):
        evaluator.evaluate()
        qtbot.waitUntil(lambda: evaluator.result is not None and not evaluator.running
                        and evaluator.result_network is opened, timeout=60000)
        return outcome(*args)
    return read


def test_import_supersedes_the_first_open_evaluation(qtbot, model, mnist_folder, actions,
                                                     evaluator, tmp_path, warnings,
                                                     monkeypatch):
    """The pretrained lesson's own first evaluation may finish while the import's file is
    being read (the read runs the event loop): it must not be reported as the import's
    accuracy, and the evaluator must end with the imported network's result."""
    from nnviz.ui.mnist import model_actions

    weights = _book_weights(seed=3)
    path = tmp_path / "sample_weight.pkl"
    with open(path, "wb") as f:
        pickle.dump(weights, f)
    evaluator.auto = False  # the test decides when the first evaluation runs
    load_lesson(model, qtbot, "mnist-pretrained")
    if actions.pretrained.missing:
        pytest.skip("the pretrained model is not installed here")
    opened = model.network
    monkeypatch.setattr(model_actions, "read_in_background", _first_evaluation_during_the_read(
        qtbot, evaluator, opened, model_actions.read_in_background))
    reported = []
    actions.import_evaluated.connect(reported.append)
    assert actions.import_weights(str(path))
    qtbot.waitUntil(lambda: len(reported) > 0 and not evaluator.running, timeout=60000)
    assert model.network is not opened
    assert evaluator.result is not None and evaluator.result_network is model.network
    np.testing.assert_allclose(model.network.W[0], weights["W1"])
    assert reported == [pytest.approx(evaluator.result.accuracy)]
    assert actions.last_accuracy == reported[0]


def test_a_cancelled_import_still_reports_the_pretrained_accuracy(qtbot, model, mnist_folder,
                                                                  actions, evaluator,
                                                                  warnings, monkeypatch):
    from nnviz.ui.common.file_reading import ReadOutcome
    from nnviz.ui.mnist import model_actions

    evaluator.auto = False
    load_lesson(model, qtbot, "mnist-pretrained")
    if actions.pretrained.missing:
        pytest.skip("the pretrained model is not installed here")
    opened = model.network
    monkeypatch.setattr(model_actions, "read_in_background", _first_evaluation_during_the_read(
        qtbot, evaluator, opened, lambda *args: ReadOutcome(cancelled=True)))
    reported, statuses = [], []
    actions.import_evaluated.connect(reported.append)
    model.status_posted.connect(statuses.append)
    assert not actions.import_weights("/nowhere/sample_weight.pkl")
    assert model.network is opened
    assert reported == [pytest.approx(evaluator.result.accuracy)]
    assert any(s.startswith("Test accuracy of the pretrained network") for s in statuses)
