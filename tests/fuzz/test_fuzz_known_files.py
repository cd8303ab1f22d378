"""Every known-nasty file of issue 14, and legitimate ones, through each loader in a worker
process (1 GB address space): refused with the expected message or loaded — never a signal
(the issue's pickles segfaulted the app), a traceback, a hang or a memory blow-up.
"""

import re

import pytest
from fuzz_corpus_files import all_cases
from fuzz_harness import Harness

CASES = all_cases()


@pytest.fixture(scope="module")
def harness():
    h = Harness()
    yield h
    h.close()


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("corpus")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_known_file(harness, folder, case):
    out = harness.run(case.loader, case.make(folder))
    assert out.status == case.expect, f"{case.name}: {out.status}: {out.message}"
    if case.expect == "refused":
        assert re.search(case.match, out.message), out.message
        assert "Traceback" not in out.message
    assert out.seconds < 5, f"{case.name} took {out.seconds:.1f} s"


def test_the_corpus_covers_every_loader():
    assert {c.loader for c in CASES} == {"weights", "model", "session", "idx", "mnist",
                                         "preset"}


@pytest.fixture(scope="module")
def impatient_harness():
    h = Harness(timeout=3)
    yield h
    h.close()


@pytest.mark.parametrize("loader, status", [("selftest-segfault", "crashed"),
                                            ("selftest-exception", "crashed"),
                                            ("selftest-hang", "hung"),
                                            ("selftest-memory", "memory")])
def test_the_harness_sees_crashes_hangs_and_memory(impatient_harness, tmp_path, loader, status):
    """The verdicts above mean something: a segfault, a hang or 2 GB are caught as such."""
    assert impatient_harness.run(loader, tmp_path).status == status
    # and the next input runs normally (in a new worker after a crash, hang or blow-up)
    assert impatient_harness.run("preset", tmp_path / "missing.json").status == "refused"
