"""The attribution evaluation runs and meets its targets (speaker accuracy, vague-phrase precision/recall)."""

from __future__ import annotations

from evaluation import attribution


def test_annotations_all_occur_in_their_articles():
    examples = attribution.load()
    assert len(examples) >= 25 and {e.split for e in examples} == {"dev", "test", "holdout"}
    assert sum(len(e.quotes) for e in examples) >= 80


def test_targets_hold_on_every_split():
    ev = attribution
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
