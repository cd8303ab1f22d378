"""Checks on the run and the screen: rounds trained, 정답률, loss, η, optimizer and loss
choice, the explained step's phase, gradient norms, compared runs and open panels.

Each function is ``check(c, facts) -> CheckResult`` for one kind of :mod:`.checks`.
"""

from __future__ import annotations

import math

from nnviz.core.explain.formatting import fmt
from nnviz.core.guides.facts import PHASE_ORDER
from nnviz.core.guides.hints import (
    LOSS_TITLES,
    OPTIMIZER_TITLES,
    PASSED,
    PHASE_TITLES,
    CheckResult,
    count,
    not_yet,
    pct,
    title,
)
from nnviz.core.guides.model import panel_title


def _rounds(after: int, facts) -> CheckResult | None:
    """Not yet if fewer than ``after`` rounds (epochs) are done."""
    if facts.epoch >= after:
        return None
    return not_yet(f"Train at least {count(after)} rounds (epochs); {count(facts.epoch)} done "
                   "so far.",
                   f"적어도 {count(after)} 라운드(에포크)를 학습하세요. 지금까지 "
                   f"{count(facts.epoch)} 라운드를 학습했습니다.")


def accuracy(c, facts) -> CheckResult:
    on_test = c.arg("on", "train") == "test"
    early = _rounds(c.arg("after_epochs", 0), facts)
    if early is not None:
        return early
    value = facts.test_accuracy if on_test else facts.accuracy
    if value is None:
        if on_test:
            return not_yet("No test accuracy yet: evaluate the test images.",
                           "아직 테스트 정답률이 없습니다. 테스트 이미지를 평가하세요.")
        return not_yet("No accuracy yet: train first.", "아직 정답률이 없습니다. 먼저 학습하세요.")
    name = ("The test accuracy", "테스트 정답률") if on_test else ("The accuracy", "정답률")
    lo, hi = c.arg("at_least"), c.arg("at_most")
    if lo is not None and value < lo - 1e-12:
        return not_yet(f"{name[0]} is {pct(value)}; it should reach {pct(lo)}.",
                       f"{name[1]}이 {pct(value)}입니다 (목표: {pct(lo)} 이상).")
    if hi is not None and value > hi + 1e-12:
        return not_yet(f"{name[0]} is {pct(value)}; this step expects at most {pct(hi)}.",
                       f"{name[1]}이 {pct(value)}입니다 (이 단계의 목표: {pct(hi)} 이하).")
    return PASSED


def loss(c, facts) -> CheckResult:
    early = _rounds(c.arg("after_epochs", 0), facts)
    if early is not None:
        return early
    value = facts.loss
    if value is None:
        return not_yet("No loss yet: train first.", "아직 손실 값이 없습니다. 먼저 학습하세요.")
    hi, frac = c.arg("at_most"), c.arg("fraction_of_start")
    if hi is not None and value > hi:
        return not_yet(f"The loss is {fmt(value)}; bring it down to {fmt(hi)}.",
                       f"손실이 {fmt(value)}입니다 (목표: {fmt(hi)} 이하).")
    if frac is not None:
        start = facts.initial_loss
        if start is None or start <= 0:
            return not_yet("Start a run: the loss at its start is not known yet.",
                           "학습을 시작하세요. 처음 손실 값을 아직 모릅니다.")
        if value > frac * start:
            share = pct(value / start)
            return not_yet(
                f"The loss is {fmt(value)}, {share} of where it started ({fmt(start)}); "
                f"keep training until it is {pct(frac)} or less.",
                f"손실이 {fmt(value)}{_ro(value)} 처음({fmt(start)})의 {share}입니다 "
                f"(목표: {pct(frac)} 이하).")
    return PASSED


def trained(c, facts) -> CheckResult:
    epochs, samples = c.arg("epochs"), c.arg("samples")
    if epochs is not None:
        early = _rounds(epochs, facts)
        if early is not None:
            return early
    if samples is not None and facts.samples_seen < samples:
        return not_yet(f"Train {count(samples)} samples; {count(facts.samples_seen)} so far.",
                       f"샘플 {count(samples)}개를 학습하세요. 지금까지 "
                       f"{count(facts.samples_seen)}개입니다.")
    return PASSED


