"""Auxiliary verbs, lower-case: the small closed class that carries tense, voice and mood."""

from __future__ import annotations

#: Forms of "be" (passive voice, progressive aspect): "was told", "is saying".
BE_FORMS = frozenset("is are was were be been being am".split())
#: Forms of "have" (perfect aspect): "has said".
HAVE_FORMS = frozenset("have has had".split())
#: Forms of "do" (questions, negation, emphasis): "did not say".
DO_FORMS = frozenset("do does did".split())
#: Modal verbs: "will argue", "might say".
MODALS = frozenset("will would could can should may might must shall".split())
