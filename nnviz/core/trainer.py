"""The run: a trainer the GUI (or the CLI) drives one step at a time.

A :class:`Trainer` owns a network, the data and the hyper-parameters.  ``step(unit)`` trains for
one sample, one batch or one epoch and returns an immutable :class:`Snapshot` (copies of every
number a view may show); ``run(unit, every)`` is a generator of snapshots.  Nothing outside
the trainer touches the arrays while a step runs: edits (weights, learning rate, optimizer,
batch size, reset) are either made between steps by the thread that iterates, or handed over
from another thread with :meth:`Trainer.submit` and applied before the next step.  A stop
request is honoured between steps.

A loss that becomes NaN or infinite stops the run with a diagnosis; the weights go back to the
last good values (those before the failing step).
"""

from __future__ import annotations

import math
import queue
import threading
import time
from dataclasses import dataclass, field

import numpy as np

from nnviz.core.backprop import Trace, backprop, evaluate
from nnviz.core.engine import BatchEngine, SampleEngine, kernel_friendly
from nnviz.core.network import Network
from nnviz.core.optimizers import make_optimizer
from nnviz.core.spec import TrainSpec

UNITS = ("sample", "batch", "epoch", "samples")
#: Longest run of samples trained without a chance to stop (≈ 40 ms of MNIST at batch 1).
MAX_CHUNK = 4096


@dataclass(frozen=True)
class TrainData:
    """Inputs, targets and labels of the training and test sets (targets shaped like y)."""

    X: np.ndarray  # (n, inputs)
    T: np.ndarray  # (n, outputs)
    y: np.ndarray  # (n,) integer class labels
    X_test: np.ndarray
    T_test: np.ndarray
    y_test: np.ndarray

    def astype(self, dtype) -> TrainData:
        c = np.ascontiguousarray
        return TrainData(c(self.X, dtype), c(self.T, dtype), self.y, c(self.X_test, dtype),
                         c(self.T_test, dtype), self.y_test)

    def validate(self, net: Network) -> None:
        n_in, n_out = net.spec.inputs, net.spec.outputs
        if len(self.X) == 0:
            raise ValueError("the training set is empty")
        for name, X, T, y in (("training", self.X, self.T, self.y),
                              ("test", self.X_test, self.T_test, self.y_test)):
            if X.ndim != 2 or X.shape[1] != n_in:
                raise ValueError(f"{name} inputs have {X.shape[1:]} columns; the network "
                                 f"expects {n_in}")
            if T.ndim != 2 or T.shape[1] != n_out:
                raise ValueError(f"{name} targets have {T.shape[1:]} columns; the network "
                                 f"has {n_out} outputs")
            if not len(X) == len(T) == len(y):
                raise ValueError(f"{name} inputs, targets and labels differ in length")
            if not (np.all(np.isfinite(X)) and np.all(np.isfinite(T))):
                raise ValueError(f"{name} data contains NaN or infinity")


@dataclass(frozen=True)
class EvalPoint:
    """Loss and accuracy measured at one moment of the run."""

    samples_seen: int
    epoch: float  # in epochs, e.g. 0.5 = half-way through the first
    train_loss: float  # running mean over the epoch so far (full-set value at epoch ends)
    train_acc: float
    test_loss: float
    test_acc: float
    val_loss: float = math.nan  # on the held-out validation split (nan without one)
    val_acc: float = math.nan
    lr: float = math.nan  # learning rate in use at this moment


@dataclass(frozen=True)
class StepDetail:
    """What happened to the last sample of a step, computed with the weights before its update."""

    x: np.ndarray
    t: np.ndarray
    a: tuple  # weighted sums per layer
    z: tuple  # activations per layer
    delta: tuple  # dL/da per layer
    W_grad: tuple  # dL/dW per layer (for this sample)
    loss: float
    W_change: tuple  # change of each W over the whole step (after - before)


@dataclass(frozen=True)
class PerceptronRow:
    """One line of the handout's round table: x1, x2, d, y, error, ΔW, new W."""

    x: tuple
    d: float
    y: float
    error: float
    dW: tuple  # change of (w1, ..., b)
    W: tuple  # weights and bias after the update


