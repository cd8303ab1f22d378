"""What the MNIST views need from the controller, in one place (no widgets here).

The views talk to :class:`nnviz.ui.controller.Controller` only through its public API
(``set_input``, ``select_sample``, ``open``, ``save``, signals).  Two things the controller does
not offer yet are adapters here, so the lead can wire a proper controller method by changing
one function:

* :func:`use_network` — make an already-loaded :class:`Network` current (import of pretrained
  weights).  Uses ``Controller.set_network(net, path)`` when it exists, else
  ``Controller.replace_network(net)``, else the public ``Controller.open(path)`` (which reads
  the file again through the same restricted loader).
* :func:`load_data_from` — use MNIST from a folder the user chose.  Uses
  ``Controller.set_data_folder(folder)`` when it exists, else loads the lesson's data off the
  GUI thread and hands it to the controller's MNIST-loaded slot.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSettings

from nnviz.core.datasets import normalize_course, normalize_unit

MNIST_KINDS = ("mnist", "fashion")
IMAGE_SIDE = 28
SETTINGS_FOLDER_KEY = "data/{kind}_folder"


def settings() -> QSettings:
    """The app's settings (same organisation/application as ``nnviz.ui.app``)."""
    return QSettings("nnviz", "nnviz")


def data_kind(controller) -> str | None:
    """``"mnist"``/``"fashion"`` for an MNIST lesson, else None."""
    p = controller.preset
    kind = p.data.get("kind") if p is not None else None
    return kind if kind in MNIST_KINDS else None


def is_mnist_lesson(controller) -> bool:
    """True when the current lesson is an MNIST lesson with a 784-input network."""
    net = controller.network
    return data_kind(controller) is not None and net is not None \
        and net.spec.inputs == IMAGE_SIDE * IMAGE_SIDE


def normalize_mode(controller) -> str | None:
    """The lesson's input normalisation: ``"course"``, ``"unit"`` or None (raw 0..255)."""
    p = controller.preset
    return p.data.get("normalize") if p is not None else None


def normalize_pixels(pixels, mode: str | None) -> np.ndarray:
    """Pixels 0..255 → the network's input scale (``course``: x/255·0.99+0.01, ``unit``: x/255)."""
    pixels = np.asarray(pixels, dtype=np.float64)
    if mode == "course":
        return normalize_course(pixels)
    if mode == "unit":
        return normalize_unit(pixels)
    return pixels


def to_pixels(X, mode: str | None) -> np.ndarray:
    """Inverse of :func:`normalize_pixels`, as uint8 (for showing inputs as images)."""
    X = np.asarray(X, dtype=np.float32)
    if mode == "course":
        X = (X - 0.01) / 0.99 * 255.0
    elif mode == "unit":
        X = X * 255.0
    return np.clip(np.rint(X), 0, 255).astype(np.uint8)


def use_network(controller, net, path: str = "") -> None:
    """Make ``net`` the controller's current network (views rebuild, data kept)."""
    if hasattr(controller, "set_network"):
        controller.set_network(net, path)
    elif hasattr(controller, "replace_network"):
        controller.replace_network(net)
    else:
        controller.open(path)


def remembered_folder(kind: str = "mnist") -> str:
    """The folder the user chose with "Use a folder…" ('' = none)."""
    return str(settings().value(SETTINGS_FOLDER_KEY.format(kind=kind), "") or "")


def remember_folder(folder: str, kind: str = "mnist") -> None:
    settings().setValue(SETTINGS_FOLDER_KEY.format(kind=kind), str(folder))


def load_data_from(controller, folder, parent=None):
    """Reload the current MNIST lesson's data from ``folder`` (off the GUI thread).

    Returns the running Task (or None when the controller loads it itself).
    """
    if hasattr(controller, "set_data_folder"):
        controller.set_data_folder(folder)
        return None
    from nnviz.core.datasets import DatasetError
    from nnviz.ui import controller as controller_module
    from nnviz.ui.tasks import Task

    preset, kind = controller.preset, data_kind(controller)
    if kind is None:
        return None
    # the controller's cache key (kind and normalisation) when it has one
    key_of = getattr(controller_module, "_data_key", None)
    key = key_of(preset) if key_of is not None else kind
    task = Task(lambda: preset.load_data(folder), parent or controller,
                expected=(DatasetError, OSError))
    # the controller's own "MNIST loaded" path: caches the data and selects sample 0
    task.done.connect(lambda data: controller._on_task_mnist_done(key, data))
    task.failed.connect(lambda msg: controller._on_task_mnist_failed(key, msg))
    return task.start()
