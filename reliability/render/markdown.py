"""A Markdown report, for pull requests, wikis and editors' notes."""

from __future__ import annotations

from reliability.models import Report
from reliability.render.common import line_col, markdown_text, ordered_findings, snippet


def render(report: Report, text: str) -> str:
    """Every value from the article or a plugin is escaped: ids, sources, messages and quoted text can
    carry no raw HTML, link or table break into the review note."""
    lines = [f"## {markdown_text(report.id)}", ""]
    if report.source:
        lines += [f"Source: {markdown_text(report.source)}", ""]
    lines += [
        f"**Reliability {report.score:.1f} / 100 — {report.label}**",
        "",
        "| check | score | weight | findings |",
        "|---|---:|---:|---:|",
    ]
    for c in report.checks:
        score = "failed: " + markdown_text(c.error) if c.error else f"{c.score:.2f}"
        lines.append(f"| {markdown_text(c.name)} | {score} | {c.weight:g} | {len(c.findings)} |")
    findings = ordered_findings(report)
    if findings:
        lines += ["", "### Findings", ""]
    for f in findings:
        line, col = line_col(text, f.start)
        lines.append(f"- **{f.severity}** `{f.code.replace('`', '')}` (line {line}:{col}): {markdown_text(f.message)}")
        if f.end > f.start:
            lines.append(f"  > {markdown_text(snippet(text, f))}")
    return "\n".join(lines) + "\n"
