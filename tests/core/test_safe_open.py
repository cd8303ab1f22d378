"""Regular files only (no device, FIFO or folder, without blocking), bounded size, bounded JSON;
and every loader refuses those files with its own error type, a subclass of UnreadableFile."""

import os
import threading

import pytest

from nnviz.core.files.io import ModelFileError, load_any_weights, load_model, load_weight_pickle
from nnviz.core.files.safe_open import UnreadableFile, open_regular, parse_json, read_regular
from nnviz.core.files.session import SessionFileError, is_session_file, load_session
from nnviz.core.lessons.datasets import DatasetCorrupt
from nnviz.core.lessons.datasets.idx import IdxError, read_idx
from nnviz.core.lessons.presets import PresetError, load_preset_file

LOADERS = [(load_any_weights, ModelFileError), (load_model, ModelFileError),
           (load_weight_pickle, ModelFileError), (load_session, SessionFileError),
           (read_idx, IdxError), (load_preset_file, PresetError)]


def test_every_loader_error_is_one_catchable_type():
    for _, error in LOADERS:
        assert issubclass(error, UnreadableFile) and issubclass(error, ValueError)
    assert issubclass(DatasetCorrupt, UnreadableFile)


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe.pkl"
    os.mkfifo(path)
    return path


def _in_thread(fn, timeout=10.0):
    """Run ``fn``; fail (instead of hanging the suite) if it blocks."""
    result = {}

    def target():
        try:
            fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            result["exc"] = exc

    t = threading.Thread(target=target, daemon=True)
    t.start()
    t.join(timeout)
    assert not t.is_alive(), "the loader blocked on the file"
    return result.get("exc")


@pytest.mark.parametrize("loader, error", LOADERS)
def test_a_fifo_is_refused_without_blocking(fifo, loader, error):
    exc = _in_thread(lambda: loader(fifo))
    assert isinstance(exc, error) and "pipe" in str(exc)
    assert is_session_file(fifo) is False


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize("loader, error", LOADERS)
def test_devices_are_refused(loader, error, device):
    exc = _in_thread(lambda: loader(device))
    assert isinstance(exc, error) and "device" in str(exc)


@pytest.mark.parametrize("loader, error", LOADERS)
def test_a_folder_is_refused(tmp_path, loader, error):
    with pytest.raises(error, match="folder"):
        loader(tmp_path)


def test_size_limit_and_missing_files(tmp_path):
    p = tmp_path / "f"
    p.write_bytes(b"x" * 100)
    assert read_regular(p, 100) == b"x" * 100
    with pytest.raises(UnreadableFile, match="MB"):
        read_regular(p, 99)
    with pytest.raises(FileNotFoundError):
        open_regular(tmp_path / "missing", 10)
    with pytest.raises(ModelFileError, match="could not be read"):
        load_any_weights(tmp_path / "missing")


@pytest.mark.parametrize("text, match", [
    ('{"order": 1e400}', "too large"),
    ('{"order": -1e400}', "too large"),
    ('{"order": NaN}', "NaN"),
    ('{"order": Infinity}', "Infinity"),
    ('{"order": ' + "9" * 5000 + "}", "5,000 digits"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ("[" * 40 + "]" * 40, "more than 32 levels"),
    ('{"a": ', "not valid JSON"),
    (b"\xff\xfe{}", "not UTF-8"),
])
def test_json_that_a_later_save_could_not_write_is_refused(text, match):
    with pytest.raises(UnreadableFile, match=match):
        parse_json(text, "the file")


def test_plain_json_is_parsed():
    assert parse_json(b'{"a": [1, 2.5, "x", null, true], "b": {"c": -12}}', "f") == \
        {"a": [1, 2.5, "x", None, True], "b": {"c": -12}}
