"""Guides are untrusted: malformed ones give a GuideError whose message says where and why,
never a traceback; good ones round-trip and carry their progress."""

import copy
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnviz.core.files.safe_open import UnreadableFile
from nnviz.core.guides import (
    MAX_GUIDE_BYTES,
    GuideError,
    GuideProgress,
    guide_for,
    guide_from_dict,
    guide_to_dict,
    load_guide_file,
    parse_guide,
    validate_for_lesson,
)
from nnviz.core.lessons.presets import get_preset

BASE = guide_to_dict(guide_for("perceptron-and-by-hand"))


def _mutated(path, value):
    d = copy.deepcopy(BASE)
    node = d
    for key in path[:-1]:
        node = node[key]
    if value is _DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return d


_DELETE = object()
CHECK = ("steps", 3, "task", "check", "checks", 1)

BAD = [
    # (where to change, new value, words the message must contain)
    (("version",), 2, "newer nnviz"),
    (("version",), "1", "whole number"),
    (("version",), True, "whole number"),
    (("format",), "nnviz-lesson", "nnviz-guide"),
    (("lesson",), "../../etc/passwd", "not a valid name"),
    (("title",), {"en": "x"}, "'ko' is missing"),
    (("title",), {"en": "x", "ko": "  "}, "empty"),
    (("title",), {"en": "x", "ko": "y", "fr": "z"}, "unknown field 'fr'"),
    (("title", "en"), "x" * 500, "at most 120"),
    (("steps",), [], "at least one step"),
    (("steps",), {"0": 1}, "expected a list"),
    (("steps", 1, "id"), "code", "used twice"),
    (("steps", 1, "id"), "Bad Id!", "not a valid name"),
    (("steps", 1, "text"), _DELETE, "'text' is missing"),
    (("steps", 1, "text", "en"), 12, "expected text"),
    (("steps", 1, "unlock"), "check", "needs a task"),
    (("steps", 1, "unlock"), "later", "not one of"),
    (("steps", 1, "onclick"), "alert(1)", "unknown field 'onclick'"),
    (("steps", 1, "set", "panels"), ["canvas", "terminal"], "'terminal' is not one of"),
    (("steps", 1, "set", "panels"), ["canvas", "canvas"], "listed twice"),
    (("steps", 1, "set", "controls"), ["play", "format_disk"], "'format_disk'"),
    (("steps", 1, "set", "input_row"), -1, "outside"),
    (("steps", 1, "set", "reset"), "yes", "true or false"),
    (("steps", 1, "set", "weights"), {"W1": [[0.4], [0.2, 1]]}, "equal length"),
    (("steps", 1, "set", "weights"), {"W1[0,0]": [[1]]}, "whole array"),
    (("steps", 1, "set", "weights"), {"x1": [1]}, "not a parameter name"),
    (("steps", 1, "set", "weights"), {"b1": [[1.0]]}, "a bias is a list"),
    (("steps", 1, "set", "weights"), {"W1": [1.0, 2.0]}, "list of rows"),
    (("steps", 1, "set", "weights"), {"W1": [[1e300], [0]]}, "outside"),
    (("steps", 1, "set", "weights"), [1, 2], "expected an object"),
    (("steps", 0, "task", "check", "kind"), "eval", "unknown check kind 'eval'"),
    (("steps", 0, "task", "check", "kind"), "__import__('os')", "unknown check kind"),
    (("steps", 0, "task", "check", "row"), "3", "whole number"),
    (("steps", 0, "task", "check", "code"), "print(1)", "unknown field 'code'"),
    (("steps", 0, "task", "text"), _DELETE, "'text' is missing"),
    (CHECK + ("expect",), [0, 0, "x", 1], "expect[2]: expected a whole number"),
    (CHECK + ("expect",), [], "empty"),
    (CHECK + ("at_least",), 9, "more rows than"),
    (("steps", 3, "task", "check", "checks"), [], "at least one check"),
    (("steps", 3, "task", "check", "checks"), [{"kind": "truth_table"}] * 9, "at most 8"),
    (("steps", 3, "task", "check", "checks", 0, "params"), ["W1[0]"], "two indices"),
    (("steps", 3, "task", "check", "checks", 0, "params"), [], "empty"),
    (("steps", 3, "task", "check", "checks", 0), {"kind": "param", "name": "W1"},
     "name one number"),
    (("steps", 3, "task", "check", "checks", 0),
     {"kind": "param", "name": "b1[0]", "min": 1, "max": 0}, "nothing passes"),
    (("steps", 3, "task", "check", "checks", 0), {"kind": "trained"}, "at least one of"),
    (("steps", 3, "task", "check", "checks", 0),
     {"kind": "accuracy", "at_least": 1.5}, "outside [0, 1]"),
    (("steps", 3, "task", "check", "checks", 0),
     {"kind": "hyper", "optimizer": "lbfgs"}, "'lbfgs' is not one of"),
    (("steps", 3, "task", "check", "checks", 0),
     {"kind": "explain_phase", "reached": "sideways"}, "not one of"),
    (("steps", 3, "task", "check", "checks", 0),
     {"kind": "truth_table", "expect": [0, 0, 0, 1], "hint": {"en": "only English"}},
     "'ko' is missing"),
]


