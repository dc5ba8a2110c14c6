"""English tuning of segmentation: where the sentence splitter needs help, and what a name looks like."""

from __future__ import annotations

import re

from reliability.language.people import HONORIFICS

#: Sentences glued by bad extraction: "at noon.The Wire is now on WhatsApp".
GLUED_SENTENCE_RE = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
#: sentencex reads "May." as an abbreviation before a title ("on 5 May. Mr Blair said"), not before "He".
MISSED_BOUNDARY_RE = re.compile(
    r"(?<=\bMay\.)\s+(?=(?:" + "|".join(sorted(t.title() for t in HONORIFICS | {"prof"})) + r")\b)"
)
#: A proper name: capitalised words, optionally joined by a few lower-case particles ("Bank of England").
NAME_RE = re.compile(
    r"(?:[A-Z][\w’'.\-]*[\w]|[A-Z])(?:\s+(?:(?:of|the|de|al|bin|von|van|der|for)\s+)?(?:[A-Z][\w’'.\-]*[\w]|[A-Z]))*"
)
