"""The one lesson state every view follows: lesson, network, data, input, run, undo, history.

:class:`LessonModel` owns the current lesson (a core ``Preset``), the one :class:`Network` the
GUI shows, the lesson's data (:class:`LessonData`) and the input fed in, the training run
(:class:`TrainingRun`: its trainer, thread and jobs), the undo stack of weight edits and the
finished runs kept for comparison (:class:`RunHistory`).  Views take the model, read its
public attributes and subscribe to the signals below; they change it only through its methods.

Opening a lesson, opening a file, replacing the network and restoring saved work are each one
method: every attribute is set first, then the signals go out, so a view that reads the model
in any slot sees one consistent lesson.  The shown weights change in exactly two places: an
undoable edit (:meth:`edit` and the helpers built on it) and :meth:`show_trained_params`
(snapshots of the run's own copy, a reset).

Signals
-------
lessons_loaded(list)      the presets, in handout order
preset_changed(object)    a lesson is current (after a switch, File → Open or a restore)
network_changed()         a new Network object (its shape may differ): rebuild views
weights_changed()         parameters changed in place (edit, undo, redo, training, reset)
input_changed()           the current input vector (or sample) changed
forward_updated(object)   the trace of the current input: list of (a, z) per layer
data_changed()            the lesson's samples were loaded (or unloaded)
neuron_selected(int, int) canvas layer (0 = inputs) and neuron index
file_changed(str)         the current model file ('' = none)
status_posted(str)        a message for the status bar
edit_refused(str)         an edit was refused (message for the user)
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from nnviz.core.nn.network import Network
from nnviz.ui.common.formatting import count
from nnviz.ui.model.comparison_runner import ComparisonRunner
from nnviz.ui.model.lesson_data import LessonData
from nnviz.ui.model.param_edit import ParamEdit
from nnviz.ui.model.run_history import RunHistory
from nnviz.ui.model.samples import Samples, data_key, is_mnist_kind
from nnviz.ui.model.spec_checks import clean_network
from nnviz.ui.model.step_history import StepHistory
from nnviz.ui.model.training_run import TrainingRun
from nnviz.ui.model.weight_editing import WeightEditing


class LessonModel(WeightEditing, QObject):
    lessons_loaded = Signal(list)
    preset_changed = Signal(object)
    network_changed = Signal()
    weights_changed = Signal()
    input_changed = Signal()
    forward_updated = Signal(object)
    data_changed = Signal()
    neuron_selected = Signal(int, int)
    file_changed = Signal(str)
    status_posted = Signal(str)
    edit_refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.presets: list[Any] = []
        self.preset: Any = None  # the current lesson (nnviz.core.lessons.presets.Preset)
        self.network: Network | None = None  # the one network the GUI shows
        self.x = np.zeros(0)  # current input vector
        self.sample_index = -1  # row of ``samples`` shown, -1 = a free input (typed, drawn)
        self.samples: Samples | None = None
        self.data_error = ""  # why the lesson's data is missing (MNIST not found, loading …)
        self.trace: list = []  # (a, z) per layer for the current input
        self.selected = (-1, -1)
        self.file_path = ""
        self.lesson_guide: Any = None  # a guide a lesson file brought (or attached), else None
        self.undo_stack = QUndoStack(self)
        self.data = LessonData(self)
        self.data.loaded.connect(self._on_data_loaded)
        self.data.load_failed.connect(self._on_data_load_failed)
        self.history = RunHistory(self)
        self.run = TrainingRun(self)
        self.step_history = StepHistory(self)  # training steps on the undo stack
        self.run.run_finished.connect(self._on_run_finished)
        self.comparer = ComparisonRunner(self)
        self.comparer.finished.connect(self._on_comparer_finished)
        self._grad: np.ndarray | None = None  # dL/dparams of the current sample (cached)

    # -- lessons --------------------------------------------------------------------------
    def load_lessons(self) -> list:
        """Read every preset (imports the core's preset module: do it after the window shows)."""
        from nnviz.core.lessons.presets import all_presets

        self.presets = all_presets()
        self.lessons_loaded.emit(self.presets)
        return self.presets

    def preset_by_id(self, preset_id: str) -> Any:
        if not self.presets:
            self.load_lessons()
        for p in self.presets:
            if p.id == preset_id:
                return p
        raise KeyError(preset_id)

    def set_preset(self, preset: Any) -> None:
        """Make ``preset`` (a Preset or its id) the current lesson with its initial weights."""
        if isinstance(preset, str):
            preset = self.preset_by_id(preset)
        self.enter_lesson(preset, preset.build_network("float64"))

    def enter_lesson(self, preset: Any, net: Network, file_path: str = "",
                     guide: Any = None) -> None:
        """Show ``net`` in lesson ``preset``: its data, its hyper-parameters, its runs
        (``guide``: the lesson file's own guide; None: the lesson's shipped one).

        The lesson's samples are (re)loaded unless the lesson stays the same and the network
        still fits them; a network that does not fit the lesson's data gets a blank input.
        """
        keep_data = preset is self.preset and self.network is not None \
            and net.spec.inputs == self.network.spec.inputs
        self.run.discard()  # its trainer holds the previous network
        self.preset = preset
        self.file_path = str(file_path)
        self.lesson_guide = guide
        self._set_network(net, load_samples=not keep_data)
        self.undo_stack.setClean()
        self.run.set_preset(preset)
        self.history.set_lesson(preset.id if preset is not None else "")
        self._announce_network()
        self.preset_changed.emit(preset)
        self.file_changed.emit(self.file_path)

    def replace_network(self, net: Network) -> None:
        """A new network for the same lesson (new architecture, imported weights); data kept."""
        self.run.discard()
        self._set_network(net, load_samples=False)
        self._announce_network()

    def _set_network(self, net: Network, load_samples: bool) -> None:
        self.network = net
        self.undo_stack.clear()
        self.step_history.limit_stack(net, getattr(self.preset.training, "dtype", "float64")
                                      if self.preset is not None else "float64")
        self.selected = (-1, -1)
        if load_samples:
            self._load_samples()
        if self.x.shape != (net.spec.inputs,):
            self.samples, self.sample_index = None, -1
            self.x = np.zeros(net.spec.inputs)
        self._compute()

    def _announce_network(self) -> None:
        self.network_changed.emit()
        self.data_changed.emit()
        self.input_changed.emit()
        self.forward_updated.emit(self.trace)

    def _load_samples(self) -> None:
        p, net = self.preset, self.network
        assert net is not None
        self.samples, self.data_error, self.sample_index = None, "", -1
        self.x = np.zeros(net.spec.inputs)
        if p is None or p.network.inputs != net.spec.inputs:
            return  # a network of other inputs (an opened file): no data fits it
        kind = p.data.get("kind")
        if kind == "input":
            self.x = np.asarray(p.data["x"], dtype=float)
        elif kind in ("gate", "toy"):
            data = self.data.cached(p)
            self.samples = Samples(data.X, data.y, data.T, split="train")
            self.x, self.sample_index = self.samples.X[0].copy(), 0
        elif is_mnist_kind(kind):
            data = self.data.cached(p)
            if data is not None:
                self.samples = Samples.from_test_split(data)
                self.x, self.sample_index = np.asarray(self.samples.X[0], float).copy(), 0
            else:
                self.data_error = self.tr("Loading {kind} …").format(kind=kind.upper())
                if self.data.load_in_background(p):
                    self.status_posted.emit(
                        self.tr("Loading the MNIST test images in the background …"))

    @property
    def loading(self) -> bool:
        """True while data is being loaded in the background."""
        return self.data.loading

    def train_data(self) -> Any:
        """The lesson's TrainData (MNIST: the copy loaded in the background; None until then)."""
        return None if self.preset is None else self.data.cached(self.preset)

    def load_data_from(self, folder: str) -> bool:
        """Reload the current MNIST lesson's data from ``folder`` (off the GUI thread)."""
        p = self.preset
        if p is None or not is_mnist_kind(p.data.get("kind")):
            return False
        return self.data.load_in_background(p, folder)

    def _on_data_loaded(self, key: tuple, data: Any) -> None:
        if self.preset is None or data_key(self.preset) != key or self.network is None \
                or self.network.spec.inputs != self.preset.network.inputs:
            return  # another lesson's data: cached for when it is opened
        self.samples = Samples.from_test_split(data)
        self.data_error = ""
        self.data_changed.emit()
        self.status_posted.emit(self.tr("MNIST loaded: {n} test images").format(
            n=count(len(self.samples))))
        self.select_sample(0)

    def _on_data_load_failed(self, key: tuple, message: str) -> None:
        if self.preset is None or data_key(self.preset) != key:
            return
        self.data_error = message
        self.data_changed.emit()
        self.status_posted.emit(
            self.tr("MNIST is not available: the network is shown with a blank input"))

    def shutdown(self) -> None:
        """Stop training and join background threads (called when the window closes)."""
        self.run.shutdown()
        self.comparer.shutdown()
        self.data.shutdown()

    # -- input ----------------------------------------------------------------------------
    def set_input(self, x: Any, sample_index: int = -1) -> None:
        """Feed ``x`` in (``sample_index``: its row of ``samples``; -1 for a typed/drawn one)."""
        x = np.asarray(x, dtype=float).ravel()
        if self.network is not None and x.shape != (self.network.spec.inputs,):
            raise ValueError(f"the input needs {self.network.spec.inputs} numbers")
        if not np.all(np.isfinite(x)):
            raise ValueError("inputs must be finite numbers")
        self.x = x.copy()
        self.sample_index = sample_index
        self.input_changed.emit()
        self.refresh()

    def select_sample(self, i: int) -> None:
        if self.samples is None or not 0 <= i < len(self.samples):
            return
        self.set_input(self.samples.X[i], i)

    @property
    def target(self) -> np.ndarray | None:
        """Target vector of the current sample, or None."""
        if self.samples is None or self.samples.T is None or self.sample_index < 0:
            return None
        return self.samples.T[self.sample_index]

    @property
    def label(self) -> int | None:
        """The class label of the current input: None for a typed or drawn input."""
        if self.samples is None or self.sample_index < 0:
            return None
        return int(self.samples.labels[self.sample_index])

    # -- forward pass ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-run the forward pass on the current input and notify every view."""
        if self.network is None:
            return
        self._compute()
        self.forward_updated.emit(self.trace)

    def _compute(self) -> None:
        net = self.network
        assert net is not None
        with np.errstate(all="ignore"):
            self.trace = net.trace(self.x.astype(net.dtype))
        self._grad = None

    def output(self) -> np.ndarray:
        return self.trace[-1][1] if self.trace else np.zeros(0)

    def values(self, layer: int) -> tuple[np.ndarray, np.ndarray]:
        """(a, z) of canvas layer ``layer`` (0 = inputs, where a = z = x)."""
        if layer == 0:
            return self.x, self.x
        return self.trace[layer - 1]

    def gradient(self) -> np.ndarray | None:
        """Flat dL/dparams for the current sample, or None when there is no target/loss."""
        target = self.target
        if self._grad is None and target is not None and self.preset is not None \
                and self.preset.training is not None and self.network is not None:
            from nnviz.core.nn.backprop import backprop

            with np.errstate(all="ignore"):
                tr = backprop(self.network, self.x, target, self.preset.training.loss)
            self._grad = tr.grad
        return self._grad

    # -- parameter edits (all undoable) ---------------------------------------------------
    def _net(self) -> Network:
        if self.network is None:
            raise RuntimeError("no network is shown")
        return self.network

    def edit(self, idx: Any, values: Any, text: str) -> bool:
        """Push an undoable change of the parameters at flat ``idx``; refuse non-finite."""
        net = self._net()
        values = np.asarray(values, dtype=float).ravel()
        if not np.all(np.isfinite(values)):
            self.edit_refused.emit(self.tr("Only finite numbers can be weights (no NaN or ∞)."))
            return False
        idx = np.asarray(idx, dtype=np.intp).ravel()
        if np.array_equal(net.params[idx], values.astype(net.dtype)):
            return True
        self.undo_stack.push(ParamEdit(self._write_params, net, idx, values, text))
        return True

    def reset_weights(self) -> None:
        """Back to the lesson's initial (or hand-set) weights, undoably."""
        if self.preset is None or self.network is None:
            return
        init = self.preset.build_network("float64").params
        if init.shape == self.network.params.shape:
            self.edit(np.arange(init.size), init, self.tr("Reset to the lesson's weights"))

    def _write_params(self, net: Network, idx: np.ndarray, values: np.ndarray) -> None:
        if net is not self.network:  # a stale command of a previous network
            return
        net.params[idx] = values
        self.run.params_edited(net.params)
        self.weights_changed.emit()
        self.refresh()

    def show_trained_params(self, params: np.ndarray) -> None:
        """Replace every parameter without undo (the run's snapshots, reset, restore)."""
        self._net().set_params(params)
        self.weights_changed.emit()
        self.refresh()

    def reinitialize(self, seed: int, dtype: str = "float64") -> np.ndarray:
        """New random initial weights from ``seed`` (same shapes); returns them."""
        from dataclasses import replace

        net = self._net()
        spec = replace(net.spec, seed=int(seed))
        params = Network.from_spec(spec, dtype=dtype).params.copy()
        net.spec = spec
        self.show_trained_params(params)
        return params

    # -- selection ------------------------------------------------------------------------
    def select_neuron(self, layer: int, index: int) -> None:
        self.selected = (layer, index)
        self.neuron_selected.emit(layer, index)

    # -- runs kept for comparison ---------------------------------------------------------
    def _on_run_finished(self, _snap: Any) -> None:
        if self.run.evals:
            hyper = self.run.hyper()
            self.history.add(f"{hyper['optimizer']} η={hyper['lr']:g}", hyper,
                             list(self.run.evals))

    def _on_comparer_finished(self, runs: list) -> None:
        for r in runs:
            self.history.add(r.label, r.hyper, list(r.evals))

    # -- files ----------------------------------------------------------------------------
    def save(self, path: str) -> None:
        from nnviz.core.files.io import save_model

        extra = {"preset": self.preset.id if self.preset else ""}
        save_model(path, self._net(), extra)
        self.file_path = str(path)
        self.undo_stack.setClean()
        self.file_changed.emit(self.file_path)
        self.status_posted.emit(self.tr("Saved {path}").format(path=path))

    def open(self, path: str) -> None:
        """Load an .npz model or a pickled weight dict (raises ModelFileError) in its lesson.

        This reads in the calling thread; File → Open reads in a worker
        (:mod:`nnviz.ui.common.file_reading`) and then calls :meth:`install_opened`.
        """
        from nnviz.core.files.io import load_any_weights

        net, extra = load_any_weights(path)
        self.install_opened(path, clean_network(net.astype("float64")), extra)

    def install_opened(self, path: str, net: Network, extra: Any) -> None:
        """Show a network read from ``path`` (in its lesson, if ``extra`` names one we have)."""
        pid = extra.get("preset") if isinstance(extra, dict) else None
        preset = self.preset
        if pid and pid != getattr(preset, "id", None):
            try:
                preset = self.preset_by_id(pid)
            except KeyError:
                pass  # a lesson of another nnviz version: the file opens in the current one
        self.enter_lesson(preset, clean_network(net.astype("float64")), file_path=str(path))
        self.status_posted.emit(self.tr("Opened {path}").format(path=path))
