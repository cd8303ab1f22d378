"""Sessions: everything a student's hour of work needs to come back after a crash.

A session is one ``.npz`` file holding a JSON ``meta`` (format, version, lesson id, network
spec, training spec, trainer counters, the UI state dict) and plain numeric arrays (the
parameters and the run's history of evaluations).  Nothing is pickled: the file is read with
:class:`nnviz.core.files.npz_reader.NpzArchive`, which checks the zip directory and each array's
header (dtype, shape against the spec, byte count) before inflating any data, so an object
array, a text or structured dtype, an unknown member or a 10-million-row history is refused
from a few hundred bytes.  Writing goes through :func:`nnviz.core.files.io.atomic_write`:
an interrupted save leaves the previous file intact.

Every problem with a file becomes a :class:`SessionFileError` (a ``ModelFileError``) whose
message says what is wrong; loading never returns half a session.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from nnviz.core.files import io as model_io
from nnviz.core.files.io import ModelFileError, atomic_write
from nnviz.core.files.npz_reader import BYTES, FLOATS, NpzArchive
from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import NetworkSpec, SpecError, TrainSpec

SESSION_FORMAT = "nnviz-session"
SESSION_VERSION = 1
#: the columns every history has (nnviz.core.train.trainer.EvalPoint's first fields); newer
#: EvalPoint fields are stored too, named in ``meta["history_fields"]``
HISTORY_FIELDS = ("samples_seen", "epoch", "train_loss", "train_acc", "test_loss", "test_acc")
MAX_FIELDS = 64
MAX_META_BYTES = 4 * 1024 * 1024  # the JSON part; a real session's is a few kB
#: rows of a stored history; the app keeps at most 4,096 (nnviz.core.train.history), so a file
#: claiming more is refused from its header before anything is read
MAX_HISTORY = 100_000
MAX_UI_DEPTH = 8


class SessionFileError(ModelFileError):
    """A session file cannot be used; the message says why."""


@dataclass
class Session:
    """One saved moment of a student's work (every array is a copy).

    Attributes
    ----------
    lesson : str
        Preset id of the lesson ("" when none).
    network : NetworkSpec
        The architecture on screen (it may differ from the lesson's after an edit).
    params : ndarray, shape (network.n_params(),), float64
        Every parameter, in the Network layout.
    train : TrainSpec or None
        The hyper-parameters of the next steps (None: the lesson trains nothing).
    history : ndarray, shape (n, len(history_fields)), float64
        The run's evaluations, one row per EvalPoint.
    history_fields : tuple of str
        The column names (EvalPoint fields; the first six are :data:`HISTORY_FIELDS`).
    epoch, samples_seen : int
        The trainer's counters when the session was taken.
    ui : dict
        JSON-able view state (current sample, play unit, refresh rate ...).
    """

    lesson: str
    network: NetworkSpec
    params: np.ndarray
    train: TrainSpec | None = None
    history: np.ndarray = field(default_factory=lambda: np.zeros((0, len(HISTORY_FIELDS))))
    epoch: int = 0
    samples_seen: int = 0
    ui: dict = field(default_factory=dict)
    history_fields: tuple = HISTORY_FIELDS

    def __post_init__(self):
        self.params = np.array(self.params, dtype=np.float64).ravel()
        self.history_fields = tuple(self.history_fields)
        self.history = np.array(self.history, dtype=np.float64).reshape(
            -1, len(self.history_fields))

    def build_network(self) -> Network:
        """A float64 Network with the session's spec and parameters."""
        net = Network(self.network, dtype="float64")
        net.set_params(self.params)
        return net

    def evals(self) -> list:
        """The history as :class:`nnviz.core.train.trainer.EvalPoint` objects."""
        from nnviz.core.train.history import eval_fields
        from nnviz.core.train.trainer import EvalPoint

        known = set(eval_fields())
        cols = [(i, k) for i, k in enumerate(self.history_fields) if k in known]
        points = []
        for r in self.history:
            values: dict[str, Any] = {k: (int(r[i]) if k == "samples_seen" else float(r[i]))
                                      for i, k in cols}
            points.append(EvalPoint(**values))
        return points

    def checksum(self) -> str:
        """SHA-256 of the parameters (float64 bytes): compares two sessions' weights."""
        import hashlib

        return hashlib.sha256(np.ascontiguousarray(self.params, np.float64).tobytes()).hexdigest()


def history_from_evals(evals) -> tuple[np.ndarray, tuple[str, ...]]:
    """(array (n, k) float64, its k column names) from EvalPoints: every numeric field."""
    from nnviz.core.train.history import eval_rows

    return eval_rows(evals)


def save_session(path, session: Session) -> None:
    """Write ``session`` to ``path`` (.npz) atomically; the previous file survives a failure."""
    ui = _check_ui(session.ui, "ui")
    meta = {
        "format": SESSION_FORMAT,
        "version": SESSION_VERSION,
        "lesson": str(session.lesson),
        "network": session.network.to_dict(),
        "train": session.train.to_dict() if session.train is not None else None,
        "epoch": int(session.epoch),
        "samples_seen": int(session.samples_seen),
        "history_fields": list(session.history_fields),
        "ui": ui,
    }
    raw = json.dumps(meta, allow_nan=False).encode("utf-8")
    arrays = {"meta": np.frombuffer(raw, np.uint8),
              "params": np.ascontiguousarray(session.params, np.float64),
              "history": np.ascontiguousarray(session.history, np.float64)}

    def write(f):
        np.savez(f, **arrays)

    atomic_write(path, write)


def is_session_file(path) -> bool:
    """True when ``path`` is a zip holding a session's meta (cheap; never raises or blocks)."""
    try:
        with _archive(path) as z:
            if "meta" not in z.members:
                return False
            head = z.peek("meta", 4096)
    except Exception:  # noqa: BLE001 - an untrusted file: any failure means "no"
        return False
    return SESSION_FORMAT.encode() in head


def _archive(path) -> NpzArchive:
    return NpzArchive(path, {"meta", "params", "history"},
                      max_file_bytes=model_io.MAX_FILE_BYTES,
                      max_unpacked=model_io.MAX_UNPACKED_BYTES,
                      max_members=model_io.MAX_NPZ_MEMBERS, what="an nnviz session",
                      error=SessionFileError)


def load_session(path) -> Session:
    """Read and validate a session written by :func:`save_session`.

    The zip directory and every array header are checked before data is read; the
    parameters must be float32/float64, as many as the spec needs, finite and at most
    ``MAX_ABS_WEIGHT`` in size; the history has at most :data:`MAX_HISTORY` rows of the
    columns the description names.

    Raises
    ------
    SessionFileError
        The file is missing, too large, not a session, from a newer nnviz, or any of its
        parts is malformed (the message names the part).
    """
    path = Path(path)
    name = path.name
    try:
        with _archive(path) as z:
            missing = {"meta", "params", "history"} - set(z.members)
            if missing:
                raise SessionFileError(f"{name} is not an nnviz session (no "
                                       f"{', '.join(sorted(missing))} inside)")
            z.check("meta", BYTES, MAX_META_BYTES)
            z.check("params", FLOATS, model_io.MAX_PARAMS)
            meta = _parse_meta(z, name)
            network, train = _specs(meta, name)
            names = _history_fields(meta, name)
            params = z.read("params", FLOATS, _params_shape(network.n_params()),
                            model_io.MAX_PARAMS)
            history = z.read("history", FLOATS, _history_shape(len(names)),
                             MAX_HISTORY * MAX_FIELDS)
    except OSError as exc:
        raise SessionFileError(f"{name} could not be read: {exc.strerror or exc}") from None
    model_io.check_params(params, name, SessionFileError)
    params = params.astype(np.float64)
    history = history.astype(np.float64).reshape(-1, len(names))
    if history.size and not (np.all(np.isfinite(history[:, :2])) and np.all(history[:, :2] >= 0)
                             and np.all(history[:, 0] < 2.0**62)):
        raise SessionFileError(f"{name}: the history's sample counts are not valid numbers")
    epoch = _count(meta.get("epoch", 0), name, "epoch")
    seen = _count(meta.get("samples_seen", 0), name, "samples_seen")
    lesson = meta.get("lesson", "")
    if not isinstance(lesson, str) or len(lesson) > 200:
        raise SessionFileError(f"{name}: the lesson id is malformed")
    try:
        ui = _check_ui(meta.get("ui", {}), "ui")
    except ValueError as exc:
        raise SessionFileError(f"{name}: {exc}") from None
    return Session(lesson, network, params, train, history, epoch, seen, ui, tuple(names))


def _parse_meta(z: NpzArchive, name: str) -> dict:
    meta = model_io.read_meta(z, "nnviz session", SessionFileError)
    if meta.get("format") != SESSION_FORMAT:
        raise SessionFileError(f"{name} is not an nnviz session")
    version = meta.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SessionFileError(f"{name}: the session version is unknown")
    if version > SESSION_VERSION:
        raise SessionFileError(f"{name} was written by a newer nnviz; update nnviz")
    return meta  # version 1 is current: nothing to migrate yet


def _specs(meta: dict, name: str) -> tuple[NetworkSpec, TrainSpec | None]:
    network = model_io.spec_from_meta(meta.get("network"), name, SessionFileError)
    train = meta.get("train")
    try:
        train = TrainSpec.from_dict(train) if train is not None else None
        if train is not None:
            json.dumps(train.to_dict(), allow_nan=False)  # every autosave must write it again
    except SpecError as exc:
        raise SessionFileError(f"{name}: {exc}") from None
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError) as exc:
        # from_dict lets a few wrong-typed fields through as plain errors
        raise SessionFileError(f"{name}: the spec is malformed ({type(exc).__name__}: "
                               f"{str(exc)[:200]})") from None
    return network, train


