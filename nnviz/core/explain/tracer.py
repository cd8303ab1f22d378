"""The chain-rule tracer: why did this weight change?  ∂L/∂w taken apart, factor by factor.

For the weight wⱼᵢ into neuron j (handout 004): ∂L/∂wⱼᵢ = zᵢ·δⱼ, and δⱼ = h′(aⱼ)·Σₖ wₖⱼ·δₖ
down to the output, where δ = ∂L/∂y·h′(a) (or y − t when the loss is fused with the output).
Unrolled, the gradient is a sum over the paths from the weight to the loss of the product of
the numbers met on the way: the input zᵢ, each h′(a), each weight w, ∂L/∂y.  A net without
fan-out has one path (a single product); with fan-out the sum is kept as a DAG of
:class:`DeltaNode` (one per neuron, shared), so deep nets stay small.

A factor that nearly stops the gradient carries a :class:`FactorWarning`: a saturated
activation (|h′| < :data:`SATURATION`, the vanishing-gradient lesson), a dead ReLU (h′ = 0),
a step function (h′ = 0 everywhere), or an input of 0.  A deep chain whose h′ factors
multiply to less than :data:`VANISHING` on every path gets a ``vanishing`` warning even when
no single factor is small: six sigmoids give at most 0.25⁶ ≈ 0.00024 (handout 004's 기울기 소실).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from nnviz.core.explain.equations import ELLIPSIS, rest_term
from nnviz.core.explain.formatting import ACTIVATION_SYMBOLS, Symbols, factor, fmt, signed_sum
from nnviz.core.explain.model import (
    BiasRef,
    EdgeRef,
    LossRef,
    NeuronRef,
    ParamRef,
    Ref,
    param_index,
)
from nnviz.core.explain.passes import SamplePass, run_pass

#: |h′| below this nearly kills a gradient (σ′ is at most 0.25; 0.01 means a ≈ ±4.6).
SATURATION = 0.01
#: Below this, the largest product of the h′ factors on any path marks a vanishing gradient.
VANISHING = 0.01
#: ... but only for chains of at least this many h′ factors (one small factor is "saturated").
VANISHING_DEPTH = 3
#: Paths written out one by one in the trace's text (more: one line per δ).
PATH_TEXT_LIMIT = 4


@dataclass(frozen=True)
class FactorWarning:
    """A factor that (nearly) stops the gradient; ``template``/``args`` give its caption."""

    kind: str  # "saturated", "dead_relu", "flat" (step), "zero_input", "vanishing" (the chain)
    ref: Ref  # where it happens (a neuron)
    value: float
    template: str
    args: tuple


@dataclass(frozen=True)
class Factor:
    """One number of the chain: an input z, a weight w, a derivative h′(a), ∂L/∂y or δ."""

    kind: str  # "input", "weight", "h_prime", "dL_dy", "delta_out"
    symbol: str  # e.g. "x₁", "w₂₁⁽²⁾", "σ′(a₁⁽¹⁾)", "∂L/∂y", "δ₁⁽²⁾"
    value: float
    ref: Ref  # what the canvas highlights for it
    warning: FactorWarning | None = None


@dataclass(frozen=True)
class DeltaNode:
    """δ of one neuron as ``head · Σ (weight · δ of the next neuron)`` (output: head only)."""

    neuron: NeuronRef
    symbol: str  # "δ₁⁽²⁾"
    value: float  # δ as the backward pass computed it
    head: tuple[Factor, ...]  # hidden: (h′,); output: (∂L/∂y, h′) or (δ,) for fused losses
    terms: tuple[tuple[Factor, NeuronRef], ...]  # (wₖⱼ, neuron k of the next layer)


@dataclass(frozen=True)
class PathProduct:
    """One path from the parameter to the loss and the product of its factors."""

    factors: tuple[Factor, ...]
    value: float
    neurons: tuple[NeuronRef, ...]


def _prod(factors) -> float:
    v = 1.0
    for f in factors:
        v *= f.value
    return v


@dataclass(frozen=True, eq=False)
class ChainTrace:
    """∂L/∂(one parameter) decomposed along its paths back from the loss.

    Attributes
    ----------
    param : EdgeRef or BiasRef
    symbol : str
        The parameter's name, e.g. "w₁₂⁽¹⁾".
    gradient : float
        ∂L/∂param as the backward pass computed it.
    input_factor : Factor or None
        zᵢ for a weight; None for a bias (its input is the constant 1).
    root : NeuronRef
        The neuron the parameter feeds; ``gradient = input · δ(root)``.
    nodes : tuple of DeltaNode
        δ of ``root`` and of every neuron after it, root first.
    n_paths : int
        Number of paths from the parameter to the loss (1: the gradient is one product).
    warnings : tuple of FactorWarning
        Every factor on the paths that nearly stops the gradient.
    """

    param: ParamRef
    symbol: str
    gradient: float
    input_factor: Factor | None
    root: NeuronRef
    nodes: tuple[DeltaNode, ...]
    n_paths: int
    warnings: tuple[FactorWarning, ...]

    @property
    def template(self) -> str:
        """Caption id: "trace.single" (one product) or "trace.sum" (a sum of products)."""
        return "trace.single" if self.n_paths == 1 else "trace.sum"

    @property
    def args(self) -> tuple:
        """The caption's arguments: the parameter's symbol and the number of paths."""
        return (("param", self.symbol), ("paths", self.n_paths))

    @cached_property
    def _by_neuron(self) -> dict:
        return {n.neuron: n for n in self.nodes}

    def node(self, neuron: NeuronRef) -> DeltaNode:
        try:
            return self._by_neuron[neuron]
        except KeyError:
            raise KeyError(f"no δ node for {neuron}") from None

    def _delta(self, neuron: NeuronRef, memo: dict) -> float:
        if neuron not in memo:
            n = self.node(neuron)
            s = sum(w.value * self._delta(k, memo) for w, k in n.terms) if n.terms else 1.0
            memo[neuron] = _prod(n.head) * s
        return memo[neuron]

    def evaluate(self) -> float:
        """The gradient recomputed from the factors alone (equals ``gradient`` to rounding)."""
        x = self.input_factor.value if self.input_factor is not None else 1.0
        return x * self._delta(self.root, {})

    def _start(self) -> tuple[Factor, ...]:
        return (self.input_factor,) if self.input_factor is not None else ()

    def paths(self, limit: int = 256) -> tuple[PathProduct, ...]:
        """Every path and its product (their sum is the gradient).

        Raises
        ------
        ValueError
            When there are more than ``limit`` paths (use :meth:`strongest_paths`).
        """
        if self.n_paths > limit:
            raise ValueError(f"{self.n_paths} paths are too many to list; "
                             f"use strongest_paths()")
        out = []

        def walk(neuron, factors, neurons):
            n = self.node(neuron)
            factors, neurons = factors + n.head, neurons + (neuron,)
            if not n.terms:
                out.append(PathProduct(factors, _prod(factors), neurons))
            for w, k in n.terms:
                walk(k, factors + (w,), neurons)

        walk(self.root, self._start(), ())
        return tuple(out)

    def strongest_paths(self, k: int = 5) -> tuple[PathProduct, ...]:
        """The ``k`` paths with the largest |product| (exact, without listing every path)."""
        best: dict = {}
        for n in reversed(self.nodes):  # nodes after the root come later: fill them first
            if not n.terms:
                cands = [(n.head, (n.neuron,))]
            else:
                cands = [(n.head + (w,) + f, (n.neuron,) + ns)
                         for w, nxt in n.terms for f, ns in best[nxt]]
            cands.sort(key=lambda c: -abs(_prod(c[0])))
            best[n.neuron] = cands[:k]
        start = self._start()
        return tuple(PathProduct(start + f, _prod(start + f), ns) for f, ns in best[self.root])

    def text(self, max_terms: int = 8) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(formula lines, numbers lines): the sum of path products when there are at most
        PATH_TEXT_LIMIT paths, else ``∂L/∂w = z·δ`` and one ``δ = h′·Σ w·δ`` line per node
        (each sum writes its ``max_terms`` largest terms and brackets the rest, ``[⋯ 0.01]``)."""
        lhs = f"∂L/∂{self.symbol}"
        if self.n_paths <= PATH_TEXT_LIMIT:
            ps = self.paths()
            f = signed_sum("·".join(x.symbol for x in p.factors) for p in ps)
            n = signed_sum("·".join([fmt(p.factors[0].value)]
                                    + [factor(x.value) for x in p.factors[1:]]) for p in ps)
            return (f"{lhs} = {f}",), (f"{lhs} = {n} = {fmt(self.gradient)}",)
        root_d = self.node(self.root)
        d_sym = root_d.symbol
        start = self._start()
        formula = [f"{lhs} = " + "·".join([x.symbol for x in start] + [d_sym])]
        numbers = [f"{lhs} = " + "·".join([fmt(x.value) for x in start]
                                         + [factor(root_d.value)]) + f" = {fmt(self.gradient)}"]
        for node in self.nodes:
            ds = node.symbol
            head_f = "·".join(x.symbol for x in node.head)
            head_n = "·".join(factor(x.value) for x in node.head)
            if node.terms:
                terms = [(w, self.node(k)) for w, k in node.terms]
                shown = sorted(range(len(terms)), key=lambda i: -abs(terms[i][0].value
                                                                       * terms[i][1].value))
                keep = sorted(shown[:max_terms])
                sf = [f"{w.symbol}·{d.symbol}" for w, d in (terms[i] for i in keep)]
                sn = [f"{fmt(w.value)}·{factor(d.value)}" for w, d in (terms[i] for i in keep)]
                if len(terms) > max_terms:
                    sf.append(ELLIPSIS)
                    sn.append(rest_term(sum(terms[i][0].value * terms[i][1].value
                                            for i in shown[max_terms:])))
                head_f = f"{head_f}·({signed_sum(sf)})"
                head_n = f"{head_n}·({signed_sum(sn)})"
            formula.append(f"{ds} = {head_f}")
            numbers.append(f"{ds} = {head_n} = {fmt(node.value)}")
        return tuple(formula), tuple(numbers)


