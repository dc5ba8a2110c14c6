"""Scale-out integrations: the batch scorer gives the plain engine's reports, on its own and on Ray Data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reliability.config import Settings
from reliability.engine import Engine
from reliability.integrations.batch import ReliabilityScorer

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

SETTINGS = {"load_entrypoints": False, "semantic": False}


def _records() -> list[dict]:
    feed = [
        json.loads(line) for line in (EXAMPLES / "feed.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    files = [{"id": p.name, "text": p.read_text(encoding="utf-8")} for p in sorted(EXAMPLES.glob("*.txt"))]
    return feed + files


def _expected() -> list[dict]:
    from reliability.models import Article

    engine = Engine(Settings.load(**SETTINGS))
    return [json.loads(engine.score(Article.model_validate(r)).model_dump_json()) for r in _records()]


def _comparable(report: dict) -> dict:
    """A report without its timings, which differ run to run."""
    report = dict(report, engine={**report["engine"], "elapsed_ms": 0})
    report["checks"] = [dict(c, elapsed_ms=0) for c in report["checks"]]
    return report


def test_the_batch_scorer_gives_the_engines_reports_as_columns():
    records = _records()
    columns = {key: [r.get(key) for r in records] for key in ("id", "text", "title", "source")}
    out = ReliabilityScorer(SETTINGS)(columns)
    expected = _expected()
    assert out["id"] == [r["id"] for r in records]
    assert [_comparable(json.loads(r)) for r in out["report"]] == [_comparable(r) for r in expected]
    for i, report in enumerate(expected):
        assert out["score"][i] == report["score"] and out["label"][i] == report["label"]
        for check in report["checks"]:
            assert out[f"{check['name']}_score"][i] == check["score"]
        findings = sorted(
            (f for c in report["checks"] for f in c["findings"]), key=lambda f: (f["start"], f["end"], f["check"])
        )
        assert json.loads(out["findings"][i]) == findings
        assert out["failed_checks"][i] == ""


def test_missing_fields_bytes_and_extra_columns_are_read_as_articles():
    import numpy as np

    scorer = ReliabilityScorer(SETTINGS)
    out = scorer(
        {
            "id": np.array([1, 2]),
            "text": [b"Officials met on Tuesday.", None],
            "source": [float("nan"), "x.org"],
            "author": ["A. Writer", None],
        }
    )
    assert out["id"] == ["1", "2"] and out["source"] == [None, "x.org"]
    assert json.loads(out["meta"][0]) == {"author": "A. Writer"} and out["meta"][1] == ""
    assert json.loads(out["report"][1])["checks"]  # an empty text still gets a report
    assert list(scorer({"id": [], "text": []})) == scorer.columns


@pytest.mark.slow  # a local Ray takes about a minute to start and stop
def test_ray_data_map_batches_gives_the_plain_engines_reports():
    ray = pytest.importorskip("ray", reason="the ray extra is not installed: pip install -e '.[ray]'")
    from reliability.integrations.ray import ReliabilityScorer as RayScorer

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        dataset = ray.data.from_items(_records())
        rows = dataset.map_batches(
            RayScorer, fn_constructor_kwargs={"settings": SETTINGS}, concurrency=2, batch_size=2
        ).take_all()
    finally:
        ray.shutdown()
    by_id = {row["id"]: _comparable(json.loads(row["report"])) for row in rows}
    assert by_id == {r["id"]: _comparable(r) for r in _expected()}


def _score_partition(records):
    return ReliabilityScorer(SETTINGS).rows(records)


@pytest.mark.slow  # starts a process pool that imports the package afresh
def test_dask_bag_map_partitions_gives_the_plain_engines_reports():
    bag = pytest.importorskip("dask.bag", reason="the dask extra is not installed: pip install -e '.[dask]'")
    rows = (
        bag.from_sequence(_records(), npartitions=3)
        .map_partitions(_score_partition)
        .compute(scheduler="processes", num_workers=2)
    )
    assert [row["id"] for row in rows] == [r["id"] for r in _records()]
    assert [_comparable(json.loads(row["report"])) for row in rows] == [_comparable(r) for r in _expected()]
