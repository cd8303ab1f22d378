"""The softmax lesson's Outputs panel shows the textbook and the stable softmax of the current a
(handout 002), with the numbers NumPy prints in float64."""

import numpy as np
import pytest


@pytest.fixture
def panel(qtbot, model):
    from nnviz.ui.panels.outputs_panel import OutputsPanel

    w = OutputsPanel(model)
    qtbot.addWidget(w)
    w.show()
    return w


def _independent(a):
    a = np.asarray(a, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        naive = np.exp(a) / np.sum(np.exp(a))
    e = np.exp(a - a.max())
    return naive, e / e.sum()


def test_the_lesson_shows_nan_and_the_stable_softmax(model, panel):
    model.set_preset("softmax-overflow")
    assert model.samples is not None and len(model.samples) == 2
    a, y = model.trace[-1]
    np.testing.assert_array_equal(a, [1010, 1000, 990])  # the canvas's a is the input
    naive, stable = _independent(a)
    assert np.isnan(naive).all()
    np.testing.assert_allclose(y, stable, rtol=1e-14)
    assert panel.compare.isChecked() and panel.naive.isVisibleTo(panel)
    assert panel.naive.text().endswith("nan (overflow: e^1010 = ∞)")
    assert panel.stable.text().endswith("[9.99954600e-01 4.53978686e-05 2.06106005e-09]")
    assert np.array2string(stable, precision=8) in panel.stable.text()


def test_the_second_row_gives_the_same_with_both_formulas(model, panel):
    model.set_preset("softmax-overflow")
    model.select_sample(1)
    a, _y = model.trace[-1]
    naive, stable = _independent(a)
    np.testing.assert_allclose(naive, stable, rtol=1e-14)
    assert panel.naive.text().endswith("[0.01821127 0.24519181 0.73659691]")
    assert panel.stable.text().endswith("[0.01821127 0.24519181 0.73659691]")
    assert "nan" not in panel.naive.text()


def test_a_typed_input_updates_both(model, panel):
    model.set_preset("softmax-overflow")
    model.set_input(np.array([800.0, 0.0, -800.0]))
    assert panel.naive.text().endswith("nan (overflow: e^800 = ∞)")
    assert panel.stable.text().endswith("[1. 0. 0.]")  # e^−800 and e^−1600 underflow to 0


def test_other_softmax_lessons_offer_the_comparison_unchecked(model, panel):
    model.set_preset("keras-and-softmax")
    assert model.network.spec.layers[-1].activation == "softmax"
    assert panel.compare.isVisibleTo(panel) and not panel.compare.isChecked()
    assert not panel.naive.isVisibleTo(panel)
    panel.compare.setChecked(True)
    assert panel.naive.isVisibleTo(panel) and panel.stable.isVisibleTo(panel)


def test_lessons_without_softmax_hide_it(model, panel):
    model.set_preset("xor-backprop-2")
    assert model.network.spec.layers[-1].activation != "softmax"
    assert not panel.compare.isVisibleTo(panel) and not panel.naive.isVisibleTo(panel)
