"""The optimizer race's 2-D loss surfaces and the race itself."""

import numpy as np
import pytest

from nnviz.core.lessons import surfaces as S
from nnviz.core.nn.spec import OPTIMIZER_DEFAULTS

ALL = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")


@pytest.mark.parametrize("name", sorted(S.SURFACES))
def test_gradient_matches_finite_differences(name):
    s = S.SURFACES[name]
    rng = np.random.default_rng(0)
    h = 1e-6
    for _ in range(20):
        p = np.array([rng.uniform(*s.x_range), rng.uniform(*s.y_range)])
        num = np.array([
            (s.value(p[0] + h, p[1]) - s.value(p[0] - h, p[1])) / (2 * h),
            (s.value(p[0], p[1] + h) - s.value(p[0], p[1] - h)) / (2 * h),
        ])
        np.testing.assert_allclose(s.gradient(p), num, rtol=1e-5, atol=1e-4)


@pytest.mark.parametrize("name", sorted(S.SURFACES))
def test_minimum_is_stationary_and_start_in_range(name):
    s = S.SURFACES[name]
    np.testing.assert_allclose(s.gradient(np.array(s.minimum)), 0.0, atol=1e-12)
    assert s.x_range[0] < s.start[0] < s.x_range[1]
    assert s.y_range[0] < s.start[1] < s.y_range[1]
    assert set(s.lr_hint) == set(ALL)


def test_grid_layout_is_x_major():
    xs, ys, v = S.grid("valley", 50)
    assert v.shape == (50, 50)
    assert v[3, 7] == pytest.approx(S.valley_value(xs[3], ys[7]))


def test_sgd_on_the_bowl_matches_a_hand_computation():
    # L = x² + y², ∇L = 2p, so p ← p − 0.1·2p = 0.8·p at every step.
    traj = S.race("bowl", {"sgd": {}}, {"sgd": 0.1}, steps=5, start=(-3.0, 2.0))["sgd"]
    assert traj.shape == (6, 2)
    expected = np.array([[-3.0, 2.0]]) * 0.8 ** np.arange(6)[:, None]
    np.testing.assert_allclose(traj, expected, rtol=1e-12)


def test_momentum_on_the_bowl_matches_a_hand_computation():
    # v = 0.9v − lr·∇L ; p += v, with lr 0.1 from p0 = (1, 0)
    traj = S.race("bowl", {"momentum": None}, steps=2, start=(1.0, 0.0))["momentum"]
    v1 = -0.1 * 2.0
    x1 = 1.0 + v1
    v2 = 0.9 * v1 - 0.1 * 2.0 * x1
    np.testing.assert_allclose(traj[:, 0], [1.0, x1, x1 + v2])


def test_defaults_and_overrides_of_the_learning_rate():
    # Adam's first step moves every coordinate by ≈ lr whatever the gradient's size.
    t = S.race("bowl", {"adam": None}, steps=1, start=(3.0, -2.0))["adam"]
    lr = OPTIMIZER_DEFAULTS["adam"]["lr"]
    np.testing.assert_allclose(t[1], [3.0 - lr, -2.0 + lr], rtol=1e-6)
    t = S.race("bowl", {"adam": {"lr": 0.5}}, {"adam": 0.01}, steps=1, start=(3.0, -2.0))["adam"]
    np.testing.assert_allclose(t[1], [2.99, -1.99], rtol=1e-6)


@pytest.mark.parametrize("lrs", [None, "hint"])
def test_every_optimizer_reduces_the_bowl(lrs):
    s = S.SURFACES["bowl"]
    overrides = s.lr_hint if lrs == "hint" else None
    out = S.race(s, {n: None for n in ALL}, overrides, steps=100)
    start_value = s.value(*s.start)
    for name in ALL:
        traj = out[name]
        assert traj.shape == (101, 2)
        assert S.diverged_at(traj) is None
        assert s.value(*traj[-1]) < start_value, name


def test_suggested_rates_win_the_race_on_every_surface():
    for s in S.SURFACES.values():
        out = S.race(s, {n: None for n in ALL}, s.lr_hint, steps=600)
        for name, traj in out.items():
            assert S.diverged_at(traj) is None, (s.name, name)
            assert s.value(*traj[-1]) < s.value(*s.start), (s.name, name)


def test_a_too_large_learning_rate_diverges_and_the_rest_is_nan():
    traj = S.race("valley", {"sgd": None}, {"sgd": 0.1}, steps=50)["sgd"]
    k = S.diverged_at(traj)
    assert k is not None and 1 <= k <= 50
    assert np.all(np.isfinite(traj[:k])) and np.all(np.isnan(traj[k:]))
