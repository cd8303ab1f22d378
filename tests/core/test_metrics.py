"""Confusion matrix and friends."""

import time

import numpy as np
import pytest

from nnviz.core.train.metrics import (
    accuracy,
    cell_indices,
    confusion_matrix,
    evaluate_predictions,
    per_class_accuracy,
    top_misclassified,
)


def test_confusion_matrix_counts():
    labels = np.array([0, 0, 1, 1, 2, 2, 2])
    preds = np.array([0, 1, 1, 1, 2, 0, 2])
    cm = confusion_matrix(labels, preds, 3)
    np.testing.assert_array_equal(cm, [[1, 1, 0], [0, 2, 0], [1, 0, 2]])
    assert cm.sum() == 7
    assert accuracy(cm) == pytest.approx(5 / 7)
    np.testing.assert_allclose(per_class_accuracy(cm), [0.5, 1.0, 2 / 3])
    np.testing.assert_array_equal(cell_indices(labels, preds, 2, 0), [5])
    np.testing.assert_array_equal(cell_indices(labels, preds, 0, 2), [])


def test_confusion_matrix_refuses_bad_input():
    with pytest.raises(ValueError):
        confusion_matrix([0, 1], [0], 2)
    with pytest.raises(ValueError):
        confusion_matrix([0, 3], [0, 1], 3)
    with pytest.raises(ValueError):
        confusion_matrix([0.5], [0], 2)


def test_empty_class_accuracy_is_nan():
    cm = confusion_matrix([0, 0], [0, 1], 3)
    acc = per_class_accuracy(cm)
    assert acc[0] == 0.5 and np.isnan(acc[2])
    assert np.isnan(accuracy(np.zeros((3, 3), int)))


def test_top_misclassified_orders_by_confidence():
    labels = np.array([0, 1, 1, 0])
    probs = np.array([[0.9, 0.1], [0.6, 0.4], [0.99, 0.01], [0.2, 0.8]])
    np.testing.assert_array_equal(top_misclassified(labels, probs), [2, 3, 1])
    np.testing.assert_array_equal(top_misclassified(labels, probs, k=1), [2])


def test_fast_for_10000_samples():
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 10, 10000)
    probs = rng.random((10000, 10))
    t = time.perf_counter()
    ev = evaluate_predictions(lambda xb: xb, probs, labels, batch_size=100)
    top_misclassified(labels, probs)
    cell_indices(labels, ev.preds, 3, 5)
    assert time.perf_counter() - t < 0.5
    assert ev.cm.sum() == 10000
    assert ev.accuracy == pytest.approx(np.mean(ev.preds == labels))
    assert len(ev.wrong) == 10000 - np.trace(ev.cm)


def test_evaluate_progress_and_cancel():
    X = np.eye(3)[[0, 1, 2, 0, 1]]
    seen = []
    ev = evaluate_predictions(lambda xb: xb, X, [0, 1, 2, 0, 2], batch_size=2,
                              progress=lambda d, n: seen.append((d, n)))
    assert seen == [(2, 5), (4, 5), (5, 5)]
    assert ev.accuracy == pytest.approx(0.8)
    with pytest.raises(InterruptedError):
        evaluate_predictions(lambda xb: xb, X, [0] * 5, cancel=lambda: True)
