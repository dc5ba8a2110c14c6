"""The embedded store: one row per article, replaced on re-scoring, safe under concurrent writers."""

import multiprocessing
import sqlite3
import zlib

import pytest

from reliability.models import CheckResult, EngineInfo, Finding, Report
from reliability.store import MIGRATIONS, SCHEMA_VERSION, Store, StoreError, source_of, text_hash


def make_report(
    article_id: str,
    score: float = 50.0,
    source: str | None = "site.org",
    url: str | None = None,
    published: str | None = "2026-11-03",
    codes: tuple[str, ...] = (),
) -> Report:
    findings = [Finding(check="off_topic", code=c, severity="warning", message="m", start=0, end=1) for c in codes]
    label = "high" if score >= 75 else "medium" if score >= 50 else "low"
    return Report(
        id=article_id,
        source=source,
        url=url,
        published=published,
        score=score,
        label=label,
        checks=[
            CheckResult(name="off_topic", version="1", score=score / 100, findings=findings),
            CheckResult(name="readability", version="1", score=1.0),
        ],
        engine=EngineInfo(version="0", elapsed_ms=0),
    )


def test_a_report_is_kept_with_its_article_fields_and_text_hash(tmp_path):
    with Store(tmp_path / "r.db") as store:
        store.add(make_report("a", url="https://www.site.org/x").model_copy(update={"title": "T"}), "the text")
        row = store.db.execute(
            "SELECT source, id, url, title, published, month, text_sha256, score FROM reports"
        ).fetchone()
        assert row == (
            "site.org",
            "a",
            "https://www.site.org/x",
            "T",
            "2026-11-03",
            "2026-11",
            text_hash("the text"),
            50.0,
        )
        assert store.report("a", "site.org").title == "T"


def test_rescoring_replaces_the_row_and_its_check_and_finding_rows(tmp_path):
    with Store(tmp_path / "r.db") as store:
        store.add(make_report("a", 30.0, codes=("off_topic.boilerplate",)), "v1")
        store.add(make_report("a", 80.0), "v2")
        assert len(store) == 1
        assert store.db.execute("SELECT score, text_sha256 FROM reports").fetchone() == (80.0, text_hash("v2"))
        assert store.db.execute("SELECT COUNT(*) FROM check_scores").fetchone()[0] == 2
        assert store.db.execute("SELECT COUNT(*) FROM finding_counts").fetchone()[0] == 0


def test_source_comes_from_the_report_then_the_url_domain_then_the_fallback():
    assert source_of(make_report("a", source="Reuters")) == "Reuters"
    assert source_of(make_report("a", source=None, url="https://www.example.com/a?b=1")) == "example.com"
    assert source_of(make_report("a", source=None), "feed-3") == "feed-3"
    assert source_of(make_report("a", source=" ")) == "(unknown)"


def test_the_store_runs_in_wal_mode_and_records_its_schema_version(tmp_path):
    with Store(tmp_path / "r.db") as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.version == SCHEMA_VERSION == len(MIGRATIONS)


def test_an_older_store_migrates_forward_keeping_its_rows(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    for statement in MIGRATIONS[0]:
        db.execute(statement)
    report = make_report("kept")
    key = db.execute(
        "INSERT INTO reports (source, id, score, label, scored_at) VALUES ('s', 'kept', 50, 'medium', '2026-01-01')"
    ).lastrowid
    db.execute("INSERT INTO bodies VALUES (?, ?)", (key, zlib.compress(report.model_dump_json().encode())))
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with Store(path) as store:
        assert store.version == SCHEMA_VERSION
        assert store.report("kept", "s").id == "kept"
        indexes = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"reports_by_source", "check_scores_by_source"} <= indexes
        assert store.db.execute("SELECT source, articles, score_sum FROM source_months").fetchall() == [("s", 1, 50.0)]


def test_running_totals_match_a_recount_after_many_replacements(tmp_path):
    import random

    rng = random.Random(3)
    with Store(tmp_path / "r.db") as store:
        for _ in range(300):
            i = rng.randrange(60)  # many ids written several times, with changing scores, months and codes
            report = make_report(
                f"a{i}",
                float(rng.randrange(101)),
                source=f"s{i % 4}",
                published=f"2026-0{rng.randrange(1, 4)}-01",
                codes=("off_topic.boilerplate",) * rng.randrange(3),
            )
            store.add(report, "t")
        recount = store.db.execute(
            "SELECT source, month, COUNT(*), ROUND(SUM(score), 6), SUM(label = 'low') FROM reports "
            "GROUP BY source, month ORDER BY source, month"
        ).fetchall()
        totals = store.db.execute(
            "SELECT source, month, articles, ROUND(score_sum, 6), low FROM source_months WHERE articles > 0 "
            "ORDER BY source, month"
        ).fetchall()
        assert totals == recount
        codes = store.db.execute("SELECT source, SUM(count) FROM finding_counts GROUP BY source ORDER BY source")
        kept = store.db.execute("SELECT source, SUM(count) FROM source_codes GROUP BY source ORDER BY source")
        assert codes.fetchall() == kept.fetchall()


def test_a_store_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "new.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "x.db"
    path.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a usable store"):
        Store(path)


WRITES = 5000


def _write(path: str, prefix: str) -> None:
    store = Store(path)
    batch = []
    for i in range(WRITES):
        batch.append((make_report(f"{prefix}{i}", float(i % 100), source=f"s{i % 7}"), f"{prefix}{i}"))
        if len(batch) == 100:
            store.add_many(batch)
            batch = []
    store.close()


def test_two_concurrent_writers_lose_and_duplicate_nothing(tmp_path):
    path = str(tmp_path / "busy.db")
    Store(path).close()
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_write, args=(path, prefix)) for prefix in ("a", "b")]
    for w in writers:
        w.start()
    for w in writers:
        w.join(timeout=300)
    assert [w.exitcode for w in writers] == [0, 0]
    with Store(path) as store:
        assert len(store) == 2 * WRITES
        ids = {r[0] for r in store.db.execute("SELECT id FROM reports")}
        assert ids == {f"{p}{i}" for p in "ab" for i in range(WRITES)}
        assert store.db.execute("SELECT COUNT(*) FROM check_scores").fetchone()[0] == 2 * 2 * WRITES
