"""A standalone HTML report: the article text with each finding highlighted in place."""

from __future__ import annotations

from html import escape

from reliability.models import Report
from reliability.render.common import ordered_findings

_STYLE = (
    "body{font-family:Georgia,serif;max-width:52rem;margin:2rem auto;line-height:1.5}"
    "mark.error{background:#f8b4b4}mark.warning{background:#fde68a}mark.info{background:#bfdbfe}"
    ".article{white-space:pre-wrap;border-left:3px solid #ddd;padding-left:1rem}"
    "td,th{padding:.2rem .6rem;text-align:left}"
)


def render(report: Report, text: str) -> str:
    rows = "".join(
        f"<tr><td>{escape(c.name)}</td><td>{escape(c.error) if c.error else f'{c.score:.2f}'}</td>"
        f"<td>{c.weight:g}</td><td>{len(c.findings)}</td></tr>"
        for c in report.checks
    )
    items = "".join(
        f"<li><b>{f.severity}</b> <code>{escape(f.code)}</code>: {escape(f.message)}</li>"
        for f in ordered_findings(report)
    )
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(report.id)}</title>"
        f"<style>{_STYLE}</style></head><body><h1>{escape(report.id)}</h1>"
        f"<p><b>Reliability {report.score:.1f} / 100 — {report.label}</b></p>"
        f"<table><tr><th>check</th><th>score</th><th>weight</th><th>findings</th></tr>{rows}</table>"
        f"<h2>Findings</h2><ul>{items}</ul><h2>Article</h2><div class='article'>{_highlight(report, text)}</div>"
        "</body></html>\n"
    )


def _highlight(report: Report, text: str) -> str:
    """Wrap non-overlapping finding spans (the most severe wins an overlap) in <mark>."""
    chosen: list[tuple[int, int, str, str]] = []
    for f in ordered_findings(report):
        if f.end > f.start and all(f.end <= s or f.start >= e for s, e, _, _ in chosen):
            chosen.append((f.start, f.end, f.severity, f"{f.code}: {f.message}"))
    out, position = [], 0
    for start, end, severity, title in sorted(chosen):
        out.append(escape(text[position:start]))
        out.append(f"<mark class='{severity}' title='{escape(title)}'>{escape(text[start:end])}</mark>")
        position = end
    out.append(escape(text[position:]))
    return "".join(out)
