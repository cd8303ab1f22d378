"""The lesson map: every lesson in handout order with its title in the user's language, the
"Start with lesson 1" button, cards that open their lesson by mouse and keyboard, a lesson
file chosen from it, and thumbnails drawn from each lesson's network."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from nnviz.core.lessons.presets import GROUPS, all_presets
from nnviz.ui.panels import lesson_map
from nnviz.ui.panels.lesson_map import LessonMapDialog
from nnviz.ui.panels.lesson_thumbnail import lesson_thumbnail


@pytest.fixture(scope="module")
def presets():
    return all_presets()


def _map(qtbot, presets, lang="en", current=None) -> LessonMapDialog:
    dialog = LessonMapDialog(presets, lang, current)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(20)  # the cards flowed into columns for the dialog's width (a resize event)
    dialog.grid.layout().activate()
    return dialog


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_lesson_in_handout_order_with_its_title(qtbot, presets, lang):
    dialog = _map(qtbot, presets, lang)
    order = sorted(presets, key=lambda p: (GROUPS.index(p.group), p.order))
    assert dialog.lesson_ids() == [p.id for p in order]
    assert len(dialog.lesson_ids()) == len(presets) >= 20
    for number, (card, preset) in enumerate(zip(dialog.cards(), order), start=1):
        assert card.title.text() == preset.title[lang]
        assert card.number == number
        assert preset.handout in card.head.full_text
        assert card.summary.full_text == preset.text("summary", lang)
        assert card.thumbnail.pixmap() is not None and not card.thumbnail.pixmap().isNull()


def test_start_button_opens_the_first_lesson(qtbot, presets):
    dialog = _map(qtbot, presets, "en")
    first = presets[0]
    assert first.id == "perceptron-and"
    assert dialog.start_button.text() == f"Start with lesson 1: {first.title['en']}"
    assert dialog.focusWidget() is dialog.start_button and dialog.start_button.isDefault()
    with qtbot.waitSignal(dialog.lesson_chosen, timeout=1000) as chosen:
        qtbot.mouseClick(dialog.start_button, Qt.LeftButton)
    assert chosen.args == ["perceptron-and"]
    assert not dialog.isVisible()


def test_cards_open_by_mouse_and_keyboard(qtbot, presets):
    dialog = _map(qtbot, presets, "en", current="xor-gates")
    cards = {c.preset_id: c for c in dialog.cards()}
    assert cards["xor-gates"].property("current") is True
    assert dialog.focusWidget() is cards["xor-gates"]  # opened on a lesson: its card
    assert "open now" in cards["xor-gates"].head.full_text
    assert "open now" not in cards["xor-relu"].head.full_text
    with qtbot.waitSignal(dialog.lesson_chosen, timeout=1000) as chosen:
        qtbot.mouseClick(cards["optimizers"], Qt.LeftButton)
    assert chosen.args == ["optimizers"]

    dialog = _map(qtbot, presets, "en")
    first, second = dialog.cards()[:2]
    first.setFocus()
    qtbot.keyClick(first, Qt.Key_Right)
    assert dialog.focusWidget() is second
    qtbot.keyClick(second, Qt.Key_Left)
    assert dialog.focusWidget() is first
    qtbot.keyClick(first, Qt.Key_Down)  # the next row: another card, further down
    below = dialog.focusWidget()
    assert below in dialog.cards() and below.y() > first.y()
    with qtbot.waitSignal(dialog.lesson_chosen, timeout=1000) as chosen:
        qtbot.keyClick(below, Qt.Key_Return)
    assert chosen.args == [below.preset_id]


def test_opened_on_the_last_lesson_its_card_is_focused_and_scrolled_to(qtbot, presets):
    dialog = _map(qtbot, presets, "en", current="mnist-course")
    last = dialog.cards()[-1]
    assert last.preset_id == "mnist-course" and dialog.focusWidget() is last
    qtbot.waitUntil(lambda: dialog.scroll.verticalScrollBar().value() > 0)
    qtbot.waitUntil(lambda: not last.visibleRegion().isEmpty())


def test_open_a_lesson_file_emits_its_path(qtbot, presets, monkeypatch, tmp_path):
    path = str(tmp_path / "shared-lesson.npz")
    asked = []

    def fake_dialog(parent, caption, folder, filters):
        asked.append(filters)
        return path, filters

    monkeypatch.setattr(lesson_map.QFileDialog, "getOpenFileName", fake_dialog)
    dialog = LessonMapDialog(presets, "en", file_filter="Lessons (*.npz)")
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.file_chosen, timeout=1000) as chosen:
        qtbot.mouseClick(dialog.open_file_button, Qt.LeftButton)
    assert chosen.args == [path] and asked == ["Lessons (*.npz)"]
    assert not dialog.isVisible()
    # cancelled: nothing emitted, the map stays
    monkeypatch.setattr(lesson_map.QFileDialog, "getOpenFileName", lambda *a: ("", ""))
    dialog = _map(qtbot, presets)
    with qtbot.assertNotEmitted(dialog.file_chosen):
        qtbot.mouseClick(dialog.open_file_button, Qt.LeftButton)
    assert dialog.isVisible()


def _colours(pixmap) -> set[tuple[int, int, int]]:
    image = pixmap.toImage()
    return {QColor(image.pixel(x, y)).getRgb()[:3]
            for x in range(0, image.width(), 1) for y in range(0, image.height(), 1)}


def test_thumbnails_draw_the_lessons_network(qapp, presets):
    by_id = {p.id: p for p in presets}
    xor = _colours(lesson_thumbnail(by_id["xor-gates"], 120, 80))
    # hand-set weights W1 = [[−2, 2], [−2, 2]]: orange (negative) and blue (positive) edges
    assert any(r > 200 and 120 < g < 170 and b < 80 for r, g, b in xor), "no orange edge"
    assert any(r < 40 and 100 < g < 140 and b > 170 for r, g, b in xor), "no blue edge"
    images = {pid: lesson_thumbnail(by_id[pid], 120, 80).toImage()
              for pid in ("perceptron-and", "xor-backprop-3", "mnist-course", "activations")}
    assert len({img.bits().tobytes() for img in images.values()}) == 4  # four different pictures
    assert len(_colours(lesson_thumbnail(by_id["perceptron-and"], 120, 80))) > 10  # not blank


def test_show_lesson_map_opens_lessons_and_files_of_the_window(window, qtbot, monkeypatch):
    opened_files = []
    monkeypatch.setattr(window, "open_file", lambda path: opened_files.append(path) or True)
    dialog = lesson_map.show_lesson_map(window)
    assert dialog.isVisible() and dialog.parent() is window
    assert lesson_map.show_lesson_map(window) is dialog  # raised, not a second one
    current = window.model.preset.id
    assert next(c for c in dialog.cards() if c.preset_id == current).property("current")
    with qtbot.waitSignal(window.model.preset_changed, timeout=5000):
        qtbot.mouseClick(next(c for c in dialog.cards() if c.preset_id == "xor-relu"),
                         Qt.LeftButton)
    assert window.model.preset.id == "xor-relu"
    dialog = lesson_map.show_lesson_map(window)
    dialog.file_chosen.emit("/tmp/some-lesson.npz")
    assert opened_files == ["/tmp/some-lesson.npz"]


def test_lessons_menu_opens_the_map_with_ctrl_l(window, qtbot):
    """Lessons → Lesson Map… (Ctrl+L) stays first in the menu after the lessons load."""
    action = window.act_lesson_map
    assert action.shortcut().toString() == "Ctrl+L"
    assert window.lessons_menu.actions()[0] is action
    window.model.load_lessons()  # the menu is rebuilt: the item must survive
    assert window.lessons_menu.actions()[0] is action
    action.trigger()
    dialogs = [w for w in window.findChildren(LessonMapDialog) if w.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].close()
