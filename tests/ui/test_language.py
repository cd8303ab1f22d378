"""Korean and English: the window follows the language setting (system locale by default),
View → Language switches it (the window is re-created, as main() does), Qt's own strings and
the fonts follow, and a checkout without .qm files compiles them into the cache."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QDialogButtonBox

from nnviz.ui.common import i18n
from nnviz.ui.common import settings as app_settings

HANGUL = re.compile("[\uac00-\ud7a3]")


@pytest.fixture
def language(qapp):
    """Switch the app's translators like main() does; English again afterwards."""
    saved_locale = QLocale()

    def use(lang: str):
        app_settings.set_ui_language(lang)
        return i18n.install_translators(qapp, app_settings.ui_language())

    yield use
    i18n.install_translators(qapp, "en")
    QLocale.setDefault(saved_locale)


def _window(qtbot):
    from nnviz.ui.shell.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.finish_startup()
    return w


def _menu_titles(w) -> list[str]:
    return [a.text() for a in w.menuBar().actions()]


def test_system_locale_decides_by_default(monkeypatch):
    class KoreanLocale(QLocale):
        @staticmethod
        def system():
            return QLocale(QLocale.Korean, QLocale.SouthKorea)

    monkeypatch.setattr(app_settings, "QLocale", KoreanLocale)
    assert app_settings.ui_language() == "ko"
    app_settings.set_ui_language("en")  # a saved choice wins over the locale
    assert app_settings.ui_language() == "en"


def test_korean_window_then_english(qtbot, language):
    loaded = language("ko")
    assert "nnviz_ko" in loaded
    w = _window(qtbot)
    try:
        p = w.model.preset
        assert HANGUL.search(w.windowTitle()) and w.windowTitle().startswith(p.title["ko"])
        menus = _menu_titles(w)
        for word in ("파일", "편집", "보기", "수업", "도움말"):
            assert any(m.startswith(word) for m in menus), (word, menus)
        names = [w.picker.itemText(i).strip() for i in range(w.picker.count())]
        assert p.title["ko"] in names and "퍼셉트론" in names
        lesson_menus = [a.text() for a in w.lessons_menu.actions()]
        assert "퍼셉트론" in lesson_menus and "오차 역전파" in lesson_menus
        assert w.run_controls.act_play.text() == "재생"
        assert w.docks["weights"].windowTitle() == "가중치"
        assert HANGUL.search(w.explanation.browser.toPlainText())
        text = w.explanation.browser.toPlainText()  # the lesson's own Korean explanation
        assert "볼 것" in text and "A1 = x·W1 + b1" in text
        # Qt's own strings (message box and dialog buttons) are Korean too
        box = QDialogButtonBox(QDialogButtonBox.Close | QDialogButtonBox.Cancel)
        assert HANGUL.search(box.button(QDialogButtonBox.Cancel).text())
        # View → Language → English: stored, then the window is made again (main() does this)
        w.set_language("en")
        assert app_settings.settings().value("ui/language") == "en"
    finally:
        w.model.shutdown()
        w.close()
    language(app_settings.ui_language())
    w2 = _window(qtbot)
    try:
        assert w2.windowTitle().startswith(w2.model.preset.title["en"])
        assert not HANGUL.search(w2.windowTitle())
        assert _menu_titles(w2)[:3] == ["&File", "&Edit", "&View"]
        assert w2.run_controls.act_play.text() == "Play"
        assert w2.lang_actions["en"].isChecked()
    finally:
        w2.model.shutdown()


def test_restart_request_is_a_signal(qtbot):
    w = _window(qtbot)
    try:
        assert not w.can_restart  # only main() re-creates windows
        with qtbot.waitSignal(w.restart_requested, timeout=100, raising=False) as blocker:
            w.choose_language(w.lang)  # the same language: nothing to restart
        assert not blocker.signal_triggered
    finally:
        w.model.shutdown()


