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

Then subprocesses measure start-up (``bench_startup.py``) and, by default, a profile and
breakdown of nnviz's batch-64 epoch is printed (``bench_profile.py``).  benchmarks/README.md
says what every line means.

Usage:
    python benchmarks/bench_mnist.py                      # full run (~5 min)
    python benchmarks/bench_mnist.py --quick              # ~1 min, fewer samples/repeats
    python benchmarks/bench_mnist.py --configs b64-f32 --json out.json

Environment: MNIST_DIR (peers; default: where nnviz finds MNIST), NNVIZ_DATA_DIR (nnviz's user
data folder, see nnviz.core.lessons.datasets), NNVIZ_BENCH_PEERS (folder of common.py / numpy_ref.py
/ torch_ref.py, default ../shared/bench beside the checkout).  PyTorch: ``pip install
torch==2.13.0`` (CPU wheel); without it the torch rows are skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_profile import profile_b64  # noqa: E402
from bench_report import CONFIGS, report  # noqa: E402
from bench_startup import (  # noqa: E402
    WARM_LOAD_GOAL,
    _child,
    _git_info,
    print_startup,
    run_startup,
)

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PEERS = os.environ.get(
    "NNVIZ_BENCH_PEERS",
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "bench"))

IMPLS = ("nnviz", "numpy", "torch", "torch-lean")
# Test accuracies documented in the peers' README (1 thread, full epochs); used only with
# --peer-acc doc.  PyTorch float64 batch 1 is not documented there.
DOC_ACC = {
    ("numpy", 1, "float64"): 0.9190, ("numpy", 1, "float32"): 0.9190,
    ("torch", 1, "float32"): 0.9190, ("torch-lean", 1, "float32"): 0.9190,
}


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

        from nnviz.core.lessons.presets import get_preset
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
        if "nnviz" in res and bs > 1:  # what the first batch on a new training array adds
            from nnviz.core.train.engine import SPARSE_MAX_FRACTION
            from nnviz.core.train.lit_index import _build

            t0 = time.perf_counter()
            _build(self.data(dt)[0].X, SPARSE_MAX_FRACTION).columns(bs)
            res["nnviz"]["extra"]["lit_index_s"] = [time.perf_counter() - t0]
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
    ap.add_argument("--profile", choices=("auto", "yes", "no"), default="yes",
                    help="cProfile and breakdown of nnviz batch 64 f32 (default yes; auto: only "
                         "if it misses the NumPy target)")
    ap.add_argument("--threads", type=int, default=1, help="BENCH_THREADS (default 1)")
    ap.add_argument("--json", help="write every number to this JSON file")
    ap.add_argument("--_child", help=argparse.SUPPRESS)
    ap.add_argument("--_spawn", type=float, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a._child:
        return _child(a._child, a._spawn, CONFIGS)
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
        from nnviz.core.lessons.datasets import locate_mnist

        os.environ["MNIST_DIR"] = str(locate_mnist("mnist"))
    # keep the in-process kernel cache out of the source tree
    os.environ.setdefault("NUMBA_CACHE_DIR",
                          os.path.join(tempfile.gettempdir(), "nnviz-bench-numba-cache"))
    sys.path.insert(0, PEERS)
    t_start = time.time()

    startup = None
    if a.startup == "yes":  # before this process loads torch and the data (quiet machine)
        startup = run_startup(__file__)

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

    ratios, checks = report(results, a.configs, C)

    prof = None
    missed_b64 = ratios.get("b64-f32 vs numpy", {}).get("pass") is False
    if a.profile == "yes" or (a.profile == "auto" and missed_b64):
        try:
            prof = profile_b64(B)
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


if __name__ == "__main__":
    main()
