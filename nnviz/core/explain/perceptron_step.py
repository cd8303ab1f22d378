"""The perceptron rule explained (handout 001): no backward pass, just the error and the rule.

    a = Σ wᵢ·xᵢ + b,   y = step(a) = 1 if a > 0 else 0
    e = d − y
    Δwᵢ = η·(d − y)·xᵢ,  wᵢ ← wᵢ + Δwᵢ;   Δb = η·(d − y),  b ← b + Δb

exactly as ``nnviz.core.train.perceptron.PerceptronTrainer`` applies it (the bias is a weight on a
constant input 1), e.g. Δw = η·(d − y)·x = 0.05·(0 − 1)·1 = −0.05.
"""

from __future__ import annotations

import numpy as np

from nnviz.core.explain.formatting import MINUS, factor, fmt, product, signed_sum, sub
from nnviz.core.explain.model import (
    BiasRef,
    EdgeRef,
    ExplainedStep,
    ExplainItem,
    LossRef,
    NeuronRef,
    Phase,
    frozen_array,
    param_index,
)


def _check(net) -> None:
    layers = net.spec.layers
    if len(layers) != 1 or layers[0].units != 1 or layers[0].activation != "step":
        raise ValueError("the perceptron rule trains a single neuron with a step activation")


def explain_perceptron_step(net, x, d: float, eta: float) -> ExplainedStep:
    """Explain one application of the perceptron rule to the sample (x, d).

    Parameters
    ----------
    net : Network
        A single step neuron (``nnviz.core.train.perceptron.perceptron_spec``); not changed.
    x : array_like, shape (inputs,)
        One input row.
    d : float
        The desired output (0 or 1).
    eta : float
        The learning rate η (0.05 in handout 001).

    Returns
    -------
    ExplainedStep
        Forward (a and y), loss (the error d − y), update (Δw and the new value of every
        weight and the bias).  ``gradient`` holds −(d − y)·(x, 1), the direction the rule
        steps against; ``loss`` the squared error (d − y)² the trainer reports.
    """
    _check(net)
    n = net.spec.inputs
    x = np.asarray(x, dtype=np.float64).ravel()
    if x.shape != (n,) or not np.all(np.isfinite(x)):
        raise ValueError(f"the input row x must hold {n} finite numbers")
    d, eta = float(d), float(eta)
    if not (np.isfinite(d) and np.isfinite(eta) and eta > 0):
        raise ValueError("the target d must be a finite number and η a positive number")
    w = np.array(net.W[0][:, 0], dtype=np.float64)
    has_b = net.b[0] is not None
    b = float(net.b[0][0]) if has_b else 0.0
    a = float(x @ w + b)
    y = 1.0 if a > 0 else 0.0
    err = d - y
    neuron, items = NeuronRef(1, 0), []

    w_sym = [f"w{sub(i + 1)}" for i in range(n)]
    x_sym = [f"x{sub(i + 1)}" for i in range(n)]
    sym_terms = [f"{w_sym[i]}·{x_sym[i]}" for i in range(n)] + (["b"] if has_b else [])
    num_terms = [product([fmt(w[i]), factor(x[i])]) for i in range(n)]
    num_terms += [fmt(b)] if has_b else []
    edges = tuple(EdgeRef(0, i, 0) for i in range(n))
    inputs = tuple(NeuronRef(0, i) for i in range(n))
    bias = (BiasRef(0, 0),) if has_b else ()
    items.append(ExplainItem(
        Phase.FORWARD, "forward.perceptron", (), neuron, (neuron, *edges, *bias, *inputs),
        (f"a = {signed_sum(sym_terms)}", "y = step(a) = 1 if a > 0 else 0"),
        (f"a = {signed_sum(num_terms)} = {fmt(a)}", f"y = step({fmt(a)}) = {fmt(y)}"),
        (("a", a), ("y", y))))
    items.append(ExplainItem(
        Phase.LOSS, "loss.perceptron", (), LossRef(), (LossRef(), neuron), ("e = d − y",),
        (f"e = {fmt(d)} {MINUS} {fmt(y)} = {fmt(err)}",), (("error", err), ("d", d), ("y", y))))

    diff = f"({fmt(d)} {MINUS} {fmt(y)})"
    refs = list(edges) + list(bias)
    old = np.append(w, b) if has_b else w.copy()
    inputs_of = np.append(x, 1.0) if has_b else x
    delta = eta * err * inputs_of
    new = old + delta
    for k, ref in enumerate(refs):
        is_bias = isinstance(ref, BiasRef)
        p_sym = "b" if is_bias else w_sym[k]
        if is_bias:
            formula = ("Δb = η·(d − y)", "b ← b + Δb")
            first = f"Δb = {product([fmt(eta), diff])} = {fmt(delta[k])}"
        else:
            formula = (f"Δ{p_sym} = η·(d − y)·{x_sym[k]}", f"{p_sym} ← {p_sym} + Δ{p_sym}")
            first = (f"Δ{p_sym} = {product([fmt(eta), diff, factor(x[k])])} = "
                     f"{fmt(delta[k])}")
        numbers = (first, f"{p_sym} ← {fmt(old[k])} + {factor(delta[k])} = {fmt(new[k])}")
        items.append(ExplainItem(
            Phase.UPDATE, "update.perceptron", (("param", p_sym),), ref, (ref, neuron),
            formula, numbers,
            (("old", float(old[k])), ("new", float(new[k])), ("delta", float(delta[k])),
             ("lr", eta))))
    before = np.array(net.params, dtype=np.float64)
    after, gradient = before.copy(), np.zeros_like(before)
    for k, ref in enumerate(refs):
        after[param_index(net, ref)] = new[k]
        gradient[param_index(net, ref)] = -err * inputs_of[k]
    return ExplainedStep("perceptron", tuple(items), err * err, frozen_array(before),
                         frozen_array(after), frozen_array(gradient))
