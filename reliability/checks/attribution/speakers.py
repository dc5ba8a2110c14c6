"""Speaker phrases: finding the noun phrase next to a reporting verb.

A speaker phrase is read off the Document's word tokens, walking away from the cue verb while
the words still look like part of a name or a role ("Foreign Ministry spokesman Tahir Hussain
Andrabi", "A spokesperson for the Taliban", "Pakistani officials", "he"), with its appositives
(", an analyst with …"; "Its leader, Marc Delage, said"). `mentions.classify` then says what kind
of source it names.
"""

from __future__ import annotations

import re

from reliability.checks.attribution import lexicon as lx
from reliability.checks.attribution.mentions import (
    HEAD_END_PREPOSITIONS,
    MAX_PHRASE_WORDS,
    Mention,
    classify,
    is_capitalised,
    person_role_plural,
)
from reliability.document import Document, Sentence, Word
from reliability.language.people import ABBREVIATED_TITLES

_APPOSITIVE_RE = re.compile(r",\s*((?:an?|the|who|whose|now|then|former|[a-z][\w-]*)\s[^,;:“”\"()]{3,140}?)\s*,?\s*$")
#: "Its leader, Marc Delage, said": the name is the appositive and the role comes before it.
_NAME_APPOSITIVE_RE = re.compile(
    r"(?:^|[,;:]\s*|\s)((?:[A-Za-z][\w’'-]*\s+){0,5}[a-z][\w’'-]*)\s*,\s*([A-Z][^,;:“”\"()]{1,60}?)\s*,?\s*$"
)
_AGE_APPOSITIVE_RE = re.compile(r"\s*,\s*\d{1,3}\s*,\s*$")
_SPACED_AGE_RE = re.compile(r"the (\d{1,3}) year old\b", re.IGNORECASE)
_COUNTED_RE = re.compile(r"\bof\s+\d[\d,.]*\s+$")  # "a poll of 1,313 people"


def _np_word(document: Document, word: Word) -> bool:
    """Could this word be part of a speaker phrase?"""
    lower = document.lower_words[word.index]
    if is_capitalised(word):
        return lower not in lx.NOT_NAMES or lower in ("the", "a", "an", "some", "many")
    return (
        lower in lx.ROLE_NOUNS
        or lower in lx.ROLE_MODIFIERS
        or lower in lx.VAGUE_NOUNS
        or lx.AGE_DESCRIPTOR.fullmatch(lower) is not None
        or person_role_plural(lower) is not None
        or lower in lx.VAGUE_MODIFIERS
        or lower in lx.DETERMINERS
        or lower in lx.NP_PREPOSITIONS
        or lower in lx.DOCUMENT_NOUNS
        or lower in ("media", "news", "press", "and", "government", "close")
        or _author_of_document(document, word)
    )


def _author_of_document(document: Document, word: Word) -> bool:
    """ "a report by think tank Demos": "by" after a document names who wrote it."""
    lower = document.lower_words
    return lower[word.index] == lx.AUTHOR_PREPOSITION and word.index > 0 and lower[word.index - 1] in lx.DOCUMENT_NOUNS


def _compound_modifier(document: Document, index: int, head: int) -> bool:
    """An unlisted lower-case word directly before a role noun: "shop owner", "fire service"."""
    return (
        0 <= index < len(document.words)
        and 0 <= head < len(document.words)
        and document.lower_words[index].isalpha()
        and document.words[index].text.islower()
        and document.lower_words[head] in lx.ROLE_NOUNS
        and _joined(document, document.words[index], document.words[head])
    )


def _joined(document: Document, left: Word, right: Word) -> bool:
    """Whether two adjacent words are separated by spaces only (or an abbreviation's dot)."""
    gap = document.analysis_text[left.end : right.start]
    if not gap or gap.isspace():
        return True
    return gap.startswith(".") and gap[1:].isspace() and document.lower_words[left.index] in ABBREVIATED_TITLES


def skip_back_over_prefixes(document: Document, sentence: Sentence, index: int) -> int:
    """From the cue at word `index`, step back over auxiliaries and adverbs ("has repeatedly accused")."""
    first = sentence.words.start
    lower = document.lower_words
    i = index - 1
    j = i
    while (
        j >= first
        and (lower[j] in lx.TIME_NOUNS or lower[j] in lx.TIME_FILLERS or lower[j].isdigit())
        and (_joined(document, document.words[j], document.words[j + 1]))
    ):
        j -= 1
    if j < i and any(lower[k] in lx.TIME_NOUNS or lower[k].isdigit() for k in range(j + 1, i + 1)):
        i = j
    while (
        i >= first
        and document.lower_words[i] in lx.CUE_PREFIXES
        and _joined(document, document.words[i], document.words[i + 1])
    ):
        i -= 1
    return i


