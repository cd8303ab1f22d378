"""The chain-rule tracer: its product (one path) or sum of products (fan-out) equals the
gradient, checked against central differences of a loss written here; factors that kill the
gradient are flagged."""

import numpy as np
import pytest

from nnviz.core.explain import BiasRef, EdgeRef, NeuronRef, fmt, param_index, trace_gradient
from nnviz.core.explain.tracer import SATURATION
from nnviz.core.lessons.presets import get_preset
from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import LayerSpec, NetworkSpec

H = {"sigmoid": lambda a: 1 / (1 + np.exp(-a)), "relu": lambda a: np.maximum(a, 0),
     "tanh": np.tanh, "identity": lambda a: a,
     "softmax": lambda a: np.exp(a - a.max()) / np.exp(a - a.max()).sum()}


def loss_of(net, params, x, t, loss):
    """The sample's loss from scratch: forward pass and loss formula of the handouts."""
    n = Network(net.spec, params)
    z = np.asarray(x, float)
    for i, layer in enumerate(net.spec.layers):
        z = H[layer.activation](z @ n.W[i] + (n.b[i] if n.b[i] is not None else 0))
    t = np.asarray(t, float)
    if loss == "mse":
        return np.mean((z - t) ** 2)
    if loss == "bce":
        return -np.mean(t * np.log(z) + (1 - t) * np.log(1 - z))
    return -np.sum(t * np.log(z))


def numeric_grad(net, x, t, loss, k, eps=1e-6):
    p = np.array(net.params, float)
    hi, lo = p.copy(), p.copy()
    hi[k] += eps
    lo[k] -= eps
    return (loss_of(net, hi, x, t, loss) - loss_of(net, lo, x, t, loss)) / (2 * eps)


def test_single_path_is_a_product_of_its_factors():
    net = get_preset("xor-backprop-2").build_network()
    x, t = [1.0, 1.0], [0.0]
    tr = trace_gradient(net, x, t, "mse", EdgeRef(0, 1, 0))  # w₁₂⁽¹⁾: x₂ → hidden 1
    assert tr.n_paths == 1 and tr.template == "trace.single"
    (path,) = tr.paths()
    assert [f.kind for f in path.factors] == ["input", "h_prime", "weight", "dL_dy", "h_prime"]
    assert [f.symbol for f in path.factors] == ["x₂", "σ′(a₁⁽¹⁾)", "w₁₁⁽²⁾", "∂L/∂y",
                                                "σ′(a₁⁽²⁾)"]
    assert path.neurons == (NeuronRef(1, 0), NeuronRef(2, 0))
    assert np.prod([f.value for f in path.factors]) == pytest.approx(tr.gradient, rel=1e-12)
    k = param_index(net, EdgeRef(0, 1, 0))
    assert tr.gradient == pytest.approx(numeric_grad(net, x, t, "mse", k), rel=1e-6)
    formula, numbers = tr.text()
    assert formula == ("∂L/∂w₁₂⁽¹⁾ = x₂·σ′(a₁⁽¹⁾)·w₁₁⁽²⁾·∂L/∂y·σ′(a₁⁽²⁾)",)
    assert numbers[0].startswith("∂L/∂w₁₂⁽¹⁾ = 1·")


@pytest.mark.parametrize("ref", [EdgeRef(0, 0, 0), EdgeRef(0, 1, 2), EdgeRef(1, 2, 1),
                                 BiasRef(0, 1), BiasRef(1, 0), EdgeRef(2, 1, 0)])
def test_fan_out_is_a_sum_of_products_equal_to_the_gradient(ref):
    net = get_preset("forward-walkthrough").build_network()
    x, t = [1.0, 0.5], [0.0, 1.0]
    tr = trace_gradient(net, x, t, "mse", ref)
    expected = numeric_grad(net, x, t, "mse", param_index(net, ref))
    assert tr.gradient == pytest.approx(expected, rel=1e-6, abs=1e-10)
    paths = tr.paths()
    assert len(paths) == tr.n_paths == {0: 4, 1: 2, 2: 1}[ref.layer]
    assert sum(p.value for p in paths) == pytest.approx(tr.gradient, rel=1e-12, abs=1e-16)
    assert tr.evaluate() == pytest.approx(tr.gradient, rel=1e-12, abs=1e-16)
    for p in paths:  # each path's value is the product of its factors
        assert np.prod([f.value for f in p.factors]) == pytest.approx(p.value, rel=1e-12)


def test_deep_net_dag_and_strongest_paths():
    spec = NetworkSpec(2, tuple(LayerSpec(3, "tanh", init="normal") for _ in range(3))
                       + (LayerSpec(1, "sigmoid", init="normal"),), seed=2)
    net = Network.from_spec(spec)
    net.params[...] = np.random.default_rng(3).normal(0, 0.8, net.params.size)
    x, t = [0.7, -0.4], [1.0]
    tr = trace_gradient(net, x, t, "bce", EdgeRef(0, 1, 2))
    assert tr.n_paths == 9  # 3 neurons in each of layers 2 and 3
    k = param_index(net, EdgeRef(0, 1, 2))
    assert tr.evaluate() == pytest.approx(numeric_grad(net, x, t, "bce", k), rel=1e-6)
    every = sorted(tr.paths(), key=lambda p: -abs(p.value))
    best = tr.strongest_paths(4)
    assert [p.value for p in best] == pytest.approx([p.value for p in every[:4]], rel=1e-12)
    with pytest.raises(ValueError, match="too many"):
        tr.paths(limit=8)
    formula, numbers = tr.text()  # more paths than the text lists: one line per δ
    assert formula[0] == "∂L/∂w₃₂⁽¹⁾ = x₂·δ₃⁽¹⁾" and len(formula) == 1 + 1 + 3 + 3 + 1
    assert numbers[1].startswith("δ₃⁽¹⁾ = ")


