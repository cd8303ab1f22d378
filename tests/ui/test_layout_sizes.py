"""Every lesson's areas get the sizes its layout names at 1366×768: no dock's minimum height
pushes the bottom area up and the canvas down (the chain-rule tracer did, to 218 px)."""

from nnviz.ui.shell.lesson_layout import load_layout


def test_no_bottom_area_is_taller_than_its_layout_at_1366x768(window, qtbot):
    window.resize(1366, 740)
    too_tall = {}
    for preset in window.model.presets:
        window.open_lesson(preset.id)
        qtbot.wait(20)
        bottom = load_layout(preset.id).areas.get("bottom")
        if bottom is None or bottom.size is None:
            continue
        # the front tab of each group (the docks behind keep a stale size)
        shown = [d for d in window.docks.values() if not d.visibleRegion().isEmpty()
                 and window.dockWidgetArea(d).name == "BottomDockWidgetArea"]
        height = max((d.height() for d in shown), default=0)
        if height > bottom.size + 4:
            too_tall[preset.id] = (height, bottom.size)
    assert not too_tall


def test_the_activation_gallery_gets_room_for_its_plots_at_1366x768(window, qtbot):
    """Three columns (functions, h and h′, softmax and maxout) in ~560 px overlapped their
    legends and labels; the lesson's figure is the gallery, its canvas a 1-1 network."""
    window.resize(1366, 740)
    window.open_lesson("activations")
    qtbot.wait(20)
    gallery = window.docks["lab_gallery"]
    assert gallery.isVisible() and gallery.width() >= 700
    assert window.canvas.width() >= 300


def test_every_lessons_output_panel_is_whole_at_1366x768(window, qtbot):
    """The Output dock (prediction, its table, the softmax bars, the input plane) is not cut:
    no scroll bar in the default layout of any lesson (keras-and-softmax cut its plane, MNIST
    its probabilities)."""
    from PySide6.QtWidgets import QScrollArea

    window.resize(1366, 740)
    cut = []
    for preset in window.model.presets:
        window.open_lesson(preset.id)
        qtbot.wait(20)
        dock = window.docks["outputs"]
        if dock.visibleRegion().isEmpty():
            continue
        for area in dock.findChildren(QScrollArea):
            if area.verticalScrollBar().isVisible() and not area.visibleRegion().isEmpty():
                cut.append(preset.id)
    assert not cut


def test_large_text_on_a_768_px_screen_moves_the_bottom_docks_beside_the_canvas(window, qtbot):
    """At 150 % text on 1366×768 the bottom area left the canvas ~190 px: its docks join the
    right column's tabs; back at 100 % they return under the canvas."""
    from PySide6.QtCore import Qt

    from nnviz.ui.common.interface_scale import interface_scale

    window.resize(1366, 740)
    window.open_lesson("xor-backprop-2")
    qtbot.wait(20)
    weights = window.docks["weights"]
    assert window.dockWidgetArea(weights) == Qt.BottomDockWidgetArea
    low = window.canvas.height()
    try:
        interface_scale().set(1.5, store=False)
        qtbot.wait(20)
        assert window.dockWidgetArea(weights) == Qt.RightDockWidgetArea
        assert not weights.isHidden()  # a tab, not lost
        assert not any(window.dockWidgetArea(d) == Qt.BottomDockWidgetArea
                       for d in window.docks.values() if not d.isHidden())
        assert window.canvas.height() > low
    finally:
        interface_scale().set(1.0, store=False)
    qtbot.wait(20)
    assert window.dockWidgetArea(weights) == Qt.BottomDockWidgetArea


def test_the_input_panel_does_not_scroll_for_a_hidden_page(window, qtbot):
    """The truth table's dock scrolled because the (hidden) MNIST image page counted in its
    minimum height."""
    from PySide6.QtWidgets import QScrollArea

    window.resize(1366, 740)
    scrolled = []
    for lesson in ("perceptron-and", "xor-gates", "softmax-overflow", "optimizers"):
        window.open_lesson(lesson)
        qtbot.wait(20)
        area = window.docks["inputs"].findChild(QScrollArea)
        if area.verticalScrollBar().isVisible():
            scrolled.append(lesson)
    assert not scrolled


def test_the_mnist_input_image_and_its_label_are_whole(window, qtbot):
    """mnist-course's Input dock cut 'label: 7' under the image at 1366×768."""
    from PySide6.QtWidgets import QScrollArea

    window.resize(1366, 740)
    window.open_lesson("mnist-course")
    m = window.model
    qtbot.waitUntil(lambda: m.samples is not None or (m.data_error and not m.loading),
                    timeout=60000)
    if window.model.samples is None:
        import pytest

        pytest.skip("MNIST is not installed here")
    qtbot.wait(50)
    area = window.docks["inputs"].findChild(QScrollArea)
    assert not area.verticalScrollBar().isVisible()


def test_the_hand_weight_lessons_show_their_whole_weights_table(window, qtbot):
    """XOR by hand's weights table hid its bias row behind a scroll bar (the tab bar took 26 px
    of the bottom area)."""
    from PySide6.QtWidgets import QTableView

    window.resize(1366, 740)
    for lesson in ("xor-gates", "xor-relu", "forward-walkthrough"):
        window.open_lesson(lesson)
        qtbot.wait(30)
        dock = window.docks["weights"]
        assert not dock.visibleRegion().isEmpty(), lesson  # in front
        table = dock.findChild(QTableView)
        assert not table.verticalScrollBar().isVisible(), lesson
