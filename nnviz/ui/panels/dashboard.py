"""A row of live figures of the run: epoch, samples seen, learning rate, train/validation/test
loss and accuracy, seconds per epoch and samples per second.

Fed by the training session's snapshots; the speed is measured on the trainer's own clock
(``Snapshot.seconds``: training time without evaluations or compiling) over the last few
seconds of training, so a pause does not drag it down.  Compact enough for a toolbar.

Signals: none.
"""

from __future__ import annotations

import math
from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from nnviz.ui.common.formatting import count, duration, fmt, pct

if TYPE_CHECKING:
    from nnviz.ui.model.lesson_model import LessonModel

RATE_WINDOW = 3.0  # seconds of training the speed is measured over


class Dashboard(QWidget):
    """Live figures of the current run.  Signals: none."""

    def __init__(self, lesson: LessonModel, parent=None):
        super().__init__(parent)
        self.lesson = lesson
        self.run = lesson.run
        self._clock: deque = deque()  # (training seconds, samples seen) of recent snapshots
        self.rate = math.nan  # samples per second
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 0, 4, 0)
        lay.setSpacing(14)
        tips = {
            "epoch": self.tr("Completed epochs (passes over the training set)"),
            "samples": self.tr("Training samples seen since the start of the run"),
            "lr": self.tr("The learning rate in use now (it follows the schedule)"),
            "loss": self.tr("Loss on the training set · the validation split · the test set "
                            "(– = no validation split)"),
            "acc": self.tr("Accuracy on the training set · the validation split · the test set"),
            "epoch_time": self.tr("Seconds of training per epoch (without evaluations)"),
            "rate": self.tr("Training samples per second, over the last few seconds of training"),
        }
        self.labels: dict[str, QLabel] = {}
        for key in ("epoch", "samples", "lr", "loss", "acc", "epoch_time", "rate"):
            lab = QLabel()
            lab.setToolTip(tips[key])
            lay.addWidget(lab)
            self.labels[key] = lab
        lay.addStretch(1)
        self.run.snapshot_shown.connect(self._on_session_snapshot_shown)
        self.run.run_reset.connect(self._on_session_run_reset)
        self.run.hyper_changed.connect(self.refresh)
        self._on_session_run_reset()

    def _on_session_run_reset(self):
        self._clock.clear()
        self.rate = math.nan
        self.refresh()

    def _on_session_snapshot_shown(self, snap):
        clock = self._clock
        if clock and snap.samples_seen < clock[-1][1]:
            clock.clear()  # a reset the session did not announce (restored run)
        clock.append((snap.seconds, snap.samples_seen))
        while len(clock) > 2 and clock[-1][0] - clock[1][0] >= RATE_WINDOW:
            clock.popleft()
        (t0, n0), (t1, n1) = clock[0], clock[-1]
        if t1 > t0 and n1 > n0:
            self.rate = (n1 - n0) / (t1 - t0)
        elif snap.seconds > 0 and snap.samples_seen:
            self.rate = snap.samples_seen / snap.seconds
        self.refresh()

    def seconds_per_epoch(self) -> float:
        n = self.run.n_train
        return n / self.rate if n and self.rate > 0 else math.nan

    def texts(self) -> dict[str, str]:
        """What each figure shows (tests)."""
        return {k: lab.text() for k, lab in self.labels.items()}

    def refresh(self):
        s = self.run
        last, ev = s.last, (s.evals[-1] if s.evals else None)
        lr = last.lr if last is not None else (s.spec.lr if s.spec is not None else math.nan)
        if last is None and s.spec is not None:
            from nnviz.core.train.schedules import lr_at

            lr = lr_at(s.spec.schedule, s.spec.lr, 0, s.spec.epochs, **s.spec.schedule_params)
        nan = math.nan
        tl, vl, xl = (ev.train_loss, ev.val_loss, ev.test_loss) if ev else (nan, nan, nan)
        ta, va, xa = (ev.train_acc, ev.val_acc, ev.test_acc) if ev else (nan, nan, nan)
        spe = self.seconds_per_epoch()
        t = self.labels
        t["epoch"].setText(self.tr("epoch {e}").format(e=count(s.epoch)))
        t["samples"].setText(self.tr("samples {n}").format(n=count(s.samples_seen)))
        t["lr"].setText(self.tr("η {lr}").format(lr=_num(lr)))
        t["loss"].setText(self.tr("loss {a} · {b} · {c}").format(a=_num(tl), b=_num(vl),
                                                                  c=_num(xl)))
        t["acc"].setText(self.tr("accuracy {a} · {b} · {c}").format(a=pct(ta), b=pct(va),
                                                                    c=pct(xa)))
        t["epoch_time"].setText(self.tr("{t}/epoch").format(t=duration(spe)))
        t["rate"].setText(self.tr("{n} samples/s").format(
            n=count(round(self.rate)) if math.isfinite(self.rate) else "–"))


def _num(x) -> str:
    return fmt(x) if math.isfinite(x) else "–"


if __name__ == "__main__":
    import sys

    from nnviz.ui.preview import preview

    sys.exit(preview(Dashboard, "optimizers", (1000, 30)))
