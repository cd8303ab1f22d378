"""Where compiled kernels live: a read-only system cache every account reads, then the user's
cache folder; never the source tree.  Each test compiles in a fresh process with its own
folders (a kernel already compiled in this process would prove nothing)."""

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from nnviz.core import kernel_cache

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "nnviz"

# Runs training configurations of nnviz.core.precompile, then prints per kernel
# [signatures compiled, signatures loaded from a cache].
RUN_CONFIGURATIONS = """
import json, sys
from nnviz.core import precompile
made = dict(precompile.configurations())
for label in sys.argv[1:]:
    trainer = made[label]()
    trainer.warm_up()
    trainer.step("batch")
print(json.dumps({n: [sum(k.stats.cache_misses.values()), sum(k.stats.cache_hits.values())]
                  for n, k in precompile.kernels().items()}))
"""
SMALL = ["xor-backprop-2, float64, as the lesson sets it",  # the fused batch-1 kernel
         "xor-backprop-2, float32, mini-batch adam"]  # the mini-batch engine, float32
ONE_KERNEL = """
import numpy as np
from nnviz.core.kernels import optim
p = np.zeros(3)
optim.sgd_step(p, np.ones(3), 0.5)
print(p.tolist(), sum(optim.sgd_step.stats.cache_misses.values()))
"""


def _env(**changes):
    env = {k: v for k, v in os.environ.items()
           if k not in ("NUMBA_CACHE_DIR", "XDG_CACHE_HOME", kernel_cache.SYSTEM_ENV,
                        "NNVIZ_NO_JIT_CACHE", "NUMBA_DISABLE_JIT")}
    env.update(changes)
    return env


def _run(code, env, *args, user=None):
    cmd = [sys.executable, "-c", code, *args]
    if user is not None:  # as another account (setpriv drops root for this process only)
        cmd = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *cmd]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    return out


