"""nnviz.core must never load Qt or pyqtgraph (conventions: the model layer is Qt-free)."""

import pkgutil
import subprocess
import sys

import nnviz.core


def test_core_imports_no_qt():
    mods = [m.name for m in pkgutil.walk_packages(nnviz.core.__path__, "nnviz.core.")]
    assert "nnviz.core.train.trainer" in mods and "nnviz.core.kernels.sgd_b1" in mods
    code = (
        "import importlib, sys\n"
        f"for m in {mods!r}: importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')"
        " or m.startswith('nnviz.ui')]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""
