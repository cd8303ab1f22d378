"""One place that decides how kernels are compiled.

Every kernel is an ``@njit`` free function compiled with ``nogil=True`` (so a GUI thread stays
responsive while a worker trains) whose machine code is cached on disk by
:class:`nnviz.core.kernel_cache.KernelCache`: read from the installer's system cache, else the
user's cache folder, else compiled and saved to the user's folder (never into the source tree
or the installed package).  When nothing can be written (a locked-down lab PC) the kernel is
compiled in memory and the app still runs.  ``NNVIZ_NO_JIT_CACHE=1`` turns disk caching off.
"""

from __future__ import annotations

import os

import numba
from numba.core.dispatcher import Dispatcher

from nnviz.core import kernel_cache

# Fast-math without the flags that let LLVM assume "no NaN / no inf": the trainer must be able
# to see a diverging loss.
FASTMATH = {"reassoc", "contract", "nsz", "arcp"}


def njit(fn=None, *, fastmath: bool = True, cache: bool = True, error_model: str = "python"):
    """Decorate ``fn`` as a cached, GIL-releasing Numba kernel.

    ``error_model="numpy"``: a float division by zero gives ±inf or NaN as in NumPy (the
    kernels' twins) instead of raising; without the check a loop that divides can vectorise.
    The plain Python function stays reachable as ``kernel.py_func`` (the tests run both).
    """

    def wrap(f):
        kernel = numba.njit(cache=False, nogil=True, fastmath=FASTMATH if fastmath else False,
                            error_model=error_model)(f)
        # with NUMBA_DISABLE_JIT=1 numba.njit returns the plain function: nothing to cache
        if cache and isinstance(kernel, Dispatcher) and os.environ.get("NNVIZ_NO_JIT_CACHE") != "1":
            kernel_cache.attach(kernel)
        return kernel

    return wrap(fn) if fn is not None else wrap


def cache_fallbacks() -> list[str]:
    """Kernels that had to be compiled without a cache (empty when caching works)."""
    return kernel_cache.cache_fallbacks()
