"""Training: the trainer and its parts (edits, evaluation, checkpoints, snapshot types), the
engines over the Numba kernels, the perceptron rule, schedules, augmentation, comparisons,
run histories, divergence watch, statistics and metrics.
"""
