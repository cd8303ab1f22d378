"""The run: a trainer the GUI (or the CLI) drives one step at a time.

A :class:`Trainer` owns a network, the data and the hyper-parameters.  ``step(unit)`` trains for
one sample, one batch or one epoch and returns an immutable :class:`Snapshot` (copies of every
number a view may show); ``run(unit, every)`` is a generator of snapshots.  Nothing outside
the trainer touches the arrays while a step runs: edits (weights, learning rate, optimizer,
batch size, reset) are either made between steps by the thread that iterates, or handed over
from another thread with :meth:`Trainer.submit` and applied before the next step.  A stop
request is honoured between steps.

Evaluating never changes training: an evaluation point ("every N samples") is taken at the
first batch boundary at or after it, so the batches are the same whatever ``eval_every`` is.

A run that diverges stops with status "diverged" and a diagnosis.  A loss that becomes NaN or
infinite sends the weights back to those before the failing step; a loss that explodes while
staying finite, or an accuracy no better than guessing with a loss worse than at the start
(:mod:`nnviz.core.train.divergence`), sends them back to those of the last sound evaluation.

The data classes (TrainData, EvalPoint, Snapshot, ...) live in :mod:`nnviz.core.train.trainer_types`
and are importable from here too.
"""

from __future__ import annotations

import math
import queue
import threading
import time

import numpy as np

from nnviz.core.nn.backprop import Trace, backprop
from nnviz.core.nn.network import Network
from nnviz.core.nn.optimizers import make_optimizer
from nnviz.core.nn.spec import TrainSpec, check_loss_output
from nnviz.core.train.divergence import DivergenceWatch, chance_level
from nnviz.core.train.engine import BatchEngine, SampleEngine, kernel_friendly
from nnviz.core.train.history import RowHistory
from nnviz.core.train.trainer_edits import TrainerEdits
from nnviz.core.train.trainer_evaluation import TrainerEvaluation
from nnviz.core.train.trainer_types import (
    MAX_UPDATE_LOSSES,
    EvalPoint,
    PerceptronRow,
    Snapshot,
    StepDetail,
    TrainData,
    is_correct,
    split_validation,
    with_change,
    with_status,
)

__all__ = ["MAX_CHUNK", "MAX_UPDATE_LOSSES", "UNITS", "EvalPoint", "PerceptronRow", "Snapshot",
           "StepDetail", "TrainData", "Trainer"]

UNITS = ("sample", "batch", "epoch", "samples")
#: Longest run of samples trained without a chance to stop (≈ 40 ms of MNIST at batch 1).
MAX_CHUNK = 4096


