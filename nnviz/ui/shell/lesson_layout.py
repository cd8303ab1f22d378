"""A lesson's workspace as data: which docks it needs and how they are arranged.

Each lesson has a file ``resources/layouts/<lesson id>.json`` (lessons without one use
``resources/layouts/default.json``, and if that is missing too, :data:`BUILTIN_DEFAULT`)::

    {
      "left":   {"size": 250, "groups": [["inputs"], ["explanation"]], "shares": [40, 60]},
      "right":  {"size": 420, "groups": [["outputs"], ["plots", "gradients"]]},
      "bottom": {"size": 170, "groups": [["weights", "inspector"]]},
      "top":    {"groups": [["guide"]]},
      "raise": ["weights"],
      "toolbars": ["main", "run", "live"],
      "presentation": ["explanation", "plots"]
    }

An area's ``groups`` are stacked (left/right: top to bottom; top/bottom: left to right); the
docks of one group are tabs, the first one in front unless ``raise`` names another.  ``size``
is the area's width (left/right) or height (bottom) in pixels at 100 % text size (at most
``max_fraction`` of the window, 0.3 of its width for a side by default), ``shares`` the groups'
relative lengths.  Docks that no area names are hidden: a lesson that does not train
lists no loss curves and no hyper-parameters.  ``toolbars`` says which toolbar rows show (the run
bar and the live figures only for lessons that train), ``presentation`` which docks presentation
mode keeps beside the canvas (the explanation and the one plot the lesson needs).

The dock keys are the main window's (``MainWindow.docks``; the MNIST docks are ``mnist_*``, the
guide's ``guide`` and ``explained``, see :mod:`nnviz.ui.shell.guide_docks`).  This module is
Qt-free: :mod:`nnviz.ui.shell.layout_keeper` applies a layout to the window.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

AREAS = ("left", "right", "top", "bottom")
#: every dock a layout may name (MainWindow.docks' keys)
DOCK_KEYS = frozenset({
    "inputs", "outputs", "weights", "inspector", "explanation", "step", "hyper", "gradients",
    "compare", "regularisation", "layer_stats", "plots", "guide", "explained",
    "mnist_samples", "mnist_draw", "mnist_confusion", "mnist_weight_images", "tracer",
    "graph", "lab_gallery", "lab_race"})
TOOLBARS = frozenset({"main", "run", "live"})
#: the docks that show training (a lesson that does not train lists none of them)
TRAINING_DOCKS = frozenset({"plots", "hyper", "gradients", "compare", "regularisation",
                            "step", "explained", "layer_stats"})
MAX_SIZE = 2000  # px: a size beyond any screen is a typo
_LESSON_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")

#: used when resources/layouts/ has neither the lesson's file nor default.json
BUILTIN_DEFAULT: dict = {
    "left": {"size": 250, "groups": [["inputs"], ["explanation"]], "shares": [45, 55]},
    "right": {"size": 420, "groups": [["outputs"], ["plots"]], "shares": [55, 45]},
    "bottom": {"size": 170, "groups": [["weights", "inspector", "hyper"]]},
    "top": {"groups": [["guide"]]},
    "toolbars": ["main", "run", "live"],
    "presentation": ["explanation", "plots"],
}


class LayoutError(ValueError):
    """A layout file that cannot be used (the message says why)."""


@dataclass(frozen=True)
class AreaLayout:
    """One dock area: its groups of tabbed docks, their shares and the area's size."""

    groups: tuple[tuple[str, ...], ...]
    shares: tuple[int, ...]
    size: int | None = None
    max_fraction: float | None = None  # of the window, at most (None: the keeper's default)


@dataclass(frozen=True)
class LessonLayout:
    """A lesson's default workspace (see the module's docstring for the file format)."""

    lesson: str
    areas: dict[str, AreaLayout]
    raised: tuple[str, ...] = ()
    toolbars: frozenset[str] = TOOLBARS
    presentation: tuple[str, ...] = ("explanation",)
    revision: str = field(default="", compare=False)  # changes when the file does

    def docks(self) -> frozenset[str]:
        """Every dock the layout shows."""
        return frozenset(k for a in self.areas.values() for g in a.groups for k in g)

    def area_of(self, key: str) -> str | None:
        for name, area in self.areas.items():
            if any(key in g for g in area.groups):
                return name
        return None


