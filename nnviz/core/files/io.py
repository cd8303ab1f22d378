"""Model files: ``.npz`` (spec as JSON + parameters, never pickled) and pickled weight dicts.

``save_model``/``load_model`` write and read a network with its spec.  Saving is atomic: the
file is written next to the target, flushed, then renamed over it, so an interrupted save
leaves the previous file intact; a device, a folder or a pipe is never replaced.

``load_model`` reads the archive with :class:`nnviz.core.files.npz_reader.NpzArchive`: the zip
directory, the spec and each array's header are checked before any data is inflated, and the
parameters must be float32/float64, as many as the spec needs, finite and at most
:data:`MAX_ABS_WEIGHT` in size.

``load_weight_pickle`` reads a pickled dict of arrays such as the book's ``sample_weight.pkl``
(handout 003) without unpickling it: :func:`nnviz.core.files.pickle_parser.parse_pickle` parses the
opcode stream and builds only plain containers and NumPy arrays; anything else (``os.system``,
``eval``, any ``__reduce__`` payload, crafted NumPy state) is refused before it can run.

Every problem with a file is a :class:`ModelFileError` whose message names the file and says why.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path

import numpy as np

from nnviz.core.files.npz_reader import BYTES, FLOATS, NUMBERS, NpzArchive
from nnviz.core.files.pickle_parser import parse_pickle
from nnviz.core.files.safe_open import UnreadableFile, open_regular, parse_json, read_regular
from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import LayerSpec, NetworkSpec, SpecError

MODEL_FORMAT = "nnviz-model"
MODEL_VERSION = 1
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_UNPACKED_BYTES = 512 * 1024 * 1024  # all the arrays of an .npz once decompressed
MAX_NPZ_MEMBERS = 64
MAX_PICKLE_BYTES = 256 * 1024 * 1024
MAX_META_BYTES = 4 * 1024 * 1024  # the JSON part; a real model's is about 1 kB
#: largest |weight| a loaded network may have: beyond it a forward pass overflows soon
#: (exp(1e6 · x) in a softmax or sigmoid), so such a file is refused with a message
MAX_ABS_WEIGHT = 1e6
MAX_PARAMS = 64 * 2**20  # a 16-layer 4096-wide network is smaller


class ModelFileError(UnreadableFile):
    """A model or weight file cannot be used; the message says why."""


def check_save_target(path) -> None:
    """Refuse to save over anything but a regular file (a device, folder, FIFO, socket).

    ``os.replace`` would otherwise replace ``/dev/full`` or a pipe by the model.  The folder
    itself is not checked here: writing the temporary file reports a missing folder.
    """
    path = Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ModelFileError(f"{path} cannot be written: {exc.strerror}") from None
    if not stat.S_ISREG(st.st_mode):
        kind = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file"
        raise ModelFileError(f"{path} is {kind}; choose a file name to save to")


def _new_file_mode(path: Path) -> int:
    """The mode a saved file gets: the replaced file's, else 0666 minus the umask (0644)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        pass
    umask = 0o022
    try:
        with open("/proc/self/status", encoding="ascii") as f:  # no os.getumask before 3.13
            for line in f:
                if line.startswith("Umask:"):
                    umask = int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o666 & ~umask


