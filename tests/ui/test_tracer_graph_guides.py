"""The chain-rule tracer, the computational graph and the guide's progress and facts in the app.

Numbers are checked against the app's own backward pass (``LessonModel.gradient``, not the
tracer) or against a forward/backward pass written here with NumPy.
"""

import numpy as np
import pytest
from mnist_support import load_lesson, mnist_folder, wait_evaluated  # noqa: F401 (fixture)
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from nnviz.core.explain import EdgeRef, Phase, fmt
from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import LayerSpec, NetworkSpec


@pytest.fixture
def tracer(model, qtbot):
    from nnviz.ui.model.gradient_trace import GradientTraceState
    from nnviz.ui.panels.tracer_panel import GradientTracerPanel

    state = GradientTraceState(model)
    panel = GradientTracerPanel(state)
    qtbot.addWidget(panel)
    return model, state, panel


def shown_factors(panel):
    """(factor values, product) as the table holds them (full precision)."""
    t = panel.table
    values = [t.item(r, 1).data(0x0100) for r in range(t.rowCount())]
    texts = [t.item(r, 1).text() for r in range(t.rowCount())]
    return values[:-1], values[-1], texts[-1]


def test_tracer_product_is_the_gradient_of_an_xor_edge(tracer):
    model, state, panel = tracer
    model.set_preset("xor-backprop-2")
    model.select_sample(2)  # (1, 0) → 1
    assert state.set_param(EdgeRef(0, 0, 1))  # x₁ → hidden neuron 2
    g = model.gradient()[model.w_index(0, 0, 1)]  # the app's backprop, not the tracer
    factors, product, text = shown_factors(panel)
    assert state.trace.n_paths == 1 and not panel.path_box.isVisible()
    assert product == pytest.approx(g, rel=1e-9, abs=1e-15)
    assert np.prod(factors) == pytest.approx(product, rel=1e-12)
    assert text == fmt(g)
    assert fmt(g) in panel.total.text() and fmt(g) in panel.gradient.text()
    assert len(factors) == 4  # x₁ · σ′(a₂⁽¹⁾) · w₁₂⁽²⁾ · (y − t)
    assert panel.table.item(0, 0).text() == "x₁"


def test_tracer_on_the_deep_sigmoid_net_warns_of_vanishing_and_saturation(tracer):
    model, state, panel = tracer
    model.set_preset("vanishing-sigmoid")
    model.select_sample(0)
    state.recompute()
    t = state.trace
    g = model.gradient()[model.w_index(0, 0, 0)]
    assert t.n_paths == 8 ** 5
    assert t.evaluate() == pytest.approx(g, rel=1e-9, abs=1e-18)
    assert fmt(g) in panel.total.text() and "32,768" in panel.total.text()
    factors, product, _ = shown_factors(panel)
    assert np.prod(factors) == pytest.approx(product, rel=1e-12)
    assert product == pytest.approx(state.paths[0].value)  # the strongest path first
    assert panel.warnings.isVisibleTo(panel)
    assert "vanishing gradient" in panel.warnings.text()
    # drive the first layer into saturation: h′ of the traced neuron ≈ 0, marked in the table
    for i in range(2):
        model.edit_weight(0, i, 0, 40.0 * np.sign(model.x[i] or 1.0))
    state.recompute()
    assert any(w.kind == "saturated" for w in state.trace.warnings)
    assert "saturated" in panel.warnings.text()
    notes = [panel.table.item(r, 2).text() for r in range(panel.table.rowCount())]
    assert any("saturated" in n for n in notes)


def test_a_neuron_selected_on_the_canvas_becomes_the_traced_target(tracer):
    model, state, panel = tracer
    model.set_preset("xor-backprop-3")
    model.select_sample(1)
    assert not state.chosen
    model.select_neuron(2, 0)  # the output neuron
    assert state.param == EdgeRef(1, 0, 0) and state.chosen
    assert panel.layer.currentIndex() == 1 and panel.target.value() == 1


@pytest.fixture
def graph(model, qtbot):
    from nnviz.ui.model.explained_step import ExplainedStepState
    from nnviz.ui.panels.computation_graph_view import ComputationGraphView

    explained = ExplainedStepState(model)
    view = ComputationGraphView(model, explained)
    qtbot.addWidget(view)
    return model, explained, view


def one_neuron(model, w, b):
    """The perceptron lesson's data with a one-neuron sigmoid network."""
    model.set_preset("perceptron-and")
    net = Network.from_spec(NetworkSpec(2, (LayerSpec(1, "sigmoid"),)))
    net.set_layer(0, W=np.array(w, float).reshape(2, 1), b=np.array([b], float))
    model.replace_network(net)
    model.select_sample(3)  # (1, 1) → 1


