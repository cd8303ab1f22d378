"""Puts each lesson's workspace on the window and remembers the user's own arrangement of it.

:class:`LayoutKeeper` follows the lesson model: when another lesson opens it stores the panels
of the one being left (``QMainWindow.saveState`` under ``layout/<lesson>`` in the settings)
and shows the new lesson's: the user's stored arrangement if there is one and the lesson's
default (:mod:`nnviz.ui.shell.lesson_layout`) has not changed since, else the default.
View → Reset layout (:meth:`LayoutKeeper.reset`) forgets the stored arrangement.

The window gives it ``docks`` (key → QDockWidget) and ``toolbars`` (``main``, ``run``,
``live`` → QToolBar).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QByteArray, QObject, Qt, QTimer
from PySide6.QtWidgets import QTabBar

from nnviz.ui.common.interface_scale import interface_scale
from nnviz.ui.common.settings import settings
from nnviz.ui.shell.lesson_layout import (
    LessonLayout,
    is_lesson_id,
    safe_layout,
    without_bottom_area,
)

#: QMainWindow.saveState's version of a lesson's stored panels (a new dock set: +1)
LAYOUT_STATE_VERSION = 5
STATE_KEY = "layout/{lesson}/state"
REVISION_KEY = "layout/{lesson}/revision"
OPEN_KEY = "layout/{lesson}/open"  # the docks open in the stored state
_AREA = {"left": Qt.LeftDockWidgetArea, "right": Qt.RightDockWidgetArea,
         "top": Qt.TopDockWidgetArea, "bottom": Qt.BottomDockWidgetArea}
MAX_SIDE_FRACTION = 0.3  # of the window's width, for each side column
MAX_BOTTOM_FRACTION = 0.32  # of the window's height
CROWDED_WIDTH = 1500  # px at 100 % text: a narrower window puts a bottom area's groups in
# one row of tabs (two bars of half the width would both be cut)
SHORT_HEIGHT = 600  # px at 100 % text: a lower window (768 px at 150 %) has no bottom area,
# its docks join the right column's tabs (the canvas was left 190 px)


class LayoutKeeper(QObject):
    """Applies and remembers the lessons' layouts on ``window`` (a QObject child of it)."""

    def __init__(self, window, docks: dict, toolbars: dict):
        super().__init__(window)
        self.window = window
        self.docks = docks
        self.toolbars = toolbars
        self.lesson: str | None = None
        self.layout: LessonLayout | None = None
        self.problem = ""  # why the lesson's layout file could not be used ('' = it could)
        self.suspended = False  # presentation mode: nothing is stored while it is on
        self.showing_default = False  # False: the user's stored arrangement is shown
        self.arranged: LessonLayout | None = None  # the layout as last put on the window
        # a bound slot (not a lambda): Qt drops the connection with this object
        interface_scale().changed.connect(self._on_interface_scale_changed)

    # -- lessons --------------------------------------------------------------------------
    def show_lesson(self, lesson: str) -> None:
        """Store the current lesson's panels and show ``lesson``'s (its user's or default)."""
        if lesson == self.lesson:
            return
        presentation = getattr(self.window, "presentation", None)
        if presentation is not None and presentation.active:
            presentation.leave()  # another lesson: back to the workspace first
        self.remember()
        self.lesson = lesson
        self.layout, self.problem = safe_layout(lesson)
        ensure = getattr(self.window, "ensure_docks", None)
        if ensure is not None:  # docks made on demand (a lab the lesson is about)
            ensure(self.layout.docks())
        self.reapply()

    def reapply(self) -> None:
        """Show the current lesson's panels again (docks were added): the user's or default."""
        if self.lesson is not None and not self.restore_user_layout():
            self.apply_default()

    def remember(self) -> None:
        """Store the current lesson's arrangement (not while presenting)."""
        if self.lesson is None or self.layout is None or self.suspended:
            return
        if not is_lesson_id(self.lesson):
            return
        s = settings()
        s.setValue(STATE_KEY.format(lesson=self.lesson),
                   self.window.saveState(LAYOUT_STATE_VERSION))
        s.setValue(REVISION_KEY.format(lesson=self.lesson), self.layout.revision)
        s.setValue(OPEN_KEY.format(lesson=self.lesson),
                   ",".join(k for k, d in self.docks.items() if not d.isHidden()))

    def stored_state(self, lesson: str) -> QByteArray | None:
        """The user's stored arrangement of ``lesson`` if it fits its current default."""
        s = settings()
        state = s.value(STATE_KEY.format(lesson=lesson))
        revision = s.value(REVISION_KEY.format(lesson=lesson))
        layout = self.layout if lesson == self.lesson else safe_layout(lesson)[0]
        if not isinstance(state, QByteArray | bytes) or not state or layout is None:
            return None
        if str(revision) != layout.revision:  # the lesson's default changed since
            return None
        return QByteArray(state)

    def restore_user_layout(self) -> bool:
        state = self.stored_state(self.lesson) if self.lesson else None
        if state is None or not self.window.restoreState(state, LAYOUT_STATE_VERSION):
            return False
        # restoreState shows some docks that were hidden when the state was saved (docks
        # taken out and put back hidden by arrange): the open docks are stored beside it
        open_docks = str(settings().value(OPEN_KEY.format(lesson=self.lesson), "")).split(",")
        for key, d in self.docks.items():
            d.setVisible(key in open_docks)
        self._apply_toolbars()  # the run bar follows the lesson, not the stored state
        self.showing_default = False
        self.hide_stale_tab_bars()
        QTimer.singleShot(0, self, self.hide_stale_tab_bars)
        return True

    def reset(self) -> None:
        """View → Reset layout: forget the user's arrangement of this lesson, show its default."""
        if self.lesson is None:
            return
        s = settings()
        s.remove(STATE_KEY.format(lesson=self.lesson))
        s.remove(REVISION_KEY.format(lesson=self.lesson))
        s.remove(OPEN_KEY.format(lesson=self.lesson))
        self.apply_default()

    # -- the default ----------------------------------------------------------------------
    def apply_default(self) -> None:
        """Arrange the docks as the lesson's layout says; hide every dock it does not name."""
        if self.layout is not None:
            self.arrange(self.layout)
            self.showing_default = True

    def settle(self) -> None:
        """The window got its size (first show) or the text its size: the default again, if
        it is shown (arranged anew when the window became short or tall enough to change
        where the bottom area's docks go, else only its sizes)."""
        if not self.showing_default or self.suspended or self.layout is None:
            return
        if self._short() != ("bottom" not in (self.arranged or self.layout).areas
                             and "bottom" in self.layout.areas):
            self.arrange(self.layout)
        else:
            self.apply_sizes()

    def _on_interface_scale_changed(self, _factor: float) -> None:
        self.settle()

    def _short(self) -> bool:
        return self.window.height() / interface_scale().factor < SHORT_HEIGHT

    def arrange(self, layout: LessonLayout, side_fraction: float = MAX_SIDE_FRACTION) -> None:
        """Put the docks where ``layout`` says (presentation mode passes its own)."""
        w = self.window
        if self._short():
            layout = without_bottom_area(layout)
        self.arranged = layout
        shown = layout.docks()
        for d in self.docks.values():  # all out first: no tab group outlives its lesson
            if d.isFloating():
                d.setFloating(False)
            w.removeDockWidget(d)
        for key, d in self.docks.items():
            if key not in shown:  # hidden, in the bottom tabs should the user show it
                w.addDockWidget(Qt.BottomDockWidgetArea, d)
                d.hide()
        tabs = []  # split first: Qt adds a split of a tabbed dock as one more tab
        crowded = w.width() / interface_scale().factor < CROWDED_WIDTH
        for area_name, area in layout.areas.items():
            area_flag = _AREA[area_name]
            stacking = Qt.Vertical if area_name in ("left", "right") else Qt.Horizontal
            previous = None
            groups = area.groups
            if crowded and stacking == Qt.Horizontal and len(groups) > 1:
                # a small screen or large text: one row of tabs, not two bars too narrow
                groups = (tuple(k for g in groups for k in g),)
            for group in groups:
                present = [self.docks[k] for k in group if k in self.docks]
                if not present:
                    continue
                first = present[0]
                if previous is None:
                    w.addDockWidget(area_flag, first)
                else:
                    w.splitDockWidget(previous, first, stacking)
                first.show()
                tabs.append(present)
                previous = first
        for present in tabs:
            for other in present[1:]:
                w.tabifyDockWidget(present[0], other)
                other.show()
            present[0].raise_()
        for key in layout.raised:
            if key in self.docks:
                self.docks[key].raise_()
        self._apply_toolbars(layout)
        self.apply_sizes(layout, side_fraction)
        self.hide_stale_tab_bars()
        QTimer.singleShot(0, self, lambda: self._settled(layout, side_fraction))  # not after us

    def _settled(self, layout: LessonLayout, side_fraction: float) -> None:
        self.apply_sizes(layout, side_fraction)  # again once the arrangement has its geometry
        self.hide_stale_tab_bars()

    def hide_stale_tab_bars(self) -> None:
        """Hide the tab bars of tab groups that no longer exist.

        Qt (6.x) keeps the tab bar of a group whose docks were all taken out with
        ``removeDockWidget`` on screen, showing the previous lesson's tabs over the new ones.
        A bar is in use when its tabs (their data: the docks' addresses) are exactly a group of
        visible, tabified docks; Qt may later reuse a bar hidden here, so bars in use are shown.
        """
        w = self.window
        w.layout().activate()  # Qt's own pass first: it shows the bars it thinks in use
        by_address = {shiboken6.getCppPointer(d)[0]: d for d in self.docks.values()}
        for bar in w.findChildren(QTabBar, options=Qt.FindDirectChildrenOnly):
            docks = [by_address.get(bar.tabData(i)) for i in range(bar.count())]
            if not docks:
                continue
            in_use = all(d is not None and d.isVisibleTo(w) for d in docks) and \
                set(w.tabifiedDockWidgets(docks[0])) | {docks[0]} == set(docks)
            if in_use:  # a stale twice of the group's bar stands elsewhere
                front = next((d for d in docks if d.isVisible()), docks[0])
                in_use = abs(bar.x() - front.x()) <= 2 and abs(bar.width() - front.width()) <= 2
            bar.setVisible(in_use)  # Qt may reuse a bar hidden here for a new group
            if bar.elideMode() != Qt.ElideNone:  # whole names; arrows scroll a narrow bar
                bar.setElideMode(Qt.ElideNone)
                bar.setUsesScrollButtons(True)

    def _apply_toolbars(self, layout: LessonLayout | None = None) -> None:
        layout = layout or self.layout
        if layout is None:
            return
        for name, bar in self.toolbars.items():
            bar.setVisible(name in layout.toolbars)

    def apply_sizes(self, layout: LessonLayout | None = None,
                    side_fraction: float = MAX_SIDE_FRACTION) -> None:
        """The areas' widths/heights and the groups' shares (sizes follow the text size)."""
        layout, w = layout or self.arranged or self.layout, self.window
        if layout is None:
            return
        f = 1 + (interface_scale().factor - 1) / 2  # the canvas needs the room as much
        for area_name, area in layout.areas.items():
            firsts = []
            for d in (self._first_present(g) for g in area.groups):
                if d is not None and not any(d in w.tabifiedDockWidgets(x) for x in firsts):
                    firsts.append(d)  # groups merged into one row of tabs count once
            if not firsts:
                continue
            side = area_name in ("left", "right")
            if area.size is not None:
                limit = w.width() * (area.max_fraction or side_fraction) if side \
                    else w.height() * (area.max_fraction or MAX_BOTTOM_FRACTION)
                # side columns grow with the text; the bottom row keeps its height (768 px)
                size = int(min(area.size * (f if side else 1.0), limit))
                w.resizeDocks([firsts[0]], [size], Qt.Horizontal if side else Qt.Vertical)
            if len(firsts) > 1:
                shares = [s for g, s in zip(area.groups, area.shares)
                          if self._first_present(g) in firsts]
                along = Qt.Vertical if side else Qt.Horizontal
                total = sum(d.height() if side else d.width() for d in firsts)
                total = max(total, 100 * len(firsts))
                w.resizeDocks(firsts, [total * s // sum(shares) for s in shares], along)

    def _first_present(self, group):
        for k in group:
            if k in self.docks:
                return self.docks[k]
        return None