def _files(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns
            for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def shared_tmp():
    """A temporary folder other accounts can enter (pytest's tmp_path is private to root)."""
    base = Path(tempfile.mkdtemp(prefix="nnviz-kc-"))
    base.chmod(0o755)
    yield base
    for p in [base, *base.rglob("*")]:  # undo the read-only marks so it can be removed
        p.chmod(p.stat().st_mode | stat.S_IWUSR)
    shutil.rmtree(base)


def _other_account():
    """A uid without root's powers to run as (None when this process is not root)."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        return None
    return 65534  # nobody


def test_a_read_only_system_cache_is_loaded_without_compiling(shared_tmp):
    system, user = shared_tmp / "system", shared_tmp / "user"
    fill = _run(RUN_CONFIGURATIONS, _env(NUMBA_CACHE_DIR=str(system),
                                         **{kernel_cache.SYSTEM_ENV: ""}), *SMALL)
    compiled = {n: c for n, (c, _) in json.loads(fill.stdout.splitlines()[-1]).items() if c}
    assert {"kernels.sgd_b1.sgd_b1_run", "kernels.optim.adam_step"} <= set(compiled)
    for p in [system, *system.rglob("*")]:  # as an installer leaves it: nobody may write
        p.chmod(0o555 if p.is_dir() else 0o444)
    before = _files(system)
    user.mkdir()
    user.chmod(0o777)  # writable, so a compile would show up as new files here

    other = _other_account()
    out = _run(RUN_CONFIGURATIONS, _env(NUMBA_CACHE_DIR=str(user), HOME=str(user),
                                        **{kernel_cache.SYSTEM_ENV: str(system)}),
               *SMALL, user=other)
    stats = json.loads(out.stdout.splitlines()[-1])
    assert {n: c for n, (c, _) in stats.items() if c} == {}, "compiled despite the cache"
    for name in ("kernels.sgd_b1.sgd_b1_run", "kernels.optim.adam_step"):
        assert stats[name][1] >= 1  # loaded instead
    assert _files(user) == {}, "the reader wrote to its own cache"
    assert _files(system) == before
    assert "cannot be cached" not in out.stderr


def test_the_cache_goes_to_the_user_cache_folder_never_the_source_tree(tmp_path):
    before = {p: p.stat().st_mtime_ns for p in SOURCE.rglob("*.nb[ic]")}
    out = _run(ONE_KERNEL, _env(HOME=str(tmp_path), **{kernel_cache.SYSTEM_ENV: ""}))
    assert out.stdout.split("]")[0] == "[-0.5, -0.5, -0.5"
    saved = list((tmp_path / ".cache" / "nnviz" / "numba").rglob("*.nbi"))
    assert [p.parent.name for p in saved] == ["nnviz.core.kernels.optim"]
    after = {p: p.stat().st_mtime_ns for p in SOURCE.rglob("*.nb[ic]")}
    assert after == before, "kernels were cached inside the source tree"

    xdg = tmp_path / "xdg"
    _run(ONE_KERNEL, _env(HOME=str(tmp_path), XDG_CACHE_HOME=str(xdg),
                          **{kernel_cache.SYSTEM_ENV: ""}))
    assert list((xdg / "nnviz" / "numba").rglob("*.nbi"))


def test_a_damaged_cache_entry_is_compiled_again_not_a_crash(tmp_path):
    env = _env(NUMBA_CACHE_DIR=str(tmp_path), **{kernel_cache.SYSTEM_ENV: ""})
    first = _run(ONE_KERNEL, env)
    assert first.stdout.split()[-1] == "1"  # compiled
    assert _run(ONE_KERNEL, env).stdout.split()[-1] == "0"  # loaded
    for p in tmp_path.rglob("*.nbc"):
        p.write_bytes(b"not machine code")
    again = _run(ONE_KERNEL, env)
    assert again.stdout == first.stdout  # same result, compiled afresh


def test_the_user_cache_folder_follows_the_platform_and_numba_cache_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("NUMBA_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert kernel_cache.user_cache_dir() == tmp_path / ".cache" / "nnviz" / "numba"
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "c"))
        assert kernel_cache.user_cache_dir() == tmp_path / "c" / "nnviz" / "numba"
        monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
        assert kernel_cache.user_cache_dir() == tmp_path / ".cache" / "nnviz" / "numba"
        monkeypatch.delenv(kernel_cache.SYSTEM_ENV, raising=False)
        assert kernel_cache.system_cache_dir() == Path("/var/cache/nnviz/numba")
    monkeypatch.setenv("NUMBA_CACHE_DIR", str(tmp_path / "n"))
    assert kernel_cache.user_cache_dir() == tmp_path / "n"
    monkeypatch.setenv(kernel_cache.SYSTEM_ENV, "")
    assert kernel_cache.system_cache_dir() is None
    monkeypatch.setenv(kernel_cache.SYSTEM_ENV, str(tmp_path / "s"))
    assert kernel_cache.system_cache_dir() == tmp_path / "s"


def test_editing_any_kernel_module_changes_every_kernels_stamp(monkeypatch, tmp_path):
    # a kernel's machine code includes the kernels it calls from other files
    core = tmp_path / "core"
    shutil.copytree(SOURCE / "core" / "kernels", core / "kernels")
    shutil.copy(SOURCE / "core" / "jit.py", core / "jit.py")
    monkeypatch.setattr(kernel_cache, "_HERE", core)
    kernel_cache.code_fingerprint.cache_clear()
    try:
        first = kernel_cache.code_fingerprint()
        assert kernel_cache.code_fingerprint() == first
        callee = core / "kernels" / "elementwise.py"
        callee.write_text(callee.read_text() + "\n# edited\n")
        kernel_cache.code_fingerprint.cache_clear()
        assert kernel_cache.code_fingerprint() != first
    finally:
        kernel_cache.code_fingerprint.cache_clear()


def test_a_manifest_matches_only_this_machine_and_build(tmp_path):
    assert not kernel_cache.manifest_matches(tmp_path)
    kernel_cache.write_manifest(tmp_path, essential=["x"])
    assert kernel_cache.manifest_matches(tmp_path)
    data = kernel_cache.read_manifest(tmp_path)
    assert data["essential"] == ["x"]
    for key, other in (("cpu", "some-other-cpu"), ("fingerprint", "0" * 64)):
        (tmp_path / kernel_cache.MANIFEST).write_text(json.dumps({**data, key: other}))
        assert not kernel_cache.manifest_matches(tmp_path)
    (tmp_path / kernel_cache.MANIFEST).write_text("{not json")
    assert not kernel_cache.manifest_matches(tmp_path)


WARM_UP = """
import json, sys
from nnviz.core import precompile
keep = [c for c in precompile.configurations() if c[0] in sys.argv[1:]]
precompile.configurations = lambda: iter(keep)
r = precompile.warm_up_kernels()
print(json.dumps({"runs": r.runs, "compiled": r.compiled, "loaded": r.loaded}))
"""


def test_the_start_up_warm_up_compiles_once_then_only_loads(tmp_path):
    env = _env(NUMBA_CACHE_DIR=str(tmp_path), **{kernel_cache.SYSTEM_ENV: ""})
    first = json.loads(_run(WARM_UP, env, *SMALL).stdout.splitlines()[-1])
    assert first["runs"] == 2 and first["compiled"] > 0
    manifest = kernel_cache.read_manifest(tmp_path)
    assert sorted(manifest["essential"]) == sorted(SMALL)  # each brought in new signatures

    again = json.loads(_run(WARM_UP, env, *SMALL).stdout.splitlines()[-1])
    assert again["compiled"] == 0 and again["loaded"] >= 4


def test_a_paused_warm_up_waits_and_a_stopped_one_ends_before_the_next_run(monkeypatch,
                                                                          tmp_path):
    from nnviz.core import precompile

    monkeypatch.setenv("NUMBA_CACHE_DIR", str(tmp_path))  # no complete cache: run everything
    monkeypatch.setenv(kernel_cache.SYSTEM_ENV, "")
    made = []
    monkeypatch.setattr(precompile, "configurations",
                        lambda: iter([("first", lambda: made.append("first"))]))
    warm = precompile.BackgroundWarmUp()
    warm.pause()  # as when the student starts training before it began
    warm.start()
    warm.thread.join(1.0)
    assert warm.thread.is_alive() and made == []  # holding before its first run
    warm.stop(timeout=30)
    assert not warm.thread.is_alive()
    assert made == []  # stopped without running it
