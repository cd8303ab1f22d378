"""Weight and activation statistics per layer (histograms, mean/std, dead ReLU units)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.core.nn.network import Network


@dataclass(frozen=True)
class LayerStats:
    """Statistics of one layer's weights and of its outputs on a sample of inputs."""

    w_hist: np.ndarray  # counts per bin of the weights
    w_edges: np.ndarray  # bin edges (len = bins + 1)
    w_mean: float
    w_std: float
    z_hist: np.ndarray  # counts per bin of the activations z
    z_edges: np.ndarray
    z_mean: float
    z_std: float
    dead: float  # share of units whose output is 0 for every sample (ReLU units that died)


def layer_stats(net: Network, X, bins: int = 40, w_range=None, z_range=None) -> list:
    """One :class:`LayerStats` per layer, activations measured on the rows of ``X``.

    Give ``w_range``/``z_range`` (per-layer (lo, hi) lists) to compare two networks (e.g. now
    and at the start) on the same bins.
    """
    X = np.asarray(X, dtype=net.dtype)
    trace = net.trace(X)
    out = []
    for i, (_, z) in enumerate(trace):
        W = net.W[i].ravel()
        wr = w_range[i] if w_range else _range(W)
        zr = z_range[i] if z_range else _range(z)
        wh, we = np.histogram(W, bins=bins, range=wr)
        zh, ze = np.histogram(z, bins=bins, range=zr)
        dead = float(np.mean(np.all(z == 0, axis=0))) if len(z) else 0.0
        out.append(LayerStats(wh, we, float(W.mean()), float(W.std()), zh, ze,
                              float(z.mean()), float(z.std()), dead))
    return out


def _range(a):
    lo, hi = float(np.min(a)), float(np.max(a))
    if not np.isfinite(lo) or not np.isfinite(hi):
        return (-1.0, 1.0)
    return (lo, hi) if hi > lo else (lo - 0.5, hi + 0.5)
