"""Results part of ``bench_mnist.py``: the table of epoch times and the ratios to the targets."""

from __future__ import annotations

CONFIGS = {  # name -> (batch, dtype)
    "b1-f32": (1, "float32"),
    "b1-f64": (1, "float64"),
    "b64-f32": (64, "float32"),
}
# Speed-up targets, nnviz epoch time vs the peer's: (vs PyTorch, vs NumPy).
# issue 18: batch 1 f32 >= 50x PyTorch and >= 12x NumPy, batch 64 f32 >= 1.3x NumPy
TARGETS = {"b1-f32": (50.0, 12.0), "b1-f64": (10.0, 4.5), "b64-f32": (1.7, 1.3)}
ACC_BAND = (0.912, 0.919)  # nnviz test accuracy after one batch-1 epoch


def report(results: dict, configs: list, C) -> tuple[dict, list]:
    """Print the results table and the ratios; returns (ratios, pass/fail of each target)."""
    print("\n## results (median epoch seconds [range], extrapolated to 60k where sliced)")
    for name in configs:
        bs, dt = CONFIGS[name]
        for impl, r in results[name].items():
            extra = ""
            if impl == "nnviz":
                ex = r["extra"]
                extra = (f"  run_wall_s={C.median(ex['run_wall_s']):.3f} (incl. eval)")
                if "lit_index_s" in ex:
                    extra += (f"  + once per training array: lit index "
                              f"{ex['lit_index_s'][0]:.3f} s (built by the warm-up run)")
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
    for name in configs:
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
            once = nz["extra"].get("lit_index_s")
            if once and peer == "numpy":  # a first epoch on data nnviz has not seen yet
                first = C.median(r["times"]) * scale / (nz_med + once[0])
                ratios[f"{name} vs {peer}, first epoch on new data"] = {"ratio": first}
                print(f"{'':<8} {'(first epoch on a new training array, index included)':<44}"
                      f" {first:6.2f}x  (info)")
            if target is not None:
                checks.append(ok)
        if bs == 1:
            acc = nz["acc"]
            ok = ACC_BAND[0] <= round(acc, 4) <= ACC_BAND[1]
            checks.append(ok)
            ratios[f"{name} accuracy"] = {"acc": acc, "band": ACC_BAND, "pass": ok}
            print(f"{name:<8} nnviz test accuracy {acc:.4f}  band {ACC_BAND[0]}-{ACC_BAND[1]}  "
                  f"{'PASS' if ok else 'MISS'}")
    return ratios, checks
