"""Shared fixtures: fresh engines (each with its own plugin manager), paths to shipped examples and seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from reliability.config import Settings
from reliability.engine import Engine

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture
def make_engine():
    """Build an engine that sees no third-party entry points unless asked: tests stay hermetic."""

    def build(*plugins: object, **settings: object) -> Engine:
        settings.setdefault("load_entrypoints", False)
        return Engine(Settings.load(**settings), plugins=plugins)

    return build


@pytest.fixture
def seeds_dir() -> Path:
    if not (SEEDS / "expected.json").is_file():
        pytest.skip("../shared/seeds is not present in this checkout")
    return SEEDS
