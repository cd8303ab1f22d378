"""Compile every kernel the app uses, ahead of time, into a kernel cache folder.

    python -m nnviz.core.precompile                 into the user's cache
    python -m nnviz.core.precompile --system [DIR]  into the read-only system cache every
                                                    account reads (run by the installers;
                                                    default /var/cache/nnviz/numba)

Numba compiles a kernel separately for every combination of argument types it is called with,
so "every kernel" means every lesson's network trained through every path the app offers, in
both precisions: each lesson as it comes; per-sample SGD (the fused kernel); mini-batches with
each optimizer; and dropout, weight decay and augmented images.  Real lesson networks on small
made-up data of the same shapes exercise exactly the calls a student's run makes, so nothing
is missed when a kernel gains an argument.  Kernels already in a cache are loaded, not
compiled again.  At the end a manifest (CPU, versions, kernel-code hash) is written next to the
cache, and what was done is printed: kernels, signatures compiled or loaded, seconds.

:class:`BackgroundWarmUp` does the same inside the app after its window shows, so a student's
first training step does not wait for a compiler.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from nnviz.core import kernel_cache

#: Changes to a lesson's training spec, each a path of the trainer that compiles other calls.
PATHS: tuple[tuple[str, dict], ...] = (
    ("as the lesson sets it", {}),
    ("per-sample SGD", {"batch_size": 1, "optimizer": "sgd"}),
    *((f"mini-batch {name}", {"batch_size": 8, "optimizer": name})
      for name in ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")),
    ("dropout, L1/L2, augmented images",
     {"batch_size": 8, "dropout": 0.2, "l1": 1e-4, "l2": 1e-4,
      "augment": {"rotate": 10.0, "shift": 2.0, "noise": 0.05}}),
)
DTYPES = ("float32", "float64")


@dataclass
class Report:
    """What a precompile did."""

    folder: Path | None  # where new machine code was saved (None: nowhere writable)
    seconds: float = 0.0
    runs: int = 0  # trainer configurations exercised
    skipped: list[str] = field(default_factory=list)  # configurations a lesson refuses
    kernels: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> (compiled, loaded)
    stopped: bool = False
    essential: list[str] = field(default_factory=list)  # configurations that added signatures
    inner: set[str] = field(default_factory=set)  # kernels only other kernels call

    @property
    def compiled(self) -> int:
        return sum(c for c, _ in self.kernels.values())

    @property
    def loaded(self) -> int:
        return sum(ld for _, ld in self.kernels.values())


def _made_up_data(inputs: int, outputs: int, dtype, n: int = 16):
    """Inputs/targets shaped like the lesson's; wide inputs mostly 0 like MNIST's pixels."""
    from nnviz.core.train.trainer import TrainData

    rng = np.random.default_rng(0)
    X = rng.random((n, inputs))
    if inputs >= 64:
        X[X < 0.8] = 0.0  # a fifth of the pixels lit: the sparse first-layer path
    y = np.arange(n) % max(outputs, 2)
    T = np.eye(outputs)[y % outputs] if outputs > 1 else (y % 2).astype(float)[:, None]
    c = np.ascontiguousarray
    return TrainData(c(X, dtype), c(T, dtype), y, c(X, dtype), c(T, dtype), y)


def configurations() -> Iterator[tuple[str, Callable]]:
    """(label, make_trainer) for every lesson × path × precision."""
    from nnviz.core.lessons.presets import all_presets

    for preset in all_presets():
        if preset.training is None or preset.trainer != "backprop":
            continue  # nothing to train, or the perceptron rule (NumPy only)
        net = preset.network
        for dtype in DTYPES:
            for path, changes in PATHS:
                def make(preset=preset, net=net, dtype=dtype, changes=changes):
                    data = _made_up_data(net.inputs, net.outputs, dtype)
                    return preset.make_trainer(data=data, dtype=dtype, epochs=1, **changes)

                yield f"{preset.id}, {dtype}, {path}", make


def kernels() -> dict[str, Any]:
    """Every Numba kernel of the loaded nnviz modules, by ``module.name``."""
    from numba.core.dispatcher import Dispatcher

    found = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("nnviz.") or module is None:
            continue
        for attr, value in vars(module).items():
            if isinstance(value, Dispatcher) and value.py_func.__module__ == name:
                found[f"{name.removeprefix('nnviz.core.')}.{attr}"] = value
    return found


def callees(found: dict[str, Any]) -> set[str]:
    """The kernels that other kernels call: compiled into their callers' machine code, so a
    caller loaded from a cache does not load them."""
    from numba.core.dispatcher import Dispatcher

    inner = set()
    for kernel in found.values():
        g = kernel.py_func.__globals__
        for ref in kernel.py_func.__code__.co_names:
            if isinstance(g.get(ref), Dispatcher):
                inner.add(f"{g[ref].py_func.__module__.removeprefix('nnviz.core.')}.{ref}")
    return inner


def compile_all(stop: threading.Event | None = None, progress=None,
                only: set[str] | None = None, go: threading.Event | None = None) -> Report:
    """Make every kernel ready in this process: loaded from a cache, else compiled and saved.

    ``only``: run just these configurations (the ones a complete cache's manifest lists as
    bringing in new signatures), to load every kernel without repeating all the runs.
    ``stop`` set: end before the next configuration; ``go`` cleared: wait before it.
    """
    import nnviz.core.train.augment  # noqa: F401  (its kernels run only for augmented lessons)
    import nnviz.core.train.trainer  # noqa: F401  (imports every training kernel)
    from nnviz.core.nn.spec import SpecError

    t0 = time.perf_counter()
    report = Report(folder=kernel_cache.user_cache_dir())
    found = kernels()
    n_signatures = 0
    for label, make in configurations():
        if only is not None and label not in only:
            continue
        while go is not None and not go.wait(0.2) and not (stop and stop.is_set()):
            pass  # paused (a training run is using the CPU)
        if stop is not None and stop.is_set():
            report.stopped = True
            break
        try:
            trainer = make()
        except (SpecError, ValueError) as exc:  # e.g. augmenting a lesson that has no images
            report.skipped.append(f"{label}: {exc}")
            continue
        trainer.warm_up()
        trainer.step("batch")
        report.runs += 1
        now = sum(len(k.overloads) for k in found.values())
        if now > n_signatures:
            report.essential.append(label)
            n_signatures = now
        if progress is not None:
            progress(label)
    for name, kernel in found.items():
        stats = kernel.stats
        report.kernels[name] = (sum(stats.cache_misses.values()), sum(stats.cache_hits.values()))
    report.inner = callees(found)
    report.seconds = time.perf_counter() - t0
    if kernel_cache.cache_fallbacks():
        report.folder = None
    return report


def _clear(folder: Path) -> None:
    """Remove what an earlier precompile left in ``folder`` (only nnviz's own entries)."""
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        if entry.is_dir() and entry.name.startswith("nnviz."):
            shutil.rmtree(entry)
        elif entry.name == kernel_cache.MANIFEST:
            entry.unlink()


def _world_readable(folder: Path) -> None:
    for root, dirs, files in os.walk(folder):
        for d in dirs:
            os.chmod(os.path.join(root, d), 0o755)
        for f in files:
            os.chmod(os.path.join(root, f), 0o644)
    os.chmod(folder, 0o755)


def _complete_manifest() -> dict | None:
    """The manifest of a cache (system first) that holds every kernel for this CPU and build."""
    for folder in (kernel_cache.system_cache_dir(), kernel_cache.user_cache_dir()):
        if folder is not None and kernel_cache.manifest_matches(folder):
            return kernel_cache.read_manifest(folder)
    return None


def warm_up_kernels(stop: threading.Event | None = None,
                    go: threading.Event | None = None) -> Report:
    """Make every kernel ready in this process, as quickly as the caches allow.

    With a complete cache (its manifest matches this CPU and build) only the configurations
    that bring in new signatures run, loading every kernel without a compiler.  Otherwise
    everything runs: what is missing (another CPU, a newer nnviz, no installer) is compiled,
    saved to the user's cache, and the user's manifest written.
    """
    manifest = _complete_manifest()
    only = set(manifest.get("essential", ())) if manifest else None
    report = compile_all(stop, only=only or None, go=go)
    if report.compiled and report.folder is not None and not report.stopped:
        try:
            _write_manifest(report.folder, report)
        except OSError:
            pass  # a read-only home: the kernels still live in this process
    return report


class BackgroundWarmUp:
    """:func:`warm_up_kernels` in a daemon thread, for the app once its window shows.

    A training step that needs a kernel meanwhile waits for that one compile only: Numba
    compiles a signature once per process, whichever thread asks first.  :meth:`pause` while
    the student trains, so the two do not share the CPU; :meth:`stop` at exit.
    """

    def __init__(self):
        self._stop, self._go = threading.Event(), threading.Event()
        self._go.set()
        self.thread = threading.Thread(target=self._run, name="nnviz-kernels", daemon=True)

    def _run(self):
        try:
            warm_up_kernels(self._stop, self._go)
        except Exception:  # noqa: BLE001  only a head start: a training step compiles what it needs
            traceback.print_exc()

    def start(self) -> BackgroundWarmUp:
        self.thread.start()
        return self

    def pause(self) -> None:
        """Hold before the next training configuration (the one under way finishes)."""
        self._go.clear()

    def resume(self) -> None:
        self._go.set()

    def stop(self, timeout: float) -> None:
        """End after the compile under way (a compiler cannot be interrupted, and must not
        run while Python shuts down); wait at most ``timeout`` seconds."""
        self._stop.set()
        self._go.set()
        self.thread.join(timeout)


def _write_manifest(folder: Path, report: Report) -> Path:
    return kernel_cache.write_manifest(folder, seconds=round(report.seconds, 1),
                                       compiled=report.compiled, loaded=report.loaded,
                                       essential=report.essential)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="nnviz precompile", description=(
        "Compile every kernel for this CPU into a cache folder, so no lesson waits for the "
        "compiler."))
    p.add_argument("--system", nargs="?", const="", metavar="DIR", help=(
        "fill the read-only system cache every account reads (default "
        f"{kernel_cache.system_cache_dir()}); run it as the installer (administrator)"))
    p.add_argument("--quiet", action="store_true", help="print only the summary")
    args = p.parse_args(argv)
    if args.system is not None:
        target = Path(args.system) if args.system else kernel_cache.system_cache_dir()
        if target is None:
            p.error("no system cache folder: give one, --system DIR")
        os.umask(0o022)
        try:
            _clear(target)
        except OSError as exc:
            print(f"error: cannot empty {target} ({exc.strerror}); run it as the administrator "
                  "who installed nnviz", file=sys.stderr)
            return 1
        # compile fresh into DIR; an older system cache must not be read while refilling it
        os.environ["NUMBA_CACHE_DIR"] = str(target)
        os.environ[kernel_cache.SYSTEM_ENV] = ""
    target = kernel_cache.user_cache_dir()
    try:  # fail now, not after compiling everything for nothing
        target.mkdir(parents=True, exist_ok=True)
        tempfile.TemporaryFile(dir=target).close()
    except OSError as exc:
        print(f"error: cannot write to {target} ({exc.strerror})", file=sys.stderr)
        return 1
    print(f"nnviz precompile: compiling every kernel for this CPU into {target}", flush=True)
    report = compile_all(progress=None if args.quiet else (
        lambda label: print(f"  {label}", flush=True)))
    if report.folder is None:
        print(f"error: cannot write to {target}: {kernel_cache.cache_fallbacks()[0]}",
              file=sys.stderr)
        return 1
    manifest = _write_manifest(target, report)
    if args.system is not None:
        _world_readable(target)
    m = kernel_cache.read_manifest(target) or {}
    if not args.quiet:
        for name, (compiled, loaded) in sorted(report.kernels.items()):
            note = "  (inside the kernels that call it)" if name in report.inner else ""
            print(f"  {name:<40} {compiled:>3} compiled {loaded:>3} loaded{note}")
    print(f"nnviz precompile: {len(report.kernels)} kernels, {report.compiled} signatures "
          f"compiled and {report.loaded} loaded from a cache, {report.runs} training "
          f"configurations, in {report.seconds:.1f} s")
    print(f"  CPU {m.get('cpu')}, numba {m.get('numba')}, Python {m.get('python')}; "
          f"manifest {manifest}")
    unused = [n for n, (c, ld) in report.kernels.items()
              if not c and not ld and n not in report.inner]
    if unused:
        print(f"warning: kernels no training path called: {', '.join(sorted(unused))}",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