class Trainer(TrainerEdits, TrainerEvaluation):
    """Trains ``net`` on ``data`` with ``spec``; see the module docstring."""

    kind = "mlp"

    def __init__(self, net: Network, data: TrainData, spec: TrainSpec):
        spec.validate()
        check_loss_output(net.spec, spec.loss)  # refuse at once, not at the first step
        dtype = np.dtype(spec.dtype)
        self.net = net if net.dtype == dtype else net.astype(dtype)
        data.validate(self.net)
        self.spec = spec
        self.data, self.val = split_validation(data.astype(dtype), spec)
        self._x_range = (float(self.data.X.min()), float(self.data.X.max()))
        self.initial_params = self.net.params.copy()
        d = self.data  # the divergence watch judges the test set (the training set if none)
        T, y = (d.T_test, d.y_test) if len(d.X_test) else (d.T, d.y)
        self._chance = chance_level(T, y, spec.loss, self.net.spec.layers[-1].activation)
        self._edits: queue.SimpleQueue = queue.SimpleQueue()
        self._stop = threading.Event()
        self._reset_state()

    # -- state ------------------------------------------------------------------------------
    def _reset_state(self):
        self.epoch = 0
        self.position = 0  # samples done in the current epoch
        self.samples_seen = 0
        self.updates = 0
        self.seconds = 0.0
        self._epoch_loss = 0.0
        self._epoch_correct = 0
        self._optimizer = make_optimizer(self.spec.optimizer, self.net.params.size, self.spec.lr,
                                         self.net.dtype, **self.spec.optimizer_params())
        self._engines = {}
        self._finished_epoch = None  # (loss sum, correct, samples) of the epoch just ended
        self._update_log = _update_log()
        self._last_good = self.net.params.copy()
        self._best = (math.inf, None, 0, 0)  # early stop: val loss, params, since, epoch
        self._watch = DivergenceWatch(self._chance)
        self._sound = None  # (samples_seen, params) at the last evaluation that passed the watch
        self._start_epoch()

    def _start_epoch(self):
        """Order, learning rate (schedule) and augmented inputs of the epoch ``self.epoch``."""
        self._order = self._make_order(self.epoch)
        self._optimizer.lr = self.scheduled_lr()
        self._epoch_X = None  # made by _inputs() when the epoch's first sample is trained

    def _inputs(self) -> np.ndarray:
        """This epoch's training inputs: the data, or a fresh augmented copy of it."""
        if self._epoch_X is None:
            X = self.data.X
            aug = {k: v for k, v in self.spec.augment.items() if v}
            side = int(round(np.sqrt(self.net.spec.inputs)))
            if aug and side * side == self.net.spec.inputs and side >= 8:
                from nnviz.core.train.augment import augment_images

                rng = np.random.default_rng([self.spec.seed, self.epoch, 7])
                lo, hi = self._x_range
                X = augment_images(self.data.X, side, rng, lo=lo, hi=hi, **aug)
            self._epoch_X = X
        return self._epoch_X

    def scheduled_lr(self) -> float:
        """The learning rate of the current epoch under the spec's schedule."""
        from nnviz.core.train.schedules import lr_at

        return lr_at(self.spec.schedule, self.spec.lr, self.epoch, self.spec.epochs,
                     **self.spec.schedule_params)

    @property
    def augments(self) -> bool:
        """True when the training inputs are augmented every epoch."""
        return self._inputs() is not self.data.X

    def _make_order(self, epoch: int) -> np.ndarray:
        n = len(self.data.X)
        if not self.spec.shuffle:
            return np.arange(n, dtype=np.int64)
        return np.random.default_rng([self.spec.seed, epoch]).permutation(n).astype(np.int64)

    @property
    def n_train(self) -> int:
        return len(self.data.X)

    @property
    def lr(self) -> float:
        return self._optimizer.lr

    @property
    def uses_fused_kernel(self) -> bool:
        return (self.spec.batch_size == 1 and self.spec.optimizer == "sgd"
                and not self.spec.regularised and kernel_friendly(self.net))

    # -- running ----------------------------------------------------------------------------
    def warm_up(self) -> float:
        """Compile the kernels this run needs (seconds taken); call off the GUI thread."""
        t0 = time.perf_counter()
        saved = self.net.params.copy()
        order = self._order[:1]
        if self.uses_fused_kernel:
            self._sample_engine().run(self.data.X, self.data.T, order, 0.0)
        else:
            eng = self._batch_engine()
            eng.warm_up()
            eng.gradient(self.data.X[order], self.data.T[order])
        # the optimizer kernel for this dtype (the last sample of a step always goes through it)
        dt = self.net.dtype
        make_optimizer(self.spec.optimizer, 2, self.spec.lr, dt).step(np.zeros(2, dt),
                                                                      np.zeros(2, dt))
        self.net.params[...] = saved
        return time.perf_counter() - t0

    def _sample_engine(self) -> SampleEngine:
        key = ("sample", self.spec.loss)
        if key not in self._engines:
            self._engines[key] = SampleEngine(self.net, self.spec.loss)
        return self._engines[key]

    def _batch_engine(self) -> BatchEngine:
        sp = self.spec
        rates = sp.dropout_rates(self.net.n_layers)
        key = ("batch", sp.loss, sp.batch_size, rates, sp.l1, sp.l2)
        if key not in self._engines:
            rng = np.random.default_rng([sp.seed, 11])
            self._engines[key] = BatchEngine(self.net, sp.loss, sp.batch_size, rates, sp.l1,
                                             sp.l2, rng)
        return self._engines[key]

    def run(self, unit: str = "epoch", every: int = 1, until_epoch: int | None = None,
            until_accuracy: float | None = None, count: int = 1):
        """Yield a snapshot after every ``every`` units until the epochs are done or stopped.

        ``count`` is the number of samples of one "samples" unit.

        ``until_epoch`` stops after that many completed epochs (default: the spec's epochs);
        ``until_accuracy`` stops once the test accuracy of an evaluation reaches it.
        """
        self._stop.clear()
        last_epoch = self.spec.epochs if until_epoch is None else until_epoch
        while True:
            snap: Snapshot | None = None
            for _ in range(max(1, every)):
                snap = self.step(unit, until_epoch=last_epoch, count=count,
                                 interruptible=True)
                if snap.status != "running" or self._stop.is_set():
                    break
                if until_accuracy is not None and any(
                        e.test_acc >= until_accuracy for e in snap.evals):
                    snap = with_status(snap, "converged",
                                        f"test accuracy reached {until_accuracy:.0%}")
                    break
            assert snap is not None  # the loop above runs at least once
            if snap.status == "running" and self._stop.is_set():
                snap = with_status(snap, "stopped", "")
            yield snap
            if snap.status != "running":
                return

    def step(self, unit: str = "sample", until_epoch: int | None = None,
             count: int = 1, interruptible: bool = False) -> Snapshot:
        """Train one sample, one batch, one epoch, or ``count`` samples (unit "samples").

        A "samples" step never crosses the end of an epoch and, at batch size > 1, is rounded
        up to whole batches.  With ``interruptible``, a :meth:`request_stop` ends a long step
        early (between runs of at most ``MAX_CHUNK`` samples).
        """
        if unit not in UNITS:
            raise ValueError(f"unit must be one of {UNITS}")
        self._apply_edits()
        self._update_log = _update_log()
        last_epoch = self.spec.epochs if until_epoch is None else until_epoch
        if self.epoch >= last_epoch:
            return self._snapshot("finished", "all epochs are done", (), None, ())
        n = self.n_train
        bs = self.spec.batch_size
        left = n - self.position
        if unit == "epoch":
            count = left
        elif unit == "samples":
            count = min(left, max(1, -(-int(count) // bs) * bs))
        elif unit == "batch" or bs > 1:
            count = min(bs, left)
        else:
            count = 1
        return self._advance(count, last_epoch, interruptible)

    def _advance(self, count: int, last_epoch: int, interruptible: bool = False) -> Snapshot:
        evals: list[EvalPoint] = []
        self._finished_epoch = None
        if self.samples_seen == 0 and self.position == 0 and self.epoch == 0:
            evals.append(self._evaluate(full_train=False))
            self._sound_check(evals[-1])  # the run's reference point
        self._last_good = self.net.params.copy()
        before = self._last_good
        detail, gnorms = None, ()
        ee = self.spec.eval_every
        done = 0
        while done < count:
            if interruptible and done and self._stop.is_set():
                break
            chunk = self._chunk(count - done)
            last = done + chunk == count
            t0 = time.perf_counter()
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                # a diverging run is detected below and reported, not warned about
                ok, d, g = self._train(self.position, chunk, want_detail=last)
            self.seconds += time.perf_counter() - t0
            if d is not None:
                detail, gnorms = d, g
            if not ok:
                return self._diverged(evals, self._nan_message(), self._last_good)
            crossed = ee and (self.position + chunk) // ee > self.position // ee
            self.position += chunk
            self.samples_seen += chunk
            done += chunk
            if crossed and self.position < self.n_train:
                evals.append(self._evaluate(full_train=False))
                why = self._sound_check(evals[-1])
                if why:
                    return self._diverged(evals, *why)
        status, message = "running", ""
        if self.position >= self.n_train:
            status, message, why = self._end_epoch(evals, last_epoch)
            if why:
                return self._diverged(evals, *why)
        if detail is not None:
            detail = with_change(detail, self.net, before)
        return self._snapshot(status, message, tuple(evals), detail, gnorms)

    def _chunk(self, left: int) -> int:
        """Samples to train next: whole batches, ending at the first batch boundary at or past
        the next evaluation point (so evaluating never cuts a batch short)."""
        bs = self.spec.batch_size
        chunk = min(left, max(bs, MAX_CHUNK // bs * bs))
        ee = self.spec.eval_every
        if ee:
            to_point = ee - self.position % ee
            chunk = min(chunk, -(-to_point // bs) * bs)
        return chunk

    def _train(self, start: int, count: int, want_detail: bool):
        """Train samples order[start:start+count]; the last one through the detailed path."""
        order = self._order[start:start + count]
        X, T = self._inputs(), self.data.T  # (augmenting, if any, counts as training time)
        losses, correct = [], []
        detail = None
        gnorms: tuple[float, ...] = ()
        bs = self.spec.batch_size
        if self.uses_fused_kernel:
            body = order[:-1] if want_detail else order
            if len(body):
                lo, ok = self._sample_engine().run(X, T, body, self._optimizer.lr)
                losses.append(lo)
                correct.append(ok)
                self.updates += len(body)
                self._log_updates(lo)
            if want_detail:
                tr = backprop(self.net, X[order[-1]], T[order[-1]], self.spec.loss)
                detail, gnorms = self._detail(tr), self._grad_norms(tr.grad)
                losses.append([tr.loss])
                correct.append([is_correct(tr.output, T[order[-1]])])
                self._optimizer.step(self.net.params, tr.grad.astype(self.net.dtype))
                self.updates += 1
                self._log_updates([tr.loss])
        else:
            eng = self._batch_engine()
            contiguous = not self.spec.shuffle  # file order: batches are views, not copies
            batch_losses = []
            for s in range(0, len(order), bs):
                idx = order[s:s + bs]
                if want_detail and s + bs >= len(order):
                    k = idx[-1]
                    tr = backprop(self.net, X[k], T[k], self.spec.loss)
                    detail = self._detail(tr)
                if contiguous:
                    xb, tb = X[idx[0]:idx[-1] + 1], T[idx[0]:idx[-1] + 1]
                else:
                    xb, tb = X[idx], T[idx]
                lv, ok = eng.step(xb, tb, self._optimizer)
                self.updates += 1
                batch_losses.append(lv)
                losses.append(np.full(len(idx), lv))
                correct.append(ok)
            self._log_updates(batch_losses)
            if want_detail:
                gnorms = self._grad_norms(eng.grad)
        lo = np.concatenate([np.asarray(v, float) for v in losses]) if losses else np.zeros(0)
        ok = np.concatenate([np.asarray(v, bool) for v in correct]) if correct else np.zeros(0)
        self._epoch_loss += float(lo.sum())
        self._epoch_correct += int(ok.sum())
        finite = bool(np.all(np.isfinite(lo))) and bool(np.all(np.isfinite(self.net.params)))
        return finite, detail, gnorms

    def _log_updates(self, losses) -> None:
        """Record the losses of the updates just made (the last ``len(losses)`` of them)."""
        lo = np.asarray(losses, dtype=np.float64).ravel()
        if len(lo):
            first = self.updates - len(lo) + 1
            self._update_log.extend(np.column_stack((np.arange(first, self.updates + 1), lo)))

    def _detail(self, tr: Trace) -> StepDetail:
        views = tr.grad_views(self.net)  # per layer: (W grad, b grad, α grad)
        gw = tuple(v[0].copy() for v in views)
        ga = tuple(None if len(v) < 3 or v[2] is None else v[2].copy() for v in views)
        return StepDetail(np.array(tr.x), np.array(tr.t), tuple(a.copy() for a in tr.a),
                          tuple(z.copy() for z in tr.z), tuple(d.copy() for d in tr.delta), gw,
                          float(tr.loss), (), ga)

    def _grad_norms(self, grad) -> tuple[float, ...]:
        g = Network(self.net.spec, grad, grad.dtype)
        return tuple(float(np.linalg.norm(w)) for w in g.W)

    def _diverged(self, evals, message: str, params: np.ndarray) -> Snapshot:
        self.net.params[...] = params
        self._last_good = self.net.params.copy()
        return self._snapshot("diverged", message, tuple(evals), None, ())

    def _snapshot(self, status, message, evals, detail, gnorms) -> Snapshot:
        pos = self.position
        loss_sum, correct, n = (self._epoch_loss, self._epoch_correct, pos)
        if not pos and self._finished_epoch is not None:  # at an epoch's end: that epoch's
            loss_sum, correct, n = self._finished_epoch
        return Snapshot(
            status=status, message=message, epoch=self.epoch, samples_seen=self.samples_seen,
            updates=self.updates, epoch_position=pos, params=self.net.params.copy(),
            lr=self.lr, train_loss=loss_sum / n if n else math.nan,
            train_acc=correct / n if n else math.nan, evals=evals, grad_norms=gnorms,
            detail=detail, seconds=self.seconds, update_losses=self._update_log.rows())


def _update_log() -> RowHistory:
    """(update number, loss) rows of one step, bounded (thinned past MAX_UPDATE_LOSSES)."""
    return RowHistory(2, capacity=64, max_rows=MAX_UPDATE_LOSSES)
