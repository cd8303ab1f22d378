"""One widget per module; each runs alone as a demo: ``python -m nnviz.ui.widgets.<module>``."""
