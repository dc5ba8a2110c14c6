"""Function words, lower-case: each list says what it is for.

`STOP_WORDS` leaves the content words of a sentence to compare; `FUNCTION_WORDS` is the short core
that every stretch of English prose uses (a run of words without any is a list, a table or a
headline); `ENGLISH_MARKERS` are the most frequent English words, whose share tells English text
from other languages; `NOT_NAME_OPENERS` are capitalised at the start of a sentence but never start
a name; `CLAUSE_OPENERS` are the determiners and pronouns that begin a clause; `ENGLISH_STOP_WORDS`
is scikit-learn's longer list, for the off-topic models that were fitted with it.
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

#: scikit-learn's English stop words (`sklearn.feature_extraction.text.ENGLISH_STOP_WORDS`, from the
#: Glasgow Information Retrieval Group's list), written out so that scoring never imports scikit-learn,
#: whose import alone costs ~1.7 s of CPU in every process (each spawned worker, each CLI run); a test
#: keeps the two equal.
ENGLISH_STOP_WORDS = frozenset(
    "a about above across after afterwards again against all almost alone along already also although always "
    "am among amongst amoungst amount an and another any anyhow anyone anything anyway anywhere are around as "
    "at back be became because become becomes becoming been before beforehand behind being below beside "
    "besides between beyond bill both bottom but by call can cannot cant co con could couldnt cry de describe "
    "detail do done down due during each eg eight either eleven else elsewhere empty enough etc even ever "
    "every everyone everything everywhere except few fifteen fifty fill find fire first five for former "
    "formerly forty found four from front full further get give go had has hasnt have he hence her here "
    "hereafter hereby herein hereupon hers herself him himself his how however hundred i ie if in inc indeed "
    "interest into is it its itself keep last latter latterly least less ltd made many may me meanwhile might "
    "mill mine more moreover most mostly move much must my myself name namely neither never nevertheless next "
    "nine no nobody none noone nor not nothing now nowhere of off often on once one only onto or other others "
    "otherwise our ours ourselves out over own part per perhaps please put rather re same see seem seemed "
    "seeming seems serious several she should show side since sincere six sixty so some somehow someone "
    "something sometime sometimes somewhere still such system take ten than that the their them themselves "
    "then thence there thereafter thereby therefore therein thereupon these they thick thin third this those "
    "though three through throughout thru thus to together too top toward towards twelve twenty two un under "
    "until up upon us very via was we well were what whatever when whence whenever where whereafter whereas "
    "whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why will "
    "with within without would yet you your yours yourself yourselves".split()
)
