"""The handouts' equations written out twice: in symbols, and with the numbers substituted.

Each builder returns ``(formula_lines, numbers_lines)`` (tuples of str) for one neuron or one
quantity of a :class:`~nnviz.core.explain.passes.SamplePass`; ``layer`` is a canvas layer
(1..L), ``j``/``k`` 0-based neuron indices.  Long sums write ``max_terms`` terms and put the
rest in brackets, ``[⋯ 1.234]``, so the arithmetic on screen still adds up.
"""

from __future__ import annotations

import numpy as np

from nnviz.core.explain.formatting import (
    ACTIVATION_SYMBOLS,
    MINUS,
    Symbols,
    factor,
    fmt,
    product,
    signed_sum,
    sub,
    sup,
)
from nnviz.core.explain.passes import SamplePass

#: The sum symbol written in place of the terms left out.
ELLIPSIS = "⋯"


def rest_term(value: float) -> str:
    return f"[{ELLIPSIS} {fmt(value)}]"


def _sigmoid(a: float) -> float:
    return float(1.0 / (1.0 + np.exp(-a))) if a >= 0 else float(np.exp(a) / (1.0 + np.exp(a)))


def weighted_sum(sym: Symbols, p: SamplePass, layer: int, j: int, shown) -> tuple:
    """``a = Σᵢ w·z + b`` of neuron j; returns (formula, numbers, rest count, rest sum)."""
    W, b, z_prev = p.W[layer - 1], p.b[layer - 1], p.z_of(layer - 1)
    a = float(p.a[layer - 1][j])
    a_sym = sym.a(layer, j)
    in_gen = "xᵢ" if layer == 1 else f"zᵢ{sup(layer - 1)}"
    generic = f"Σᵢ w{sub(j + 1)}ᵢ{sup(layer)}·{in_gen}"
    sym_terms = [f"{sym.w(layer - 1, i, j)}·{sym.z(layer - 1, i)}" for i in shown]
    num_terms = [product([fmt(W[i, j]), factor(z_prev[i])]) for i in shown]
    others = np.setdiff1d(np.arange(W.shape[0]), np.asarray(shown, dtype=int))
    rest_sum = float(W[others, j] @ z_prev[others]) if others.size else 0.0
    if others.size:
        sym_terms.append(ELLIPSIS)
        num_terms.append(rest_term(rest_sum))
    if b is not None:
        generic += f" + {sym.b(layer - 1, j)}"
        sym_terms.append(sym.b(layer - 1, j))
        num_terms.append(fmt(b[j]))
    formula = f"{a_sym} = {generic} = {signed_sum(sym_terms)}"
    numbers = f"{a_sym} = {signed_sum(num_terms)} = {fmt(a)}"
    return formula, numbers, int(others.size), rest_sum


def activation(sym: Symbols, p: SamplePass, layer: int, j: int) -> tuple[str, str]:
    """``z = h(a)`` of neuron j (softmax: over the whole output layer)."""
    act = p.activations[layer - 1]
    a_vec, z = p.a[layer - 1], float(p.z[layer - 1][j])
    a, a_sym, z_sym = float(a_vec[j]), sym.a(layer, j), sym.z(layer, j)
    if act == "identity":
        return f"{z_sym} = {a_sym}", f"{z_sym} = {fmt(z)}"
    if act == "softmax":
        ak = f"aₖ{sup(layer)}"
        m = float(np.max(a_vec))
        if m <= 50:
            total = float(np.sum(np.exp(a_vec)))
            return (f"{z_sym} = exp({a_sym}) / Σₖ exp({ak})",
                    f"{z_sym} = exp({fmt(a)}) / {fmt(total)} = {fmt(z)}")
        # exp(a) would overflow (handout 002's [1010, 1000, 990]): the stable form
        total = float(np.sum(np.exp(a_vec - m)))
        return (f"{z_sym} = exp({a_sym} {MINUS} m) / Σₖ exp({ak} {MINUS} m), m = max {ak}",
                f"{z_sym} = exp({fmt(a - m)}) / {fmt(total)} = {fmt(z)}")
    h = ACTIVATION_SYMBOLS[act]
    return f"{z_sym} = {h}({a_sym})", f"{z_sym} = {h}({fmt(a)}) = {fmt(z)}"


