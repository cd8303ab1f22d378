"""The update phase: each optimizer's own rule, with its state, as the app applies it.

The rules are those of ``nnviz.core.kernels.optim`` (g = ∂L/∂w, η the learning rate):

- sgd:       w ← w − η·g
- momentum:  v ← μ·v − η·g;  w ← w + v
- nesterov:  v ← μ·v − η·g;  w ← w + μ·v − η·g
- adagrad:   s ← s + g²;  w ← w − η·g / (√s + ε)
- rmsprop:   s ← ρ·s + (1 − ρ)·g²;  w ← w − η·g / (√s + ε)
- adam:      t ← t + 1;  m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²;
             w ← w − η·m̂ / (√v̂ + ε),  m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)

Nothing here changes the optimizer it is given: the state is read and the step is simulated
on float64 copies.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.core.explain.formatting import MINUS, factor, fmt
from nnviz.core.nn.spec import OPTIMIZER_DEFAULTS

_STATE_NAMES = {"sgd": (), "momentum": ("v",), "nesterov": ("v",), "adagrad": ("s",),
                "rmsprop": ("s",), "adam": ("m", "v")}


@dataclass(frozen=True, eq=False)
class OptimizerState:
    """An optimizer's name, learning rate, hyper-parameters, step count and state vectors."""

    name: str
    lr: float
    hyper: dict
    t: int
    state: dict  # name -> float64 array, one entry per parameter

    def h(self, key: str) -> float:
        return float(self.hyper[key])


def optimizer_state(optimizer, n_params: int) -> OptimizerState:
    """Read an optimizer without changing it.

    Parameters
    ----------
    optimizer : nnviz.core.nn.optimizers.Optimizer or dict
        An optimizer, or a dict shaped like ``Optimizer.state_dict()``; "hyper", "t" and
        "state" may be left out (defaults of the handouts, step 0, zero state), so
        ``{"name": "sgd", "lr": 0.5}`` describes plain gradient descent.
    n_params : int
        Number of parameters of the network (the length of every state vector).

    Raises
    ------
    ValueError
        Unknown optimizer, unknown hyper-parameter, or state of the wrong length.
    """
    d = optimizer.state_dict() if hasattr(optimizer, "state_dict") else dict(optimizer)
    name = d.get("name")
    if name not in _STATE_NAMES:
        raise ValueError(f"unknown optimizer {name!r}; choose one of: {', '.join(_STATE_NAMES)}")
    defaults = dict(OPTIMIZER_DEFAULTS[name])
    lr = float(d.get("lr", defaults.pop("lr")))
    defaults.pop("lr", None)
    hyper = dict(defaults)
    for k, v in dict(d.get("hyper", {})).items():
        if k == "lr":  # state dicts saved by older versions kept a stale lr in "hyper"
            continue
        if k not in hyper:
            raise ValueError(f"{name} has no hyper-parameter {k!r}")
        hyper[k] = float(v)
    state = {}
    given = dict(d.get("state", {}))
    for k in _STATE_NAMES[name]:
        v = np.array(given.get(k, np.zeros(n_params)), dtype=np.float64).ravel()
        if v.shape != (n_params,):
            raise ValueError(f"{name} state {k!r} has {v.size} numbers, the network "
                             f"{n_params} parameters")
        v.setflags(write=False)
        state[k] = v
    return OptimizerState(name, lr, hyper, int(d.get("t", 0)), state)


def apply(opt: OptimizerState, p: np.ndarray, g: np.ndarray) -> tuple[np.ndarray, dict, int]:
    """One simulated step on copies: (new parameters, new state, new step count)."""
    p = np.array(p, dtype=np.float64)
    g = np.asarray(g, dtype=np.float64)
    lr, s, t = opt.lr, {k: v.copy() for k, v in opt.state.items()}, opt.t + 1
    if opt.name == "sgd":
        p -= lr * g
    elif opt.name in ("momentum", "nesterov"):
        mu = opt.h("momentum")
        s["v"] = mu * s["v"] - lr * g
        if opt.name == "nesterov":
            p += mu * s["v"] - lr * g
        else:
            p += s["v"]
    elif opt.name in ("adagrad", "rmsprop"):
        if opt.name == "adagrad":
            s["s"] = s["s"] + g * g
        else:
            rho = opt.h("rho")
            s["s"] = rho * s["s"] + (1.0 - rho) * g * g
        p -= lr * g / (np.sqrt(s["s"]) + opt.h("eps"))
    else:
        b1, b2 = opt.h("beta1"), opt.h("beta2")
        s["m"] = b1 * s["m"] + (1.0 - b1) * g
        s["v"] = b2 * s["v"] + (1.0 - b2) * g * g
        p -= lr * (s["m"] / (1.0 - b1 ** t)) / (np.sqrt(s["v"] / (1.0 - b2 ** t)) + opt.h("eps"))
    return p, s, t


