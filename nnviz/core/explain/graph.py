"""The computational graph of one sample, micrograd-style: every ×, +, h and the loss.

Each node holds its forward value and its gradient ∂L/∂node for the sample; edges run from
operands to results.  For a layer l and neuron j the graph has, per input i, a weight leaf
``w`` and a product node ``×`` (w·z), then a bias leaf, a sum node ``+`` (a = Σ w·z + b) and an
activation node (z = h(a)); the outputs and the targets feed the loss node ``L``.

Node ids (0-based indices, ``l`` the weight layer as in ``Network.W[l]``):
``x{i}``, ``w{l}.{i}.{j}``, ``mul{l}.{i}.{j}``, ``b{l}.{j}``, ``a{l}.{j}``, ``z{l}.{j}``,
``t{k}``, ``L``.  Gradients are the training step's (see ``passes``): with softmax and
categorical cross-entropy ∂L/∂a = y − t, the true derivative when the targets sum to 1.

Each node also has a position (x, y) in [0, 1]²: columns by depth from the inputs (a leaf
sits one column before its first use), rows ordered to keep edges short.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from nnviz.core.explain.formatting import ACTIVATION_SYMBOLS, Symbols
from nnviz.core.explain.model import (
    READABLE_PARAMS,
    BiasRef,
    EdgeRef,
    LossRef,
    NeuronRef,
    Ref,
    param_index,
)
from nnviz.core.explain.passes import SamplePass, run_pass

KINDS = ("input", "weight", "bias", "target", "mul", "add", "activation", "loss")
LEAVES = ("input", "weight", "bias", "target")


@dataclass(frozen=True)
class GraphNode:
    """One value of the graph.

    Attributes
    ----------
    id : str
    kind : str
        One of :data:`KINDS`.
    label : str
        What the node draws: its symbol for leaves ("w₁₁⁽¹⁾"), else the operator
        ("×", "+", "σ", "L").
    symbol : str
        The quantity it computes ("a₁⁽¹⁾", "z₁⁽¹⁾", "w₁₁⁽¹⁾·x₁", "L").
    op : str
        The activation's or loss's name for those nodes, else ``kind``.
    value, grad : float
        Forward value and ∂L/∂value.
    ref : Ref or None
        What it is on the network canvas (edge, bias, neuron, loss).
    x, y : float
        Layout position in [0, 1] (x: left to right from inputs to loss).
    """

    id: str
    kind: str
    label: str
    symbol: str
    op: str
    value: float
    grad: float
    ref: Ref | None
    x: float = 0.0
    y: float = 0.0


@dataclass(frozen=True)
class GraphEdge:
    source: str  # id of the operand
    target: str  # id of the result


@dataclass(frozen=True)
class CompGraph:
    """Nodes (in topological order), edges and the loss of one sample."""

    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    loss: float

    def node(self, node_id: str) -> GraphNode:
        for n in self.nodes:
            if n.id == node_id:
                return n
        raise KeyError(f"no node {node_id!r}")

    def operands(self, node_id: str) -> tuple[str, ...]:
        """Ids of the nodes feeding ``node_id``, in edge order."""
        return tuple(e.source for e in self.edges if e.target == node_id)


def _target_grad(p: SamplePass) -> np.ndarray:
    """∂L/∂t of the loss as the app computes it (from the logits where it is stable)."""
    y, t, a, K = p.y, p.t, p.a[-1], p.y.size
    act = p.activations[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        if p.loss_name == "mse":
            return -2.0 * (y - t) / K
        if p.loss_name == "bce":
            return -a / K if act == "sigmoid" else -(np.log(y) - np.log1p(-y)) / K
        if act == "softmax":
            m = np.max(a)
            return -(a - (m + np.log(np.sum(np.exp(a - m)))))
        return -np.log(y)


def _build(net, p: SamplePass) -> tuple[list, list]:
    sym = Symbols(p.n_layers, p.y.size)
    nodes, edges = [], []

    def add(*args):
        nodes.append(GraphNode(*args))

    dL_dx = p.W[0] @ p.delta[0]
    for i in range(p.x.size):
        s = sym.z(0, i)
        add(f"x{i}", "input", s, s, "input", float(p.x[i]), float(dL_dx[i]), NeuronRef(0, i))
    for l in range(p.n_layers):
        W, b, z_prev, d = p.W[l], p.b[l], p.z_of(l), p.delta[l]
        act = p.activations[l]
        for j in range(W.shape[1]):
            for i in range(W.shape[0]):
                e = EdgeRef(l, i, j)
                ws, src = sym.w(l, i, j), (f"x{i}" if l == 0 else f"z{l - 1}.{i}")
                add(f"w{l}.{i}.{j}", "weight", ws, ws, "weight", float(W[i, j]),
                    float(p.grad[param_index(net, e)]), e)
                add(f"mul{l}.{i}.{j}", "mul", "×", f"{ws}·{sym.z(l, i)}", "mul",
                    float(W[i, j] * z_prev[i]), float(d[j]), e)
                edges += [GraphEdge(f"w{l}.{i}.{j}", f"mul{l}.{i}.{j}"),
                          GraphEdge(src, f"mul{l}.{i}.{j}")]
                edges.append(GraphEdge(f"mul{l}.{i}.{j}", f"a{l}.{j}"))
            if b is not None:
                bs = sym.b(l, j)
                add(f"b{l}.{j}", "bias", bs, bs, "bias", float(b[j]), float(d[j]), BiasRef(l, j))
                edges.append(GraphEdge(f"b{l}.{j}", f"a{l}.{j}"))
            add(f"a{l}.{j}", "add", "+", sym.a(l + 1, j), "add", float(p.a[l][j]), float(d[j]),
                NeuronRef(l + 1, j))
        for j in range(W.shape[1]):
            operands = range(W.shape[1]) if act == "softmax" else (j,)
            edges += [GraphEdge(f"a{l}.{k}", f"z{l}.{j}") for k in operands]
            add(f"z{l}.{j}", "activation", ACTIVATION_SYMBOLS[act], sym.z(l + 1, j), act,
                float(p.z[l][j]), float(p.dL_dz[l][j]), NeuronRef(l + 1, j))
    g_t = _target_grad(p)
    last = p.n_layers - 1
    for k in range(p.y.size):
        s = sym.t(k)
        add(f"t{k}", "target", s, s, "target", float(p.t[k]), float(g_t[k]), None)
        edges += [GraphEdge(f"z{last}.{k}", "L"), GraphEdge(f"t{k}", "L")]
    add("L", "loss", "L", "L", p.loss_name, float(p.loss), 1.0, LossRef())
    return nodes, edges


def _layout(nodes: list, edges: list) -> list:
    ids = [n.id for n in nodes]
    pos = {n: k for k, n in enumerate(ids)}
    preds: dict[Any, list] = {n: [] for n in ids}
    succs: dict[Any, list] = {n: [] for n in ids}
    for e in edges:
        preds[e.target].append(e.source)
        succs[e.source].append(e.target)
    col: dict[Any, int] = {}
    for n in nodes:  # nodes are in topological order
        col[n.id] = 1 + max((col[q] for q in preds[n.id]), default=-1)
    for n in nodes:
        if n.kind in LEAVES and succs[n.id]:
            col[n.id] = min(col[s] for s in succs[n.id]) - 1
    n_cols = max(col.values()) + 1
    columns = [[n for n in ids if col[n] == c] for c in range(n_cols)]
    row = {n: r / max(len(c), 1) for c in columns for r, n in enumerate(c)}
    for neighbours, sweep in ((succs, reversed(columns)), (preds, columns)):
        for c in sweep:  # barycentre ordering: a node sits near the nodes it connects to
            key = {n: (np.mean([row[m] for m in neighbours[n]]) if neighbours[n] else row[n],
                       pos[n]) for n in c}
            c.sort(key=key.__getitem__)
            row.update({n: r / max(len(c), 1) for r, n in enumerate(c)})
    xy = {n: ((col[n] / (n_cols - 1)) if n_cols > 1 else 0.5, (r + 0.5) / len(c))
          for c in columns for r, n in enumerate(c)}
    return [replace(n, x=float(xy[n.id][0]), y=float(xy[n.id][1])) for n in nodes]


def build_graph(net, x, t, loss: str) -> CompGraph:
    """The computational graph of the sample (x, t) with every value and gradient.

    Parameters
    ----------
    net : Network
        A small network (at most READABLE_PARAMS parameters): one neuron, a perceptron, XOR.
    x : array_like, shape (inputs,)
    t : array_like, shape (outputs,)
    loss : str
        "mse", "bce" or "cce" (a perceptron's graph: "mse", the squared error).

    Raises
    ------
    ValueError
        For a network too big to draw, bad input, or unsupported layers.
    """
    if int(net.params.size) > READABLE_PARAMS:
        raise ValueError(f"the computational graph is drawn for networks of at most "
                         f"{READABLE_PARAMS} parameters; this one has {net.params.size}")
    p = run_pass(net, x, t, loss)
    nodes, edges = _build(net, p)
    return CompGraph(tuple(_layout(nodes, edges)), tuple(edges), float(p.loss))
