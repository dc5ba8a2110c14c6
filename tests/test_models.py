import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from reliability.models import Article, CheckResult, EngineInfo, Finding, Report, Span

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "reliability" / "schema" / "report.schema.json"


def test_span_rejects_end_before_start():
    with pytest.raises(ValidationError):
        Span(start=5, end=4)
    with pytest.raises(ValidationError):
        Span(start=-1, end=4)


def test_article_forbids_unknown_fields_and_requires_id_and_text():
    with pytest.raises(ValidationError):
        Article(id="a", text="x", author="someone")
    with pytest.raises(ValidationError):
        Article(text="x")
    assert Article(id="a", text="x").source is None


def test_models_are_frozen():
    finding = Finding(check="c", code="c.k", severity="info", message="m", start=0, end=1)
    with pytest.raises(ValidationError):
        finding.start = 3


def test_check_score_must_be_in_unit_range_or_null():
    with pytest.raises(ValidationError):
        CheckResult(name="c", version="1", score=1.5)
    assert CheckResult(name="c", version="1", error="ValueError: x").score is None


def test_report_json_matches_the_contract_field_for_field():
    finding = Finding(
        check="c",
        code="c.k",
        severity="warning",
        message="m",
        start=0,
        end=4,
        related=[Span(start=5, end=9)],
        confidence=0.5,
    )
    report = Report(
        id="a",
        score=80.0,
        label="high",
        checks=[CheckResult(name="c", version="1", score=0.8, findings=[finding])],
        engine=EngineInfo(version="0", elapsed_ms=1.0),
    )
    data = json.loads(report.model_dump_json())
    assert set(data) == {
        "schema_version",
        "id",
        "source",
        "title",
        "url",
        "published",
        "story",
        "meta",
        "score",
        "label",
        "checks",
        "explanation",
        "engine",
    }
    assert set(data["checks"][0]) >= {"name", "version", "score", "weight", "metrics", "details", "findings", "error"}
    assert set(data["checks"][0]["findings"][0]) == {
        "check",
        "code",
        "severity",
        "message",
        "start",
        "end",
        "related",
        "confidence",
    }
    assert Report.model_validate_json(report.model_dump_json()) == report


def test_committed_schema_is_current():
    """The schema other tools validate against is generated, committed, and must not drift silently."""
    current = Report.model_json_schema(mode="serialization")
    assert json.loads(SCHEMA_FILE.read_text()) == current, (
        "run: reliability schema > reliability/schema/report.schema.json"
    )
