"""The MNIST guides' tasks on real MNIST: networks really trained, test images really
evaluated, digits "drawn" by scaling real test digits up to a 280 × 280 pad and back through
the draw pad's preprocessing (skipped without MNIST, like the other MNIST tests)."""

import numpy as np
import pytest

from nnviz.core.guides import GuideProgress, LessonFacts, evaluate, guide_for
from nnviz.core.lessons import digits
from nnviz.core.lessons.datasets import normalize_course, normalize_unit
from nnviz.core.lessons.presets import get_preset
from nnviz.core.nn.spec import TrainSpec
from nnviz.core.train.trainer import Trainer

pytestmark = pytest.mark.mnist


def check_of(lesson, step_id):
    guide = guide_for(lesson)
    return guide.steps[guide.index_of(step_id)].task.check


def accuracy_of(net, data) -> float:
    return float(np.mean(net.predict(data.X_test) == data.y_test))


def drawn(net, data, label: int, normalise) -> np.ndarray:
    """A test image of ``label`` drawn large on a 280 × 280 pad, preprocessed as the draw pad
    does and normalised as the lesson's inputs; the first one the network reads right."""
    raw = np.rint((data.X_test - data.X_test.min()) / np.ptp(data.X_test) * 255)
    for i in np.flatnonzero(data.y_test == label)[:50]:
        pad = np.kron(raw[i].reshape(28, 28), np.ones((10, 10)))
        x = normalise(digits.preprocess_digit(pad).ravel()).astype(net.dtype)
        if net.predict(x[None])[0] == label:
            return x
    raise AssertionError(f"the trained network read none of 50 drawn {label}s")


@pytest.fixture(scope="module")
def pretrained(mnist_folder):
    """The 784-50-100-10 network of the pretrained lesson, trained here for 12,800 samples."""
    p = get_preset("mnist-pretrained")
    data = p.load_data(mnist_folder)
    spec = TrainSpec(loss="cce", optimizer="sgd", lr=0.5, batch_size=32, epochs=1)
    tr = Trainer(p.build_network(), data, spec)
    tr.step("samples", count=12_800)
    net = tr.net.copy()
    return net, data, accuracy_of(net, data)


@pytest.fixture(scope="module")
def course(course_data):
    """The course recipe after 1,000 and 2,000 samples and after its one epoch (real run)."""
    tr = get_preset("mnist-course").make_trainer(data=course_data)
    out = {}
    for name, upto in (("1000", 1000), ("2000", 2000)):
        snap = tr.step("samples", count=upto - tr.samples_seen)
        out[name] = (tr.net.copy(), snap, accuracy_of(tr.net, course_data))
    while tr.epoch < 1:
        snap = tr.step("samples", count=4096)
    out["epoch"] = (tr.net.copy(), snap, accuracy_of(tr.net, course_data))
    return out, course_data


def pre_facts(net, data, **kw):
    return LessonFacts(network=net, inputs=data.X_test, targets=data.T_test, **kw)


def test_pretrained_guide_tasks(pretrained):
    net, data, acc = pretrained
    assert acc > 0.85
    pred = net.predict(data.X_test)
    right = int(np.flatnonzero(pred == data.y_test)[0])
    wrong = int(np.flatnonzero(pred != data.y_test)[0])
    three = drawn(net, data, 3, normalize_unit)
    seven = drawn(net, data, 7, normalize_unit)
    cases = {
        "data": (pre_facts(net, data, selected_row=right), [pre_facts(net, data)]),
        "predict": (pre_facts(net, data, selected_row=right),
                    [pre_facts(net, data, selected_row=wrong), pre_facts(net, data)]),
        "batch": (pre_facts(net, data, test_accuracy=acc), [pre_facts(net, data)]),
        "mistakes": (pre_facts(net, data, selected_row=wrong),
                     [pre_facts(net, data, selected_row=right)]),
        "draw": (pre_facts(net, data, drawn_input=three),
                 [pre_facts(net, data, drawn_input=seven), pre_facts(net, data)]),
    }
    guide = guide_for("mnist-pretrained")
    assert {s.id for s in guide.steps if s.task} == set(cases)
    progress = GuideProgress(guide)
    for step in guide.steps:
        done, not_done = cases[step.id]
        for f in not_done:
            r = evaluate(step.task.check, f)
            assert not r.passed and r.hint.en and r.hint.ko
        status = progress.evaluate(done)
        assert status.done, (step.id, status.hint)
        progress.next()
    assert progress.is_last


@pytest.mark.slow
def test_course_guide_tasks_on_the_real_run(course):
    runs, data = course
    net1, snap1, acc1 = runs["1000"]
    net2, snap2, acc2 = runs["2000"]
    net3, snap3, acc3 = runs["epoch"]
    assert snap2.samples_seen == 2000 and snap3.epoch == 1
    assert acc3 >= 0.9  # the handout's ≈ 0.92 after one epoch

    def at(net, snap, acc, **kw):
        return LessonFacts(network=net, inputs=data.X_test, targets=data.T_test,
                           epoch=snap.epoch, samples_seen=snap.samples_seen,
                           test_accuracy=acc, **kw)

    first = check_of("mnist-course", "first-2000")
    assert evaluate(first, at(net2, snap2, acc2)).passed
    assert not evaluate(first, at(net1, snap1, acc1)).passed
    assert not evaluate(first, LessonFacts(samples_seen=2000)).passed  # accuracy not read yet
    epoch = check_of("mnist-course", "one-epoch")
    assert evaluate(epoch, at(net3, snap3, acc3)).passed
    r = evaluate(epoch, at(net2, snap2, acc2))
    assert not r.passed and "1 라운드" in r.hint.ko
    draw = check_of("mnist-course", "draw")
    seven = drawn(net3, data, 7, normalize_course)
    one = drawn(net3, data, 1, normalize_course)
    assert evaluate(draw, at(net3, snap3, acc3, drawn_input=seven)).passed
    r = evaluate(draw, at(net3, snap3, acc3, drawn_input=one))
    assert not r.passed and r.hint.ko.startswith("신경망의 예측: 1. 7을")