def test_vanishing_sigmoid_lesson_first_layer_gradient_is_the_dag_sum():
    net = get_preset("vanishing-sigmoid").build_network()
    x, t = [0.5, -0.3], [1.0]
    tr = trace_gradient(net, x, t, "bce", EdgeRef(0, 0, 0))
    assert tr.n_paths == 8 ** 5
    k = param_index(net, EdgeRef(0, 0, 0))
    assert tr.evaluate() == pytest.approx(numeric_grad(net, x, t, "bce", k, 1e-5), rel=1e-4)
    assert len(tr.nodes) == 1 + 8 * 5 + 1
    _, numbers = tr.text(max_terms=3)  # 8 terms per δ: the 3 largest written, 5 bracketed
    root = tr.nodes[0]
    terms = sorted(((w.value, tr.node(k).value) for w, k in root.terms),
                   key=lambda wd: abs(wd[0] * wd[1]))
    assert f"[⋯ {fmt(sum(w * d for w, d in terms[:5]))}]" in numbers[1]
    for w, _ in terms[5:]:
        assert f"{fmt(abs(w))}·" in numbers[1]
    assert numbers[1].count("·") == 1 + 3


def test_warnings_saturated_sigmoid_dead_relu_and_zero_input():
    spec = NetworkSpec(2, (LayerSpec(2, "sigmoid"), LayerSpec(1, "sigmoid")))
    net = Network.from_spec(spec)
    net.set_layer(0, W=[[9.0, 0.5], [0.0, 0.5]], b=[0.0, 0.0])
    net.set_layer(1, W=[[1.0], [1.0]], b=[0.0])
    tr = trace_gradient(net, [1.0, 0.0], [1.0], "mse", EdgeRef(0, 0, 0))
    kinds = {w.kind for w in tr.warnings}
    assert kinds == {"saturated"}  # σ′(9) = 1.2e-4
    (w,) = tr.warnings
    assert w.ref == NeuronRef(1, 0) and 0 < w.value < SATURATION
    assert dict(w.args)["where"] == "σ′(a₁⁽¹⁾)"
    zero = trace_gradient(net, [1.0, 0.0], [1.0], "mse", EdgeRef(0, 1, 1))
    assert [w.kind for w in zero.warnings] == ["zero_input"] and zero.gradient == 0.0

    relu = Network.from_spec(NetworkSpec(2, (LayerSpec(2, "relu"), LayerSpec(1, "identity"))))
    relu.set_layer(0, W=[[1.0, -1.0], [1.0, -1.0]], b=[0.0, 0.0])
    relu.set_layer(1, W=[[1.0], [1.0]], b=[0.0])
    dead = trace_gradient(relu, [1.0, 1.0], [0.0], "mse", EdgeRef(0, 0, 1))
    assert [w.kind for w in dead.warnings] == ["dead_relu"]
    assert dead.gradient == 0.0 and dead.evaluate() == 0.0
    alive = trace_gradient(relu, [1.0, 1.0], [0.0], "mse", EdgeRef(0, 0, 0))
    assert alive.warnings == () and alive.gradient == pytest.approx(4.0)


def test_fused_output_shows_y_minus_t():
    net = get_preset("keras-and-softmax").build_network()
    tr = trace_gradient(net, [1.0, 1.0], [0.0, 1.0], "cce", EdgeRef(0, 0, 1))
    (path,) = tr.paths()
    assert [f.symbol for f in path.factors] == ["x₁", "(y₂ − t₂)"]
    k = param_index(net, EdgeRef(0, 0, 1))
    assert tr.gradient == pytest.approx(numeric_grad(net, [1, 1], [0, 1], "cce", k), rel=1e-6)


def test_a_deep_sigmoid_chain_warns_of_the_vanishing_gradient():
    """Six sigmoid layers: no single h′ is below SATURATION, but their product is at most
    0.25⁶ on every path, and the tracer says so; the 2-2-1 XOR net gets no such warning."""
    preset = get_preset("vanishing-sigmoid")
    net, data = preset.build_network(), preset.load_data()
    trace = trace_gradient(net, data.X[0], data.T[0], "bce", EdgeRef(0, 0, 0))
    chain = [w for w in trace.warnings if w.kind == "vanishing"]
    assert len(chain) == 1
    # every path crosses one sigmoid per hidden layer: the bound is the product of the
    # layers' largest h′ along the DAG, at most 0.25⁶, at least the strongest path's h′
    h_strongest = np.prod([f.value for f in trace.strongest_paths(1)[0].factors
                           if f.kind == "h_prime"])
    assert abs(h_strongest) <= chain[0].value <= 0.25 ** 6
    assert dict(chain[0].args)["count"] == 6
    xor = get_preset("xor-backprop-2")
    xnet, xd = xor.build_network(), xor.load_data()
    t2 = trace_gradient(xnet, xd.X[3], xd.T[3], xor.training.loss, EdgeRef(0, 0, 0))
    assert not [w for w in t2.warnings if w.kind == "vanishing"]
