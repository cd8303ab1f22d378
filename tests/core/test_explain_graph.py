"""The computational graph: every node's gradient equals a finite difference of the loss
with respect to that node's value, recomputed by an evaluator of the graph written here."""

import numpy as np
import pytest

from nnviz.core.explain import READABLE_PARAMS, LossRef, build_graph
from nnviz.core.lessons.presets import get_preset
from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import LayerSpec, NetworkSpec

ACT = {"sigmoid": lambda a: 1 / (1 + np.exp(-a)), "tanh": np.tanh, "relu": lambda a: max(a, 0),
       "identity": lambda a: a, "step": lambda a: 1.0 if a > 0 else 0.0}


def evaluate(graph, loss, override=None):
    """Recompute every node from the leaves by its operator; ``override`` pins one value."""
    val = {}
    for n in graph.nodes:  # topological order
        ops = graph.operands(n.id)
        if override and n.id in override:
            val[n.id] = override[n.id]
        elif n.kind in ("input", "weight", "bias", "target"):
            val[n.id] = n.value
        elif n.kind == "mul":
            val[n.id] = val[ops[0]] * val[ops[1]]
        elif n.kind == "add":
            val[n.id] = sum(val[o] for o in ops)
        elif n.kind == "activation" and n.op == "softmax":
            a = np.array([val[o] for o in ops])
            j = int(n.id.split(".")[1])
            val[n.id] = float(np.exp(a[j] - a.max()) / np.exp(a - a.max()).sum())
        elif n.kind == "activation":
            val[n.id] = ACT[n.op](val[ops[0]])
        else:
            y = np.array([val[o] for o in ops[0::2]])
            t = np.array([val[o] for o in ops[1::2]])
            if loss == "mse":
                val[n.id] = np.mean((y - t) ** 2)
            elif loss == "bce":
                val[n.id] = -np.mean(t * np.log(y) + (1 - t) * np.log(1 - y))
            else:
                val[n.id] = -np.sum(t * np.log(y))
    return val


CASES = {
    "one neuron": (NetworkSpec(2, (LayerSpec(1, "sigmoid"),)), [0.8, -0.3], [1.0], "mse"),
    "xor 2-2-1 bce": ("xor-backprop-2", [1.0, 0.0], [1.0], "bce"),
    "xor 2-2-1 mse": ("xor-backprop-2", [1.0, 1.0], [0.0], "mse"),
    "perceptron": ("perceptron-and", [1.0, 1.0], [0.0], "mse"),
    "softmax": ("keras-and-softmax", [1.0, 0.0], [1.0, 0.0], "cce"),
    "tanh/relu": (NetworkSpec(2, (LayerSpec(3, "tanh"), LayerSpec(2, "relu"),
                                  LayerSpec(1, "identity")), seed=4), [0.6, 0.9], [0.5], "mse"),
}


def make(case):
    spec_or_preset, x, t, loss = CASES[case]
    if isinstance(spec_or_preset, str):
        net = get_preset(spec_or_preset).build_network()
    else:
        net = Network.from_spec(spec_or_preset)
        net.params[...] = np.random.default_rng(1).normal(0, 1, net.params.size)
    return net, x, t, loss


@pytest.mark.parametrize("case", list(CASES))
def test_node_gradients_equal_finite_differences(case):
    net, x, t, loss = make(case)
    g = build_graph(net, x, t, loss)
    base = evaluate(g, loss)
    for n in g.nodes:
        assert base[n.id] == pytest.approx(n.value, rel=1e-12, abs=1e-15), n.id
    eps = 1e-6
    for n in g.nodes:
        hi = evaluate(g, loss, {n.id: n.value + eps})["L"]
        lo = evaluate(g, loss, {n.id: n.value - eps})["L"]
        assert n.grad == pytest.approx((hi - lo) / (2 * eps), rel=1e-5, abs=1e-8), n.id
    assert g.node("L").grad == 1.0 and g.node("L").ref == LossRef()
    assert g.loss == pytest.approx(base["L"], rel=1e-12)


def test_xor_graph_structure_and_layout():
    net, x, t, loss = make("xor 2-2-1 bce")
    g = build_graph(net, x, t, loss)
    kinds = [n.kind for n in g.nodes]
    assert kinds.count("mul") == 6 and kinds.count("add") == 3
    assert kinds.count("activation") == 3 and kinds.count("weight") == 6
    assert kinds.count("bias") == 3 and kinds.count("loss") == 1
    assert {n.label for n in g.nodes if n.kind == "activation"} == {"σ"}
    assert g.node("mul0.1.0").symbol == "w₁₂⁽¹⁾·x₂"
    assert g.operands("a0.0") == ("mul0.0.0", "mul0.1.0", "b0.0")
    pos = {n.id: (n.x, n.y) for n in g.nodes}
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in pos.values())
    assert len(set(pos.values())) == len(pos)  # no two nodes on the same spot
    for e in g.edges:  # every edge runs left to right
        assert pos[e.source][0] < pos[e.target][0], e
    assert pos["x0"][0] == 0.0 and pos["L"][0] == 1.0


def test_graph_refuses_big_networks():
    big = Network.from_spec(NetworkSpec(10, (LayerSpec(6), LayerSpec(1))))
    assert big.params.size > READABLE_PARAMS
    with pytest.raises(ValueError, match="at most 60 parameters"):
        build_graph(big, np.zeros(10), [1.0], "mse")
