"""Tests of the Dataset container, the logic gates and the 2-D toy sets."""

import dataclasses

import numpy as np
import pytest

from nnviz.core.lessons.datasets import GATES, TOYS, Dataset, gate, toy

TRUTH = {
    "AND": [0, 0, 0, 1],
    "OR": [0, 1, 1, 1],
    "NAND": [1, 1, 1, 0],
    "NOR": [1, 0, 0, 0],
    "XOR": [0, 1, 1, 0],
}


def _small(n_classes=3):
    x = np.arange(12, dtype=np.float64).reshape(6, 2)
    y = np.array([0, 1, 2, 0, 1, 2][:6]) % n_classes
    return Dataset(
        "s", x, y, x[:3].copy(), y[:3].copy(), n_classes, (2,), ("a", "b", "c")[:n_classes]
    )


# --- Dataset ---------------------------------------------------------------


def test_targets_onehot_low_high():
    ds = _small()
    t = ds.targets("train", low=0.01, high=0.99)
    assert t.shape == (6, 3) and t.dtype == np.float64
    np.testing.assert_allclose(t[np.arange(6), ds.y_train], 0.99)
    assert np.count_nonzero(np.isclose(t, 0.01)) == 6 * 2
    assert np.array_equal(t.argmax(axis=1), ds.y_train)
    t32 = ds.targets("test", dtype=np.float32)
    assert t32.dtype == np.float32 and t32.shape == (3, 3)
    np.testing.assert_array_equal(t32.sum(axis=1), 1.0)


def test_targets_binary():
    ds = gate("xor")
    t = ds.targets("train", kind="binary")
    assert t.shape == (4, 1)
    np.testing.assert_array_equal(t.ravel(), [0, 1, 1, 0])
    t2 = ds.targets("train", kind="binary", low=0.1, high=0.9)
    np.testing.assert_allclose(t2.ravel(), [0.1, 0.9, 0.9, 0.1])
    with pytest.raises(ValueError, match="2 classes"):
        _small(3).targets("train", kind="binary")


def test_targets_bad_arguments():
    ds = _small()
    with pytest.raises(ValueError, match="split"):
        ds.targets("validation")
    with pytest.raises(ValueError, match="kind"):
        ds.targets("train", kind="softmax")


def test_astype_copies_and_casts():
    ds = _small()
    d32 = ds.astype(np.float32)
    assert d32.x_train.dtype == np.float32 and d32.x_test.dtype == np.float32
    assert ds.x_train.dtype == np.float64
    d32.x_train[0, 0] = 99
    d32.y_train[0] = 2
    assert ds.x_train[0, 0] == 0 and ds.y_train[0] == 0
    assert d32.name == ds.name and d32.class_names == ds.class_names
    with pytest.raises(ValueError):
        ds.astype(np.int32)


def test_dataset_is_frozen_and_validated():
    ds = _small()
    with pytest.raises(dataclasses.FrozenInstanceError):
        ds.name = "other"
    x = np.zeros((4, 2))
    y = np.zeros(4, dtype=int)
    with pytest.raises(ValueError, match="shape"):
        Dataset("bad", x, y, np.zeros((4, 3)), y, 2, (2,), ("a", "b"))
    with pytest.raises(ValueError, match="labels outside"):
        Dataset("bad", x, y + 2, x, y, 2, (2,), ("a", "b"))
    with pytest.raises(ValueError, match="class names"):
        Dataset("bad", x, y, x, y, 2, (2,), ("a",))
    with pytest.raises(ValueError, match="floating"):
        Dataset("bad", x.astype(int), y, x, y, 2, (2,), ("a", "b"))
    with pytest.raises(ValueError, match="y_train"):
        Dataset("bad", x, y[:3], x, y, 2, (2,), ("a", "b"))


# --- gates -----------------------------------------------------------------


@pytest.mark.parametrize("name", GATES)
def test_gate_truth_tables(name):
    ds = gate(name)
    np.testing.assert_array_equal(ds.x_train, [[0, 0], [0, 1], [1, 0], [1, 1]])
    assert ds.x_train.dtype.kind == "f"
    np.testing.assert_array_equal(ds.y_train, TRUTH[name])
    np.testing.assert_array_equal(ds.x_test, ds.x_train)
    np.testing.assert_array_equal(ds.y_test, ds.y_train)
    assert ds.x_test is not ds.x_train
    assert ds.n_classes == 2 and ds.input_shape == (2,)
    # Consistent with the boolean operation itself.
    a, b = ds.x_train[:, 0].astype(bool), ds.x_train[:, 1].astype(bool)
    op = {
        "AND": a & b,
        "OR": a | b,
        "NAND": ~(a & b),
        "NOR": ~(a | b),
        "XOR": a ^ b,
    }[name]
    np.testing.assert_array_equal(ds.y_train, op.astype(int))


