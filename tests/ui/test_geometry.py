"""Canvas geometry, colours, number formatting and plane helpers: Qt-free."""

import numpy as np
import pytest

from nnviz.ui.canvas import geometry
from nnviz.ui.common import colors
from nnviz.ui.common.formatting import NumberError, fmt, fmt_full, parse_number


def test_small_network_columns_and_spacing():
    g = geometry.network_geom((2, 3, 2, 2))
    assert [lg.n for lg in g.layers] == [2, 3, 2, 2]
    xs = [lg.x for lg in g.layers]
    assert xs == sorted(xs) and len(set(xs)) == 4
    for lg in g.layers:
        assert not lg.compact and lg.radius == geometry.RADIUS
        assert abs(lg.ys.mean()) < 1e-9  # centred on y = 0
        if lg.n > 1:
            assert np.allclose(np.diff(lg.ys), geometry.SPACING)


def test_mnist_input_is_an_image_and_wide_layers_are_compact():
    g = geometry.network_geom((784, 100, 100, 100, 10))
    img = g.layers[0]
    assert img.image_side == 28 and img.positions().shape == (784, 2)
    assert all(g.layers[i].compact for i in (1, 2, 3)) and not g.layers[4].compact
    wide = g.layers[1]
    assert wide.band and wide.bottom - wide.top <= geometry.BAND_ROWS * geometry.BAND_CELL
    # dots of a band do not overlap: every pair of centres is at least a dot apart
    p = wide.positions()
    d = np.hypot(*(p[:, None, :] - p[None, :, :]).transpose(2, 0, 1))
    assert np.all(d[~np.eye(len(p), dtype=bool)] >= 2 * wide.radius)
    x, y, w, h = g.bounds()
    assert w > 0 and h > 0


def test_image_side():
    assert geometry.image_side(784) == 28
    assert geometry.image_side(4) == 0  # too small to be an image
    assert geometry.image_side(785) == 0


def test_edge_pairs_all_for_small_and_the_budget_for_wide():
    W = np.arange(6.0).reshape(2, 3)
    i, j = geometry.edge_pairs(W, budget=1)
    assert len(i) == 6  # a small pair draws every edge whatever the budget
    rng = np.random.default_rng(0)
    W = rng.standard_normal((100, 30))
    i, j = geometry.edge_pairs(W, budget=4 * 30)  # 4 per neuron: each one's 4 strongest
    assert len(i) == 4 * 30
    for col in range(30):
        chosen = set(i[j == col])
        best = set(np.argsort(-np.abs(W[:, col]))[:4])
        assert chosen == best
    assert len(geometry.edge_pairs(W, budget=0)[0]) == 0
    # fewer than one per neuron: the strongest of every neuron's strongest
    i, j = geometry.edge_pairs(W, budget=10)
    assert len(i) == 10 and len(set(j.tolist())) == 10
    best_each = np.sort(np.abs(W).max(axis=0))[::-1]
    assert np.allclose(np.sort(np.abs(W[i, j]))[::-1], best_each[:10])
    # the budget is what is drawn, up to the whole matrix
    for budget in (40, 80, 200, 3000, 10_000):
        assert len(geometry.edge_pairs(W, budget=budget)[0]) == min(budget, W.size)


def test_edge_widths_capped_and_monotone():
    w = np.array([0.0, 0.5, 1.0, 100.0, -100.0])
    widths = geometry.edge_widths(w, 1.0, max_width=6.0)
    assert widths[0] < widths[1] < widths[2]
    assert widths[3] == widths[4] == 6.0


def test_signed_colour_scale():
    neg, zero, pos = colors.signed_rgb([-1.0, 0.0, 1.0])
    assert tuple(pos) == colors.POSITIVE and tuple(neg) == colors.NEGATIVE
    assert min(zero) > 220  # near white
    assert tuple(colors.signed_rgb(5.0)) == colors.POSITIVE  # clipped


def test_formatter():
    assert fmt(0.574442516811659) == "0.5744"
    assert fmt(0.3) == "0.3"
    assert fmt(-1.25) == "−1.25"
    assert fmt(1234.5) == "1234" or fmt(1234.5) == "1235"
    assert fmt(4.53978687e-05) == "4.54e−5"
    assert fmt_full(0.574442516811659) == "0.574442516811659"
    assert fmt_full(2.0) == "2"


@pytest.mark.parametrize("text", ["abc", "nan", "NaN", "inf", "-inf", "", "1e999", "1,2,3"])
def test_parse_number_refuses(text):
    with pytest.raises(NumberError):
        parse_number(text)


def test_parse_number_accepts():
    assert parse_number(" 0.5 ") == 0.5
    assert parse_number("−2") == -2.0
    assert parse_number("0,25") == 0.25
    assert parse_number("1e-3") == 0.001


def test_planes_separate_xor_in_hidden_space():
    from nnviz.core.lessons.presets import get_preset
    from nnviz.ui.common import plane

    net = get_preset("xor-relu").build_network()
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], float)
    assert plane.hidden_layer_2d(net) == 0
    H = plane.hidden_points(net, X, 0)
    assert np.allclose(H, [[0, 0], [1, 0], [1, 0], [2, 1]])
    ext = plane.extent(X)
    img = plane.input_plane(net, ext, 40)
    assert img.shape == (40, 40) and np.all(np.abs(img) <= 1)
