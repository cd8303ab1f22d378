"""Bounded run histories: memory stays fixed, the ends and the recent rows survive thinning."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnviz.core.files.session import history_from_evals
from nnviz.core.train.history import EvalHistory, RowHistory, thin
from nnviz.core.train.trainer import EvalPoint


def test_thin_keeps_first_older_every_other_and_whole_newer_half():
    data = np.arange(10, dtype=float).reshape(-1, 1)
    n = thin(data, 10)
    assert data[:n, 0].tolist() == [0, 2, 4, 5, 6, 7, 8, 9]


def test_small_history_is_exact():
    h = RowHistory(2, capacity=4, max_rows=100)
    for i in range(50):
        h.extend([i, i * i])
    assert len(h) == 50 and h.thinned == 0
    assert h.column(0).tolist() == list(range(50))
    assert h.rows()[:, 1].tolist() == [i * i for i in range(50)]


def test_long_history_stays_bounded_and_keeps_ends():
    h = RowHistory(1, capacity=8, max_rows=1000)
    for i in range(100_000):
        h.extend([i])
    x = h.column(0)
    assert len(h) <= 1000 and h.data.shape[0] <= 1000
    assert h.thinned > 0
    assert x[0] == 0 and x[-1] == 99_999
    assert np.all(np.diff(x) > 0)  # still in order, no duplicates
    # the newest rows are at full resolution
    assert x[-100:].tolist() == list(range(99_900, 100_000))


def test_big_block_at_once_is_thinned_not_refused():
    h = RowHistory(1, max_rows=64)
    h.extend(np.arange(1000.0).reshape(-1, 1))
    x = h.column(0)
    assert len(h) <= 64 and x[0] == 0 and x[-1] == 999 and np.all(np.diff(x) > 0)


@settings(max_examples=60, deadline=None)
@given(st.integers(8, 200), st.lists(st.integers(1, 300), min_size=1, max_size=40))
def test_any_sequence_of_blocks_is_bounded_ordered_and_ends_kept(max_rows, blocks):
    h = RowHistory(1, capacity=8, max_rows=max_rows)
    start = 0
    for m in blocks:
        h.extend(np.arange(start, start + m, dtype=float).reshape(-1, 1))
        start += m
    x = h.column(0)
    assert 1 <= len(h) <= max_rows
    assert x[0] == 0 and x[-1] == start - 1
    assert np.all(np.diff(x) > 0)


def test_too_small_a_limit_is_refused():
    with pytest.raises(ValueError):
        RowHistory(1, max_rows=4)


def _point(i):
    return EvalPoint(samples_seen=i * 100, epoch=i / 10, train_loss=1 / (i + 1), train_acc=0.5,
                     test_loss=2.0, test_acc=0.25, lr=0.1)


def test_eval_history_round_trips_eval_points():
    pts = [_point(i) for i in range(5)]
    h = EvalHistory(pts)
    back = list(h)
    assert len(back) == 5 and all(isinstance(p, EvalPoint) for p in back)
    np.testing.assert_array_equal(history_from_evals(back)[0], history_from_evals(pts)[0])
    assert math.isnan(back[2].val_loss) and back[2].train_loss == pts[2].train_loss
    assert isinstance(back[0].samples_seen, int)
    assert h[-1].samples_seen == 400 and h[0].epoch == 0.0
    with pytest.raises(IndexError):
        h[5]
    arr, names = history_from_evals(h)
    ref, ref_names = history_from_evals(pts)
    assert names == ref_names
    np.testing.assert_array_equal(arr, ref)


def test_eval_history_is_bounded():
    h = EvalHistory(max_rows=256)
    for i in range(5000):
        h.extend_points([_point(i)])
    assert len(h) <= 256
    assert h[-1].samples_seen == 4999 * 100 and h[0].samples_seen == 0