def atomic_write(path, write) -> None:
    """Call ``write(fileobj)`` on a temporary file, then rename it over ``path``.

    The file gets the mode the replaced file had, or 0644 (with the usual umask) if new:
    students and instructors share lesson files.  ``path`` must not be a device or folder.
    """
    path = Path(path)
    check_save_target(path)
    mode = _new_file_mode(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def save_model(path, net: Network, extra: dict | None = None) -> None:
    """Write ``net`` (spec + parameters) and optional JSON-able ``extra`` to an .npz file."""
    meta = {"format": MODEL_FORMAT, "version": MODEL_VERSION, "spec": net.spec.to_dict(),
            "dtype": net.dtype.name, "extra": extra or {}}
    raw = json.dumps(meta, allow_nan=False).encode("utf-8")
    arrays = {"params": net.params, "meta": np.frombuffer(raw, np.uint8)}

    def write(f):
        np.savez(f, **arrays)

    atomic_write(path, write)


def check_npz(path, max_bytes: int | None = None, max_members: int = MAX_NPZ_MEMBERS) -> None:
    """Refuse an .npz whose directory or array headers are unsafe, before anything is inflated.

    A hostile file can be small on disk and huge once inflated (a "zip bomb"), carry an
    array header that claims far more elements than it holds, or members with paths or
    without ``.npy`` in their names.  Raises :class:`ModelFileError` (a ``ValueError``).
    """
    limit = MAX_UNPACKED_BYTES if max_bytes is None else max_bytes
    with NpzArchive(path, None, max_file_bytes=MAX_FILE_BYTES, max_unpacked=limit,
                    max_members=max_members, what="an .npz archive",
                    error=ModelFileError) as z:
        for stem in z.members:
            z.check(stem, NUMBERS, MAX_PARAMS)


def read_meta(z: NpzArchive, what: str, error) -> dict:
    """The JSON ``meta`` member of an nnviz archive (uint8 bytes), parsed with bounds."""
    raw = z.read("meta", BYTES,
                 lambda shape: None if len(shape) == 1 else f"has shape {shape}",
                 MAX_META_BYTES)
    meta = parse_json(raw.tobytes(), f"{z.name}: the {what} description", error)
    if not isinstance(meta, dict):
        raise error(f"{z.name} is not {what}")
    return meta


def check_params(params: np.ndarray, name: str, error) -> None:
    """Finite and within ±:data:`MAX_ABS_WEIGHT`, else ``error`` with a message."""
    if not np.all(np.isfinite(params)):
        raise error(f"{name}: the weights contain NaN or infinity (not finite numbers)")
    big = float(np.max(np.abs(params), initial=0.0))
    if big > MAX_ABS_WEIGHT:
        raise error(f"{name}: a weight of {big:.3g} is beyond ±{MAX_ABS_WEIGHT:.0e}; a "
                    "forward pass would overflow")


def spec_from_meta(d, name: str, error) -> NetworkSpec:
    """A NetworkSpec from a file's JSON that a later save can write again (else ``error``)."""
    if isinstance(d, dict) and not isinstance(d.get("name", ""), str):
        raise error(f"{name}: the network's name is not text")
    try:
        spec = NetworkSpec.from_dict(d)
        json.dumps(spec.to_dict(), allow_nan=False)  # every autosave must be able to write it
    except SpecError as exc:
        raise error(f"{name}: {exc}") from None
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError) as exc:
        raise error(f"{name}: the spec is malformed ({type(exc).__name__}: "
                    f"{str(exc)[:200]})") from None
    return spec


def _shape_is(n: int):
    return lambda shape: None if shape == (n,) else f"has shape {shape}; the spec needs ({n},)"


def load_model(path) -> tuple[Network, dict]:
    """Read a model written by :func:`save_model`; returns (network, extra)."""
    path = Path(path)
    name = path.name
    try:
        with NpzArchive(path, {"meta", "params", "history"}, max_file_bytes=MAX_FILE_BYTES,
                        max_unpacked=MAX_UNPACKED_BYTES, max_members=MAX_NPZ_MEMBERS,
                        what="an nnviz model", error=ModelFileError) as z:
            if "history" in z.members:
                raise ModelFileError(f"{name} is an nnviz session, not a model; open it as a "
                                     "session")
            if "meta" not in z.members or "params" not in z.members:
                raise ModelFileError(f"{name} is not an nnviz model (no spec inside)")
            z.check("meta", BYTES, MAX_META_BYTES)
            z.check("params", FLOATS, MAX_PARAMS)
            meta = read_meta(z, "nnviz model", ModelFileError)
            if meta.get("format") != MODEL_FORMAT:
                raise ModelFileError(f"{name} is not an nnviz model")
            version = meta.get("version")
            if not isinstance(version, int) or isinstance(version, bool) or version < 1:
                raise ModelFileError(f"{name}: the model version is unknown")
            if version > MODEL_VERSION:
                raise ModelFileError(f"{name} was written by a newer nnviz; update nnviz")
            spec = spec_from_meta(meta.get("spec"), name, ModelFileError)
            dtype = meta.get("dtype", "float64")
            if dtype not in ("float32", "float64"):
                raise ModelFileError(f"{name}: parameters have an unexpected type")
            params = z.read("params", FLOATS, _shape_is(spec.n_params()), MAX_PARAMS)
    except OSError as exc:
        raise ModelFileError(f"{name} could not be read: {exc.strerror or exc}") from None
    check_params(params, name, ModelFileError)
    try:
        net = Network(spec, params, dtype)
        net.set_params(params)
    except (SpecError, ValueError) as exc:
        raise ModelFileError(f"{name}: {exc}") from None
    extra = meta.get("extra", {})
    return net, extra if isinstance(extra, dict) else {}


