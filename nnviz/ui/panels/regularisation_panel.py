"""Regularisation of the run: weight decay, dropout, early stopping, learning-rate schedule and,
for image lessons, data augmentation with a strip of augmented examples.

Everything but the validation split applies between steps through the lesson's
:class:`~nnviz.ui.model.training_run.TrainingRun` (``set_regularisation``), without a reset.  A new
validation split changes which samples are trained on, so it needs a new run: it is collected
until the student presses "Apply and restart" (``set_validation``), and the panel says so.
Perceptron lessons (the Rosenblatt rule has none of this) and lessons with nothing to train show a
note instead.

Signals: none (the panel calls the session and follows ``hyper_changed``/``snapshot_shown``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.train.schedules import SCHEDULE_DEFAULTS, lr_at
from nnviz.ui.common.formatting import fmt, fmt_full
from nnviz.ui.panels.augment_strip import image_side
from nnviz.ui.panels.hyper_panel import NumberEdit
from nnviz.ui.panels.regularisation_boxes import (
    NOT_NEGATIVE,
    ScheduleAndAugmentBoxes,
    form_layout,
    spin,
)

if TYPE_CHECKING:
    from nnviz.ui.model.lesson_model import LessonModel



class RegularisationPanel(ScheduleAndAugmentBoxes):
    """L1/L2, dropout, early stopping, schedule, augmentation.  Signals: none."""

    def __init__(self, lesson: LessonModel, parent=None):
        super().__init__(parent)
        self.lesson = lesson
        self.run = lesson.run
        self._syncing = False
        self._hidden = -1  # hidden layers the dropout fields were built for
        self._drop_same = True
        self.note = QLabel()
        self.note.setWordWrap(True)

        # -- weight decay and dropout ---------------------------------------------------------
        self.decay_box = QGroupBox(self.tr("Weight decay and dropout"))
        self.decay_box.setToolTip(self.tr("Keep the weights small or the neurons independent, so "
                                          "the network generalises instead of memorising"))
        form = form_layout(self.decay_box)
        self.l1 = NumberEdit(0.0, low=NOT_NEGATIVE)
        self.l1.setToolTip(self.tr("L1 decay λ₁: adds λ₁·sign(w) to each weight's gradient, "
                                   "pushing unneeded weights to exactly 0 (biases are not "
                                   "decayed). 0 = off"))
        self.l1.value_edited.connect(lambda v: self.run.set_regularisation(l1=v))
        self.l2 = NumberEdit(0.0, low=NOT_NEGATIVE)
        self.l2.setToolTip(self.tr("L2 decay λ₂ (weight decay): adds λ₂·w to each weight's "
                                   "gradient (loss + λ₂/2·|W|²), shrinking every weight a little "
                                   "at each update. 0 = off"))
        self.l2.value_edited.connect(lambda v: self.run.set_regularisation(l2=v))
        decay_row = QHBoxLayout()
        for text, w in ((self.tr("L1 λ₁"), self.l1), (self.tr("L2 λ₂"), self.l2)):
            lab = QLabel(text)
            lab.setToolTip(w.toolTip())
            decay_row.addWidget(lab)
            decay_row.addWidget(w)
        form.addRow(decay_row)
        self.same_rate = QCheckBox(self.tr("one dropout rate for all hidden layers"))
        self.same_rate.setChecked(True)
        self.same_rate.setToolTip(self.tr("Checked: one rate for every hidden layer; unchecked: "
                                          "a rate per hidden layer"))
        self.same_rate.toggled.connect(self._on_same_rate_toggled)
        form.addRow(self.same_rate)
        self.drop_widget = QWidget()
        self.drop_form = QFormLayout(self.drop_widget)
        self.drop_form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.drop_widget)
        self.drop_spins: list[QDoubleSpinBox] = []
        self.drop_note = QLabel()
        self.drop_note.setWordWrap(True)
        form.addRow(self.drop_note)

        # -- early stopping -------------------------------------------------------------------
        self.stop_box = QGroupBox(self.tr("Early stopping"))
        self.stop_box.setToolTip(self.tr("Hold out part of the training set, watch its loss, and "
                                         "stop when it no longer improves"))
        form = form_layout(self.stop_box)
        self.split = QSpinBox()
        self.split.setRange(0, 49)
        self.split.setSuffix(" %")
        self.split.setSpecialValueText(self.tr("none"))
        self.split.setKeyboardTracking(False)
        self.split.setToolTip(self.tr("Share of the training samples held out for validation: "
                                      "never trained on, shown as the validation curve. Changing "
                                      "it restarts the run"))
        self.split.valueChanged.connect(self._on_split_changed)
        split_label = QLabel(self.tr("validation split"))
        split_label.setToolTip(self.split.toolTip())
        form.addRow(split_label, self.split)
        self.patience = QSpinBox()
        self.patience.setRange(0, 10_000)
        self.patience.setSpecialValueText(self.tr("off"))
        self.patience.setSuffix(self.tr(" epochs"))
        self.patience.setKeyboardTracking(False)
        self.patience.setToolTip(self.tr("Stop after this many epochs without a lower validation "
                                         "loss, and go back to the best epoch's weights (0 = off)"))
        self.patience.valueChanged.connect(self._on_patience_changed)
        patience_label = QLabel(self.tr("patience"))
        patience_label.setToolTip(self.patience.toolTip())
        form.addRow(patience_label, self.patience)
        self.split_note = QLabel()
        self.split_note.setWordWrap(True)
        self.split_note.setStyleSheet("color: #b35900")
        form.addRow(self.split_note)
        self.apply_split = QPushButton(self.tr("Apply and restart"))
        self.apply_split.setToolTip(self.tr("Hold out the new validation split and start the run "
                                            "again from its initial weights (the training set "
                                            "changes, so the curves start again)"))
        self.apply_split.clicked.connect(self.apply_validation)
        form.addRow(self.apply_split)

        self._build_schedule_box()
        self._build_augment_box(lesson)

        grid = QHBoxLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for w in (self.l1, self.l2, self.min_lr):
            w.setMaximumWidth(90)
        for b in (self.decay_box, self.stop_box, self.sched_box):
            b.setMaximumWidth(330)
            grid.addWidget(b, 0, Qt.AlignTop)
        grid.addWidget(self.aug_box, 0, Qt.AlignTop)
        grid.addStretch(1)
        # the main window's dock scrolls it when the dock is short
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 0, 4, 0)
        lay.setSpacing(2)
        lay.addWidget(self.note)
        lay.addLayout(grid)
        lay.addStretch(1)
        self.run.hyper_changed.connect(self.refresh)
        self.run.snapshot_shown.connect(self._on_run_snapshot_shown)
        self.run.run_reset.connect(self._show_lr)
        lesson.network_changed.connect(self.refresh)
        self.refresh()

    # -- run → view -------------------------------------------------------------------
    @property
    def image_lesson(self) -> bool:
        net = self.lesson.network
        return net is not None and image_side(net.spec.inputs) > 0

    def refresh(self):
        spec, net = self.run.spec, self.lesson.network
        usable = spec is not None and net is not None and self.run.kind == "backprop"
        for b in (self.decay_box, self.stop_box, self.sched_box, self.aug_box):
            b.setVisible(usable)
        self.aug_box.setVisible(usable and self.image_lesson)
        if spec is None or net is None:
            self.note.setText(self.tr("This lesson has nothing to train."))
        elif self.run.kind == "perceptron":
            self.note.setText(self.tr("The perceptron's learning rule has no regularisation, "
                                      "schedule or augmentation: they come with backpropagation."))
        else:
            self.note.setText("")
        if not usable:
            return
        self._syncing = True
        try:
            self.l1.set_value(spec.l1)
            self.l2.set_value(spec.l2)
            self._build_dropout(spec, len(net.spec.layers))
            self.split.setValue(int(round(spec.validation_split * 100)))
            self.patience.setValue(int(spec.early_stopping))
            self._update_split_note()
            self.schedule.setCurrentIndex(self.schedule.findData(spec.schedule))
            params = dict(SCHEDULE_DEFAULTS[spec.schedule])
            params.update(spec.schedule_params)
            for key, (lab, w) in self.param_rows.items():
                shown = key in params
                lab.setVisible(shown)
                w.setVisible(shown)
                if not shown:
                    continue
                if isinstance(w, NumberEdit):
                    w.set_value(params[key])
                else:
                    w.setValue(params[key])
            aug = spec.augment
            self.rotate.setValue(float(aug.get("rotate", 0.0)))
            self.shift.setValue(float(aug.get("shift", 0.0)))
            self.noise.setValue(float(aug.get("noise", 0.0)))
        finally:
            self._syncing = False
        if self.image_lesson:
            self.strip.set_augment(spec.augment)
        self._show_lr()

    def _build_dropout(self, spec, n_layers: int):
        """One spin box for every hidden layer, or one for all; rebuilt only when that changes
        (never while one of them is emitting: its change comes back here through the session)."""
        rates = spec.dropout_rates(n_layers)[:-1]  # hidden layers (the output never drops)
        hidden = n_layers - 1
        same = len(set(rates)) <= 1 and (self.same_rate.isChecked() or hidden != self._hidden)
        self._hidden = hidden
        self.same_rate.blockSignals(True)
        self.same_rate.setChecked(same)
        self.same_rate.blockSignals(False)
        self.same_rate.setVisible(hidden > 1)
        self.drop_note.setText(self.tr("No hidden layer: nothing to drop out.") if not hidden
                               else "")
        n_spins = min(hidden, 1) if same else hidden
        if len(self.drop_spins) != n_spins or self._drop_same != same:
            while self.drop_form.rowCount():
                self.drop_form.removeRow(0)
            self.drop_spins = []
            for i in range(n_spins):
                w = spin(0.0, 0.95, 0.05)
                w.setToolTip(self.tr("Dropout rate p: during training each output of this layer "
                                     "is set to 0 with probability p (the others are scaled by "
                                     "1/(1−p)); never when evaluating. 0 = off"))
                w.valueChanged.connect(self._on_dropout_changed)
                label = (self.tr("dropout, all hidden layers") if same and hidden > 1 else
                         self.tr("dropout, hidden layer {n}").format(n=i + 1))
                lab = QLabel(label)
                lab.setToolTip(w.toolTip())
                self.drop_form.addRow(lab, w)
                self.drop_spins.append(w)
            self._drop_same = same
        for w, r in zip(self.drop_spins, rates):
            w.blockSignals(True)
            w.setValue(r)
            w.blockSignals(False)

    def _on_run_snapshot_shown(self, snap):
        self._show_lr(snap.lr)

    def current_lr(self) -> float:
        """The learning rate of the current epoch under the schedule (no run: its first)."""
        s = self.run.spec
        if s is None:
            return float("nan")
        return lr_at(s.schedule, s.lr, self.run.epoch, s.epochs, **s.schedule_params)

    def _show_lr(self, lr: float | None = None):
        if self.run.spec is None:
            self.lr_now.setText("")
            return
        if lr is None or not np.isfinite(lr):
            lr = self.current_lr()
        self.lr_now.setText(self.tr("η now: {lr} (epoch {e})").format(
            lr=fmt(lr), e=self.run.epoch + 1))
        self.lr_now.setToolTip(self.tr("The learning rate the next updates use (live while "
                                       "training): {v}").format(v=fmt_full(lr)))

    def _update_split_note(self):
        pending = self.pending_split() != self.run.spec.validation_split
        self.apply_split.setEnabled(pending)
        if pending:
            self.split_note.setText(self.tr("A new validation split changes the training set: "
                                            "press \"Apply and restart\" (the run starts again)."))
        elif self.patience.value() and not self.split.value():
            self.split_note.setText(self.tr("Early stopping needs a validation split."))
        else:
            self.split_note.setText("")

    # -- view → session -------------------------------------------------------------------
    def pending_split(self) -> float:
        return self.split.value() / 100.0

    def apply_validation(self):
        self.run.set_validation(self.pending_split(), self.patience.value())
        self._update_split_note()

    def _on_split_changed(self, _v):
        if not self._syncing:
            self._update_split_note()

    def _on_patience_changed(self, v: int):
        if self._syncing:
            return
        self.run.set_regularisation(early_stopping=int(v))
        self._update_split_note()

    def _on_same_rate_toggled(self, same: bool):
        if self._syncing or self.run.spec is None:
            return
        rates = self.run.spec.dropout_rates(len(self.lesson.network.spec.layers))[:-1]
        if same and rates and len(set(rates)) > 1:
            self.run.set_regularisation(dropout=float(rates[0]))  # refresh() rebuilds the fields
            return
        self._build_dropout(self.run.spec, len(self.lesson.network.spec.layers))

    def dropout_value(self):
        """The dropout the fields describe: one rate, or a tuple of rates per hidden layer."""
        if len(self.drop_spins) == 1 and self.same_rate.isChecked():
            return float(self.drop_spins[0].value())
        return tuple(float(w.value()) for w in self.drop_spins)

    def _on_dropout_changed(self, _v):
        if not self._syncing:
            self.run.set_regularisation(dropout=self.dropout_value())

    def _on_schedule_activated(self, i: int):
        name = self.schedule.itemData(i)
        self.run.set_regularisation(schedule=name, schedule_params=dict(SCHEDULE_DEFAULTS[name]))

    def _set_schedule_param(self, key: str, value):
        if self._syncing or self.run.spec is None:
            return
        params = dict(SCHEDULE_DEFAULTS[self.run.spec.schedule])
        params.update(self.run.spec.schedule_params)
        if key not in params:
            return
        params[key] = value
        self.run.set_regularisation(schedule_params=params)

    def augment_value(self) -> dict:
        """The augmentation the fields describe (zero settings left out)."""
        aug = {"rotate": self.rotate.value(), "shift": self.shift.value(),
               "noise": self.noise.value()}
        return {k: float(v) for k, v in aug.items() if v}

    def _on_augment_changed(self, _v):
        if self._syncing:
            return
        aug = self.augment_value()
        self.strip.set_augment(aug)
        self.run.set_regularisation(augment=aug)


if __name__ == "__main__":
    import sys

    from nnviz.ui.preview import preview

    sys.exit(preview(RegularisationPanel, "optimizers", (1100, 330)))
