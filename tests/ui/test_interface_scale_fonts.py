"""View → Text size reaches every widget, also those with a style sheet that sets a font
property of their own (a guard: such a sheet could pin the font it was polished with)."""

from PySide6.QtWidgets import QApplication, QLabel

from nnviz.ui.common.interface_scale import interface_scale


def test_a_styled_label_follows_the_text_size(qtbot):
    scale = interface_scale()
    plain, styled = QLabel("plain"), QLabel("styled")
    styled.setStyleSheet("color:#455a64; font-weight: bold;")
    for w in (plain, styled):
        qtbot.addWidget(w)
        w.show()
    try:
        scale.set(1.0, store=False)
        scale.apply_to_application_font()
        base = QApplication.font().pointSizeF()
        scale.set(1.5, store=False)
        scale.apply_to_application_font()
        QApplication.processEvents()  # the font change reaches plain widgets by an event
        assert QApplication.font().pointSizeF() > base
        assert styled.font().pointSizeF() == plain.font().pointSizeF() \
            == QApplication.font().pointSizeF()
    finally:
        scale.set(1.0, store=False)
        scale.apply_to_application_font()


def test_the_inspectors_bold_header_follows_the_text_size(window):
    """In presentation mode the Inspector's 'Click a neuron…' stayed at 100 % (a widget with
    a style sheet of its own inside the window kept the font it was polished with)."""
    window.open_lesson("forward-walkthrough")
    header = window.inspector.header
    scale = interface_scale()
    try:
        scale.set(1.5, store=False)
        QApplication.processEvents()
        assert header.font().pointSizeF() == QApplication.font().pointSizeF()
        assert header.font().bold()
    finally:
        scale.set(1.0, store=False)
