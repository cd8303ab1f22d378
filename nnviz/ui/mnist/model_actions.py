"""Model file actions of the MNIST lessons: the pretrained network, importing the book's
weights, saving/loading a trained model.

"MNIST with pretrained weights" opens with nnviz's own trained 784-50-100-10 network (made by
``scripts/train-pretrained``; :class:`~nnviz.ui.mnist.pretrained_network.PretrainedNetwork`
trains it in the background when a checkout lacks the file), and its test accuracy is
reported once the evaluator has classified the test images.

"Import the book's weights…" reads a pickled dict such as the book's ``sample_weight.pkl``
(W1, b1, W2, b2, W3, b3; sigmoid hidden layers, softmax output; handout 003; ch03 of the
book's GitHub repository, deep-learning-from-scratch) through the restricted unpickler of
:mod:`nnviz.core.files.io`: a file that asks to run anything is refused with a message and nothing
in it is executed.  Files are read off the GUI thread (:mod:`nnviz.ui.common.file_reading`); a
file that cannot be read leaves the lesson as it was.  The network becomes the lesson's
network and the 10,000 test images are classified in batches of 100; the accuracy is reported
when done.

Signals
-------
imported(str)            a weight file became the current network (its path)
import_evaluated(float)  test accuracy of a network the lesson was given: imported weights,
                         or the pretrained network when its lesson opens
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nnviz.core.files.io import ModelFileError, load_any_weights
from nnviz.ui.common.file_reading import read_in_background
from nnviz.ui.common.formatting import count, pct
from nnviz.ui.mnist.pretrained_network import PretrainedNetwork
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
        # the pretrained network whose first evaluation is still to be reported (None: none)
        self._announce_pretrained = None
        self.pretrained = PretrainedNetwork(lesson, self)
        self.pretrained.ready.connect(self._on_pretrained_ready)
        self.act_import = QAction(self.tr("Import the book's weights…"), self)
        self.act_import.setToolTip(self.tr("The book's sample_weight.pkl (ch03 of its GitHub "
                                           "repository, deep-learning-from-scratch), read "
                                           "safely: nothing in the file runs"))
        self.act_import.triggered.connect(self.import_dialog)
        # where that file comes from, as a grey line under the action in the menu (a tooltip
        # alone is found only by hovering)
        self.act_import_source = QAction(self.tr("from the book's GitHub repository, "
                                                 "ch03/sample_weight.pkl"), self)
        self.act_import_source.setEnabled(False)
        self.act_save = QAction(self.tr("Save trained model…"), self)
        self.act_save.setToolTip(self.tr("Save the network and its weights as an .npz file"))
        self.act_save.triggered.connect(self.save_dialog)
        self.act_load = QAction(self.tr("Load trained model…"), self)
        self.act_load.setToolTip(self.tr("Open a model saved by nnviz (.npz)"))
        self.act_load.triggered.connect(self.load_dialog)
        for a in (self.act_import, self.act_save, self.act_load):
            a.setStatusTip(a.toolTip())
        evaluator.evaluated.connect(self._on_evaluator_evaluated)
        evaluator.failed.connect(self._on_evaluator_failed)
        lesson.preset_changed.connect(self._on_lesson_preset_changed)
        if parent_widget is not None:
            parent_widget.installEventFilter(self)  # its closing joins the preparation
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def actions(self) -> list[QAction]:
        """The menu's entries, in order (the source line is a disabled note)."""
        return [self.act_import, self.act_import_source, self.act_save, self.act_load]

    def shutdown(self) -> None:
        """Join the pretrained network's preparation thread (window closing, tests)."""
        self.pretrained.shutdown()

    def eventFilter(self, obj, event):  # noqa: N802
        if obj is self.widget and event.type() == QEvent.Close:
            self.shutdown()
        return False

    # -- messages -------------------------------------------------------------------------
    def _warn(self, title: str, text: str) -> None:
        self.last_error = text
        QMessageBox.warning(self.widget, title, text)

    def _status(self, text: str) -> None:
        self.lesson.status_posted.emit(text)

    # -- import ---------------------------------------------------------------------------
    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.widget, self.tr("Import the book's weights (sample_weight.pkl from the "
                                 "book's GitHub repository)"), "",
            self.tr("Weight files (*.pkl *.pickle *.npz);;All files (*)"))
        if path:
            self.import_weights(path)

    def import_weights(self, path: str) -> bool:
        """Load ``path`` safely, make it the network, then evaluate it on the test images."""
        name = Path(path).name
        # the read runs the event loop: the lesson's first-open evaluation may end meanwhile
        # and must not be taken for the import's (it is reported after a failed read instead)
        held, self._announce_pretrained = self._announce_pretrained, None
        outcome = read_in_background(self.widget, path, lambda: _read_weights(path))
        if outcome.cancelled or outcome.error:
            self._resume_pretrained_report(held)
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
            self._resume_pretrained_report(held)
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

    # -- the pretrained network ------------------------------------------------------------
    def _on_lesson_preset_changed(self, preset) -> None:
        self._awaiting = False
        shipped = preset is not None and preset.weights_file and not self.pretrained.missing
        self._announce_pretrained = self.lesson.network if shipped else None

    def _on_pretrained_ready(self, net) -> None:
        if self.lesson.network is net:  # shown (the lesson was untouched meanwhile)
            self._announce_pretrained = net

    def _resume_pretrained_report(self, net) -> None:
        """An import did not happen: report ``net``'s first evaluation as if it had not been
        tried (at once when it ended during the read)."""
        if net is None or net is not self.lesson.network:
            return
        self._announce_pretrained = net
        ev = self.evaluator.current
        if ev is not None and self.evaluator.result_network is net:
            self._report_pretrained(ev)

    def _report_pretrained(self, ev) -> None:
        self._announce_pretrained = None
        self.last_accuracy = ev.accuracy
        self._status(self.tr("Test accuracy of the pretrained network: {acc} ({p}, {k} of {n})")
                     .format(acc=f"{ev.accuracy:.4f}", p=pct(ev.accuracy, 2),
                             k=count(ev.cm.trace()), n=count(len(ev))))
        self.import_evaluated.emit(ev.accuracy)

    def _on_evaluator_evaluated(self, ev) -> None:
        if self.evaluator.result_network is not self.lesson.network:
            return
        if self._announce_pretrained is self.lesson.network and not self._awaiting:
            self._report_pretrained(ev)
            return
        if not self._awaiting:
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
