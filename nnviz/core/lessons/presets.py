"""Lessons as presets: versioned JSON files in ``resources/presets`` (one per lesson).

A preset names the handout it comes from, its title and summary in Korean and English, the
network (and hand-set weights, if the lesson has them), the data, the targets and the training
hyper-parameters, plus the numbers the lesson must show (``expect``, checked by the tests).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from nnviz.core.files.safe_open import UnreadableFile, parse_json, read_regular
from nnviz.core.lessons.assets import resource_dir
from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import NetworkSpec, SpecError, TrainSpec
from nnviz.core.train.trainer import TrainData, Trainer

PRESET_VERSION = 1
#: Lesson groups in the order of the handouts.
GROUPS = ("perceptron", "mlp", "backprop", "activations", "mnist")
TRAINERS = ("perceptron", "backprop", "none", "gallery")
MAX_PRESET_BYTES = 1024 * 1024  # the largest shipped lesson is about 10 kB
#: what a lesson id may look like: a file name in resources/presets, never a path
PRESET_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


class PresetError(SpecError, UnreadableFile):
    """A preset file cannot be used (a SpecError, as before); the message names the file."""


@dataclass(frozen=True)
class Preset:
    """One lesson."""

    id: str  # file name without .json
    group: str  # one of GROUPS
    order: int  # position in the lesson list
    handout: str  # the course handout it comes from ("001", ...)
    title: dict  # {"en": ..., "ko": ...}
    summary: dict  # {"en": ..., "ko": ...}
    trainer: str  # "perceptron", "backprop", "none" (hand-set weights) or "gallery"
    network: NetworkSpec
    data: dict  # {"kind": "gate"|"toy"|"mnist"|"input"|"none", ...}
    training: TrainSpec | None = None
    weights: dict = field(default_factory=dict)  # {"W1": [[...]], "b1": [...], ...}
    targets: dict = field(default_factory=dict)  # {"kind": "binary"|"onehot", "low", "high"}
    expect: dict = field(default_factory=dict)  # numbers the lesson must show
    view: dict = field(default_factory=dict)  # UI hints (step unit, docks, ...)
    compare: dict = field(default_factory=dict)  # runs to overlay, e.g. {"optimizer": [...]}
    explain: dict = field(default_factory=dict)  # {"en": html, "ko": html}: formulas, what to watch
    #: a trained model the lesson opens with (nnviz.core.lessons.pretrained; "" = none): the name of
    #: a model file in the data folders, never a path
    weights_file: str = ""

    def text(self, key: str, lang: str = "en") -> str:
        d = getattr(self, key)
        return d.get(lang) or d.get("en", "")

    def build_network(self, dtype=None) -> Network:
        """The network the lesson opens with: its trained model if it names one and the file
        is there (:meth:`pretrained_network`), else its initial (or hand-set) weights."""
        trained = self.pretrained_network(dtype)
        return trained if trained is not None else self.initial_network(dtype)

    def pretrained_network(self, dtype=None) -> Network | None:
        """The lesson's trained model (``weights_file``); None when it names none, or the file
        is missing, damaged or of another shape (the lesson then trains it: see
        :mod:`nnviz.core.lessons.pretrained`)."""
        if not self.weights_file:
            return None
        from nnviz.core.lessons import pretrained
        found = pretrained.find(self.network, self.weights_file)
        if found is None:
            return None
        dtype = dtype or (self.training.dtype if self.training else "float64")
        return found[0].astype(dtype)

    def initial_network(self, dtype=None) -> Network:
        """The network with its initial (or hand-set) weights."""
        dtype = dtype or (self.training.dtype if self.training else "float64")
        net = Network.from_spec(self.network, dtype=dtype)
        for i in range(net.n_layers):
            W = self.weights.get(f"W{i + 1}")
            b = self.weights.get(f"b{i + 1}")
            if W is not None or b is not None:
                net.set_layer(i, W, b)
        return net

    def load_data(self, data_dir=None) -> TrainData | None:
        """Training and test data with targets as the preset defines them (None: no data)."""
        kind = self.data.get("kind")
        if kind in ("none", "input", None):
            return None
        from nnviz.core.lessons import datasets
        if kind == "gate":
            ds = datasets.gate(self.data["name"])
        elif kind == "toy" and self.data.get("name") == "rows":
            ds = datasets.given_rows(self.data.get("rows"))  # the lesson's own vectors
        elif kind == "toy":
            args = {k: v for k, v in self.data.items() if k not in ("kind", "name")}
            ds = datasets.toy(self.data["name"], **args)
        elif kind in ("mnist", "fashion"):
            folder = datasets.locate_mnist(kind, data_dir)
            ds = datasets.load_mnist(folder, kind=kind)
        else:
            raise SpecError(f"preset {self.id}: unknown data kind {kind!r}")
        return self.prepare(ds)

    def prepare(self, ds) -> TrainData:
        """Normalise inputs and build targets for a loaded dataset."""
        from nnviz.core.lessons import datasets
        X, Xt = ds.x_train.reshape(len(ds.x_train), -1), ds.x_test.reshape(len(ds.x_test), -1)
        norm = self.data.get("normalize")
        if norm == "course":
            X, Xt = datasets.normalize_course(X), datasets.normalize_course(Xt)
        elif norm == "unit":
            X, Xt = datasets.normalize_unit(X), datasets.normalize_unit(Xt)
        kind = self.targets.get("kind", "onehot")
        lo, hi = self.targets.get("low", 0.0), self.targets.get("high", 1.0)
        dtype = np.dtype(self.training.dtype if self.training else "float64")
        T = _targets(ds.y_train, kind, ds.n_classes, lo, hi)
        Tt = _targets(ds.y_test, kind, ds.n_classes, lo, hi)
        c = np.ascontiguousarray
        return TrainData(c(X, dtype), c(T, dtype), ds.y_train, c(Xt, dtype), c(Tt, dtype),
                         ds.y_test)

    def make_trainer(self, data: TrainData | None = None, net: Network | None = None,
                     **overrides) -> Trainer:
        """A trainer for this lesson; ``overrides`` change TrainSpec fields (e.g. epochs)."""
        if self.training is None or self.trainer not in ("perceptron", "backprop"):
            raise ValueError(f"lesson {self.id} has nothing to train")
        data = self.load_data() if data is None else data
        if data is None:
            raise ValueError(f"lesson {self.id} has no data to train on")
        spec = self.training.with_changes(**overrides)
        net = self.build_network(spec.dtype) if net is None else net
        if self.trainer == "perceptron":
            from nnviz.core.train.perceptron import PerceptronTrainer

            return PerceptronTrainer(net, data, spec)
        return Trainer(net, data, spec)

    @classmethod
    def from_dict(cls, d: dict) -> Preset:
        if not isinstance(d, dict):
            raise SpecError("a preset must be a JSON object")
        v = d.get("version", 1)
        if not isinstance(v, int) or v > PRESET_VERSION or v < 1:
            raise SpecError(f"preset version {v!r} is not supported by this nnviz")
        try:
            group, trainer = d["group"], d["trainer"]
            if group not in GROUPS:
                raise SpecError(f"unknown lesson group {group!r}")
            if trainer not in TRAINERS:
                raise SpecError(f"unknown trainer {trainer!r}")
            training = TrainSpec.from_dict(d["training"]) if "training" in d else None
            network = NetworkSpec.from_dict(d["network"])
            weights = dict(d.get("weights", {}))
            _check_weights(network, weights)
            _check_rows(network, d["data"])
            order = d.get("order", 0)
            weights_file = d.get("weights_file", "")
            if not isinstance(weights_file, str) or (
                    weights_file and not PRESET_ID.fullmatch(weights_file)):
                raise SpecError("weights_file must be the name of a model file (lowercase "
                                f"letters, digits and '-'), got {str(weights_file)[:40]!r}")
            if not isinstance(order, int) or isinstance(order, bool) or abs(order) > 10**6:
                raise SpecError(f"the lesson's order must be a whole number, got {order!r:.40}")
            return cls(id=str(d["id"]), group=group, order=order,
                       handout=str(d.get("handout", "")), title=dict(d["title"]),
                       summary=dict(d.get("summary", {})), trainer=trainer,
                       network=network, data=dict(d["data"]),
                       training=training, weights=weights,
                       targets=dict(d.get("targets", {})), expect=dict(d.get("expect", {})),
                       view=dict(d.get("view", {})), compare=dict(d.get("compare", {})),
                       explain=dict(d.get("explain", {})), weights_file=weights_file)
        except KeyError as exc:
            raise SpecError(f"preset is missing the field {exc}") from None
        except (TypeError, ValueError, AttributeError, OverflowError, RecursionError) as exc:
            if isinstance(exc, SpecError):
                raise
            raise SpecError(f"preset is malformed: {type(exc).__name__}: "
                            f"{str(exc)[:200]}") from None


def _check_weights(spec: NetworkSpec, weights: dict) -> None:
    """Hand-set weights must name existing layers, have the layer's shape and be finite."""
    net = Network(spec)
    for key, value in weights.items():
        num = str(key)[1:]
        i = int(num) - 1 if num.isdigit() else -1
        if not 0 <= i < net.n_layers or str(key)[0] not in "Wb":
            raise SpecError(f"hand-set weight {key!r} names no layer of the network")
        dst = net.W[i] if str(key)[0] == "W" else net.b[i]
        if dst is None:
            raise SpecError(f"layer {i + 1} has no bias, but the preset sets {key}")
        try:
            arr = np.asarray(value, dtype=np.float64)
        except (TypeError, ValueError):
            raise SpecError(f"{key} must be numbers") from None
        if arr.shape != dst.shape:
            raise SpecError(f"{key} has shape {arr.shape}; the network needs {dst.shape}")
        if not np.all(np.isfinite(arr)):
            raise SpecError(f"{key} must be finite numbers")


