"""Finished runs kept for comparison, per lesson: Run Comparison shows the current lesson's.

Signals
-------
runs_changed()   a run was added or removed, or another lesson became current
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class KeptRun:
    """One finished run: its label, hyper-parameters and evaluation points."""

    label: str
    hyper: Mapping[str, Any] = field(default_factory=dict)
    evals: tuple = ()


class RunHistory(QObject):
    runs_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lesson = ""
        self._runs: dict[str, list[KeptRun]] = {}  # lesson id -> runs, oldest first

    def set_lesson(self, lesson_id: str) -> None:
        """Show ``lesson_id``'s runs (each lesson keeps its own)."""
        if lesson_id != self.lesson:
            self.lesson = lesson_id
            self.runs_changed.emit()

    def runs(self) -> list[KeptRun]:
        """The current lesson's runs, oldest first."""
        return list(self._runs.get(self.lesson, ()))

    def labels(self) -> list[str]:
        return [r.label for r in self.runs()]

    def add(self, label: str, hyper: Mapping[str, Any], evals: Sequence,
            replace: bool = False) -> KeptRun:
        """Keep a run; a label already used gets " (2)", " (3)" … appended (``replace``: the
        run of that label is replaced instead)."""
        runs = self._runs.setdefault(self.lesson, [])
        if replace:
            runs[:] = [r for r in runs if r.label != label]
        taken = {r.label for r in runs}
        unique, n = label, 2
        while unique in taken:
            unique, n = f"{label} ({n})", n + 1
        run = KeptRun(unique, dict(hyper), tuple(evals))
        runs.append(run)
        self.runs_changed.emit()
        return run

    def remove(self, label: str) -> None:
        runs = self._runs.get(self.lesson, [])
        kept = [r for r in runs if r.label != label]
        if len(kept) != len(runs):
            self._runs[self.lesson] = kept
            self.runs_changed.emit()

    def clear(self) -> None:
        """Forget the current lesson's runs."""
        if self._runs.pop(self.lesson, None):
            self.runs_changed.emit()
