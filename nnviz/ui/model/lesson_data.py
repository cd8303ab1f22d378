"""The lessons' prepared data: loaded once per kind and session, MNIST off the GUI thread.

:class:`LessonData` is owned by the lesson model.  Gates and 2-D toys are a few hundred rows
and load at once; MNIST (60,000 + 10,000 images) loads in a :class:`~nnviz.ui.common.tasks.Task`
and arrives through ``loaded``; a second request for data already loading joins it.

Signals
-------
loaded(object, object)   data key, TrainData: a background load finished
load_failed(object, str) data key, message: it failed (MNIST missing, a damaged file …)
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from nnviz.ui.common.tasks import Task
from nnviz.ui.model.samples import data_key, is_mnist_kind, trains_on_data


class LessonData(QObject):
    loaded = Signal(object, object)
    load_failed = Signal(object, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: dict[tuple, Task] = {}  # data key -> running Task
        self._cache: dict[tuple, Any] = {}  # data key -> TrainData (loaded once per session)

    @property
    def loading(self) -> bool:
        """True while data is being loaded in the background."""
        return bool(self._tasks)

    def cached(self, preset: Any) -> Any:
        """The preset's TrainData if it is loaded (small kinds are loaded now), else None."""
        kind = preset.data.get("kind")
        if not trains_on_data(kind):
            return None
        key = data_key(preset)
        if key not in self._cache and not is_mnist_kind(kind):
            self._cache[key] = preset.load_data()  # a few hundred rows: instant
        return self._cache.get(key)

    def store(self, preset: Any, data: Any) -> None:
        """Use ``data`` as the preset's prepared data (a set loaded elsewhere; tests)."""
        self._cache[data_key(preset)] = data

    def load_in_background(self, preset: Any, folder: str | None = None) -> bool:
        """Start loading the preset's data (from ``folder`` if given); False if already busy.

        A folder replaces what the cache holds for this data key (the user chose other files).
        """
        key = data_key(preset)
        if key in self._tasks:
            return False
        from nnviz.core.lessons.datasets import DatasetError

        if folder is None:
            def work():
                return preset.load_data()
        else:
            def work():
                return preset.load_data(folder)
        task = Task(work, self, expected=(DatasetError, OSError))
        task.done.connect(lambda data, k=key: self._on_task_done(k, data))
        task.failed.connect(lambda msg, k=key: self._on_task_failed(k, msg))
        self._tasks[key] = task.start()
        return True

    def shutdown(self) -> None:
        """Join the loading threads (the window closes)."""
        for task in list(self._tasks.values()):
            task.wait()
        self._tasks.clear()

    def _on_task_done(self, key: tuple, data: Any) -> None:
        if self._tasks.pop(key, None) is None:
            return  # shut down meanwhile: nobody waits for it any more
        self._cache[key] = data
        self.loaded.emit(key, data)

    def _on_task_failed(self, key: tuple, message: str) -> None:
        if self._tasks.pop(key, None) is None:
            return
        self.load_failed.emit(key, message)
