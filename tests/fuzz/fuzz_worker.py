"""The fuzz harness's worker process: runs nnviz's loaders on file after file, under limits.

Started by :class:`fuzz_harness.Harness` as ``python fuzz_worker.py MEM_MB`` (never imported by
the tests).  It caps its address space (``RLIMIT_AS``) and turns off core dumps, then reads one
JSON request per line on stdin — ``{"loader": "session", "path": "..."}`` — and answers one
JSON line on its original stdout:

``{"status": "loaded"|"refused"|"error", "message": ..., "seconds": ..., "rss_mb": ...}``

"refused" means the loader raised its documented error type (every one derives from
:class:`nnviz.core.files.safe_open.UnreadableFile`; :class:`DatasetError` for a data folder);
"error" is any other exception, with its traceback.  A crash (a signal) or a hang is seen
by the harness from outside.  Whatever the loaders print goes to stderr.
"""

import faulthandler
import json
import os
import resource
import sys
import time
import traceback


def _limit(mem_mb: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (mem_mb << 20, mem_mb << 20))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _peak_rss_mb() -> float:
    """Peak resident memory of this process since it started.

    ``ru_maxrss`` would include the parent's size at fork (Linux keeps it across exec), so the
    mm's own high-water mark is read where there is one.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _check_network(net) -> None:
    import numpy as np

    assert np.all(np.isfinite(net.params)), "a loaded network has non-finite weights"
    out = net.forward(np.zeros((1, net.spec.inputs)))
    assert np.all(np.isfinite(out)), "a loaded network's forward pass is not finite"


def _weights(path):
    from nnviz.core.files.io import load_any_weights

    _check_network(load_any_weights(path)[0])


def _model(path):
    from nnviz.core.files.io import load_model

    _check_network(load_model(path)[0])


def _session(path):
    from nnviz.core.files.session import is_session_file, load_session

    is_session_file(path)  # never raises
    s = load_session(path)
    _check_network(s.build_network())
    s.evals()


def _idx(path):
    from nnviz.core.lessons.datasets import read_idx

    read_idx(path)


def _mnist(path):
    from nnviz.core.lessons.datasets import load_mnist

    load_mnist(path, verify="fast")


def _preset(path):
    from nnviz.core.lessons.presets import load_preset_file

    load_preset_file(path).build_network()


def _selftest(kind):
    """Misbehaviours on purpose, so the tests can check that the harness sees each one."""
    def run(path):
        if kind == "segfault":
            import ctypes

            ctypes.string_at(0)  # reads address 0: SIGSEGV
        elif kind == "hang":
            time.sleep(3600)
        elif kind == "memory":
            bytearray(2 << 30)
        raise RuntimeError("not a loader's error type")
    return run


LOADERS = {"weights": _weights, "model": _model, "session": _session, "idx": _idx,
           "mnist": _mnist, "preset": _preset}
LOADERS.update({f"selftest-{k}": _selftest(k)
                for k in ("segfault", "hang", "memory", "exception")})


def main() -> int:
    mem_mb = int(sys.argv[1])
    reply = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # loaders' prints must not mix with the replies
    _limit(mem_mb)
    faulthandler.enable()  # a crash prints where it happened (stderr)

    from nnviz.core.files.safe_open import UnreadableFile
    from nnviz.core.lessons.datasets import DatasetError

    for name in LOADERS:  # import everything once, before the first timed input
        if name.startswith("selftest"):
            continue
        try:
            LOADERS[name](os.devnull)
        except (UnreadableFile, DatasetError):
            pass
    reply.write(json.dumps({"status": "ready"}) + "\n")
    for line in sys.stdin:
        request = json.loads(line)
        t0 = time.perf_counter()
        try:
            LOADERS[request["loader"]](request["path"])
            status, message = "loaded", ""
        except (UnreadableFile, DatasetError) as exc:
            status, message = "refused", str(exc)
        except BaseException:  # noqa: BLE001 - reported, the harness counts it as a crash
            status, message = "error", traceback.format_exc()
        rss_mb = _peak_rss_mb()
        reply.write(json.dumps({"status": status, "message": message[:4000],
                                "seconds": time.perf_counter() - t0, "rss_mb": rss_mb}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
