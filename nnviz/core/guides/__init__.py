"""Guided lessons as data: steps with text, state and live-checked tasks (Qt-free).

>>> guide = guide_for("perceptron-and")            # resources/guides/perceptron-and.json
>>> progress = GuideProgress(guide)
>>> status = progress.evaluate(LessonFacts(network=net, inputs=X, targets=T, epoch=1,
...                                        accuracy=0.75))
>>> status.done, status.hint.get("ko")
(False, '정답률이 75 %입니다 (목표: 100 % 이상).')

README.md in this folder documents the format, the panel and control names and every check.
"""

from nnviz.core.guides.checks import CHECKS, COMBINATORS, evaluate, parse_check
from nnviz.core.guides.facts import PHASE_ORDER, LessonFacts, bias_name, weight_name
from nnviz.core.guides.hints import CheckResult
from nnviz.core.guides.lesson_fit import lesson_rows, validate_for_lesson
from nnviz.core.guides.loader import (
    MAX_GUIDE_BYTES,
    guide_dir,
    guide_for,
    guide_from_dict,
    guide_to_dict,
    load_guide_file,
    parse_guide,
)
from nnviz.core.guides.model import (
    CONTROL_TITLES,
    GUIDE_FORMAT,
    GUIDE_VERSION,
    PANEL_TITLES,
    Check,
    Guide,
    GuideError,
    Step,
    StepState,
    Task,
    Text,
    control_title,
    panel_title,
)
from nnviz.core.guides.progress import GuideProgress, StepStatus

__all__ = [
    "CHECKS", "COMBINATORS", "CONTROL_TITLES", "GUIDE_FORMAT", "GUIDE_VERSION",
    "MAX_GUIDE_BYTES", "PANEL_TITLES", "PHASE_ORDER",
    "Check", "CheckResult", "Guide", "GuideError", "GuideProgress", "LessonFacts", "Step",
    "StepState", "StepStatus", "Task", "Text",
    "bias_name", "control_title", "evaluate", "guide_dir", "guide_for", "guide_from_dict",
    "guide_to_dict", "lesson_rows", "load_guide_file", "panel_title", "parse_check",
    "parse_guide", "validate_for_lesson", "weight_name",
]
