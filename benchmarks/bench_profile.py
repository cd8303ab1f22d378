"""Profile part of ``bench_mnist.py``: where nnviz's batch-64 epoch goes.

One epoch under cProfile, then the same epoch without the profiler, cut into its parts: the
trainer, the engine's steps, its gradients, the dense BLAS products alone, and each non-BLAS
kernel repeated over an epoch's 938 batches.
"""

from __future__ import annotations

import time


def profile_b64(bench, dt="float32"):
    """cProfile of one nnviz batch-64 epoch, then a profiler-free breakdown of its parts."""
    import cProfile
    import io
    import pstats

    np, C = bench.np, bench.C
    print(f"\n## profile: nnviz batch 64 {dt}, one epoch under cProfile (tr.run loop)")
    tr = bench.nnviz_trainer(64, dt)
    for _ in range(2):
        tr.step("batch")
    tr = bench.nnviz_trainer(64, dt)
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
    nd, _ = bench.data(dt)
    eng = tr._batch_engine()
    opt = tr._optimizer
    X, T = nd.X, nd.T
    order = np.arange(60000, dtype=np.int64)
    W0 = C.init_weights(np.dtype(dt).type)

    def reset():
        for layer in range(4):
            tr.net.W[layer][...] = W0[layer]

    def eng_fancy():  # shuffled batches are copies: their lit inputs are searched per batch
        for s in range(0, 60000, 64):
            idx = order[s:s + 64]
            eng.step(X[idx], T[idx], opt)

    def eng_slices():  # what Trainer._train does in file order, minus its bookkeeping
        for s in range(0, 60000, 64):
            eng.step(X[s:s + 64], T[s:s + 64], opt)

    def grad_only():
        for s in range(0, 60000, 64):
            eng.gradient(X[s:s + 64], T[s:s + 64])

    def matmuls(layers):  # the same BLAS calls into the same buffers, nothing else
        A, Z, G = eng.A, eng.Z, eng.G
        W, gW = tr.net.W, eng.gview.W
        for s in range(0, 60000, 64):
            xb = X[s:s + 64]
            n = len(xb)
            for i in layers:
                np.matmul(xb if i == 0 else Z[i - 1][:n], W[i], out=A[i][:n])
            for i in layers[::-1]:
                np.matmul((xb if i == 0 else Z[i - 1][:n]).T, G[i][:n], out=gW[i])
                if i > 0:
                    np.matmul(G[i][:n], W[i].T, out=G[i - 1][:n])

    def full_trainer():
        t = bench.nnviz_trainer(64, dt)
        for _snap in t.run("epoch"):
            pass
        return t.seconds

    rows = []
    for label, fn in (("Trainer.run (Trainer.seconds)", full_trainer),
                      ("BatchEngine.step, X[s:e] views (file order)", eng_slices),
                      ("BatchEngine.step, X[idx] copies (shuffled)", eng_fancy),
                      ("BatchEngine.gradient only (no update)", grad_only),
                      ("BLAS only: layers 2-4, the 8 np.matmul", lambda: matmuls([1, 2, 3])),
                      ("(dense BLAS for all 4 layers: 11 np.matmul)", lambda: matmuls(
                          [0, 1, 2, 3]))):
        ts = []
        for _ in range(3):
            reset()
            t, r = C.timed(fn)
            ts.append(r if label.startswith("Trainer") else t)
        rows.append((label, C.median(ts)))
    for label, t in rows:
        print(f"  {label:<46} {t:7.3f} s/epoch")
    # the non-BLAS pieces of BatchEngine.step, each repeated over one epoch's 938 batches
    from nnviz.core.kernels import sparse_input as S
    from nnviz.core.kernels.elementwise import add_bias_activate, scale_by_derivative
    from nnviz.core.kernels.optim import sgd_step
    from nnviz.core.kernels.sgd_b1 import output_rows
    from nnviz.core.train.engine import SPARSE_MAX_FRACTION
    from nnviz.core.train.lit_index import _build, batch_entries, index_of

    eng.step(X[:64], T[:64], opt)
    A, Z, G, net, codes = eng.A, eng.Z, eng.G, tr.net, eng.codes
    index_of(X, SPARSE_MAX_FRACTION)  # (built by the timed runs' second epoch, if any)
    c, ptr, cols, vals, columns = batch_entries(X[:64], SPARSE_MAX_FRACTION, 64)
    start, rows_c, vals_c = columns
    ptr_b, cols_b, vals_b = eng.ptr, eng.cols, eng.vals
    lr = net.dtype.type(opt.lr)
    w1 = net.W[0].copy()  # updated by the timed SGD step below, not the network's
    rest = slice(w1.size, None)
    ok = np.zeros(64, np.uint8)
    p_rest = net.params[rest].copy()

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
        ("index slice of a batch (batch_entries)", lambda: batch_entries(
            X[640:704], SPARSE_MAX_FRACTION, 64)),
        ("(per-batch search, copies only: gather_lit)", lambda: S.gather_lit(
            X[640:704], c, ptr_b, cols_b, vals_b, SPARSE_MAX_FRACTION)),
        ("layer 1 forward from the lit inputs", lambda: S.input_forward(
            net.W[0], c, 64, ptr, cols, vals, A[0])),
        ("layer 1 SGD step from the lit inputs by column", lambda: S.input_sgd_update_columns(
            G[0], c, 64, start, rows_c, vals_c, w1, lr)),
        ("(the same by row: batches that are copies)", lambda: S.input_sgd_update(
            G[0], c, 64, ptr, cols, vals, w1, lr)),
        ("(layer 1 gradient stored: other optimizers)", lambda: S.input_grad(
            G[0], c, 64, ptr, cols, vals, eng.gview.W[0])),
        ("bias + activation, 4 layers", lambda: [
            add_bias_activate(codes[i], A[i], net.W[i][0], Z[i], 0.0, False)
            for i in range(4)]),
        ("derivative, 3 layers", lambda: [
            scale_by_derivative(codes[i - 1], A[i - 1], Z[i - 1], G[i - 1], 0.0)
            for i in (1, 2, 3)]),
        ("output layer: loss, error, correct", lambda: output_rows(
            2, codes[3], A[3], Z[3], T[:64], G[3], 0.0, ok)),
        ("sgd_step on layers 2-4 (21,000 weights)", lambda: sgd_step(
            p_rest, eng.grad[rest], opt.lr)),
    ]
    parts_sum = 0.0
    for label, fn in parts:
        t = per_epoch(fn)
        rows.append((label, t))
        if not label.startswith("("):
            parts_sum += t
        print(f"  {label:<46} {t:7.3f} s/epoch")
    blas = dict(rows)["BLAS only: layers 2-4, the 8 np.matmul"]
    step = dict(rows)["BatchEngine.step, X[s:e] views (file order)"]
    print(f"  {'sum: BLAS + the parts above (no brackets)':<46} {blas + parts_sum:7.3f} s/epoch"
          f"  (the step's Python and calls: {step - blas - parts_sum:+.3f})")
    t0 = time.perf_counter()
    _build(X, SPARSE_MAX_FRACTION).columns(64)
    once = time.perf_counter() - t0
    rows.append(("lit index of the training array (once per array)", once))
    print(f"  {'once per training array: its lit index':<46} {once:7.3f} s")
    return {label: t for label, t in rows}
