"""The canvas on a lab PC's screen: MNIST's tight layout is read at 1366 × 768, hovering a
neuron writes its edges' weights, the toolbar's "strongest edges" box sets what is drawn."""

import itertools

import numpy as np
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest

from nnviz.ui.canvas import geometry
from nnviz.ui.canvas import label_placement as lp
from nnviz.ui.canvas.network_view import NetworkView
from nnviz.ui.common.interface_scale import interface_scale

#: the canvas's viewport in the lesson layouts at 1366 × 768 (100 %), measured in the app, and
#: at 1920 × 1080 with QT_SCALE_FACTOR 1.5 (1280 × 720 logical pixels)
LAB_VIEWPORT = (690, 296)
PROJECTOR_VIEWPORT = (638, 268)
READABLE_PX = 9.0  # smallest neuron value on screen at 100 %


@pytest.fixture
def view(qtbot, model):
    v = NetworkView(model)
    qtbot.addWidget(v)
    return v


def _open(qtbot, model, preset):
    model.set_preset(preset)
    qtbot.waitUntil(lambda: not model.loading, timeout=30000)


def _show_at(qtbot, view, viewport):
    frame = 2 * view.frameWidth()
    view.resize(viewport[0] + frame, viewport[1] + frame)
    view.show()
    qtbot.waitExposed(view)
    vp = view.viewport().size()
    tight, _gap = geometry.choose_layout(view.lesson.network.spec.sizes,
                                         (vp.width(), vp.height()), view.geom.scale)
    qtbot.waitUntil(lambda: view.geom.tight == tight)  # the layout for this size is built
    view.fit()


def _rect(item):
    r = item.sceneBoundingRect()
    return (r.x(), r.y(), r.width(), r.height())


@pytest.mark.parametrize("preset", ["mnist-course", "mnist-pretrained"])
@pytest.mark.parametrize("viewport", [LAB_VIEWPORT, PROJECTOR_VIEWPORT])
def test_mnist_fits_a_lab_screen_with_readable_values(qtbot, view, model, preset, viewport):
    _open(qtbot, model, preset)
    _show_at(qtbot, view, viewport)
    assert view.viewport().width() == viewport[0]
    # the whole picture is in the view, at a zoom where the outputs' values can be read
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(view.sceneRect().adjusted(1, 1, -1, -1))
    limit = 0.85 * READABLE_PX if viewport == PROJECTOR_VIEWPORT else READABLE_PX
    assert view.value_text_px() >= limit, view.transform().m11()
    outputs = view.z_labels[-1]
    assert len(outputs) == 10 and all(t.isVisible() for t in outputs)
    # each value inside its pill, pills apart, titles and numbers apart
    for t, n in zip(outputs, view.neurons[-1]):
        assert n.sceneBoundingRect().contains(t.sceneBoundingRect())
    texts = [*view._titles, *itertools.chain(*view.a_labels, *view.b_labels)]
    boxes = [_rect(t) for t in texts if t.isVisible()] + [_rect(n) for n in view.neurons[-1]]
    for a, b in itertools.combinations(boxes, 2):
        assert not lp.intersects(a, b), (a, b)
    assert not view.legend.sceneBoundingRect().intersects(view.nodes_rect())


def test_wide_layers_are_bands_whose_rule_is_written(qtbot, view, model):
    _open(qtbot, model, "mnist-course")
    band = view.geom.layers[1]
    assert band.band and band.n == 100
    xs = {round(float(x), 3) for x in band.positions()[:, 0]}
    assert len(xs) == 100 // geometry.BAND_ROWS  # 5 columns of 20 dots
    titles = [t.text() for t in view._titles]
    assert titles.count("100 neurons") == 3  # each band says how many dots it has
    assert any("a dot per neuron" in note for note in view.legend.notes)
    assert "strongest edges" in view.legend.toolTip()


def test_interface_scale_keeps_mnist_readable(qtbot, view, model):
    _open(qtbot, model, "mnist-course")
    _show_at(qtbot, view, (900, 400))
    scale = interface_scale()
    before = scale.factor
    try:
        scale.set(1.5, store=False)
        view.fit()
        zoom = view.transform().m11()
        px = view.value_text_px()
        scale.set(1.0, store=False)
        view.fit()
        # everything is 1.5 times larger in the scene: fitted, the values read the same
        assert px == pytest.approx(view.value_text_px(), rel=0.05)
        assert zoom == pytest.approx(view.transform().m11() / 1.5, rel=0.05)
    finally:
        scale.set(before, store=False)