def learning_rate(c, facts) -> CheckResult:
    want = c.arg("equals")
    lr = facts.lr
    if lr is None:
        return not_yet("This lesson has no learning rate to change.",
                       "이 수업에는 바꿀 학습률이 없습니다.")
    if not math.isclose(lr, want, rel_tol=c.arg("rel_tol", 1e-6)):
        return not_yet(f"η is {fmt(lr)}; set it to {fmt(want)} in the hyper-parameters.",
                       f"학습률 η가 {fmt(lr)}입니다. 하이퍼파라미터에서 {fmt(want)}{_ro(want)} "
                       "바꾸세요.")
    if c.arg("changed", False) and (facts.lr_at_start is None
                                    or math.isclose(facts.lr_at_start, lr, rel_tol=1e-9)):
        return not_yet(f"This run started with η = {fmt(lr)}: start it with another η and "
                       "change η while it trains.",
                       f"이 학습은 처음부터 η = {fmt(lr)}입니다. 다른 η로 시작한 뒤 학습하는 "
                       "동안 바꾸세요.")
    if c.arg("while_running", False) and not facts.running:
        return not_yet("Change η while the network trains: press Play first.",
                       "학습하는 동안 η를 바꾸세요. 먼저 재생을 누르세요.")
    return PASSED


def _ro(x: float) -> str:
    """"로" or "으로" after a number as read aloud (5로, 3으로, 0.5로, 10으로)."""
    text = fmt(x).replace("\u2212", "")
    last = text[-1] if text[-1].isdigit() else "0"
    # 영, 삼, 육 (and 십, 백, 천) end in a consonant other than ㄹ: 으로; 일, 칠, 팔 end in ㄹ: 로
    return "으로" if last in "036" else "로"


def hyper(c, facts) -> CheckResult:
    for field, now, titles, label in (("optimizer", facts.optimizer, OPTIMIZER_TITLES,
                                       ("optimizer", "최적화 함수")),
                                      ("loss", facts.loss_name, LOSS_TITLES,
                                       ("loss", "손실 함수"))):
        want = c.arg(field)
        if want is not None and now != want:
            w, n = title(titles, want), title(titles, now or "?")
            return not_yet(f"Choose the {label[0]} {w.en} in the hyper-parameters (now: {n.en}).",
                           f"하이퍼파라미터에서 {label[1]}를 바꾸세요 (지금: {n.ko}, "
                           f"목표: {w.ko}).")
    return PASSED


def explain_phase(c, facts) -> CheckResult:
    phase = c.arg("reached")
    if facts.phase_reached(phase):
        return PASSED
    name = title(PHASE_TITLES, phase)
    now = ("", "") if facts.explain_phase not in PHASE_ORDER else (
        f" (now: {title(PHASE_TITLES, facts.explain_phase).en})",
        f" (지금: {title(PHASE_TITLES, facts.explain_phase).ko})")
    return not_yet(f"Play the explained step up to the {name.en} phase with Next ▶{now[0]}.",
                   f"다음 ▶ 버튼으로 스텝 풀이를 {name.ko} 단계까지 진행하세요{now[1]}.")


def gradient_ratio(c, facts) -> CheckResult:
    norms = facts.grad_norms
    if len(norms) < 2 or not norms[-1] > 0:
        return not_yet("No gradients yet: train one step first.",
                       "아직 기울기가 없습니다. 먼저 한 스텝 학습하세요.")
    ratio = norms[0] / norms[-1]
    lo, hi = c.arg("at_least"), c.arg("at_most")
    numbers = (f"first layer |∂L/∂W| = {fmt(norms[0])}, last layer {fmt(norms[-1])}: "
               f"ratio {fmt(ratio)}")
    numbers_ko = (f"첫 층의 |∂L/∂W| = {fmt(norms[0])}, 마지막 층은 {fmt(norms[-1])}, "
                  f"비율 {fmt(ratio)}")
    if hi is not None and ratio > hi:
        return not_yet(f"{numbers.capitalize()}; this step expects at most {fmt(hi)}.",
                       f"{numbers_ko} (목표: {fmt(hi)} 이하).")
    if lo is not None and ratio < lo:
        return not_yet(f"{numbers.capitalize()}; this step expects at least {fmt(lo)}.",
                       f"{numbers_ko} (목표: {fmt(lo)} 이상).")
    return PASSED


def compared(c, facts) -> CheckResult:
    want = c.arg("runs")
    if facts.compared_runs >= want:
        return PASSED
    return not_yet(f"Run Comparison shows {facts.compared_runs} runs; {want} are needed. Finish "
                   "a run, change a setting and run again (or press Compare variants).",
                   f"실행 비교에 실행이 {facts.compared_runs}개 있습니다 (목표: {want}개 이상). "
                   "학습을 한 번 마친 뒤 설정을 바꿔 다시 학습하세요 (또는 변형 비교).")


def panel_open(c, facts) -> CheckResult:
    name = c.arg("panel")
    if name in facts.open_panels:
        return PASSED
    t = panel_title(name)
    return not_yet(f"Open the {t.en} panel (View menu).", f"{t.ko} 패널을 여세요 (보기 메뉴).")