def test_checkout_compiles_the_ts_into_the_cache(tmp_path, monkeypatch, qapp):
    res = tmp_path / "resources"
    (res / "translations").mkdir(parents=True)
    # the checkout's source (an installed wheel carries only the compiled .qm)
    src = Path(__file__).resolve().parents[2] / "resources" / "translations" / "nnviz_ko.ts"
    shutil.copy(src, res / "translations")
    monkeypatch.setattr(i18n, "_resources", lambda: res)

    class Paths:
        CacheLocation = None

        @staticmethod
        def writableLocation(_kind):
            return str(tmp_path / "cache")

    monkeypatch.setattr(i18n, "QStandardPaths", Paths)
    if i18n._lrelease() is None:
        pytest.skip("PySide6 without lrelease")
    qm = i18n.translation_file("ko")
    assert qm is not None and qm.is_relative_to(tmp_path / "cache") and qm.suffix == ".qm"
    assert i18n.translation_file("ko") == qm  # cached: compiled once
    t = QTranslator()
    assert t.load(str(qm))
    assert t.translate("MainWindow", "&File") == "파일(&F)"
    # an edited .ts gets a fresh compile
    ts = res / "translations" / "nnviz_ko.ts"
    ts.write_text(ts.read_text(encoding="utf-8").replace("파일(&amp;F)", "파일!(&amp;F)"),
                  encoding="utf-8")
    qm2 = i18n.translation_file("ko")
    assert qm2 != qm and not qm.exists()
    t2 = QTranslator()
    assert t2.load(str(qm2)) and t2.translate("MainWindow", "&File") == "파일!(&F)"
    assert QCoreApplication.translate("MainWindow", "&File") in ("&File", "파일(&F)")


def test_korean_font_is_chosen_by_availability(qapp):
    pick = i18n.korean_font_family
    assert pick(["Segoe UI", "Gulim", "Malgun Gothic"]) == "Malgun Gothic"
    assert pick(["DejaVu Sans", "NanumGothicCoding", "NanumGothic"]) == "NanumGothic"
    assert pick(["Some Hangul Font"]) == "Some Hangul Font"
    assert pick([]) is None
    before = qapp.font()
    try:
        family = i18n.ensure_korean_font(qapp, "ko")
        if family is not None:
            assert family in qapp.font().families()
        i18n.ensure_korean_font(qapp, "en")
        assert qapp.font().families()[:1] == before.families()[:1]
    finally:
        qapp.setFont(before)


def test_numbers_read_the_same_in_both_languages():
    from nnviz.ui.common.formatting import count, pct

    assert pct(0.9192) == "91.9\u00a0%"
    assert pct(0.93521, 2) == "93.52\u00a0%"
    assert pct(float("nan")) == "–"
    assert count(60000) == "60,000" and count(7) == "7"


def test_korean_ui_font_keeps_latin_subscripts_first(qapp, monkeypatch):
    """A Korean UI font (e.g. NanumGothic) draws x₁'s subscript as a speck: Latin goes first."""
    from PySide6.QtGui import QFont, QFontDatabase

    korean = i18n.korean_font_family()
    latin = i18n._latin_family("")
    if not korean or not latin:
        pytest.skip("needs a Korean and a Latin font installed")
    saved = QFont(qapp.font())
    monkeypatch.setattr(i18n, "_base_font", QFont(korean))
    try:
        i18n.ensure_korean_font(qapp, "ko")
        fams = qapp.font().families()
        assert fams[0] == latin and korean in fams
        assert QFontDatabase.Korean in QFontDatabase.writingSystems(korean)
    finally:
        qapp.setFont(saved)


def _plot_menu_texts(plot) -> dict:
    """The visible strings of a PlotWidget's right-click menu, as pyqtgraph built them."""
    item = plot.getPlotItem()
    menu = item.getViewBox().menu
    axis = menu.ctrl[0]
    return {"view_all": menu.viewAll.text(), "menus": [a.text() for a in menu.actions()],
            "plot_options": item.ctrlMenu.title(),
            "options": [a.text() for a in item.ctrlMenu.actions()],
            "export": plot.scene().contextMenu[0].text(),
            "axis": [axis.autoRadio.text(), axis.manualRadio.text(), axis.invertCheck.text(),
                     axis.label.text()]}


