"""Reading and writing guides: files in ``resources/guides``, text, or a dict from a lesson file.

Guides are untrusted data (an instructor's lesson file may carry one): the text is parsed by
:func:`nnviz.core.files.safe_open.parse_json` (no NaN/Infinity, bounded numbers and nesting), the
file is a regular file of at most :data:`MAX_GUIDE_BYTES`, and every field is validated with
a message naming its place (``steps[2].task.check.expect[3]: ...``).  Nothing in a guide is
ever executed.  :func:`validate_for_lesson` also checks a guide against its lesson (weight
shapes, rows, layers, neurons), which the shipped guides' tests run for every lesson.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType

from nnviz.core.files.safe_open import UnreadableFile, json_depth_exceeds, parse_json, read_regular
from nnviz.core.guides import validators as v
from nnviz.core.guides.checks import check_to_dict, parse_check
from nnviz.core.guides.model import (
    CONTROL_TITLES,
    GUIDE_FORMAT,
    GUIDE_VERSION,
    PANEL_TITLES,
    UNLOCKS,
    Guide,
    GuideError,
    Step,
    StepState,
    Task,
)
from nnviz.core.lessons.assets import resource_dir

#: Largest guide file or text (the shipped ones are 5–15 kB; presets allow the same 1 MB).
MAX_GUIDE_BYTES = 1024 * 1024
#: Most steps in one guide (the handouts' guides have 3–7).
MAX_STEPS = 30
#: Deepest JSON nesting of a guide (checks nest 4 deep inside about 6 levels).
MAX_GUIDE_DEPTH = 16
#: A lesson id: the file name of a preset (the same rule as nnviz.core.lessons.presets.PRESET_ID,
#: repeated so reading a guide does not import the trainer).
LESSON_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
#: Old versions and how to bring them to GUIDE_VERSION (none yet: version 1 is the first).
MIGRATIONS: dict = {}

_GUIDE_FIELDS = ("format", "version", "lesson", "title", "steps")
_STEP_FIELDS = ("id", "title", "text", "set", "task", "unlock")
_STATE_FIELDS = ("weights", "input_row", "panels", "controls", "reset")


def guide_from_dict(d, where: str = "guide") -> Guide:
    """A validated :class:`Guide` from its JSON form (a dict, e.g. from a lesson file)."""
    if isinstance(d, dict) and json_depth_exceeds(d, MAX_GUIDE_DEPTH):
        v.fail(where, f"nested more than {MAX_GUIDE_DEPTH} levels deep")
    v.require_dict(d, where, _GUIDE_FIELDS, ("version", "lesson", "title", "steps"))
    if "format" in d and d["format"] != GUIDE_FORMAT:
        v.fail(f"{where}.format", f"{v.short(d['format'])} is not {GUIDE_FORMAT!r}")
    version = v.integer(d["version"], f"{where}.version", 1, 10**6)
    while version < GUIDE_VERSION:  # pragma: no cover - no older version exists yet
        d, version = MIGRATIONS[version](d), version + 1
    if version > GUIDE_VERSION:
        v.fail(f"{where}.version", f"version {version} was made by a newer nnviz (this one "
                                   f"reads version {GUIDE_VERSION}); update nnviz")
    lesson = v.string(d["lesson"], f"{where}.lesson", 64, LESSON_ID)
    title = v.text(d["title"], f"{where}.title", v.MAX_TITLE)
    items = v.listing(d["steps"], f"{where}.steps", MAX_STEPS)
    if not items:
        v.fail(f"{where}.steps", "a guide needs at least one step")
    steps = tuple(_step(s, f"{where}.steps[{i}]") for i, s in enumerate(items))
    ids = [s.id for s in steps]
    for i, step_id in enumerate(ids):
        if step_id in ids[:i]:
            v.fail(f"{where}.steps[{i}].id", f"the id {step_id!r} is used twice")
    return Guide(lesson, title, steps)


def _step(d, where: str) -> Step:
    v.require_dict(d, where, _STEP_FIELDS, ("id", "title", "text"))
    step_id = v.string(d["id"], f"{where}.id", 40, v.STEP_ID)
    title = v.text(d["title"], f"{where}.title", v.MAX_TITLE)
    text = v.text(d["text"], f"{where}.text")
    state = _state(d["set"], f"{where}.set") if "set" in d else StepState()
    task = None
    if "task" in d:
        v.require_dict(d["task"], f"{where}.task", ("text", "check"), ("text", "check"))
        task = Task(v.text(d["task"]["text"], f"{where}.task.text"),
                    parse_check(d["task"]["check"], f"{where}.task.check"))
    unlock = v.choice(d.get("unlock", "check" if task else "next"), f"{where}.unlock", UNLOCKS)
    if unlock == "check" and task is None:
        v.fail(f"{where}.unlock", "'check' needs a task with a check")
    return Step(step_id, title, text, state, task, unlock)


def _state(d, where: str) -> StepState:
    v.require_dict(d, where, _STATE_FIELDS)
    weights = {}
    given = d.get("weights", {})
    if not isinstance(given, dict):
        v.fail(f"{where}.weights", "expected an object {\"W1\": [[...]], \"b1\": [...]}")
    if len(given) > 32:
        v.fail(f"{where}.weights", "more than 32 arrays")
    for key, value in given.items():
        name = v.param_name(key, f"{where}.weights")
        if "[" in name:
            v.fail(f"{where}.weights.{name}", "name a whole array ('W1', 'b1')")
        if name in weights:
            v.fail(f"{where}.weights.{name}", "the array is given twice")
        weights[name] = v.array(value, f"{where}.weights.{name}")
        if name[0] == "b" and weights[name].ndim != 1:
            v.fail(f"{where}.weights.{name}", "a bias is a list of numbers")
        if name[0] == "W" and weights[name].ndim != 2:
            v.fail(f"{where}.weights.{name}", "a weight matrix is a list of rows")
    row = v.integer(d["input_row"], f"{where}.input_row", 0, 10**6) if "input_row" in d else None
    panels = v.names(d["panels"], f"{where}.panels", PANEL_TITLES) if "panels" in d else None
    controls = (v.names(d["controls"], f"{where}.controls", CONTROL_TITLES)
                if "controls" in d else None)
    reset = v.boolean(d["reset"], f"{where}.reset") if "reset" in d else False
    return StepState(MappingProxyType(weights), row, panels, controls, reset)


def parse_guide(data, what: str = "the guide") -> Guide:
    """A guide from JSON text or UTF-8 bytes (:class:`GuideError` with a message if unusable)."""
    if isinstance(data, bytes | bytearray | str) and len(data) > MAX_GUIDE_BYTES:
        raise GuideError(f"{what} is {len(data):,} bytes; a guide is at most "
                         f"{MAX_GUIDE_BYTES:,}")
    return guide_from_dict(parse_json(data, what, GuideError, MAX_GUIDE_DEPTH))


def load_guide_file(path) -> Guide:
    """Read one guide file; the message of a :class:`GuideError` names the file."""
    path = Path(path)
    try:
        data = read_regular(path, MAX_GUIDE_BYTES, "a guide", GuideError)
        return parse_guide(data, path.name)
    except OSError as exc:
        raise GuideError(f"{path.name}: {exc.strerror or exc}") from None
    except UnreadableFile as exc:
        if isinstance(exc, GuideError) and str(exc).startswith(path.name):
            raise
        raise GuideError(f"{path.name}: {exc}") from None


def guide_dir() -> Path:
    return resource_dir() / "guides"


def guide_for(lesson_id: str) -> Guide | None:
    """The shipped guide of lesson ``lesson_id``; None if it has none.

    Raises KeyError if ``lesson_id`` is not a lesson name (a path, ``../x``) and
    :class:`GuideError` if the file is broken or belongs to another lesson.
    """
    if not isinstance(lesson_id, str) or not LESSON_ID.fullmatch(lesson_id):
        raise KeyError(f"{str(lesson_id)[:80]!r} is not a lesson name")
    path = guide_dir() / f"{lesson_id}.json"
    if not path.is_file():
        return None
    guide = load_guide_file(path)
    if guide.lesson != lesson_id:
        raise GuideError(f"{path.name}: the guide is for the lesson {guide.lesson!r}")
    return guide


def guide_to_dict(guide: Guide) -> dict:
    """The JSON form of ``guide`` (``guide_from_dict(guide_to_dict(g)) == g`` in content)."""
    steps = []
    for s in guide.steps:
        d: dict = {"id": s.id, "title": s.title.to_dict(), "text": s.text.to_dict()}
        st = s.state
        if not st.empty:
            d["set"] = {}
            if st.weights:
                d["set"]["weights"] = {k: a.tolist() for k, a in st.weights.items()}
            if st.input_row is not None:
                d["set"]["input_row"] = st.input_row
            if st.panels is not None:
                d["set"]["panels"] = list(st.panels)
            if st.controls is not None:
                d["set"]["controls"] = list(st.controls)
            if st.reset:
                d["set"]["reset"] = True
        if s.task is not None:
            d["task"] = {"text": s.task.text.to_dict(), "check": check_to_dict(s.task.check)}
        d["unlock"] = s.unlock
        steps.append(d)
    return {"format": GUIDE_FORMAT, "version": GUIDE_VERSION, "lesson": guide.lesson,
            "title": guide.title.to_dict(), "steps": steps}
