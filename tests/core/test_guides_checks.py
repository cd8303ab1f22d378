"""Each check kind passes and fails on real networks and says why not yet, in English and Korean;
the progress through a guide unlocks, latches and moves as the GUI needs."""

import math

import numpy as np
import pytest

from nnviz.core.guides import (
    CHECKS,
    GuideProgress,
    LessonFacts,
    Text,
    bias_name,
    evaluate,
    guide_for,
    parse_check,
    weight_name,
)
from nnviz.core.guides.hints import object_particle, pct
from nnviz.core.guides.run_checks import _ro
from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import LayerSpec, NetworkSpec

X4 = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], float)
T_AND = np.array([[0], [0], [0], [1]], float)


def step_net(W, b):
    """One step neuron with the given weights (the perceptron lessons' network)."""
    net = Network(NetworkSpec(2, (LayerSpec(1, "step", True, "uniform"),), 0))
    net.set_layer(0, np.array(W, float).reshape(2, 1), b)
    return net


AND = step_net([0.4, 0.2], [-0.5])


def run(check: dict, **facts):
    return evaluate(parse_check(check), LessonFacts(**facts))


def test_every_kind_is_tested_here():
    tested = {"truth_table", "layer_values", "sample_prediction", "drawn_digit", "param",
              "edited", "traced", "input_selected", "neuron_selected", "accuracy", "loss",
              "trained", "learning_rate", "hyper", "explain_phase", "gradient_ratio",
              "compared", "panel_open"}
    assert set(CHECKS) == tested


def test_truth_table_computes_the_outputs_itself():
    c = {"kind": "truth_table", "expect": [0, 0, 0, 1]}
    assert run(c, network=AND, inputs=X4).passed
    r = run(c, network=step_net([0.6, 0.2], [-0.5]), inputs=X4)
    assert not r.passed
    assert r.hint.en == "Not yet: for (1, 0) the output is 1; it should be 0."
    assert r.hint.ko == "아직입니다: (1, 0)에서 출력이 1입니다 (목표: 0)."
    r = run(c, network=step_net([0, 0], [0.5]), inputs=X4)  # always 1: three rows wrong
    assert "(3 rows are still wrong.)" in r.hint.en and "(틀린 행: 3개)" in r.hint.ko


def test_truth_table_at_least_counts_rows():
    c = {"kind": "truth_table", "expect": [0, 1, 1, 0], "at_least": 3}
    assert run(c, network=step_net([1, 1], [-0.5]), inputs=X4).passed  # OR: 3 of XOR's rows
    r = run(c, network=step_net([0, 0], [0]), inputs=X4)  # all 0: 2 rows right
    assert not r.passed and r.hint.en.startswith("2 of 4 rows are right")
    assert "목표: 3개 이상" in r.hint.ko


def test_a_check_that_does_not_fit_fails_with_a_message_instead_of_raising():
    c = {"kind": "truth_table", "expect": [0, 0, 0, 1]}
    assert "no network" in run(c, inputs=X4).hint.en
    assert "does not fit" in run(c, network=AND, inputs=X4[:3]).hint.en
    assert "does not fit" in run(c, network=AND, inputs=np.ones((4, 3))).hint.en
    lv = {"kind": "layer_values", "layer": 2, "values": [[0]] * 4}
    assert "does not fit" in run(lv, network=AND, inputs=X4).hint.en


def test_evaluate_turns_an_unexpected_error_into_a_failed_check(monkeypatch):
    from nnviz.core.guides import checks

    def broken(c, facts):
        raise FloatingPointError("overflow in exp")

    monkeypatch.setitem(checks.CHECKS, "trained",
                        checks.CHECKS["trained"]._replace(run=broken))
    r = run({"kind": "trained", "epochs": 1})
    assert not r.passed and "overflow in exp" in r.hint.en and "계산할 수 없습니다" in r.hint.ko


