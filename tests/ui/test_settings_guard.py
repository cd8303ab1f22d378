"""Settings cannot run code or stop start-up: hostile pickles refused, garbage tolerated.

The pickle guard changes PySide's process-wide unpickler, so the hostile-file tests run the
app's start-up in a subprocess (a fresh PySide each time).
"""

import os
import stat
import subprocess
import sys
import textwrap
import time
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


# -- files Qt itself cannot survive: checked as text before Qt parses them (issue 14) ---------
BAD_LIST = b"[files]\nrecent=@Variant(\\0\\0\\0\\xb\\x7f\\xff\\xff\\xff)\n"  # 2^31 strings


def _start_app(tmp_path, conf_bytes, timeout=240):
    """``python -m nnviz`` (start-up probe: quits once the first lesson is on screen)."""
    conf = tmp_path / "config" / "nnviz" / "nnviz.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_bytes(conf_bytes)
    env = _env(tmp_path)
    env["NNVIZ_STARTUP_PROBE"] = "1"
    env["NNVIZ_LOG_DIR"] = str(tmp_path / "logs")
    t0 = time.monotonic()
    out = subprocess.run([sys.executable, "-m", "nnviz"], env=env, timeout=timeout,
                         capture_output=True, text=True, cwd=tmp_path)
    return conf, out, time.monotonic() - t0


DEEP = b"[a]\nb=@Variant(" + b"\\0\\0\\0\\t\\0\\0\\0\\x1" * 40_000 + b"\\0\\0\\0\\x1\\x1)\n"
HUGE_MAP = b"[a]\nb=@Variant(\\0\\0\\0\\b\\x7f\\xff\\xff\\xff)\n"  # a map of 2^31 pairs


