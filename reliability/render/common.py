"""What every renderer shows the same way: positions, snippets, bars, ordering, reasons."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from reliability.models import CheckResult, Finding, Report, Span

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}

# What a terminal would act on instead of showing: the C0 controls but tab and newline, a carriage return
# that does not end a line (it sends the cursor back over what was written), DEL, the C1 controls, and the
# bidirectional embeddings, overrides and isolates (they reorder what follows them: "Trojan Source").
_UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")
_LINE_BREAK_RE = re.compile("[\r\n\t\u2028\u2029]")


def _symbol(control: str) -> str:
    code = ord(control)
    return chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7F else "\ufffd"


def printable(text: str) -> str:
    """Text from the input, safe on a screen: what a terminal would act on (see `_UNSHOWABLE`) becomes a
    visible symbol (␀, ␛, ␍, ␡; � for C1 controls and bidi overrides), one for one, so offsets still hold.
    Every renderer and every line the command line prints goes through it."""
    return _UNSHOWABLE.sub(lambda m: _symbol(m[0]), text)


def one_line(text: str) -> str:
    """`printable`, with line breaks and tabs as spaces: a value that must stay on its line (a name in a list)."""
    return _LINE_BREAK_RE.sub(" ", printable(text))


# Characters that can open raw HTML, an entity, a link, a code span or a table cell anywhere in a line
# (a value never starts a line of ours, so "-", "#" and "1." need nothing; emphasis is left to be).
_MARKDOWN_SPECIAL_RE = re.compile(r"([\\`\[\]<>|&])")


def markdown_text(text: str) -> str:
    """Text that Markdown cannot turn into HTML, a link or a table break: printable, on one line, and
    those characters backslash-escaped."""
    return _MARKDOWN_SPECIAL_RE.sub(r"\\\1", one_line(text))


class LineIndex:
    """Line and column of offsets into one text, for display only (a bisect per lookup)."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column."""
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset, for display only."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def snippet(text: str, span: Span, width: int = 90) -> str:
    """The spanned text on one line, shortened in the middle if long."""
    s = " ".join(text[span.start : span.end].split())
    return s if len(s) <= width else s[: width // 2 - 2] + " … " + s[-(width // 2 - 2) :]


def bar(score: float | None, cells: int = 20) -> str:
    if score is None:
        return "·" * cells
    filled = round(score * cells)
    return "█" * filled + "░" * (cells - filled)


def ordered_findings(report: Report) -> list[Finding]:
    """Most severe first, then in text order."""
    return sorted(report.findings, key=lambda f: (SEVERITY_RANK[f.severity], f.start, f.code))


def score_reason(check: CheckResult) -> str:
    """Why a check scored what it did, in a sentence: its findings by severity and code, or its metrics.

    A check may explain itself with `details["reason"]` (a string); that is shown first.
    """
    if check.error:
        return f"The check failed ({check.error}); it is left out of the overall score."
    parts = []
    own = check.details.get("reason")
    if isinstance(own, str) and own:
        parts.append(own.rstrip(".") + ".")
    by_severity: dict[str, Counter[str]] = {}
    for f in check.findings:
        by_severity.setdefault(f.severity, Counter())[f.code] += 1
    for severity in ("error", "warning", "info"):
        counts = by_severity.get(severity)
        if counts:
            n = sum(counts.values())
            codes = ", ".join(f"{code} ×{k}" if k > 1 else code for code, k in counts.most_common())
            parts.append(f"{n} {severity}{'s' * (n != 1)}: {codes}.")
    score = check.score or 0.0
    if not parts:
        parts.append("Nothing found." if score >= 0.995 else "")
    if score < 0.995 and not (by_severity.keys() & {"error", "warning"}) and not own:
        parts.append("No warning: the score comes from the check's metrics (see its page in the docs).")
    return " ".join(p for p in parts if p)
