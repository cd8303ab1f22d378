"""The explained step against independent float64 arithmetic written here (not nnviz's
backprop), the handouts' printed numbers, and one real step of the app's trainer."""

import numpy as np
import pytest

from nnviz.core.explain import (
    BiasRef,
    EdgeRef,
    Focus,
    LossRef,
    NeuronRef,
    Phase,
    explain_step,
    fmt,
    is_readable,
    param_index,
)
from nnviz.core.lessons.presets import get_preset
from nnviz.core.nn.backprop import backprop
from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import LayerSpec, NetworkSpec
from nnviz.core.train.trainer import TrainData


def sig(a):
    return 1.0 / (1.0 + np.exp(-a))


def reference(Ws, bs, acts, x, t, loss):
    """Textbook forward/backward of one sample (sigmoid/identity hidden, any output rule)."""
    zs, As = [np.asarray(x, float)], []
    for W, b, act in zip(Ws, bs, acts):
        a = zs[-1] @ W + b
        As.append(a)
        if act == "sigmoid":
            zs.append(sig(a))
        elif act == "softmax":
            e = np.exp(a - a.max())
            zs.append(e / e.sum())
        else:
            zs.append(a)
    y, t, K = zs[-1], np.asarray(t, float), len(zs[-1])
    if loss == "mse":
        L = np.mean((y - t) ** 2)
        d = 2 * (y - t) / K * (y * (1 - y) if acts[-1] == "sigmoid" else 1.0)
    elif loss == "bce":  # sigmoid output: δ = (y − t)/K
        L = -np.mean(t * np.log(y) + (1 - t) * np.log(1 - y))
        d = (y - t) / K
    else:  # softmax + categorical CE: δ = y − t
        L = -np.sum(t * np.log(y))
        d = y - t
    deltas = [d]
    for W, z in zip(reversed(Ws[1:]), reversed(zs[1:-1])):
        deltas.insert(0, (W @ deltas[0]) * z * (1 - z))
    gW = [np.outer(z, d) for z, d in zip(zs[:-1], deltas)]
    return dict(A=As, Z=zs[1:], L=L, delta=deltas, gW=gW, gb=deltas)


def walkthrough():
    net = get_preset("forward-walkthrough").build_network()
    Ws = [np.array(w) for w in net.W]
    bs = [np.array(b) for b in net.b]
    return net, Ws, bs, ("sigmoid", "sigmoid", "identity")


def test_walkthrough_forward_prints_the_handouts_numbers():
    net, Ws, bs, acts = walkthrough()
    step = explain_step(net, [1.0, 0.5], [0.0, 1.0], "mse", {"name": "sgd", "lr": 0.1})
    fwd = step.in_phase(Phase.FORWARD)
    # handout 002/003: A1, Z1, A2, Z2 and y as printed there
    printed = {1: ([0.3, 0.7, 1.1], [0.57444252, 0.66818777, 0.75026011]),
               2: ([0.51615984, 1.21402696], [0.62624937, 0.7710107]),
               3: ([0.31682708, 0.69627909], [0.31682708, 0.69627909])}
    for layer, (A, Z) in printed.items():
        for j in range(len(A)):
            (item,) = [it for it in fwd if it.anchor == NeuronRef(layer, j)]
            assert item.value("a") == pytest.approx(A[j], abs=5e-9)
            assert item.value("z") == pytest.approx(Z[j], abs=5e-9)
    text = "\n".join(line for it in fwd for line in it.numbers)
    for shown in ("0.5744", "0.6682", "0.7503", "0.5162", "1.214", "0.6262", "0.771",
                  "0.3168", "0.6963"):
        assert f"= {shown}\n" in text + "\n", shown
    first = [it for it in fwd if it.anchor == NeuronRef(1, 0)][0]
    assert first.numbers == ("a₁⁽¹⁾ = 0.1·1 + 0.2·0.5 + 0.1 = 0.3", "z₁⁽¹⁾ = σ(0.3) = 0.5744")
    assert first.formula[0].endswith("= w₁₁⁽¹⁾·x₁ + w₁₂⁽¹⁾·x₂ + b₁⁽¹⁾")
    assert set(first.targets) >= {EdgeRef(0, 0, 0), EdgeRef(0, 1, 0), BiasRef(0, 0),
                                  NeuronRef(0, 0), NeuronRef(0, 1)}
    assert fwd[0].numbers == ("x = (1, 0.5)",)