def _history_fields(meta: dict, name: str) -> list:
    names = meta.get("history_fields", list(HISTORY_FIELDS))
    if not (isinstance(names, list) and HISTORY_FIELDS[0] in names
            and len(names) <= MAX_FIELDS and len(set(names)) == len(names)
            and all(isinstance(k, str) and k.isidentifier() for k in names)
            and tuple(names[:len(HISTORY_FIELDS)]) == HISTORY_FIELDS):
        raise SessionFileError(f"{name}: the history's columns are not the expected ones")
    return names


def _params_shape(n: int):
    def check(shape):
        if len(shape) != 1:
            return f"has shape {shape}; the parameters are one vector"
        if shape[0] != n:
            return f"holds {shape[0]:,} parameters stored, the network needs {n:,}"
        return None
    return check


def _history_shape(cols: int):
    def check(shape):
        if shape in ((0,), (0, cols)) or (len(shape) == 2 and shape[0] == 0):
            return None  # an empty history, however it was written
        if len(shape) != 2 or shape[1] != cols:
            return f"has shape {shape}, expected (n, {cols})"
        if shape[0] > MAX_HISTORY:
            return (f"has {shape[0]:,} rows; a session keeps at most {MAX_HISTORY:,} "
                    "(the history is too long)")
        return None
    return check


