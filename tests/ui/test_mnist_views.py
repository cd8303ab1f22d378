"""MNIST views: sample browser, draw pad, confusion matrix, weight images, install()."""

import mnist_support
import numpy as np
import pytest
from mnist_support import SUBSET, load_lesson, wait_evaluated
from PySide6.QtCore import Qt

from nnviz.core.lessons.datasets import normalize_course
from nnviz.core.lessons.digits import center_of_mass, ink_bbox
from nnviz.core.nn.backprop import evaluate

# shared fixtures (tests/ui/mnist_support.py)
evaluator = mnist_support.evaluator
mnist_controller = mnist_support.mnist_controller
mnist_folder = mnist_support.mnist_folder


def test_sample_browser_shows_predictions(qtbot, mnist_controller, evaluator):
    from nnviz.ui.mnist.sample_browser import SampleBrowser

    c = mnist_controller
    sb = SampleBrowser(c, evaluator)
    qtbot.addWidget(sb)
    evaluator.evaluate()
    ev = wait_evaluated(qtbot, evaluator)
    assert len(ev) == SUBSET
    m = sb.model
    assert m.rowCount() == SUBSET
    expected = c.network.predict(c.samples.X[:SUBSET])
    np.testing.assert_array_equal(ev.preds, expected)
    for row in (0, 1, 17):
        i = m.data(m.index(row), Qt.UserRole)
        text = m.data(m.index(row), Qt.DisplayRole)
        assert text == f"{int(c.samples.labels[i])} → {int(expected[i])}"
    # misclassified only, most confident first
    sb.set_filter("wrong")
    shown = sb.shown_indices()
    assert len(shown) == int((expected != c.samples.labels[:SUBSET]).sum())
    assert np.all(expected[shown] != c.samples.labels[shown])
    # one digit
    sb.set_filter("digit", 3)
    assert np.all(c.samples.labels[sb.shown_indices()] == 3)
    # a click makes the image the network's input
    target = int(sb.shown_indices()[2])
    with qtbot.waitSignal(c.forward_updated):
        sb.activate_row(2)
    assert c.sample_index == target
    np.testing.assert_array_equal(c.x, c.samples.X[target])


def _seven(pad):
    pad.add_stroke([(60, 50), (220, 50)])
    pad.add_stroke([(220, 50), (120, 250)])


def test_draw_pad_preprocesses_and_predicts(qtbot, mnist_controller):
    from nnviz.ui.mnist.draw_pad import DrawPad

    c = mnist_controller
    pad = DrawPad(c)
    qtbot.addWidget(pad)
    assert pad.prediction is None
    with qtbot.waitSignal(c.forward_updated):
        _seven(pad)
    img = pad.processed
    assert img.shape == (28, 28) and img.max() <= 255 and img.min() >= 0
    top, left, bottom, right = ink_bbox(img)
    assert max(bottom - top, right - left) == 20  # scaled to fit the 20 × 20 box
    assert bottom - top <= 20 and right - left <= 20
    r, col = center_of_mass(img)
    assert abs(r - 14) <= 0.5 and abs(col - 14) <= 0.5  # centred by centre of mass
    assert 0 < img[img > 0].min() < 255  # anti-aliased
    # the network sees it, normalised as the course lesson's inputs
    assert c.sample_index == -1
    np.testing.assert_allclose(c.x, normalize_course(img.ravel()))
    assert pad.prediction in range(10)
    assert pad.prediction == int(np.argmax(c.output()))
    np.testing.assert_allclose(pad.probabilities.sum(), 1.0)
    # undo the diagonal: a horizontal bar remains, wide and flat
    pad.undo_stroke()
    top, left, bottom, right = ink_bbox(pad.processed)
    assert right - left == 20 and bottom - top < 6
    pad.clear()
    assert not pad.processed.any() and pad.prediction is None


def test_draw_pad_outside_mnist_has_no_prediction(qtbot, model):
    from nnviz.ui.mnist.draw_pad import DrawPad

    model.set_preset("forward-walkthrough")
    pad = DrawPad(model)
    qtbot.addWidget(pad)
    _seven(pad)
    assert pad.prediction is None and pad.processed.any()
    assert model.x.shape == (2,)


