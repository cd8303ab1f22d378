"""Run nnviz's loaders on untrusted files in a worker process, and judge how each run ended.

:class:`Harness` keeps one ``fuzz_worker.py`` process (address space capped, default 1 GB)
and sends it file after file.  Each run ends as one of

* ``loaded``  — the loader returned a usable result;
* ``refused`` — the loader raised its error type with a message (no traceback);
* ``crashed`` — the worker died (a signal such as SIGSEGV, or an exit) or a loader raised
  anything else (a traceback);
* ``hung``    — no answer within ``timeout`` seconds (the worker is killed);
* ``memory``  — the worker's peak RSS passed ``rss_limit_mb``, or the loader ran out of
  memory under the cap ("not enough memory", ``MemoryError``).

After a crash, a hang or a memory verdict the worker is replaced, so every run starts clean.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

WORKER = Path(__file__).with_name("fuzz_worker.py")
FAILURES = ("crashed", "hung", "memory")


@dataclass
class Outcome:
    status: str  # loaded, refused, crashed, hung, memory
    message: str = ""
    seconds: float = 0.0
    rss_mb: float = 0.0


class Harness:
    """A worker process running loaders; ``run(loader, path)`` -> :class:`Outcome`."""

    def __init__(self, mem_mb: int = 1024, timeout: float = 30.0, rss_limit_mb: float = 400):
        self.mem_mb, self.timeout, self.rss_limit_mb = mem_mb, timeout, rss_limit_mb
        self.proc = None

    def _start(self) -> None:
        self.stderr = tempfile.TemporaryFile()
        env = dict(os.environ, PYTHONFAULTHANDLER="1", OPENBLAS_NUM_THREADS="1",
                   NUMBA_NUM_THREADS="1")
        self.proc = subprocess.Popen([sys.executable, str(WORKER), str(self.mem_mb)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.stderr, text=True, env=env)
        self.replies: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, args=(self.proc, self.replies), daemon=True).start()
        ready = self._reply(120.0)
        if ready is None or ready.get("status") != "ready":
            raise RuntimeError(f"the fuzz worker did not start: {self._stderr_tail()}")

    @staticmethod
    def _read(proc, replies) -> None:
        for line in proc.stdout:
            replies.put(json.loads(line))
        replies.put(None)  # the worker is gone

    def _reply(self, timeout: float):
        try:
            return self.replies.get(timeout=timeout)
        except queue.Empty:
            return "timeout"

    def _stderr_tail(self) -> str:
        self.stderr.seek(0)
        return self.stderr.read()[-3000:].decode("utf-8", "replace")

    def _stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()  # our own worker, by its handle
            self.proc.wait()
            self.stderr.close()
            self.proc = None

    def close(self) -> None:
        if self.proc is not None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
            self._stop()

    def run(self, loader: str, path) -> Outcome:
        if self.proc is None:
            self._start()
        try:
            self.proc.stdin.write(json.dumps({"loader": loader, "path": str(path)}) + "\n")
            self.proc.stdin.flush()
        except BrokenPipeError:
            pass
        got = self._reply(self.timeout)
        if got == "timeout":
            self._stop()
            return Outcome("hung", f"no answer within {self.timeout:.0f} s", self.timeout)
        if got is None:
            code = self.proc.wait()
            how = f"killed by signal {-code}" if code < 0 else f"exited with status {code}"
            tail = self._stderr_tail()
            self._stop()
            return Outcome("crashed", f"the worker {how}\n{tail}")
        out = Outcome(got["status"], got["message"], got["seconds"], got["rss_mb"])
        if (out.rss_mb > self.rss_limit_mb or "not enough memory" in out.message
                or "MemoryError" in out.message):
            out.status = "memory"
            self._stop()  # the peak RSS only grows: start the next run afresh
        elif out.status == "error":
            out.status = "crashed"
        return out
