"""Golden reports for the shipped example articles: any change in what the checks find shows up here.
Lexical evidence only (`--semantic off`), so they hold with or without the semantic extra.

After an intended change, regenerate with `RELIABILITY_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py`
and review the diff like code.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reliability.cli import main

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("RELIABILITY_UPDATE_GOLDEN") == "1"


def _without_timings(report: dict) -> dict:
    report["engine"].pop("elapsed_ms")
    for check in report["checks"]:
        check.pop("elapsed_ms")
    return report


def _compare(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual)
    assert path.exists(), f"missing golden file {path}; run with RELIABILITY_UPDATE_GOLDEN=1"
    assert actual == path.read_text()


@pytest.fixture(autouse=True)
def _only_builtin_checks(monkeypatch):
    monkeypatch.setenv("RELIABILITY_DISABLED_PLUGINS", "spelling")


def test_example_reports_are_unchanged(capsys):
    assert main(["score", "--semantic", "off", "--format", "jsonl", str(ROOT / "examples")]) == 0
    reports = [_without_timings(json.loads(line)) for line in capsys.readouterr().out.splitlines()]
    _compare("examples.jsonl", "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in reports))


@pytest.mark.parametrize("example", ["flood-warning-with-chrome.txt", "budget-printed-twice.txt"])
def test_markdown_report_is_unchanged(example, capsys):
    assert main(["score", "--semantic", "off", "--format", "markdown", str(ROOT / "examples" / example)]) == 0
    _compare(example.replace(".txt", ".md"), capsys.readouterr().out)
