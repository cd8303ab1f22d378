"""Activation gallery and optimizer race: their state against the core's numbers."""

import numpy as np
import pytest

from nnviz.core.lessons import surfaces as S
from nnviz.core.nn import activations as A


@pytest.fixture
def gallery(qtbot):
    from nnviz.ui.labs.activation_gallery import ActivationGallery

    w = ActivationGallery()
    qtbot.addWidget(w)
    return w


def test_gallery_draws_f_and_derivative_of_the_core(gallery):
    assert gallery.visible_functions() == ["sigmoid", "tanh", "relu"]
    x, f, d = gallery.curve_data("sigmoid")
    assert x[0] == -10 and x[-1] == 10
    np.testing.assert_allclose(f, A.apply("sigmoid", x))
    np.testing.assert_allclose(d, A.derivative("sigmoid", x))
    assert gallery.curve_data("swish")[0].size == 0  # hidden: nothing drawn


def test_derivative_maximum_markers(gallery):
    a, m, text = gallery.derivative_marker("sigmoid")
    assert (a, m) == (0.0, 0.25) and "0.25" in text
    a, m, text = gallery.derivative_marker("tanh")
    assert (a, m) == (0.0, 1.0) and text.endswith("1")
    assert "0.25" in gallery.formulas.text()
    gallery.set_visible_functions(["swish", "identity"])
    assert gallery.derivative_marker("sigmoid") is None
    assert gallery.derivative_marker("swish")[1] == pytest.approx(1.0998, abs=1e-3)


def test_alpha_slider_changes_the_curve(gallery, qtbot):
    gallery.set_visible_functions(["elu", "leaky_relu", "prelu"])
    _, f_before, _ = gallery.curve_data("elu")
    with qtbot.waitSignal(gallery.alpha_changed) as sig:
        gallery.sliders["elu"].setValue(gallery.sliders["elu"].value() + 20)  # +1.0
    assert sig.args == ["elu", pytest.approx(2.0)]
    x, f_after, d_after = gallery.curve_data("elu")
    np.testing.assert_allclose(f_after, A.apply("elu", x, 2.0))
    assert f_after[0] == pytest.approx(2 * f_before[0])
    assert gallery.derivative_marker("elu")[1] == pytest.approx(2.0, abs=0.03)
    gallery.set_alpha("leaky_relu", 0.2)
    x, f, _ = gallery.curve_data("leaky_relu")
    assert f[0] == pytest.approx(-2.0)
    assert gallery.alpha_labels["leaky_relu"].text() == "0.2"


def test_softmax_naive_overflows_stable_does_not(gallery):
    naive, stable = gallery.softmax_results()  # the default vector [1010, 1000, 990]
    assert np.all(np.isnan(naive)) and len(gallery.nan_labels) == 3
    np.testing.assert_allclose(stable, [9.99954600e-01, 4.53978686e-05, 2.06106005e-09],
                               rtol=1e-8)
    gallery.set_softmax_input([0.3, 2.9, 4.0])
    naive, stable = gallery.softmax_results()
    np.testing.assert_allclose(naive, [0.01821127, 0.24519181, 0.73659691], rtol=1e-6)
    np.testing.assert_allclose(stable, naive)
    assert gallery.nan_labels == []
    gallery.soft_edit.setText("1, two")
    gallery.soft_edit.editingFinished.emit()
    assert "background" in gallery.soft_edit.styleSheet()


def test_maxout_is_the_larger_line(gallery):
    z = gallery.maxout_z
    np.testing.assert_allclose(z, np.max(gallery.maxout_pieces, axis=1))


@pytest.fixture
def race(qtbot):
    from nnviz.ui.labs.optimizer_race import OptimizerRace

    w = OptimizerRace()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.pause()


def test_race_paths_are_the_cores(race):
    race.use_suggested_rates()
    expected = S.race("bowl", {n: None for n in race.lrs}, S.SURFACES["bowl"].lr_hint, 300)
    for name, path in race.trajectories().items():
        np.testing.assert_allclose(path, expected[name])
    assert race.position() == 0
    assert race.shown_path("adam").shape == (1, 2)


def test_race_advances_with_the_timer(race, qtbot):
    race.set_speed(5)
    race.play()
    assert race.is_playing()
    qtbot.waitUntil(lambda: race.position() >= 15, timeout=3000)
    race.pause()
    k = race.position()
    assert not race.is_playing() and k % 5 == 0
    for name, path in race.trajectories().items():
        np.testing.assert_allclose(race.shown_path(name), path[: k + 1])
    race.reset()
    assert race.position() == 0


def test_race_stops_at_the_end(race, qtbot):
    race.set_total_steps(20)
    race.set_speed(20)
    race.play()
    qtbot.waitUntil(lambda: not race.is_playing(), timeout=3000)
    assert race.position() == 20 and race.counter.text() == "step 20 / 20"


def test_learning_rate_and_surface_changes(race):
    race.step(10)
    race.set_lr("sgd", 0.05)
    assert race.lr("sgd") == 0.05 and race.rates == "custom"
    expected = S.race("bowl", {"sgd": None}, {"sgd": 0.05}, 300)["sgd"]
    np.testing.assert_allclose(race.shown_path("sgd"), expected[:11])
    race.use_suggested_rates()
    race.set_surface("valley")
    assert race.lr("sgd") == S.SURFACES["valley"].lr_hint["sgd"] and race.position() == 0
    race.set_lr("sgd", 0.1)  # far too large for the valley
    race.step(300)
    assert "diverged" in race.status["sgd"].text()
    assert np.all(np.isfinite(race.shown_path("sgd")))
    race.use_handout_rates()
    assert race.lr("adam") == 0.001 and race.rates == "handout"
