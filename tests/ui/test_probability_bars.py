"""The softmax bars' numbers are written whole (the pretrained MNIST net's 5.363e−6 was cut)."""

import numpy as np

from nnviz.ui.common.formatting import fmt
from nnviz.ui.common.probability_bars import ProbabilityBars


def test_the_value_column_holds_the_widest_number(qtbot):
    bars = ProbabilityBars()
    qtbot.addWidget(bars)
    p = np.array([5.363e-6, 1.015e-5, 0.9966, 2.271e-6])
    bars.set_values(p)
    fm = bars.fontMetrics()
    widest = max(fm.horizontalAdvance(fmt(v)) for v in p)
    assert widest > fm.horizontalAdvance("0.0000")  # the case that was cut
    assert bars.value_column_width() >= widest
