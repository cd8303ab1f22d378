"""The explained step: one training step on one sample, phase by phase, with every number.

:func:`explain_step` plays Forward → Loss → Backward → Update as the handouts write them:

- forward, per neuron: ``a = Σ w·z + b`` and ``z = h(a)`` (002/003);
- loss: the sample's loss with each of its terms (001);
- backward, layer by layer from the output: the output δ, then ``δⱼ = h′(aⱼ)·Σₖ wₖⱼ·δₖ`` and
  ``∂L/∂wⱼᵢ = δⱼ·zᵢ``, ``∂L/∂bⱼ = δⱼ`` (004);
- update, per parameter: the optimizer's own rule with its state, old and new value (000/001).

A network with more than :data:`~nnviz.core.explain.model.READABLE_PARAMS` parameters is
explained through one output neuron and its strongest inputs (:class:`Focus`).
"""

from __future__ import annotations

import numpy as np

from nnviz.core.explain import equations as eq
from nnviz.core.explain.formatting import Symbols, factor, fmt, grad_symbol
from nnviz.core.explain.model import (
    READABLE_PARAMS,
    BiasRef,
    EdgeRef,
    ExplainedStep,
    ExplainItem,
    Focus,
    LossRef,
    NeuronRef,
    Phase,
    Ref,
    frozen_array,
    param_index,
)
from nnviz.core.explain.passes import SamplePass, run_pass
from nnviz.core.explain.update import apply, optimizer_state, update_lines

#: Terms of a sum written out before the rest is bracketed.
DEFAULT_MAX_TERMS = 8
#: Inputs kept per layer when a big network is explained through one output (Focus.k).
DEFAULT_K = 5


def is_readable(net) -> bool:
    """True when every number of a step fits on screen (at most READABLE_PARAMS parameters)."""
    return int(net.params.size) <= READABLE_PARAMS


def selection(p: SamplePass, focus: Focus | None) -> tuple[tuple[int, ...], ...]:
    """The neurons explained in each canvas layer 0..L (all of them without a focus).

    With a focus: the chosen output, then in each earlier layer the ``focus.k`` neurons with
    the largest contribution ``|w·z|`` to any neuron kept in the next layer.
    """
    L = p.n_layers
    sizes = [p.x.size] + [z.size for z in p.z]
    if focus is None:
        return tuple(tuple(range(n)) for n in sizes)
    if not 0 <= focus.output < sizes[-1]:
        raise ValueError(f"output neuron {focus.output + 1} does not exist "
                         f"(the network has {sizes[-1]} outputs)")
    if focus.k < 1:
        raise ValueError("a focus keeps at least one input per layer")
    sel: list = [()] * (L + 1)
    sel[L] = (focus.output,)
    for layer in range(L - 1, -1, -1):
        contrib = np.abs(p.z_of(layer)[:, None] * p.W[layer][:, list(sel[layer + 1])])
        strongest = np.argsort(-contrib.max(axis=1), kind="stable")[:focus.k]
        sel[layer] = tuple(sorted(int(i) for i in strongest))
    return tuple(sel)


def _strongest(candidates, weights: np.ndarray, max_terms: int) -> tuple[int, ...]:
    """At most ``max_terms`` of ``candidates``, the largest |weights| first kept, in order."""
    cand = list(candidates)
    if len(cand) <= max_terms:
        return tuple(cand)
    keep = np.argsort(-np.abs(weights[cand]), kind="stable")[:max_terms]
    return tuple(sorted(cand[i] for i in keep))


def _rest_args(count: int, shown: int, rest: int, rest_sum: float) -> tuple:
    if not rest:
        return ()
    return (("shown", shown), ("count", count), ("rest", rest), ("rest_sum", rest_sum))


def _input_item(sym: Symbols, p: SamplePass, shown, max_terms: int) -> ExplainItem:
    refs = tuple(NeuronRef(0, i) for i in shown)
    if len(shown) == p.x.size and p.x.size <= max_terms:
        names = ", ".join(sym.z(0, i) for i in shown)
        formula: tuple[str, ...] = (f"x = ({names})",)
        numbers: tuple[str, ...] = ("x = (" + ", ".join(fmt(v) for v in p.x) + ")",)
    else:
        formula = tuple(sym.z(0, i) for i in shown)
        numbers = tuple(f"{sym.z(0, i)} = {fmt(p.x[i])}" for i in shown)
    values = tuple((f"x{i + 1}", float(p.x[i])) for i in shown)
    return ExplainItem(Phase.FORWARD, "forward.input", (), refs[0], refs, formula, numbers,
                       values)


