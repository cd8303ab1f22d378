"""Optimizers over the flat parameter vector; the update rules are in ``kernels/optim.py``.

``OPTIMIZERS[name](n_params, lr, **hyper)`` builds one; ``step(params, grad)`` applies one
update.  The learning rate and hyper-parameters may be changed between steps (the state —
velocities, squared-gradient sums, Adam's moments and step count — is kept), so the GUI can
change them mid-run.  ``state_dict``/``load_state`` let a session resume exactly.
"""

from __future__ import annotations

import numpy as np

from nnviz.core.kernels import optim as K
from nnviz.core.nn.spec import OPTIMIZER_DEFAULTS


class Optimizer:
    """Base: holds lr, hyper-parameters and state vectors (float64 or the params' dtype)."""

    name = "sgd"
    state_names: tuple[str, ...] = ()

    def __init__(self, n_params: int, lr: float | None = None, dtype=np.float64, **hyper):
        defaults = dict(OPTIMIZER_DEFAULTS[self.name])
        default_lr = defaults.pop("lr")  # the rate is .lr, never also a stale entry of .hyper
        self.lr = float(default_lr if lr is None else lr)
        unknown = set(hyper) - set(defaults)
        if unknown:
            raise ValueError(f"{self.name} has no hyper-parameter(s) {sorted(unknown)}")
        defaults.update(hyper)
        self.hyper = {k: float(v) for k, v in defaults.items()}
        self.t = 0  # updates applied so far
        self.state = {k: np.zeros(n_params, dtype) for k in self.state_names}

    def set_hyper(self, **hyper) -> None:
        for k, v in hyper.items():
            if k == "lr":
                self.lr = float(v)
            elif k in self.hyper:
                self.hyper[k] = float(v)
            else:
                raise ValueError(f"{self.name} has no hyper-parameter {k!r}")

    def step(self, p: np.ndarray, g: np.ndarray) -> None:
        self.t += 1
        self._step(p, g)

    def _step(self, p, g):
        K.sgd_step(p, g, self.lr)

    def state_dict(self) -> dict:
        return {"name": self.name, "lr": self.lr, "hyper": dict(self.hyper), "t": self.t,
                "state": {k: v.copy() for k, v in self.state.items()}}

    def load_state(self, d: dict) -> None:
        self.lr, self.t = float(d["lr"]), int(d["t"])
        # state dicts saved before the fix above also carried the default lr in "hyper"
        self.hyper.update({k: v for k, v in d["hyper"].items() if k != "lr"})
        for k, v in d["state"].items():
            self.state[k][...] = v

    def describe(self) -> str:
        parts = [f"lr={self.lr:g}"] + [f"{k}={v:g}" for k, v in self.hyper.items()]
        return f"{self.name}({', '.join(parts)})"


class SGD(Optimizer):
    name = "sgd"


class Momentum(Optimizer):
    name = "momentum"
    state_names = ("v",)

    def _step(self, p, g):
        K.momentum_step(p, g, self.state["v"], self.lr, self.hyper["momentum"], False)


class Nesterov(Optimizer):
    name = "nesterov"
    state_names = ("v",)

    def _step(self, p, g):
        K.momentum_step(p, g, self.state["v"], self.lr, self.hyper["momentum"], True)


class Adagrad(Optimizer):
    name = "adagrad"
    state_names = ("s",)

    def _step(self, p, g):
        K.adagrad_step(p, g, self.state["s"], self.lr, self.hyper["eps"])


class RMSProp(Optimizer):
    name = "rmsprop"
    state_names = ("s",)

    def _step(self, p, g):
        K.rmsprop_step(p, g, self.state["s"], self.lr, self.hyper["rho"], self.hyper["eps"])


class Adam(Optimizer):
    name = "adam"
    state_names = ("m", "v")

    def _step(self, p, g):
        h = self.hyper
        K.adam_step(p, g, self.state["m"], self.state["v"], self.lr, h["beta1"], h["beta2"],
                    h["eps"], float(self.t))


OPTIMIZERS: dict[str, type[Optimizer]] = {
    cls.name: cls for cls in (SGD, Momentum, Nesterov, Adagrad, RMSProp, Adam)
}


def make_optimizer(name: str, n_params: int, lr: float, dtype=np.float64, **hyper) -> Optimizer:
    return OPTIMIZERS[name](n_params, lr, dtype, **hyper)
