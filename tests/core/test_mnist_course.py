"""The course MNIST recipe on the real data (handout 004): ≥ 0.91 after one epoch."""

import numpy as np
import pytest

from nnviz.core.lessons.presets import get_preset
from nnviz.core.nn.backprop import evaluate

pytestmark = pytest.mark.mnist


def test_course_recipe_reaches_the_handout_accuracy(course_data):
    tr = get_preset("mnist-course").make_trainer(data=course_data)
    assert tr.uses_fused_kernel and tr.net.dtype == np.float32
    snaps = list(tr.run("epoch"))
    evals = [e for s in snaps for e in s.evals]
    # test accuracy every 2,000 samples, as the handout prints it
    assert [e.samples_seen for e in evals][:3] == [0, 2000, 4000]
    assert len(evals) == 31
    assert evals[0].test_acc < 0.2
    assert evals[-1].test_acc >= 0.91
    assert snaps[-1].status == "finished"


def test_minibatch_recipe_trains_on_real_mnist(course_data):
    tr = get_preset("mnist-course").make_trainer(data=course_data, batch_size=64, lr=0.5,
                                                 eval_every=0)
    last = list(tr.run("epoch"))[-1]
    assert last.evals[-1].test_acc >= 0.88


def test_batched_evaluation_matches_per_sample(course_data):
    net = get_preset("mnist-course").build_network()
    d = course_data
    _, acc100 = evaluate(net, d.X_test, d.T_test, d.y_test, "cce", batch_size=100)
    pred = np.array([np.argmax(net.forward(x)) for x in d.X_test[:500]])
    _, acc_first = evaluate(net, d.X_test[:500], d.T_test[:500], d.y_test[:500], "cce", 100)
    assert acc_first == pytest.approx(np.mean(pred == d.y_test[:500]))
    assert 0.0 <= acc100 <= 1.0


def test_learning_rate_1000_is_reported_as_diverged(course_data):
    """Issue 14: it used to "finish" at 9.7 % with no warning."""
    tr = get_preset("mnist-course").make_trainer(data=course_data, lr=1000.0)
    last = list(tr.run("epoch"))[-1]
    assert last.status == "diverged" and "exploded" in last.message
    assert last.samples_seen == 2000
    np.testing.assert_array_equal(last.params, tr.initial_params)
