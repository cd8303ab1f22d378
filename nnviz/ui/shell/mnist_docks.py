"""The MNIST views' docks and menu: data dialog, sample browser, draw pad, confusion matrix,
weight images.

The main window needs one line::

    from nnviz.ui.shell.mnist_docks import install; self.mnist = install(self, self.model)

:func:`install` adds the views as docks (where the lesson's layout puts them, see
:mod:`nnviz.ui.shell.lesson_layout`; hidden outside MNIST lessons) and
an "MNIST" menu (data, import/save/load model, evaluate, the docks' toggles).  It is idempotent:
a second call returns the first call's :class:`MnistViews`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea

from nnviz.ui.common.settings import remembered_folder
from nnviz.ui.model.lesson_model import LessonModel
from nnviz.ui.model.mnist_input import is_mnist_lesson

__all__ = ["MnistViews", "install"]

_ATTR = "_nnviz_mnist_views"
translate = QCoreApplication.translate  # the name lupdate recognises


@dataclass
class MnistViews:
    """Everything :func:`install` created (kept referenced by the window)."""

    window: QMainWindow
    lesson: LessonModel
    evaluator: object
    samples: object
    draw: object
    confusion: object
    weights: object
    actions: object
    menu: object
    docks: dict = field(default_factory=dict)
    act_data: QAction | None = None
    act_evaluate: QAction | None = None
    dialog: object = None
    _filter: object = None
    _was_mnist: bool = False
    _tried_folder: bool = False

    # -- data ---------------------------------------------------------------------------
    def open_data_dialog(self):
        from nnviz.ui.mnist.data_dialog import DataDialog

        if self.dialog is None:
            self.dialog = DataDialog(self.window)
            self.dialog.folder_chosen.connect(self._on_dialog_folder_chosen)
        self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def _on_dialog_folder_chosen(self, kind, folder):
        p = self.lesson.preset
        if p is not None and p.data.get("kind") == kind:
            self.lesson.load_data_from(folder)

    # -- lesson changes -----------------------------------------------------------------
    def update_enabled(self):
        mnist = is_mnist_lesson(self.lesson)
        for a in (self.actions.act_import, self.actions.act_save, self.act_evaluate):
            a.setEnabled(mnist)
        if mnist != self._was_mnist:
            # a window with lesson layouts shows the docks its layout names (layout_keeper)
            if getattr(self.window, "layouts", None) is None:
                for d in self.docks.values():
                    d.setVisible(mnist)
                if mnist:
                    self.docks["samples"].raise_()
            self._was_mnist = mnist
        for w in (self.samples, self.draw, self.confusion, self.weights):
            w.setEnabled(mnist)
        c = self.lesson
        if mnist and c.data_error and not c.loading and not self._tried_folder:
            # the lesson's data was not found where the lesson looks: try the folder
            # the user chose in the data dialog before
            folder = remembered_folder(c.preset.data.get("kind", "mnist"))
            if folder:
                self._tried_folder = True
                c.load_data_from(folder)

    def shutdown(self):
        """Join background threads (window closing)."""
        self.evaluator.shutdown()
        if self.dialog is not None:
            self.dialog.shutdown()


class _CloseWatcher(QObject):
    """Joins the views' threads when the window closes."""

    def __init__(self, views: MnistViews):
        super().__init__(views.window)
        self.views = views

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.Close:
            self.views.shutdown()
        return False


