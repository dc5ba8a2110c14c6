"""The contradiction evaluation runs and meets its targets on every split."""

from evaluation import contradiction


def test_precision_holds_on_every_split_and_recall_per_kind_is_reported():
    ev = contradiction
    examples = ev.build()
    assert (
        sum(e.kind not in ("clean", "none") for e in examples) >= 40 and sum(e.kind == "none" for e in examples) >= 15
    )
    for split in ev.SPLITS:
        result = ev.evaluate([e for e in examples if e.split == split])
        assert result["precision"] >= 0.85, (split, result["false_alarms"])
        assert result["recall"] >= 0.7, (split, result["misses"])
    overall = ev.evaluate(examples)
    assert all(overall["recall_by_kind"][k] >= 0.6 for k in ev.KINDS), overall["recall_by_kind"]
