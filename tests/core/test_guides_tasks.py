"""Every task of every guide: facts where the task is DONE (weights really set, perceptrons and
networks really trained, the explained step really played) pass its check, and facts where it
is NOT done fail it with a hint in both languages.  MNIST tasks are in test_guides_mnist.py.

Each case builds the facts the GUI would report; ``entered(lesson, step)`` is the network as the
step leaves it (the step's own weights applied), i.e. the state before the student acts.
"""

from functools import cache

import numpy as np
import pytest

from nnviz.core.explain import EdgeRef, explain_perceptron_step, explain_step, trace_gradient
from nnviz.core.guides import (
    GuideProgress,
    LessonFacts,
    evaluate,
    guide_for,
    weight_name,
)
from nnviz.core.lessons.presets import all_presets, get_preset
from nnviz.core.train.compare import compare_runs

CASES: dict = {}


def case(lesson: str, step: str):
    def register(fn):
        CASES[(lesson, step)] = fn
        return fn
    return register


@cache
def data(lesson: str):
    """The lesson's gate or toy data; None for MNIST (its tasks are in test_guides_mnist.py)."""
    preset = get_preset(lesson)
    return None if preset.data.get("kind") == "mnist" else preset.load_data()


def step_of(lesson: str, step_id: str):
    guide = guide_for(lesson)
    return guide.steps[guide.index_of(step_id)]


def entered(lesson: str, step_id: str):
    """The lesson's network after entering the step (its ``set.weights`` applied)."""
    net = get_preset(lesson).build_network()
    step_of(lesson, step_id).state.apply_weights(net)
    return net


def facts(lesson: str, net=None, **kw) -> LessonFacts:
    d = data(lesson)
    inputs = np.atleast_2d(get_preset(lesson).data.get("x", [])) if d is None else d.X
    return LessonFacts(network=net if net is not None else get_preset(lesson).build_network(),
                       inputs=inputs, targets=None if d is None else d.T, **kw)


def edited(net, *changes):
    """Apply hand edits ("W", layer, i, j, value) / ("b", layer, j, value); their names."""
    names = set()
    for kind, layer, *where, value in changes:
        arr = net.W[layer] if kind == "W" else net.b[layer]
        arr[tuple(where)] = value
        names.add(weight_name(layer, *where) if kind == "W" else f"b{layer + 1}[{where[0]}]")
    return names


def run_facts(lesson, tr, snap, lr_at_start=None, **kw) -> LessonFacts:
    """What the GUI reports after a snapshot of trainer ``tr``."""
    return facts(lesson, tr.net.copy(), epoch=snap.epoch, samples_seen=snap.samples_seen,
                 accuracy=snap.train_acc, loss=snap.train_loss, lr=snap.lr,
                 lr_at_start=lr_at_start if lr_at_start is not None else snap.lr,
                 optimizer=tr.spec.optimizer, loss_name=tr.spec.loss,
                 grad_norms=snap.grad_norms, **kw)


def train(lesson, epochs=None, until=None, max_epochs=3000, trainer=None, **overrides):
    """Train a fresh trainer of ``lesson`` for ``epochs`` or until ``until(snap)``."""
    tr = trainer or get_preset(lesson).make_trainer(**overrides)
    snap = None
    for _ in range(epochs if epochs is not None else max_epochs):
        snap = tr.step("epoch")
        if until is not None and until(snap):
            break
    assert until is None or until(snap), f"{lesson} did not get there in {max_epochs} epochs"
    return tr, snap


def all_right(snap):
    return snap.train_acc >= 1.0


def phase_facts(explained, target: str):
    """(phase when the student reaches ``target``, the phase one Next before it)."""
    phases = [item.phase.value for item in explained.items]
    k = phases.index(target)
    assert k > 0 and phases[k - 1] != target
    return LessonFacts(explain_phase=phases[k]), LessonFacts(explain_phase=phases[k - 1])


# -- the perceptron lessons (001) --------------------------------------------------------------

@case("perceptron-and", "neuron")
def _():
    return facts("perceptron-and", selected_row=3), [facts("perceptron-and"),
                                                     facts("perceptron-and", selected_row=0)]


@case("perceptron-and", "round-1")
def _():
    p = get_preset("perceptron-and")
    tr = p.make_trainer()
    three = tr.step("samples", count=3)
    assert three.epoch == 0
    fresh = p.make_trainer()
    one = fresh.step("epoch")
    assert one.epoch == 1 and len(one.rows) == 4  # the round table has the four rows
    return run_facts("perceptron-and", fresh, one), [run_facts("perceptron-and", tr, three)]


