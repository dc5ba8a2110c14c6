"""What every renderer shows the same way: positions, snippets, bars, ordering."""

from __future__ import annotations

from reliability.models import Finding, Report

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset, for display only."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def snippet(text: str, finding: Finding, width: int = 90) -> str:
    """The flagged text on one line, shortened in the middle if long."""
    s = " ".join(text[finding.start : finding.end].split())
    return s if len(s) <= width else s[: width // 2 - 2] + " … " + s[-(width // 2 - 2) :]


def bar(score: float | None, cells: int = 20) -> str:
    if score is None:
        return "·" * cells
    filled = round(score * cells)
    return "█" * filled + "░" * (cells - filled)


def ordered_findings(report: Report) -> list[Finding]:
    """Most severe first, then in text order."""
    return sorted(report.findings, key=lambda f: (SEVERITY_RANK[f.severity], f.start, f.code))