def _h_factor(sym: Symbols, p: SamplePass, layer: int, j: int) -> Factor:
    act = p.activations[layer - 1]
    hp = float(p.h_prime[layer - 1][j])
    me = NeuronRef(layer, j)
    h = ACTIVATION_SYMBOLS[act]
    symbol = f"{h}′({sym.a(layer, j)})"
    warning = None
    if act == "relu" and hp == 0:
        warning = FactorWarning("dead_relu", me, hp, "warn.dead_relu", (("where", symbol),))
    elif act == "step":
        warning = FactorWarning("flat", me, hp, "warn.flat",
                                (("where", symbol), ("activation", h)))
    elif abs(hp) < SATURATION and act != "identity":
        warning = FactorWarning("saturated", me, hp, "warn.saturated",
                                (("where", symbol), ("activation", h), ("value", hp)))
    return Factor("h_prime", symbol, hp, me, warning)


def _node(sym: Symbols, p: SamplePass, layer: int, j: int) -> DeltaNode:
    me, L = NeuronRef(layer, j), p.n_layers
    d, ds = float(p.delta[layer - 1][j]), sym.delta(layer, j)
    if layer < L:
        W = p.W[layer]
        terms = tuple((Factor("weight", sym.w(layer, j, k), float(W[j, k]),
                              EdgeRef(layer, j, k)), NeuronRef(layer + 1, k))
                      for k in range(W.shape[1]))
        return DeltaNode(me, ds, d, (_h_factor(sym, p, layer, j),), terms)
    if p.output_rule == "elementwise":
        g = Factor("dL_dy", f"∂L/∂{sym.y(j)}", float(p.dL_dy[j]), LossRef())
        return DeltaNode(me, ds, d, (g, _h_factor(sym, p, layer, j)), ())
    # fused with the loss: δ is y − t itself (divided by K for binary cross-entropy)
    fused = {"cce_softmax": f"({sym.y(j)} − {sym.t(j)})",
             "bce_sigmoid": f"({sym.y(j)} − {sym.t(j)})"
                            + ("" if p.y.size == 1 else f"/{p.y.size}")}
    return DeltaNode(me, ds, d, (Factor("delta_out", fused.get(p.output_rule, ds), d, me),), ())


