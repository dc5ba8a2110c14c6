"""Fit the attribution check's speaker ranker (reliability/checks/attribution/speaker_model.json).

Data: the Gender Gap Tracker's annotated articles (evaluation/ggt.py), development outlets only; the
three test outlets are never read here. The check runs as shipped up to speaker resolution; every
pronoun ("he said") and definite role ("the minister said") whose statement matches an annotated
quote (`attribution_real.match`) gives one ranking: its candidates (`resolve._candidates`: sources
quoted so far, names in the paragraph and the three before) with their features
(`antecedents.features`), a candidate labelled right when its name is the annotated speaker's
(`attribution_real.same_speaker`). A logistic regression is fitted over the candidates; the
regularisation and the threshold under which a pronoun stays unresolved are chosen on held-out outlets
(each development outlet ranked by a model fitted on the other three). The model is then refitted on
every development outlet and written as JSON (no pickle).

Threshold rule: the lowest threshold whose held-out accuracy over the resolved pronouns and roles is at
least that of the best F-like trade (right answers minus wrong ones), so a pronoun is left unresolved
only where the ranker is more often wrong than right.
Run: python -m evaluation.train_speakers [--write]
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from evaluation import ggt
from evaluation.attribution_real import match, same_speaker
from evaluation.linear_model import fit_standardised_logistic, write_linear_model
from reliability.checks.attribution.antecedents import FEATURES, Candidate, Reference
from reliability.checks.attribution.confidence import confidences, load_model
from reliability.checks.attribution.resolve import resolve
from reliability.checks.attribution.statements import find_statements
from reliability.document import Document
from reliability.models import Article

MODEL = Path(__file__).resolve().parents[1] / "reliability" / "checks" / "attribution" / "speaker_model.json"


@dataclass
class Ranking:
    """One pronoun or role with an annotated speaker: its candidates' features and labels."""

    outlet: str
    kind: str
    rows: np.ndarray
    right: np.ndarray  # per candidate: is it the annotated speaker
    rule: int | None  # the candidate the hand-written rule picks


class _Recorder:
    """A chooser for `resolve` that keeps the hand-written rule's pick and records, for every pronoun or
    role whose statement matches an annotated quote, its candidates and which of them is the speaker."""

    def __init__(self, outlet: str, gold_at: dict[int, ggt.GoldQuote], out: list[Ranking]) -> None:
        self.outlet, self.gold_at, self.out, self.seen = outlet, gold_at, out, set[int]()

    def __call__(self, reference: Reference, found: Sequence[Candidate], rows: list[list[float]]) -> int | None:
        rule = next((k for k, c in enumerate(found) if c.rule), None)
        gold = self.gold_at.get(reference.at)
        if gold is not None and found and reference.at not in self.seen:
            self.seen.add(reference.at)
            right = [same_speaker(c.text, gold.reference) or same_speaker(c.text, gold.speaker) for c in found]
            self.out.append(Ranking(self.outlet, reference.kind, np.array(rows), np.array(right), rule))
        return rule


def rankings(articles: list[ggt.GoldArticle]) -> list[Ranking]:
    out: list[Ranking] = []
    threshold = load_model().threshold
    for article in articles:
        document = Document(Article(id=article.id, text=article.text))
        candidates, _ = find_statements(document)
        statements = [s for s, p in zip(candidates, confidences(document, candidates)) if p >= threshold]
        pairs = match(article.quotes, [(s.start, s.end) for s in statements])
        gold_at: dict[int, ggt.GoldQuote] = {}
        for g, k in pairs.items():
            attribution = statements[k].attribution
            if attribution is not None and attribution.mention is not None:
                gold_at.setdefault(attribution.mention.start, article.quotes[g])
        resolve(document, statements, _Recorder(article.outlet, gold_at, out))
    return out