def test_plot_menus_follow_the_language(qtbot, language):
    """pyqtgraph's right-click menus and export dialog speak Korean with the Korean UI."""
    import pyqtgraph as pg
    from pyqtgraph.GraphicsScene.exportDialog import ExportDialog

    assert "pyqtgraph_ko" in language("ko")
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    ko = _plot_menu_texts(plot)
    assert ko["view_all"] == "전체 보기"
    assert {"X 축", "Y 축", "마우스 모드"} <= set(ko["menus"]), ko["menus"]
    assert ko["plot_options"] == "그래프 옵션"
    assert {"변환", "다운샘플링", "평균", "투명도", "격자", "점"} == set(ko["options"])
    assert ko["export"] == "내보내기..."
    assert ko["axis"] == ["자동", "수동", "축 뒤집기", "축 연결:"]
    # pyqtgraph finds its menu entries by their translated names: still works in Korean
    plot.getPlotItem().setContextMenuActionVisible("Grid", False)
    assert [a.isVisible() for a in plot.getPlotItem().ctrlMenu.actions()
            if a.text() == "격자"] == [False]
    dialog = ExportDialog(plot.scene())
    qtbot.addWidget(dialog)
    dialog.updateItemList()
    formats = [dialog.ui.formatList.item(i).text() for i in range(dialog.ui.formatList.count())]
    assert dialog.windowTitle() == "내보내기" and dialog.ui.exportBtn.text() == "내보내기"
    assert "이미지 파일 (PNG, TIF, JPG, ...)" in formats and "벡터 그림 (SVG)" in formats
    assert all(HANGUL.search(f) for f in formats), formats

    assert language("en") == []
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    en = _plot_menu_texts(plot)
    assert en["view_all"] == "View All"
    assert {"X axis", "Y axis", "Mouse Mode"} <= set(en["menus"])
    assert en["plot_options"] == "Plot Options" and en["export"] == "Export..."
    assert en["axis"] == ["Auto", "Manual", "Invert Axis", "Link Axis:"]


def test_pyqtgraph_catalogue_is_compiled_or_safely_missing(tmp_path, monkeypatch, qapp):
    """A checkout compiles pyqtgraph_ko.ts into the cache beside nnviz_ko; without it the
    app still starts in Korean (the plot menus then stay English)."""
    res = tmp_path / "resources"
    (res / "translations").mkdir(parents=True)
    src = Path(__file__).resolve().parents[2] / "resources" / "translations"
    shutil.copy(src / "nnviz_ko.ts", res / "translations")
    monkeypatch.setattr(i18n, "_resources", lambda: res)

    class Paths:
        CacheLocation = None

        @staticmethod
        def writableLocation(_kind):
            return str(tmp_path / "cache")

    monkeypatch.setattr(i18n, "QStandardPaths", Paths)
    if i18n._lrelease() is None:
        pytest.skip("PySide6 without lrelease")
    saved_locale = QLocale()
    try:
        assert i18n.translation_file("ko", "pyqtgraph") is None
        loaded = i18n.install_translators(qapp, "ko")
        assert "nnviz_ko" in loaded and "pyqtgraph_ko" not in loaded
        nnviz_qm = i18n.translation_file("ko")
        shutil.copy(src / "pyqtgraph_ko.ts", res / "translations")
        qm = i18n.translation_file("ko", "pyqtgraph")
        assert qm is not None and qm.is_relative_to(tmp_path / "cache")
        assert qm.name.startswith("pyqtgraph_ko-") and qm != nnviz_qm
        assert nnviz_qm.is_file() and i18n.translation_file("ko") == nnviz_qm
        t = QTranslator()
        assert t.load(str(qm)) and t.translate("ViewBox", "View All") == "전체 보기"
        assert "pyqtgraph_ko" in i18n.install_translators(qapp, "ko")
    finally:
        i18n.install_translators(qapp, "en")
        QLocale.setDefault(saved_locale)
