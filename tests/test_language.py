"""The language layer: word forms and the lists every check shares."""

from __future__ import annotations

import random
import re

import pytest

from reliability.checks.contradiction.quantities import counts
from reliability.document import Document
from reliability.language.dates import CALENDAR_WORDS, MONTHS, WEEKDAYS
from reliability.language.morphology import singular, stem, without_possessive
from reliability.language.patterns import first_letters
from reliability.language.punctuation import opens_with_quote
from reliability.models import Article


@pytest.mark.parametrize(
    ("word", "owner"),
    [
        ("Mujahid’s", "Mujahid"),
        ("labour's", "labour"),
        ("Jones", "Jones"),
        ("bus", "bus"),
        ("Texas", "Texas"),
        ("boss’s", "boss"),
        ("s", "s"),
        ("'s", ""),
        ("Bush's\n", "Bush\n"),  # as the pattern `['’]s$` had it: `$` matches before a last newline
        ("it's\nx", "it's\nx"),
    ],
)
def test_without_possessive_removes_the_suffix_only(word: str, owner: str) -> None:
    assert without_possessive(word) == owner


def test_count_modifiers_keep_names_ending_in_s() -> None:
    """ "40 Jones employees": the modifier is "jones", not "jone" (a character strip, not a suffix strip, did that)."""
    text = "Police said 12 Texas students were hurt. Officials said 40 Jones employees were hurt."
    found = counts(Document(Article(id="t", text=text)))
    modifiers = {m for count in found for m in count.modifiers}
    assert modifiers == {"texas", "jones"}


def test_one_stem_rule_for_every_form_of_a_word() -> None:
    assert stem("israel") == stem("israeli") == stem("israel's") == "israe"
    assert stem("protesters") == stem("protest")
    assert stem("it’s") == "it"


@pytest.mark.parametrize(
    ("plural", "one"), [("deputies", "deputy"), ("lawyers", "lawyer"), ("boss", "boss"), ("bus", "bus"), ("is", "is")]
)
def test_singular(plural: str, one: str) -> None:
    assert singular(plural) == one


def test_calendar_words() -> None:
    assert len(WEEKDAYS) == 7 and len(MONTHS) == 12
    assert CALENDAR_WORDS == set(WEEKDAYS) | set(MONTHS)


@pytest.mark.parametrize(
    ("text", "quoted"), [("“We will win,” he said.", True), ("  'No,' she said.", True), ("He said no.", False)]
)
def test_opens_with_quote(text: str, quoted: bool) -> None:
    assert opens_with_quote(text) is quoted


def test_memo_computes_a_view_once_per_document() -> None:
    document = Document(Article(id="t", text="One sentence here. Another one there."))
    calls: list[Document] = []

    def build(doc: Document) -> int:
        calls.append(doc)
        return len(doc.sentences)

    assert document.memo("test.sentences", build) == 2
    assert document.memo("test.sentences", build) == 2
    assert calls == [document]
    other = Document(Article(id="u", text="Only one."))
    assert other.memo("test.sentences", build) == 1 and len(calls) == 2


def test_english_stop_words_are_scikit_learns_list() -> None:
    """Written out so scoring never imports scikit-learn; the off-topic models were fitted with sklearn's."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as SKLEARN

    from reliability.language.stop_words import ENGLISH_STOP_WORDS

    assert ENGLISH_STOP_WORDS == SKLEARN


def test_scoring_an_article_imports_neither_scikit_learn_nor_nltk() -> None:
    """Each spawned worker and each CLI run would pay seconds of imports before its first article."""
    import subprocess
    import sys

    script = (
        "import sys\nfrom reliability.engine import Engine\nfrom reliability.config import Settings\n"
        "Engine(Settings.load(semantic=False)).score('The mayor said on Monday that roads would cost 5 million. "
        "Critics disagreed, said Maria Okafor.')\n"
        "print(sorted({'sklearn', 'scipy', 'nltk', 'textstat', 'torch'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_word_sets_feeding_learned_models_keep_the_forms_they_were_fitted_with() -> None:
    """The checks compose these from `language.pronouns`, `hedges` and `verbs`; an edit there must not
    silently change what the style metrics, the boilerplate line model, the statement scorer, the speaker
    ranker or the contradiction gate count (the Document keeps "you're" as one token, so contractions do count)."""
    from reliability.checks import style
    from reliability.checks.attribution import confidence
    from reliability.checks.contradiction import gate
    from reliability.checks.off_topic import line_features
    from reliability.language import people

    assert style.FIRST_PERSON == set("i me my mine myself we us our ours ourselves".split())
    assert style.SECOND_PERSON == set("you your yours yourself yourselves".split())
    assert style.HEDGES == set(
        "reportedly allegedly apparently purportedly supposedly rumored rumoured possibly".split()
    )
    assert line_features._YOU == set("you your you're yours yourself".split())
    assert line_features._WE == set("we our us we're ours".split())
    assert confidence._FIRST_PERSON == set("i we my our me us i'm we're".split())
    assert gate._FIRST_PERSON_FORMS == set("I We My Our we my our me us".split())
    assert people._FEMALE_PRONOUNS == {"she", "her"} and people._MALE_PRONOUNS == {"he", "him", "his"}
    words = Document(Article(id="a", text="You're sure we're done?")).lower_words
    assert words == ("you're", "sure", "we're", "done")


def test_a_first_letters_lookahead_changes_no_match() -> None:
    words = ["at least", "about", "one", "Reuters", "ſome", "(AP)", "-ish", "İstanbul", "over"]
    alternation = "|".join(re.escape(w) for w in words)
    generator = random.Random(7)
    alphabet = "aAbBoOnNeEsSſİi(){}-PR tl"
    texts = ["".join(generator.choice(alphabet) for _ in range(60)) for _ in range(3000)]
    texts += ["At Least ONE (AP) reuters ABOUT", "SOME İSTANBUL ſome over-ish"]
    for flags in (0, re.I):
        plain = re.compile(rf"\b(?:{alternation})", flags)
        led = re.compile(rf"\b(?={first_letters(words)})(?:{alternation})", flags)
        for text in texts:
            assert [m.span() for m in led.finditer(text)] == [m.span() for m in plain.finditer(text)]
