"""The main window: composes the views around one lesson model (no computation here).

Every view takes the window's :class:`~nnviz.ui.model.lesson_model.LessonModel` and follows
it by itself; the window only arranges them in docks, and its commands (menus, files, run
feedback) live in the mixins :mod:`window_menus`, :mod:`file_commands` and :mod:`run_feedback`.

Layout: each lesson says which docks it shows and where (``resources/layouts/<lesson>.json``,
:mod:`lesson_layout`); :mod:`layout_keeper` applies it and keeps the user's own arrangement per
lesson.  The canvas is the central widget, the side columns run the window's full height.  The
pyqtgraph views are built after the first show (:mod:`plot_docks`, issue 18), presentation mode
and View → Text size are :mod:`presentation`.

Signals
-------
first_shown()        the window was shown for the first time (start-up probe)
startup_finished()   lessons loaded and the first lesson is on screen
closing()            the window is closing (unsaved work was settled; the run still exists)
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QWidget,
)

from nnviz.ui.canvas.network_view import NetworkView
from nnviz.ui.common.formatting import count
from nnviz.ui.common.interface_scale import interface_scale, repolish_styled
from nnviz.ui.common.scrolling import scrolling
from nnviz.ui.common.settings import settings, ui_language
from nnviz.ui.model.lesson_model import LessonModel
from nnviz.ui.panels.dashboard import Dashboard
from nnviz.ui.panels.explanation_panel import ExplanationPanel
from nnviz.ui.panels.hyper_panel import HyperPanel
from nnviz.ui.panels.inputs_panel import InputsPanel
from nnviz.ui.panels.inspector import Inspector
from nnviz.ui.panels.lesson_picker import LessonPicker, group_names
from nnviz.ui.panels.outputs_panel import OutputsPanel
from nnviz.ui.panels.regularisation_panel import RegularisationPanel
from nnviz.ui.panels.run_controls import RunControls
from nnviz.ui.panels.step_detail import StepDetail
from nnviz.ui.panels.weight_editor import WeightEditor
from nnviz.ui.plots.decision_boundary_view import DecisionBoundaryView
from nnviz.ui.shell.file_commands import FileCommands
from nnviz.ui.shell.guide_docks import GuideDocks
from nnviz.ui.shell.layout_keeper import LAYOUT_STATE_VERSION, LayoutKeeper
from nnviz.ui.shell.presentation import Presentation
from nnviz.ui.shell.run_feedback import RunFeedback
from nnviz.ui.shell.window_menus import WindowMenus

DEFAULT_LESSON = "forward-walkthrough"
STATE_VERSION = LAYOUT_STATE_VERSION  # 2: run bar, step detail, hyper-parameters and plot docks;
# 3: regularisation, weight statistics, live figures; 4: guide and explained step; 5: per lesson


def first_window_size(free_width: int, free_height: int) -> tuple[int, int]:
    """The window's size at first start: the screen's free area, less the window manager's
    title bar."""
    return free_width, max(200, free_height - 30)


class MainWindow(FileCommands, WindowMenus, RunFeedback):
    first_shown = Signal()
    startup_finished = Signal()
    closing = Signal()
    restart_requested = Signal()  # re-create the window (new language); main() connects it
    state_version = STATE_VERSION  # of saveState (a session's panels: shell/session_state.py)

    def __init__(self, model: LessonModel | None = None):
        super().__init__()
        self.lang = ui_language()
        self.can_restart = False  # True when main() re-creates the window on restart_requested
        self.model = model or LessonModel(self)
        self.setObjectName("MainWindow")
        self.resize(1366, 740)
        self.setDockOptions(QMainWindow.AnimatedDocks | QMainWindow.AllowTabbedDocks
                            | QMainWindow.AllowNestedDocks)
        for corner, area in ((Qt.TopLeftCorner, Qt.LeftDockWidgetArea),
                             (Qt.BottomLeftCorner, Qt.LeftDockWidgetArea),
                             (Qt.TopRightCorner, Qt.RightDockWidgetArea),
                             (Qt.BottomRightCorner, Qt.RightDockWidgetArea)):
            self.setCorner(corner, area)  # the side columns run the full height
        self._started = False
        self._shown = False
        self.unsaved_guard = None  # () -> bool: False cancels a close or lesson switch (session)
        # widgets
        self.canvas = NetworkView(self.model)
        self.canvas.setToolTip(self.tr("The network: wheel to zoom, drag to pan, click a neuron "
                                       "to inspect it, click an edge or a bias to edit it"))
        self.setCentralWidget(self.canvas)
        self.picker = LessonPicker(self.lang)
        self.inputs = InputsPanel(self.model)
        self.outputs = OutputsPanel(self.model)
        self.boundary = DecisionBoundaryView(self.model)
        self.weights = WeightEditor(self.model)
        self.inspector = Inspector(self.model)
        self.explanation = ExplanationPanel(self.model, self.lang)
        self.run_controls = RunControls(self.model)
        self.step_detail = StepDetail(self.model)
        self.hyper = HyperPanel(self.model)
        # the pyqtgraph views: built after the first show (plot_docks.install)
        self.plots = self.grad_plot = self.comparison = self.layer_stats = None
        self.comparer = self.model.comparer
        self.comparer.started.connect(self._on_comparer_started)
        self.comparer.finished.connect(self._on_comparer_finished)
        self.comparer.failed.connect(self._on_comparer_failed)
        self.comparer.progress.connect(self._on_comparer_progress)
        self.regularisation = RegularisationPanel(self.model)
        self.dashboard = Dashboard(self.model)
        self.labs: dict[str, QDockWidget] = {}
        self.diverged_box: QMessageBox | None = None
        self.docks: dict[str, QDockWidget] = {}
        self._make_docks()
        # before anything else that shows docks for a lesson (the guide): the lesson being left
        # is stored as the user left it, then the new one's panels are put up
        self.model.preset_changed.connect(self._on_model_preset_entered)
        self.guides = GuideDocks(self)  # the guide (top) and the explained step (a tab)
        self._make_actions()
        self._make_toolbar()
        self.layouts = LayoutKeeper(self, self.docks, self.toolbars)
        self.presentation = Presentation(self)  # F5, View → Text size
        self._make_menus()
        self._make_status_bar()
        self._connect()
        self._connect_training()
        self._fit_to_screen()
        self._restore_layout()
        self._update_title()

    def _fit_to_screen(self):
        """First start: the screen's free area (a 1366 × 740 window in the corner of a
        1920 × 1080 screen left the lesson small); later starts restore the user's size."""
        screen = self.screen()
        if screen is None:
            return
        avail = screen.availableGeometry()
        w, h = first_window_size(avail.width(), avail.height())
        self.resize(w, h)
        self.move(avail.left() + (avail.width() - w) // 2, avail.top())

    # -- construction ---------------------------------------------------------------------
    def _dock(self, key, title, widget, area, scroll=False) -> QDockWidget:
        d = QDockWidget(title, self)
        d.setObjectName(f"dock_{key}")
        if scroll:
            widget = scrolling(widget)
        d.setWidget(widget)
        d.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable
                      | QDockWidget.DockWidgetClosable)
        self.addDockWidget(area, d)
        self.docks[key] = d
        return d

    def _make_docks(self):
        self._dock("inputs", self.tr("Input"), self.inputs, Qt.LeftDockWidgetArea, scroll=True)
        out_split = QSplitter(Qt.Vertical)
        out_split.addWidget(self.outputs)
        out_split.addWidget(self.boundary)
        out_split.setStretchFactor(1, 1)
        self._dock("outputs", self.tr("Output"), out_split, Qt.RightDockWidgetArea, scroll=True)
        w = self._dock("weights", self.tr("Weights"), self.weights, Qt.BottomDockWidgetArea,
                       scroll=True)  # its buttons' row must not widen the bottom area
        i = self._dock("inspector", self.tr("Inspector"), self.inspector, Qt.BottomDockWidgetArea,
                       scroll=True)
        e = self._dock("explanation", self.tr("Explanation"), self.explanation,
                       Qt.BottomDockWidgetArea)
        sd = self._dock("step", self.tr("Step Detail"), self.step_detail, Qt.BottomDockWidgetArea)
        h = self._dock("hyper", self.tr("Hyper-parameters"), self.hyper, Qt.BottomDockWidgetArea,
                       scroll=True)
        g = self._dock("gradients", self.tr("Gradient Norms"), QWidget(),
                       Qt.BottomDockWidgetArea)
        cmp_ = self._dock("compare", self.tr("Run Comparison"), QWidget(),
                          Qt.BottomDockWidgetArea)
        reg = self._dock("regularisation", self.tr("Regularisation"), self.regularisation,
                         Qt.BottomDockWidgetArea, scroll=True)
        ls = self._dock("layer_stats", self.tr("Weight statistics"), QWidget(),
                        Qt.BottomDockWidgetArea)
        for a, b in ((w, i), (i, sd), (sd, e), (e, h), (h, reg), (reg, g), (g, ls), (ls, cmp_)):
            self.tabifyDockWidget(a, b)
        pl = self._dock("plots", self.tr("Loss and Accuracy"), QWidget(), Qt.RightDockWidgetArea)
        self.splitDockWidget(self.docks["outputs"], pl, Qt.Vertical)
        # where they go for a lesson is its layout's business (LayoutKeeper)

    def _connect(self):
        # a bound slot: dropped with the window (a lambda on the app-wide scale outlived it)
        interface_scale().changed.connect(self._repolish_styled_widgets)
        c = self.model
        self.picker.lesson_chosen.connect(self.open_lesson)
        c.lessons_loaded.connect(self._on_model_lessons_loaded)
        c.preset_changed.connect(self._on_model_preset_changed)
        c.status_posted.connect(self._on_model_status_posted)
        c.edit_refused.connect(self._on_model_status_posted)
        c.file_changed.connect(self._on_model_file_changed)
        c.undo_stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        c.neuron_selected.connect(self._on_model_neuron_selected)
        self.canvas.zoom_changed.connect(
            lambda s: self.zoom_label.setText(self.tr("zoom {p} %").format(p=round(s * 100))))

    def _connect_training(self):
        s = self.model.run
        s.status_posted.connect(self._on_model_status_posted)
        s.diverged.connect(self._on_run_diverged)

    def _on_model_status_posted(self, message: str):
        self.statusBar().showMessage(message, 8000)

    def _on_model_file_changed(self, _path: str):
        self._update_title()

    def _on_undo_stack_clean_changed(self, _clean: bool):
        self._update_title()

    # -- start-up -------------------------------------------------------------------------
    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            QTimer.singleShot(0, self.layouts.settle)  # now that the window has its size
            self.first_shown.emit()
            QTimer.singleShot(0, self.finish_startup)

    def finish_startup(self):
        """Load the lessons (and pyqtgraph) after the window is on screen."""
        if self._started:
            return
        self._started = True
        from nnviz.ui.shell.mnist_docks import install as install_mnist_views
        from nnviz.ui.shell.plot_docks import install as install_plot_views

        self.mnist = install_mnist_views(self, self.model)  # docks + MNIST menu, MNIST lessons only
        install_plot_views(self)  # pyqtgraph: after the first show
        self.layouts.reapply()  # the lesson's layout with the docks made just now
        self.model.load_lessons()
        last = settings().value("lesson/last", DEFAULT_LESSON)
        try:
            self.open_lesson(str(last))
        except KeyError:
            self.open_lesson(DEFAULT_LESSON)
        self.inspector.ensure_plot()
        self._fill_status_tips()
        self.statusBar().showMessage(self.tr("Ready"), 4000)
        self.startup_finished.emit()

    def _on_model_lessons_loaded(self, presets):
        self.picker.set_presets(presets)
        self.lessons_menu.clear()
        self.lessons_menu.addAction(self.act_lesson_map)
        self.lessons_menu.addSeparator()
        names = group_names()
        menus = {}
        for p in presets:
            if p.group not in menus:
                menus[p.group] = self.lessons_menu.addMenu(names.get(p.group, p.group))
            a = menus[p.group].addAction(p.text("title", self.lang))
            a.setToolTip(p.text("summary", self.lang))
            a.setStatusTip(p.text("summary", self.lang))
            a.triggered.connect(lambda _=False, pid=p.id: self.open_lesson(pid))
        for m in menus.values():
            m.setToolTipsVisible(True)

    def show_lesson_map(self):
        """Lessons → Lesson Map… (Ctrl+L): the lessons in handout order (one map at a time)."""
        from nnviz.ui.panels.lesson_map import show_lesson_map

        show_lesson_map(self)

    def open_lesson(self, preset_id: str):
        if self._started and self.unsaved_guard is not None and not self.unsaved_guard():
            if self.model.preset is not None:
                self.picker.set_current(self.model.preset.id)
            return
        self.model.set_preset(preset_id)
        s = settings()
        s.setValue("lesson/last", preset_id)

    def _on_model_preset_entered(self, preset):
        self.layouts.show_lesson(preset.id)

    def ensure_docks(self, keys):
        """Make the docks a lesson's layout names that are made on demand (the labs)."""
        for key in keys:
            if key.startswith("lab_") and key not in self.docks:
                self.open_lab(key[len("lab_"):], floating=False)

    def _on_model_preset_changed(self, preset):
        self.picker.set_current(preset.id)
        net = self.model.network
        sizes = "-".join(str(n) for n in net.spec.sizes)
        self.net_label.setText(self.tr("network {sizes} · {n} parameters").format(
            sizes=sizes, n=count(net.params.size)))
        self.k_box_action.setVisible(max(net.spec.sizes) > 16)  # wide layers only
        self._update_title()
        self.statusBar().showMessage(self.tr("Lesson: {t}").format(
            t=preset.text("title", self.lang)), 6000)

    def _on_model_neuron_selected(self, layer, index):
        d = self.docks["inspector"]
        d.show()
        d.raise_()

    # -- files ----------------------------------------------------------------------------
    # -- view / help ----------------------------------------------------------------------
    def _repolish_styled_widgets(self, _factor: float) -> None:
        """The window's widgets with a style sheet of their own take the new text size too."""
        repolish_styled(self.findChildren(QWidget))

    # -- persistence ----------------------------------------------------------------------
    def _restore_layout(self):
        """The window's place, and the last lesson's panels for the first paint."""
        s = settings()
        geo = s.value("window/geometry")
        if isinstance(geo, QByteArray | bytes) and geo:
            self.restoreGeometry(geo)
        self.layouts.show_lesson(str(s.value("lesson/last", DEFAULT_LESSON)))

    def save_layout(self):
        """The window's place and the current lesson's panels (per lesson: LayoutKeeper)."""
        if self.presentation.active:
            self.presentation.leave()
        s = settings()
        s.setValue("window/geometry", self.saveGeometry())
        self.layouts.remember()
        s.sync()

    def closeEvent(self, event):  # noqa: N802
        if self.unsaved_guard is not None and not self.unsaved_guard():
            event.ignore()
            return
        self.closing.emit()
        self.save_layout()
        self.model.shutdown()
        super().closeEvent(event)

    def sizeHint(self):  # noqa: N802
        return QSize(1366, 740)
