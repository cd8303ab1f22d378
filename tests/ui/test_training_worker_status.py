"""The status bar says what the first step waits for: kernels loaded from a cache, or compiled."""

from types import SimpleNamespace

from nnviz.ui.model import training_worker
from nnviz.ui.model.training_worker import TrainingWorker


class _Trainer:
    uses_fused_kernel = False

    def __init__(self, compiles: bool, counter: list):
        self.counter = counter
        self.spec = SimpleNamespace(optimizer="sgd", batch_size=4, loss="mse")
        self.net = SimpleNamespace(dtype=SimpleNamespace(str="<f8"))
        self._compiles = compiles

    def warm_up(self):
        if self._compiles:
            self.counter[0] += 3  # three signatures compiled
        return 0.25


def _messages(monkeypatch, compiles):
    compiled = [10]  # Numba's cache misses so far
    monkeypatch.setattr(training_worker, "_kernels_compiled", lambda: compiled[0])
    w = TrainingWorker(_Trainer(compiles, compiled))
    said = []
    w.status.connect(said.append)
    w._warm_up()
    w._warm_up()  # the same configuration: nothing to load again, nothing said
    return said


def test_kernels_from_a_cache_are_called_loaded(qapp, monkeypatch):
    assert _messages(monkeypatch, compiles=False) == [
        "Loading the training kernels …", "Kernels loaded (0.2 s)"]


def test_kernels_compiled_are_called_compiled(qapp, monkeypatch):
    assert _messages(monkeypatch, compiles=True) == [
        "Loading the training kernels …", "Kernels compiled (0.2 s)"]


def test_the_compile_counter_reads_numba_cache_misses(qapp):
    # every loaded kernel counts: the number never goes down as kernels are used
    n = training_worker._kernels_compiled()
    assert n >= 0 and training_worker._kernels_compiled() >= n
