"""Coverage-guided fuzzing of nnviz's loaders with atheris (optional; see CONTRIBUTING.md).

    pip install atheris
    python tests/fuzz/atheris_loaders.py TARGET [CORPUS_DIR] [libFuzzer flags]

TARGET is one of ``pickle``, ``model``, ``session``, ``idx``, ``preset``.  The corpus folder
(default ``fuzz-corpus/TARGET``) is seeded with legitimate files on first use.  Any exception
other than the loader's :class:`~nnviz.core.files.safe_open.UnreadableFile`, a crash, a timeout
(``-timeout=``) or memory over ``-rss_limit_mb=`` is reported by libFuzzer with the input.
Example: ``python tests/fuzz/atheris_loaders.py pickle -max_total_time=1800 -rss_limit_mb=1024``.
"""

import os
import pickle
import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).parent))

with atheris.instrument_imports(include=["nnviz"]):
    from nnviz.core.files.io import load_model
    from nnviz.core.files.pickle_parser import parse_pickle
    from nnviz.core.files.safe_open import UnreadableFile
    from nnviz.core.files.session import load_session
    from nnviz.core.lessons.datasets.idx import idx_bytes, read_idx
    from nnviz.core.lessons.presets import load_preset_file, preset_dir

SCRATCH = Path(tempfile.mkdtemp(prefix="nnviz-atheris-")) / "input"


def _seeds(target: str) -> list[bytes]:
    import numpy as np
    from fuzz_corpus import book_weights
    from fuzz_corpus_files import model_bytes, session_bytes

    if target == "pickle":
        return [pickle.dumps(book_weights(), protocol=p) for p in range(6)]
    if target == "model":
        return [model_bytes(), model_bytes("float32")]
    if target == "session":
        return [session_bytes()]
    if target == "idx":
        return [idx_bytes(np.arange(60, dtype=np.uint8).reshape(3, 4, 5))]
    return [p.read_bytes() for p in sorted(preset_dir().glob("*.json"))[:5]]


def _through_file(load):
    def run(data: bytes):
        SCRATCH.write_bytes(data)
        load(SCRATCH)
    return run


TARGETS = {"pickle": parse_pickle, "model": _through_file(load_model),
           "session": _through_file(load_session), "idx": _through_file(read_idx),
           "preset": _through_file(load_preset_file)}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(TARGETS)}}} [CORPUS_DIR] [flags]")
    target = sys.argv[1]
    rest = sys.argv[2:]
    corpus = Path(rest.pop(0)) if rest and not rest[0].startswith("-") else \
        Path("fuzz-corpus") / target
    corpus.mkdir(parents=True, exist_ok=True)
    if not any(corpus.iterdir()):
        for i, seed in enumerate(_seeds(target)):
            (corpus / f"seed-{i}").write_bytes(seed)
    load = TARGETS[target]

    def one_input(data: bytes) -> None:
        try:
            load(data)
        except UnreadableFile:
            pass  # refused with a message: the expected outcome for hostile input

    atheris.Setup([sys.argv[0], *rest, str(corpus)], one_input)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    atheris.Fuzz()


if __name__ == "__main__":
    main()