def test_gate_case_insensitive_and_unknown():
    np.testing.assert_array_equal(gate("xor").y_train, gate("XoR").y_train)
    with pytest.raises(ValueError) as info:
        gate("XNOR")
    for name in GATES:
        assert name in str(info.value)


# --- toys ------------------------------------------------------------------


@pytest.mark.parametrize("name", TOYS)
def test_toy_shapes_split_and_balance(name):
    ds = toy(name, n=200, test_fraction=0.25, seed=3)
    assert ds.x_train.shape == (150, 2) and ds.x_test.shape == (50, 2)
    assert ds.y_train.shape == (150,) and ds.y_test.shape == (50,)
    assert ds.n_classes == 2 and ds.input_shape == (2,)
    labels = np.concatenate([ds.y_train, ds.y_test])
    assert np.bincount(labels).tolist() == [100, 100]
    assert 0.3 < ds.y_train.mean() < 0.7
    assert np.all(np.abs(ds.x_train) < 2.5)


@pytest.mark.parametrize("name", TOYS)
def test_toy_deterministic_per_seed(name):
    a, b, c = toy(name, seed=7), toy(name, seed=7), toy(name, seed=8)
    np.testing.assert_array_equal(a.x_train, b.x_train)
    np.testing.assert_array_equal(a.y_test, b.y_test)
    assert not np.array_equal(a.x_train, c.x_train)


@pytest.mark.parametrize("name", TOYS)
def test_toy_noise_scales_jitter(name):
    n = 2000
    clean = toy(name, n=n, noise=0.0, seed=1)
    for noise in (0.05, 0.3):
        noisy = toy(name, n=n, noise=noise, seed=1)
        # Same seed: same base points and split, only the jitter's size differs.
        np.testing.assert_array_equal(noisy.y_train, clean.y_train)
        jitter = noisy.x_train - clean.x_train
        assert abs(jitter.std() - noise) < 0.1 * noise
        assert abs(jitter.mean()) < 0.1 * noise


def test_toy_geometry_without_noise():
    xor = toy("xor", n=400, noise=0.0, seed=0)
    x, y = xor.x_train, xor.y_train
    np.testing.assert_array_equal(y, (np.sign(x[:, 0]) * np.sign(x[:, 1]) < 0).astype(int))
    assert np.all(np.abs(x) <= 1.0)
    circ = toy("circles", n=400, noise=0.0, seed=0)
    r = np.hypot(*circ.x_train.T)
    assert np.all(r[circ.y_train == 0] <= 0.5) and np.all(r[circ.y_train == 1] >= 0.7)
    assert np.all(r <= 1.0)
    blobs = toy("blobs", n=400, noise=0.0, seed=0)
    m0 = blobs.x_train[blobs.y_train == 0].mean(axis=0)
    m1 = blobs.x_train[blobs.y_train == 1].mean(axis=0)
    assert np.all(m0 < -0.3) and np.all(m1 > 0.3)
    spi = toy("spirals", n=400, noise=0.0, seed=0)
    assert np.all(np.hypot(*spi.x_train.T) <= 1.0 + 1e-12)


def test_toy_small_n_both_splits_nonempty():
    ds = toy("xor", n=4, test_fraction=0.01)
    assert len(ds.y_test) == 1 and len(ds.y_train) == 3
    ds = toy("xor", n=4, test_fraction=0.99)
    assert len(ds.y_test) == 3 and len(ds.y_train) == 1


def test_toy_generator_seed_and_case():
    rng = np.random.default_rng(5)
    ds = toy("CIRCLES", seed=rng)
    np.testing.assert_array_equal(ds.x_train, toy("circles", seed=np.random.default_rng(5)).x_train)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"name": "moons"}, "xor, circles, spirals, blobs"),
        ({"n": 3}, "n must"),
        ({"n": 10.5}, "n must"),
        ({"noise": -0.1}, "noise"),
        ({"noise": float("nan")}, "noise"),
        ({"test_fraction": 0.0}, "test_fraction"),
        ({"test_fraction": 1.0}, "test_fraction"),
    ],
)
def test_toy_validation(kwargs, match):
    args = {"name": "xor", **kwargs}
    with pytest.raises(ValueError, match=match):
        toy(**args)
