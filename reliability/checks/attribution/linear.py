"""A logistic model shipped as JSON (features, fitted scaling, weights, bias, threshold): the attribution
check's two learned parts, the statement scorer and the speaker ranker, read their weights through it.
The scaling is folded into the weights once, so a candidate costs one sparse dot product."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

from reliability.logistic import logistic


@dataclass(frozen=True)
class LinearModel:
    """Logistic regression: P = σ(bias + Σ wᵢ xᵢ), the feature scaling folded into w and bias."""

    weights: tuple[float, ...]
    bias: float
    threshold: float

    def logit(self, values: list[float]) -> float:
        return self.bias + sum(w * x for w, x in zip(self.weights, values) if x)

    def probability(self, values: list[float]) -> float:
        return logistic(self.logit(values))


def read_linear_model(filename: str, features: tuple[str, ...], script: str) -> LinearModel:
    """The model in this package's `filename`; it must have been fitted on `features` (else rerun `script`)."""
    data = json.loads(resources.files(__package__).joinpath(filename).read_text("utf-8"))
    if tuple(data["features"]) != features:
        raise ValueError(f"{filename} was fitted on other features: rerun {script}")
    # the file keeps the fitted form, (x - mean) / scale; fold it once: w / scale, bias - Σ w mean / scale
    weights = [w / s for w, s in zip(data["weights"], data["scale"])]
    bias = data["bias"] - sum(w * m for w, m in zip(weights, data["mean"]))
    return LinearModel(tuple(weights), bias, float(data["threshold"]))