def test_layer_values_reads_a_or_z_of_a_layer():
    xor = Network(NetworkSpec(2, (LayerSpec(2, "step", True), LayerSpec(1, "step", True)), 0))
    xor.set_layer(0, [[-2, 2], [-2, 2]], [3, -1])
    xor.set_layer(1, [[1], [1]], [-1])
    hidden = {"kind": "layer_values", "layer": 1, "values": [[1, 0], [1, 1], [1, 1], [0, 1]]}
    assert run(hidden, network=xor, inputs=X4).passed
    sums = {"kind": "layer_values", "layer": 1, "of": "a",
            "values": [[3, -1], [1, 1], [1, 1], [-1, 3]]}
    assert run(sums, network=xor, inputs=X4).passed
    xor.set_layer(0, b=[3, -3])  # n2 becomes AND
    r = run(hidden, network=xor, inputs=X4)
    assert r.hint.en == ("Not yet: for (0, 1) the outputs z of hidden layer 1 are (1, 0); "
                         "they should be (1, 1).")
    assert r.hint.ko == "아직입니다: (0, 1)에서 은닉층 1의 출력 z가 (1, 0)입니다 (목표: (1, 1))."
    near = {"kind": "layer_values", "layer": 2, "values": [[0.1], [0], [0], [0]], "tol": 0.2}
    xor.set_layer(0, b=[3, -1])
    assert not run(near, network=xor, inputs=X4).passed  # row (0, 1) gives 1
    xor.set_layer(1, b=[-5])
    assert run(near, network=xor, inputs=X4).passed


def test_sample_prediction_and_input_selected():
    right = {"kind": "sample_prediction", "correct": True}
    wrong = {"kind": "sample_prediction", "correct": False}
    base = dict(network=AND, inputs=X4, targets=T_AND)
    assert "Select an input first" in run(right, **base).hint.en
    assert run(right, selected_row=3, **base).passed
    odd = step_net([0.6, 0.2], [-0.5])  # wrong on (1, 0)
    assert run(wrong, network=odd, inputs=X4, targets=T_AND, selected_row=2).passed
    r = run(wrong, network=odd, inputs=X4, targets=T_AND, selected_row=3)
    assert not r.passed and "confusion matrix" in r.hint.en and "혼동 행렬" in r.hint.ko
    r = run(right, network=odd, inputs=X4, targets=T_AND, selected_row=2)
    assert r.hint.ko.startswith("신경망의 예측: 1, 정답: 0")
    assert "does not fit" in run(right, selected_row=7, **base).hint.en
    assert run({"kind": "input_selected"}, selected_row=0).passed
    r = run({"kind": "input_selected", "row": 3}, inputs=X4, selected_row=1)
    assert r.hint.en == "Click the row (1, 1) of the truth table."
    assert r.hint.ko == "진리표에서 (1, 1) 행을 누르세요."
    assert run({"kind": "input_selected", "row": 3}, selected_row=3).passed


def digit_net(winner: int) -> Network:
    """784-10 softmax whose output ``winner`` is driven by the sum of the pixels."""
    net = Network(NetworkSpec(784, (LayerSpec(10, "softmax", True),), 0))
    W = np.zeros((784, 10))
    W[:, winner] = 0.01
    net.set_layer(0, W, np.zeros(10))
    return net


def test_drawn_digit_is_predicted_by_the_network():
    c = {"kind": "drawn_digit", "predicted": 3}
    ink = np.full(784, 0.5)
    assert run(c, network=digit_net(3), drawn_input=ink).passed
    r = run(c, network=digit_net(5), drawn_input=ink, drawn_prediction=3)  # network decides
    assert not r.passed and r.hint.en.startswith("The network reads your drawing as 5.")
    assert r.hint.ko.startswith("신경망의 예측: 5. 3을 크게")
    assert run(c, drawn_prediction=3).passed  # no network: the class shown
    assert run({"kind": "drawn_digit", "predicted": 2}).hint.ko == \
        "먼저 숫자 그리기 패널에 2를 그리세요."
    assert "does not fit" in run(c, network=digit_net(3), drawn_input=np.ones(10)).hint.en