@dataclass(frozen=True)
class Snapshot:
    """An immutable picture of the run after a step (every array is a copy)."""

    status: str  # "running", "finished", "stopped", "diverged", "converged"
    message: str  # diagnosis or note for the user ("" if none)
    epoch: int  # completed epochs
    samples_seen: int  # samples processed since the start (or reset)
    updates: int  # parameter updates applied
    epoch_position: int  # samples processed in the current epoch
    params: np.ndarray  # copy of every parameter (Network layout)
    lr: float
    train_loss: float  # running mean over the current epoch
    train_acc: float
    evals: tuple[EvalPoint, ...]  # evaluations made during this step (may be empty)
    grad_norms: tuple[float, ...]  # |dL/dW| per layer of the last update
    detail: StepDetail | None
    seconds: float  # training time so far (excluding evaluations and compile)
    rows: tuple[PerceptronRow, ...] = ()  # perceptron lessons: the samples of this step
    extra: dict = field(default_factory=dict)


class Trainer:
    """Trains ``net`` on ``data`` with ``spec``; see the module docstring."""

    kind = "mlp"

    def __init__(self, net: Network, data: TrainData, spec: TrainSpec):
        spec.validate()
        dtype = np.dtype(spec.dtype)
        self.net = net if net.dtype == dtype else net.astype(dtype)
        data.validate(self.net)
        self.spec = spec
        self.data, self.val = _split_validation(data.astype(dtype), spec)
        self._x_range = (float(self.data.X.min()), float(self.data.X.max()))
        self.initial_params = self.net.params.copy()
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
        self._last_good = self.net.params.copy()
        self._best = (math.inf, None, 0)  # early stopping: (val loss, params, epochs since)
        self._start_epoch()

    def _start_epoch(self):
        """Order, learning rate (schedule) and augmented inputs of the epoch ``self.epoch``."""
        self._order = self._make_order(self.epoch)
        self._optimizer.lr = self.scheduled_lr()
        self._epoch_X = None  # made by _inputs() when the epoch's first sample is trained

    def _inputs(self) -> np.ndarray:
        """This epoch's training inputs: the data, or a fresh augmented copy of it."""
        if self._epoch_X is None:
            self._epoch_X = self.data.X
            aug = {k: v for k, v in self.spec.augment.items() if v}
            side = int(round(np.sqrt(self.net.spec.inputs)))
            if aug and side * side == self.net.spec.inputs and side >= 8:
                from nnviz.core.augment import augment_images

                rng = np.random.default_rng([self.spec.seed, self.epoch, 7])
                lo, hi = self._x_range
                self._epoch_X = augment_images(self.data.X, side, rng, lo=lo, hi=hi, **aug)
        return self._epoch_X

    def scheduled_lr(self) -> float:
        """The learning rate of the current epoch under the spec's schedule."""
        from nnviz.core.schedules import lr_at

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

    # -- edits between steps -----------------------------------------------------------------
    def submit(self, edit) -> None:
        """Queue ``edit(trainer)`` to run before the next step (safe from any thread)."""
        self._edits.put(edit)

    def request_stop(self) -> None:
        """Ask a running :meth:`run` to stop after the current step (any thread)."""
        self._stop.set()

    def _apply_edits(self):
        while True:
            try:
                edit = self._edits.get_nowait()
            except queue.Empty:
                return
            edit(self)

    def set_lr(self, lr: float) -> None:
        self.spec = self.spec.with_changes(lr=float(lr))
        self._optimizer.set_hyper(lr=self.scheduled_lr())

    def set_regularisation(self, **changes) -> None:
        """Change l1, l2, dropout, schedule, schedule_params, augment or early_stopping."""
        allowed = {"l1", "l2", "dropout", "schedule", "schedule_params", "augment",
                   "early_stopping"}
        bad = set(changes) - allowed
        if bad:
            raise ValueError(f"cannot change {sorted(bad)} between steps")
        self.spec = self.spec.with_changes(**changes)
        self._engines = {k: v for k, v in self._engines.items() if k[0] == "sample"}
        self._optimizer.set_hyper(lr=self.scheduled_lr())
        if "augment" in changes:
            self._epoch_X = None  # re-augmented with the new settings at the next step

    def set_optimizer(self, name: str, lr: float | None = None, **hyper) -> None:
        """Switch optimizer between steps (its state starts fresh; the weights stay)."""
        lr = self.spec.lr if lr is None else lr
        self.spec = self.spec.with_changes(optimizer=name, lr=float(lr), params=dict(hyper))
        self._optimizer = make_optimizer(name, self.net.params.size, self.scheduled_lr(),
                                         self.net.dtype, **self.spec.optimizer_params())

    def set_hyper(self, **hyper) -> None:
        params = dict(self.spec.params)
        params.update(hyper)
        self.spec = self.spec.with_changes(params=params)
        self._optimizer.set_hyper(**hyper)

    def set_batch_size(self, batch_size: int) -> None:
        self.spec = self.spec.with_changes(batch_size=int(batch_size))

    def set_params(self, params) -> None:
        self.net.set_params(params)
        self._last_good = self.net.params.copy()

    def set_layer(self, layer: int, W=None, b=None) -> None:
        self.net.set_layer(layer, W, b)
        self._last_good = self.net.params.copy()

    def reset(self) -> None:
        """Back to the initial weights of this run; counters and optimizer state cleared."""
        self.net.params[...] = self.initial_params
        self._reset_state()

    def reinitialize(self, seed: int) -> None:
        """New random initial weights (deterministic for ``seed``), then reset."""
        self.net.reinitialize(seed)
        self.initial_params = self.net.params.copy()
        self._reset_state()

    def resume_at(self, epoch: int, samples_seen: int) -> None:
        """Continue a restored run's counters (and its epoch's shuffle order)."""
        self.epoch, self.samples_seen = int(epoch), int(samples_seen)
        self._order = self._make_order(self.epoch)

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
            snap = None
            for _ in range(max(1, every)):
                snap = self.step(unit, until_epoch=last_epoch, count=count,
                                 interruptible=True)
                if snap.status != "running" or self._stop.is_set():
                    break
                if until_accuracy is not None and any(
                        e.test_acc >= until_accuracy for e in snap.evals):
                    snap = _with_status(snap, "converged",
                                        f"test accuracy reached {until_accuracy:.0%}")
                    break
            if snap.status == "running" and self._stop.is_set():
                snap = _with_status(snap, "stopped", "")
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
        if self.samples_seen == 0 and self.position == 0 and self.epoch == 0:
            evals.append(self._evaluate(full_train=False))
        self._last_good = self.net.params.copy()
        before = self._last_good
        detail, gnorms = None, ()
        ee = self.spec.eval_every
        done = 0
        bs = self.spec.batch_size
        while done < count:
            if interruptible and done and self._stop.is_set():
                break
            chunk = min(count - done, max(bs, MAX_CHUNK // bs * bs))
            if ee:
                chunk = min(chunk, ee - self.position % ee)
            last = done + chunk == count
            t0 = time.perf_counter()
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                # a diverging run is detected below and reported, not warned about
                ok, d, g = self._train(self.position, chunk, want_detail=last)
            self.seconds += time.perf_counter() - t0
            if d is not None:
                detail, gnorms = d, g
            if not ok:
                return self._diverged(evals)
            self.position += chunk
            self.samples_seen += chunk
            done += chunk
            if ee and self.position % ee == 0 and self.position < self.n_train:
                evals.append(self._evaluate(full_train=False))
        status, message = "running", ""
        if self.position >= self.n_train:
            self.epoch += 1
            evals.append(self._evaluate(full_train=True))
            self.position = 0
            self._epoch_loss, self._epoch_correct = 0.0, 0
            if self.epoch >= last_epoch:
                status, message = "finished", "all epochs are done"
            stopped = self._early_stopping(evals[-1])
            if stopped:
                status, message = "early-stopped", stopped
            self._start_epoch()
        if detail is not None:
            detail = _with_change(detail, self.net, before)
        return self._snapshot(status, message, tuple(evals), detail, gnorms)

    def _train(self, start: int, count: int, want_detail: bool):
        """Train samples order[start:start+count]; the last one through the detailed path."""
        order = self._order[start:start + count]
        X, T = self._inputs(), self.data.T  # (augmenting, if any, counts as training time)
        losses, correct = [], []
        detail, gnorms = None, ()
        bs = self.spec.batch_size
        if self.uses_fused_kernel:
            body = order[:-1] if want_detail else order
            if len(body):
                lo, ok = self._sample_engine().run(X, T, body, self._optimizer.lr)
                losses.append(lo)
                correct.append(ok)
                self.updates += len(body)
            if want_detail:
                tr = backprop(self.net, X[order[-1]], T[order[-1]], self.spec.loss)
                detail, gnorms = self._detail(tr), self._grad_norms(tr.grad)
                losses.append([tr.loss])
                correct.append([_is_correct(tr.output, T[order[-1]])])
                self._optimizer.step(self.net.params, tr.grad.astype(self.net.dtype))
                self.updates += 1
        else:
            eng = self._batch_engine()
            contiguous = not self.spec.shuffle  # file order: batches are views, not copies
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
                losses.append(np.full(len(idx), lv))
                correct.append(ok)
            if want_detail:
                gnorms = self._grad_norms(eng.grad)
        lo = np.concatenate([np.asarray(v, float) for v in losses]) if losses else np.zeros(0)
        ok = np.concatenate([np.asarray(v, bool) for v in correct]) if correct else np.zeros(0)
        self._epoch_loss += float(lo.sum())
        self._epoch_correct += int(ok.sum())
        finite = bool(np.all(np.isfinite(lo))) and bool(np.all(np.isfinite(self.net.params)))
        return finite, detail, gnorms

    def _detail(self, tr: Trace) -> StepDetail:
        gw = tuple(w.copy() for w, _ in tr.grad_views(self.net))
        return StepDetail(np.array(tr.x), np.array(tr.t), tuple(a.copy() for a in tr.a),
                          tuple(z.copy() for z in tr.z), tuple(d.copy() for d in tr.delta), gw,
                          float(tr.loss), ())

    def _grad_norms(self, grad) -> tuple[float, ...]:
        g = Network(self.net.spec, grad, grad.dtype)
        return tuple(float(np.linalg.norm(w)) for w in g.W)

    def _evaluate(self, full_train: bool) -> EvalPoint:
        d = self.data
        loss = self.spec.loss
        if full_train:
            tl, ta = evaluate(self.net, d.X, d.T, d.y, loss)
        elif self.position:
            tl, ta = self._epoch_loss / self.position, self._epoch_correct / self.position
        else:
            tl, ta = evaluate(self.net, d.X, d.T, d.y, loss)
        vl, va = evaluate(self.net, d.X_test, d.T_test, d.y_test, loss)
        epoch = self.epoch + (self.position / self.n_train if not full_train else 0.0)
        hl, ha = math.nan, math.nan
        if self.val is not None:
            hl, ha = evaluate(self.net, *self.val, loss)
        return EvalPoint(self.samples_seen, epoch, tl, ta, vl, va, hl, ha, self._optimizer.lr)

    def _early_stopping(self, point: EvalPoint) -> str:
        """Track the best validation loss; past the patience, restore the best weights."""
        patience = self.spec.early_stopping
        if not patience or self.val is None or not math.isfinite(point.val_loss):
            return ""
        best, params, since = self._best
        if point.val_loss < best:
            self._best = (point.val_loss, self.net.params.copy(), 0)
            return ""
        since += 1
        self._best = (best, params, since)
        if since < patience:
            return ""
        self.net.params[...] = params
        return (f"early stopping: the validation loss has not improved for {patience} epochs; "
                f"the weights are back to the best epoch's (validation loss {best:.4g})")

    def _diverged(self, evals) -> Snapshot:
        self.net.params[...] = self._last_good
        msg = (f"The loss became NaN or infinite during epoch {self.epoch + 1} "
               f"(after {self.samples_seen} samples). The learning rate {self.spec.lr:g} is "
               f"probably too high for this network: try one about 10 times smaller. The "
               f"weights are back to their last good values (before this step).")
        return self._snapshot("diverged", msg, tuple(evals), None, ())

    def _snapshot(self, status, message, evals, detail, gnorms) -> Snapshot:
        pos = self.position
        return Snapshot(
            status=status, message=message, epoch=self.epoch, samples_seen=self.samples_seen,
            updates=self.updates, epoch_position=pos, params=self.net.params.copy(),
            lr=self.lr,
            train_loss=self._epoch_loss / pos if pos else math.nan,
            train_acc=self._epoch_correct / pos if pos else math.nan,
            evals=evals, grad_norms=gnorms, detail=detail, seconds=self.seconds)


def _split_validation(data: TrainData, spec: TrainSpec):
    """Hold out ``spec.validation_split`` of the training rows (seeded); (train, val)."""
    n = len(data.X)
    k = int(round(n * spec.validation_split))
    if k == 0 or k >= n:
        return data, None
    perm = np.random.default_rng([spec.seed, 3]).permutation(n)
    val, keep = np.sort(perm[:k]), np.sort(perm[k:])
    train = TrainData(data.X[keep], data.T[keep], data.y[keep], data.X_test, data.T_test,
                      data.y_test)
    return train, (data.X[val], data.T[val], data.y[val])


def _is_correct(y, t) -> bool:
    y, t = np.asarray(y), np.asarray(t)
    if y.size > 1:
        return bool(np.argmax(y) == np.argmax(t))
    return bool((y[0] > 0.5) == (t[0] > 0.5))


def _with_status(snap: Snapshot, status: str, message: str) -> Snapshot:
    from dataclasses import replace

    return replace(snap, status=status, message=message)


def _with_change(detail: StepDetail, net: Network, before: np.ndarray) -> StepDetail:
    from dataclasses import replace

    diff = Network(net.spec, net.params - before, net.dtype)
    return replace(detail, W_change=tuple(w.copy() for w in diff.W))
