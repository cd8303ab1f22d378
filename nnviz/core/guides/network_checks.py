"""Checks that compute from the network itself: truth tables, layer values, predictions,
parameter values, and what the student clicked or edited on it.

Each function is ``check(c, facts) -> CheckResult`` for one kind of :mod:`.checks`; ``c`` is a
validated :class:`~nnviz.core.guides.model.Check`.  The network is only read.
"""

from __future__ import annotations

import numpy as np

from nnviz.core.explain.formatting import fmt
from nnviz.core.guides.hints import (
    PASSED,
    CheckResult,
    layer_name,
    neuron_name,
    not_yet,
    object_particle,
    row_name,
    vector,
)
from nnviz.core.guides.validators import split_param

NO_NETWORK = not_yet("Nothing to compute yet: the lesson shows no network or data.",
                     "아직 계산할 수 없습니다: 신경망이나 데이터가 없습니다.")
MISFIT = not_yet("This check does not fit the lesson's network or data.",
                 "이 확인은 이 수업의 신경망이나 데이터와 맞지 않습니다.")


def _classes(net, x) -> np.ndarray:
    """Predicted class per row: argmax, or the 0.5 threshold of a single output."""
    y = np.asarray(net.forward(np.atleast_2d(np.asarray(x, dtype=net.dtype))), dtype=float)
    return np.argmax(y, axis=1) if y.shape[1] > 1 else (y[:, 0] > 0.5).astype(int)


def _label(target) -> int:
    t = np.ravel(target)
    return int(np.argmax(t)) if t.size > 1 else int(t[0] > 0.5)


def _rows_fit(facts, n: int) -> bool:
    return (facts.network is not None and facts.inputs is not None
            and np.ndim(facts.inputs) == 2 and len(facts.inputs) == n
            and np.shape(facts.inputs)[1] == facts.network.spec.inputs)


def truth_table(c, facts) -> CheckResult:
    expect = np.array(c.arg("expect"), dtype=int)
    if facts.network is None or facts.inputs is None:
        return NO_NETWORK
    if not _rows_fit(facts, len(expect)):
        return MISFIT
    got = _classes(facts.network, facts.inputs)
    wrong = np.flatnonzero(got != expect)
    need = c.arg("at_least", len(expect))
    right = len(expect) - len(wrong)
    if right >= need:
        return PASSED
    if need < len(expect):
        return not_yet(f"{right} of {len(expect)} rows are right; at least {need} are needed.",
                       f"{len(expect)}개 행 중 {right}개가 맞습니다 (목표: {need}개 이상).")
    i = int(wrong[0])
    row = row_name(facts.inputs, i)
    more_en = f" ({len(wrong)} rows are still wrong.)" if len(wrong) > 1 else ""
    more_ko = f" (틀린 행: {len(wrong)}개)" if len(wrong) > 1 else ""
    return not_yet(
        f"Not yet: for {row.en} the output is {got[i]}; it should be {expect[i]}.{more_en}",
        f"아직입니다: {row.ko}에서 출력이 {got[i]}입니다 (목표: {expect[i]}).{more_ko}")


def layer_values(c, facts) -> CheckResult:
    want = np.array(c.arg("values"), dtype=float)
    layer, of, tol = c.arg("layer"), c.arg("of", "z"), c.arg("tol", 1e-6)
    if facts.network is None or facts.inputs is None:
        return NO_NETWORK
    net = facts.network
    if (not _rows_fit(facts, len(want)) or layer > net.n_layers
            or want.shape[1] != net.spec.layers[layer - 1].units):
        return MISFIT
    a, z = net.trace(np.asarray(facts.inputs, dtype=net.dtype))[layer - 1]
    got = np.asarray(a if of == "a" else z, dtype=float)
    bad = np.flatnonzero(np.any(~(np.abs(got - want) <= tol), axis=1))
    if bad.size == 0:
        return PASSED
    i = int(bad[0])
    row, where = row_name(facts.inputs, i), layer_name(layer, net.n_layers)
    what = _quantity(of)
    return not_yet(
        f"Not yet: for {row.en} the {what[0]} of {where.en} are {vector(got[i])}; "
        f"they should be {vector(want[i])}.",
        f"아직입니다: {row.ko}에서 {where.ko}의 {what[1]} {vector(got[i])}입니다 "
        f"(목표: {vector(want[i])}).")


def _quantity(of: str) -> tuple[str, str]:
    """How a hint names a layer's values: (English, Korean with its subject particle)."""
    return ("weighted sums a", "가중합 a가") if of == "a" else ("outputs z", "출력 z가")


def sample_prediction(c, facts) -> CheckResult:
    row = facts.selected_row
    if row is None or facts.inputs is None or facts.targets is None:
        return not_yet("Select an input first (a row or a test image).",
                       "먼저 입력을 하나 고르세요 (진리표의 행이나 테스트 이미지).")
    if facts.network is None:
        return NO_NETWORK
    if not 0 <= row < min(len(facts.inputs), len(facts.targets)):
        return MISFIT
    pred, label = int(_classes(facts.network, facts.inputs[row])[0]), _label(facts.targets[row])
    if (pred == label) == c.arg("correct", True):
        return PASSED
    if c.arg("correct", True):
        return not_yet(f"The network reads this input as {pred}, but the answer is {label}.",
                       f"신경망의 예측: {pred}, 정답: {label}. 맞히는 입력을 고르세요.")
    return not_yet(
        f"The network gets this one right ({label}); find one it gets wrong: the confusion "
        "matrix shows where the mistakes are.",
        f"이 입력은 맞혔습니다 (예측: {pred}). 틀리는 입력을 찾아보세요. 혼동 행렬에서 어디서 "
        "틀리는지 보입니다.")


