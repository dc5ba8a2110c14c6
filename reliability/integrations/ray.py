"""Ray Data: score a dataset of articles on a cluster, the Engine built once per actor.

    import ray
    from reliability.integrations.ray import ReliabilityScorer

    articles = ray.data.read_json("articles.jsonl")          # columns id, text (+ title, source, ...)
    reports = articles.map_batches(
        ReliabilityScorer,
        fn_constructor_kwargs={"settings": {"semantic": False}},  # Settings fields, or a Settings
        concurrency=8,           # actors; each builds one Engine and keeps it
        batch_size=64,
    )
    reports.write_parquet("reports/")                        # id, score, label, score_<check>, findings, ...

The columns are those of `reliability.integrations.batch`. Needs the `ray` extra
(`pip install "news-reliability[ray]"`).
"""

from __future__ import annotations

from reliability.integrations.batch import ReliabilityScorer

__all__ = ["ReliabilityScorer"]
