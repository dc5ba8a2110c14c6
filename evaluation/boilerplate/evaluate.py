"""Measure the shipped line classifier: on the test sites (never seen in fitting or tuning), line by line,
with the C4 line rules on the same lines side by side; on clean copy, the share of articles that get a
boilerplate warning; and on the in-house set, kept as a regression test."""

from __future__ import annotations

import numpy as np

from evaluation.boilerplate.c4 import c4_drops
from evaluation.boilerplate.clean import reuters_stories
from evaluation.boilerplate.pages import KINDS
from evaluation.boilerplate.train import Table
from reliability.check import CheckContext
from reliability.checks.off_topic import OffTopicCheck
from reliability.checks.off_topic.line_model import load_model
from reliability.document import Document
from reliability.models import Article


def scores(flagged: np.ndarray, y: np.ndarray) -> dict:
    """Precision, recall and F1 of `flagged` lines against the boilerplate labels `y`."""
    found = int((flagged & (y == 1)).sum())
    precision = found / max(1, int(flagged.sum()))
    recall = found / max(1, int((y == 1).sum()))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "lines": int(y.size),
        "boilerplate": int((y == 1).sum()),
    }


def on_lines(table: Table, pages: list) -> dict:
    """What ships (`find_boilerplate`: the model, the trusted families, the position rules) and the C4 rules,
    on every line of one split's pages, by set and by gold class; the model alone at its bar beside them."""
    from evaluation.boilerplate.lines import as_document
    from reliability.checks.off_topic.boilerplate import find_boilerplate

    chosen = set(table.pages)
    flagged, labels, kinds, texts, sets = [], [], [], [], []
    for page in pages:
        if f"{page.set}:{page.page}" not in chosen:
            continue
        built = as_document(page)
        hits = [h for h in find_boilerplate(built.document) if not h.syndication]
        for block, label, kind in zip(built.document.blocks, built.labels, built.kinds):
            flagged.append(any(h.start < block.end and block.start < h.end for h in hits))
            labels.append(label)
            kinds.append(kind)
            texts.append(block.text)
            sets.append(page.set)
    ours, y, kinds_a, sets_a = np.array(flagged), np.array(labels), np.array(kinds), np.array(sets)
    c4 = np.array([c4_drops(text) for text in texts], dtype=bool)
    model = load_model()
    probability = model.probabilities(table.x.tolist())
    result = {
        "all": {
            "shipped": scores(ours, y),
            "model_alone": scores(probability >= model.warn_at, table.y),
            "c4": scores(c4, y),
        },
        "pages": len(chosen),
    }
    for name in sorted(set(sets)):
        keep = sets_a == name
        result[name] = {"shipped": scores(ours[keep], y[keep]), "c4": scores(c4[keep], y[keep])}
    result["flagged_share_by_gold_class"] = {
        KINDS[kind]: {
            "lines": int((kinds_a == kind).sum()),
            "shipped_flags": round(float(ours[kinds_a == kind].mean()), 3),
            "c4_drops": round(float(c4[kinds_a == kind].mean()), 3),
        }
        for kind in sorted(set(kinds))
    }
    result["calibration"] = calibration_table(probability, table.y)
    return result


def calibration_table(probability: np.ndarray, y: np.ndarray, bins: int = 5) -> list[dict]:
    """Observed boilerplate rate per band of predicted probability: a calibrated confidence matches it."""
    rows = []
    edges = np.linspace(0, 1, bins + 1)
    for low, high in zip(edges[:-1], edges[1:]):
        keep = (probability >= low) & (probability < high if high < 1 else probability <= high)
        if keep.any():
            rows.append(
                {
                    "band": f"{low:.1f}-{high:.1f}",
                    "lines": int(keep.sum()),
                    "mean_confidence": round(float(probability[keep].mean()), 3),
                    "observed": round(float(y[keep].mean()), 3),
                }
            )
    return rows


def warned_articles(articles: list[tuple[str, str, str]]) -> dict:
    """How many of (id, title, text) articles get at least one boilerplate warning, and on which lines."""
    check = OffTopicCheck()
    warned, lines = 0, []
    for ident, title, text in articles:
        document = Document(Article(id=ident, title=title or None, text=text))
        found = [f for f in check.run(document, CheckContext()).findings if f.code == "off_topic.boilerplate"]
        warned += bool(found)
        lines += [text[f.start : f.end][:80] for f in found]
    return {
        "articles": len(articles),
        "warned": warned,
        "share": round(warned / max(1, len(articles)), 4),
        "examples": lines[:10],
    }


def clean_copy(seeds: list[tuple[str, str, str]], in_house: list[tuple[str, str, str]]) -> dict:
    return {
        "reuters": warned_articles(reuters_stories()),
        "in_house_clean_controls": warned_articles(in_house),
        "seed_001": warned_articles(seeds),
    }


def same_features(table: Table, pages: list, sites: int = 30) -> bool:
    """The cached rows equal what the package computes now, on every page of `sites` test sites (a stale
    cache would measure another model than the one shipped)."""
    from evaluation.boilerplate.train import tables

    in_table = set(table.pages)
    chosen = sorted({p.site for p in pages if f"{p.set}:{p.page}" in in_table})[:sites]
    fresh = tables([p for p in pages if p.site in chosen])
    cached = np.array(table.pages)
    for t in fresh.values():
        for page in sorted(set(t.pages)):
            if not np.allclose(t.x[np.array(t.pages) == page], table.x[cached == page]):
                return False
    return True