@case("perceptron-and", "one-update")
def _():
    net, d = get_preset("perceptron-and").build_network(), data("perceptron-and")
    explained = explain_perceptron_step(net, d.X[2], d.T[2, 0], 0.05)
    done, before = phase_facts(explained, "update")
    return done, [before, LessonFacts()]


@case("perceptron-and", "all-right")
def _():
    first = train("perceptron-and", epochs=1)
    done = train("perceptron-and", until=all_right, max_epochs=100)
    return run_facts("perceptron-and", *done), [run_facts("perceptron-and", *first),
                                                facts("perceptron-and")]


def _learn_gate(lesson):
    first = train(lesson, epochs=1)
    assert first[1].train_acc < 1.0  # the seeded start is not right at once
    done = train(lesson, until=all_right, max_epochs=100)
    return run_facts(lesson, *done), [run_facts(lesson, *first), facts(lesson)]


for _lesson in ("perceptron-or", "perceptron-nand", "perceptron-nor"):
    case(_lesson, "learn")(lambda _lesson=_lesson: _learn_gate(_lesson))


@case("perceptron-or", "eta")
def _():
    tr = get_preset("perceptron-or").make_trainer()
    before = LessonFacts(lr=tr.spec.lr)
    tr.set_lr(5.0)
    return LessonFacts(lr=tr.spec.lr), [before, LessonFacts()]


@case("perceptron-or", "eta-run")
def _():
    p = get_preset("perceptron-or")
    tr = p.make_trainer()
    tr.set_lr(5.0)
    tr, snap = train("perceptron-or", until=all_right, max_epochs=100, trainer=tr)
    # the step's text: every ΔW is now ±5 (or 0 when the row was right)
    deltas = {abs(v) for row in snap.rows for v in row.dW}
    assert deltas <= {0.0, 5.0}
    slow = train("perceptron-or", until=all_right, max_epochs=100)
    return run_facts("perceptron-or", tr, snap), [
        run_facts("perceptron-or", *slow), facts("perceptron-or", lr=5.0)]


@case("perceptron-nand", "bias")
def _():
    tr, snap = train("perceptron-nand", until=all_right, max_epochs=100)
    w1, w2, b = tr.net.W[0][0, 0], tr.net.W[0][1, 0], tr.net.b[0][0]
    assert w1 < 0 and w2 < 0 and b > 0  # the signs the previous step reasons out
    raised = tr.net.copy()
    names = edited(raised, ("b", 0, 0, 10.0))
    nudged = tr.net.copy()
    nudged_names = edited(nudged, ("b", 0, 0, b + 0.01))
    return facts("perceptron-nand", raised, edits=names), [
        facts("perceptron-nand", tr.net.copy()),
        facts("perceptron-nand", nudged, edits=nudged_names)]


@case("perceptron-nor", "by-hand")
def _():
    net = entered("perceptron-nor", "by-hand")
    names = edited(net, ("W", 0, 0, 0, -1.0), ("W", 0, 1, 0, -1.0), ("b", 0, 0, 0.5))
    wrong = entered("perceptron-nor", "by-hand")
    wrong_names = edited(wrong, ("W", 0, 0, 0, 1.0), ("W", 0, 1, 0, 1.0), ("b", 0, 0, -0.5))
    return facts("perceptron-nor", net, edits=names), [
        facts("perceptron-nor", entered("perceptron-nor", "by-hand")),
        facts("perceptron-nor", wrong, edits=wrong_names)]


@case("perceptron-xor", "play")
def _():
    tr = get_preset("perceptron-xor").make_trainer()
    accs = [tr.step("epoch").train_acc for _ in range(19)]
    snap = tr.step("epoch")
    assert max(accs + [snap.train_acc]) <= 0.75  # never passes 75 %
    early = train("perceptron-xor", epochs=5)
    return run_facts("perceptron-xor", tr, snap), [run_facts("perceptron-xor", *early),
                                                   facts("perceptron-xor")]


@case("perceptron-xor", "by-hand")
def _():
    net = entered("perceptron-xor", "by-hand")  # all 0: (0,0) and (1,1) right
    names = edited(net, ("W", 0, 0, 0, 1.0), ("W", 0, 1, 0, 1.0), ("b", 0, 0, -0.5))  # OR
    ones = entered("perceptron-xor", "by-hand")
    ones_names = edited(ones, ("b", 0, 0, 0.5))  # always 1: two rows right
    return facts("perceptron-xor", net, edits=names), [
        facts("perceptron-xor", entered("perceptron-xor", "by-hand")),
        facts("perceptron-xor", ones, edits=ones_names)]


