"""Score each labelled article once: reports are kept in a JSONL cache keyed by a hash of the article."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

import reliability
from reliability.engine import Engine
from reliability.models import Article, Report


def code_version() -> str:
    """A hash of the code that makes reports (the checks and the Document), naming the cache it fills."""
    package = Path(reliability.__file__).parent
    digest = hashlib.sha1()
    for path in sorted([*package.glob("checks/**/*.py"), *package.glob("checks/**/*.json"), package / "document.py"]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def article_key(article: Article) -> str:
    return hashlib.sha1(f"{article.id}\0{article.title}\0{article.text}".encode()).hexdigest()


def cached_reports(engine: Engine, articles: Iterable[Article], cache: Path, workers: int = 1) -> dict[str, Report]:
    """Report per article id; articles not yet in `cache` are scored and appended to it."""
    articles = list(articles)
    known: dict[str, Report] = {}
    if cache.exists():
        with cache.open(encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                known[record["key"]] = Report.model_validate(record["report"])
    missing = [a for a in articles if article_key(a) not in known]
    if missing:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with cache.open("a", encoding="utf-8") as fh:
            for article, report in zip(missing, engine.score_many(missing, workers=workers), strict=True):
                known[article_key(article)] = report
                fh.write(json.dumps({"key": article_key(article), "report": report.model_dump(mode="json")}) + "\n")
                fh.flush()
    return {a.id: known[article_key(a)] for a in articles}
