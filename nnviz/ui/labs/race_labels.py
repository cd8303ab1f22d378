"""The optimizer race's loss surfaces: their names and shading (optimizers: ui/common/names)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from nnviz.ui.common import colors


def surface_name(name: str) -> str:
    names = {
        "bowl": QCoreApplication.translate("OptimizerRace", "bowl"),
        "valley": QCoreApplication.translate("OptimizerRace", "long valley (Rosenbrock)"),
        "saddle": QCoreApplication.translate("OptimizerRace", "saddle"),
    }
    return names.get(name, name)


def surface_rgb(values: np.ndarray) -> np.ndarray:
    """Colours of a surface sampled on a grid: signed scale of sign(L)·log(1 + |L|), pale."""
    v = np.sign(values) * np.log1p(np.abs(values))
    scale = max(float(np.max(np.abs(v))), 1e-12) / 0.55  # stay pale: paths must stand out
    return colors.signed_rgb(v, scale)