HAND = "perceptron-and-by-hand"


@case(HAND, "code")
def _():
    return facts(HAND, entered(HAND, "code"), selected_row=3), [facts(HAND, entered(HAND, "code"))]


@case(HAND, "flip")
def _():
    net = entered(HAND, "flip")
    names = edited(net, ("W", 0, 0, 0, 0.6))
    short = entered(HAND, "flip")
    short_names = edited(short, ("W", 0, 0, 0, 0.45))
    return facts(HAND, net, edits=names), [facts(HAND, entered(HAND, "flip")),
                                           facts(HAND, short, edits=short_names)]


@case(HAND, "yourself")
def _():
    net = entered(HAND, "yourself")
    names = edited(net, ("W", 0, 0, 0, 0.4), ("W", 0, 1, 0, 0.2), ("b", 0, 0, -0.5))
    bias_only = entered(HAND, "yourself")
    bias_names = edited(bias_only, ("b", 0, 0, -0.5))
    return facts(HAND, net, edits=names), [facts(HAND, entered(HAND, "yourself")),
                                           facts(HAND, bias_only, edits=bias_names)]


@case(HAND, "to-or")
def _():
    net = entered(HAND, "to-or")
    names = edited(net, ("b", 0, 0, -0.1))
    widened = entered(HAND, "to-or")
    widened_names = edited(widened, ("W", 0, 0, 0, 0.6), ("W", 0, 1, 0, 0.6))  # OR, not by b
    assert list(widened.predict(data(HAND).X)) == [0, 1, 1, 1]
    return facts(HAND, net, edits=names), [facts(HAND, entered(HAND, "to-or")),
                                           facts(HAND, widened, edits=widened_names)]


# -- XOR by hand (000, 004) ------------------------------------------------------------------

@case("xor-gates", "nand")
def _():
    net = entered("xor-gates", "nand")
    return facts("xor-gates", net, selected_row=3), [facts("xor-gates", net, selected_row=0)]


@case("xor-gates", "or")
def _():
    return (LessonFacts(selected_neuron=(1, 1)),
            [LessonFacts(selected_neuron=(1, 0)), LessonFacts()])


@case("xor-gates", "yourself")
def _():
    preset = get_preset("xor-gates")
    net = entered("xor-gates", "yourself")
    names = edited(net, *[("W", 0, i, j, preset.weights["W1"][i][j])
                          for i in range(2) for j in range(2)],
                   ("b", 0, 0, 3.0), ("b", 0, 1, -1.0))
    swapped = entered("xor-gates", "yourself")  # n1 = OR, n2 = NAND: y is still XOR
    swapped_names = edited(swapped, ("W", 0, 0, 0, 2.0), ("W", 0, 1, 0, 2.0), ("W", 0, 0, 1, -2.0),
                           ("W", 0, 1, 1, -2.0), ("b", 0, 0, -1.0), ("b", 0, 1, 3.0))
    assert list(swapped.predict(data("xor-gates").X)) == [0, 1, 1, 0]
    return facts("xor-gates", net, edits=names), [
        facts("xor-gates", entered("xor-gates", "yourself")),
        facts("xor-gates", swapped, edits=swapped_names)]


@case("xor-gates", "bend")
def _():
    return (LessonFacts(open_panels={"canvas", "hidden_space"}),
            [LessonFacts(open_panels={"canvas", "truth_table"})])


@case("xor-relu", "hidden")
def _():
    net = entered("xor-relu", "hidden")
    assert net.trace(data("xor-relu").X[3])[0][1].tolist() == [2, 1]  # h = (2, 1), as written
    return facts("xor-relu", net, selected_row=3), [facts("xor-relu", net, selected_row=1)]


@case("xor-relu", "space")
def _():
    return LessonFacts(open_panels={"hidden_space"}), [LessonFacts(open_panels={"canvas"})]


@case("xor-relu", "find-c")
def _():
    net = entered("xor-relu", "find-c")
    assert net.forward(data("xor-relu").X)[:, 0].tolist() == [0, -1, -1, -2]  # as the text says
    names = edited(net, ("b", 0, 1, -1.0))
    half = entered("xor-relu", "find-c")
    half_names = edited(half, ("b", 0, 1, -0.2))
    return facts("xor-relu", net, edits=names), [facts("xor-relu", entered("xor-relu", "find-c")),
                                                 facts("xor-relu", half, edits=half_names)]


