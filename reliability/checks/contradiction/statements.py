"""What the contradiction check needs to know about each sentence: its content words, names and source."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from reliability.checks.contradiction.lexicon import HEDGED, MONTHS, NEGATIONS, SPEECH_CUES, UPDATE_CUES, WEEKDAYS
from reliability.document import OPENING_QUOTE_MARKS, Document, Sentence, without_possessive

STOP_WORDS = frozenset(
    "a an the and or but if of to in on at by for with from as is are was were be been being has have had do does did "
    "it its this that these those he she they we you i his her their our your them him us who whom which what when "
    "where why how than then there here also not no never so such very can could would should will may might must "
    "said says say told after before over under into about up down out more most other some any all each both since "
    "between while during until still just only even again already yet per via among against across through near "
    "according".split()
)
CALENDAR = frozenset(WEEKDAYS + MONTHS)
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
        return any(w in NEGATIONS or w.endswith("n't") for w in self.words)

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
        return self.sentence.text.lstrip()[:1] in OPENING_QUOTE_MARKS

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


def statements(document: Document) -> list[Statement]:
    names_by_sentence: dict[int, set[str]] = {}
    for name in document.names:
        sentence = document.sentence_at(name.start)
        if sentence is not None:
            key = _name_key(name.text)
            opens_sentence = name.start == sentence.start and " " not in name.text.strip()
            if key not in CALENDAR and not opens_sentence:  # "Police", "Twenty-seven": capitalised, not names
                names_by_sentence.setdefault(sentence.index, set()).add(key)
    return [
        Statement(s, terms, frozenset(names_by_sentence.get(s.index, ())), s.block in document.headings)
        for s, terms in zip(document.sentences, document.sentence_terms, strict=True)
    ]


def _name_key(text: str) -> str:
    return without_possessive(text).split()[-1].lower()


def stem(word: str) -> str:
    return word.replace("’s", "").replace("'s", "")[:6]


def overlap(a: Statement, b: Statement) -> float:
    """Share of the smaller statement's content words found in the other."""
    small = min(len(a.content), len(b.content))
    return len(a.content & b.content) / small if small else 0.0