def _forward_item(sym, p, sel, layer: int, j: int, max_terms: int) -> ExplainItem:
    z_prev, W = p.z_of(layer - 1), p.W[layer - 1]
    shown = _strongest(sel[layer - 1], W[:, j] * z_prev, max_terms)
    f_sum, n_sum, rest, rest_sum = eq.weighted_sum(sym, p, layer, j, shown)
    f_act, n_act = eq.activation(sym, p, layer, j)
    me = NeuronRef(layer, j)
    targets = (me, *(EdgeRef(layer - 1, i, j) for i in shown),
               *((BiasRef(layer - 1, j),) if p.b[layer - 1] is not None else ()),
               *(NeuronRef(layer - 1, i) for i in shown))
    output = layer == p.n_layers
    args = (("layer", layer), ("neuron", j + 1)) + _rest_args(W.shape[0], len(shown), rest,
                                                              rest_sum)
    values = (("a", float(p.a[layer - 1][j])), ("z", float(p.z[layer - 1][j])))
    return ExplainItem(Phase.FORWARD, "forward.output" if output else "forward.hidden", args,
                       me, targets, (f_sum, f_act), (n_sum, n_act), values)


def _loss_item(sym, p, max_terms: int) -> ExplainItem:
    formula, numbers = eq.loss(sym, p, max_terms)
    L = p.n_layers
    targets: tuple[Ref, ...] = (LossRef(), *(NeuronRef(L, k) for k in range(p.y.size)))
    return ExplainItem(Phase.LOSS, f"loss.{p.loss_name}", (), LossRef(), targets, formula,
                       numbers, (("L", p.loss),))


def _delta_item(sym, p, sel, layer: int, j: int, max_terms: int) -> ExplainItem:
    me = NeuronRef(layer, j)
    values = [("delta", float(p.delta[layer - 1][j]))]
    if layer == p.n_layers:
        formula, numbers = eq.output_delta(sym, p, j)
        if p.output_rule not in ("cce_softmax", "bce_sigmoid"):
            values.append(("dL_dy", float(p.dL_dy[j])))
        if p.h_prime[-1] is not None and p.output_rule == "elementwise":
            values.append(("h_prime", float(p.h_prime[-1][j])))
        return ExplainItem(Phase.BACKWARD, "backward.output", (("neuron", j + 1),), me,
                           (me, LossRef()), formula, numbers, tuple(values))
    W = p.W[layer]
    shown = _strongest(sel[layer + 1], W[j, :] * p.delta[layer], max_terms)
    formula, numbers, rest, rest_sum = eq.hidden_delta(sym, p, layer, j, shown)
    values += [("h_prime", float(p.h_prime[layer - 1][j])),
               ("sum", float(p.dL_dz[layer - 1][j]))]
    targets: tuple[Ref, ...] = (me, *(EdgeRef(layer, j, k) for k in shown),
               *(NeuronRef(layer + 1, k) for k in shown))
    args = (("layer", layer), ("neuron", j + 1)) + _rest_args(W.shape[1], len(shown), rest,
                                                              rest_sum)
    return ExplainItem(Phase.BACKWARD, "backward.hidden", args, me, targets, formula, numbers,
                       tuple(values))


def _grad_item(net, sym, p, ref) -> ExplainItem:
    g = float(p.grad[param_index(net, ref)])
    if isinstance(ref, EdgeRef):
        layer = ref.layer + 1
        d, z = float(p.delta[ref.layer][ref.j]), float(p.z_of(ref.layer)[ref.i])
        w = sym.w(ref.layer, ref.i, ref.j)
        formula = (f"{grad_symbol(w)} = {sym.delta(layer, ref.j)}·{sym.z(ref.layer, ref.i)}",)
        numbers = (f"{grad_symbol(w)} = {fmt(d)}·{factor(z)} = {fmt(g)}",)
        return ExplainItem(Phase.BACKWARD, "backward.weight", (("param", w),), ref,
                           (ref, ref.source, ref.target), formula, numbers,
                           (("grad", g), ("delta", d), ("z", z)))
    b = sym.b(ref.layer, ref.j)
    formula = (f"{grad_symbol(b)} = {sym.delta(ref.layer + 1, ref.j)}",)
    numbers = (f"{grad_symbol(b)} = {fmt(g)}",)
    return ExplainItem(Phase.BACKWARD, "backward.bias", (("param", b),), ref,
                       (ref, ref.neuron), formula, numbers, (("grad", g), ("delta", g)))


