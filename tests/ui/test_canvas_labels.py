"""The canvas's numbers never collide: edge weights, neuron values and titles keep clear of each
other and of the neurons; the legend stays outside the network; wide layers are an overview
plus the selected neuron's strongest edges; every size follows the interface scale."""

import math
import re

import numpy as np
import pytest
from PySide6.QtCore import QRectF

from nnviz.ui.canvas import geometry
from nnviz.ui.canvas.network_view import NetworkView
from nnviz.ui.common.formatting import fmt_full
from nnviz.ui.common.interface_scale import interface_scale

PRESETS = ["optimizers", "vanishing-sigmoid", "vanishing-relu", "mnist-course",
           "mnist-pretrained", "xor-gates", "forward-walkthrough"]


@pytest.fixture
def view(qtbot, model):
    v = NetworkView(model)
    qtbot.addWidget(v)
    v.resize(900, 600)
    return v


@pytest.fixture
def scale_back():
    yield interface_scale()
    interface_scale().set(1.0, store=False)  # the scale is one object for the whole app


def _open(qtbot, model, preset):
    model.set_preset(preset)
    qtbot.waitUntil(lambda: not model.loading, timeout=30000)


def _labels(view):
    """Every number and title the canvas writes outside a neuron (visible ones)."""
    items = [*view.w_labels, *view._titles]
    for layer in (*view.a_labels, *view.b_labels):
        items += layer
    return [t for t in items if t.isVisible()]


def _node_rects(view):
    rects = [n.sceneBoundingRect() for layer in view.neurons for n in layer]
    rects += [b.sceneBoundingRect() for layer in view.biases for b in layer if b is not None]
    rects += [h.sceneBoundingRect() for h in view.heatmaps]
    if view.image is not None:
        rects.append(view.image.sceneBoundingRect())
    return rects


def _overlap(a: QRectF, b: QRectF) -> bool:
    """A real overlap (more than a hundredth of a pixel each way)."""
    i = a.intersected(b)
    return i.width() > 0.01 and i.height() > 0.01


def _assert_no_collision(view, what):
    labels = _labels(view)
    boxes = [t.sceneBoundingRect() for t in labels]
    for n, a in enumerate(boxes):
        for m in range(n + 1, len(boxes)):
            assert not _overlap(a, boxes[m]), (what, labels[n].text(), labels[m].text())
        for node in _node_rects(view):
            assert not _overlap(a, node), (what, labels[n].text(), node)


@pytest.mark.parametrize("preset", PRESETS)
def test_no_number_covers_another_or_a_neuron(qtbot, view, model, preset):
    _open(qtbot, model, preset)
    _assert_no_collision(view, preset)
    if preset in ("forward-walkthrough", "xor-gates", "optimizers"):
        # small nets: every weight is written (they all fit)
        shown = {key for key, _ in view.edge_label_rects()}
        drawn = {(e.layer, e.i, e.j) for pool in view.edges for e in pool if e.isVisible()}
        assert shown == drawn, preset
    elif preset.startswith("mnist"):
        assert not view.edge_label_rects(), preset  # wide layers: no weights until a click
    else:
        assert view.edge_label_rects(), preset  # the strongest are written, not none
    layer = 2 if len(view.neurons) > 3 else 1
    model.select_neuron(layer, 3 % len(view.neurons[layer]))
    _assert_no_collision(view, preset + " with a selected neuron")
    assert any(key[0] in (layer - 1, layer) for key, _ in view.edge_label_rects())


def test_the_selected_neurons_weights_are_written_first(qtbot, view, model):
    _open(qtbot, model, "vanishing-sigmoid")
    model.select_neuron(3, 4)
    shown = {key for key, _ in view.edge_label_rects()}
    into = {(2, i, 4) for i in range(8)}
    out_of = {(3, 4, j) for j in range(8)}
    # a neuron's eight incoming and eight outgoing edges fan out: at least most fit
    assert len(shown & into) >= 6 and len(shown & out_of) >= 6


def test_training_keeps_numbers_apart(qtbot, view, model):
    _open(qtbot, model, "optimizers")
    rng = np.random.default_rng(1)
    for _ in range(3):  # numbers change width ("0.1" → "−0.0349"): placement follows
        model.show_trained_params(model.network.params
                                       * rng.uniform(-3, 3, model.network.params.shape))
        _assert_no_collision(view, "after new weights")


@pytest.mark.parametrize("size", [(900, 600), (500, 900), (1400, 500)])
@pytest.mark.parametrize("preset", ["optimizers", "mnist-course", "forward-walkthrough"])
def test_legend_stays_outside_the_network(qtbot, view, model, preset, size):
    view.resize(*size)
    _open(qtbot, model, preset)
    view.fit()
    legend = view.legend.sceneBoundingRect()
    assert not legend.intersects(view.nodes_rect()), (preset, size)
    for node in _node_rects(view):
        assert not legend.intersects(node)
    assert view.sceneRect().contains(legend)  # fitting the view shows it
    assert any("strongest" in line for line in view.legend.notes)  # the rule is written
    assert "without covering a neuron" in view.legend.toolTip()  # in full on hover


