"""The attribution evaluation runs and meets its targets (speaker accuracy, vague-phrase precision/recall)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parents[1] / "evaluation" / "eval_attribution.py"


def _module():
    spec = importlib.util.spec_from_file_location("eval_attribution", EVAL)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file executes
    spec.loader.exec_module(module)
    return module


def test_annotations_all_occur_in_their_articles():
    examples = _module().load()
    assert len(examples) >= 25 and {e.split for e in examples} == {"dev", "test", "holdout"}
    assert sum(len(e.quotes) for e in examples) >= 80


def test_targets_hold_on_every_split():
    ev = _module()
    examples = ev.load()
    for split in ("dev", "test", "holdout"):
        r = ev.evaluate([e for e in examples if e.split == split])
        assert r["speaker_accuracy"] >= 0.85, (split, r["misses"])
        assert r["quote_recall"] >= 0.9, (split, r["misses"])
        assert r["vague_precision"] >= 0.85 and r["vague_recall"] >= 0.75, (split, r["misses"])
        assert r["unattributed_recall"] >= 0.75, (split, r["misses"])
    overall = ev.evaluate(examples)
    assert overall["unattributed_precision"] >= 0.75
    assert overall["other_warnings"] == 0
