"""Divergence with a finite loss: an exploding loss, or an accuracy stuck at chance (issue 14).

MNIST at learning rate 1000 used to "finish" at 9.7 % with no word.  The trainer now stops such a
run with status "diverged" (the GUI's existing dialog shows it) and the weights of its last
sound evaluation, and leaves slow but healthy runs alone.
"""

import math

import numpy as np
import pytest

from nnviz.core.lessons.presets import get_preset
from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import NetworkSpec, TrainSpec
from nnviz.core.train.divergence import (
    CHANCE_MARGIN,
    STUCK_SAMPLES,
    STUCK_UPDATES,
    Chance,
    DivergenceWatch,
    chance_level,
)
from nnviz.core.train.trainer import TrainData, Trainer


def _digits_like(n_train=3000, n_test=500, seed=0):
    """784 binary-ish pixels from ten noisy prototypes: learnable like MNIST, made in ms."""
    rng = np.random.default_rng(seed)
    proto = rng.random((10, 784)) < 0.2

    def make(n):
        y = rng.integers(0, 10, n)
        flip = rng.random((n, 784)) < 0.1
        X = np.where(flip, ~proto[y], proto[y]).astype(np.float32) * 0.98 + 0.01
        T = np.full((n, 10), 0.01, np.float32)
        T[np.arange(n), y] = 0.99
        return X, T, y

    return TrainData(*make(n_train), *make(n_test))


@pytest.fixture(scope="module")
def digits():
    return _digits_like()


def _course(data, **changes):
    return get_preset("mnist-course").make_trainer(data=data, **{"eval_every": 1000, **changes})


def test_chance_level_is_the_know_nothing_guess():
    y = np.array([0, 0, 0, 1, 2, 2])
    T = np.eye(3)[y]
    ch = chance_level(T, y, "cce", "softmax")
    p = np.array([3, 1, 2]) / 6
    assert ch.accuracy == pytest.approx(0.5)
    assert ch.loss == pytest.approx(-np.sum(p * np.log(p)), rel=1e-12)  # the labels' entropy
    mse = chance_level(T, y, "mse", "sigmoid")
    assert mse.loss == pytest.approx(np.mean(T.var(axis=0)), rel=1e-12)
    # not a classification: a regression target, a step output (perceptron), one label only
    assert math.isnan(chance_level(T, y, "mse", "identity").accuracy)
    assert math.isnan(chance_level(T[:, :1], y, "mse", "step").accuracy)
    assert math.isnan(chance_level(T, np.zeros(6, int), "cce", "softmax").accuracy)


def test_watch_flags_an_explosion_at_once_and_chance_only_once_it_lasts():
    watch = DivergenceWatch(Chance(accuracy=0.1, loss=2.3))
    assert watch.check(0, 0, 2.7, 0.1) == (True, "")  # the reference
    sound, why = watch.check(500, 500, 2.7 * 1001, 0.5)
    assert not sound and "exploded" in why
    watch = DivergenceWatch(Chance(accuracy=0.1, loss=2.3))
    watch.check(0, 0, 2.7, 0.1)
    bad_loss, bad_acc = 2.7 * 1.3, 0.1 + CHANCE_MARGIN / 2
    assert watch.check(STUCK_SAMPLES - 1, 10_000, bad_loss, bad_acc) == (False, "")
    assert watch.check(STUCK_SAMPLES, STUCK_UPDATES - 1, bad_loss, bad_acc) == (False, "")
    sound, why = watch.check(STUCK_SAMPLES, STUCK_UPDATES, bad_loss, bad_acc)
    assert not sound and "guessing" in why
    # a sound evaluation in between restarts the clock
    watch = DivergenceWatch(Chance(accuracy=0.1, loss=2.3))
    watch.check(0, 0, 2.7, 0.1)
    watch.check(1000, 1000, bad_loss, bad_acc)
    assert watch.check(1500, 1500, 2.0, 0.5) == (True, "")
    assert watch.check(STUCK_SAMPLES + 1000, STUCK_UPDATES + 1000, bad_loss, bad_acc)[1] == ""
    # at chance but no worse than the start or the guess: a slow start, not divergence
    watch = DivergenceWatch(Chance(accuracy=0.5, loss=0.25))
    watch.check(0, 0, 0.26, 0.5)
    assert watch.check(10**6, 10**6, 0.25, 0.5) == (True, "")


def test_learning_rate_1000_on_digits_stops_as_diverged(digits):
    tr = _course(digits, lr=1000.0)
    start = tr.net.params.copy()
    snaps = list(tr.run("epoch"))
    last = snaps[-1]
    assert last.status == "diverged"
    assert "exploded" in last.message and "learning rate 1000" in last.message
    assert last.samples_seen == 1000  # caught at the first evaluation, not after the epoch
    np.testing.assert_array_equal(last.params, start)  # the last sound weights: the start
    np.testing.assert_array_equal(tr.net.params, start)


def test_a_loss_stuck_above_its_start_at_chance_stops_as_diverged(digits):
    tr = _course(digits, lr=100.0, epochs=2)
    last = list(tr.run("epoch"))[-1]
    assert last.status == "diverged" and "guessing" in last.message
    assert last.samples_seen == STUCK_SAMPLES
    assert np.all(np.isfinite(last.params))


def test_a_healthy_course_run_is_left_alone(digits):
    last = list(_course(digits).run("epoch"))[-1]
    assert last.status == "finished"
    assert last.evals[-1].test_acc > 0.9


def test_xor_overshoot_is_not_divergence():
    """XOR at learning rate 3 sits at chance with a worse loss for ~100 samples, then learns."""
    tr = get_preset("xor-backprop-3").make_trainer(lr=3.0)
    last = list(tr.run("epoch", every=100))[-1]
    assert last.status == "finished"


def test_edited_weights_become_the_new_reference(digits):
    tr = _course(digits, lr=0.01)
    tr.step("samples", count=1000)
    assert tr._watch.reference is not None
    tr.set_params(tr.net.params * 30.0)  # the student makes the network far worse by hand
    assert tr._watch.reference is None
    snap = tr.step("samples", count=1000)
    assert snap.status == "running"  # judged against the edited weights, not the first start
    assert tr._watch.reference == pytest.approx(snap.evals[-1].test_loss)


def test_a_regression_run_is_judged_by_its_loss_only():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 1))
    T = 3 * X
    y = np.zeros(200, int)
    spec = NetworkSpec.mlp((1, 8, 1), ("tanh", "identity"), seed=0)
    tr = Trainer(Network.from_spec(spec), TrainData(X, T, y, X, T, y),
                 TrainSpec(loss="mse", lr=0.01, epochs=30))
    assert list(tr.run("epoch"))[-1].status == "finished"
