"""Fit the line classifier on the training sites, choose its warning bar and calibration on the dev sites,
and write it into the package as data (NPZ arrays and a JSON card with the provenance).

Splits are by site (the page's registrable domain): a hash of the site name puts 60% of the sites in
train, 20% in dev and 20% in test, so no site of the test split is ever seen in fitting or tuning.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from evaluation.boilerplate.lines import as_document
from evaluation.boilerplate.pages import CROP_MARGIN, SOURCES, Page
from reliability.checks.off_topic.line_features import FEATURES, line_features
from reliability.checks.off_topic.line_model import ARRAYS, META

SPLIT_SHARES = (("train", 0.6), ("dev", 0.2), ("test", 0.2))
MIN_PRECISION = 0.915  # the bar is the lowest dev threshold keeping this precision (the trusted families and
# position rules that ship with the model cost about 0.01 of it): precision first
TREES, DEPTH, LEARNING_RATE = 300, 6, 0.08


def split_of(site: str) -> str:
    """train, dev or test, fixed by a hash of the site name."""
    share = int(hashlib.sha1(site.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    total = 0.0
    for name, part in SPLIT_SHARES:
        total += part
        if share < total:
            return name
    return SPLIT_SHARES[-1][0]


@dataclass
class Table:
    """Every labelled line of a split: features, labels, and what identifies it."""

    x: np.ndarray
    y: np.ndarray
    kinds: np.ndarray
    pages: list[str]
    texts: list[str]


def tables(pages: list[Page]) -> dict[str, Table]:
    """Feature rows of every line, by split, each page weighed alone as find_boilerplate weighs an article."""
    rows: dict[str, list] = {name: [] for name, _ in SPLIT_SHARES}
    for page in pages:
        one = as_document(page)
        for block, features, label, kind in zip(
            one.document.blocks, line_features(one.document), one.labels, one.kinds
        ):
            rows[split_of(page.site)].append((features, label, kind, f"{page.set}:{page.page}", block.text))
    return {
        name: Table(
            np.array([r[0] for r in found], dtype=np.float64).reshape(-1, len(FEATURES)),
            np.array([r[1] for r in found], dtype=np.int64),
            np.array([r[2] for r in found], dtype=np.int64),
            [r[3] for r in found],
            [r[4] for r in found],
        )
        for name, found in rows.items()
    }


def fit(train: Table):
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(
        max_iter=TREES, learning_rate=LEARNING_RATE, max_depth=DEPTH, random_state=0
    ).fit(train.x, train.y)


def raw_scores(model, x: np.ndarray) -> np.ndarray:
    return model.decision_function(x)


def calibrate(raw: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Platt scaling on the dev split: the log-odds rescaled so probabilities match observed rates."""
    from sklearn.linear_model import LogisticRegression

    fitted = LogisticRegression(C=1e6).fit(raw.reshape(-1, 1), y)
    return float(fitted.coef_[0, 0]), float(fitted.intercept_[0])


def choose_bar(probability: np.ndarray, y: np.ndarray, min_precision: float = MIN_PRECISION) -> float:
    """The lowest threshold (in steps of 0.01) at which dev precision reaches `min_precision`."""
    for bar in np.arange(0.30, 0.96, 0.01):
        flagged = probability >= bar
        if flagged.any() and (y[flagged] == 1).mean() >= min_precision:
            return round(float(bar), 2)
    return 0.95


def trusted_rules(dev: Table, min_precision: float = MIN_PRECISION - 0.02, min_hits: int = 10) -> dict[str, float]:
    """The lexicon's families (and the listicle-title shape) that may decide alone, with their precision on
    the dev sites: every one except those shown wrong too often there (below `min_precision` over at
    least `min_hits` lines). A family the dev pages never show keeps the precision of all trusted hits."""
    columns = [i for i, name in enumerate(FEATURES) if name.startswith("family_") or name == "listicle"]
    trusted, pooled = {}, np.zeros(len(dev.y), dtype=bool)
    for i in columns:
        hit = dev.x[:, i] > 0
        precision = float((dev.y[hit] == 1).mean()) if hit.any() else None
        if hit.sum() >= min_hits and precision is not None and precision < min_precision:
            continue
        trusted[FEATURES[i]] = precision
        pooled |= hit
    overall = float((dev.y[pooled] == 1).mean()) if pooled.any() else min_precision
    return {
        name: round(p if p is not None and (dev.x[:, FEATURES.index(name)] > 0).sum() >= min_hits else overall, 3)
        for name, p in trusted.items()
    }


