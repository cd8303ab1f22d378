"""Numbers are written the handouts' way and every caption exists in English and Korean,
marked for lupdate, with the same placeholders."""

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

import nnviz.core.explain.texts as texts
from nnviz.core.explain import (
    PHASES,
    EdgeRef,
    Phase,
    caption,
    english,
    explain_perceptron_step,
    explain_step,
    fmt,
    korean,
    phase_name,
    render,
    trace_gradient,
)
from nnviz.core.explain.formatting import pair, signed_sum
from nnviz.core.lessons.presets import get_preset

HANGUL = re.compile("[\uac00-\ud7a3]")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@pytest.mark.parametrize("x, text", [
    (0.57444252, "0.5744"), (1.21402696, "1.214"), (0.7710107, "0.771"), (0.3, "0.3"),
    (0.30000000000000004, "0.3"), (1.0, "1"), (-0.05, "−0.05"), (0.0, "0"), (-0.0, "0"),
    (1e-8, "1e−8"), (-1.5e-5, "−1.5e−5"), (12345.6, "1.235e4"), (9999.7, "10000"),
    (1234.4, "1234"), (float("nan"), "NaN"), (float("-inf"), "−∞"), (np.float32(0.1), "0.1"),
])
def test_numbers_have_four_significant_digits_and_a_real_minus(x, text):
    assert fmt(x) == text


def test_sums_and_indices():
    assert signed_sum(["0.1·1", "−0.2·0.5", "0.1"]) == "0.1·1 − 0.2·0.5 + 0.1"
    assert signed_sum(["−1"]) == "−1"
    assert pair(2, 1) == "₂₁" and pair(12, 3) == "₁₂,₃"


def test_every_caption_has_korean_with_the_same_placeholders():
    assert set(texts.KOREAN_BY_ID) == set(texts.TEMPLATES)
    for key, en in texts.TEMPLATES.items():
        ko = texts.KOREAN_BY_ID[key]
        assert sorted(PLACEHOLDER.findall(en)) == sorted(PLACEHOLDER.findall(ko)), key
        assert HANGUL.search(ko), key
    assert [phase_name(p, korean) for p in PHASES] == ["순전파", "손실", "오차 역전파",
                                                       "가중치 갱신"]
    assert phase_name(Phase.BACKWARD) == "Backward pass"


def test_every_caption_is_marked_for_lupdate():
    tree = ast.parse(Path(texts.__file__).read_text(encoding="utf-8"))
    marked = [node.args for node in ast.walk(tree) if isinstance(node, ast.Call)
              and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"]
    found = {(ctx.value, src.value) for ctx, src in marked}
    assert found == {("Explain", en) for en in texts.TEMPLATES.values()}


def test_lupdate_extracts_the_captions(tmp_path):
    lupdate = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent
                                                     / "pyside6-lupdate")
    if not Path(lupdate).exists():
        pytest.skip("pyside6-lupdate is not installed")
    out = tmp_path / "explain.ts"
    subprocess.run([lupdate, texts.__file__, "-ts", str(out)], check=True,
                   capture_output=True)
    root = ET.parse(out).getroot()
    found = {(ctx.findtext("name"), msg.findtext("source"))
             for ctx in root.iter("context") for msg in ctx.iter("message")}
    assert found == {("Explain", en) for en in texts.TEMPLATES.values()}


def test_items_of_every_kind_render_in_both_languages():
    seen = set()
    xor = get_preset("xor-backprop-2").build_network()
    walk = get_preset("forward-walkthrough").build_network()
    steps = [explain_step(walk, [1.0, 0.5], [0.0, 1.0], "mse", {"name": name, "lr": 0.1})
             for name in ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")]
    steps.append(explain_step(xor, [0, 1], [1], "bce", {"name": "sgd", "lr": 1.0}))
    perc = get_preset("perceptron-and").build_network()
    steps.append(explain_perceptron_step(perc, [1, 1], 1, 0.05))
    calls = []

    def spy(context, text):
        calls.append(context)
        return korean(context, text)

    for step in steps:
        for item in step.items:
            seen.add(item.template)
            en, ko = render(item, english), render(item, spy)
            assert en.numbers == ko.numbers and en.formula == ko.formula  # language-neutral
            assert HANGUL.search(ko.caption) and not HANGUL.search(en.caption)
            assert "{" not in en.caption and "{" not in ko.caption
    assert set(calls) == {"Explain"}
    assert {"forward.input", "forward.hidden", "forward.output", "loss.mse", "loss.bce",
            "backward.output", "backward.hidden", "backward.weight", "backward.bias",
            "update.adam", "update.perceptron", "forward.perceptron"} <= seen
    item = [it for it in steps[0].items if it.template == "forward.hidden"][0]
    assert render(item, korean).caption == "1층 뉴런 1: 가중합 a와 활성화 값 z = h(a)"
    trace = trace_gradient(xor, [0, 1], [1], "bce", EdgeRef(0, 0, 0))
    assert caption(trace, korean) == "손실에서 w₁₁⁽¹⁾까지 경로 하나: 기울기는 곱입니다"
    assert caption(trace.warnings[0]) == "x₁ = 0: this sample gives the weight no gradient"
