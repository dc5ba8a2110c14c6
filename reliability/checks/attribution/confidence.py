"""How likely a candidate statement is a real attribution: a logistic model over its shape.

The rules of `statements.py` propose candidates generously (every cue with a speaker phrase, every
quote of four words or more); many of the wrong ones share a shape: a vague speaker and a few words
of adjunct ("After Kody died, she said"), a short title-cased phrase in marks, a clause that opens
on a preposition. Each candidate's features (speaker kind, cue form, where content and cue sit,
what the content looks like) go through a logistic regression whose weights, feature scaling and
threshold live in `statement_model.json`, fitted on public annotated news by
`evaluation/train_attribution.py` (development outlets; threshold on held-out outlets). Candidates
under the threshold are not reported (an unattributed quote among them is only an info), so the
check's quotes, warnings and metrics rest on likely ones.

The cue verb's family is deliberately not a feature: on the annotated set it predicts what the
annotators chose to mark (people's words after "said") more than what is an attribution, and a
model that used it dropped about half of the real attributions of wire copy ("Islamabad claims",
"the Taliban denied", "UNAMA reported").
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, repeat
from operator import or_

from reliability.checks.attribution import lexicon as lx
from reliability.checks.attribution.linear import LinearModel, read_linear_model
from reliability.checks.attribution.statements import Statement, is_partial
from reliability.document import Document
from reliability.language.pronouns import (
    CONTRACTED,
    FIRST_PLURAL,
    FIRST_SINGULAR,
    OBJECTS,
    POSSESSIVE_DETERMINERS,
    SUBJECTS,
)

FORMS = ("before", "after", "participle", "according", "dash")
SPEAKER_KINDS = ("named", "role", "anaphor", "pronoun", "anonymous", "vague")
_WH_OPENERS = frozenset("what why how whether who where when if".split())
#: The speaker's own voice inside a statement: "I", "we" as subject, object or owner (no "mine", "myself").
_FIRST_PERSON = (FIRST_SINGULAR | FIRST_PLURAL) & (SUBJECTS | OBJECTS | POSSESSIVE_DETERMINERS | CONTRACTED)

FEATURES = (
    "bias_direct",
    "inherited",
    "unattributed",
    "partial",
    "full_sentence",
    "ends_comma",
    "title_case",
    "log_words",
    "sentences",
    "opens_block",
    "cue_after_content",
    "log_cue_gap",
    "log_speaker_gap",
    "speaker_sentence_initial",
    "speaker_words",
    "weak_cue",
    "present_cue",
    "that_follows",
    "adjunct_opener",
    "wh_opener",
    "first_person",
    "has_marks",
    "has_finite_verb",
    "question",
    *(f"form_{f}" for f in FORMS),
    *(f"speaker_{k}" for k in SPEAKER_KINDS),
)


def statement_features(document: Document, statement: Statement) -> list[float]:
    """The feature vector of one candidate, in the order of `FEATURES`."""
    text, lower = document.analysis_text, document.lower_words
    content = document.words_between(statement.start, statement.end)
    counts = document.memo("attribution.word_counts", _word_counts)
    first = lower[content.start] if content else ""
    a = statement.attribution
    mention = a.mention if a else None
    capitalised = counts.capitalised[content.stop] - counts.capitalised[content.start]
    finite = counts.finite[content.stop] > counts.finite[content.start]
    first_person = counts.first_person[content.stop] > counts.first_person[content.start]
    start_sentence, end_sentence = (
        document.sentence_at(statement.start),
        document.sentence_at(max(statement.start, statement.end - 1)),
    )
    sentences = end_sentence.index - start_sentence.index + 1 if start_sentence and end_sentence else 1
    block = document.blocks[document.block_index_at(statement.start)] if document.blocks else None
    opens_block = block is not None and _only_marks_between(text, block.start, statement.start)
    cue_after = a is not None and a.cue_start >= statement.end
    cue_gap = (a.cue_start - statement.end if cue_after else statement.start - a.cue_end) if a else 0
    speaker_gap = abs(mention.start - a.cue_start) if a and mention else 0
    speaker_initial = False
    if mention is not None:
        sentence = document.sentence_at(mention.start)
        speaker_initial = sentence is not None and _only_marks_between(text, sentence.start, mention.start)
    cue = (
        lower[document.words_between(a.cue_start, a.cue_end).start]
        if a and a.form != "dash" and document.words_between(a.cue_start, a.cue_end)
        else ""
    )
    between = text[a.cue_end : statement.start].lower().split() if a and not cue_after else []
    values = [
        statement.kind == "direct",
        statement.inherited,
        a is None,
        statement.kind == "direct" and is_partial(document, statement.start),
        text[statement.end - 1 : statement.end] in ".!?" or text[statement.end : statement.end + 1] in ".!?",
        text[statement.end - 1 : statement.end] == "," or text[statement.end : statement.end + 1] == ",",
        capitalised / len(content) if content else 0.0,
        math.log1p(len(content)),
        min(sentences, 5),
        opens_block,
        cue_after,
        math.log1p(max(0, cue_gap)),
        math.log1p(speaker_gap),
        speaker_initial,
        len(document.words_between(mention.start, mention.end)) if mention else 0,
        cue in lx.WEAK_CUES,
        cue.endswith("s") and not cue.endswith("ss"),
        "that" in between[-2:],
        first in lx.ADJUNCT_OPENERS,
        first in _WH_OPENERS,
        first_person and statement.kind == "indirect",
        _any_between(counts.marks, statement.start, statement.end),
        finite,
        _any_between(counts.questions, statement.start, statement.end + 1),
        *(a is not None and a.form == f for f in FORMS),
        *(mention is not None and mention.kind == k for k in SPEAKER_KINDS),
    ]
    return [float(v) for v in values]


_DOUBLE_MARK_RE = re.compile('["“”]')
_QUESTION_RE = re.compile(r"\?")


@dataclass(frozen=True)
class _WordCounts:
    """Running counts over the document's words (capitalised, finite verbs, first person) and the offsets
    of double marks and question marks: a statement's counts are two look-ups, so a sentence with no end
    ("officials said officials said …"), where every cue reports the rest of it, costs linear time."""

    capitalised: list[int]
    finite: list[int]
    first_person: list[int]
    marks: list[int]
    questions: list[int]


def _word_counts(document: Document) -> _WordCounts:
    lower = document.lower_words
    capitalised = list(accumulate((w.text[:1].isupper() for w in document.words), initial=0))
    finite_verbs = map(or_, map(lx.FINITE_VERBS.__contains__, lower), map(str.endswith, lower, repeat("ed")))
    finite = list(accumulate(finite_verbs, initial=0))
    first_person = list(accumulate(map(_FIRST_PERSON.__contains__, lower), initial=0))
    text = document.analysis_text
    marks = [m.start() for m in _DOUBLE_MARK_RE.finditer(text)]
    questions = [m.start() for m in _QUESTION_RE.finditer(text)]
    return _WordCounts(capitalised, finite, first_person, marks, questions)


def _only_marks_between(text: str, start: int, end: int) -> bool:
    """Nothing but spaces and opening marks in [start, end) (a few characters at most: never a long read)."""
    return end - start <= 4 and not text[start:end].strip(" \"“'‘")


def _any_between(offsets: list[int], start: int, end: int) -> bool:
    i = bisect_left(offsets, start)
    return i < len(offsets) and offsets[i] < end


@cache
def load_model() -> LinearModel:
    """The shipped statement scorer."""
    return read_linear_model("statement_model.json", FEATURES, "evaluation/train_attribution.py")


def confidences(document: Document, statements: list[Statement]) -> list[float]:
    """P(real attribution) of each candidate."""
    model = load_model()
    return [model.probability(statement_features(document, s)) for s in statements]
