"""Start-up part of ``bench_mnist.py``: a cold JIT compile and warm starts, in subprocesses
(and the git state the run reports).

A *cold* process (fresh ``NUMBA_CACHE_DIR``) times ``Trainer.warm_up()`` of every configuration
(the JIT compile of every kernel); 5 *warm* processes on the same cache time imports, the
cached-kernel load and process start -> kernels ready; a *probe* times numba's first call of one
tiny cached kernel alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WARM_LOAD_GOAL = 0.3  # seconds to load every cached kernel in a new process


def _child(mode: str, spawn_time: float, configs: dict) -> None:
    """Run in a fresh interpreter: import nnviz, warm up every configuration's kernels.

    Uses a tiny synthetic data set with the MNIST shapes (the kernels' types do not depend on
    the number of rows), so "kernels ready" does not include reading MNIST.
    """
    t_start = time.time()
    out = {"mode": mode, "interp_start_s": t_start - spawn_time}
    sys.path.insert(0, REPO)
    t0 = time.perf_counter()
    import numpy as np
    out["import_numpy_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    import numba
    out["import_numba_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    from nnviz.core.lessons.presets import get_preset
    from nnviz.core.train.trainer import TrainData
    out["import_nnviz_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    p = get_preset("mnist-course")
    out["preset_s"] = time.perf_counter() - t0

    rng = np.random.default_rng(0)
    n = 256
    X = rng.random((n, 784)) * 0.99 + 0.01
    y = np.arange(n) % 10
    T = np.full((n, 10), 0.01)
    T[np.arange(n), y] = 0.99
    if mode == "probe":  # numba's first-call set-up + one tiny cached kernel, alone
        from nnviz.core.kernels.optim import sgd_step
        t0 = time.perf_counter()
        sgd_step(np.zeros(2), np.zeros(2), 0.0)
        out["first_kernel_s"] = time.perf_counter() - t0
    trainers, warm = {}, {}
    t_kernels = time.perf_counter()
    for name, (bs, dt) in configs.items():
        data = TrainData(X.astype(dt), T.astype(dt), y, X.astype(dt), T.astype(dt), y)
        lr = 0.01 if bs == 1 else 0.5
        tr = p.make_trainer(data=data, dtype=dt, batch_size=bs, lr=lr, eval_every=0)
        warm[name] = tr.warm_up()
        trainers[name] = tr
    out["kernels_ready_s"] = time.perf_counter() - t_kernels  # incl. trainer construction
    out["warm_up_s"] = warm
    out["start_to_ready_s"] = time.time() - spawn_time
    def kernels():
        for mname, mod in list(sys.modules.items()):
            if mname.startswith("nnviz"):
                for attr, obj in vars(mod).items():
                    if (isinstance(obj, numba.core.registry.CPUDispatcher)
                            and obj.__module__ == mname):
                        yield f"{mname.rsplit('.', 1)[-1]}.{attr}", obj

    def sigs():
        return {f"{k}({', '.join(str(a) for a in sig)})"
                for k, d in kernels() for sig in d.signatures}

    # What warm_up() did not cover: the first real training steps (timed separately).
    before = sigs()
    first = {}
    for name, tr in trainers.items():
        t0 = time.perf_counter()
        tr.step("batch")  # batch 1: one sample through the detailed path + optimizer step
        tr.step("batch")
        first[name] = time.perf_counter() - t0
    out["first_steps_s"] = first
    out["compiled_after_warm_up"] = sorted(sigs() - before)
    # Numba's own accounting: cache hits / misses (compiles) of every kernel, incl. callees.
    hits = misses = 0
    missed = []
    for k, d in kernels():
        st = d.stats
        hits += sum(st.cache_hits.values())
        misses += sum(st.cache_misses.values())
        missed += [f"{k}({', '.join(str(a) for a in sig)})" for sig in st.cache_misses]
    out["cache_hits"], out["cache_misses"], out["missed"] = hits, misses, sorted(set(missed))
    out["numba_version"] = numba.__version__
    print("CHILD-JSON " + json.dumps(out), flush=True)


def run_startup(script: str, warm_runs: int = 5) -> dict:
    """Cold, warm and probe subprocesses of ``script`` (run with ``--_child MODE``)."""
    cache = tempfile.mkdtemp(prefix="nnviz-bench-numba-")
    env = dict(os.environ, NUMBA_CACHE_DIR=cache, BENCH_THREADS="1",
               OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1",
               NUMBA_NUM_THREADS="1")
    env.pop("NNVIZ_NO_JIT_CACHE", None)
    res = {"cache_dir": cache, "warm_runs": []}
    for mode in ["cold"] + ["warm"] * warm_runs + ["probe"]:
        t = time.time()
        p = subprocess.run([sys.executable, os.path.abspath(script), "--_child", mode,
                            "--_spawn", repr(t)], env=env, capture_output=True, text=True)
        wall = time.time() - t
        line = [ln for ln in p.stdout.splitlines() if ln.startswith("CHILD-JSON ")]
        if p.returncode or not line:
            raise RuntimeError(f"{mode} child failed:\n{p.stdout}\n{p.stderr}")
        r = json.loads(line[-1][len("CHILD-JSON "):])
        r["process_s"] = wall
        r["kernel_load_s"] = sum(r["warm_up_s"].values())
        if mode == "warm":
            res["warm_runs"].append(r)
        else:
            res[mode] = r
    import shutil
    shutil.rmtree(cache, ignore_errors=True)  # a fresh cache every time: nothing to keep
    # the warm run with the median kernel-load time stands for all of them
    runs = sorted(res["warm_runs"], key=lambda r: r["kernel_load_s"])
    res["warm"] = runs[len(runs) // 2]
    return res


def print_startup(s: dict) -> None:
    print("\n## start-up (subprocesses, NUMBA_CACHE_DIR =", s["cache_dir"], ")")
    for mode in ("cold", "warm"):
        r = s[mode]
        if mode == "warm":
            mode = "warm (median run)"
        ws = "  ".join(f"{k}={v:.3f}" for k, v in r["warm_up_s"].items())
        fs = "  ".join(f"{k}={v:.3f}" for k, v in r["first_steps_s"].items())
        print(f"{mode} warm_up() per config [s]: {ws}  | sum {sum(r['warm_up_s'].values()):.3f}"
              f"  (kernels ready incl. trainer setup {r['kernels_ready_s']:.3f})")
        print(f"     imports: numpy {r['import_numpy_s']:.3f}  numba {r['import_numba_s']:.3f}  "
              f"nnviz {r['import_nnviz_s']:.3f}  preset {r['preset_s']:.3f}  | interpreter "
              f"start {r['interp_start_s']:.3f}  | process start -> kernels ready "
              f"{r['start_to_ready_s']:.3f} s  (whole subprocess {r['process_s']:.2f} s)")
        print(f"     first 2 training steps after warm_up() [s]: {fs}"
              + (f"; they compiled: {', '.join(r['compiled_after_warm_up'])}"
                 if r["compiled_after_warm_up"] else ""))
        print(f"     numba cache: {r['cache_hits']} hits, {r['cache_misses']} misses (compiles)"
              + (f": {', '.join(r['missed'])}" if r["missed"] and mode != "cold" else ""))
    w = s["warm"]
    load = w["kernel_load_s"]
    runs = s["warm_runs"]
    loads = sorted(r["kernel_load_s"] for r in runs)
    ready = sorted(r["start_to_ready_s"] for r in runs)
    pr = s["probe"]
    imp_load = sum(w[k] for k in ("import_numpy_s", "import_numba_s", "import_nnviz_s",
                                  "preset_s", "kernels_ready_s"))
    print(f"probe (warm cache): numba's first call of one tiny cached kernel "
          f"{pr['first_kernel_s']:.3f} s, then warm_up() of the 3 configs "
          f"{pr['kernel_load_s']:.3f} s")
    print("warm runs: kernel load s (cache misses): " + ", ".join(
        f"{r['kernel_load_s']:.3f} ({r['cache_misses']})" for r in runs)
        + ("  -- a run with misses recompiled: nnviz sources changed meanwhile?"
           if any(r["cache_misses"] for r in runs) else ""))
    print(f"cold compile of all kernels (sum of warm_up): {s['cold']['kernel_load_s']:.2f} s")
    print(f"warm start ({len(runs)} processes, median [range]): cached-kernel load {load:.3f} s "
          f"[{loads[0]:.3f}..{loads[-1]:.3f}] (goal <= {WARM_LOAD_GOAL} s: "
          f"{'PASS' if load <= WARM_LOAD_GOAL else 'MISS'}); imports+load {imp_load:.3f} s; "
          f"process start -> kernels ready {C_median(ready):.3f} s "
          f"[{ready[0]:.3f}..{ready[-1]:.3f}]")


def C_median(xs):
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else 0.5 * (xs[n // 2 - 1] + xs[n // 2])


def _git_info() -> str:
    try:
        head = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--", "nnviz"],
                               capture_output=True, text=True).stdout.strip()
        return f"{head}{' +uncommitted changes in nnviz/' if dirty else ''}"
    except OSError:
        return "?"
