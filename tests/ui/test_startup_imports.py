"""The first window must not wait for what it does not show: Numba (≈ 0.35 s to import) and the
kernels load after the first show, when the lessons do."""

import os
import subprocess
import sys

SHOW_AND_REPORT = """
import os, sys
from nnviz.ui.shell.app import create_app
from nnviz.ui.shell.main_window import MainWindow
app = create_app([])
win = MainWindow()
seen = {}
win.first_shown.connect(lambda: seen.update(numba="numba" in sys.modules,
                                            trainer="nnviz.core.train.trainer" in sys.modules))
win.show()
app.processEvents()
print(seen, flush=True)
os._exit(0)  # only the imports are tested here, not Qt's teardown at interpreter exit
"""


def test_the_first_window_shows_before_numba_is_imported(tmp_path):
    env = dict(os.environ, HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    out = subprocess.run([sys.executable, "-c", SHOW_AND_REPORT], capture_output=True,
                         text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "{'numba': False, 'trainer': False}"
