"""The explain package's data: what a view highlights and what it shows (frozen dataclasses).

References name things on the canvas with the app's 0-based indices:

- :class:`NeuronRef` ``(layer, index)``: canvas layer 0 is the input layer, 1..L the layers
  with weights (the same numbering as the canvas's neuron items);
- :class:`EdgeRef` ``(layer, i, j)``: the weight ``Network.W[layer][i, j]``, from neuron
  ``(layer, i)`` to neuron ``(layer + 1, j)`` (the canvas's edge items use the same triple);
- :class:`BiasRef` ``(layer, j)``: ``Network.b[layer][j]``, the bias of neuron ``(layer + 1, j)``;
- :class:`LossRef`: the loss.

Formulas use the handouts' 1-based notation instead (``w₂₁⁽¹⁾`` is ``EdgeRef(0, 0, 1)``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np

#: A network with at most this many parameters is "readable": every neuron and every edge
#: of its step is explained.  Larger networks are explained for one output neuron (Focus).
READABLE_PARAMS = 60


class Phase(StrEnum):
    """The four phases of one training step, in the order they are played."""

    FORWARD = "forward"
    LOSS = "loss"
    BACKWARD = "backward"
    UPDATE = "update"


PHASES = (Phase.FORWARD, Phase.LOSS, Phase.BACKWARD, Phase.UPDATE)


@dataclass(frozen=True)
class NeuronRef:
    """Neuron ``index`` of canvas layer ``layer`` (0 = the inputs)."""

    layer: int
    index: int


@dataclass(frozen=True)
class EdgeRef:
    """The weight ``W[layer][i, j]``: from neuron ``(layer, i)`` to ``(layer + 1, j)``."""

    layer: int
    i: int
    j: int

    @property
    def source(self) -> NeuronRef:
        return NeuronRef(self.layer, self.i)

    @property
    def target(self) -> NeuronRef:
        return NeuronRef(self.layer + 1, self.j)


@dataclass(frozen=True)
class BiasRef:
    """The bias ``b[layer][j]`` of neuron ``(layer + 1, j)``."""

    layer: int
    j: int

    @property
    def neuron(self) -> NeuronRef:
        return NeuronRef(self.layer + 1, self.j)


@dataclass(frozen=True)
class LossRef:
    """The loss L of the step."""


Ref = NeuronRef | EdgeRef | BiasRef | LossRef
ParamRef = EdgeRef | BiasRef


def param_index(net, ref: ParamRef) -> int:
    """Position of an edge's weight or a bias in ``Network.params``.

    Raises
    ------
    IndexError
        When the network has no such weight or bias.
    """
    lay = net.layout
    if not 0 <= ref.layer < net.n_layers:
        raise IndexError(f"layer {ref.layer + 1} does not exist")
    n_in, width = int(lay.n_in[ref.layer]), int(lay.width[ref.layer])
    if isinstance(ref, EdgeRef):
        if not (0 <= ref.i < n_in and 0 <= ref.j < width):
            raise IndexError(f"layer {ref.layer + 1} has no weight from {ref.i + 1} to {ref.j + 1}")
        return int(lay.w_off[ref.layer]) + ref.i * width + ref.j
    if int(lay.b_off[ref.layer]) < 0 or not 0 <= ref.j < width:
        raise IndexError(f"layer {ref.layer + 1} has no bias {ref.j + 1}")
    return int(lay.b_off[ref.layer]) + ref.j


@dataclass(frozen=True)
class Focus:
    """Explain a big network through one output neuron and its ``k`` strongest inputs.

    At every layer the explanation keeps the ``k`` neurons whose contribution ``|w·z|`` to
    the neurons kept in the next layer is largest (for MNIST 784-50-100-10: the output, 5 of
    the 100, 5 of the 50 and 5 pixels).
    """

    output: int  # 0-based index of the output neuron
    k: int = 5  # inputs kept per layer


@dataclass(frozen=True)
class ExplainItem:
    """One thing the step computes, ready to be highlighted and shown.

    Attributes
    ----------
    phase : Phase
        Forward, loss, backward or update.
    template : str
        Id of the caption in :data:`nnviz.core.explain.texts.TEMPLATES` (translatable).
    args : tuple of (str, object)
        The caption's named arguments: 1-based layer/neuron numbers, symbols, numbers.
    anchor : Ref
        What is being computed (the canvas highlights it strongest).
    targets : tuple of Ref
        Everything taking part, ``anchor`` first (incoming edges, source neurons, ...).
    formula : tuple of str
        The handout's formula, one equation per line, in symbols (language-neutral).
    numbers : tuple of str
        The same equations with the actual numbers substituted and the result.
    values : tuple of (str, float)
        The numbers themselves at full precision, by name (see :meth:`value`).
    """

    phase: Phase
    template: str
    args: tuple[tuple[str, object], ...]
    anchor: Ref
    targets: tuple[Ref, ...]
    formula: tuple[str, ...]
    numbers: tuple[str, ...]
    values: tuple[tuple[str, float], ...]

    def value(self, name: str) -> float:
        """The number called ``name`` (e.g. "a", "z", "delta", "grad", "old", "new")."""
        for key, v in self.values:
            if key == name:
                return v
        raise KeyError(f"{self.template} has no value {name!r}")

    @property
    def arg_dict(self) -> dict:
        return dict(self.args)


@dataclass(frozen=True, eq=False)
class ExplainedStep:
    """One training step on one sample, as an ordered list of explained items.

    Attributes
    ----------
    kind : str
        "backprop" (gradient descent with an optimizer) or "perceptron" (Rosenblatt's rule).
    items : tuple of ExplainItem
        In playing order: forward, loss, backward (omitted by the perceptron), update.
    loss : float
        The sample's loss (perceptron: the squared error (d − y)²).
    params_before, params_after : ndarray, shape (n_params,), float64, read-only
        Every parameter before and after the step (the whole network, even under a Focus).
    gradient : ndarray, shape (n_params,), float64, read-only
        ∂L/∂params of the sample (perceptron: −(d − y)·(x, 1), the rule's direction).
    focus : Focus or None
        The output neuron a big network is explained through (None: everything is shown).
    """

    kind: str
    items: tuple[ExplainItem, ...]
    loss: float
    params_before: np.ndarray
    params_after: np.ndarray
    gradient: np.ndarray
    focus: Focus | None = None

    @property
    def phases(self) -> tuple[Phase, ...]:
        """The phases present, in order."""
        return tuple(p for p in PHASES if any(it.phase is p for it in self.items))

    def in_phase(self, phase: Phase) -> tuple[ExplainItem, ...]:
        """The items of one phase, in playing order."""
        return tuple(it for it in self.items if it.phase is phase)

    def about(self, ref: Ref) -> tuple[ExplainItem, ...]:
        """The items whose anchor is ``ref`` (e.g. everything computed for one edge)."""
        return tuple(it for it in self.items if it.anchor == ref)

    def __len__(self) -> int:
        return len(self.items)


def frozen_array(a) -> np.ndarray:
    """A read-only float64 copy (results must not change under a view's feet)."""
    out = np.array(a, dtype=np.float64)
    out.setflags(write=False)
    return out
