"""Generated files (hypothesis: pickle opcode streams, zip containers with .npy headers, IDX
headers, lesson JSON, byte mutations of real files) through each loader in a worker process:
every one is loaded or refused with a message — never a crash, a hang or a memory blow-up.

Budget: the ``fuzz-ci`` profile (tests/fuzz/fuzz_settings.py); scripts/fuzz-loaders runs the
same strategies for as long as asked.
"""

import pytest
from fuzz_harness import Harness
from fuzz_settings import profile
from fuzz_strategies import ALL
from hypothesis import given


@pytest.fixture(scope="module")
def harness():
    h = Harness()
    yield h
    h.close()


@pytest.mark.parametrize("kind", sorted(ALL))
def test_generated_files(harness, tmp_path, kind):
    seen = {"loaded": 0, "refused": 0}

    @profile()
    @given(ALL[kind])
    def check(inp):
        out = harness.run(inp.loader, inp.write(tmp_path))
        assert out.status in seen, (f"{inp.loader} {out.status}: {out.message}\n"
                                    f"input: {inp.data[:400]!r}")
        if out.status == "refused":
            assert out.message and "Traceback" not in out.message
        seen[out.status] += 1

    check()
    assert sum(seen.values()) > 0