def _hover(qtbot, view, item):
    """Move the mouse over ``item`` as a user would (the item gets its hover event)."""
    pos = view.mapFromScene(item.sceneBoundingRect().center())
    QTest.mouseMove(view.viewport(), QPoint(pos.x(), pos.y()))
    qtbot.waitUntil(lambda: view.hovered_neuron == (item.layer, item.index), timeout=2000)


def _unhover(qtbot, view):
    QTest.mouseMove(view.viewport(), QPoint(2, 2))
    qtbot.waitUntil(lambda: view.hovered_neuron is None, timeout=2000)


@pytest.mark.parametrize("preset, neuron, viewport", [
    ("vanishing-sigmoid", (3, 4), (1366, 700)), ("optimizers", (1, 3), (1366, 700)),
    ("optimizers", (1, 3), LAB_VIEWPORT), ("optimizers", (1, 7), LAB_VIEWPORT)])
def test_hovering_a_neuron_writes_all_its_edges_weights(qtbot, view, model, preset, neuron,
                                                        viewport):
    _open(qtbot, model, preset)
    _show_at(qtbot, view, viewport)
    layer, index = neuron
    into = {(layer - 1, i, index) for i in range(len(view.neurons[layer - 1]))}
    out_of = {(layer, index, j) for j in range(len(view.neurons[layer + 1]))}
    before = {key for key, _ in view.edge_label_rects()}
    if preset == "vanishing-sigmoid":  # 64 edges a pair: the rule hides most numbers
        assert not (into | out_of) <= before
    _hover(qtbot, view, view.neurons[layer][index])
    written = view.hovered_edge_labels()
    assert set(written) == into | out_of and all(written.values())
    boxes = view.edge_label_rects()
    for (_, a), (_, b) in itertools.combinations(boxes, 2):
        assert not lp.intersects(a, b)  # none covers another
    nodes = [_rect(n) for layer_items in view.neurons for n in layer_items]
    for _, box in boxes:
        assert not any(lp.intersects(box, n) for n in nodes)
    hovered_z = {t.zValue() for t in view.w_labels
                 if t.isVisible() and (t.edit_target.layer, t.edit_target.i,
                                       t.edit_target.j) in into | out_of}
    others_z = {t.zValue() for t in view.w_labels if t.isVisible()} - hovered_z
    assert min(hovered_z) > max(others_z, default=0)  # on top
    _unhover(qtbot, view)
    assert {key for key, _ in view.edge_label_rects()} == before  # back to the rule


def test_hovering_a_band_neuron_draws_its_strongest_edges(qtbot, view, model):
    _open(qtbot, model, "mnist-course")
    _show_at(qtbot, view, LAB_VIEWPORT)
    drawn = view.drawn_edge_count()
    dot = view.neurons[2][37]
    _hover(qtbot, view, dot)
    hovered = [e for pool in view.edges for e in pool if e.isVisible() and e.hover]
    W_in, W_out = model.network.W[1], model.network.W[2]
    assert {e.i for e in hovered if e.layer == 1} == set(
        np.argsort(-np.abs(W_in[:, 37]))[: geometry.SELECTED_EDGES].tolist())
    assert {e.j for e in hovered if e.layer == 2} == set(
        np.argsort(-np.abs(W_out[37, :]))[: geometry.SELECTED_EDGES].tolist())
    assert view.drawn_edge_count() > drawn
    assert all(e.pen().color().alpha() == 255 for e in hovered)  # not faded
    assert sum(view.hovered_edge_labels().values()) >= geometry.SELECTED_EDGES // 2
    _unhover(qtbot, view)
    assert view.drawn_edge_count() == drawn


def test_strongest_edges_box_sets_the_edges_drawn(qtbot, window):
    window.model.set_preset("mnist-course")
    qtbot.waitUntil(lambda: not window.model.loading, timeout=30000)
    canvas, box = window.canvas, window.k_box
    assert box.maximum() == geometry.MAX_OVERVIEW and "strongest" in box.toolTip()
    assert box.value() == canvas.overview_edges == geometry.DENSE_OVERVIEW
    window.model.select_neuron(-1, -1)
    counts = {}
    for value in (0, 40, 120, 400):
        box.setValue(value)
        counts[value] = [canvas.drawn_edge_count(layer) for layer in range(4)]
    # every pair of MNIST's network is dense: each draws exactly the box's number of edges
    assert counts == {v: [v] * 4 for v in counts}
    window.model.set_preset("optimizers")
    assert canvas.drawn_edge_count() == 2 * 8 + 8  # small pairs draw every edge anyway


