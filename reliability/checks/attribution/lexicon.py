"""Word lists the attribution check relies on: reporting verbs, source nouns, titles, agencies.

Kept apart from the logic so they can be read, reviewed and extended as data. Everything is
lower-case unless said otherwise; matching is done on lower-cased word tokens.
"""

from __future__ import annotations

import re

from reliability.language.dates import AMBIGUOUS_MONTHS, CALENDAR_WORDS
from reliability.language.hedges import HEARSAY_ADVERBS, INFERENCE_ADVERBS
from reliability.language.people import NATIONALITIES as NATIONALITIES
from reliability.language.people import PERSON_ROLE_NOUNS as PERSON_ROLE_NOUNS
from reliability.language.people import TITLES as TITLES
from reliability.language.pronouns import (
    FIRST_SINGULAR,
    POSSESSIVE_DETERMINERS,
    SECOND_SINGULAR,
    SUBJECTS,
    THIRD_PERSONAL,
)
from reliability.language.stop_words import NOT_NAME_OPENERS, SENTENCE_ADVERBS

# Words before a cue that make it no report: a passive ("was told"), a modal ("will argue").
from reliability.language.verbs import BE_FORMS as BE_FORMS
from reliability.language.verbs import MODALS as MODALS


def _forms(*lemmas: str) -> frozenset[str]:
    """Every listed inflection, written as 'say said says saying' groups."""
    return frozenset(word for group in lemmas for word in group.split())


# Word tables: one line per group reads better than one line per word.
# fmt: off
#: Verbs that introduce what someone said, wrote or claimed (PARC-style attribution cues).
CUE_VERBS = _forms(
    "say said says saying", "tell told tells telling", "add added adds adding",
    "state stated states stating", "explain explained explains explaining",
    "admit admitted admits admitting", "warn warned warns warning", "claim claimed claims claiming",
    "describe described describes describing", "confirm confirmed confirms confirming",
    "note noted notes noting", "insist insisted insists insisting", "argue argued argues arguing",
    "declare declared declares declaring", "announce announced announces announcing",
    "reiterate reiterated reiterates reiterating", "emphasise emphasised emphasises emphasising",
    "emphasize emphasized emphasizes emphasizing", "stress stressed stresses stressing",
    "write wrote writes writing", "reported reports", "deny denied denies denying",
    "accuse accused accuses accusing", "suggest suggested suggests suggesting",
    "acknowledge acknowledged acknowledges acknowledging", "tweet tweeted tweets tweeting",
    "post posted", "predict predicted predicts predicting", "concede conceded concedes conceding",
    "comment commented comments commenting", "remark remarked remarks remarking",
    "reply replied replies replying", "respond responded responds responding",
    "ask asked asks asking", "urge urged urges urging", "maintain maintained maintains maintaining",
    "assert asserted asserts asserting", "contend contended contends contending",
    "estimate estimated estimates estimating", "recall recalled recalls recalling",
    "observe observed observes observing", "complain complained complains complaining",
    "allege alleged alleges alleging", "praise praised praises praising",
    "pledge pledged pledges pledging", "promise promised promises promising", "vow vowed vows vowing",
    "hint hinted hints hinting", "indicate indicated indicates indicating",
    "reveal revealed reveals revealing", "disclose disclosed discloses disclosing",
    "testify testified testifies testifying", "conclude concluded concludes concluding",
    "threaten threatened threatens threatening", "blame blamed blames blaming",
    "criticise criticised criticises criticising", "criticize criticized criticizes criticizing",
    "demand demanded demands demanding", "believe believed believes", "think thinks thought",
    "caution cautioned cautions cautioning", "boast boasted boasts boasting",
    "joke joked jokes joking", "shout shouted shouts", "cry cried cries", "whisper whispered",
    "recount recounted recounts recounting", "concur concurred",
    "clarify clarified clarifies clarifying", "mention mentioned mentions mentioning",
    "quip quipped quips", "muse mused", "wonder wondered wonders", "reckon reckoned reckons",
    "forecast forecasts forecasting", "projected", "speculate speculated speculates",
    "counter countered counters", "retort retorted", "protest protested protests",
    "lament lamented laments lamenting", "plead pleaded pleads", "inform informed informs",
    "assure assured assures assuring", "attest attested",
    "characterise characterised characterises", "characterize characterized characterizes",
    "welcome welcomed welcomes welcoming", "condemn condemned condemns condemning",
    "call called calls", "outline outlined outlines outlining",
)

