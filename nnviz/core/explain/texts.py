"""Captions of the explained items in words, translatable, in English and Korean.

Items carry a template id and named arguments; the formulas themselves are symbols and
numbers (language-neutral).  :func:`render` turns an item into text with a ``tr`` callable
of Qt's signature ``tr(context, source_text) -> str``: the GUI passes
``QCoreApplication.translate``; without Qt, :func:`english` and :func:`korean` do the same job
(Korean from :data:`KOREAN`, the handouts' vocabulary).

Every English source string is wrapped in ``QT_TRANSLATE_NOOP("Explain", ...)`` so that
``pyside6-lupdate`` extracts it when this file is added to the sources it scans
(``scripts/update-translations``); :data:`KOREAN` then gives the translations to put in
``resources/translations/nnviz_ko.ts``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from nnviz.core.explain.formatting import fmt
from nnviz.core.explain.model import ExplainItem, Phase

CONTEXT = "Explain"
Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate reads)
    """Mark ``text`` for extraction by lupdate; returns it unchanged (no Qt in the core)."""
    return text


TEMPLATES: dict[str, str] = {
    "phase.forward": QT_TRANSLATE_NOOP("Explain", "Forward pass"),
    "phase.loss": QT_TRANSLATE_NOOP("Explain", "Loss"),
    "phase.backward": QT_TRANSLATE_NOOP("Explain", "Backward pass"),
    "phase.update": QT_TRANSLATE_NOOP("Explain", "Update"),
    "forward.input": QT_TRANSLATE_NOOP("Explain", "Input x"),
    "forward.hidden": QT_TRANSLATE_NOOP(
        "Explain", "Layer {layer}, neuron {neuron}: weighted sum a and activation z = h(a)"),
    "forward.output": QT_TRANSLATE_NOOP(
        "Explain", "Output neuron {neuron}: weighted sum a and output y"),
    "forward.perceptron": QT_TRANSLATE_NOOP(
        "Explain", "Weighted sum a and the step function's output y"),
    "loss.mse": QT_TRANSLATE_NOOP("Explain", "Loss: mean squared error"),
    "loss.bce": QT_TRANSLATE_NOOP("Explain", "Loss: binary cross-entropy"),
    "loss.cce": QT_TRANSLATE_NOOP("Explain", "Loss: categorical cross-entropy"),
    "loss.perceptron": QT_TRANSLATE_NOOP("Explain", "Error of the perceptron: d − y"),
    "backward.output": QT_TRANSLATE_NOOP("Explain", "Output neuron {neuron}: δ = ∂L/∂a"),
    "backward.hidden": QT_TRANSLATE_NOOP(
        "Explain", "Layer {layer}, neuron {neuron}: δ from the next layer's δ"),
    "backward.weight": QT_TRANSLATE_NOOP(
        "Explain", "Gradient of the weight {param}: ∂L/∂w = δ·z"),
    "backward.bias": QT_TRANSLATE_NOOP("Explain", "Gradient of the bias {param}: ∂L/∂b = δ"),
    "update.sgd": QT_TRANSLATE_NOOP("Explain", "Update {param} by gradient descent"),
    "update.momentum": QT_TRANSLATE_NOOP("Explain", "Update {param} with momentum"),
    "update.nesterov": QT_TRANSLATE_NOOP(
        "Explain", "Update {param} with Nesterov momentum (NAG)"),
    "update.adagrad": QT_TRANSLATE_NOOP("Explain", "Update {param} with Adagrad"),
    "update.rmsprop": QT_TRANSLATE_NOOP("Explain", "Update {param} with RMSProp"),
    "update.adam": QT_TRANSLATE_NOOP("Explain", "Update {param} with Adam"),
    "update.perceptron": QT_TRANSLATE_NOOP("Explain", "Perceptron rule for {param}"),
    "note.rest": QT_TRANSLATE_NOOP(
        "Explain", "{shown} of {count} terms are written out; the other {rest} add up to "
        "the number in brackets, {rest_sum}."),
    "trace.single": QT_TRANSLATE_NOOP(
        "Explain", "One path from the loss back to {param}: its gradient is a product"),
    "trace.sum": QT_TRANSLATE_NOOP(
        "Explain", "{paths} paths from the loss back to {param}: its gradient is a sum "
        "of products"),
    "warn.saturated": QT_TRANSLATE_NOOP(
        "Explain", "{where}: {activation} is saturated, h′ = {value} almost stops the "
        "gradient (vanishing gradient)"),
    "warn.dead_relu": QT_TRANSLATE_NOOP(
        "Explain", "{where}: dead ReLU (a ≤ 0), h′ = 0 lets no gradient through"),
    "warn.flat": QT_TRANSLATE_NOOP(
        "Explain", "{where}: {activation} has h′ = 0 here and lets no gradient through"),
    "warn.zero_input": QT_TRANSLATE_NOOP(
        "Explain", "{where} = 0: this sample gives the weight no gradient"),
    "warn.vanishing": QT_TRANSLATE_NOOP(
        "Explain", "On every path to {param} the {count} factors h′ multiply to at most "
        "{value}: the gradient shrinks layer by layer (vanishing gradient)"),
}

#: Korean captions by template id, in the handouts' words (순전파, 역전파, 가중합, 기울기 소실 …).
KOREAN_BY_ID: dict[str, str] = {
    "phase.forward": "순전파",
    "phase.loss": "손실",
    "phase.backward": "오차 역전파",
    "phase.update": "가중치 갱신",
    "forward.input": "입력 x",
    "forward.hidden": "{layer}층 뉴런 {neuron}: 가중합 a와 활성화 값 z = h(a)",
    "forward.output": "출력 뉴런 {neuron}: 가중합 a와 출력 y",
    "forward.perceptron": "가중합 a와 계단 함수의 출력 y",
    "loss.mse": "손실: 평균 제곱 오차",
    "loss.bce": "손실: 이진 교차 엔트로피",
    "loss.cce": "손실: 범주형 교차 엔트로피",
    "loss.perceptron": "퍼셉트론의 오차: d − y",
    "backward.output": "출력 뉴런 {neuron}: δ = ∂L/∂a",
    "backward.hidden": "{layer}층 뉴런 {neuron}: 다음 층의 δ로 구한 δ",
    "backward.weight": "가중치 {param}의 기울기: ∂L/∂w = δ·z",
    "backward.bias": "바이어스 {param}의 기울기: ∂L/∂b = δ",
    "update.sgd": "경사 하강법으로 {param} 갱신",
    "update.momentum": "모멘텀으로 {param} 갱신",
    "update.nesterov": "네스테로프 모멘텀(NAG)으로 {param} 갱신",
    "update.adagrad": "아다그라드(Adagrad)로 {param} 갱신",
    "update.rmsprop": "알엠에스프롭(RMSProp)으로 {param} 갱신",
    "update.adam": "아담(Adam)으로 {param} 갱신",
    "update.perceptron": "{param}에 퍼셉트론 학습 규칙 적용",
    "note.rest": "{count}개 항 중 {shown}개만 적었습니다. 나머지 {rest}개 항의 합은 "
                 "대괄호 안의 수 {rest_sum}입니다.",
    "trace.single": "손실에서 {param}까지 경로 하나: 기울기는 곱입니다",
    "trace.sum": "손실에서 {param}까지 경로 {paths}개: 기울기는 곱들의 합입니다",
    "warn.saturated": "{where}: {activation} 포화, h′ = {value} — 기울기가 거의 사라집니다 "
                      "(기울기 소실)",
    "warn.dead_relu": "{where}: 죽은 ReLU (a ≤ 0), h′ = 0 — 기울기가 전달되지 않습니다",
    "warn.flat": "{where}: 여기서 {activation}의 h′ = 0 — 기울기가 전달되지 않습니다",
    "warn.zero_input": "{where} = 0: 이 샘플로는 이 가중치의 기울기가 0입니다",
    "warn.vanishing": "{param}까지 가는 모든 경로에서 h′ 인수 {count}개의 곱이 {value} "
                      "이하입니다: 기울기가 층마다 작아집니다 (기울기 소실)",
}

#: English source text → Korean (what nnviz_ko.ts must hold for the "Explain" context).
KOREAN: dict[str, str] = {TEMPLATES[k]: v for k, v in KOREAN_BY_ID.items()}


def english(context: str, text: str) -> str:
    """The identity translation (English is the source language)."""
    return text


def korean(context: str, text: str) -> str:
    """Korean without Qt (tests, command line); unknown text stays English."""
    return KOREAN.get(text, text) if context == CONTEXT else text


def _arg(v) -> str:
    if isinstance(v, float):
        return fmt(v)
    if isinstance(v, int) and not isinstance(v, bool):
        return f"{v:,}"  # 32,768 paths (thousands separated, as the UI writes counts)
    return str(v)


def template_text(template: str, args, tr: Translate = english) -> str:
    """The caption of ``template`` in ``tr``'s language with ``args`` filled in."""
    try:
        source = TEMPLATES[template]
    except KeyError:
        raise KeyError(f"no caption for template {template!r}") from None
    return tr(CONTEXT, source).format(**{k: _arg(v) for k, v in dict(args).items()})


