"""Command line: train and evaluate lessons headless, list lessons, find or fetch data.

    python -m nnviz train --preset mnist-course [--epochs N] [--batch-size B] [--lr X] [--json]
    python -m nnviz eval --weights FILE --dataset mnist [--json]
    python -m nnviz presets
    python -m nnviz data [--fetch]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time

import numpy as np


def _progress(stream, done, total, note=""):
    if not stream.isatty():
        return
    width = 30
    frac = done / total if total else 1.0
    bar = "#" * int(width * frac) + "-" * (width - int(width * frac))
    stream.write(f"\r[{bar}] {frac:6.1%} {note}")
    stream.flush()


def cmd_presets(args) -> int:
    from nnviz.core.presets import all_presets

    rows = [(p.group, p.id, p.handout, "×".join(map(str, p.network.sizes)), p.text("title"))
            for p in all_presets()]
    if args.json:
        print(json.dumps([dict(zip(("group", "id", "handout", "network", "title"), r))
                          for r in rows], ensure_ascii=False))
        return 0
    for r in rows:
        print(f"{r[0]:<12} {r[1]:<24} handout {r[2]:<4} {r[3]:<18} {r[4]}")
    return 0


def cmd_train(args) -> int:
    from nnviz.core.datasets import DatasetError
    from nnviz.core.presets import get_preset
    from nnviz.core.spec import SpecError

    try:
        preset = get_preset(args.preset)
    except (KeyError, SpecError) as exc:
        print(f"error: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 2
    overrides = {k: v for k, v in (("epochs", args.epochs), ("batch_size", args.batch_size),
                                   ("lr", args.lr), ("dtype", args.dtype),
                                   ("eval_every", args.eval_every), ("l1", args.l1),
                                   ("l2", args.l2), ("dropout", args.dropout),
                                   ("schedule", args.schedule),
                                   ("validation_split", args.validation_split),
                                   ("early_stopping", args.early_stopping)) if v is not None}
    if args.augment:
        try:
            overrides["augment"] = {k: float(v) for k, v in
                                    (kv.split("=", 1) for kv in args.augment.split(","))}
        except ValueError:
            print("error: --augment takes e.g. rotate=10,shift=2,noise=0.05", file=sys.stderr)
            return 2
    try:
        t0 = time.perf_counter()
        data = preset.load_data(args.data_dir) if preset.data.get("kind") in (
            "mnist", "fashion") else None
        load_s = time.perf_counter() - t0
        if args.seed is not None:
            from dataclasses import replace

            preset = replace(preset, network=replace(preset.network, seed=args.seed))
        trainer = preset.make_trainer(data=data, **overrides)
    except (DatasetError, SpecError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    compile_s = trainer.warm_up()
    err = sys.stderr
    n = trainer.n_train
    epochs = trainer.spec.epochs
    if not args.json:
        print(f"lesson {preset.id}: network {'-'.join(map(str, preset.network.sizes))}, "
              f"{n} training samples, {epochs} epoch(s), batch {trainer.spec.batch_size}, "
              f"{trainer.spec.optimizer} lr {trainer.spec.lr:g}, {trainer.spec.dtype}")
    history = []
    last = None
    unit = "epoch"
    for snap in trainer.run(unit):
        for e in snap.evals:
            history.append(e)
            if not args.json and e.samples_seen:
                if err.isatty():
                    err.write("\r")
                print(f"epoch {e.epoch:7.3f}  samples {e.samples_seen:>8}  "
                      f"test accuracy : {e.test_acc:.4f}  test loss {e.test_loss:.4f}")
        _progress(err, snap.epoch * n + snap.epoch_position, epochs * n,
                  f"epoch {snap.epoch}/{epochs}")
        last = snap
        if snap.status == "diverged":
            break
    if err.isatty():
        err.write("\n")
    final = history[-1] if history else None
    if args.save:
        from nnviz.core.io import save_model

        save_model(args.save, trainer.net, {"preset": preset.id})
    result = {
        "preset": preset.id,
        "status": last.status if last else "finished",
        "message": last.message if last else "",
        "epochs": trainer.epoch,
        "samples": trainer.samples_seen,
        "test_accuracy": final.test_acc if final else math.nan,
        "test_loss": final.test_loss if final else math.nan,
        "train_accuracy": final.train_acc if final else math.nan,
        "train_loss": final.train_loss if final else math.nan,
        "train_seconds": round(trainer.seconds, 4),
        "compile_seconds": round(compile_s, 4),
        "load_seconds": round(load_s, 4),
        "samples_per_second": round(trainer.samples_seen / trainer.seconds, 1)
        if trainer.seconds else None,
        "dtype": trainer.spec.dtype,
        "batch_size": trainer.spec.batch_size,
        "lr": trainer.spec.lr,
        "augment": trainer.spec.augment,
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['status']}: test accuracy {result['test_accuracy']:.4f}, training "
              f"{result['train_seconds']:.2f} s, compile {result['compile_seconds']:.2f} s")
        if last is not None and last.message and last.status == "diverged":
            print(last.message)
    return 0 if result["status"] != "diverged" else 3


def cmd_eval(args) -> int:
    from nnviz.core import datasets
    from nnviz.core.backprop import evaluate
    from nnviz.core.io import ModelFileError, load_any_weights

    try:
        net, extra = load_any_weights(args.weights)
    except ModelFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        folder = datasets.locate_mnist(args.dataset, args.data_dir)
        ds = datasets.load_mnist(folder, kind=args.dataset)
    except datasets.DatasetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if net.spec.inputs != 784:
        print(f"error: the network takes {net.spec.inputs} inputs; MNIST images have 784",
              file=sys.stderr)
        return 2
    norm = args.normalize or extra.get("normalize") or (
        "course" if extra.get("preset") == "mnist-course" else "unit")
    X = ds.x_test.reshape(len(ds.x_test), -1)
    X = datasets.normalize_course(X) if norm == "course" else datasets.normalize_unit(X)
    y = ds.y_test
    T = np.eye(10)[y]
    t0 = time.perf_counter()
    loss, acc = evaluate(net, X, T, y, "cce", batch_size=args.batch_size)
    secs = time.perf_counter() - t0
    result = {"weights": str(args.weights), "dataset": args.dataset, "n": len(y),
              "accuracy": acc, "test_accuracy": acc, "loss": loss, "seconds": round(secs, 4),
              "batch_size": args.batch_size, "normalize": norm,
              "network": list(net.spec.sizes)}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"Accuracy: {acc:.4f}  ({len(y)} test images, batch {args.batch_size}, "
              f"{secs:.3f} s)")
    return 0


def cmd_data(args) -> int:
    from nnviz.core import datasets

    kind = args.dataset
    if args.fetch:
        dest = datasets.user_data_dir() / kind

        def progress(done, total, name):
            _progress(sys.stderr, done, total or done or 1, name)

        try:
            path = datasets.download_mnist(dest, kind=kind, progress=progress)
        except datasets.DatasetError as exc:
            print(f"\nerror: {exc}", file=sys.stderr)
            return 2
        print(f"\n{kind} saved in {path}")
        return 0
    for label, path, found in datasets.find_all_locations(kind):
        print(f"{'found  ' if found else 'missing'}  {label:<14} {path}")
    try:
        print(f"{kind} will be loaded from {datasets.locate_mnist(kind, args.data_dir)}")
        return 0
    except datasets.DatasetError as exc:
        print(str(exc))
        return 1


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="nnviz", description="Watch neural networks learn.")
    sub = p.add_subparsers(dest="command")
    t = sub.add_parser("train", help="train a lesson headless")
    t.add_argument("--preset", required=True, help="lesson id (see `nnviz presets`)")
    t.add_argument("--epochs", type=int)
    t.add_argument("--batch-size", type=int)
    t.add_argument("--lr", type=float, help="learning rate")
    t.add_argument("--dtype", choices=("float32", "float64"))
    t.add_argument("--seed", type=int, help="seed of the initial weights")
    t.add_argument("--eval-every", type=int, help="evaluate on the test set every N samples")
    t.add_argument("--l1", type=float, help="L1 weight decay")
    t.add_argument("--l2", type=float, help="L2 weight decay")
    t.add_argument("--dropout", type=float, help="drop rate of the hidden layers' outputs")
    t.add_argument("--schedule", choices=("constant", "step", "exponential", "cosine"))
    t.add_argument("--validation-split", type=float, help="share held out for validation")
    t.add_argument("--early-stopping", type=int, help="patience in epochs")
    t.add_argument("--augment", help="image augmentation, e.g. rotate=10,shift=2,noise=0.05")
    t.add_argument("--data-dir", help="folder with the MNIST IDX files")
    t.add_argument("--save", help="write the trained model to this .npz file")
    t.add_argument("--json", action="store_true", help="print one JSON line at the end")
    t.set_defaults(func=cmd_train)
    e = sub.add_parser("eval", help="evaluate weights on the MNIST test set")
    e.add_argument("--weights", required=True, help=".npz model or pickled dict of W1, b1, ...")
    e.add_argument("--dataset", default="mnist", choices=("mnist", "fashion"))
    e.add_argument("--data-dir")
    e.add_argument("--batch-size", type=int, default=100)
    e.add_argument("--normalize", choices=("unit", "course"),
                   help="input scaling (default: from the model file, else x/255)")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=cmd_eval)
    ps = sub.add_parser("presets", help="list the lessons")
    ps.add_argument("--json", action="store_true")
    ps.set_defaults(func=cmd_presets)
    d = sub.add_parser("data", help="where MNIST is found; --fetch downloads it")
    d.add_argument("--dataset", "--kind", dest="dataset", default="mnist",
                   choices=("mnist", "fashion"))
    d.add_argument("--data-dir")
    d.add_argument("--fetch", action="store_true")
    d.set_defaults(func=cmd_data)
    return p


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
