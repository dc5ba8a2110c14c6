"""A learned overall score: a logistic regression over the checks' scores and metrics, calibrated.

The model is a JSON file (`reliability fit` writes one; `reliability/default_model.json` ships with
the package), loaded without pickle and applied in pure Python:

    z_i   = clip((signed_log1p(x_i) - mean_i) / scale_i, ±clip)     0 when the input is missing
    logit = intercept + Σ coefficient_i · z_i
    score = 100 · calibrate(logit)        Platt (sigmoid(a·logit + b)) or an isotonic table

so the score is the calibrated probability that an article like this one comes from the reliable
side of the training data. Because the model is additive in the logit, every input's effect is
exact: the points the score loses or gains against the same article with that input at its
training mean (z = 0).
"""

from __future__ import annotations

import bisect
import json
import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from reliability.logistic import logistic
from reliability.models import CheckResult, Contribution, Explanation

FORMAT = "reliability-scoring-model"
DEFAULT_MODEL = Path(__file__).with_name("default_model.json")
TOP_CONTRIBUTIONS = 6


class ModelError(ValueError):
    """A scoring model file that cannot be read or does not hold a model."""


def signed_log1p(value: float) -> float:
    """Compresses counts and lengths (long tails) while keeping fractions near linear."""
    return math.copysign(math.log1p(abs(value)), value)


def raw_features(results: Sequence[CheckResult]) -> dict[str, float]:
    """Every number the checks produced: 'check.score' and 'check.metric'. Crashed checks give none."""
    features: dict[str, float] = {}
    for result in results:
        if result.score is None:
            continue
        features[f"{result.name}.score"] = result.score
        for metric, value in result.metrics.items():
            if math.isfinite(value):
                features[f"{result.name}.{metric}"] = float(value)
    return features


class ScoringModel:
    """A fitted model as read from its JSON; `score` and `explain` need neither numpy nor scikit-learn."""

    def __init__(self, data: Mapping[str, Any], name: str) -> None:
        try:
            if data.get("format") != FORMAT:
                raise ModelError(f"not a {FORMAT} file")
            self.features: list[str] = list(data["features"])
            self.mean = [float(v) for v in data["mean"]]
            self.scale = [float(v) or 1.0 for v in data["scale"]]
            self.coefficients = [float(v) for v in data["coefficients"]]
            self.intercept = float(data["intercept"])
            self.clip = float(data.get("clip", 5.0))
            self.calibration: dict[str, Any] = dict(data["calibration"])
        except (KeyError, TypeError) as exc:
            raise ModelError(f"scoring model {name}: missing or malformed {exc}") from None
        if not len(self.features) == len(self.mean) == len(self.scale) == len(self.coefficients):
            raise ModelError(f"scoring model {name}: features, mean, scale and coefficients differ in length")
        if self.calibration.get("method") not in ("platt", "isotonic"):
            raise ModelError(f"scoring model {name}: calibration must be 'platt' or 'isotonic'")
        self.name = str(data.get("name") or name)
        self.data = dict(data)

    def standardised(self, results: Sequence[CheckResult]) -> list[float]:
        raw = raw_features(results)
        z = []
        for feature, mean, scale in zip(self.features, self.mean, self.scale, strict=True):
            value = raw.get(feature)
            z.append(0.0 if value is None else max(-self.clip, min(self.clip, (signed_log1p(value) - mean) / scale)))
        return z

    def logit(self, z: Sequence[float]) -> float:
        return self.intercept + sum(c * v for c, v in zip(self.coefficients, z, strict=True))

    def probability(self, logit: float) -> float:
        """The calibrated probability of 'reliable' for a logit."""
        cal = self.calibration
        if cal["method"] == "platt":
            t = float(cal["a"]) * logit + float(cal["b"])
            return logistic(t)
        xs, ys = [float(v) for v in cal["x"]], [float(v) for v in cal["y"]]
        if logit <= xs[0]:
            return ys[0]
        if logit >= xs[-1]:
            return ys[-1]
        i = bisect.bisect_right(xs, logit)
        x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
        return y0 + (y1 - y0) * (logit - x0) / (x1 - x0) if x1 > x0 else y1

    def score(self, results: Sequence[CheckResult]) -> float:
        return round(100.0 * self.probability(self.logit(self.standardised(results))), 2)

    def explain(self, results: Sequence[CheckResult]) -> Explanation:
        """The score's baseline (a typical training article) and the effect of each check and input."""
        z = self.standardised(results)
        logit = self.logit(z)
        score = 100.0 * self.probability(logit)
        terms = [c * v for c, v in zip(self.coefficients, z, strict=True)]
        per_check: dict[str, float] = {}
        for feature, term in zip(self.features, terms, strict=True):
            check = feature.split(".", 1)[0]
            per_check[check] = per_check.get(check, 0.0) + term
        raw = raw_features(results)
        contributions = [
            Contribution(feature=f, value=raw.get(f), effect=round(score - 100.0 * self.probability(logit - t), 2))
            for f, t in zip(self.features, terms, strict=True)
            if t
        ]
        contributions.sort(key=lambda c: (-abs(c.effect), c.feature))
        return Explanation(
            scoring="model",
            model=self.name,
            baseline=round(100.0 * self.probability(self.intercept), 2),
            checks={c: round(score - 100.0 * self.probability(logit - t), 2) for c, t in sorted(per_check.items())},
            contributions=contributions[:TOP_CONTRIBUTIONS],
        )


def load_model(path: str | Path) -> ScoringModel:
    """The model in a JSON file; `ModelError` names what is wrong with it."""
    resolved = Path(path).expanduser().resolve()
    try:
        stamp = resolved.stat().st_mtime_ns
    except OSError as exc:
        raise ModelError(f"cannot read scoring model {path}: {exc.strerror or exc}") from None
    return _load_cached(str(resolved), stamp)


@lru_cache(maxsize=8)
def _load_cached(path: str, stamp: int) -> ScoringModel:  # the stamp re-reads a file rewritten in place
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read scoring model {path}: {exc}") from None
    if not isinstance(data, dict):
        raise ModelError(f"scoring model {path}: not a JSON object")
    return ScoringModel(data, Path(path).stem)