# -- pickled weight dicts ---------------------------------------------------------------------

def safe_unpickle(data: bytes):
    """The plain containers and NumPy arrays a pickle describes, parsed, never executed.

    Raises :class:`ModelFileError` for anything else (see :mod:`nnviz.core.files.pickle_parser`).
    """
    return parse_pickle(data, ModelFileError)


def load_weight_pickle(path) -> dict[str, np.ndarray]:
    """Read a pickled dict of arrays (e.g. sample_weight.pkl) safely, as float64 arrays.

    Float16/32/64 and integer arrays are converted to float64 (exactly); other values of the
    dict are ignored.  The pickle is parsed, never run (:func:`safe_unpickle`).
    """
    path = Path(path)
    try:
        data = read_regular(path, MAX_PICKLE_BYTES, "a weight", ModelFileError)
    except OSError as exc:
        raise ModelFileError(f"{path.name} could not be read: {exc.strerror or exc}") from None
    try:
        obj = safe_unpickle(data)
    except ModelFileError as exc:
        raise ModelFileError(f"{path.name}: {exc}") from None
    if not isinstance(obj, dict):
        raise ModelFileError(f"{path.name} holds a {type(obj).__name__}, not a dict of arrays")
    out = {}
    for k, v in obj.items():
        if isinstance(v, np.ndarray) and v.dtype.kind in "fiu":
            out[str(k)[:100]] = np.asarray(v, dtype=np.float64)
    if not out:
        raise ModelFileError(f"{path.name} contains no numeric arrays")
    return out


def network_from_weight_dict(weights: dict[str, np.ndarray], hidden: str = "sigmoid",
                             output: str = "softmax") -> Network:
    """Build a network from {W1, b1, W2, b2, ...}: ``hidden`` activations, ``output`` last.

    This is the convention of the book's sample_weight.pkl (sigmoid hidden layers, softmax).
    """
    layers, i = [], 1
    while f"W{i}" in weights:
        layers.append(weights[f"W{i}"])
        i += 1
    if not layers:
        raise ModelFileError("no W1 found: expected keys W1, b1, W2, b2, ...")
    sizes = [layers[0].shape[0]] if layers[0].ndim == 2 else []
    for k, W in enumerate(layers, 1):
        if W.ndim != 2:
            raise ModelFileError(f"W{k} must be a matrix, got shape {W.shape}")
        if W.shape[0] != sizes[-1]:
            raise ModelFileError(f"W{k} has {W.shape[0]} rows but the layer before has "
                                 f"{sizes[-1]} outputs")
        b = weights.get(f"b{k}")
        if b is not None and np.asarray(b).reshape(-1).shape != (W.shape[1],):
            raise ModelFileError(f"b{k} has shape {np.shape(b)}; expected ({W.shape[1]},)")
        sizes.append(W.shape[1])
    specs = tuple(LayerSpec(n, hidden if k < len(layers) else output, f"b{k}" in weights)
                  for k, n in enumerate(sizes[1:], 1))
    try:
        spec = NetworkSpec(sizes[0], specs, name="imported")
    except SpecError as exc:
        raise ModelFileError(f"the weights do not describe a usable network: {exc}") from None
    for k in range(len(layers)):
        for key in (f"W{k + 1}", f"b{k + 1}"):
            if key in weights:
                check_params(np.asarray(weights[key]), key, ModelFileError)
    net = Network(spec)
    for k in range(len(layers)):
        b = weights.get(f"b{k + 1}")
        try:
            net.set_layer(k, layers[k], None if b is None else np.asarray(b).reshape(-1))
        except ValueError as exc:
            raise ModelFileError(str(exc)) from None
    return net


def load_any_weights(path) -> tuple[Network, dict]:
    """A model from ``.npz`` (nnviz format) or a pickled weight dict (``.pkl``/other)."""
    path = Path(path)
    try:
        with open_regular(path, max(MAX_FILE_BYTES, MAX_PICKLE_BYTES), "a model or weight",
                          ModelFileError) as f:
            head = f.read(4)
    except OSError as exc:
        raise ModelFileError(f"{path.name} could not be read: {exc.strerror or exc}") from None
    if head.startswith(b"PK"):
        return load_model(path)
    weights = load_weight_pickle(path)
    try:
        return network_from_weight_dict(weights), {}
    except ModelFileError as exc:
        raise ModelFileError(f"{path.name}: {exc}") from None