#: Cue verbs that are also frequent in other senses; they only count with a clear speaker next to them.
WEAK_CUES = _forms(
    "post posted", "projected", "think thinks thought",
    "believe believed believes", "welcome welcomed welcomes welcoming", "ask asked asks asking",
    "note notes", "comment comments", "claims", "estimates", "remarks", "reports", "protests",
    "counter counters", "cry cries", "forecast forecasts", "demands", "praises", "pledges",
    "promises", "states", "warns", "outline outlined outlines outlining",
)

#: Verbs by which documents "speak" ("a UN report found"); cues only with a document noun as subject.
FINDING_VERBS = _forms("find found finds", "show showed shows shown", "conclude concluded concludes")

#: Nouns for documents and data that can be sources themselves ("a UN report", "studies show").
DOCUMENT_NOUNS = frozenset(
    """report reports study studies survey surveys poll polls data research statement statements
    document documents analysis figures statistics estimate estimates assessment review audit
    filing filings letter memo ruling investigation inquiry paper census lawsuit complaint indictment
    petition judgment judgement affidavit transcript manifesto editorial article""".split()
)
#: Document nouns that, bare and unowned, point at nothing in particular ("reports suggest").
VAGUE_DOCUMENT_NOUNS = frozenset("reports studies surveys polls research documents".split())

#: Base-form cues that are also nouns ("the Pakistani state", "a claim"): not cues after a determiner.
NOUN_LIKE_CUES = frozenset(
    """state claim note comment estimate promise pledge demand protest counter report post tweet joke cry
    shout remark reply stress caution forecast boast vow hint blame welcome praise quip
    respond answer reveal call calls""".split()
)
#: Words that introduce quoted text written somewhere rather than spoken: "under the words "…"".
TEXT_NOUNS = frozenset(
    "words slogan slogans headline headlines title titled entitled caption motto banner tagline sign reads".split()
)
#: Subjects that take "say", never "says": after them an -s form is a noun ("some projects", "tax claims").
PLURAL_SUBJECTS = frozenset("some many most several others people".split())
#: Quantifiers that make any plural noun after them vague: "some fans say", "many doctors believe".
VAGUE_QUANTIFIERS = frozenset("some many most several other others numerous various".split())
DETERMINER_LIKE = frozenset("the a an this that".split()) | POSSESSIVE_DETERMINERS

#: Words that may sit between a subject and its cue: "Mujahid later said", "Islamabad has repeatedly accused".
CUE_PREFIXES = frozenset(
    "has have had was were is are be been will would could may might also later then repeatedly "
    "consistently previously earlier further again once publicly recently initially separately "
    "subsequently privately bluntly simply told flatly firmly quickly openly immediately had "
    "already not never still last first has".split()
) | HEARSAY_ADVERBS | INFERENCE_ADVERBS

#: Time phrases that may sit between a speaker and the cue: "A UN report this year found".
TIME_NOUNS = frozenset(
    """year week month weekend morning afternoon evening night day days weeks months years ago today
    yesterday tonight""".split()
) | (CALENDAR_WORDS - AMBIGUOUS_MONTHS)
TIME_FILLERS = frozenset("this last next on in at earlier early late on".split())
#: Words that open an adverbial phrase or clause rather than a reported one ("After Kody died, she said",
#: "In an emailed statement, …", "Asked what he would do, …").
ADJUNCT_OPENERS = frozenset(
    "after before when while as with without despite since until in on at during amid asked following "
    "because if though although once".split())

#: Modals that, with an "if" before the speaker, make the speech imagined: "if she lost, people would say".
HYPOTHETICAL_MODALS = frozenset("would could might".split())

