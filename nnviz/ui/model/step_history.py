"""Step back in time: training steps on the lesson's undo stack, beside the weight edits.

Every job of the run that trained something — one sample, batch or epoch from the run bar, or a
stretch of Play — becomes one :class:`TrainingStep` on ``model.undo_stack``.  It holds the
moment before the job and the moment after it (:class:`Moment`): the trainer's exact state (a
:class:`~nnviz.core.train.trainer_checkpoint.TrainerCheckpoint`: weights, optimizer state, epoch and
position, counters) and the numbers shown then (the last snapshot, the curves, the counters).
Undo puts the moment before back, redo the moment after, through
:meth:`TrainingRun.go_to_moment`: the weights on screen change in the model
(``show_trained_params``) and the trainer's copy is restored on its own thread (queued after any
job), so the next step continues from the restored state.  Weight edits and training steps
share the one stack, so Ctrl+Z walks back through both in the order they happened.

The bound: the stack keeps the last :data:`MAX_ACTIONS` actions (training steps and edits), and
fewer when one moment of the network is big, so the history stays under :data:`MEMORY_BUDGET`:
a moment costs about six parameter vectors (weights and up to two optimizer vectors in the
checkpoint; weights, gradient and change in the snapshot's step detail) plus the curves.  That
is 50 steps for every small lesson (kilobytes each) and 30 for the 784-100-10 MNIST
network in float32 (2.2 MB a step); an epoch of MNIST is a big step, and 30 of them are far more
than a lesson plays.  The stack drops the oldest actions itself (``QUndoStack.setUndoLimit``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoCommand

from nnviz.core.train.history import DEFAULT_MAX_ROWS, EvalHistory, eval_fields, eval_rows
from nnviz.core.train.trainer_checkpoint import TrainerCheckpoint
from nnviz.ui.common.formatting import count

#: most actions (training steps and weight edits) the undo stack keeps
MAX_ACTIONS = 50
#: fewest actions kept, however big the network
MIN_ACTIONS = 10
#: memory the step history may use (bytes)
MEMORY_BUDGET = 64 * 1024 * 1024
#: parameter vectors one moment holds (see the module docstring)
VECTORS_PER_MOMENT = 6


def _tr(text: str) -> str:
    return QCoreApplication.translate("StepHistory", text)


def undo_limit(n_params: int, itemsize: int = 8) -> int:
    """Actions the stack keeps for a network of ``n_params`` parameters of ``itemsize`` bytes."""
    curves = DEFAULT_MAX_ROWS * len(eval_fields()) * 8
    per_moment = VECTORS_PER_MOMENT * max(1, n_params) * itemsize + curves
    return int(min(MAX_ACTIONS, max(MIN_ACTIONS, MEMORY_BUDGET // per_moment)))


@dataclass(frozen=True, eq=False)
class Moment:
    """One moment of a run: the trainer's state and the numbers on screen."""

    checkpoint: TrainerCheckpoint
    snapshot: Any  # the last Snapshot shown (None before the first step)
    curves: np.ndarray  # the run's evaluations as rows (nnviz.core.train.history.eval_rows)
    epoch: int
    samples_seen: int

    def evals(self) -> EvalHistory:
        history = EvalHistory()
        if len(self.curves):
            history.extend(self.curves)
        return history

    def shown_snapshot(self) -> Any:
        """The snapshot to show again, carrying every curve point (the curves were cleared)."""
        if self.snapshot is None:
            return None
        return replace(self.snapshot, evals=tuple(self.evals()))


@dataclass(frozen=True)
class ShownNumbers:
    """What the run showed before a job's first snapshot (its checkpoint comes later)."""

    snapshot: Any
    curves: np.ndarray
    epoch: int
    samples_seen: int


class TrainingStep(QUndoCommand):
    """A training job already done: undo goes to the moment before, redo to the one after."""

    def __init__(self, go_to: Any, before: Moment, after: Moment, text: str) -> None:
        super().__init__(text)
        self._go_to = go_to
        self.before, self.after = before, after
        self._pushed = False  # push() calls redo(): the step is on screen already

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._go_to(self.after)

    def undo(self) -> None:
        self._go_to(self.before)


class StepHistory(QObject):
    """Records the run's jobs on the model's undo stack and bounds the stack."""

    def __init__(self, model: Any) -> None:
        super().__init__(model)
        self.model = model
        self._last_after: Moment | None = None

    def limit_stack(self, net: Any, dtype: str = "float64") -> None:
        """Set the stack's bound for ``net`` (the stack must be empty: a new network)."""
        stack = self.model.undo_stack
        self._last_after = None
        if stack.count() == 0:
            stack.setUndoLimit(undo_limit(int(net.params.size), np.dtype(dtype).itemsize))

    def numbers_now(self) -> ShownNumbers:
        """What the run shows now (taken before a job's first snapshot replaces it)."""
        run = self.model.run
        rows, _ = eval_rows(run.evals)
        return ShownNumbers(run.last, np.array(rows, copy=True), int(run.epoch),
                            int(run.samples_seen))

    def record(self, record: Any, shown_before: ShownNumbers) -> TrainingStep:
        """Push the job ``record`` (a training_worker.StepRecord) just shown as one step."""
        before = self._moment(record.before, shown_before)
        after = self._moment(record.after, self.numbers_now())
        self._last_after = after
        step = TrainingStep(self.model.run.go_to_moment, before, after,
                            self._text(record, before, after))
        self.model.undo_stack.push(step)
        return step

    def _moment(self, cp: TrainerCheckpoint, shown: ShownNumbers) -> Moment:
        last = self._last_after
        if last is not None and last.checkpoint is cp and last.snapshot is shown.snapshot:
            return last  # the moment after the previous step is the one before this one
        return Moment(cp, shown.snapshot, shown.curves, shown.epoch, shown.samples_seen)

    @staticmethod
    def _text(record: Any, before: Moment, after: Moment) -> str:
        """Short (the toolbar shows "Undo 1 epoch"): what the step trained."""
        n = after.checkpoint.samples_seen - before.checkpoint.samples_seen
        if record.single and record.unit == "epoch":
            return _tr("1 epoch")
        if record.single and record.unit == "batch":
            return _tr("1 batch")
        if n == 1:
            return _tr("1 sample")
        return _tr("{n} samples").format(n=count(max(0, n)))

    def memory(self) -> int:
        """Bytes the stack's training steps hold (each shared moment counted once)."""
        stack, seen, total = self.model.undo_stack, set(), 0
        for i in range(stack.count()):
            cmd = stack.command(i)
            for m in (getattr(cmd, "before", None), getattr(cmd, "after", None)):
                if isinstance(m, Moment) and id(m) not in seen:
                    seen.add(id(m))
                    total += m.checkpoint.nbytes + m.curves.nbytes + _snapshot_bytes(m.snapshot)
        return total


def _snapshot_bytes(snap: Any) -> int:
    if snap is None:
        return 0
    n = snap.params.nbytes
    d = snap.detail
    if d is not None:
        n += sum(np.asarray(a).nbytes for a in (*d.W_grad, *d.W_change))
    return n
