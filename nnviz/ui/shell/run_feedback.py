"""What the window says about runs: the comparison's progress, a diverged run's dialog, labs.

:class:`RunFeedback` is mixed into :class:`~nnviz.ui.shell.main_window.MainWindow`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # the window's own context


class RunFeedback(QMainWindow):
    """Status messages and dialogs for the model's run and comparer."""

    def _on_comparer_started(self):
        self.statusBar().showMessage(_tr("Comparing the variants from the same weights …"))

    def _on_comparer_progress(self, done: int, total: int):
        self.statusBar().showMessage(_tr("Comparing the variants: epoch {d} of {t}").format(
            d=done, t=total))

    def _on_comparer_finished(self, runs):
        # the model keeps the runs (RunHistory); the comparison dock shows them
        self.docks["compare"].show()
        self.docks["compare"].raise_()
        self.statusBar().showMessage(_tr("{n} runs compared").format(n=len(runs)), 8000)

    def _on_comparer_failed(self, message: str):
        self.statusBar().showMessage(_tr("The comparison failed: {m}").format(m=message),
                                     8000)

    def _on_run_diverged(self, message: str):
        """Say why training stopped and offer the last good weights (non-modal)."""
        box = QMessageBox(QMessageBox.Warning, _tr("Training stopped"), message,
                          QMessageBox.NoButton, self)
        box.setInformativeText(_tr("The network shows the last good weights."))
        self.restore_button = box.addButton(
            _tr("Back to the last good weights, learning rate ÷ 10"), QMessageBox.AcceptRole)
        self.restore_button.setToolTip(_tr("Keep the weights from before the step that "
                                               "diverged and try a smaller learning rate"))
        box.addButton(_tr("Reset to the initial weights"), QMessageBox.ResetRole) \
            .setToolTip(_tr("Start this run again from its initial weights"))
        box.addButton(QMessageBox.Close)
        box.buttonClicked.connect(self._on_diverged_box_clicked)
        box.setModal(False)
        self.diverged_box = box
        box.show()

    def _on_diverged_box_clicked(self, button):
        role = self.diverged_box.buttonRole(button)
        if role == QMessageBox.AcceptRole:
            self.model.run.restore_last_good()
        elif role == QMessageBox.ResetRole:
            self.model.run.reset()

    def open_lab(self, key: str, floating: bool = True) -> QDockWidget | None:
        """Show a lab (activation gallery, optimizer race): floating from the Labs menu, docked
        where the lesson's layout puts it (``lab_<key>`` in ``docks``) for a lesson that is one."""
        if key not in self.labs:
            try:
                if key == "gallery":
                    from nnviz.ui.labs.activation_gallery import ActivationGallery as Lab

                    title = _tr("Activation Gallery")
                else:
                    from nnviz.ui.labs.optimizer_race import OptimizerRace as Lab

                    title = _tr("Optimizer Race")
            except ImportError as exc:
                self.statusBar().showMessage(_tr("This lab is not available: {e}").format(
                    e=exc), 8000)
                return None
            d = QDockWidget(title, self)
            d.setObjectName(f"lab_{key}")
            d.setWidget(Lab())
            self.addDockWidget(Qt.RightDockWidgetArea, d)
            self.labs[key] = d
            self.docks[f"lab_{key}"] = d  # a lesson's layout may place it; others hide it
            guides = getattr(self, "guides", None)
            if guides is not None:  # "open the gallery" can be a guide step's task
                guides.watch_dock(f"lab_{key}", d)
        d = self.labs[key]
        if floating and not d.isFloating():
            d.setFloating(True)
            d.resize(900, 600)
        d.show()
        d.raise_()
        return d
