"""Helpers for testing checks, for plugin authors as much as for us.

Opt in from a test suite's conftest.py with ``pytest_plugins = ["reliability.testing"]`` to get the
`reliability_engine` fixture; the functions work without pytest too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pytest

from reliability.check import Check, CheckContext
from reliability.config import Settings
from reliability.document import Document
from reliability.engine import Engine
from reliability.hookspecs import hookimpl
from reliability.models import Article, CheckResult
from reliability.semantic import SentenceEncoder


class Provides:
    """A plugin that registers the checks it is given: `engine(Provides(MyCheck()))` in a test.
    Defined in an importable module, so spawned worker processes can unpickle it."""

    def __init__(self, *checks: Check) -> None:
        self.checks = checks

    @hookimpl
    def reliability_checks(self, settings: Settings) -> list[Check]:
        return list(self.checks)


def run_check(
    check: Check,
    text: str,
    options: dict[str, Any] | None = None,
    encoder: SentenceEncoder | None = None,
    **article: Any,
) -> CheckResult:
    """Run one check on one text, exactly as the engine would, and validate its spans."""
    document = Document(Article(id=article.pop("id", "test"), text=text, **article))
    result = check.run(document, CheckContext(options=options or {}, encoder=encoder))
    assert_spans_valid(result, text)
    return result


def assert_spans_valid(result: CheckResult, text: str) -> None:
    """Every finding and related span lies inside the text and names its check."""
    for finding in result.findings:
        for span in (finding, *finding.related):
            assert 0 <= span.start <= span.end <= len(text), f"{finding.code}: span {span} outside the text"
        assert finding.code.startswith(result.name + "."), f"{finding.code} does not start with {result.name}."


def flagged_texts(result: CheckResult, text: str, severities: Iterable[str] = ("warning", "error")) -> list[str]:
    """The text under each finding of at least warning level: what a reader would see highlighted."""
    wanted = set(severities)
    return [text[f.start : f.end] for f in result.findings if f.severity in wanted]


@pytest.fixture
def reliability_engine() -> Callable[..., Engine]:
    """Build an Engine with its own plugin manager: `reliability_engine(*plugins, **settings)`. The semantic
    model stays off unless `semantic=True` is passed: results do not depend on the extra being installed.
    Given plugins, it loads no installed ones (an installed copy of the plugin under test would otherwise be
    registered twice, which pluggy refuses); given none, it loads them all, as the command line does."""

    def build(*plugins: object, **settings: Any) -> Engine:
        settings.setdefault("semantic", False)
        if plugins:
            settings.setdefault("load_entrypoints", False)
        return Engine(Settings.load(**settings), plugins=plugins)

    return build
