"""Two-dimensional loss surfaces for the optimizer race (Qt-free, NumPy only).

Each :class:`Surface` is a function ``L(x, y)`` with its gradient, a start point and a view
range.  :func:`race` runs several optimizers from the same start with the update rules of
:mod:`nnviz.core.nn.optimizers` — the very code that trains the networks — so what the student sees
on the contour plot is what happens to the weights during training.

- ``bowl``:   L = x² + y²                              (one minimum at the origin)
- ``valley``: L = (1 − x)² + 100 (y − x²)²             (Rosenbrock: a long curved valley,
  minimum at (1, 1))
- ``saddle``: L = ½x² − ½y² + ¼y⁴                      (a saddle at the origin, minima at
  (0, ±1) with L = −¼)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple

import numpy as np

from nnviz.core.nn.optimizers import make_optimizer
from nnviz.core.nn.spec import OPTIMIZER_DEFAULTS

#: A trajectory is "diverged" once a coordinate leaves this bound (or stops being finite).
DIVERGED = 1e6


class Surface(NamedTuple):
    """A 2-D loss surface with what the race needs to draw and run it."""

    name: str  # registry key
    value: Callable  # value(x, y) -> L, elementwise on arrays of any shape
    gradient: Callable  # gradient(p) -> array (2,): (∂L/∂x, ∂L/∂y) at p = (x, y)
    start: tuple[float, float]  # default start point
    x_range: tuple[float, float]  # view range of the contour plot
    y_range: tuple[float, float]
    minimum: tuple[float, float]  # a global minimum (for the plot's marker)
    formula: str  # shown in the UI
    lr_hint: dict  # learning rates that make a good race on this surface (per optimizer)


def bowl_value(x, y):
    """L = x² + y²; ``x`` and ``y`` broadcast, any shape."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    return x * x + y * y


def bowl_gradient(p):
    """∇L = (2x, 2y) for ``p`` of shape (2,)."""
    x, y = float(p[0]), float(p[1])
    return np.array([2.0 * x, 2.0 * y])


def valley_value(x, y):
    """Rosenbrock's function L = (1 − x)² + 100 (y − x²)²."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    return (1.0 - x) ** 2 + 100.0 * (y - x * x) ** 2


def valley_gradient(p):
    """∇L = (−2(1 − x) − 400x(y − x²), 200(y − x²))."""
    x, y = float(p[0]), float(p[1])
    r = y - x * x
    return np.array([-2.0 * (1.0 - x) - 400.0 * x * r, 200.0 * r])


def saddle_value(x, y):
    """L = ½x² − ½y² + ¼y⁴: a saddle at (0, 0), minima at (0, ±1)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    return 0.5 * x * x - 0.5 * y * y + 0.25 * y ** 4


def saddle_gradient(p):
    """∇L = (x, y³ − y)."""
    x, y = float(p[0]), float(p[1])
    return np.array([x, y ** 3 - y])


SURFACES: dict[str, Surface] = {
    "bowl": Surface(
        "bowl", bowl_value, bowl_gradient, (-3.5, 2.5), (-4.0, 4.0), (-4.0, 4.0), (0.0, 0.0),
        "L(x, y) = x² + y²",
        {"sgd": 0.02, "momentum": 0.01, "nesterov": 0.01, "adagrad": 0.5, "rmsprop": 0.05,
         "adam": 0.1},
    ),
    "valley": Surface(
        "valley", valley_value, valley_gradient, (-1.5, 2.0), (-2.0, 2.0), (-1.0, 3.0),
        (1.0, 1.0), "L(x, y) = (1 − x)² + 100·(y − x²)²",
        {"sgd": 0.002, "momentum": 0.0005, "nesterov": 0.0005, "adagrad": 1.0, "rmsprop": 0.01,
         "adam": 0.1},
    ),
    "saddle": Surface(
        "saddle", saddle_value, saddle_gradient, (-2.5, 0.01), (-3.0, 3.0), (-2.0, 2.0),
        (0.0, 1.0), "L(x, y) = ½x² − ½y² + ¼y⁴",
        {"sgd": 0.1, "momentum": 0.02, "nesterov": 0.02, "adagrad": 0.5, "rmsprop": 0.05,
         "adam": 0.05},
    ),
}


def get_surface(surface: str | Surface) -> Surface:
    """The :class:`Surface` itself, or the one registered under that name."""
    return SURFACES[surface] if isinstance(surface, str) else surface


def grid(surface: str | Surface, n: int = 200) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sample the surface on its view range.

    Returns
    -------
    xs : ndarray, shape (n,)
    ys : ndarray, shape (n,)
    values : ndarray, shape (n, n)
        ``values[i, j] = L(xs[i], ys[j])`` (x along the first axis, as pyqtgraph's ImageItem
        expects).
    """
    s = get_surface(surface)
    xs = np.linspace(*s.x_range, n)
    ys = np.linspace(*s.y_range, n)
    return xs, ys, s.value(xs[:, None], ys[None, :])


def race(
    surface: str | Surface,
    optimizers: Mapping[str, Mapping[str, float] | None],
    lr_overrides: Mapping[str, float] | None = None,
    steps: int = 100,
    start: tuple[float, float] | None = None,
) -> dict[str, np.ndarray]:
    """Run each optimizer from the same start point on ``surface``.

    Parameters
    ----------
    surface : str or Surface
        A key of :data:`SURFACES` or a surface.
    optimizers : mapping
        Optimizer name (a key of ``nnviz.core.nn.optimizers.OPTIMIZERS``) → its hyper-parameters
        (``None`` or ``{}`` for the handout defaults; may contain ``"lr"``).
    lr_overrides : mapping, optional
        Optimizer name → learning rate, taking precedence over ``optimizers[name]["lr"]``.
    steps : int
        Number of updates ``p ← update(p, ∇L(p))``.
    start : (float, float), optional
        Start point; the surface's own by default.

    Returns
    -------
    dict
        Optimizer name → float64 array of shape ``(steps + 1, 2)``: row 0 is the start, row k
        the point after k updates.  Once a trajectory diverges (a coordinate non-finite or
        beyond ``DIVERGED``) the remaining rows are NaN.
    """
    s = get_surface(surface)
    p0 = np.asarray(s.start if start is None else start, dtype=np.float64).reshape(2)
    lr_overrides = dict(lr_overrides or {})
    out: dict[str, np.ndarray] = {}
    for name, hyper in optimizers.items():
        hyper = dict(hyper or {})
        lr = lr_overrides.get(name, hyper.pop("lr", OPTIMIZER_DEFAULTS[name]["lr"]))
        hyper.pop("lr", None)
        opt = make_optimizer(name, 2, float(lr), np.float64, **hyper)
        traj = np.full((steps + 1, 2), np.nan)
        p = p0.copy()
        traj[0] = p
        with np.errstate(over="ignore", invalid="ignore"):
            for k in range(1, steps + 1):
                opt.step(p, s.gradient(p))
                if not np.all(np.isfinite(p)) or np.max(np.abs(p)) > DIVERGED:
                    break
                traj[k] = p
        out[name] = traj
    return out


def diverged_at(trajectory: np.ndarray) -> int | None:
    """The first step whose row is NaN (the trajectory diverged there), or None."""
    bad = np.flatnonzero(~np.isfinite(trajectory[:, 0]))
    return int(bad[0]) if bad.size else None