def test_confusion_matrix_full_test_set(qtbot, mnist_controller):
    """The one full 10,000-image evaluation: sums, diagonal and accuracy agree."""
    from nnviz.ui.mnist.confusion_view import ConfusionView
    from nnviz.ui.mnist.sample_browser import SampleBrowser
    from nnviz.ui.model.mnist_evaluator import Evaluator

    c = mnist_controller
    ev = Evaluator(c)  # all test images
    try:
        view = ConfusionView(c, ev)
        sb = SampleBrowser(c, ev)
        qtbot.addWidget(view)
        qtbot.addWidget(sb)
        view.cell_clicked.connect(sb.show_cell)
        ev.evaluate()
        result = wait_evaluated(qtbot, ev)
        cm = view.cm
        assert cm.sum() == 10000 == len(c.samples)
        _, acc = evaluate(c.network, c.samples.X, c.samples.T, c.samples.labels,
                          "cce", batch_size=100)
        assert np.trace(cm) / cm.sum() == pytest.approx(acc)
        assert result.accuracy == pytest.approx(acc)
        np.testing.assert_array_equal(cm.sum(axis=1), np.bincount(c.samples.labels, minlength=10))
        for t in range(10):
            assert view.table.item(t, t).text() in ("", str(cm[t, t]))
        assert f"{100 * acc:.2f}\u00a0%" in view.summary.text()
        # a click on a cell filters the browser to those samples
        t, p = np.unravel_index(np.argmax(cm - np.diag(np.diag(cm))), cm.shape)
        with qtbot.waitSignal(view.cell_clicked):
            view.table.cellClicked.emit(int(t), int(p))
        shown = sb.shown_indices()
        assert len(shown) == cm[t, p]
        assert np.all(c.samples.labels[shown] == t) and np.all(result.preds[shown] == p)
    finally:
        ev.shutdown()


def test_weight_images_follow_edits(qtbot, mnist_controller):
    from nnviz.ui.mnist.weight_images import IMAGE_SIDE, WeightImages

    c = mnist_controller
    w = WeightImages(c)
    qtbot.addWidget(w)
    assert w.mosaic.n == c.network.W[0].shape[1] == 100
    before = w.refreshes
    pixel, unit = 14 * 28 + 14, 5
    big = float(np.abs(c.network.W[0][:, unit]).max()) * 10
    c.edit_weight(0, pixel, unit, big)
    qtbot.waitUntil(lambda: w.refreshes > before, timeout=3000)
    r, col = divmod(unit, w.mosaic.cols)
    step = IMAGE_SIDE + 1
    colour = w.mosaic.image.pixelColor(col * step + 14, r * step + 14)
    from nnviz.ui.common import colors

    assert (colour.red(), colour.green(), colour.blue()) == colors.POSITIVE
    # a click selects the unit in the canvas/inspector
    with qtbot.waitSignal(c.neuron_selected):
        w.mosaic.tile_clicked.emit(unit)
    assert c.selected == (1, unit)


def test_install_adds_docks_once_and_follows_the_lesson(qtbot, window, mnist_folder):
    from nnviz.ui.shell.mnist_docks import install

    views = window.mnist  # the window installs the views once it is on screen
    views.evaluator.limit = SUBSET
    try:
        assert install(window, window.model) is views
        assert len([a for a in window.menuBar().actions() if a.menu() is views.menu]) == 1
        if window.model.preset is None or window.model.preset.data.get("kind") != "mnist":
            assert not views.docks["samples"].isVisible()
            assert not views.actions.act_import.isEnabled()
        load_lesson(window.model, qtbot)
        assert views.docks["samples"].isVisibleTo(window)
        assert views.docks["confusion"].isVisibleTo(window)
        assert views.actions.act_import.isEnabled()
        wait_evaluated(qtbot, views.evaluator)
        assert views.samples.model.rowCount() == SUBSET
        load_lesson(window.model, qtbot, "mnist-pretrained")
        wait_evaluated(qtbot, views.evaluator)
        window.model.set_preset("forward-walkthrough")
        assert not views.actions.act_import.isEnabled()
        assert not views.docks["samples"].isVisibleTo(window)
    finally:
        views.shutdown()
