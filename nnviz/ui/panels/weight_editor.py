"""Weight editor: each layer's W and b as an editable, value-shaded table.

Edits, pasted TSV blocks (from a spreadsheet) and fills (init scheme, zeros, seeded random) all
go through the lesson model, so they are undoable and re-run the forward pass.  Text that is not
a finite number (``abc``, ``nan``, ``inf``), an ambiguous comma (``1,000``) and digits other than
0-9 are refused with a message next to the table
(:func:`nnviz.ui.common.number_input.read_number`, shared with the canvas's inline editor); the
previous value stays.

Signals
-------
refused(str)   an entry was refused (the message is also shown in the widget)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.nn.spec import INIT_NAMES
from nnviz.ui.common import colors
from nnviz.ui.common.formatting import NumberError, fmt, fmt_full, sub
from nnviz.ui.common.interface_scale import repolish_styled
from nnviz.ui.common.number_input import read_number
from nnviz.ui.common.spreadsheet_text import parse_tsv

if TYPE_CHECKING:
    from nnviz.ui.model.lesson_model import LessonModel


TYPICAL_CELL = "−0.000000"  # the widest usual cell (6 significant digits, a sign)
CELL_PAD_X, CELL_PAD_Y = 16, 8  # px around a cell's text
FIT_ROWS = 64  # rows read to size a column to its contents


LOCKED_TEXT = QColor("#37474f")  # the numbers' colour (grey on a shade was unreadable)


def _soft(rgb) -> QColor:
    """The signed colour, lightened so that black text stays readable on it."""
    r, g, b = (int(c) for c in rgb)
    return QColor((r * 2 + 255) // 3, (g * 2 + 255) // 3, (b * 2 + 255) // 3)


class LayerModel(QAbstractTableModel):
    """W (rows = inputs of the layer, columns = its neurons) with b as the last row."""

    refused = Signal(str)

    def __init__(self, lesson: LessonModel, layer: int, parent=None):
        super().__init__(parent)
        self.lesson, self.layer = lesson, layer

    @property
    def W(self):
        return self.lesson.network.W[self.layer]

    @property
    def b(self):
        return self.lesson.network.b[self.layer]

    def rowCount(self, parent=QModelIndex()):  # noqa: N802, B008
        if parent.isValid():
            return 0
        return self.W.shape[0] + (1 if self.b is not None else 0)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802, B008
        return 0 if parent.isValid() else self.W.shape[1]

    def value(self, row: int, col: int) -> float:
        return float(self.b[col] if row == self.W.shape[0] else self.W[row, col])

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        v = self.value(index.row(), index.column())
        if role in (Qt.DisplayRole, Qt.EditRole):
            # the cell shows 6 significant digits; the editor and tooltip the full value
            return fmt(v, 6) if role == Qt.DisplayRole else fmt_full(v).replace("−", "-")
        if role == Qt.BackgroundRole:
            return QBrush(_soft(colors.signed_rgb(v)))
        if role == Qt.ForegroundRole:  # dark on the shade, also when a guide step locks it
            return QBrush(LOCKED_TEXT)
        if role == Qt.ToolTipRole:
            return f"{self._name(index.row(), index.column())} = {fmt_full(v)}"
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def _name(self, row, col):
        if row == self.W.shape[0]:
            return f"b{self.layer + 1}[{col + 1}]"
        return f"W{self.layer + 1}[{row + 1},{col + 1}]"

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role != Qt.DisplayRole:
            return None
        if orientation == Qt.Horizontal:
            return f"→ n{sub(section + 1)}"
        if section == self.W.shape[0]:
            return self.tr("bias b")
        prev = "x" if self.layer == 0 else "z"
        return f"{prev}{sub(section + 1)}"

    def flags(self, index):
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsEditable

    def setData(self, index, value, role=Qt.EditRole):  # noqa: N802
        if role != Qt.EditRole or not index.isValid():
            return False
        row, col = index.row(), index.column()
        v, why = read_number(value)
        if v is None:
            self.refused.emit(self.tr("{why} {name} stays {old}.").format(
                why=why, name=self._name(row, col), old=fmt_full(self.value(row, col))))
            return False
        if row == self.W.shape[0]:
            return self.lesson.edit_bias(self.layer, col, v)
        return self.lesson.edit_weight(self.layer, row, col, v)

    def refresh(self):
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))


class WeightTable(QTableView):
    """A table view that pastes spreadsheet blocks (Ctrl+V) and copies selections (Ctrl+C)."""

    pasted = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        # a guide step that locks the table greyed its selected cells' numbers on the dark
        # highlight: the locked selection is light, its numbers dark
        pal = self.palette()
        pal.setColor(QPalette.Disabled, QPalette.Highlight, QColor("#cfd8dc"))
        pal.setColor(QPalette.Disabled, QPalette.HighlightedText, LOCKED_TEXT)
        self.setPalette(pal)

    def keyPressEvent(self, event):  # noqa: N802
        if event.matches(QKeySequence.Paste):
            self.pasted.emit(QGuiApplication.clipboard().text())
            return
        if event.matches(QKeySequence.Copy):
            self.copy_selection()
            return
        super().keyPressEvent(event)

    def copy_selection(self):
        idx = self.selectedIndexes()
        if not idx:
            return
        rows = sorted({i.row() for i in idx})
        cols = sorted({i.column() for i in idx})
        m = self.model()
        text = "\n".join("\t".join(m.data(m.index(r, c), Qt.EditRole) for c in cols)
                         for r in rows)
        QGuiApplication.clipboard().setText(text)


class WeightEditor(QWidget):
    refused = Signal(str)

    def __init__(self, lesson: LessonModel, parent=None):
        super().__init__(parent)
        self.lesson = lesson
        self.models: list[LayerModel] = []
        self.layer_box = QComboBox()
        self.layer_box.setToolTip(self.tr("Which layer's weight matrix W and bias b to edit"))
        self.table = WeightTable()
        self.table.setToolTip(self.tr(
            "Rows: inputs of the layer (last row: bias). Columns: its neurons.\n"
            "Double-click or type to edit; Ctrl+V pastes a block copied from a spreadsheet."))
        self.table.setSelectionMode(QAbstractItemView.ContiguousSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        # a short dock shows part of a row while scrolling, not a jump past it
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)
        self._refit = QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(self.fit_cells)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        self.message.setVisible(False)
        self.message.setToolTip(self.tr("Why the last entry was refused"))
        self.fill_button = QToolButton()
        self.fill_button.setText(self.tr("Fill"))
        self.fill_button.setToolTip(self.tr("Fill this layer's weights with an initialisation "
                                            "scheme (seeded)"))
        self.fill_button.setPopupMode(QToolButton.InstantPopup)
        menu = QMenu(self.fill_button)
        menu.setToolTipsVisible(True)
        tips = {"uniform": self.tr("Uniform in [−1, 1] (the perceptron handout)"),
                "normal": self.tr("Standard normal N(0, 1)"),
                "small": self.tr("Small normal N(0, 0.05²) (Keras' default in the AND example)"),
                "xavier": self.tr("Xavier/Glorot: uniform in ±√(6 / (n_in + n_out))"),
                "he": self.tr("He: normal N(0, 2 / n_in)"),
                "course": self.tr("randn / √(n_in / 2), as in the MNIST handout's code")}
        for scheme in INIT_NAMES:
            if scheme == "zeros":
                continue
            act = menu.addAction(scheme)
            tip = tips.get(scheme, scheme)
            act.setToolTip(tip)
            act.setStatusTip(tip)
            act.triggered.connect(lambda _=False, s=scheme: self.fill(s))
        self.fill_button.setMenu(menu)
        self.zero_button = QPushButton(self.tr("Zero"))
        self.zero_button.setToolTip(self.tr("Set every weight and bias of this layer to 0"))
        self.zero_button.clicked.connect(lambda: self.fill("zeros"))
        self.random_button = QPushButton(self.tr("Randomise"))
        self.random_button.setToolTip(self.tr("Uniform random weights in [−1, 1] with the seed"))
        self.random_button.clicked.connect(lambda: self.fill("uniform"))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setPrefix(self.tr("seed "))
        self.seed.setToolTip(self.tr("Seed of Fill and Randomise: the same seed gives the same "
                                     "numbers"))
        self.paste_button = QPushButton(self.tr("Paste"))
        self.paste_button.setToolTip(self.tr("Paste a tab-separated block at the selected cell "
                                             "(Ctrl+V)"))
        self.paste_button.clicked.connect(
            lambda: self.paste_text(QGuiApplication.clipboard().text()))
        top = QHBoxLayout()
        top.addWidget(self.layer_box, 1)
        for w in (self.fill_button, self.seed, self.random_button, self.zero_button,
                  self.paste_button):
            top.addWidget(w)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.message)
        self.layer_box.currentIndexChanged.connect(self._on_layer_box_changed)
        self.table.pasted.connect(self.paste_text)
        lesson.network_changed.connect(self._on_lesson_network_changed)
        lesson.weights_changed.connect(self._on_lesson_weights_changed)
        lesson.edit_refused.connect(self.show_message)

    @property
    def layer(self) -> int:
        return max(0, self.layer_box.currentIndex())

    @property
    def model(self) -> LayerModel | None:
        return self.models[self.layer] if self.models else None

    def _on_lesson_network_changed(self):
        net = self.lesson.network
        self.models = []
        for l_ in range(net.n_layers):
            m = LayerModel(self.lesson, l_, self)
            m.refused.connect(self.show_message)
            self.models.append(m)
        self.layer_box.blockSignals(True)
        self.layer_box.clear()
        for l_ in range(net.n_layers):
            W = net.W[l_]
            name = f"W{l_ + 1}"
            if net.b[l_] is not None:
                name += f", b{l_ + 1}"
            self.layer_box.addItem(self.tr("Layer {l}: {name}  ({r} × {c})").format(
                l=l_ + 1, name=name, r=W.shape[0], c=W.shape[1]))
        self.layer_box.blockSignals(False)
        self.layer_box.setCurrentIndex(0)
        self._on_layer_box_changed(0)

    def _on_layer_box_changed(self, i):
        if 0 <= i < len(self.models):
            self.table.setModel(self.models[i])
            self.fit_cells()
        self.message.setVisible(False)

    # -- sizes ----------------------------------------------------------------------------
    def fit_cells(self) -> None:
        """Rows and columns as large as their text at the current font (the interface scale),
        and a minimum height showing the header and one whole row."""
        table, fm = self.table, self.table.fontMetrics()
        table.verticalHeader().setDefaultSectionSize(fm.height() + CELL_PAD_Y)
        header = table.horizontalHeader()
        header.setDefaultSectionSize(fm.horizontalAdvance(TYPICAL_CELL) + CELL_PAD_X)
        m = table.model()
        if m is not None:
            # the cells' own text: read only the first rows of a large layer (784 × 100)
            header.setResizeContentsPrecision(FIT_ROWS)
            table.resizeColumnsToContents()
            for c in range(m.columnCount()):
                header.resizeSection(c, max(header.sectionSize(c), header.defaultSectionSize()))
        self._fit_minimum_height()

    def _fit_minimum_height(self) -> None:
        table = self.table
        need = (table.horizontalHeader().sizeHint().height()
                + table.verticalHeader().defaultSectionSize()
                + table.horizontalScrollBar().sizeHint().height() + 2 * table.frameWidth())
        table.setMinimumHeight(need)
        viewport = self.parentWidget()
        area = viewport.parentWidget() if viewport is not None else None
        if isinstance(area, QScrollArea) and area.widget() is self:
            # the dock's scroll area: never shorter than the bar, the header and one row
            self.layout().activate()  # (and its scroll bar, should the buttons be too wide)
            area.setMinimumHeight(self.minimumSizeHint().height()
                                  + area.horizontalScrollBar().sizeHint().height())

    def changeEvent(self, event):  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:  # View → Text size, presentation mode
            repolish_styled([self.message])  # a styled label keeps its old font otherwise
            self._refit.start()  # once every child has its new font

    def showEvent(self, event):  # noqa: N802 (Qt override)
        super().showEvent(event)
        self._fit_minimum_height()  # now in its dock's scroll area

    def _on_lesson_weights_changed(self):
        if self.model is not None:
            self.model.refresh()

    def show_message(self, text: str):
        self.message.setText(text)
        self.message.setVisible(True)
        self.refused.emit(text)

    def select_layer(self, layer: int):
        self.layer_box.setCurrentIndex(layer)

    def edit_cell(self, row: int, col: int, text: str) -> bool:
        """Type ``text`` into a cell (what the delegate does; used by tests and the inspector)."""
        ok = self.model.setData(self.model.index(row, col), text, Qt.EditRole)
        if ok:
            self.message.setVisible(False)
        return ok

    def paste_text(self, text: str, row: int | None = None, col: int | None = None) -> bool:
        """Paste a TSV block with its top-left at (row, col) (default: the current cell)."""
        if row is None or col is None:
            cur = self.table.currentIndex()
            row, col = (cur.row(), cur.column()) if cur.isValid() else (0, 0)
        try:
            block = parse_tsv(text)
        except NumberError as exc:
            self.show_message(self.tr("Paste refused, not a finite number at {where}; "
                                      "nothing was changed.").format(where=str(exc)))
            return False
        n_w = self.lesson.network.W[self.layer].shape[0]
        ok = True
        stack = self.lesson.undo_stack
        stack.beginMacro(self.tr("Paste a {r} × {c} block").format(r=block.shape[0],
                                                                    c=block.shape[1]))
        w_rows = block[: max(0, n_w - row)]
        if len(w_rows):
            ok = self.lesson.edit_block(self.layer, "W", row, col, w_rows)
        b_row = n_w - row
        if 0 <= b_row < len(block) and self.lesson.network.b[self.layer] is not None:
            ok = self.lesson.edit_block(self.layer, "b", 0, col, block[b_row:b_row + 1]) and ok
        stack.endMacro()
        if ok:
            self.message.setVisible(False)
        return ok

    def fill(self, scheme: str):
        self.lesson.fill_layer(self.layer, scheme, self.seed.value())
        self.message.setVisible(False)


if __name__ == "__main__":
    import sys

    from nnviz.ui.preview import preview

    sys.exit(preview(WeightEditor))