def test_a_100_unit_layer_is_an_overview_plus_the_selected_neurons_edges(
        qtbot, view, model):
    _open(qtbot, model, "mnist-course")
    budget = geometry.DENSE_OVERVIEW + 2 * geometry.SELECTED_EDGES
    for pool in view.edges:
        assert sum(e.isVisible() for e in pool) <= geometry.DENSE_OVERVIEW
    model.select_neuron(2, 7)  # hidden layer 2 (100 tanh units), neuron 8
    for pool in view.edges:
        assert sum(e.isVisible() for e in pool) <= budget
    W_in, W_out = model.network.W[1], model.network.W[2]
    strongest_in = set(np.argsort(-np.abs(W_in[:, 7]))[: geometry.SELECTED_EDGES].tolist())
    strongest_out = set(np.argsort(-np.abs(W_out[7, :]))[: geometry.SELECTED_EDGES].tolist())
    focus_in = {e.i for e in view.edges[1] if e.isVisible() and e.focus}
    focus_out = {e.j for e in view.edges[2] if e.isVisible() and e.focus}
    assert focus_in == strongest_in and focus_out == strongest_out
    focus = [e for e in view.edges[1] if e.isVisible() and e.focus]
    overview = [e for e in view.edges[1] if e.isVisible() and not e.focus]
    assert all(e.pen().color().alpha() == 255 for e in focus)
    assert overview and all(e.pen().color().alpha() < 128 for e in overview)  # faded
    assert all(e.zValue() > overview[0].zValue() for e in focus)  # drawn on top
    assert {(1, e.i, 7) for e in focus} & {k for k, _ in view.edge_label_rects()}


def _significant_digits(text: str) -> int:
    mantissa = text.replace("−", "").split("e")[0].replace(".", "").lstrip("0")
    return len(mantissa)


@pytest.mark.parametrize("preset", ["forward-walkthrough", "optimizers", "vanishing-relu"])
def test_a_neurons_value_fits_inside_it_with_three_digits(qtbot, view, model, preset):
    _open(qtbot, model, preset)
    for li, layer in enumerate(view.neurons):
        for k, neuron in enumerate(layer):
            label = view.z_labels[li][k]
            assert _significant_digits(label.text()) <= 3, label.text()
            c, r = neuron.rect().center(), neuron.rect().width() / 2
            box = label.sceneBoundingRect()
            for corner in (box.topLeft(), box.topRight(), box.bottomLeft(), box.bottomRight()):
                assert math.dist((corner.x(), corner.y()), (c.x(), c.y())) <= r, label.text()
            if li > 0:  # the full value on hover
                assert f"z = {fmt_full(neuron.z)}" in view.tooltip_for(neuron)
    assert re.fullmatch(r"−?[\d.]+(e−?\d+)?", view.z_labels[1][0].text())


def test_long_values_shrink_to_fit(qtbot, view, model):
    _open(qtbot, model, "forward-walkthrough")
    model.edit_bias(0, 0, -0.000123456)  # "−0.000123" would overflow at full size
    model.edit_weight(0, 0, 0, -0.3)
    model.edit_weight(0, 1, 0, 0.0)
    neuron, label = view.neurons[1][0], view.z_labels[1][0]
    assert label.scale() <= 1.0
    assert neuron.rect().contains(label.sceneBoundingRect())


def test_interface_scale_enlarges_neurons_numbers_and_lines(qtbot, view, model,
                                                            scale_back):
    _open(qtbot, model, "forward-walkthrough")
    r1 = view.neurons[1][0].rect().width()
    font1 = view.z_labels[1][0].font().pixelSize()
    edge1 = max(e.pen().widthF() for e in view.edges[0] if e.isVisible())
    title1 = view._titles[1].font().pixelSize()
    scale_back.set(1.5, store=False)
    assert view.neurons[1][0].rect().width() == pytest.approx(1.5 * r1)
    assert view.z_labels[1][0].font().pixelSize() == pytest.approx(1.5 * font1, abs=1)
    assert view._titles[1].font().pixelSize() == pytest.approx(1.5 * title1, abs=1)
    assert max(e.pen().widthF() for e in view.edges[0] if e.isVisible()) == \
        pytest.approx(1.5 * edge1)
    _assert_no_collision(view, "at 150 %")
    scale_back.set(2.0, store=False)
    assert view.neurons[1][0].rect().width() == pytest.approx(2.0 * r1)
    _assert_no_collision(view, "at 200 %")


def test_step_activation_is_named_as_in_the_handouts(qtbot, qapp, view, model):
    from nnviz.ui.common import i18n

    _open(qtbot, model, "xor-gates")
    assert "step function" in view._titles[1].text()
    try:
        assert "nnviz_ko" in i18n.install_translators(qapp, "ko")
        model.set_preset("xor-backprop-2")
        model.set_preset("xor-gates")
        assert "계단 함수" in view._titles[1].text()
        assert "계단 함수" in view._titles[2].text()
    finally:
        i18n.install_translators(qapp, "en")


def test_the_explained_steps_mark_survives_a_scale_change(qtbot, view, model, scale_back):
    from nnviz.core.explain.model import NeuronRef

    _open(qtbot, model, "forward-walkthrough")
    view.highlight(NeuronRef(1, 2))
    scale_back.set(1.5, store=False)
    assert view.highlighted[0] == NeuronRef(1, 2)
    ring = [it for it in view._overlay if it.scene() is view.scene()]
    assert ring and ring[0].rect().contains(view.neurons[1][2].rect())
