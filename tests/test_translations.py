"""The Korean and English translations are complete: every UI string of the code is in
resources/translations/nnviz_ko.ts (and nnviz_en.ts), translated, with the same placeholders;
every string of pyqtgraph's plot menus and export dialog is in pyqtgraph_ko.ts.

The code's strings come from pyside6-lupdate itself (run into a fresh file), plus the literal
calls of translate helpers that lupdate cannot follow (scripts/update-translations).  When this
fails: run ``scripts/update-translations`` and translate the new messages in nnviz_ko.ts (or
pyqtgraph_ko.ts, after a pyqtgraph upgrade).
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _script():
    path = ROOT / "scripts" / "update-translations"
    loader = importlib.machinery.SourceFileLoader("update_translations", str(path))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            out[(name, msg.findtext("source") or "")] = msg.find("translation")
    return out


@pytest.fixture(scope="module")
def code_messages(tmp_path_factory) -> set[tuple[str, str]]:
    """Every (context, source text) the UI code translates, as lupdate extracts them."""
    script = _script()
    try:
        script.lupdate_command()
    except SystemExit:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path_factory.mktemp("lupdate") / "fresh.ts"
    script.lupdate([fresh])
    found = set(_messages(fresh))
    assert len(found) > 300, "lupdate found suspiciously few strings"
    return found


@pytest.fixture(scope="module")
def pyqtgraph_messages(tmp_path_factory) -> set[tuple[str, str]]:
    """Every (context, source text) of pyqtgraph's menus and export dialog, extracted afresh
    from the installed pyqtgraph."""
    script = _script()
    try:
        script.lupdate_command()
    except SystemExit:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path_factory.mktemp("lupdate") / "pyqtgraph.ts"
    script.lupdate_pyqtgraph([fresh])
    found = set(_messages(fresh))
    assert len(found) > 60, "lupdate found suspiciously few pyqtgraph strings"
    return found


def _missing_or_unfinished(lang: str, code: set, catalogue: str = "nnviz") -> list[str]:
    ts = TS_DIR / f"{catalogue}_{lang}.ts"
    assert ts.is_file(), f"{ts} is missing: run scripts/update-translations"
    have = _messages(ts)
    problems = []
    for key in sorted(code):
        tr = have.get(key)
        if tr is None:
            problems.append(f"missing: [{key[0]}] {key[1]!r}")
            continue
        forms = [f.text or "" for f in tr.findall("numerusform")] or [tr.text or ""]
        if tr.get("type") in ("unfinished", "vanished", "obsolete") or not all(
                f.strip() for f in forms):
            problems.append(f"unfinished: [{key[0]}] {key[1]!r}")
            continue
        for form in forms:
            if sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(key[1])):
                problems.append(f"placeholders differ: [{key[0]}] {key[1]!r} -> {form!r}")
            if ("&" in key[1].replace("&nbsp;", "")) != ("&" in form.replace("&nbsp;", "")):
                problems.append(f"mnemonic (&) differs: [{key[0]}] {key[1]!r} -> {form!r}")
    return problems


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_source_string_is_translated(code_messages, lang):
    problems = _missing_or_unfinished(lang, code_messages)
    assert not problems, (f"nnviz_{lang}.ts is incomplete ({len(problems)}); run "
                          "scripts/update-translations and translate:\n" + "\n".join(problems))


def test_pyqtgraph_strings_are_translated(pyqtgraph_messages):
    problems = _missing_or_unfinished("ko", pyqtgraph_messages, "pyqtgraph")
    assert not problems, (f"pyqtgraph_ko.ts is incomplete ({len(problems)}); run "
                          "scripts/update-translations and translate:\n" + "\n".join(problems))


def test_pyqtgraph_strings_lupdate_cannot_see_are_extracted(pyqtgraph_messages):
    """Designer templates' ``_translate``, f-strings and the exporters' names are included."""
    for key in [("Form", "Auto"), ("Form", "Manual"), ("Form", "Invert Axis"),
                ("Form", "Item to export:"), ("ViewBox", "axis"), ("ViewBox", "View All"),
                ("GraphicsScene", "Export..."), ("PlotItem", "Plot Options"),
                ("Exporter", "Image File (PNG, TIF, JPG, ...)"),
                ("Exporter", "Scalable Vector Graphics (SVG)"),
                ("Exporter", "CSV of original plot data")]:
        assert key in pyqtgraph_messages, key
    assert ("Exporter", "Printer") not in pyqtgraph_messages  # not registered: never listed


@pytest.mark.parametrize("catalogue", ["nnviz", "pyqtgraph"])
def test_korean_is_really_korean(request, catalogue):
    """A translation left in English slips through 'finished': most messages need Hangul."""
    messages = request.getfixturevalue(
        "code_messages" if catalogue == "nnviz" else "pyqtgraph_messages")
    have = _messages(TS_DIR / f"{catalogue}_ko.ts")
    hangul = re.compile("[\uac00-\ud7a3]")
    wordy = [k for k in messages if len(re.findall(r"[A-Za-z]{3,}", k[1])) >= 3]
    english = [k for k in wordy if k in have and not hangul.search(have[k].text or "")]
    assert not english, "left in English:\n" + "\n".join(f"[{c}] {s!r}" for c, s in english)


def test_menus_use_the_course_words():
    have = _messages(TS_DIR / "nnviz_ko.ts")
    expect = {("MainWindow", "&File"): "파일", ("MainWindow", "&Edit"): "편집",
              ("MainWindow", "&View"): "보기", ("MainWindow", "&Lessons"): "수업",
              ("MainWindow", "&Help"): "도움말", ("RunControls", "Play"): "재생",
              ("RunControls", "Pause"): "일시정지", ("RunControls", "Sample"): "한 샘플",
              ("RunControls", "Batch"): "한 배치", ("RunControls", "Epoch"): "한 에포크",
              ("RunControls", "Reset"): "초기화", ("HyperPanel", "learning rate η"): "학습률",
              ("LessonPicker", "Backpropagation"): "오차 역전파"}
    for key, word in expect.items():
        assert word in (have[key].text or ""), key


def test_plot_menus_use_the_course_words():
    have = _messages(TS_DIR / "pyqtgraph_ko.ts")
    expect = {("ViewBox", "View All"): "전체 보기", ("ViewBox", "axis"): "축",
              ("ViewBox", "Mouse Mode"): "마우스 모드", ("PlotItem", "Plot Options"): "그래프",
              ("PlotItem", "Grid"): "격자", ("PlotItem", "Downsample"): "다운샘플링",
              ("Form", "Auto"): "자동", ("Form", "Manual"): "수동",
              ("Form", "Invert Axis"): "축", ("Form", "Link Axis:"): "축",
              ("Form", "Show X Grid"): "격자", ("Form", "Export"): "내보내기",
              ("GraphicsScene", "Export..."): "내보내기",
              ("Exporter", "Image File (PNG, TIF, JPG, ...)"): "PNG"}
    for key, word in expect.items():
        assert word in (have[key].text or ""), key


def test_lrelease_compiles_every_message(tmp_path):
    script = _script()
    exe = Path(script.lupdate_command()[0])
    lrelease = exe.with_name(exe.name.replace("lupdate", "lrelease"))
    if not lrelease.exists():
        pytest.skip("lrelease is not installed")
    for name in ("nnviz_ko", "nnviz_en", "pyqtgraph_ko"):
        out = subprocess.run([str(lrelease), str(TS_DIR / f"{name}.ts"), "-qm",
                              str(tmp_path / f"{name}.qm")],
                             capture_output=True, text=True, check=True).stdout
        m = re.search(r"Generated (\d+) translation\(s\) \((\d+) finished and (\d+) unfinished\)",
                      out)
        assert m, out
        assert int(m.group(3)) == 0, out
        assert (tmp_path / f"{name}.qm").stat().st_size > 1000


def test_update_script_is_a_fixed_point():
    """Re-running scripts/update-translations would change nothing."""
    script = _script()
    try:
        script.lupdate_command()
    except SystemExit:
        pytest.skip("pyside6-lupdate is not installed")
    assert script.main(["--check"]) == 0, "run scripts/update-translations"


def test_every_lesson_speaks_both_languages():
    for path in sorted((ROOT / "resources" / "presets").glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        for key in ("title", "summary", "explain"):
            for lang in ("ko", "en"):
                text = d.get(key, {}).get(lang, "")
                assert text.strip(), f"{path.name}: {key}.{lang} is empty"
            assert re.search("[\uac00-\ud7a3]", d[key]["ko"]), f"{path.name}: {key}.ko"
