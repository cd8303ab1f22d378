"""The training engine: NumPy + Numba only (no Qt; tests/core/test_no_qt.py keeps it so)."""
