"""``python -m nnviz``: subcommands run the command line (train, eval, presets, data)."""

from __future__ import annotations

import sys


def main(argv=None) -> int:
    from nnviz.cli import main as cli_main

    return cli_main(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
