"""The network canvas: items per preset, the handout's numbers on neurons, tooltips, fast redraw."""

import numpy as np
import pytest

from nnviz.ui.canvas import geometry
from nnviz.ui.canvas.network_view import NetworkView, neuron_formula
from nnviz.ui.formatting import fmt


@pytest.fixture
def view(qtbot, controller):
    v = NetworkView(controller)
    qtbot.addWidget(v)
    v.resize(900, 600)
    return v


def _expected_edges(sizes, k):
    n = 0
    for a, b in zip(sizes[:-1], sizes[1:]):
        n += a * b if a * b <= geometry.FULL_EDGES else min(k, a) * b
    return n


def test_every_preset_builds_the_right_items(qtbot, view, controller):
    for p in controller.presets:
        controller.set_preset(p.id)
        sizes = controller.network.spec.sizes
        image = geometry.image_side(sizes[0])
        n_neurons = [len(items) for items in view.neurons]
        assert n_neurons[1:] == list(sizes[1:]), p.id
        assert n_neurons[0] == (0 if image else sizes[0]), p.id
        assert (view.image is not None) == bool(image), p.id
        visible = sum(e.isVisible() for pool in view.edges for e in pool)
        assert visible == _expected_edges(sizes, view.k), p.id
        n_bias = sum(b is not None for layer in view.biases for b in layer)
        expected_bias = sum(u for u, layer in zip(sizes[1:], p.network.layers)
                            if layer.bias and u <= geometry.FULL_LAYER)
        assert n_bias == expected_bias, p.id
    qtbot.waitUntil(lambda: not controller.loading, timeout=30000)


def test_forward_walkthrough_shows_the_handout_numbers(view, controller):
    controller.set_preset("forward-walkthrough")
    e = controller.preset.expect
    for layer, (A, Z) in enumerate([(e["A1"], e["Z1"]), (e["A2"], e["Z2"]), (e["y"], e["y"])], 1):
        items = view.neurons[layer]
        assert np.allclose([it.a for it in items], A, atol=1e-8)
        assert np.allclose([it.z for it in items], Z, atol=1e-8)
        z_texts = [t.text() for t in view.z_labels[layer]]
        assert z_texts == [fmt(z) for z in Z]
        a_texts = [t.text() for t in view.a_labels[layer]]
        assert a_texts == [f"a {fmt(a)}" for a in A]
        assert all(t.isVisible() for t in view.z_labels[layer])
    assert [t.text() for t in view.z_labels[1]] == ["0.5744", "0.6682", "0.7503"]
    view.set_show_numbers(False)
    assert not any(t.isVisible() for t in view.z_labels[1])


def test_neuron_tooltip_formula_has_live_numbers(view, controller):
    controller.set_preset("forward-walkthrough")
    text = neuron_formula(controller, 1, 0)
    assert "a₁ = 0.1·1 + 0.2·0.5 + 0.1 = 0.3" in text
    assert "z₁ = σ(0.3) = 0.5744" in text
    assert view.tooltip_for(view.neurons[1][0]) == text
    edge = next(e for e in view.edges[0] if e.i == 1 and e.j == 2)
    assert "W1[2,3] = 0.6" in view.tooltip_for(edge)


def test_edge_edit_goes_through_undo(view, controller):
    controller.set_preset("forward-walkthrough")
    edge = next(e for e in view.edges[0] if e.i == 0 and e.j == 0)
    assert view.apply_text(edge, "1.5")
    assert controller.network.W[0][0, 0] == 1.5
    assert view.neurons[1][0].a == pytest.approx(1.5 + 0.1 + 0.1)
    assert not view.apply_text(edge, "nan")
    assert controller.network.W[0][0, 0] == 1.5
    controller.undo_stack.undo()
    assert controller.network.W[0][0, 0] == 0.1
    assert view.neurons[1][0].a == pytest.approx(0.3)


def test_mnist_canvas_updates_in_place(qtbot, view, controller):
    controller.set_preset("mnist-course")
    qtbot.waitUntil(lambda: not controller.loading, timeout=30000)
    before = [id(e) for pool in view.edges for e in pool]
    neuron_ids = [id(n) for layer in view.neurons for n in layer]
    rng = np.random.default_rng(0)
    controller.set_input(rng.uniform(0, 1, 784))
    controller.show_params(controller.network.params * 1.5)
    assert [id(n) for layer in view.neurons for n in layer] == neuron_ids
    assert [id(e) for pool in view.edges for e in pool] == before
    z = controller.trace[0][1]
    assert np.allclose([n.z for n in view.neurons[1]], z)
    view.set_k(5)
    assert sum(e.isVisible() for e in view.edges[0]) == 500


def test_hidden_neurons_show_their_output_over_the_input_plane(qtbot, view, controller):
    import numpy as np

    from nnviz.ui import plane

    controller.set_preset("xor-backprop-2")
    assert len(view.heatmaps) == 3  # two hidden neurons and the output
    hm = next(h for h in view.heatmaps if h.layer == 1 and h.index == 0)
    assert not hm.pixmap().isNull() and hm.pixmap().width() == hm.SIZE
    ext = plane.extent(controller.samples.X)
    expect = plane.neuron_planes(controller.network, ext, hm.SIZE)[0][0]
    img = hm.pixmap().toImage()
    from nnviz.ui import colors

    rgb = colors.signed_rgb(expect)
    c = img.pixelColor(3, 5)
    assert (c.red(), c.green(), c.blue()) == tuple(int(v) for v in rgb[5, 3])
    before = hm.pixmap().toImage()
    controller.network.W[0][...] *= -1
    view.update_values()
    assert hm.pixmap().toImage() != before  # follows the weights
    base = hm.scale()
    from PySide6.QtWidgets import QGraphicsSceneHoverEvent

    hm.hoverEnterEvent(QGraphicsSceneHoverEvent())
    assert np.isclose(hm.scale(), 4 * base)  # hovering enlarges it
    hm.hoverLeaveEvent(QGraphicsSceneHoverEvent())
    assert np.isclose(hm.scale(), base)
    controller.set_preset("mnist-course")
    qtbot.waitUntil(lambda: not controller.loading, timeout=30000)
    assert view.heatmaps == []  # 784 inputs: no input plane
