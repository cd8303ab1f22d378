"""The app's settings: one QSettings name, the UI language and remembered folders.

Every module reads settings through :func:`settings` (organisation and application "nnviz").
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings

ORG = "nnviz"
APP = "nnviz"
LANGUAGES = {"en": "English", "ko": "한국어"}
DATA_FOLDER_KEY = "data/{kind}_folder"


def settings() -> QSettings:
    """The app's settings (org "nnviz", app "nnviz")."""
    return QSettings(ORG, APP)


def ui_language() -> str:
    """"ko" or "en": the saved choice, else the system locale."""
    value = settings().value("ui/language", "")
    if isinstance(value, str) and value in LANGUAGES:  # a damaged setting: the default
        return str(value)
    return "ko" if QLocale.system().language() == QLocale.Korean else "en"


def set_ui_language(lang: str) -> None:
    """Store the language; it applies at the next start."""
    if lang not in LANGUAGES:
        raise ValueError(lang)
    s = settings()
    s.setValue("ui/language", lang)
    s.sync()


def remembered_folder(kind: str = "mnist") -> str:
    """The data folder the user chose with "Use a folder…" ('' = none)."""
    return str(settings().value(DATA_FOLDER_KEY.format(kind=kind), "") or "")


def remember_folder(folder: str, kind: str = "mnist") -> None:
    settings().setValue(DATA_FOLDER_KEY.format(kind=kind), str(folder))