def test_walkthrough_full_step_matches_hand_backprop():
    net, Ws, bs, acts = walkthrough()
    before = net.params.copy()
    t = [0.0, 1.0]
    step = explain_step(net, [1.0, 0.5], t, "mse", {"name": "sgd", "lr": 0.1})
    ref = reference(Ws, bs, acts, [1.0, 0.5], t, "mse")
    assert step.phases == (Phase.FORWARD, Phase.LOSS, Phase.BACKWARD, Phase.UPDATE)
    np.testing.assert_array_equal(net.params, before)  # explaining changes nothing
    (loss_item,) = step.in_phase(Phase.LOSS)
    assert loss_item.value("L") == pytest.approx(ref["L"], rel=1e-12)
    assert loss_item.anchor == LossRef()
    assert loss_item.numbers == (f"L = (1/2)·[(0.3168 − 0)² + (0.6963 − 1)²] = "
                                 f"{fmt(ref['L'])}",)
    backward = step.in_phase(Phase.BACKWARD)
    for layer in (1, 2, 3):
        for j, d in enumerate(ref["delta"][layer - 1]):
            (item,) = [it for it in backward if it.anchor == NeuronRef(layer, j)]
            assert item.value("delta") == pytest.approx(d, rel=1e-12, abs=1e-15)
            assert item.numbers[-1].endswith(f"= {fmt(d)}")
        for (i, j), g in np.ndenumerate(ref["gW"][layer - 1]):
            (item,) = [it for it in backward if it.anchor == EdgeRef(layer - 1, i, j)]
            assert item.value("grad") == pytest.approx(g, rel=1e-12, abs=1e-15)
            (upd,) = step.about(EdgeRef(layer - 1, i, j))[1:]
            assert upd.phase is Phase.UPDATE
            assert upd.value("old") == Ws[layer - 1][i, j]
            assert upd.value("new") == pytest.approx(Ws[layer - 1][i, j] - 0.1 * g, rel=1e-12)
    # hidden δ in the handout's form δⱼ = h′(aⱼ)·Σₖ wₖⱼ·δₖ with its numbers
    (d11,) = [it for it in backward if it.anchor == NeuronRef(1, 0)]
    assert d11.formula[1].startswith("δ₁⁽¹⁾ = σ′(a₁⁽¹⁾)·Σₖ wₖ₁⁽²⁾·δₖ⁽²⁾ = σ′(a₁⁽¹⁾)·(w₁₁⁽²⁾·δ₁⁽²⁾")
    assert d11.numbers[0] == "σ′(a₁⁽¹⁾) = 0.5744·(1 − 0.5744) = 0.2445"
    flat_new = np.concatenate([np.append((W - 0.1 * g).ravel(), b - 0.1 * gb)
                               for W, b, g, gb in zip(Ws, bs, ref["gW"], ref["gb"])])
    np.testing.assert_allclose(step.params_after, flat_new, rtol=1e-12, atol=1e-15)
    assert len(step.in_phase(Phase.UPDATE)) == net.params.size
    assert not step.params_after.flags.writeable