@pytest.mark.parametrize("path, value, words", BAD, ids=[str(b[:2])[:60] for b in BAD])
def test_malformed_guides_are_refused_with_a_message_naming_the_place(path, value, words):
    with pytest.raises(GuideError) as exc:
        guide_from_dict(_mutated(path, value))
    message = str(exc.value)
    assert words in message, message
    assert "Traceback" not in message and len(message) < 400
    assert isinstance(exc.value, UnreadableFile)  # the GUI's one "unusable file" type


def test_the_base_guide_is_valid_so_the_cases_above_test_one_thing_each():
    assert guide_to_dict(guide_from_dict(copy.deepcopy(BASE))) == BASE


def test_checks_nested_too_deeply_are_refused():
    check = {"kind": "truth_table", "expect": [0, 0, 0, 1]}
    for _ in range(5):
        check = {"kind": "all", "checks": [check]}
    with pytest.raises(GuideError, match="levels deep"):
        guide_from_dict(_mutated(("steps", 0, "task", "check"), check))


@pytest.mark.parametrize("text, words", [
    ('{"version": 1, "x": NaN}', "not a number a file may hold"),
    ('{"version": Infinity}', "not a number a file may hold"),
    ('{"version": 1e999}', "too large"),
    ('{"version": 1' + "0" * 60 + "}", "digits"),
    ("[" * 40 + "]" * 40, "nested"),
    ("{'version': 1}", "not valid JSON"),
    (b"\xff\xfe{}", "not UTF-8"),
    ("[]", "expected an object"),
    ('"a guide"', "expected an object"),
])
def test_unusable_json_is_refused(text, words):
    with pytest.raises(GuideError) as exc:
        parse_guide(text)
    assert words in str(exc.value)


def test_huge_text_is_refused_before_parsing():
    with pytest.raises(GuideError, match="at most"):
        parse_guide(" " * (MAX_GUIDE_BYTES + 1))


def test_files_name_themselves_in_the_message(tmp_path):
    f = tmp_path / "lesson.json"
    f.write_text(json.dumps(_mutated(("steps", 1, "unlock"), "check")), encoding="utf-8")
    with pytest.raises(GuideError, match=r"^lesson\.json: .*steps\[1\]\.unlock"):
        load_guide_file(f)
    with pytest.raises(GuideError, match="missing.json"):
        load_guide_file(tmp_path / "missing.json")
    with pytest.raises(GuideError, match="folder"):
        load_guide_file(tmp_path)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_GUIDE_BYTES + 10))
    with pytest.raises(GuideError, match="at most"):
        load_guide_file(big)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "guide.json"
    os.mkfifo(fifo)
    with pytest.raises(GuideError, match="pipe"):
        load_guide_file(fifo)


def test_guide_for_refuses_paths_and_knows_missing_guides(tmp_path, monkeypatch):
    for bad in ("../presets/xor-gates", "/etc/passwd", "", "A", None, 3):
        with pytest.raises(KeyError):
            guide_for(bad)
    assert guide_for("no-such-lesson") is None
    from nnviz.core.guides import loader

    monkeypatch.setattr(loader, "guide_dir", lambda: tmp_path)
    (tmp_path / "xor-gates.json").write_text(json.dumps(BASE), encoding="utf-8")
    with pytest.raises(GuideError, match="for the lesson 'perceptron-and-by-hand'"):
        guide_for("xor-gates")


