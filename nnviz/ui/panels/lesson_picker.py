"""Lesson picker: a combo box of every preset, grouped as the handouts are.

Signals
-------
lesson_chosen(str)   the id of the lesson the user picked
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox

ID_ROLE = Qt.UserRole + 1


def group_names() -> dict[str, str]:
    translate = QCoreApplication.translate  # the name lupdate recognises
    return {
        "perceptron": translate("LessonPicker", "Perceptron"),
        "mlp": translate("LessonPicker", "Multi-layer perceptron"),
        "backprop": translate("LessonPicker", "Backpropagation"),
        "activations": translate("LessonPicker", "Activations, losses, optimizers"),
        "mnist": translate("LessonPicker", "MNIST"),
    }


class LessonPicker(QComboBox):
    lesson_chosen = Signal(str)

    def __init__(self, lang: str = "en", parent=None):
        super().__init__(parent)
        self.lang = lang
        self.setToolTip(self.tr("Choose a lesson (a handout example)"))
        self.setMinimumContentsLength(36)  # the longest titles, Korean ones are wider
        self.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self.activated.connect(self._on_activated)

    def set_presets(self, presets) -> None:
        self._model.clear()
        names, group = group_names(), None
        bold = QFont(self.font())
        bold.setBold(True)
        for p in presets:
            if p.group != group:
                group = p.group
                head = QStandardItem(names.get(group, group))
                head.setFlags(Qt.NoItemFlags)
                head.setFont(bold)
                self._model.appendRow(head)
            item = QStandardItem("    " + p.text("title", self.lang))
            item.setData(p.id, ID_ROLE)
            item.setToolTip(p.text("summary", self.lang))
            self._model.appendRow(item)

    def set_current(self, preset_id: str) -> None:
        for r in range(self._model.rowCount()):
            if self._model.item(r).data(ID_ROLE) == preset_id:
                self.blockSignals(True)
                self.setCurrentIndex(r)
                self.blockSignals(False)
                return

    def current_id(self) -> str:
        return self.currentData(ID_ROLE) or ""

    def lesson_ids(self) -> list[str]:
        return [self._model.item(r).data(ID_ROLE) for r in range(self._model.rowCount())
                if self._model.item(r).data(ID_ROLE)]

    def _on_activated(self, row: int) -> None:
        pid = self._model.item(row).data(ID_ROLE)
        if pid:
            self.lesson_chosen.emit(pid)


if __name__ == "__main__":
    import sys

    from nnviz.ui.preview import preview

    def _make(model):
        w = LessonPicker()
        model.lessons_loaded.connect(w.set_presets)
        model.preset_changed.connect(lambda p: w.set_current(p.id))
        w.lesson_chosen.connect(model.set_preset)
        return w

    sys.exit(preview(_make, size=(400, 40)))
