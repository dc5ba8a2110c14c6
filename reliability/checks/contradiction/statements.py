"""What the contradiction check needs to know about each sentence: its content words, names and source."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from reliability.checks.contradiction.lexicon import HEDGED, NEGATIONS, SPEECH_CUES, UPDATE_CUES
from reliability.document import Document, Sentence
from reliability.language.dates import CALENDAR_WORDS
from reliability.language.morphology import stem, without_possessive
from reliability.language.punctuation import opens_with_quote
from reliability.language.stop_words import STOP_WORDS

CONDITIONS = frozenset("if unless except provided whether".split())


@dataclass
class Statement:
    """One sentence seen as a claim. A heading is never held against a sentence: it states in a few words
    what the story then says in full ("Boris opposes mayor apology" … "should not apologise")."""

    sentence: Sentence
    words: tuple[str, ...]
    names: frozenset[str]
    heading: bool  # a headline or section head: a few words for what the story then says in full

    @cached_property
    def content(self) -> frozenset[str]:
        return frozenset(stem(w) for w in self.words if w not in STOP_WORDS and len(w) > 2 and not w[0].isdigit())

    @cached_property
    def negated(self) -> bool:
        return any(is_negation(w) for w in self.words)

    @cached_property
    def conditional(self) -> bool:
        """It holds only under a condition ("do not have to pay if the delay was beyond their control")."""
        return any(w in CONDITIONS for w in self.words)

    @cached_property
    def hedged(self) -> bool:
        """It says what might be, not what is ("it may be that would not be marketing")."""
        return bool(HEDGED.search(self.sentence.text))

    @cached_property
    def quoted(self) -> bool:
        """Someone's own words: the sentence opens with a quotation mark."""
        return opens_with_quote(self.sentence.text)

    @cached_property
    def reported(self) -> bool:
        return bool(SPEECH_CUES.search(self.sentence.text))

    @cached_property
    def update(self) -> bool:
        return bool(UPDATE_CUES.search(self.sentence.text))

    @cached_property
    def sources(self) -> frozenset[str]:
        """Who the sentence is attributed to: the names in it when it reports speech, else none."""
        return self.names if self.reported else frozenset()

    def different_sources(self, other: Statement) -> bool:
        """Both report speech, from people or bodies that are not the same: disagreement between sources."""
        if not (self.reported and other.reported) or not (self.sources or other.sources):
            return False
        return not (self.sources & other.sources) or bool(self.sources ^ other.sources)


def is_negation(word: str) -> bool:
    """ "not", "never", "didn't", "didn’t": typewriter or typographic apostrophe alike."""
    return word in NEGATIONS or word.endswith(("n't", "n’t"))


def statements(document: Document) -> list[Statement]:
    names_by_sentence: dict[int, set[str]] = {}
    for name in document.names:
        sentence = document.sentence_at(name.start)
        if sentence is not None:
            key = _name_key(name.text)
            opens_sentence = name.start == sentence.start and " " not in name.text.strip()
            if key not in CALENDAR_WORDS and not opens_sentence:  # "Police", "Twenty-seven": capitalised, not names
                names_by_sentence.setdefault(sentence.index, set()).add(key)
    return [
        Statement(s, terms, frozenset(names_by_sentence.get(s.index, ())), s.block in document.headings)
        for s, terms in zip(document.sentences, document.sentence_terms, strict=True)
    ]


def _name_key(text: str) -> str:
    return without_possessive(text).split()[-1].lower()


def overlap(a: Statement, b: Statement) -> float:
    """Share of the smaller statement's content words found in the other."""
    small = min(len(a.content), len(b.content))
    return len(a.content & b.content) / small if small else 0.0
