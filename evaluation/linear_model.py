"""Fit and write the logistic models that the attribution check reads with `read_linear_model`
(reliability/checks/attribution/linear.py): standardised inputs, weights, bias and a threshold, as JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np


def fit_standardised_logistic(x: np.ndarray, y: np.ndarray, c: float, max_iter: int) -> tuple[Any, Any]:
    """(scaler, model): a logistic regression over `x` standardised, a constant feature scaled by 1."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    scaler.scale_[scaler.scale_ == 0] = 1.0
    return scaler, LogisticRegression(C=c, max_iter=max_iter).fit(scaler.transform(x), y)


def write_linear_model(
    path: Path, about: str, features: Sequence[str], scaler: Any, model: Any, threshold: float
) -> None:
    """The fitted form, (x - mean) / scale then weights and bias, that `read_linear_model` folds once."""
    data = {
        "about": about,
        "features": list(features),
        "mean": [round(v, 6) for v in scaler.mean_],
        "scale": [round(v, 6) for v in scaler.scale_],
        "weights": [round(v, 6) for v in model.coef_[0]],
        "bias": round(float(model.intercept_[0]), 6),
        "threshold": round(threshold, 2),
    }
    path.write_text(json.dumps(data, indent=1) + "\n")
    print(f"wrote {path}")
