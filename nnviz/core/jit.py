"""One place that decides how kernels are compiled.

Every kernel is an ``@njit`` free function compiled with ``cache=True`` (so a later process
loads it in a fraction of a second) and ``nogil=True`` (so a GUI thread stays responsive while
a worker trains).  When no cache directory is writable (a locked-down lab PC, a read-only
install), Numba raises ``RuntimeError`` at decoration time; we then compile without a cache
instead of failing to start.
"""

from __future__ import annotations

import os
import warnings

import numba

# Fast-math without the flags that let LLVM assume "no NaN / no inf": the trainer must be able
# to see a diverging loss.
FASTMATH = {"reassoc", "contract", "nsz", "arcp"}

_cache_fallbacks: list[str] = []


def njit(fn=None, *, fastmath: bool = True, cache: bool = True):
    """Decorate ``fn`` as a cached, GIL-releasing Numba kernel.

    The plain Python function stays reachable as ``kernel.py_func`` (the tests run both).
    """

    def wrap(f):
        opts = {"nogil": True, "fastmath": FASTMATH if fastmath else False}
        if cache and os.environ.get("NNVIZ_NO_JIT_CACHE") != "1":
            try:
                return numba.njit(cache=True, **opts)(f)
            except RuntimeError as exc:  # no writable cache locator
                if not _cache_fallbacks:  # say it once, not once per kernel
                    warnings.warn(
                        f"nnviz: compiled kernels cannot be cached ({exc}); compiling "
                        "without a cache", RuntimeWarning, stacklevel=2)
                _cache_fallbacks.append(f"{f.__qualname__}: {exc}")
        return numba.njit(cache=False, **opts)(f)

    return wrap(fn) if fn is not None else wrap


def cache_fallbacks() -> list[str]:
    """Kernels that had to be compiled without a cache (empty when caching works)."""
    return list(_cache_fallbacks)
