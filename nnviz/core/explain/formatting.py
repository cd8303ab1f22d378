"""Numbers and symbols as the explained step writes them (locale-neutral, Qt-free).

Every number in an explanation goes through :func:`fmt`: 4 significant digits like the
handouts print them (0.5744, 1.214, 0.3168), no trailing zeros, the typographic minus "−"
(U+2212), ``1e−8`` for very small or large magnitudes, and never a locale's decimal comma.
The symbol helpers write the handouts' notation: ``a₁⁽¹⁾`` is the weighted sum of neuron 1 of
layer 1 (handout 003's :math:`a_1^{(1)}`), ``w₂₁⁽²⁾`` the weight into neuron 2 from neuron 1
(handout 004's :math:`w_{ji}`), ``δ``, ``σ′`` and so on.  Indices shown are 1-based.
"""

from __future__ import annotations

from collections.abc import Iterable

from nnviz.core.numbers import MINUS, fmt

__all__ = ["MINUS", "fmt"]  # with the symbol helpers below
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

#: How the formulas name each activation h (the canvas uses the same short names).
ACTIVATION_SYMBOLS = {
    "identity": "id", "sigmoid": "σ", "tanh": "tanh", "relu": "ReLU", "leaky_relu": "LReLU",
    "prelu": "PReLU", "elu": "ELU", "swish": "swish", "softplus": "softplus", "step": "step",
    "softmax": "softmax", "maxout": "maxout",
}


def factor(x, digits: int = 4) -> str:
    """A number as a factor of a product: negative numbers in parentheses, ``(−0.5)``."""
    s = fmt(x, digits)
    return f"({s})" if s.startswith(MINUS) else s


def product(parts: Iterable[str]) -> str:
    """Join already formatted factors with the handouts' middle dot: ``0.05·(0 − 1)·1``."""
    return "·".join(parts)


def signed_sum(terms: Iterable[str]) -> str:
    """Join terms with " + ", writing a term that starts with "−" as " − term".

    ``signed_sum(["0.1·1", "−0.2·0.5", "0.1"]) == "0.1·1 − 0.2·0.5 + 0.1"``; the minus of the
    first factor of a product is the sign of the whole product, so this is exact.
    """
    out = ""
    for k, term in enumerate(terms):
        if k == 0:
            out = term
        elif term.startswith(MINUS):
            out += f" {MINUS} {term[1:]}"
        else:
            out += f" + {term}"
    return out


def sub(n: int) -> str:
    """Subscript digits: ``sub(12) == "₁₂"``."""
    return str(n).translate(_SUB)


def sup(n: int) -> str:
    """The layer superscript ``⁽ⁿ⁾``: ``sup(2) == "⁽²⁾"``."""
    return "⁽" + str(n).translate(_SUP) + "⁾"


def pair(j: int, i: int) -> str:
    """Subscript of a weight ``w_ji`` (1-based); a comma separates indices of 10 and more."""
    sep = "," if max(j, i) >= 10 else ""
    return sub(j) + sep + sub(i)


class Symbols:
    """The names of one network's quantities, 1-based and with layer superscripts.

    Canvas layer 0 is the input layer (``xᵢ``), layers 1..L have neurons; the output layer's
    activations are written ``yₖ`` (just ``y`` for a single output) and its targets ``tₖ``.
    """

    def __init__(self, n_layers: int, n_outputs: int):
        self.n_layers = n_layers  # L, the number of layers with weights
        self.single = n_outputs == 1

    def _k(self, k: int) -> str:
        return "" if self.single else sub(k + 1)

    def a(self, layer: int, j: int) -> str:
        return f"a{sub(j + 1)}{sup(layer)}"

    def z(self, layer: int, j: int) -> str:
        """Output of neuron j of canvas layer ``layer`` (xᵢ for the inputs, yₖ at the end)."""
        if layer == 0:
            return f"x{sub(j + 1)}"
        if layer == self.n_layers:
            return self.y(j)
        return f"z{sub(j + 1)}{sup(layer)}"

    def y(self, k: int) -> str:
        return "y" + self._k(k)

    def t(self, k: int) -> str:
        return "t" + self._k(k)

    def delta(self, layer: int, j: int) -> str:
        return f"δ{sub(j + 1)}{sup(layer)}"

    def w(self, layer: int, i: int, j: int) -> str:
        """Weight of matrix ``layer`` (0-based) from neuron i to neuron j: ``w_ji`` of layer+1."""
        return f"w{pair(j + 1, i + 1)}{sup(layer + 1)}"

    def b(self, layer: int, j: int) -> str:
        """Bias of neuron j of weight layer ``layer`` (0-based): ``b_j`` of canvas layer+1."""
        return f"b{sub(j + 1)}{sup(layer + 1)}"


def grad_symbol(param: str) -> str:
    """``∂L/∂w₁₂⁽¹⁾`` for the parameter symbol ``w₁₂⁽¹⁾``."""
    return f"∂L/∂{param}"