def phrase_before(document: Document, sentence: Sentence, cue_index: int) -> Mention | None:
    """The speaker phrase ending right before the cue word ("Taliban spokesman Zabihullah Mujahid said")."""
    words, first = document.words, sentence.words.start
    last = skip_back_over_prefixes(document, sentence, cue_index)
    if last < first:
        return None
    if not _joined(document, words[last], words[last + 1]):
        gap = document.analysis_text[words[last].end : words[last + 1].start]
        if gap.strip() == ",":
            return _appositive_before(document, sentence, words[last + 1].start)
        return None
    if document.lower_words[last] in lx.PRONOUNS:
        w = words[last]
        return Mention(w.start, w.end, "pronoun")
    lower = document.lower_words
    if (
        last - 1 >= first
        and lower[last - 1] in lx.VAGUE_QUANTIFIERS
        and words[last].text.islower()
        and lower[last].endswith("s")
        and _joined(document, words[last - 1], words[last])
    ):
        return Mention(words[last - 1].start, words[last].end, "vague", head=lower[last])  # "some fans say"
    i = _phrase_start(document, first, last)
    counted = _COUNTED_RE.search(document.analysis_text, max(sentence.start, words[i].start - 40), words[i].start)
    if counted:  # "A Daily Telegraph poll of 1,313 people suggests": the people are what the poll counted
        i = _phrase_start(document, first, document.words_between(counted.start(), counted.end()).start)
    if not _np_word(document, words[last]):
        return None
    return classify(document, list(range(i, last + 1)))


def _phrase_start(document: Document, first: int, last: int) -> int:
    """The first word of the noun phrase ending at word `last`, not before word `first`."""
    words = document.words
    i = last
    first = max(first, last - MAX_PHRASE_WORDS + 1)
    while (
        i - 1 >= first
        and (_np_word(document, words[i - 1]) or _compound_modifier(document, i - 1, i))
        and _joined(document, words[i - 1], words[i])
    ):
        i -= 1
    return i


def phrase_after(document: Document, index: int, limit: int) -> Mention | None:
    """The speaker phrase starting at word `index` ("said Ibraheem Bahiss, an analyst with ...")."""
    words = document.words
    if index >= len(words) or words[index].start >= limit:
        return None
    if document.lower_words[index] in lx.PRONOUNS:
        w = words[index]
        return Mention(w.start, w.end, "pronoun")
    aged = _SPACED_AGE_RE.match(document.analysis_text, words[index].start, limit)
    if aged:  # "said the 30 year old": the hyphens lost in extraction
        return Mention(aged.start(), aged.end(), "anaphor", role=aged.group(0), head=f"{aged.group(1)}-year-old")
    j = index
    while (
        j < len(words)
        and words[j].end <= limit
        and (_np_word(document, words[j]) or _compound_modifier(document, j, j + 1))
        and (j == index or _joined(document, words[j - 1], words[j]))
    ):
        j += 1
    while j > index and document.lower_words[j - 1] in HEAD_END_PREPOSITIONS | lx.DETERMINERS:
        j -= 1  # "said Mujahid on" -> "said Mujahid"
    if j == index:
        return None
    mention = classify(document, list(range(index, j)))
    if mention is not None and mention.kind == "named" and mention.role is None:
        role = _appositive_after(document, words[j - 1].end, limit)
        if role:
            mention = Mention(mention.start, mention.end, mention.kind, mention.name, role)
    return mention


