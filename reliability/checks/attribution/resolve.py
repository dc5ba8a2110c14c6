"""Speaker resolution: from the phrase next to a cue to the source it names.

Pronouns ("he told AFP") and definite roles ("the spokesman said") resolve to the nearest preceding
named source: a person for he/she/I, any named source for they/it/we, one whose role shares the
head noun for a definite role. A surname alone points to its person when met before ("Mujahid's
restatement … He reiterated"); a section head ("The Ceasefire Agreement") points to nobody. A short
name ("Mujahid") resolves to the fuller form met earlier ("Zabihullah Mujahid"), among speakers
first, then among the article's names. A named speaker's
role comes from the phrase itself, an appositive, or the words before the name's first mention
("Taliban spokesman Zabihullah Mujahid laid the blame").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from reliability.checks.attribution import lexicon as lx
from reliability.checks.attribution.antecedents import Candidate, Chooser, Reference, best, features, may_mean, sex_of
from reliability.checks.attribution.locate import names_by_last_word
from reliability.checks.attribution.mentions import Mention, classify, is_person
from reliability.checks.attribution.statements import Statement
from reliability.document import Document, Segment
from reliability.language.morphology import without_possessive
from reliability.language.people import sex_of_words


@dataclass(slots=True)
class Source:
    """A distinct source: a named person or organisation, or an office named only by its role."""

    key: str
    text: str
    start: int
    end: int
    kind: str  # named | role | anonymous | vague | pronoun
    role: str | None
    person: bool
    mentions: int = 0
    last: int = -1  # where the article last attributed words to it


@dataclass(frozen=True, slots=True)
class Resolved:
    """The source a statement is attributed to, and the local phrase that refers to it."""

    source: Source | None
    mention: Mention | None


@dataclass(slots=True)
class _State:
    """What resolution knows so far in one article: the named sources in order of first attribution, by
    key, where the direct quotes are (a name inside one is rarely the next speaker), the chooser, and what
    was read of each name once (a pronoun's candidates are mostly the previous pronoun's)."""

    named: list[Source]
    by_key: dict[str, Source]
    quoted: list[tuple[int, int]]
    choose: Chooser
    fuller: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # by name as written
    read: dict[int, tuple[bool, bool, bool, bool]] = field(default_factory=dict)  # by mention start
    people: dict[tuple[str, str | None], tuple[bool, str | None]] = field(default_factory=dict)  # by name, role
    chosen: dict[int, Source | None] = field(default_factory=dict)  # by pronoun or role start


def resolve(document: Document, statements: list[Statement], choose: Chooser = best) -> list[Resolved]:
    """The resolved source of every statement, aligned with `statements`; `choose` picks among the
    candidates of a pronoun or definite role (the shipped model unless a fitting script records)."""
    quoted = sorted((s.start, s.end) for s in statements if s.kind == "direct")
    state = _State([], {}, quoted, choose)
    out: list[Resolved] = []
    for statement in statements:
        mention = statement.attribution.mention if statement.attribution else None
        source = _resolve_one(document, mention, state) if mention else None
        if source is not None and not statement.inherited:
            source.mentions += 1
        if source is not None and mention is not None:
            source.last = max(source.last, mention.start)
        out.append(Resolved(source, mention))
    return out


def _resolve_one(document: Document, mention: Mention, state: _State) -> Source | None:
    text, named, by_key = document.text, state.named, state.by_key
    source: Source | None
    if mention.kind == "named" and mention.name:
        start, end = mention.name
        role_words = set((mention.role or "").lower().split())
        # "the Supreme Court" is no person; "The state's attorney general, Dean Collier" is one
        definite = (
            text[mention.start : mention.end].lower().startswith("the ") and not role_words & lx.PERSON_ROLE_NOUNS
        )
        full, start, end = (text[start:end], start, end) if definite else _fuller_name(document, start, end, named)
        source = _register(document, by_key, named, full, start, end, mention.role, False if definite else None)
        if source.role is None and mention.role:
            source.role = mention.role
        return source
    if mention.kind == "pronoun":
        pronoun = document.text[mention.start : mention.end].lower()
        wanted_person = pronoun in lx.PERSON_PRONOUNS
        rule = _nearest_named(document, mention.start, named, person=wanted_person)
        kind = "personal" if wanted_person else "thing" if pronoun == "it" else "impersonal"
        source = _ranked(document, mention.start, kind, sex_of_words([pronoun]), "", rule, state)
        if source is not None:
            return source
        return Source(
            pronoun, text[mention.start : mention.end], mention.start, mention.end, "pronoun", None, wanted_person
        )
    if mention.kind == "anaphor":
        earlier = [s for s in named if s.start < mention.start]
        if mention.head in lx.PERSON_ROLE_NOUNS or lx.AGE_DESCRIPTOR.fullmatch(mention.head):
            same_role = next((s for s in reversed(earlier) if s.role and mention.head in s.role.lower()), None)
            rule = (
                (same_role.text, same_role.start, same_role.end)
                if same_role is not None
                else _nearest_named(document, mention.start, named, person=True)
            )
            source = _ranked(document, mention.start, "role", sex_of_words([mention.head]), mention.head, rule, state)
            if source is not None:
                return source
        else:
            source = _named_organisation(document, mention, by_key, named)
            if source is not None:
                return source
    phrase = text[mention.start : mention.end]
    key = " ".join(w for w in phrase.lower().split() if w not in lx.DETERMINERS)
    kind = "role" if mention.kind == "anaphor" else mention.kind
    source = by_key.get(key)
    if source is None:
        source = Source(key, phrase, mention.start, mention.end, kind, mention.role, False)
        by_key[key] = source
    return source


def _nearest_named(document: Document, at: int, named: list[Source], person: bool) -> tuple[str, int, int] | None:
    """The named source nearest before `at`: the speaker quoted last, unless a person is named after that, in
    this or the previous paragraph. A name after a preposition ("at White Bear First Nation", "on Christmas
    Day") is where or when, not who, and one after "told" is the listener ("told HuffPost Canada"); and a two-word name counts as a person only when the article also
    calls it by its last word alone ("Darian Lonechild" … "Lonechild said"), as news copy does with people."""
    earlier = [s for s in named if s.start < at and (s.person or not person)]
    speaker = max(earlier, key=lambda s: max(s.last, s.start), default=None)
    block = document.block_index_at(at) if document.blocks else 0
    floor = document.blocks[max(0, block - 1)].start if document.blocks else 0
    floor = max(floor, max(speaker.last, speaker.start) + 1 if speaker else 0)
    surnames = {s.text.split()[-1] for s in named if s.person and s.kind == "named"}
    wanted = 1 if speaker is not None else 0  # an introduced person after a speaker, else any person
    candidate = None
    for name in reversed(document.names_between(floor, at)[-_SCAN_NAMES:]):
        facts = _name_facts(document, name)
        # "Mujahid’s restatement … He reiterated": one word, the last name of a person already quoted
        if facts is not None and (facts[wanted] or without_possessive(name.text) in surnames):
            candidate = name
            break
    if candidate is None:
        return (speaker.text, speaker.start, speaker.end) if speaker is not None else None
    return _fuller_name(document, candidate.start, candidate.start + len(without_possessive(candidate.text)), named)


def _ranked(
    document: Document, at: int, kind: str, sex: str | None, head: str, rule: tuple[str, int, int] | None, state: _State
) -> Source | None:
    """The candidate `state.choose` picks for the pronoun or role at `at` (see `antecedents.py`); a mention
    that several quotes inherit is ranked once."""
    if at in state.chosen:
        return state.chosen[at]
    sentence = document.sentence_at(at)
    reference = Reference(kind, sex, head, at, sentence.index if sentence else 0, document.block_index_at(at))
    candidates = [c for c in _candidates(document, at, rule, state) if may_mean(kind, c)]
    k = state.choose(reference, candidates, features(reference, candidates))
    source = None if k is None else state.by_key.get(candidates[k].text.lower())
    if k is not None and source is None:
        chosen = candidates[k]
        source = _register(document, state.by_key, state.named, chosen.text, chosen.start, chosen.end, None)
    state.chosen[at] = source
    return source


#: How many names before a pronoun are candidates (with every source quoted so far): the annotated
#: antecedents lie within a dozen names.
_CANDIDATE_NAMES = 8


def _candidates(document: Document, at: int, rule: tuple[str, int, int] | None, state: _State) -> list[Candidate]:
    """The sources named or quoted in the paragraph of `at` and the three before, the last names there
    (section heads left out), and the rule's pick, each once under its fullest name, described by its last
    mention."""
    floor = document.blocks[max(0, document.block_index_at(at) - 3)].start if document.blocks else 0
    last: dict[str, tuple[str, int, int, Segment]] = {}  # key -> fullest form, where first named, last mention
    for spoken in state.named:
        if spoken.kind == "named" and floor <= max(spoken.start, spoken.last) and spoken.start < at:
            last[spoken.key] = (
                spoken.text,
                spoken.start,
                spoken.end,
                Segment(-1, spoken.start, spoken.end, spoken.text),
            )
    names: list[Segment] = []
    for name in reversed(document.names_between(floor, at)[-_SCAN_NAMES:]):
        if len(names) == _CANDIDATE_NAMES:
            break
        if _name_facts(document, name) is not None:
            names.append(name)
    for name in reversed(names):
        if name.text not in state.fuller:  # a surname alone stands for its fuller form ("Mujahid")
            end = name.start + len(without_possessive(name.text))
            single = " " not in name.text[: end - name.start]
            state.fuller[name.text] = (
                _fuller_name(document, name.start, end, state.named) if single else (name.text, name.start, end)
            )
        full, start, end = state.fuller[name.text]
        last[full.lower()] = (full, start, end, name)
    if rule is not None and rule[0].lower() not in last:
        last[rule[0].lower()] = (*rule, Segment(-1, rule[1], rule[2], rule[0]))
    candidates = []
    for key, (full, start, end, mention) in last.items():
        source = state.by_key.get(key)
        spoke = source.last if source is not None and source.last < at else -1
        candidate = _candidate(document, full, start, end, mention, source, spoke, state)
        candidate.rule = rule is not None and key == rule[0].lower()
        candidates.append(candidate)
    return candidates


def _candidate(
    document: Document,
    full: str,
    start: int,
    end: int,
    mention: Segment,
    source: Source | None,
    spoke: int,
    state: _State,
) -> Candidate:
    """What the text says of one candidate: `mention` is its last mention by name, `spoke` where it was
    last quoted (-1: never)."""
    seen = max(mention.start, spoke)
    if mention.start not in state.read:
        sentence = document.sentence_at(mention.start)
        i = bisect_left(state.quoted, (mention.start + 1,)) - 1
        fact = _name_facts(document, mention) if mention.index >= 0 else None
        state.read[mention.start] = (
            fact[1] if fact is not None else _introduced(document, mention),
            sentence is not None and not document.analysis_text[sentence.start : mention.start].strip(" “\"‘'"),
            fact is None and _after_preposition(document, mention.start),
            i >= 0 and state.quoted[i][0] <= mention.start < state.quoted[i][1],
        )
    introduced, opens, after_preposition, in_quote = state.read[mention.start]
    role = source.role if source is not None else None
    if (full, role) not in state.people:
        person = source.person if source is not None else is_person(full, role)
        state.people[full, role] = (person, sex_of(document, full, role) if person else None)
    person, sex = state.people[full, role]
    at_sentence = document.sentence_at(seen)
    return Candidate(
        text=full,
        start=start,
        end=end,
        last_seen=seen,
        sentence=at_sentence.index if at_sentence else 0,
        block=document.block_index_at(seen),
        person=person,
        sex=sex,
        introduced=introduced,
        subject=opens,
        after_preposition=after_preposition,
        in_quote=in_quote,
        role=role,
        speaker=spoke >= 0,
        mentions=source.mentions if source is not None else 0,
        last_spoke=spoke,
        rule=False,
    )


def _after_preposition(document: Document, start: int) -> bool:
    before = document.analysis_text[max(0, start - 12) : start].split()
    last = before[-1].lower() if before else ""
    return last in lx.PLACE_PREPOSITIONS or last in lx.ADDRESSING_CUES or last in ("the", "a", "an")


_INTRODUCED_AFTER_RE = re.compile(r",\s*(?:who|an?|the|\d{1,3}\s*,)\s")


def _introduced(document: Document, name: Segment) -> bool:
    """A person the article introduces, whom a pronoun after may mean: named with a role or title before
    ("Redwick manager Paul Ostrowski", "Dr. Leyla Aksoy"), an appositive after (", who heads …", ", 39,"),
    as the subject opening a sentence, or called by the last name alone elsewhere ("Lonechild said")."""
    text = document.analysis_text
    sentence = document.sentence_at(name.start)
    if sentence is not None and not text[sentence.start : name.start].strip(" “\"‘'"):
        return True
    before = text[max(0, name.start - 30) : name.start].split()
    if before and (before[-1].lower().strip(".,") in lx.ROLE_NOUNS or before[-1].lower() in lx.TITLES):
        return True
    return bool(_INTRODUCED_AFTER_RE.match(text, name.end)) or _called_by_surname(document, name.text)


def _called_by_surname(document: Document, name: str) -> bool:
    """Whether the article also uses the name's last word alone ("Lonechild said")."""
    last = without_possessive(name).split()[-1]
    index = names_by_last_word(document)
    return any(
        without_possessive(n.text) == last for key in (last, last + "’s", last + "'s") for n in index.get(key, ())
    )


#: How many names back from a pronoun the rule looks, at most: a bound on the work a paragraph with no
#: end can ask for, far beyond the dozen names real paragraphs hold.
_SCAN_NAMES = 64


def _name_facts(document: Document, name: Segment) -> tuple[bool, bool] | None:
    """Whether a name is a person, and a person the article introduces; None for a name no pronoun points
    to: in a section head ("The Ceasefire Agreement") or after a preposition ("at White Bear First
    Nation"). Read once per name and Document, and only for names near a pronoun."""
    facts: dict[int, tuple[bool, bool] | None] = document.memo("attribution.name_facts", lambda _: {})
    if name.index not in facts:
        if document.block_index_at(name.start) in document.headings or _after_preposition(document, name.start):
            facts[name.index] = None
        else:
            person = is_person(name.text, None)
            facts[name.index] = (person, person and _introduced(document, name))
    return facts[name.index]


def _named_organisation(
    document: Document, mention: Mention, by_key: dict[str, Source], named: list[Source]
) -> Source | None:
    """ "the hospital said" -> "St Anne's Hospital" (a preceding name ending in the same noun) or,
    for "the company", the organisation named just before ("the ticketing company Stagepass")."""
    floor = document.blocks[max(0, document.block_index_at(mention.start) - 1)].start if document.blocks else 0
    for name in reversed(document.names_between(floor, mention.start)):
        tokens = name.text.lower().split()
        before = document.text[max(0, name.start - 40) : name.start].lower().split()
        if tokens[-1] == mention.head or (before and before[-1] == mention.head):
            return _register(document, by_key, named, name.text, name.start, name.end, None, person=False)
    return None


def _register(
    document: Document,
    by_key: dict[str, Source],
    named: list[Source],
    text: str,
    start: int,
    end: int,
    role: str | None,
    person: bool | None = None,
) -> Source:
    key = text.lower()
    source = by_key.get(key)
    if source is None:
        role = role or _role_before_first_mention(document, text, start)
        source = Source(key, text, start, end, "named", role, is_person(text, role) if person is None else person)
        by_key[key] = source
        named.append(source)
    return source


def _fuller_name(document: Document, start: int, end: int, named: list[Source]) -> tuple[str, int, int]:
    """ "Mujahid" -> "Zabihullah Mujahid" when that fuller form came earlier (as a speaker or a name)."""
    name = document.text[start:end]
    tokens = name.split()
    for source in reversed(named):
        if source.kind == "named" and source.person and _extends(source.text.split(), tokens):
            return source.text, source.start, source.end
    for candidate in names_by_last_word(document).get(tokens[-1], ()):
        if candidate.start >= start:
            break
        if not is_person(candidate.text, None):  # first: it reads at most a few words of a long run of capitals
            continue
        words = candidate.text.split()
        if _extends(words, tokens) and not any(t.lower() in lx.TITLES or "’s" in t or "'s" in t for t in words):
            return candidate.text, candidate.start, candidate.end
    return name, start, end


def _extends(longer: list[str], shorter: list[str]) -> bool:
    return len(longer) > len(shorter) and longer[-len(shorter) :] == shorter


def _role_before_first_mention(document: Document, name: str, fallback: int) -> str | None:
    """The role words right before the first mention of `name` ("Taliban spokesman" Zabihullah Mujahid)."""
    last_word = name.split()[-1] if name.split() else ""
    first = next(
        (n for n in names_by_last_word(document).get(last_word, ()) if n.text == name or n.text.endswith(" " + name)),
        None,
    )
    start = first.start if first is not None else fallback
    indexes = document.words_between(start, start + len(name))
    if not indexes:
        return None
    sentence = document.sentence_at(start)
    if sentence is None:
        return None
    i = indexes.start
    while (
        i - 1 >= sentence.words.start
        and document.analysis_text[document.words[i - 1].end : document.words[i].start].isspace()
    ):
        lower = document.lower_words[i - 1]
        if not (document.words[i - 1].text[:1].isupper() or lower in lx.ROLE_NOUNS or lower in lx.ROLE_MODIFIERS):
            break
        i -= 1
    if i == indexes.start:
        return None
    mention = classify(document, list(range(i, indexes.stop)))
    return mention.role if mention is not None and mention.kind == "named" else None
