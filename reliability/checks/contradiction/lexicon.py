"""Words the contradiction check reads: number words, hedges, roles, events, negations, antonyms, cues."""

from __future__ import annotations

import math
import re

from reliability.language.people import OFFICE_TITLES

# Word tables: one line per group reads better than one line per word.
# fmt: off

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "dozen": 12}
# Plural scale words alone: "hundreds of civilians" is at least two hundred, fewer than a thousand.
VAGUE_PLURALS = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
                 "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999), "millions": (2e6, 9.99e8)}

INF = math.inf
# hedge -> interval around n (as multipliers of n), lower and upper
HEDGES = {
    "at least": (1.0, INF), "more than": (1.0001, INF), "over": (1.0001, INF), "upwards of": (1.0, INF),
    "in excess of": (1.0001, INF), "no fewer than": (1.0, INF), "nearly": (0.8, 1.0), "almost": (0.8, 1.0),
    "close to": (0.8, 1.05), "just under": (0.85, 1.0), "about": (0.75, 1.25), "around": (0.75, 1.25),
    "roughly": (0.75, 1.25), "approximately": (0.75, 1.25), "some": (0.75, 1.25), "an estimated": (0.7, 1.3),
    "estimated": (0.7, 1.3), "up to": (0.0, 1.0), "as many as": (0.0, 1.0), "at most": (0.0, 1.0),
    "fewer than": (0.0, 0.9999), "less than": (0.0, 0.9999), "under": (0.0, 0.9999), "no more than": (0.0, 1.0),
}

CHANGE = "change"
# What a count counts, when the noun alone does not say: the dead and the hurt are different tallies.
OUTCOMES = {
    "dead": ("killed", "dead", "died", "deaths", "death", "lives", "bodies", "fatalities", "perished", "slain", "toll"),
    "hurt": ("injured", "wounded", "hurt", "injuries", "casualties"),
    "missing": ("missing", "unaccounted"),
    "held": ("arrested", "detained", "captured", "held", "hostages", "kidnapped", "abducted"),
    "moved": ("displaced", "evacuated", "fled", "homeless", "refugees"),
    # a change in a number, not the number: "employ 521 journalists" … "axing 90 journalist jobs"
    CHANGE: ("cut", "cuts", "cutting", "axe", "axed", "axing", "shed", "shedding", "sheds", "redundancies",
             "layoffs", "hire", "hired", "hiring", "create", "created", "creating"),
}
OUTCOME_OF = {word: outcome for outcome, words in OUTCOMES.items() for word in words}
GENERIC_COUNTED = frozenset({"people", "persons", "person", "individuals", "others", "dead", "killed", "injured",
                             "wounded", "victims", "casualties"})

ROLE_TOKENS = frozenset(word for role in OFFICE_TITLES for word in role.split())
NOT_A_CURRENT_ROLE = re.compile(r"\b(?:former|ex|then|acting|interim|outgoing|incoming|late|previous|one-time|onetime|would-be|new)\b", re.I)
SPELLING_VARIANTS = {"defence": "defense", "labour": "labor", "councillor": "councilor", "spokeswoman": "spokesperson",
                     "spokesman": "spokesperson", "chairwoman": "chair", "chairman": "chair"}

EVENT_WORDS = frozenset(
    "attack attacks attacked bombing explosion blast crash collision fire blaze talks meeting summit vote voted election "
    "strike walkout protest protests rally march ceasefire truce agreement deal signing signed announcement announced "
    "match game final race hearing trial verdict ruling sentencing visit visited arrived landed launch launched opened "
    "opening closed closure resigned resignation died killed raid earthquake storm flood eruption erupted collapse collapsed "
    "derailed derailment fight clash clashes ambush shooting heist robbery theft break-in discovered found".split()
)

NEGATIONS = frozenset("not no never none neither nor without n't cannot".split())
# Verbs and states that reverse each other when said of the same thing.
ANTONYMS = (
    ("held", "collapsed"), ("held", "broke"), ("held", "broken"), ("agreed", "rejected"), ("agreed", "refused"),
    ("accepted", "rejected"), ("accepted", "refused"), ("approved", "rejected"), ("approved", "blocked"),
    ("passed", "rejected"), ("passed", "failed"), ("alive", "killed"), ("alive", "dead"), ("survived", "died"),
    ("survived", "killed"), ("confirmed", "denied"), ("admitted", "denied"), ("won", "lost"), ("win", "lose"),
    ("rose", "fell"), ("increased", "decreased"), ("increased", "fell"), ("rose", "dropped"), ("rising", "falling"),
    ("higher", "lower"), ("up", "down"), ("open", "closed"), ("opened", "closed"), ("reopened", "closed"),
    ("guilty", "acquitted"), ("guilty", "innocent"), ("convicted", "acquitted"), ("present", "absent"),
    ("resumed", "suspended"), ("lifted", "imposed"), ("allowed", "banned"), ("legal", "illegal"),
    ("succeeded", "failed"), ("success", "failure"), ("stayed", "left"), ("attended", "skipped"), ("released", "detained"),
    ("freed", "detained"), ("ended", "continued"), ("ended", "continues"), ("signed", "rejected"), ("supports", "opposes"),
    ("supported", "opposed"), ("include", "exclude"), ("included", "excluded"), ("before", "after"), ("first", "last"),
    ("peaceful", "violent"), ("increase", "decrease"), ("gain", "loss"), ("profit", "loss"), ("cut", "raised"),
    ("hired", "fired"), ("arrested", "released"), ("remain", "resign"), ("remains", "resigned"), ("stable", "critical"),
)
ANTONYM_OF: dict[str, set[str]] = {}
for left, right in ANTONYMS:
    ANTONYM_OF.setdefault(left, set()).add(right)
    ANTONYM_OF.setdefault(right, set()).add(left)

# A sentence that reports a claim: who says so decides whether a disagreement is the article's.
SPEECH_CUES = re.compile(
    r"\b(?:said|says|say|told|tells|stated|claimed|claims|according to|denied|denies|insisted|insists|argued|argues|"
    r"alleged|alleges|accused|accuses|added|reported|reports|announced|maintained|maintains|countered|rejected claims|"
    r"disputed|disputes|contends|contended|believes|believed|estimated|estimates|put the (?:toll|number|figure)|"
    r"criticised|criticized|criticises|criticizes|condemned|condemns|warned|warns)\b",
    re.I,
)
# A possibility, not a claim (lower case only: "May" is a month): "it might be considered marketing".
HEDGED = re.compile(r"\b(?:might|may|could)\b")
# A statement that announces its own change: "rose to 40 from 23" is an update, not a contradiction.
UPDATE_CUES = re.compile(
    r"\b(?:rose|risen|climbed|increased|jumped|grew|grown|fell|fallen|dropped|declined|revised|raised|lowered) (?:to|from|by)\b|"
    r"\b(?:revised|updated|corrected|corrects|correction|initially|initial reports?|first reported|previously|originally|preliminary|"
    r"provisional|has since|have since|had since|now stands|so far|up from|down from|no longer|"
    r"earlier (?:reports?|figures?|estimates?|counts?|tallies))\b|\bfrom \S+ to \S+",
    re.I,
)
# fmt: on