PRONOUNS = SUBJECTS - SECOND_SINGULAR
#: Pronouns that open a clause as its subject: "X confirmed (that) it was closing".
SUBJECT_PRONOUNS = SUBJECTS | {"there", "this"}
#: Cues that also take a plain object ("Carolina added three goals", "Suncor reported a profit", "she urged
#: police to investigate"): they report only a clause ("X added that …", "X confirmed Kim was visiting").
OBJECT_CUES = _forms(
    "add added adds adding", "call called calls", "report reported reports", "deny denied denies denying",
    "praise praised praises praising", "urge urged urges urging", "pledge pledged pledges pledging",
    "promise promised promises promising", "vow vowed vows vowing", "demand demanded demands demanding",
    "condemn condemned condemns condemning", "blame blamed blames blaming", "accuse accused accuses accusing",
    "criticise criticised criticises criticising", "criticize criticized criticizes criticizing",
    "outline outlined outlines outlining", "respond responded responds responding", "reply replied replies replying",
    "welcome welcomed welcomes welcoming", "disclose disclosed discloses disclosing",
    "reveal revealed reveals revealing", "announce announced announces announcing", "recall recalled recalls recalling",
    "describe described describes describing", "post posted", "tweet tweeted tweets tweeting", "protest protested protests",
    "plead pleaded pleads", "threaten threatened threatens threatening", "ask asked asks asking",
    "write wrote writes writing", "comment commented comments commenting", "mention mentioned mentions mentioning",
    "counter countered counters", "inform informed informs", "recount recounted recounts recounting",
    "confirm confirmed confirms confirming", "characterise characterised characterises",
    "characterize characterized characterizes", "concede conceded concedes conceding", "wonder wondered wonders",
)
#: Cues whose object is the listener ("told reporters", "informed the court"): the words after them never speak.
ADDRESSING_CUES = frozenset("tell told tells telling inform informed informs assure assured assures assuring".split())
#: Auxiliaries and modals: one of them a few words into what follows a cue shows a clause, not an object.
FINITE_VERBS = frozenset(
    """is are was were will would could can should may might must has have had does did do isn't aren't
    wasn't weren't won't wouldn't couldn't can't cannot shouldn't hasn't haven't hadn't doesn't didn't
    don't""".split()
)
PERSON_PRONOUNS = SUBJECTS & (FIRST_SINGULAR | THIRD_PERSONAL)

DETERMINERS = frozenset("a an the one two three four several some many another this".split())

#: Prepositions allowed inside a speaker phrase: "A spokesperson for the Taliban", "Bank of England".
NP_PREPOSITIONS = frozenset("of for at with from in to".split())
#: Prepositions after which a name is a place, a time or an object, not who speaks next ("at White Bear
#: First Nation", "on Christmas Day", "with Kinder Morgan").
PLACE_PREPOSITIONS = frozenset("at in on with from to of for by near into across outside inside against about over under".split())
#: "a report by the think tank Demos": the one preposition that, after a document, names its author.
AUTHOR_PREPOSITION = "by"


#: Lower-case nouns naming an organisation or office that can speak ("the health department said").
ORG_ROLE_NOUNS = frozenset(
    """office ministry department agency council committee commission board army police military
    government administration court tribunal company firm bank authority regulator institute embassy
    mission service union association federation club team group foundation hospital school
    university charity trust operator airline carrier network channel newspaper broadcaster
    manufacturer retailer insurer utility prosecutors tank think-tank""".split()
)
ROLE_NOUNS = PERSON_ROLE_NOUNS | ORG_ROLE_NOUNS

#: "the 30-year-old said": an age stands for a person named earlier, as a role noun does.
AGE_DESCRIPTOR = re.compile(r"\d{1,3}-year-old")

