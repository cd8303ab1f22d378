"""The result of a check and the pieces its hints are written with (English and Korean).

A hint says why a task is not done yet, with the numbers that show it ("for (1, 0) the output
is 1; it should be 0").  Korean hints use the handouts' words (정답률, 라운드, 학습률 η, 은닉층,
출력층, 가중합 …) and put numbers where no particle has to follow them ("목표: 100 % 이상"),
so no sentence depends on how a number is read aloud.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.core.explain.formatting import fmt
from nnviz.core.guides.model import Text

#: Names of the optimizers and losses as the handouts print them and the hyper-parameters
#: panel shows them (nnviz/ui/common/names.py with its Korean; issue 16's one rule).
OPTIMIZER_TITLES = {
    "sgd": ("SGD", "확률적 경사 하강법(SGD)"),
    "momentum": ("Momentum", "모멘텀(Momentum)"),
    "nesterov": ("Nesterov (NAG)", "네스테로프 모멘텀(NAG)"),
    "adagrad": ("Adagrad", "아다그라드(Adagrad)"),
    "rmsprop": ("RMSProp", "알엠에스프롭(RMSProp)"),
    "adam": ("Adam", "아담(Adam)"),
}
LOSS_TITLES = {
    "mse": ("mean squared error (MSE)", "평균 제곱 오차 (MSE)"),
    "bce": ("binary cross-entropy", "이진 교차 엔트로피"),
    "cce": ("categorical cross-entropy", "교차 엔트로피"),
}
PHASE_TITLES = {
    "forward": ("Forward", "순전파"),
    "loss": ("Loss", "손실"),
    "backward": ("Backward", "오차 역전파"),
    "update": ("Update", "가중치 갱신"),
}


@dataclass(frozen=True)
class CheckResult:
    """Did the check pass; if not, a hint (English and Korean) saying why not yet."""

    passed: bool
    hint: Text | None = None


PASSED = CheckResult(True)


def not_yet(en: str, ko: str) -> CheckResult:
    return CheckResult(False, Text(en, ko))


def title(table: dict, name: str) -> Text:
    en, ko = table.get(name, (name, name))
    return Text(en, ko)


def pct(fraction: float) -> str:
    """0.75 → "75 %", 0.9186 → "91.9 %" (one decimal unless whole)."""
    p = 100.0 * float(fraction)
    return f"{p:.0f} %" if abs(p - round(p)) < 0.05 else f"{p:.1f} %"


def count(n: int) -> str:
    """Thousands separators: 2000 → "2,000"."""
    return f"{int(n):,}"


def vector(values) -> str:
    """(1, 0.5) as the handouts write inputs and hidden values."""
    return "(" + ", ".join(fmt(v) for v in np.ravel(values)) + ")"


def row_name(inputs, i: int) -> Text:
    """A data row: its inputs "(1, 0)" when short, else "row 12" / "12번 행"."""
    if inputs is not None and 0 <= i < len(inputs) and np.size(inputs[i]) <= 4:
        v = vector(inputs[i])
        return Text(v, v)
    return Text(f"row {i}", f"{i}번 행")


def layer_name(layer: int, n_layers: int) -> Text:
    """Weighted layer ``layer`` (1-based) of ``n_layers``: hidden layer 1 / 은닉층 1 / 출력층."""
    if layer >= n_layers:
        return Text("the output layer", "출력층")
    return Text(f"hidden layer {layer}", f"은닉층 {layer}")


def neuron_name(layer: int, index: int, n_layers: int) -> Text:
    """Canvas neuron (layer 0 = inputs), 1-based in the text: "input 1", "은닉층 1의 2번 뉴런"."""
    if layer == 0:
        return Text(f"input x{index + 1}", f"입력 x{index + 1}")
    where = layer_name(layer, n_layers)
    return Text(f"neuron {index + 1} of {where.en}", f"{where.ko}의 {index + 1}번 뉴런")


def object_particle(n: int) -> str:
    """을 or 를 after the number ``n`` read in Sino-Korean (3을, 2를, 10을)."""
    n = abs(int(n))
    last = n % 10
    if n == 0 or last == 0:
        return "을"  # 영, 십, 백, 천 end in a consonant
    return "를" if last in (2, 4, 5, 9) else "을"
