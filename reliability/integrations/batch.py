"""Articles as columns in, report fields as columns out: what Ray Data, Dask and Spark pass around.

A batch is a mapping of equal-length columns (a dict of lists or numpy arrays, or a pandas DataFrame)
with an `id` and a `text` column and, optionally, `title`, `source`, `url`, `published` and
`language`. The scorer builds its Engine once, when it is constructed (once per Ray actor, Dask
partition or Spark task), and returns one row per article, in order:

- `id`, `source`, `score` (0-100), `label`;
- `score_<check>` for every check the engine runs (NaN where the check failed);
- `findings`: the article's findings as a JSON array (each with its `check`, `code`, `severity`,
  `message`, `start`, `end`, `confidence` and `related` spans);
- `errors`: a JSON object of the checks that failed and why (`{}` when none did);
- `report`: the whole report as JSON, exactly what `reliability score --format jsonl` writes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

from reliability.config import Settings
from reliability.engine import Engine
from reliability.models import Article, Report

ARTICLE_COLUMNS = ("title", "source", "url", "published", "language")


class ReliabilityScorer:
    """A callable that scores a batch of articles; construct once per worker (a Ray actor, a Spark task)."""

    def __init__(self, settings: Settings | Mapping[str, Any] | None = None, plugins: Iterable[object] = ()) -> None:
        if not isinstance(settings, Settings):
            settings = Settings.load(**dict(settings or {}))
        self.engine = Engine(settings, plugins=plugins)
        self.check_names = [check.name for check in self.engine.checks]

    def __call__(self, batch: Mapping[str, Any]) -> dict[str, list[Any]]:
        return report_columns((self.engine.score(a) for a in articles_from(batch)), self.check_names)


def articles_from(batch: Mapping[str, Any]) -> list[Article]:
    """The batch's rows as Articles; a missing, null or NaN optional field is left unset."""
    ids, texts = list(batch["id"]), list(batch["text"])
    optional = {name: list(batch[name]) for name in ARTICLE_COLUMNS if name in batch}
    return [
        Article(id=str(ids[i]), text=_text(texts[i]), **{k: _optional(v[i]) for k, v in optional.items()})
        for i in range(len(ids))
    ]


def report_columns(reports: Iterable[Report], check_names: list[str]) -> dict[str, list[Any]]:
    """One row per report, in the columns the module docstring lists."""
    columns: dict[str, list[Any]] = {
        name: [] for name in ("id", "source", "score", "label", *(f"score_{c}" for c in check_names),
                              "findings", "errors", "report")
    }
    for report in reports:
        by_name = {result.name: result for result in report.checks}
        columns["id"].append(report.id)
        columns["source"].append(report.source)
        columns["score"].append(report.score)
        columns["label"].append(report.label)
        for name in check_names:
            result = by_name.get(name)
            columns[f"score_{name}"].append(result.score if result and result.score is not None else math.nan)
        findings = [f.model_dump(mode="json") for result in report.checks for f in result.findings]
        columns["findings"].append(json.dumps(findings, ensure_ascii=False))
        columns["errors"].append(json.dumps({r.name: r.error for r in report.checks if r.error}, ensure_ascii=False))
        columns["report"].append(report.model_dump_json())
    return columns


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return "" if _missing(value) else str(value)


def _optional(value: Any) -> str | None:
    return None if _missing(value) else str(value)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))
