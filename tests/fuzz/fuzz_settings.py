"""Hypothesis profiles of the fuzz harness: ``fuzz-ci`` (the suite, about a minute in all)
and ``fuzz-long`` (scripts/fuzz-loaders: generation only, no shrinking; the script loops).

Choose with ``NNVIZ_FUZZ_PROFILE=fuzz-long``; ``NNVIZ_FUZZ_EXAMPLES`` overrides the count.
"""

import os

from hypothesis import HealthCheck, Phase, settings

_QUIET = list(HealthCheck)  # slow generation and big inputs are the point here

settings.register_profile("fuzz-ci", max_examples=int(os.environ.get("NNVIZ_FUZZ_EXAMPLES", 100)),
                          deadline=None, database=None, suppress_health_check=_QUIET)
settings.register_profile("fuzz-long",
                          max_examples=int(os.environ.get("NNVIZ_FUZZ_EXAMPLES", 300)),
                          deadline=None, database=None, phases=[Phase.generate],
                          suppress_health_check=_QUIET)


def profile() -> settings:
    """The settings of the profile named by ``$NNVIZ_FUZZ_PROFILE`` (default fuzz-ci)."""
    return settings.get_profile(os.environ.get("NNVIZ_FUZZ_PROFILE", "fuzz-ci"))