def _fit(rankings_: list[Ranking], c: float):  # type: ignore[no-untyped-def]
    x = np.vstack([r.rows for r in rankings_])
    y = np.concatenate([r.right for r in rankings_])
    return fit_standardised_logistic(x, y, c, max_iter=5000)


def held_out(data: list[Ranking], c: float) -> list[tuple[int, float]]:
    """Per ranking: the candidate a model fitted on the other outlets ranks first, and its probability."""
    out: list[tuple[int, float]] = [(0, 0.0)] * len(data)
    for outlet in sorted({r.outlet for r in data}):
        scaler, model = _fit([r for r in data if r.outlet != outlet], c)
        for k, r in enumerate(data):
            if r.outlet == outlet:
                p = model.predict_proba(scaler.transform(r.rows))[:, 1]
                out[k] = (int(p.argmax()), float(p.max()))
    return out


def tally(data: list[Ranking], picks: list[tuple[int | None, float]], threshold: float) -> tuple[int, int, int]:
    """(right, wrong, unresolved) at a threshold."""
    right = wrong = unresolved = 0
    for r, (k, p) in zip(data, picks):
        if k is None or p < threshold:
            unresolved += 1
        elif r.right[k]:
            right += 1
        else:
            wrong += 1
    return right, wrong, unresolved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"write {MODEL.name}")
    args = parser.parse_args()
    articles = [a for a in ggt.load() if a.split == "dev"]
    data = rankings(articles)
    answerable = sum(bool(r.right.any()) for r in data)
    print(
        f"data: {ggt.ANNOTATIONS.describe()}\ndevelopment outlets: {', '.join(sorted({a.outlet for a in articles}))}; "
        f"{len(data)} pronouns and roles with an annotated speaker ({answerable} with it among the candidates), "
        f"{sum(len(r.right) for r in data)} candidates"
    )
    rule = tally(data, [(r.rule, 1.0) for r in data], 0.0)
    print(f"hand-written rule: right {rule[0]}, wrong {rule[1]}, unresolved {rule[2]}")
    from sklearn.metrics import log_loss

    def loss(c: float) -> float:
        total = []
        for outlet in sorted({r.outlet for r in data}):
            scaler, model = _fit([r for r in data if r.outlet != outlet], c)
            test = [r for r in data if r.outlet == outlet]
            p = model.predict_proba(scaler.transform(np.vstack([r.rows for r in test])))[:, 1]
            total.append(float(log_loss(np.concatenate([r.right for r in test]), p, labels=[False, True])) * len(p))
        return sum(total)

    losses = {c: loss(c) for c in (0.01, 0.03, 0.1, 0.3, 1.0, 3.0)}
    c = min(losses, key=lambda k: losses[k])
    print("held-out log loss by C: " + ", ".join(f"{k}: {v:.1f}" for k, v in losses.items()) + f" -> C={c}")
    picks: list[tuple[int | None, float]] = list(held_out(data, c))
    best_threshold, best_margin = 0.0, -1
    for t in np.arange(0.0, 0.61, 0.05):
        right, wrong, unresolved = tally(data, picks, float(t))
        print(f"  threshold {t:.2f}: held-out right {right}, wrong {wrong}, unresolved {unresolved}")
        if right - wrong > best_margin:
            best_threshold, best_margin = float(t), right - wrong
    print(f"threshold {best_threshold:.2f}")
    scaler, model = _fit(data, c)
    weights = dict(zip(FEATURES, model.coef_[0]))
    print("weights: " + ", ".join(f"{k} {v:+.2f}" for k, v in sorted(weights.items(), key=lambda kv: -abs(kv[1]))))
    if args.write:
        about = (
            "attribution speaker ranker: logistic regression over (pronoun or role, candidate) pairs, "
            f"evaluation/train_speakers.py; fitted on {ggt.ANNOTATIONS.describe()}, development outlets "
            f"{sorted({a.outlet for a in articles})}"
        )
        write_linear_model(MODEL, about, FEATURES, scaler, model, best_threshold)


if __name__ == "__main__":
    main()
