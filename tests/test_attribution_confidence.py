"""The attribution statement scorer: its shipped model, and what the rules hand it."""

from __future__ import annotations

from reliability.check import CheckContext
from reliability.checks.attribution import AttributionCheck
from reliability.checks.attribution.confidence import FEATURES, load_model, statement_features
from reliability.checks.attribution.statements import find_statements
from reliability.document import Document
from reliability.models import Article


def document(text: str) -> Document:
    return Document(Article(id="t", text=text))


def run(text: str):
    return AttributionCheck().run(document(text), CheckContext())


def test_the_shipped_model_reads_the_features_the_check_computes():
    model = load_model()
    assert len(model.weights) == len(FEATURES) and 0.0 < model.threshold < 1.0
    doc = document("The mayor said on Tuesday that the bridge would close. “It is not safe,” she told reporters.")
    statements, _ = find_statements(doc)
    assert statements and all(len(statement_features(doc, s)) == len(FEATURES) for s in statements)


def test_reported_statements_carry_a_confidence_at_or_above_the_threshold():
    text = (
        "Council leader Maria Ellison said on Monday that the bridge would close for a year. "
        "“We have no choice,” she said. Experts believe the works could last longer.\n"
        "Residents carried banners reading “Save Our Bridge” and “Not One More Year”."
    )
    result = run(text)
    threshold = load_model().threshold
    assert result.details["quotes"]
    assert all(q["confidence"] >= threshold for q in result.details["quotes"])
    assert result.metrics["statements"] == len(result.details["quotes"])
    reported = {(q["start"], q["end"]) for q in result.details["quotes"]}
    for finding in result.findings:  # a warning about a quote is about one the check reports
        if finding.code == "attribution.unattributed_quote" and finding.severity == "warning":
            assert (finding.start, finding.end) in reported


def test_a_report_after_a_time_adjunct_starts_after_that():
    text = "The interior ministry said on Tuesday that 12 people were killed in the crash."
    quote = run(text).details["quotes"][0]
    assert text[quote["start"] : quote["end"]] == "12 people were killed in the crash"


def test_a_fronted_adverbial_is_not_what_was_said():
    assert run("After the vote, she said.").details["quotes"] == []
    text = "After the vote, she said she would resign within a week."
    said = [text[q["start"] : q["end"]] for q in run(text).details["quotes"]]
    assert said == ["she would resign within a week"]


def test_a_phrase_quoted_inside_a_report_is_reported_once_as_that_report():
    text = "Karl Brandt said the plan was “a fantasy dreamed up in Berlin” that would cost thousands of jobs."
    quotes = run(text).details["quotes"]
    assert [(q["kind"], text[q["start"] : q["end"]]) for q in quotes] == [
        ("indirect", "the plan was “a fantasy dreamed up in Berlin” that would cost thousands of jobs")
    ]
    assert quotes[0]["speaker"]["text"] == "Karl Brandt"
