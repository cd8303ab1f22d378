"""Issue 13/14 on the command line: bad input is refused before the work, in words, and no
result is ever lost or printed as invalid JSON."""

import json
import os
import shlex
import stat
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nnviz.cli import build_parser, main
from nnviz.cli_checks import Refused, check_eval_every, dumps

README = Path(__file__).resolve().parents[2] / "README.md"


def _no_training(monkeypatch):
    """Make any training attempt fail the test: refusals must come first."""
    from nnviz.core.train.trainer import Trainer

    def run(self, *a, **k):
        raise AssertionError("training started before the input was checked")

    monkeypatch.setattr(Trainer, "run", run)


@pytest.mark.parametrize("kind", ["missing-folder", "folder", "trailing-slash", "device", "fifo",
                                  "symlink"])
def test_save_target_is_refused_before_training(kind, tmp_path, monkeypatch, capsys):
    _no_training(monkeypatch)
    target = {"missing-folder": tmp_path / "nope" / "m.npz", "folder": tmp_path,
              "trailing-slash": f"{tmp_path}/", "device": "/dev/full",
              "fifo": tmp_path / "pipe", "symlink": tmp_path / "link.npz"}[kind]
    if kind == "fifo":
        os.mkfifo(target)
    if kind == "symlink":
        (tmp_path / "real.npz").write_bytes(b"keep me")
        os.symlink(tmp_path / "real.npz", target)
    if kind == "device" and not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    assert main(["train", "--preset", "xor-backprop-2", "--save", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --save:") and "Traceback" not in err
    if kind == "device":
        assert stat.S_ISCHR(os.stat("/dev/full").st_mode)  # never replaced by a regular file
        assert "device" in err
    if kind == "fifo":
        assert stat.S_ISFIFO(os.lstat(target).st_mode) and "FIFO" in err
    if kind == "symlink":
        assert os.path.islink(target) and (tmp_path / "real.npz").read_bytes() == b"keep me"
    if kind == "missing-folder":
        assert "does not exist" in err


def test_a_save_that_fails_after_training_keeps_the_model(tmp_path, monkeypatch, capsys):
    import nnviz.core.files.io as io

    real = io.save_model
    wanted = tmp_path / "out" / "m.npz"
    (tmp_path / "out").mkdir()

    def save_model(path, net, extra=None):
        if Path(path) == wanted:
            raise OSError(28, "No space left on device")
        return real(path, net, extra)

    monkeypatch.setattr(io, "save_model", save_model)
    monkeypatch.chdir(tmp_path)
    code = main(["train", "--preset", "xor-backprop-2", "--epochs", "20", "--save", str(wanted),
                 "--json"])
    captured = capsys.readouterr()
    assert code == 1
    saved = json.loads(captured.out.strip().splitlines()[-1])["saved"]
    assert "No space left" in captured.err and saved in captured.err
    net, extra = io.load_model(saved)
    assert Path(saved).parent == tmp_path and extra["preset"] == "xor-backprop-2"
    assert net.spec.sizes == (2, 2, 1)


def test_train_says_where_it_saved(tmp_path, capsys):
    out = tmp_path / "xor.npz"
    assert main(["train", "--preset", "xor-backprop-2", "--epochs", "5", "--save", str(out)]) == 0
    assert f"model saved to {out}" in capsys.readouterr().out
    assert out.is_file()


@pytest.mark.parametrize("preset", ["../../x", "/etc/passwd", "mnist-course.json", "a/b", ""])
def test_preset_takes_an_id_never_a_path(preset, monkeypatch, capsys):
    _no_training(monkeypatch)
    assert main(["train", "--preset", preset]) == 2
    assert "lesson id" in capsys.readouterr().err


@pytest.mark.parametrize("size", ["0", "-1", "x"])
def test_eval_batch_size_must_be_positive(size, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["eval", "--weights", "w.npz", "--batch-size", size])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "--batch-size" in err and "Traceback" not in err


@pytest.mark.parametrize("command", [["train", "--preset", "mnist-course"],
                                     ["eval", "--weights", "unused.npz"],
                                     ["data"]])
def test_data_dir_is_never_replaced_by_another_folder(command, tmp_path, monkeypatch, capsys):
    _no_training(monkeypatch)
    import nnviz.core.files.io as io

    monkeypatch.setattr(io, "load_any_weights", lambda p: (None, {}))
    incomplete = tmp_path / "mnist"
    incomplete.mkdir()
    (incomplete / "train-images-idx3-ubyte").write_bytes(b"")
    for folder, words in ((tmp_path / "nonexistent", "no such folder"),
                          (incomplete, "missing train-labels-idx1-ubyte")):
        assert main([*command, "--data-dir", str(folder)]) == 2
        err = capsys.readouterr().err
        assert words in err and "does not fall back" in err


def test_json_never_holds_nan():
    text = dumps({"loss": float("nan"), "acc": [1.0, float("inf")], "n": 3})
    assert json.loads(text) == {"loss": None, "acc": [1.0, None], "n": 3}
    assert "NaN" not in text and "Infinity" not in text


def _wide_trainer(n_train, n_test, eval_every, batch_size=1):
    from nnviz.core.nn.network import Network
    from nnviz.core.nn.spec import NetworkSpec, TrainSpec
    from nnviz.core.train.trainer import TrainData, Trainer

    X, y = np.zeros((n_train, 2)), np.arange(n_train) % 2
    Xt, yt = np.zeros((n_test, 2)), np.arange(n_test) % 2
    data = TrainData(X, np.eye(2)[y], y, Xt, np.eye(2)[yt], yt)
    return Trainer(Network.from_spec(NetworkSpec.mlp((2, 2, 2), ("tanh", "softmax"))), data,
                   TrainSpec(loss="cce", eval_every=eval_every, batch_size=batch_size))


def test_eval_every_warns_then_refuses_when_evaluation_dwarfs_training():
    mnist_sized = dict(n_train=60_000, n_test=10_000)
    assert check_eval_every(_wide_trainer(**mnist_sized, eval_every=2000)) == ""
    assert check_eval_every(_wide_trainer(**mnist_sized, eval_every=0)) == ""
    warning = check_eval_every(_wide_trainer(**mnist_sized, eval_every=100))
    assert warning.startswith("warning:") and "600 times per epoch" in warning
    with pytest.raises(Refused, match="60,000 times per epoch.*--eval-every 500 or more"):
        check_eval_every(_wide_trainer(**mnist_sized, eval_every=1))
    # evaluation points sit on batch boundaries: at batch 1000, every sample means every batch
    assert check_eval_every(_wide_trainer(**mnist_sized, eval_every=1, batch_size=1000)) == ""
    # a toy set may be evaluated after every sample
    assert check_eval_every(_wide_trainer(n_train=200, n_test=200, eval_every=1)) == ""


def test_early_stopping_says_why_and_reports_the_saved_weights(tmp_path, capsys):
    from nnviz.core.files.io import load_model
    from nnviz.core.lessons.presets import get_preset
    from nnviz.core.nn.backprop import evaluate

    out = tmp_path / "best.npz"
    assert main(["train", "--preset", "optimizers", "--validation-split", "0.2",
                 "--early-stopping", "5", "--save", str(out)]) == 0
    text = capsys.readouterr().out
    assert "early-stopped: test accuracy" in text
    assert "the validation loss has not improved for 5 epochs" in text
    printed = float(text.split("early-stopped: test accuracy ")[1].split(",")[0])
    net, _ = load_model(out)
    d = get_preset("optimizers").load_data()
    _, acc = evaluate(net, d.X_test, d.T_test, d.y_test, "cce")
    assert printed == pytest.approx(acc, abs=5e-5)  # what is printed is what was saved


def test_fetch_without_network_leaves_no_empty_folder(tmp_path, monkeypatch, capsys):
    import functools

    from nnviz.core.lessons import datasets
    real = datasets.download_mnist
    # port 9 (discard) on the loopback refuses at once: the same path as no network at all
    monkeypatch.setattr(datasets, "download_mnist", functools.partial(
        real, mirrors=["http://127.0.0.1:9/"], timeout=2))
    monkeypatch.setenv("NNVIZ_DATA_DIR", str(tmp_path / "nnviz-data"))
    assert main(["data", "--fetch"]) == 2
    err = capsys.readouterr().err
    assert "scripts/fetch-mnist" in err and "Traceback" not in err
    assert not (tmp_path / "nnviz-data").exists()


def test_the_readme_command_lines_parse():
    text = README.read_text(encoding="utf-8")
    section = text.split("## Command line", 1)[1].split("\n## ", 1)[0]
    lines = section.replace("\\\n", " ").splitlines()
    commands = [ln.split("#", 1)[0] for ln in lines if ln.startswith(".venv/bin/nnviz-cli ")]
    assert len(commands) >= 8 and "python -m nnviz presets" not in section
    for command in commands:
        build_parser().parse_args(shlex.split(command)[1:])


def test_the_installed_app_command_takes_the_subcommands():
    app = Path(sys.executable).with_name("nnviz")
    if not app.exists():
        pytest.skip("nnviz is not installed next to this Python")
    out = subprocess.run([str(app), "presets", "--json"], capture_output=True, text=True,
                         timeout=120, check=True)
    assert "mnist-course" in {row["id"] for row in json.loads(out.stdout)}


@pytest.mark.mnist
def test_eval_of_an_overflowing_model_is_an_error_not_nan(mnist_folder, tmp_path, capsys):
    from nnviz.core.files.io import save_model
    from nnviz.core.nn.network import Network
    from nnviz.core.nn.spec import NetworkSpec

    spec = NetworkSpec.mlp((784, 10, 10, 10, 10, 10, 10), ("identity",) * 5 + ("softmax",))
    net = Network.from_spec(spec, dtype="float32")
    net.params[:] = 1e6  # within every loader's bound, yet 1e6⁶ overflows float32
    save_model(tmp_path / "big.npz", net, {})
    code = main(["eval", "--weights", str(tmp_path / "big.npz"), "--json", "--data-dir",
                 str(mnist_folder)])
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert "overflow" in captured.err


@pytest.mark.mnist
def test_mnist_at_learning_rate_1000_is_reported_diverged(mnist_folder, capsys):
    code = main(["train", "--preset", "mnist-course", "--lr", "1000", "--data-dir",
                 str(mnist_folder)])
    out = capsys.readouterr().out
    assert code == 3
    assert "diverged:" in out and "exploded" in out and "learning rate 1000" in out


def test_precompile_subcommand_reaches_the_kernel_compiler(capsys):
    """`nnviz-cli precompile --help` is the precompile command's own help (options included)."""
    from nnviz.cli import main

    with pytest.raises(SystemExit) as stop:
        main(["precompile", "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert "--system" in out and "--quiet" in out
