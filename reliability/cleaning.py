"""Span removal: the article text with flagged stretches cut out, and a record of every cut.

Pipelines prefer removing site boilerplate to dropping the whole article. A cut grows to swallow
the line break and blank space around it, so removed lines leave no holes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from reliability.models import Finding, Report


class Cut(BaseModel):
    """One removed stretch of the original text."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(description="Offset in the original text, inclusive.")
    end: int = Field(description="Offset in the original text, exclusive.")
    codes: list[str] = Field(description="Finding codes that asked for the cut.")
    text: str = Field(description="What was removed.")


class CleanedArticle(BaseModel):
    """An article with flagged spans removed: a record `reliability score` reads again (the article's own
    fields kept; `cuts` and `removed_chars` then travel on in the report's `meta`)."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="The article's id.")
    text: str = Field(description="The text with the cuts removed.")
    source: str | None = Field(default=None, description="The article's publisher, if given.")
    title: str | None = Field(default=None, description="The article's headline, if given.")
    url: str | None = Field(default=None, description="The article's URL, if given.")
    published: str | None = Field(default=None, description="The article's publication time, if given.")
    meta: dict[str, Any] = Field(default_factory=dict, description="The input record's other fields, unchanged.")
    cuts: list[Cut] = Field(description="What was removed, in text order, with offsets into the original text.")
    removed_chars: int = Field(description="Characters removed in all.")


def clean(text: str, report: Report, codes: Iterable[str]) -> CleanedArticle:
    """Remove the spans of warning/error findings whose code is in `codes`: usually `Engine.cuttable_codes`,
    the codes the checks declare cuttable (page boilerplate), so no code is hard-wired here."""
    wanted = set(codes)
    findings = [f for f in report.findings if f.code in wanted and f.severity != "info"]
    cuts = _merge(text, findings)
    kept, position = [], 0
    for cut in cuts:
        kept.append(text[position : cut.start])
        position = cut.end
    kept.append(text[position:])
    return CleanedArticle(
        id=report.id,
        text="".join(kept),
        source=report.source,
        title=report.title,
        url=report.url,
        published=report.published,
        meta=report.meta,
        cuts=cuts,
        removed_chars=sum(c.end - c.start for c in cuts),
    )


def _merge(text: str, findings: list[Finding]) -> list[Cut]:
    merged: list[list[Any]] = []
    for start, end, code in sorted((f.start, f.end, f.code) for f in findings):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].add(code)
        else:
            merged.append([start, end, {code}])
    cuts: list[Cut] = []
    for start, end, codes in merged:
        start, end = _widen(text, start, end)
        if cuts and start <= cuts[-1].end:  # widening may make neighbours touch
            start, codes = cuts[-1].start, codes | set(cuts.pop().codes)
        cuts.append(Cut(start=start, end=end, codes=sorted(codes), text=text[start:end]))
    return cuts


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Take trailing spaces; if the cut then reaches a line's end from its start, take the line break too."""
    while end < len(text) and text[end] in " \t":
        end += 1
    line_start = start == 0 or text[start - 1] == "\n"
    if line_start:
        while end < len(text) and text[end] in "\r\n":
            end += 1
    return start, end
