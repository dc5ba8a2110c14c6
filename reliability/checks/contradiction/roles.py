"""contradiction.role: one named person given two different titles."""

from __future__ import annotations

import re
from collections import defaultdict

from reliability.checks.contradiction.conflicts import Conflict
from reliability.checks.contradiction.lexicon import NOT_A_CURRENT_ROLE, ROLE_TOKENS, SPELLING_VARIANTS
from reliability.checks.contradiction.statements import Statement
from reliability.document import Document
from reliability.language.morphology import without_possessive
from reliability.language.people import HONORIFICS, NATIONALITIES
from reliability.language.people import OFFICE_TITLE_RE as ROLE_RE
from reliability.language.stop_words import STOP_WORDS

_PERSON = r"(?P<person>(?:[A-Z][\w’'-]+ ){0,3}[A-Z][\w’'-]+)"
_TITLE_WORD = r"(?:[A-Z][\w’'-]*|of|for|and|the)"
# "Defense Minister Khawaja Asif", "Pakistan's foreign minister Ishaq Dar"
_ROLE = rf"(?i:{ROLE_RE.pattern})"
BEFORE_NAME = re.compile(
    rf"(?P<title>(?:(?:former|acting|then|ex-|interim) )?(?:{_TITLE_WORD} ){{0,4}}(?:[a-z]+ ){{0,2}}{_ROLE})\s+{_PERSON}"
)
# What BEFORE_NAME must hold, a title before a capital, found without its costly run-up of title words
ROLE_BEFORE_CAPITAL = re.compile(rf"{_ROLE}\s+[A-Z]")
# "Khawaja Asif, the defense minister," / "Khawaja Asif, Pakistan's defence minister"
AFTER_NAME = re.compile(
    rf"{_PERSON}, (?:the |a |an |its |his |her |their |[A-Z][\w’'-]+(?:’s|'s) )(?P<title>(?:[\w-]+ ){{0,4}}?{_ROLE})\b"
)
# "The club's manager, Steve Walcott, said"
TITLE_THEN_NAME = re.compile(
    rf"(?:[Tt]he |[Ii]ts |[Hh]is |[Hh]er |[A-Z][\w’'-]+(?:’s|'s) )(?P<title>(?:[\w’'-]+ ){{0,3}}?{_ROLE}), {_PERSON},"
)
PAST_NAME = (AFTER_NAME, TITLE_THEN_NAME)  # the patterns that need no title before a capital
#: Words of a title that say whose it is, not what it is: "Pakistani defence minister", "party leader".
NOT_THE_OFFICE = NATIONALITIES | {"the", "country", "party"}
TITLE_INNER_WORDS = frozenset({"of", "for", "and", "the"})  # "Secretary of State", "Minister for Health"


def role_conflicts(document: Document, statements: list[Statement]) -> list[Conflict]:
    titles: dict[str, list[tuple[Statement, frozenset[str], str, list[str]]]] = defaultdict(list)
    for statement in statements:
        if not statement.names or ROLE_TOKENS.isdisjoint(statement.words):
            continue  # the regular expressions below are costly: only sentences with a name and a role word
        text = statement.sentence.text
        patterns = (BEFORE_NAME, AFTER_NAME, TITLE_THEN_NAME) if ROLE_BEFORE_CAPITAL.search(text) else PAST_NAME
        for pattern in patterns:
            for m in pattern.finditer(text):
                person = m.group("person")
                if not person[:1].isupper() or ROLE_RE.fullmatch(person.split()[-1]) or len(person) < 3:
                    continue
                title = m.group("title")
                if NOT_A_CURRENT_ROLE.search(title):
                    continue
                names = [w for w in person.split() if w.lower().rstrip(".") not in HONORIFICS]
                titles[person.split()[-1]].append((statement, normal_title(title), title, names))
    found = []
    for surname, titled in titles.items():
        firsts = {title: (a, title, shown, person) for a, title, shown, person in reversed(titled)}
        mentions = sorted(firsts.values(), key=lambda mention: mention[0].sentence.index)
        for i, (a, title_a, shown_a, person_a) in enumerate(mentions):
            clash = next(
                (
                    (b, s)
                    for b, t, s, person in mentions[i + 1 :]
                    if b is not a and same_person(person_a, person) and incompatible_titles(title_a, t)
                ),
                None,
            )
            if clash:
                b, shown_b = clash
                message = (
                    f"{surname} is called “{shown_b.strip()}” here but “{shown_a.strip()}” earlier: "
                    "one person, two titles. Check which is right."
                )
                found.append(Conflict("role", a, b, message))
                break
    return found


def normal_title(title: str) -> frozenset[str]:
    words = [without_possessive(w) for w in re.findall(r"[\w’'.-]+", title.lower())]
    # a title starts after the last function word caught before it: "Under President Chavez", "His words
    # about President Bush", "But Labour spokesman Mr Kemp"
    cut = max((i + 1 for i, w in enumerate(words) if w in STOP_WORDS and w not in TITLE_INNER_WORDS), default=0)
    # an owner is part of the title ("Labour's campaign spokesman"), a nationality or a generic one is not
    kept = (w for w in words[cut:] if w not in NOT_THE_OFFICE and w not in STOP_WORDS)
    return frozenset(SPELLING_VARIANTS.get(w, w) for w in kept)


def same_person(a: list[str], b: list[str]) -> bool:
    """ "John Howard" and "Michael Howard" are two people; "Howard" may be either."""
    shorter, longer = sorted((a, b), key=len)
    return longer[-len(shorter) :] == shorter


def incompatible_titles(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two titles conflict unless one is a fuller form of the other ("minister" / "defense minister")."""
    return bool(a) and bool(b) and not (a <= b or b <= a)