def test_graph_labels_are_the_one_neurons_forward_and_backward_pass(graph, qtbot):
    model, explained, view = graph
    w, b = np.array([0.8, -0.3]), 0.1
    one_neuron(model, w, b)
    qtbot.waitUntil(lambda: view.graph is not None and "a0.0" in view.items)
    # independently: a = w·x + b, y = σ(a), L = (y − t)² (MSE of one output)
    x, t = np.array([1.0, 1.0]), 1.0
    a = w @ x + b
    y = 1 / (1 + np.exp(-a))
    L = (y - t) ** 2
    dL_dy = 2 * (y - t)
    dL_da = dL_dy * y * (1 - y)
    expect = {"x0": (x[0], dL_da * w[0]), "w0.0.0": (w[0], dL_da * x[0]),
              "w0.1.0": (w[1], dL_da * x[1]), "mul0.0.0": (w[0] * x[0], dL_da),
              "mul0.1.0": (w[1] * x[1], dL_da), "b0.0": (b, dL_da), "a0.0": (a, dL_da),
              "z0.0": (y, dL_dy), "L": (L, 1.0)}
    labels = view.labels()
    for node, (value, grad) in expect.items():
        _title, v_text, g_text = labels[node]
        assert v_text == f"data {fmt(value)}", node
        assert g_text == f"grad {fmt(grad)}", node
    assert labels["a0.0"][0].startswith("+") and labels["z0.0"][0].startswith("σ")
    # after an edit the graph is rebuilt with the new weight
    model.edit_weight(0, 0, 0, 0.5)
    qtbot.waitUntil(lambda: view.labels()["w0.0.0"][1] == f"data {fmt(0.5)}")
    a2 = 0.5 - 0.3 + b
    assert view.labels()["a0.0"][1] == f"data {fmt(a2)}"


def test_graph_follows_the_explained_phase_and_a_training_step(graph, qtbot):
    model, explained, view = graph
    model.set_preset("xor-backprop-2")
    model.select_sample(2)
    explained.recompute()
    qtbot.waitUntil(lambda: view.graph is not None)
    explained.jump(Phase.FORWARD)
    assert all(g == "grad ?" for _t, _v, g in view.labels().values())
    explained.jump(Phase.BACKWARD)
    assert all(g != "grad ?" for _t, _v, g in view.labels().values())
    before = view.labels()["w0.0.0"][1]
    with qtbot.waitSignal(model.run.snapshot_shown, timeout=30000):
        model.run.step("sample")
    qtbot.waitUntil(lambda: view.labels()["w0.0.0"][1] != before, timeout=5000)
    assert view.labels()["w0.0.0"][1] == f"data {fmt(model.network.W[0][0, 0])}"


def test_big_networks_say_why_there_is_no_graph(graph, qtbot):
    model, _explained, view = graph
    model.set_preset("vanishing-sigmoid")
    model.select_sample(0)
    view.rebuild()
    assert view.graph is None and "small networks" in view.unavailable
    assert view._message is not None and view._message.text() == view.unavailable


@pytest.fixture
def states(model):
    from nnviz.ui.model.explained_step import ExplainedStepState
    from nnviz.ui.model.guide_state import GuideState

    return model, GuideState(model, ExplainedStepState(model))


def test_guide_progress_resumes_after_switching_lessons(states):
    model, guide = states
    model.set_preset("perceptron-and-by-hand")
    model.select_sample(3)  # the first task
    assert guide.next() and guide.progress.index == 1
    model.set_preset("xor-backprop-2")
    assert guide.progress.guide.lesson == "xor-backprop-2" and guide.progress.index == 0
    model.set_preset("perceptron-and-by-hand")
    assert guide.progress.index == 1 and "code" in guide.progress.done
    assert guide.active  # a fresh lesson: the step is entered again
    guide.restart()
    assert guide.progress.index == 0 and not guide.progress.done
    model.set_preset("xor-backprop-2")
    model.set_preset("perceptron-and-by-hand")
    assert guide.progress.index == 0  # the restart was kept too


def test_the_window_enables_only_the_named_controls(window, qtbot):
    window.open_lesson("perceptron-and-by-hand")
    g = window.guides
    assert not window.weights.isEnabled()  # step 1: click a row, no editing
    assert not window.hyper.lr.isEnabled()
    p = g.guide.progress
    p.done.update(s.id for s in p.guide.steps)
    assert g.guide.go_to(p.guide.index_of("yourself"))  # names edit_weights only
    assert window.weights.isEnabled() and not window.hyper.lr.isEnabled()
    g.guide.leave()
    assert window.hyper.lr.isEnabled()


