"""``python -m nnviz``: no arguments open the app; subcommands run the command line
(train, eval, presets, data)."""

from __future__ import annotations

import sys


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if not args:
        from nnviz.ui.shell.app import main as gui_main

        return gui_main([])
    from nnviz.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
