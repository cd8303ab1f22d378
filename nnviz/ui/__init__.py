"""The desktop app (PySide6).  ``nnviz.core`` never imports anything from here."""
