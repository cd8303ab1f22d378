"""Run a lesson once per variant (e.g. each of the six optimizers) from the same weights.

``compare_runs`` is what "compare the optimizers" means in the handouts: every run starts
from exactly the same initial weights and data, and only the compared setting changes (the
optimizer with its handout default learning rate, or the loss).  It returns each run's
evaluation history for the run-comparison plot.
"""

from __future__ import annotations

from dataclasses import dataclass

from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import OPTIMIZER_DEFAULTS
from nnviz.core.train.trainer import EvalPoint, TrainData

COMPARABLE = ("optimizer", "loss")


@dataclass(frozen=True)
class Run:
    label: str  # e.g. "adam"
    hyper: dict  # the settings of this run
    evals: tuple[EvalPoint, ...]  # its history
    status: str  # "finished", "diverged", "stopped"


def compare_runs(preset, key: str, values, *, data: TrainData | None = None,
                 net: Network | None = None, epochs: int | None = None,
                 cancel=None, progress=None) -> list[Run]:
    """Train ``preset`` once per value of ``key`` ("optimizer" or "loss") from the same start.

    ``cancel()`` returning True stops between epochs; ``progress(done, total)`` is called after
    every epoch of every run.
    """
    if key not in COMPARABLE:
        raise ValueError(f"can compare only {COMPARABLE}, not {key!r}")
    data = preset.load_data() if data is None else data
    start = (preset.build_network() if net is None else net).params.copy()
    spec = preset.training if epochs is None else preset.training.with_changes(epochs=epochs)
    runs = []
    total, done = len(values) * spec.epochs, 0
    for value in values:
        changes = {key: value}
        if key == "optimizer":  # each optimizer with the handouts' default learning rate
            changes["lr"] = OPTIMIZER_DEFAULTS[value]["lr"]
            changes["params"] = {}
        tr = preset.make_trainer(data=data, net=Network(preset.network, start.copy(),
                                                         spec.dtype),
                                 **{**{"epochs": spec.epochs}, **changes})
        evals, status = [], "finished"
        for snap in tr.run("epoch"):
            evals.extend(snap.evals)
            done += 1
            if progress is not None:
                progress(done, total)
            if cancel is not None and cancel():
                tr.request_stop()
            status = snap.status
        hyper = {"optimizer": tr.spec.optimizer, "lr": tr.spec.lr, "loss": tr.spec.loss,
                 "batch_size": tr.spec.batch_size, "epochs": tr.spec.epochs}
        runs.append(Run(str(value), hyper, tuple(evals), status))
        if cancel is not None and cancel():
            break
    return runs
