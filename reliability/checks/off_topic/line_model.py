"""The learned line classifier: gradient-boosted trees over `line_features`, shipped as data.

`boilerplate_model.npz` holds the trees as flat arrays (feature, threshold, children, leaf values);
`boilerplate_model.json` the feature names, the warning bar, the calibration, the lexicon families
precise enough on the dev sites to decide alone, and where the model came from. Both are read with numpy
and json (no pickle). All the lines walk all the trees at once, one numpy step per tree level. Rebuilt by `python -m evaluation.boilerplate train`.
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
    feature: np.ndarray  # (trees, inner nodes) the feature each inner node tests, the trees made complete to `depth`
    threshold: np.ndarray  # (trees, inner nodes) go left when the feature is <= threshold
    leaves: np.ndarray  # (trees, 2 ** depth) each leaf's contribution to the log-odds
    baseline: float
    depth: int
    calibration: tuple[float, float]  # log-odds -> calibrated log-odds: a * raw + b
    warn_at: float  # the calibrated probability from which a line is boilerplate
    trusted: dict[str, float]  # lexicon features that decide alone, with their precision on the dev sites

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """The calibrated probability that each row (line) is the page's own text: all lines go down all
        trees at once, one level per step, testing only the node each line has reached (node h's children
        are 2h+1 and 2h+2)."""
        x = np.asarray(rows, dtype=np.float64).reshape(-1, len(self.features))
        lines = x.shape[0]
        if not lines:
            return np.zeros(0)
        trees, inner = self.feature.shape
        tree_start = np.arange(trees) * inner  # where each tree's nodes begin in the flat arrays
        row_start = np.arange(lines)[:, None] * len(self.features)  # where each line begins in the flat x
        values, feature, threshold = x.reshape(-1), self.feature.reshape(-1), self.threshold.reshape(-1)
        node = np.zeros((lines, trees), dtype=np.intp)
        for _ in range(self.depth):
            at = tree_start + node
            node = 2 * node + 1 + (values[row_start + feature[at]] > threshold[at])
        raw = self.baseline + self.leaves[np.arange(trees), node - inner].sum(axis=1)
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
        **_complete(parts, int(meta["depth"])),
    )


def _complete(parts: dict[str, np.ndarray], depth: int) -> dict[str, np.ndarray]:
    """The fitted trees (flat node lists) as complete binary trees of `depth` in heap order: a leaf above the
    last level becomes an inner node that always goes left (threshold +inf) to copies of itself."""
    trees = parts["feature"].shape[0]
    inner = 2**depth - 1
    feature = np.zeros((trees, inner), dtype=np.intp)
    threshold = np.full((trees, inner), np.inf)
    leaves = np.zeros((trees, inner + 1))
    for tree in range(trees):
        stack = [(0, 0, 0)]  # (fitted node, heap position, level)
        while stack:
            node, at, level = stack.pop()
            if level == depth:
                leaves[tree, at - inner] = parts["value"][tree, node]
                continue
            children = (node, node)
            if not parts["leaf"][tree, node]:
                feature[tree, at], threshold[tree, at] = parts["feature"][tree, node], parts["threshold"][tree, node]
                children = (int(parts["left"][tree, node]), int(parts["right"][tree, node]))
            stack += [(children[0], 2 * at + 1, level + 1), (children[1], 2 * at + 2, level + 1)]
    return {"feature": feature, "threshold": threshold, "leaves": leaves}
