"""Where and how a command writes: `-o FILE`, colour (`--color`, NO_COLOR, FORCE_COLOR), terminal width,
the progress bar and the closing summary on stderr, and which findings a reader asked to see."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO, TypeVar

from reliability.cli.common import UsageError

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.progress import Progress as Bar

    from reliability.models import Finding, Report

#: (report, article text) as a command passes them on; the text is None for a report read back from a file.
Pair = TypeVar("Pair", bound="tuple[Report, str | None]")

SEVERITIES = ("info", "warning", "error")
#: `-o FILE` picks the format from the file's suffix when `--format` is not given.
FORMAT_BY_SUFFIX = {
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".md": "markdown",
    ".txt": "text",
}


def add_output_options(command: argparse.ArgumentParser, *, color: bool = True) -> None:
    """`-o FILE`, `--quiet`, and `--color` for commands that print colour."""
    command.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    if color:
        command.add_argument(
            "--color",
            choices=("auto", "always", "never"),
            default="auto",
            help="colour in text output: auto (default) colours a terminal unless NO_COLOR is set; "
            "FORCE_COLOR forces it",
        )
    command.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar, no summary and no plugin warnings on stderr"
    )


@contextmanager
def opened(args: argparse.Namespace, out: TextIO) -> Iterator[TextIO]:
    """Standard output, or the `-o` file (streamed: a run stopped midway leaves what it had written)."""
    path = getattr(args, "output", None)
    if not path or path == "-":
        yield out
        return
    try:
        fh = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    with fh:
        yield fh


def use_color(choice: str, out: TextIO) -> bool:
    """--color always|never wins; then NO_COLOR, then FORCE_COLOR (any non-empty value); then: is it a terminal?"""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return out.isatty()


def width() -> int:
    """The terminal's width (COLUMNS wins), 100 when there is no terminal; never under 40."""
    return max(40, shutil.get_terminal_size((100, 24)).columns)


def shown(findings_filter: argparse.Namespace) -> Callable[[Finding], bool]:
    """The findings the reader asked for: `--min-severity`, `--select CODE`, `--ignore CODE` (a code or its check)."""
    floor = SEVERITIES.index(getattr(findings_filter, "min_severity", None) or "info")
    select = _codes(getattr(findings_filter, "select", None))
    ignore = _codes(getattr(findings_filter, "ignore", None))

    def matches(code: str, patterns: list[str]) -> bool:
        return any(code == p or code.startswith(p + ".") for p in patterns)

    def wanted(finding: Finding) -> bool:
        return (
            SEVERITIES.index(finding.severity) >= floor
            and (not select or matches(finding.code, select))
            and not matches(finding.code, ignore)
        )

    return wanted


def _codes(values: list[str] | None) -> list[str]:
    return [c.strip() for v in values or () for c in v.split(",") if c.strip()]


def filtered(report: Report, wanted: Callable[[Finding], bool]) -> Report:
    """The report with only the wanted findings (scores unchanged: they were earned by all of them)."""
    checks = [c.model_copy(update={"findings": [f for f in c.findings if wanted(f)]}) for c in report.checks]
    return report.model_copy(update={"checks": checks})


class Progress:
    """A progress bar on stderr while a batch is scored, and a one-line summary after. The bar shows only when
    stderr is a terminal and the reports go elsewhere (on the same screen, the reports are the progress)."""

    def __init__(self, quiet: bool, reports_on_screen: bool = False) -> None:
        self.quiet = quiet
        self.reports_on_screen = reports_on_screen
        self.started = time.perf_counter()
        self.count, self.total = 0, 0.0
        self.labels: Counter[str] = Counter()
        self.failed_checks = 0
        self._bar: Bar | None = None

    def track(self, pairs: Iterable[Pair]) -> Iterator[Pair]:
        """Pass (report, text) pairs through, counting them and moving the bar."""
        show_bar = not self.quiet and not self.reports_on_screen and sys.stderr.isatty()
        if show_bar:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            bar = Progress(
                SpinnerColumn(),
                TextColumn("scoring"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                console=Console(file=sys.stderr, force_terminal=True),
                transient=True,
            )
            bar.start()
            task = bar.add_task("scoring", total=None, rate="")
            self._bar = bar
        try:
            for pair in pairs:
                report = pair[0]
                self.count += 1
                self.total += report.score
                self.labels[report.label] += 1
                self.failed_checks += sum(1 for c in report.checks if c.error)
                if self._bar is not None:
                    rate = self.count / max(1e-9, time.perf_counter() - self.started)
                    self._bar.update(task, completed=self.count, rate=f"{rate:.1f} articles/s")
                yield pair
        finally:
            if self._bar is not None:
                self._bar.stop()

    def summary(self, unreadable: int) -> str:
        """`6 articles, mean score 70.6: 3 high, 1 medium, 2 low; 0 unreadable, 0 failed checks (1.2 s)`."""
        mean = self.total / self.count if self.count else 0.0
        labels = ", ".join(f"{self.labels[label]} {label}" for label in ("high", "medium", "low"))
        return (
            f"{self.count} article{'s' * (self.count != 1)}, mean score {mean:.1f}: {labels}; "
            f"{unreadable} unreadable, {self.failed_checks} failed check{'s' * (self.failed_checks != 1)} "
            f"({time.perf_counter() - self.started:.1f} s)"
        )

    def finish(self, unreadable: int) -> None:
        """The summary on stderr for a batch (more than one input article or an unreadable one)."""
        if not self.quiet and (self.count > 1 or unreadable):
            print(self.summary(unreadable), file=sys.stderr)
