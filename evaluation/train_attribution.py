"""Fit the attribution check's statement scorer (reliability/checks/attribution/statement_model.json).

Data: the Gender Gap Tracker's annotated articles (evaluation/ggt.py), development outlets only; the
three test outlets are never read here. Every candidate the rules propose (`find_statements`) is
labelled by the evaluation's own one-to-one match against the annotated quotes (`attribution_real.match`):
matched = a real attribution, unmatched = not one. A logistic regression over `statement_features` is
fitted; the regularisation and the threshold are chosen on held-out outlets (leave one development
outlet out: each outlet's candidates are scored by a model fitted on the other outlets), then the
model is refitted on every development outlet and written as JSON (no pickle).

Threshold rule: the one with the best held-out F1 (precision and recall as the evaluation counts
them, recall over every annotated quote).
Run: python -m evaluation.train_attribution [--write]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from evaluation import ggt
from evaluation.attribution_real import match
from evaluation.linear_model import fit_standardised_logistic, write_linear_model
from reliability.checks.attribution.confidence import FEATURES, statement_features
from reliability.checks.attribution.statements import find_statements
from reliability.document import Document
from reliability.models import Article

MODEL = Path(__file__).resolve().parents[1] / "reliability" / "checks" / "attribution" / "statement_model.json"


def candidates(articles: list[ggt.GoldArticle]) -> tuple[np.ndarray, np.ndarray, list[str], dict[str, int]]:
    """Features, labels and outlet of every candidate; and the annotated quotes per outlet."""
    rows, labels, groups = [], [], []
    gold: dict[str, int] = {}
    for article in articles:
        document = Document(Article(id=article.id, text=article.text))
        statements, _ = find_statements(document)
        pairs = match(article.quotes, [(s.start, s.end) for s in statements])
        matched = set(pairs.values())
        gold[article.outlet] = gold.get(article.outlet, 0) + len(article.quotes)
        for k, statement in enumerate(statements):
            rows.append(statement_features(document, statement))
            labels.append(k in matched)
            groups.append(article.outlet)
    return np.array(rows), np.array(labels), groups, gold


def _fit(x: np.ndarray, y: np.ndarray, c: float):  # type: ignore[no-untyped-def]
    return fit_standardised_logistic(x, y, c, max_iter=2000)


def held_out(x: np.ndarray, y: np.ndarray, groups: list[str], c: float) -> np.ndarray:
    """Each outlet's candidates scored by a model fitted on the other outlets."""
    p = np.zeros(len(y))
    outlets = np.array(groups)
    for outlet in sorted(set(groups)):
        test = outlets == outlet
        scaler, model = _fit(x[~test], y[~test], c)
        p[test] = model.predict_proba(scaler.transform(x[test]))[:, 1]
    return p


def curve(p: np.ndarray, y: np.ndarray, gold: int) -> list[tuple[float, float, float]]:
    """(threshold, precision, recall) as the evaluation counts them, recall over every annotated quote."""
    out = []
    for t in np.arange(0.0, 0.96, 0.01):
        kept = p >= t
        if kept.sum():
            out.append((float(t), float((y & kept).sum() / kept.sum()), float((y & kept).sum() / gold)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"write {MODEL.name}")
    args = parser.parse_args()
    articles = [a for a in ggt.load() if a.split == "dev"]
    x, y, groups, gold_by_outlet = candidates(articles)
    gold = sum(gold_by_outlet.values())
    print(
        f"data: {ggt.ANNOTATIONS.describe()}\ndevelopment outlets: {', '.join(sorted(gold_by_outlet))}; "
        f"{len(y)} candidates, {int(y.sum())} real, {gold} annotated quotes"
    )
    from sklearn.metrics import log_loss

    losses = {c: log_loss(y, held_out(x, y, groups, c)) for c in (0.03, 0.1, 0.3, 1.0, 3.0)}
    c = min(losses, key=lambda k: losses[k])
    print("held-out log loss by C: " + ", ".join(f"{k}: {v:.4f}" for k, v in losses.items()) + f" -> C={c}")
    p = held_out(x, y, groups, c)
    points = curve(p, y, gold)
    for t, precision, recall in points[::5]:
        print(f"  threshold {t:.2f}: held-out precision {precision:.3f} recall {recall:.3f}")
    threshold, precision, recall = max(points, key=lambda pt: 2 * pt[1] * pt[2] / (pt[1] + pt[2]))
    print(
        f"threshold {threshold:.2f}: held-out precision {precision:.3f}, recall {recall:.3f} "
        f"(all candidates: precision {y.mean():.3f}, recall {y.sum() / gold:.3f})"
    )
    scaler, model = _fit(x, y, c)
    weights = dict(zip(FEATURES, model.coef_[0]))
    print(
        "largest weights: "
        + ", ".join(f"{k} {v:+.2f}" for k, v in sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:12])
    )
    if args.write:
        about = (
            "attribution statement scorer: logistic regression, evaluation/train_attribution.py; "
            f"fitted on {ggt.ANNOTATIONS.describe()}, development outlets {sorted(gold_by_outlet)}"
        )
        write_linear_model(MODEL, about, FEATURES, scaler, model, threshold)


if __name__ == "__main__":
    main()
