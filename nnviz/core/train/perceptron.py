"""Rosenblatt's perceptron rule (handout 001), as its own trainer.

One neuron with the step activation ``y = 1 if w·x + b > 0 else 0``; for each sample

    W ← W + η (d − y) x        b ← b + η (d − y)

(the bias is a weight on a constant input 1).  The handout's lesson: with η = 0.05 and initial
weights drawn uniformly from [−1, 1] it learns AND, OR, NAND and NOR in a few rounds and never
learns XOR.  Each step's snapshot carries the handout's round table (x1, x2, d, y, error, ΔW,
new W) in ``Snapshot.rows``.
"""

from __future__ import annotations

import numpy as np

from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import LayerSpec, NetworkSpec, TrainSpec
from nnviz.core.train.trainer import PerceptronRow, TrainData, Trainer


def perceptron_spec(inputs: int = 2, seed: int = 0) -> NetworkSpec:
    """A single step neuron with bias, weights uniform in [-1, 1] (handout 001)."""
    return NetworkSpec(inputs, (LayerSpec(1, "step", True, "uniform"),), seed,
                       name="perceptron")


class PerceptronTrainer(Trainer):
    """Applies the perceptron rule one sample at a time; loss = mean squared error (d − y)²."""

    kind = "perceptron"

    def __init__(self, net: Network, data: TrainData, spec: TrainSpec):
        layers = net.spec.layers
        if len(layers) != 1 or layers[0].units != 1 or layers[0].activation != "step":
            raise ValueError("the perceptron rule trains a single neuron with a step activation")
        super().__init__(net, data, spec.with_changes(batch_size=1, optimizer="sgd", loss="mse"))
        self._rows: list[PerceptronRow] = []

    @property
    def uses_fused_kernel(self) -> bool:
        return False

    def step(self, unit="sample", until_epoch=None, count=1, interruptible=False):
        self._rows = []
        snap = super().step(unit, until_epoch, count, interruptible)
        from dataclasses import replace

        return replace(snap, rows=tuple(self._rows))

    def _train(self, start, count, want_detail):
        net = self.net
        W, b = net.W[0][:, 0], net.b[0]
        eta = net.dtype.type(self.spec.lr)
        errors = 0
        loss = 0.0
        for s in self._order[start:start + count]:
            x = self.data.X[s]
            d = float(self.data.T[s, 0])
            y = 1.0 if float(x @ W + b[0]) > 0 else 0.0
            err = d - y
            dW = eta * err * x
            db = eta * err
            W += dW
            b[0] += db
            self.updates += 1
            errors += err != 0
            loss += err * err
            if len(self._rows) < 10_000:
                self._rows.append(PerceptronRow(tuple(float(v) for v in x), d, y, err,
                                                (*(float(v) for v in dW), float(db)),
                                                (*(float(v) for v in W), float(b[0]))))
        self._epoch_loss += loss
        self._epoch_correct += count - errors
        return bool(np.all(np.isfinite(net.params))), None, ()
