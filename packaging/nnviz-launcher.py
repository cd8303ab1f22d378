"""Entry script for the PyInstaller bundle (packaging/nnviz.spec).

The same as ``python -m nnviz``: no arguments open the window, a subcommand (train, eval,
presets, data) runs the command line.
"""

import multiprocessing
import sys

from nnviz.__main__ import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