def clause_subject(document: Document, sentence: Sentence, cue_index: int) -> Mention | None:
    """The subject of the clause a participle cue hangs from ("X stood by ..., claiming ...")."""
    words = document.words
    i = sentence.words.start
    while i < cue_index:
        if _np_word(document, words[i]) or document.lower_words[i] in lx.PRONOUNS:
            after_preposition = (
                i > sentence.words.start
                and document.lower_words[i - 1]
                in (
                    lx.NP_PREPOSITIONS
                    | {"on", "by", "after", "before", "during", "despite", "under", "over", "beyond", "about"}
                )
                and _joined(document, words[i - 1], words[i])
            )
            j = i
            if document.lower_words[i] in lx.PRONOUNS:
                j = i + 1
            else:
                while (
                    j < cue_index
                    and _np_word(document, words[j])
                    and (j == i or _joined(document, words[j - 1], words[j]))
                ):
                    j += 1
            if not after_preposition:
                if j == i + 1 and document.lower_words[i] in lx.PRONOUNS:
                    return Mention(words[i].start, words[i].end, "pronoun")
                mention = classify(document, list(range(i, j)))
                if mention is not None:
                    return mention
            i = max(j, i + 1)
        else:
            i += 1
    return None


def _appositive_before(document: Document, sentence: Sentence, comma_end: int) -> Mention | None:
    """ "Ibraheem Bahiss, an analyst with the International Crisis Group, said"; "Riordan, 39, said";
    "The head of the unit, Acting Detective Chief Superintendent, Mick Deats, said" """
    prefix = document.analysis_text[sentence.start : comma_end]
    aged = _AGE_APPOSITIVE_RE.search(prefix)
    if aged:
        return _name_ending_at(document, sentence, sentence.start + aged.start())
    named_appositive = _NAME_APPOSITIVE_RE.search(prefix)
    if named_appositive:
        name_start = sentence.start + named_appositive.start(2)
        indexes = list(document.words_between(name_start, sentence.start + named_appositive.end(2)))
        mention = classify(document, indexes) if indexes else None
        if mention is not None and mention.kind == "named":
            role = " ".join(named_appositive.group(1).split())
            return Mention(
                sentence.start + named_appositive.start(1), mention.end, "named", mention.name, role, mention.head
            )
    stacked = _name_before_appositives(document, sentence, prefix)
    if stacked is not None:
        return stacked
    m = _APPOSITIVE_RE.search(prefix)
    if not m:  # the name itself right before the comma
        return _name_ending_at(document, sentence, sentence.start + len(prefix.rstrip().rstrip(",")))
    mention = _name_ending_at(document, sentence, sentence.start + m.start(1))
    if mention is None:
        return None
    return Mention(mention.start, mention.end, "named", mention.name, _clean_role(m.group(1)))


def _name_before_appositives(document: Document, sentence: Sentence, prefix: str) -> Mention | None:
    """`"…," Richard Doherty, from Panasonic's laboratories, one of the pioneers of Blu-ray, told`: a name
    after the quote (or opening the sentence) and two or more lower-case appositives before the cue."""
    after_quote = max(prefix.rfind("”"), prefix.rfind('"')) + 1
    parts = [m for m in re.finditer(r"[^,]+", prefix[after_quote:]) if m.group().strip()]
    appositives = parts[1:]
    if len(appositives) < 2 or not all(p.group().strip()[:1].islower() for p in appositives):
        return None
    name_start = sentence.start + after_quote + parts[0].start()
    mention = _name_ending_at(document, sentence, sentence.start + after_quote + parts[0].end())
    if mention is None or mention.start < name_start:
        return None
    role = ", ".join(" ".join(p.group().split()) for p in appositives)
    return Mention(mention.start, mention.end, "named", mention.name, role, mention.head)


def _name_ending_at(document: Document, sentence: Sentence, end: int) -> Mention | None:
    """The named source whose words run up to `end` within the sentence, if a name is what they form."""
    indexes = list(document.words_between(sentence.start, end))[-MAX_PHRASE_WORDS:]
    j = len(indexes)
    while (
        j > 0
        and _np_word(document, document.words[indexes[j - 1]])
        and (j == len(indexes) or _joined(document, document.words[indexes[j - 1]], document.words[indexes[j]]))
    ):
        j -= 1
    mention = classify(document, indexes[j:]) if j < len(indexes) else None
    return mention if mention is not None and mention.kind == "named" else None


def _appositive_after(document: Document, after: int, limit: int) -> str | None:
    text = document.analysis_text[after:limit]
    m = re.match(r"\s*,\s*((?:an?|the|who is|who was|now|former)\s[^,;:“”\"()]{3,140}?)\s*(?:[,.;:]|$)", text)
    return _clean_role(m.group(1)) if m else None


def _clean_role(role: str) -> str:
    role = " ".join(role.split())
    return re.sub(r"^(?:who is|who was|now)\s+", "", role)
