"""Fitting a scoring model (`reliability fit`): scikit-learn, imported only here, only when fitting.

A logistic regression over every check's score and metrics (`learned.raw_features`, compressed by
signed log1p and standardised on the training articles), its strength of regularisation chosen on
held-out logits, then calibrated on them: Platt scaling (a sigmoid) by default, or isotonic
regression (a monotone table). Held out means dev articles when given, else the out-of-fold logits of
a cross-validation by source; either way both choices are made on outlets the model did not learn
from, as a pipeline meets them. The result is plain JSON.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from reliability.learned import FORMAT, ScoringModel, raw_features, signed_log1p
from reliability.models import CheckResult

C_GRID = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
CLIP = 5.0
ECE_BINS = 10
FOLDS = 5


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
        members = [
            (y, p)
            for y, p in zip(labels, probabilities, strict=True)
            if b / bins <= p < (b + 1) / bins or (b == bins - 1 and p == 1.0)
        ]
        if members:
            total += len(members) * abs(
                sum(y for y, _ in members) / len(members) - sum(p for _, p in members) / len(members)
            )
    return total / len(labels)


def brier_score(labels: Sequence[int], probabilities: Sequence[float]) -> float:
    """Mean squared gap between the probability and the label (0 is perfect; always 0.5 scores 0.25)."""
    return sum((p - y) ** 2 for y, p in zip(labels, probabilities, strict=True)) / len(labels)


def source_folds(examples: Sequence[Example], folds: int = FOLDS) -> list[int]:
    """Each example's fold: whole sources, in a fixed pseudo-random order (sha1 of the name), dealt in turn
    to the fold holding the fewest articles so far, so no source is in two folds."""
    sizes: dict[str, int] = {}
    for e in examples:
        sizes[e.source] = sizes.get(e.source, 0) + 1
    if len(sizes) < folds:
        raise ValueError(f"cross-validation by source needs articles from at least {folds} sources, not {len(sizes)}")
    held = [0] * folds
    fold_of: dict[str, int] = {}
    for source in sorted(sizes, key=lambda s: (-sizes[s], hashlib.sha1(s.encode()).hexdigest())):
        fold_of[source] = held.index(min(held))
        held[fold_of[source]] += sizes[source]
    return [fold_of[e.source] for e in examples]


def fit(
    train: Sequence[Example],
    dev: Sequence[Example] = (),
    *,
    checks: Iterable[str] | None = None,
    calibration: str = "platt",
    name: str = "model",
    provenance: dict[str, Any] | None = None,
    scores_only: bool = False,
) -> dict[str, Any]:
    """The model as a JSON-ready dict; `checks` limits the inputs to those checks' scores and metrics.

    With `dev` articles, the regularisation is chosen and the calibration fitted on them. Without, on
    out-of-fold logits of a cross-validation by source (`source_folds`): every article is scored by a
    model that saw none of its source's articles; the model is then refitted on all of `train`.
    `scores_only` keeps to the check scores, with weights that cannot be negative (an input that
    would get one is left out and the model refitted): a check can then only lower the score by
    finding more wrong, never raise it, whatever correlates the training data holds.
    """
    import numpy as np

    for part, rows in (("training", train), ("dev", dev)):
        if rows and len({e.label for e in rows}) < 2:
            raise ValueError(f"the {part} articles need both labels, reliable (1) and unreliable (0)")
    if not train:
        raise ValueError("no training articles")
    wanted = set(checks) if checks is not None else None
    train_raw = [raw_features(e.results) for e in train]
    names = sorted({f for row in train_raw for f in row if wanted is None or f.split(".", 1)[0] in wanted})
    if scores_only:
        names = [f for f in names if f.endswith(".score")]
    x = np.array([[signed_log1p(row.get(f, math.nan)) for f in names] for row in train_raw]).reshape(
        len(train), len(names)
    )
    with np.errstate(all="ignore"):
        mean = np.nan_to_num(np.nanmean(x, axis=0))
        scale = np.nan_to_num(np.nanstd(x, axis=0))
    keep = scale > 1e-9  # an input that never varies in training teaches nothing
    names = [f for f, k in zip(names, keep, strict=True) if k]
    mean, scale = mean[keep], scale[keep]

    def standardise(rows: list[dict[str, float]]) -> Any:
        t = np.array([[signed_log1p(row[f]) if f in row else math.nan for f in names] for row in rows])
        return np.nan_to_num(np.clip((t - mean) / scale, -CLIP, CLIP), nan=0.0).reshape(len(rows), len(names))

    z_train = standardise(train_raw)
    y_train = np.array([e.label for e in train])
    if dev:
        z_dev, y_dev = standardise([raw_features(e.results) for e in dev]), np.array([e.label for e in dev])
        held_out = {c: _logistic(z_train, y_train, c, scores_only) for c in C_GRID}
        logits = {c: z_dev @ w + b for c, (w, b) in held_out.items()}
        selection = "dev articles"
    else:
        folds = np.array(source_folds(train))
        y_dev = y_train
        logits = {c: np.zeros(len(train)) for c in C_GRID}
        for fold in range(FOLDS):
            inside, outside = folds != fold, folds == fold
            if len(set(y_train[inside])) < 2:
                raise ValueError("a cross-validation fold's training articles hold one label only: add sources")
            for c in C_GRID:
                w, b = _logistic(z_train[inside], y_train[inside], c, scores_only)
                logits[c][outside] = z_train[outside] @ w + b
        selection = f"{FOLDS}-fold cross-validation by source"
    scored = [(roc_auc(list(y_dev), list(logits[c])), c) for c in C_GRID]
    dev_auc, best_c = max(scored, key=lambda t: (t[0], -t[1]))
    coefficients, intercept = _logistic(z_train, y_train, best_c, scores_only)
    table = _calibration(logits[best_c], y_dev, calibration)
    model: dict[str, Any] = {
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
        "training": {
            "train_articles": len(train),
            "dev_articles": len(dev),
            "selection": selection,
            "held_out_roc_auc": round(dev_auc, 4),
        },
    }
    scorer = ScoringModel(model, name)
    probabilities = [scorer.probability(float(v)) for v in logits[best_c]]  # held-out logits, calibrated
    model["training"]["held_out_calibration_error"] = round(calibration_error(list(y_dev), probabilities), 4)
    return model


def _logistic(z: Any, y: Any, c: float, scores_only: bool) -> tuple[Any, float]:
    """(coefficients, intercept) of a balanced logistic regression; `scores_only` drops inputs weighed below 0."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    used = np.ones(z.shape[1], dtype=bool)
    while True:
        lr = LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit(z[:, used], y)
        negative = np.flatnonzero(used)[lr.coef_[0] < 0]
        if not scores_only or not len(negative) or used.sum() == len(negative):
            break
        used[negative] = False
    coefficients = np.zeros(z.shape[1])
    coefficients[used] = lr.coef_[0]
    if scores_only:
        coefficients = np.maximum(coefficients, 0.0)  # every input left out, if all went negative
    return coefficients, float(lr.intercept_[0])


def _calibration(logits: Any, labels: Any, method: str) -> dict[str, Any]:
    """Platt scaling (a sigmoid of the logit) or an isotonic table, fitted on held-out logits."""
    from sklearn.isotonic import IsotonicRegression
    from sklearn.linear_model import LogisticRegression

    if method == "platt":
        platt = LogisticRegression(C=1e6, max_iter=5000).fit(logits.reshape(-1, 1), labels)
        return {"method": "platt", "a": float(platt.coef_[0][0]), "b": float(platt.intercept_[0])}
    if method == "isotonic":
        iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(logits, labels)
        return {
            "method": "isotonic",
            "x": [float(v) for v in iso.X_thresholds_],
            "y": [float(v) for v in iso.y_thresholds_],
        }
    raise ValueError(f"calibration must be 'platt' or 'isotonic', not {method!r}")
