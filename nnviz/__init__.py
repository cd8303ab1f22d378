"""nnviz: watch neural networks learn, step by step."""

__version__ = "0.1.0"
