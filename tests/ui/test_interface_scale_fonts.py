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
