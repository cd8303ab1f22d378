"""Computing a view's state only while someone looks at it, coalescing bursts of changes.

The explained step and the chain-rule tracer cost tens of milliseconds on a big network: they
compute only while their panel is shown (``set_active``), and a burst of changes (training
snapshots) becomes one computation — at most a few a second while Play runs.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer

#: while Play runs, at most one computation per this many milliseconds (snapshots come faster)
PLAYING_GAP_MS = 200


class ComputedWhileShown:
    """Mixin for a QObject with ``model`` and ``recompute()``; call :meth:`_init_shown` first."""

    model: Any
    active: bool
    _stale: bool
    _dirty: QTimer

    def recompute(self) -> None:
        raise NotImplementedError

    def _init_shown(self) -> None:
        self.active = True  # the shell clears it while the panel is hidden (nothing computed)
        self._stale = False
        self._dirty = QTimer(self)  # type: ignore[arg-type]  # the mixin's class is a QObject
        self._dirty.setSingleShot(True)
        self._dirty.timeout.connect(self.recompute)

    def set_active(self, on: bool) -> None:
        """Compute only while someone looks; catch up at once if something changed meanwhile."""
        self.active = bool(on)
        if self.active and self._stale:
            self.recompute()

    def _schedule(self) -> None:
        if not self.active:
            self._stale = True
        elif not self._dirty.isActive():
            self._dirty.start(PLAYING_GAP_MS if self.model.run.playing else 0)

    def _computed(self) -> None:
        """Call at the start of ``recompute``: nothing is pending any more."""
        self._dirty.stop()
        self._stale = False
