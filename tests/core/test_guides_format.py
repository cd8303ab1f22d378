"""Every lesson has a guide; every shipped guide loads, fits its lesson and speaks the handouts'
language (both languages, their numbers and vocabulary)."""

import json
import re
import subprocess
import sys

import numpy as np
import pytest

from nnviz.core.guides import (
    CHECKS,
    COMBINATORS,
    CONTROL_TITLES,
    PANEL_TITLES,
    guide_dir,
    guide_for,
    guide_from_dict,
    guide_to_dict,
    load_guide_file,
    validate_for_lesson,
)
from nnviz.core.lessons.presets import PRESET_ID, all_presets, get_preset

PRESETS = all_presets()
IDS = [p.id for p in PRESETS]
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _texts(guide):
    """Every (where, Text) of a guide: its title, the steps' titles, texts and tasks."""
    yield "title", guide.title
    for s in guide.steps:
        yield f"{s.id}.title", s.title
        yield f"{s.id}.text", s.text
        if s.task is not None:
            yield f"{s.id}.task", s.task.text


def _all_checks(check):
    yield check
    for child in check.children:
        yield from _all_checks(child)


def test_every_lesson_has_exactly_one_guide_and_no_guide_lacks_a_lesson():
    assert len(IDS) == 20
    files = sorted(p.stem for p in guide_dir().glob("*.json"))
    assert files == sorted(IDS)


@pytest.mark.parametrize("preset", PRESETS, ids=IDS)
def test_guide_loads_validates_and_fits_its_lesson(preset):
    guide = guide_for(preset.id)
    assert guide is not None and guide.lesson == preset.id
    validate_for_lesson(guide, preset)
    assert 3 <= len(guide.steps) <= 7
    ids = [s.id for s in guide.steps]
    assert len(set(ids)) == len(ids)
    for s in guide.steps:
        for name in s.state.panels or ():
            assert name in PANEL_TITLES
        for name in s.state.controls or ():
            assert name in CONTROL_TITLES
        if s.task is None:
            assert s.unlock == "next"
        else:
            for c in _all_checks(s.task.check):
                assert c.kind in CHECKS or c.kind in COMBINATORS
    for where, text in _texts(guide):
        assert text.en.strip() and text.ko.strip(), where
        assert HANGUL.search(text.ko) or not re.search(r"[A-Za-z]{4}", text.ko), where
        assert not HANGUL.search(text.en), where  # no Korean left in the English


@pytest.mark.parametrize("preset", PRESETS, ids=IDS)
def test_guide_round_trips_through_a_dict_and_json(preset):
    guide = guide_for(preset.id)
    d = guide_to_dict(guide)
    again = guide_from_dict(json.loads(json.dumps(d, allow_nan=False)))
    assert guide_to_dict(again) == d
    on_disk = json.loads((guide_dir() / f"{preset.id}.json").read_text(encoding="utf-8"))
    assert guide_to_dict(guide_from_dict(on_disk)) == d


def test_korean_texts_use_the_handouts_vocabulary():
    korean = " ".join(t.ko for p in PRESETS for _, t in _texts(guide_for(p.id)))
    for term in ("계단 함수", "가중합", "학습률 η", "라운드", "에포크", "정답률", "은닉층",
                 "역전파", "시그모이드", "손실 함수", "기울기 소실", "바이어스", "순전파",
                 "활성화 함수", "원-핫 인코딩", "소프트맥스", "오버플로", "배치 처리"):
        assert term in korean, term


def _all_text(preset_id, lang):
    return " ".join(t.get(lang) for _, t in _texts(guide_for(preset_id)))


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("preset_id, numbers", [
    ("perceptron-and", ["η = 0.05", "75 %", "Δw₁ = 0.05·(0 − 1)·1 = −0.05", "−1"]),
    ("perceptron-and-by-hand", ["0.4", "0.2", "−0.5", "−0.3", "−0.1", "0.1"]),
    ("xor-gates", ["[[−2, 2], [−2, 2]]", "[3, −1]", "[1, 1]", "[−1]", "n₁", "n₂",
                   "(0, 0) → n₁ = 1, n₂ = 0, y = 0"]),
    ("xor-relu", ["[[1, 1], [1, 1]]", "c = [0, −1]", "w = [1, −2]", "(2, 1)"]),
    ("forward-walkthrough", ["[0.3, 0.7, 1.1]", "[0.5744, 0.6682, 0.7503]", "[0.5162, 1.214]",
                             "[0.6262, 0.7710]", "[0.3168, 0.6963]",
                             "0.1·1.0 + 0.2·0.5 + 0.1 = 0.3"]),
    ("xor-backprop-2", ["δⱼ = h′(aⱼ)·Σₖ wₖⱼ·δₖ", "δⱼ·zᵢ", "W(t+1) = W_t − η·∂"]),
    ("softmax-overflow", ["[1010, 1000, 990]", "[0.01821, 0.2452, 0.7366]",
                          "4.54·10⁻⁵", "2.06·10⁻⁹"]),
    ("mnist-course", ["2,000", "0.5862", "0.01", "0.99"]),
    ("mnist-pretrained", ["10,000", "100 × 784", "np.argmax"]),
])
def test_guides_carry_the_handouts_numbers(preset_id, numbers, lang):
    text = _all_text(preset_id, lang)
    for n in numbers:
        assert n in text, (preset_id, lang, n)


def test_weights_the_guides_set_are_the_handouts():
    # steps that show the handout's network must set exactly the preset's numbers
    for preset_id, step_id in (("xor-gates", "design"), ("xor-relu", "model"),
                               ("forward-walkthrough", "network"),
                               ("perceptron-and-by-hand", "code")):
        preset = get_preset(preset_id)
        step = guide_for(preset_id).steps[guide_for(preset_id).index_of(step_id)]
        assert set(step.state.weights) == set(preset.weights)
        for key, value in preset.weights.items():
            np.testing.assert_array_equal(step.state.weights[key], np.asarray(value, float))


def test_perceptron_guide_walks_the_handout_in_order():
    steps = [s.id for s in guide_for("perceptron-and").steps]
    assert steps == ["neuron", "data", "round-1", "one-update", "graph", "all-right", "the-line"]
    kinds = [s.task.check.kind if s.task else None for s in guide_for("perceptron-and").steps]
    assert kinds == ["input_selected", None, "trained", "explain_phase", None, "accuracy", None]


def test_lesson_ids_agree_with_the_presets_rule():
    from nnviz.core.guides.loader import LESSON_ID

    assert LESSON_ID.pattern == PRESET_ID.pattern


def test_reading_guides_imports_neither_qt_nor_the_trainer():
    code = ("import sys\nfrom nnviz.core.guides import guide_for\nguide_for('perceptron-and')\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', "
            "'numba') or m in ('nnviz.core.train.trainer', "
            "'nnviz.core.lessons.presets')]\nprint(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120)
    assert out.stdout.strip() == "[]"


def test_a_guide_file_is_read_by_its_path_too(tmp_path):
    src = guide_dir() / "xor-gates.json"
    copy = tmp_path / "mine.json"
    copy.write_bytes(src.read_bytes())
    assert guide_to_dict(load_guide_file(copy)) == guide_to_dict(guide_for("xor-gates"))
