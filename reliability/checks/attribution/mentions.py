"""Speaker mentions: what kind of source a speaker phrase names.

A phrase found next to a cue (`speakers.py`) is classified from its words alone:

- `named`: a person or organisation named in the text ("Zabihullah Mujahid", "Islamabad");
  the role, if given, is the rest of the phrase or an appositive (", an analyst with ...").
- `role`: a specific office without a name ("Pakistan's foreign minister", "a Taliban spokesperson").
- `anaphor`: a definite role that points back ("the spokesman"); resolved to an earlier named source.
- `pronoun`: "he", "she", "they"; resolved to the nearest preceding named source.
- `anonymous`: an unnamed individual or unit ("a source close to the talks", "officials at the Pentagon").
- `vague`: nobody in particular ("officials", "analysts", "security sources", "some", "reports").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reliability.checks.attribution import lexicon as lx
from reliability.document import Document, Word
from reliability.language.morphology import singular, without_possessive

#: Where a speaker phrase's head ends ("a spokesperson | for the Taliban", "a report | by Demos").
HEAD_END_PREPOSITIONS = lx.NP_PREPOSITIONS | {lx.AUTHOR_PREPOSITION}
#: The longest speaker phrase read (the annotated set's longest is 8 words): walking further back from
#: every cue of a sentence with no end ("SHOUT SHOUT …") would take quadratic time.
MAX_PHRASE_WORDS = 16


@dataclass(frozen=True, slots=True)
class Mention:
    """Who a cue attributes to: the whole phrase, its kind, the name inside it and the role."""

    start: int
    end: int
    kind: str  # named | role | anaphor | pronoun | anonymous | vague
    name: tuple[int, int] | None = None
    role: str | None = None
    head: str = ""

    @property
    def identified(self) -> bool:
        return self.kind in ("named", "role", "anaphor", "pronoun")


def is_capitalised(word: Word) -> bool:
    return word.text[:1].isupper()


def person_role_plural(word: str) -> str | None:
    """The singular of a plural person role ("organisers" -> "organiser", "lawyers" -> "lawyer"), else None."""
    one = singular(word)
    return one if one != word and one in lx.PERSON_ROLE_NOUNS else None


def classify(document: Document, indexes: list[int]) -> Mention | None:
    """What kind of source the phrase over these word indexes names."""
    words, lower = document.words, document.lower_words
    while indexes and lower[indexes[0]] in lx.NP_PREPOSITIONS | {"and"}:
        indexes = indexes[1:]
    while indexes and lower[indexes[-1]] in HEAD_END_PREPOSITIONS | lx.DETERMINERS - {"some", "many", "several"} | {
        "and"
    }:
        indexes = indexes[:-1]
    if not indexes:
        return None
    start, end = words[indexes[0]].start, words[indexes[-1]].end
    indefinite = lower[indexes[0]] in ("a", "an", "one")
    definite = lower[indexes[0]] in ("the", "this", "that")
    split = next((k for k, i in enumerate(indexes) if k and lower[i] in HEAD_END_PREPOSITIONS), len(indexes))
    head, complement = indexes[:split], indexes[split:]
    body = [i for i in head if lower[i] not in lx.DETERMINERS or lower[i] in ("some", "many", "several")]
    if not body:
        group = person_role_plural(lower[complement[-1]]) if head and lower[head[0]] == "one" and complement else None
        if group:  # "one of the organisers": someone unnamed, identified by the group
            return Mention(start, end, "anonymous", role=document.text[start:end], head=group)
        return None
    tail = _name_tail(document, body)
    if tail:
        name_end = words[tail[-1]].end
        # "United Nations Assistance Mission in Afghanistan": a capitalised complement belongs to the name
        comp_words = [i for i in complement if lower[i] not in HEAD_END_PREPOSITIONS | lx.DETERMINERS]
        if tail[-1] == head[-1] and comp_words and all(is_capitalised(words[i]) for i in comp_words):
            name_end = words[complement[-1]].end
            end = name_end
        elif complement:
            end = words[head[-1]].end
        role_words = body[: body.index(tail[0])]
        role = document.text[words[role_words[0]].start : words[role_words[-1]].end] if role_words else None
        return Mention(start, end, "named", (words[tail[0]].start, name_end), role, lower[tail[-1]])
    head_noun = lower[body[-1]]
    affiliated = any(_proper(document, i) for i in body[:-1]) or any(_proper(document, i) for i in complement)
    owned = affiliated or any(without_possessive(words[i].text) != words[i].text for i in body)
    phrase = document.text[start:end]
    if head_noun in lx.DOCUMENT_NOUNS:
        if owned:
            return Mention(start, end, "role", role=phrase, head=head_noun)
        if definite:
            return Mention(start, end, "anaphor", role=phrase, head=head_noun)
        kind = "vague" if head_noun in lx.VAGUE_DOCUMENT_NOUNS and not indefinite else "anonymous"
        return Mention(start, end, kind, role=phrase if kind == "anonymous" else None, head=head_noun)
    if head_noun in lx.VAGUE_NOUNS or (head_noun in ("some", "many", "several") and len(body) == 1):
        if affiliated:
            return Mention(start, end, "anonymous", role=phrase, head=head_noun)
        return Mention(start, end, "vague", head=head_noun)
    if (
        head_noun in lx.ROLE_NOUNS
        or lx.AGE_DESCRIPTOR.fullmatch(head_noun)
        or (is_capitalised(words[body[-1]]) and head_noun in lx.TITLES)
    ):
        if owned or any(_proper(document, i) for i in body):
            return Mention(start, end, "role", role=phrase, head=head_noun)
        if definite:
            return Mention(start, end, "anaphor", role=phrase, head=head_noun)
        if indefinite or head_noun in lx.ANONYMOUS_SINGULARS:
            return Mention(start, end, "anonymous", role=phrase, head=head_noun)
        return Mention(start, end, "role", role=phrase, head=head_noun)
    return None


def _name_tail(document: Document, body: list[int]) -> list[int]:
    """The trailing run of capitalised name words, titles and possessives excluded."""
    words, lower = document.words, document.lower_words
    tail: list[int] = []
    for i in reversed(body):
        w = words[i]
        possessive = without_possessive(w.text) != w.text
        if not is_capitalised(w) or lower[i] in lx.TITLES or possessive or lower[i] in lx.NOT_NAMES:
            break
        if lower[i] in lx.PERSON_ROLE_NOUNS and tail:
            break  # "Striker Leo Mantas", "Councillor Janet Reeve"
        if tail and lower[i] in lx.VAGUE_NOUNS:
            break
        tail.insert(0, i)
    if len(tail) == 1 and len(body) == 1:
        # a lone sentence-initial capitalised word may just be a common noun ("Officials said")
        w = words[tail[0]]
        if sentence_initial(document, w) and (
            lower[tail[0]] in lx.VAGUE_NOUNS
            or lower[tail[0]] in lx.ROLE_NOUNS
            or lower[tail[0]] in lx.DETERMINERS
            or lower[tail[0]] in lx.DOCUMENT_NOUNS
        ):
            return []
    return tail


def _proper(document: Document, i: int) -> bool:
    """A capitalised word that names someone: not a nationality, not a sentence-initial common modifier."""
    word = document.words[i]
    if not is_capitalised(word) or _is_nationality(word.text):
        return False
    lower = document.lower_words[i]
    if lower in lx.VAGUE_MODIFIERS or lower in lx.ROLE_MODIFIERS or lower in lx.DETERMINERS or lower in lx.ROLE_NOUNS:
        return not sentence_initial(document, word)
    return True


def sentence_initial(document: Document, word: Word) -> bool:
    """Whether a word starts a sentence or a line (so its capital letter says nothing)."""
    before = document.analysis_text[max(0, word.start - 6) : word.start].rstrip(" \t\"“‘'")
    return not before or before[-1] in ".!?\n\r:" or word.start < 6 and not before.strip()


def _is_nationality(word: str) -> bool:
    lower = word.lower()
    return lower in lx.NATIONALITIES or lower.endswith(("ian", "ese")) and lower[:1].isalpha()


@lru_cache(maxsize=8192)
def is_person(name: str, role: str | None) -> bool:
    """A person's name rather than an organisation's: no organisation word, and a person's role or two names.
    Kept for the names met last: an article asks of the same names again and again."""
    tokens = name.split(maxsplit=MAX_PHRASE_WORDS)
    if len(tokens) > MAX_PHRASE_WORDS:
        return False  # a run of capitals ("SHOUT SHOUT …"), nobody's name
    if any(t.lower().strip(".,") in lx.ORG_WORDS for t in tokens):
        return False
    role_words = set((role or "").lower().split())
    if role_words & lx.PERSON_ROLE_NOUNS:
        return True
    return 2 <= len(tokens) <= 4 and not any(_is_nationality(t) or t.lower() in lx.NOT_NAMES for t in tokens)
