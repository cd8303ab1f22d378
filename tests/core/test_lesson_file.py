"""Lesson files: one versioned, pickle-free file that reopens identically, and refuses clearly."""

import json
import os
import stat
import zipfile

import numpy as np
import pytest

from nnviz.core.files.lesson_file import (
    KEY,
    LESSON_VERSION,
    LessonFile,
    LessonFileError,
    load_lesson,
    save_lesson,
)
from nnviz.core.files.session import Session, load_session, save_session
from nnviz.core.guides import guide_for, guide_to_dict, parse_guide
from nnviz.core.lessons.presets import get_preset


def _lesson(guide=True):
    p = get_preset("xor-backprop-2")
    net = p.build_network("float64")
    params = net.params + 0.125
    train = p.training.with_changes(lr=0.7, optimizer="momentum")
    session = Session(p.id, net.spec, params, train, epoch=3, samples_seen=12,
                      ui={"sample_index": 2, "panels": "AAAA"})
    g = None
    if guide:
        d = guide_to_dict(guide_for(p.id))
        d["steps"][0]["text"] = {"en": "Our own first step", "ko": "우리의 첫 단계"}
        g = parse_guide(json.dumps(d))
    return LessonFile(session, dict(p.data), g)


def test_save_and_reopen_identically(tmp_path):
    lesson = _lesson()
    path = tmp_path / "xor.nnviz"
    save_lesson(path, lesson)
    back = load_lesson(path)
    assert back.preset == "xor-backprop-2"
    assert np.array_equal(back.session.params, lesson.session.params)
    assert back.session.train == lesson.session.train
    assert back.session.network == lesson.session.network
    assert (back.session.epoch, back.session.samples_seen) == (3, 12)
    assert back.session.ui == {"sample_index": 2, "panels": "AAAA"}
    assert back.data == lesson.data
    assert guide_to_dict(back.guide) == guide_to_dict(lesson.guide)
    assert back.guide.steps[0].text.get("ko") == "우리의 첫 단계"
    assert KEY not in lesson.session.ui  # saving does not change the caller's session


def test_the_file_is_readable_by_other_accounts(tmp_path):
    old = os.umask(0o022)
    try:
        path = tmp_path / "shared.nnviz"
        save_lesson(path, _lesson())
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_no_pickle_inside(tmp_path):
    path = tmp_path / "x.nnviz"
    save_lesson(path, _lesson())
    with zipfile.ZipFile(path) as z:
        assert sorted(z.namelist()) == ["history.npy", "meta.npy", "params.npy"]
        for name in z.namelist():
            head = z.read(name)[:128]
            assert b"'descr': '|O'" not in head and b"'descr': '<f8'" in head \
                or b"'descr': '|u1'" in head


def test_without_a_guide(tmp_path):
    path = tmp_path / "plain.nnviz"
    save_lesson(path, _lesson(guide=False))
    assert load_lesson(path).guide is None


def _rewrite(src, dst, change):
    s = load_session(src)
    part = dict(s.ui[KEY])
    change(part)
    s.ui[KEY] = part
    save_session(dst, s)


def test_a_newer_file_is_refused_with_a_clear_message(tmp_path):
    save_lesson(tmp_path / "a.nnviz", _lesson())
    _rewrite(tmp_path / "a.nnviz", tmp_path / "b.nnviz",
             lambda p: p.update(version=LESSON_VERSION + 1))
    with pytest.raises(LessonFileError, match="newer nnviz"):
        load_lesson(tmp_path / "b.nnviz")


@pytest.mark.parametrize("change, message", [
    (lambda p: p.update(guide='{"format": "nnviz-guide"'), "guide"),
    (lambda p: p.update(guide=42), "JSON text"),
    (lambda p: p.update(format="something"), "not an nnviz lesson"),
    (lambda p: p.update(data=[1, 2]), "data"),
    (lambda p: p.update(preset="xor-gates"), "names"),
])
def test_broken_lesson_parts_are_refused(tmp_path, change, message):
    save_lesson(tmp_path / "a.nnviz", _lesson())
    _rewrite(tmp_path / "a.nnviz", tmp_path / "b.nnviz", change)
    with pytest.raises(LessonFileError, match=message):
        load_lesson(tmp_path / "b.nnviz")


def test_a_guide_of_another_lesson_is_refused(tmp_path):
    lesson = _lesson()
    lesson.guide = guide_for("xor-backprop-3")
    save_lesson(tmp_path / "a.nnviz", lesson)
    with pytest.raises(LessonFileError, match="the guide is for the lesson"):
        load_lesson(tmp_path / "a.nnviz")


def test_not_a_lesson_file(tmp_path):
    (tmp_path / "t.nnviz").write_bytes(b"not a zip at all")
    with pytest.raises(LessonFileError):
        load_lesson(tmp_path / "t.nnviz")
    s = _lesson().session
    save_session(tmp_path / "s.npz", s)
    with pytest.raises(LessonFileError, match="not a lesson file"):
        load_lesson(tmp_path / "s.npz")
