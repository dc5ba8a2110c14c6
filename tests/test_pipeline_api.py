"""The API as a pipeline uses it: mixed inputs to score_many, one row per report, a DataFrame."""

from __future__ import annotations

import pytest

from reliability import Article, Engine, to_frame


@pytest.fixture(scope="module")
def engine():
    return Engine(checks=["integrity", "duplication"], load_entrypoints=False, semantic=False)


def test_score_many_takes_articles_dicts_and_strings_with_ids_from_the_position(engine):
    reports = list(
        engine.score_many(
            [
                "The council met on Monday.",
                {"text": "The mayor spoke on Tuesday.", "author": "J. Smith"},
                {"id": "given", "text": "Schools reopen on Wednesday.", "source": "x.org", "title": "Schools"},
                Article(id="article", text="Trains run late on Thursday."),
            ]
        )
    )
    assert [r.id for r in reports] == ["0", "1", "given", "article"]
    assert reports[1].meta == {"author": "J. Smith"} and reports[2].title == "Schools"
    assert reports[2].source == "x.org"


def test_score_many_rejects_what_is_not_an_article(engine):
    with pytest.raises(TypeError, match="cannot score a int"):
        list(engine.score_many([3]))


def test_from_record_keeps_extra_fields_and_given_meta():
    article = Article.from_record({"id": 5, "text": "T.", "meta": {"a": 1}, "b": 2, "url": "https://x.org"})
    assert (article.id, article.url, article.meta) == ("5", "https://x.org", {"a": 1, "b": 2})


def test_rows_have_the_same_columns_and_a_frame_has_a_row_per_report(engine):
    reports = list(engine.score_many(["Short.", {"id": "x", "text": "A longer text about the harbour.", "k": [1]}]))
    rows = [r.to_row() for r in reports]
    assert list(rows[0]) == list(rows[1])
    assert rows[0]["integrity_score"] == reports[0].check("integrity").score
    assert rows[1]["meta"] == '{"k": [1]}' and rows[0]["meta"] == ""
    pd = pytest.importorskip("pandas")
    frame = to_frame(reports)
    assert isinstance(frame, pd.DataFrame) and list(frame["id"]) == ["0", "x"] and "duplication_score" in frame


def test_a_check_that_loses_points_without_a_warning_says_why():
    from reliability.render.common import score_reason

    engine = Engine(checks=["readability", "attribution"], load_entrypoints=False, semantic=False)
    dense = (
        "The aforementioned constitutional interpretations, jurisprudentially considered, necessitate "
        "comprehensive reevaluation of administrative responsibilities and intergovernmental mechanisms. "
    ) * 12
    report = engine.score(dense)
    readability = report.check("readability")
    assert readability.score < 1 and not [f for f in readability.findings if f.severity != "info"]
    assert score_reason(readability).startswith("Harder than news prose: Flesch reading ease")
    assert score_reason(report.check("attribution")).startswith("Below full marks: sources worth 0 of the 4 points")
