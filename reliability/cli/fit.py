"""`reliability fit`: learn a calibrated scoring model from articles labelled reliable / unreliable."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from reliability.cli.common import EXIT_OK, Commands, UsageError, build_engine

if TYPE_CHECKING:
    from reliability.models import Article

LABELS = {"1": 1, "reliable": 1, "true": 1, "0": 0, "unreliable": 0, "false": 0}


def add_parser(commands: Commands) -> None:
    fit = commands.add_parser(
        "fit",
        help="learn a calibrated scoring model from labelled articles",
        description="Each JSONL line is an article (id, text, source, url, ...) plus 'label' (1/reliable or "
        "0/unreliable) and optionally 'split' (train or dev). With dev articles, the model is fitted on "
        "train, its regularisation chosen and its calibration fitted on dev; without, both are chosen by a "
        "5-fold cross-validation by source (no source in two folds), and the model refitted on all.",
    )
    fit.add_argument("paths", nargs="+", metavar="LABELLED.jsonl")
    fit.add_argument("--out", required=True, metavar="MODEL.json", help="where to write the model")
    fit.add_argument("--calibration", choices=("platt", "isotonic"), default="platt")
    fit.add_argument(
        "--scores-only",
        action="store_true",
        help="learn from the check scores alone, with weights that cannot be negative",
    )
    fit.add_argument("--config", metavar="FILE", help="TOML settings file (which checks run, their options)")
    fit.add_argument("--checks", help="run only these checks, comma-separated")
    fit.add_argument("--semantic", choices=("auto", "on", "off"), default="auto")
    fit.add_argument("--workers", type=int, default=1, help="worker processes for scoring (default 1)")


def run(args: argparse.Namespace, out: TextIO) -> int:
    from reliability.fitting import Example, fit
    from reliability.store import source_of

    records = list(_read_labelled(args.paths))
    engine = build_engine(args)
    articles = [article for article, _, _ in records]
    examples: dict[str, list[Example]] = {"train": [], "dev": []}
    for (_article, label, split), report in zip(
        records, engine.score_many(articles, workers=args.workers), strict=True
    ):
        examples[split or "train"].append(Example(report.checks, label, source_of(report)))
    try:
        model = fit(
            examples["train"],
            examples["dev"],
            calibration=args.calibration,
            scores_only=args.scores_only,
            name=args.out.rsplit("/", 1)[-1].removesuffix(".json"),
            provenance={"labelled": list(args.paths)},
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    try:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(model, indent=1) + "\n")
    except OSError as exc:
        raise UsageError(f"cannot write {args.out}: {exc.strerror or exc}") from None
    training = model["training"]
    out.write(
        f"{args.out}: {len(model['features'])} inputs, {training['train_articles']} training and "
        f"{training['dev_articles']} dev articles; held out ({training['selection']}): ROC AUC "
        f"{training['held_out_roc_auc']:.3f}, calibration error {training['held_out_calibration_error']:.3f}\n"
    )
    return EXIT_OK


def _read_labelled(paths: list[str]) -> Iterator[tuple[Article, int, str | None]]:
    """(Article, label, split or None) per line; a bad line is a usage error naming it."""
    from pydantic import ValidationError

    from reliability.io import decode
    from reliability.models import Article

    for path in paths:
        try:
            fh = open(path, "rb")  # noqa: SIM115 - closed below, after a generator's lifetime
        except OSError as exc:
            raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
        with fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(decode(line))
                    label = LABELS.get(str(record.pop("label", "")).strip().lower())
                    split = record.pop("split", None)
                    if label is None:
                        raise ValueError("'label' must be 1/reliable or 0/unreliable")
                    if split not in (None, "train", "dev"):
                        raise ValueError("'split' must be train or dev")
                    yield Article.model_validate(record), label, split
                except ValidationError as exc:
                    reason = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
                    raise UsageError(f"{path}:{number}: not a labelled article ({reason})") from None
                except (ValueError, AttributeError) as exc:  # bad JSON, a label missing, a line that is no object
                    raise UsageError(f"{path}:{number}: not a labelled article ({exc})") from None
