"""Entry script for the PyInstaller bundle (packaging/nnviz.spec).

The same as ``python -m nnviz``: no arguments open the window, a subcommand (train, eval,
presets, data) runs the command line.  ``nnviz precompile [--system DIR]`` compiles every
kernel into a cache folder (nnviz.core.precompile); the installers run it (the .deb's
postinst, the Windows installer's [Run] step).
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    if sys.argv[1:2] == ["precompile"]:
        from nnviz.core.precompile import main as precompile

        sys.exit(precompile(sys.argv[2:]))
    from nnviz.__main__ import main

    sys.exit(main())
