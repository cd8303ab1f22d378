"""Network and training specifications: small, frozen, serialisable, versioned.

A spec is everything needed to rebuild a run exactly: layer sizes, activation, bias and
weight initialisation per layer, the seed, and the training hyper-parameters.  ``to_dict`` /
``from_dict`` give plain JSON-able dicts with a ``version`` field; ``from_dict`` migrates older
versions and refuses anything it does not understand with ``SpecError``.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, replace

SPEC_VERSION = 1

#: Limits that keep a lab PC responsive; larger values are refused with a message.
MAX_UNITS = 4096
MAX_INPUTS = 4096
MAX_LAYERS = 16
MAX_BATCH = 65536
MAX_EPOCHS = 100_000

ACTIVATION_NAMES = (
    "identity", "sigmoid", "tanh", "relu", "leaky_relu", "prelu", "elu", "swish", "softplus",
    "step", "softmax", "maxout",
)
INIT_NAMES = ("uniform", "normal", "small", "xavier", "he", "course", "zeros")
LOSS_NAMES = ("mse", "bce", "cce")
OPTIMIZER_NAMES = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")
DTYPE_NAMES = ("float32", "float64")

#: The handouts' default hyper-parameters (Keras defaults quoted in handouts 000 and 001).
OPTIMIZER_DEFAULTS = {
    "sgd": {"lr": 0.1},
    "momentum": {"lr": 0.1, "momentum": 0.9},
    "nesterov": {"lr": 0.1, "momentum": 0.9},
    "adagrad": {"lr": 0.01, "eps": 1e-6},
    "rmsprop": {"lr": 0.001, "rho": 0.9, "eps": 1e-8},
    "adam": {"lr": 0.001, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
}
#: Hyper-parameter names each optimizer accepts besides ``lr``.
OPTIMIZER_PARAMS = {k: tuple(p for p in v if p != "lr") for k, v in OPTIMIZER_DEFAULTS.items()}
#: Default alpha of the activations that take one.
ALPHA_DEFAULTS = {"leaky_relu": 0.01, "prelu": 0.25, "elu": 1.0}


class SpecError(ValueError):
    """A spec (or a file holding one) is invalid; the message says what and where."""


@dataclass(frozen=True)
class LayerSpec:
    """One dense layer: ``a = z_prev @ W + b``, ``z = h(a)``."""

    units: int  # neurons in this layer
    activation: str = "sigmoid"  # key of nnviz.core.nn.activations.ACTIVATIONS
    bias: bool = True  # learn a bias vector b (else a = z_prev @ W)
    init: str = "xavier"  # weight initialisation scheme (biases start at zero)
    alpha: float | None = None  # slope/scale of leaky_relu, prelu (initial), elu; None = default

    @property
    def alpha_value(self) -> float:
        """The alpha actually used (the activation's default when unset)."""
        if self.alpha is not None:
            return float(self.alpha)
        return ALPHA_DEFAULTS.get(self.activation, 0.0)

    @property
    def width(self) -> int:
        """Columns of W: maxout computes two linear pieces per unit."""
        return 2 * self.units if self.activation == "maxout" else self.units


@dataclass(frozen=True)
class NetworkSpec:
    """A feed-forward network: ``inputs`` numbers in, then ``layers`` in order."""

    inputs: int  # size of the input vector x
    layers: tuple[LayerSpec, ...]  # hidden layers then the output layer
    seed: int = 0  # seed of the weight initialisation
    name: str = ""  # optional label shown in the UI

    def __post_init__(self):
        object.__setattr__(self, "layers", tuple(self.layers))
        self.validate()

    @property
    def sizes(self) -> tuple[int, ...]:
        """Neurons per layer including the input layer, e.g. (784, 100, 100, 100, 10)."""
        return (self.inputs, *(layer.units for layer in self.layers))

    @property
    def outputs(self) -> int:
        return self.layers[-1].units

    def n_params(self) -> int:
        """Number of learnable numbers (weights, biases, PReLU slopes)."""
        n, fan_in = 0, self.inputs
        for layer in self.layers:
            n += fan_in * layer.width + (layer.width if layer.bias else 0)
            n += 1 if layer.activation == "prelu" else 0
            fan_in = layer.units
        return n

    def validate(self) -> None:
        _check_int("inputs", self.inputs, 1, MAX_INPUTS)
        if not self.layers:
            raise SpecError("a network needs at least one layer")
        if len(self.layers) > MAX_LAYERS:
            raise SpecError(f"{len(self.layers)} layers is more than the {MAX_LAYERS} allowed")
        for i, layer in enumerate(self.layers, 1):
            where = f"layer {i}"
            if not isinstance(layer, LayerSpec):
                raise SpecError(f"{where}: not a LayerSpec")
            _check_int(f"{where} units", layer.units, 1, MAX_UNITS)
            _check_choice(f"{where} activation", layer.activation, ACTIVATION_NAMES)
            _check_choice(f"{where} init", layer.init, INIT_NAMES)
            if not isinstance(layer.bias, bool):
                raise SpecError(f"{where}: bias must be true or false")
            if layer.alpha is not None:
                _check_float(f"{where} alpha", layer.alpha, 0.0, 100.0)
            if layer.activation == "softmax" and i != len(self.layers):
                raise SpecError(f"{where}: softmax is only allowed on the output layer")
        _check_int("seed", self.seed, 0, 2**63 - 1)

    def to_dict(self) -> dict:
        return {
            "version": SPEC_VERSION,
            "name": self.name,
            "inputs": self.inputs,
            "seed": self.seed,
            "layers": [asdict(layer) for layer in self.layers],
        }

    @classmethod
    def from_dict(cls, d: dict) -> NetworkSpec:
        d = _migrate(d, "network")
        try:
            layers = tuple(
                LayerSpec(
                    units=layer["units"],
                    activation=layer.get("activation", "sigmoid"),
                    bias=layer.get("bias", True),
                    init=layer.get("init", "xavier"),
                    alpha=layer.get("alpha"),
                )
                for layer in d["layers"]
            )
            return cls(inputs=d["inputs"], layers=layers, seed=d.get("seed", 0),
                       name=d.get("name", ""))
        except (KeyError, TypeError, AttributeError) as exc:
            raise SpecError(f"network spec is malformed: missing or wrong field {exc}") from None

    @classmethod
    def mlp(cls, sizes, activations, *, bias=True, init="xavier", seed=0, name="") -> NetworkSpec:
        """Shorthand: ``NetworkSpec.mlp((2, 2, 1), ("sigmoid", "sigmoid"))``."""
        sizes = tuple(sizes)
        if isinstance(activations, str):
            activations = (activations,) * (len(sizes) - 1)
        if len(activations) != len(sizes) - 1:
            raise SpecError("give one activation per layer after the input")
        layers = tuple(LayerSpec(u, a, bias, init) for u, a in zip(sizes[1:], activations))
        return cls(sizes[0], layers, seed, name)


@dataclass(frozen=True)
class TrainSpec:
    """How to train: loss, optimizer and its hyper-parameters, batching, epochs."""

    loss: str = "mse"  # key of nnviz.core.nn.losses.LOSSES
    optimizer: str = "sgd"  # key of nnviz.core.nn.optimizers.OPTIMIZERS
    lr: float = 0.1  # learning rate (eta)
    params: dict = field(default_factory=dict)  # optimizer hyper-parameters besides lr
    batch_size: int = 1  # samples per update (1 = the course's per-sample SGD)
    epochs: int = 1  # passes over the training set
    shuffle: bool = False  # reshuffle the training order every epoch (seeded)
    seed: int = 0  # seed of shuffling
    dtype: str = "float64"  # float32 or float64
    eval_every: int = 0  # also evaluate on the test set every N samples (0: at epoch ends)
    l1: float = 0.0  # L1 weight decay: adds l1·sign(W) to dL/dW (weights, not biases)
    l2: float = 0.0  # L2 weight decay: adds l2·W to dL/dW (loss + l2/2·|W|²)
    dropout: float | tuple = 0.0  # drop rate of hidden-layer outputs (one rate, or per layer)
    schedule: str = "constant"  # learning-rate schedule (nnviz.core.train.schedules)
    schedule_params: dict = field(default_factory=dict)  # e.g. {"step_size": 10, "gamma": .5}
    validation_split: float = 0.0  # share of the training set held out for validation
    early_stopping: int = 0  # stop after this many epochs without a better validation loss
    augment: dict = field(default_factory=dict)  # image lessons: {"rotate", "shift", "noise"}

    def __post_init__(self):
        object.__setattr__(self, "params", dict(self.params))
        object.__setattr__(self, "schedule_params", dict(self.schedule_params))
        object.__setattr__(self, "augment", dict(self.augment))
        if isinstance(self.dropout, list):
            object.__setattr__(self, "dropout", tuple(self.dropout))
        self.validate()

    def dropout_rates(self, n_layers: int) -> tuple[float, ...]:
        """Drop rate of each layer's output (the output layer never drops)."""
        if isinstance(self.dropout, tuple):
            rates = tuple(float(r) for r in self.dropout)[:n_layers - 1]
            rates += (0.0,) * (n_layers - 1 - len(rates))
        else:
            rates = (float(self.dropout),) * (n_layers - 1)
        return (*rates, 0.0)

    @property
    def regularised(self) -> bool:
        """True when the step needs more than plain SGD (decay or dropout)."""
        drop = any(self.dropout) if isinstance(self.dropout, tuple) else self.dropout > 0
        return self.l1 > 0 or self.l2 > 0 or drop

    def optimizer_params(self) -> dict:
        """The optimizer's full hyper-parameters: handout defaults overridden by ``params``."""
        out = {k: v for k, v in OPTIMIZER_DEFAULTS[self.optimizer].items() if k != "lr"}
        out.update({k: v for k, v in self.params.items() if k in out})
        return out

    def with_changes(self, **changes) -> TrainSpec:
        return replace(self, **changes)

    def validate(self) -> None:
        _check_choice("loss", self.loss, LOSS_NAMES)
        _check_choice("optimizer", self.optimizer, OPTIMIZER_NAMES)
        _check_float("learning rate", self.lr, 0.0, 1e3, open_low=True)
        for k, v in self.params.items():
            if k not in OPTIMIZER_PARAMS[self.optimizer]:
                raise SpecError(f"optimizer {self.optimizer} has no parameter {k!r}")
            hi = 1.0 if k != "eps" else 1.0
            _check_float(f"{self.optimizer} {k}", v, 0.0, hi, open_high=k in ("beta1", "beta2"))
        _check_int("batch size", self.batch_size, 1, MAX_BATCH)
        _check_int("epochs", self.epochs, 1, MAX_EPOCHS)
        _check_int("seed", self.seed, 0, 2**63 - 1)
        _check_choice("dtype", self.dtype, DTYPE_NAMES)
        _check_int("eval_every", self.eval_every, 0, 10**9)
        _check_float("L1 decay", self.l1, 0.0, 10.0)
        _check_float("L2 decay", self.l2, 0.0, 10.0)
        rates = self.dropout if isinstance(self.dropout, tuple) else (self.dropout,)
        for r in rates:
            _check_float("dropout rate", r, 0.0, 0.95)
        from nnviz.core.train.schedules import SCHEDULE_DEFAULTS

        _check_choice("schedule", self.schedule, tuple(SCHEDULE_DEFAULTS))
        for k, v in self.schedule_params.items():
            if k not in SCHEDULE_DEFAULTS[self.schedule]:
                raise SpecError(f"schedule {self.schedule} has no parameter {k!r}")
            _check_float(f"schedule {k}", v, 0.0, 1e6)
        _check_float("validation split", self.validation_split, 0.0, 0.5, open_high=True)
        _check_int("early stopping patience", self.early_stopping, 0, 10_000)
        for k, v in self.augment.items():
            if k not in ("rotate", "shift", "noise"):
                raise SpecError(f"unknown augmentation {k!r}; use rotate, shift or noise")
            _check_float(f"augmentation {k}", v, 0.0, {"rotate": 45, "shift": 8}.get(k, 1e3))

    def to_dict(self) -> dict:
        d = asdict(self)
        if isinstance(d["dropout"], tuple):
            d["dropout"] = list(d["dropout"])
        d["version"] = SPEC_VERSION
        return d

    @classmethod
    def from_dict(cls, d: dict) -> TrainSpec:
        d = _migrate(d, "training")
        known = {f for f in cls.__dataclass_fields__}
        unknown = set(d) - known - {"version"}
        if unknown:
            raise SpecError(f"training spec has unknown fields: {sorted(unknown)}")
        try:
            return cls(**{k: v for k, v in d.items() if k != "version"})
        except TypeError as exc:
            raise SpecError(f"training spec is malformed: {exc}") from None


def check_loss_output(network: NetworkSpec, loss: str) -> None:
    """Refuse a loss that makes no sense for the network's output layer (SpecError says why).

    - a softmax over one unit is always 1: nothing can be learned through it;
    - cce (−Σ t log y) needs outputs that add up to 1: a softmax output.  On sigmoid outputs
      it only ever pushes y up (no term for t = 0), and log y of a negative output is undefined;
    - bce needs every output between 0 and 1: sigmoid (or softmax) outputs;
    - mse works with any output.
    """
    _check_choice("loss", loss, LOSS_NAMES)
    out = network.layers[-1]
    act = out.activation
    if act == "softmax" and out.units < 2:
        raise SpecError("a softmax output layer needs at least 2 units: over one unit it is "
                        "always 1, so nothing can be learned (use sigmoid for one output)")
    if loss == "cce" and act != "softmax":
        raise SpecError(
            f"categorical cross-entropy (cce) needs a softmax output layer, whose outputs add "
            f"up to 1; this network's output layer is {act}. Use binary cross-entropy (bce) "
            f"for sigmoid outputs, mean squared error (mse) for any output, or make the output "
            f"layer softmax")
    if loss == "bce" and act not in ("sigmoid", "softmax"):
        raise SpecError(
            f"binary cross-entropy (bce) needs outputs between 0 and 1 (a sigmoid or softmax "
            f"output layer); {act} outputs are not probabilities. Use mean squared error "
            f"(mse), or make the output layer sigmoid")


def _migrate(d, what: str) -> dict:
    """Bring a dict of any known version up to SPEC_VERSION."""
    if not isinstance(d, dict):
        raise SpecError(f"{what} spec must be a JSON object")
    version = d.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool):
        raise SpecError(f"{what} spec version must be an integer")
    if version > SPEC_VERSION:
        raise SpecError(
            f"{what} spec version {version} is newer than this nnviz understands "
            f"({SPEC_VERSION}); update nnviz"
        )
    if version < 1:
        raise SpecError(f"{what} spec version {version} is unknown")
    return dict(d)  # version 1 is current: nothing to migrate yet


def _check_int(name, v, lo, hi):
    if not isinstance(v, int) or isinstance(v, bool):
        raise SpecError(f"{name} must be a whole number, got {v!r}")
    if not lo <= v <= hi:
        raise SpecError(f"{name} must be between {lo} and {hi}, got {v}")


def _check_float(name, v, lo, hi, open_low=False, open_high=False):
    if isinstance(v, bool) or not isinstance(v, int | float):
        raise SpecError(f"{name} must be a number, got {v!r}")
    if not math.isfinite(v):
        raise SpecError(f"{name} must be a finite number, got {v}")
    if v < lo or v > hi or (open_low and v == lo) or (open_high and v == hi):
        lo_b, hi_b = ("(" if open_low else "["), (")" if open_high else "]")
        raise SpecError(f"{name} must be in {lo_b}{lo}, {hi}{hi_b}, got {v}")


def _check_choice(name, v, choices):
    if v not in choices:
        raise SpecError(f"{name} {v!r} is unknown; choose one of: {', '.join(choices)}")
