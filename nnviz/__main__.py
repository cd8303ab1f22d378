"""``nnviz`` and ``python -m nnviz``: no arguments open the app; a subcommand runs the command
line (train, eval, presets, data; ``nnviz --help`` lists them); one other argument names what
the app opens first — a lesson id (``nnviz perceptron-and``) or a file (``nnviz shared.npz``),
for the desktop shortcuts an instructor makes and for file associations.

A lesson id is never a subcommand's name (a test checks it), so ``nnviz train …`` stays the
command line; a file called like a subcommand opens as ``nnviz ./train``. An unknown lesson id
or a missing file is said on stderr and in a dialog, and the app starts as usual.

The installed ``nnviz`` is a GUI script.  On Windows that means ``pythonw``, which has no console:
``nnviz train …`` typed in a terminal would print nothing.  A subcommand therefore first attaches
to the console of the terminal it was started from, when there is one.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import NamedTuple

#: the command line's subcommands (nnviz/cli.py); anything else alone is something to open
SUBCOMMANDS = ("train", "eval", "presets", "data", "precompile")
#: a lesson id as resources/presets names its files (the same rule as nnviz.core.lessons.presets)
LESSON_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


class StartTarget(NamedTuple):
    """What ``nnviz ARG`` opens: kind "lesson" or "file", or the problem "unknown-lesson" /
    "missing-file" (the app then starts as usual and says so)."""

    kind: str
    value: str

    @property
    def problem(self) -> str:
        """One English sentence for stderr ('' when there is nothing to say)."""
        if self.kind == "unknown-lesson":
            known = ", ".join(lesson_ids())
            return (f"no lesson called {self.value!r}; the lessons are: {known} "
                    f"(`nnviz presets` lists them with their titles)")
        if self.kind == "missing-file":
            return f"there is no file {self.value} (nor a lesson of that name)"
        return ""


def lesson_ids() -> list[str]:
    """The ids of the shipped lessons (their file names: cheap, no lesson is parsed)."""
    from nnviz.core.lessons.assets import resource_dir

    try:
        folder = resource_dir() / "presets"
    except FileNotFoundError:
        return []
    return sorted(p.stem for p in folder.glob("*.json") if LESSON_ID.fullmatch(p.stem))


def start_target(arg: str) -> StartTarget:
    """Read ``nnviz ARG``: an existing file opens as a file, a lesson id as that lesson."""
    path = Path(arg).expanduser()
    if path.is_file():
        return StartTarget("file", str(path.resolve()))
    if LESSON_ID.fullmatch(arg):
        if arg in lesson_ids():
            return StartTarget("lesson", arg)
        if not path.exists():
            return StartTarget("unknown-lesson", arg)
    return StartTarget("missing-file", arg)


def is_command_line(args: list[str]) -> bool:
    """True when ``args`` are for the command line (a subcommand or an option such as --help)."""
    return len(args) != 1 or args[0] in SUBCOMMANDS or args[0].startswith("-")


def _attach_console() -> None:
    """Windows GUI script run from a terminal: print into that terminal (no-op elsewhere)."""
    if sys.platform != "win32" or sys.stdout is not None:
        return
    import ctypes

    attach_parent_process = -1
    if not ctypes.windll.kernel32.AttachConsole(attach_parent_process):
        return  # started from the Start menu: no terminal to print to
    sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if not args or not is_command_line(args):
        start = start_target(args[0]) if args else None
        if start is not None and start.problem:
            _attach_console()
            print(f"nnviz: {start.problem}", file=sys.stderr)
        from nnviz.ui.shell.app import main as gui_main

        return gui_main([], start=start)
    _attach_console()
    from nnviz.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