@dataclass(frozen=True)
class RenderedItem:
    """An item as text: its caption, formula and numbers lines, and an optional note."""

    caption: str
    formula: tuple[str, ...]
    numbers: tuple[str, ...]
    note: str = ""


def render(item: ExplainItem, tr: Translate = english) -> RenderedItem:
    """Caption (translated by ``tr``), formulas and numbers of one explained item.

    Parameters
    ----------
    item : ExplainItem
    tr : callable(context, text) -> str
        ``QCoreApplication.translate`` in the GUI; :func:`english` or :func:`korean` without Qt.
    """
    args = item.arg_dict
    note = template_text("note.rest", args, tr) if args.get("rest") else ""
    return RenderedItem(template_text(item.template, args, tr), item.formula, item.numbers,
                        note)


def render_text(item: ExplainItem, tr: Translate = english) -> str:
    """One plain-text block: caption, formula lines, numbers lines, note."""
    r = render(item, tr)
    return "\n".join([r.caption, *r.formula, *r.numbers, *([r.note] if r.note else [])])


def phase_name(phase: Phase, tr: Translate = english) -> str:
    """The phase's name: "Forward pass" … "Update" (순전파, 손실, 오차 역전파, 가중치 갱신)."""
    return template_text(f"phase.{Phase(phase).value}", {}, tr)


def caption(obj, tr: Translate = english) -> str:
    """The caption of anything with ``template`` and ``args`` (items, tracer warnings,
    chain traces)."""
    return template_text(obj.template, obj.args, tr)
