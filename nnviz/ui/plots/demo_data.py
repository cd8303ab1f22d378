"""Made-up curves for the plots' stand-alone previews and tests (no training needed)."""

from __future__ import annotations

import numpy as np


def demo_evals(n: int = 40, samples_per_epoch: int = 400):
    """Plausible evaluation points for the stand-alone demo and the tests."""
    from nnviz.core.train.trainer import EvalPoint

    rng = np.random.default_rng(1)
    out = []
    for k in range(1, n + 1):
        e = k / 4
        tl = 0.7 * np.exp(-e / 2) + 0.02 + 0.01 * rng.random()
        out.append(EvalPoint(round(e * samples_per_epoch), e, tl, 1 - tl / 1.4,
                             tl * 1.1 + 0.01, 1 - tl / 1.3))
    return out


def demo_runs():
    """Six optimizers' made-up runs: ``[(label, hyper, evals)]``."""
    from nnviz.core.nn.spec import OPTIMIZER_DEFAULTS
    from nnviz.core.train.trainer import EvalPoint

    out = []
    for k, (name, hyper) in enumerate(OPTIMIZER_DEFAULTS.items()):
        rate = 0.3 + 0.25 * k
        evals = []
        for i in range(1, 41):
            e = i / 4
            loss = 0.7 * np.exp(-rate * e) + 0.03
            evals.append(EvalPoint(i * 100, e, loss, 1 - loss, loss * 1.1, 1 - loss * 1.1))
        out.append((name, {"optimizer": name, **hyper}, evals))
    return out
