"""Model files: ``.npz`` (spec as JSON + parameters, never pickled) and pickled weight dicts.

``save_model``/``load_model`` write and read a network with its spec.  Saving is atomic: the
file is written next to the target, flushed, then renamed over it, so an interrupted save
leaves the previous file intact.

``load_weight_pickle`` reads a pickled dict of arrays such as the book's ``sample_weight.pkl``
(handout 003) through a *restricted* unpickler: only NumPy arrays/dtypes and plain containers
may be built; anything else (``os.system``, ``eval``, any ``__reduce__`` payload) is refused
before it can run.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import tempfile
from pathlib import Path

import numpy as np

from nnviz.core.network import Network
from nnviz.core.spec import LayerSpec, NetworkSpec, SpecError

MODEL_FORMAT = "nnviz-model"
MODEL_VERSION = 1
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_UNPACKED_BYTES = 512 * 1024 * 1024  # all the arrays of an .npz once decompressed
MAX_NPZ_MEMBERS = 64


class ModelFileError(ValueError):
    """A model or weight file cannot be used; the message says why."""


def check_npz(path, max_bytes: int | None = None, max_members: int = MAX_NPZ_MEMBERS) -> None:
    """Refuse an .npz that would unpack to more than ``max_bytes`` before anything is read.

    A hostile file can be small on disk and huge once inflated (a "zip bomb"), or carry an
    array header that claims far more elements than it holds (NumPy would allocate them all
    first).  Both are caught from the zip directory and the 100-byte .npy headers alone; the
    zip reader never returns more than the sizes checked here.  Raises ``ValueError``.
    """
    import zipfile

    limit = MAX_UNPACKED_BYTES if max_bytes is None else max_bytes
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        if len(infos) > max_members:
            raise ValueError(f"it holds {len(infos)} arrays (at most {max_members} expected)")
        total = sum(i.file_size for i in infos)
        if total > limit:
            raise ValueError(f"it would unpack to {total / 2**20:,.0f} MB "
                             f"(at most {limit / 2**20:,.0f} MB expected)")
        for info in infos:
            if not info.filename.endswith(".npy"):
                continue
            with z.open(info) as f:
                version = np.lib.format.read_magic(f)
                if version == (1, 0):
                    shape, _, dtype = np.lib.format.read_array_header_1_0(f)
                else:
                    shape, _, dtype = np.lib.format.read_array_header_2_0(f)
            claimed = int(np.prod(shape, dtype=object)) * dtype.itemsize
            if claimed > info.file_size:
                raise ValueError(f"{info.filename} claims {claimed:,} bytes of data but holds "
                                 f"{info.file_size:,}")


def atomic_write(path, write) -> None:
    """Call ``write(fileobj)`` on a temporary file, then rename it over ``path``."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
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
    arrays = {"params": net.params, "meta": np.frombuffer(json.dumps(meta).encode(), np.uint8)}

    def write(f):
        np.savez(f, **arrays)

    atomic_write(path, write)


def load_model(path) -> tuple[Network, dict]:
    """Read a model written by :func:`save_model`; returns (network, extra)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ModelFileError(f"{path.name} is too large to be an nnviz model")
        check_npz(path)
        with np.load(path, allow_pickle=False) as z:
            if "meta" not in z.files or "params" not in z.files:
                raise ModelFileError(f"{path.name} is not an nnviz model (no spec inside)")
            meta = json.loads(bytes(z["meta"]).decode("utf-8"))
            params = z["params"]
    except ModelFileError:
        raise
    except Exception as exc:  # an untrusted file: zipfile/zlib/numpy raise many kinds
        raise ModelFileError(f"{path.name} could not be read as an nnviz model: "
                             f"{type(exc).__name__}: {exc}") from None
    if not isinstance(meta, dict) or meta.get("format") != MODEL_FORMAT:
        raise ModelFileError(f"{path.name} is not an nnviz model")
    if not isinstance(meta.get("version"), int) or meta["version"] > MODEL_VERSION:
        raise ModelFileError(f"{path.name} was written by a newer nnviz; update nnviz")
    try:
        spec = NetworkSpec.from_dict(meta["spec"])
        dtype = meta.get("dtype", "float64")
        if dtype not in ("float32", "float64") or params.ndim != 1:
            raise ModelFileError(f"{path.name}: parameters have an unexpected type")
        net = Network(spec, params, dtype)
        net.set_params(params)  # refuses NaN / inf
    except (SpecError, ValueError) as exc:
        if isinstance(exc, ModelFileError):
            raise
        raise ModelFileError(f"{path.name}: {exc}") from None
    extra = meta.get("extra", {})
    return net, extra if isinstance(extra, dict) else {}


# -- pickled weight dicts ---------------------------------------------------------------------

_ALLOWED = {
    ("numpy.core.multiarray", "_reconstruct"),
    ("numpy._core.multiarray", "_reconstruct"),
    ("numpy.core.multiarray", "scalar"),
    ("numpy._core.multiarray", "scalar"),
    ("numpy", "ndarray"),
    ("numpy", "dtype"),
    ("numpy.core.numeric", "_frombuffer"),
    ("numpy._core.numeric", "_frombuffer"),
    ("collections", "OrderedDict"),
    ("builtins", "set"),
    ("builtins", "frozenset"),
    ("builtins", "bytearray"),
    ("codecs", "encode"),  # protocol-2 pickles of bytes under Python 2 ("latin1" strings)
}


class _RestrictedUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        raise ModelFileError(
            f"refused: the file asks to run {module}.{name}; a weight file may only contain "
            "NumPy arrays and plain containers (it may be malicious)")

    def persistent_load(self, pid):
        raise ModelFileError("refused: the file uses persistent references")


def safe_unpickle(data: bytes):
    """Unpickle ``data`` allowing only arrays and containers (ModelFileError otherwise)."""
    try:
        return _RestrictedUnpickler(io.BytesIO(data), encoding="latin1").load()
    except ModelFileError:
        raise
    except Exception as exc:  # any malformed stream: EOFError, UnpicklingError, ValueError...
        raise ModelFileError(f"not a readable pickle: {type(exc).__name__}: {exc}") from None


def load_weight_pickle(path) -> dict[str, np.ndarray]:
    """Read a pickled dict of arrays (e.g. sample_weight.pkl) safely."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ModelFileError(f"{path.name} is too large")
        data = path.read_bytes()
    except OSError as exc:
        raise ModelFileError(f"{path.name} could not be read: {exc}") from None
    obj = safe_unpickle(data)
    if not isinstance(obj, dict):
        raise ModelFileError(f"{path.name} holds a {type(obj).__name__}, not a dict of arrays")
    out = {}
    for k, v in obj.items():
        if isinstance(v, np.ndarray) and v.dtype.kind in "fiu":
            out[str(k)] = np.asarray(v, dtype=np.float64)
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
    head = b""
    try:
        with open(path, "rb") as f:
            head = f.read(4)
    except OSError as exc:
        raise ModelFileError(f"{path.name} could not be read: {exc}") from None
    if head.startswith(b"PK"):
        return load_model(path)
    return network_from_weight_dict(load_weight_pickle(path)), {}
