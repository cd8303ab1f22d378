"""The run bar: play/pause, step sample/batch/epoch, reset, new random weights, speed, refresh
rate, stops.

A toolbar over the lesson's :class:`~nnviz.ui.model.training_run.TrainingRun`; it holds no state
of its own beyond what the session shows.  Shortcuts: Space play/pause, → step sample,
Shift+→ step batch, Ctrl+→ step epoch, Ctrl+R reset.

Signals: none (every action calls the session directly).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QSpinBox,
    QStyle,
    QToolBar,
)

from nnviz.ui.common.formatting import count
from nnviz.ui.common.interface_scale import interface_scale

if TYPE_CHECKING:
    from nnviz.ui.model.lesson_model import LessonModel

#: refresh choices: (unit, every); every 0 = only at the end
REFRESH = (("sample", 1), ("sample", 10), ("sample", 100), ("sample", 1000), ("batch", 1),
           ("epoch", 1), ("epoch", 10), ("epoch", 100), ("epoch", 0))
COMPACT_SCALE = 1.25  # from this text size on, the buttons show icons only


class RunControls(QToolBar):
    def __init__(self, lesson: LessonModel, parent=None):
        super().__init__(parent)
        self.setObjectName("toolbar_run")
        self.setWindowTitle(self.tr("Training"))
        self.lesson = lesson
        self.run = lesson.run
        self.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        st = self.style()
        self.act_play = self._action(self.tr("Play"), st.standardIcon(QStyle.SP_MediaPlay),
                                     self.run.toggle, "Space",
                                     self.tr("Train continuously / pause after the current step "
                                        "(Space)"))
        self.act_step_sample = self._action(
            self.tr("Sample"), st.standardIcon(QStyle.SP_MediaSeekForward),
            lambda: self.run.step("sample"), "Right",
            self.tr("Train on one sample and show what changed (→)"))
        self.act_step_batch = self._action(
            self.tr("Batch"), st.standardIcon(QStyle.SP_MediaSkipForward),
            lambda: self.run.step("batch"), "Shift+Right",
            self.tr("Train on one mini-batch: one update of the weights (Shift+→)"))
        self.act_step_epoch = self._action(
            self.tr("Epoch"), st.standardIcon(QStyle.SP_MediaSkipForward),
            lambda: self.run.step("epoch"), "Ctrl+Right",
            self.tr("Train on the rest of the epoch: every training sample once (Ctrl+→)"))
        self.act_reset = self._action(self.tr("Reset"), st.standardIcon(QStyle.SP_BrowserReload),
                                      self.run.reset, "Ctrl+R",
                                      self.tr("Back to this run's initial weights (the same ones, "
                                         "so runs can be compared) (Ctrl+R)"))
        self.act_new_init = self._action(self.tr("New random weights"),
                                         st.standardIcon(QStyle.SP_DialogResetButton),
                                         self._on_new_init_triggered, None,
                                         self.tr("Draw new random initial weights (the next seed) "
                                            "and reset"))
        self.addActions([self.act_play, self.act_step_sample, self.act_step_batch,
                         self.act_step_epoch])
        self.addSeparator()
        self.addActions([self.act_reset, self.act_new_init])
        self.addSeparator()
        self.speed = QSpinBox()
        self.speed.setRange(0, 5000)
        self.speed.setSingleStep(50)
        self.speed.setSuffix(self.tr(" ms"))
        self.speed.setPrefix(self.tr("delay "))
        self.speed.setToolTip(self.tr("Speed: pause after each shown step while playing (0 = as "
                                 "fast as possible)"))
        self.speed.valueChanged.connect(self._on_speed_changed)
        self.addWidget(self.speed)
        self.refresh = QComboBox()
        self.refresh.setToolTip(self.tr("Refresh rate: how often the views follow the training "
                                   "while playing (fewer refreshes = faster training)"))
        self.refresh.currentIndexChanged.connect(self._on_refresh_changed)
        self.addWidget(self.refresh)
        self.stop_epoch = QSpinBox()
        self.stop_epoch.setRange(1, 100_000)
        self.stop_epoch.setPrefix(self.tr("stop at epoch "))
        self.stop_epoch.setToolTip(self.tr("Playing stops after this many epochs"))
        self.stop_epoch.valueChanged.connect(self._on_stop_epoch_changed)
        self.addWidget(self.stop_epoch)
        self.stop_acc = QDoubleSpinBox()
        self.stop_acc.setRange(0, 100)
        self.stop_acc.setDecimals(1)
        self.stop_acc.setSingleStep(5)
        self.stop_acc.setSuffix(" %")
        self.stop_acc.setPrefix(self.tr("stop at accuracy "))
        self.stop_acc.setSpecialValueText(self.tr("stop at accuracy: off"))
        self.stop_acc.setToolTip(self.tr("Playing stops once the test accuracy reaches this "
                                    "(0 = off)"))
        self.stop_acc.valueChanged.connect(self._on_stop_acc_changed)
        self.addWidget(self.stop_acc)
        self.addSeparator()
        self.counters = QLabel()
        self.counters.setToolTip(self.tr("Completed epochs (rounds) and samples trained since the "
                                    "start (or the last reset)"))
        self._counters_action = self.addWidget(self.counters)
        self.run.hyper_changed.connect(self._on_session_hyper_changed)
        self.run.run_reset.connect(self._update_counters)
        self.run.snapshot_shown.connect(self._on_session_snapshot_shown)
        self.run.playing_changed.connect(self._on_session_playing_changed)
        self._full_width = 0  # px the bar needs with its texts (0: not measured)
        self._counters_width = 0  # px of that the counters take
        self._on_session_hyper_changed()
        scale = interface_scale()
        scale.changed.connect(self._on_interface_scale_changed)
        self._on_interface_scale_changed(scale.factor)

    def _on_interface_scale_changed(self, _factor: float) -> None:
        self._full_width = self._counters_width = 0  # measured again with the texts
        self._fit()

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Large text or a narrow window: first no counters (the live figures show them too),
        then icons only (the names in the tooltips), so the bar never overflows (1366 px at
        150 %, 1280 px at 100 %)."""
        compact = interface_scale().factor >= COMPACT_SCALE
        counters = not compact
        if not compact:
            if self.toolButtonStyle() == Qt.ToolButtonTextBesideIcon \
                    and self._counters_action.isVisible():
                self._full_width = self.sizeHint().width()
                spacing = max(0, self.layout().spacing())
                self._counters_width = self.counters.sizeHint().width() + spacing
            counters = not self._full_width > self.width() > 0
            compact = self._full_width - self._counters_width > self.width() > 0
        style = Qt.ToolButtonIconOnly if compact else Qt.ToolButtonTextBesideIcon
        if style != self.toolButtonStyle():
            self.setToolButtonStyle(style)
        self._counters_action.setVisible(self.run.trainable and counters)

    def _action(self, text, icon, slot, shortcut, tip) -> QAction:
        a = QAction(icon, text, self)
        a.triggered.connect(lambda _=False: slot())
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
            a.setShortcutContext(Qt.WindowShortcut)
        a.setToolTip(tip)
        a.setStatusTip(tip)
        return a

    def _refresh_text(self, unit: str, every: int) -> str:
        if every == 0:
            return self.tr("refresh: only at the end")
        names = {"sample": (self.tr("every sample"), self.tr("every {n} samples")),
                 "batch": (self.tr("every batch"), self.tr("every {n} batches")),
                 "epoch": (self.tr("every epoch"), self.tr("every {n} epochs"))}[unit]
        return self.tr("refresh: ") + (names[0] if every == 1 else names[1].format(n=every))

    # -- session → view -------------------------------------------------------------------
    def _on_session_hyper_changed(self):
        s = self.run
        on = s.trainable
        for w in (self.act_play, self.act_step_sample, self.act_step_batch, self.act_step_epoch,
                  self.act_reset, self.act_new_init):
            w.setEnabled(on)
        for w in (self.speed, self.refresh, self.stop_epoch, self.stop_acc):
            w.setEnabled(on)
        for a in self.actions():  # buttons, boxes, separators, counters
            a.setVisible(on)  # a lesson that does not train shows no greyed-out Play
        self._fit()  # the counters again if they fit
        self.act_step_batch.setVisible(on and s.kind != "perceptron")
        choices = list(REFRESH)
        cur = (s.play_unit, s.every)
        if cur not in choices:
            choices.append(cur)
        self.refresh.blockSignals(True)
        self.refresh.clear()
        for unit, every in choices:
            self.refresh.addItem(self._refresh_text(unit, every), (unit, every))
        self.refresh.setCurrentIndex(choices.index(cur))
        self.refresh.blockSignals(False)
        for w, v in ((self.speed, round(s.delay * 1000)),
                     (self.stop_epoch, s.last_epoch if s.spec else 1),
                     (self.stop_acc, 100 * (s.until_accuracy or 0.0))):
            w.blockSignals(True)
            w.setValue(v)
            w.blockSignals(False)
        self._update_counters()

    def _on_session_snapshot_shown(self, snap):
        self._update_counters()

    def _update_counters(self):
        s = self.run
        self.counters.setText(self.tr(" epoch {e} · samples {n} ").format(
            e=count(s.epoch), n=count(s.samples_seen)))

    def _on_session_playing_changed(self, playing: bool):
        st = self.style()
        self.act_play.setText(self.tr("Pause") if playing else self.tr("Play"))
        self.act_play.setIcon(st.standardIcon(QStyle.SP_MediaPause if playing
                                              else QStyle.SP_MediaPlay))

    # -- view → session -------------------------------------------------------------------
    def _on_new_init_triggered(self):
        self.run.new_init()

    def _on_speed_changed(self, ms: int):
        self.run.set_play_settings(delay=ms / 1000.0)

    def _on_refresh_changed(self, i: int):
        data = self.refresh.itemData(i)
        if data:
            self.run.set_play_settings(play_unit=data[0], every=int(data[1]))

    def _on_stop_epoch_changed(self, n: int):
        self.run.set_play_settings(until_epoch=int(n))

    def _on_stop_acc_changed(self, pct: float):
        self.run.set_play_settings(until_accuracy=pct / 100.0 if pct > 0 else None)


if __name__ == "__main__":
    import sys

    from nnviz.ui.preview import preview

    sys.exit(preview(RunControls, "xor-backprop-2", (1100, 40)))
