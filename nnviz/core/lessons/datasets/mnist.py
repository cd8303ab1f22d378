"""MNIST and Fashion-MNIST: locating, validating and loading the IDX files.

The loader returns pixels as float32 in ``0 .. 255`` (not normalised); use
:func:`normalize_course` (``0.01 .. 1.0``) or :func:`normalize_unit`
(``0 .. 1``) as the lesson requires.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nnviz.core.lessons.datasets.base import Dataset
from nnviz.core.lessons.datasets.errors import DatasetCorrupt, DatasetNotFound
from nnviz.core.lessons.datasets.idx import (
    MAGIC_IMAGES,
    MAGIC_LABELS,
    MAX_IDX_BYTES,
    IdxError,
    read_idx_digest,
)
from nnviz.core.lessons.datasets.paths import bundled_data_dir, user_data_dir

__all__ = [
    "FASHION_CLASSES", "FASHION_SHA256", "FETCH_COMMAND", "KINDS", "MNIST_FILES",
    "MNIST_LABEL_COUNTS", "MNIST_SHA256", "MnistSpec", "default_spec", "find_all_locations",
    "find_mnist_file", "has_mnist_files", "load_mnist", "locate_mnist",
    "normalize_kind",
]

#: Data set kinds; also the sub-folder names under the data folders.
KINDS = ("mnist", "fashion")
_ALIASES = {
    "mnist": "mnist",
    "fashion": "fashion",
    "fashion-mnist": "fashion",
    "fashion_mnist": "fashion",
    "fashionmnist": "fashion",
}
_DISPLAY = {"mnist": "MNIST", "fashion": "Fashion-MNIST"}

#: The four file names (each may also exist with a ``.gz`` suffix).
MNIST_FILES = (
    "train-images-idx3-ubyte",
    "train-labels-idx1-ubyte",
    "t10k-images-idx3-ubyte",
    "t10k-labels-idx1-ubyte",
)

#: SHA-256 of the decompressed MNIST files.
MNIST_SHA256 = {
    "t10k-images-idx3-ubyte": "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    "t10k-labels-idx1-ubyte": "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
    "train-images-idx3-ubyte": "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    "train-labels-idx1-ubyte": "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
}

#: SHA-256 of the decompressed Fashion-MNIST files (as in Debian's
#: ``dataset-fashion-mnist`` and the zalandoresearch release).
FASHION_SHA256 = {
    "t10k-images-idx3-ubyte": "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
    "t10k-labels-idx1-ubyte": "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
    "train-images-idx3-ubyte": "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
    "train-labels-idx1-ubyte": "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
}

#: Number of images of each digit 0..9 in the MNIST splits.
MNIST_LABEL_COUNTS = {
    "train": (5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949),
    "test": (980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009),
}
_FASHION_LABEL_COUNTS = {"train": (6000,) * 10, "test": (1000,) * 10}

#: Fashion-MNIST class names, label 0 to 9.
FASHION_CLASSES = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                   "Sneaker", "Bag", "Ankle boot")

#: With ``verify=False`` a file may hold at most this many times the expected images.
MAX_COUNT_FACTOR = 10

#: Command shown in error messages to get the data.
FETCH_COMMAND = "python -m nnviz data --fetch"

# Debian's dataset-fashion-mnist package installs here.
_SYSTEM_DIRS = {"fashion": (Path("/usr/share/datasets/fashion-mnist"),)}


@dataclass(frozen=True)
class MnistSpec:
    """What a loaded MNIST-like data set must look like.

    Parameters
    ----------
    n_train, n_test : int
        Number of training and test images.
    image_shape : tuple of int
        Shape of one image.
    n_classes : int
        Labels must lie in ``0 .. n_classes - 1``.
    label_counts : mapping, optional
        ``{"train": counts, "test": counts}``, one count per class.
    sha256 : mapping, optional
        File name -> hex SHA-256 of the decompressed file.
    """

    n_train: int = 60000
    n_test: int = 10000
    image_shape: tuple = (28, 28)
    n_classes: int = 10
    label_counts: Mapping | None = None
    sha256: Mapping | None = None


def normalize_kind(kind: str) -> str:
    """Return the canonical kind (``"mnist"`` or ``"fashion"``).

    Raises
    ------
    ValueError
        For an unknown kind.
    """
    key = _ALIASES.get(str(kind).strip().lower())
    if key is None:
        raise ValueError(f"unknown data set kind {kind!r}; expected one of {KINDS}")
    return key


def default_spec(kind: str = "mnist") -> MnistSpec:
    """Return the real expected shapes, label counts and hashes of ``kind``."""
    kind = normalize_kind(kind)
    if kind == "mnist":
        return MnistSpec(label_counts=MNIST_LABEL_COUNTS, sha256=MNIST_SHA256)
    return MnistSpec(label_counts=_FASHION_LABEL_COUNTS, sha256=FASHION_SHA256)


def _fetch_hint(kind: str) -> str:
    cmd = FETCH_COMMAND if kind == "mnist" else f"{FETCH_COMMAND} --kind {kind}"
    return (
        f"Run `{cmd}` to download it, or pass --data-dir FOLDER with the four IDX files "
        f"({', '.join(MNIST_FILES)}, each optionally .gz)."
    )


def find_mnist_file(folder: str | os.PathLike, name: str) -> Path | None:
    """Return ``folder/name`` or ``folder/name.gz`` (raw preferred), or None."""
    folder = Path(folder)
    for candidate in (folder / name, folder / f"{name}.gz"):
        if candidate.is_file():
            return candidate
    return None


def has_mnist_files(folder: str | os.PathLike) -> bool:
    """Return True if ``folder`` holds all four files (raw or ``.gz``)."""
    return all(find_mnist_file(folder, name) is not None for name in MNIST_FILES)


def _candidates(kind: str, user_path) -> list[tuple[str, Path]]:
    out = []
    if user_path is not None:
        p = Path(user_path).expanduser()
        out.append(("given folder", p))
        out.append(("given folder", p / kind))
    out.append(("user data folder", user_data_dir() / kind))
    out.append(("bundled with nnviz", bundled_data_dir() / kind))
    if sys.platform.startswith("linux"):
        out.extend(("system package", p) for p in _SYSTEM_DIRS.get(kind, ()))
    return out


def find_all_locations(kind: str = "mnist", user_path=None) -> list[tuple[str, Path, bool]]:
    """List every folder searched for ``kind``, in search order.

    Parameters
    ----------
    kind : {"mnist", "fashion"}
        Which data set.
    user_path : path-like, optional
        Folder given by the user (searched first, also its ``kind`` sub-folder).

    Returns
    -------
    list of (str, pathlib.Path, bool)
        ``(label, folder, found)`` where ``found`` means all four files exist.
    """
    kind = normalize_kind(kind)
    return [(label, p, has_mnist_files(p)) for label, p in _candidates(kind, user_path)]


def locate_mnist(kind: str = "mnist", user_path=None) -> Path:
    """Return the first folder holding all four files of ``kind``.

    The search order is: ``user_path`` (and ``user_path/kind``), then
    ``user_data_dir()/kind``, then ``bundled_data_dir()/kind`` and, for
    Fashion-MNIST on Linux, Debian's ``/usr/share/datasets/fashion-mnist``.

    Parameters
    ----------
    kind : {"mnist", "fashion"}
        Which data set.
    user_path : path-like, optional
        Folder given by the user.

    Returns
    -------
    pathlib.Path
        The folder.

    Raises
    ------
    DatasetNotFound
        Listing every folder looked in and how to get the data.
    """
    kind = normalize_kind(kind)
    locations = find_all_locations(kind, user_path)
    for _label, path, found in locations:
        if found:
            return path
    looked = "; ".join(f"{p} ({label})" for label, p, _ in locations)
    raise DatasetNotFound(f"{_DISPLAY[kind]} not found. Looked in: {looked}. {_fetch_hint(kind)}")


def _read_checked(folder: Path, name: str, magic: int, kind: str, spec, check_hash: bool,
                  expected_dims: tuple | None, max_count: int):
    path = find_mnist_file(folder, name)
    if path is None:
        raise DatasetNotFound(
            f"{_DISPLAY[kind]} file {name} (or {name}.gz) not found in {folder}. "
            f"{_fetch_hint(kind)}"
        )
    try:
        # the header's claim is checked before the (maybe gzip) payload is inflated
        item = int(np.prod(spec.image_shape)) if magic == MAGIC_IMAGES else 1
        arr, digest = read_idx_digest(path, expected_magic=magic, expected_dims=expected_dims,
                                      max_bytes=min(max_count * item, MAX_IDX_BYTES))
    except IdxError as exc:
        raise DatasetCorrupt(
            f"{_DISPLAY[kind]} file is corrupt: {exc}. Delete it and download it again: "
            f"{_fetch_hint(kind)}"
        ) from exc
    except OSError as exc:
        raise DatasetCorrupt(f"cannot read {path}: {exc}") from exc
    if check_hash and spec.sha256 and name in spec.sha256 and digest != spec.sha256[name]:
        raise DatasetCorrupt(
            f"{_DISPLAY[kind]} file {path} fails its checksum: SHA-256 of the decompressed "
            f"data is {digest}, expected {spec.sha256[name]}. It is damaged or a different "
            f"file; delete it and download it again. {_fetch_hint(kind)}"
        )
    return arr, path


def _check_split(split, images, labels, img_path, lbl_path, kind, spec, check_counts):
    n_expected = spec.n_train if split == "train" else spec.n_test
    want_img = (n_expected, *spec.image_shape)
    problems = []
    if check_counts and images.shape != want_img:
        problems.append(f"{img_path} has shape {images.shape}, expected {want_img}")
    if check_counts and labels.shape != (n_expected,):
        problems.append(f"{lbl_path} has shape {labels.shape}, expected ({n_expected},)")
    if images.ndim < 2 or labels.ndim != 1 or images.shape[0] != labels.shape[0]:
        problems.append(f"{img_path} ({images.shape}) and {lbl_path} ({labels.shape}) do not match")
    if labels.size and int(labels.max()) >= spec.n_classes:
        problems.append(f"{lbl_path} has labels outside 0..{spec.n_classes - 1}")
    if not problems and check_counts and spec.label_counts:
        counts = tuple(int(c) for c in np.bincount(labels, minlength=spec.n_classes))
        want = tuple(int(c) for c in spec.label_counts[split])
        if counts != want:
            problems.append(f"{lbl_path} has label counts {counts}, expected {want}")
    if problems:
        raise DatasetCorrupt(
            f"{_DISPLAY[kind]} {split} split is invalid: "
            + "; ".join(problems)
            + f". {_fetch_hint(kind)}"
        )


def load_mnist(
    folder: str | os.PathLike | None = None,
    kind: str = "mnist",
    verify: bool | str = True,
    *,
    spec: MnistSpec | None = None,
) -> Dataset:
    """Load MNIST or Fashion-MNIST from a folder of IDX files.

    Parameters
    ----------
    folder : path-like, optional
        Folder with the four files (raw or ``.gz``); ``None`` uses
        :func:`locate_mnist`.
    kind : {"mnist", "fashion"}
        Which data set (sets class names and the expected checks).
    verify : {True, "full", "fast", False}
        ``True``/``"full"``: SHA-256 of each decompressed file, shapes and
        label counts.  ``"fast"``: shapes and label counts, no hash.
        ``False``: only the IDX structure, matching image/label counts and
        label range.
    spec : MnistSpec, optional
        Expected shapes, counts and hashes; defaults to :func:`default_spec`.
        Tests inject small ones.

    Returns
    -------
    Dataset
        float32 inputs ``(n, 784)`` with pixel values 0..255, int64 labels,
        ``input_shape == (28, 28)``, ten class names.

    Raises
    ------
    DatasetNotFound
        If files are missing.
    DatasetCorrupt
        If a file is malformed or fails a check.
    ValueError
        For an invalid ``kind`` or ``verify``.
    """
    kind = normalize_kind(kind)
    if verify is True or verify == "full":
        check_hash, check_counts = True, True
    elif verify == "fast":
        check_hash, check_counts = False, True
    elif verify is False:
        check_hash, check_counts = False, False
    else:
        raise ValueError(f"verify must be True, 'full', 'fast' or False, got {verify!r}")
    spec = default_spec(kind) if spec is None else spec
    folder = locate_mnist(kind) if folder is None else Path(folder)

    arrays = {}
    # without count checks, still no more than MAX_COUNT_FACTOR times the expected images
    max_count = MAX_COUNT_FACTOR * max(spec.n_train, spec.n_test)
    for split, prefix in (("train", "train"), ("test", "t10k")):
        n = spec.n_train if split == "train" else spec.n_test
        images, img_path = _read_checked(
            folder, f"{prefix}-images-idx3-ubyte", MAGIC_IMAGES, kind, spec, check_hash,
            (n, *spec.image_shape) if check_counts else None, max_count,
        )
        labels, lbl_path = _read_checked(
            folder, f"{prefix}-labels-idx1-ubyte", MAGIC_LABELS, kind, spec, check_hash,
            (n,) if check_counts else None, max_count,
        )
        _check_split(split, images, labels, img_path, lbl_path, kind, spec, check_counts)
        arrays[split] = (
            images.reshape(images.shape[0], -1).astype(np.float32),
            labels.astype(np.int64),
            images.shape[1:],
        )
    if arrays["train"][2] != arrays["test"][2]:
        raise DatasetCorrupt(
            f"{_DISPLAY[kind]} train images are {arrays['train'][2]} but test images are "
            f"{arrays['test'][2]}. {_fetch_hint(kind)}"
        )
    names = tuple(str(i) for i in range(10)) if kind == "mnist" else FASHION_CLASSES
    n_classes = spec.n_classes
    if n_classes != len(names):
        names = tuple(str(i) for i in range(n_classes))
    return Dataset(
        name=kind,
        x_train=arrays["train"][0],
        y_train=arrays["train"][1],
        x_test=arrays["test"][0],
        y_test=arrays["test"][1],
        n_classes=n_classes,
        input_shape=tuple(arrays["train"][2]),
        class_names=names,
    )