def _count(v, name: str, what: str) -> int:
    if not isinstance(v, int) or isinstance(v, bool) or not 0 <= v < 2**63:
        raise SessionFileError(f"{name}: {what} must be a whole number ≥ 0, got {v!r}")
    return v


def _check_ui(d, where: str, depth: int = 0):
    """A copy of ``d`` if it is plain JSON (str keys; str/int/float/bool/None/list/dict)."""
    if depth > MAX_UI_DEPTH:
        raise ValueError(f"{where} is nested too deeply")
    if isinstance(d, dict):
        if depth == 0 and len(d) > 1000:
            raise ValueError(f"{where} has too many entries")
        out = {}
        for k, v in d.items():
            if not isinstance(k, str):
                raise ValueError(f"{where} has a non-text key {k!r}")
            out[k] = _check_ui(v, f"{where}.{k}", depth + 1)
        return out
    if depth == 0:
        raise ValueError(f"{where} must be an object")
    if isinstance(d, list | tuple):
        return [_check_ui(v, where, depth + 1) for v in d]
    if isinstance(d, float) and not math.isfinite(d):
        raise ValueError(f"{where} is not a finite number")
    if d is None or isinstance(d, str | int | float | bool):
        return d
    raise ValueError(f"{where} holds a {type(d).__name__}")
