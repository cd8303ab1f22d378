"""Hyper-parameters of the run: learning rate, optimizer and its parameters, batch size, epochs,
loss, and per layer the activation, size and initialisation, plus the seed.

Learning rate, optimizer (and its parameters), batch size and epochs apply between steps without
a reset.  Loss, activations, layer sizes, init scheme and seed need a new run: they are collected
until the student presses "Apply and reset", and the panel says so.  A perceptron lesson shows
only η, epochs, init and seed (its rule has no optimizer, loss or batch; docs/ux.md).

Signals: none (the panel calls the lesson's training session and follows ``hyper_changed``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.nn.spec import (
    ACTIVATION_NAMES,
    INIT_NAMES,
    LOSS_NAMES,
    MAX_BATCH,
    MAX_EPOCHS,
    MAX_UNITS,
    OPTIMIZER_DEFAULTS,
    OPTIMIZER_NAMES,
    SpecError,
)
from nnviz.ui.common.formatting import NumberError, fmt_full, parse_number
from nnviz.ui.common.names import activation_name, loss_name, optimizer_name
from nnviz.ui.model.spec_checks import lr_problem, network_problem

if TYPE_CHECKING:
    from nnviz.ui.model.lesson_model import LessonModel


class NumberEdit(QLineEdit):
    """A line edit for one finite float; ``value_edited(float)`` when the user commits one."""

    value_edited = Signal(float)
    value_refused = Signal(float)  # a number at or below ``low`` was typed (and undone)

    def __init__(self, value: float = 0.0, low: float = 0.0, parent=None):
        super().__init__(parent)
        self.low = low
        self._value = value
        self.set_value(value)
        self.editingFinished.connect(self._on_editing_finished)

    def value(self) -> float:
        return self._value

    def set_value(self, v: float) -> None:
        self._value = float(v)
        self.setText(fmt_full(v))

    def _on_editing_finished(self):
        try:
            v = parse_number(self.text())
        except NumberError:
            v = None
        if v is None or v <= self.low:
            self.set_value(self._value)  # refuse: back to the last good value
            if v is not None:
                self.value_refused.emit(v)
            return
        if v != self._value:
            self._value = v
            self.value_edited.emit(v)


class HyperPanel(QWidget):
    def __init__(self, lesson: LessonModel, parent=None):
        super().__init__(parent)
        self.lesson = lesson
        self.run = lesson.run
        # applied between steps
        self.run_box = QGroupBox(self.tr("Applied at the next step"))
        run = QFormLayout(self.run_box)
        self.lr = NumberEdit(0.1)
        self.lr.setToolTip(self.tr("Learning rate η: how far each update moves the weights "
                              "(W ← W − η·∂L/∂W)"))
        self.lr.setToolTip(self.lr.toolTip() + "\n" + self.tr("Allowed: greater than 0, at "
                                                            "most 1000."))
        self.lr.value_edited.connect(self._on_lr_value_edited)
        self.lr.value_refused.connect(self._on_lr_value_edited)
        self.lr_label = QLabel(self.tr("learning rate η"))
        run.addRow(self.lr_label, self.lr)
        self.optimizer = QComboBox()
        for name in OPTIMIZER_NAMES:
            self.optimizer.addItem(optimizer_name(name), name)
        self.optimizer.setToolTip(self.tr("How the gradient becomes an update; switching starts "
                                          "the optimizer's memory fresh and sets its handout "
                                          "default learning rate"))
        self.optimizer.activated.connect(self._on_optimizer_activated)
        self.optimizer_label = QLabel(self.tr("optimizer"))
        run.addRow(self.optimizer_label, self.optimizer)
        self.opt_params = QWidget()
        self.opt_form = QFormLayout(self.opt_params)
        self.opt_form.setContentsMargins(12, 0, 0, 0)
        run.addRow(self.opt_params)
        self.param_edits: dict[str, NumberEdit] = {}
        self.batch = QSpinBox()
        self.batch.setRange(1, MAX_BATCH)
        self.batch.setToolTip(self.tr("Samples per update (1 = one sample at a time, the "
                                      "course's way)"))
        self.batch.editingFinished.connect(lambda: self.run.set_batch_size(self.batch.value()))
        self.batch_label = QLabel(self.tr("batch size"))
        run.addRow(self.batch_label, self.batch)
        self.epochs = QSpinBox()
        self.epochs.setRange(1, MAX_EPOCHS)
        self.epochs.setToolTip(self.tr("Passes over the training set (epochs, the handout's "
                                       "rounds)"))
        self.epochs.editingFinished.connect(lambda: self.run.set_epochs(self.epochs.value()))
        run.addRow(self.tr("epochs"), self.epochs)
        # needs a new run
        self.net_box = QGroupBox(self.tr("Needs a reset (new run)"))
        self.net_form = QFormLayout(self.net_box)
        self.loss = QComboBox()
        for name in LOSS_NAMES:
            self.loss.addItem(loss_name(name), name)
        self.loss.setToolTip(self.tr("The loss the gradient comes from: mse, binary or categorical "
                                "cross-entropy"))
        self.loss.activated.connect(self._mark_pending)
        self.loss_label = QLabel(self.tr("loss"))
        self.net_form.addRow(self.loss_label, self.loss)
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setToolTip(self.tr("Seed of the random initial weights: the same seed gives the "
                                "same weights"))
        self.seed.valueChanged.connect(self._mark_pending)
        self.net_form.addRow(self.tr("seed"), self.seed)
        self.layers_widget = QWidget()
        self.layers_form = QFormLayout(self.layers_widget)
        self.layers_form.setContentsMargins(0, 0, 0, 0)
        self.net_form.addRow(self.layers_widget)
        self.layer_rows: list[tuple[QSpinBox, QComboBox, QComboBox]] = []
        self.pending_note = QLabel()
        self.pending_note.setWordWrap(True)
        self.pending_note.setStyleSheet("color: #b35900")
        self.apply_button = QPushButton(self.tr("Apply and reset"))
        self.apply_button.setToolTip(self.tr("Start a new run with these settings (new initial "
                                        "weights; curves start again)"))
        self.apply_button.clicked.connect(self.apply_pending)
        self.net_form.addRow(self.pending_note)
        self.net_form.addRow(self.apply_button)
        self.note = QLabel()
        self.note.setWordWrap(True)
        # the main window's dock scrolls it when the dock is short
        lay = QVBoxLayout(self)
        lay.addWidget(self.note)
        lay.addWidget(self.run_box)
        lay.addWidget(self.net_box)
        lay.addStretch(1)
        self.run.hyper_changed.connect(self.refresh)
        lesson.network_changed.connect(self.refresh)
        self.refresh()

    # -- session → view -------------------------------------------------------------------
    def refresh(self):
        s, net = self.run.spec, self.lesson.network
        trains = s is not None and net is not None
        # a lesson without training shows the note only: never another lesson's η or epochs
        self.note.setText("" if trains else self.tr("This lesson has nothing to train."))
        self.note.setVisible(not trains)
        self.run_box.setVisible(trains)
        self.net_box.setVisible(trains)
        if not trains:
            return
        perceptron = self.run.kind == "perceptron"
        for w in (self.optimizer, self.optimizer_label, self.opt_params, self.batch,
                  self.batch_label, self.loss, self.loss_label):
            w.setVisible(not perceptron)
        self.lr.set_value(s.lr)
        self.optimizer.setCurrentIndex(self.optimizer.findData(s.optimizer))
        self._build_optimizer_params(s)
        self.batch.setValue(s.batch_size)
        self.epochs.setValue(s.epochs)
        widgets = [self.loss, self.seed]
        for w in widgets:
            w.blockSignals(True)
        self.loss.setCurrentIndex(self.loss.findData(s.loss))
        self.seed.setValue(int(net.spec.seed))
        for w in widgets:
            w.blockSignals(False)
        self._build_layers(net.spec, perceptron)
        self._set_pending(False)

    def _build_optimizer_params(self, s):
        while self.opt_form.rowCount():
            self.opt_form.removeRow(0)
        self.param_edits = {}
        tips = {"momentum": self.tr("Momentum: how much of the last update is kept"),
                "rho": self.tr("ρ: decay of the running average of squared gradients"),
                "beta1": self.tr("β₁: decay of the running average of gradients"),
                "beta2": self.tr("β₂: decay of the running average of squared gradients"),
                "eps": self.tr("ε: keeps the division finite")}
        for key, value in s.optimizer_params().items():
            e = NumberEdit(value, low=0.0 if key != "momentum" else -1e-300)
            e.setToolTip(tips.get(key, key) + self.tr(" (handout default {v})").format(
                v=fmt_full(OPTIMIZER_DEFAULTS[s.optimizer][key])))
            e.value_edited.connect(lambda v, k=key: self.run.set_optimizer_param(k, v))
            self.opt_form.addRow(key, e)
            self.param_edits[key] = e

    def _build_layers(self, spec, perceptron: bool):
        while self.layers_form.rowCount():
            self.layers_form.removeRow(0)
        self.layer_rows = []
        last = len(spec.layers) - 1
        for i, layer in enumerate(spec.layers):
            units = QSpinBox()
            units.setRange(1, MAX_UNITS)
            units.setValue(layer.units)
            units.setEnabled(i != last and not perceptron)
            units.setToolTip(self.tr("Neurons in this layer (the output layer's size is fixed by "
                                     "the data)"))
            act = QComboBox()
            for name in ACTIVATION_NAMES:
                if name != "softmax" or i == last:
                    act.addItem(activation_name(name), name)
            act.setCurrentIndex(act.findData(layer.activation))
            act.setEnabled(not perceptron)
            act.setToolTip(self.tr("Activation h of this layer: z = h(a)"))
            init = QComboBox()
            for name in INIT_NAMES:
                init.addItem(name, name)
            init.setCurrentIndex(init.findData(layer.init))
            init.setToolTip(self.tr("How this layer's initial weights are drawn"))
            for w in (units,):
                w.valueChanged.connect(self._mark_pending)
            for w in (act, init):
                w.activated.connect(self._mark_pending)
            row = QWidget()
            h = QFormLayout(row)
            h.setContentsMargins(0, 0, 0, 0)
            h.addRow(self.tr("units"), units)
            h.addRow(self.tr("activation"), act)
            h.addRow(self.tr("init"), init)
            self.layers_form.addRow(self.tr("layer {n}").format(n=i + 1), row)
            self.layer_rows.append((units, act, init))

    # -- view → session -------------------------------------------------------------------
    def _on_optimizer_activated(self, i: int):
        self.run.set_optimizer(self.optimizer.itemData(i))

    def _on_lr_value_edited(self, v: float):
        problem = lr_problem(v)
        if problem:
            self.lr.set_value(self.run.spec.lr if self.run.spec is not None else 0.1)
            self.lesson.edit_refused.emit(problem)
            return
        self.run.set_lr(v)

    def _mark_pending(self, *_):
        try:
            new = self.pending_network()
        except SpecError as exc:
            self._set_pending(False)
            self.pending_note.setText(str(exc))
            return
        self._set_pending(new != self.lesson.network.spec
                          or self.loss.currentData() != self.run.spec.loss)
        problem = network_problem(new)
        if problem:
            self.apply_button.setEnabled(False)
            self.pending_note.setText(problem)

    def _set_pending(self, pending: bool):
        self.apply_button.setEnabled(pending)
        self.pending_note.setText(self.tr("These changes need a new run: press \"Apply and "
                                          "reset\" (the weights start again).") if pending
                                  else "")

    def pending_network(self):
        """The NetworkSpec the fields describe."""
        spec = self.lesson.network.spec
        layers = tuple(replace(layer, units=u.value(), activation=a.currentData(),
                               init=n.currentData())
                       for layer, (u, a, n) in zip(spec.layers, self.layer_rows))
        return replace(spec, layers=layers, seed=self.seed.value())

    def apply_pending(self):
        try:
            new = self.pending_network()
        except SpecError as exc:
            self.lesson.edit_refused.emit(str(exc))
            return
        problem = network_problem(new)
        if problem:
            self.pending_note.setText(problem)
            self.lesson.edit_refused.emit(problem)
            return
        loss = self.loss.currentData()
        if loss != self.run.spec.loss:
            self.run.set_loss(loss)
        if new != self.lesson.network.spec:
            self.run.set_network(new)
        self._set_pending(False)


if __name__ == "__main__":
    import sys

    from nnviz.ui.preview import preview

    sys.exit(preview(HyperPanel, "xor-backprop-2", (320, 600)))
