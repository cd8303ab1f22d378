"""The main window: wires the widgets to the controller (no computation here).

Layout (ux.md): input on the left, the network canvas in the centre, output and decision
boundary on the right with the training curves under them, the run bar across the top, and
tabbed docks below for the weight editor, inspector, step detail, explanation and
hyper-parameters.

Signals
-------
first_shown()        the window was shown for the first time (start-up probe)
startup_finished()   lessons loaded and the first lesson is on screen
closing()            the window is closing (unsaved work was settled; the run still exists)
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QImage, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QSplitter,
)

from nnviz.ui.app import LANGUAGES, set_ui_language, settings, ui_language
from nnviz.ui.canvas.network_view import NetworkView
from nnviz.ui.comparison_runner import ComparisonRunner
from nnviz.ui.controller import Controller
from nnviz.ui.formatting import count
from nnviz.ui.widgets.dashboard import Dashboard
from nnviz.ui.widgets.decision_boundary_view import DecisionBoundaryView
from nnviz.ui.widgets.explanation_panel import ExplanationPanel
from nnviz.ui.widgets.gradient_plot import GradientNormPlot
from nnviz.ui.widgets.hyper_panel import HyperPanel
from nnviz.ui.widgets.inputs_panel import InputsPanel
from nnviz.ui.widgets.inspector import Inspector
from nnviz.ui.widgets.layer_stats_view import LayerStatsView
from nnviz.ui.widgets.lesson_picker import LessonPicker, group_names
from nnviz.ui.widgets.outputs_panel import OutputsPanel
from nnviz.ui.widgets.regularisation_panel import RegularisationPanel
from nnviz.ui.widgets.run_comparison import RunComparison
from nnviz.ui.widgets.run_controls import RunControls
from nnviz.ui.widgets.step_detail import StepDetail
from nnviz.ui.widgets.training_plots import TrainingPlots
from nnviz.ui.widgets.weight_editor import WeightEditor
from nnviz.ui.worker import grad_history

DEFAULT_LESSON = "forward-walkthrough"
MAX_RECENT = 8
STATE_VERSION = 3  # 2: run bar, step detail, hyper-parameters and plot docks; 3: regularisation,
# weight statistics, live figures


class MainWindow(QMainWindow):
    first_shown = Signal()
    startup_finished = Signal()
    closing = Signal()
    restart_requested = Signal()  # re-create the window (new language); main() connects it

    def __init__(self, controller: Controller | None = None):
        super().__init__()
        self.lang = ui_language()
        self.can_restart = False  # True when main() re-creates the window on restart_requested
        self.c = controller or Controller(self)
        self.setObjectName("MainWindow")
        self.resize(1366, 740)
        self.setDockOptions(QMainWindow.AnimatedDocks | QMainWindow.AllowTabbedDocks
                            | QMainWindow.AllowNestedDocks)
        self._started = False
        self._shown = False
        self.unsaved_guard = None  # () -> bool: False cancels a close or lesson switch (session)
        # widgets
        self.canvas = NetworkView(self.c)
        self.canvas.setToolTip(self.tr("The network: wheel to zoom, drag to pan, click a neuron "
                                       "to inspect it, click an edge or a bias to edit it"))
        self.setCentralWidget(self.canvas)
        self.picker = LessonPicker(self.lang)
        self.inputs = InputsPanel(self.c)
        self.outputs = OutputsPanel(self.c)
        self.boundary = DecisionBoundaryView(self.c)
        self.weights = WeightEditor(self.c)
        self.inspector = Inspector(self.c)
        self.explanation = ExplanationPanel(self.c, self.lang)
        self.run_controls = RunControls(self.c)
        self.step_detail = StepDetail(self.c)
        self.hyper = HyperPanel(self.c)
        self.plots = TrainingPlots()
        self.grad_plot = GradientNormPlot()
        self.comparison = RunComparison()
        self.comparer = ComparisonRunner(self.c, self)
        self.comparer.started.connect(self._on_comparer_started)
        self.comparer.finished.connect(self._on_comparer_finished)
        self.comparer.failed.connect(self._on_comparer_failed)
        self.comparer.progress.connect(self._on_comparer_progress)
        self.regularisation = RegularisationPanel(self.c)
        self.layer_stats = LayerStatsView(self.c)
        self.dashboard = Dashboard(self.c)
        self.labs: dict[str, QDockWidget] = {}
        self.diverged_box: QMessageBox | None = None
        self.docks: dict[str, QDockWidget] = {}
        self._make_docks()
        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self._make_status_bar()
        self._connect()
        self._connect_training()
        self._fit_to_screen()
        self._restore_layout()
        self._update_title()

    def _fit_to_screen(self):
        """Default size: 1366 × 740, never larger than the screen's free area."""
        screen = self.screen()
        if screen is None:
            return
        avail = screen.availableGeometry()
        w, h = min(1366, avail.width()), min(740, avail.height() - 30)
        self.resize(w, h)
        self.move(avail.left() + (avail.width() - w) // 2, avail.top())

    # -- construction ---------------------------------------------------------------------
    def _dock(self, key, title, widget, area, scroll=False) -> QDockWidget:
        d = QDockWidget(title, self)
        d.setObjectName(f"dock_{key}")
        if scroll:  # tall panels scroll instead of forcing the window past 768 px
            area_ = QScrollArea()
            area_.setWidget(widget)
            area_.setWidgetResizable(True)
            area_.setFrameShape(QFrame.NoFrame)
            area_.setMinimumHeight(100)
            widget = area_
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
        w = self._dock("weights", self.tr("Weights"), self.weights, Qt.BottomDockWidgetArea)
        i = self._dock("inspector", self.tr("Inspector"), self.inspector, Qt.BottomDockWidgetArea,
                       scroll=True)
        e = self._dock("explanation", self.tr("Explanation"), self.explanation,
                       Qt.BottomDockWidgetArea)
        sd = self._dock("step", self.tr("Step Detail"), self.step_detail, Qt.BottomDockWidgetArea)
        h = self._dock("hyper", self.tr("Hyper-parameters"), self.hyper, Qt.BottomDockWidgetArea,
                       scroll=True)
        g = self._dock("gradients", self.tr("Gradient Norms"), self.grad_plot,
                       Qt.BottomDockWidgetArea, scroll=True)
        cmp_ = self._dock("compare", self.tr("Run Comparison"), self.comparison,
                          Qt.BottomDockWidgetArea, scroll=True)
        reg = self._dock("regularisation", self.tr("Regularisation"), self.regularisation,
                         Qt.BottomDockWidgetArea, scroll=True)
        ls = self._dock("layer_stats", self.tr("Weight statistics"), self.layer_stats,
                        Qt.BottomDockWidgetArea)
        for a, b in ((w, i), (i, sd), (sd, e), (e, h), (h, reg), (reg, g), (g, ls), (ls, cmp_)):
            self.tabifyDockWidget(a, b)
        w.raise_()
        # the curves go under the output, as in ux.md
        pl = self._dock("plots", self.tr("Loss and Accuracy"), self.plots, Qt.RightDockWidgetArea)
        self.splitDockWidget(self.docks["outputs"], pl, Qt.Vertical)
        self._default_sizes = True  # applied once the window has its size (showEvent)

    def _apply_default_dock_sizes(self):
        """At 1366×768 the boundary and the curves need room more than the canvas does."""
        d = self.docks
        self.resizeDocks([d["inputs"], d["outputs"]], [210, 430], Qt.Horizontal)
        self.resizeDocks([d["weights"]], [150], Qt.Vertical)
        h = max(300, d["outputs"].height() + d["plots"].height())
        self.resizeDocks([d["outputs"], d["plots"]], [h * 11 // 20, h * 9 // 20], Qt.Vertical)

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
        self.act_new = self._action(self.tr("&New"), self.c.reset_weights, QKeySequence.New,
                                    self.tr("Start over from the lesson's initial weights"))
        self.act_open = self._action(self.tr("&Open…"), self.open_dialog, QKeySequence.Open,
                                     self.tr("Open a model (.npz) or a pickled weight dict (.pkl)"))
        self.act_save = self._action(self.tr("&Save"), self.save, QKeySequence.Save,
                                     self.tr("Save the network and its weights"))
        self.act_save_as = self._action(self.tr("Save &As…"), self.save_as_dialog,
                                        QKeySequence.SaveAs, self.tr("Save under a new name"))
        self.act_export = self._action(self.tr("&Export Canvas as PNG…"), self.export_dialog,
                                       "Ctrl+E", self.tr("Save a picture of the network canvas"))
        self.act_quit = self._action(self.tr("&Quit"), self.close, QKeySequence.Quit,
                                     self.tr("Close nnviz"))
        self.act_undo = self.c.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.act_undo.setToolTip(self.tr("Undo the last weight edit (Ctrl+Z)"))
        self.act_redo = self.c.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_redo.setToolTip(self.tr("Redo the edit you undid (Ctrl+Shift+Z)"))
        self.act_reset = self._action(self.tr("Reset &Weights"), self.c.reset_weights, None,
                                      self.tr("Back to the lesson's initial weights (undoable)"))
        self.act_zoom_in = self._action(self.tr("Zoom &In"), lambda: self.canvas.zoom_by(1.25),
                                        QKeySequence.ZoomIn, self.tr("Zoom into the canvas"))
        self.act_zoom_out = self._action(self.tr("Zoom &Out"), lambda: self.canvas.zoom_by(0.8),
                                         QKeySequence.ZoomOut, self.tr("Zoom out of the canvas"))
        self.act_fit = self._action(self.tr("&Fit to Window"), self.canvas.fit, "Ctrl+0",
                                    self.tr("Show the whole network"))
        self.act_numbers = self._action(self.tr("Show &Numbers"), self.canvas.set_show_numbers, "N",
                                        self.tr("Show a and z on neurons, w on edges, b on biases"),
                                        checkable=True)
        self.act_numbers.setChecked(True)
        self.act_help = self._action(self.tr("Lesson &Explanation"), self.show_explanation,
                                     QKeySequence.HelpContents,
                                     self.tr("What this lesson is about (F1)"))
        self.act_about = self._action(self.tr("&About nnviz"), self.about, None,
                                      self.tr("Version and licence"))

    def _make_menus(self):
        mb = self.menuBar()
        m = mb.addMenu(self.tr("&File"))
        m.addActions([self.act_new, self.act_open])
        self.recent_menu = m.addMenu(self.tr("Open &Recent"))
        m.addSeparator()
        m.addActions([self.act_save, self.act_save_as])
        m.addSeparator()
        m.addAction(self.act_export)
        m.addSeparator()
        m.addAction(self.act_quit)
        m = mb.addMenu(self.tr("&Edit"))
        m.addActions([self.act_undo, self.act_redo])
        m.addSeparator()
        m.addAction(self.act_reset)
        m = mb.addMenu(self.tr("&View"))
        for d in self.docks.values():
            a = d.toggleViewAction()
            a.setToolTip(self.tr("Show or hide this panel"))
            m.addAction(a)
        m.addSeparator()
        m.addActions([self.act_zoom_in, self.act_zoom_out, self.act_fit])
        m.addSeparator()
        m.addAction(self.act_numbers)
        m.addSeparator()
        lang_menu = m.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        self.lang_actions = {}
        for code, name in LANGUAGES.items():
            a = QAction(name, self, checkable=True)
            a.setChecked(code == self.lang)
            a.setToolTip(self.tr("Use this language (applies after a restart)"))
            a.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            group.addAction(a)
            lang_menu.addAction(a)
            self.lang_actions[code] = a
        self.lessons_menu = mb.addMenu(self.tr("&Lessons"))
        m = mb.addMenu(self.tr("&Training"))
        m.addActions(self.run_controls.actions())
        m.addSeparator()
        self.act_compare = m.addAction(self.tr("&Compare the lesson's variants"))
        self.act_compare.setToolTip(self.tr(
            "Train the lesson once per compared setting (e.g. all six optimizers with their "
            "handout defaults), every run from the same initial weights, and overlay the "
            "curves in Run Comparison"))
        self.act_compare.setStatusTip(self.act_compare.toolTip())
        self.act_compare.triggered.connect(self.comparer.start)
        m.aboutToShow.connect(
            lambda: self.act_compare.setEnabled(self.comparer.available()
                                                and not self.comparer.running))
        m.setToolTipsVisible(True)
        m = mb.addMenu(self.tr("L&abs"))
        for key, title, tip in (
                ("gallery", self.tr("&Activation Gallery"),
                 self.tr("f and f′ of every activation over [−10, 10]")),
                ("race", self.tr("&Optimizer Race"),
                 self.tr("Optimizers racing down 2-D loss surfaces"))):
            a = m.addAction(title)
            a.setToolTip(tip)
            a.triggered.connect(lambda _=False, k=key: self.open_lab(k))
        m.setToolTipsVisible(True)
        m = mb.addMenu(self.tr("&Help"))
        m.addAction(self.act_help)
        m.addSeparator()
        m.addAction(self.act_about)
        self._update_recent_menu()

    def _make_toolbar(self):
        tb = self.addToolBar(self.tr("Main"))
        tb.setObjectName("toolbar_main")
        tb.setMovable(False)
        tb.addWidget(QLabel(" " + self.tr("Lesson") + " "))
        tb.addWidget(self.picker)
        tb.addSeparator()
        tb.addActions([self.act_undo, self.act_redo])
        tb.addSeparator()
        tb.addActions([self.act_zoom_out, self.act_fit, self.act_zoom_in])
        tb.addSeparator()
        tb.addAction(self.act_numbers)
        tb.addSeparator()
        self.k_box = QSpinBox()
        self.k_box.setRange(0, 50)
        self.k_box.setValue(self.canvas.k)
        self.k_box.setPrefix(self.tr("strongest edges: "))
        self.k_box.setToolTip(self.tr("Wide layers: draw only this many strongest incoming edges "
                                      "of each neuron"))
        self.k_box.valueChanged.connect(self.canvas.set_k)
        tb.addWidget(self.k_box)
        self.addToolBarBreak()
        self.addToolBar(self.run_controls)
        self.addToolBarBreak()
        live = self.addToolBar(self.tr("Live figures"))
        live.setObjectName("toolbar_dashboard")
        live.setMovable(False)
        live.addWidget(self.dashboard)

    def _make_status_bar(self):
        sb = self.statusBar()
        self.net_label = QLabel()
        self.net_label.setToolTip(self.tr("The network's neurons per layer and number of "
                                          "parameters"))
        self.zoom_label = QLabel()
        self.zoom_label.setToolTip(self.tr("Canvas zoom"))
        sb.addPermanentWidget(self.net_label)
        sb.addPermanentWidget(self.zoom_label)
        sb.showMessage(self.tr("Loading lessons …"))

    def _connect(self):
        c = self.c
        self.picker.lesson_chosen.connect(self.open_lesson)
        c.lessons_loaded.connect(self._on_controller_lessons_loaded)
        c.preset_changed.connect(self._on_controller_preset_changed)
        c.status.connect(self._on_controller_status)
        c.edit_refused.connect(self._on_controller_status)
        c.file_changed.connect(self._on_controller_file_changed)
        c.undo_stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        c.neuron_selected.connect(self._on_controller_neuron_selected)
        self.canvas.zoom_changed.connect(
            lambda s: self.zoom_label.setText(self.tr("zoom {p} %").format(p=round(s * 100))))

    def _connect_training(self):
        s = self.c.training
        s.message.connect(self._on_controller_status)
        s.run_reset.connect(self.plots.clear)
        s.run_reset.connect(self.grad_plot.clear)
        s.snapshot_shown.connect(self._on_training_snapshot_shown)
        s.diverged.connect(self._on_training_diverged)
        s.run_finished.connect(self._on_training_run_finished)
        s.early_stopped.connect(
            lambda snap: self.plots.add_marker(snap.samples_seen, self.tr("early stop")))

    def _on_training_snapshot_shown(self, snap):
        if snap.evals:
            self.plots.add_evals(snap.evals)
        self.grad_plot.add_history(grad_history(snap))

    def _on_training_run_finished(self, snap):
        s = self.c.training
        if not s.evals:
            return
        hyper = s.hyper()
        label = f"{hyper['optimizer']} η={hyper['lr']:g}"
        n, base = 2, label
        while label in self.comparison.runs():
            label, n = f"{base} ({n})", n + 1
        self.comparison.add_run(label, hyper, list(s.evals))

    def _on_comparer_started(self):
        self.statusBar().showMessage(self.tr("Comparing the variants from the same weights …"))

    def _on_comparer_progress(self, done: int, total: int):
        self.statusBar().showMessage(self.tr("Comparing the variants: epoch {d} of {t}").format(
            d=done, t=total))

    def _on_comparer_finished(self, runs):
        for run in runs:
            label, n = run.label, 2
            while label in self.comparison.runs():
                label, n = f"{run.label} ({n})", n + 1
            self.comparison.add_run(label, run.hyper, list(run.evals))
        self.docks["compare"].show()
        self.docks["compare"].raise_()
        self.statusBar().showMessage(self.tr("{n} runs compared").format(n=len(runs)), 8000)

    def _on_comparer_failed(self, message: str):
        self.statusBar().showMessage(self.tr("The comparison failed: {m}").format(m=message),
                                     8000)

    def _on_training_diverged(self, message: str):
        """Say why training stopped and offer the last good weights (non-modal)."""
        box = QMessageBox(QMessageBox.Warning, self.tr("Training stopped"), message,
                          QMessageBox.NoButton, self)
        box.setInformativeText(self.tr("The network shows the last good weights."))
        self.restore_button = box.addButton(
            self.tr("Back to the last good weights, learning rate ÷ 10"), QMessageBox.AcceptRole)
        self.restore_button.setToolTip(self.tr("Keep the weights from before the step that "
                                               "diverged and try a smaller learning rate"))
        box.addButton(self.tr("Reset to the initial weights"), QMessageBox.ResetRole) \
            .setToolTip(self.tr("Start this run again from its initial weights"))
        box.addButton(QMessageBox.Close)
        box.buttonClicked.connect(self._on_diverged_box_clicked)
        box.setModal(False)
        self.diverged_box = box
        box.show()

    def _on_diverged_box_clicked(self, button):
        role = self.diverged_box.buttonRole(button)
        if role == QMessageBox.AcceptRole:
            self.c.training.restore_last_good()
        elif role == QMessageBox.ResetRole:
            self.c.training.reset()

    def open_lab(self, key: str) -> QDockWidget | None:
        """Show a lab (activation gallery, optimizer race) in a floating dock."""
        if key not in self.labs:
            try:
                if key == "gallery":
                    from nnviz.ui.labs.activation_gallery import ActivationGallery as Lab

                    title = self.tr("Activation Gallery")
                else:
                    from nnviz.ui.labs.optimizer_race import OptimizerRace as Lab

                    title = self.tr("Optimizer Race")
            except ImportError as exc:
                self.statusBar().showMessage(self.tr("This lab is not available: {e}").format(
                    e=exc), 8000)
                return None
            d = QDockWidget(title, self)
            d.setObjectName(f"lab_{key}")
            d.setWidget(Lab())
            self.addDockWidget(Qt.RightDockWidgetArea, d)
            d.setFloating(True)
            d.resize(900, 600)
            self.labs[key] = d
        d = self.labs[key]
        d.show()
        d.raise_()
        return d

    def _on_controller_status(self, message: str):
        self.statusBar().showMessage(message, 8000)

    def _on_controller_file_changed(self, _path: str):
        self._update_title()

    def _on_undo_stack_clean_changed(self, _clean: bool):
        self._update_title()

    # -- start-up -------------------------------------------------------------------------
    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            if self._default_sizes:
                QTimer.singleShot(0, self._apply_default_dock_sizes)
            self.first_shown.emit()
            QTimer.singleShot(0, self.finish_startup)

    def finish_startup(self):
        """Load the lessons (and pyqtgraph) after the window is on screen."""
        if self._started:
            return
        self._started = True
        from nnviz.ui.mnist import install as install_mnist_views

        self.mnist = install_mnist_views(self, self.c)  # docks + MNIST menu, MNIST lessons only
        self.c.load_lessons()
        last = settings().value("lesson/last", DEFAULT_LESSON)
        try:
            self.open_lesson(str(last))
        except KeyError:
            self.open_lesson(DEFAULT_LESSON)
        self.inspector.ensure_plot()
        self._fill_status_tips()
        self.statusBar().showMessage(self.tr("Ready"), 4000)
        self.startup_finished.emit()

    def _on_controller_lessons_loaded(self, presets):
        self.picker.set_presets(presets)
        self.lessons_menu.clear()
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

    def open_lesson(self, preset_id: str):
        if self._started and self.unsaved_guard is not None and not self.unsaved_guard():
            if self.c.preset is not None:
                self.picker.set_current(self.c.preset.id)
            return
        self.c.set_preset(preset_id)
        s = settings()
        s.setValue("lesson/last", preset_id)

    def _on_controller_preset_changed(self, preset):
        self.picker.set_current(preset.id)
        net = self.c.network
        sizes = "-".join(str(n) for n in net.spec.sizes)
        self.net_label.setText(self.tr("network {sizes} · {n} parameters").format(
            sizes=sizes, n=count(net.params.size)))
        self.k_box.setEnabled(max(net.spec.sizes) > 16)
        if self.c.training.kind == "perceptron":
            self.docks["step"].raise_()
        self.plots.set_empty_text(None if self.c.training.trainable else self.tr(
            "This lesson computes with the weights it is given; there is nothing to train, so "
            "no curves."))
        if preset.trainer == "gallery":
            self.open_lab("gallery")
        self._update_title()
        self.statusBar().showMessage(self.tr("Lesson: {t}").format(
            t=preset.text("title", self.lang)), 6000)

    def _fill_status_tips(self):
        """Every action with a tooltip says the same in the status bar when hovered in a menu."""
        for a in self.findChildren(QAction):
            tip = a.toolTip()
            if not a.statusTip() and tip and tip != a.text().replace("&", ""):
                a.setStatusTip(tip)

    def _on_controller_neuron_selected(self, layer, index):
        d = self.docks["inspector"]
        d.show()
        d.raise_()

    # -- files ----------------------------------------------------------------------------
    def _update_title(self):
        p = self.c.preset
        title = p.text("title", self.lang) if p else ""
        f = Path(self.c.file_path).name if self.c.file_path else ""
        mod = "" if self.c.undo_stack.isClean() else " *"
        parts = [x for x in (f, title) if x]
        self.setWindowTitle(" — ".join(parts) + mod if parts else "nnviz")

    def _filters(self) -> str:
        return self.tr("nnviz models (*.npz);;Pickled weights (*.pkl *.pickle);;All files (*)")

    def open_dialog(self):
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a model"), "", self._filters())
        if path:
            self.open_file(path)

    def open_file(self, path: str) -> bool:
        """Read ``path`` off the GUI thread (a model or a session) and show it."""
        from nnviz.ui.file_reading import open_file

        if not open_file(self, path):
            return False
        self._add_recent(path)
        return True

    def save(self) -> bool:
        if not self.c.file_path:
            return self.save_as_dialog()
        return self.save_file(self.c.file_path)

    def save_as_dialog(self) -> bool:
        name = (self.c.preset.id if self.c.preset else "model") + ".npz"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the model"), name,
                                              self.tr("nnviz models (*.npz)"))
        if not path:
            return False
        if not path.endswith(".npz"):
            path += ".npz"
        return self.save_file(path)

    def save_file(self, path: str) -> bool:
        try:
            self.c.save(path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Cannot save"), str(exc))
            return False
        self._add_recent(path)
        return True

    def recent_files(self) -> list[str]:
        v = settings().value("files/recent", [])
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list | tuple):  # a damaged setting: no recent files
            return []
        # bounded on read too: a list of 100,000 made start-up take 7 s and exit 2 minutes
        return [p for p in v[:4 * MAX_RECENT] if isinstance(p, str) and p][:MAX_RECENT]

    def _add_recent(self, path: str):
        path = str(Path(path).resolve())
        files = [path] + [p for p in self.recent_files() if p != path]
        settings().setValue("files/recent", files[:MAX_RECENT])
        self._update_recent_menu()

    def _update_recent_menu(self):
        self.recent_menu.clear()
        files = self.recent_files()
        for p in files:
            a = self.recent_menu.addAction(Path(p).name)
            a.setToolTip(p)
            a.triggered.connect(lambda _=False, p=p: self.open_file(p))
        self.recent_menu.setEnabled(bool(files))

    def export_dialog(self):
        name = (self.c.preset.id if self.c.preset else "network") + ".png"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the canvas"), name,
                                              self.tr("PNG images (*.png)"))
        if path:
            self.export_png(path)

    def export_png(self, path: str, scale: float = 2.0) -> bool:
        scene = self.canvas.scene()
        rect = scene.sceneRect()
        img = QImage((rect.size() * scale).toSize(), QImage.Format_ARGB32)
        img.fill(Qt.white)
        qp = QPainter(img)
        qp.setRenderHint(QPainter.Antialiasing)
        scene.render(qp, QRectF(img.rect()), rect)
        qp.end()
        ok = img.save(path)
        self.statusBar().showMessage(
            self.tr("Exported {p}").format(p=path) if ok else self.tr("Export failed"), 6000)
        return ok

    # -- view / help ----------------------------------------------------------------------
    def choose_language(self, lang: str):
        """Store the language; offer to re-create the window in it now (``main()`` does it)."""
        if lang == self.lang:
            self.set_language(lang)
            return
        self.set_language(lang)
        if not self.can_restart:
            QMessageBox.information(self, self.tr("Language"), self.tr(
                "The language will change the next time nnviz starts."))
            return
        box = QMessageBox(QMessageBox.Question, self.tr("Language"), self.tr(
            "Show nnviz in {language} now? The window is opened again: the lesson stays, "
            "the weights go back to the lesson's start.").format(language=LANGUAGES[lang]),
            QMessageBox.NoButton, self)
        now = box.addButton(self.tr("Restart now"), QMessageBox.AcceptRole)
        now.setToolTip(self.tr("Close this window and open it again in the new language"))
        later = box.addButton(self.tr("Later"), QMessageBox.RejectRole)
        later.setToolTip(self.tr("Keep working; the new language applies at the next start"))
        box.exec()
        if box.clickedButton() is now:
            self.restart_requested.emit()

    def set_language(self, lang: str):
        set_ui_language(lang)
        self.lang_actions[lang].setChecked(True)
        self.statusBar().showMessage(self.tr("Language saved: {l} (restart to apply)").format(
            l=LANGUAGES[lang]), 8000)

    def show_explanation(self):
        d = self.docks["explanation"]
        d.show()
        d.raise_()

    def about(self):
        from nnviz import __version__ as version

        QMessageBox.about(self, self.tr("About nnviz"), self.tr(
            "<h3>nnviz {v}</h3><p>Watch neural networks learn: perceptrons, XOR, backprop, "
            "optimizers and MNIST, step by step.</p><p>MIT licence.</p>").format(v=version))

    # -- persistence ----------------------------------------------------------------------
    def _restore_layout(self):
        s = settings()
        geo = s.value("window/geometry")
        if isinstance(geo, QByteArray | bytes) and geo:
            self.restoreGeometry(geo)
        state = s.value("window/state")
        if isinstance(state, QByteArray | bytes) and state:
            if self.restoreState(state, STATE_VERSION):
                self._default_sizes = False

    def save_layout(self):
        s = settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState(STATE_VERSION))
        s.sync()

    def closeEvent(self, event):  # noqa: N802
        if self.unsaved_guard is not None and not self.unsaved_guard():
            event.ignore()
            return
        self.closing.emit()
        self.save_layout()
        self.comparer.shutdown()
        self.c.shutdown()
        super().closeEvent(event)

    def sizeHint(self):  # noqa: N802
        return QSize(1366, 740)
