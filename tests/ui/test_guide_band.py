"""The guide band shows the whole step (its text was cut mid-line at a fixed 96 px) up to a
limit, and the step's title moves under the strip and buttons when they leave it no room
(at large text it wrapped one word a line)."""

from nnviz.ui.common.interface_scale import interface_scale
from nnviz.ui.shell.guide_docks import GUIDE_MAX_FRACTION


def _band(window):
    return window.docks["guide"]


def test_the_band_grows_to_show_the_whole_step_at_1366x768(window, qtbot):
    window.resize(1366, 740)
    window.open_lesson("xor-backprop-2")  # its first step has five lines of text
    area = _band(window).widget()
    panel = window.guides.guide_panel
    # the band fits itself after the step is shown (a zero-time timer): nothing scrolled away
    qtbot.waitUntil(lambda: abs(area.height() - window.guides.band_height()) <= 2
                    and area.viewport().height()
                    >= panel.height_for(area.viewport().width()) - 2, timeout=3000)
    assert not area.verticalScrollBar().isVisible(), (
        area.viewport().size(), panel.size(), panel.minimumSizeHint(), panel.minimumSize(),
        panel.height_for(area.viewport().width()), window.guides.band_height())
    assert _band(window).widget().height() <= 740 * GUIDE_MAX_FRACTION + 2
    assert window.canvas.height() > _band(window).height()


def test_a_long_step_scrolls_beyond_the_limit(window, qtbot):
    window.resize(1366, 740)
    window.open_lesson("xor-backprop-2")
    qtbot.wait(20)
    panel = window.guides.guide_panel
    panel.text.setText(" ".join([panel.text.text()] * 8))  # an instructor's very long step
    window.guides.fit_band()
    qtbot.wait(50)
    assert _band(window).widget().height() <= 740 * GUIDE_MAX_FRACTION + 2
    assert _band(window).widget().verticalScrollBar().isVisible()


def test_the_title_moves_under_the_strip_when_they_leave_it_no_room(window, qtbot):
    window.resize(1900, 1000)
    window.open_lesson("xor-backprop-2")
    qtbot.wait(50)
    panel = window.guides.guide_panel
    assert panel.title_on_first_line()  # a wide band: one line, beside the strip
    window.resize(1366, 740)
    try:
        interface_scale().set(1.5, store=False)
        qtbot.wait(50)
        assert not panel.title_on_first_line()
        title = panel.title
        # one or two lines under the strip, not a word a line
        assert title.height() <= 2.5 * title.fontMetrics().lineSpacing()
    finally:
        interface_scale().set(1.0, store=False)


def test_a_narrow_band_puts_its_buttons_on_a_line_of_their_own(window, qtbot):
    """The activations lesson's band is ~340 px wide: 'Leave guide' was cut."""
    window.resize(1366, 740)
    window.open_lesson("activations")
    panel = window.guides.guide_panel
    qtbot.waitUntil(lambda: panel.width() < 450, timeout=3000)
    assert not panel.buttons_on_first_line()
    for button in (panel.back_btn, panel.next_btn, panel.leave_btn, panel.restart_btn):
        right = button.mapTo(panel, button.rect().topRight()).x()
        assert right <= panel.width(), button.text()
    window.open_lesson("xor-backprop-2")  # a wide band: back beside the strip
    qtbot.waitUntil(panel.buttons_on_first_line, timeout=3000)
