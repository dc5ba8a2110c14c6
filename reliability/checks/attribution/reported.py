"""Indirect speech: the words a reporting cue reports, when they are not in quotation marks.

After the cue ("X said (that) they respected the vote") or, when nothing follows the speaker, the clause
before it ("The vote was fair, X said."). A cue that also takes a plain object reports only a clause:
"X added that …", "X confirmed Kim was visiting", never "Carolina added three more goals", "Suncor
reported a profit", "she urged police to investigate". Without a parser, a clause is told by its first words: a
subject pronoun, or a finite verb (an auxiliary, a modal or a past tense) within the next few words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reliability.checks.attribution import lexicon as lx
from reliability.document import Document

if TYPE_CHECKING:
    from reliability.checks.attribution.statements import Attribution

_THAT_RE = re.compile(r"\s*(?:,|:)?\s*(?:that\s+)?")
#: How far into the reported words a clause's verb must come: "the backstop would be", "Kim was visiting".
_VERB_WITHIN = 8


def reported_content(document: Document, a: Attribution) -> tuple[int, int] | None:
    """The reported content: after the cue ("said that …"), or the clause before it ("…, X said")."""
    sentence = document.sentences[a.sentence]
    text = document.analysis_text
    if sentence.text.rstrip().endswith("?") or sentence.block in document.headings:
        return None  # a question reports nothing; a headline or a promo line ("WATCH: X says …") names a story
    speaker_end = a.mention.end if a.mention else a.cue_end
    tail_from = max(a.cue_end, speaker_end) if a.form in ("after", "according") else a.cue_end
    opening = _THAT_RE.match(text, tail_from)
    assert opening is not None  # the pattern matches the empty string
    tail = _trim(text, _after_adjunct(document, opening.end(), sentence.end), sentence.end)
    head_end = min(a.cue_start, a.mention.start if a.mention else a.cue_start)
    head = _trim(text, sentence.start, head_end)
    if a.form == "according" and head[1] - head[0] > 3:
        return head
    if _only_an_adjunct(document, head):
        head = (head[0], head[0])  # "After Kody died, she said": when, not what
    if a.form == "before" and text[sentence.start : head_end].rstrip().endswith(","):
        if len(document.words_between(*head)) >= 3 and not _clause_follows(document, a, tail):
            return head  # "Content …, X said on Friday." (not "In a statement, X said they …")
    if len(document.words_between(*tail)) >= 3 and a.form != "after":
        # "…, the carrier said, blaming fuel costs": the participle's object is what its subject claims
        return tail if a.form == "participle" or _reports_clause(document, a, tail) else None
    if len(document.words_between(*head)) >= 3:
        return head
    return None


def _after_adjunct(document: Document, start: int, end: int) -> int:
    """ "said on Tuesday that …", "said in a statement that …": the report starts after the "that" that
    follows a short time or place adjunct."""
    words = document.words_between(start, end)
    lower = document.lower_words
    if not words or not (lower[words.start] in lx.PLACE_PREPOSITIONS or lower[words.start] in lx.TIME_FILLERS):
        return start
    for k in range(words.start + 1, min(words.stop, words.start + 6)):
        if lower[k] == "that":
            return document.words[k].end
        if lower[k] in lx.FINITE_VERBS:
            break
    return start


def _only_an_adjunct(document: Document, span: tuple[int, int]) -> bool:
    """A fronted adverbial alone ("After Kody died", "In an e-mailed statement"), as opposed to one
    followed by a clause ("In 2019, the firm lost …")."""
    words = document.words_between(*span)
    return (
        bool(words)
        and document.lower_words[words.start] in lx.ADJUNCT_OPENERS
        and "," not in document.analysis_text[span[0] : span[1]]
    )


def _clause_follows(document: Document, a: Attribution, tail: tuple[int, int]) -> bool:
    """ "X said (that) they respected the vote": what follows the cue is the report, whatever precedes
    the speaker ("In an emailed statement, …", "Despite the distrust she feels, …"). A tail of a few words
    or one opening on a preposition ("said on Friday", "said in a statement") is no report."""
    words = document.words_between(*tail)
    if len(words) < 4 or not _reports_clause(document, a, tail):
        return False
    first = document.lower_words[words.start]
    return first not in lx.NP_PREPOSITIONS and first not in lx.TIME_FILLERS and first not in lx.TIME_NOUNS


def _reports_clause(document: Document, a: Attribution, tail: tuple[int, int]) -> bool:
    """Whether the words after the cue are a reported clause rather than an object or an adjunct."""
    gap = document.analysis_text[a.cue_end : tail[0]].lower()
    if ":" in gap or re.search(r"\bthat\b", gap):
        return True
    if "," in gap:
        return False  # "…, he said, though he did not name anyone": the report came before
    if document.lower_words[document.words_between(a.cue_start, a.cue_end).start] not in lx.OBJECT_CUES:
        return True
    words = document.words_between(*tail)
    lower = document.lower_words
    if lower[words.start] in lx.SUBJECT_PRONOUNS or lower[words.start] in ("who", "which"):
        return lower[words.start] in lx.SUBJECT_PRONOUNS
    for k in range(words.start + 1, min(words.stop, words.start + _VERB_WITHIN)):
        word = lower[k]
        if word in lx.FINITE_VERBS or word.endswith(("n't", "’s", "'s")) and word[:-2] in lx.SUBJECT_PRONOUNS:
            return True
        if word.endswith("ed") and lower[k - 1] not in ("and", "or", "of", "the", "a", "an"):
            return True
    return False


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",:;–—-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.:;!?–—-"):
        end -= 1
    return start, end
