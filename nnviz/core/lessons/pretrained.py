"""The pretrained MNIST network: how it is trained, where its file lives, how a lesson finds it.

The lesson "MNIST with pretrained weights" (``resources/presets/mnist-pretrained.json``) shows a
784-50-100-10 sigmoid/softmax network, the architecture of the book's ``sample_weight.pkl``
(handout 003).  nnviz ships its own weights for it instead of the book's pickle: they are not
in the repository (no generated data in the tree) but made from the bundled MNIST by
``scripts/train-pretrained`` (run by ``scripts/bootstrap`` and by the PyInstaller build), with
the recipe below — nnviz's own trainer, fixed seeds, fixed data order — so every build makes
the same file.  If a checkout runs without it, the MNIST lesson trains it in the background on
first open (``nnviz/ui/mnist/model_actions.py``) with the same :func:`train`.

The file is an nnviz model (:func:`nnviz.core.files.io.save_model`: JSON spec + float32 parameters
in an .npz, never a pickle).  :func:`find` looks for it in the per-user data folder first (what
bootstrap and the app write), then in the data shipped with the application.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from nnviz.core.files.io import ModelFileError, load_model, save_model
from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import NetworkSpec, TrainSpec
from nnviz.core.train.trainer import Trainer
from nnviz.core.train.trainer_types import TrainData

#: the model file's name, without ".npz" (the ``weights_file`` of a preset)
MNIST_NAME = "pretrained-mnist"
#: sub-folder of the data folders that holds pretrained models
MODELS_FOLDER = "models"
#: the test accuracy a shipped model must reach (the book's sample_weight.pkl: 0.9352)
MIN_TEST_ACCURACY = 0.93
#: the recipe: mini-batch SGD (handout 004's optimizer) on cross-entropy, 100 images a batch
#: (handout 003's batch), the training set reshuffled every epoch from seed 0.  float32: about
#: twice as fast as float64 here, and the weights are shown (and evaluated) as float64 anyway.
RECIPE = TrainSpec(loss="cce", optimizer="sgd", lr=0.5, batch_size=100, epochs=10,
                   shuffle=True, seed=0, dtype="float32")
#: samples trained between two progress reports (and cancellation checks)
CHUNK = 6000


def user_path(name: str = MNIST_NAME) -> Path:
    """Where bootstrap and the app write a pretrained model: ``<user data>/models/<name>.npz``."""
    from nnviz.core.lessons.datasets.paths import user_data_dir

    return user_data_dir() / MODELS_FOLDER / f"{name}.npz"


def search_paths(name: str = MNIST_NAME) -> list[Path]:
    """Where a pretrained model is looked for, in order: the user's copy, then the bundled one."""
    from nnviz.core.lessons.datasets.paths import bundled_data_dir

    return [user_path(name), bundled_data_dir() / MODELS_FOLDER / f"{name}.npz"]


def fits(net: Network, spec: NetworkSpec) -> bool:
    """True when ``net`` has the layers of ``spec`` (sizes, activations, biases)."""
    mine = [(s.units, s.activation, s.bias) for s in net.spec.layers]
    want = [(s.units, s.activation, s.bias) for s in spec.layers]
    return net.spec.inputs == spec.inputs and mine == want


def readable(path: Path, spec: NetworkSpec) -> bool:
    """True when ``path`` is a model file that loads and fits ``spec``."""
    try:
        net, _extra = load_model(path)
    except ModelFileError:
        return False
    return fits(net, spec)


def find(spec: NetworkSpec, name: str = MNIST_NAME) -> tuple[Network, Path] | None:
    """The first readable model called ``name`` that fits ``spec``, with its path; else None.

    A damaged file or one of another shape is skipped (the next place is tried), so a broken
    user copy never hides the bundled one.
    """
    for path in search_paths(name):
        if not path.is_file():
            continue
        try:
            net, _extra = load_model(path)
        except ModelFileError:
            continue
        if fits(net, spec):
            return net, path
    return None


def subset(data: TrainData, n_train: int | None) -> TrainData:
    """The first ``n_train`` training rows (all when None); the test set is kept whole."""
    if n_train is None or n_train >= len(data.X):
        return data
    n = max(1, int(n_train))
    return TrainData(data.X[:n], data.T[:n], data.y[:n], data.X_test, data.T_test,
                     data.y_test)


def train(net: Network, data: TrainData, spec: TrainSpec = RECIPE,
          progress: Callable[[float], None] | None = None,
          cancelled: Callable[[], bool] | None = None) -> Network:
    """Train a copy of ``net`` on ``data`` with ``spec``; returns the trained copy (spec's dtype).

    ``progress(fraction)`` is called after every :data:`CHUNK` samples; ``cancelled()`` is
    asked as often and stops the training with :class:`InterruptedError`.  A run that diverges
    raises :class:`RuntimeError` (it does not with the recipe).
    """
    trainer = Trainer(net.copy(), data, spec)
    total = spec.epochs * trainer.n_train
    while trainer.epoch < spec.epochs:
        if cancelled is not None and cancelled():
            raise InterruptedError("the training was cancelled")
        snap = trainer.step("samples", count=CHUNK)
        if snap.status == "diverged":
            raise RuntimeError(f"the training diverged: {snap.message}")
        if progress is not None:
            progress(min(1.0, trainer.samples_seen / total))
    return trainer.net


def accuracy_on_test_set(net: Network, data: TrainData) -> float:
    """Share of the test images classified right, computed in float64 as the app shows it."""
    preds = net.astype("float64").predict(data.X_test)
    return float(np.mean(preds == np.asarray(data.y_test)))


def make(net: Network, data: TrainData, out: Path, spec: TrainSpec = RECIPE,
         n_train: int | None = None, min_accuracy: float = MIN_TEST_ACCURACY,
         progress: Callable[[float], None] | None = None,
         cancelled: Callable[[], bool] | None = None) -> tuple[Network, float, float]:
    """Train, test and (if good enough) save: returns (network, test accuracy, seconds).

    The file is written only when the accuracy reaches ``min_accuracy``; below it a
    :class:`ValueError` says so and nothing is written.
    """
    start = time.perf_counter()
    used = subset(data, n_train)
    trained = train(net, used, spec, progress, cancelled)
    acc = accuracy_on_test_set(trained, used)
    seconds = time.perf_counter() - start
    if acc < min_accuracy:
        raise ValueError(f"test accuracy {acc:.4f} is below the required {min_accuracy:.4f}; "
                         "no model was written")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    recipe = {"loss": spec.loss, "optimizer": spec.optimizer, "lr": spec.lr,
              "batch_size": spec.batch_size, "epochs": spec.epochs, "shuffle": spec.shuffle,
              "seed": spec.seed, "dtype": spec.dtype, "n_train": len(used.X)}
    save_model(out, trained, {"made_by": "scripts/train-pretrained", "recipe": recipe,
                              "test_accuracy": acc})
    return trained, acc, seconds