def test_param_bounds_and_equality():
    c = {"kind": "param", "name": "W1[0,0]", "max": 0}
    assert run(c, network=step_net([-0.1, 0], [0])).passed
    r = run(c, network=step_net([0.3, 0], [0]))
    assert r.hint.en == "W1[0,0] is 0.3; it should be at most 0."
    assert r.hint.ko == "W1[0,0]의 값이 0.3입니다 (목표: 0 이하)."
    eq = {"kind": "param", "name": "b1[0]", "equals": -0.5}
    assert run(eq, network=AND).passed
    assert "it should be −0.5" in run(eq, network=step_net([0, 0], [-0.4])).hint.en
    assert run({"kind": "param", "name": "b1[0]", "min": -0.5}, network=AND).passed
    assert "does not fit" in run({"kind": "param", "name": "W3[0,0]", "min": 0},
                                 network=AND).hint.en


def test_edited_and_traced_match_whole_arrays_and_single_numbers():
    any_ = {"kind": "edited", "params": ["W1", "b1"]}
    assert run(any_, edits={weight_name(0, 1, 0)}).passed
    assert run(any_, edits=["b1[0]"]).passed
    assert not run(any_, edits={"W10[0,0]", "b2[0]"}).passed  # W1 is not a prefix of W10
    r = run(any_)
    assert "Edit W1 or b1 yourself" in r.hint.en and "W1 또는 b1" in r.hint.ko
    every = {"kind": "edited", "params": ["W1", "b1"], "all": True}
    assert not run(every, edits={"W1[0,0]"}).passed
    assert "Edit b1 yourself" in run(every, edits={"W1[0,0]"}).hint.en
    assert run(every, edits={"W1[0,0]", bias_name(0, 0)}).passed
    one = {"kind": "edited", "params": ["W1[0,0]"]}
    assert not run(one, edits={"W1[0,1]"}).passed and run(one, edits={"W1[0,0]"}).passed
    tr = {"kind": "traced", "params": ["W1"]}
    assert run(tr, traced="W1[1,2]").passed
    assert not run(tr, traced="W2[0,0]").passed and not run(tr).passed
    assert "chain-rule tracer" in run(tr).hint.en and "연쇄 법칙 추적" in run(tr).hint.ko


def test_neuron_selected_names_the_neuron():
    c = {"kind": "neuron_selected", "layer": 1, "index": 2}
    assert run(c, selected_neuron=(1, 2)).passed
    net = Network(NetworkSpec(2, (LayerSpec(3, "sigmoid", True), LayerSpec(2, "identity", True)),
                              0))
    r = run(c, network=net, selected_neuron=(1, 0))
    assert r.hint.en == "Click neuron 3 of hidden layer 1 on the canvas."
    assert r.hint.ko == "캔버스에서 은닉층 1의 3번 뉴런을 누르세요."
    r = run({"kind": "neuron_selected", "layer": 2, "index": 0}, network=net)
    assert r.hint.ko == "캔버스에서 출력층의 1번 뉴런을 누르세요."


def test_accuracy_after_rounds_on_train_or_test():
    c = {"kind": "accuracy", "at_least": 1.0, "after_epochs": 1}
    r = run(c)
    assert r.hint.ko == "적어도 1 라운드(에포크)를 학습하세요. 지금까지 0 라운드를 학습했습니다."
    r = run(c, epoch=1, accuracy=0.75)
    assert r.hint.en == "The accuracy is 75 %; it should reach 100 %."
    assert r.hint.ko == "정답률이 75 %입니다 (목표: 100 % 이상)."
    assert run(c, epoch=3, accuracy=1.0).passed
    assert "No accuracy yet" in run(c, epoch=3, accuracy=math.nan).hint.en
    xor = {"kind": "accuracy", "at_most": 0.75, "after_epochs": 20}
    assert run(xor, epoch=20, accuracy=0.5).passed
    assert "at most 75 %" in run(xor, epoch=20, accuracy=1.0).hint.en
    test = {"kind": "accuracy", "on": "test"}
    assert "evaluate the test images" in run(test, accuracy=0.9).hint.en
    assert run(test, test_accuracy=0.1).passed
    r = run({"kind": "accuracy", "on": "test", "at_least": 0.9}, test_accuracy=0.9186)
    assert r.passed
    r = run({"kind": "accuracy", "on": "test", "at_least": 0.95}, test_accuracy=0.9186)
    assert r.hint.ko == "테스트 정답률이 91.9 %입니다 (목표: 95 % 이상)."