def _check_rows(spec: NetworkSpec, data) -> None:
    """A lesson's own input rows must be usable and as long as the network's input."""
    if not isinstance(data, dict) or data.get("kind") != "toy" or data.get("name") != "rows":
        return
    from nnviz.core.lessons.datasets import given_rows

    try:
        ds = given_rows(data.get("rows"))
    except ValueError as exc:
        raise SpecError(f"the lesson's rows: {exc}") from None
    if ds.n_inputs != spec.inputs:
        raise SpecError(f"the lesson's rows have {ds.n_inputs} numbers; the network has "
                        f"{spec.inputs} inputs")


def _targets(y, kind, n_classes, lo, hi):
    y = np.asarray(y)
    if kind == "binary":
        return np.where(y[:, None] > 0, hi, lo).astype(float)
    T = np.full((len(y), n_classes), lo, dtype=float)
    T[np.arange(len(y)), y] = hi
    return T


def preset_dir() -> Path:
    return resource_dir() / "presets"


def load_preset_file(path) -> Preset:
    """Read one preset JSON file (:class:`PresetError`, a SpecError, naming the file).

    Only a regular file of at most 1 MB is read; NaN, numbers that overflow (``1e400``),
    integers of more than 40 digits and nesting deeper than 32 levels are refused.
    """
    path = Path(path)
    try:
        data = read_regular(path, MAX_PRESET_BYTES, "a lesson", PresetError)  # names the file
    except OSError as exc:
        raise PresetError(f"{path.name}: {exc.strerror or exc}") from None
    try:
        return Preset.from_dict(parse_json(data, "the lesson", PresetError))
    except (SpecError, UnreadableFile) as exc:
        raise PresetError(f"{path.name}: {exc}") from None


def all_presets() -> list[Preset]:
    """Every lesson, in handout order (group, then order)."""
    presets = [load_preset_file(p) for p in sorted(preset_dir().glob("*.json"))]
    return sorted(presets, key=lambda p: (GROUPS.index(p.group), p.order, p.id))


def get_preset(preset_id: str) -> Preset:
    """The lesson called ``preset_id`` (a name from ``all_presets``, never a path).

    Raises
    ------
    KeyError
        No such lesson, or ``preset_id`` is not a lesson name (``../x``, ``/tmp/y``).
    PresetError
        The lesson's file is broken.
    """
    if not isinstance(preset_id, str) or not PRESET_ID.fullmatch(preset_id):
        raise KeyError(f"{str(preset_id)[:80]!r} is not a lesson name (lowercase letters, "
                       "digits and '-' only, no folders); `nnviz presets` lists them")
    path = preset_dir() / f"{preset_id}.json"
    if not path.is_file():
        known = ", ".join(p.id for p in all_presets())
        raise KeyError(f"no lesson called {preset_id!r}; known lessons: {known}")
    return load_preset_file(path)
