"""The perceptron, one-neuron and XOR guides each have a step that opens the computational
graph (micrograd's value and gradient per node); walking to it shows and raises the graph."""

import pytest

GRAPH_LESSONS = ("perceptron-and", "perceptron-and-by-hand", "xor-backprop-2")


@pytest.mark.parametrize("lesson", GRAPH_LESSONS)
def test_walking_to_the_graph_step_shows_the_graph(window, qtbot, lesson):
    window.open_lesson(lesson)
    g = window.guides.guide
    dock = window.docks["graph"]
    assert not dock.isVisible()  # hidden until something asks for it
    p = g.progress
    k = p.guide.index_of("graph")
    step = p.guide.steps[k]
    assert "graph" in step.state.panels
    assert "micrograd" in step.text.en and "micrograd" in step.text.ko
    assert "∂L/∂" in step.text.en and "기울기" in step.text.ko
    p.done.update(s.id for s in p.guide.steps[:k])
    assert g.go_to(k)
    qtbot.waitUntil(lambda: dock.isVisible() and window.guides.graph_view.active, timeout=5000)
    assert not dock.visibleRegion().isEmpty()  # raised in front of its tabs, not behind them
    view = window.guides.graph_view
    qtbot.waitUntil(lambda: view.graph is not None, timeout=5000)
    assert {"L", "a0.0", "w0.0.0"} <= set(view.items)
    assert "graph" in g.open_panels


def test_the_one_neuron_graph_shows_the_numbers_its_text_quotes(window, qtbot):
    """(1, 1) with w = 0.4, 0.2, b = −0.5: a = 0.1, y = 1 (the step's text says so)."""
    window.open_lesson("perceptron-and-by-hand")
    g = window.guides.guide
    p = g.progress
    k = p.guide.index_of("graph")
    p.done.update(s.id for s in p.guide.steps[:k])
    window.model.select_sample(0)  # the step itself selects the row (1, 1)
    assert g.go_to(k)
    assert window.model.sample_index == 3
    view = window.guides.graph_view
    qtbot.waitUntil(lambda: view.graph is not None and "a0.0" in view.items, timeout=5000)
    nodes = {n.id: n for n in view.graph.nodes}
    assert nodes["a0.0"].value == pytest.approx(0.1, abs=1e-9)
    assert nodes["z0.0"].value == 1.0
    assert nodes["w0.0.0"].grad == 0.0  # the step function's h′ is 0: no gradient reaches w
    assert "0.1" in view.labels()["a0.0"][1]
