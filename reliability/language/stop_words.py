"""Function words, lower-case: each list says what it is for.

`STOP_WORDS` leaves the content words of a sentence to compare; `FUNCTION_WORDS` is the short core
that every stretch of English prose uses (a run of words without any is a list, a table or a
headline); `ENGLISH_MARKERS` are the most frequent English words, whose share tells English text
from other languages; `NOT_NAME_OPENERS` are capitalised at the start of a sentence but never start
a name; `CLAUSE_OPENERS` are the determiners and pronouns that begin a clause.
"""

from __future__ import annotations

STOP_WORDS = frozenset(
    "a an the and or but if of to in on at by for with from as is are was were be been being has have had do does did "
    "it its this that these those he she they we you i his her their our your them him us who whom which what when "
    "where why how than then there here also not no never so such very can could would should will may might must "
    "said says say told after before over under into about up down out more most other some any all each both since "
    "between while during until still just only even again already yet per via among against across through near "
    "according".split()
)

FUNCTION_WORDS = frozenset(
    "the a an of to in on at for with by from and or but not is are was were be been has have had will would can "
    "could this that these those it its he she they we you your our their his her who what which why how when as "
    "after before over into about just now new all no more must say says said get".split()
)

ENGLISH_MARKERS = frozenset(
    "the of and to in is that for on was with as by it at from are be this have has an not were said "
    "but or which their they after who its been had will would".split()
)

NOT_NAME_OPENERS = frozenset(
    "the a an this that these those it in on at for but and or if as by with from after before when while "
    "since though although however he she they we i you his her their its our despite under over most some "
    "many both neither just still yet so then there here what why how who where unlike each every i'm".split()
)
#: Sentence adverbs that, capitalised, are no name either: "Meanwhile", "Earlier", "Furthermore".
SENTENCE_ADVERBS = frozenset(
    "today yesterday tonight meanwhile earlier later also according echoing historically concurrently separately "
    "additionally furthermore moreover".split()
)

CLAUSE_OPENERS = frozenset("the this these those that there their they he she his her we our".split())