def drawn_digit(c, facts) -> CheckResult:
    digit = c.arg("predicted")
    if facts.drawn_input is not None and facts.network is not None:
        if np.size(facts.drawn_input) != facts.network.spec.inputs:
            return MISFIT
        pred = int(_classes(facts.network, np.ravel(facts.drawn_input))[0])
    elif facts.drawn_prediction is not None:
        pred = int(facts.drawn_prediction)
    else:
        return not_yet(f"Draw a {digit} on the draw pad first.",
                       f"먼저 숫자 그리기 패널에 {digit}{object_particle(digit)} 그리세요.")
    if pred == digit:
        return PASSED
    return not_yet(f"The network reads your drawing as {pred}. Draw a {digit}: large, in the "
                   "middle, in one or two strokes.",
                   f"신경망의 예측: {pred}. {digit}{object_particle(digit)} 크게, 가운데에 "
                   "다시 그려 보세요.")


def _value_of(net, name: str):
    kind, layer, index = split_param(name)
    if layer >= net.n_layers:
        return None
    arr = net.W[layer] if kind == "W" else net.b[layer]
    if arr is None or len(index) != arr.ndim or any(k >= s for k, s in zip(index, arr.shape)):
        return None
    return float(arr[index])


def param(c, facts) -> CheckResult:
    name = c.arg("name")
    if facts.network is None:
        return NO_NETWORK
    value = _value_of(facts.network, name)
    if value is None:
        return MISFIT
    lo, hi, eq = c.arg("min"), c.arg("max"), c.arg("equals")
    tol = c.arg("tol", 1e-9)
    if eq is not None and abs(value - eq) > tol:
        goal = (f"it should be {fmt(eq)}", f"목표: {fmt(eq)}")
    elif lo is not None and value < lo:
        goal = (f"it should be at least {fmt(lo)}", f"목표: {fmt(lo)} 이상")
    elif hi is not None and value > hi:
        goal = (f"it should be at most {fmt(hi)}", f"목표: {fmt(hi)} 이하")
    else:
        return PASSED
    return not_yet(f"{name} is {fmt(value)}; {goal[0]}.",
                   f"{name}의 값이 {fmt(value)}입니다 ({goal[1]}).")


def _matches(names, wanted) -> bool:
    """Does any name in ``names`` ("W1[0,1]") fall under ``wanted`` ("W1" or "W1[0,1]")?"""
    return any(n == wanted or (("[" not in wanted) and n.startswith(wanted + "["))
               for n in names)


def edited(c, facts) -> CheckResult:
    wanted = c.arg("params")
    done = [w for w in wanted if _matches(facts.edits, w)]
    if (len(done) == len(wanted)) if c.arg("all", False) else bool(done):
        return PASSED
    left = [w for w in wanted if w not in done]
    every = c.arg("all", False)
    en = (", " if every else " or ").join(left)
    ko = (", " if every else " 또는 ").join(left)
    return not_yet(f"Edit {en} yourself: double-click an edge or a bias on the canvas, or "
                   "change it in the weight table.",
                   f"직접 고쳐 보세요: {ko}. 캔버스에서 연결선이나 바이어스를 더블클릭하거나 "
                   "가중치 표에서 값을 바꾸면 됩니다.")


def traced(c, facts) -> CheckResult:
    wanted = c.arg("params")
    if facts.traced is not None and any(_matches({facts.traced}, w) for w in wanted):
        return PASSED
    listed = ", ".join(wanted)
    return not_yet(f"Click a weight of {listed} and ask the chain-rule tracer why it changed.",
                   f"{listed}의 가중치 하나를 누르고 연쇄 법칙 추적에서 왜 바뀌었는지 보세요.")


def input_selected(c, facts) -> CheckResult:
    row = c.arg("row")
    if facts.selected_row is not None and (row is None or facts.selected_row == row):
        return PASSED
    if row is None:
        return not_yet("Select an input: click a row of the truth table or a test image.",
                       "입력을 하나 고르세요: 진리표의 행이나 테스트 이미지를 누르세요.")
    name = row_name(facts.inputs, row)
    return not_yet(f"Click the row {name.en} of the truth table.",
                   f"진리표에서 {name.ko} 행을 누르세요.")


def neuron_selected(c, facts) -> CheckResult:
    layer, index = c.arg("layer"), c.arg("index")
    if facts.selected_neuron is not None and tuple(facts.selected_neuron) == (layer, index):
        return PASSED
    n_layers = facts.network.n_layers if facts.network is not None else layer
    name = neuron_name(layer, index, n_layers)
    return not_yet(f"Click {name.en} on the canvas.", f"캔버스에서 {name.ko}을 누르세요.")