def test_loss_trained_and_the_learning_rate():
    assert run({"kind": "loss", "at_most": 0.1}, loss=0.05).passed
    r = run({"kind": "loss", "fraction_of_start": 0.5}, loss=0.69, initial_loss=0.7)
    assert "98.6 % of where it started (0.7)" in r.hint.en
    assert run({"kind": "loss", "fraction_of_start": 0.5}, loss=0.3, initial_loss=0.7).passed
    assert "not known yet" in run({"kind": "loss", "fraction_of_start": 0.5}, loss=0.3).hint.en
    r = run({"kind": "trained", "samples": 2000}, samples_seen=1500)
    assert r.hint.en == "Train 2,000 samples; 1,500 so far."
    assert run({"kind": "trained", "samples": 2000, "epochs": 0}, samples_seen=2000).passed
    lr = {"kind": "learning_rate", "equals": 5, "changed": True, "while_running": True}
    assert run(lr, lr=5.0, lr_at_start=1.0, running=True).passed
    assert run(lr, lr=0.05).hint.ko == "학습률 η가 0.05입니다. 하이퍼파라미터에서 5로 바꾸세요."
    assert "started with η = 5" in run(lr, lr=5.0, lr_at_start=5.0, running=True).hint.en
    assert "press Play first" in run(lr, lr=5.0, lr_at_start=1.0).hint.en
    assert "no learning rate" in run(lr).hint.en
    r = run({"kind": "learning_rate", "equals": 3}, lr=1.0)
    assert "3으로 바꾸세요" in r.hint.ko


def test_hyper_phase_gradients_runs_and_panels():
    h = {"kind": "hyper", "optimizer": "momentum"}
    assert run(h, optimizer="momentum").passed
    r = run(h, optimizer="adam")
    assert "(now: Adam)" in r.hint.en and "(지금: 아담(Adam), 목표: 모멘텀(Momentum))" in r.hint.ko
    assert not run({"kind": "hyper", "loss": "mse"}, loss_name="bce").passed
    ph = {"kind": "explain_phase", "reached": "backward"}
    assert run(ph, explain_phase="update").passed and run(ph, explain_phase="backward").passed
    r = run(ph, explain_phase="loss")
    assert not r.passed and "(now: Loss)" in r.hint.en and "오차 역전파 단계" in r.hint.ko
    assert not run(ph, explain_phase="sideways").passed
    g = {"kind": "gradient_ratio", "at_most": 0.001}
    assert run(g, grad_norms=(5.6e-6, 1e-3, 0.61)).passed
    r = run(g, grad_norms=(0.015, 0.029))
    assert "ratio 0.5172" in r.hint.en and "목표: 0.001 이하" in r.hint.ko
    assert "No gradients yet" in run(g).hint.en
    assert "No gradients yet" in run(g, grad_norms=(1.0, 0.0)).hint.en
    assert run({"kind": "gradient_ratio", "at_least": 0.1}, grad_norms=(0.015, 0.029)).passed
    assert run({"kind": "compared", "runs": 2}, compared_runs=2).passed
    assert "(목표: 6개 이상)" in run({"kind": "compared", "runs": 6}, compared_runs=1).hint.ko
    p = {"kind": "panel_open", "panel": "hidden_space"}
    assert run(p, open_panels=["canvas", "hidden_space"]).passed
    r = run(p, open_panels=["canvas"])
    assert r.hint.en == "Open the Hidden space panel (View menu)."
    assert r.hint.ko == "은닉 공간 패널을 여세요 (보기 메뉴)."


def test_all_any_and_the_authors_hint():
    both = {"kind": "all", "checks": [{"kind": "edited", "params": ["b1"]},
                                      {"kind": "truth_table", "expect": [1, 1, 1, 1]}],
            "hint": {"en": "Only b.", "ko": "b만 바꾸세요."}}
    r = run(both, network=AND, inputs=X4)
    assert r.hint.en.startswith("Only b. Edit b1 yourself")
    assert r.hint.ko.startswith("b만 바꾸세요. 직접 고쳐 보세요: b1.")
    r = run(both, network=AND, inputs=X4, edits={"b1[0]"})
    assert r.hint.en.startswith("Only b. Not yet: for (0, 0)")
    assert run(both, network=step_net([0.4, 0.2], [0.1]), inputs=X4, edits={"b1[0]"}).passed
    either = {"kind": "any", "checks": [{"kind": "trained", "epochs": 5},
                                        {"kind": "panel_open", "panel": "loss_plot"}]}
    assert run(either, epoch=5).passed and run(either, open_panels={"loss_plot"}).passed
    r = run(either)
    assert "Or: Open the Loss and Accuracy panel" in r.hint.en and "또는: " in r.hint.ko


