"""The output layer's loss and error dL/da for one sample, for the compiled training paths.

Used by the fused batch-1 kernel (``sgd_b1.sgd_b1_run``) and the mini-batch engine
(``sgd_b1.output_rows``).  Losses and activations by their codes (``codes.Loss``,
``codes.Act``).  The NumPy twins are ``nnviz.core.nn.losses.loss_value`` and ``output_delta``.
These two kernels are compiled without fast-math: their exact forms (``log1p`` of a sum
kept apart from a difference of logits) must not be reassociated.
"""

from __future__ import annotations

import numpy as np

from nnviz.core.jit import njit
from nnviz.core.kernels.codes import BCE, CCE, SIGMOID, SOFTMAX
from nnviz.core.kernels.elementwise import dh1


@njit(fastmath=False)  # reassociating (a_k − aⱼ) + log1p(S) would lose log1p(S) entirely
def output_error(loss, code, a, y, t, d, m, alpha):
    """d = dL/da of the output layer; returns the sample's loss (float64).

    Cross-entropy with a softmax or sigmoid output is computed from the weighted sums (exact
    to rounding for every finite a, see ``nnviz.core.nn.losses``); otherwise d = dL/dy is computed
    first, with y kept inside the dtype (never log 0), then multiplied by the activation's
    Jacobian (elementwise h', or the softmax Jacobian-vector product).
    """
    lv = 0.0
    if loss == CCE and code == SOFTMAX:  # softmax + cross-entropy: Σⱼ tⱼ (logsumexp(a) − aⱼ)
        # y = softmax(a) is already computed: with k its largest entry,
        # logsumexp(a) − aⱼ = (a_k − aⱼ) + log1p(S) where S = Σ_{i≠k} yᵢ / y_k.  One log.
        k = 0
        for j in range(1, m):
            if y[j] > y[k]:
                k = j
        s = 0.0
        for j in range(m):
            if j != k:
                s += y[j]
        lse_k = np.log1p(s / y[k])
        for j in range(m):
            d[j] = y[j] - t[j]
            lv += t[j] * ((a[k] - a[j]) + lse_k)
        return lv
    if loss == BCE and code == SIGMOID:  # sigmoid + binary cross-entropy, from the logits
        for j in range(m):
            aj = a[j]
            lg = np.log1p(np.exp(-abs(aj)))  # −log σ(a) = max(−a, 0) + lg; −log(1 − σ) = …
            lv += t[j] * (max(-aj, 0.0) + lg) + (1.0 - t[j]) * (max(aj, 0.0) + lg)
            d[j] = (y[j] - t[j]) / m
        return lv / m
    if loss == BCE and code == SOFTMAX:
        return _softmax_bce(a, y, t, d, m)
    # dL/dy into d
    if loss == CCE:
        tiny = np.finfo(y.dtype).tiny
        for j in range(m):
            yc = max(y[j], tiny)
            lv -= t[j] * np.log(yc)
            d[j] = -t[j] / yc
    elif loss == BCE:
        tiny = np.finfo(y.dtype).tiny
        top = 1.0 - np.finfo(y.dtype).epsneg
        for j in range(m):
            yc = min(max(y[j], tiny), top)
            lv -= t[j] * np.log(yc) + (1.0 - t[j]) * np.log1p(-yc)
            d[j] = (yc - t[j]) / (yc * (1.0 - yc)) / m
        lv /= m
    else:
        for j in range(m):
            e = float(y[j]) - float(t[j])  # float64: a float32 square overflows past 1.8e19
            lv += e * e
            d[j] = 2.0 * e / m
        lv /= m
    # times the output activation's Jacobian
    if code == SOFTMAX:
        gy = 0.0
        for j in range(m):
            gy += d[j] * y[j]
        for j in range(m):
            d[j] = y[j] * (d[j] - gy)
    else:
        for j in range(m):
            d[j] *= dh1(code, a[j], y[j], alpha)
    return lv


@njit(fastmath=False)
def _softmax_bce(a, y, t, d, m):
    """Binary cross-entropy through a softmax output, from the weighted sums (float64 loss).

    With k the largest entry and S = Σ_{i≠k} e^{aᵢ − a_k} (summed relative to the second
    largest entry, so its logarithm survives underflow): log yⱼ = −(a_k − aⱼ) − log1p(S);
    log(1 − yⱼ) = log1p(−yⱼ) for j ≠ k (yⱼ ≤ 1/2) and log S − log1p(S) at k.  The error is
    dL/daⱼ = [yⱼ − tⱼ + Σ_{i≠j} qⱼ⁽ⁱ⁾ (tᵢ − yᵢ)] / m with qⱼ⁽ⁱ⁾ = e^{aⱼ} / Σ_{l≠i} e^{aₗ} ∈ [0, 1]
    (``nnviz.core.nn.losses._softmax_bce_delta``): bounded terms only, finite where y rounds to
    0 or 1.
    """
    k = 0
    for j in range(1, m):
        if a[j] > a[k]:
            k = j
    m2 = -np.inf
    for j in range(m):
        if j != k:
            m2 = max(m2, a[j])
    s2 = 0.0
    for j in range(m):
        if j != k:
            d[j] = np.exp(a[j] - m2)  # kept in d until the error overwrites it
            s2 += d[j]
    if m > 1:
        log_s = (m2 - a[k]) + np.log(s2)
        s = np.exp(log_s)
    else:  # one output: y = 1 always (the spec refuses this; stay finite)
        log_s = np.log(np.finfo(y.dtype).tiny)
        s = 0.0
    l1p = np.log1p(s)
    lv = 0.0
    big_r = 0.0
    for j in range(m):
        log_y = -((a[k] - a[j]) + l1p)
        if j == k:
            log_1my = log_s - l1p if m > 1 else log_s
        else:
            log_1my = np.log1p(-min(y[j], 0.5))
            big_r += (t[j] - y[j]) / (1.0 - min(y[j], 0.5))
        lv -= t[j] * log_y + (1.0 - t[j]) * log_1my
    at_k = (1.0 - t[k]) - s / (1.0 + s)  # y_k − t_k, keeping the digits of 1 − y_k
    for j in range(m):
        if j == k:
            d[j] = (at_k + y[j] * big_r) / m
        else:
            q = d[j] / s2
            r = (t[j] - y[j]) / (1.0 - min(y[j], 0.5))
            d[j] = ((y[j] - t[j]) + y[j] * (big_r - r) - q * at_k) / m
    return lv / m