def _strings(value, what: str, allowed: frozenset[str]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LayoutError(f"{what} must be a list of names")
    unknown = [v for v in value if v not in allowed]
    if unknown:
        raise LayoutError(f"{what}: unknown name(s) {', '.join(unknown)} "
                          f"(known: {', '.join(sorted(allowed))})")
    return tuple(value)


def _size(value, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_SIZE:
        raise LayoutError(f"{what} must be a whole number of pixels in 1 … {MAX_SIZE}")
    return value


def _area(name: str, data) -> AreaLayout:
    if not isinstance(data, dict):
        raise LayoutError(f"{name} must be an object with 'groups'")
    groups_in = data.get("groups")
    if not isinstance(groups_in, list) or not groups_in:
        raise LayoutError(f"{name}.groups must be a non-empty list of lists of docks")
    groups = tuple(_strings(g, f"{name}.groups[{i}]", DOCK_KEYS)
                   for i, g in enumerate(groups_in))
    if any(not g for g in groups):
        raise LayoutError(f"{name}.groups: a group is empty")
    shares_in = data.get("shares", [1] * len(groups))
    if not isinstance(shares_in, list) or len(shares_in) != len(groups):
        raise LayoutError(f"{name}.shares must give one number per group ({len(groups)})")
    shares = tuple(_size(s, f"{name}.shares") for s in shares_in)
    size = _size(data["size"], f"{name}.size") if "size" in data else None
    fraction = data.get("max_fraction")
    if fraction is not None and (isinstance(fraction, bool)
                                 or not isinstance(fraction, int | float)
                                 or not 0.1 <= fraction <= 0.6):
        raise LayoutError(f"{name}.max_fraction must be a number in 0.1 … 0.6")
    return AreaLayout(groups, shares, size, None if fraction is None else float(fraction))


def parse_layout(data, lesson: str, revision: str = "") -> LessonLayout:
    """A :class:`LessonLayout` from a layout file's JSON (raises :class:`LayoutError`)."""
    if not isinstance(data, dict):
        raise LayoutError("a layout is a JSON object")
    unknown = set(data) - {*AREAS, "raise", "toolbars", "presentation", "lesson", "comment"}
    if unknown:
        raise LayoutError(f"unknown key(s): {', '.join(sorted(unknown))}")
    areas = {name: _area(name, data[name]) for name in AREAS if name in data}
    seen: set[str] = set()
    for area in areas.values():
        for group in area.groups:
            twice = seen.intersection(group) or {k for k in group if group.count(k) > 1}
            if twice:
                raise LayoutError(f"dock(s) placed twice: {', '.join(sorted(twice))}")
            seen.update(group)
    raised = _strings(data.get("raise", []), "raise", DOCK_KEYS)
    missing = [k for k in raised if k not in seen]
    if missing:
        raise LayoutError(f"raise names docks the layout does not show: {', '.join(missing)}")
    toolbars = frozenset(_strings(data.get("toolbars", sorted(TOOLBARS)), "toolbars", TOOLBARS))
    presentation = _strings(data.get("presentation", ["explanation"]), "presentation",
                            DOCK_KEYS)
    return LessonLayout(lesson, areas, raised, toolbars, presentation, revision)


def is_lesson_id(text: str) -> bool:
    """A lesson id as the presets spell them (safe in a file name and a settings key)."""
    return bool(_LESSON_ID.fullmatch(text or ""))


def layouts_folder() -> Path | None:
    """``resources/layouts`` (None when the installation has no resources)."""
    try:
        from nnviz.core.lessons.assets import resource_dir

        return resource_dir() / "layouts"
    except FileNotFoundError:
        return None


def _read(path: Path, lesson: str) -> LessonLayout:
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LayoutError(f"{path.name}: {exc}") from exc
    revision = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    try:
        return parse_layout(data, lesson, revision)
    except LayoutError as exc:
        raise LayoutError(f"{path.name}: {exc}") from exc


def load_layout(lesson: str, folder: Path | None = None) -> LessonLayout:
    """The lesson's layout: its own file, else ``default.json``, else :data:`BUILTIN_DEFAULT`.

    A damaged file raises :class:`LayoutError` (our resources: the tests read every one).
    """
    folder = layouts_folder() if folder is None else folder
    if folder is not None:
        if is_lesson_id(lesson) and (folder / f"{lesson}.json").is_file():
            return _read(folder / f"{lesson}.json", lesson)
        if (folder / "default.json").is_file():
            return _read(folder / "default.json", lesson)
    return parse_layout(BUILTIN_DEFAULT, lesson, "builtin")


def safe_layout(lesson: str, folder: Path | None = None) -> tuple[LessonLayout, str]:
    """:func:`load_layout`, or the built-in default and the reason when a file is damaged."""
    try:
        return load_layout(lesson, folder), ""
    except LayoutError as exc:
        return parse_layout(BUILTIN_DEFAULT, lesson, "builtin"), str(exc)


def without_bottom_area(layout: LessonLayout) -> LessonLayout:
    """``layout`` for a short screen (large text on 768 px): the bottom area's docks become
    more tabs of the right column's last group, so the canvas keeps its height."""
    bottom, right = layout.areas.get("bottom"), layout.areas.get("right")
    if bottom is None or right is None or not right.groups:
        return layout
    moved = tuple(k for g in bottom.groups for k in g)
    groups = right.groups[:-1] + (right.groups[-1] + moved,)
    areas = {name: a for name, a in layout.areas.items() if name != "bottom"}
    areas["right"] = replace(right, groups=groups)
    return replace(layout, areas=areas)
