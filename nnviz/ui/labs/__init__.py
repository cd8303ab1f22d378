"""Labs beyond training: the activation gallery and the optimizer race.

Each module runs alone: ``python -m nnviz.ui.labs.activation_gallery``.
"""
