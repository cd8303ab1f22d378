"""``nnviz`` and ``python -m nnviz``: no arguments open the app; a subcommand runs the command
line (train, eval, presets, data; ``nnviz --help`` lists them).

The installed ``nnviz`` is a GUI script.  On Windows that means ``pythonw``, which has no console:
``nnviz train …`` typed in a terminal would print nothing.  A subcommand therefore first attaches
to the console of the terminal it was started from, when there is one.
"""

from __future__ import annotations

import sys


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
    if not args:
        from nnviz.ui.shell.app import main as gui_main

        return gui_main([])
    _attach_console()
    from nnviz.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