def _vanishing(nodes: tuple[DeltaNode, ...], root: NeuronRef,
               symbol: str) -> FactorWarning | None:
    """A ``vanishing`` warning when the h′ factors of every path multiply to < VANISHING."""
    best: dict = {}  # neuron -> (largest |product of h′| to the loss, number of h′ factors)
    for n in reversed(nodes):
        hs = [abs(f.value) for f in n.head if f.kind == "h_prime"]
        head = float(np.prod(hs)) if hs else 1.0
        after = max((best[k] for _, k in n.terms), default=(1.0, 0))
        best[n.neuron] = (head * after[0], len(hs) + after[1])
    bound, depth = best[root]
    if depth < VANISHING_DEPTH or bound >= VANISHING:
        return None
    return FactorWarning("vanishing", root, bound, "warn.vanishing",
                         (("count", depth), ("value", bound), ("param", symbol)))


def trace_gradient(net, x, t, loss: str, param: ParamRef) -> ChainTrace:
    """Decompose ∂L/∂param of the sample (x, t) along its paths from the loss.

    Parameters
    ----------
    net : Network
    x : array_like, shape (inputs,)
    t : array_like, shape (outputs,)
    loss : str
        "mse", "bce" or "cce".
    param : EdgeRef or BiasRef
        The weight or bias the student clicked.

    Returns
    -------
    ChainTrace
        ``trace.evaluate()`` (from the factors alone) equals ``trace.gradient``; the sum of
        ``trace.paths()`` products too.

    Raises
    ------
    ValueError, IndexError
        Bad sample, unsupported layers, or a parameter the network does not have.
    """
    p = run_pass(net, x, t, loss)
    k_param = param_index(net, param)
    L, sym = p.n_layers, Symbols(p.n_layers, p.y.size)
    root_layer = param.layer + 1
    root = NeuronRef(root_layer, param.j)
    nodes = [_node(sym, p, root_layer, param.j)]
    for layer in range(root_layer + 1, L + 1):
        nodes += [_node(sym, p, layer, j) for j in range(p.z[layer - 1].size)]
    count: dict[Any, int] = {}
    for n in reversed(nodes):
        count[n.neuron] = sum(count[k] for _, k in n.terms) if n.terms else 1
    if isinstance(param, BiasRef):
        inp, symbol = None, sym.b(param.layer, param.j)
    else:
        z = float(p.z_of(param.layer)[param.i])
        src = NeuronRef(param.layer, param.i)
        z_sym = sym.z(param.layer, param.i)
        warn = (FactorWarning("zero_input", src, z, "warn.zero_input", (("where", z_sym),))
                if z == 0 else None)
        inp, symbol = Factor("input", z_sym, z, src, warn), sym.w(param.layer, param.i, param.j)
    factors = ([inp] if inp is not None else []) + [f for n in nodes for f in n.head]
    factors += [w for n in nodes for w, _ in n.terms]
    warnings = tuple(f.warning for f in factors if f.warning is not None)
    chain = _vanishing(tuple(nodes), root, symbol)
    if chain is not None:
        warnings += (chain,)
    return ChainTrace(param, symbol, float(p.grad[k_param]), inp, root, tuple(nodes),
                      count[root], warnings)