def _params_into(p: SamplePass, sel, layer: int) -> list:
    """Edges and biases into the neurons kept in canvas layer ``layer``, neuron by neuron."""
    refs: list[EdgeRef | BiasRef] = []
    for j in sel[layer]:
        refs += [EdgeRef(layer - 1, i, j) for i in sel[layer - 1]]
        if p.b[layer - 1] is not None:
            refs.append(BiasRef(layer - 1, j))
    return refs


def explain_step(net, x, t, loss: str, optimizer, *, focus: Focus | None = None,
                 max_terms: int = DEFAULT_MAX_TERMS) -> ExplainedStep:
    """Explain one training step of ``net`` on the sample (x, t).

    Parameters
    ----------
    net : Network
        The network before the step (not changed).
    x : array_like, shape (inputs,)
        One input row.
    t : array_like, shape (outputs,)
        Its target, shaped like the output.
    loss : str
        "mse", "bce" or "cce", as in the lesson's TrainSpec.
    optimizer : Optimizer or dict
        The optimizer that will make the step, with its state (not changed); or a dict like
        ``Optimizer.state_dict()``, e.g. ``{"name": "sgd", "lr": 0.5}``.
    focus : Focus, optional
        Explain through one output neuron and its strongest inputs.  Default: everything for
        a readable network, else ``Focus(argmax t, DEFAULT_K)`` (the target's class).
    max_terms : int
        Terms of a sum written out; the rest are summed in brackets.

    Returns
    -------
    ExplainedStep
        Items in playing order; ``params_after`` is what the real step produces (to rounding;
        the step is computed in float64 whatever the network's dtype).

    Raises
    ------
    ValueError
        Bad shapes or numbers, unknown loss or optimizer, maxout/PReLU layers, a bad focus.
    """
    p = run_pass(net, x, t, loss)
    opt = optimizer_state(optimizer, int(net.params.size))
    if focus is None and not is_readable(net):
        focus = Focus(int(np.argmax(p.t)), DEFAULT_K)
    sel = selection(p, focus)
    L = p.n_layers
    sym = Symbols(L, p.y.size)
    items = [_input_item(sym, p, sel[0], max_terms)]
    for layer in range(1, L + 1):
        items += [_forward_item(sym, p, sel, layer, j, max_terms) for j in sel[layer]]
    items.append(_loss_item(sym, p, max_terms))
    into = {}
    for layer in range(L, 0, -1):
        items += [_delta_item(sym, p, sel, layer, j, max_terms) for j in sel[layer]]
        into[layer] = _params_into(p, sel, layer)
        items += [_grad_item(net, sym, p, ref) for ref in into[layer]]
    order = [ref for layer in range(1, L + 1) for ref in into[layer]]  # updates: W1 first
    before = np.array(net.params, dtype=np.float64)
    after, new_state, t_new = apply(opt, before, p.grad)
    for ref in order:
        k = param_index(net, ref)
        is_bias = isinstance(ref, BiasRef)
        name = sym.b(ref.layer, ref.j) if is_bias else sym.w(ref.layer, ref.i, ref.j)
        formula, numbers, values = update_lines(opt, new_state, t_new, k, name, is_bias,
                                                float(before[k]), float(after[k]),
                                                float(p.grad[k]))
        owner = ref.neuron if is_bias else ref.target
        items.append(ExplainItem(Phase.UPDATE, f"update.{opt.name}", (("param", name),), ref,
                                 (ref, owner), formula, numbers, tuple(values)))
    return ExplainedStep("backprop", tuple(items), p.loss, frozen_array(before),
                         frozen_array(after), p.grad, focus)
