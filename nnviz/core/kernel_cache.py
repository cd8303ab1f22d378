"""Where compiled kernels are kept: a read-only system cache, then the user's own cache.

Numba's own ``cache=True`` writes next to the source (``nnviz/**/__pycache__``), or to one
``NUMBA_CACHE_DIR``, and refuses any folder it cannot write to.  A lab PC wants more: the
installer compiles every kernel once into a *system* cache that every account reads (written
only by the installer), and each account falls back to its *own* cache for anything the
system cache lacks.  :class:`KernelCache` is a Numba function cache that looks in both:

- loads try the system folder first, then the user folder (a miss in both compiles);
- saves go to the user folder only; if it cannot be written the kernel still runs, compiled
  in memory (a warning says so once).

Both folders hold one subfolder per module (``nnviz.core.kernels.sgd_b1/``) with Numba's own
index (``.nbi``) and object-code (``.nbc``) files, so a cache does not depend on where nnviz is
installed: a checkout, a wheel and the frozen app use the same layout.  An entry is used only
when its *stamp* matches (nnviz and llvmlite versions plus a hash of the kernel code, below)
and Numba's own key matches (Numba version, the function's bytecode, the CPU name and
features): another CPU or another version simply misses and compiles.

Why a hash of *all* kernel modules: Numba checks only the file that defines a function, but a
cached kernel contains the machine code of the kernels it calls (``sgd_b1_run`` inlines
``elementwise.dh1``) and the values of the globals it reads; editing a callee in another file
would otherwise leave a stale caller in the cache.  A frozen app has no source files; its
executable (which carries the bundled Python code) is hashed instead, as Numba itself does.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import json
import os
import sys
import threading
import warnings
from pathlib import Path

from numba.core.caching import (
    CompileResultCacheImpl,
    FunctionCache,
    IndexDataCacheFile,
    _CacheLocator,
)

#: Environment variable naming the system cache folder ("" turns the system cache off).
SYSTEM_ENV = "NNVIZ_SYSTEM_KERNEL_CACHE"
MANIFEST = "manifest.json"
_HERE = Path(__file__).resolve().parent

_fallbacks: list[str] = []
_lock = threading.Lock()


def user_cache_dir() -> Path:
    """The user's kernel cache: ``$NUMBA_CACHE_DIR`` if set, else the platform's cache folder.

    ``$XDG_CACHE_HOME/nnviz/numba`` (default ``~/.cache/nnviz/numba``) on Linux,
    ``%LOCALAPPDATA%\\nnviz\\Cache\\numba`` on Windows, ``~/Library/Caches/nnviz/numba`` on
    macOS.  Never inside the installed package or the checkout.
    """
    env = os.environ.get("NUMBA_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return (Path(base) if base else Path.home() / "AppData" / "Local") / "nnviz" / "Cache" \
            / "numba"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "nnviz" / "numba"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "nnviz" / "numba"


def system_cache_dir() -> Path | None:
    """The installer's read-only kernel cache; None when ``$NNVIZ_SYSTEM_KERNEL_CACHE`` is "".

    ``/var/cache/nnviz/numba`` on Linux, ``%ProgramData%\\nnviz\\numba`` on Windows,
    ``/Library/Caches/nnviz/numba`` on macOS; ``$NNVIZ_SYSTEM_KERNEL_CACHE`` overrides it.
    """
    env = os.environ.get(SYSTEM_ENV)
    if env is not None:
        return Path(env).expanduser() if env.strip() else None
    if sys.platform == "win32":
        return Path(os.environ.get("ProgramData", r"C:\ProgramData")) / "nnviz" / "numba"
    if sys.platform == "darwin":
        return Path("/Library/Caches/nnviz/numba")
    return Path("/var/cache/nnviz/numba")


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@functools.cache
def code_fingerprint() -> str:
    """A hash of everything that goes into the kernels' machine code (see the module doc)."""
    import llvmlite

    import nnviz

    h = hashlib.sha256(f"nnviz {nnviz.__version__} llvmlite {llvmlite.__version__}".encode())
    if getattr(sys, "frozen", False):
        h.update(_sha256_file(Path(sys.executable)).encode())
    else:
        for path in sorted((_HERE / "kernels").glob("*.py")) + [_HERE / "jit.py"]:
            h.update(path.name.encode())
            h.update(_sha256_file(path).encode())
    return h.hexdigest()


@functools.cache
def _file_hash(path: str) -> str:
    try:
        return _sha256_file(Path(path))
    except OSError:  # no source file (defined interactively): the fingerprint alone
        return ""


def _stamp(py_func) -> tuple[str, str]:
    if getattr(sys, "frozen", False):  # the code's file names are relative, not real files
        return code_fingerprint(), ""
    try:
        source = inspect.getfile(py_func)
    except TypeError:
        source = ""
    return code_fingerprint(), _file_hash(source)


