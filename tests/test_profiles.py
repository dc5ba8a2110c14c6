"""Source profiles from the store: means, shrinkage, intervals, trends; and their text, CSV, JSON, HTML."""

import csv
import io
import json

from test_store import make_report

from reliability.cli import main
from reliability.profiles import SourceRollup, profiles
from reliability.render.sources import to_csv, to_html, to_text
from reliability.store import Store


def filled_store() -> Store:
    store = Store(":memory:")
    for i in range(40):  # a big, good source across two months
        store.add(make_report(f"big{i}", 70.0 + i % 20, source="big.org", published=f"2026-0{1 + i % 2}-10"))
    for i in range(2):  # a small, bad source
        store.add(make_report(f"small{i}", 10.0, source="small.net", codes=("off_topic.boilerplate",) * 2))
    for i in range(30):
        store.add(make_report(f"mid{i}", 40.0 + i % 10, source="mid.com"))
    return store


def test_profiles_give_counts_means_labels_checks_findings_histogram_and_trend():
    by_source = {p.source: p for p in profiles(filled_store())}
    big, small = by_source["big.org"], by_source["small.net"]
    assert big.articles == 40 and big.mean_score == 79.5 and big.labels == {"high": 30, "medium": 10}
    assert small.low_share == 1.0 and small.findings == {"off_topic.boilerplate": 4}
    assert small.check_means == {"off_topic": 0.1, "readability": 1.0}
    assert sum(big.histogram) == 40 and big.histogram[7] == 20 and big.histogram[8] == 20
    assert [(t.month, t.articles) for t in big.trend] == [("2026-01", 20), ("2026-02", 20)]


def test_a_source_with_few_articles_is_shrunk_toward_the_overall_mean_and_less_certain():
    by_source = {p.source: p for p in profiles(filled_store())}
    big, small = by_source["big.org"], by_source["small.net"]
    overall = (40 * 79.5 + 2 * 10.0 + 30 * 44.5) / 72
    assert small.mean_score < small.score < overall  # pulled up, toward everyone's mean
    assert abs(big.score - big.mean_score) < abs(small.score - small.mean_score)
    assert small.interval[0] <= small.score <= small.interval[1]
    assert big.interval[1] - big.interval[0] < small.interval[1] - small.interval[0]
    assert [p.source for p in profiles(filled_store())] == ["small.net", "mid.com", "big.org"]  # worst first


def test_one_source_alone_keeps_its_own_mean():
    store = Store(":memory:")
    for i, score in enumerate((20.0, 40.0, 60.0)):
        store.add(make_report(str(i), score))
    (profile,) = profiles(store)
    assert profile.score == profile.mean_score == 40.0 and profile.interval[0] < 40.0 < profile.interval[1]


def test_rollup_of_one_run_counts_repeated_ids_and_uses_the_fallback_source():
    rollup = SourceRollup()
    for score in (80.0, 40.0):
        rollup.add(make_report("same-id", score, source=None), "text", source="feed")
    (profile,) = rollup.profiles()
    assert profile.source == "feed" and profile.articles == 2 and profile.mean_score == 60.0


def test_outputs_escape_what_came_from_the_input():
    store = Store(":memory:")
    store.add(make_report("a", source="<script>alert(1)</script>\x1b[2J"))
    found = profiles(store)
    page = to_html(found)
    assert "<script>" not in page and "&lt;script&gt;" in page and "<svg" in page
    assert "http" not in page.replace("http://www.w3.org", "")  # nothing fetched from anywhere
    assert "\x1b" not in to_text(found)
    rows = list(csv.DictReader(io.StringIO(to_csv(found))))
    assert rows[0]["articles"] == "1" and rows[0]["first_month"] == "2026-11"


def test_cli_keeps_reports_in_the_store_and_profiles_them(tmp_path, capsys):
    articles = tmp_path / "a.jsonl"
    articles.write_text(
        json.dumps(
            {
                "id": "1",
                "text": "The council met on Monday. It voted 31 to 9 to fund the bridge.",
                "url": "https://www.town.gov/news/1",
                "published": "2026-10-01",
            }
        )
        + "\n"
        + json.dumps({"id": "2", "text": "The council met again. Officials said the vote would be repeated."})
        + "\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "r.db")
    argv = ["score", str(articles), "--store", db, "--source", "inbox", "--semantic", "off", "--format", "jsonl"]
    assert main(argv) == 0
    assert main(argv) == 0  # scoring again replaces, never duplicates
    capsys.readouterr()
    assert main(["sources", "--store", db, "--format", "json"]) == 0
    found = {p["source"]: p for p in json.loads(capsys.readouterr().out)}
    assert set(found) == {"town.gov", "inbox"} and found["town.gov"]["articles"] == 1
    assert found["town.gov"]["trend"][0]["month"] == "2026-10"
    for fmt, marker in (("text", "town.gov: 1 article,"), ("csv", "source,articles,score"), ("html", "<svg")):
        assert main(["sources", "--store", db, "--format", fmt]) == 0
        assert marker in capsys.readouterr().out


def test_cli_sources_needs_paths_or_a_store(capsys):
    assert main(["sources"]) == 2
    assert "--store" in capsys.readouterr().err