# -- forward walk-through (002, 003) ----------------------------------------------------------

for _step, _neuron, _other in (("a1", (1, 0), (0, 0)), ("z1", (1, 2), (1, 0)),
                               ("layer-2", (2, 1), (2, 0)), ("output", (3, 1), (3, 0))):
    case("forward-walkthrough", _step)(
        lambda n=_neuron, o=_other: (LessonFacts(selected_neuron=n),
                                     [LessonFacts(selected_neuron=o), LessonFacts()]))


@case("forward-walkthrough", "change")
def _():
    net = entered("forward-walkthrough", "change")
    names = edited(net, ("W", 0, 0, 0, 0.5))
    other = entered("forward-walkthrough", "change")
    other_names = edited(other, ("W", 1, 0, 0, 0.5))
    return facts("forward-walkthrough", net, edits=names), [
        facts("forward-walkthrough", other, edits=other_names),
        facts("forward-walkthrough", entered("forward-walkthrough", "change"))]


# -- backpropagation (000, 004) ---------------------------------------------------------------

def _xor_explained():
    net, d = get_preset("xor-backprop-2").build_network(), data("xor-backprop-2")
    return explain_step(net, d.X[1], d.T[1], "bce", {"name": "sgd", "lr": 1.0})


for _step, _phase in (("forward-loss", "loss"), ("backward", "backward"), ("update", "update")):
    case("xor-backprop-2", _step)(
        lambda phase=_phase: (lambda pair: (pair[0], [pair[1], LessonFacts()]))(
            phase_facts(_xor_explained(), phase)))


for _lesson in ("xor-backprop-2", "xor-backprop-3"):
    case(_lesson, "train")(lambda lesson=_lesson: (
        run_facts(lesson, *train(lesson, until=all_right)),
        [run_facts(lesson, *train(lesson, epochs=10)), facts(lesson)]))


@case("xor-backprop-3", "eta")
def _():
    tr = get_preset("xor-backprop-3").make_trainer()
    start = tr.spec.lr
    tr.step("epoch")
    tr.set_lr(5.0)  # the student changes η between two steps of the run
    snap = tr.step("epoch")
    assert snap.lr == 5.0 and start == 1.0
    changed = run_facts("xor-backprop-3", tr, snap, lr_at_start=start, running=True)
    from_start = get_preset("xor-backprop-3").make_trainer(lr=5.0)
    s5 = from_start.step("epoch")
    return changed, [
        run_facts("xor-backprop-3", tr, snap, lr_at_start=start, running=False),
        run_facts("xor-backprop-3", from_start, s5, running=True),
        run_facts("xor-backprop-3", *train("xor-backprop-3", epochs=2), running=True)]


@case("xor-backprop-3", "compare")
def _():
    finished = [train("xor-backprop-3", epochs=100), train("xor-backprop-3", epochs=100, lr=5.0)]
    assert all(snap.epoch == 100 for _, snap in finished)
    return LessonFacts(compared_runs=len(finished)), [LessonFacts(compared_runs=1)]


def _traced(lesson, ref):
    net, d = get_preset(lesson).build_network(), data(lesson)
    loss = get_preset(lesson).training.loss
    trace = trace_gradient(net, d.X[0], d.T[0], loss, ref)
    assert np.isfinite(trace.gradient)
    return LessonFacts(traced=weight_name(ref.layer, ref.i, ref.j))


@case("xor-backprop-3", "tracer")
def _():
    return (_traced("xor-backprop-3", EdgeRef(0, 1, 2)),
            [_traced("xor-backprop-3", EdgeRef(1, 0, 0)), LessonFacts()])


# -- softmax, optimizers, losses, vanishing gradient ------------------------------------------

@case("keras-and-softmax", "fit")
def _():
    tr, snap = train("keras-and-softmax", epochs=1000)
    return run_facts("keras-and-softmax", tr, snap), [
        run_facts("keras-and-softmax", *train("keras-and-softmax", epochs=10))]


