"""The preview harness: run one view alone on a lesson (``python -m nnviz.ui.panels.<module>``).

It sits below the views (like Orange's ``WidgetPreview``): it builds a QApplication with the
user's language, a :class:`~nnviz.ui.model.LessonModel` on a lesson, and shows the widget a
view module's ``__main__`` block makes from that model — without the main window or any other
part of :mod:`nnviz.ui.shell`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QWidget

from nnviz.ui.common.i18n import install_translators
from nnviz.ui.common.settings import APP, ORG, ui_language
from nnviz.ui.model.lesson_model import LessonModel


def preview(make_widget: Callable[[LessonModel], QWidget],
            lesson: str = "forward-walkthrough", size: tuple[int, int] = (720, 420)) -> int:
    """Show ``make_widget(model)`` on ``lesson`` (or the lesson id given as argv[1])."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    install_translators(app, ui_language())
    model = LessonModel()
    widget = make_widget(model)
    model.set_preset(sys.argv[1] if len(sys.argv) > 1 else lesson)
    widget.resize(*size)
    widget.show()
    code = app.exec()
    shutdown = getattr(getattr(widget, "evaluator", None), "shutdown", None)
    if shutdown is not None:
        shutdown()
    model.shutdown()
    return code
