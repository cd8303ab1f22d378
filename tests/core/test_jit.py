"""Kernel compilation: cached when possible, compiled without a cache when no dir is writable."""

import subprocess
import sys

import numba
import pytest

from nnviz.core import jit


def test_falls_back_to_no_cache_when_caching_is_impossible(monkeypatch):
    real = numba.njit

    def njit(*args, cache=False, **kw):
        if cache:
            raise RuntimeError("cannot cache function: no locator available")
        return real(*args, cache=cache, **kw)

    monkeypatch.setattr(numba, "njit", njit)
    monkeypatch.setattr(jit, "_cache_fallbacks", [])
    with pytest.warns(RuntimeWarning, match="cannot be cached"):
        @jit.njit
        def twice(x):
            return 2 * x

    assert twice(21) == 42
    assert any("twice" in f for f in jit.cache_fallbacks())


def test_training_works_with_an_unusable_cache_dir(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    env = {"NUMBA_CACHE_DIR": str(blocker / "cache"), "PATH": "/usr/bin:/bin"}
    import os

    env.update({k: v for k, v in os.environ.items() if k in ("HOME", "PYTHONPATH")})
    out = subprocess.run([sys.executable, "-m", "nnviz", "train", "--preset", "xor-backprop-3",
                          "--epochs", "20", "--json"], capture_output=True, text=True,
                         env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    assert '"status": "finished"' in out.stdout
