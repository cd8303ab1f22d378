"""What the app knows about the lesson right now: the input of every guide check.

The GUI's lesson model fills a :class:`LessonFacts` whenever something a check may read
changes (an edit, a snapshot, a click) and hands it to :func:`nnviz.core.guides.checks.evaluate`.
The checks only read it; they compute what they need (a truth table, a prediction) from
``network`` and the data themselves, so the GUI reports facts, never verdicts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from nnviz.core.nn.network import Network

#: The explained step's phases in playing order (nnviz.core.explain.Phase values).
PHASE_ORDER = ("forward", "loss", "backward", "update")


@dataclass(frozen=True, eq=False)
class LessonFacts:
    """A read-only picture of the lesson for the guide's checks; every field may be left out.

    Arrays are referenced, not copied: the GUI passes its own and must not change them while
    a check runs (checks run in the GUI thread, between training steps).
    """

    network: Network | None = None  # the network on screen (read only)
    inputs: np.ndarray | None = None  # (n, n_in) rows the student picks from (gates: the 4 rows;
    # MNIST: the test images; a one-input lesson: that input)
    targets: np.ndarray | None = None  # (n, n_out) their targets (one-hot or 0/1 column)
    epoch: int = 0  # completed rounds/epochs of the current run
    samples_seen: int = 0  # samples trained since the run started (or was reset)
    accuracy: float | None = None  # last training accuracy 정답률, 0..1 (None: not trained)
    test_accuracy: float | None = None  # last test-set evaluation, 0..1 (None: none yet)
    loss: float | None = None  # last training loss
    initial_loss: float | None = None  # the run's first reported loss (for "the loss fell")
    lr: float | None = None  # learning rate η now
    lr_at_start: float | None = None  # η the current run started with
    running: bool = False  # a run is going (Play)
    optimizer: str = ""  # optimizer name now ("sgd", "adam", ...)
    loss_name: str = ""  # loss name now ("mse", "bce", "cce")
    edits: frozenset = frozenset()  # hand-edited parameters: "W1[0,1]", "b2[0]" (0-based)
    selected_row: int | None = None  # row of ``inputs`` fed to the network (None: free input)
    selected_neuron: tuple | None = None  # (canvas layer, index), layer 0 = inputs
    drawn_input: np.ndarray | None = None  # (n_in,) network input made from the last drawing
    drawn_prediction: int | None = None  # the class shown for it (used when no network)
    explain_phase: str | None = None  # furthest phase reached in the explained step
    traced: str | None = None  # parameter the chain-rule tracer explains, "W1[0,1]"
    grad_norms: tuple = ()  # |∂L/∂W| per layer at the last update
    compared_runs: int = 0  # runs shown in Run Comparison
    open_panels: frozenset = frozenset()  # names from guides.PANELS that are visible

    def __post_init__(self):
        # accept any iterable for the sets (a list, a dict view) and store frozen copies
        object.__setattr__(self, "edits", frozenset(str(e) for e in self.edits))
        object.__setattr__(self, "open_panels", frozenset(str(p) for p in self.open_panels))
        object.__setattr__(self, "grad_norms", tuple(float(g) for g in self.grad_norms))
        for name in ("accuracy", "test_accuracy", "loss", "initial_loss", "lr", "lr_at_start"):
            value = getattr(self, name)
            if value is not None and not math.isfinite(float(value)):
                object.__setattr__(self, name, None)  # nan = "not measured yet"

    def phase_reached(self, phase: str) -> bool:
        """Has the explained step been played at least to ``phase``?"""
        if self.explain_phase not in PHASE_ORDER:
            return False
        return PHASE_ORDER.index(self.explain_phase) >= PHASE_ORDER.index(phase)


def weight_name(layer: int, i: int, j: int) -> str:
    """The name of ``Network.W[layer][i, j]`` in ``edits`` and ``traced``: "W1[0,1]"."""
    return f"W{layer + 1}[{i},{j}]"


def bias_name(layer: int, j: int) -> str:
    """The name of ``Network.b[layer][j]`` in ``edits`` and ``traced``: "b1[0]"."""
    return f"b{layer + 1}[{j}]"
