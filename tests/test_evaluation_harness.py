"""The evaluation harness every `python -m evaluation.<name>` shares: splits, annotations, overlap, counts."""

from dataclasses import dataclass

import pytest

from evaluation.harness import SEEDS_ENV, Tally, by_split, occurrences, overlaps, seeds_dir


@dataclass
class Item:
    split: str


def test_by_split_gives_each_split_then_all():
    items = [Item("dev"), Item("test"), Item("dev"), Item("holdout")]
    got = {split: len(chosen) for split, chosen in by_split(items)}
    assert got == {"dev": 2, "test": 1, "holdout": 1, "all": 4}
    assert [split for split, _ in by_split(items, ("dev",))] == ["dev", "all"]


def test_spans_overlap_when_they_share_a_character():
    assert overlaps(0, 5, [(4, 9)]) and not overlaps(0, 5, [(5, 9)]) and not overlaps(0, 5, [])


def test_an_annotation_is_found_everywhere_it_occurs_or_refused():
    assert occurrences("a", "the cat saw the dog", "the") == [0, 12]
    with pytest.raises(ValueError, match="a: annotation not in text: 'cow'"):
        occurrences("a", "the cat", "cow")


def test_tallies_give_precision_recall_and_add_up():
    dev, test = Tally(tp=3, fp=1, fn=1), Tally(tp=1, fp=0, fn=3)
    assert (dev.precision, dev.recall) == (0.75, 0.75) and dev.f1 == pytest.approx(0.75)
    assert sum([dev, test], Tally()) == Tally(tp=4, fp=1, fn=4)
    assert (Tally().precision, Tally().recall) == (1.0, 1.0)  # nothing flagged, nothing to find: nothing wrong


def test_the_seeds_are_found_where_the_environment_says(monkeypatch, tmp_path):
    monkeypatch.setenv(SEEDS_ENV, str(tmp_path))
    assert seeds_dir() == tmp_path
