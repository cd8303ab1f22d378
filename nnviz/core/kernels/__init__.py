"""Numba kernels: small modules of ``@njit`` free functions on contiguous arrays.

Each kernel has a pure-NumPy twin (``reference.py`` and ``nnviz.core.nn.backprop``) that the tests
use as the oracle, with the JIT on and off (``kernel.py_func``).
"""
