"""The logistic function and the standardised linear model that the fitted models of the checks apply.

Each model ships as JSON (weights, and the means and scales its inputs were standardised with when it was
fitted); this module is the one place that turns those numbers and an input into a probability.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

# math.exp overflows past 709; past ±50 the probability is 0 or 1 to within 2e-22.
LOGIT_LIMIT = 50.0


def logistic(z: float) -> float:
    """σ(z) = 1 / (1 + e^-z), for any finite z."""
    return 1.0 / (1.0 + math.exp(-max(-LOGIT_LIMIT, min(LOGIT_LIMIT, z))))


def standardised_logit(
    values: Sequence[float],
    means: Sequence[float],
    scales: Sequence[float],
    weights: Sequence[float],
    intercept: float,
) -> float:
    """intercept + Σ wᵢ (xᵢ - meanᵢ) / scaleᵢ: a linear model over inputs standardised as when it was fitted."""
    return intercept + sum(w * (x - m) / s for w, x, m, s in zip(weights, values, means, scales, strict=True))
