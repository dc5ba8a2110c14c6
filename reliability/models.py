"""The data contracts: what goes in (Article) and what comes out (Report).

This module imports nothing of ours; every other module may import it.
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, field_validator, model_validator
from pydantic_core import PydanticSerializationError, to_json

SCHEMA_VERSION = "1.1"
_LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]")

Severity = Literal["info", "warning", "error"]
Label = Literal["high", "medium", "low"]


class Article(BaseModel):
    """One article to score, as read from a .txt file or one JSONL line."""

    model_config = ConfigDict(frozen=True, extra="forbid", coerce_numbers_to_str=True)

    id: str = Field(description="Caller's identifier; for a .txt file, its file name.")
    text: str = Field(description="The article text exactly as received; all offsets point into it.")
    title: str | None = Field(default=None, description="Headline, if known separately from the text.")
    source: str | None = Field(default=None, description="Publisher or domain, used for per-source roll-ups.")
    url: str | None = Field(default=None, description="Where the article was fetched from.")
    published: str | None = Field(default=None, description="Publication time, ISO 8601.")
    language: str | None = Field(default=None, description="Declared language code, e.g. 'en'.")
    meta: dict[str, Any] = Field(
        default_factory=dict, description="Anything else the caller wants carried to the report, unchanged."
    )

    @classmethod
    def from_record(cls, record: dict[str, Any], **defaults: Any) -> Article:
        """An Article from a crawler's record: the fields it does not model (an author, a crawl date) go to
        `meta`, beside any `meta` the record has; `defaults` fill fields the record leaves empty."""
        known = {k: v for k, v in record.items() if k in cls.model_fields and k != "meta"}
        given = record.get("meta")
        meta = dict(given) if isinstance(given, dict) else {} if given is None else {"meta": given}
        meta.update((k, v) for k, v in record.items() if k not in cls.model_fields)
        for key, value in defaults.items():
            if known.get(key) is None and value is not None:
                known[key] = value
        return cls.model_validate({**known, "meta": meta})

    @field_validator("id", "text", "title", "source", "url", "published", "language", mode="after")
    @classmethod
    def _no_lone_surrogates(cls, value: str | None) -> str | None:
        """A lone surrogate ("\\udc80" in JSON, or a str decoded with surrogateescape) cannot be written as
        UTF-8: it becomes U+FFFD, one character for one, so every offset still holds."""
        return _LONE_SURROGATE_RE.sub("\ufffd", value) if value else value

    @field_validator("meta", mode="after")
    @classmethod
    def _meta_writable(cls, value: dict[str, Any]) -> dict[str, Any]:
        """`meta` goes to the report as JSON: a structure nested too deeply to write is refused, and lone
        surrogates become U+FFFD."""
        try:
            to_json(value)
        except PydanticSerializationError as exc:
            if "UnicodeEncodeError" not in str(exc):
                raise ValueError(f"cannot be written as JSON ({exc})") from None
            value = json.loads(_LONE_SURROGATE_RE.sub("\ufffd", json.dumps(value, ensure_ascii=False)))
        return value


class Span(BaseModel):
    """A half-open range of character offsets (Python str indices) into the article text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int = Field(ge=0, description="First character, inclusive.")
    end: int = Field(ge=0, description="Last character, exclusive.")

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        return self


class RelatedSpan(Span):
    """The other side of a finding; in story mode it may lie in another article of the batch (schema 1.1)."""

    article: str | None = Field(
        default=None, description="Id of the other article the span points into; null means this article."
    )


class Finding(Span):
    """One thing a check noticed, pinned to the text that earned it."""

    check: str = Field(description="Name of the check that produced the finding.")
    code: str = Field(description="Stable machine code, 'check.kind', e.g. 'duplication.paragraph'.")
    severity: Severity = Field(description="'info' notes, 'warning' lowers trust, 'error' is a serious defect.")
    message: str = Field(description="Plain-language explanation for an editor.")
    related: list[RelatedSpan] = Field(
        default_factory=list,
        description="Other spans involved, e.g. the first occurrence; in story mode possibly in another article.",
    )
    confidence: float = Field(default=1.0, ge=0.0, le=1.0, description="How sure the check is, 0..1.")

    @field_validator("related", mode="before")
    @classmethod
    def _plain_spans_are_related_spans(cls, value: Any) -> Any:
        """Plugins written for schema 1.0 pass plain Spans: they point into this article."""
        if isinstance(value, list):
            return [v.model_dump() if type(v) is Span else v for v in value]
        return value


class CheckResult(BaseModel):
    """What one check concluded about one article; errors are data, not exceptions."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(description="Stable check name, e.g. 'duplication'.")
    version: str = Field(description="Version of the check's logic.")
    score: float | None = Field(
        default=None, ge=0.0, le=1.0, description="0..1, 1 = nothing wrong; null when the check crashed."
    )
    weight: float = Field(default=1.0, ge=0.0, description="Weight of this check in the overall score.")
    metrics: dict[str, float] = Field(default_factory=dict, description="Numbers that explain the score.")
    details: dict[str, Any] = Field(default_factory=dict, description="Structured extras, e.g. quotes found.")
    findings: list[Finding] = Field(default_factory=list, description="Findings, in text order.")
    error: str | None = Field(default=None, description="'ExceptionType: message' when the check crashed.")
    elapsed_ms: float = Field(default=0.0, ge=0.0, description="Wall time the check took on this article.")


class EngineInfo(BaseModel):
    """Which engine produced a report and how long it took."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: str = Field(description="Version of the reliability package.")
    elapsed_ms: float = Field(ge=0.0, description="Wall time to analyse and score the article.")


