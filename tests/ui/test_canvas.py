"""The network canvas: items per preset, the handout's numbers on neurons, tooltips, fast redraw,
in-place editing of weights and biases."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from nnviz.ui.canvas import geometry
from nnviz.ui.canvas.inline_editor import InlineEditor
from nnviz.ui.canvas.network_view import NetworkView
from nnviz.ui.common.formatting import fmt
from nnviz.ui.common.formulas import neuron_formula


@pytest.fixture
def view(qtbot, model):
    v = NetworkView(model)
    qtbot.addWidget(v)
    v.resize(900, 600)
    return v


def _expected_edges(sizes, budget):
    n = 0
    for a, b in zip(sizes[:-1], sizes[1:]):
        n += a * b if a * b <= geometry.FULL_EDGES else min(a * b, budget)
    return n


def test_every_preset_builds_the_right_items(qtbot, view, model):
    for p in model.presets:
        model.set_preset(p.id)
        sizes = model.network.spec.sizes
        image = geometry.image_side(sizes[0])
        n_neurons = [len(items) for items in view.neurons]
        assert n_neurons[1:] == list(sizes[1:]), p.id
        assert n_neurons[0] == (0 if image else sizes[0]), p.id
        assert (view.image is not None) == bool(image), p.id
        visible = sum(e.isVisible() for pool in view.edges for e in pool)
        assert visible == _expected_edges(sizes, view.overview_edges), p.id
        n_bias = sum(b is not None for layer in view.biases for b in layer)
        expected_bias = sum(u for u, layer in zip(sizes[1:], p.network.layers)
                            if layer.bias and u <= geometry.FULL_LAYER)
        assert n_bias == expected_bias, p.id
    qtbot.waitUntil(lambda: not model.loading, timeout=30000)


def test_forward_walkthrough_shows_the_handout_numbers(view, model):
    model.set_preset("forward-walkthrough")
    e = model.preset.expect
    for layer, (A, Z) in enumerate([(e["A1"], e["Z1"]), (e["A2"], e["Z2"]), (e["y"], e["y"])], 1):
        items = view.neurons[layer]
        assert np.allclose([it.a for it in items], A, atol=1e-8)
        assert np.allclose([it.z for it in items], Z, atol=1e-8)
        z_texts = [t.text() for t in view.z_labels[layer]]
        assert z_texts == [fmt(z, 3) for z in Z]
        a_texts = [t.text() for t in view.a_labels[layer]]
        assert a_texts == [f"a {fmt(a, 3)}" for a in A]
        assert all(t.isVisible() for t in view.z_labels[layer])
    assert [t.text() for t in view.z_labels[1]] == ["0.574", "0.668", "0.75"]
    view.set_show_numbers(False)
    assert not any(t.isVisible() for t in view.z_labels[1])


def test_neuron_tooltip_formula_has_live_numbers(view, model):
    model.set_preset("forward-walkthrough")
    text = neuron_formula(model, 1, 0)
    assert "a₁ = 0.1·1 + 0.2·0.5 + 0.1 = 0.3" in text
    assert "z₁ = σ(0.3) = 0.5744" in text
    assert view.tooltip_for(view.neurons[1][0]) == text
    edge = next(e for e in view.edges[0] if e.i == 1 and e.j == 2)
    assert "W1[2,3] = 0.6" in view.tooltip_for(edge)


def test_edge_edit_goes_through_undo(view, model):
    model.set_preset("forward-walkthrough")
    edge = next(e for e in view.edges[0] if e.i == 0 and e.j == 0)
    assert view.apply_text(edge, "1.5")
    assert model.network.W[0][0, 0] == 1.5
    assert view.neurons[1][0].a == pytest.approx(1.5 + 0.1 + 0.1)
    assert not view.apply_text(edge, "nan")
    assert model.network.W[0][0, 0] == 1.5
    model.undo_stack.undo()
    assert model.network.W[0][0, 0] == 0.1
    assert view.neurons[1][0].a == pytest.approx(0.3)


def test_mnist_canvas_updates_in_place(qtbot, view, model):
    model.set_preset("mnist-course")
    qtbot.waitUntil(lambda: not model.loading, timeout=30000)
    before = [id(e) for pool in view.edges for e in pool]
    neuron_ids = [id(n) for layer in view.neurons for n in layer]
    rng = np.random.default_rng(0)
    model.set_input(rng.uniform(0, 1, 784))
    model.show_trained_params(model.network.params * 1.5)
    assert [id(n) for layer in view.neurons for n in layer] == neuron_ids
    assert [id(e) for pool in view.edges for e in pool] == before
    z = model.trace[0][1]
    assert np.allclose([n.z for n in view.neurons[1]], z)
    view.set_overview_edges(5)  # the overview is the strongest 5 of 78,400
    assert view.drawn_edge_count(0) == 5


def test_hidden_neurons_show_their_output_over_the_input_plane(qtbot, view, model):
    import numpy as np

    from nnviz.ui.common import plane

    model.set_preset("xor-backprop-2")
    assert len(view.heatmaps) == 3  # two hidden neurons and the output
    hm = next(h for h in view.heatmaps if h.layer == 1 and h.index == 0)
    assert not hm.pixmap().isNull() and hm.pixmap().width() == hm.SIZE
    ext = plane.extent(model.samples.X)
    expect = plane.neuron_planes(model.network, ext, hm.SIZE)[0][0]
    img = hm.pixmap().toImage()
    from nnviz.ui.common import colors

    rgb = colors.signed_rgb(expect)
    c = img.pixelColor(3, 5)
    assert (c.red(), c.green(), c.blue()) == tuple(int(v) for v in rgb[5, 3])
    before = hm.pixmap().toImage()
    model.network.W[0][...] *= -1
    view.update_values()
    assert hm.pixmap().toImage() != before  # follows the weights
    base = hm.scale()
    from PySide6.QtWidgets import QGraphicsSceneHoverEvent

    hm.hoverEnterEvent(QGraphicsSceneHoverEvent())
    assert np.isclose(hm.scale(), 4 * base)  # hovering enlarges it
    hm.hoverLeaveEvent(QGraphicsSceneHoverEvent())
    assert np.isclose(hm.scale(), base)
    model.set_preset("mnist-course")
    qtbot.waitUntil(lambda: not model.loading, timeout=30000)
    assert view.heatmaps == []  # 784 inputs: no input plane


# -- in-place editing of weights and biases ------------------------------------------------

@pytest.fixture
def shown_view(qtbot, view, model):
    model.set_preset("forward-walkthrough")
    view.show()
    qtbot.waitExposed(view)
    return view


def _edge(view, layer, i, j):
    return next(e for e in view.edges[layer] if e.isVisible() and (e.i, e.j) == (i, j))


def _at(view, scene_point):
    return view.mapFromScene(scene_point)


def _click(qtbot, view, item):
    """A plain left click at the edge's midpoint (the bias square's centre)."""
    from nnviz.ui.canvas.network_view import EdgeItem

    if isinstance(item, EdgeItem):  # where the edge is not under another edge's number
        pos = next(_at(view, item.line().pointAt(f)) for f in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2)
                   if view.editable_item_at(_at(view, item.line().pointAt(f))) is item)
    else:
        pos = _at(view, item.sceneBoundingRect().center())
    assert view.editable_item_at(pos) is item  # nothing else on top of it there
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=pos)
    return pos


def test_click_on_an_edge_edits_it_in_place_with_undo(qtbot, shown_view, model):
    view = shown_view
    edge = _edge(view, 0, 1, 1)
    old = model.network.W[0][1, 1]
    _click(qtbot, view, edge)
    ed = view.editor
    assert ed.active and view.edit_item is edge
    assert ed.name.text() == "W1[2,2] ="
    assert ed.text() == "0.4" and ed.line.selectedText() == "0.4"
    # at the weight: the editor covers the edge's number on the canvas
    label = next(t for t in view.w_labels if t.isVisible() and t.edit_target is edge)
    assert ed.geometry().contains(_at(view, label.sceneBoundingRect().center()))
    qtbot.keyClicks(ed.line, "1.5")
    qtbot.keyClick(ed.line, Qt.Key_Return)
    assert model.network.W[0][1, 1] == 1.5
    assert view.neurons[1][1].a == pytest.approx(0.3 * 1.0 + 1.5 * 0.5 + 0.2)
    assert not ed.active and view.edit_item is None
    model.undo_stack.undo()
    assert model.network.W[0][1, 1] == old
    model.undo_stack.redo()
    assert model.network.W[0][1, 1] == 1.5


def test_refused_text_keeps_the_weight_and_the_editor_open(qtbot, shown_view, model):
    view = shown_view
    edge = _edge(view, 0, 1, 1)
    refused = []
    model.edit_refused.connect(refused.append)
    _click(qtbot, view, edge)
    ed = view.editor
    qtbot.keyClicks(ed.line, "abc")
    qtbot.keyClick(ed.line, Qt.Key_Return)
    assert model.network.W[0][1, 1] == 0.4
    assert model.undo_stack.count() == 0
    assert ed.active and ed.error_text and "abc" in ed.error_text
    assert ed.message.isVisible() and ed.toolTip() == ed.error_text == refused[-1]
    qtbot.keyClicks(ed.line, "-0.7")  # typing again clears the error, then applies
    assert ed.error_text == "" and not ed.message.isVisible()
    qtbot.keyClick(ed.line, Qt.Key_Return)
    assert model.network.W[0][1, 1] == pytest.approx(-0.7)
    assert not ed.active


def test_escape_cancels(qtbot, shown_view, model):
    view = shown_view
    _click(qtbot, view, _edge(view, 0, 1, 1))
    qtbot.keyClicks(view.editor.line, "9")
    qtbot.keyClick(view.editor.line, Qt.Key_Escape)
    assert not view.editor.active and view.edit_item is None
    assert model.network.W[0][1, 1] == 0.4
    assert model.undo_stack.count() == 0


def test_a_drag_over_an_edge_pans_and_does_not_edit(qtbot, shown_view, model):
    view = shown_view
    view.zoom_by(3.0)  # something to pan
    edge = _edge(view, 0, 1, 1)
    view.centerOn(edge.line().center())
    pos = _at(view, edge.line().center())
    assert view.editable_item_at(pos) is edge
    before = (view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    vp = view.viewport()
    qtbot.mousePress(vp, Qt.LeftButton, pos=pos)
    for dx in (10, 20, 30, 40):
        qtbot.mouseMove(vp, pos + QPoint(dx, 0))
    qtbot.mouseRelease(vp, Qt.LeftButton, pos=pos + QPoint(40, 0))
    after = (view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    assert after != before  # panned
    assert not view.editor.active and view.edit_item is None


def test_bias_edits_the_same_way(qtbot, shown_view, model):
    view = shown_view
    bias = view.biases[1][1]
    _click(qtbot, view, bias)
    ed = view.editor
    assert ed.active and view.edit_item is bias
    assert ed.name.text() == "b1[2] =" and ed.text() == "0.2"
    # just left of the square, over its "b 0.2" label
    assert ed.geometry().right() < _at(view, bias.sceneBoundingRect().center()).x()
    ed.line.setText("−2")  # the Unicode minus of the canvas labels is accepted
    qtbot.keyClick(ed.line, Qt.Key_Enter)
    assert model.network.b[0][1] == -2.0
    assert not ed.active
    model.undo_stack.undo()
    assert model.network.b[0][1] == 0.2
    _click(qtbot, view, bias)
    qtbot.keyClicks(ed.line, "x")
    qtbot.keyClick(ed.line, Qt.Key_Return)
    assert ed.active and ed.error_text and model.network.b[0][1] == 0.2
    qtbot.keyClick(ed.line, Qt.Key_Escape)
    assert not ed.active and model.network.b[0][1] == 0.2


def test_double_click_and_ask_value_open_the_same_editor(qtbot, shown_view, model):
    view = shown_view
    edge = _edge(view, 1, 2, 1)
    pos = _at(view, edge.line().center())
    qtbot.mouseDClick(view.viewport(), Qt.LeftButton, pos=pos)
    assert view.editor.active and view.edit_item is edge
    other = _edge(view, 0, 0, 2)
    view.ask_value(other)  # the public entry point moves the one editor
    assert view.editor.active and view.edit_item is other
    assert view.editor.name.text() == "W1[1,3] =" and view.editor.text() == "0.5"
    assert sum(isinstance(w, InlineEditor) for w in view.viewport().children()) == 1


def test_clicking_another_edge_moves_the_editor_and_keeps_a_valid_change(
        qtbot, shown_view, model):
    view = shown_view
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    first, second = _edge(view, 0, 1, 1), _edge(view, 1, 2, 1)
    old = model.network.W[1][2, 1]
    _click(qtbot, view, first)
    qtbot.waitUntil(view.editor.line.hasFocus)
    qtbot.keyClicks(view.editor.line, "0.9")
    _click(qtbot, view, second)  # focus leaves the editor: the typed value is kept
    assert model.network.W[0][1, 1] == 0.9
    assert view.editor.active and view.edit_item is second
    view.editor.line.setText("zz")
    view.setFocus()  # leaving with unusable text just closes
    qtbot.waitUntil(lambda: not view.editor.active)
    assert model.network.W[1][2, 1] == old


def test_neuron_clicks_still_select_and_do_not_edit(qtbot, shown_view, model):
    view = shown_view
    neuron = view.neurons[1][2]
    with qtbot.waitSignal(view.neuron_clicked) as sig:
        qtbot.mouseClick(view.viewport(), Qt.LeftButton,
                         pos=_at(view, neuron.sceneBoundingRect().center()))
    assert sig.args == [1, 2]
    assert not view.editor.active


def test_editor_follows_zoom_and_closes_on_rebuild(qtbot, shown_view, model):
    view = shown_view
    edge = _edge(view, 0, 1, 1)
    _click(qtbot, view, edge)
    label = next(t for t in view.w_labels if t.isVisible() and t.edit_target is edge)
    for factor in (2.0, 0.7):
        view.zoom_by(factor)
        assert view.editor.active
        assert view.editor.geometry().contains(_at(view, label.sceneBoundingRect().center()))
    view.update_values()  # a training snapshot keeps it open
    assert view.editor.active and view.edit_item is edge
    model.set_preset("xor-gates")
    assert not view.editor.active and view.edit_item is None


def test_tooltips_say_click_to_edit(shown_view):
    view = shown_view
    assert view.tooltip_for(_edge(view, 0, 0, 0)).endswith("Click to edit")
    assert view.tooltip_for(view.biases[1][0]).endswith("Click to edit")


def test_edge_hit_area_follows_its_line_and_width(qtbot):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QPen

    from nnviz.ui.canvas.network_view import EdgeItem

    e = EdgeItem(None, 0)
    e.place(0.0, 0.0, 100.0, 0.0, QPen(QColor("red"), 1.0))
    assert e.shape().contains(QPointF(50, 3)) and not e.shape().contains(QPointF(50, 5))
    first = e.shape()
    e.place(0.0, 0.0, 100.0, 0.0, QPen(QColor("blue"), 2.0))  # same line and hit width: cached
    assert e.shape() is first and e.pen().color() == QColor("blue")
    e.place(0.0, 50.0, 100.0, 50.0, QPen(QColor("blue"), 2.0))  # moved
    assert e.shape().contains(QPointF(50, 52)) and not e.shape().contains(QPointF(50, 3))
    assert e.boundingRect().top() < 50 < e.boundingRect().bottom()
    e.place(0.0, 50.0, 100.0, 50.0, QPen(QColor("blue"), 20.0))  # a thick edge: wider area
    assert e.shape().contains(QPointF(50, 59))


def test_step_neuron_formula_reads_as_the_handouts_h(view, model):
    """XOR by hand: the step neuron is h(a) with its rule, not a raw 'step(…)' (handout 000)."""
    model.set_preset("xor-gates")
    model.select_sample(0)  # (0, 0): n1 = NAND = 1 with a = 3
    text = neuron_formula(model, 1, 0)
    assert "z₁ = h(3) = 1" in text and "step(" not in text
    assert "1 when a > 0" in text
