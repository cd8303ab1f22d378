"""The MNIST lesson opens with its pretrained network, reports its accuracy, and trains the
network in the background when a checkout lacks the file (nnviz/ui/mnist/*)."""

import mnist_support
import numpy as np
import pytest
from mnist_support import SUBSET, mnist_folder  # noqa: F401  (fixture)

from nnviz.core.files.io import save_model
from nnviz.core.lessons import pretrained
from nnviz.core.lessons.presets import get_preset
from nnviz.core.train.trainer_types import TrainData

evaluator = mnist_support.evaluator


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """User and bundled data folders without a pretrained model."""
    monkeypatch.setenv("NNVIZ_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NNVIZ_BUNDLED_DATA", str(tmp_path / "bundled"))
    return tmp_path / "data"


@pytest.fixture
def actions(model, evaluator):
    from nnviz.ui.mnist.model_actions import ModelActions

    a = ModelActions(model, evaluator)
    yield a
    a.shutdown()


@pytest.fixture
def statuses(model):
    seen = []
    model.status_posted.connect(seen.append)
    return seen


@pytest.fixture(scope="module")
def small_mnist(mnist_folder):  # noqa: F811
    """3,000 training and 1,000 test images of the lesson (quick to train on)."""
    d = get_preset("mnist-pretrained").load_data(mnist_folder)
    return TrainData(d.X[:3000], d.T[:3000], d.y[:3000], d.X_test[:SUBSET],
                     d.T_test[:SUBSET], d.y_test[:SUBSET])


def _install(path, value):
    net = get_preset("mnist-pretrained").initial_network("float32")
    net.set_params(np.linspace(-value, value, net.params.size).astype(np.float32))
    path.parent.mkdir(parents=True, exist_ok=True)
    save_model(path, net)
    return net


def test_opening_the_lesson_shows_the_installed_network(model, data_dir):
    installed = _install(pretrained.user_path(), 0.3)
    model.set_preset("mnist-pretrained")
    np.testing.assert_array_equal(model.network.params,
                                  installed.params.astype(np.float64))
    random_net = get_preset("mnist-pretrained").initial_network()
    assert not np.allclose(model.network.params, random_net.params)
    model.reset_weights()  # "reset" goes back to the pretrained weights
    np.testing.assert_array_equal(model.network.params,
                                  installed.params.astype(np.float64))


def test_the_accuracy_is_reported_on_first_open(qtbot, model, data_dir, small_mnist,
                                                actions, evaluator, statuses):
    _install(pretrained.user_path(), 0.3)
    preset = model.preset_by_id("mnist-pretrained")
    model.data.store(preset, small_mnist)
    with qtbot.waitSignal(actions.import_evaluated, timeout=60000) as sig:
        model.set_preset(preset)
    assert evaluator.result_network is model.network
    assert sig.args[0] == evaluator.result.accuracy
    assert any(s.startswith("Test accuracy of the pretrained network") for s in statuses)
    assert not actions.pretrained.running  # the file was there: nothing to prepare


def test_a_missing_network_is_trained_in_the_background(qtbot, model, data_dir,
                                                        small_mnist, actions, statuses,
                                                        monkeypatch):
    monkeypatch.setattr(pretrained, "RECIPE", pretrained.RECIPE.with_changes(epochs=2))
    monkeypatch.setattr(pretrained, "MIN_TEST_ACCURACY", 0.0)
    preset = model.preset_by_id("mnist-pretrained")
    model.data.store(preset, small_mnist)
    with qtbot.waitSignal(actions.pretrained.ready, timeout=120000) as ready:
        model.set_preset(preset)
        random_net = model.network
        assert actions.pretrained.running
    assert any(s.startswith("Preparing the pretrained network… 0 %") for s in statuses)
    assert any("… 50 %" in s for s in statuses)
    assert pretrained.user_path().is_file()  # saved for the next time
    assert model.network is ready.args[0] and model.network is not random_net
    np.testing.assert_array_equal(model.network.params,
                                  get_preset("mnist-pretrained").build_network().params)
    qtbot.waitUntil(lambda: any("Test accuracy of the pretrained network" in s
                                for s in statuses), timeout=60000)


def test_a_network_the_student_changed_meanwhile_is_kept(qtbot, model, data_dir,
                                                         small_mnist, actions, statuses,
                                                         monkeypatch):
    monkeypatch.setattr(pretrained, "RECIPE", pretrained.RECIPE.with_changes(epochs=1))
    monkeypatch.setattr(pretrained, "MIN_TEST_ACCURACY", 0.0)
    preset = model.preset_by_id("mnist-pretrained")
    model.data.store(preset, small_mnist)
    with qtbot.waitSignal(actions.pretrained.ready, timeout=120000):
        model.set_preset(preset)
        model.edit_weight(0, 0, 0, 0.5)
    assert model.network.W[0][0, 0] == 0.5
    assert any("reopen the lesson" in s for s in statuses)


def test_closing_cancels_the_preparation(qtbot, model, data_dir, small_mnist, actions):
    preset = model.preset_by_id("mnist-pretrained")
    model.data.store(preset, small_mnist)
    model.set_preset(preset)
    assert actions.pretrained.running
    actions.shutdown()
    assert not actions.pretrained.running
    assert not pretrained.user_path().exists()


def test_without_mnist_it_says_what_will_happen(model, data_dir, actions, statuses,
                                                monkeypatch):
    monkeypatch.setattr(model, "train_data", lambda: None)
    model.set_preset("mnist-pretrained")
    assert actions.pretrained.missing and not actions.pretrained.running
    assert any("as soon as the images are loaded" in s for s in statuses)


def test_a_network_below_the_required_accuracy_is_not_installed(qtbot, model, data_dir,
                                                                small_mnist, actions,
                                                                monkeypatch):
    monkeypatch.setattr(pretrained, "RECIPE", pretrained.RECIPE.with_changes(epochs=1))
    monkeypatch.setattr(pretrained, "MIN_TEST_ACCURACY", 0.99)
    preset = model.preset_by_id("mnist-pretrained")
    model.data.store(preset, small_mnist)
    with qtbot.waitSignal(actions.pretrained.failed, timeout=120000) as failed:
        model.set_preset(preset)
    assert "below the required 0.9900" in failed.args[0]
    assert not pretrained.user_path().exists()
