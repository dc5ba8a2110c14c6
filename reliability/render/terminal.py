"""The per-article terminal report (rich)."""

from __future__ import annotations

import io

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from reliability.models import Report
from reliability.render.common import bar, line_col, ordered_findings, snippet

LABEL_STYLE = {"high": "bold green", "medium": "bold yellow", "low": "bold red"}
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(report: Report, text: str, *, color: bool = False, width: int = 100) -> str:
    out = io.StringIO()
    console = Console(file=out, force_terminal=color, no_color=not color, width=width, highlight=False)
    console.print(Panel(Group(_headline(report), _checks_table(report)), title=Text(report.id, style="bold"),
                        subtitle=f"source: {report.source}" if report.source else None, expand=True))
    findings = ordered_findings(report)
    if findings:
        console.print(Text(f"Findings ({len(findings)})", style="bold"))
    for f in findings:
        line, col = line_col(text, f.start)
        head = Text.assemble(
            (f"{f.severity:<8}", SEVERITY_STYLE[f.severity]), (f"{f.code}", "bold"), (f"  line {line}:{col}", "dim")
        )
        console.print(head)
        console.print(Text("  " + f.message))
        if f.end > f.start:
            console.print(Text(f"  » {snippet(text, f)}", style="italic dim"))
    return out.getvalue()


def _headline(report: Report) -> Text:
    return Text.assemble(
        ("Reliability ", "bold"), (f"{report.score:.1f}", LABEL_STYLE[report.label]), " / 100  ",
        (report.label.upper(), LABEL_STYLE[report.label]), (f"   ({report.engine.elapsed_ms:.0f} ms)", "dim"),
    )


def _checks_table(report: Report) -> Table:
    table = Table(box=None, pad_edge=False, show_edge=False)
    for column, justify in (("check", "left"), ("score", "right"), ("", "left"), ("weight", "right"),
                            ("findings", "right")):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for check in report.checks:
        if check.error:
            table.add_row(check.name, Text("failed", style="bold red"), Text(check.error, style="red"), "", "")
            continue
        warnings = sum(1 for f in check.findings if f.severity != "info")
        style = "green" if (check.score or 0) >= 0.75 else "yellow" if (check.score or 0) >= 0.5 else "red"
        table.add_row(check.name, f"{check.score:.2f}", Text(bar(check.score), style=style), f"{check.weight:g}",
                      f"{warnings}" + (f" +{len(check.findings) - warnings} info" if len(check.findings) > warnings else ""))
    return table
