"""People: role nouns, titles of office, honorifics and nationalities, lower-case."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from reliability.language.patterns import first_letters
from reliability.language.pronouns import FEMININE, MASCULINE, OBJECTS, POSSESSIVE_DETERMINERS, SUBJECTS

#: Nouns naming a person's role or office ("a spokesperson for the Taliban"): any role that
#: identifies a speaker, from "minister" to "witness" and "fan".
PERSON_ROLE_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson spokespeople minister president premier secretary chief
    director official governor mayor senator lawmaker legislator congressman congresswoman
    representative ambassador envoy diplomat general commander colonel captain lieutenant officer
    sergeant inspector detective judge justice prosecutor attorney lawyer barrister solicitor counsel
    chancellor chairman chairwoman chair ceo executive founder co-founder manager coach analyst
    economist strategist researcher scientist professor expert doctor physician surgeon nurse teacher
    headteacher principal leader head adviser advisor aide negotiator mediator commissioner
    superintendent sheriff councillor councilor alderman deputy undersecretary administrator auditor
    treasurer president-elect prime monarch king queen prince princess pope bishop cleric imam rabbi
    priest owner partner investor trader broker banker author historian journalist editor
    correspondent reporter witness resident survivor victim farmer grower worker employee student
    campaigner activist organiser organizer chairperson secretary-general meteorologist forecaster
    climatologist epidemiologist virologist engineer architect striker midfielder defender goalkeeper
    referee player athlete champion winner medallist medalist neighbour neighbor mother father
    musician artist singer songwriter actor actress novelist writer producer fan voter parent patient
    passenger driver pilot shopper customer consumer user viewer listener visitor tourist shopkeeper
    developer designer programmer gamer blogger fellow""".split()
)

#: Titles of one office that one person holds at a time ("defence minister", "chief executive"),
#: multi-word ones included: two of them for one person is a contradiction.
OFFICE_TITLES = (
    "minister", "president", "vice president", "prime minister", "spokesman", "spokeswoman", "spokesperson",
    "secretary", "chairman", "chairwoman", "chair", "governor", "mayor", "general", "senator", "ambassador",
    "director", "chief", "commander", "chancellor", "judge", "coach", "captain", "manager", "ceo", "chief executive",
    "founder", "leader", "treasurer", "head", "king", "queen", "prince", "envoy", "councillor", "councilor",
    "lawmaker", "mp", "representative", "speaker", "inspector", "professor", "attorney general", "prosecutor",
    "editor", "officer", "chief financial officer", "chief operating officer", "striker", "goalkeeper", "defender",
    "midfielder", "deputy", "commissioner", "sheriff", "superintendent",
)  # fmt: skip
#: Any office title, matched case-insensitively as whole words, longest first.
OFFICE_TITLE_RE = re.compile(
    rf"\b(?={first_letters(OFFICE_TITLES)})(?:"
    + "|".join(sorted((re.escape(t) for t in OFFICE_TITLES), key=len, reverse=True))
    + r")\b",
    re.I,
)

#: Title words written before a name, as part of the role, not of the name: "Field Marshal Asim Munir".
TITLES = frozenset(
    """minister secretary president vice prime foreign defense defence interior information finance
    home health justice trade general gen gen. lt lt. col col. maj maj. capt capt. sgt sgt. adm adm.
    field marshal admiral colonel captain major lieutenant sergeant commander chief director
    governor gov gov. senator sen sen. rep rep. representative congressman congresswoman mayor
    judge justice ambassador envoy chancellor chairman chairwoman spokesman spokeswoman spokesperson
    dr dr. prof prof. professor mr mr. mrs mrs. ms ms. sir dame lord lady king queen prince princess
    pope sheikh mullah maulana imam rabbi father bishop archbishop cardinal inspector detective
    superintendent commissioner deputy attorney solicitor auditor treasurer speaker leader coach
    manager ceo cfo coo chair head state affairs economic economy energy environment education
    transport interior""".split()
)
#: Forms of address before a name, which are not part of it: "Mr Blair", "Dame Judi Dench".
HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady".split())
#: Titles abbreviated with a full stop that does not end the sentence: "Dr. Smith", "Gen. Asim Munir".
ABBREVIATED_TITLES = frozenset("dr gen lt col maj capt sgt adm gov sen rep prof mr mrs ms st jr sr".split())

#: Demonyms: "Pakistani officials" stay vague, a nationality does not identify anyone.
NATIONALITIES = frozenset(
    """afghan american arab australian austrian bangladeshi belgian brazilian british canadian chinese
    czech danish dutch egyptian emirati english european filipino finnish french german greek indian
    indonesian iranian iraqi irish israeli italian japanese jordanian kenyan korean kuwaiti lebanese
    libyan malaysian mexican moroccan nepali nigerian norwegian omani pakistani palestinian polish
    portuguese qatari romanian russian saudi scottish serbian somali spanish sudanese swedish swiss
    syrian taiwanese thai turkish ukrainian us u.s u.s. uk eu venezuelan vietnamese welsh western
    yemeni african asian gulf""".split()
)

#: Words that tell a person's sex where the article uses them of someone: an honorific ("Ms. Wojtaszek")
#: or a role ("a spokeswoman", "his mother").
FEMALE_WORDS = frozenset(
    """mrs mrs. ms ms. miss dame lady spokeswoman chairwoman congresswoman businesswoman actress queen
    princess mother wife daughter sister grandmother girlfriend widow aunt niece""".split()
)
MALE_WORDS = frozenset(
    """mr mr. sir lord spokesman chairman congressman businessman actor king prince father husband son
    brother grandfather boyfriend widower uncle nephew""".split()
)


@cache
def _first_names() -> dict[str, str]:
    table = json.loads(resources.files(__package__).joinpath("first_names.json").read_text("utf-8"))
    return {name.lower(): sex for sex in ("male", "female") for name in table[sex].split()}


def sex_of_first_name(word: str) -> str | None:
    """ "male" or "female" when at least 90% of the people given this first name are of one sex (US birth
    records, `first_names.json`); None for a name the records do not settle ("Tareq", "Jordan")."""
    return _first_names().get(word.lower())


# the pronouns that tell a person's sex where they stand: subject, object or possessive determiner
_FEMALE_PRONOUNS = FEMININE & (SUBJECTS | OBJECTS | POSSESSIVE_DETERMINERS)  # she, her
_MALE_PRONOUNS = MASCULINE & (SUBJECTS | OBJECTS | POSSESSIVE_DETERMINERS)  # he, him, his


def sex_of_words(words: list[str]) -> str | None:
    """ "female" / "male" when the lower-case words hold a gendered pronoun, honorific or role, all of one sex."""
    female = any(w in FEMALE_WORDS or w in _FEMALE_PRONOUNS for w in words)
    male = any(w in MALE_WORDS or w in _MALE_PRONOUNS for w in words)
    return "female" if female and not male else "male" if male and not female else None
