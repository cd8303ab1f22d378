"""The explained step of the current lesson: items to play, the current one, auto-play.

:class:`ExplainedStepState` follows the :class:`~nnviz.ui.model.lesson_model.LessonModel`:
for the current network, input row and the run's hyper-parameters it computes one training
step with every number (``nnviz.core.explain``: :func:`explain_step` for a backprop lesson,
:func:`explain_perceptron_step` for a perceptron lesson) and keeps the item being shown.
Views play it with :meth:`next`, :meth:`prev`, :meth:`jump` and :meth:`play`; the canvas
highlights :attr:`item`'s anchor and targets.

The explanation uses the run's optimizer with a fresh state (momentum/Adam state of a running
trainer is not shown) and one sample (the current row) even when the run trains on batches.

Signals
-------
step_changed()           a new step was computed (or none is available: see ``unavailable``)
item_changed(int)        the current item's index
highlight_changed(object, object)  anchor ref and targets tuple (None, () = nothing)
playing_changed(bool)    auto-play started/stopped
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from nnviz.core.explain import (
    PHASES,
    ExplainedStep,
    ExplainItem,
    Phase,
    explain_perceptron_step,
    explain_step,
)
from nnviz.ui.model.computed_while_shown import ComputedWhileShown

PACES = (0.5, 1.0, 2.0, 4.0)  # seconds per item the pace box offers


class ExplainedStepState(ComputedWhileShown, QObject):
    step_changed = Signal()
    item_changed = Signal(int)
    highlight_changed = Signal(object, object)
    playing_changed = Signal(bool)

    def __init__(self, model: Any, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else model)
        self.model = model
        self.step: ExplainedStep | None = None
        self.unavailable = ""  # why there is no step (translated), "" when there is one
        self.index = 0
        self.furthest: Phase | None = None  # furthest phase played since the lesson opened
        self.pace = 1.0
        self._init_shown()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        model.preset_changed.connect(self._on_lesson_changed)
        model.network_changed.connect(self._schedule)
        model.weights_changed.connect(self._schedule)
        model.input_changed.connect(self._schedule)
        model.data_changed.connect(self._schedule)
        model.run.hyper_changed.connect(self._schedule)
        if model.network is not None:
            self.recompute()

    # -- computing ------------------------------------------------------------------------
    def _on_lesson_changed(self, _preset: Any) -> None:
        self.stop()
        self.index, self.furthest = 0, None
        if self.active:
            self.recompute()
        else:
            self.step, self._stale = None, True

    def recompute(self) -> None:
        """Explain the step the current lesson would take on the current input now."""
        self._computed()
        self.step, self.unavailable = None, ""
        try:
            self.step = self._explain()
        except ValueError as e:  # a layer the explanation refuses (maxout, PReLU …)
            self.unavailable = self.tr("The step cannot be explained here: {e}").format(e=e)
        if self.step is None or not self.step.items:
            self.stop()
            self.index = 0
        else:
            self.index = min(self.index, len(self.step.items) - 1)
        self.step_changed.emit()
        self._announce()

    def _explain(self) -> ExplainedStep | None:
        m, run = self.model, self.model.run
        if m.network is None or m.preset is None:
            self.unavailable = self.tr("No lesson is open.")
            return None
        if not run.kind or run.spec is None:
            self.unavailable = self.tr(
                "This lesson trains nothing, so there is no training step to explain. "
                "Open a lesson that trains (the perceptron, XOR with backpropagation, MNIST).")
            return None
        t = m.target
        if t is None:
            self.unavailable = self.tr(
                "Choose a row of the data (or a test image): the step needs an input and "
                "its target.")
            return None
        x, spec = np.asarray(m.x, float), run.spec
        if run.kind == "perceptron":
            return explain_perceptron_step(m.network, x, float(np.ravel(t)[0]), float(spec.lr))
        opt: dict = {"name": spec.optimizer, "lr": float(spec.lr),
                     "hyper": spec.optimizer_params()}
        cp = run.state_now  # momentum/Adam: the run's own v, m, s and step count, not zeros
        if cp is not None and cp.optimizer == spec.optimizer:
            opt["t"] = int(cp.optimizer_t)
            opt["state"] = dict(cp.optimizer_state)
        return explain_step(m.network, x, np.asarray(t, float), spec.loss, opt)

    @property
    def batch_size(self) -> int:
        """The run's batch size: above 1 the app averages a batch; this shows one sample."""
        spec = self.model.run.spec
        return int(getattr(spec, "batch_size", 1) or 1) if spec is not None else 1

    # -- the current item -----------------------------------------------------------------
    @property
    def available(self) -> bool:
        return self.step is not None and bool(self.step.items)

    @property
    def item(self) -> ExplainItem | None:
        step = self.step
        return step.items[self.index] if step is not None and step.items else None

    @property
    def phases(self) -> tuple[Phase, ...]:
        return self.step.phases if self.step is not None else ()

    def go_to(self, i: int) -> bool:
        if not self.available or not 0 <= i < len(self.step.items):  # type: ignore[union-attr]
            return False
        self.index = i
        self._announce()
        return True

    def next(self) -> bool:
        return self.go_to(self.index + 1)

    def prev(self) -> bool:
        return self.go_to(self.index - 1)

    def jump(self, phase: Phase | str) -> bool:
        """Go to the first item of ``phase``."""
        if not self.available:
            return False
        phase = Phase(phase)
        for k, it in enumerate(self.step.items):  # type: ignore[union-attr]
            if it.phase is phase:
                return self.go_to(k)
        return False

    def _announce(self) -> None:
        item = self.item
        if item is not None:
            if self.furthest is None or PHASES.index(item.phase) > PHASES.index(self.furthest):
                self.furthest = item.phase
            self.highlight_changed.emit(item.anchor, item.targets)
        else:
            self.highlight_changed.emit(None, ())
        self.item_changed.emit(self.index)

    # -- auto-play ------------------------------------------------------------------------
    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def set_pace(self, seconds: float) -> None:
        self.pace = max(0.05, float(seconds))
        self._timer.setInterval(int(self.pace * 1000))

    def play(self) -> None:
        if not self.available or self.playing:
            return
        if self.index >= len(self.step.items) - 1:  # type: ignore[union-attr]
            self.go_to(0)
        self._timer.start(int(self.pace * 1000))
        self.playing_changed.emit(True)

    def stop(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.playing_changed.emit(False)

    def toggle(self) -> None:
        self.stop() if self.playing else self.play()

    def _tick(self) -> None:
        if not self.next():
            self.stop()
