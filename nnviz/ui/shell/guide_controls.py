"""The controls a guide step names, beyond the run bar; and "why did it change?" on the canvas.

A guide step's ``controls`` (``nnviz.core.guides.CONTROL_TITLES``) enables only what it
names; :class:`GuideControls` applies that to the window's widgets: the learning rate, the
optimizer and the loss in the hyper-parameters, weight editing (the weight table, the
inspector's table and the canvas's click-to-edit) and the explained step's Prev/Next (the
MNIST menu's Evaluate and Import are left alone).  ``None`` gives every control back.

It also watches the canvas's viewport (the canvas itself is not changed): a right-click on
an edge or a bias offers "Why did it change? Trace ∂L/∂w" and "Edit the value"; while a
guide step does not allow editing, a click on an edge or bias traces it instead of opening
the editor.
"""

from __future__ import annotations

import atexit
import weakref
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QMenu

from nnviz.core.explain import BiasRef, EdgeRef


def _tr(text: str) -> str:
    return QCoreApplication.translate("GuideControls", text)


class GuideControls(QObject):
    def __init__(self, window: Any, tracer: Any, show_tracer: Any) -> None:
        super().__init__(window)
        self.window, self.tracer, self.show_tracer = window, tracer, show_tracer
        self.names: tuple | None = None
        self.menu: QMenu | None = None  # the last context menu (tests look at it)
        self._inspector_triggers = window.inspector.table.editTriggers()
        self._viewport = window.canvas.viewport()
        self._viewport.installEventFilter(self)
        # Leave the viewport before Python shuts down: a window destroyed during the
        # interpreter's finalisation would call this filter with half the objects gone (a
        # segmentation fault at exit).  aboutToQuit covers the app, atexit scripts and tests.
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.detach)
        ref = weakref.ref(self)
        atexit.register(lambda: (c := ref()) is not None and c.detach())

    def detach(self) -> None:
        """Stop watching the canvas (idempotent)."""
        if shiboken6.isValid(self) and shiboken6.isValid(self._viewport):
            self._viewport.removeEventFilter(self)

    def allowed(self, name: str) -> bool:
        return self.names is None or name in self.names

    def apply(self, names: Any) -> None:
        """Enable the named controls (None: all of them, the lesson's own)."""
        self.names = None if names is None else tuple(names)
        w = self.window
        hyper = w.hyper
        for name, widgets in (("lr", (hyper.lr, hyper.lr_label)),
                              ("optimizer", (hyper.optimizer, hyper.optimizer_label,
                                             hyper.opt_params)),
                              ("loss", (hyper.loss, hyper.loss_label))):
            for widget in widgets:
                widget.setEnabled(self.allowed(name))
        edit = self.allowed("edit_weights")
        w.weights.setEnabled(edit)
        w.weights.setToolTip("" if edit else _tr(
            "This step of the guide does not edit weights; leave the guide to edit freely."))
        w.inspector.table.setEditTriggers(self._inspector_triggers if edit
                                          else QAbstractItemView.NoEditTriggers)
        if not edit:
            w.canvas.close_editor()
        w.guides.explained_panel.set_navigation_allowed(self.allowed("explain_nav"))
        # The MNIST menu's Evaluate and Import stay enabled: they spoil no task, and the
        # pretrained lesson keeps "Import the book's weights…" at hand in every step.

    # -- the canvas -----------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.ContextMenu:
            ref = self.ref_at(event.pos())
            if ref is not None:
                self.open_menu(ref, event.globalPos(), event.pos())
                return True
        elif kind in (QEvent.MouseButtonPress, QEvent.MouseButtonDblClick) \
                and event.button() == Qt.LeftButton and not self.allowed("edit_weights"):
            ref = self.ref_at(event.position().toPoint())
            if ref is not None:  # no editor in this step: the click asks "why?" instead
                self.trace(ref)
                self.window.statusBar().showMessage(_tr(
                    "This step of the guide does not edit weights: the chain-rule tracer "
                    "shows why this one changes."), 5000)
                return True
        return False

    def ref_at(self, pos: Any) -> EdgeRef | BiasRef | None:
        """The weight or bias under viewport point ``pos`` as a tracer reference."""
        item = self.window.canvas.editable_item_at(pos)
        if item is None:
            return None
        if hasattr(item, "i"):  # an edge: W[layer][i, j]
            return EdgeRef(item.layer, item.i, item.j)
        return BiasRef(item.layer - 1, item.index)  # a bias of canvas layer ≥ 1

    def trace(self, ref: EdgeRef | BiasRef) -> None:
        if self.tracer.set_param(ref):
            self.show_tracer()

    def open_menu(self, ref: EdgeRef | BiasRef, global_pos: Any, pos: Any,
                  exec_: bool = True) -> QMenu:
        menu = QMenu(self.window.canvas)
        act_trace = menu.addAction(_tr("Why did it change? Trace ∂L/∂w"))
        act_trace.triggered.connect(lambda: self.trace(ref))
        act_edit = menu.addAction(_tr("Edit the value"))
        act_edit.setEnabled(self.allowed("edit_weights"))
        item = self.window.canvas.editable_item_at(pos)
        act_edit.triggered.connect(lambda: self.window.canvas.ask_value(item))
        self.menu = menu
        if exec_:
            menu.exec(global_pos)
        return menu