@pytest.mark.parametrize("preset", ["optimizers", "vanishing-sigmoid", "vanishing-relu"])
def test_small_networks_numbers_never_collide_at_lab_size(qtbot, view, model, preset):
    _open(qtbot, model, preset)
    _show_at(qtbot, view, LAB_VIEWPORT)
    texts = [t for t in (*view._titles, *itertools.chain(*view.a_labels, *view.b_labels))
             if t.isVisible()]
    boxes = [_rect(t) for t in texts] + [box for _, box in view.edge_label_rects()]
    nodes = [_rect(n) for layer_items in view.neurons for n in layer_items]
    for a, b in itertools.combinations(boxes, 2):
        assert not lp.intersects(a, b), (a, b)
    for box in boxes:
        assert not any(lp.intersects(box, n) for n in nodes)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(view.sceneRect().adjusted(1, 1, -1, -1))


def test_a_small_canvas_gets_tight_rows_a_large_one_circles(qtbot, view, model):
    """"Optimizers compared" (2-8-1) in a lab PC's canvas: circles would be drawn at ~50 %
    (values ~4 px); tight rows read at ≥ 9 px.  A large canvas keeps circles, their a and b
    numbers and the hidden neurons' heatmaps."""
    _open(qtbot, model, "optimizers")
    _show_at(qtbot, view, (1300, 760))
    assert not view.geom.tight and len(view.heatmaps) == 9  # hidden neurons and output
    assert all(t.isVisible() for t in view.a_labels[1])
    assert not any("point at it for a, b" in note for note in view.legend.notes)
    frame = 2 * view.frameWidth()
    view.resize(LAB_VIEWPORT[0] + frame, LAB_VIEWPORT[1] + frame)
    qtbot.waitUntil(lambda: view.geom.tight, timeout=2000)  # rebuilt after the resize
    view.fit()
    assert view.value_text_px() >= READABLE_PX
    assert all(n.pill for n in view.neurons[1]) and view.heatmaps == []
    assert any("point at it for a, b" in note for note in view.legend.notes)  # the rule
    view.resize(1300 + frame, 760 + frame)
    qtbot.waitUntil(lambda: not view.geom.tight, timeout=2000)
    assert len(view.heatmaps) == 9


@pytest.mark.parametrize("preset", ["vanishing-sigmoid", "vanishing-relu"])
def test_six_hidden_layers_read_in_a_lab_canvas(qtbot, view, model, preset):
    """2-8×6-1 in 690 × 296: circles would be drawn at 43 % (values 3.5 px); tight rows 60
    apart read at about 8 px, the most its eight columns allow in that width."""
    _open(qtbot, model, preset)
    _show_at(qtbot, view, LAB_VIEWPORT)
    assert view.geom.tight and view.geom.gap == geometry.SMALL_TIGHT_GAPS[-1]
    assert view.value_text_px() >= 7.5
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(view.sceneRect().adjusted(1, 1, -1, -1))


def test_layout_choice_follows_the_numbers_size_on_screen():
    assert geometry.choose_layout((784, 100, 10), (2000, 1200)) == (True, None)  # wide: always
    assert geometry.choose_layout((2, 8, 1), (1300, 760)) == (False, None)  # room for circles
    assert geometry.choose_layout((2, 8, 1), LAB_VIEWPORT) == (True, 150.0)
    assert geometry.choose_layout((2, 2, 1), LAB_VIEWPORT) == (False, None)  # XOR: circles
    assert geometry.choose_layout((2, 8, 8, 8, 8, 8, 8, 1), LAB_VIEWPORT) == (True, 60.0)
    # fitted, a picture's numbers are as large on screen at any interface scale (everything
    # in it grows alike): the choice does not depend on it
    for sizes in ((2, 8, 1), (2, 2, 1), (2, 8, 8, 8, 8, 8, 8, 1), (2, 3, 2, 2)):
        for viewport in (LAB_VIEWPORT, (900, 600), (540, 320), (500, 250)):
            assert geometry.choose_layout(sizes, viewport, 1.5) == \
                geometry.choose_layout(sizes, viewport), (sizes, viewport)
