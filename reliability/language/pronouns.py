"""Personal pronouns, lower-case, as the Document's word tokens spell them ("you're" is one token).

Kept as two crossing partitions, so a check composes exactly the forms it counts: by person and
number (who speaks, who is spoken to, who is spoken of) and by role (subject, object, possessive
determiner, possessive pronoun, reflexive, contracted with "be"); the personal third person is also
split by sex.
"""

from __future__ import annotations

#: The writer speaking for themself: "I", "me", "my", "mine", "myself", "I'm".
FIRST_SINGULAR = frozenset("i me my mine myself i'm".split())
#: The writer speaking for a group: "we", "us", "our", "ours", "ourselves", "we're".
FIRST_PLURAL = frozenset("we us our ours ourselves we're".split())
#: The reader addressed, one of them: "you", "your", "yours", "yourself", "you're".
SECOND_SINGULAR = frozenset("you your yours yourself you're".split())
#: The readers addressed, several: as above with "yourselves".
SECOND_PLURAL = frozenset("you your yours yourselves you're".split())
#: A third party that is a person: "he", "she" and their forms.
THIRD_PERSONAL = frozenset("he him his himself he's she her hers herself she's".split())
#: The personal third person by sex: "she" and its forms, "he" and its forms.
FEMININE = frozenset("she her hers herself she's".split())
MASCULINE = frozenset("he him his himself he's".split())
#: A third party that is a thing, or one of unknown kind: "it", "they" and their forms.
THIRD_IMPERSONAL = frozenset("it its itself it's they them their theirs themselves they're".split())

#: Pronouns that stand as a clause's subject.
SUBJECTS = frozenset("i we you he she it they".split())
#: Pronouns that stand as an object.
OBJECTS = frozenset("me us you him her it them".split())
#: Possessive determiners, before a noun: "my", "our", "its".
POSSESSIVE_DETERMINERS = frozenset("my our your his her its their".split())
#: Possessive pronouns, standing alone: "mine", "ours", "theirs".
POSSESSIVE_PRONOUNS = frozenset("mine ours yours his hers its theirs".split())
#: Reflexives: "myself", "ourselves", "themselves".
REFLEXIVES = frozenset("myself ourselves yourself yourselves himself herself itself themselves".split())
#: A subject pronoun contracted with "be" ("he's" may also be "he has").
CONTRACTED = frozenset("i'm we're you're he's she's it's they're".split())
