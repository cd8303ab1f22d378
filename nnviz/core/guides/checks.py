"""The closed set of check kinds a guide's task may use, and their evaluation.

A check is data, never code: ``{"kind": "truth_table", "expect": [0, 0, 0, 1]}``.  Each kind
in :data:`CHECKS` declares its parameters (validated when a guide is loaded) and a function
``(check, facts) -> CheckResult`` that reads a :class:`~nnviz.core.guides.facts.LessonFacts`
and computes what it needs itself (the truth table from the network on the gate's inputs,
not a verdict the GUI reports).  ``all`` and ``any`` combine checks, at most
:data:`MAX_CHECK_DEPTH` deep.  Any check may carry an author's ``hint`` (en/ko) shown before
the computed one.  README.md in this folder lists every kind with an example.

>>> evaluate(parse_check({"kind": "accuracy", "at_least": 1.0, "after_epochs": 1}), facts)
CheckResult(passed=False, hint=Text(en='The accuracy is 75 %; it should reach 100 %.', ...))
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from types import MappingProxyType
from typing import NamedTuple

from nnviz.core.guides import network_checks as net_checks
from nnviz.core.guides import run_checks
from nnviz.core.guides import validators as v
from nnviz.core.guides.facts import PHASE_ORDER
from nnviz.core.guides.hints import CheckResult
from nnviz.core.guides.model import PANEL_TITLES, Check, Text
from nnviz.core.nn.spec import LOSS_NAMES, OPTIMIZER_NAMES

#: Deepest nesting of all/any.
MAX_CHECK_DEPTH = 4
#: Most checks inside one all/any.
MAX_CHILDREN = 8
#: Combinators: {"kind": "all", "checks": [...]}.
COMBINATORS = ("all", "any")


class CheckKind(NamedTuple):
    params: dict  # name -> (validator(value, where) -> clean value, required)
    run: Callable[..., CheckResult]  # run(check, facts) -> CheckResult
    one_of: tuple = ()  # at least one of these parameters must be given
    doc: str = ""  # one line for README and error messages


def _req(fn):
    return (fn, True)


def _opt(fn):
    return (fn, False)


_fraction = partial(v.number, lo=0.0, hi=1.0)
_positive = partial(v.number, lo=1e-12, hi=v.MAX_ABS)
_count = partial(v.integer, lo=0, hi=10**9)
_small_count = partial(v.integer, lo=0, hi=4096)
_layer = partial(v.integer, lo=1, hi=64)
_tol = partial(v.number, lo=0.0, hi=1e3)


def _expect(value, where):
    """Expected class per data row (0/1 for a gate, a digit for MNIST rows)."""
    items = v.listing(value, where)
    if not items:
        v.fail(where, "the list is empty")
    return tuple(v.integer(x, f"{where}[{i}]", 0, 1000) for i, x in enumerate(items))


def _param_list(value, where):
    items = v.listing(value, where, 16)
    if not items:
        v.fail(where, "the list is empty")
    return tuple(v.param_name(p, f"{where}[{i}]") for i, p in enumerate(items))


CHECKS: dict[str, CheckKind] = {
    "truth_table": CheckKind(
        {"expect": _req(_expect), "at_least": _opt(_small_count)}, net_checks.truth_table,
        doc="the network's class output on every data row equals expect (at_least: rows)"),
    "layer_values": CheckKind(
        {"layer": _req(_layer), "values": _req(v.rows),
         "of": _opt(partial(v.choice, choices=("a", "z"))), "tol": _opt(_tol)},
        net_checks.layer_values,
        doc="layer (1-based) gives these a or z values on every data row, within tol"),
    "sample_prediction": CheckKind(
        {"correct": _req(v.boolean)}, net_checks.sample_prediction,
        doc="the selected row is classified correctly (true) or wrongly (false)"),
    "drawn_digit": CheckKind(
        {"predicted": _req(partial(v.integer, lo=0, hi=9))}, net_checks.drawn_digit,
        doc="the network reads the last drawing as this digit"),
    "param": CheckKind(
        {"name": _req(partial(v.param_name, element=True)), "min": _opt(v.number),
         "max": _opt(v.number), "equals": _opt(v.number), "tol": _opt(_tol)},
        net_checks.param, one_of=("min", "max", "equals"),
        doc="one parameter W1[i,j] / b1[j] within [min, max] or equal to equals"),
    "edited": CheckKind(
        {"params": _req(_param_list), "all": _opt(v.boolean)}, net_checks.edited,
        doc="the student hand-edited any (all: every) of these parameters"),
    "traced": CheckKind(
        {"params": _req(_param_list)}, net_checks.traced,
        doc="the chain-rule tracer explains one of these parameters"),
    "input_selected": CheckKind(
        {"row": _opt(_small_count)}, net_checks.input_selected,
        doc="this data row (or any row) is selected"),
    "neuron_selected": CheckKind(
        {"layer": _req(partial(v.integer, lo=0, hi=64)), "index": _req(_small_count)},
        net_checks.neuron_selected, doc="this canvas neuron is selected (layer 0 = inputs)"),
    "accuracy": CheckKind(
        {"at_least": _opt(_fraction), "at_most": _opt(_fraction),
         "after_epochs": _opt(_count), "on": _opt(partial(v.choice, choices=("train", "test")))},
        run_checks.accuracy, doc="정답률 within the bounds after at least after_epochs rounds"),
    "loss": CheckKind(
        {"at_most": _opt(partial(v.number, lo=0.0)), "fraction_of_start": _opt(_fraction),
         "after_epochs": _opt(_count)}, run_checks.loss, one_of=("at_most", "fraction_of_start"),
        doc="the loss is at most a value, or a fraction of the run's first loss"),
    "trained": CheckKind(
        {"epochs": _opt(_count), "samples": _opt(_count)}, run_checks.trained,
        one_of=("epochs", "samples"), doc="at least this many rounds (epochs) or samples"),
    "learning_rate": CheckKind(
        {"equals": _req(_positive), "rel_tol": _opt(_fraction), "changed": _opt(v.boolean),
         "while_running": _opt(v.boolean)}, run_checks.learning_rate,
        doc="η now equals a value (changed: unlike the run's start; while_running: Play on)"),
    "hyper": CheckKind(
        {"optimizer": _opt(partial(v.choice, choices=OPTIMIZER_NAMES)),
         "loss": _opt(partial(v.choice, choices=LOSS_NAMES))}, run_checks.hyper,
        one_of=("optimizer", "loss"), doc="the chosen optimizer and/or loss"),
    "explain_phase": CheckKind(
        {"reached": _req(partial(v.choice, choices=PHASE_ORDER))}, run_checks.explain_phase,
        doc="the explained step was played at least to this phase"),
    "gradient_ratio": CheckKind(
        {"at_most": _opt(_positive), "at_least": _opt(_positive)}, run_checks.gradient_ratio,
        one_of=("at_most", "at_least"), doc="|∂L/∂W| of the first layer / of the last layer"),
    "compared": CheckKind(
        {"runs": _req(partial(v.integer, lo=1, hi=100))}, run_checks.compared,
        doc="Run Comparison shows at least this many runs"),
    "panel_open": CheckKind(
        {"panel": _req(partial(v.choice, choices=PANEL_TITLES))}, run_checks.panel_open,
        doc="this panel is open"),
}


def parse_check(d, where: str = "check", depth: int = 1) -> Check:
    """A validated :class:`Check` from its JSON form; :class:`GuideError` saying where if not."""
    if not isinstance(d, dict):
        v.fail(where, f"a check must be an object {{\"kind\": ...}}, got {type(d).__name__}")
    kind = d.get("kind")
    known = sorted((*CHECKS, *COMBINATORS))
    if not isinstance(kind, str) or kind not in known:
        v.fail(where, f"unknown check kind {v.short(kind)} (known: {', '.join(known)})")
    hint = v.text(d["hint"], f"{where}.hint", v.MAX_TITLE * 2) if "hint" in d else None
    if kind in COMBINATORS:
        if depth > MAX_CHECK_DEPTH:
            v.fail(where, f"checks nest more than {MAX_CHECK_DEPTH} levels deep")
        v.require_dict(d, where, ("kind", "checks", "hint"), ("checks",))
        items = v.listing(d["checks"], f"{where}.checks", MAX_CHILDREN)
        if not items:
            v.fail(f"{where}.checks", f"'{kind}' needs at least one check")
        children = tuple(parse_check(c, f"{where}.checks[{i}]", depth + 1)
                         for i, c in enumerate(items))
        return Check(kind, MappingProxyType({}), children, hint)
    spec = CHECKS[kind]
    v.require_dict(d, where, ("kind", "hint", *spec.params),
                   tuple(k for k, (_, required) in spec.params.items() if required))
    args = {name: fn(d[name], f"{where}.{name}")
            for name, (fn, _) in spec.params.items() if name in d}
    if spec.one_of and not any(k in args for k in spec.one_of):
        v.fail(where, f"'{kind}' needs at least one of: {', '.join(spec.one_of)}")
    _check_bounds(kind, args, where)
    return Check(kind, MappingProxyType(args), (), hint)


def _check_bounds(kind: str, args: dict, where: str) -> None:
    """Parameters that are valid alone but contradict each other."""
    if kind == "truth_table" and args.get("at_least", 0) > len(args["expect"]):
        v.fail(f"{where}.at_least", f"more rows than the {len(args['expect'])} expected")
    for lo, hi in (("at_least", "at_most"), ("min", "max")):
        if lo in args and hi in args and args[lo] > args[hi]:
            v.fail(where, f"{lo} ({args[lo]:g}) is above {hi} ({args[hi]:g}): nothing passes")


def check_to_dict(c: Check) -> dict:
    """The JSON form of ``c`` (parse_check(check_to_dict(c)) == c)."""
    out: dict = {"kind": c.kind}
    if c.kind in COMBINATORS:
        out["checks"] = [check_to_dict(child) for child in c.children]
    for key, value in c.args.items():
        out[key] = ([list(r) for r in value] if value and isinstance(value[0], tuple)
                    else list(value)) if isinstance(value, tuple) else value
    if c.hint is not None:
        out["hint"] = c.hint.to_dict()
    return out


def evaluate(c: Check, facts) -> CheckResult:
    """Does ``facts`` satisfy ``c``?  Never raises for a validated check: a check that cannot
    be computed (no network, data of another shape) fails with a hint saying so."""
    if c.kind == "all":
        for child in c.children:
            result = evaluate(child, facts)
            if not result.passed:
                return _with_author_hint(c, result)
        return CheckResult(True)
    if c.kind == "any":
        results = [evaluate(child, facts) for child in c.children]
        if any(r.passed for r in results):
            return CheckResult(True)
        hints = [r.hint for r in results if r.hint is not None]
        joined = None
        if hints:
            joined = hints[0]
            for h in hints[1:]:
                joined = joined.join(Text("Or: " + h.en, "또는: " + h.ko))
        return _with_author_hint(c, CheckResult(False, joined))
    try:
        result = CHECKS[c.kind].run(c, facts)
    except (ValueError, TypeError, IndexError, FloatingPointError, OverflowError) as exc:
        result = CheckResult(False, Text(f"This check could not be computed: {exc}",
                                         f"이 확인을 계산할 수 없습니다: {exc}"))
    return _with_author_hint(c, result)


def _with_author_hint(c: Check, result: CheckResult) -> CheckResult:
    if result.passed or c.hint is None:
        return result
    return CheckResult(False, c.hint.join(result.hint))