@pytest.mark.slow
@pytest.mark.parametrize("text, why", [
    (BAD_LIST, "2,147,483,647 items"),  # was: std::bad_alloc, exit -6, on every start
    (HUGE_MAP, "2,147,483,647 items"),
    (DEEP, "bytes long"),  # 40,000 nested lists: Qt overflows its stack (SIGSEGV)
], ids=["list-2^31", "map-2^31", "nested-40000"])
def test_the_app_starts_with_a_settings_file_qt_cannot_parse(tmp_path, text, why):
    conf, out, _ = _start_app(tmp_path, text)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "NNVIZ_READY" in out.stdout
    assert conf.with_name("nnviz.conf.bad").read_bytes() == text
    assert text not in conf.read_bytes()  # the app wrote fresh settings on exit
    assert "could not be used" in out.stderr and "nnviz.conf.bad" in out.stderr
    assert why in out.stderr


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_the_app_starts_when_the_settings_file_is_a_pipe(tmp_path):
    conf = tmp_path / "config" / "nnviz" / "nnviz.conf"
    conf.parent.mkdir(parents=True)
    os.mkfifo(conf)  # Qt would wait for a writer forever
    env = _env(tmp_path)
    env.update(NNVIZ_STARTUP_PROBE="1", NNVIZ_LOG_DIR=str(tmp_path / "logs"))
    out = subprocess.run([sys.executable, "-m", "nnviz"], env=env, timeout=240,
                         capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0 and "NNVIZ_READY" in out.stdout, out.stderr[-2000:]
    assert "not a regular file" in out.stderr
    assert stat.S_ISFIFO(conf.with_name("nnviz.conf.bad").lstat().st_mode)


@pytest.mark.slow
def test_a_huge_settings_file_is_set_aside_and_start_up_stays_fast(tmp_path):
    recent = ", ".join(f"/home/student/models/model-{i:06d}.npz" for i in range(100_000))
    conf, out, seconds = _start_app(tmp_path, f"[files]\nrecent={recent}\n".encode())
    assert out.returncode == 0, out.stderr[-2000:]
    assert "NNVIZ_READY" in out.stdout
    assert conf.with_name("nnviz.conf.bad").is_file() and "moved to" in out.stderr
    assert seconds < 90  # was 240 s here (100,000 menu entries built, then destroyed)


def test_the_window_shows_at_most_a_few_recent_files(window):
    from nnviz.ui.common.settings import settings as app_settings
    from nnviz.ui.shell.file_commands import MAX_RECENT

    app_settings().setValue("files/recent", [f"/tmp/m{i}.npz" for i in range(5000)])
    files = window.recent_files()
    assert files == [f"/tmp/m{i}.npz" for i in range(MAX_RECENT)]
    window._update_recent_menu()
    assert len(window.recent_menu.actions()) == MAX_RECENT


def test_a_bad_file_is_moved_aside_with_a_note_shown_in_the_window(qapp, tmp_path, window):
    from nnviz.ui.shell import settings_guard

    conf = Path(QSettings("nnviz", "nnviz").fileName())
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_bytes(BAD_LIST)
    QSettings("nnviz", "nnviz").sync()
    notes = settings_guard.check_settings_files("nnviz", "nnviz")
    assert [n.path for n in notes] == [str(conf)] and notes[0].moved_to.endswith(".bad")
    assert not conf.exists()
    box = settings_guard.show_pending_notes(window)
    assert box is not None and box.isVisible() and not box.isModal()
    assert str(conf) in box.text() and "default settings" in box.text()
    assert settings_guard.show_pending_notes(window) is None  # shown once
    box.close()


@pytest.mark.parametrize("text, why", [
    (BAD_LIST, "claims 2,147,483,647 items"),
    (b"a=@Variant(\\0\\0\\0\\t\\0\\0\\0\\x2\\0\\0\\0\\x1\\x1)", "claims 2 items"),  # 1 held
    (b"a=@Variant(\\0\\0\\0\\t\\0\\0\\0\\x1\\0\\0\\0\\n\\0\\0\\0\\b\\0\\x61)", "cut short"),
    (b"a=@Variant(\\0\\0\\0\\x1f\\0)", "type 31"),
    (b"a=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x6QRect\\0\\0)", "'QRect'"),
    (b"a=@DateTime(\\0\\0\\0\\x10)", "date"),
    (b"a=@V\\zariant(\\0\\0\\0\\xb\\x7f\\xff\\xff\\xff)", "malformed"),  # \z: Qt skips it
    (b'a="@Var"iant(\\0\\0\\0\\xb\\x7f\\xff\\xff\\xff)', "malformed"),  # quotes vanish
    (b"a=x, @Variant(\\0\\0\\0\\xb\\x7f\\xff\\xff\\xff)", "claims"),  # a list's item
    (b"a=\\x40Variant(\\0)", "never writes"),  # an escaped @
    (b"a=\\@@Variant(\\0\\0\\0\\xb\\x7f\\xff\\xff\\xff)", "claims"),  # \@ is skipped by Qt
    (b"; a comment @Variant(\\0\\0\\0\\xb\\x7f\\xff\\xff\\xff)", "could not be checked"),
    (b"a=" + b"@Variant(" + b"\\0\\0\\0\\t\\0\\0\\0\\x1" * 20 + b"\\0\\0\\0\\x1\\x1)", "nested"),
    (b"a=1\n\0", "NUL"),
    (b"[w]\nstate=@ByteArray(" + b"x" * 300_000 + b")", "line 2 is 300,"),
    (b"a=" + b"x, " * 400_000, "bytes long"),
])
def test_the_text_check_refuses(text, why):
    from nnviz.ui.shell.ini_check import ini_problem

    assert why in ini_problem(text)


@pytest.mark.parametrize("text", [
    b"[General]\nui/language=ko\nlesson/last=xor-gates\n",
    b"[files]\nrecent=/a/b.npz, /c/\xed\x95\x9c.npz\n",  # UTF-8 paths
    b'a="@Variant(\\0\\0\\0\\x2\\0\\0\\0,)"',  # a quoted payload holding a comma
    b"a=@@Variant(x)",  # the text "@Variant(x)" as Qt writes it
    b"a=@Invalid()\nb=@Rect(1 2 3 4)\nc=@ByteArray(\\0\\x1\\xff)",
])
def test_the_text_check_accepts(text):
    from nnviz.ui.shell.ini_check import ini_problem

    assert ini_problem(text) == ""


@FUZZ
@given(data=st.dictionaries(st.sampled_from(KEYS), values, min_size=1))
def test_whatever_qt_writes_passes_the_text_check(qapp, tmp_path, data):
    """No false alarm: every file QSettings writes for these values is accepted."""
    from nnviz.ui.shell.ini_check import ini_problem

    path = tmp_path / "written.conf"
    path.unlink(missing_ok=True)
    s = QSettings(str(path), QSettings.IniFormat)
    for k, v in data.items():
        s.setValue(k, v)
    s.sync()
    assert ini_problem(path.read_bytes()) == ""


@pytest.mark.slow
def test_mutated_files_that_pass_the_check_never_crash_qt(qapp, tmp_path):
    """Flip bytes in the payloads of real files; Qt parses every file the check accepts
    (in one subprocess: a crash there fails the test, naming the file)."""
    import random

    from nnviz.ui.shell.ini_check import ini_problem

    source = tmp_path / "source.conf"
    s = QSettings(str(source), QSettings.IniFormat)
    s.setValue("l", [[1, "a"], {"k": [2.5, None]}, True])
    s.setValue("m", {"x": ["p", "q"], "y": 3})
    s.setValue("n", [None, [None]])
    s.sync()
    base = source.read_bytes()
    rng = random.Random(14)
    digits = b"0123456789abcdef"
    accepted = []
    for i in range(600):
        data = bytearray(base)
        for _ in range(rng.randint(1, 4)):
            j = rng.randrange(len(data))
            if data[j] in digits:  # the hex digits of escapes: counts and type ids
                data[j] = rng.choice(digits)
            else:
                data[j:j + 1] = rng.choice([b"\\xff", b"\\x7f", b"\\0", b"", b"\\t"])
        if not ini_problem(bytes(data)):
            p = tmp_path / f"m{i}.conf"
            p.write_bytes(bytes(data))
            accepted.append(str(p))
    assert accepted  # some mutations are harmless and must still be parsed
    script = textwrap.dedent("""
        import sys
        from PySide6.QtCore import QCoreApplication, QSettings
        app = QCoreApplication([])
        for p in sys.argv[1:]:
            print(p, flush=True)
            s = QSettings(p, QSettings.IniFormat)
            for k in s.allKeys():
                s.value(k)
        print("DONE", flush=True)
    """)
    out = subprocess.run([sys.executable, "-c", script, *accepted], env=_env(tmp_path),
                         timeout=300, capture_output=True, text=True)
    last = out.stdout.strip().splitlines()[-1:] or ["?"]
    assert out.returncode == 0 and last == ["DONE"], f"Qt died reading {last}: {out.stderr}"