def test_facts_clean_their_inputs():
    f = LessonFacts(edits=["W1[0,0]"], open_panels=("canvas",), accuracy=math.nan,
                    grad_norms=[np.float32(0.5)], lr=math.inf)
    assert f.edits == frozenset({"W1[0,0]"}) and f.open_panels == frozenset({"canvas"})
    assert f.accuracy is None and f.lr is None and f.grad_norms == (0.5,)
    assert LessonFacts(explain_phase="loss").phase_reached("forward")
    assert not LessonFacts(explain_phase="loss").phase_reached("backward")
    assert not LessonFacts().phase_reached("forward")
    with pytest.raises(AttributeError):
        f.epoch = 3  # frozen


@pytest.mark.parametrize("n, particle", [(0, "을"), (1, "을"), (2, "를"), (3, "을"), (4, "를"),
                                         (5, "를"), (6, "을"), (7, "을"), (8, "을"), (9, "를"),
                                         (10, "을"), (12, "를"), (100, "을")])
def test_korean_object_particle_after_a_number(n, particle):
    assert object_particle(n) == particle


@pytest.mark.parametrize("x, particle", [(5, "로"), (3, "으로"), (0.5, "로"), (1, "로"),
                                         (6, "으로"), (10, "으로"), (0.05, "로"), (7, "로")])
def test_korean_ro_after_a_number(x, particle):
    assert _ro(x) == particle


def test_percentages():
    assert pct(0.75) == "75 %" and pct(1.0) == "100 %" and pct(0.9186) == "91.9 %"


def test_text_picks_a_language_and_joins():
    t = Text("a", "가").join(Text("b", "나"))
    assert t.get("ko") == "가 나" and t.get("en") == "a b" and t.get("fr") == "a b"


# -- progress ---------------------------------------------------------------------------------

def test_progress_unlocks_on_the_check_and_remembers_it():
    guide = guide_for("perceptron-and")  # neuron(task) data(free) round-1(task) …
    p = GuideProgress(guide)
    assert p.strip() == ("current",) + ("locked",) * (len(guide) - 1)
    status = p.evaluate(LessonFacts(inputs=X4, selected_row=1))
    assert not status.done and not status.can_next
    assert status.hint.ko == "진리표에서 (1, 1) 행을 누르세요."
    assert not p.next() and p.index == 0
    assert p.evaluate(LessonFacts(selected_row=3)).can_next
    assert p.strip() == ("current", "open", "open") + ("locked",) * (len(guide) - 3)
    assert p.evaluate(LessonFacts()).done  # a pass is remembered: clicking elsewhere keeps it
    assert p.next() and p.step.id == "data"
    assert p.strip()[:3] == ("done", "current", "open")
    status = p.evaluate(LessonFacts())
    assert status.done and status.hint is None and status.can_next  # a free step
    assert p.next() and p.step.id == "round-1"
    assert not p.go_to(4)  # round-1 is not done: what lies beyond is locked
    assert p.back() and p.step.id == "data" and p.go_to(2)
    assert p.evaluate(LessonFacts(epoch=1)).done
    assert p.go_to(3) and p.strip()[3] == "current"


def test_the_last_step_has_no_next_and_jumps_stay_in_range():
    guide = guide_for("activations")
    p = GuideProgress(guide, index=99)
    assert p.is_last and p.index == len(guide) - 1
    assert not p.evaluate(LessonFacts()).can_next and not p.next()
    assert not p.go_to(-1) and not p.go_to(len(guide))
    assert not p.go_to(p.index)  # no change
    assert GuideProgress(guide).strip()[0] == "current"
