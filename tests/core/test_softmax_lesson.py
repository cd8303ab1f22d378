"""The softmax lesson's network shows handout 002's numbers: a = x, then softmax of a.

Checked against an independent NumPy computation in float64 (the dtype the lesson shows), and
against the digits the handout prints.
"""

import numpy as np
import pytest

from nnviz.core.lessons.datasets import given_rows
from nnviz.core.lessons.presets import Preset, get_preset
from nnviz.core.nn.spec import SpecError

#: handout 002's printed results
STABLE_1010 = [9.99954600e-01, 4.53978686e-05, 2.06106005e-09]
SMALL = [0.01821127, 0.24519181, 0.73659691]


def _stable(a):
    a = np.asarray(a, dtype=np.float64)
    e = np.exp(a - np.max(a))
    return e / np.sum(e)


def _naive(a):
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(np.asarray(a, dtype=np.float64))
        return e / np.sum(e)


def test_the_lesson_offers_both_vectors_as_rows():
    p = get_preset("softmax-overflow")
    data = p.load_data()
    np.testing.assert_array_equal(data.X, [[1010, 1000, 990], [0.3, 2.9, 4.0]])
    np.testing.assert_array_equal(data.y, [0, 2])  # the largest entry of each row
    assert p.trainer == "none"  # nothing to train, and no lab window of its own


@pytest.mark.parametrize("row, handout, printed", [
    (0, STABLE_1010, "[9.99954600e-01 4.53978686e-05 2.06106005e-09]"),
    (1, SMALL, "[0.01821127 0.24519181 0.73659691]"),
])
def test_the_network_passes_x_through_and_gives_the_handouts_softmax(row, handout, printed):
    p = get_preset("softmax-overflow")
    net = p.build_network()
    assert net.dtype == np.float64
    x = p.load_data().X[row]
    (a, y), = net.trace(x)
    np.testing.assert_array_equal(a, x)  # identity weights, zero bias: a = x exactly
    np.testing.assert_allclose(y, _stable(x), rtol=1e-14)
    # the handout prints 8 decimals (of the mantissa, for 1010): within half a unit of them
    np.testing.assert_allclose(y, handout, rtol=5e-9, atol=5e-9)
    assert np.array2string(y, precision=8) == printed  # as NumPy prints it, as the panel does
    if row == 0:
        assert np.isnan(_naive(x)).all()
    else:
        np.testing.assert_allclose(_naive(x), _stable(x), rtol=1e-14)


def test_float32_differs_in_the_last_digits():
    """Why the lesson is float64: float32 cannot print the handout's 9 digits."""
    x = np.array([1010, 1000, 990], dtype=np.float32)
    e = np.exp(x - x.max())
    y32 = e / e.sum()
    assert not np.allclose(y32, STABLE_1010, rtol=1e-9, atol=0)
    np.testing.assert_allclose(y32, STABLE_1010, rtol=1e-6)


@pytest.mark.parametrize("rows, why", [
    ([], "1 to 16"),
    ([[1, 2], [3]], "lists of numbers"),
    ([[1, float("inf")]], "finite"),
    ([[1, 2]] * 17, "1 to 16"),
    ("12", "1 to 16"),
])
def test_bad_rows_are_refused_with_a_message(rows, why):
    with pytest.raises(ValueError, match=why):
        given_rows(rows)


def test_a_preset_whose_rows_do_not_fit_its_network_is_refused():
    d = {"version": 1, "id": "x", "group": "activations", "trainer": "none",
         "title": {"en": "x"},
         "network": {"version": 1, "inputs": 3, "layers": [{"units": 3,
                                                             "activation": "softmax"}]},
         "data": {"kind": "toy", "name": "rows", "rows": [[1, 2]]}}
    with pytest.raises(SpecError, match="2 numbers; the network has 3 inputs"):
        Preset.from_dict(d)
