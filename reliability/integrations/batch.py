"""Articles as columns in, report rows as columns out: what Ray Data, Dask and Spark pass around.

A batch is a mapping of equal-length columns (a dict of lists or numpy arrays, or a pandas DataFrame)
with an `id` and a `text` column and, optionally, `title`, `source`, `url`, `published` and
`language`; any other column is carried to the report's `meta`, as for any record. The scorer builds
its Engine once, when it is constructed (once per Ray actor, Dask partition or Spark task), and
returns one row per article, in order: the columns of `Report.to_row()` (`id`, `source`, `score`,
`label`, a `<check>_score` per check, ...), `findings` (the article's findings as a JSON array: check,
code, severity, message, start, end, confidence, related spans) and `report` (the whole report as
JSON, exactly what `reliability score --format jsonl` writes).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

from reliability.config import Settings
from reliability.engine import Engine
from reliability.models import Article, Report


class ReliabilityScorer:
    """A callable that scores a batch of articles; construct once per worker (a Ray actor, a Spark task)."""

    def __init__(self, settings: Settings | Mapping[str, Any] | None = None, plugins: Iterable[object] = ()) -> None:
        if not isinstance(settings, Settings):
            settings = Settings.load(**dict(settings or {}))
        self.engine = Engine(settings, plugins=plugins)

    def __call__(self, batch: Mapping[str, Any]) -> dict[str, list[Any]]:
        rows = self.rows(_records(batch))
        columns = list(rows[0]) if rows else self.columns
        return {key: [row[key] for row in rows] for key in columns}

    def rows(self, records: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
        """Records (dicts with `id`, `text`, ...) in, one dict of report columns per record out: for a Dask
        bag's partitions and other row-wise frameworks."""
        return [_row(report) for report in self.engine.score_many(dict(r) for r in records)]

    @property
    def columns(self) -> list[str]:
        """The output columns, in order (what a Spark schema must list)."""
        return list(_row(self.engine.score(Article(id="", text=""))))


def _row(report: Report) -> dict[str, Any]:
    findings = [f.model_dump(mode="json") for f in report.findings]
    return {**report.to_row(), "findings": json.dumps(findings, ensure_ascii=False), "report": report.model_dump_json()}


def _records(batch: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The batch's rows as records; null and NaN fields left out, numpy values made plain Python."""
    columns = {str(name): list(batch[name]) for name in batch}
    count = len(columns.get("id", columns.get("text", [])))
    records = []
    for i in range(count):
        plain = {name: _plain(values[i]) for name, values in columns.items()}
        record = {name: value for name, value in plain.items() if not _missing(value)}
        record["id"] = str(record.get("id", i))
        text = record.get("text", "")
        record["text"] = text.decode("utf-8", errors="replace") if isinstance(text, bytes) else str(text)
        records.append(record)
    return records


def _plain(value: Any) -> Any:
    if hasattr(value, "tolist"):  # a numpy scalar or array (a list column)
        return value.tolist()
    return value


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))
