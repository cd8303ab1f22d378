"""Trains a lesson once per compared setting (e.g. the six optimizers) off the GUI thread.

Signals: ``started()``, ``finished(list)`` (of nnviz.core.train.compare.Run), ``failed(str)``,
``progress(int, int)``.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from nnviz.ui.common.tasks import Task


class ComparisonRunner(QObject):
    started = Signal()
    finished = Signal(list)
    failed = Signal(str)
    progress = Signal(int, int)

    def __init__(self, lesson, parent=None):
        super().__init__(parent if parent is not None else lesson)
        self.lesson = lesson
        self._task: Task | None = None
        self._cancel = threading.Event()

    @property
    def running(self) -> bool:
        return self._task is not None

    def available(self) -> bool:
        p = self.lesson.preset
        return bool(p is not None and p.compare and p.training is not None)

    def start(self) -> bool:
        """Compare the current lesson's variants (``preset.compare``); False if none."""
        if self.running or not self.available():
            return False
        from nnviz.core.train.compare import compare_runs

        p = self.lesson.preset
        key, values = next(iter(p.compare.items()))
        data = self.lesson.train_data()
        self._cancel.clear()

        def work():
            return compare_runs(p, key, list(values), data=data, net=p.build_network(),
                                cancel=self._cancel.is_set,
                                progress=lambda d, t: self.progress.emit(d, t))

        self._task = Task(work, self)
        self._task.done.connect(self._on_task_done)
        self._task.failed.connect(self._on_task_failed)
        self._task.start()
        self.started.emit()
        return True

    def cancel(self) -> None:
        self._cancel.set()

    def shutdown(self) -> None:
        if self._task is not None:
            self._cancel.set()
            self._task.wait()
            self._task = None

    def _on_task_done(self, runs) -> None:
        self._task = None
        self.finished.emit(list(runs))

    def _on_task_failed(self, message: str) -> None:
        self._task = None
        self.failed.emit(message)
