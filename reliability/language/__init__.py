"""English language resources, each defined once, as plain data modules every check imports.

Modelled on spaCy's `lang/en/`: `stop_words` (function words and stop words), `dates` (weekday and
month names), `punctuation` (quotation marks, sentence-final marks), `morphology` (possessives,
stems, plurals), `people` (titles, honorifics, role nouns, nationalities), `pronouns` (personal
pronouns by person and by role), `hedges` (hearsay and inference adverbs), `verbs` (auxiliaries:
be, have, do, modals), `segmentation` (the English fixes to the sentence splitter, and what a
proper name looks like) and `dictionaries` (the CMU Pronouncing Dictionary, syllables, the
Dale–Chall easy words). A check that needs a word list takes it from here; a list that only one check reads, for its own purpose (sensational
words, antonyms, boilerplate phrasings), stays in that check's `lexicon`.
"""
