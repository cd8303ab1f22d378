"""Is a run diverging even though its loss is still a finite number?

A loss that becomes NaN or infinite is caught by the trainer at once.  A learning rate far too
high often does something quieter: the weights blow up, the sigmoids saturate and the run
"finishes" with a huge but finite loss and the accuracy of a coin toss (MNIST at learning rate
1000 ends at 9.7 %).  :class:`DivergenceWatch` looks at each evaluation and flags two patterns:

- **exploded**: the loss is more than ``EXPLODED`` times the larger of the run's first loss and
  the *chance loss* (the loss of the best prediction that ignores the input: the mean target);
- **no better than guessing** (classification only): the accuracy is at most the *chance
  accuracy* (always answering the most frequent class) plus ``CHANCE_MARGIN``, *and* the loss
  is at least ``WORSE`` times the larger of the first loss and the chance loss.

Both compare with the run's own start, so a slow start (XOR sits at 50 % for a while, its loss
near the chance loss) is not flagged: only a run that got clearly *worse* than where it began
and than a know-nothing guess is.  An explosion is flagged at once; the chance pattern only once
it has lasted: every evaluation for at least ``STUCK_SAMPLES`` samples and ``STUCK_UPDATES``
updates since the last sound one (XOR at learning rate 3 looks like this for its first hundred
samples and then learns).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from nnviz.core.nn.losses import loss_value

#: the loss grew this many times over its reference: the run exploded
EXPLODED = 1000.0
#: with the accuracy at chance, a loss this many times its reference means the run got worse
WORSE = 1.25
#: accuracy within this of the chance accuracy counts as "at chance"
CHANCE_MARGIN = 0.02
#: how long the chance pattern must last (samples and updates since the last sound evaluation)
STUCK_SAMPLES = 2000
STUCK_UPDATES = 200
#: output activations and losses whose accuracy means "the right class".  A step output (the
#: perceptron) is left out: its loss counts its errors, so "accuracy at chance while the loss got
#: worse" says nothing more than the accuracy, and the perceptron rule has no step size to blame.
CLASSIFYING_OUTPUTS = ("softmax", "sigmoid")
CLASSIFYING_LOSSES = ("cce", "bce")


@dataclass(frozen=True)
class Chance:
    """What a prediction that ignores the input achieves on a data set."""

    accuracy: float  # always answering the most frequent label (nan: not a classification)
    loss: float  # the loss of predicting the mean target for every sample


def chance_level(T: np.ndarray, labels: np.ndarray, loss: str, output: str) -> Chance:
    """The chance accuracy and chance loss of targets ``T`` (n, k) with labels ``labels`` (n,).

    The accuracy is nan when the chance test does not apply: neither the loss nor the output
    activation classifies, the output is a step, or one label covers (nearly) every sample.
    """
    T = np.asarray(T, dtype=np.float64)
    if len(T) == 0:
        return Chance(math.nan, math.nan)
    mean = T.mean(axis=0)
    if loss == "cce":  # a softmax output sums to 1
        total = mean.sum()
        mean = mean / total if total > 0 else np.full_like(mean, 1.0 / len(mean))
    elif loss == "bce":  # log(0) is not a loss anyone can reach
        mean = np.clip(mean, 1e-6, 1 - 1e-6)
    with np.errstate(all="ignore"):
        guess_loss = loss_value(loss, np.broadcast_to(mean, T.shape), T)
    _, counts = np.unique(np.asarray(labels), return_counts=True)
    majority = counts.max() / len(T) if len(counts) else 1.0
    classifies = output != "step" and (loss in CLASSIFYING_LOSSES
                                       or output in CLASSIFYING_OUTPUTS)
    accuracy = majority if classifies and majority < 1.0 - CHANCE_MARGIN else math.nan
    return Chance(float(accuracy), float(guess_loss))


class DivergenceWatch:
    """Judges the evaluations of a run; see the module docstring.

    The first evaluation it sees (or the first after :meth:`forget_reference`) is the run's
    reference; later ones are compared with it.
    """

    def __init__(self, chance: Chance):
        self.chance = chance
        self.reference: float | None = None  # the loss at the start
        self.last_sound = (0, 0)  # (samples_seen, updates) of the last sound evaluation

    def forget_reference(self) -> None:
        """The weights were edited: the next evaluation is the new start."""
        self.reference = None

    def check(self, samples_seen: int, updates: int, loss: float, accuracy: float):
        """Judge one evaluation: (sound, why).

        ``sound`` is False when the evaluation shows the chance pattern (even before it has
        lasted long enough to be called divergence); ``why`` is "" unless the run diverged, and
        then says how, in one sentence.
        """
        if not math.isfinite(loss):
            return True, ""  # a NaN / infinite loss is the trainer's own check
        if self.reference is None:
            self.reference = loss
            self.last_sound = (samples_seen, updates)
            return True, ""
        start = self.reference
        scale = max(start, self.chance.loss if math.isfinite(self.chance.loss) else 0.0)
        if scale <= 0.0:
            return True, ""
        if loss > EXPLODED * scale:
            return False, (f"The loss exploded from {start:.4g} to {loss:.4g} (more than "
                           f"{EXPLODED:g} times its start).")
        chance_acc = self.chance.accuracy
        if not (math.isfinite(chance_acc) and accuracy <= chance_acc + CHANCE_MARGIN
                and loss >= WORSE * scale):
            self.last_sound = (samples_seen, updates)
            return True, ""
        seen, done = self.last_sound
        if samples_seen - seen < STUCK_SAMPLES or updates - done < STUCK_UPDATES:
            return False, ""
        return False, (f"The accuracy has been no better than always guessing the most common "
                       f"class ({accuracy:.1%} against {chance_acc:.1%}) for "
                       f"{samples_seen - seen} samples, and the loss rose from {start:.4g} to "
                       f"{loss:.4g}.")
