"""contradiction.polarity: two closely matching statements, one negating or reversing the other."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from reliability.checks.contradiction.conflicts import Conflict
from reliability.checks.contradiction.lexicon import ANTONYM_OF
from reliability.checks.contradiction.statements import Statement, is_negation, overlap
from reliability.language.morphology import stem
from reliability.language.verbs import BE_FORMS, DO_FORMS, HAVE_FORMS

#: Words skipped after a negation to reach the verb it negates ("not yet been", "never would have"); "am"
#: and the rarer modals are not among them, as the detector was tuned.
AUXILIARIES = (BE_FORMS - {"am"}) | HAVE_FORMS | DO_FORMS | frozenset("will would can could yet".split())

MIN_OVERLAP = 0.5
MIN_CONTENT = 4
MIN_SHARED = 2
MAX_SHARED_POSTINGS = 50  # a word in more sentences than this says nothing about which two match


def polarity_conflicts(statements: list[Statement]) -> list[Conflict]:
    """Candidates come from an inverted index of content words, so cost grows with matches, not with n²."""
    index: dict[str, list[int]] = defaultdict(list)
    for statement in statements:
        if len(statement.content) >= MIN_CONTENT:
            for word in statement.content:
                index[word].append(statement.sentence.index)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for postings in index.values():
        if len(postings) <= MAX_SHARED_POSTINGS:
            for pair in combinations(postings, 2):
                shared[pair] += 1
    found = []
    for (i, j), count in sorted(shared.items()):
        if count < MIN_SHARED:
            continue
        a, b = statements[i], statements[j]
        if a.heading or b.heading or overlap(a, b) < MIN_OVERLAP or a.different_sources(b) or b.update:
            continue
        if a.conditional != b.conditional:
            continue  # a rule and its exception, or a plan and what would stop it: both can be true
        if a.quoted and b.quoted:
            continue  # two people's words: a debate the article reports, not the article contradicting itself
        if a.hedged or b.hedged:
            continue  # what might be is no claim that something is
        reason = _reversal(a, b)
        if reason:
            message = f"This says {reason} of what an earlier, closely matching sentence says: both cannot be true."
            found.append(Conflict("polarity", a, b, message))
    return found


def _reversal(a: Statement, b: Statement) -> str | None:
    if a.negated != b.negated:
        negated, plain = (a, b) if a.negated else (b, a)
        if _negates_shared_word(negated, plain):
            return "the opposite (one of the two is negated)"
        return None
    words_a, words_b = set(a.words), set(b.words)
    for word in dict.fromkeys(w for w in b.words if w not in words_a):  # in reading order: the same run to run
        opposite = ANTONYM_OF.get(word, set()) & (words_a - words_b)
        if opposite:
            return f"“{word}” where it said “{sorted(opposite)[0]}”, the reverse"
    return None


def _negates_shared_word(negated: Statement, plain: Statement) -> bool:
    """The negation bears on what both sentences say ("has not held" / "has held"), not on some other word."""
    words = negated.words
    for i, word in enumerate(words):
        if is_negation(word):
            following = [w for w in words[i + 1 : i + 4] if w not in AUXILIARIES]
            if any(stem(w) in plain.content for w in following[:2]):
                return True
    return False
