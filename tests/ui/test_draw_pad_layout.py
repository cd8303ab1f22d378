"""The draw pad does not move under the pen when the prediction appears."""

import mnist_support
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QScrollArea

mnist_controller = mnist_support.mnist_controller
mnist_folder = mnist_support.mnist_folder


def _geometry(pad, area):
    QApplication.processEvents()
    return (pad.canvas.mapTo(area, QPoint(0, 0)), pad.canvas.size(), pad.minimumSizeHint(),
            pad.preview.mapTo(area, QPoint(0, 0)))


def test_pad_geometry_unchanged_after_a_prediction(qtbot, mnist_controller):
    from nnviz.ui.mnist.draw_pad import DrawPad

    pad = DrawPad(mnist_controller)
    area = QScrollArea()  # as in a dock: the pad's size follows its contents
    area.setWidgetResizable(True)
    area.setWidget(pad)
    area.resize(620, 360)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    before = _geometry(pad, area)
    assert pad.prediction is None and pad.note.isHidden() is False
    with qtbot.waitSignal(mnist_controller.forward_updated):
        pad.add_stroke([(60, 50), (220, 50)])
        pad.add_stroke([(220, 50), (120, 250)])
    assert pad.prediction in range(10)
    assert _geometry(pad, area) == before
    pad.clear()
    assert pad.prediction is None and _geometry(pad, area) == before


def test_image_index_says_when_the_input_is_the_drawing(qtbot, model, mnist_folder):
    from nnviz.ui.mnist.draw_pad import DrawPad
    from nnviz.ui.panels.inputs_panel import InputsPanel

    panel = InputsPanel(model)  # made first: it follows the lesson being opened
    c = mnist_support.load_lesson(model, qtbot)
    pad = DrawPad(c)
    for w in (panel, pad):
        qtbot.addWidget(w)
    c.select_sample(3)
    assert panel.image_index.value() == 3 and panel.image_index.text().endswith("3")
    with qtbot.waitSignal(c.forward_updated):
        pad.add_stroke([(60, 50), (220, 50)])
    assert c.sample_index == -1
    assert panel.image_index.value() == -1  # not a stale "test image #3" beside the drawing
    assert panel.image_index.text() == panel.image_index.specialValueText() != ""
    assert c.sample_index == -1  # showing it did not feed test image -1 or 0
    c.select_sample(5)
    assert panel.image_index.value() == 5
