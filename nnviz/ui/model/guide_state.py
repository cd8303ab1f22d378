"""The current lesson's guide: where the student is, the live check, what a step sets.

:class:`GuideState` owns the core's :class:`~nnviz.core.guides.GuideProgress` of the current
lesson and fills a :class:`~nnviz.core.guides.LessonFacts` from the lesson model's public state
whenever something a check reads changes (an edit, a snapshot, a row, a neuron, η, the open
panels); the current step's task is evaluated and ``guide_changed`` goes out.  Entering a step
applies its ``set``: a reset, the weights (one undoable edit through the model, so Ctrl+Z
works), the input row; the panels and controls it names are *requested* with signals that the
shell honours (the model knows no windows).  The student may leave the guide (:meth:`leave`)
and play freely; :meth:`resume` returns to the same step.  The progress of each lesson is
kept in the settings (``guides/<lesson>``: the step and the tasks done, as JSON): reopening
the lesson resumes at that step; :meth:`restart` starts the guide again from its first step.

Signals
-------
guide_changed()            a guide was opened (or the lesson has none), or the status changed
step_changed(int)          the current step's index changed (its ``set`` was applied)
panels_requested(object)   tuple of panel names to show (``guides.PANEL_TITLES``)
controls_requested(object) tuple of control names enabled, or None: the lesson's own controls
active_changed(bool)       the guide was left (False) or resumed (True)
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Signal

from nnviz.core.guides import (
    Guide,
    GuideError,
    GuideProgress,
    LessonFacts,
    StepStatus,
    bias_name,
    guide_for,
    weight_name,
)
from nnviz.ui.common.settings import settings

SETTINGS_GROUP = "guides"  # guides/<lesson id> = GuideProgress.to_dict() as JSON


class GuideState(QObject):
    guide_changed = Signal()
    step_changed = Signal(int)
    panels_requested = Signal(object)
    controls_requested = Signal(object)
    active_changed = Signal(bool)

    def __init__(self, model: Any, explained: Any = None, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else model)
        self.model = model
        self.explained = explained  # ExplainedStepState (its furthest phase is a fact)
        self.guide: Guide | None = None
        self.progress: GuideProgress | None = None
        self.status: StepStatus | None = None
        self.error = ""  # why the lesson's guide could not be read
        self.active = True
        self.open_panels: frozenset[str] = frozenset()
        self.traced: str | None = None
        self.drawn_input: np.ndarray | None = None  # the draw pad's network input
        self.drawn_prediction: int | None = None
        self.evaluated_accuracy: float | None = None  # the MNIST evaluator's test accuracy
        self.edits: set[str] = set()
        self._names: dict[int, str] | None = None  # flat parameter index -> "W1[0,1]"
        self._stack_index = model.undo_stack.index()
        self._initial_loss: float | None = None
        self._applying = False
        model.preset_changed.connect(self._on_preset_changed)
        model.network_changed.connect(self._on_network_changed)
        for sig in (model.weights_changed, model.input_changed, model.data_changed,
                    model.run.hyper_changed, model.history.runs_changed):
            sig.connect(self.reevaluate)
        model.neuron_selected.connect(lambda *_: self.reevaluate())
        model.run.playing_changed.connect(lambda *_: self.reevaluate())
        model.run.snapshot_shown.connect(self._on_snapshot)
        model.run.run_reset.connect(self._on_run_reset)
        model.undo_stack.indexChanged.connect(self._on_undo_index)
        if explained is not None:
            explained.item_changed.connect(lambda *_: self.reevaluate())
        if model.preset is not None:
            self._on_preset_changed(model.preset)

    # -- the lesson's guide ---------------------------------------------------------------
    def _on_preset_changed(self, preset: Any) -> None:
        self.guide = self.progress = self.status = None
        self.error = ""
        self.active = True
        self._initial_loss = None
        try:
            own = getattr(self.model, "lesson_guide", None)  # a lesson file's own guide
            self.guide = own if own is not None else (
                guide_for(preset.id) if preset is not None else None)
        except GuideError as e:
            self.error = str(e)
        self.traced = self.drawn_input = self.drawn_prediction = None
        self.evaluated_accuracy = None
        if self.guide is not None and len(self.guide):
            self.progress = self._saved_progress(self.guide)
            if self._fresh_lesson():
                self._enter_step()
            else:  # a file or restored work: its weights stay; the guide waits to be resumed
                self.active = False
                self.active_changed.emit(False)
                self.controls_requested.emit(None)
                self.guide_changed.emit()
        else:
            self.controls_requested.emit(None)
            self.guide_changed.emit()

    def reload(self) -> None:
        """Take the lesson's guide again (an instructor attached one: ``model.lesson_guide``)."""
        self._on_preset_changed(self.model.preset)

    # -- progress kept per lesson ---------------------------------------------------------
    @staticmethod
    def _key(guide: Guide) -> str:
        return f"{SETTINGS_GROUP}/{guide.lesson}"

    def _saved_progress(self, guide: Guide) -> GuideProgress:
        """The lesson's progress from the settings (a fresh one when none or unreadable)."""
        raw = settings().value(self._key(guide), "")
        if isinstance(raw, str) and raw:
            try:
                return GuideProgress.from_dict(guide, json.loads(raw))
            except (ValueError, GuideError):  # a damaged entry: start the guide again
                pass
        return GuideProgress(guide)

    def save_progress(self) -> None:
        """Keep where the student is (the step and the tasks done) for the next time."""
        if self.progress is not None:
            settings().setValue(self._key(self.progress.guide),
                                json.dumps(self.progress.to_dict()))

    def restart(self) -> None:
        """Start the guide again from its first step, every task to do again."""
        if self.guide is None or self.progress is None:
            return
        self.progress = GuideProgress(self.guide)
        settings().remove(self._key(self.guide))
        if not self.active:
            self.active = True
            self.active_changed.emit(True)
        self._enter_step()

    def _fresh_lesson(self) -> bool:
        """Is the lesson on screen as it opens (not a model file, not restored work)?"""
        m = self.model
        if m.file_path or m.network is None:
            return False
        try:
            initial = m.preset.build_network(str(m.network.dtype))
        except (ValueError, OSError):
            return False
        return initial.params.shape == m.network.params.shape \
            and bool(np.array_equal(initial.params, m.network.params))

    def _on_network_changed(self) -> None:
        self._names = None

    @property
    def has_guide(self) -> bool:
        return self.progress is not None

    # -- navigation -----------------------------------------------------------------------
    # (while the guide is left, it waits: nothing moves until it is resumed)
    def next(self) -> bool:
        return self._ready() and self._moved(self.progress.next())  # type: ignore[union-attr]

    def back(self) -> bool:
        return self._ready() and self._moved(self.progress.back())  # type: ignore[union-attr]

    def go_to(self, i: int) -> bool:
        return self._ready() and self._moved(self.progress.go_to(i))  # type: ignore[union-attr]

    def open_step(self, i: int) -> bool:
        """Go to step ``i`` whatever is done (an instructor looks at the step they edited).
        A guide that was left stays left: its step is shown and applied when resumed."""
        if self.progress is None or not self.progress.go_to(i, force=True):
            return False
        if self.active:
            self._enter_step()
        else:
            self.save_progress()
            self.step_changed.emit(self.progress.index)
            self.guide_changed.emit()
        return True

    def _ready(self) -> bool:
        return self.progress is not None and self.active

    def _moved(self, changed: bool) -> bool:
        if changed:
            self._enter_step()
        return changed

    def leave(self) -> None:
        """Play freely: the lesson's own controls come back; the progress waits."""
        if self.active and self.progress is not None:
            self.active = False
            self.controls_requested.emit(None)
            self.active_changed.emit(False)
            self.guide_changed.emit()

    def resume(self) -> None:
        """Back to the guide's current step (its state is applied again)."""
        if not self.active and self.progress is not None:
            self.active = True
            self.active_changed.emit(True)
            self._enter_step()

    def _enter_step(self) -> None:
        assert self.progress is not None
        state = self.progress.step.state
        m = self.model
        self._applying = True
        try:
            if state.reset and m.run.kind:
                m.run.reset()
            if state.weights and m.network is not None:
                target = m.network.copy()
                try:
                    state.apply_weights(target)
                except (ValueError, IndexError) as e:
                    m.status_posted.emit(self.tr("The guide's weights do not fit: {e}")
                                         .format(e=e))
                else:
                    idx = np.flatnonzero(target.params != m.network.params)
                    was_clean = m.undo_stack.isClean()
                    if idx.size:
                        m.edit(idx, target.params[idx], self.tr("Guide: {step}").format(
                            step=self.progress.step.title.en))
                    if was_clean:  # the guide's weights are not the student's unsaved work
                        m.undo_stack.setClean()
            if state.input_row is not None:
                m.select_sample(state.input_row)
        finally:
            self._applying = False
        self.edits.clear()  # what the step itself wrote is not the student's edit
        if state.panels is not None:
            self.panels_requested.emit(tuple(state.panels))
        self.controls_requested.emit(None if state.controls is None else tuple(state.controls))
        self.step_changed.emit(self.progress.index)
        self.reevaluate()
        self.save_progress()

    # -- facts ----------------------------------------------------------------------------
    def set_open_panels(self, names: Any) -> None:
        """The shell reports which panels are visible (for ``panel_open`` checks)."""
        names = frozenset(names)
        if names != self.open_panels:
            self.open_panels = names
            self.reevaluate()

    def set_traced(self, name: str | None) -> None:
        """The parameter the student traces in the chain-rule tracer ("W1[0,1]")."""
        if name != self.traced:
            self.traced = name
            self.reevaluate()

    def set_drawn(self, network_input: Any, prediction: int | None) -> None:
        """The draw pad's digit as the network reads it (None: the pad is empty)."""
        self.drawn_input = None if network_input is None \
            else np.array(network_input, dtype=float)
        self.drawn_prediction = prediction
        self.reevaluate()

    def set_evaluated_accuracy(self, accuracy: float | None) -> None:
        """The test accuracy of the weights on screen (the MNIST evaluator; None: stale)."""
        self.evaluated_accuracy = None if accuracy is None else float(accuracy)
        self.reevaluate()

    def _on_snapshot(self, snap: Any) -> None:
        if self._initial_loss is None and snap is not None and np.isfinite(snap.train_loss):
            self._initial_loss = float(snap.train_loss)
        self.reevaluate()

    def _on_run_reset(self) -> None:
        self._initial_loss = None
        self.reevaluate()

    def _on_undo_index(self, index: int) -> None:
        grew, self._stack_index = index > self._stack_index, index
        if grew and not self._applying and index > 0:
            cmd = self.model.undo_stack.command(index - 1)
            names = self._param_names()
            for k in np.asarray(getattr(cmd, "idx", ()), dtype=np.intp):
                if int(k) in names:
                    self.edits.add(names[int(k)])
        self.reevaluate()

    def _param_names(self) -> dict[int, str]:
        if self._names is None:
            m, names = self.model, {}
            net = m.network
            for layer, W in enumerate(net.W if net is not None else ()):
                for i, j in np.ndindex(*W.shape):
                    names[m.w_index(layer, i, j)] = weight_name(layer, i, j)
                if net.b[layer] is not None:
                    for j in range(W.shape[1]):
                        names[m.b_index(layer, j)] = bias_name(layer, j)
            self._names = names
        return self._names

    def facts(self) -> LessonFacts:
        """What the app knows now (the input of the current step's check)."""
        m, run = self.model, self.model.run
        snap, spec = run.last, run.spec
        samples = m.samples
        start = run.start_spec if run.start_spec is not None else spec
        tests = [e.test_acc for e in run.evals if getattr(e, "test_acc", None) is not None]
        if self.evaluated_accuracy is not None:
            tests.append(self.evaluated_accuracy)
        phase = self.explained.furthest if self.explained is not None else None
        return LessonFacts(
            network=m.network,
            inputs=samples.X if samples is not None else None,
            targets=samples.T if samples is not None else None,
            epoch=run.epoch, samples_seen=run.samples_seen,
            accuracy=None if snap is None else snap.train_acc,
            loss=None if snap is None else snap.train_loss,
            initial_loss=self._initial_loss,
            test_accuracy=tests[-1] if tests else None,
            lr=None if spec is None else spec.lr,
            lr_at_start=None if start is None else start.lr,
            running=run.playing,
            optimizer=spec.optimizer if spec is not None else "",
            loss_name=spec.loss if spec is not None else "",
            edits=frozenset(self.edits),
            selected_row=m.sample_index if m.sample_index >= 0 else None,
            selected_neuron=m.selected if m.selected[0] >= 0 else None,
            explain_phase=None if phase is None else str(phase.value),
            traced=self.traced,
            drawn_input=self.drawn_input, drawn_prediction=self.drawn_prediction,
            grad_norms=() if snap is None else snap.grad_norms,
            compared_runs=len(m.history.runs()),
            open_panels=self.open_panels)

    def reevaluate(self) -> None:
        """Evaluate the current step's task again and tell the views."""
        if self.progress is None or self._applying:
            return
        done = len(self.progress.done)
        self.status = self.progress.evaluate(self.facts())
        if len(self.progress.done) != done:
            self.save_progress()
        self.guide_changed.emit()
