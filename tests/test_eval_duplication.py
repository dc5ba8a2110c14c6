"""The duplication evaluation runs and meets its targets on every split."""

from evaluation import duplication


def test_precision_and_recall_hold_on_every_split():
    ev = duplication
    examples = ev.build()
    assert len(examples) >= 300 and sum(e.kind == "control" for e in examples) >= 150
    for split in ev.SPLITS:
        result = ev.evaluate([e for e in examples if e.split == split])
        assert result["precision"] >= 0.95, (split, result["false_alarms"])
        assert result["recall"] >= 0.9, (split, result["misses"])
        assert result["recall_by_kind"]["double"] == 1.0
