"""Fitting a scoring model (`reliability fit`): scikit-learn, imported only here, only when fitting.

A logistic regression over every check's score and metrics (`learned.raw_features`, compressed by
signed log1p and standardised on the training articles), its strength of regularisation chosen on
the dev articles, then calibrated on the dev articles' logits: Platt scaling (a sigmoid) by default,
or isotonic regression (a monotone table). Dev articles should come from sources the training
articles do not, so that both choices are made on unseen outlets. The result is plain JSON.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reliability.learned import FORMAT, ScoringModel, raw_features, signed_log1p
from reliability.models import CheckResult

C_GRID = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
CLIP = 5.0
ECE_BINS = 10


@dataclass(frozen=True)
class Example:
    """One scored, labelled article: its check results, 1 for reliable / 0 for unreliable, its source."""

    results: Sequence[CheckResult]
    label: int
    source: str = ""


def roc_auc(labels: Sequence[int], scores: Sequence[float]) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(labels, scores))


def calibration_error(labels: Sequence[int], probabilities: Sequence[float], bins: int = ECE_BINS) -> float:
    """Expected calibration error: |mean label - mean probability| per equal-width bin, weighted by size."""
    total = 0.0
    for b in range(bins):
        members = [(y, p) for y, p in zip(labels, probabilities, strict=True)
                   if b / bins <= p < (b + 1) / bins or (b == bins - 1 and p == 1.0)]
        if members:
            total += len(members) * abs(sum(y for y, _ in members) / len(members) - sum(p for _, p in members) / len(members))
    return total / len(labels)


def split_by_source(examples: Sequence[Example], dev_share: float = 0.25) -> tuple[list[Example], list[Example]]:
    """(train, dev): whole sources, in a fixed pseudo-random order, go to dev until it holds dev_share."""
    sizes: dict[str, int] = {}
    for e in examples:
        sizes[e.source] = sizes.get(e.source, 0) + 1
    dev_sources: set[str] = set()
    held = 0
    for source in sorted(sizes, key=lambda s: hashlib.sha1(s.encode()).hexdigest()):
        if held >= dev_share * len(examples):
            break
        dev_sources.add(source)
        held += sizes[source]
    return [e for e in examples if e.source not in dev_sources], [e for e in examples if e.source in dev_sources]


def fit(
    train: Sequence[Example], dev: Sequence[Example], *, checks: Iterable[str] | None = None,
    calibration: str = "platt", name: str = "model", provenance: dict | None = None, scores_only: bool = False,
) -> dict:
    """The model as a JSON-ready dict; `checks` limits the inputs to those checks' scores and metrics.

    `scores_only` keeps to the check scores, with weights that cannot be negative (an input that
    would get one is left out and the model refitted): a check can then only lower the score by
    finding more wrong, never raise it, whatever correlates the training data holds.
    """
    import numpy as np
    from sklearn.isotonic import IsotonicRegression
    from sklearn.linear_model import LogisticRegression

    for part, rows in (("training", train), ("dev", dev)):
        if len({e.label for e in rows}) < 2:
            raise ValueError(f"the {part} articles need both labels, reliable (1) and unreliable (0)")
    wanted = set(checks) if checks is not None else None
    train_raw = [raw_features(e.results) for e in train]
    names = sorted({f for row in train_raw for f in row if wanted is None or f.split(".", 1)[0] in wanted})
    if scores_only:
        names = [f for f in names if f.endswith(".score")]
    x = np.array([[signed_log1p(row.get(f, math.nan)) for f in names] for row in train_raw])
    mean = np.nanmean(x, axis=0)
    scale = np.nanstd(x, axis=0)
    keep = scale > 1e-9  # an input that never varies in training teaches nothing
    names = [f for f, k in zip(names, keep, strict=True) if k]
    mean, scale = mean[keep], scale[keep]

    def standardise(rows: list[dict[str, float]]) -> np.ndarray:
        t = np.array([[signed_log1p(row[f]) if f in row else math.nan for f in names] for row in rows])
        return np.nan_to_num(np.clip((t - mean) / scale, -CLIP, CLIP), nan=0.0)

    z_train, z_dev = standardise(train_raw), standardise([raw_features(e.results) for e in dev])
    y_train, y_dev = [e.label for e in train], [e.label for e in dev]
    fitted = []
    for c in C_GRID:
        used = np.ones(len(names), dtype=bool)
        while True:
            lr = LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit(z_train[:, used], y_train)
            negative = np.flatnonzero(used)[lr.coef_[0] < 0]
            if not scores_only or not len(negative) or used.sum() == len(negative):
                break
            used[negative] = False
        coefficients = np.zeros(len(names))
        coefficients[used] = lr.coef_[0]
        fitted.append((roc_auc(y_dev, lr.decision_function(z_dev[:, used])), c, coefficients, float(lr.intercept_[0])))
    dev_auc, best_c, coefficients, intercept = max(fitted, key=lambda t: (t[0], -t[1]))
    if scores_only:
        coefficients = np.maximum(coefficients, 0.0)  # every input left out, if all went negative
    dev_logits = z_dev @ coefficients + intercept
    if calibration == "platt":
        platt = LogisticRegression(C=1e6, max_iter=5000).fit(dev_logits.reshape(-1, 1), y_dev)
        table = {"method": "platt", "a": float(platt.coef_[0][0]), "b": float(platt.intercept_[0])}
    elif calibration == "isotonic":
        iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(dev_logits, y_dev)
        table = {"method": "isotonic", "x": [float(v) for v in iso.X_thresholds_], "y": [float(v) for v in iso.y_thresholds_]}
    else:
        raise ValueError(f"calibration must be 'platt' or 'isotonic', not {calibration!r}")
    model = {
        "format": FORMAT,
        "name": name,
        "fitted": dt.date.today().isoformat(),
        "provenance": provenance or {},
        "features": names,
        "transform": "signed_log1p, standardised, clipped",
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "clip": CLIP,
        "coefficients": [round(float(v), 6) for v in coefficients],
        "intercept": round(intercept, 6),
        "inputs": "check scores, weights >= 0" if scores_only else "check scores and metrics",
        "regularisation_C": best_c,
        "calibration": table,
        "training": {"train_articles": len(train), "dev_articles": len(dev), "dev_roc_auc": round(dev_auc, 4)},
    }
    scorer = ScoringModel(model, name)
    probabilities = [scorer.score(e.results) / 100 for e in dev]
    model["training"]["dev_calibration_error"] = round(calibration_error(y_dev, probabilities), 4)
    return model
