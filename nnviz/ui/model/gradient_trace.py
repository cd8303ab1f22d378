"""The chain-rule tracer of the current lesson: "why did this weight change?"

:class:`GradientTraceState` keeps one parameter (an ``EdgeRef`` or ``BiasRef`` of
``nnviz.core.explain``) and its :class:`~nnviz.core.explain.ChainTrace` for the lesson's
current input and target: ∂L/∂w taken apart along its paths back from the loss, each factor a
number, with the factors (or the whole chain) that nearly stop the gradient.  It follows the
lesson model: an edit, a training snapshot, another row or another lesson recomputes it; a
neuron selected on the canvas becomes the traced weight's target neuron (the weight's source
is kept when it still exists).  The path shown (the strongest by default) is highlighted on
the canvas through ``highlight_changed``.

Signals
-------
trace_changed()                    a new trace (or none: see ``unavailable``)
param_changed(object)              the traced parameter (EdgeRef/BiasRef) or None
highlight_changed(object, object)  anchor ref and the path's refs (None, () = nothing)
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Signal

from nnviz.core.explain import BiasRef, ChainTrace, EdgeRef, NeuronRef, trace_gradient
from nnviz.core.explain.tracer import PathProduct
from nnviz.core.guides import bias_name, weight_name
from nnviz.ui.model.computed_while_shown import ComputedWhileShown

SHOWN_PATHS = 8  # strongest paths offered in the path box


class GradientTraceState(ComputedWhileShown, QObject):
    trace_changed = Signal()
    param_changed = Signal(object)
    highlight_changed = Signal(object, object)

    def __init__(self, model: Any, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else model)
        self.model = model
        self.param: EdgeRef | BiasRef | None = None
        self.chosen = False  # the student picked the parameter (not the lesson's default)
        self.trace: ChainTrace | None = None
        self.paths: tuple[PathProduct, ...] = ()  # strongest first
        self.path_index = 0
        self.unavailable = ""  # why there is no trace (translated)
        self._init_shown()
        model.preset_changed.connect(self._on_lesson_changed)
        model.network_changed.connect(self._on_network_changed)
        for sig in (model.weights_changed, model.input_changed, model.data_changed,
                    model.run.hyper_changed):
            sig.connect(self._schedule)
        model.neuron_selected.connect(self._on_neuron_selected)
        if model.network is not None:
            self._on_lesson_changed(model.preset)

    # -- what is traced -------------------------------------------------------------------
    def _on_lesson_changed(self, _preset: Any) -> None:
        self.param, self.chosen, self.path_index = self._default_param(), False, 0
        self.param_changed.emit(self.param)
        self._schedule()

    def _on_network_changed(self) -> None:
        if not self._fits(self.param):
            self.param, self.chosen = self._default_param(), False
            self.param_changed.emit(self.param)
        self._schedule()

    def _default_param(self) -> EdgeRef | None:
        """The first weight of the first layer (the vanishing-gradient lessons' question)."""
        net = self.model.network
        return EdgeRef(0, 0, 0) if net is not None and len(net.W) else None

    def _fits(self, ref: Any) -> bool:
        net = self.model.network
        if net is None or ref is None or not 0 <= ref.layer < len(net.W):
            return False
        W = net.W[ref.layer]
        if isinstance(ref, EdgeRef):
            return 0 <= ref.i < W.shape[0] and 0 <= ref.j < W.shape[1]
        return net.b[ref.layer] is not None and 0 <= ref.j < W.shape[1]

    def set_param(self, ref: EdgeRef | BiasRef | None, chosen: bool = True) -> bool:
        """Trace ``ref``, picked by the student unless ``chosen`` is False (False, and
        nothing changes, when the network has no such parameter)."""
        if ref is not None and not self._fits(ref):
            return False
        changed = ref != self.param or chosen != self.chosen
        self.chosen = chosen
        if ref != self.param:
            self.param, self.path_index = ref, 0
            self.recompute()
        if changed:
            self.param_changed.emit(ref)
        return True

    def _on_neuron_selected(self, layer: int, index: int) -> None:
        """A neuron clicked on the canvas: trace a weight into it (keep the source if it can)."""
        if layer < 1:
            return
        old = self.param
        i = old.i if isinstance(old, EdgeRef) and old.layer == layer - 1 else 0
        ref = EdgeRef(layer - 1, i, index)
        if self._fits(ref):
            self.set_param(ref)

    @property
    def name(self) -> str | None:
        """The traced parameter as the guides name it ("W1[0,1]", "b2[0]")."""
        p = self.param
        if p is None:
            return None
        return weight_name(p.layer, p.i, p.j) if isinstance(p, EdgeRef) \
            else bias_name(p.layer, p.j)

    # -- computing ------------------------------------------------------------------------
    def _loss(self) -> str | None:
        run, preset = self.model.run, self.model.preset
        if run.spec is not None and run.kind != "perceptron":
            return str(run.spec.loss)
        training = getattr(preset, "training", None)
        return str(training.loss) if training is not None else None

    def recompute(self) -> None:
        """Trace the parameter for the current input and target now."""
        self._computed()
        self.trace, self.paths, self.unavailable = None, (), ""
        try:
            self.trace = self._trace()
        except (ValueError, IndexError) as e:  # a layer the tracer refuses (maxout …)
            self.unavailable = self.tr("This weight cannot be traced here: {e}").format(e=e)
        if self.trace is not None:
            self.paths = self.trace.strongest_paths(SHOWN_PATHS)
            self.path_index = min(self.path_index, len(self.paths) - 1)
        self.trace_changed.emit()
        self._announce()

    def _trace(self) -> ChainTrace | None:
        m = self.model
        if m.network is None or m.preset is None:
            self.unavailable = self.tr("No lesson is open.")
            return None
        if self.param is None:
            self.unavailable = self.tr("Choose a weight or a bias to trace.")
            return None
        loss = self._loss()
        if loss is None:
            self.unavailable = self.tr(
                "This lesson has no loss, so no gradient flows back to its weights.")
            return None
        t = m.target
        if t is None:
            self.unavailable = self.tr(
                "Choose a row of the data (or a test image): the gradient needs an input "
                "and its target.")
            return None
        return trace_gradient(m.network, np.asarray(m.x, float), np.asarray(t, float), loss,
                              self.param)

    # -- the path shown -------------------------------------------------------------------
    @property
    def path(self) -> PathProduct | None:
        return self.paths[self.path_index] if self.paths else None

    def show_path(self, i: int) -> None:
        if 0 <= i < len(self.paths) and i != self.path_index:
            self.path_index = i
            self._announce()

    def _announce(self) -> None:
        path = self.path
        if path is None or self.param is None:
            self.highlight_changed.emit(None, ())
            return
        refs: list = [self.param]
        for f in path.factors:
            if isinstance(f.ref, EdgeRef | NeuronRef) and f.ref not in refs:
                refs.append(f.ref)
        self.highlight_changed.emit(self.param, tuple(refs))
