"""What the command line checks before any long work: refused input, warnings, JSON output.

Every check raises :class:`Refused` with one sentence the user can act on (``nnviz.cli``
prints it as ``error: …`` and exits with 2), so a bad argument never costs a training run and
never ends in a traceback.
"""

from __future__ import annotations

import argparse
import json
import math
import re
from pathlib import Path

#: a lesson id as the presets folder names them (never a path)
PRESET_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
#: evaluation work per epoch (samples evaluated) beyond which --eval-every warns, then refuses,
#: when it is also this many times the training work
EVAL_WARN = (1e6, 10.0)
EVAL_REFUSE = (1e7, 100.0)


class Refused(Exception):
    """Bad input: the message is printed as ``error: …`` and the command exits with 2."""


def finite(value):
    """``value`` with every NaN or infinity replaced by None (JSON has no NaN)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value


def dumps(obj, ensure_ascii: bool = True) -> str:
    """One JSON text; a NaN or infinity becomes null (``NaN`` is not JSON)."""
    return json.dumps(finite(obj), allow_nan=False, ensure_ascii=ensure_ascii)


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def data_folder(kind: str, data_dir) -> Path | None:
    """The folder ``--data-dir`` names (or its ``kind`` sub-folder); never another one.

    Without ``--data-dir`` (None), the usual search applies (see ``nnviz-cli data``).
    """
    if data_dir is None:
        return None
    from nnviz.core.lessons.datasets.mnist import MNIST_FILES, find_mnist_file, has_mnist_files

    folder = Path(data_dir).expanduser()
    if not folder.is_dir():
        raise Refused(f"--data-dir {folder}: no such folder (nnviz does not fall back to "
                      f"another folder when --data-dir is given)")
    for candidate in (folder, folder / kind):
        if candidate.is_dir() and has_mnist_files(candidate):
            return candidate
    missing = [n for n in MNIST_FILES if find_mnist_file(folder, n) is None]
    raise Refused(f"--data-dir {folder} does not hold the {kind} files: missing "
                  f"{', '.join(missing)} (each may be .gz); nnviz does not fall back to another "
                  f"folder when --data-dir is given")


def nice_at_least(x: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50 … that is at least ``x``."""
    k = 1
    while True:
        for m in (1, 2, 5):
            if m * k >= x:
                return m * k
        k *= 10


def check_eval_every(trainer) -> str:
    """"" or a warning when evaluating dwarfs training; raises Refused when it is absurd."""
    ee = trainer.spec.eval_every
    if not ee:
        return ""
    n = trainer.n_train
    per_point = len(trainer.data.X_test) + (len(trainer.val[0]) if trainer.val else 0)
    points = n // max(ee, trainer.spec.batch_size)  # taken at batch boundaries
    work = points * per_point
    ratio = work / (3 * n)  # training a sample costs about three forward passes
    if work <= EVAL_WARN[0] or ratio <= EVAL_WARN[1]:
        return ""
    hint = nice_at_least(per_point / (3 * EVAL_WARN[1]))
    text = (f"--eval-every {ee} evaluates the {per_point:,} test samples {points:,} times per "
            f"epoch, about {ratio:,.0f} times the work of the training itself")
    if work > EVAL_REFUSE[0] and ratio > EVAL_REFUSE[1]:
        raise Refused(f"{text}; use --eval-every {hint} or more (0: only at epoch ends)")
    return f"warning: {text}; --eval-every {hint} or more keeps it under {EVAL_WARN[1]:g} times"


def load_preset(preset_id: str):
    from nnviz.core.lessons.presets import get_preset
    from nnviz.core.nn.spec import SpecError

    if not PRESET_ID.fullmatch(preset_id):
        raise Refused(f"--preset takes a lesson id such as mnist-course, not {preset_id!r} "
                      f"(the ids: `nnviz-cli presets`)")
    try:
        return get_preset(preset_id)
    except (KeyError, SpecError) as exc:
        raise Refused(exc.args[0] if exc.args else str(exc)) from None
