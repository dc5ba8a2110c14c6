"""A Markdown report, for pull requests, wikis and editors' notes."""

from __future__ import annotations

from reliability.models import Report
from reliability.render.common import line_col, ordered_findings, snippet


def render(report: Report, text: str) -> str:
    lines = [f"## {report.id}", ""]
    if report.source:
        lines += [f"Source: {report.source}", ""]
    lines += [f"**Reliability {report.score:.1f} / 100 — {report.label}**", "",
              "| check | score | weight | findings |", "|---|---:|---:|---:|"]
    for c in report.checks:
        score = "failed: " + c.error.replace("|", "\\|") if c.error else f"{c.score:.2f}"
        lines.append(f"| {c.name} | {score} | {c.weight:g} | {len(c.findings)} |")
    findings = ordered_findings(report)
    if findings:
        lines += ["", "### Findings", ""]
    for f in findings:
        line, col = line_col(text, f.start)
        lines.append(f"- **{f.severity}** `{f.code}` (line {line}:{col}): {f.message}")
        if f.end > f.start:
            lines.append(f"  > {snippet(text, f)}")
    return "\n".join(lines) + "\n"
