"""The integer codes the compiled kernels use for activations and losses, by name.

``Act`` and ``Loss`` are the named codes; the plain ``int`` constants below are what kernel
code compares against (Numba freezes a global int into the machine code; an enum member would
be typed as an enum).  ``nnviz.core.nn.activations.ACTIVATIONS[name].code`` holds the same numbers
(``tests/core/test_fast_exp.py`` checks that they agree).
"""

from __future__ import annotations

from enum import IntEnum


class Act(IntEnum):
    """Activation codes of ``elementwise.py`` (softmax only on the output layer)."""

    IDENTITY = 0
    SIGMOID = 1
    TANH = 2
    RELU = 3
    LEAKY_RELU = 4
    PRELU = 5
    ELU = 6
    SWISH = 7
    SOFTPLUS = 8
    STEP = 9
    SOFTMAX = 10


class Loss(IntEnum):
    """Loss codes of ``output_layer.py``."""

    MSE = 0
    BCE = 1
    CCE = 2


IDENTITY, SIGMOID, TANH, RELU = int(Act.IDENTITY), int(Act.SIGMOID), int(Act.TANH), int(Act.RELU)
LEAKY_RELU, PRELU, ELU, SWISH = int(Act.LEAKY_RELU), int(Act.PRELU), int(Act.ELU), int(Act.SWISH)
SOFTPLUS, STEP, SOFTMAX = int(Act.SOFTPLUS), int(Act.STEP), int(Act.SOFTMAX)
MSE, BCE, CCE = int(Loss.MSE), int(Loss.BCE), int(Loss.CCE)

#: loss name (``TrainingSpec.loss``) -> code
LOSS_CODES = {loss.name.lower(): int(loss) for loss in Loss}
