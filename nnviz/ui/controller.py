"""The one object every widget talks to: the current lesson, network, input and edits.

Widgets never change the network themselves: they call the controller's edit methods, which
push a :class:`ParamEdit` on the undo stack; the stack applies it, the controller re-runs the
forward pass (cheap NumPy) and notifies every view.  The training worker of the next issue
plugs in the same way: ``controller.training`` (a :class:`~nnviz.ui.training.TrainingSession`)
hands its snapshots to :meth:`Controller.show_params`, and weights edited here reach its trainer.

Signals
-------
lessons_loaded(list)      the presets, in handout order
preset_changed(object)    a new lesson is current (network and data replaced)
network_changed()         a new Network object (shape may differ): rebuild views
weights_edited()          parameters changed in place (edit, undo, redo, training)
input_changed()           the current input vector (or sample) changed
forward_updated(object)   the trace of the current input: list of (a, z) per layer
data_changed()            the lesson's samples were loaded (or unloaded)
neuron_selected(int, int) canvas layer (0 = inputs) and neuron index
file_changed(str)         the current model file ('' = none)
status(str)               a message for the status bar
edit_refused(str)         an edit was refused (message for the user)
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from nnviz.core.network import Network, init_weights
from nnviz.core.spec import INIT_NAMES
from nnviz.ui.formatting import count
from nnviz.ui.training import TrainingSession

_MNIST_KINDS = ("mnist", "fashion")



class ParamEdit(QUndoCommand):
    """Set ``params[idx] = new`` (undo: ``= old``); idx is a flat index array."""

    def __init__(self, controller: Controller, idx, new, text: str):
        super().__init__(text)
        self._c = controller
        self._net = controller.network
        self.idx = np.asarray(idx, dtype=np.intp).ravel()
        self.old = self._net.params[self.idx].copy()
        self.new = np.asarray(new, dtype=self._net.dtype).ravel().copy()

    def redo(self):
        self._c._write_params(self._net, self.idx, self.new)

    def undo(self):
        self._c._write_params(self._net, self.idx, self.old)


class Samples:
    """The inputs a lesson offers: rows of X with labels (and targets when it trains)."""

    def __init__(self, X, labels, T=None, class_names=(), split="train"):
        self.X = np.asarray(X, dtype=float)  # (n, inputs)
        self.labels = np.asarray(labels)  # (n,) class index
        self.T = None if T is None else np.asarray(T, dtype=float)  # (n, outputs) targets
        self.class_names = tuple(class_names)
        self.split = split

    def __len__(self):
        return len(self.X)


class Controller(QObject):
    lessons_loaded = Signal(list)
    preset_changed = Signal(object)
    network_changed = Signal()
    weights_edited = Signal()
    input_changed = Signal()
    forward_updated = Signal(object)
    data_changed = Signal()
    neuron_selected = Signal(int, int)
    file_changed = Signal(str)
    status = Signal(str)
    edit_refused = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.presets: list = []
        self.preset = None
        self.network: Network | None = None
        self.x = np.zeros(0)  # current input vector
        self.sample_index = -1  # row of ``samples`` shown, -1 = a free input
        self.samples: Samples | None = None
        self.data_error = ""  # why the lesson's data is missing (MNIST not found ...)
        self.trace: list = []
        self.selected = (-1, -1)
        self.file_path = ""
        self.undo_stack = QUndoStack(self)
        self._tasks: dict = {}  # data key -> running Task
        self._data_cache: dict = {}  # data key -> TrainData (loaded once per session)
        self._grad = None  # flat gradient of the current sample (None = unknown)
        self.training = TrainingSession(self, self)

    # -- lessons --------------------------------------------------------------------------
    def load_lessons(self) -> list:
        """Read every preset (imports the core's preset module: do it after the window shows)."""
        from nnviz.core.presets import all_presets

        self.presets = all_presets()
        self.lessons_loaded.emit(self.presets)
        return self.presets

    def preset_by_id(self, preset_id: str):
        for p in self.presets:
            if p.id == preset_id:
                return p
        raise KeyError(preset_id)

    def set_preset(self, preset) -> None:
        """Make ``preset`` (a Preset or its id) the current lesson with its initial weights."""
        if isinstance(preset, str):
            if not self.presets:
                self.load_lessons()
            preset = self.preset_by_id(preset)
        self.training.discard()
        self.preset = preset
        self.file_path = ""
        self._install(preset.build_network("float64"), load_samples=True)
        self.training.set_preset(preset)
        self.preset_changed.emit(preset)
        self.file_changed.emit("")

    def _install(self, net: Network, load_samples: bool) -> None:
        """Make ``net`` current: samples and trace first, then tell every view."""
        self.training.discard()  # its trainer holds the previous network
        self.network = net
        self.undo_stack.clear()
        self.selected = (-1, -1)
        if load_samples:
            self._load_samples()
        elif self.x.shape != (net.spec.inputs,):
            self.samples, self.sample_index, self.data_error = None, -1, ""
            self.x = np.zeros(net.spec.inputs)
        self._compute()
        self.network_changed.emit()
        self.data_changed.emit()
        self.input_changed.emit()
        self.forward_updated.emit(self.trace)

    def _load_samples(self) -> None:
        p, net = self.preset, self.network
        self.samples, self.data_error, self.sample_index = None, "", -1
        kind = p.data.get("kind")
        if kind == "input":
            self.x = np.asarray(p.data["x"], dtype=float)
        else:
            self.x = np.zeros(net.spec.inputs)
        if kind in ("gate", "toy"):
            data = p.load_data()  # a few hundred rows at most: instant
            self.samples = Samples(data.X, data.y, data.T, split="train")
            self.x = self.samples.X[0].copy()
            self.sample_index = 0
        elif kind in _MNIST_KINDS:
            self.data_error = self.tr("Loading {kind} …").format(kind=kind.upper())
            self._load_mnist_async(p)

    def _load_mnist_async(self, preset) -> None:
        """Load the preset's MNIST data off the GUI thread, once per kind and session."""
        from nnviz.core.datasets import DatasetError
        from nnviz.ui.tasks import Task

        key = _data_key(preset)
        if key in self._data_cache:
            # loaded before: take it now, _install tells the views once the network is in place
            data = self._data_cache[key]
            self.samples = Samples(data.X_test, data.y_test, data.T_test, tuple("0123456789"),
                                   split="test")
            self.data_error, self.sample_index = "", 0
            self.x = np.asarray(self.samples.X[0], dtype=float).copy()
            return
        if key in self._tasks:  # already loading: its result goes to the current lesson
            return
        self.status.emit(self.tr("Loading the MNIST test images in the background …"))
        task = Task(preset.load_data, self, expected=(DatasetError, OSError))
        task.done.connect(lambda data, k=key: self._on_task_mnist_done(k, data))
        task.failed.connect(lambda msg, k=key: self._on_task_mnist_failed(k, msg))
        self._tasks[key] = task.start()

    @property
    def loading(self) -> bool:
        """True while data is being loaded in the background."""
        return bool(self._tasks)

    def train_data(self):
        """The lesson's TrainData (MNIST: the copy loaded in the background; None until then)."""
        p = self.preset
        if p is None or p.data.get("kind") not in ("gate", "toy", *_MNIST_KINDS):
            return None
        key = _data_key(p)
        if key not in self._data_cache and p.data.get("kind") not in _MNIST_KINDS:
            self._data_cache[key] = p.load_data()  # a few hundred rows: instant
        return self._data_cache.get(key)

    def _on_task_mnist_done(self, key, data) -> None:
        self._tasks.pop(key, None)
        self._data_cache[key] = data
        if self.preset is not None and _data_key(self.preset) == key:
            self._apply_mnist(self.preset, data)

    def _apply_mnist(self, preset, data) -> None:
        self.samples = Samples(data.X_test, data.y_test, data.T_test, tuple("0123456789"),
                               split="test")
        self.data_error = ""
        self.data_changed.emit()
        self.status.emit(self.tr("MNIST loaded: {n} test images").format(
            n=count(len(self.samples))))
        self.select_sample(0)

    def _on_task_mnist_failed(self, key, message) -> None:
        self._tasks.pop(key, None)
        if self.preset is None or _data_key(self.preset) != key:
            return
        self.data_error = message
        self.data_changed.emit()
        self.status.emit(self.tr("MNIST is not available: the network is shown with a blank input"))

    def shutdown(self) -> None:
        """Stop training and join background threads (called when the window closes)."""
        self.training.shutdown()
        for task in list(self._tasks.values()):
            task.wait()
        self._tasks.clear()

    # -- input ----------------------------------------------------------------------------
    def set_input(self, x, sample_index: int = -1) -> None:
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
    def target(self):
        """Target vector of the current sample, or None."""
        if self.samples is None or self.samples.T is None or self.sample_index < 0:
            return None
        return self.samples.T[self.sample_index]

    # -- forward pass ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-run the forward pass on the current input and notify every view."""
        if self.network is None:
            return
        self._compute()
        self.forward_updated.emit(self.trace)

    def _compute(self) -> None:
        with np.errstate(all="ignore"):
            self.trace = self.network.trace(self.x.astype(self.network.dtype))
        self._grad = None

    def output(self) -> np.ndarray:
        return self.trace[-1][1] if self.trace else np.zeros(0)

    def values(self, layer: int) -> tuple[np.ndarray, np.ndarray]:
        """(a, z) of canvas layer ``layer`` (0 = inputs, where a = z = x)."""
        if layer == 0:
            return self.x, self.x
        return self.trace[layer - 1]

    def gradient(self):
        """Flat dL/dparams for the current sample, or None when there is no target/loss."""
        if self._grad is None and self.target is not None and self.preset is not None \
                and self.preset.training is not None:
            from nnviz.core.backprop import backprop

            with np.errstate(all="ignore"):
                tr = backprop(self.network, self.x, self.target, self.preset.training.loss)
            self._grad = tr.grad
        return self._grad

    # -- parameter edits (all undoable) ---------------------------------------------------
    def w_index(self, layer: int, i: int, j: int) -> int:
        """Flat index of W[layer][i, j] (layer counts weight matrices from 0)."""
        lay = self.network.layout
        return int(lay.w_off[layer] + i * lay.width[layer] + j)

    def b_index(self, layer: int, j: int) -> int:
        lay = self.network.layout
        if lay.b_off[layer] < 0:
            raise ValueError(self.tr("layer {n} has no bias").format(n=layer + 1))
        return int(lay.b_off[layer] + j)

    def edit(self, idx, values, text: str) -> bool:
        """Push an undoable change of the parameters at flat ``idx``; refuse non-finite."""
        values = np.asarray(values, dtype=float).ravel()
        if not np.all(np.isfinite(values)):
            self.edit_refused.emit(self.tr("Only finite numbers can be weights (no NaN or ∞)."))
            return False
        idx = np.asarray(idx, dtype=np.intp).ravel()
        if np.array_equal(self.network.params[idx], values.astype(self.network.dtype)):
            return True
        self.undo_stack.push(ParamEdit(self, idx, values, text))
        return True

    def edit_weight(self, layer: int, i: int, j: int, value: float) -> bool:
        name = f"W{layer + 1}[{i + 1},{j + 1}]"
        return self.edit([self.w_index(layer, i, j)], [value],
                         self.tr("Set {name} = {v}").format(name=name, v=value))

    def edit_bias(self, layer: int, j: int, value: float) -> bool:
        name = f"b{layer + 1}[{j + 1}]"
        return self.edit([self.b_index(layer, j)], [value],
                         self.tr("Set {name} = {v}").format(name=name, v=value))

    def edit_block(self, layer: int, which: str, row: int, col: int, block) -> bool:
        """Paste ``block`` (2-D) into W (``which='W'``) or b (``'b'``, one row) at (row, col)."""
        block = np.atleast_2d(np.asarray(block, dtype=float))
        target = self.network.W[layer] if which == "W" else self.network.b[layer][None, :]
        rows = min(block.shape[0], target.shape[0] - row)
        cols = min(block.shape[1], target.shape[1] - col)
        if rows <= 0 or cols <= 0:
            return False
        r, c = np.meshgrid(np.arange(row, row + rows), np.arange(col, col + cols), indexing="ij")
        if which == "W":
            idx = [self.w_index(layer, a, b) for a, b in zip(r.ravel(), c.ravel())]
        else:
            idx = [self.b_index(layer, b) for b in c.ravel()]
        return self.edit(idx, block[:rows, :cols].ravel(),
                         self.tr("Paste {n} values into {name}").format(
                             n=rows * cols, name=f"{which}{layer + 1}"))

    def layer_indices(self, layer: int, bias: bool = True) -> np.ndarray:
        lay = self.network.layout
        n = int(lay.n_in[layer] * lay.width[layer])
        idx = np.arange(lay.w_off[layer], lay.w_off[layer] + n)
        if bias and lay.b_off[layer] >= 0:
            idx = np.concatenate([idx, np.arange(lay.b_off[layer],
                                                 lay.b_off[layer] + lay.width[layer])])
        return idx

    def fill_layer(self, layer: int, scheme: str, seed: int | None = None) -> bool:
        """Fill W of ``layer`` by an init scheme (``"zeros"`` also zeroes b); undoable."""
        if scheme not in INIT_NAMES:
            raise ValueError(scheme)
        W = self.network.W[layer]
        rng = np.random.default_rng(seed)
        new_w = init_weights(scheme, W.shape[0], W.shape[1], rng)
        idx = self.layer_indices(layer, bias=False)
        vals = new_w.ravel()
        if scheme == "zeros" and self.network.b[layer] is not None:
            idx = self.layer_indices(layer, bias=True)
            vals = np.zeros(len(idx))
        text = self.tr("Fill layer {n} with {scheme} (seed {seed})").format(
            n=layer + 1, scheme=scheme, seed=seed)
        return self.edit(idx, vals, text)

    def reset_weights(self) -> None:
        """Back to the lesson's initial (or hand-set) weights, undoably."""
        if self.preset is None:
            return
        init = self.preset.build_network("float64").params
        if init.shape == self.network.params.shape:
            self.edit(np.arange(init.size), init, self.tr("Reset to the lesson's weights"))

    def _write_params(self, net: Network, idx, values) -> None:
        if net is not self.network:  # a stale command of a previous network
            return
        net.params[idx] = values
        self.training.params_edited(net.params)
        self.weights_edited.emit()
        self.refresh()

    def show_params(self, params) -> None:
        """Replace every parameter without undo (training snapshots)."""
        self.network.set_params(params)
        self.weights_edited.emit()
        self.refresh()

    def replace_network(self, net: Network) -> None:
        """A new network for the same lesson (hyper-parameters that need new weights)."""
        self._install(net, load_samples=False)

    # -- selection ------------------------------------------------------------------------
    def select_neuron(self, layer: int, index: int) -> None:
        self.selected = (layer, index)
        self.neuron_selected.emit(layer, index)

    # -- files ----------------------------------------------------------------------------
    def save(self, path: str) -> None:
        from nnviz.core.io import save_model

        extra = {"preset": self.preset.id if self.preset else ""}
        save_model(path, self.network, extra)
        self.file_path = str(path)
        self.undo_stack.setClean()
        self.file_changed.emit(self.file_path)
        self.status.emit(self.tr("Saved {path}").format(path=path))

    def open(self, path: str) -> None:
        """Load an .npz model or a pickled weight dict (raises ModelFileError).

        This reads in the calling thread; the window reads in a worker
        (:mod:`nnviz.ui.file_reading`) and then calls :meth:`install_opened`.
        """
        from nnviz.core.io import load_any_weights

        net, extra = load_any_weights(path)
        self.install_opened(path, net.astype("float64"), extra)

    def install_opened(self, path: str, net: Network, extra) -> None:
        """Show a network read from ``path`` (its lesson, if ``extra`` names one we have)."""
        pid = extra.get("preset") if isinstance(extra, dict) else None
        if pid and self.presets and pid != getattr(self.preset, "id", None):
            try:
                self.preset = self.preset_by_id(pid)
            except KeyError:
                pass
        reload = self.preset is not None and self.preset.network.inputs == net.spec.inputs \
            and (self.network is None or net.spec.inputs != self.network.spec.inputs)
        self._install(net, load_samples=reload)
        self.file_path = str(path)
        self.undo_stack.setClean()
        if self.preset is not None:
            self.training.set_preset(self.preset)
        self.preset_changed.emit(self.preset)
        self.file_changed.emit(self.file_path)
        self.status.emit(self.tr("Opened {path}").format(path=path))
        self.refresh()


def _data_key(preset) -> tuple:
    """What makes two lessons' prepared data the same (kind, normalisation, targets, dtype)."""
    t = preset.targets
    dtype = preset.training.dtype if preset.training else "float64"
    return (preset.data.get("kind"), preset.data.get("name"), preset.data.get("normalize"),
            t.get("kind"), t.get("low"), t.get("high"), dtype,
            tuple(sorted((k, str(v)) for k, v in preset.data.items())))