@pytest.mark.parametrize("loss", ["mse", "bce"])
def test_xor_step_matches_hand_math_and_the_real_trainer(loss):
    preset = get_preset("xor-backprop-2")
    net = preset.build_network()
    Ws, bs = [np.array(w) for w in net.W], [np.array(b) for b in net.b]
    x, t, lr = np.array([1.0, 0.0]), np.array([1.0]), preset.training.lr
    ref = reference(Ws, bs, ("sigmoid", "sigmoid"), x, t, loss)
    step = explain_step(net, x, t, loss, {"name": "sgd", "lr": lr})
    for layer in (1, 2):
        for j, d in enumerate(ref["delta"][layer - 1]):
            (item,) = [it for it in step.about(NeuronRef(layer, j))
                       if it.phase is Phase.BACKWARD]
            assert item.value("delta") == pytest.approx(d, rel=1e-12)
    for layer, gW in enumerate(ref["gW"]):
        for (i, j), g in np.ndenumerate(gW):
            grad_item, upd = step.about(EdgeRef(layer, i, j))
            assert grad_item.value("grad") == pytest.approx(g, rel=1e-12, abs=1e-300)
            assert upd.value("new") == pytest.approx(Ws[layer][i, j] - lr * g, rel=1e-12)
            assert upd.numbers == (f"w{'₁₂'[j]}{'₁₂'[i]}{'⁽¹⁾⁽²⁾'[3 * layer:3 * layer + 3]} ← "
                                   f"{fmt(Ws[layer][i, j])} − {fmt(lr)}·"
                                   f"{fmt(g) if g >= 0 else '(' + fmt(g) + ')'} = "
                                   f"{fmt(Ws[layer][i, j] - lr * g)}",)
    out = [it for it in step.about(NeuronRef(2, 0)) if it.phase is Phase.BACKWARD][0]
    if loss == "bce":
        assert out.formula == ("δ₁⁽²⁾ = ∂L/∂a₁⁽²⁾ = y − t",)
    else:
        assert out.formula[-1] == "δ₁⁽²⁾ = ∂L/∂y·σ′(a₁⁽²⁾)"
    # the app's own backprop and one real training step agree with the explanation
    np.testing.assert_allclose(step.gradient, backprop(net, x, t, loss).grad, rtol=1e-10,
                               atol=1e-15)
    data = TrainData(x[None], t[None], np.array([1]), x[None], t[None], np.array([1]))
    trainer = preset.make_trainer(data=data, net=net.copy(), loss=loss, shuffle=False)
    trainer.step("sample")
    np.testing.assert_allclose(trainer.net.params, step.params_after, rtol=1e-12, atol=1e-15)


def test_big_network_is_explained_through_one_output_and_its_strongest_inputs():
    spec = NetworkSpec(784, (LayerSpec(50, "sigmoid", init="normal"),
                             LayerSpec(100, "sigmoid", init="normal"),
                             LayerSpec(10, "softmax", init="normal")), seed=3)
    net = Network.from_spec(spec)
    rng = np.random.default_rng(4)
    net.params[...] = rng.normal(0, 0.3, net.params.size)
    x = np.where(rng.random(784) < 0.2, rng.random(784), 0.0)
    t = np.eye(10)[7]
    assert not is_readable(net)
    step = explain_step(net, x, t, "cce", {"name": "sgd", "lr": 0.01})
    assert step.focus == Focus(7, 5)
    Ws, bs = [np.array(w) for w in net.W], [np.array(b) for b in net.b]
    ref = reference(Ws, bs, ("sigmoid", "sigmoid", "softmax"), x, t, "cce")
    fwd = step.in_phase(Phase.FORWARD)
    assert [it.anchor.layer for it in fwd[1:]] == [1] * 5 + [2] * 5 + [3]
    (out,) = [it for it in fwd if it.anchor == NeuronRef(3, 7)]
    assert out.value("z") == pytest.approx(ref["Z"][2][7], rel=1e-12)
    # the five strongest of the 100 inputs are written out, the other 95 summed in brackets
    shown = sorted(e.i for e in out.targets if isinstance(e, EdgeRef))
    contrib = np.abs(Ws[2][:, 7] * ref["Z"][1])
    assert shown == sorted(np.argsort(-contrib)[:5].tolist())
    rest = sum(Ws[2][i, 7] * ref["Z"][1][i] for i in range(100) if i not in shown)
    assert out.arg_dict["rest"] == 95 and out.arg_dict["rest_sum"] == pytest.approx(rest)
    assert f"[⋯ {fmt(rest)}]" in out.numbers[0]
    grads = [it for it in step.in_phase(Phase.BACKWARD) if it.template == "backward.weight"]
    assert len(grads) == 5 + 25 + 25
    for it in grads:
        e = it.anchor
        assert it.value("grad") == pytest.approx(ref["gW"][e.layer][e.i, e.j], rel=1e-10,
                                                 abs=1e-300)
    assert len(step.in_phase(Phase.UPDATE)) == 5 + 1 + 30 + 30
    full = np.concatenate([np.append((W - 0.01 * g).ravel(), b - 0.01 * gb)
                           for W, b, g, gb in zip(Ws, bs, ref["gW"], ref["gb"])])
    np.testing.assert_allclose(step.params_after, full, rtol=1e-12, atol=1e-15)
    # asking for another output explains that one
    other = explain_step(net, x, t, "cce", {"name": "sgd", "lr": 0.01}, focus=Focus(2, k=3))
    assert [it.anchor for it in other.in_phase(Phase.FORWARD)][-1] == NeuronRef(3, 2)
    assert len([it for it in other.in_phase(Phase.FORWARD) if it.anchor.layer == 1]) == 3


