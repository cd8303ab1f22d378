"""Does a guide fit its lesson?  Weight shapes, data rows, layers and neurons it names.

A guide is validated on its own when it is read (:mod:`.loader`); whether ``W1`` has the
lesson's shape or row 3 exists depends on the lesson, so :func:`validate_for_lesson` checks
that against the lesson's preset.  The tests run it for every shipped guide; the GUI runs it
when an instructor's lesson file brings its own guide.
"""

from __future__ import annotations

from nnviz.core.guides import validators as v
from nnviz.core.guides.model import Check, Guide

#: Check kinds that need a lesson that trains.
TRAINING_KINDS = ("trained", "loss", "learning_rate", "gradient_ratio")


def lesson_rows(preset) -> int | None:
    """How many data rows a student can pick from in ``preset`` (None: not known cheaply)."""
    kind = preset.data.get("kind")
    if kind == "gate":
        return 4
    if kind == "input":
        return 1
    if kind == "toy":
        n = preset.data.get("n")
        return int(n) if isinstance(n, int) else None
    if kind in ("none", None):
        return 0
    return None  # MNIST: the test set, known once it is loaded


def validate_for_lesson(guide: Guide, preset, n_rows: int | None = -1) -> None:
    """Raise :class:`GuideError` at the first thing of ``guide`` that ``preset`` lacks.

    ``n_rows``: the data rows (-1: from the preset, None: unknown, skip row checks).
    """
    if n_rows == -1:
        n_rows = lesson_rows(preset)
    if guide.lesson != preset.id:
        v.fail("guide.lesson", f"the guide is for {guide.lesson!r}, not {preset.id!r}")
    net = preset.build_network()
    trains = preset.trainer in ("perceptron", "backprop")
    for i, step in enumerate(guide.steps):
        where = f"steps[{i}] ({step.id})"
        try:
            step.state.apply_weights(net.copy())
        except (ValueError, IndexError) as exc:
            v.fail(f"{where}.set.weights", str(exc))
        row = step.state.input_row
        if row is not None and n_rows is not None and row >= n_rows:
            v.fail(f"{where}.set.input_row", f"row {row} does not exist ({n_rows} rows)")
        if step.state.controls and not trains:
            training = {"play", "step_sample", "step_batch", "step_epoch", "lr", "optimizer"}
            extra = sorted(training.intersection(step.state.controls))
            if extra:
                v.fail(f"{where}.set.controls", f"{extra[0]!r}: lesson {preset.id} does not train")
        if step.task is not None:
            _fit(step.task.check, f"{where}.task.check", net, n_rows, trains)


def _fit(c: Check, where: str, net, n_rows, trains: bool) -> None:
    for k, child in enumerate(c.children):
        _fit(child, f"{where}.checks[{k}]", net, n_rows, trains)
    kind, a = c.kind, c.args
    if kind in TRAINING_KINDS and not trains:
        v.fail(where, f"'{kind}' needs a lesson that trains")
    if kind == "accuracy" and a.get("on", "train") == "train" and not trains:
        v.fail(where, "the training accuracy of a lesson that does not train")
    rows = {"truth_table": len(a["expect"]) if kind == "truth_table" else None,
            "layer_values": len(a["values"]) if kind == "layer_values" else None,
            "input_selected": (a.get("row", -1) + 1) if kind == "input_selected" else None}
    need = rows.get(kind)
    if need is not None and n_rows is not None:
        if kind == "input_selected" and need > n_rows:
            v.fail(f"{where}.row", f"row {need - 1} does not exist ({n_rows} rows)")
        if kind != "input_selected" and need != n_rows:
            v.fail(where, f"{need} rows given; the lesson's data has {n_rows}")
    if kind == "layer_values":
        layer = a["layer"]
        if layer > net.n_layers:
            v.fail(f"{where}.layer", f"layer {layer} does not exist (the network's layers with "
                                     f"weights: {net.n_layers})")
        width = net.spec.layers[layer - 1].units
        if len(a["values"][0]) != width:
            unit = "neuron" if width == 1 else "neurons"
            v.fail(f"{where}.values", f"each row gives {len(a['values'][0])} values, but layer "
                                      f"{layer} has {width} {unit}")
    if kind == "neuron_selected":
        sizes = (net.spec.inputs, *(layer.units for layer in net.spec.layers))
        if a["layer"] >= len(sizes) or a["index"] >= sizes[a["layer"]]:
            v.fail(where, f"no neuron {a['index']} in canvas layer {a['layer']}")
    if kind in ("param", "edited", "traced"):
        for name in (a["name"],) if kind == "param" else a["params"]:
            if not _exists(net, name):
                v.fail(where, f"the network has no {name}")
    if kind == "drawn_digit" and net.spec.outputs != 10:
        v.fail(where, "a drawn digit needs a network with 10 outputs")


def _exists(net, name: str) -> bool:
    kind, layer, index = v.split_param(name)
    if layer >= net.n_layers:
        return False
    arr = net.W[layer] if kind == "W" else net.b[layer]
    if arr is None:
        return False
    return not index or (len(index) == arr.ndim
                         and all(k < s for k, s in zip(index, arr.shape)))
