"""A neuron's formula with the current numbers (canvas tooltips, the inspector).

``a₁ = 0.1·1 + 0.2·0.5 + 0.1 = 0.3`` and ``z₁ = σ(0.3) = 0.5744``: the handouts' notation.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from nnviz.ui.common.formatting import count, fmt, fmt_full, sub

translate = QCoreApplication.translate  # the name lupdate recognises

_SYMBOL = {"sigmoid": "σ", "tanh": "tanh", "relu": "ReLU", "leaky_relu": "LReLU",
           "prelu": "PReLU", "elu": "ELU", "swish": "swish", "softplus": "softplus",
           "step": "step", "softmax": "softmax", "maxout": "maxout", "identity": "id"}



def activation_symbol(name: str) -> str:
    return _SYMBOL.get(name, name)


def neuron_formula(lesson: Any, layer: int, index: int) -> str:
    """The neuron's formula with the current numbers, e.g.
    ``a₁ = 0.1·1 + 0.2·0.5 + 0.1 = 0.3`` and ``z₁ = σ(0.3) = 0.5744``."""
    net = lesson.network
    j = index
    if layer == 0:
        return translate("NeuronFormula", "input x{j} = {v}").format(
            j=sub(j + 1), v=fmt_full(lesson.x[j]))
    li = layer - 1
    spec = net.spec.layers[li]
    a, z = lesson.values(layer)
    z_prev = lesson.values(layer - 1)[1]
    W = net.W[li]
    col = j
    terms = [f"{fmt(W[i, col])}·{fmt(z_prev[i])}" for i in range(min(len(z_prev), 6))]
    if len(z_prev) > 6:
        terms.append(translate("NeuronFormula", "… ({n} terms)").format(n=count(len(z_prev))))
    if net.b[li] is not None:
        terms.append(fmt(net.b[li][col]))
    head = translate("NeuronFormula", "layer {l}, neuron {j}").format(l=layer, j=j + 1)
    s = sub(j + 1)
    line_a = f"a{s} = " + " + ".join(terms).replace("+ −", "− ") + f" = {fmt(a[col])}"
    sym = activation_symbol(spec.activation)
    if spec.activation == "softmax":
        line_z = f"z{s} = e^a{s} / Σₖ e^aₖ = {fmt(z[j])}"
    elif spec.activation == "identity":
        line_z = f"z{s} = a{s} = {fmt(z[j])}"
    elif spec.activation == "step":  # the handouts write the step function h(a), 계단 함수
        line_z = f"z{s} = h({fmt(a[col])}) = {fmt(z[j])}  " + translate(
            "NeuronFormula", "(step function: 1 when a > 0, else 0)")
    elif spec.activation == "maxout":
        units = spec.units
        line_z = f"z{s} = max({fmt(a[j])}, {fmt(a[j + units])}) = {fmt(z[j])}"
    else:
        line_z = f"z{s} = {sym}({fmt(a[col])}) = {fmt(z[j])}"
    full = translate("NeuronFormula", "full precision: a = {a}, z = {z}").format(
        a=fmt_full(a[col]), z=fmt_full(z[j]))
    return f"{head}\n{line_a}\n{line_z}\n{full}"
