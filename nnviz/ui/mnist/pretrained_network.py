"""The pretrained MNIST network of a lesson: prepared in the background when its file is missing.

A lesson whose preset names a ``weights_file`` (``mnist-pretrained``) opens with that trained
network (:meth:`nnviz.core.lessons.presets.Preset.build_network` finds it; ``scripts/bootstrap`` and
the packaged app provide it).  In a checkout where nobody ran ``scripts/train-pretrained``,
the lesson would silently show random weights that call every digit a "4"; instead this
object trains the network from the lesson's MNIST as soon as the images are loaded, with the
script's recipe (:mod:`nnviz.core.lessons.pretrained`, about 10 s), reports its progress in the
status bar ("Preparing the pretrained network… 40 %"), saves it in the user data folder for the next
time and shows it — unless the student changed the network meanwhile.

Signals
-------
progressed(int)   percent of the training done
ready(object)     the trained network (float64) was saved; shown if the lesson was untouched
failed(str)       it could not be prepared (message for the user)
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from nnviz.ui.common.formatting import pct
from nnviz.ui.common.tasks import Task

if TYPE_CHECKING:
    from nnviz.ui.model.lesson_model import LessonModel


class _Relay(QObject):
    """Lives in the GUI thread; the worker reports progress through it (queued)."""

    progressed = Signal(int)


class PretrainedNetwork(QObject):
    progressed = Signal(int)
    ready = Signal(object)
    failed = Signal(str)

    def __init__(self, lesson: LessonModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lesson = lesson
        self.missing = False  # the current lesson names a model file that is not there
        self.percent = -1  # progress of the running preparation (-1: none)
        self._task: Task | None = None
        self._cancel = threading.Event()
        self._preset: Any = None  # the lesson the running preparation is for
        self._opened: Any = None  # the random network the lesson opened with meanwhile
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._on_relay_progressed)
        lesson.preset_changed.connect(self._on_lesson_preset_changed)
        lesson.data_changed.connect(self._on_lesson_data_changed)

    @property
    def running(self) -> bool:
        return self._task is not None

    # -- lesson changes -------------------------------------------------------------------
    def _on_lesson_preset_changed(self, preset: Any) -> None:
        self.missing = bool(preset is not None and preset.weights_file
                            and preset.pretrained_network() is None)
        if self.missing:
            self._opened = self.lesson.network
            self.prepare()

    def _on_lesson_data_changed(self) -> None:
        if self.missing and self.lesson.preset is not None:
            self.prepare()

    # -- the preparation ------------------------------------------------------------------
    def prepare(self) -> bool:
        """Train the current lesson's model now if its data is loaded; False if it cannot
        start yet (the data is still loading: it starts when the data arrives)."""
        p = self.lesson.preset
        if self._task is not None:
            return self._preset is p
        data = self.lesson.train_data()
        if p is None or not p.weights_file or data is None:
            if p is not None and p.weights_file and self.missing:
                self.lesson.status_posted.emit(self.tr(
                    "The pretrained network is not installed yet: it will be trained from "
                    "MNIST as soon as the images are loaded."))
            return False
        from nnviz.core.lessons import pretrained
        net = p.initial_network(pretrained.RECIPE.dtype)
        out = pretrained.user_path(p.weights_file)
        self._cancel = cancel = threading.Event()
        relay, last = self._relay, [-1]

        def progress(fraction: float) -> None:
            percent = int(fraction * 100)
            if percent != last[0]:
                last[0] = percent
                relay.progressed.emit(percent)

        spec, minimum = pretrained.RECIPE, pretrained.MIN_TEST_ACCURACY

        def work():
            return pretrained.make(net, data, out, spec, min_accuracy=minimum,
                                   progress=progress, cancelled=cancel.is_set)

        task = Task(work, self, expected=(InterruptedError, ValueError, RuntimeError, OSError))
        task.done.connect(lambda result, t=task: self._on_task_done(t, result))
        task.failed.connect(lambda message, t=task: self._on_task_failed(t, message))
        self._task, self._preset, self.percent = task, p, 0
        self._on_relay_progressed(0)
        task.start()
        return True

    def cancel(self) -> None:
        """Stop a running preparation and join its thread (a fraction of a second)."""
        task = self._task
        self._cancel.set()
        if task is not None:
            task.wait()
        self._task, self.percent = None, -1

    shutdown = cancel

    def _on_relay_progressed(self, percent: int) -> None:
        if self._task is None:
            return
        self.percent = percent
        self.lesson.status_posted.emit(
            self.tr("Preparing the pretrained network… {p} (random weights until it is "
                    "ready)").format(p=f"{percent} %"))
        self.progressed.emit(percent)

    def _on_task_done(self, task: Task, result: Any) -> None:
        if task is not self._task:
            return
        self._task, self.percent = None, -1
        trained, accuracy, _seconds = result
        net = trained.astype("float64")
        c = self.lesson
        untouched = c.preset is self._preset and c.network is self._opened \
            and c.undo_stack.isClean() and c.run.trainer is None
        self.missing = False
        if untouched:
            c.replace_network(net)
            c.status_posted.emit(self.tr("The pretrained network is ready: test accuracy {a}")
                                 .format(a=pct(accuracy, 2)))
        else:
            c.status_posted.emit(self.tr("The pretrained network is ready (test accuracy {a}); "
                                         "reopen the lesson to use it.").format(
                a=pct(accuracy, 2)))
        self.ready.emit(net)

    def _on_task_failed(self, task: Task, message: str) -> None:
        if task is not self._task:
            return
        self._task, self.percent = None, -1
        if self._cancel.is_set():
            return
        self.missing = False  # do not retry in a loop; reopening the lesson tries again
        text = self.tr("The pretrained network could not be prepared: {m}").format(m=message)
        self.lesson.status_posted.emit(text)
        self.failed.emit(text)
