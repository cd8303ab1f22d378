"""Display names of the core's registry keys (activations, losses, optimizers), translated.

The core keeps short keys ("sigmoid", "cce", "adam"); the UI shows the course's words
(시그모이드, 교차 엔트로피, 아담 …).  Combo boxes keep the key as item data.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # the name lupdate recognises


def activation_name(key: str) -> str:
    names = {
        "identity": translate("Names", "identity"),
        "sigmoid": translate("Names", "sigmoid"),
        "tanh": translate("Names", "tanh"),
        "relu": translate("Names", "ReLU"),
        "leaky_relu": translate("Names", "leaky ReLU"),
        "prelu": translate("Names", "PReLU"),
        "elu": translate("Names", "ELU"),
        "swish": translate("Names", "swish"),
        "softplus": translate("Names", "softplus"),
        "step": translate("Names", "step"),
        "softmax": translate("Names", "softmax"),
        "maxout": translate("Names", "maxout"),
    }
    return names.get(key, key)


def loss_name(key: str) -> str:
    names = {
        "mse": translate("Names", "mean squared error (MSE)"),
        "bce": translate("Names", "binary cross-entropy"),
        "cce": translate("Names", "categorical cross-entropy"),
    }
    return names.get(key, key)


def optimizer_name(key: str) -> str:
    names = {
        "sgd": translate("Names", "SGD"),
        "momentum": translate("Names", "momentum"),
        "nesterov": translate("Names", "Nesterov (NAG)"),
        "adagrad": translate("Names", "Adagrad"),
        "rmsprop": translate("Names", "RMSProp"),
        "adam": translate("Names", "Adam"),
    }
    return names.get(key, key)
