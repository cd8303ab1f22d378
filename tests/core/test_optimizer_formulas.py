"""Every optimizer step against its textbook formula, far from the default hyper-parameters.

The formulas are written out here (not taken from ``kernels/reference.py``), with a large ε
so that where ε sits (outside the square root, after Adam's bias correction) changes the
result, a learning rate changed between steps (``set_hyper``, the GUI's slider), optimizer
state saved and resumed, both dtypes, and through the trainer under ``set_lr`` and every
learning-rate schedule.
"""

import math

import numpy as np
import pytest

from nnviz.core.nn.backprop import backprop
from nnviz.core.nn.network import Network
from nnviz.core.nn.optimizers import make_optimizer
from nnviz.core.nn.spec import NetworkSpec, TrainSpec
from nnviz.core.train.trainer import TrainData, Trainer

HYPER = {
    "sgd": {},
    "momentum": {"momentum": 0.37},
    "nesterov": {"momentum": 0.63},
    "adagrad": {"eps": 0.5},
    "rmsprop": {"rho": 0.2, "eps": 0.3},
    "adam": {"beta1": 0.3, "beta2": 0.6, "eps": 0.4},
}
STEPS = 20
LR_CHANGE = {7: 0.05, 13: 1.9}  # step → new learning rate


class Textbook:
    """One optimizer written from its formula (Keras's forms, as the handouts quote them)."""

    def __init__(self, name, n, lr, **h):
        self.name, self.lr, self.h = name, lr, h
        self.v = np.zeros(n)  # velocity / squared-gradient sum / second moment
        self.m = np.zeros(n)  # Adam's first moment
        self.t = 0

    def step(self, p, g):
        h, lr = self.h, self.lr
        self.t += 1
        if self.name == "sgd":  # θ ← θ − η g
            return p - lr * g
        if self.name == "momentum":  # v ← μ v − η g;  θ ← θ + v
            self.v = h["momentum"] * self.v - lr * g
            return p + self.v
        if self.name == "nesterov":  # v ← μ v − η g;  θ ← θ + μ v − η g
            self.v = h["momentum"] * self.v - lr * g
            return p + h["momentum"] * self.v - lr * g
        if self.name == "adagrad":  # s ← s + g²;  θ ← θ − η g / (√s + ε)
            self.v = self.v + g * g
            return p - lr * g / (np.sqrt(self.v) + h["eps"])
        if self.name == "rmsprop":  # s ← ρ s + (1 − ρ) g²;  θ ← θ − η g / (√s + ε)
            self.v = h["rho"] * self.v + (1 - h["rho"]) * g * g
            return p - lr * g / (np.sqrt(self.v) + h["eps"])
        # Adam: m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; θ ← θ − η m̂ / (√v̂ + ε)
        b1, b2 = h["beta1"], h["beta2"]
        self.m = b1 * self.m + (1 - b1) * g
        self.v = b2 * self.v + (1 - b2) * g * g
        m_hat = self.m / (1 - b1 ** self.t)
        v_hat = self.v / (1 - b2 ** self.t)
        return p - lr * m_hat / (np.sqrt(v_hat) + h["eps"])


def _gradients(n):
    rng = np.random.default_rng(42)
    G = rng.normal(scale=2.0, size=(STEPS, n))
    G[3] = 0.0  # a zero gradient: Adagrad/RMSProp divide by √s + ε, never by 0
    G[5, :2] = [1e3, -1e-3]
    return G


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("name", list(HYPER))
def test_twenty_steps_follow_the_textbook_formula(name, dtype):
    n = 7
    G = _gradients(n)
    p = np.linspace(-1.0, 1.0, n).astype(dtype)
    opt = make_optimizer(name, n, 0.7, dtype, **HYPER[name])
    book = Textbook(name, n, 0.7, **HYPER[name])
    expect = p.astype(np.float64)
    for k, g in enumerate(G):
        if k in LR_CHANGE:
            opt.set_hyper(lr=LR_CHANGE[k])
            book.lr = LR_CHANGE[k]
        opt.step(p, g.astype(dtype))
        expect = book.step(expect, g)
        rtol = 1e-12 if dtype == np.float64 else 2e-5
        np.testing.assert_allclose(p, expect, rtol=rtol, atol=rtol, err_msg=f"step {k + 1}")
    assert p.dtype == dtype and opt.t == STEPS


def _eps_under_the_root(name, n, G, lr, h):
    """The same steps with the other common placement, √(s + ε): the one nnviz must not use."""
    p, s, m = np.zeros(n), np.zeros(n), np.zeros(n)
    for t, g in enumerate(G, 1):
        if name == "adagrad":
            s = s + g * g
            p = p - lr * g / np.sqrt(s + h["eps"])
        elif name == "rmsprop":
            s = h["rho"] * s + (1 - h["rho"]) * g * g
            p = p - lr * g / np.sqrt(s + h["eps"])
        else:
            m = h["beta1"] * m + (1 - h["beta1"]) * g
            s = h["beta2"] * s + (1 - h["beta2"]) * g * g
            p = p - lr * (m / (1 - h["beta1"] ** t)) / np.sqrt(s / (1 - h["beta2"] ** t) + h["eps"])
    return p


