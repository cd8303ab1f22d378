"""File → Save Lesson and File → Open of a .nnviz: same lesson back, on another account too."""

import json
import os
import stat
import subprocess
import sys
import textwrap

import numpy as np

from nnviz.core.guides import guide_for, guide_to_dict

WAIT = 30000


def _prepare(window, qtbot, tmp_path):
    """An instructor's lesson: own weights, η, a sample, a trained step, an own guide."""
    window.open_lesson("xor-backprop-2")
    window.guides.guide.leave()
    m = window.model
    m.run.set_lr(0.9)
    assert m.run.step("epoch")
    qtbot.waitUntil(lambda: not m.run.busy, timeout=WAIT)
    m.edit_weight(0, 0, 1, 0.375)
    m.select_sample(3)
    d = guide_to_dict(guide_for("xor-backprop-2"))
    d["steps"][0]["title"] = {"en": "The instructor's start", "ko": "강사의 시작"}
    guide_file = tmp_path / "guide.json"
    guide_file.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    assert window.attach_guide(str(guide_file))
    assert window.guides.guide.guide.steps[0].title.get("en") == "The instructor's start"
    return m


def test_save_and_reopen_the_lesson(window, qtbot, tmp_path, warnings):
    m = _prepare(window, qtbot, tmp_path)
    params, spec, data = m.network.params.copy(), m.run.spec, dict(m.preset.data)
    path = tmp_path / "lesson.nnviz"
    assert window.save_lesson_file(str(path))
    assert stat.S_IMODE(path.stat().st_mode) & 0o044 == 0o044  # others may read it

    window.open_lesson("perceptron-and")  # the student's window shows something else
    assert m.lesson_guide is None
    assert window.open_file(str(path)), warnings
    assert m.preset.id == "xor-backprop-2" and dict(m.preset.data) == data
    assert np.array_equal(m.network.params, params)
    assert m.run.spec == spec and m.run.spec.lr == 0.9
    assert m.sample_index == 3
    assert m.run.epoch == 1
    assert window.guides.guide.guide.steps[0].title.get("ko") == "강사의 시작"


def test_a_bad_lesson_file_keeps_the_previous_state(window, qtbot, tmp_path, warnings):
    window.open_lesson("perceptron-and")
    m = window.model
    before = m.network.params.copy()
    bad = tmp_path / "broken.nnviz"
    bad.write_bytes(b"PK\x03\x04 this is no lesson")
    assert not window.open_file(str(bad))
    assert warnings and "broken.nnviz" in warnings[-1]
    assert m.preset.id == "perceptron-and" and np.array_equal(m.network.params, before)


def test_a_guide_that_does_not_fit_is_refused(window, tmp_path, warnings):
    window.open_lesson("perceptron-and")
    other = tmp_path / "other.json"
    other.write_text(json.dumps(guide_to_dict(guide_for("xor-backprop-2"))), encoding="utf-8")
    assert not window.attach_guide(str(other))
    assert warnings and "xor-backprop-2" in warnings[-1]
    assert window.model.lesson_guide is None


SECOND_ACCOUNT = textwrap.dedent("""
    import json, os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication, QMessageBox
    app = QApplication([])
    QMessageBox.warning = staticmethod(lambda p, t, text, *a, **k: print("WARNING", text))
    from nnviz.ui.shell.main_window import MainWindow
    w = MainWindow()
    w.show()
    w.finish_startup()
    ok = w.open_file(sys.argv[1])
    m = w.model
    print(json.dumps({"ok": ok, "home": os.path.expanduser("~"), "lesson": m.preset.id,
                      "params": m.network.params.tolist(), "lr": m.run.spec.lr,
                      "optimizer": m.run.spec.optimizer, "sample": m.sample_index,
                      "data": m.preset.data,
                      "guide": w.guides.guide.guide.steps[0].title.get("en")}), flush=True)
    w.close()  # closeEvent shuts the model down
    w.deleteLater()
    app.processEvents()
    del w, m
""")


def test_the_lesson_opens_identically_under_another_home(window, qtbot, tmp_path, warnings):
    m = _prepare(window, qtbot, tmp_path)
    path = tmp_path / "shared" / "lesson.nnviz"
    path.parent.mkdir()
    assert window.save_lesson_file(str(path))
    home = tmp_path / "student-home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home))
    out = subprocess.run([sys.executable, "-c", SECOND_ACCOUNT, str(path)], env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, (out.stdout[-2000:], out.stderr[-1500:])
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["ok"] and got["home"] == str(home)
    assert got["lesson"] == "xor-backprop-2"
    assert np.array_equal(np.array(got["params"]), m.network.params)
    assert (got["lr"], got["optimizer"], got["sample"]) == (0.9, m.run.spec.optimizer, 3)
    assert got["data"] == dict(m.preset.data)
    assert got["guide"] == "The instructor's start"
