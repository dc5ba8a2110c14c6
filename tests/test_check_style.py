"""style: article-level marks of reported news against a pitch, as rates per 1,000 words."""

from reliability import Engine
from reliability.checks.style import style_metrics, tone_score
from reliability.document import Document
from reliability.models import Article

REPORTED = (
    "WASHINGTON (Reuters) - The Senate voted 52-48 on Tuesday to pass the bill, Sen. Jane Roe said.\n"
    "\"We had the votes,\" Roe told reporters, adding that the House would take it up on Thursday."
)
PITCH = (
    "You WON'T BELIEVE what they did now! This is SHOCKING and totally insane.\n"
    "I told you so. Share this before they delete it! Read more at http://example.com #truth @patriot"
)


def metrics(text: str, title: str | None = None) -> dict[str, float]:
    return style_metrics(Document(Article(id="a", text=text, title=title)))


def test_reported_copy_shows_dateline_weekdays_titles_and_reporting_verbs():
    m = metrics(REPORTED, "Senate passes the budget bill")
    assert m["dateline"] == 1.0 and m["weekdays_per_1000_words"] > 0 and m["titles_per_1000_words"] > 0
    assert m["reporting_verbs_per_1000_words"] > 0 and m["numbers_per_1000_words"] > 0
    assert m["second_person_per_1000_words"] == 0 and m["exclamations_per_1000_words"] == 0
    assert m["title_capitalised_share"] == 0.2 and m["title_shouts"] == 0.0


def test_a_pitch_shows_address_shouting_sensational_words_and_links():
    m = metrics(PITCH, "They Did WHAT?!")
    assert m["dateline"] == 0.0 and m["second_person_per_1000_words"] > 50 and m["first_person_per_1000_words"] > 0
    assert m["caps_words_per_1000_words"] > 0 and m["sensational_words_per_1000_words"] > 50
    assert m["links_per_1000_words"] > 0 and m["handles_per_1000_words"] > 0 and m["title_shouts"] == 1.0


def test_the_tone_score_only_falls_for_pitch_marks():
    assert tone_score(metrics(REPORTED)) == 1.0
    assert tone_score(metrics(PITCH)) < 0.3


def test_the_check_reports_metrics_without_findings_and_weighs_nothing_in_the_formula():
    report = Engine(semantic=False, checks=["style", "integrity"]).score(PITCH)
    style = next(r for r in report.checks if r.name == "style")
    assert style.weight == 0.0 and not style.findings and style.metrics["exclamations_per_1000_words"] > 0
    assert "style" not in report.explanation.checks


def test_an_article_without_words_gets_no_rates():
    assert metrics("  ...  ") == {}