@pytest.mark.parametrize("name", ["adagrad", "rmsprop", "adam"])
def test_the_large_eps_shows_it_is_outside_the_square_root(name):
    n = 7
    G = _gradients(n)[:6]
    p = np.zeros(n)
    opt = make_optimizer(name, n, 0.7, **HYPER[name])
    book = Textbook(name, n, 0.7, **HYPER[name])
    expect = np.zeros(n)
    for g in G:
        opt.step(p, g)
        expect = book.step(expect, g)
    np.testing.assert_allclose(p, expect, rtol=1e-12)
    assert np.max(np.abs(p - _eps_under_the_root(name, n, G, 0.7, HYPER[name]))) > 0.05


@pytest.mark.parametrize("name", list(HYPER))
def test_state_saved_mid_run_resumes_exactly(name):
    n = 5
    G = _gradients(n)
    p = np.ones(n)
    full = make_optimizer(name, n, 0.3, **HYPER[name])
    for g in G:
        full.step(p, g)
    q = np.ones(n)
    first = make_optimizer(name, n, 0.3, **HYPER[name])
    for g in G[:9]:
        first.step(q, g)
    second = make_optimizer(name, n, 0.3, **HYPER[name])
    second.load_state(first.state_dict())
    for g in G[9:]:
        second.step(q, g)
    np.testing.assert_array_equal(q, p)


# -- through the trainer: set_lr and the schedules ------------------------------------------

def _schedule_factor(schedule, epoch, epochs, params):
    """The documented schedules, written out: the factor on the base rate (cosine: the rate)."""
    if schedule == "constant":
        return 1.0
    if schedule == "step":
        return params["gamma"] ** (epoch // params["step_size"])
    if schedule == "exponential":
        return params["gamma"] ** epoch
    return None  # cosine has a floor: see _rate


def _rate(schedule, lr, epoch, epochs, params):
    if schedule == "cosine":
        lo = params["min_lr"]
        return lo + (lr - lo) * (1 + math.cos(math.pi * epoch / epochs)) / 2
    return lr * _schedule_factor(schedule, epoch, epochs, params)


SCHEDULES = [
    ("constant", {}),
    ("step", {"step_size": 2, "gamma": 0.3}),
    ("exponential", {"gamma": 0.6}),
    ("cosine", {"min_lr": 0.02}),
]


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
@pytest.mark.parametrize("schedule,params", SCHEDULES)
def test_full_batch_epochs_follow_schedule_and_set_lr(schedule, params, optimizer):
    """One update per epoch (batch = the whole set): each update is the formula's, at the
    scheduled rate; ``set_lr`` after epoch 2 changes the base rate the schedule scales."""
    rng = np.random.default_rng(3)
    X = rng.normal(size=(8, 3))
    y = rng.integers(0, 2, 8)
    T = np.eye(2)[y]
    net = Network.from_spec(NetworkSpec.mlp((3, 4, 2), ("tanh", "softmax"), seed=1))
    epochs = 6
    spec = TrainSpec(loss="cce", optimizer=optimizer, lr=0.4, batch_size=8, epochs=epochs,
                     params=HYPER[optimizer], schedule=schedule, schedule_params=params)
    trainer = Trainer(net, TrainData(X, T, y, X, T, y), spec)
    book = Textbook(optimizer, net.params.size, 0.4, **HYPER[optimizer])
    expect = net.params.copy()
    base = 0.4
    for epoch in range(epochs):
        if epoch == 2:
            trainer.set_lr(1.3)
            base = 1.3
        g = backprop(Network(net.spec, expect), X, T, "cce").grad
        book.lr = _rate(schedule, base, epoch, epochs, params)
        expect = book.step(expect, g)
        snap = trainer.step("epoch")
        np.testing.assert_allclose(trainer.net.params, expect, rtol=1e-10, atol=1e-12,
                                   err_msg=f"epoch {epoch}")
        # the snapshot shows the rate in use from now on: the next epoch's
        next_rate = _rate(schedule, base, epoch + 1, epochs, params)
        assert snap.lr == pytest.approx(next_rate, rel=1e-12), f"after epoch {epoch}"


@pytest.mark.parametrize("name", ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"])
def test_a_given_learning_rate_is_the_only_one_kept(name):
    """make_optimizer(name, n, lr): the rate is .lr alone, never a stale default in .hyper."""
    from nnviz.core.nn.optimizers import make_optimizer

    opt = make_optimizer(name, 3, 0.123)
    assert opt.lr == 0.123 and "lr" not in opt.hyper
    assert "lr" not in opt.state_dict()["hyper"] and opt.describe().count("lr=") == 1