@case("keras-and-softmax", "probabilities")
def _():
    tr, _snap = train("keras-and-softmax", epochs=1000)
    y = tr.net.forward(data("keras-and-softmax").X[3])
    assert abs(y.sum() - 1) < 1e-9 and y[1] > y[0]  # probabilities; class 1 for (1, 1)
    untrained = get_preset("keras-and-softmax").build_network()
    return facts("keras-and-softmax", tr.net, selected_row=3), [
        facts("keras-and-softmax", tr.net, selected_row=0),
        facts("keras-and-softmax", untrained, selected_row=3)]


@case("optimizers", "adam")
def _():
    return (run_facts("optimizers", *train("optimizers", epochs=50)),
            [run_facts("optimizers", *train("optimizers", epochs=10))])


@case("optimizers", "momentum")
def _():
    tr = get_preset("optimizers").make_trainer()
    tr.set_optimizer("momentum", lr=0.1)
    tr, snap = train("optimizers", epochs=50, trainer=tr)
    short = get_preset("optimizers").make_trainer()
    short.set_optimizer("momentum", lr=0.1)
    return run_facts("optimizers", tr, snap), [
        run_facts("optimizers", *train("optimizers", epochs=50)),
        run_facts("optimizers", *train("optimizers", epochs=10, trainer=short))]


@case("optimizers", "all-six")
def _():
    p = get_preset("optimizers")
    runs = compare_runs(p, "optimizer", p.compare["optimizer"], epochs=2)
    assert [r.hyper["optimizer"] for r in runs] == list(p.compare["optimizer"])
    return LessonFacts(compared_runs=len(runs)), [LessonFacts(compared_runs=0)]


@case("optimizers", "surface")
def _():
    return LessonFacts(open_panels={"optimizer_race"}), [LessonFacts()]


@case("losses", "bce")
def _():
    return (run_facts("losses", *train("losses", epochs=20)),
            [run_facts("losses", *train("losses", epochs=5)),
             run_facts("losses", *train("losses", epochs=20, loss="mse"))])


@case("losses", "mse")
def _():
    return (run_facts("losses", *train("losses", epochs=20, loss="mse")),
            [run_facts("losses", *train("losses", epochs=20)),
             run_facts("losses", *train("losses", epochs=5, loss="mse"))])


@case("losses", "compare")
def _():
    p = get_preset("losses")
    both = compare_runs(p, "loss", p.compare["loss"], epochs=2)
    one = compare_runs(p, "loss", p.compare["loss"][:1], epochs=2)
    return LessonFacts(compared_runs=len(both)), [LessonFacts(compared_runs=len(one))]


@case("vanishing-sigmoid", "norms")
def _():
    return (run_facts("vanishing-sigmoid", *train("vanishing-sigmoid", epochs=1)),
            [facts("vanishing-sigmoid"),
             run_facts("vanishing-relu", *train("vanishing-relu", epochs=1))])


@case("vanishing-sigmoid", "tracer")
def _():
    return (_traced("vanishing-sigmoid", EdgeRef(0, 0, 3)),
            [_traced("vanishing-sigmoid", EdgeRef(6, 0, 0)), LessonFacts()])


@case("vanishing-sigmoid", "stalls")
def _():
    return (run_facts("vanishing-sigmoid", *train("vanishing-sigmoid", epochs=50)),
            [run_facts("vanishing-sigmoid", *train("vanishing-sigmoid", epochs=10)),
             run_facts("vanishing-relu", *train("vanishing-relu", epochs=50))])


@case("vanishing-relu", "norms")
def _():
    return (run_facts("vanishing-relu", *train("vanishing-relu", epochs=1)),
            [facts("vanishing-relu"),
             run_facts("vanishing-sigmoid", *train("vanishing-sigmoid", epochs=1))])


@case("vanishing-relu", "learns")
def _():
    return (run_facts("vanishing-relu", *train("vanishing-relu", max_epochs=100,
                                               until=lambda s: s.train_acc >= 0.9)),
            [run_facts("vanishing-relu", *train("vanishing-relu", epochs=5))])


@case("activations", "step-sigmoid")
def _():
    return (LessonFacts(open_panels={"activation_gallery", "explanation"}),
            [LessonFacts(open_panels={"explanation"})])


# -- MNIST from scratch: the explained step needs no data (one synthetic digit) ---------------

def _course_explained():
    from nnviz.core.explain import Focus
    from nnviz.core.lessons.datasets import normalize_course

    net = get_preset("mnist-course").build_network()
    img = np.zeros((28, 28))
    img[6:22, 13:16] = 255.0  # a "1"
    t = np.full(10, 0.01)
    t[1] = 0.99
    return explain_step(net, normalize_course(img.ravel()), t, "cce",
                        {"name": "sgd", "lr": 0.01}, focus=Focus(1, 5))


