"""The command line: presets, train, eval, data (real MNIST for the MNIST commands)."""

import json
import os
import pickle
import subprocess
import sys

import numpy as np
import pytest

from nnviz.cli import main


def _json_line(capsys):
    out = capsys.readouterr().out.strip().splitlines()
    return json.loads(out[-1])


def test_presets_lists_every_lesson(capsys):
    assert main(["presets", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    ids = [r["id"] for r in rows]
    assert "mnist-course" in ids and "perceptron-and" in ids and "forward-walkthrough" in ids


def test_train_perceptron_json(capsys):
    assert main(["train", "--preset", "perceptron-and", "--epochs", "30", "--json"]) == 0
    r = _json_line(capsys)
    assert r["test_accuracy"] == 1.0
    assert {"train_seconds", "compile_seconds", "test_accuracy"} <= set(r)


def test_train_prints_accuracy_lines_and_saves(tmp_path, capsys):
    out = tmp_path / "xor.npz"
    assert main(["train", "--preset", "xor-backprop-3", "--save", str(out)]) == 0
    text = capsys.readouterr().out
    assert "test accuracy : 1.0000" in text
    from nnviz.core.files.io import load_model

    net, extra = load_model(out)
    assert net.spec.sizes == (2, 3, 1) and extra["preset"] == "xor-backprop-3"


def test_unknown_preset_and_bad_values_fail_cleanly(capsys):
    assert main(["train", "--preset", "nope"]) == 2
    assert "no lesson called" in capsys.readouterr().err
    assert main(["train", "--preset", "perceptron-and", "--lr", "-1"]) == 2
    assert "learning rate" in capsys.readouterr().err


def test_absurd_learning_rate_is_refused(capsys):
    assert main(["train", "--preset", "xor-backprop-2", "--lr", "1e6"]) == 2
    assert "learning rate must be in" in capsys.readouterr().err


def test_module_entry_point_runs():
    env = dict(os.environ)
    out = subprocess.run([sys.executable, "-m", "nnviz", "presets"], capture_output=True,
                         text=True, env=env, check=True, timeout=120)
    assert "perceptron-and" in out.stdout


@pytest.mark.mnist
def test_train_mnist_course_json(mnist_folder, capsys):
    assert main(["train", "--preset", "mnist-course", "--json", "--data-dir",
                 str(mnist_folder)]) == 0
    r = _json_line(capsys)
    assert r["test_accuracy"] >= 0.91
    assert r["train_seconds"] > 0 and r["compile_seconds"] >= 0


@pytest.mark.mnist
def test_eval_pickled_dict_on_mnist(mnist_folder, tmp_path, capsys):
    from nnviz.core.lessons.datasets import load_mnist, normalize_unit

    rng = np.random.default_rng(0)
    w = {"W1": rng.normal(0, 0.1, (784, 50)), "b1": np.zeros(50),
         "W2": rng.normal(0, 0.1, (50, 100)), "b2": np.zeros(100),
         "W3": rng.normal(0, 0.1, (100, 10)), "b3": np.zeros(10)}
    path = tmp_path / "sample_weight.pkl"
    path.write_bytes(pickle.dumps(w))
    assert main(["eval", "--weights", str(path), "--dataset", "mnist", "--json",
                 "--data-dir", str(mnist_folder)]) == 0
    r = _json_line(capsys)
    ds = load_mnist(mnist_folder)
    x = normalize_unit(ds.x_test.reshape(10000, -1)).astype(np.float64)

    def sig(a):
        return 1 / (1 + np.exp(-a))

    y = sig(sig(x @ w["W1"]) @ w["W2"]) @ w["W3"]
    expect = float(np.mean(np.argmax(y, axis=1) == ds.y_test))
    assert r["accuracy"] == pytest.approx(expect, abs=1e-12)
    assert r["n"] == 10000 and r["batch_size"] == 100


def test_eval_refuses_hostile_pickle(tmp_path, capsys):
    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {tmp_path / 'pwned'}",))

    path = tmp_path / "evil.pkl"
    path.write_bytes(pickle.dumps(Evil()))
    assert main(["eval", "--weights", str(path)]) == 2
    assert "refused" in capsys.readouterr().err
    assert not (tmp_path / "pwned").exists()


def test_data_reports_locations(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("NNVIZ_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("NNVIZ_BUNDLED_DATA", str(tmp_path / "none"))
    code = main(["data"])
    out = capsys.readouterr().out
    assert code == 1 and "missing" in out and "fetch" in out
