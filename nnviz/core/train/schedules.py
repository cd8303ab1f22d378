"""Learning-rate schedules: the learning rate used during epoch ``e`` (0-based).

- constant:     η
- step:         η · γ^⌊e / step_size⌋
- exponential:  η · γ^e
- cosine:       η_min + (η − η_min) · (1 + cos(π · e / E)) / 2      (E = number of epochs)
"""

from __future__ import annotations

import math

SCHEDULES = ("constant", "step", "exponential", "cosine")
#: Default parameters of each schedule.
SCHEDULE_DEFAULTS = {
    "constant": {},
    "step": {"step_size": 10, "gamma": 0.5},
    "exponential": {"gamma": 0.95},
    "cosine": {"min_lr": 0.0},
}


def lr_at(schedule: str, lr: float, epoch: int, epochs: int, **params) -> float:
    """Learning rate of epoch ``epoch`` for base rate ``lr`` over ``epochs`` epochs."""
    p = dict(SCHEDULE_DEFAULTS[schedule])
    p.update(params)
    if schedule == "constant":
        return lr
    if schedule == "step":
        return lr * p["gamma"] ** (epoch // max(1, int(p["step_size"])))
    if schedule == "exponential":
        return lr * p["gamma"] ** epoch
    e = min(epoch, epochs)
    return p["min_lr"] + (lr - p["min_lr"]) * (1 + math.cos(math.pi * e / max(1, epochs))) / 2
