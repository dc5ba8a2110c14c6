"""Fit the contradiction check's gate (reliability/checks/contradiction/gate_model.json) on public data.

Every candidate pair the four detectors propose is labelled:
- 0 on the clean news of the dev outlets (evaluation/news.py): articles nobody planted a contradiction in;
- 1 when it joins a premise to its hypothesis in a pair people labelled a contradiction (SICK, ANLI,
  ConTRoL dev splits; evaluation/contradiction_real.py), 0 when the pair is labelled otherwise or the
  candidate lies inside the premise.
A logistic regression (scikit-learn, balanced classes) over gate.FEATURES; each kind's threshold is the
lowest likelihood at which at most its share of a 2% budget (BUDGETS) of the dev clean articles would
still get a warning of that kind. Only dev data is read: the test outlets, Reuters and the test pairs
stay blind. Weights are written as JSON. Run: python -m evaluation.train_contradiction_gate
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from evaluation import news
from evaluation.contradiction_real import inference_pairs
from reliability.checks.contradiction import candidate_conflicts
from reliability.checks.contradiction.gate import FEATURES, pair_features
from reliability.document import Document
from reliability.models import Article

OUT = Path(__file__).resolve().parents[1] / "reliability" / "checks" / "contradiction" / "gate_model.json"


def _conflicts(ident: str, text: str):
    return candidate_conflicts(Document(Article(id=ident, text=text)))


def build(per_outlet: int) -> tuple[np.ndarray, np.ndarray, list[tuple[str, int]], list[str]]:
    rows, labels, groups, kinds = [], [], [], []
    for article in news.article_bias_prediction(per_outlet):
        if article.split != "dev":
            continue
        text = f"{article.title}\n\n{article.text}" if article.title else article.text
        for conflict in _conflicts(article.id, text):
            rows.append(pair_features(conflict))
            labels.append(0)
            groups.append((article.id, 1))
            kinds.append(conflict.kind)
    for pair in inference_pairs():
        if pair.split != "dev":
            continue
        text = f"{pair.premise}\n\n{pair.hypothesis}"
        cut = len(pair.premise) + 2
        for conflict in _conflicts(pair.id, text):
            across = conflict.later.sentence.start >= cut and conflict.earlier.sentence.end <= cut
            rows.append(pair_features(conflict))
            labels.append(int(pair.contradiction and across))
            groups.append((pair.id, 0))
            kinds.append(conflict.kind)
    return np.array(rows), np.array(labels), groups, kinds


#: Each kind's share of the false-alarm budget on the dev clean articles (2% in all).
BUDGETS = {"polarity": 0.010, "number": 0.005, "role": 0.003, "time": 0.002}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-outlet", type=int, default=150)
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    args = parser.parse_args()
    x, y, groups, kinds = build(args.per_outlet)
    means, scales = x.mean(axis=0), x.std(axis=0)
    scales[scales == 0] = 1.0
    model = LogisticRegression(C=args.c, class_weight="balanced", max_iter=3000).fit((x - means) / scales, y)
    p = model.predict_proba((x - means) / scales)[:, 1]
    is_news = np.array([g[1] for g in groups])
    articles = len({a.id for a in news.article_bias_prediction(args.per_outlet) if a.split == "dev"})
    thresholds = {}
    for kind, budget in BUDGETS.items():
        # the lowest likelihood at which at most `budget` of the dev clean articles get a warning of this kind
        best: dict[str, float] = {}
        for (ident, news_article), kind_of, likelihood in zip(groups, kinds, p, strict=True):
            if news_article and kind_of == kind:
                best[ident] = max(best.get(ident, 0.0), likelihood)
        ranked = sorted(best.values(), reverse=True)
        allowed = int(budget * articles)
        thresholds[kind] = round(float(ranked[allowed]) + 1e-6, 6) if allowed < len(ranked) else 0.0
    kept = np.array([pi >= thresholds[k] for pi, k in zip(p, kinds, strict=True)]) & (is_news == 0)
    print(f"{len(y)} candidate pairs, {int(y.sum())} contradictions; dev clean articles {articles}; thresholds "
          f"{thresholds}; dev inference pairs kept {int(kept.sum())}, right {int((kept & (y == 1)).sum())}")
    for name, weight in sorted(zip(FEATURES, model.coef_[0], strict=True), key=lambda t: -abs(t[1])):
        print(f"  {name:<18} {weight:+.3f}")
    OUT.write_text(json.dumps({
        "about": "Weights of the contradiction gate, fitted by evaluation/train_contradiction_gate.py; do not edit by hand.",
        "trained_on": (f"dev splits only: {articles} clean news-desk articles of Article-Bias-Prediction (dev outlets), "
                       f"SICK/ANLI/ConTRoL dev pairs; {len(y)} candidate pairs, {int(y.sum())} contradictions"),
        "features": list(FEATURES),
        "means": [round(float(v), 6) for v in means],
        "scales": [round(float(v), 6) for v in scales],
        "weights": [round(float(v), 6) for v in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
        "thresholds": thresholds,
    }, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