def test_canvas_clicks_trace_when_the_step_does_not_edit(window, qtbot):
    window.open_lesson("vanishing-sigmoid")
    g = window.guides
    p = g.guide.progress
    k = p.guide.index_of("tracer")
    p.done.update(s.id for s in p.guide.steps[:k])
    assert g.guide.go_to(k)
    assert window.docks["tracer"].isVisible()
    window.model.select_sample(0)
    assert g.guide.facts().traced is None  # the default weight is not the student's choice
    assert not g.guide.status.done
    canvas = window.canvas
    edge = next(e for e in canvas.edges[0] if e.isVisible())
    ref = EdgeRef(0, edge.i, edge.j)
    # a point of the edge that no number lies over (a number edits its own edge)
    pos = next(p for p in (canvas.mapFromScene(edge.line().pointAt(f))
                           for f in (0.3, 0.5, 0.7, 0.2, 0.8))
               if type(canvas.items(p)[0]) is type(edge))
    assert g.controls_extra.ref_at(pos) == ref
    # a left click on the edge: no editor in this step, the tracer explains it
    QTest.mouseClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier, pos)
    assert not canvas.editor.active
    assert g.tracer.param == ref and g.tracer.chosen
    assert g.guide.status.done  # "Trace a weight of W1"
    assert canvas.highlighted[0] == ref
    # the right-click menu traces any weight; editing is refused in this step
    other = EdgeRef(0, 1 - edge.i, edge.j)
    menu = g.controls_extra.open_menu(other, None, pos, exec_=False)
    assert not menu.actions()[1].isEnabled()
    menu.actions()[0].trigger()
    assert g.tracer.param == other


def test_draw_pad_digit_is_a_guide_fact(window, qtbot, mnist_folder):  # noqa: F811
    views = window.mnist
    views.evaluator.limit = 200
    try:
        load_lesson(window.model, qtbot, "mnist-pretrained")
        g = window.guides.guide
        p = g.progress
        k = p.guide.index_of("draw")
        p.done.update(s.id for s in p.guide.steps[:k])  # the earlier steps are tested alone
        assert g.go_to(k)  # "Draw a 3"
        pad = views.draw
        m = window.model
        last = len(m.network.b) - 1
        m.edit_bias(last, 3, -1000.0)  # the network can never read a 3
        pad.add_stroke([(80, 60), (200, 60), (140, 140), (200, 200), (80, 240)])
        assert g.drawn_input is not None
        np.testing.assert_allclose(g.drawn_input, pad.network_input())
        assert pad.prediction != 3 and not g.status.done
        m.edit_bias(last, 3, 1000.0)  # now it always does
        pad.process()
        assert pad.prediction == 3 and g.status.done
        pad.clear()
        assert g.drawn_input is None
        # the evaluator's test accuracy is the "accuracy on test" fact; an edit makes it stale
        views.evaluator.evaluate()
        result = wait_evaluated(qtbot, views.evaluator)
        assert g.facts().test_accuracy == pytest.approx(result.accuracy)
        m.edit_bias(last, 3, 0.0)
        assert g.evaluated_accuracy is None
    finally:
        views.shutdown()


def test_opening_the_gallery_completes_its_guide_step(window, qtbot):
    """The activations guide asks to open the activation gallery: the lab's dock, made after
    the guide, must become a fact (before, the step never passed)."""
    window.open_lesson("activations")
    g = window.guides.guide
    window.guides.show_panels(["activation_gallery"])
    assert window.docks["lab_gallery"].isVisible()
    g.reevaluate()
    assert "activation_gallery" in g.facts().open_panels


def test_the_guide_band_grows_with_the_text_size(window, qtbot):
    from nnviz.ui.common.interface_scale import interface_scale
    from nnviz.ui.shell.guide_docks import GUIDE_HEIGHT

    band = window.docks["guide"].widget()
    try:
        interface_scale().set(1.5, store=False)
        assert band.minimumHeight() == round(GUIDE_HEIGHT * 1.5)
    finally:
        interface_scale().set(1.0, store=False)
    assert band.minimumHeight() == GUIDE_HEIGHT


def test_softmax_guide_shows_the_vector_its_text_quotes(window):
    """Step 1 quotes a = [0.3, 2.9, 4.0]; step 2 the overflowing [1010, 1000, 990]."""
    window.open_lesson("softmax-overflow")
    g = window.guides.guide
    np.testing.assert_allclose(window.model.x, [0.3, 2.9, 4.0])
    p = g.progress
    p.done.update(s.id for s in p.guide.steps)
    assert g.go_to(p.guide.index_of("overflow"))
    np.testing.assert_allclose(window.model.x, [1010, 1000, 990])