def derivative(sym: Symbols, p: SamplePass, layer: int, j: int) -> tuple[str, str]:
    """``h′(a)`` of neuron j written the way the handouts differentiate (σ′ = z(1 − z) …)."""
    act, alpha = p.activations[layer - 1], p.alphas[layer - 1]
    a, z = float(p.a[layer - 1][j]), float(p.z[layer - 1][j])
    hp = float(p.h_prime[layer - 1][j])
    a_sym, z_sym = sym.a(layer, j), sym.z(layer, j)
    lhs = f"{ACTIVATION_SYMBOLS[act]}′({a_sym})"
    piece = {"relu": "0", "leaky_relu": fmt(alpha), "elu": f"{z_sym} + α"}
    if act == "sigmoid":
        rhs, num = f"{z_sym}·(1 {MINUS} {z_sym})", f"{fmt(z)}·(1 {MINUS} {fmt(z)})"
    elif act == "tanh":
        rhs, num = f"1 {MINUS} ({z_sym})²", f"1 {MINUS} ({fmt(z)})²"
    elif act == "swish":
        s = _sigmoid(a)
        rhs = f"{z_sym} + σ({a_sym})·(1 {MINUS} {z_sym})"
        num = f"{fmt(z)} + {fmt(s)}·(1 {MINUS} {fmt(z)})"
    elif act == "softplus":
        rhs, num = f"σ({a_sym})", f"σ({fmt(a)})"
    elif act in piece:
        rhs = f"1 if {a_sym} > 0 else {piece[act]}"
        num = f"{ACTIVATION_SYMBOLS[act]}′({fmt(a)})"
        if act == "elu":
            rhs += f", α = {fmt(alpha)}"
    else:  # identity: 1; step: 0 everywhere it is differentiable
        rhs = num = "1" if act == "identity" else "0"
        return f"{lhs} = {rhs}", f"{lhs} = {fmt(hp)}"
    return f"{lhs} = {rhs}", f"{lhs} = {num} = {fmt(hp)}"


def _diff(y: float, t: float) -> str:
    return f"{fmt(y)} {MINUS} {factor(t)}"


def _limited(terms: list[str], values: list[float], max_terms: int) -> list[str]:
    if len(terms) <= max_terms:
        return terms
    return terms[:max_terms] + [rest_term(sum(values[max_terms:]))]


def loss(sym: Symbols, p: SamplePass, max_terms: int) -> tuple[tuple, tuple]:
    """The loss of the sample, its formula and every term (handout 001's MSE and CE)."""
    y, t, K, L = p.y, p.t, p.y.size, p.loss
    ks = range(K)
    if p.loss_name == "mse":
        terms = [f"({_diff(y[k], t[k])})²" for k in ks]
        vals = [float((y[k] - t[k]) ** 2) for k in ks]
        inner = _limited(terms, vals, max_terms)
        formula = (f"L = ({sym.y(0)} {MINUS} {sym.t(0)})²" if K == 1
                   else f"L = (1/{K})·Σₖ (yₖ {MINUS} tₖ)²")
        body = inner[0] if K == 1 else f"(1/{K})·[{' + '.join(inner)}]"
        return (formula,), (f"L = {body} = {fmt(L)}",)
    if p.loss_name == "bce":
        yk, tk = (sym.y(0), sym.t(0)) if K == 1 else ("yₖ", "tₖ")
        core = f"{tk}·log {yk} + (1 {MINUS} {tk})·log(1 {MINUS} {yk})"
        formula = f"L = {MINUS}[{core}]" if K == 1 else f"L = {MINUS}(1/{K})·Σₖ [{core}]"
        terms = [f"{factor(t[k])}·log {fmt(y[k])} + (1 {MINUS} {factor(t[k])})·log(1 {MINUS} "
                 f"{fmt(y[k])})" for k in ks]
        with np.errstate(divide="ignore", invalid="ignore"):
            vals = [float(t[k] * np.log(y[k]) + (1 - t[k]) * np.log1p(-y[k])) for k in ks]
        inner = _limited([f"[{s}]" for s in terms], vals, max_terms)
        body = inner[0] if K == 1 else f"(1/{K})·({' + '.join(inner)})"
        return (formula,), (f"L = {MINUS}{body} = {fmt(L)}",)
    nz = [k for k in ks if t[k] != 0]
    terms = [f"{factor(t[k])}·log {fmt(y[k])}" for k in nz]
    with np.errstate(divide="ignore"):
        vals = [float(t[k] * np.log(y[k])) for k in nz]
    inner = _limited(terms, vals, max_terms)
    body = f"{MINUS}({' + '.join(inner)})" if inner else "0"
    return ("L = −Σₖ tₖ·log yₖ",), (f"L = {body} = {fmt(L)}",)