def test_a_guide_for_another_network_does_not_fit_the_lesson():
    # the by-hand guide's 2×1 weights do not fit the 2-2-1 XOR network
    guide = guide_from_dict(dict(BASE, lesson="xor-gates"))
    with pytest.raises(GuideError, match="W1 must have shape"):
        validate_for_lesson(guide, get_preset("xor-gates"))
    with pytest.raises(GuideError, match="not 'xor-gates'"):
        validate_for_lesson(guide_from_dict(BASE), get_preset("xor-gates"))


@pytest.mark.parametrize("check, words", [
    ({"kind": "neuron_selected", "layer": 1, "index": 5}, "no neuron 5"),
    ({"kind": "layer_values", "layer": 3, "values": [[0]] * 4}, "layer 3 does not exist"),
    ({"kind": "layer_values", "layer": 1, "values": [[0, 0]] * 4}, "layer 1 has 1 neuron"),
    ({"kind": "truth_table", "expect": [0, 1]}, "the lesson's data has 4"),
    ({"kind": "input_selected", "row": 4}, "row 4 does not exist"),
    ({"kind": "param", "name": "W2[0,0]", "min": 0}, "no W2[0,0]"),
    ({"kind": "edited", "params": ["W1[2,0]"]}, "no W1[2,0]"),
    ({"kind": "trained", "epochs": 1}, "needs a lesson that trains"),
    ({"kind": "accuracy", "at_least": 1.0}, "does not train"),
    ({"kind": "drawn_digit", "predicted": 3}, "10 outputs"),
])
def test_checks_that_name_what_the_lesson_lacks_are_refused(check, words):
    guide = guide_from_dict(_mutated(("steps", 0, "task", "check"), check))
    with pytest.raises(GuideError) as exc:
        validate_for_lesson(guide, get_preset("perceptron-and-by-hand"))
    assert words in str(exc.value)


def test_training_controls_in_a_lesson_that_does_not_train_are_refused():
    guide = guide_from_dict(_mutated(("steps", 1, "set", "controls"), ["play"]))
    with pytest.raises(GuideError, match="does not train"):
        validate_for_lesson(guide, get_preset("perceptron-and-by-hand"))


def test_guide_arrays_are_read_only():
    guide = guide_for("xor-gates")
    w = guide.steps[0].state.weights["W1"]
    with pytest.raises(ValueError):
        w[0, 0] = 99.0
    with pytest.raises(TypeError):
        guide.steps[0].state.weights["W1"] = w


_json = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False,
                                                                        allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=12)


def _paths(d, prefix=()):
    yield prefix
    if isinstance(d, dict):
        for k, v in d.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(d, list):
        for i, v in enumerate(d):
            yield from _paths(v, prefix + (i,))


PATHS = [p for p in _paths(BASE) if p]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PATHS), _json)
def test_fuzz_any_replaced_value_gives_a_guide_or_a_guide_error(path, value):
    try:
        guide = guide_from_dict(_mutated(path, value))
    except GuideError as exc:
        assert str(exc) and "Traceback" not in str(exc)
        return
    guide_to_dict(guide)  # whatever was accepted can be written back


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=200))
def test_fuzz_any_bytes_give_a_guide_or_a_guide_error(data):
    try:
        parse_guide(data)
    except GuideError as exc:
        assert str(exc)


def test_progress_round_trips_and_refuses_another_lesson():
    guide = guide_for("perceptron-and")
    p = GuideProgress(guide)
    p.done.add("neuron")
    assert p.next() and p.next()
    saved = json.loads(json.dumps(p.to_dict()))
    again = GuideProgress.from_dict(guide, saved)
    assert again.step.id == p.step.id == "round-1"
    assert again.done == {"neuron"} and again.visited == 2
    with pytest.raises(GuideError, match="another lesson"):
        GuideProgress.from_dict(guide_for("xor-gates"), saved)
    junk = GuideProgress.from_dict(guide, {"lesson": "perceptron-and", "step": "nowhere",
                                           "done": [1, "nope", "neuron"], "visited": True})
    assert junk.index == 0 and junk.done == {"neuron"} and junk.visited == 0
