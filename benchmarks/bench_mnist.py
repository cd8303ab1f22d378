#!/usr/bin/env python
"""Speed benchmark: nnviz vs the NumPy and PyTorch peers on the course MNIST network.

Workload (handout 004): MLP 784-100-100-100-10, no biases, sigmoid/tanh/sigmoid/softmax,
init randn/sqrt(n_in/2) (seed 1234, identical weights for every implementation), inputs
x/255*0.99+0.01, targets 0.01/0.99, plain SGD, one epoch over 60,000 images in file order.
Batch 1: lr 0.01 per sample.  Batch 64: mean gradient, lr 0.5 (the peers' rule).

Everything runs in ONE process, single-threaded (BENCH_THREADS=1), with the implementations
interleaved repeat by repeat (the machine is shared: ratios from one run are stable, absolute
seconds drift).  nnviz always trains full epochs (``Trainer.seconds``: the training loop without
evaluation); batch-1 peers are timed on a ``--samples`` slice and extrapolated to 60k as
``common.row`` does, and train one full epoch more for their test accuracy (``--peer-acc doc``
reuses the accuracies documented in the peers' README instead, and says so).

Then two subprocesses measure start-up: a fresh NUMBA_CACHE_DIR (cold JIT compile of every
kernel the three configurations need, ``Trainer.warm_up()`` per configuration) and a second
process on the same cache (warm start: interpreter start -> imports -> kernels loaded).

Usage:
    python benchmarks/bench_mnist.py                      # full run (~5 min)
    python benchmarks/bench_mnist.py --quick              # ~1 min, fewer samples/repeats
    python benchmarks/bench_mnist.py --configs b64-f32 --json out.json

Environment: MNIST_DIR (peers; default: where nnviz finds MNIST), NNVIZ_DATA_DIR (nnviz's user
data folder, see nnviz.core.datasets), NNVIZ_BENCH_PEERS (folder of common.py / numpy_ref.py /
torch_ref.py, default ../shared/bench beside the checkout).  PyTorch: ``pip install
torch==2.13.0`` (CPU wheel); without it the torch rows are skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PEERS = os.environ.get(
    "NNVIZ_BENCH_PEERS",
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "bench"))

CONFIGS = {  # name -> (batch, dtype)
    "b1-f32": (1, "float32"),
    "b1-f64": (1, "float64"),
    "b64-f32": (64, "float32"),
}
IMPLS = ("nnviz", "numpy", "torch", "torch-lean")
# Speed-up targets: nnviz epoch time vs the peer's, (vs PyTorch, vs NumPy).
TARGETS = {"b1-f32": (15.0, 8.0), "b1-f64": (10.0, 4.5), "b64-f32": (1.7, 1.0)}
ACC_BAND = (0.912, 0.919)  # nnviz test accuracy after one batch-1 epoch
WARM_LOAD_GOAL = 0.3  # seconds to load every cached kernel in a new process
# Test accuracies documented in the peers' README (1 thread, full epochs); used only with
# --peer-acc doc.  PyTorch float64 batch 1 is not documented there.
DOC_ACC = {
    ("numpy", 1, "float64"): 0.9190, ("numpy", 1, "float32"): 0.9190,
    ("torch", 1, "float32"): 0.9190, ("torch-lean", 1, "float32"): 0.9190,
}


# ------------------------------------------------------------------------------------------
# start-up subprocesses (cold compile, warm cache)
# ------------------------------------------------------------------------------------------
def _child(mode: str, spawn_time: float) -> None:
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
    from nnviz.core.presets import get_preset
    from nnviz.core.trainer import TrainData
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
    for name, (bs, dt) in CONFIGS.items():
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


def run_startup(warm_runs: int = 5) -> dict:
    cache = tempfile.mkdtemp(prefix="nnviz-bench-numba-")
    env = dict(os.environ, NUMBA_CACHE_DIR=cache, BENCH_THREADS="1",
               OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1",
               NUMBA_NUM_THREADS="1")
    env.pop("NNVIZ_NO_JIT_CACHE", None)
    res = {"cache_dir": cache, "warm_runs": []}
    for mode in ["cold"] + ["warm"] * warm_runs + ["probe"]:
        t = time.time()
        p = subprocess.run([sys.executable, os.path.abspath(__file__), "--_child", mode,
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


# ------------------------------------------------------------------------------------------
# the in-process benchmark
# ------------------------------------------------------------------------------------------
class Bench:
    def __init__(self, args):
        import common as C  # first: thread env vars before numpy / torch
        import numpy as np

        self.C, self.np, self.args = C, np, args
        import numpy_ref
        self.numpy_ref = numpy_ref
        try:
            import torch
            import torch_ref
            self.torch, self.torch_ref = torch, torch_ref
        except ImportError as exc:  # noqa: F841
            self.torch = self.torch_ref = None
        sys.path.insert(0, REPO)
        from dataclasses import replace

        from nnviz.core.presets import get_preset
        self.preset = get_preset("mnist-course")
        self._replace = replace
        self.nn_data, self.peer_data, self.torch_data = {}, {}, {}

    # -- data ---------------------------------------------------------------------------
    def data(self, dt):
        if dt not in self.nn_data:
            np, C = self.np, self.C
            p = self.preset
            if p.training.dtype != dt:  # nnviz's own loader, normalised in this dtype
                p = self._replace(p, training=p.training.with_changes(dtype=dt))
            nd = p.load_data()
            pd = C.load_mnist(np.dtype(dt).type)
            same = (np.array_equal(nd.X, pd[0]) and np.array_equal(nd.T, pd[1])
                    and np.array_equal(nd.y, pd[2]) and np.array_equal(nd.X_test, pd[3]))
            print(f"# data {dt}: nnviz loader == peers' loader: {same}"
                  + ("" if same else f" (max |dX| {np.abs(nd.X - pd[0]).max():.2e})"), flush=True)
            self.nn_data[dt], self.peer_data[dt] = nd, pd
            if self.torch is not None:
                t = self.torch.from_numpy
                self.torch_data[dt] = (t(pd[0]), t(pd[1]), t(pd[2]))
            self.Xte64, self.yte = pd[3].astype(np.float64), pd[5]
        return self.nn_data[dt], self.peer_data[dt]

    def accuracy(self, Ws):
        return self.C.accuracy(Ws, self.Xte64, self.yte)

    # -- one training run per implementation -------------------------------------------
    def nnviz_trainer(self, bs, dt):
        C, np = self.C, self.np
        nd, _ = self.data(dt)
        lr = C.LR if bs == 1 else C.LR_BATCH
        tr = self.preset.make_trainer(data=nd, dtype=dt, batch_size=bs, lr=lr, eval_every=0)
        W0 = C.init_weights(np.dtype(dt).type)
        for layer in range(4):
            tr.net.W[layer][...] = W0[layer]
        tr.initial_params[...] = tr.net.params
        tr.warm_up()
        return tr

    def run_nnviz(self, bs, dt, warmup=False):
        """One full epoch; returns (seconds, cpu seconds of the training loop, acc, extra)."""
        tr = self.nnviz_trainer(bs, dt)
        if warmup:  # kernels warm_up() leaves out (optimizer step in the trainer's dtype)
            for _ in range(3):
                tr.step("batch")
            return None
        cpu = [0.0]
        inner = tr._train

        def counted(*a, **k):  # CPU time of exactly what Trainer.seconds times
            c0 = time.process_time()
            try:
                return inner(*a, **k)
            finally:
                cpu[0] += time.process_time() - c0

        tr._train = counted
        t0 = time.perf_counter()
        snap = None
        for snap in tr.run("epoch"):  # noqa: B007 (the last snapshot is used below)
            pass
        wall = time.perf_counter() - t0
        acc = self.accuracy(tr.net.W)
        own = snap.evals[-1].test_acc
        return tr.seconds, cpu[0], acc, {"run_wall_s": wall, "nnviz_test_acc": own}

    def run_peer(self, impl, bs, dt, n):
        C, np = self.C, self.np
        _, (Xtr, Ttr, ytr, *_rest) = self.data(dt)
        lr = C.LR if bs == 1 else C.LR_BATCH
        if impl == "numpy":
            Ws = C.init_weights(np.dtype(dt).type)
            if bs == 1:
                t, _ = C.timed(self.numpy_ref.train_epoch_b1, Ws, Xtr, Ttr, lr, n)
            else:
                t, _ = C.timed(self.numpy_ref.train_epoch_batch, Ws, Xtr, Ttr, lr, bs, n)
            return t, C.CPU_LOG[-1], (lambda: Ws)
        T = self.torch_ref
        Xt, Tt, yt = self.torch_data[dt]
        if impl == "torch":
            model = T.make_model(dt)
            t, _ = C.timed(T.train_epoch, model, Xt, Tt, yt, lr, bs, n, "course")
        else:
            model = T.LeanMLP(dt)
            t, _ = C.timed(T.train_epoch_lean, model, Xt, Tt, lr, bs, n)
        return t, C.CPU_LOG[-1], (lambda: T.weights_np(model))

    # -- one configuration --------------------------------------------------------------
    def run_config(self, name):
        a = self.args
        bs, dt = CONFIGS[name]
        impls = [i for i in a.impls if i in ("nnviz", "numpy") or self.torch is not None]
        repeats = a.repeats if bs == 1 else a.repeats_b64
        n_peer = a.samples if bs == 1 else 60000
        self.data(dt)
        # untimed warm-up of every implementation (compile, caches, allocator)
        for impl in impls:
            if impl == "nnviz":
                self.run_nnviz(bs, dt, warmup=True)
            else:
                self.run_peer(impl, bs, dt, 200 * bs)
        res = {i: {"times": [], "cpu": [], "n": 60000 if i == "nnviz" else n_peer, "acc": None,
                   "acc_source": None, "extra": {}} for i in impls}
        for rep in range(repeats):
            k = rep % len(impls)
            for impl in impls[k:] + impls[:k]:  # rotate the order: no position bias
                r = res[impl]
                if impl == "nnviz":
                    t, c, acc, extra = self.run_nnviz(bs, dt)
                    r["accs"] = r.get("accs", []) + [acc]
                    r["acc"], r["acc_source"] = acc, "measured"
                    for key, v in extra.items():
                        r["extra"].setdefault(key, []).append(v)
                else:
                    t, c, weights = self.run_peer(impl, bs, dt, n_peer)
                    if n_peer == 60000:
                        r["acc"], r["acc_source"] = self.accuracy(weights()), "measured"
                r["times"].append(t)
                r["cpu"].append(c)
                print(f"  . {name} rep {rep + 1}/{repeats} {impl:<11} {t:8.3f} s"
                      + (f" (x{60000 / r['n']:g})" if r["n"] != 60000 else ""), flush=True)
        # batch-1 peers timed on a slice: one full epoch for their test accuracy
        for impl in impls:
            r = res[impl]
            if r["acc"] is not None:
                continue
            if a.peer_acc == "full":
                t, c, weights = self.run_peer(impl, bs, dt, 60000)
                r["acc"], r["acc_source"] = self.accuracy(weights()), "measured"
                r["extra"]["full_epoch_s"] = [t]
                print(f"  . {name} full epoch  {impl:<11} {t:8.3f} s  acc {r['acc']:.4f}",
                      flush=True)
            else:
                r["acc"] = DOC_ACC.get((impl, bs, dt))
                r["acc_source"] = "peers' README" if r["acc"] is not None else None
        return res

    # -- profile ------------------------------------------------------------------------
    def profile_b64(self, dt="float32"):
        import cProfile
        import io
        import pstats

        np, C = self.np, self.C
        print(f"\n## profile: nnviz batch 64 {dt}, one epoch under cProfile (tr.run loop)")
        tr = self.nnviz_trainer(64, dt)
        for _ in range(2):
            tr.step("batch")
        tr = self.nnviz_trainer(64, dt)
        pr = cProfile.Profile()
        pr.enable()
        for _snap in tr.run("epoch"):
            pass
        pr.disable()
        s = io.StringIO()
        st = pstats.Stats(pr, stream=s)
        st.sort_stats("tottime").print_stats(18)
        print("\n".join(ln for ln in s.getvalue().splitlines()[4:] if ln.strip()))
        print(f"(Trainer.seconds under the profiler: {tr.seconds:.3f} s)")
        # Profiler-free breakdown of the same epoch, layer by layer of the stack.
        nd, _ = self.data(dt)
        eng = tr._batch_engine()
        opt = tr._optimizer
        X, T = nd.X, nd.T
        order = np.arange(60000, dtype=np.int64)
        W0 = C.init_weights(np.dtype(dt).type)

        def reset():
            for layer in range(4):
                tr.net.W[layer][...] = W0[layer]

        def eng_fancy():  # what Trainer._train does per batch, minus its bookkeeping
            for s in range(0, 60000, 64):
                idx = order[s:s + 64]
                eng.step(X[idx], T[idx], opt)

        def eng_slices():  # contiguous slices instead of fancy-index copies
            for s in range(0, 60000, 64):
                eng.step(X[s:s + 64], T[s:s + 64], opt)

        def grad_only():
            for s in range(0, 60000, 64):
                eng.gradient(X[s:s + 64], T[s:s + 64])

        def matmuls_only():  # the same BLAS calls into the same buffers, nothing else
            A, Z, G = eng.A, eng.Z, eng.G
            W, gW = tr.net.W, eng.gview.W
            for s in range(0, 60000, 64):
                xb = X[s:s + 64]
                n = len(xb)
                zin = xb
                for i in range(4):
                    np.matmul(zin, W[i], out=A[i][:n])
                    zin = Z[i][:n]
                for i in range(3, -1, -1):
                    np.matmul((xb if i == 0 else Z[i - 1][:n]).T, G[i][:n], out=gW[i])
                    if i > 0:
                        np.matmul(G[i][:n], W[i].T, out=G[i - 1][:n])

        def full_trainer():
            t = self.nnviz_trainer(64, dt)
            for _snap in t.run("epoch"):
                pass
            return t.seconds

        rows = []
        for label, fn in (("Trainer.run (Trainer.seconds)", full_trainer),
                          ("BatchEngine.step, X[idx] fancy index", eng_fancy),
                          ("BatchEngine.step, X[s:e] slices", eng_slices),
                          ("BatchEngine.gradient only (no optimizer)", grad_only),
                          ("the 11 np.matmul calls only", matmuls_only)):
            ts = []
            for _ in range(3):
                reset()
                t, r = C.timed(fn)
                ts.append(r if label.startswith("Trainer") else t)
            rows.append((label, C.median(ts)))
        for label, t in rows:
            print(f"  {label:<44} {t:7.3f} s/epoch")
        # the non-GEMM pieces of BatchEngine.gradient, each over one epoch's 938 batches
        from nnviz.core.engine import _correct
        from nnviz.core.kernels.elementwise import add_bias_activate, scale_by_derivative
        from nnviz.core.losses import loss_value
        eng.gradient(X[:64], T[:64])
        A, Z, G, net, codes = eng.A, eng.Z, eng.G, tr.net, eng.codes
        buf = np.empty_like(A[0])

        def per_epoch(fn, reps=938):
            fn()
            ts = []
            for _ in range(5):
                t0 = time.perf_counter()
                for _ in range(reps):
                    fn()
                ts.append(time.perf_counter() - t0)
            return C.median(ts)

        parts = [
            ("numba add_bias_activate, 4 layers", lambda: [
                add_bias_activate(codes[i], A[i], net.W[i][0], Z[i], 0.0, False)
                for i in range(4)]),
            ("  of which layer 1 sigmoid (64x100)", lambda: add_bias_activate(
                codes[0], A[0], net.W[0][0], Z[0], 0.0, False)),
            ("  NumPy ufunc sigmoid, same 64x100, out=", lambda: np.divide(
                1.0, np.add(1.0, np.exp(np.negative(A[0], out=buf), out=buf), out=buf),
                out=buf)),
            ("numba scale_by_derivative, 3 layers", lambda: [
                scale_by_derivative(codes[i - 1], A[i - 1], Z[i - 1], G[i - 1], 0.0)
                for i in (1, 2, 3)]),
            ("optimizer step (sgd_step over 99,400)", lambda: opt.step(net.params,
                                                                         np.zeros_like(eng.grad))),
        ]
        from nnviz.core.kernels import sgd_b1
        if hasattr(sgd_b1, "output_rows"):  # loss, output error, correctness in one kernel
            ok = np.zeros(64, np.uint8)
            parts.append(("numba output_rows (loss, error, correct)", lambda: sgd_b1.output_rows(
                2, codes[3], A[3], Z[3], T[:64], G[3], 0.0, ok)))
        else:  # older engines: NumPy loss and argmax per batch
            parts += [("losses.loss_value (NumPy, per batch)", lambda: loss_value(
                "cce", Z[3], T[:64], A[3], "softmax")),
                ("engine._correct (2 argmax)", lambda: _correct(Z[3], T[:64]))]
        for label, fn in parts:
            t = per_epoch(fn)
            rows.append((label, t))
            print(f"  {label:<44} {t:7.3f} s/epoch")
        return {label: t for label, t in rows}


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true",
                    help="2,000-sample peer slices, 2 repeats (3 at batch 64), peers' "
                         "documented accuracies, no start-up subprocesses")
    ap.add_argument("--configs", default=",".join(CONFIGS),
                    help=f"comma list of {', '.join(CONFIGS)}")
    ap.add_argument("--impls", default=",".join(IMPLS), help=f"comma list of {', '.join(IMPLS)}")
    ap.add_argument("--samples", type=int, default=None,
                    help="samples timed for batch-1 peers (default 10000; extrapolated to 60k)")
    ap.add_argument("--repeats", type=int, default=None, help="repeats at batch 1 (default 3)")
    ap.add_argument("--repeats-b64", type=int, default=None,
                    help="repeats at batch 64 (default 5)")
    ap.add_argument("--peer-acc", choices=("full", "doc"), default=None,
                    help="batch-1 peers' accuracy: one extra full epoch (default) or the "
                         "numbers documented in the peers' README")
    ap.add_argument("--startup", choices=("yes", "no"), default=None,
                    help="run the cold/warm start-up subprocesses (default yes, no with --quick)")
    ap.add_argument("--profile", choices=("auto", "yes", "no"), default="auto",
                    help="cProfile nnviz batch 64 f32 (auto: only if it misses the NumPy target)")
    ap.add_argument("--threads", type=int, default=1, help="BENCH_THREADS (default 1)")
    ap.add_argument("--json", help="write every number to this JSON file")
    ap.add_argument("--_child", help=argparse.SUPPRESS)
    ap.add_argument("--_spawn", type=float, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a._child:
        return _child(a._child, a._spawn)
    q = a.quick
    a.samples = a.samples or (2000 if q else 10000)
    a.repeats = a.repeats or (2 if q else 3)
    a.repeats_b64 = a.repeats_b64 or (3 if q else 5)
    a.peer_acc = a.peer_acc or ("doc" if q else "full")
    a.startup = a.startup or ("no" if q else "yes")
    a.configs = [c.strip() for c in a.configs.split(",") if c.strip()]
    a.impls = [i.strip() for i in a.impls.split(",") if i.strip()]
    for c in a.configs:
        if c not in CONFIGS:
            ap.error(f"unknown config {c!r}")
    for i in a.impls:
        if i not in IMPLS:
            ap.error(f"unknown implementation {i!r}")

    os.environ["BENCH_THREADS"] = str(a.threads)
    # Before anything imports NumPy (locate_mnist below imports nnviz): OpenBLAS reads its
    # thread count once, when NumPy loads; set later (by the peers' common.py), it was ignored
    # and nnviz and the NumPy peer ran their batch-64 matmuls on two threads.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                "NUMBA_NUM_THREADS"):
        os.environ[var] = str(a.threads)
    if "MNIST_DIR" not in os.environ:  # the peers read the folder nnviz itself would use
        if REPO not in sys.path:
            sys.path.insert(0, REPO)
        from nnviz.core.datasets import locate_mnist

        os.environ["MNIST_DIR"] = str(locate_mnist("mnist"))
    # keep the in-process kernel cache out of the source tree
    os.environ.setdefault("NUMBA_CACHE_DIR",
                          os.path.join(tempfile.gettempdir(), "nnviz-bench-numba-cache"))
    sys.path.insert(0, PEERS)
    t_start = time.time()

    startup = None
    if a.startup == "yes":  # before this process loads torch and the data (quiet machine)
        startup = run_startup()

    B = Bench(a)
    C = B.C
    import numba
    git = _git_info()
    print("# bench_mnist:", C.env_line(), f"numba {numba.__version__}",
          f"torch {B.torch.__version__}" if B.torch else "torch missing (torch rows skipped)",
          f"torch_threads={B.torch.get_num_threads()}" if B.torch else "")
    print(f"# {time.strftime('%Y-%m-%d %H:%M:%S %Z')}  nnviz {git}  loadavg "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"# batch-1 peers timed on {a.samples} samples x{60000 / a.samples:g}, nnviz on full "
          f"epochs; repeats: {a.repeats} (batch 1), {a.repeats_b64} (batch 64), interleaved; "
          f"lr_b1={C.LR} lr_b64={C.LR_BATCH} (mean grad); identical initial weights")

    results = {}
    for name in a.configs:
        print(f"\n## {name}", flush=True)
        results[name] = B.run_config(name)

    print("\n## results (median epoch seconds [range], extrapolated to 60k where sliced)")
    for name in a.configs:
        bs, dt = CONFIGS[name]
        for impl, r in results[name].items():
            extra = ""
            if impl == "nnviz":
                ex = r["extra"]
                extra = (f"  run_wall_s={C.median(ex['run_wall_s']):.3f} (incl. eval)")
                if len(set(r["accs"])) > 1:
                    extra += f"  acc_per_repeat={r['accs']}"
            elif "full_epoch_s" in r["extra"]:
                extra = f"  full_epoch_s={r['extra']['full_epoch_s'][0]:.3f}"
            if r["acc_source"] not in (None, "measured"):
                extra += f"  (acc from {r['acc_source']}, not measured in this run)"
            print(C.row(impl, bs, dt, r["times"], r["n"], r["acc"], extra, cpu=r["cpu"]))

    print("\n## ratios (nnviz speed-up = peer epoch s / nnviz epoch s, medians of this run;"
          " [range over interleaved repeats])")
    ratios, checks = {}, []
    for name in a.configs:
        bs, dt = CONFIGS[name]
        res = results[name]
        if "nnviz" not in res:
            continue
        nz = res["nnviz"]
        nz_med = C.median(nz["times"])
        t_torch, t_numpy = TARGETS[name]
        for peer, target in (("torch", t_torch), ("torch-lean", None), ("numpy", t_numpy)):
            if peer not in res:
                continue
            r = res[peer]
            scale = 60000 / r["n"]
            ratio = C.median(r["times"]) * scale / nz_med
            per = [p * scale / q for p, q in zip(r["times"], nz["times"])]
            cpu_ratio = C.median(r["cpu"]) * scale / C.median(nz["cpu"])
            ok = None if target is None else ratio >= target
            ratios[f"{name} vs {peer}"] = {"ratio": ratio, "per_repeat": per, "target": target,
                                           "pass": ok, "cpu_ratio": cpu_ratio}
            tgt = ("(info)" if target is None else
                   f"target >= {target:g}x  {'PASS' if ok else 'MISS'}")
            print(f"{name:<8} nnviz vs {peer:<11} {ratio:6.2f}x  [{min(per):.2f}..{max(per):.2f}]"
                  f"  cpu-time ratio {cpu_ratio:6.2f}x  {tgt}")
            if target is not None:
                checks.append(ok)
        if bs == 1:
            acc = nz["acc"]
            ok = ACC_BAND[0] <= round(acc, 4) <= ACC_BAND[1]
            checks.append(ok)
            ratios[f"{name} accuracy"] = {"acc": acc, "band": ACC_BAND, "pass": ok}
            print(f"{name:<8} nnviz test accuracy {acc:.4f}  band {ACC_BAND[0]}-{ACC_BAND[1]}  "
                  f"{'PASS' if ok else 'MISS'}")

    prof = None
    missed_b64 = ratios.get("b64-f32 vs numpy", {}).get("pass") is False
    if a.profile == "yes" or (a.profile == "auto" and missed_b64):
        try:
            prof = B.profile_b64()
        except Exception as exc:  # nnviz internals this section pokes at may have changed
            print(f"(profile failed: {type(exc).__name__}: {exc})")

    if startup:
        print_startup(startup)
        load = startup["warm"]["kernel_load_s"]
        checks.append(load <= WARM_LOAD_GOAL)

    print(f"\n# {sum(bool(c) for c in checks)}/{len(checks)} targets met; "
          f"benchmark took {time.time() - t_start:.0f} s")
    if a.json:
        out = {"env": C.env_line(), "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "nnviz": git,
               "args": {k: v for k, v in vars(a).items() if not k.startswith("_")},
               "results": {n: {i: {k: v for k, v in r.items()} for i, r in res.items()}
                           for n, res in results.items()},
               "ratios": ratios, "startup": startup, "profile_b64": prof}
        with open(a.json, "w") as f:
            json.dump(out, f, indent=1, default=float)
        print(f"# wrote {a.json}")


def _git_info() -> str:
    try:
        head = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--", "nnviz"],
                               capture_output=True, text=True).stdout.strip()
        return f"{head}{' +uncommitted changes in nnviz/' if dirty else ''}"
    except OSError:
        return "?"


if __name__ == "__main__":
    main()
