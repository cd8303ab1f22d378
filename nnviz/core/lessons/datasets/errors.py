"""Exceptions raised by :mod:`nnviz.core.lessons.datasets`.

Every error about locating, validating or downloading a data set derives from
:class:`DatasetError`, so a caller (CLI or GUI) can catch that one class and
show its message, which always says what is wrong and how to fix it.
"""

from __future__ import annotations

from nnviz.core.files.safe_open import UnreadableFile

__all__ = [
    "DatasetCorrupt",
    "DatasetError",
    "DatasetNotFound",
    "DownloadCancelled",
    "DownloadError",
]


class DatasetError(Exception):
    """Base class of all data-set errors (not found, corrupt, download failed)."""


class DatasetNotFound(DatasetError):
    """The data set files are not in any of the searched folders."""


class DatasetCorrupt(DatasetError, UnreadableFile):
    """The data set files exist but are malformed or fail their checks (a file unusable)."""


class DownloadError(DatasetError):
    """Every mirror failed; the message lists the reason for each one."""


class DownloadCancelled(DatasetError):
    """The download was cancelled by the caller's ``cancel()`` callback."""