#: Lower-case modifiers that may precede a role noun: "foreign minister", "senior official".
ROLE_MODIFIERS = frozenset(
    """foreign defence defense interior information finance health education justice trade
    economy economic energy environment transport home senior former deputy acting chief top
    junior assistant associate vice federal state local regional provincial national international
    military police security intelligence government party opposition ruling club team company
    his her their its our your my new outgoing incoming interim caretaker official lead principal
    managing executive general district county city municipal presidential ministry press
    communications media public independent private fire rescue ambulance weather water coast
    coastguard border prison housing schools tax customs immigration election electoral emergency
    aviation safety food drug medicines nuclear space wildlife parks town technology operating
    financial marketing commercial sales product design research policy campaign technical
    medical scientific legal human resources chief-executive""".split()
)



#: Capitalised words that mark an organisation rather than a person.
ORG_WORDS = frozenset(
    """ministry office department agency council committee commission board army police force forces
    government administration court tribunal company corporation corp inc ltd plc bank authority
    institute university college school hospital embassy mission service union association federation
    club group foundation party organisation organization fund programme program nations centre center
    bureau network times post news press agency parliament senate congress assembly cabinet
    kremlin pentagon house
    olympics games championship championships cup festival awards prix marathon summit conference""".split()
)  # the last line: events, which are named like people ("Athens Olympics") but never say anything

#: Plural or generic nouns that name nobody in particular: "officials said", "experts believe".
VAGUE_NOUNS = frozenset(
    """officials sources analysts experts critics observers commentators insiders pundits diplomats
    people some many others scientists researchers economists specialists reports studies rumours
    rumors skeptics sceptics supporters opponents forecasters""".split()
)

#: Vague nouns that still count as vague when used in the singular with an indefinite article.
ANONYMOUS_SINGULARS = frozenset(
    "source official insider person diplomat aide adviser advisor spokesperson spokesman spokeswoman "
    "analyst expert observer employee staffer officer executive member".split()
)

#: Lower-case modifiers that leave a vague noun vague: "senior security officials".
VAGUE_MODIFIERS = frozenset(
    """senior top high-ranking high-level unnamed anonymous some many several two three four five
    various numerous certain other security intelligence military government western local foreign
    independent informed knowledgeable well-placed reliable credible political diplomatic industry
    market leading prominent international regional provincial federal state administration party
    defence defense police health legal financial economic energy climate medical private
    former current veteran and most industry hospital cybersecurity company party university
    western-backed rebel militia""".split()
)

#: Multi-word anonymous-source phrasings (lower-case, matched as word sequences).
ANONYMOUS_PHRASES = (
    "a source close to", "sources close to", "a person familiar with", "people familiar with",
    "a person with knowledge of", "people with knowledge of", "who asked not to be named",
    "who spoke on condition of anonymity", "on condition of anonymity", "who declined to be named",
    "who requested anonymity", "speaking on condition of anonymity", "who did not want to be named",
)

#: News agencies credited in copy; a credit is information, not a defect.
AGENCIES = {
    "AFP": "AFP", "Agence France-Presse": "AFP", "Agence France Presse": "AFP",
    "Reuters": "Reuters", "AP": "AP", "Associated Press": "AP", "The Associated Press": "AP",
    "DW": "DW", "Deutsche Welle": "DW", "dpa": "dpa", "DPA": "dpa", "Deutsche Presse-Agentur": "dpa",
    "ANI": "ANI", "PTI": "PTI", "Press Trust of India": "PTI", "Xinhua": "Xinhua", "TASS": "TASS",
    "EFE": "EFE", "ANSA": "ANSA", "Kyodo": "Kyodo", "Yonhap": "Yonhap", "UPI": "UPI", "IANS": "IANS",
    "Anadolu": "Anadolu", "Anadolu Agency": "Anadolu", "Bernama": "Bernama", "APP": "APP",
    "Bloomberg": "Bloomberg", "PA Media": "PA Media", "Press Association": "PA Media", "AAP": "AAP",
    "Australian Associated Press": "AAP", "Canadian Press": "Canadian Press", "KUNA": "KUNA", "WAFA": "WAFA",
}

#: Capitalised words that are never a speaker's name on their own.
NOT_NAMES = CALENDAR_WORDS | NOT_NAME_OPENERS | SENTENCE_ADVERBS
# fmt: on
