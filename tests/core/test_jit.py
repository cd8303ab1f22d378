"""Kernel compilation: cached when possible, compiled in memory when no cache can be written."""

import os
import subprocess
import sys

import numpy as np
import pytest

from nnviz.core import jit, kernel_cache


def test_a_kernel_runs_and_warns_once_when_no_cache_can_be_written(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NUMBA_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setenv(kernel_cache.SYSTEM_ENV, "")
    monkeypatch.setattr(kernel_cache, "_fallbacks", [])

    @jit.njit
    def twice(x):
        return 2 * x

    @jit.njit
    def thrice(x):
        return 3 * x

    with pytest.warns(RuntimeWarning, match="cannot be cached") as caught:
        assert twice(21) == 42
        assert thrice(np.float32(2)) == 6
    assert len([w for w in caught if "cannot be cached" in str(w.message)]) == 1
    assert [f.split(":")[0] for f in jit.cache_fallbacks()] == [
        "test_a_kernel_runs_and_warns_once_when_no_cache_can_be_written.<locals>.twice",
        "test_a_kernel_runs_and_warns_once_when_no_cache_can_be_written.<locals>.thrice"]


def test_kernels_keep_the_python_function_and_release_the_gil():
    from nnviz.core.kernels.optim import sgd_step

    assert sgd_step.py_func.__name__ == "sgd_step"
    assert sgd_step.targetoptions["nogil"] is True
    assert isinstance(sgd_step._cache, kernel_cache.KernelCache)


def test_training_works_with_an_unusable_cache_dir(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    env = {"NUMBA_CACHE_DIR": str(blocker / "cache"), "PATH": "/usr/bin:/bin",
           kernel_cache.SYSTEM_ENV: ""}
    env.update({k: v for k, v in os.environ.items() if k in ("HOME", "PYTHONPATH")})
    out = subprocess.run([sys.executable, "-m", "nnviz", "train", "--preset", "xor-backprop-3",
                          "--epochs", "20", "--json"], capture_output=True, text=True,
                         env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    assert '"status": "finished"' in out.stdout
    assert out.stderr.count("cannot be cached") == 1