def _power(base: float, n: int) -> str:
    return fmt(base) + str(n).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))


def update_lines(opt: OptimizerState, new_state: dict, t: int, k: int, symbol: str,
                 is_bias: bool, old: float, new: float, g: float) -> tuple:
    """The update of parameter ``k`` (called ``symbol``): (formula, numbers, values)."""
    w = "b" if is_bias else "w"
    eta = fmt(opt.lr)
    values = [("old", old), ("new", new), ("grad", g), ("lr", opt.lr)]
    if opt.name == "sgd":
        return ((f"{w} ← {w} {MINUS} η·∂L/∂{w}",),
                (f"{symbol} ← {fmt(old)} {MINUS} {eta}·{factor(g)} = {fmt(new)}",), values)
    formula, numbers = [f"g = ∂L/∂{w}"], [f"g = {fmt(g)}"]
    before = {key: float(v[k]) for key, v in opt.state.items()}
    after = {key: float(v[k]) for key, v in new_state.items()}
    for key in before:
        values += [(f"{key}_old", before[key]), (f"{key}_new", after[key])]
    if opt.name in ("momentum", "nesterov"):
        mu, v0, v1 = fmt(opt.h("momentum")), before["v"], after["v"]
        formula.append(f"v ← μ·v {MINUS} η·g")
        numbers.append(f"v ← {mu}·{factor(v0)} {MINUS} {eta}·{factor(g)} = {fmt(v1)}")
        if opt.name == "momentum":
            formula.append(f"{w} ← {w} + v")
            numbers.append(f"{symbol} ← {fmt(old)} + {factor(v1)} = {fmt(new)}")
        else:
            formula.append(f"{w} ← {w} + μ·v {MINUS} η·g")
            numbers.append(f"{symbol} ← {fmt(old)} + {mu}·{factor(v1)} {MINUS} {eta}·"
                           f"{factor(g)} = {fmt(new)}")
    elif opt.name in ("adagrad", "rmsprop"):
        s0, s1, eps = before["s"], after["s"], fmt(opt.h("eps"))
        if opt.name == "adagrad":
            formula.append("s ← s + g²")
            numbers.append(f"s ← {fmt(s0)} + {factor(g)}² = {fmt(s1)}")
        else:
            rho = fmt(opt.h("rho"))
            formula.append(f"s ← ρ·s + (1 {MINUS} ρ)·g²")
            numbers.append(f"s ← {rho}·{fmt(s0)} + (1 {MINUS} {rho})·{factor(g)}² = {fmt(s1)}")
        formula.append(f"{w} ← {w} {MINUS} η·g / (√s + ε)")
        numbers.append(f"{symbol} ← {fmt(old)} {MINUS} {eta}·{factor(g)} / (√{fmt(s1)} + {eps})"
                       f" = {fmt(new)}")
    else:
        b1, b2, eps = opt.h("beta1"), opt.h("beta2"), fmt(opt.h("eps"))
        m_hat = after["m"] / (1.0 - b1 ** t)
        v_hat = after["v"] / (1.0 - b2 ** t)
        values += [("t", float(t)), ("m_hat", m_hat), ("v_hat", v_hat)]
        formula += ["t ← t + 1", f"m ← β₁·m + (1 {MINUS} β₁)·g", f"v ← β₂·v + (1 {MINUS} β₂)·g²",
                    f"m̂ = m / (1 {MINUS} β₁ᵗ)", f"v̂ = v / (1 {MINUS} β₂ᵗ)",
                    f"{w} ← {w} {MINUS} η·m̂ / (√v̂ + ε)"]
        numbers += [f"t = {t}",
                    f"m ← {fmt(b1)}·{factor(before['m'])} + (1 {MINUS} {fmt(b1)})·{factor(g)}"
                    f" = {fmt(after['m'])}",
                    f"v ← {fmt(b2)}·{fmt(before['v'])} + (1 {MINUS} {fmt(b2)})·{factor(g)}²"
                    f" = {fmt(after['v'])}",
                    f"m̂ = {fmt(after['m'])} / (1 {MINUS} {_power(b1, t)}) = {fmt(m_hat)}",
                    f"v̂ = {fmt(after['v'])} / (1 {MINUS} {_power(b2, t)}) = {fmt(v_hat)}",
                    f"{symbol} ← {fmt(old)} {MINUS} {eta}·{factor(m_hat)} / (√{fmt(v_hat)} + "
                    f"{eps}) = {fmt(new)}"]
    return tuple(formula), tuple(numbers), values
