"""Data sets for nnviz: logic gates, 2-D toys, MNIST and Fashion-MNIST.

Everything here is plain numpy and the standard library (no Qt).  Each loader
returns a :class:`Dataset`; errors about missing or damaged data derive from
:class:`DatasetError` and carry a message that says how to fix the problem.
"""

from nnviz.core.lessons.datasets.base import SPLITS, Dataset
from nnviz.core.lessons.datasets.download import DEFAULT_MIRRORS, download_mnist
from nnviz.core.lessons.datasets.errors import (
    DatasetCorrupt,
    DatasetError,
    DatasetNotFound,
    DownloadCancelled,
    DownloadError,
)
from nnviz.core.lessons.datasets.gates import GATES, gate
from nnviz.core.lessons.datasets.idx import (
    IdxError,
    idx_bytes,
    raw_sha256,
    read_idx,
    read_idx_digest,
    write_idx,
)
from nnviz.core.lessons.datasets.mnist import (
    FASHION_CLASSES,
    FASHION_SHA256,
    KINDS,
    MNIST_FILES,
    MNIST_LABEL_COUNTS,
    MNIST_SHA256,
    MnistSpec,
    default_spec,
    find_all_locations,
    load_mnist,
    locate_mnist,
)
from nnviz.core.lessons.datasets.paths import bundled_data_dir, user_data_dir
from nnviz.core.lessons.datasets.pixels import normalize_course, normalize_unit
from nnviz.core.lessons.datasets.rows import given_rows
from nnviz.core.lessons.datasets.toys import TOYS, toy

__all__ = [
    "DEFAULT_MIRRORS",
    "FASHION_CLASSES",
    "FASHION_SHA256",
    "GATES",
    "KINDS",
    "MNIST_FILES",
    "MNIST_LABEL_COUNTS",
    "MNIST_SHA256",
    "SPLITS",
    "TOYS",
    "Dataset",
    "DatasetCorrupt",
    "DatasetError",
    "DatasetNotFound",
    "DownloadCancelled",
    "DownloadError",
    "IdxError",
    "MnistSpec",
    "bundled_data_dir",
    "default_spec",
    "download_mnist",
    "find_all_locations",
    "gate",
    "given_rows",
    "idx_bytes",
    "load_mnist",
    "locate_mnist",
    "normalize_course",
    "normalize_unit",
    "raw_sha256",
    "read_idx",
    "read_idx_digest",
    "toy",
    "user_data_dir",
    "write_idx",
]