for _step, _phase in (("forward", "backward"), ("backprop", "update")):
    case("mnist-course", _step)(
        lambda phase=_phase: (lambda pair: (pair[0], [pair[1], LessonFacts()]))(
            phase_facts(_course_explained(), phase)))


# -- the tests --------------------------------------------------------------------------------

MNIST_TASKS = {("mnist-pretrained", s) for s in ("data", "predict", "batch", "mistakes", "draw")}
MNIST_TASKS |= {("mnist-course", s) for s in ("first-2000", "one-epoch", "draw")}


def test_every_task_of_every_guide_has_a_case():
    tasks = {(p.id, s.id) for p in all_presets() for s in guide_for(p.id).steps if s.task}
    assert tasks == set(CASES) | MNIST_TASKS
    assert not set(CASES) & MNIST_TASKS


_results: dict = {}


def built(key):
    if key not in _results:
        _results[key] = CASES[key]()
    return _results[key]


@pytest.mark.parametrize("lesson, step_id", sorted(CASES), ids=[f"{a}:{b}" for a, b in
                                                                sorted(CASES)])
def test_task_passes_when_done_and_fails_before(lesson, step_id):
    check = step_of(lesson, step_id).task.check
    done, not_done = built((lesson, step_id))
    result = evaluate(check, done)
    assert result.passed, result.hint
    assert not_done
    for f in not_done:
        result = evaluate(check, f)
        assert not result.passed
        assert result.hint.en and result.hint.ko and result.hint.en != result.hint.ko


WALKABLE = sorted({lesson for lesson, _ in CASES} - {lesson for lesson, _ in MNIST_TASKS}
                  | {p.id for p in all_presets()
                     if not any(s.task for s in guide_for(p.id).steps)})


def on_entry(lesson: str, step) -> LessonFacts:
    """What the GUI reports right after entering ``step`` of a fresh lesson: the step's
    weights, input row and panels applied, the lesson's own hyper-parameters, nothing trained."""
    preset = get_preset(lesson)
    spec = preset.training
    net = entered(lesson, step.id)
    return facts(lesson, net, selected_row=step.state.input_row,
                 open_panels=step.state.panels or (),
                 lr=spec.lr if spec else None, lr_at_start=spec.lr if spec else None,
                 optimizer=spec.optimizer if spec else "", loss_name=spec.loss if spec else "")


ALL_TASKS = sorted((p.id, s.id) for p in all_presets() for s in guide_for(p.id).steps if s.task)


@pytest.mark.parametrize("lesson, step_id", ALL_TASKS, ids=[f"{a}:{b}" for a, b in ALL_TASKS])
def test_no_task_is_done_by_entering_its_step(lesson, step_id):
    step = step_of(lesson, step_id)
    result = evaluate(step.task.check, on_entry(lesson, step))
    assert not result.passed
    assert result.hint.en and result.hint.ko


@pytest.mark.parametrize("lesson", WALKABLE)
def test_a_student_walks_the_whole_guide(lesson):
    guide = guide_for(lesson)
    progress = GuideProgress(guide)
    for k, step in enumerate(guide.steps):
        assert progress.index == k
        if step.task is not None:
            assert not progress.evaluate(on_entry(lesson, step)).can_next or progress.is_last
            status = progress.evaluate(built((lesson, step.id))[0])
            assert status.done, (step.id, status.hint)
        assert progress.strip()[k] == "current"
        if k < len(guide) - 1:
            assert progress.next()
    assert progress.is_last and set(progress.strip()) == {"done", "current"}


def test_forward_walkthrough_numbers_are_the_networks():
    """Every vector the guide writes (A1, Z1, A2, Z2, y) is the network's, to 4 digits."""
    import re

    net = entered("forward-walkthrough", "network")
    text = " ".join(s.text.en for s in guide_for("forward-walkthrough").steps)
    written = [[float(v) for v in m.split(", ")]
               for m in re.findall(r"\[(-?[\d.]+(?:, -?[\d.]+)+)\]", text)]
    (a1, z1), (a2, z2), (a3, _y) = net.trace(np.array([1.0, 0.5]))
    for values in (a1, z1, a2, z2, a3):
        assert any(len(w) == len(values) and np.allclose(w, values, rtol=5e-4, atol=0)
                   for w in written), values
