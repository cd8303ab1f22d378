"""The canvas's placement rules without Qt: labels on edges, values in circles, the legend."""

import itertools

import numpy as np

from nnviz.ui.canvas import geometry
from nnviz.ui.canvas import label_placement as lp


def test_labels_of_a_fan_never_overlap_and_avoid_obstacles():
    # 8 edges from one point fanning out to 8 targets, plus a neuron in the middle
    edges = [(0.0, 0.0, 200.0, y) for y in np.linspace(-200, 200, 8)]
    neuron = (80.0, -20.0, 40.0, 40.0)
    boxes = lp.place_on_edges(edges, [(30.0, 12.0)] * 8, [neuron])
    placed = [b for b in boxes if b is not None]
    assert len(placed) >= 4
    for a, b in itertools.combinations(placed, 2):
        assert not lp.intersects(a, b)
    assert not any(lp.intersects(b, neuron) for b in placed)
    for box, edge in zip(boxes, edges):  # each label sits on its own edge
        if box is not None:
            f = lp.fraction_of(box, edge)
            cx, cy = box[0] + box[2] / 2, box[1] + box[3] / 2
            assert np.isclose(cy, edge[1] + f * (edge[3] - edge[1]), atol=1e-6)
            assert np.isclose(cx, edge[0] + f * (edge[2] - edge[0]), atol=1e-6)


def test_priority_order_decides_who_gets_the_only_place():
    edge = (0.0, 0.0, 100.0, 0.0)
    # a second edge on top of the first: there is room for one label at each place only
    boxes = lp.place_on_edges([edge, edge], [(90.0, 10.0), (90.0, 10.0)], [])
    assert boxes[0] is not None and boxes[1] is None


def test_a_label_avoids_a_crossing_when_it_can():
    edge = (0.0, 0.0, 200.0, 0.0)
    other = (100.0, -50.0, 100.0, 50.0)  # crosses the middle of the edge
    box = lp.place_on_edges([edge], [(20.0, 10.0)], [], crossing=[edge, other])[0]
    assert box is not None and not (box[0] < 100.0 < box[0] + box[2])
    alone = lp.place_on_edges([edge], [(20.0, 10.0)], [], crossing=[edge])[0]
    assert lp.fraction_of(alone, edge) == 0.5  # nothing crosses: the middle


def test_a_label_stays_where_it_was_while_that_is_free():
    edge = (0.0, 0.0, 200.0, 0.0)
    box = lp.place_on_edges([edge], [(20.0, 10.0)], [], preferred=[0.26])[0]
    assert np.isclose(lp.fraction_of(box, edge), 0.26)
    blocked = lp.place_on_edges([edge], [(20.0, 10.0)], [(40.0, -10.0, 20.0, 20.0)],
                                preferred=[0.26])[0]
    assert not np.isclose(lp.fraction_of(blocked, edge), 0.26)


def test_text_shrinks_to_keep_its_corners_in_the_circle():
    assert lp.fit_in_circle(20, 10, 22) == 1.0
    s = lp.fit_in_circle(60, 13, 22, margin=2)
    assert s < 1 and np.isclose(np.hypot(60 * s / 2, 13 * s / 2), 20)


def test_legend_goes_where_the_picture_is_larger_and_never_on_the_network():
    wide_net, legend = (0.0, 0.0, 1000.0, 300.0), (250.0, 120.0)
    x, y = lp.legend_origin(wide_net, legend, (1000, 700), 16)
    assert (x, y) == (0.0, 316.0)  # below a wide network in a landscape view
    x, y = lp.legend_origin(wide_net, legend, (1600, 400), 16)
    assert (x, y) == (1016.0, 0.0)  # beside it when the view is very wide
    for vp in ((300, 900), (900, 300), (800, 800)):
        x, y = lp.legend_origin(wide_net, legend, vp, 16)
        assert not lp.intersects((x, y, *legend), wide_net)


def test_dense_pairs_draw_an_overview_and_the_selected_neurons_strongest_edges():
    rng = np.random.default_rng(0)
    W = rng.normal(size=(100, 100))
    i, j, focus = geometry.shown_edges(W, geometry.DENSE_OVERVIEW, layer=1)
    assert len(i) == geometry.DENSE_OVERVIEW and not focus.any()
    i, j, focus = geometry.shown_edges(W, geometry.DENSE_OVERVIEW, layer=1, sel_layer=2,
                                      sel=7)  # into neuron 7
    assert len(i) <= geometry.DENSE_OVERVIEW + geometry.SELECTED_EDGES
    assert len(set(zip(i.tolist(), j.tolist()))) == len(i)  # no edge twice
    strongest = np.argsort(-np.abs(W[:, 7]))[: geometry.SELECTED_EDGES]
    assert set(i[focus].tolist()) == set(strongest.tolist()) and (j[focus] == 7).all()
    i, j, focus = geometry.shown_edges(W, geometry.DENSE_OVERVIEW, layer=1, sel_layer=1,
                                      sel=4)  # out of neuron 4
    assert (i[focus] == 4).all() and focus.sum() == geometry.SELECTED_EDGES
    small = rng.normal(size=(2, 8))
    i, j, focus = geometry.shown_edges(small, 3, layer=0, sel_layer=1, sel=5)
    assert len(i) == 16 and set(zip(i[focus], j[focus])) == {(0, 5), (1, 5)}


def test_geometry_scales_every_length():
    g1, g2 = geometry.network_geom((2, 8, 1)), geometry.network_geom((2, 8, 1), 1.5)
    assert np.isclose(g2.layers[1].radius, 1.5 * g1.layers[1].radius)
    assert np.allclose(g2.layers[1].ys, 1.5 * g1.layers[1].ys)
    assert np.isclose(g2.layers[2].x, 1.5 * g1.layers[2].x)
    assert np.allclose(g2.bounds(), 1.5 * np.asarray(g1.bounds()))
