"""Hedging adverbs, lower-case: the writer marks a claim as not their own, or not certain."""

from __future__ import annotations

#: Hearsay: the claim comes from others, unnamed ("he reportedly fled", "the allegedly stolen car").
HEARSAY_ADVERBS = frozenset("reportedly allegedly purportedly reputedly supposedly".split())
#: Inference: the writer concludes it from what they saw ("she apparently left early").
INFERENCE_ADVERBS = frozenset({"apparently"})
