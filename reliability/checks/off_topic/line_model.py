"""The learned line classifier: gradient-boosted trees over `line_features`, shipped as data.

`boilerplate_model.npz` holds the trees as flat arrays (feature, threshold, children, leaf values);
`boilerplate_model.json` the feature names, the warning bar, the calibration, the lexicon families
precise enough on the dev sites to decide alone, and where the model came from. Both are read with numpy and json (no pickle). All the trees walk all the lines at once, one
numpy step per tree level. Rebuilt by `python -m evaluation.boilerplate train`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ARRAYS = HERE / "boilerplate_model.npz"
META = HERE / "boilerplate_model.json"


@dataclass(frozen=True)
class LineModel:
    features: tuple[str, ...]
    feature: np.ndarray  # (trees, nodes) the feature a node tests
    threshold: np.ndarray  # (trees, nodes) go left when the feature is <= threshold
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray  # (trees, nodes) a leaf's contribution to the log-odds
    leaf: np.ndarray
    baseline: float
    depth: int
    calibration: tuple[float, float]  # log-odds -> calibrated log-odds: a * raw + b
    warn_at: float  # the calibrated probability from which a line is boilerplate
    trusted: dict[str, float]  # lexicon features that decide alone, with their precision on the dev sites

    def probabilities(self, rows: list[list[float]]) -> np.ndarray:
        """The calibrated probability that each row (line) is the page's own text."""
        if not rows:
            return np.zeros(0)
        x = np.asarray(rows, dtype=np.float64)
        trees = np.arange(self.feature.shape[0])
        node = np.zeros((x.shape[0], trees.size), dtype=np.intp)
        lines = np.arange(x.shape[0])[:, None]
        for _ in range(self.depth):
            tested = x[lines, self.feature[trees, node]]
            step = np.where(tested <= self.threshold[trees, node], self.left[trees, node], self.right[trees, node])
            node = np.where(self.leaf[trees, node], node, step)
        raw = self.baseline + self.value[trees, node].sum(axis=1)
        a, b = self.calibration
        probability: np.ndarray = 1.0 / (1.0 + np.exp(-(a * raw + b)))
        return probability


@lru_cache(maxsize=1)
def load_model() -> LineModel:
    """The shipped model (read once per process)."""
    meta = json.loads(META.read_text(encoding="utf-8"))
    with np.load(ARRAYS, allow_pickle=False) as arrays:
        parts = {name: arrays[name] for name in ("feature", "threshold", "left", "right", "value", "leaf")}
    return LineModel(
        features=tuple(meta["features"]),
        baseline=float(meta["baseline"]),
        depth=int(meta["depth"]),
        calibration=(float(meta["calibration"][0]), float(meta["calibration"][1])),
        warn_at=float(meta["warn_at"]),
        trusted={name: float(p) for name, p in meta.get("trusted_rules", {}).items()},
        **parts,
    )
