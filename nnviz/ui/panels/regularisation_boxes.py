"""The regularisation panel's learning-rate schedule and augmentation boxes, and its spin boxes.

:class:`ScheduleAndAugmentBoxes` is the base of
:class:`~nnviz.ui.panels.regularisation_panel.RegularisationPanel` (its strings keep the
panel's translation context).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.train.schedules import SCHEDULES
from nnviz.ui.panels.augment_strip import AugmentStrip
from nnviz.ui.panels.hyper_panel import NumberEdit

NOT_NEGATIVE = -1e-300  # NumberEdit refuses values <= low: this lets 0 through


def _tr(text: str) -> str:
    return QCoreApplication.translate("RegularisationPanel", text)  # the panel's context


def spin(low, high, step, decimals=2, suffix="") -> QDoubleSpinBox:
    w = QDoubleSpinBox()
    w.setRange(low, high)
    w.setSingleStep(step)
    w.setDecimals(decimals)
    w.setSuffix(suffix)
    w.setKeyboardTracking(False)  # typed values apply on Enter / focus out, not per keystroke
    return w


def form_layout(box) -> QFormLayout:
    """A tight form: the panel lives in a short bottom dock."""
    form = QFormLayout(box)
    form.setContentsMargins(6, 2, 6, 2)
    form.setVerticalSpacing(2)
    return form


class ScheduleAndAugmentBoxes(QWidget):
    """Builds ``sched_box`` and ``aug_box`` (the panel connects and refreshes them)."""

    def _build_schedule_box(self) -> None:
        # -- learning-rate schedule -----------------------------------------------------------
        self.sched_box = QGroupBox(_tr("Learning-rate schedule"))
        self.sched_box.setToolTip(_tr("How the learning rate changes from epoch to epoch; "
                                          "the base rate η is set under Hyper-parameters"))
        form = form_layout(self.sched_box)
        self.schedule = QComboBox()
        names = {"constant": _tr("constant: η"),
                 "step": _tr("step decay: η·γ^⌊e/s⌋"),
                 "exponential": _tr("exponential: η·γ^e"),
                 "cosine": _tr("cosine: down to η_min")}
        for name in SCHEDULES:
            self.schedule.addItem(names.get(name, name), name)
        self.schedule.setToolTip(_tr("Learning rate of epoch e: constant, divided by γ every s "
                                         "epochs, multiplied by γ every epoch, or half a cosine "
                                         "from η to η_min over the run"))
        self.schedule.activated.connect(self._on_schedule_activated)
        sched_label = QLabel(_tr("schedule"))
        sched_label.setToolTip(self.schedule.toolTip())
        form.addRow(sched_label, self.schedule)
        self.step_size = QSpinBox()
        self.step_size.setRange(1, 10_000)
        self.step_size.setKeyboardTracking(False)
        self.step_size.setToolTip(_tr("s: the learning rate is multiplied by γ every s epochs"))
        self.step_size.valueChanged.connect(
            lambda v: self._set_schedule_param("step_size", int(v)))
        self.gamma = spin(0.01, 1.0, 0.05, decimals=3)
        self.gamma.setToolTip(_tr("γ: the factor applied at each decay (1 = no decay)"))
        self.gamma.valueChanged.connect(lambda v: self._set_schedule_param("gamma", float(v)))
        self.min_lr = NumberEdit(0.0, low=NOT_NEGATIVE)
        self.min_lr.setToolTip(_tr("η_min: the learning rate at the last epoch"))
        self.min_lr.value_edited.connect(lambda v: self._set_schedule_param("min_lr", v))
        self.param_rows = {}
        for key, label, w in (("step_size", _tr("every s epochs"), self.step_size),
                              ("gamma", _tr("factor γ"), self.gamma),
                              ("min_lr", _tr("η_min"), self.min_lr)):
            lab = QLabel(label)
            lab.setToolTip(w.toolTip())
            form.addRow(lab, w)
            self.param_rows[key] = (lab, w)
        self.lr_now = QLabel()
        self.lr_now.setToolTip(_tr("The learning rate the next updates use (live while "
                                       "training)"))
        self.lr_now.setTextInteractionFlags(Qt.TextSelectableByMouse)
        form.addRow(self.lr_now)

    def _build_augment_box(self, lesson) -> None:
        # -- augmentation ---------------------------------------------------------------------
        self.aug_box = QGroupBox(_tr("Data augmentation (images)"))
        self.aug_box.setToolTip(_tr("Each epoch trains on new randomly moved and noisy "
                                        "copies of the images: more variety, same labels"))
        box = QVBoxLayout(self.aug_box)
        box.setContentsMargins(6, 2, 6, 2)
        box.setSpacing(2)
        row = QHBoxLayout()
        self.rotate = spin(0.0, 45.0, 5.0, decimals=0, suffix="°")
        self.rotate.setToolTip(_tr("Largest rotation: each image turns by a random angle "
                                       "within ± this"))
        self.shift = spin(0.0, 8.0, 0.5, decimals=1, suffix=_tr(" px"))
        self.shift.setToolTip(_tr("Largest shift: each image moves by a random amount within "
                                      "± this many pixels, across and down"))
        self.noise = spin(0.0, 1.0, 0.05, decimals=2)
        self.noise.setToolTip(_tr("Noise σ: Gaussian noise added to every pixel (in the "
                                      "inputs' units), then clipped to their range"))
        for label, w in ((_tr("rotation ±"), self.rotate), (_tr("shift ±"), self.shift),
                         (_tr("noise σ"), self.noise)):
            lab = QLabel(label)
            lab.setToolTip(w.toolTip())
            row.addWidget(lab)
            row.addWidget(w)
            w.valueChanged.connect(self._on_augment_changed)
        row.addStretch(1)
        box.addLayout(row)
        self.strip = AugmentStrip(lesson)
        box.addWidget(self.strip)