def export(
    model, calibration: tuple[float, float], warn_at: float, provenance: dict, trusted: dict[str, float]
) -> None:
    """The fitted trees as flat arrays, padded to the largest tree."""
    predictors = [p[0].nodes for p in model._predictors]
    width = max(len(nodes) for nodes in predictors)

    def stack(field: str, dtype) -> np.ndarray:
        out = np.zeros((len(predictors), width), dtype=dtype)
        for i, nodes in enumerate(predictors):
            out[i, : len(nodes)] = nodes[field]
        return out

    np.savez_compressed(
        ARRAYS,
        feature=stack("feature_idx", np.int16),
        threshold=stack("num_threshold", np.float64),
        left=stack("left", np.int16),
        right=stack("right", np.int16),
        value=stack("value", np.float64),
        leaf=stack("is_leaf", np.bool_),
    )
    depth = int(max(nodes["depth"].max() for nodes in predictors))
    meta = {
        "about": "off_topic.boilerplate line classifier: gradient-boosted trees over line_features.FEATURES",
        "features": list(FEATURES),
        "baseline": float(np.ravel(model._baseline_prediction)[0]),
        "depth": depth,
        "calibration": list(calibration),
        "warn_at": warn_at,
        "trusted_rules": trusted,
        "provenance": provenance,
    }
    META.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def train(split: dict[str, Table]) -> dict:
    """Fit, calibrate, choose the bar, export; returns the card written beside the arrays."""
    model = fit(split["train"])
    calibration = calibrate(raw_scores(model, split["dev"].x), split["dev"].y)
    a, b = calibration
    dev_probability = 1.0 / (1.0 + np.exp(-(a * raw_scores(model, split["dev"].x) + b)))
    warn_at = choose_bar(dev_probability, split["dev"].y)
    provenance = {
        "sources": {name: asdict(source) for name, source in SOURCES.items()},
        "crop_margin_lines": CROP_MARGIN,
        "splits": {name: {"pages": len(set(t.pages)), "lines": int(t.y.size)} for name, t in split.items()},
        "split_rule": "sha1(site) share: train < 0.6 <= dev < 0.8 <= test",
        "fitted_on": "train",
        "tuned_on": f"dev (Platt calibration, warning bar at the lowest threshold with precision >= {MIN_PRECISION:.3f})",
        "estimator": f"sklearn HistGradientBoostingClassifier(max_iter={TREES}, learning_rate={LEARNING_RATE}, max_depth={DEPTH}, random_state=0)",
    }
    export(model, calibration, warn_at, provenance, trusted_rules(split["dev"]))
    return json.loads(META.read_text(encoding="utf-8"))


def cached_tables(pages: list[Page], path: Path) -> dict[str, Table]:
    """`tables(pages)`, kept in `path` (an NPZ outside the repository) between runs."""
    if path.exists():
        with np.load(path, allow_pickle=False) as saved:
            return {
                name: Table(
                    saved[f"{name}_x"],
                    saved[f"{name}_y"],
                    saved[f"{name}_kinds"],
                    list(saved[f"{name}_pages"]),
                    list(saved[f"{name}_texts"]),
                )
                for name, _ in SPLIT_SHARES
            }
    found = tables(pages)
    arrays = {}
    for name, t in found.items():
        arrays |= {
            f"{name}_x": t.x,
            f"{name}_y": t.y,
            f"{name}_kinds": t.kinds,
            f"{name}_pages": np.array(t.pages),
            f"{name}_texts": np.array(t.texts),
        }
    np.savez_compressed(path, **arrays)
    return found