def loss_gradient(sym: Symbols, p: SamplePass, k: int) -> tuple[str, str]:
    """``∂L/∂yₖ`` of the sample's loss (MSE, binary or categorical cross-entropy)."""
    y, t, K, g = float(p.y[k]), float(p.t[k]), p.y.size, float(p.dL_dy[k])
    ys, ts = sym.y(k), sym.t(k)
    per_k = "" if K == 1 else f"/{K}"
    if p.loss_name == "mse":
        f = f"∂L/∂{ys} = 2·({ys} {MINUS} {ts}){per_k}"
        n = f"∂L/∂{ys} = 2·({_diff(y, t)}){per_k} = {fmt(g)}"
    elif p.loss_name == "bce":
        f = f"∂L/∂{ys} = ({ys} {MINUS} {ts}) / ({ys}·(1 {MINUS} {ys})){per_k}"
        n = f"∂L/∂{ys} = ({_diff(y, t)}) / ({fmt(y)}·(1 {MINUS} {fmt(y)})){per_k} = {fmt(g)}"
    else:
        f = f"∂L/∂{ys} = {MINUS}{ts} / {ys}"
        n = f"∂L/∂{ys} = {MINUS}{factor(t)} / {fmt(y)} = {fmt(g)}"
    return f, n


def output_delta(sym: Symbols, p: SamplePass, k: int) -> tuple[tuple, tuple]:
    """δ of output neuron k, by the rule the app trains with (see ``passes``)."""
    L = p.n_layers
    d, y, t, K = float(p.delta[-1][k]), float(p.y[k]), float(p.t[k]), p.y.size
    ds, ys, ts, a_sym = sym.delta(L, k), sym.y(k), sym.t(k), sym.a(L, k)
    if p.output_rule in ("cce_softmax", "bce_sigmoid"):
        per_k = f"/{K}" if p.output_rule == "bce_sigmoid" and K > 1 else ""
        wrap = (lambda s: f"({s}){per_k}") if per_k else (lambda s: s)
        return ((f"{ds} = ∂L/∂{a_sym} = {wrap(f'{ys} {MINUS} {ts}')}",),
                (f"{ds} = {wrap(_diff(y, t))} = {fmt(d)}",))
    g_f, g_n = loss_gradient(sym, p, k)
    g = float(p.dL_dy[k])
    if p.output_rule == "softmax_jacobian":
        s = float(np.sum(p.dL_dy * p.y))
        return ((g_f, f"{ds} = {ys}·(∂L/∂{ys} {MINUS} Σᵢ yᵢ·∂L/∂yᵢ)"),
                (g_n, f"Σᵢ yᵢ·∂L/∂yᵢ = {fmt(s)}",
                 f"{ds} = {fmt(y)}·({fmt(g)} {MINUS} {factor(s)}) = {fmt(d)}"))
    h_f, h_n = derivative(sym, p, L, k)
    hp = float(p.h_prime[-1][k])
    h = ACTIVATION_SYMBOLS[p.activations[-1]]
    return ((g_f, h_f, f"{ds} = ∂L/∂{ys}·{h}′({a_sym})"),
            (g_n, h_n, f"{ds} = {product([fmt(g), factor(hp)])} = {fmt(d)}"))


def hidden_delta(sym: Symbols, p: SamplePass, layer: int, j: int, shown) -> tuple:
    """``δⱼ = h′(aⱼ)·Σₖ wₖⱼ·δₖ`` (handout 004); returns (formula, numbers, rest count, rest)."""
    W, d_next = p.W[layer], p.delta[layer]
    hp, d = float(p.h_prime[layer - 1][j]), float(p.delta[layer - 1][j])
    h = ACTIVATION_SYMBOLS[p.activations[layer - 1]]
    ds, a_sym = sym.delta(layer, j), sym.a(layer, j)
    sym_terms = [f"{sym.w(layer, j, k)}·{sym.delta(layer + 1, k)}" for k in shown]
    num_terms = [product([fmt(W[j, k]), factor(d_next[k])]) for k in shown]
    others = np.setdiff1d(np.arange(W.shape[1]), np.asarray(shown, dtype=int))
    rest = float(W[j, others] @ d_next[others]) if others.size else 0.0
    if others.size:
        sym_terms.append(ELLIPSIS)
        num_terms.append(rest_term(rest))
    generic = f"Σₖ wₖ{sub(j + 1)}{sup(layer + 1)}·δₖ{sup(layer + 1)}"
    h_f, h_n = derivative(sym, p, layer, j)
    formula = (h_f, f"{ds} = {h}′({a_sym})·{generic} = {h}′({a_sym})·({signed_sum(sym_terms)})")
    numbers = (h_n, f"{ds} = {factor(hp)}·({signed_sum(num_terms)}) = {fmt(d)}")
    return formula, numbers, int(others.size), rest
