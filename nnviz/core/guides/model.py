"""A guide's data: steps with bilingual text, the state each sets and its task (frozen).

Everything here is immutable: a :class:`Guide` read from a file can be shared by the GUI, a
lesson file and a test without copies.  The vocabulary of panel and control names the GUI
maps to its widgets is :data:`PANEL_TITLES` and :data:`CONTROL_TITLES` (README.md in this
folder says what each shows).  Parsing and validation live in :mod:`.loader`, the checks in
:mod:`.checks`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

from nnviz.core.files.safe_open import UnreadableFile

#: Version of the guide format this nnviz reads and writes.
GUIDE_VERSION = 1
#: The value of a guide's "format" field (tells a guide from other JSON).
GUIDE_FORMAT = "nnviz-guide"
#: Languages every text must have.
LANGUAGES = ("en", "ko")

#: Panel names a step may ask the GUI to show, with their titles (README.md: what each shows).
PANEL_TITLES = {
    "canvas": ("Network", "신경망"),
    "explanation": ("Explanation", "설명"),
    "truth_table": ("Truth table", "진리표"),
    "input_vector": ("Input x", "입력 x"),
    "input_plane": ("Input plane", "입력 평면"),
    "hidden_space": ("Hidden space", "은닉 공간"),
    "outputs": ("Output", "출력"),
    "loss_plot": ("Loss and Accuracy", "손실과 정답률"),
    "step_detail": ("Step Detail", "스텝 상세"),
    "explained_step": ("Explained step", "스텝 풀이"),
    "tracer": ("Chain-rule tracer", "연쇄 법칙 추적"),
    "graph": ("Computational graph", "계산 그래프"),
    "weights": ("Weights", "가중치"),
    "inspector": ("Inspector", "뉴런 정보"),
    "hyper": ("Hyper-parameters", "하이퍼파라미터"),
    "gradient_norms": ("Gradient Norms", "기울기 크기"),
    "compare": ("Run Comparison", "실행 비교"),
    "activation_gallery": ("Activation Gallery", "활성화 함수 갤러리"),
    "optimizer_race": ("Optimizer Race", "최적화 함수 경주"),
    "mnist_samples": ("Test images", "테스트 이미지"),
    "draw_pad": ("Draw a digit", "숫자 그리기"),
    "confusion": ("Confusion matrix", "혼동 행렬"),
    "weight_images": ("Weight images", "가중치 이미지"),
}

#: Control names a step may enable (the lesson's other controls are disabled in that step).
CONTROL_TITLES = {
    "play": ("Play", "재생"),
    "step_sample": ("Sample", "한 샘플"),
    "step_batch": ("Batch", "한 배치"),
    "step_epoch": ("Epoch", "한 에포크"),
    "reset": ("Reset", "초기화"),
    "new_init": ("New random weights", "새 랜덤 가중치"),
    "lr": ("learning rate η", "학습률 η"),
    "optimizer": ("optimizer", "최적화 함수"),
    "loss": ("loss", "손실 함수"),
    "edit_weights": ("Edit weights", "가중치 편집"),
    "explain_nav": ("Prev / Next", "이전 / 다음"),
    "evaluate": ("Evaluate test images", "테스트 이미지 평가"),
    "import_weights": ("Import weights", "가중치 가져오기"),
    "compare": ("Compare variants", "변형 비교"),
}

#: How a step unlocks the next one.
UNLOCKS = ("check", "next")


class GuideError(UnreadableFile):
    """A guide cannot be used; ``str(exc)`` says where and why (never a traceback)."""


@dataclass(frozen=True)
class Text:
    """One text in English and Korean."""

    en: str
    ko: str

    def get(self, lang: str) -> str:
        """The text in ``lang`` ("ko" or "en"; anything else gives English)."""
        return self.ko if lang == "ko" else self.en

    def join(self, other: Text | None, sep: str = " ") -> Text:
        """This text followed by ``other`` (in each language)."""
        if other is None:
            return self
        return Text(f"{self.en}{sep}{other.en}", f"{self.ko}{sep}{other.ko}")

    def to_dict(self) -> dict:
        return {"en": self.en, "ko": self.ko}


def panel_title(name: str) -> Text:
    """The title of panel ``name`` as the GUI shows it (the name itself if unknown)."""
    en, ko = PANEL_TITLES.get(name, (name, name))
    return Text(en, ko)


def control_title(name: str) -> Text:
    """The label of control ``name`` as the GUI shows it (the name itself if unknown)."""
    en, ko = CONTROL_TITLES.get(name, (name, name))
    return Text(en, ko)


def frozen_array(values) -> np.ndarray:
    """A read-only float64 copy (so a Guide can never be changed through its arrays)."""
    a = np.array(values, dtype=np.float64)
    a.setflags(write=False)
    return a


@dataclass(frozen=True)
class Check:
    """One declarative check: a kind from ``checks.CHECKS`` and its arguments.

    ``args`` holds the kind's parameters (numbers, strings, bools, tuples); ``children`` the
    sub-checks of ``all``/``any``; ``hint`` an author's text shown before the computed hint
    when the check fails.
    """

    kind: str
    args: Mapping = field(default_factory=lambda: MappingProxyType({}))
    children: tuple[Check, ...] = ()
    hint: Text | None = None

    def arg(self, name: str, default=None):
        return self.args.get(name, default)


@dataclass(frozen=True)
class Task:
    """What the student is asked to do in a step, and how the app knows it is done."""

    text: Text
    check: Check


@dataclass(frozen=True, eq=False)
class StepState:
    """What entering a step sets; every field optional (None: leave as it is).

    weights : {"W1": array, "b1": array, ...} set with ``Network.set_layer`` (read-only arrays)
    input_row : row of the lesson's data to select (0-based)
    panels : panel names to show (``PANEL_TITLES``); None keeps the lesson's layout
    controls : control names enabled (``CONTROL_TITLES``); None keeps the lesson's controls
    reset : start the run again from its initial weights
    """

    weights: Mapping = field(default_factory=lambda: MappingProxyType({}))
    input_row: int | None = None
    panels: tuple[str, ...] | None = None
    controls: tuple[str, ...] | None = None
    reset: bool = False

    def apply_weights(self, net) -> None:
        """Write this step's weights into ``net`` (a :class:`~nnviz.core.nn.network.Network`).

        Raises ValueError/IndexError (from ``Network.set_layer``) when a shape does not fit;
        :func:`nnviz.core.guides.loader.validate_for_lesson` finds that before a guide ships.
        """
        for key in sorted(self.weights):
            layer = int(key[1:]) - 1
            if key[0] == "W":
                net.set_layer(layer, W=self.weights[key])
            else:
                net.set_layer(layer, b=self.weights[key])

    @property
    def empty(self) -> bool:
        return (not self.weights and self.input_row is None and self.panels is None
                and self.controls is None and not self.reset)


@dataclass(frozen=True)
class Step:
    """One step of a guide: its text, the state it sets, its task and how it unlocks."""

    id: str
    title: Text
    text: Text
    state: StepState = field(default_factory=StepState)
    task: Task | None = None
    unlock: str = "next"  # "check": the task's check must pass; "next": free


@dataclass(frozen=True)
class Guide:
    """A lesson's guide: its steps in the handout's order."""

    lesson: str  # the preset id the guide belongs to
    title: Text
    steps: tuple[Step, ...]
    version: int = GUIDE_VERSION

    def __len__(self) -> int:
        return len(self.steps)

    def index_of(self, step_id: str) -> int:
        for i, s in enumerate(self.steps):
            if s.id == step_id:
                return i
        raise KeyError(f"the guide has no step {step_id!r}")