def install(window: QMainWindow, lesson: LessonModel, limit: int | None = None) -> MnistViews:
    """Add the MNIST docks and menu to ``window``, wired to ``lesson``.

    Parameters
    ----------
    window : QMainWindow
        The main window (its ``docks`` dict, if any, also receives the new docks so layout
        saving sees them).
    lesson : LessonModel
        The app's lesson model.
    limit : int, optional
        Evaluate only the first ``limit`` test images (tests); all 10,000 by default.

    Returns
    -------
    MnistViews
    """
    existing = getattr(window, _ATTR, None)
    if existing is not None:
        return existing
    from nnviz.ui.mnist.confusion_view import ConfusionView
    from nnviz.ui.mnist.draw_pad import DrawPad
    from nnviz.ui.mnist.model_actions import ModelActions
    from nnviz.ui.mnist.sample_browser import SampleBrowser
    from nnviz.ui.mnist.weight_images import WeightImages
    from nnviz.ui.model.mnist_evaluator import Evaluator

    ev = Evaluator(lesson, window, limit=limit)
    samples = SampleBrowser(lesson, ev)
    draw = DrawPad(lesson)
    confusion = ConfusionView(lesson, ev)
    weights = WeightImages(lesson)
    actions = ModelActions(lesson, ev, window)

    docks = {}
    specs = (("samples", translate("MnistViews", "Test images"), samples),
             ("draw", translate("MnistViews", "Draw a digit"), draw),
             ("confusion", translate("MnistViews", "Confusion matrix"), confusion),
             ("weight_images", translate("MnistViews", "Weight images"), weights))
    previous = None
    for key, title, widget in specs:
        d = QDockWidget(title, window)
        d.setObjectName(f"dock_mnist_{key}")
        scroll = QScrollArea()  # scrolls rather than forcing the window past 768 px
        scroll.setWidget(widget)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        d.setWidget(scroll)
        d.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable
                      | QDockWidget.DockWidgetClosable)
        d.toggleViewAction().setToolTip(
            translate("MnistViews", "Show or hide the {t} view").format(t=title))
        window.addDockWidget(Qt.RightDockWidgetArea, d)
        plots = getattr(window, "docks", {}).get("plots")
        if previous is None and plots is not None:
            window.tabifyDockWidget(plots, d)  # tabs beside the curves, not a third row
        if previous is not None:
            window.tabifyDockWidget(previous, d)
        previous = d
        docks[key] = d
        d.hide()
    if isinstance(getattr(window, "docks", None), dict):
        window.docks.update({f"mnist_{k}": d for k, d in docks.items()})

    menu = window.menuBar().addMenu(translate("MnistViews", "&MNIST"))
    menu.setToolTipsVisible(True)
    act_data = QAction(translate("MnistViews", "&Data…"), window)
    act_data.setToolTip(translate("MnistViews",
                                  "Where MNIST was found; download it or choose a folder"))
    act_evaluate = QAction(translate("MnistViews", "&Evaluate test images"), window)
    act_evaluate.setToolTip(translate("MnistViews", "Classify the 10,000 test images in "
                                      "batches of 100 and show the accuracy"))
    menu.addAction(act_data)
    menu.addSeparator()
    for a in actions.actions():
        menu.addAction(a)
    menu.addAction(act_evaluate)
    menu.addSeparator()
    for d in docks.values():
        menu.addAction(d.toggleViewAction())

    views = MnistViews(window, lesson, ev, samples, draw, confusion, weights, actions, menu,
                       docks, act_data, act_evaluate)
    act_data.triggered.connect(views.open_data_dialog)
    act_evaluate.triggered.connect(ev.evaluate)
    act_evaluate.triggered.connect(lambda: docks["confusion"].raise_())
    confusion.cell_clicked.connect(samples.show_cell)
    confusion.cell_clicked.connect(lambda *_: docks["samples"].raise_())
    actions.import_evaluated.connect(lambda *_: docks["confusion"].raise_())
    for sig in (lesson.preset_changed, lesson.network_changed, lesson.data_changed):
        sig.connect(views.update_enabled)
    lesson.preset_changed.connect(lambda *_: setattr(views, "_tried_folder", False))
    views._filter = _CloseWatcher(views)
    window.installEventFilter(views._filter)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(views.shutdown)
    setattr(window, _ATTR, views)
    views.update_enabled()
    return views
