"""Settings cannot run code or stop start-up: hostile pickles refused, garbage tolerated.

The pickle guard changes PySide's process-wide unpickler, so the hostile-file tests run the
app's start-up in a subprocess (a fresh PySide each time).
"""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings

ROOT = Path(__file__).resolve().parents[2]
FUZZ = settings(max_examples=100, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def _env(tmp_path):
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), NNVIZ_DATA_DIR=str(tmp_path / "nd"),
               PYTHONPATH=str(ROOT))
    return env


def _hostile_settings(tmp_path, marker) -> Path:
    """Write nnviz.conf as PySide would for a Python object with a __reduce__ payload."""
    conf = tmp_path / "config" / "nnviz" / "nnviz.conf"
    script = textwrap.dedent(f"""
        import os
        from PySide6.QtCore import QCoreApplication, QSettings
        app = QCoreApplication([])
        class Evil:
            def __reduce__(self):
                return (os.system, ("touch {marker}",))
        s = QSettings({str(conf)!r}, QSettings.IniFormat)
        s.setValue("ui/language", "en")
        s.setValue("lesson/last", Evil())
        s.setValue("files/recent", ["/tmp/a.npz"])
        s.sync()
    """)
    subprocess.run([sys.executable, "-c", script], check=True, env=_env(tmp_path), timeout=60)
    assert b"PyObjectWrapper" in conf.read_bytes()
    return conf


def test_a_pickle_in_the_settings_does_not_run_at_start_up(tmp_path):
    marker = tmp_path / "pwned"
    conf = _hostile_settings(tmp_path, marker)
    # the app's start-up reads the settings: language, last lesson, recent files
    script = textwrap.dedent("""
        from nnviz.ui.shell.app import create_app, settings, ui_language
        app = create_app()
        print("LANG", ui_language())
        print("LAST", settings().value("lesson/last"))
        print("RECENT", settings().value("files/recent"))
    """)
    out = subprocess.run([sys.executable, "-c", script], env=_env(tmp_path), timeout=120,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert not marker.exists()
    assert "LANG en" in out.stdout and "LAST None" in out.stdout
    assert "/tmp/a.npz" in out.stdout  # the rest of the settings survive
    assert "refused 1 pickled object" in out.stderr
    assert b"PyObjectWrapper" not in conf.read_bytes()  # the bad entry is gone


def test_without_the_guard_the_payload_would_run(tmp_path):
    """The threat is real (so the test above means something)."""
    marker = tmp_path / "pwned"
    conf = _hostile_settings(tmp_path, marker)
    script = textwrap.dedent(f"""
        from PySide6.QtCore import QCoreApplication, QSettings
        app = QCoreApplication([])
        QSettings({str(conf)!r}, QSettings.IniFormat).value("lesson/last")
    """)
    subprocess.run([sys.executable, "-c", script], env=_env(tmp_path), timeout=60)
    assert marker.exists()


def test_a_settings_file_that_cannot_be_parsed_is_moved_aside(tmp_path):
    conf = tmp_path / "config" / "nnviz" / "nnviz.conf"
    conf.parent.mkdir(parents=True)
    conf.write_bytes(b"[General]\nui/language=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x18PySide::"
                     b"PyObjectWrapper\\0\\0\\0\\0\\x10garbage)\nlesson/last=xor\n\xff\xfe\x00")
    script = ("from nnviz.ui.shell.app import create_app, ui_language; create_app(); "
              "print(ui_language())")
    out = subprocess.run([sys.executable, "-c", script], env=_env(tmp_path), timeout=120,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() in ("en", "ko")


# -- garbage values: the readers fall back to defaults -------------------------------------
values = st.one_of(st.none(), st.booleans(), st.integers(-2**63, 2**63 - 1), st.floats(),
                   st.text(max_size=30), st.binary(max_size=30),
                   st.lists(st.text(max_size=10), max_size=4),
                   st.lists(st.integers(-2**31, 2**31 - 1), max_size=3))
KEYS = ("ui/language", "lesson/last", "files/recent", "session/autosave_minutes",
        "window/geometry", "window/state")


@FUZZ
@given(data=st.dictionaries(st.sampled_from(KEYS), values, min_size=1))
def test_garbage_setting_values_are_tolerated(qapp, data):
    from nnviz.ui.shell.app import settings as app_settings
    from nnviz.ui.shell.app import ui_language
    from nnviz.ui.shell.autosave import autosave_interval_ms
    from nnviz.ui.shell.settings_guard import check_settings

    s = app_settings()
    s.clear()
    for k, v in data.items():
        s.setValue(k, v)
    s.sync()
    assert check_settings(app_settings()) == ""
    assert ui_language() in ("en", "ko")
    assert 200 <= autosave_interval_ms() <= 24 * 3600 * 1000


@FUZZ
@given(junk=st.binary(max_size=400))
def test_garbage_settings_files_are_tolerated(qapp, tmp_path, junk):
    from nnviz.ui.shell.settings_guard import check_settings

    path = tmp_path / "junk.conf"
    path.write_bytes(b"[General]\n" + junk)
    s = QSettings(str(path), QSettings.IniFormat)
    note = check_settings(s)
    assert isinstance(note, str)


def test_window_starts_with_garbage_settings(qtbot):
    from nnviz.ui.shell.app import settings as app_settings
    from nnviz.ui.shell.main_window import MainWindow

    s = app_settings()
    s.setValue("window/geometry", b"\x00garbage")
    s.setValue("window/state", "not a state")
    s.setValue("files/recent", 42)
    s.setValue("lesson/last", "no-such-lesson")
    s.sync()
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.finish_startup()
    assert w.model.preset is not None
    w.model.shutdown()


@pytest.mark.parametrize("recent", [42, None, ["a", 3], "one-file.npz"])
def test_recent_files_setting_of_any_shape(window, recent):
    from nnviz.ui.shell.app import settings as app_settings

    app_settings().setValue("files/recent", recent)
    files = window.recent_files()
    assert all(isinstance(p, str) for p in files)
