"""What a check may know about an article's story: its id, its size, and its siblings' sketches.

The engine hands a `StoryContext` to every check in story mode (`CheckContext.story`). Checks ask it
questions; they never see the other articles' texts. `off_topic` asks `weigh_splice`: does anyone
else in the story mention the names in this sentence? A sentence about other actors (seed 002's
"Israeli forces and protesters") names people and places no other report of the story names, while
a real report's sentences mostly share their names and words with its siblings.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from reliability.story.sketch import Sketch, stable_hash

if TYPE_CHECKING:
    from reliability.document import Document, Sentence

MAX_NAMES_SHOWN = 4


@dataclass(frozen=True)
class SpliceEvidence:
    """What the siblings say about one sentence, and the likelihood of a splice that follows."""

    likelihood: float
    unconfirmed: tuple[str, ...]  # names in the sentence that no other report of the story mentions
    confirmed: int  # names in it that another report mentions
    word_support: float  # share of its content words found in another report
    reports: int


@dataclass(frozen=True)
class StoryContext:
    """One article's story in story mode: `id`, `reports` (this one included) and the siblings' sketches."""

    id: str
    reports: int
    own: Sketch
    siblings: tuple[Sketch, ...]
    _names: dict[int, list[tuple[str, set[str]]]] = field(default_factory=dict, compare=False, repr=False)

    def knows_name(self, stems: set[str]) -> bool:
        """Whether any sibling mentions a name, or a word, with one of these stems."""
        hashes = [stable_hash(s) for s in stems]
        return any(s.knows_name(h) or s.knows_word(h) for s in self.siblings for h in hashes)

    def word_support(self, stems: list[str]) -> float:
        """Share of these content stems that some sibling uses."""
        if not stems:
            return 0.0
        hashes = [stable_hash(s) for s in set(stems)]
        return sum(1 for h in hashes if any(s.knows_word(h) for s in self.siblings)) / len(hashes)

    def weigh_splice(self, document: Document, sentence: Sentence, likelihood: float) -> SpliceEvidence:
        """The likelihood that `sentence` was spliced in from another story, given the single-article
        `likelihood` (off_topic's semantic model) and the siblings' evidence, weighed by `splice_model.json`."""
        values, unconfirmed, confirmed, support = self.splice_features(document, sentence, likelihood)
        model = splice_model()
        z = model["intercept"] + sum(c * (v - m) / s for v, c, m, s in
                                     zip(values, model["coefficients"], model["means"], model["scales"], strict=True))
        probability = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
        return SpliceEvidence(probability, tuple(unconfirmed[:MAX_NAMES_SHOWN]), confirmed, support, self.reports)

    def splice_features(
        self, document: Document, sentence: Sentence, likelihood: float
    ) -> tuple[list[float], list[str], int, float]:
        """The story model's inputs (in `SPLICE_FEATURES` order), the names no sibling mentions, the
        names a sibling mentions, and the share of the sentence's content words a sibling uses."""
        from reliability.checks.off_topic.unrelated import content_stems, name_stems

        if not self._names:
            self._names.update(name_stems(document))
        unconfirmed: list[str] = []
        confirmed = 0
        for name, stems in self._names.get(sentence.index, ()):
            if self.knows_name(stems):
                confirmed += 1
            elif name not in unconfirmed:
                unconfirmed.append(name)
        support = self.word_support(content_stems(document.sentence_terms[sentence.index]))
        values = [
            math.log(max(1e-4, likelihood) / max(1e-4, 1 - likelihood)),
            min(3, len(unconfirmed)),
            min(3, confirmed),
            support,
            math.log(len(self.siblings)),
        ]
        return values, unconfirmed, confirmed, support

    @property
    def splice_bars(self) -> tuple[float, float, float]:
        """(warning for the article's most suspicious sentence, warning for another, info), in likelihood."""
        model = splice_model()
        return model["warning_top"], model["warning_other"], model["info"]


SPLICE_FEATURES = ("single", "unconfirmed_names", "confirmed_names", "word_support", "log_siblings")


@cache
def splice_model() -> dict:
    """The learned weights (`splice_model.json`, written by `python -m evaluation.story_mode --fit`)."""
    data = json.loads(files(__package__).joinpath("splice_model.json").read_text(encoding="utf-8"))
    if tuple(data["features"]) != SPLICE_FEATURES:
        raise ValueError("splice_model.json was fitted on other features: rerun python -m evaluation.story_mode --fit")
    return data