class _FolderLocator(_CacheLocator):
    """Numba's locator interface for one fixed folder (no lookup next to the source file)."""

    def __init__(self, folder: Path, py_func, stamp):
        self._folder = folder
        self._stamp = stamp
        self._lineno = py_func.__code__.co_firstlineno
        self._py_file = py_func.__code__.co_filename  # Numba names it in its warnings

    def get_cache_path(self):
        return str(self._folder)

    def get_source_stamp(self):
        return self._stamp

    def get_disambiguator(self):
        return str(self._lineno)


class _Impl(CompileResultCacheImpl):
    """Numba's (de)serialisation of compile results, with the file name from the module name."""

    def __init__(self, py_func, locator):
        self._lineno = py_func.__code__.co_firstlineno
        self._locator = locator
        module = py_func.__module__.rpartition(".")[2]
        self._filename_base = self.get_filename_base(f"{module}.{py_func.__qualname__}",
                                                     getattr(sys, "abiflags", ""))


class KernelCache(FunctionCache):
    """A Numba function cache reading the system folder, then the user's; writing the user's.

    The folders are looked up at each load and save (not when the kernel is defined), so
    :func:`nnviz.core.precompile` can point the user folder elsewhere before compiling.
    """

    def __init__(self, py_func):  # not super().__init__: that searches folders next to the source
        self._name = repr(py_func)
        self._py_func = py_func
        self._files: dict[Path, tuple[_FolderLocator, IndexDataCacheFile]] = {}
        self._impl = _Impl(py_func, _FolderLocator(Path(), py_func, None))
        self.enable()

    @property
    def cache_path(self):
        return str(user_cache_dir() / self._py_func.__module__)

    def _folder_file(self, base: Path) -> tuple[_FolderLocator, IndexDataCacheFile]:
        folder = base / self._py_func.__module__
        if folder not in self._files:
            loc = _FolderLocator(folder, self._py_func, _stamp(self._py_func))
            self._files[folder] = (loc, IndexDataCacheFile(str(folder), self._impl.filename_base,
                                                           loc.get_source_stamp()))
        return self._files[folder]

    def load_overload(self, sig, target_context):
        target_context.refresh()
        return self._load_overload(sig, target_context)

    def _load_overload(self, sig, target_context):
        if not self._enabled:
            return None
        key = self._index_key(sig, target_context.codegen())
        system = system_cache_dir()
        for base in ([system] if system is not None else []) + [user_cache_dir()]:
            _, cache_file = self._folder_file(base)
            try:
                data = cache_file.load(key)
                if data is not None:
                    return self._impl.rebuild(target_context, data)
            except Exception:  # noqa: BLE001  an unreadable or damaged entry is a miss, never a crash
                continue
        return None

    def save_overload(self, sig, data):
        self._save_overload(sig, data)

    def _save_overload(self, sig, data):
        if not self._enabled or not self._impl.check_cachable(data):
            return
        locator, cache_file = self._folder_file(user_cache_dir())
        try:
            locator.ensure_cache_path()
            cache_file.save(self._index_key(sig, data.codegen), self._impl.reduce(data))
        except OSError as exc:  # no writable cache: the kernel stays compiled in memory
            _note_fallback(f"{self._py_func.__qualname__}: {exc}")


def _note_fallback(what: str) -> None:
    with _lock:
        first = not _fallbacks
        _fallbacks.append(what)
    if first:  # say it once, not once per kernel
        warnings.warn(f"nnviz: compiled kernels cannot be cached ({what}); they are compiled "
                      "again at every start", RuntimeWarning, stacklevel=3)


def cache_fallbacks() -> list[str]:
    """Kernels that could not be saved to a cache in this process (empty when caching works)."""
    with _lock:
        return list(_fallbacks)


def attach(dispatcher) -> None:
    """Make ``dispatcher`` (a Numba dispatcher compiled without ``cache=True``) use KernelCache."""
    dispatcher._cache = KernelCache(dispatcher.py_func)  # what Dispatcher.enable_caching sets


# -- the manifest: which build a cache folder was filled for --------------------------------
def machine() -> dict:
    """The CPU and code this process compiles for (what a cache entry must match)."""
    import numba
    from numba.core.registry import cpu_target

    triple, cpu, features = cpu_target.target_context.codegen().magic_tuple()
    return {"fingerprint": code_fingerprint(), "numba": numba.__version__,
            "python": f"{sys.version_info[0]}.{sys.version_info[1]}", "triple": triple,
            "cpu": cpu, "features": features}


def read_manifest(folder: Path) -> dict | None:
    """The manifest a completed precompile left in ``folder`` (None if none or unreadable)."""
    try:
        data = json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def manifest_matches(folder: Path | None) -> bool:
    """True when ``folder`` was filled completely for this CPU and this build of nnviz."""
    if folder is None:
        return False
    data = read_manifest(folder)
    if data is None:
        return False
    here = machine()
    return all(data.get(k) == v for k, v in here.items())


def write_manifest(folder: Path, **extra) -> Path:
    """Record that ``folder`` now holds every kernel for this machine and build."""
    path = Path(folder) / MANIFEST
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({**machine(), **extra}, indent=1), encoding="utf-8")
    os.replace(tmp, path)
    return path
