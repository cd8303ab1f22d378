"""Presentation mode (View → Presentation mode, F5) and View → Text size.

Presentation mode is for a projector: full screen, the interface scale raised to at least
150 % (the stored text size if larger; not stored), only the canvas, the lesson's explanation
and the one plot the lesson names (its layout's ``presentation``) in one column beside the
canvas, the run bar if the lesson
trains, no menu bar, no status bar.  F5 or Esc leaves it and brings back the window's
previous panels, size and text size.

View → Text size sets the one interface scale (:mod:`nnviz.ui.common.interface_scale`),
stored in the settings; the toolbars' icons follow it.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QStyle

from nnviz.ui.common.interface_scale import SCALE_STEPS, interface_scale
from nnviz.ui.shell.layout_keeper import LAYOUT_STATE_VERSION
from nnviz.ui.shell.lesson_layout import AreaLayout, LessonLayout

PRESENTATION_SCALE = 1.5  # at least: readable from the back of a classroom
SIDE_WIDTH = 440  # px at 100 %: the column of the explanation and the plot
PRESENTATION_SIDE_FRACTION = 0.4  # of the screen's width, at most, for that column


def _tr(text: str) -> str:
    return QCoreApplication.translate("Presentation", text)


def presentation_layout(layout: LessonLayout | None, trains: bool) -> LessonLayout:
    """The lesson's presentation: one column with its explanation over its one plot, the
    canvas beside it taking the rest of the screen."""
    keys = tuple(layout.presentation) if layout is not None else ("explanation",)
    column = tuple((k,) for k in keys[:2])  # the explanation and the one plot
    shares = (1,) * len(column)
    areas = {"left": AreaLayout(column, shares, SIDE_WIDTH)} if column else {}
    return LessonLayout(layout.lesson if layout else "", areas, (),
                        frozenset({"run"} if trains else ()), keys, "presentation")


class Presentation(QObject):
    """Presentation mode and the text-size menu of ``window`` (a MainWindow)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.active = False
        self._saved: dict = {}
        self.act_present = QAction(_tr("&Presentation Mode"), window, checkable=True)
        self.act_present.setShortcut(QKeySequence("F5"))
        self.act_present.setToolTip(_tr(
            "Full screen with large text: only the network, the explanation and the lesson's "
            "plot (F5; Esc leaves)"))
        self.act_present.triggered.connect(self.toggle)
        self.act_leave = QAction(_tr("Leave presentation mode"), window)
        self.act_leave.setShortcut(QKeySequence(Qt.Key_Escape))
        self.act_leave.setEnabled(False)  # Esc belongs to editors and dialogs otherwise
        self.act_leave.triggered.connect(self.leave)
        window.addActions([self.act_present, self.act_leave])  # work with the menu bar hidden
        self.size_group = QActionGroup(self)
        self.size_actions: dict[float, QAction] = {}
        for f in SCALE_STEPS:
            a = QAction(_tr("{p} %").format(p=round(f * 100)), window, checkable=True)
            a.setToolTip(_tr("Text, network and plots at {p} % (stored)").format(
                p=round(f * 100)))
            a.triggered.connect(lambda _=False, f=f: self.set_text_size(f))
            self.size_group.addAction(a)
            self.size_actions[f] = a
        self._icon_size = window.style().pixelMetric(QStyle.PM_ToolBarIconSize)
        scale = interface_scale()
        scale.changed.connect(self._on_interface_scale_changed)
        scale.set(scale.stored_factor(), store=False)  # the stored text size from the start
        # a new window after a language switch: the translators reset the application font
        scale.apply_to_application_font()
        self._on_interface_scale_changed(scale.factor)

    # -- text size ------------------------------------------------------------------------
    def add_text_size_menu(self, menu) -> None:
        sub = menu.addMenu(_tr("&Text Size"))
        sub.setToolTipsVisible(True)
        sub.addActions(list(self.size_actions.values()))

    def set_text_size(self, factor: float) -> None:
        """View → Text size: store it; while presenting it applies to the presentation."""
        interface_scale().set(factor, store=not self.active)

    def _on_interface_scale_changed(self, factor: float) -> None:
        for f, a in self.size_actions.items():
            a.setChecked(abs(f - factor) < 1e-6)
        size = round(self._icon_size * factor)
        for bar in self.window.toolbars.values():
            bar.setIconSize(QSize(size, size))

    # -- presentation ---------------------------------------------------------------------
    def toggle(self) -> None:
        if self.active:
            self.leave()
        else:
            self.enter()

    def enter(self) -> None:
        w = self.window
        if self.active:
            return
        keeper = w.layouts
        keeper.remember()  # the lesson's own panels, kept as they are
        self._saved = {"state": w.saveState(LAYOUT_STATE_VERSION), "geometry": w.saveGeometry(),
                       "window_state": w.windowState(),
                       "menu": w.menuBar().isVisibleTo(w),
                       "status": w.statusBar().isVisibleTo(w)}
        keeper.suspended = True
        self.active = True
        self.act_present.setChecked(True)
        self.act_leave.setEnabled(True)
        scale = interface_scale()
        scale.set(max(PRESENTATION_SCALE, scale.stored_factor()), store=False)
        w.menuBar().hide()
        w.statusBar().hide()
        keeper.arrange(presentation_layout(keeper.layout, w.model.run.trainable),
                       PRESENTATION_SIDE_FRACTION)
        if w.screen() is not None:  # the whole screen even where no window manager sizes it
            w.setGeometry(w.screen().geometry())
        w.showFullScreen()
        QTimer.singleShot(150, self._fit)

    def _fit(self) -> None:
        if self.active:
            self.window.layouts.apply_sizes(
                presentation_layout(self.window.layouts.layout, self.window.model.run.trainable),
                PRESENTATION_SIDE_FRACTION)
            self.window.canvas.fit()

    def workspace_state(self) -> QByteArray:
        """The window's panels as the user arranges them (``QMainWindow.saveState``): while
        presenting, those from before presentation mode, so that an autosave taken now
        reopens the workspace, not the presentation's few docks."""
        if self.active and self._saved.get("state"):
            return QByteArray(self._saved["state"])
        return self.window.saveState(LAYOUT_STATE_VERSION)

    def leave(self) -> None:
        if not self.active:
            return
        w, saved = self.window, self._saved
        self.active = False
        self.act_present.setChecked(False)
        self.act_leave.setEnabled(False)
        scale = interface_scale()
        scale.set(scale.stored_factor(), store=False)
        w.menuBar().setVisible(saved.get("menu", True))
        w.statusBar().setVisible(saved.get("status", True))
        w.setWindowState(saved.get("window_state", Qt.WindowNoState))
        if not w.isFullScreen() and saved.get("geometry"):
            w.restoreGeometry(saved["geometry"])
        w.restoreState(saved["state"], LAYOUT_STATE_VERSION)
        w.layouts.suspended = False
        QTimer.singleShot(150, w.canvas.fit)
