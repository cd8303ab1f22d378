"""The main window's actions, menus, toolbar and status bar, and the View/Help commands.

:class:`WindowMenus` is mixed into :class:`~nnviz.ui.shell.main_window.MainWindow` (its
strings keep the window's translation context).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSpinBox, QWidgetAction

from nnviz.ui.canvas.geometry import MAX_OVERVIEW
from nnviz.ui.common.settings import LANGUAGES, set_ui_language
from nnviz.ui.shell.undo_buttons import UndoButtons


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # the window's own context


class WindowMenus(QMainWindow):
    """Builds the window's commands (needs the widgets and docks the window made)."""

    def _action(self, text, slot=None, shortcut=None, tip=None, checkable=False):
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        if tip:
            a.setToolTip(tip)
            a.setStatusTip(tip)
        a.setCheckable(checkable)
        if slot is not None:
            a.triggered.connect(slot)
        return a

    def _make_actions(self):
        self.act_new = self._action(_tr("&New"), self.model.reset_weights, QKeySequence.New,
                                    _tr("Start over from the lesson's initial weights"))
        self.act_open = self._action(_tr("&Open…"), self.open_dialog, QKeySequence.Open,
                                     _tr("Open a model (.npz) or a pickled weight dict (.pkl)"))
        self.act_save = self._action(_tr("&Save"), self.save, QKeySequence.Save,
                                     _tr("Save the network and its weights"))
        self.act_save_as = self._action(_tr("Save &As…"), self.save_as_dialog,
                                        QKeySequence.SaveAs, _tr("Save under a new name"))
        self.act_export = self._action(_tr("&Export Canvas as PNG…"), self.export_dialog,
                                       "Ctrl+E", _tr("Save a picture of the network canvas"))
        self.act_quit = self._action(_tr("&Quit"), self.close, QKeySequence.Quit,
                                     _tr("Close nnviz"))
        self.act_undo = self.model.undo_stack.createUndoAction(self, _tr("&Undo"))
        self.act_undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.act_undo.setToolTip(_tr("Undo the last weight edit (Ctrl+Z)"))
        self.act_redo = self.model.undo_stack.createRedoAction(self, _tr("&Redo"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_redo.setToolTip(_tr("Redo the edit you undid (Ctrl+Shift+Z)"))
        self.act_reset = self._action(_tr("Reset &Weights"), self.model.reset_weights, None,
                                      _tr("Back to the lesson's initial weights (undoable)"))
        self.act_zoom_in = self._action(_tr("Zoom &In"), lambda: self.canvas.zoom_by(1.25),
                                        QKeySequence.ZoomIn, _tr("Zoom into the canvas"))
        self.act_zoom_out = self._action(_tr("Zoom &Out"), lambda: self.canvas.zoom_by(0.8),
                                         QKeySequence.ZoomOut, _tr("Zoom out of the canvas"))
        self.act_fit = self._action(_tr("&Fit to Window"), self.canvas.fit, "Ctrl+0",
                                    _tr("Show the whole network"))
        self.act_numbers = self._action(_tr("Show &Numbers"), self.canvas.set_show_numbers, "N",
                                        _tr("Show a and z on neurons, w on edges, b on biases"),
                                        checkable=True)
        self.act_numbers.setChecked(True)
        self.act_help = self._action(_tr("Lesson &Explanation"), self.show_explanation,
                                     QKeySequence.HelpContents,
                                     _tr("What this lesson is about (F1)"))
        self.act_about = self._action(_tr("&About nnviz"), self.about, None,
                                      _tr("Version and licence"))
        self.act_reset_layout = self._action(
            _tr("&Reset Layout"), lambda: self.layouts.reset(), None,
            _tr("Show this lesson's panels as the lesson arranges them"))
        self.act_lesson_map = self._action(
            _tr("Lesson &Map…"), self.show_lesson_map, "Ctrl+L",
            _tr("Every lesson in the handouts' order, with a picture of its network"))
        # short texts on the toolbar buttons (the menus keep the long ones)
        self.act_zoom_out.setIconText("−")
        self.act_zoom_in.setIconText("+")
        self.act_fit.setIconText(_tr("Fit"))
        self.act_numbers.setIconText(_tr("Numbers"))

    def _make_menus(self):
        mb = self.menuBar()
        m = mb.addMenu(_tr("&File"))
        m.addActions([self.act_new, self.act_open])
        self.recent_menu = m.addMenu(_tr("Open &Recent"))
        m.addSeparator()
        m.addActions([self.act_save, self.act_save_as])
        m.addSeparator()
        m.addAction(self.act_export)
        m.addSeparator()
        m.addAction(self.act_quit)
        m = mb.addMenu(_tr("&Edit"))
        m.addActions([self.act_undo, self.act_redo])
        m.addSeparator()
        m.addAction(self.act_reset)
        m = mb.addMenu(_tr("&View"))
        for d in self.docks.values():
            a = d.toggleViewAction()
            a.setToolTip(_tr("Show or hide this panel"))
            m.addAction(a)
        m.addSeparator()
        m.addAction(self.act_reset_layout)
        m.addAction(self.presentation.act_present)
        self.presentation.add_text_size_menu(m)
        m.addSeparator()
        m.addActions([self.act_zoom_in, self.act_zoom_out, self.act_fit])
        m.addSeparator()
        m.addAction(self.act_numbers)
        m.addSeparator()
        lang_menu = m.addMenu(_tr("&Language"))
        group = QActionGroup(self)
        self.lang_actions = {}
        for code, name in LANGUAGES.items():
            a = QAction(name, self, checkable=True)
            a.setChecked(code == self.lang)
            a.setToolTip(_tr("Use this language (applies after a restart)"))
            a.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            group.addAction(a)
            lang_menu.addAction(a)
            self.lang_actions[code] = a
        self.lessons_menu = mb.addMenu(_tr("&Lessons"))
        m = mb.addMenu(_tr("&Training"))
        m.addActions([a for a in self.run_controls.actions()
                      if not isinstance(a, QWidgetAction)])  # not the boxes
        m.addSeparator()
        self.act_compare = m.addAction(_tr("&Compare the lesson's variants"))
        self.act_compare.setToolTip(_tr(
            "Train the lesson once per compared setting (e.g. all six optimizers with their "
            "handout defaults), every run from the same initial weights, and overlay the "
            "curves in Run Comparison"))
        self.act_compare.setStatusTip(self.act_compare.toolTip())
        self.act_compare.triggered.connect(self.comparer.start)
        m.aboutToShow.connect(
            lambda: self.act_compare.setEnabled(self.comparer.available()
                                                and not self.comparer.running))
        m.setToolTipsVisible(True)
        m = mb.addMenu(_tr("L&abs"))
        for key, title, tip in (
                ("gallery", _tr("&Activation Gallery"),
                 _tr("f and f′ of every activation over [−10, 10]")),
                ("race", _tr("&Optimizer Race"),
                 _tr("Optimizers racing down 2-D loss surfaces"))):
            a = m.addAction(title)
            a.setToolTip(tip)
            a.triggered.connect(lambda _=False, k=key: self.open_lab(k))
        m.setToolTipsVisible(True)
        m = mb.addMenu(_tr("&Help"))
        m.addAction(self.act_help)
        m.addSeparator()
        m.addAction(self.act_about)
        self._update_recent_menu()

    def _make_toolbar(self):
        tb = self.addToolBar(_tr("Main"))
        tb.setObjectName("toolbar_main")
        tb.setMovable(False)
        tb.addWidget(QLabel(" " + _tr("Lesson") + " "))
        tb.addWidget(self.picker)
        tb.addSeparator()
        self.undo_buttons = UndoButtons(self.model.undo_stack, self.act_undo, self.act_redo)
        for button in self.undo_buttons.buttons:
            tb.addWidget(button)
        tb.addSeparator()
        tb.addActions([self.act_zoom_out, self.act_fit, self.act_zoom_in])
        tb.addSeparator()
        tb.addAction(self.act_numbers)
        tb.addSeparator()
        self.k_box = QSpinBox()
        self.k_box.setRange(0, MAX_OVERVIEW)
        self.k_box.setSingleStep(10)
        self.k_box.setValue(self.canvas.overview_edges)
        self.k_box.setPrefix(_tr("strongest edges: "))
        self.k_box.setToolTip(_tr("Wide layers: how many of their strongest links each pair "
                                  "of layers draws, faded (a hovered or selected neuron's "
                                  "own strongest edges are drawn as well)"))
        self.k_box.valueChanged.connect(self.canvas.set_overview_edges)
        self.k_box_action = tb.addWidget(self.k_box)
        self.k_box_action.setVisible(False)  # shown for lessons with wide layers
        self.addToolBarBreak()
        self.addToolBar(self.run_controls)
        self.addToolBarBreak()
        live = self.addToolBar(_tr("Live figures"))
        live.setObjectName("toolbar_dashboard")
        live.setMovable(False)
        live.addWidget(self.dashboard)
        self.toolbars = {"main": tb, "run": self.run_controls, "live": live}

    def _make_status_bar(self):
        sb = self.statusBar()
        self.net_label = QLabel()
        self.net_label.setToolTip(_tr("The network's neurons per layer and number of "
                                          "parameters"))
        self.zoom_label = QLabel()
        self.zoom_label.setToolTip(_tr("Canvas zoom"))
        sb.addPermanentWidget(self.net_label)
        sb.addPermanentWidget(self.zoom_label)
        sb.showMessage(_tr("Loading lessons …"))

    def _fill_status_tips(self):
        """Every action with a tooltip says the same in the status bar when hovered in a menu."""
        for a in self.findChildren(QAction):
            tip = a.toolTip()
            if not a.statusTip() and tip and tip != a.text().replace("&", ""):
                a.setStatusTip(tip)

    def choose_language(self, lang: str):
        """Store the language; offer to re-create the window in it now (``main()`` does it)."""
        if lang == self.lang:
            self.set_language(lang)
            return
        self.set_language(lang)
        if not self.can_restart:
            QMessageBox.information(self, _tr("Language"), _tr(
                "The language will change the next time nnviz starts."))
            return
        box = QMessageBox(QMessageBox.Question, _tr("Language"), _tr(
            "Show nnviz in {language} now? The window is opened again: the lesson stays, "
            "the weights go back to the lesson's start.").format(language=LANGUAGES[lang]),
            QMessageBox.NoButton, self)
        now = box.addButton(_tr("Restart now"), QMessageBox.AcceptRole)
        now.setToolTip(_tr("Close this window and open it again in the new language"))
        later = box.addButton(_tr("Later"), QMessageBox.RejectRole)
        later.setToolTip(_tr("Keep working; the new language applies at the next start"))
        box.exec()
        if box.clickedButton() is now:
            self.restart_requested.emit()

    def set_language(self, lang: str):
        set_ui_language(lang)
        self.lang_actions[lang].setChecked(True)
        self.statusBar().showMessage(_tr("Language saved: {l} (restart to apply)").format(
            l=LANGUAGES[lang]), 8000)

    def show_explanation(self):
        d = self.docks["explanation"]
        d.show()
        d.raise_()

    def about(self):
        from nnviz import __version__ as version

        QMessageBox.about(self, _tr("About nnviz"), _tr(
            "<h3>nnviz {v}</h3><p>Watch neural networks learn: perceptrons, XOR, backprop, "
            "optimizers and MNIST, step by step.</p><p>MIT licence.</p>").format(v=version))
