"""The per-article terminal report (rich)."""

from __future__ import annotations

import io
import textwrap

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from reliability.models import Report
from reliability.render.common import LineIndex, bar, ordered_findings, printable, score_reason, snippet

LABEL_STYLE = {"high": "bold green", "medium": "bold yellow", "low": "bold red"}
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(report: Report, text: str, *, color: bool = False, width: int = 100) -> str:
    out = io.StringIO()
    console = Console(file=out, force_terminal=color, no_color=not color, width=width, highlight=False)
    console.print(
        Panel(
            Group(_headline(report), _checks_table(report), *_model_inputs(report), *_reasons(report)),
            title=Text(printable(report.id), style="bold"),
            subtitle=Text(f"source: {printable(report.source)}") if report.source else None,
            expand=True,
        )
    )
    findings = ordered_findings(report)
    if findings:
        console.print(Text(f"Findings ({len(findings)})", style="bold"))
    lines = LineIndex(text)
    for f in findings:
        line, col = lines.line_col(f.start)
        head = Text.assemble(
            (f"{f.severity:<8}", SEVERITY_STYLE[f.severity]),
            (printable(f.code), "bold"),
            (f"  line {line}:{col}", "dim"),
        )
        console.print(head)
        console.print(Text(_indented(printable(f.message), width)), soft_wrap=True)
        if f.end > f.start:
            quoted = printable(snippet(text, f, max(20, width - 6)))
            console.print(Text(_indented(f"» {quoted}", width), style="italic dim"), soft_wrap=True)
    return out.getvalue()


def _indented(text: str, width: int) -> str:
    """Wrapped to the width, every line indented by two spaces (rich would pad the lines with blanks)."""
    return textwrap.fill(text, width, initial_indent="  ", subsequent_indent="  ", break_long_words=True)


def _reasons(report: Report) -> list[Text]:
    """Why a check lost points when no warning of its own says so (the checks table shows none)."""
    return [
        Text.assemble((f"{c.name} {c.score:.2f}: ", "bold"), (printable(score_reason(c)), "dim"))
        for c in report.checks
        if c.score is not None and c.score < 0.995 and not any(f.severity != "info" for f in c.findings)
    ]


def _headline(report: Report) -> Text:
    return Text.assemble(
        ("Reliability ", "bold"),
        (f"{report.score:.1f}", LABEL_STYLE[report.label]),
        " / 100  ",
        (report.label.upper(), LABEL_STYLE[report.label]),
        (f"   ({report.engine.elapsed_ms:.0f} ms)", "dim"),
    )


def _checks_table(report: Report) -> Table:
    table = Table(box=None, pad_edge=False, show_edge=False)
    for column, justify in (
        ("check", "left"),
        ("score", "right"),
        ("", "left"),
        ("weight", "right"),
        ("findings", "right"),
        ("points", "right"),
    ):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    moved = report.explanation.checks if report.explanation else {}
    for check in report.checks:
        name = Text(printable(check.name))  # a plugin's name and error: a Text, never markup
        if check.error:
            table.add_row(name, Text("failed", style="bold red"), Text(printable(check.error), style="red"), "", "", "")
            continue
        points = moved.get(check.name, 0.0)
        warnings = sum(1 for f in check.findings if f.severity != "info")
        style = "green" if (check.score or 0) >= 0.75 else "yellow" if (check.score or 0) >= 0.5 else "red"
        table.add_row(
            name,
            f"{check.score:.2f}",
            Text(bar(check.score), style=style),
            f"{check.weight:g}",
            f"{warnings}" + (f" +{len(check.findings) - warnings} info" if len(check.findings) > warnings else ""),
            f"{points:+.1f}" if abs(points) >= 0.05 else "",
        )
    return table


def _model_inputs(report: Report) -> list[Text]:
    """For a learned score: where it starts (a typical article) and the inputs that moved it most."""
    explanation = report.explanation
    if explanation is None or explanation.scoring != "model":
        return []
    moved = ", ".join(f"{c.feature} {c.effect:+.1f}" for c in explanation.contributions[:4])
    return [
        Text.assemble(
            (f"model {printable(explanation.model or '')}: ", "bold"),
            (f"a typical article scores {explanation.baseline:.1f}; moved by {moved}", "dim"),
        )
    ]
