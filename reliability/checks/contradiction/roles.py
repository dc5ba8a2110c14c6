"""contradiction.role: one named person given two different titles."""

from __future__ import annotations

import re
from collections import defaultdict

from reliability.checks.contradiction.conflicts import Conflict
from reliability.checks.contradiction.lexicon import NOT_A_CURRENT_ROLE, ROLE_RE, ROLE_TOKENS, SPELLING_VARIANTS
from reliability.checks.contradiction.statements import STOP_WORDS, Statement
from reliability.document import Document

_PERSON = r"(?P<person>(?:[A-Z][\w’'-]+ ){0,3}[A-Z][\w’'-]+)"
_TITLE_WORD = r"(?:[A-Z][\w’'-]*|of|for|and|the)"
# "Defense Minister Khawaja Asif", "Pakistan's foreign minister Ishaq Dar"
_ROLE = rf"(?i:{ROLE_RE.pattern})"
BEFORE_NAME = re.compile(rf"(?P<title>(?:(?:former|acting|then|ex-|interim) )?(?:{_TITLE_WORD} ){{0,4}}(?:[a-z]+ ){{0,2}}{_ROLE})\s+{_PERSON}")
# "Khawaja Asif, the defense minister," / "Khawaja Asif, Pakistan's defence minister"
AFTER_NAME = re.compile(rf"{_PERSON}, (?:the |a |an |its |his |her |their |[A-Z][\w’'-]+(?:’s|'s) )(?P<title>(?:[\w-]+ ){{0,4}}?{_ROLE})\b")
# "The club's manager, Steve Walcott, said"
TITLE_THEN_NAME = re.compile(rf"(?:[Tt]he |[Ii]ts |[Hh]is |[Hh]er |[A-Z][\w’'-]+(?:’s|'s) )(?P<title>(?:[\w’'-]+ ){{0,3}}?{_ROLE}), {_PERSON},")
NATIONALITY = re.compile(r"^(?:[a-z]+(?:’s|'s)|pakistani|afghan|american|british|french|german|russian|chinese|indian|iranian|israeli|turkish|us|u\.s\.|uk|the|of the|country's|party's)$")


def role_conflicts(document: Document, statements: list[Statement]) -> list[Conflict]:
    titles: dict[str, list[tuple[Statement, str, str]]] = defaultdict(list)
    for statement in statements:
        if not statement.names or ROLE_TOKENS.isdisjoint(statement.words):
            continue  # the regular expressions below are costly: only sentences with a name and a role word
        text = statement.sentence.text
        for pattern in (BEFORE_NAME, AFTER_NAME, TITLE_THEN_NAME):
            for m in pattern.finditer(text):
                person = m.group("person")
                if not person[:1].isupper() or ROLE_RE.fullmatch(person.split()[-1]) or len(person) < 3:
                    continue
                title = m.group("title")
                if NOT_A_CURRENT_ROLE.search(title):
                    continue
                titles[person.split()[-1]].append((statement, _normal(title), title))
    found = []
    for surname, titled in titles.items():
        firsts = {title: (a, title, shown) for a, title, shown in reversed(titled)}
        mentions = sorted(firsts.values(), key=lambda mention: mention[0].sentence.index)
        for i, (a, title_a, shown_a) in enumerate(mentions):
            clash = next(((b, t, s) for b, t, s in mentions[i + 1 :] if b is not a and _incompatible(title_a, t)), None)
            if clash:
                b, _, shown_b = clash
                message = (f"{surname} is called “{shown_b.strip()}” here but “{shown_a.strip()}” earlier: "
                           "one person, two titles. Check which is right.")
                found.append(Conflict("role", a, b, message))
                break
    return found


def _normal(title: str) -> frozenset[str]:
    words = [SPELLING_VARIANTS.get(w, w) for w in re.findall(r"[\w’'.-]+", title.lower())]
    # function words caught before a title are no part of it: "Under President Chavez", "which President Chavez"
    return frozenset(w for w in words if not NATIONALITY.match(w) and w not in STOP_WORDS)


def _incompatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two titles conflict unless one is a fuller form of the other ("minister" / "defense minister")."""
    return bool(a) and bool(b) and not (a <= b or b <= a)
