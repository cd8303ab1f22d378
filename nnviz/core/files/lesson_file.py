"""Lesson files (``.nnviz``): a lesson an instructor prepared, in one file a student opens.

A lesson file is an nnviz session (:mod:`nnviz.core.files.session`: a zip of plain ``.npy`` arrays
read with the checked :class:`~nnviz.core.files.npz_reader.NpzArchive`, never unpickled) whose JSON
``meta.ui`` carries one more entry, ``"lesson_file"``::

    {"format": "nnviz-lesson", "version": 1,
     "preset": "xor-backprop-2",          # the lesson (its id)
     "data": {"kind": "gate", ...},       # the lesson's data choice when it was saved
     "guide": "{...}" | ""}               # the guide as JSON text (resources/guides format)

The session part holds the rest: the network's architecture (which may differ from the
lesson's), every weight (``params``, float64), the hyper-parameters (``meta.train``), the
run's counters and curves, the run settings and the sample shown, and the panels and their
layout (``meta.ui.panels``: the main window's ``saveState``, base64).  A lesson is thus "the
preset plus what the instructor changed": architecture, weights, hyper-parameters, panels and
guide are stored themselves, the rest of the preset (its texts, its data) by its id.

Reading checks everything a session read checks, then the lesson part: its format and
version (a file of a newer nnviz is refused with a message saying so), the data entry, and
the guide (parsed as any guide file is, at most ``MAX_GUIDE_BYTES``, and it must belong to the
file's lesson).  Every problem is a :class:`LessonFileError` whose message says what is wrong;
nothing is half-read.  Files are written atomically with mode 0644 (readable by the students
the instructor shares them with): :func:`nnviz.core.files.io.atomic_write`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nnviz.core.files.session import (
    Session,
    SessionFileError,
    load_session,
    save_session,
)
from nnviz.core.guides import MAX_GUIDE_BYTES, Guide, GuideError, guide_to_dict, parse_guide

LESSON_FORMAT = "nnviz-lesson"
LESSON_VERSION = 1
SUFFIX = ".nnviz"
#: the key of the lesson part in the session's ``ui`` dict
KEY = "lesson_file"
MAX_DATA_ENTRIES = 64


class LessonFileError(SessionFileError):
    """A lesson file cannot be used; the message says why."""


@dataclass
class LessonFile:
    """A lesson as saved: the session (network, weights, hyper-parameters, curves, panels),
    the data choice and an optional guide."""

    session: Session
    data: dict = field(default_factory=dict)
    guide: Guide | None = None

    @property
    def preset(self) -> str:
        return self.session.lesson


def save_lesson(path, lesson: LessonFile) -> None:
    """Write ``lesson`` to ``path`` (atomically, mode 0644); the session's ``ui`` is not
    changed.  Raises OSError, SaveTargetError or ValueError (unsavable content)."""
    guide = ""
    if lesson.guide is not None:
        guide = json.dumps(guide_to_dict(lesson.guide), ensure_ascii=False, allow_nan=False)
    part = {"format": LESSON_FORMAT, "version": LESSON_VERSION, "preset": lesson.preset,
            "data": _checked_data(lesson.data, "data", ValueError), "guide": guide}
    s = lesson.session
    session = Session(s.lesson, s.network, s.params, s.train, s.history, s.epoch,
                      s.samples_seen, {**s.ui, KEY: part}, s.history_fields)
    save_session(path, session)


def load_lesson(path) -> LessonFile:
    """Read and validate a lesson file (:class:`LessonFileError` if anything is wrong)."""
    name = Path(path).name
    try:
        session = load_session(path)
    except LessonFileError:
        raise
    except SessionFileError as exc:
        raise LessonFileError(str(exc).replace("nnviz session", "nnviz lesson")) from None
    lesson = lesson_from_session(session, name)
    if lesson is None:
        raise LessonFileError(f"{name} is an nnviz session, not a lesson file")
    return lesson


def lesson_part(session: Session, name: str) -> dict | None:
    """The lesson entry of ``session.ui`` (None when the session is not a lesson file)."""
    part = session.ui.get(KEY)
    if part is None:
        return None
    if not isinstance(part, dict) or part.get("format") != LESSON_FORMAT:
        raise LessonFileError(f"{name}: the lesson part is not an nnviz lesson")
    version = part.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise LessonFileError(f"{name}: the lesson file's version is unknown")
    if version > LESSON_VERSION:
        raise LessonFileError(f"{name} was written by a newer nnviz (lesson file version "
                              f"{version}; this nnviz reads {LESSON_VERSION}): update nnviz")
    return part


def lesson_from_session(session: Session, name: str) -> LessonFile | None:
    """The :class:`LessonFile` a session read from ``name`` holds (None: a plain session)."""
    part = lesson_part(session, name)
    if part is None:
        return None
    preset = part.get("preset", session.lesson)
    if preset != session.lesson:
        raise LessonFileError(f"{name}: the lesson part names {str(preset)[:80]!r}, the "
                              f"session {session.lesson!r}")
    data = _checked_data(part.get("data", {}), f"{name}: data", LessonFileError)
    text = part.get("guide", "")
    guide = None
    if not isinstance(text, str):
        raise LessonFileError(f"{name}: the guide must be JSON text")
    if text:
        if len(text.encode("utf-8")) > MAX_GUIDE_BYTES:
            raise LessonFileError(f"{name}: the guide is larger than {MAX_GUIDE_BYTES:,} bytes")
        try:
            guide = parse_guide(text, f"{name}'s guide")
        except GuideError as exc:
            raise LessonFileError(str(exc)) from None
        if guide.lesson != session.lesson:
            raise LessonFileError(f"{name}: the guide is for the lesson {guide.lesson!r}, "
                                  f"the file for {session.lesson!r}")
    ui = {k: v for k, v in session.ui.items() if k != KEY}
    clean = Session(session.lesson, session.network, session.params, session.train,
                    session.history, session.epoch, session.samples_seen, ui,
                    session.history_fields)
    return LessonFile(clean, data, guide)


def _checked_data(data: Any, where: str, error: type[Exception]) -> dict:
    """The data choice: a small dict of JSON values."""
    if not isinstance(data, dict) or len(data) > MAX_DATA_ENTRIES:
        raise error(f"{where} must be an object of at most {MAX_DATA_ENTRIES} entries")
    try:
        json.dumps(data, allow_nan=False)
    except (TypeError, ValueError):
        raise error(f"{where} holds a value that is not plain JSON") from None
    return dict(data)
