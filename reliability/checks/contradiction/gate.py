"""Which candidate contradictions are worth a warning: a logistic model over features of the pair.

The four detectors propose pairs cheaply (same count, same person's title, same event's date, a
closely matching sentence negated); on real news most proposals are two true statements that look
alike. The gate scores each pair from what both sentences say and how (word overlap, a negation, speech,
quotes, questions, first person, contrast, names on one side only), never from where they sit, how long
they are or which detector proposed them, which differ between the data it learned from and articles.
Fitted by evaluation/train_contradiction_gate.py on public data (clean news desks' articles against
human-written contradiction pairs); weights in `gate_model.json`. Each kind warns from its own
threshold, set so that on the clean articles it learned from a kind warns on no more than its share of
a 2% budget; the public pairs hold contradictions of one kind only (a negation), so the others' cut is
a false-alarm budget, not a learned boundary. Below its threshold a pair is still reported, as an
`info` for an editor who wants to look, and costs the article nothing.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from reliability.checks.contradiction.conflicts import Conflict
from reliability.checks.contradiction.statements import Statement
from reliability.language.pronouns import FIRST_PLURAL, FIRST_SINGULAR, OBJECTS, POSSESSIVE_DETERMINERS, SUBJECTS
from reliability.logistic import logistic, standardised_logit

#: The speaker's own voice, as the gate was fitted: "I", "we", "my", "our", "me", "us", capitalised save the
#: objects, and never a lower-case "i" (as in "i.e.").
_FIRST_PERSON = (FIRST_SINGULAR | FIRST_PLURAL) & (SUBJECTS | OBJECTS | POSSESSIVE_DETERMINERS)
_FIRST_PERSON_FORMS = {w.capitalize() for w in _FIRST_PERSON - OBJECTS} | (_FIRST_PERSON - {"i"})
_FIRST_PERSON_RE = re.compile(rf"\b(?:{'|'.join(sorted(_FIRST_PERSON_FORMS))})\b")
_CONTRAST_RE = re.compile(r"\b(?:but|although|though|however|while|whereas|yet)\b", re.IGNORECASE)
FEATURES = (
    "overlap",
    "jaccard",
    "log_shared",
    "negation_differs",
    "either_quoted",
    "both_reported",
    "either_question",
    "first_person",
    "contrast",
    "names_one_side",
    "names_shared",
)


def pair_features(conflict: Conflict) -> list[float]:
    a, b = conflict.earlier, conflict.later
    shared = len(a.content & b.content)
    union = len(a.content | b.content)
    small = min(len(a.content), len(b.content))
    return [
        shared / small if small else 0.0,
        shared / union if union else 0.0,
        math.log1p(shared),
        float(a.negated != b.negated),
        float(a.quoted or b.quoted or _quotes_inside(a) or _quotes_inside(b)),
        float(a.reported and b.reported),
        float(_question(a) or _question(b)),
        float(bool(_FIRST_PERSON_RE.search(a.sentence.text) or _FIRST_PERSON_RE.search(b.sentence.text))),
        float(bool(_CONTRAST_RE.search(a.sentence.text) or _CONTRAST_RE.search(b.sentence.text))),
        math.log1p(len(a.names ^ b.names)),
        math.log1p(len(a.names & b.names)),
    ]


def _question(statement: Statement) -> bool:
    return statement.sentence.text.rstrip(" ”\"’'").endswith("?")


def _quotes_inside(statement: Statement) -> bool:
    return "“" in statement.sentence.text or '"' in statement.sentence.text


@dataclass(frozen=True)
class Gate:
    means: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    thresholds: dict[str, float]  # per kind: the likelihood from which a pair warns

    def warns(self, conflict: Conflict, likelihood: float) -> bool:
        return likelihood >= self.thresholds.get(conflict.kind, 1.0)

    def likelihood(self, conflict: Conflict) -> float:
        return logistic(
            standardised_logit(pair_features(conflict), self.means, self.scales, self.weights, self.intercept)
        )


@lru_cache(maxsize=1)
def load_gate() -> Gate:
    data = json.loads(files(__package__).joinpath("gate_model.json").read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError("gate_model.json was fitted on other features: rerun evaluation/train_contradiction_gate.py")
    return Gate(
        tuple(data["means"]), tuple(data["scales"]), tuple(data["weights"]), data["intercept"], data["thresholds"]
    )