def test_float32_network_is_explained_in_float64_and_param_index_matches_layout():
    net = get_preset("forward-walkthrough").build_network().astype("float32")
    step = explain_step(net, [1.0, 0.5], [0.0, 1.0], "mse", {"name": "sgd", "lr": 0.1})
    item = [it for it in step.in_phase(Phase.FORWARD) if it.anchor == NeuronRef(1, 2)][0]
    assert item.value("a") == pytest.approx(1.1, rel=1e-7)
    assert param_index(net, EdgeRef(1, 2, 1)) == 9 + 2 * 2 + 1
    assert net.params[param_index(net, EdgeRef(1, 2, 1))] == np.float32(0.6)
    assert net.params[param_index(net, BiasRef(2, 1))] == np.float32(0.2)
    with pytest.raises(IndexError):
        param_index(net, EdgeRef(0, 2, 0))


def test_bad_input_is_refused_with_a_clear_message():
    net = get_preset("forward-walkthrough").build_network()
    sgd = {"name": "sgd", "lr": 0.1}
    with pytest.raises(ValueError, match="input row x must hold 2"):
        explain_step(net, [1.0, 0.5, 2.0], [0.0, 1.0], "mse", sgd)
    with pytest.raises(ValueError, match="finite"):
        explain_step(net, [np.nan, 0.5], [0.0, 1.0], "mse", sgd)
    with pytest.raises(ValueError, match="unknown loss"):
        explain_step(net, [1.0, 0.5], [0.0, 1.0], "hinge", sgd)
    with pytest.raises(ValueError, match="unknown optimizer"):
        explain_step(net, [1.0, 0.5], [0.0, 1.0], "mse", {"name": "lion"})
    with pytest.raises(ValueError, match="output neuron 3 does not exist"):
        explain_step(net, [1.0, 0.5], [0.0, 1.0], "mse", sgd, focus=Focus(2))
    maxout = Network.from_spec(NetworkSpec(2, (LayerSpec(2, "maxout"), LayerSpec(1))))
    with pytest.raises(ValueError, match="layer 1 uses maxout"):
        explain_step(maxout, [1.0, 0.5], [1.0], "mse", sgd)


DERIVATIVES = {
    "tanh": lambda a: 1 - np.tanh(a) ** 2,
    "relu": lambda a: (a > 0) * 1.0,
    "leaky_relu": lambda a: np.where(a > 0, 1.0, 0.01),
    "elu": lambda a: np.where(a > 0, 1.0, np.exp(a)),
    "swish": lambda a: sig(a) + a * sig(a) * (1 - sig(a)),
    "softplus": sig,
    "step": lambda a: 0.0 * a,
}


@pytest.mark.parametrize("act", list(DERIVATIVES))
def test_hidden_delta_shows_each_activations_derivative(act):
    net = Network.from_spec(NetworkSpec(2, (LayerSpec(3, act), LayerSpec(1, "sigmoid")),
                                        seed=5))
    net.params[...] = np.random.default_rng(6).normal(0, 1.5, net.params.size)
    x = np.array([0.9, -0.7])
    step = explain_step(net, x, [1.0], "bce", {"name": "sgd", "lr": 0.1})
    a = x @ net.W[0] + net.b[0]
    d_out = step.about(NeuronRef(2, 0))[1].value("delta")
    for j in range(3):
        (item,) = [it for it in step.about(NeuronRef(1, j)) if it.phase is Phase.BACKWARD]
        hp = float(DERIVATIVES[act](a[j]))
        assert item.value("h_prime") == pytest.approx(hp, rel=1e-12, abs=1e-300)
        assert item.numbers[0].endswith(f"= {fmt(hp)}")
        assert item.value("delta") == pytest.approx(hp * net.W[1][j, 0] * d_out, rel=1e-12,
                                                    abs=1e-300)
