import numpy as np
import pytest

from nnviz.core.lessons.presets import get_preset
from nnviz.core.nn.spec import OPTIMIZER_DEFAULTS
from nnviz.core.train.compare import compare_runs


def test_six_optimizers_from_the_same_initial_weights():
    p = get_preset("optimizers")
    names = p.compare["optimizer"]
    runs = compare_runs(p, "optimizer", names, epochs=3)
    assert [r.label for r in runs] == names
    for r in runs:
        assert r.hyper["lr"] == OPTIMIZER_DEFAULTS[r.label]["lr"]
        assert len(r.evals) == 4  # the start and three epochs
    # the same start: every run's first evaluation (before any update) is identical
    first = {round(r.evals[0].train_loss, 12) for r in runs}
    assert len(first) == 1
    # and they then differ
    assert len({round(r.evals[-1].train_loss, 9) for r in runs}) == len(runs)


def test_losses_compared_and_cancel():
    p = get_preset("losses")
    runs = compare_runs(p, "loss", p.compare["loss"], epochs=2)
    assert [r.hyper["loss"] for r in runs] == ["mse", "bce"]
    calls = []
    runs = compare_runs(p, "loss", ["mse", "bce"], epochs=5, cancel=lambda: bool(calls),
                        progress=lambda d, t: calls.append((d, t)))
    assert len(runs) == 1 and runs[0].status == "stopped"
    with pytest.raises(ValueError):
        compare_runs(p, "batch_size", [1, 2])
    assert np.isfinite(runs[0].evals[-1].train_loss)
