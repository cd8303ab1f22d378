"""Model file actions of the MNIST lessons: import pretrained weights, save/load a trained model.

"Import pretrained weights…" reads a pickled dict such as the book's ``sample_weight.pkl``
(W1, b1, W2, b2, W3, b3; sigmoid hidden layers, softmax output; handout 003) through the
restricted unpickler of :mod:`nnviz.core.io`: a file that asks to run anything is refused with
a message and nothing in it is executed.  Files are read off the GUI thread
(:mod:`nnviz.ui.common.file_reading`); a file that cannot be read leaves the lesson as it was.  The
network becomes the lesson's network and the 10,000 test images are classified in batches of
100; the accuracy is reported when done.

Signals
-------
imported(str)            a weight file became the current network (its path)
import_evaluated(float)  test accuracy of the imported network
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nnviz.core.io import ModelFileError, load_any_weights
from nnviz.ui.common.file_reading import read_in_background
from nnviz.ui.common.formatting import count, pct
from nnviz.ui.model.mnist_evaluator import Evaluator
from nnviz.ui.model.mnist_input import IMAGE_SIDE
from nnviz.ui.model.spec_checks import clean_network

if TYPE_CHECKING:
    from nnviz.ui.model.lesson_model import LessonModel


class ModelActions(QObject):
    imported = Signal(str)
    import_evaluated = Signal(float)

    def __init__(self, lesson: LessonModel, evaluator: Evaluator, parent_widget=None, parent=None):
        super().__init__(parent or parent_widget)
        self.lesson = lesson
        self.evaluator = evaluator
        self.widget = parent_widget  # parent of message boxes and file dialogs
        self.last_accuracy = float("nan")
        self.last_error = ""
        self._awaiting = False
        self.act_import = QAction(self.tr("Import pretrained weights…"), self)
        self.act_import.setToolTip(self.tr("Load a pickled dict of weights (W1, b1, W2, b2, …, "
                                           "like the book's sample_weight.pkl) safely and test "
                                           "it on the 10,000 test images"))
        self.act_import.triggered.connect(self.import_dialog)
        self.act_save = QAction(self.tr("Save trained model…"), self)
        self.act_save.setToolTip(self.tr("Save the network and its weights as an .npz file"))
        self.act_save.triggered.connect(self.save_dialog)
        self.act_load = QAction(self.tr("Load trained model…"), self)
        self.act_load.setToolTip(self.tr("Open a model saved by nnviz (.npz)"))
        self.act_load.triggered.connect(self.load_dialog)
        for a in self.actions():
            a.setStatusTip(a.toolTip())
        evaluator.evaluated.connect(self._on_evaluator_evaluated)
        evaluator.failed.connect(self._on_evaluator_failed)

    def actions(self) -> list[QAction]:
        return [self.act_import, self.act_save, self.act_load]

    # -- messages -------------------------------------------------------------------------
    def _warn(self, title: str, text: str) -> None:
        self.last_error = text
        QMessageBox.warning(self.widget, title, text)

    def _status(self, text: str) -> None:
        self.lesson.status_posted.emit(text)

    # -- import ---------------------------------------------------------------------------
    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.widget, self.tr("Import pretrained weights"), "",
            self.tr("Weight files (*.pkl *.pickle *.npz);;All files (*)"))
        if path:
            self.import_weights(path)

    def import_weights(self, path: str) -> bool:
        """Load ``path`` safely, make it the network, then evaluate it on the test images."""
        name = Path(path).name
        outcome = read_in_background(self.widget, path, lambda: _read_weights(path))
        if outcome.cancelled:
            return False
        if outcome.error:
            self._warn(self.tr("Weights not imported"),
                       self.tr("This file could not be read: {name}\n{why}\n\nNothing in the "
                               "file was run; the current lesson is unchanged.")
                       .format(name=name, why=outcome.error))
            return False
        net = outcome.value
        n = IMAGE_SIDE * IMAGE_SIDE
        if net.spec.inputs != n or net.spec.outputs != 10:
            self._warn(self.tr("Weights not imported"),
                       self.tr("{name} describes a network with {i} inputs and {o} outputs; "
                               "an MNIST network needs 784 inputs and 10 outputs.").format(
                           name=name, i=net.spec.inputs, o=net.spec.outputs))
            return False
        self._switch_to_import_lesson(path)
        self._awaiting = True
        self.lesson.replace_network(net)
        self.imported.emit(str(path))
        self._status(self.tr("Imported {name}: classifying the test images in batches of 100 …")
                     .format(name=name))
        if not self.evaluator.auto and self.evaluator.available():
            self.evaluator.evaluate()
        return True

    def _switch_to_import_lesson(self, path) -> None:
        """A pickled dict belongs to the lesson made for it (its inputs are x/255)."""
        if str(path).lower().endswith(".npz"):
            return
        presets = getattr(self.lesson, "presets", []) or []
        target = next((p for p in presets if p.view.get("import_weights")), None)
        if target is not None and target is not self.lesson.preset:
            self.lesson.set_preset(target)

    def _on_evaluator_evaluated(self, ev) -> None:
        if not self._awaiting or self.evaluator.result_network is not self.lesson.network:
            return
        self._awaiting = False
        self.last_accuracy = ev.accuracy
        self._status(self.tr("Test accuracy of the imported weights: {acc} ({p}, {k} of {n})")
                     .format(acc=f"{ev.accuracy:.4f}", p=pct(ev.accuracy, 2),
                             k=count(ev.cm.trace()), n=count(len(ev))))
        self.import_evaluated.emit(ev.accuracy)

    def _on_evaluator_failed(self, message) -> None:
        if self._awaiting:
            self._awaiting = False
            self._status(self.tr("The imported weights could not be evaluated: {m}")
                         .format(m=message))

    # -- save / load ----------------------------------------------------------------------
    def save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.widget, self.tr("Save trained model"),
                                              "mnist-model.npz",
                                              self.tr("nnviz model (*.npz)"))
        if path:
            self.save_model(path)

    def save_model(self, path: str) -> bool:
        if not str(path).lower().endswith(".npz"):
            path = f"{path}.npz"
        try:
            self.lesson.save(path)
        except (OSError, ModelFileError) as exc:
            self._warn(self.tr("Model not saved"),
                       self.tr("{path} could not be written: {why}").format(path=path, why=exc))
            return False
        return True

    def load_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.widget, self.tr("Load trained model"), "",
                                              self.tr("nnviz model (*.npz)"))
        if path:
            self.load_model(path)

    def load_model(self, path: str) -> bool:
        outcome = read_in_background(self.widget, path, lambda: _read_model(path))
        if outcome.cancelled:
            return False
        if not outcome.error:
            try:
                self.lesson.install_opened(path, *outcome.value)
                return True
            except (ModelFileError, ValueError) as exc:
                outcome = outcome._replace(error=str(exc))
        self._warn(self.tr("Model not loaded"),
                   self.tr("This file could not be read: {name}\n{why}\n\nThe current lesson "
                           "is unchanged.").format(name=Path(path).name, why=outcome.error))
        return False


def _read_weights(path):
    """Import's reading (a worker thread): a float64 network from a weight file."""
    net, _extra = load_any_weights(path)
    return clean_network(net.astype("float64"))


def _read_model(path):
    """Load's reading (a worker thread): (float64 network, extra) of a model file."""
    net, extra = load_any_weights(path)
    return clean_network(net.astype("float64")), extra
