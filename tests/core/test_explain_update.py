"""The update phase shows each optimizer's own rule with its state (v, m, s, t): checked
against the textbook formulas written here and against the app's optimizer, which the
explanation must not change."""

import copy

import numpy as np
import pytest

from nnviz.core.explain import EdgeRef, Phase, explain_step, fmt
from nnviz.core.explain.formatting import factor
from nnviz.core.lessons.presets import get_preset
from nnviz.core.nn.optimizers import make_optimizer

X, T = np.array([1.0, 0.0]), np.array([1.0])
HYPER = {"momentum": {"momentum": 0.8}, "nesterov": {"momentum": 0.7},
         "adagrad": {"eps": 0.1}, "rmsprop": {"rho": 0.5, "eps": 0.01},
         "adam": {"beta1": 0.6, "beta2": 0.7, "eps": 0.05}}


def warmed(name, n):
    """An optimizer with state built up by two earlier steps (far-from-default hypers)."""
    opt = make_optimizer(name, n, 0.3, **HYPER.get(name, {}))
    rng = np.random.default_rng(5)
    scratch = np.zeros(n)
    for _ in range(2):
        opt.step(scratch, rng.normal(size=n))
    return opt


def textbook(name, p, g, state, t, h, lr):
    """One step of each rule as written in handouts 000/001 (Keras' conventions)."""
    s = {k: v.copy() for k, v in state.items()}
    if name == "momentum":
        s["v"] = h["momentum"] * s["v"] - lr * g
        return p + s["v"], s
    if name == "nesterov":
        s["v"] = h["momentum"] * s["v"] - lr * g
        return p + h["momentum"] * s["v"] - lr * g, s
    if name == "adagrad":
        s["s"] = s["s"] + g ** 2
        return p - lr * g / (np.sqrt(s["s"]) + h["eps"]), s
    if name == "rmsprop":
        s["s"] = h["rho"] * s["s"] + (1 - h["rho"]) * g ** 2
        return p - lr * g / (np.sqrt(s["s"]) + h["eps"]), s
    s["m"] = h["beta1"] * s["m"] + (1 - h["beta1"]) * g
    s["v"] = h["beta2"] * s["v"] + (1 - h["beta2"]) * g ** 2
    m_hat, v_hat = s["m"] / (1 - h["beta1"] ** (t + 1)), s["v"] / (1 - h["beta2"] ** (t + 1))
    return p - lr * m_hat / (np.sqrt(v_hat) + h["eps"]), s


@pytest.mark.parametrize("name", ["momentum", "nesterov", "adagrad", "rmsprop", "adam"])
def test_update_follows_the_rule_with_the_optimizers_state(name):
    net = get_preset("xor-backprop-2").build_network()
    n = net.params.size
    opt = warmed(name, n)
    saved = copy.deepcopy(opt.state_dict())
    step = explain_step(net, X, T, "bce", opt)
    g = np.asarray(step.gradient)
    expect, new_state = textbook(name, net.params.copy(), g, saved["state"], saved["t"],
                                 saved["hyper"], 0.3)
    np.testing.assert_allclose(step.params_after, expect, rtol=1e-12, atol=1e-15)
    # the app's optimizer, stepped on a copy, lands on the same weights
    real = copy.deepcopy(opt)
    p = net.params.copy()
    real.step(p, g)
    np.testing.assert_allclose(step.params_after, p, rtol=1e-12, atol=1e-15)
    # explaining did not advance the optimizer
    after = opt.state_dict()
    assert after["t"] == saved["t"]
    for k, v in saved["state"].items():
        np.testing.assert_array_equal(after["state"][k], v)
    # each update item shows the state before and after, and the new value
    ref = EdgeRef(0, 0, 1)
    k = 1  # W[0] is 2x2 row-major: (i=0, j=1) is the second parameter
    (upd,) = [it for it in step.about(ref) if it.phase is Phase.UPDATE]
    assert upd.template == f"update.{name}"
    assert upd.value("new") == pytest.approx(expect[k], rel=1e-12)
    assert upd.value("grad") == g[k]
    for key, v in saved["state"].items():
        assert upd.value(f"{key}_old") == v[k]
        assert upd.value(f"{key}_new") == pytest.approx(new_state[key][k], rel=1e-12)
    assert upd.numbers[0] == f"g = {fmt(g[k])}"
    assert upd.numbers[-1].startswith(f"w₂₁⁽¹⁾ ← {fmt(net.params[k])} ")
    assert upd.numbers[-1].endswith(f"= {fmt(expect[k])}")


def test_momentum_and_adam_lines_show_their_state_numbers():
    net = get_preset("xor-backprop-2").build_network()
    n = net.params.size
    mom = warmed("momentum", n)
    v0 = mom.state["v"][1]
    step = explain_step(net, X, T, "bce", mom)
    (upd,) = [it for it in step.about(EdgeRef(0, 0, 1)) if it.phase is Phase.UPDATE]
    g = step.gradient[1]
    v1 = 0.8 * v0 - 0.3 * g
    assert upd.formula == ("g = ∂L/∂w", "v ← μ·v − η·g", "w ← w + v")
    assert upd.numbers[1] == f"v ← 0.8·{factor(v0)} − 0.3·{factor(g)} = {fmt(v1)}"
    adam = warmed("adam", n)
    m0, s0 = adam.state["m"][1], adam.state["v"][1]
    step = explain_step(net, X, T, "bce", adam)
    (upd,) = [it for it in step.about(EdgeRef(0, 0, 1)) if it.phase is Phase.UPDATE]
    assert upd.formula[1:] == ("t ← t + 1", "m ← β₁·m + (1 − β₁)·g", "v ← β₂·v + (1 − β₂)·g²",
                               "m̂ = m / (1 − β₁ᵗ)", "v̂ = v / (1 − β₂ᵗ)",
                               "w ← w − η·m̂ / (√v̂ + ε)")
    m1 = 0.6 * m0 + 0.4 * g
    assert upd.numbers[1] == "t = 3"
    assert upd.numbers[2] == f"m ← 0.6·{factor(m0)} + (1 − 0.6)·{factor(g)} = {fmt(m1)}"
    assert upd.numbers[4] == f"m̂ = {fmt(m1)} / (1 − 0.6³) = {fmt(m1 / (1 - 0.6 ** 3))}"
    assert upd.value("v_old") == s0
    assert upd.numbers[-1].endswith("+ 0.05) = " + fmt(upd.value("new")))


def test_optimizer_given_as_a_dict_and_bad_state_is_refused():
    net = get_preset("xor-backprop-2").build_network()
    fresh = explain_step(net, X, T, "bce", {"name": "adam", "lr": 0.01})
    (upd,) = [it for it in fresh.about(EdgeRef(0, 0, 0)) if it.phase is Phase.UPDATE]
    assert upd.value("t") == 1 and upd.value("m_old") == 0.0
    with pytest.raises(ValueError, match="state 'v' has 3 numbers"):
        explain_step(net, X, T, "bce", {"name": "momentum", "state": {"v": [0, 0, 0]}})
    with pytest.raises(ValueError, match="no hyper-parameter 'rho'"):
        explain_step(net, X, T, "bce", {"name": "adam", "hyper": {"rho": 0.9}})