class StoryRef(BaseModel):
    """The story (reports of the same event in one batch) an article was grouped into (schema 1.1)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(description="Identifier of the story, stable for the same batch.")
    reports: int = Field(ge=1, description="How many reports of the batch belong to the story, this one included.")


class Contribution(BaseModel):
    """How far one input of the scoring moved the overall score."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    feature: str = Field(description="'check' for a whole check, or 'check.metric' / 'check.score' for one input.")
    value: float | None = Field(default=None, description="The input's value in this report (null for a whole check).")
    effect: float = Field(description="Points the overall score gains (+) or loses (-) from this input.")


class Explanation(BaseModel):
    """Why the overall score is what it is: the scoring used, its starting point and what moved it (1.1)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    scoring: str = Field(description="'formula' (the hand formula) or 'model' (a learned, calibrated model).")
    model: str | None = Field(default=None, description="Name of the learned model, when one scored.")
    baseline: float = Field(
        description="Score of the reference article: every check perfect (formula) or a typical training article (model)."
    )
    checks: dict[str, float] = Field(
        default_factory=dict,
        description="Per check, points it moved the score from where it would be with the check at its reference.",
    )
    contributions: list[Contribution] = Field(
        default_factory=list, description="The inputs that moved the score most, largest effect first."
    )


class Report(BaseModel):
    """The scored verdict on one article."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: str = Field(default=SCHEMA_VERSION, description="Version of this report format.")
    id: str = Field(description="The article's id.")
    source: str | None = Field(default=None, description="The article's publisher, if given.")
    title: str | None = Field(default=None, description="The article's headline, if given (schema 1.1).")
    url: str | None = Field(default=None, description="The article's URL, if given (schema 1.1).")
    published: str | None = Field(default=None, description="The article's publication time, if given (schema 1.1).")
    story: StoryRef | None = Field(default=None, description="Story-mode grouping; null outside story mode (1.1).")
    meta: dict[str, Any] = Field(
        default_factory=dict, description="Fields of the input record the Article does not model, unchanged (1.1)."
    )
    score: float = Field(ge=0.0, le=100.0, description="Overall reliability 0..100, higher is more reliable.")
    label: Label = Field(description="Band of the score: high, medium or low.")
    checks: list[CheckResult] = Field(description="One result per check, sorted by check name.")
    explanation: Explanation | None = Field(
        default=None, description="Which checks and metrics moved the score, and by how much (1.1, additive)."
    )
    engine: EngineInfo = Field(description="Engine version and timing.")

    def check(self, name: str) -> CheckResult | None:
        """The result of the named check, if it ran."""
        return next((c for c in self.checks if c.name == name), None)

    @property
    def findings(self) -> list[Finding]:
        """Every finding of every check, in text order."""
        return sorted((f for c in self.checks for f in c.findings), key=lambda f: (f.start, f.end, f.check))

    def to_row(self) -> dict[str, Any]:
        """One flat row for a table (CSV, a DataFrame): the article's fields, score and label, a
        `<check>_score` column per check (None if it failed), finding counts and codes, `meta` as JSON.
        Reports of one engine give rows with the same columns in the same order."""
        import json

        warnings = [f for f in self.findings if f.severity != "info"]
        row: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "story": self.story.id if self.story else None,
            "score": self.score,
            "label": self.label,
        }
        row.update({f"{c.name}_score": c.score for c in self.checks})
        row["warnings"] = len(warnings)
        row["errors"] = sum(1 for f in warnings if f.severity == "error")
        row["codes"] = " ".join(sorted({f.code for f in warnings}))
        row["failed_checks"] = " ".join(c.name for c in self.checks if c.error)
        row["meta"] = json.dumps(self.meta, ensure_ascii=False, sort_keys=True) if self.meta else ""
        return row


class MonthScore(BaseModel):
    """One month of a source's trend."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    month: str = Field(description="YYYY-MM of publication (else of scoring).")
    articles: int = Field(ge=1, description="Articles of that month.")
    mean_score: float = Field(ge=0.0, le=100.0, description="Their mean overall score.")


class SourceProfile(BaseModel):
    """Roll-up of many reports from one publisher."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str = Field(description="Publisher or domain.")
    articles: int = Field(ge=0, description="Number of articles scored.")
    mean_score: float = Field(ge=0.0, le=100.0, description="Mean overall score of its articles.")
    score: float = Field(
        ge=0.0,
        le=100.0,
        description="The mean shrunk toward the mean over all sources by how little evidence the source has "
        "(empirical Bayes); what to rank sources by.",
    )
    interval: tuple[float, float] = Field(description="95% interval of `score`.")
    labels: dict[str, int] = Field(description="How many articles fell in each label band.")
    check_means: dict[str, float] = Field(description="Mean score per check over the articles it scored.")
    findings: dict[str, int] = Field(
        description="Warning- and error-level finding counts per code, most frequent first."
    )
    histogram: list[int] = Field(description="Articles per ten-point band of score: 0-10, 10-20, ..., 90-100.")
    trend: list[MonthScore] = Field(description="Articles and mean score per month, oldest first.")

    @computed_field(description="Share of the source's articles labelled low.")  # type: ignore[prop-decorator]
    @property
    def low_share(self) -> float:
        return self.labels.get("low", 0) / self.articles if self.articles else 0.0
